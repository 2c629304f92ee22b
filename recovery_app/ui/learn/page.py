"""Learn: the offline library. Categories, search as you type, a reader, the self-check."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.changes import Record
from recovery_app.core.i18n import translate
from recovery_app.core.learn.articles import CATEGORIES, Library
from recovery_app.storage.learn.ops import (
    reading_state,
    record_opened,
    set_bookmarked,
    set_position,
    set_read,
)
from recovery_app.storage.learn.reading import ArticleState
from recovery_app.ui.common.card_list import CardList
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.refresh import RefreshOnChange
from recovery_app.ui.common.requests import GetHelp, OpenSelfCheck
from recovery_app.ui.common.style import heading, wrapped
from recovery_app.ui.learn.article_reader import ArticleReader

SLUG_ROLE = Qt.ItemDataRole.UserRole


class LearnPage(QWidget):
    requested = Signal(object)  # a ui.common.requests value

    def __init__(self, ctx: AppContext, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.library = ctx, library
        self.db, self.clock = ctx.db, ctx.clock
        zoom = ctx.settings.values.reader_zoom
        self.setAccessibleName(translate("ui.learn.page", "Learn"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("ui.learn.page", "Search all articles (Ctrl+F)"))
        self.search.setAccessibleName(translate("ui.learn.page", "Search the articles"))
        self.search.setClearButtonEnabled(True)
        self.continue_button = QPushButton()
        self.continue_button.setAccessibleName(
            translate("ui.learn.page", "Continue where you left off")
        )
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(translate("ui.learn.page", "Articles by topic"))
        self.results = CardList(translate("ui.learn.page", "Search results"))
        self.results.setProperty("articleText", True)  # excerpts: not translated (word_check)
        self.lists = QStackedWidget()
        self.lists.addWidget(self.tree)
        self.lists.addWidget(self.results)
        self.self_check_button = QPushButton(translate("ui.learn.page", "Private self-check"))
        self.self_check_button.setAccessibleName(
            translate("ui.learn.page", "Take the private self-check")
        )
        self.reader = ArticleReader(zoom)
        self.intro = wrapped(
            translate(
                "ui.learn.page",
                "Trustworthy information you can read offline, in plain words. Choose a topic "
                "on the left, or search. Nothing you read here leaves this computer.",
            )
        )
        left = QVBoxLayout()
        left.addWidget(heading(translate("ui.learn.page", "Learn")))
        left.addWidget(self.search)
        left.addWidget(self.continue_button)
        left.addWidget(self.lists, 1)
        left.addWidget(self.self_check_button)
        self.side = side = QWidget()
        side.setLayout(left)
        self._fit_side()
        self.reader.topics_button.toggled.connect(lambda shown: side.setVisible(shown))
        right = QVBoxLayout()
        right.addWidget(self.intro)
        right.addWidget(self.reader, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(16)
        layout.addWidget(side, 2)
        layout.addLayout(right, 5)
        self._wire()
        self.refresh()
        first = library.articles[0].slug if library.articles else None
        start = self.states.get(self.last or "") and self.last
        if start or first:
            # Shown, not "opened": only the person's own choice counts as reading.
            self.open_article(start or first or "", remember=False, record=False)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "side"):
            self._fit_side()

    def _fit_side(self) -> None:
        """The topic list: never most of the page (its words wrap or are shortened)."""
        self.side.setMaximumWidth(self.side.fontMetrics().averageCharWidth() * 44)

    def _wire(self) -> None:
        self.search.textChanged.connect(self.search_for)
        self.search.returnPressed.connect(self._open_first_result)
        self.tree.itemActivated.connect(self._tree_activated)
        self.tree.itemClicked.connect(self._tree_activated)
        self.results.itemActivated.connect(self._result_activated)
        self.results.itemClicked.connect(self._result_activated)
        self.continue_button.clicked.connect(self._continue)
        self.self_check_button.clicked.connect(lambda: self.requested.emit(OpenSelfCheck()))
        self.reader.articleRequested.connect(
            lambda slug: self.open_article(slug, remember=not self.reader.navigating())
        )
        self.reader.appLinkRequested.connect(self._app_link)
        self.reader.readChanged.connect(self._set_read)
        self.reader.bookmarkChanged.connect(self._set_bookmark)
        self.reader.zoomChanged.connect(lambda zoom: self.ctx.settings.update(reader_zoom=zoom))
        RefreshOnChange(self, self.ctx.bus, (Record.READING,), self.refresh, skip_own=True)
        QShortcut(QKeySequence("Ctrl+F"), self, self._focus_search)
        for keys, step in (("Ctrl+=", 1), ("Ctrl++", 1), ("Ctrl+-", -1)):
            QShortcut(
                QKeySequence(keys), self, lambda s=step: self.reader.set_zoom(self.reader.zoom + s)
            )
        QShortcut(QKeySequence("Alt+Left"), self, self.reader.back)
        QShortcut(QKeySequence("Alt+Right"), self, self.reader.forward)

    # -- the list of articles -----------------------------------------------------------
    def refresh(self) -> None:
        self.states, self.last = reading_state(self.db)
        current = self.reader.article.slug if self.reader.article else None
        self.tree.clear()
        bookmarked = [a for a in self.library.articles if self._state(a.slug).bookmarked]
        groups = [(translate("ui.learn.page", "Bookmarks"), bookmarked)] if bookmarked else []
        groups += [(c, self.library.in_category(c)) for c in CATEGORIES]
        for name, articles in groups:
            top = QTreeWidgetItem([name])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for article in articles:
                state = self._state(article.slug)
                marks = ("✓ " if state.read else "") + ("★ " if state.bookmarked else "")
                item = QTreeWidgetItem([marks + article.title])
                item.setData(0, SLUG_ROLE, article.slug)
                item.setToolTip(0, article.summary)
                top.addChild(item)
                if article.slug == current and name != "Bookmarks":
                    self.tree.setCurrentItem(item)
            top.setExpanded(True)
        last = self.library.by_slug.get(self.last or "")
        self.continue_button.setVisible(last is not None and last.slug != current)
        if last is not None:
            self.continue_button.setText(
                translate("ui.learn.page", "Continue: {title}").format(title=last.title)
            )

    def _state(self, slug: str) -> ArticleState:
        return self.states.get(slug, ArticleState(slug))

    def search_for(self, words: str) -> None:
        hits = self.library.search(words)
        self.results.clear()
        if not words.strip():
            self.lists.setCurrentWidget(self.tree)
            return
        self.lists.setCurrentWidget(self.results)
        if not hits:
            self.results.add_note(
                translate("ui.learn.page", "No article has all of these words. Try fewer words.")
            )
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n{hit.snippet}")
            item.setData(SLUG_ROLE, hit.slug)
            self.results.addItem(item)

    def _continue(self) -> None:
        if self.last:
            self.open_article(self.last)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _tree_activated(self, item: QTreeWidgetItem) -> None:
        slug = item.data(0, SLUG_ROLE)
        if slug:
            self.open_article(slug)

    def _result_activated(self, item: QListWidgetItem) -> None:
        slug = item.data(SLUG_ROLE)
        if slug:
            self.open_article(slug, highlight=self.search.text())

    def _open_first_result(self) -> None:
        if self.results.count() and self.results.item(0).data(SLUG_ROLE):
            self._result_activated(self.results.item(0))

    # -- reading ------------------------------------------------------------------------
    def open_article(
        self, slug: str, remember: bool = True, highlight: str = "", record: bool = True
    ) -> None:
        article = self.library.by_slug.get(slug)
        if article is None:
            return
        self.save_position()
        self.states, _last = reading_state(self.db)  # the position just saved, among others
        state = self._state(slug)
        position = 0 if highlight else state.position
        self.reader.show_article(
            article, state.read, state.bookmarked, position, highlight, remember
        )
        if record:
            self.intro.hide()
            self.ctx.ops.run(lambda: record_opened(self.db, slug, self.clock.now()), self)
        self.refresh()
        self.reader.browser.setFocus()

    def save_position(self) -> None:
        article = self.reader.article
        if article is not None:
            position = self.reader.position()
            self.ctx.ops.run(lambda: set_position(self.db, article.slug, position), self)

    def _set_read(self, slug: str, read: bool) -> None:
        self.ctx.ops.run(lambda: set_read(self.db, slug, read, self.clock.now()), self)
        self.refresh()

    def _set_bookmark(self, slug: str, bookmarked: bool) -> None:
        self.ctx.ops.run(lambda: set_bookmarked(self.db, slug, bookmarked), self)
        self.refresh()

    def _app_link(self, place: str) -> None:
        if place == "self-check":
            self.requested.emit(OpenSelfCheck())
        elif place == "get-help":
            self.requested.emit(GetHelp())

    def hideEvent(self, event: object) -> None:
        self.save_position()
        super().hideEvent(event)  # type: ignore[arg-type]
