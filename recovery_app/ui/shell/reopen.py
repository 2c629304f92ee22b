"""Forms open when the app locks come back when it unlocks, with what was typed.

Before the data closes, each open form that can come back (``mark_form``) is written
as plain values into an encrypted draft; after the unlock it is opened again the way
the person opened it, and the values are put back as it first takes focus. The
check-in is a page, and keeps its own draft.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.ui.common.form_snapshot import form_key, restore, snapshot

if TYPE_CHECKING:
    from recovery_app.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
OPEN_FORMS = "open-forms"


def keep_open_forms(window: MainWindow) -> None:
    """Write what the open forms hold (the data is about to close)."""
    from recovery_app.storage.drafts import keep_draft

    db = window.db
    if db is None or db.closed:
        return
    forms = [
        {"key": key, "values": snapshot(dialog)}
        for dialog in window.findChildren(QDialog)
        if dialog.isVisible() and (key := form_key(dialog)) is not None
    ]
    if not forms:
        return
    try:
        keep_draft(db, OPEN_FORMS, {"forms": forms}, window.clock.now())
    except KnownError:
        log.warning("open forms not kept")


def reopen_forms(window: MainWindow) -> None:
    """Open again what was open at the lock (the data has just opened)."""
    from recovery_app.storage.drafts import keep_draft, load_draft

    db = window.db
    if db is None or db.closed:
        return
    try:
        kept = load_draft(db, OPEN_FORMS)
        if kept is None:
            return
        keep_draft(db, OPEN_FORMS, None, window.clock.now())
    except KnownError:
        return
    forms = kept.get("forms") if isinstance(kept, dict) else None
    for form in forms if isinstance(forms, list) else []:
        key, values = (form.get("key"), form.get("values")) if isinstance(form, dict) else (0, 0)
        if isinstance(key, str) and isinstance(values, list | dict):
            window.pending_forms[key] = values
            QTimer.singleShot(0, lambda k=key: _open(window, k))


def _open(window: MainWindow, key: str) -> None:
    kind, _, rest = key.partition(":")
    try:
        if kind == "meeting":
            _meeting(window, rest)
        elif kind == "reason":
            window.show_page("toolkit")
            window.page("toolkit").edit_reason(new=True)  # type: ignore[attr-defined]
        elif kind == "questionnaire":
            window.dialogs.take_questionnaire(rest)
        elif kind == "contact":
            _contact(window, rest)
        elif kind == "journal":
            _journal(window, rest)
        elif kind == "taper-plan":
            window.show_page("taper")
            window.page("taper").edit_plan()  # type: ignore[attr-defined]
        elif kind == "symptoms":
            window.show_page("taper")
            window.page("taper").note_symptoms(date.fromisoformat(rest))  # type: ignore[attr-defined]
    except (KnownError, ValueError):
        log.warning("a form could not come back")
    # The values wait in ``pending_forms`` until the form first takes focus: a form
    # that opens without waiting (the questionnaire) takes it after this returns.


def _meeting(window: MainWindow, uid: str) -> None:
    from recovery_app.storage.meetings.ops import all_meetings

    window.show_page("meetings")
    page: Any = window.page("meetings")
    if uid == "new":
        page.edit(None)
        return
    db = window.db
    meeting = next((m for m in all_meetings(db) if m.uid == uid), None) if db else None
    if meeting is not None:
        page.edit(meeting)


def _journal(window: MainWindow, which: str) -> None:
    """The quick craving form, a new entry or the one being changed: each opens with
    its own draft, as it does whenever it opens."""
    from recovery_app.core.journal.entries import EntryKind, JournalEntry

    journal = window.journal
    if journal is None:
        return
    kind, _, rest = which.partition(":")
    if kind == "quick":
        journal.log_craving()
    elif kind == "new":
        journal.open_new(JournalEntry(kind=EntryKind(rest), occurred_at=window.clock.now()))
    elif kind == "entry":
        journal.edit(rest)


def _contact(window: MainWindow, uid: str) -> None:
    """Get help first (the form opens from it), then the person or line being written."""
    from recovery_app.storage.help.ops import contacts
    from recovery_app.ui.help.dialog import HelpDialog

    window.dialogs.show_help()
    helper = window.findChild(HelpDialog)
    db = window.db
    if helper is None or db is None:
        return
    person = None if uid == "new" else next((c for c in contacts(db) if c.uid == uid), None)
    if uid == "new" or person is not None:
        helper.edit(person)


def put_back(window: MainWindow, dialog: QDialog) -> None:
    """A form just took focus: if it was open at the lock, its values go back in."""
    key = form_key(dialog)
    values = window.pending_forms.pop(key, None) if key is not None else None
    if values is not None:
        restore(dialog, values)
    if values:  # not for a form that was open with nothing in it
        window.notice.say(
            translate("ui.shell.reopen", "What you were typing before the app locked is back.")
        )
