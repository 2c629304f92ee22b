"""Add or edit one person or local help line for the Get help page."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.errors import KnownError
from recovery_app.core.help.contacts import ROLES, Contact, ContactKind, validate_contact
from recovery_app.core.i18n import translate
from recovery_app.ui.common.form_snapshot import mark_form
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.widgets import StatusLine, editable_combo


class ContactDialog(QDialog):
    def __init__(self, contact: Contact | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_form(self, f"contact:{contact.uid}" if contact is not None else "contact:new")
        self.original = contact or Contact("", "")
        self.setWindowTitle(translate("ui.help.contact_dialog", "A person or line to reach"))
        self.setAccessibleName(translate("ui.help.contact_dialog", "A person or line to reach"))
        self.kind = QComboBox()
        self.kind.addItem(
            translate("ui.help.contact_dialog", "A person I trust"), ContactKind.PERSONAL.value
        )
        self.kind.addItem(
            translate("ui.help.contact_dialog", "A local crisis or help line"),
            ContactKind.CRISIS_LINE.value,
        )
        self.kind.setAccessibleName(translate("ui.help.contact_dialog", "Kind of contact"))
        self.name = QLineEdit(self.original.name)
        self.name.setAccessibleName(translate("ui.help.contact_dialog", "Name"))
        self.role = editable_combo(
            translate("ui.help.contact_dialog", "Role, for example sponsor"), ["", *ROLES]
        )
        self.role.setCurrentText(self.original.role)
        self.phone = QLineEdit(self.original.phone)
        self.phone.setAccessibleName(translate("ui.help.contact_dialog", "Phone number"))
        self.phone.setPlaceholderText("+1 555 010 2233")
        self.note = QLineEdit(self.original.note)
        self.note.setAccessibleName(translate("ui.help.contact_dialog", "Note"))
        self.note.setPlaceholderText(translate("ui.help.contact_dialog", "e.g. best after 6pm"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(self.original.kind.value)))
        form = Form()
        form.addRow(translate("ui.help.contact_dialog", "&Kind"), self.kind)
        form.addRow(translate("ui.help.contact_dialog", "&Name"), self.name)
        form.addRow(translate("ui.help.contact_dialog", "&Role"), self.role)
        form.addRow(translate("ui.help.contact_dialog", "&Phone"), self.phone)
        form.addRow(translate("ui.help.contact_dialog", "N&ote"), self.note)
        self.status = StatusLine(translate("ui.help.contact_dialog", "Message"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.result_contact: Contact | None = None
        self.name.setFocus()  # the keyboard starts where there is something to type

    def contact(self) -> Contact:
        return replace(
            self.original,
            kind=ContactKind(self.kind.currentData()),
            name=self.name.text(),
            role=self.role.currentText(),
            phone=self.phone.text(),
            note=self.note.text(),
        )

    def _check(self) -> None:
        try:
            self.result_contact = validate_contact(self.contact())
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, contact: Contact | None = None) -> Contact | None:
        dialog = cls(contact, parent)
        dialog.exec()
        return dialog.result_contact
