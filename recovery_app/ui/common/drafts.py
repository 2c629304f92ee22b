"""Keeps an unfinished form in the database as it is typed, so a crash or a lock loses
nothing.

Writes half a second after the last change (one single-shot timer, idle
otherwise) and once more when the form closes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from recovery_app.core.errors import KnownError
from recovery_app.storage.drafts import keep_draft, load_draft
from recovery_app.ui.common.context import AppContext

log = logging.getLogger(__name__)
DRAFT_DELAY_MS = 500


class DraftKeeper(QObject):
    saved = Signal()

    def __init__(
        self,
        ctx: AppContext,
        name: str,
        fields: Callable[[], dict[str, Any] | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.name, self.fields = ctx, name, fields
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.paused = False

    def load(self) -> dict[str, Any] | None:
        return load_draft(self.ctx.db, self.name)

    def touch(self) -> None:
        if not self.paused:
            self.timer.start()

    def save_now(self) -> None:
        self.timer.stop()
        if self.ctx.db.closed:  # locked, or its files are being converted: nothing is written
            return
        fields = self.fields()
        try:
            self.ctx.ops.run(
                lambda: keep_draft(self.ctx.db, self.name, fields, self.ctx.clock.now())
            )
        except KnownError:
            log.warning("draft not kept")
            return
        self.saved.emit()

    def discard(self) -> None:
        self.timer.stop()
        if self.ctx.db.closed:
            return
        self.ctx.ops.run(lambda: keep_draft(self.ctx.db, self.name, None, self.ctx.clock.now()))
