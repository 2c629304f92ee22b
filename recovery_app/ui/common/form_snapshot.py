"""What is typed in an open form, as plain values, so a lock can close the form and the
unlock open it again as it was (the values are kept as an encrypted draft meanwhile).

A form is walked in the order its fields were made, which is the same each time the
same form is opened; a value that no longer fits its field is left out, never forced.
A form whose rows are made from the data (the taper plan, the day's symptoms) gives
its own values by name instead (``NamedValues``), since by position a value could
land in another row; so do the journal's forms, whose values are their drafts'. A
table cell still being edited is read from its editor. Passphrase fields are never
kept.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QWidget,
)

FORM_KEY = "formKey"  # a dialog's property: which form it is, e.g. "meeting:new"


@runtime_checkable
class NamedValues(Protocol):
    """A form that says what it holds by name, and takes it back the same way."""

    def form_values(self) -> dict[str, Any]: ...

    def put_form_values(self, values: dict[str, Any]) -> None: ...


def mark_form(dialog: QDialog, key: str) -> None:
    """This form comes back after a lock, with what was typed in it."""
    dialog.setProperty(FORM_KEY, key)


def form_key(widget: QWidget) -> str | None:
    key = widget.property(FORM_KEY)
    return key if isinstance(key, str) and key else None


def _fields(form: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for widget in form.findChildren(QWidget):
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            continue  # the line edit inside a spin box or an editable combo box
        if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
            continue  # a passphrase is never written down
        if isinstance(
            widget,
            QLineEdit | QPlainTextEdit | QTextEdit | QComboBox | QAbstractSpinBox | QTableWidget,
        ) or (isinstance(widget, QAbstractButton) and widget.isCheckable()):
            found.append(widget)
    return found


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return ["line", widget.text()]
    if isinstance(widget, QPlainTextEdit):
        return ["plain", widget.toPlainText()]
    if isinstance(widget, QTextEdit):
        return ["text", widget.toPlainText()]
    if isinstance(widget, QComboBox):
        return ["combo", widget.currentIndex(), widget.currentText()]
    if isinstance(widget, QDateTimeEdit):
        return ["when", widget.dateTime().toString("yyyy-MM-ddTHH:mm:ss")]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return ["number", widget.value()]
    if isinstance(widget, QTableWidget):
        commit_open_editor(widget)
        return [
            "table",
            [
                [_cell(widget, r, c) for c in range(widget.columnCount())]
                for r in range(widget.rowCount())
            ],
        ]
    if isinstance(widget, QAbstractButton):
        return ["checked", widget.isChecked()]
    return ["other"]


def commit_open_editor(view: QAbstractItemView) -> None:
    """A cell being typed in holds its text in its editor until it closes: put it in the
    cell now (a lock comes while typing, not after)."""
    focus = view.window().focusWidget()  # the form's, even while it isn't active
    editing = view.state() == QAbstractItemView.State.EditingState
    if editing and focus is not None and view.isAncestorOf(focus):
        view.commitData(focus)


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def snapshot(form: QWidget) -> list[Any] | dict[str, Any]:
    if isinstance(form, NamedValues):
        return form.form_values()
    return [_value(widget) for widget in _fields(form)]


def _put(widget: QWidget, value: list[Any]) -> None:
    kind = value[0] if value else None
    if kind == "line" and isinstance(widget, QLineEdit):
        widget.setText(str(value[1]))
    elif kind in ("plain", "text") and isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(str(value[1]))
    elif kind == "combo" and isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.setCurrentText(str(value[2]))
        elif isinstance(value[1], int) and 0 <= value[1] < widget.count():
            widget.setCurrentIndex(value[1])
    elif kind == "when" and isinstance(widget, QDateTimeEdit):
        when = QDateTime.fromString(str(value[1]), "yyyy-MM-ddTHH:mm:ss")
        if when.isValid():
            widget.setDateTime(when)
        elif (at := QTime.fromString(str(value[1])[11:16], "HH:mm")).isValid():
            widget.setTime(at)
    elif kind == "number" and isinstance(widget, QSpinBox) and isinstance(value[1], int):
        widget.setValue(value[1])
    elif kind == "number" and isinstance(widget, QDoubleSpinBox):
        if isinstance(value[1], int | float):
            widget.setValue(float(value[1]))
    elif kind == "table" and isinstance(widget, QTableWidget) and isinstance(value[1], list):
        rows = [r for r in value[1] if isinstance(r, list)]
        widget.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row[: widget.columnCount()]):
                widget.setItem(r, c, QTableWidgetItem(str(text)))
    elif kind == "checked" and isinstance(widget, QAbstractButton) and widget.isCheckable():
        widget.setChecked(bool(value[1]))


def restore(form: QWidget, values: list[Any] | dict[str, Any]) -> None:
    """Put the values back in the same fields; one that doesn't fit is left as it is."""
    if isinstance(values, dict):
        if isinstance(form, NamedValues):
            form.put_form_values(values)
        return
    fields = _fields(form)
    for widget, value in zip(fields, values, strict=False):
        if isinstance(value, list):
            _put(widget, value)
