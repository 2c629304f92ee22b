"""When the data can't be opened: say why calmly, and offer the newest good backup if damaged."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from recovery_app.core.errors import CorruptDatabaseError, KnownError
from recovery_app.core.i18n import translate

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
        page.show_message(
            translate("ui.shell.recovery", "Your data could not be opened"), exc.message
        )
        return
    reason = (
        exc.message
        if isinstance(exc, CorruptDatabaseError)
        else translate(
            "ui.shell.recovery",
            "Your passphrase opens your backups but not your data file, so the "
            "file looks damaged. It has not been changed.",
        )
    )

    def recover() -> None:
        if safety.recover_damaged():
            window.session.open()
        else:
            page.show_message(
                translate("ui.shell.recovery", "The backup could not be restored"),
                translate(
                    "ui.shell.recovery", "Nothing was changed. Your files are still in {data_dir}."
                ).format(data_dir=window.paths.data_dir),
            )

    page.show_message(
        translate("ui.shell.recovery", "Your data could not be opened"),
        translate(
            "ui.shell.recovery",
            (
                "{reason} A good backup from {made_on:%d %B %Y} is available. "
                "Restoring it keeps the damaged file aside, untouched."
            ),
        ).format(reason=reason, made_on=good.made_on),
        translate("ui.shell.recovery", "Restore the newest good backup"),
        recover,
    )


def offer_set_aside_copy(window: MainWindow, safety: DataSafety) -> bool:
    """The data file is missing but copies exist: never start empty without asking.

    Returns True when the person was asked (the data is not opened yet).
    """
    from recovery_app.storage.backup.backups import KIND_WORDS, list_backups

    found = list_backups(window.paths.backups, also=window.paths.data_dir)
    if not found:
        return False  # a first start: nothing to lose
    newest = found[0]
    page = window.message_page
    window.nav.hide()
    window.stack.setCurrentWidget(page)

    def put_back() -> None:
        if safety.put_back(newest.path):
            window.session.open()
        else:
            page.show_message(
                translate("ui.shell.recovery", "The copy could not be put back"),
                translate(
                    "ui.shell.recovery", "Nothing was changed. Your files are still in {data_dir}."
                ).format(data_dir=window.paths.data_dir),
            )

    def start_empty() -> None:
        from recovery_app.storage.db import Database

        Database.open(window.paths.database).close()
        window.session.open()

    page.show_message(
        translate("ui.shell.recovery", "Your data file is missing"),
        translate(
            "ui.shell.recovery",
            (
                "The file {name} is not in {data_dir}, but a copy from {made:%A %d %B "
                "%Y at %H:%M} ({value}) is. Put it back? Your other backups stay as "
                "they are."
            ),
        ).format(
            name=window.paths.database.name,
            data_dir=window.paths.data_dir,
            made=newest.made,
            value=KIND_WORDS[newest.kind],
        ),
        translate("ui.shell.recovery", "Put the copy back"),
        put_back,
    )
    page.second.setText(translate("ui.shell.recovery", "Start with empty data"))
    page.second.setAccessibleName(translate("ui.shell.recovery", "Start with empty data"))
    page.second.show()
    page.on_second = start_empty
    return True
