"""Journal entries as stored: round trips, constraints, search, filters, delete and undo."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from recovery_app.core.clock import FixedClock
from recovery_app.core.errors import InvalidInput
from recovery_app.core.journal.choices import ChoiceList, default_choices, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry, JournalFilter, Outcome
from recovery_app.storage.db import Database
from recovery_app.storage.journal.choices import Choices
from recovery_app.storage.journal.entries import Journal, purge_deleted
from recovery_app.storage.journal.queries import list_rows, matching_ids

STRESS = default_uid(ChoiceList.TRIGGERS, "Stress")
PAIN = default_uid(ChoiceList.TRIGGERS, "Pain")
WALK = default_uid(ChoiceList.COPING, "Went for a walk")


def craving(clock: FixedClock, **kw: object) -> JournalEntry:
    values: dict[str, object] = {
        "kind": EntryKind.CRAVING,
        "occurred_at": clock.now(),
        "intensity": 6,
    }
    values.update(kw)
    return JournalEntry(**values)  # type: ignore[arg-type]


def save(db: Database, clock: FixedClock, entry: JournalEntry) -> JournalEntry:
    with db.transaction() as session:
        return Journal(session).save(entry, clock.now())


def find(db: Database, **kw: object) -> list[int]:
    with db.reading() as conn:
        return matching_ids(conn, JournalFilter(**kw))  # type: ignore[arg-type]


def uid_list(db: Database, ids: list[int]) -> list[str]:
    with db.reading() as conn:
        rows = list_rows(conn, ids)
    return [rows[i].uid for i in ids]


def test_defaults_are_there_with_fixed_uids(db: Database) -> None:
    with db.reading() as session:
        triggers = Choices(session, ChoiceList.TRIGGERS).all()
        coping = Choices(session, ChoiceList.COPING).all()
    assert [c.uid for c in triggers] == [c.uid for c in default_choices(ChoiceList.TRIGGERS)]
    assert {"HALT", "Feelings", "People", "Places", "Situations", "Body"} == {
        c.group for c in triggers
    }
    assert any(c.name.startswith("Urge surfing") for c in coping)


def test_craving_round_trip_with_every_field(db: Database, clock: FixedClock) -> None:
    entry = craving(
        clock,
        duration_minutes=25,
        triggers=(STRESS, PAIN),
        coping=(WALK,),
        outcome=Outcome.PASSED,
        place="kitchen",
        people="alone",
        situation="after a phone call",
        thoughts="just one would help 😔",
        text="walked it off",
        tags=("evening",),
    )
    saved = save(db, clock, entry)
    assert saved.created_at == clock.now().astimezone(UTC)
    with db.reading() as session:
        loaded = Journal(session).get(entry.uid)
    assert loaded is not None
    assert replace(loaded, created_at=None, updated_at=None) == replace(
        entry, occurred_at=entry.occurred_at.astimezone(UTC), triggers=(STRESS, PAIN)
    )


@pytest.mark.parametrize(
    "body", ["x" * 1_000_000, "שלום 🙂 日本語のテキスト", "e\u0301\r\n\ttab", "‮reversed"]
)
def test_any_text_is_stored_intact(db: Database, clock: FixedClock, body: str) -> None:
    entry = JournalEntry(kind=EntryKind.JOURNAL, occurred_at=clock.now(), text=body)
    save(db, clock, entry)
    with db.reading() as session:
        loaded = Journal(session).get(entry.uid)
    assert loaded is not None and loaded.text == body


def test_editing_replaces_fields_and_links(db: Database, clock: FixedClock) -> None:
    entry = save(db, clock, craving(clock, triggers=(STRESS,), text="first words"))
    clock.current += timedelta(minutes=5)
    edited = save(db, clock, replace(entry, triggers=(PAIN,), text="second words", intensity=2))
    assert edited.intensity == 2 and edited.triggers == (PAIN,)
    assert edited.updated_at == clock.now().astimezone(UTC)
    assert find(db, words="first") == []
    assert len(find(db, words="second")) == 1
    assert find(db, trigger=STRESS) == []
    with db.reading() as session:
        assert Journal(session).count() == 1


@pytest.mark.parametrize(
    ("entry_kw", "message"),
    [
        ({"intensity": None}, "how strong"),
        ({"intensity": 11}, "0 to 10"),
        ({"intensity": -1}, "0 to 10"),
        ({"duration_minutes": -5}, "lasted"),
        ({"text": "bad \x00 byte"}, "can't be stored"),
        ({"text": "lone \ud800 surrogate"}, "can't be stored"),
        ({"occurred_at": datetime(2026, 1, 1)}, "date and time"),
    ],
)
def test_bad_cravings_are_refused(
    db: Database, clock: FixedClock, entry_kw: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInput, match=message), db.transaction() as session:
        Journal(session).save(craving(clock, **entry_kw), clock.now())
    assert find(db) == []


def test_an_empty_journal_entry_is_refused(db: Database, clock: FixedClock) -> None:
    with pytest.raises(InvalidInput, match="empty"), db.transaction() as session:
        Journal(session).save(
            JournalEntry(kind=EntryKind.JOURNAL, occurred_at=clock.now(), text="  \n "),
            clock.now(),
        )


def test_storage_refuses_out_of_range_intensity_on_its_own(db: Database) -> None:
    now = "2026-11-25 10:00:00"
    with pytest.raises(IntegrityError), db.transaction() as conn:
        conn.execute(
            text(
                "INSERT INTO journal_entry (uid, kind, occurred_at, intensity, place, people, "
                "situation, thoughts, title, text, tags, created_at, updated_at) VALUES "
                "('u', 'craving', :now, 11, '', '', '', '', '', '', '', :now, :now)"
            ),
            {"now": now},
        )


def test_unknown_trigger_is_refused(db: Database, clock: FixedClock) -> None:
    with pytest.raises(InvalidInput, match="no longer exists"), db.transaction() as session:
        Journal(session).save(craving(clock, triggers=("not-a-uid",)), clock.now())


HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "-",
    "- -",
    " ",
    "NEAR",
    "NEAR(a b)",
    "OR",
    "AND NOT",
    "(",
    "((unbalanced",
    "a)",
    "^start",
    "col:umn",
    "%",
    "_",
    "\\",
    "{x}",
    "a+b",
    "💥",
    "🙂🙂🙂",
    "NOT",
    "body:x",
    "\u200b",
]


@pytest.mark.parametrize("words", HOSTILE)
def test_search_text_is_never_query_syntax(db: Database, clock: FixedClock, words: str) -> None:
    save(db, clock, craving(clock, text=f"before {words} after"))
    save(db, clock, craving(clock, text="zzz qqq"))
    found = find(db, words=words)
    # Finds exactly what it literally says; blank words mean no search at all.
    assert len(found) == (1 if words.strip() else 2)


def test_search_finds_any_script_substring_case_and_accents(
    db: Database, clock: FixedClock
) -> None:
    a = save(db, clock, craving(clock, thoughts="Café was CROWDED, 日本語のテキスト 🙂"))
    b = save(db, clock, JournalEntry(kind=EntryKind.JOURNAL, occurred_at=clock.now(), title="Ok"))
    assert uid_list(db, find(db, words="cafe crowd")) == [a.uid]
    assert uid_list(db, find(db, words="本語")) == [a.uid]
    assert uid_list(db, find(db, words="🙂")) == [a.uid]
    assert uid_list(db, find(db, words="ok")) == [b.uid]
    assert find(db, words="cafe missing") == []


def test_filters_combine(db: Database, clock: FixedClock) -> None:
    base = clock.now()
    old = save(db, clock, craving(clock, occurred_at=base - timedelta(days=40), intensity=9))
    passed = save(db, clock, craving(clock, outcome=Outcome.PASSED, triggers=(STRESS,)))
    note = save(
        db, clock, JournalEntry(kind=EntryKind.JOURNAL, occurred_at=base, text="a good day")
    )
    assert uid_list(db, find(db)) == [note.uid, passed.uid, old.uid] or uid_list(db, find(db)) == [
        passed.uid,
        note.uid,
        old.uid,
    ]
    assert uid_list(db, find(db, kind=EntryKind.JOURNAL)) == [note.uid]
    assert uid_list(db, find(db, min_intensity=8)) == [old.uid]
    assert uid_list(db, find(db, max_intensity=7)) == [passed.uid]
    assert uid_list(db, find(db, outcome=Outcome.PASSED)) == [passed.uid]
    assert uid_list(db, find(db, trigger=STRESS)) == [passed.uid]
    with db.reading() as conn:
        recent = matching_ids(conn, JournalFilter(), since=base - timedelta(days=7))
    assert set(uid_list(db, recent)) == {passed.uid, note.uid}


def test_newest_first(db: Database, clock: FixedClock) -> None:
    first = save(db, clock, craving(clock, occurred_at=clock.now() - timedelta(hours=2)))
    second = save(db, clock, craving(clock))
    assert uid_list(db, find(db)) == [second.uid, first.uid]


def test_list_rows_are_light(db: Database, clock: FixedClock) -> None:
    save(db, clock, craving(clock, triggers=(STRESS, PAIN), text="line one\n" + "y" * 10_000))
    ids = find(db)
    with db.reading() as conn:
        row = list_rows(conn, ids)[ids[0]]
    assert row.summary == "line one"
    assert set(row.triggers.split(", ")) == {"Stress", "Pain"}


def test_delete_restore_and_purge(db: Database, clock: FixedClock) -> None:
    entry = save(db, clock, craving(clock, text="to be deleted"))
    with db.transaction() as session:
        Journal(session).delete(entry.uid, clock.now())
    assert find(db) == [] and find(db, words="deleted") == []
    with db.transaction() as session:
        Journal(session).restore(entry.uid)
    assert len(find(db, words="deleted")) == 1
    with db.transaction() as session:
        Journal(session).delete(entry.uid, clock.now())
    with db.transaction() as conn:
        assert purge_deleted(conn) == 1
    with db.reading() as conn:
        left = conn.execute(text("SELECT count(*) FROM journal_search")).scalar_one()
    assert left == 0


def test_merge_rename_archive_keep_history(db: Database, clock: FixedClock) -> None:
    entry = save(db, clock, craving(clock, triggers=(PAIN,)))
    with db.transaction() as session:
        choices = Choices(session, ChoiceList.TRIGGERS)
        mine = choices.add("Back ache", clock.now(), group="Body")
        choices.merge(PAIN, mine.uid)
        choices.rename(mine.uid, "Back pain")
        choices.set_archived(STRESS, True)
    # The entry still points at "Pain"; filtering by what it was merged into finds it.
    with db.reading() as session:
        loaded = Journal(session).get(entry.uid)
        listed = {c.uid: c for c in Choices(session, ChoiceList.TRIGGERS).all()}
    assert loaded is not None and loaded.triggers == (PAIN,)
    assert listed[PAIN].merged_into == mine.uid and not listed[PAIN].active
    assert listed[mine.uid].name == "Back pain"
    assert listed[STRESS].archived
    assert uid_list(db, find(db, trigger=mine.uid)) == [entry.uid]


def test_choice_names_are_checked(db: Database, clock: FixedClock) -> None:
    with db.transaction() as session:
        choices = Choices(session, ChoiceList.TRIGGERS)
        with pytest.raises(InvalidInput, match="type a name"):
            choices.add("   ", clock.now())
        with pytest.raises(InvalidInput, match="already have"):
            choices.rename(PAIN, "stress")
        with pytest.raises(InvalidInput, match="different"):
            choices.merge(PAIN, PAIN)
        choices.set_archived(STRESS, True)
        again = choices.add(" STRESS ", clock.now())
    assert again.uid == STRESS and not again.archived


def test_purging_an_entry_removes_its_unsaved_edit_too(db: Database, clock: FixedClock) -> None:
    from recovery_app.storage.drafts import Drafts

    entry = save(db, clock, craving(clock, text="private"))
    with db.transaction() as session:
        Drafts(session).put(f"entry:{entry.uid}", {"text": "private edit"}, clock.now())
        Journal(session).delete(entry.uid, clock.now())
    with db.transaction() as conn:
        purge_deleted(conn)
    with db.reading() as session:
        assert Drafts(session).get(f"entry:{entry.uid}") is None
