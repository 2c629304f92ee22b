"""Forms whose labels go above their fields when the form is narrow.

``QFormLayout.WrapLongRows`` puts a field under its label only when the field's
minimum width does not fit beside the label column; a line edit's minimum is a
few characters, so at 200 % text (or in a longer language) a field stayed beside
its label, squeezed ("e.g. NA Tues…"). In a ``Form`` every line edit has a minimum
width in ``em`` (the style sheet's ``formField`` rule, so it follows the text
size live), and as the label column is as wide as the widest label, the rows
then wrap together: all beside at 100 % in a roomy dialog, all above when narrow.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget


class Form(QFormLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

    def addRow(self, *args: Any) -> None:
        super().addRow(*args)
        field = args[-1]
        # Only a line edit: its own minimum is a few characters. A style sheet minimum
        # replaces a widget's own, so on a date field or a composite row it would cut.
        if len(args) == 2 and isinstance(field, QLineEdit):
            field.setProperty("formField", True)
