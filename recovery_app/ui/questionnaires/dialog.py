"""Fill in the PHQ-9 or the GAD-7, see the total, keep it.

The wording is the published one (core.questionnaires.forms). If PHQ-9 question 9 is
answered above "Not at all", a crisis card comes first, at once, before any total:
call or text 988, 911 in danger, tell your doctor soon.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.questionnaires.forms import (
    ANSWERS,
    CREDIT,
    DIFFICULTY_ANSWERS,
    FORMS,
    Kind,
    Taken,
    needs_crisis_card,
    result_words,
)
from recovery_app.storage.questionnaires.ops import save_taken
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.form_snapshot import mark_form
from recovery_app.ui.common.help_now import HelpNowCard
from recovery_app.ui.common.requests import GetHelp
from recovery_app.ui.common.style import heading, scroll_area, set_primary, wrapped
from recovery_app.ui.common.widgets import StatusLine
from recovery_app.ui.common.windowing import fit_on_screen

_t = translate
CRISIS_WORDS = _t(
    "ui.questionnaires.dialog",
    "You said you have had thoughts that you would be better off dead or of hurting "
    "yourself. You don't have to carry this alone. Call or text 988 (the Suicide & Crisis "
    "Lifeline) now, or call 911 if you are in danger or might act on these thoughts. Please "
    "tell your doctor soon. Nobody else sees these answers unless you put them in a report "
    "or an export.",
)


class _Question(QWidget):
    """One question and its four answers (arrow keys move between them, Tab to the next)."""

    def __init__(self, number: int, text: str, answers: tuple[str, ...]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        label = wrapped(f"{number}. {text}" if number else text)
        label.setObjectName("question")
        layout.addWidget(label)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        for value, words in enumerate(answers):
            button = QRadioButton(words)
            button.setAccessibleName(f"{text}: {words}")
            self.group.addButton(button, value)
            self.buttons.append(button)
            layout.addWidget(button)

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked < 0 else checked


class QuestionnaireDialog(QDialog):
    requested = Signal(object)  # GetHelp
    kept = Signal(object)  # Taken

    def __init__(self, ctx: AppContext, kind: Kind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_form(self, f"questionnaire:{kind.value}")
        self.ctx = ctx
        self.form = FORMS[kind]
        self.taken: Taken | None = None
        self.setWindowTitle(self.form.name)
        outer = QVBoxLayout(self)
        self.crisis = HelpNowCard(CRISIS_WORDS)
        self.crisis.helpRequested.connect(lambda: self.requested.emit(GetHelp()))
        self.crisis_words, self.help_button = self.crisis.words, self.crisis.help_button
        outer.addWidget(self.crisis)
        scroll = scroll_area()
        self.questions_area = scroll
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(heading(self.form.name, 1.3))
        layout.addWidget(wrapped(self.form.about))
        stem = wrapped(self.form.stem)
        stem.setObjectName("stem")
        layout.addWidget(stem)
        self.questions = [_Question(i + 1, text, ANSWERS) for i, text in enumerate(self.form.items)]
        for question in self.questions:
            layout.addWidget(question)
            question.group.idToggled.connect(self._toggled)
        self.difficulty = _Question(0, self.form.difficulty, DIFFICULTY_ANSWERS)
        layout.addWidget(self.difficulty)
        self.total_label = wrapped()
        self.total_label.setObjectName("result")
        self.total_label.hide()
        layout.addWidget(self.total_label)
        credit = wrapped(CREDIT)
        credit.setObjectName("muted")
        layout.addWidget(credit)
        layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.status = StatusLine(_t("ui.questionnaires.dialog", "Message"))
        outer.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.keep_button = QPushButton(_t("ui.questionnaires.dialog", "See my total and &keep it"))
        set_primary(self.keep_button)
        self.keep_button.setEnabled(False)
        self.close_button = QPushButton(_t("ui.questionnaires.dialog", "Close without keeping"))
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.clicked.connect(self.keep)
        self.close_button.clicked.connect(self.reject)
        outer.addWidget(buttons)
        fit_on_screen(self, 640, 720)
        self.questions[0].buttons[0].setFocus()

    @classmethod
    def present(cls, ctx: AppContext, kind: Kind, parent: QWidget) -> QuestionnaireDialog:
        dialog = cls(ctx, kind, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def answers(self) -> tuple[int | None, ...]:
        return tuple(q.value() for q in self.questions)

    def _toggled(self, _id: int, on: bool) -> None:
        if on:
            self._answered()

    def _answered(self) -> None:
        answers = self.answers()
        if needs_crisis_card(self.form, answers) and not self.crisis.isVisible():
            self.show_crisis()
        elif not needs_crisis_card(self.form, answers):
            self.crisis.hide()
        self.keep_button.setEnabled(all(a is not None for a in answers) and self.taken is None)

    def show_crisis(self) -> None:
        """At once, above everything, said aloud, with focus on Get help."""
        self.crisis.present()

    def keep(self) -> None:
        answers = tuple(a for a in self.answers() if a is not None)
        if len(answers) != len(self.questions):
            return
        taken = Taken(self.form.kind, self.ctx.clock.now(), answers, self.difficulty.value())
        try:
            result = self.ctx.ops.run(lambda: save_taken(self.ctx.db, taken), initiator=self)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        self.taken = result
        self.total_label.setText(result_words(self.form, taken.total))
        self.total_label.show()
        for question in (*self.questions, self.difficulty):
            question.setEnabled(False)
        self.keep_button.setEnabled(False)
        self.close_button.setText(_t("ui.questionnaires.dialog", "Close"))
        self.status.setText(_t("ui.questionnaires.dialog", "Kept. Only you can see it here."))
        self.questions_area.ensureWidgetVisible(self.total_label)
        if taken.self_harm_answered:
            self.help_button.setFocus()  # the crisis card stays first
        else:
            self.close_button.setFocus()
        self.kept.emit(result)
