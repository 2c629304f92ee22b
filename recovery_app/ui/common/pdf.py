"""Printing to PDF: a page of HTML through QTextDocument and QPdfWriter, written
0600 through a temporary file (storage.files). Shared by every printable page
(my plan now; the clinician report later)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from recovery_app.storage.files import write_private

DPI = 96  # the document's pixels are screen pixels, so sizes come out as on screen


def pdf_bytes(html: str, title: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator("Recovery Companion")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(html)
    page = writer.pageLayout().paintRectPixels(DPI)
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(writer)
    del writer  # finishes the file
    data: QByteArray = buffer.data()
    buffer.close()
    return bytes(data.data())


def write_pdf(path: Path, html: str, title: str) -> None:
    """Raises ``OutputPathError`` (a ``KnownError``) for a folder that isn't there."""
    write_private(path, pdf_bytes(html, title))
