"""The Backups card of Your data: each backup with when it was made, its size and what it
holds; back up now, restore (also one made with another passphrase), undo a restore,
delete a backup, and a second backup folder."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QWidget,
)

from recovery_app.core.changes import Changes, Record
from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.paths import sync_folder_of
from recovery_app.storage.backup.backups import KIND_WORDS, delete_backup
from recovery_app.storage.backup.ops import Listed, Made, listed, needs_own_passphrase
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.file_dialogs import FolderDialog
from recovery_app.ui.common.flow import FlowRow
from recovery_app.ui.common.style import Card, wrapped
from recovery_app.ui.common.worker import Worker
from recovery_app.ui.data.passphrase_dialog import PassphraseDialog
from recovery_app.ui.data.safety import DataSafety, when_made

ITEM_ROLE = Qt.ItemDataRole.UserRole
# A change to any of these is new writing: after it, a restore can't simply be undone.
WRITTEN = (Record.CHECKINS, Record.PROFILE, Record.JOURNAL, Record.CHOICES, Record.MEETINGS,
           Record.CONTACTS, Record.SELF_CHECKS)  # fmt: skip


def when_words(item: Listed) -> str:
    return when_made(item.backup)


def holds_words(item: Listed) -> str:
    c = item.contents
    if c is None:
        return translate("ui.data.backups_card", "opens with another passphrase, or is damaged")
    parts = [
        (
            c.checkins,
            translate("ui.data.backups_card", "check-in"),
            translate("ui.data.backups_card", "check-ins"),
        ),
        (
            c.entries,
            translate("ui.data.backups_card", "journal entry"),
            translate("ui.data.backups_card", "journal entries"),
        ),
        (
            c.meetings,
            translate("ui.data.backups_card", "meeting"),
            translate("ui.data.backups_card", "meetings"),
        ),
    ]
    counts = ", ".join(f"{n:,} {one if n == 1 else many}" for n, one, many in parts if n)
    if not counts:
        if c.start_date:
            return translate("ui.data.backups_card", "empty, only a start date")
        return translate("ui.data.backups_card", "empty")
    return (
        translate("ui.data.backups_card", "nearly empty: {counts}").format(counts=counts)
        if c.nearly_empty
        else counts
    )


def item_words(item: Listed) -> str:
    size = item.backup.size / 1024
    return translate(
        "ui.data.backups_card", "{when_words} · {value} · {size:,.0f} KB · {holds_words}"
    ).format(
        when_words=when_words(item),
        value=KIND_WORDS[item.backup.kind],
        size=size,
        holds_words=holds_words(item),
    )


def made_words(made: Made) -> str:
    words = translate("ui.data.backups_card", "Backed up. Saved as {name}.").format(
        name=made.path.name
    )
    if made.copy_problem:
        words += translate(
            "ui.data.backups_card",
            " {copy_problem} It will be copied with the next backup instead.",
        ).format(copy_problem=made.copy_problem)
    return words


class BackupsCard(Card):
    def __init__(self, ctx: AppContext, safety: DataSafety, parent: QWidget | None = None):
        super().__init__(translate("ui.data.backups_card", "Backups"), parent)
        self.ctx, self.safety = ctx, safety
        self._worker: Worker | None = None
        self.body.addWidget(
            wrapped(
                translate(
                    "ui.data.backups_card",
                    "A backup is made automatically each day you open the app, once there is "
                    "something to keep. Recent days, weeks and months are kept; backups you make "
                    "and copies set aside by a restore are kept until you delete them.",
                )
            )
        )
        self.sync_warning = wrapped("")
        self.sync_warning.setAccessibleName(
            translate("ui.data.backups_card", "About your data folder")
        )
        self.body.addWidget(self.sync_warning)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("ui.data.backups_card", "Backups, newest first"))
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(200)
        self.body.addWidget(self.list)
        self.empty_hint = wrapped(
            translate(
                "ui.data.backups_card", "No backups yet. Press “Back up now” to make the first one."
            )
        )
        self.body.addWidget(self.empty_hint)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(translate("ui.data.backups_card", "Backup progress"))
        self.progress.hide()
        self.body.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("ui.data.backups_card", "Backup status"))
        self.body.addWidget(self.status)
        row = FlowRow()
        self.backup_button = QPushButton(translate("ui.data.backups_card", "Back up now"))
        self.restore_button = QPushButton(translate("ui.data.backups_card", "Restore this backup…"))
        self.undo_button = QPushButton(translate("ui.data.backups_card", "Undo restore"))
        self.delete_button = QPushButton(translate("ui.data.backups_card", "Delete this backup…"))
        for button in (self.backup_button, self.undo_button):
            row.addWidget(button)
        row.add_stretch()
        for button in (self.delete_button, self.restore_button):
            row.addWidget(button)
        for button, name in (
            (self.backup_button, translate("ui.data.backups_card", "Back up now")),
            (self.restore_button, translate("ui.data.backups_card", "Restore the selected backup")),
            (self.undo_button, translate("ui.data.backups_card", "Undo the restore")),
            (self.delete_button, translate("ui.data.backups_card", "Delete the selected backup")),
        ):
            button.setAccessibleName(name)
        self.undo_button.hide()
        self.body.addLayout(row)
        second = FlowRow()
        self.second_label = wrapped("")
        self.second_label.setAccessibleName(
            translate("ui.data.backups_card", "Second backup folder")
        )
        self.second_button = QPushButton(
            translate("ui.data.backups_card", "Choose a second backup folder…")
        )
        self.second_button.setAccessibleName(
            translate("ui.data.backups_card", "Choose a second backup folder")
        )
        self.second_stop = QPushButton(translate("ui.data.backups_card", "Stop copying"))
        self.second_stop.setAccessibleName(
            translate("ui.data.backups_card", "Stop copying backups to the second folder")
        )
        second.addWidget(self.second_label)
        second.addWidget(self.second_stop)
        second.addWidget(self.second_button)
        self.body.addLayout(second)

        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self._restore_clicked)
        self.undo_button.clicked.connect(self.undo_restore)
        self.delete_button.clicked.connect(self._delete_clicked)
        self.second_button.clicked.connect(self._choose_second)
        self.second_stop.clicked.connect(lambda: self._set_second(""))
        self.list.currentRowChanged.connect(self._selection_changed)
        ctx.bus.changed.connect(self._data_changed)
        self.refresh()

    # -- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self._selected()
        self.list.clear()
        items = listed(self.ctx.paths.backups, self.ctx.paths.data_dir, self.safety.key)
        for item in items:
            entry = QListWidgetItem(item_words(item))
            entry.setData(ITEM_ROLE, item)
            self.list.addItem(entry)
            if current is not None and item.backup.path == current.backup.path:
                self.list.setCurrentItem(entry)
        self.empty_hint.setVisible(not items)
        self.list.setVisible(bool(items))
        if items and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self.undo_button.setVisible(self.safety.undo_path is not None)
        folder = self.ctx.settings.values.second_backup_folder
        self.second_label.setText(
            translate(
                "ui.data.backups_card", "Each backup is also copied to <b>{folder}</b>."
            ).format(folder=folder)
            if folder
            else translate(
                "ui.data.backups_card",
                "Keep a second copy elsewhere: a USB stick, or a folder a sync tool copies.",
            )
        )
        self.second_stop.setVisible(bool(folder))
        synced = sync_folder_of(self.ctx.paths.data_dir)
        self.sync_warning.setVisible(synced is not None)
        if synced is not None:
            self.sync_warning.setText(
                translate(
                    "ui.data.backups_card",
                    (
                        "Your data folder is inside <b>{synced}</b>, which a sync tool copies. "
                        "Two computers writing to a live database can damage it: keep your "
                        "data outside and choose the sync folder as the second backup folder "
                        "instead."
                    ),
                ).format(synced=synced)
            )
        self._selection_changed()

    def _selected(self) -> Listed | None:
        entry = self.list.currentItem()
        chosen = None if entry is None else entry.data(ITEM_ROLE)
        return chosen if isinstance(chosen, Listed) else None

    def _selection_changed(self, *_: object) -> None:
        idle = self._worker is None
        for button in (self.restore_button, self.delete_button):
            button.setEnabled(self._selected() is not None and idle)

    def _data_changed(self, changes: Changes, initiator: object) -> None:
        if initiator is not self.safety and changes.touches(*WRITTEN):
            self.safety.undo_path = None  # new writing since the restore: no simple undo
            self.undo_button.hide()

    # -- backing up ---------------------------------------------------------------------
    def back_up_now(self) -> Worker:
        worker = self.safety.backup_now()
        worker.report_to(
            self,
            lambda made: self._finish(made_words(made)),
            lambda text: self._finish(
                translate("ui.data.backups_card", "The backup was not made. {text}").format(
                    text=text
                )
            ),
            self._progress,
        )
        self._worker = worker
        self.backup_button.setEnabled(False)
        self._selection_changed()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(translate("ui.data.backups_card", "Backing up…"))
        return worker

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self, message: str) -> None:
        self._worker = None
        self.progress.hide()
        self.backup_button.setEnabled(True)
        self.status.setText(message)
        self.refresh()

    # -- restoring ----------------------------------------------------------------------
    def _restore_clicked(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        path = chosen.backup.path
        try:
            asks = needs_own_passphrase(path, self.safety.key, self.safety.paths.database)
        except KnownError as exc:
            self.status.setText(exc.message)
            return
        if asks:
            request = PassphraseDialog.ask(self, "backup")
            if request is None or not request.current:
                return
            self.status.setText(translate("ui.data.backups_card", "Checking the passphrase…"))
            worker = self.safety.unlock_backup(path, request.current)
            worker.report_to(
                self, lambda key: self._confirm_restore(chosen, key), self.status.setText
            )
            return
        self._confirm_restore(chosen, None)

    def _confirm_restore(self, chosen: Listed, backup_key: object) -> None:
        key = backup_key if isinstance(backup_key, bytes) else None
        if key is not None:  # now readable: say what it holds
            from recovery_app.storage.backup.backups import contents

            chosen = Listed(chosen.backup, contents(chosen.backup.path, key))
        if not Confirm.ask(
            self,
            translate("ui.data.backups_card", "Restore from backup"),
            translate(
                "ui.data.backups_card",
                (
                    "Replace your current data with the backup of {when_words} "
                    "({holds_words})? Your current data is kept as a backup, and Undo "
                    "restore brings it back."
                ),
            ).format(when_words=when_words(chosen), holds_words=holds_words(chosen)),
            translate("ui.data.backups_card", "Restore"),
            translate("ui.data.backups_card", "Keep my current data"),
        ):
            self.status.setText(translate("ui.data.backups_card", "Nothing was changed."))
            return
        self.status.setText(self.safety.restore(self.ctx.db, chosen.backup.path, key))
        self.refresh()

    def undo_restore(self) -> None:
        self.status.setText(self.safety.undo_restore(self.ctx.db))
        self.refresh()

    def _delete_clicked(self) -> None:
        chosen = self._selected()
        if chosen is None or not Confirm.ask(
            self,
            translate("ui.data.backups_card", "Delete backup"),
            translate(
                "ui.data.backups_card",
                ("Delete the backup of {when_words} ({holds_words})? This can't be undone."),
            ).format(when_words=when_words(chosen), holds_words=holds_words(chosen)),
            translate("ui.data.backups_card", "Delete"),
            translate("ui.data.backups_card", "Keep it"),
        ):
            return
        delete_backup(chosen.backup.path)
        if chosen.backup.path == self.safety.undo_path:
            self.safety.undo_path = None
        self.status.setText(translate("ui.data.backups_card", "The backup was deleted."))
        self.refresh()

    # -- a second place ------------------------------------------------------------------
    def _choose_second(self) -> None:
        folder = FolderDialog.ask(
            self, translate("ui.data.backups_card", "A second folder for backups")
        )
        if folder is None:
            return
        data = self.ctx.paths.data_dir.resolve()
        if folder.resolve() == data or data in folder.resolve().parents:
            self.status.setText(
                translate(
                    "ui.data.backups_card", "Please choose a folder outside your data folder."
                )
            )
            return
        self._set_second(str(folder))
        self.status.setText(
            translate(
                "ui.data.backups_card", "From now on each backup is also copied to {folder}."
            ).format(folder=folder)
        )

    def _set_second(self, folder: str) -> None:
        self.ctx.settings.update(second_backup_folder=folder)
        self.refresh()
