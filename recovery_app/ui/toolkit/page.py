"""Toolkit: the quick skills, each as a short card to read and practise on a good
day, so they are there on a hard one; and the way into the craving flow."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from recovery_app.core.i18n import translate
from recovery_app.core.toolkit.skills import SKILLS, Skill
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.requests import RideOutCraving
from recovery_app.ui.common.style import Card, heading, scrolling_content, wrapped
from recovery_app.ui.common.wrapping import WrappingButton


def steps_html(skill: Skill) -> str:
    """The steps as a numbered list (shared with the craving flow's skill step)."""
    items = "".join(f"<li>{html.escape(step)}</li>" for step in skill.steps)
    return f"<ol>{items}</ol>"


class SkillCard(Card):
    def __init__(self, skill: Skill, parent: QWidget | None = None) -> None:
        super().__init__(skill.title, parent)
        self.skill = skill
        self.body.addWidget(wrapped(skill.summary))
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
        self.cards = [SkillCard(skill) for skill in SKILLS]
        for card in self.cards:
            outer.addWidget(card)
        outer.addStretch(1)
