"""File choosers, patchable in tests through their ``ask`` classmethods."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


class SaveFileDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str, suggested: Path, filter_: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_)
        return Path(name) if name else None


class OpenFileDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str, filter_: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filter_)
        return Path(name) if name else None


class FolderDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
        return Path(name) if name else None
