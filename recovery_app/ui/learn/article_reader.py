"""Reads one article: Markdown in a QTextBrowser, links inside the app, back and forward.

Web addresses are shown as text to copy; nothing here opens a connection.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.core.journal.entries import fold
from recovery_app.core.learn.articles import Article
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.style import set_font_scale

MIN_ZOOM, MAX_ZOOM = -4, 10
BODY_STYLE = "body { line-height: 155%; } h1, h2, h3 { margin-top: 1.1em; margin-bottom: 0.5em; }"


def folded_with_positions(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` folded for search, and for each folded character the document span
    (start, end) of the character it came from. Folding can change lengths ("ß" to
    "ss"), and Qt counts UTF-16 units (an emoji is two), so positions need a map."""
    folded: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for char in text:
        width = 2 if ord(char) > 0xFFFF else 1
        for piece in fold(char):
            folded.append(piece)
            spans.append((position, position + width))
        position += width
    return "".join(folded), spans


def article_markdown(article: Article) -> str:
    sources = "\n".join(f"- {s.title}. {s.publisher}, {s.year}. `{s.url}`" for s in article.sources)
    return translate(
        "ui.learn.article_reader",
        (
            "# {title}\n\n{shown_body}\n\n## Sources\n\n{sources}\n\n*Last reviewed "
            "{reviewed:%d %B %Y}; next review due {next_review:%B %Y}. Web "
            "addresses are shown so you can copy them; this app never opens them.*\n"
        ),
    ).format(
        title=article.title,
        shown_body=article.shown_body,
        sources=sources,
        reviewed=article.reviewed,
        next_review=article.next_review,
    )


class _Page(QTextBrowser):
    """Lines of about 70 characters, like a good e-reader: a wide window gets wide margins
    rather than long lines (which are hard to follow back to the next line's start)."""

    MEASURE = 70  # characters a line

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_measure()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_measure()

    def fit_measure(self) -> None:
        margin = 2 * round(self.document().documentMargin())
        scrollbar = self.verticalScrollBar().sizeHint().width()
        measure = self.fontMetrics().averageCharWidth() * self.MEASURE + margin
        side = max(0, (self.width() - scrollbar - measure) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)


