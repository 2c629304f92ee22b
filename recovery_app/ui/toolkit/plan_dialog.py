"""Write my plan: the relapse-prevention plan and the safety plan, section by section.
Saving keeps a new version; the earlier ones stay and can be read again."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.clock import Clock, to_local
from recovery_app.core.errors import KnownError
from recovery_app.core.help.contacts import Contact
from recovery_app.core.i18n import translate
from recovery_app.core.journal.choices import ChoiceList
from recovery_app.core.toolkit.plan import SECTIONS, PlanVersion
from recovery_app.core.toolkit.reasons import Reason
from recovery_app.storage.journal.ops import load_choices
from recovery_app.storage.toolkit.ops import save_plan
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.drafts import DraftKeeper
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.style import heading, scrolling_content, wrapped
from recovery_app.ui.common.widgets import StatusLine, narrow
from recovery_app.ui.common.windowing import fit_on_screen


def _t(text: str) -> str:
    return translate("ui.toolkit.plan_dialog", text)


PARTS = (
    (False, _t("My relapse-prevention plan")),
    (True, _t("My safety plan")),
)


def plan_html(
    version: PlanVersion,
    clock: Clock,
    made: datetime,
    reasons: list[Reason] | None = None,
    people: list[Contact] | None = None,
) -> str:
    """The plan as a printable page: what it is at the top, then every part, my
    reasons and the people I can call."""
    saved = f"{to_local(version.saved_at, clock):%d %B %Y}"
    printed = f"{to_local(made, clock):%d %B %Y}"
    out = [
        f"<h1>{html.escape(_t('My plan'))}</h1>",
        "<p><i>"
        + html.escape(
            _t(
                "Written by me, for me, saved on {saved}; printed on {printed}. This page is "
                "not encrypted. In a crisis in the US, call or text 988; in danger, call 911."
            ).format(saved=saved, printed=printed)
        )
        + "</i></p>",
    ]
    for safety, title in PARTS:
        out.append(f"<h2>{html.escape(title)}</h2>")
        for section in (s for s in SECTIONS if s.safety is safety):
            words = version.text(section.key)
            body = "<br>".join(html.escape(line) for line in words.splitlines()) or "—"
            out.append(f"<h3>{html.escape(section.title)}</h3><p>{body}</p>")
    if reasons:
        items = "".join(f"<li>{html.escape(r.text)}</li>" for r in reasons)
        out.append(f"<h2>{html.escape(_t('My reasons for recovery'))}</h2><ul>{items}</ul>")
    if people:
        items = "".join(f"<li>{html.escape(p.name)}: {html.escape(p.phone)}</li>" for p in people)
        out.append(f"<h2>{html.escape(_t('People I can call'))}</h2><ul>{items}</ul>")
    return "".join(out)


class PlanDialog(QDialog):
    def __init__(
        self, ctx: AppContext, current: PlanVersion | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = _t("My plan")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        fit_on_screen(self, 720, 760)
        page = QWidget()
        body = scrolling_content(page)
        body.addWidget(heading(title, 1.4))
        body.addWidget(
            wrapped(
                _t(
                    "Write it on a good day, in your own words; leave out what doesn't fit. "
                    "Each time you save, the earlier version is kept. It stays on this "
                    "computer."
                )
            )
        )
        self.fields: dict[str, QPlainTextEdit] = {}
        for safety, part in PARTS:
            body.addWidget(heading(part, 1.2))
            if safety:
                body.addWidget(
                    wrapped(
                        _t(
                            "Six steps for a crisis, after the Stanley-Brown safety plan. "
                            "It is shown in Get help (F1)."
                        )
                    )
                )
            for section in (s for s in SECTIONS if s.safety is safety):
                label = QLabel(f"<b>{html.escape(section.title)}</b>")
                hint = wrapped(section.hint)
                hint.setObjectName("muted")
                edit = QPlainTextEdit(current.text(section.key) if current else "")
                edit.setTabChangesFocus(True)
                edit.setAccessibleName(section.title)
                edit.setAccessibleDescription(section.hint)
                edit.setMinimumHeight(edit.fontMetrics().height() * 4)
                edit.setMaximumHeight(edit.fontMetrics().height() * 7)
                label.setBuddy(edit)
                for widget in (label, hint, edit):
                    body.addWidget(widget)
                self.fields[section.key] = edit
                if section.key == "high_risk":
                    body.addLayout(self._from_triggers(edit))
        body.addStretch(1)
        self.status = StatusLine(_t("Message"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(page, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.saved: PlanVersion | None = None
        self.original = dict(current.sections) if current else {}
        # What is typed is kept as a draft (encrypted, in the database) as it is typed:
        # a lock, a crash or closing the window loses nothing.
        self.drafts = DraftKeeper(ctx, "plan", self._draft_fields, self)
        draft = self.drafts.load()
        if draft and isinstance(draft.get("sections"), dict):
            for key, edit in self.fields.items():
                text = draft["sections"].get(key)
                if isinstance(text, str):
                    edit.setPlainText(text)
            self.status.setText(
                _t("Your unsaved changes are back. Save to keep them in your plan.")
            )
        for edit in self.fields.values():
            edit.textChanged.connect(self.drafts.touch)
        next(iter(self.fields.values())).setFocus()

    def _draft_fields(self) -> dict[str, Any] | None:
        return {"sections": self.sections()} if self.changed() else None

    def changed(self) -> bool:
        typed = {key: text.strip() for key, text in self.sections().items() if text.strip()}
        return typed != self.original

    def _from_triggers(self, edit: QPlainTextEdit) -> FlowRow:
        """The journal's trigger list, one pick away, so the plan names the same things."""
        self.triggers = narrow(QComboBox(), 18)
        self.triggers.setAccessibleName(_t("A trigger from my list"))
        for choice in load_choices(self.ctx.db, ChoiceList.TRIGGERS):
            if choice.active:
                self.triggers.addItem(choice.name)
        add = QPushButton(_t("&Add this trigger"))
        add.setAccessibleName(_t("Add this trigger to my high-risk situations"))
        add.setEnabled(self.triggers.count() > 0)

        def append() -> None:
            name = self.triggers.currentText()
            text = edit.toPlainText().rstrip()
            if name and name not in text.splitlines():
                edit.setPlainText(f"{text}\n{name}" if text else name)

        add.clicked.connect(append)
        label = QLabel(_t("From my &trigger list:"))
        label.setBuddy(self.triggers)
        row = FlowRow()
        for widget in (label, self.triggers, add):
            row.addWidget(widget)
        row.add_stretch()
        return row

    def sections(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self.fields.items()}

    def save(self) -> None:
        if not self.changed():  # nothing new: no new version
            self.drafts.discard()
            self.accept()
            return
        db, now = self.ctx.db, self.ctx.clock.now()
        try:
            self.saved = self.ctx.ops.run(lambda: save_plan(db, self.sections(), now), self)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.drafts.discard()
        self.accept()

    def cancel(self) -> None:
        """Cancel: with changes, ask first (the safe answer keeps editing)."""
        if self.changed() and not Confirm.ask(
            self,
            _t("Discard your changes?"),
            _t("What you changed in your plan since it was saved will be gone."),
            _t("Discard them"),
            _t("Keep editing"),
        ):
            return
        self.drafts.discard()
        super().reject()

    def reject(self) -> None:
        """Closed another way (Esc, the window's close, a lock): the draft is kept."""
        if self.drafts.timer.isActive():
            self.drafts.save_now()
        super().reject()


class VersionsDialog(QDialog):
    """Every saved version, newest first, to read again."""

    def __init__(
        self, versions: list[PlanVersion], clock: Clock, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        title = _t("Earlier versions of my plan")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        fit_on_screen(self, 860, 640)
        self.versions, self.clock = versions, clock
        self.dates = QListWidget()
        self.dates.setAccessibleName(_t("Saved on"))
        for version in versions:
            self.dates.addItem(f"{to_local(version.saved_at, clock):%d %b %Y, %H:%M}")
        self.reader = QTextBrowser()
        self.reader.setAccessibleName(_t("The plan as it was"))
        self.dates.currentRowChanged.connect(self._show)
        row = QHBoxLayout()
        row.addWidget(self.dates, 1)
        row.addWidget(self.reader, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(close)
        if versions:
            self.dates.setCurrentRow(0)
        self.dates.setFocus()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.versions):
            self.reader.setHtml(plan_html(self.versions[row], self.clock, self.clock.now()))
