"""Get help: the public crisis lines, the person's own lines and people, one click or F1 away.

While the app is locked only the public lines show: the person's own
contacts are in the encrypted database.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.errors import KnownError
from recovery_app.core.help.contacts import Contact, ContactKind
from recovery_app.core.i18n import translate
from recovery_app.storage.help.ops import contacts, remove_contact, save_contact
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.style import heading, scroll_area, set_font_scale, wrapped
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.common.windowing import bring_to_front
from recovery_app.ui.help.contact_dialog import ContactDialog
from recovery_app.ui.help.crisis import COUNTRY_NOTE, CRISIS_LINES


def _number_label(number: str, name: str) -> QLabel:
    label = QLabel(number)
    set_font_scale(label, 1.3)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(f"{name}: {number}")
    return label


def _share(grid: QGridLayout) -> None:
    """Who on the left, the number and buttons on the right. The names keep at least
    the style sheet's ``lineName`` width, so at large text the buttons wrap under the
    number before the names are squeezed to a word a line."""
    grid.setColumnStretch(0, 1)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: AppContext | None = None  # None while locked: public lines only
        self.setWindowTitle(translate("ui.help.dialog", "Get help now"))
        self.setAccessibleName(translate("ui.help.dialog", "Get help now"))
        self.setMinimumSize(600, 560)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setSpacing(12)
        layout.addWidget(
            heading(translate("ui.help.dialog", "You don't have to face this alone"), 1.3)
        )
        layout.addWidget(
            wrapped(
                translate(
                    "ui.help.dialog",
                    "If things feel bad right now, reaching out is a strong step. "
                    "The services below are free and confidential.",
                )
            )
        )
        # The person's own people come first once there are some; the public lines otherwise.
        self.sections = layout
        self.public = QWidget()
        public = QVBoxLayout(self.public)
        public.setContentsMargins(0, 0, 0, 0)
        public.addWidget(heading(translate("ui.help.dialog", "Crisis and help lines"), 1.15))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        for row, line in enumerate(CRISIS_LINES):
            name = QLabel(f"<b>{line.name}</b><br>{line.detail}")
            name.setWordWrap(True)
            name.setTextFormat(Qt.TextFormat.RichText)
            self._row(
                grid, row, name, _number_label(line.number, line.name), line.name, line.number
            )
        _share(grid)
        public.addLayout(grid)
        public.addWidget(wrapped(COUNTRY_NOTE))

        self.own = QWidget()
        own = QVBoxLayout(self.own)
        own.setContentsMargins(0, 0, 0, 0)
        own.addWidget(heading(translate("ui.help.dialog", "Your people and local lines"), 1.15))
        self.own_hint = wrapped()
        self.own_hint.setAccessibleName(translate("ui.help.dialog", "About your own contacts"))
        own.addWidget(self.own_hint)
        self.own_grid = QGridLayout()
        self.own_grid.setHorizontalSpacing(12)
        _share(self.own_grid)
        own.addLayout(self.own_grid)
        self.add_button = QPushButton(translate("ui.help.dialog", "&Add a person or line…"))
        self.add_button.setAccessibleName(translate("ui.help.dialog", "Add a person or local line"))
        self.add_button.clicked.connect(lambda: self.edit(None))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        own.addLayout(add_row)
        # My safety plan (written on the Toolkit page): after the lines, so a long plan
        # never pushes 988 out of sight; only while unlocked.
        self.safety_plan = QLabel()
        self.safety_plan.setTextFormat(Qt.TextFormat.RichText)
        self.safety_plan.setWordWrap(True)
        self.safety_plan.setAccessibleName(translate("ui.help.dialog", "My safety plan"))
        self.safety_plan.hide()
        layout.addWidget(self.public)
        layout.addWidget(self.own)
        layout.addWidget(self.safety_plan)
        layout.addStretch(1)

        scroll = scroll_area()
        scroll.setWidget(content)
        self.status = StatusLine(translate("ui.help.dialog", "Copy status"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            translate("ui.help.dialog", "Close Get help")
        )
        keys = buttons.addButton(
            translate("ui.help.dialog", "&Keyboard shortcuts…"),
            QDialogButtonBox.ButtonRole.HelpRole,
        )
        keys.setAccessibleName(translate("ui.help.dialog", "Keyboard shortcuts"))
        keys.setAutoDefault(False)
        keys.clicked.connect(self.show_shortcuts)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.status)
        outer.addWidget(buttons)

    def _row(
        self, grid: QGridLayout, row: int, name: QLabel, number: QLabel, who: str, digits: str
    ) -> FlowRow:
        """One line: who it is on the left; the number and its buttons on the right,
        wrapping under each other when the window is narrow (200 % text)."""
        copy = QPushButton(translate("ui.help.dialog", "Copy"))
        copy.setAccessibleName(
            translate("ui.help.dialog", "Copy the number for {who}").format(who=who)
        )
        copy.clicked.connect(lambda _=False, n=digits: self._copy(n))
        actions = QWidget()
        flow = FlowRow(actions)
        flow.add_stretch()
        flow.addWidget(number)
        flow.addWidget(copy)
        name.setObjectName("lineName")
        grid.addWidget(name, row, 0)
        grid.addWidget(actions, row, 1)
        return flow

    def _copy(self, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.status.setText(translate("ui.help.dialog", "Copied {number}.").format(number=number))

    # -- the person's own contacts -----------------------------------------------
    def show_contacts(self, ctx: AppContext | None) -> None:
        self.ctx = ctx
        while (item := self.own_grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.add_button.setVisible(ctx is not None)
        self._show_safety_plan(ctx)
        if ctx is None or ctx.db.closed:
            self._order(people_first=False)
            self.own_hint.setText(
                translate("ui.help.dialog", "Unlock the app to see the people and lines you added.")
            )
            return
        people = contacts(ctx.db)
        self._order(people_first=bool(people))
        if not people:
            self.own_hint.setText(
                translate(
                    "ui.help.dialog",
                    "Add the people you can call on a hard day (a sponsor, a therapist, your "
                    "doctor, a friend) and your local crisis line if you are outside the US. "
                    "They stay on this computer.",
                )
            )
        else:
            self.own_hint.setText(
                translate("ui.help.dialog", "Only you can see these. They stay on this computer.")
            )
        for row, person in enumerate(people):
            kind = (
                translate("ui.help.dialog", "Local line")
                if person.kind is ContactKind.CRISIS_LINE
                else person.role
            )
            details = " · ".join(p for p in (kind, person.note) if p)
            name = QLabel(
                f"<b>{escape(person.name)}</b>" + (f"<br>{escape(details)}" if details else "")
            )
            name.setTextFormat(Qt.TextFormat.RichText)
            name.setWordWrap(True)
            flow = self._row(self.own_grid, row, name, _number_label(person.phone, person.name),
                             person.name, person.phone)  # fmt: skip
            edit = QPushButton(translate("ui.help.dialog", "Edit"))
            edit.setAccessibleName(
                translate("ui.help.dialog", "Edit {name}").format(name=person.name)
            )
            edit.clicked.connect(lambda _=False, p=person: self.edit(p))
            remove = QPushButton(translate("ui.help.dialog", "Remove"))
            remove.setAccessibleName(
                translate("ui.help.dialog", "Remove {name}").format(name=person.name)
            )
            remove.clicked.connect(lambda _=False, p=person: self.remove(p))
            flow.addWidget(edit)
            flow.addWidget(remove)

    def _show_safety_plan(self, ctx: AppContext | None) -> None:
        from recovery_app.core.toolkit.plan import SECTIONS
        from recovery_app.storage.toolkit.ops import current_plan

        plan = current_plan(ctx.db) if ctx is not None and not ctx.db.closed else None
        if plan is None or not plan.has_safety_plan():
            self.safety_plan.hide()
            return
        parts = [f"<h3>{escape(translate('ui.help.dialog', 'My safety plan'))}</h3>"]
        for section in (s for s in SECTIONS if s.safety and plan.text(s.key)):
            lines = "<br>".join(escape(line) for line in plan.text(section.key).splitlines())
            parts.append(f"<p><b>{escape(section.title)}</b><br>{lines}</p>")
        self.safety_plan.setText("".join(parts))
        self.safety_plan.show()

    def _order(self, people_first: bool) -> None:
        first, second = (self.own, self.public) if people_first else (self.public, self.own)
        for index, section in enumerate((first, second), start=2):  # after heading and intro
            self.sections.removeWidget(section)
            self.sections.insertWidget(index, section)

    def show_shortcuts(self) -> None:
        from recovery_app.ui.help.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def edit(self, person: Contact | None) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        changed = ContactDialog.ask(self, person)
        if changed is None:
            return
        try:
            ctx.ops.run(lambda: save_contact(ctx.db, changed, ctx.clock.now()), self)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.status.setText(translate("ui.help.dialog", "Saved {name}.").format(name=changed.name))
        self.show_contacts(ctx)

    def remove(self, person: Contact) -> None:
        ctx = self.ctx
        if ctx is None or not Confirm.ask(
            self,
            translate("ui.help.dialog", "Remove contact"),
            translate("ui.help.dialog", "Remove {name} from your list?").format(name=person.name),
            translate("ui.help.dialog", "Remove"),
            translate("ui.help.dialog", "Keep"),
        ):
            return
        ctx.ops.run(lambda: remove_contact(ctx.db, person.uid), self)
        self.status.setText(translate("ui.help.dialog", "Removed {name}.").format(name=person.name))
        self.show_contacts(ctx)

    @classmethod
    def present(cls, parent: QWidget | None, ctx: AppContext | None = None) -> HelpDialog:
        """Show the dialog without blocking, reusing one already open."""
        existing = parent.findChild(HelpDialog) if parent is not None else None
        dialog = existing or cls(parent)
        dialog.show_contacts(ctx)
        bring_to_front(dialog)
        return dialog
