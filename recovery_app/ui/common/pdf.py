"""Printing to PDF: a ``QTextDocument`` laid out on A4 pages through ``QPdfWriter`` at 96
dpi, with a line at the top and "Page 2 of 5" at the foot of every page, written 0600
through a temporary file (storage.files). Shared by every printable page: my plan and
the clinician report. Charts inside a document stay vectors (ui.common.charts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from recovery_app.core.i18n import translate
from recovery_app.storage.files import write_private

DPI = 96  # the document's pixels are screen pixels, so sizes come out as on screen
MARGIN_MM = 18


def page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def text_width() -> float:
    """The width a document's text has on the page, in its pixels."""
    return page_layout().paintRectPixels(DPI).width()


KEEP_WITH_HEADING = 0.3  # of a page: a heading with less room below it starts a new page


def keep_headings_with_text(document: QTextDocument, page_height: float) -> bool:
    """Move a heading that would sit near the foot of a page, away from what it heads, to
    the next page (Qt has no "page-break-after: avoid")."""
    layout = document.documentLayout()
    moved = False
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.headingLevel() and block != document.begin():
            top = layout.blockBoundingRect(block).top()
            room = page_height - top % page_height
            if room < page_height * KEEP_WITH_HEADING:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)  # the layout below moves down
                moved = True
        block = block.next()
    return moved


def document_pdf(
    document: QTextDocument,
    title: str,
    header: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The document on numbered pages, ``header`` in small type at the top of each."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("Recovery Companion")
    writer.setPageLayout(page_layout())
    page = writer.pageLayout().paintRectPixels(DPI)
    small = document.defaultFont()
    small.setPointSizeF(small.pointSizeF() * 0.85)
    line = QFontMetricsF(small).height()
    band = line * 2  # the header above the text, the page number below it
    body = QSizeF(page.width(), page.height() - 2 * band)
    document.setPageSize(body)
    if keep_headings_with_text(document, body.height()):
        # A changed block is laid out again lazily, and drawContents skips what isn't:
        # lay the whole document out again before drawing.
        document.markContentsDirty(0, document.characterCount())
    pages = document.pageCount()
    painter = QPainter(writer)
    for number in range(pages):
        if number:
            writer.newPage()
        painter.save()
        painter.setFont(small)
        top = QRectF(0, 0, body.width(), line)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, header)
        foot = QRectF(0, page.height() - line, body.width(), line)
        painter.drawText(
            foot,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            translate("ui.common.pdf", "Page {page} of {pages}").format(
                page=number + 1, pages=pages
            ),
        )
        painter.translate(0, band - number * body.height())
        document.drawContents(
            painter, QRectF(0, number * body.height(), body.width(), body.height())
        )
        painter.restore()
        if progress is not None:
            progress(number + 1, pages)
    painter.end()
    del writer  # finishes the file
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())


def pdf_bytes(html: str, title: str) -> bytes:
    document = QTextDocument()
    document.setHtml(html)
    return document_pdf(document, title, title)


def write_pdf(path: Path, html: str, title: str) -> None:
    """Raises ``OutputPathError`` (a ``KnownError``) for a folder that isn't there."""
    write_private(path, pdf_bytes(html, title))
