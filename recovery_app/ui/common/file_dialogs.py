"""File choosers, patchable in tests through their ``ask`` classmethods."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from recovery_app.core.i18n import translate


class SaveFileDialog:
    @classmethod
    def ask(cls, parent: QWidget, title: str, suggested: Path, filter_: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_)
        return Path(name) if name else None

    @classmethod
    def ask_typed(cls, parent: QWidget, title: str, suggested: Path, filter_: str) -> Path | None:
        """As ``ask``, and the file ends in ``suggested``'s suffix (".pdf") even if the
        person left it off."""
        target = cls.ask(parent, title, suggested, filter_)
        if target is not None and target.suffix.lower() != suggested.suffix.lower():
            target = target.with_name(target.name + suggested.suffix)
        return target


def saved_unencrypted(path: Path) -> str:
    """What is said once a file of the person's data is written outside the app."""
    return translate(
        "ui.common.file_dialogs",
        "Saved to {path}. That file is not encrypted: keep it somewhere private.",
    ).format(path=path)


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
