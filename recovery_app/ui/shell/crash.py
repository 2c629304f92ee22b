"""What happens when a bug escapes: the traceback to the log, one calm dialog.

The log gets the code the bug went through, never its message (which can
quote what the person wrote). The dialog is shown once at a time: a bug that
repeats on every repaint must not stack up windows.
"""

from __future__ import annotations

import logging
import threading
from types import TracebackType

from recovery_app import APP_NAME
from recovery_app.core.i18n import translate
from recovery_app.log import bug_report

log = logging.getLogger(__name__)
CALM_WORDS = translate(
    "ui.shell.crash",
    "Something went wrong inside the app. Your saved data is safe. "
    "If this keeps happening, please restart the app.",
)


class CrashDialog:
    """The calm message; a classmethod so tests can answer it."""

    showing = False

    @classmethod
    def tell(cls, text: str = CALM_WORDS) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, APP_NAME, text)

    @classmethod
    def show_once(cls, text: str = CALM_WORDS) -> bool:
        """Show the message unless it is already up; True when it was shown now."""
        if cls.showing:
            return False
        cls.showing = True
        try:
            cls.tell(text)
        finally:
            cls.showing = False
        return True


def handle_bug(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the GUI.

    A ``KnownError`` that no screen caught (a full disk while saving a reading
    place, say) still carries words written for the person: they are shown
    instead of the general ones.
    """
    from recovery_app.core.errors import KnownError

    log.error("%s", bug_report(kind, value, tb))
    text = value.message if isinstance(value, KnownError) else CALM_WORDS
    from PySide6.QtWidgets import QApplication

    # A dialog can only be shown from the UI thread; elsewhere the log is enough.
    if (
        QApplication.instance() is not None
        and threading.current_thread() is threading.main_thread()
    ):
        CrashDialog.show_once(text)
