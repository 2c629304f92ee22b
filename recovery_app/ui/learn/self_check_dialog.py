"""The private self-check: two parts of single questions, a kind result that says what to
tell whom (never a score), kept only if wanted."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.clock import to_local
from recovery_app.core.i18n import translate
from recovery_app.core.learn.articles import Library
from recovery_app.core.learn.self_check import (
    GET_HELP_LINE,
    PART_TITLES,
    QUESTIONS,
    RELATED_ARTICLES,
    Part,
    SelfCheck,
    asked,
    result_message,
)
from recovery_app.storage.learn.ops import keep_self_check, self_checks
from recovery_app.ui.common.card_list import CardList
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.requests import GetHelp, OpenArticle
from recovery_app.ui.common.style import heading, scroll_area, wrapped
from recovery_app.ui.common.windowing import fit_on_screen
from recovery_app.ui.common.wrapping import WrappingButton, WrappingCheckBox


class SelfCheckDialog(QDialog):
    requested = Signal(object)  # a ui.common.requests value

    def __init__(self, ctx: AppContext, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db, self.clock = ctx.db, ctx.clock
        self.setWindowTitle(translate("ui.learn.self_check_dialog", "A private self-check"))
        self.setAccessibleName(translate("ui.learn.self_check_dialog", "A private self-check"))
        fit_on_screen(self, 680, 760)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(
            heading(
                translate(
                    "ui.learn.self_check_dialog", "How is your benzodiazepine working for you?"
                ),
                1.3,
            )
        )
        layout.addWidget(
            wrapped(
                translate(
                    "ui.learn.self_check_dialog",
                    "A private check for you alone: it is not a test and not a diagnosis, and "
                    "nothing leaves this computer. Tick each question your answer is yes to.",
                )
            )
        )
        help_line = wrapped(GET_HELP_LINE)
        help_line.setAccessibleName(translate("ui.learn.self_check_dialog", "Get help"))
        layout.addWidget(help_line)
        self.boxes = []
        for part in Part:
            layout.addWidget(heading(PART_TITLES[part], 1.1))
            for question in QUESTIONS:
                if question.part is not part:
                    continue
                box = WrappingCheckBox(asked(question))
                box.setAccessibleName(asked(question))
                self.boxes.append(box)
                layout.addWidget(box)
        self.see_button = QPushButton(
            translate("ui.learn.self_check_dialog", "&See what this means")
        )
        self.see_button.setAccessibleName(
            translate("ui.learn.self_check_dialog", "See what this means")
        )
        self.result_label = wrapped()
        self.result_label.setAccessibleName(translate("ui.learn.self_check_dialog", "Result"))
        self.result_label.hide()
        self.links = QVBoxLayout()
        wanted = [q.article for q in QUESTIONS if q.article] + list(RELATED_ARTICLES)
        self.link_for: dict[str, QPushButton] = {}
        for slug in dict.fromkeys(wanted):
            article = library.by_slug.get(slug)
            if article is None:
                continue
            button = WrappingButton(
                translate("ui.learn.self_check_dialog", "Read: {title}").format(title=article.title)
            )
            button.setAccessibleName(
                translate("ui.learn.self_check_dialog", "Read: {title}").format(title=article.title)
            )
            button.clicked.connect(lambda _=False, s=slug: self.requested.emit(OpenArticle(s)))
            button.hide()
            self.links.addWidget(button)
            self.link_for[slug] = button
        self.keep_button = QPushButton(
            translate("ui.learn.self_check_dialog", "&Keep these answers with today's date")
        )
        self.keep_button.setAccessibleName(
            translate("ui.learn.self_check_dialog", "Keep these answers")
        )
        self.keep_button.hide()
        help_button = QPushButton(translate("ui.learn.self_check_dialog", "&Get help (F1)"))
        help_button.setAccessibleName(translate("ui.learn.self_check_dialog", "Get help now"))
        help_button.clicked.connect(lambda: self.requested.emit(GetHelp()))
        self.history = CardList(
            translate("ui.learn.self_check_dialog", "Results you kept"), most_rows=4
        )
        self.see_button.setProperty("primary", True)
        row = FlowRow()
        row.addWidget(self.see_button)
        row.add_stretch()
        row.addWidget(help_button)
        layout.addLayout(row)
        layout.addWidget(self.result_label)
        layout.addLayout(self.links)
        layout.addWidget(self.keep_button)
        layout.addWidget(heading(translate("ui.learn.self_check_dialog", "Answers you kept"), 1.0))
        layout.addWidget(self.history)
        self.see_button.clicked.connect(self.show_result)
        self.keep_button.clicked.connect(self.keep)
        for box in self.boxes:
            box.toggled.connect(lambda _v: self._answers_changed())
        scroll = scroll_area()
        scroll.setWidget(content)
        closing = QDialogButtonBox.StandardButton.Close
        close = QDialogButtonBox(closing)
        close.rejected.connect(self.reject)
        close.button(closing).setAccessibleName(
            translate("ui.learn.self_check_dialog", "Close the self-check")
        )
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(close)
        self.load_history()

    def _answers_changed(self) -> None:
        """The shown result no longer matches: hide it until asked again."""
        self.result_label.hide()
        self.keep_button.hide()
        for button in self.link_for.values():
            button.hide()
        self.keep_button.setText(
            translate("ui.learn.self_check_dialog", "&Keep these answers with today's date")
        )

    def answers(self) -> tuple[bool, ...]:
        """In the order of ``QUESTIONS`` (the boxes are laid out part by part, in that order)."""
        return tuple(box.isChecked() for box in self.boxes)

    def show_result(self) -> None:
        answers = self.answers()
        self.result_label.setText(result_message(answers))
        self.result_label.show()
        # The articles a yes points to come first, then the general ones.
        pointed = {q.article for q, yes in zip(QUESTIONS, answers, strict=True) if yes}
        for slug, button in self.link_for.items():
            button.setVisible(slug in pointed or slug in RELATED_ARTICLES)
        self.keep_button.show()
        self.keep_button.setEnabled(True)

    def keep(self) -> None:
        check = SelfCheck(self.answers(), self.clock.now())
        self.ctx.ops.run(lambda: keep_self_check(self.db, check), self)
        self.keep_button.setEnabled(False)
        self.keep_button.setText(
            translate("ui.learn.self_check_dialog", "Kept. You can compare with them next time.")
        )
        self.load_history()

    def load_history(self) -> None:
        checks = self_checks(self.db)
        self.history.clear()
        if not checks:
            self.history.add_note(translate("ui.learn.self_check_dialog", "None kept yet."))
        for check in checks:
            when = to_local(check.taken_at, self.clock)
            self.history.addItem(f"{when:%d %B %Y}\n{check.history_details()}")
