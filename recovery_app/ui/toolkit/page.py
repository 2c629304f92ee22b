"""Toolkit: the quick skills, each as a short card to read and practise on a good
day, so they are there on a hard one; and the way into the craving flow."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidgetItem, QPushButton, QWidget

from recovery_app.core.changes import Record, Result
from recovery_app.core.clock import to_local
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.toolkit.plan import SECTIONS
from recovery_app.core.toolkit.reasons import Reason
from recovery_app.core.toolkit.skills import SKILLS, Skill
from recovery_app.storage.toolkit.ops import (
    favourite_skills,
    mark_favourite,
    plan_versions,
    reasons,
    remove_reason,
    save_reason,
)
from recovery_app.ui.common.card_list import CardList
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import SaveFileDialog, saved_unencrypted
from recovery_app.ui.common.flow import button_row
from recovery_app.ui.common.pdf import write_pdf
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.requests import RideOutCraving
from recovery_app.ui.common.style import Card, heading, scrolling_content, wrapped
from recovery_app.ui.common.widgets import StatusLine, accepted
from recovery_app.ui.common.wrapping import WrappingButton


def steps_html(skill: Skill) -> str:
    """The steps as a numbered list (shared with the craving flow's skill step)."""
    items = "".join(f"<li>{html.escape(step)}</li>" for step in skill.steps)
    return f"<ol>{items}</ol>"


class SkillCard(Card):
    favouriteToggled = Signal(str, bool)

    def __init__(self, skill: Skill, parent: QWidget | None = None) -> None:
        super().__init__(skill.title, parent)
        self.skill = skill
        self.body.addWidget(wrapped(skill.summary))
        self.favourite = QCheckBox(translate("ui.toolkit.page", "A favourite: show it first"))
        self.favourite.setAccessibleName(
            translate("ui.toolkit.page", "{skill}: a favourite, shown first").format(
                skill=skill.title
            )
        )
        self.favourite.toggled.connect(lambda on: self.favouriteToggled.emit(skill.key, on))
        if skill.caution:
            caution = wrapped(skill.caution)
            caution.setObjectName("warning")
            caution.setAccessibleName(
                translate("ui.toolkit.page", "Caution: {text}").format(text=skill.caution)
            )
            self.body.addWidget(caution)
        steps = QLabel(steps_html(skill))
        steps.setTextFormat(Qt.TextFormat.RichText)
        steps.setWordWrap(True)
        steps.setAccessibleName(" ".join(skill.steps))
        self.body.addWidget(steps)
        method = wrapped(skill.method)
        method.setObjectName("muted")
        self.body.addWidget(method)
        self.body.addWidget(self.favourite)


class ToolkitPage(QWidget):
    requested = Signal(object)  # a ui.common.requests value

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(translate("ui.toolkit.page", "Toolkit"))
        outer = scrolling_content(self)
        outer.addWidget(heading(translate("ui.toolkit.page", "Toolkit")))
        outer.addWidget(
            wrapped(
                translate(
                    "ui.toolkit.page",
                    "Skills for when a craving comes. Read them and try them on a good day, "
                    "so they come easily on a hard one. Each is a few steps; none needs "
                    "anything but you.",
                )
            )
        )
        self.ride_button = WrappingButton(
            translate(
                "ui.toolkit.page",
                "I'm having a craving now: start the timer and breathing (Ctrl+Shift+H)",
            ),
            centred=True,
        )
        self.ride_button.setObjectName("craving")
        self.ride_button.setAccessibleName(
            translate("ui.toolkit.page", "I'm having a craving: ride it out")
        )
        self.ride_button.clicked.connect(lambda: self.requested.emit(RideOutCraving()))
        outer.addWidget(self.ride_button)
        outer.addWidget(self._reasons_card())
        outer.addWidget(self._plan_card())
        self.cards = [SkillCard(skill) for skill in SKILLS]
        for card in self.cards:
            card.favouriteToggled.connect(self._favourite)
            outer.addWidget(card)
        outer.addStretch(1)
        RefreshOnChange(self, ctx.bus, (Record.TOOLKIT,), self.refresh, skip_own=True)
        self.refresh()

    def _reasons_card(self) -> Card:
        card = Card(translate("ui.toolkit.page", "My reasons for recovery"))
        card.body.addWidget(
            wrapped(
                translate(
                    "ui.toolkit.page",
                    "Why recovery matters to you, in your own words. When a craving comes, "
                    "they are shown beside the timer.",
                )
            )
        )
        self.reasons = CardList(translate("ui.toolkit.page", "My reasons"), most_rows=6)
        self.reasons.itemActivated.connect(lambda _item: self.edit_reason())
        card.body.addWidget(self.reasons)
        self.add_button = QPushButton(translate("ui.toolkit.page", "&Add a reason…"))
        self.edit_button = QPushButton(translate("ui.toolkit.page", "C&hange…"))
        self.remove_button = QPushButton(translate("ui.toolkit.page", "&Remove"))
        self.add_button.clicked.connect(lambda: self.edit_reason(new=True))
        self.edit_button.clicked.connect(lambda: self.edit_reason())
        self.remove_button.clicked.connect(self.remove_reason)
        card.body.addLayout(button_row(self.add_button, self.edit_button, self.remove_button))
        self.status = StatusLine(translate("ui.toolkit.page", "Message"))
        card.body.addWidget(self.status)
        return card

    def _plan_card(self) -> Card:
        card = Card(translate("ui.toolkit.page", "My plan"))
        card.body.addWidget(
            wrapped(
                translate(
                    "ui.toolkit.page",
                    "A relapse-prevention plan (warning signs, risky situations, what you do "
                    "at green, amber and red) and a safety plan for a crisis, in your own "
                    "words. The safety plan is shown in Get help.",
                )
            )
        )
        self.plan_status = wrapped()
        self.plan_status.setAccessibleName(translate("ui.toolkit.page", "About my plan"))
        card.body.addWidget(self.plan_status)
        self.plan_button = QPushButton(translate("ui.toolkit.page", "&Write my plan…"))
        self.pdf_button = QPushButton(translate("ui.toolkit.page", "Save as &PDF…"))
        self.versions_button = QPushButton(translate("ui.toolkit.page", "&Earlier versions…"))
        self.plan_button.clicked.connect(self.edit_plan)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.versions_button.clicked.connect(self.show_versions)
        card.body.addLayout(button_row(self.plan_button, self.pdf_button, self.versions_button))
        self.plan_message = StatusLine(translate("ui.toolkit.page", "About the PDF"))
        card.body.addWidget(self.plan_message)
        return card

    def _show_plan(self) -> None:
        self._plans = plan_versions(self.ctx.db)
        current = self._plans[0] if self._plans else None
        if current is None:
            self.plan_status.setText(
                translate("ui.toolkit.page", "Not written yet. A few lines are enough to start.")
            )
        else:
            saved = f"{to_local(current.saved_at, self.ctx.clock):%d %B %Y}"
            earlier = len(self._plans) - 1
            self.plan_status.setText(
                (
                    translate(
                        "ui.toolkit.page", "Saved on {saved}, {filled} of {total} parts written."
                    )
                    if earlier == 0
                    else translate(
                        "ui.toolkit.page",
                        "Saved on {saved}, {filled} of {total} parts written; "
                        "the earlier version is kept.",
                    )
                    if earlier == 1
                    else translate(
                        "ui.toolkit.page",
                        "Saved on {saved}, {filled} of {total} parts written; "
                        "{earlier} earlier versions kept.",
                    )
                ).format(saved=saved, filled=current.filled(), total=len(SECTIONS), earlier=earlier)
            )
        self.plan_button.setText(
            translate("ui.toolkit.page", "&Change my plan…")
            if current
            else translate("ui.toolkit.page", "&Write my plan…")
        )
        self.pdf_button.setEnabled(current is not None)
        self.versions_button.setEnabled(len(self._plans) > 1)

    def edit_plan(self) -> None:
        from recovery_app.ui.toolkit.plan_dialog import PlanDialog

        dialog = PlanDialog(self.ctx, self._plans[0] if self._plans else None, self)
        if accepted(dialog):
            self._show_plan()

    def save_pdf(self) -> None:
        from recovery_app.ui.toolkit.plan_dialog import plan_html

        if not self._plans:
            return
        target = SaveFileDialog.ask_typed(
            self,
            translate("ui.toolkit.page", "Save my plan as PDF"),
            Path.home() / translate("ui.toolkit.page", "my-plan.pdf"),
            translate("ui.toolkit.page", "PDF files (*.pdf)"),
        )
        if target is None:
            return
        from recovery_app.storage.help.ops import contacts

        page = plan_html(
            self._plans[0],
            self.ctx.clock,
            self.ctx.clock.now(),
            reasons(self.ctx.db),
            contacts(self.ctx.db),
        )
        try:
            write_pdf(target, page, translate("ui.toolkit.page", "My plan"))
        except KnownError as exc:
            self.plan_message.setText(exc.message)
            return
        self.plan_message.setText(saved_unencrypted(target))

    def show_versions(self) -> None:
        from recovery_app.ui.toolkit.plan_dialog import VersionsDialog

        accepted(VersionsDialog(self._plans, self.ctx.clock, self))

    def refresh(self) -> None:
        self._show_plan()
        self._reasons = reasons(self.ctx.db)
        current = self.reasons.currentRow()
        self.reasons.clear()
        for item in self._reasons:
            # One card each; a reason's own line breaks are not a title and details.
            self.reasons.addItem(QListWidgetItem(" ".join(item.text.split())))
        if not self._reasons:
            self.reasons.add_note(
                translate(
                    "ui.toolkit.page",
                    "None yet. Add one or two: a person, a goal, how you want to feel.",
                )
            )
        else:
            self.reasons.setCurrentRow(min(max(current, 0), len(self._reasons) - 1))
        for button in (self.edit_button, self.remove_button):
            button.setEnabled(bool(self._reasons))
        marked = set(favourite_skills(self.ctx.db))
        for card in self.cards:
            card.favourite.blockSignals(True)
            card.favourite.setChecked(card.skill.key in marked)
            card.favourite.blockSignals(False)

    def _chosen(self) -> Reason | None:
        row = self.reasons.currentRow()
        return self._reasons[row] if 0 <= row < len(self._reasons) else None

    def edit_reason(self, new: bool = False) -> None:
        from recovery_app.ui.toolkit.reason_dialog import ReasonDialog

        before = None if new else self._chosen()
        if not new and before is None:
            return
        written = ReasonDialog.ask(self, before)
        if written is None:
            return
        self._run(lambda: save_reason(self.ctx.db, written, self.ctx.clock.now()))

    def remove_reason(self) -> None:
        chosen = self._chosen()
        if chosen is None or not Confirm.ask(
            self,
            translate("ui.toolkit.page", "Remove this reason?"),
            translate("ui.toolkit.page", "“{text}” will be removed from your reasons.").format(
                text=chosen.text
            ),
            translate("ui.toolkit.page", "Remove it"),
            translate("ui.toolkit.page", "Keep it"),
        ):
            return
        self._run(lambda: remove_reason(self.ctx.db, chosen.uid))

    def _favourite(self, key: str, on: bool) -> None:
        self._run(lambda: mark_favourite(self.ctx.db, key, on, self.ctx.clock.now()))

    def _run(self, work: Callable[[], Result[Any]]) -> None:
        try:
            self.ctx.ops.run(work, self)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.status.clear()
        self.refresh()
