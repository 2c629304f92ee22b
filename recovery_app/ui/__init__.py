"""Qt user interface: main window, pages, dialogs, widgets."""