class ArticleReader(QWidget):
    articleRequested = Signal(str)  # slug, from a link
    appLinkRequested = Signal(str)  # "self-check", "get-help"
    readChanged = Signal(str, bool)
    bookmarkChanged = Signal(str, bool)
    zoomChanged = Signal(int)

    def __init__(self, zoom: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article: Article | None = None
        self.zoom = 0
        self.back_stack: list[str] = []
        self.forward_stack: list[str] = []
        self.browser = _Page()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(translate("ui.learn.article_reader", "Article"))
        self.browser.document().setDefaultStyleSheet(BODY_STYLE)
        self.browser.document().setDocumentMargin(24)
        self.browser.anchorClicked.connect(self._link)
        self.back_button = QPushButton(translate("ui.learn.article_reader", "← Back"))
        self.back_button.setAccessibleName(
            translate("ui.learn.article_reader", "Back to the previous article")
        )
        self.forward_button = QPushButton(translate("ui.learn.article_reader", "Forward →"))
        self.forward_button.setAccessibleName(translate("ui.learn.article_reader", "Forward"))
        self.smaller = QPushButton("A−")
        self.smaller.setAccessibleName(translate("ui.learn.article_reader", "Smaller text"))
        self.smaller.setToolTip("Ctrl+-")
        self.larger = QPushButton("A+")
        self.larger.setAccessibleName(translate("ui.learn.article_reader", "Larger text"))
        self.larger.setToolTip("Ctrl+=")
        self.read_button = QPushButton(translate("ui.learn.article_reader", "Mark as &read"))
        self.read_button.setCheckable(True)
        self.read_button.setAccessibleName(translate("ui.learn.article_reader", "Mark as read"))
        self.bookmark_button = QPushButton(translate("ui.learn.article_reader", "&Bookmark"))
        self.bookmark_button.setCheckable(True)
        self.bookmark_button.setAccessibleName(translate("ui.learn.article_reader", "Bookmark"))
        self.copy_sources = QPushButton(
            translate("ui.learn.article_reader", "Copy source addresses")
        )
        self.copy_sources.setAccessibleName(
            translate("ui.learn.article_reader", "Copy the source web addresses")
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("ui.learn.article_reader", "Reader message"))
        self.topics_button = QPushButton(translate("ui.learn.article_reader", "&Topics"))
        self.topics_button.setCheckable(True)
        self.topics_button.setChecked(True)
        self.topics_button.setAccessibleName(
            translate("ui.learn.article_reader", "Show the list of topics")
        )
        self.topics_button.setToolTip(
            translate(
                "ui.learn.article_reader", "Hide the topic list to give the article the whole width"
            )
        )
        bar = FlowRow()  # wraps at large text instead of widening the window
        for button in (self.topics_button, self.back_button, self.forward_button):
            bar.addWidget(button)
        bar.add_stretch()
        for button in (self.smaller, self.larger, self.read_button, self.bookmark_button):
            bar.addWidget(button)
        bottom = FlowRow()
        bottom.addWidget(self.status)
        bottom.add_stretch()
        bottom.addWidget(self.copy_sources)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bottom)
        self.back_button.clicked.connect(self.back)
        self.forward_button.clicked.connect(self.forward)
        self.smaller.clicked.connect(lambda: self.set_zoom(self.zoom - 1))
        self.larger.clicked.connect(lambda: self.set_zoom(self.zoom + 1))
        self.read_button.toggled.connect(self._read_toggled)
        self.bookmark_button.toggled.connect(self._bookmark_toggled)
        self.copy_sources.clicked.connect(self._copy_sources)
        self._pending_position: int | None = None
        self.browser.verticalScrollBar().rangeChanged.connect(
            lambda _low, _high: self._apply_position()
        )
        self.set_zoom(zoom, announce=False)
        self._update_history_buttons()

    # -- showing -------------------------------------------------------------------
    def show_article(
        self,
        article: Article,
        read: bool = False,
        bookmarked: bool = False,
        position: int = 0,
        highlight: str = "",
        remember: bool = True,
    ) -> None:
        if remember and self.article is not None and self.article.slug != article.slug:
            self.back_stack.append(self.article.slug)
            self.forward_stack.clear()
        self.article = article
        self.browser.document().setMarkdown(article_markdown(article))
        self.browser.document().setDefaultStyleSheet(BODY_STYLE)
        # setMarkdown leaves the cursor at the end; on show, Qt scrolls to the cursor.
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        for button, value in ((self.read_button, read), (self.bookmark_button, bookmarked)):
            button.blockSignals(True)
            button.setChecked(value)
            button.blockSignals(False)
        self._pending_position = position
        if not self.highlight(highlight):
            self._apply_position()
            self._settle_position()
        else:
            self._pending_position = None  # the first match decides where to look
        self.status.clear()
        self._update_history_buttons()

    def _apply_position(self, final: bool = False) -> None:
        """Scroll to where reading stopped, once the layout is tall enough to get there.

        Before the page is shown its scroll range is still 0, and when it is
        first shown Qt scrolls to the text cursor; so the position is applied as
        the range grows and once more after that, and then forgotten.
        """
        wanted = self._pending_position
        if wanted is None:
            return
        self.browser.verticalScrollBar().setValue(wanted)
        if final and self.browser.isVisible():
            self._pending_position = None

    def _settle_position(self) -> None:
        QTimer.singleShot(0, lambda: self._apply_position(final=True))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._settle_position()

    def position(self) -> int:
        return self.browser.verticalScrollBar().value()

    def highlight(self, words: str) -> int:
        """Mark every match of each word (case and accents ignored); returns how many."""
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe58a"))
        fmt.setForeground(QColor("#1a1a1a"))
        document = self.browser.document()
        plain, where = folded_with_positions(document.toPlainText())
        for term in fold(words).split():
            start = plain.find(term)
            while start >= 0:
                last = start + len(term) - 1
                cursor = QTextCursor(document)
                cursor.setPosition(where[start][0])
                cursor.setPosition(where[last][1], QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                start = plain.find(term, start + len(term))
        self.browser.setExtraSelections(selections)
        if selections:
            self.browser.setTextCursor(selections[0].cursor)
            self.browser.ensureCursorVisible()
        return len(selections)

    def set_zoom(self, zoom: int, announce: bool = True) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if zoom != self.zoom or self.browser.property("fontScale") is None:
            # A step is a tenth of the app's text size, which scales the reader too.
            set_font_scale(self.browser, 1 + zoom / 10, bold=False)
            self.zoom = zoom
        self.smaller.setEnabled(zoom > MIN_ZOOM)
        self.larger.setEnabled(zoom < MAX_ZOOM)
        if announce:
            self.zoomChanged.emit(zoom)

    # -- navigation -----------------------------------------------------------------
    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("app:"):
            self.appLinkRequested.emit(target[len("app:") :])
        elif target.endswith(".md") and "/" not in target:
            self.articleRequested.emit(target[: -len(".md")])
        else:
            self.status.setText(
                translate(
                    "ui.learn.article_reader",
                    "This app doesn't open web pages. You can copy the address.",
                )
            )

    def back(self) -> None:
        if self.back_stack and self.article is not None:
            self.forward_stack.append(self.article.slug)
            self._go(self.back_stack.pop())

    def forward(self) -> None:
        if self.forward_stack and self.article is not None:
            self.back_stack.append(self.article.slug)
            self._go(self.forward_stack.pop())

    def _go(self, slug: str) -> None:
        self._navigating = True
        self.articleRequested.emit(slug)
        self._navigating = False

    def navigating(self) -> bool:
        """True while back/forward is opening an article (so it isn't added to history)."""
        return getattr(self, "_navigating", False)

    def _update_history_buttons(self) -> None:
        self.back_button.setEnabled(bool(self.back_stack))
        self.forward_button.setEnabled(bool(self.forward_stack))

    def _read_toggled(self, value: bool) -> None:
        if self.article is not None:
            self.readChanged.emit(self.article.slug, value)

    def _bookmark_toggled(self, value: bool) -> None:
        if self.article is not None:
            self.bookmarkChanged.emit(self.article.slug, value)

    def _copy_sources(self) -> None:
        if self.article is not None:
            QGuiApplication.clipboard().setText("\n".join(s.url for s in self.article.sources))
            self.status.setText(translate("ui.learn.article_reader", "Source addresses copied."))
