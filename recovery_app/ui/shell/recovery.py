"""When the data can't be opened: say why calmly, and offer the newest good backup if damaged."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from recovery_app.core.errors import CorruptDatabaseError, KnownError

if TYPE_CHECKING:
    from recovery_app.ui.data.safety import DataSafety
    from recovery_app.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def explain_refusal(
    window: MainWindow, safety: DataSafety, exc: KnownError, key: bytes | None
) -> None:
    from recovery_app.storage.backup.backups import newest_good_backup
    from recovery_app.storage.security.keys import WrongPassphrase

    log.warning("database not opened: %s", type(exc).__name__)
    page = window.message_page
    window.stack.setCurrentWidget(page)
    good = newest_good_backup(window.paths.backups, key)
    # With the right key (it opened a backup), a refusal means damage.
    damaged = isinstance(exc, CorruptDatabaseError) or (
        isinstance(exc, WrongPassphrase) and key is not None
    )
    if not damaged or good is None:
        page.show_message("Your data could not be opened", exc.message)
        return
    reason = (
        exc.message
        if isinstance(exc, CorruptDatabaseError)
        else "Your passphrase opens your backups but not your data file, so the "
        "file looks damaged. It has not been changed."
    )

    def recover() -> None:
        if safety.recover_damaged():
            window.session.open()
        else:
            page.show_message(
                "The backup could not be restored",
                f"Nothing was changed. Your files are still in {window.paths.data_dir}.",
            )

    page.show_message(
        "Your data could not be opened",
        f"{reason} A good backup from {good.made_on:%d %B %Y} is available. "
        "Restoring it keeps the damaged file aside, untouched.",
        "Restore the newest good backup",
        recover,
    )
