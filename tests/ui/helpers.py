"""Small steps the UI tests share."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.storage.checkin.ops import save_checkin as store_checkin
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.shell.main_window import MainWindow

P = TypeVar("P")


def save_checkin(
    ctx: AppContext, day: date, note: str = "", used: UsedToday = UsedToday.NO, mood: int = 4
) -> CheckIn:
    """As if saved elsewhere in the app: stored, and announced on the bus."""
    checkin = CheckIn(day, mood, 2, 1, used, note=note)
    return ctx.ops.run(lambda: store_checkin(ctx.db, checkin, ctx.clock.now()))


def window_ctx(window: MainWindow) -> AppContext:
    assert window.services is not None
    return window.services.ctx


def page_of(window: MainWindow, key: str, kind: type[P]) -> P:
    """The window's page for ``key`` (shown), as its own type."""
    window.show_page(key)
    page = window.page(key)
    assert isinstance(page, kind)
    return page


def requests_of(view: QObject) -> list[object]:
    """What a view asks the shell for, in order."""
    asked: list[object] = []
    view.requested.connect(asked.append)  # type: ignore[attr-defined]
    return asked


def accept_import_preview(monkeypatch: Any, untick: tuple[str, ...] = ()) -> list[Any]:
    """Answer the calendar import's preview as a person would: look, untick the named
    meetings, press Import. Returns the previews shown (the dialogs, for checks)."""
    from recovery_app.ui.meetings.import_preview import ImportPreviewDialog

    shown: list[Any] = []

    def ask(cls: type, name: str, parsed: Any, present: dict[str, bool], parent: Any) -> Any:
        dialog = ImportPreviewDialog(name, parsed, present, parent)
        shown.append(dialog)
        for box, _uid in dialog.boxes:
            if any(box.text().startswith(n) for n in untick):
                box.setChecked(False)
        return dialog.chosen()

    monkeypatch.setattr(ImportPreviewDialog, "ask", classmethod(ask))
    return shown
