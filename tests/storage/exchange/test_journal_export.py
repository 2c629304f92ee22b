"""The journal in the export: round trips, merging choices by id and name, bad files refused."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from uuid import uuid4

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_app.core.errors import InvalidImport
from recovery_app.core.journal.choices import Choice, ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind, JournalEntry
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import build_document, export_json
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.journal.choices import Choices
from recovery_app.storage.journal.entries import Journal
from tests.strategies import journal_entries

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def fresh(folder: Path, name: str) -> Database:
    (folder / name).mkdir(parents=True)
    return Database.open(folder / name / "recovery.db")


def entries(db: Database) -> list[JournalEntry]:
    with db.reading() as s:
        return sorted(Journal(s).all(), key=lambda e: e.uid)


def choices(db: Database, kind: ChoiceList) -> list[Choice]:
    with db.reading() as s:
        return Choices(s, kind).all()


def _same_instant(e: JournalEntry) -> JournalEntry:
    """Compared as stored: instants in UTC, chosen items as sets (shown in list order)."""
    return replace(
        e,
        occurred_at=e.occurred_at.astimezone(UTC),
        triggers=tuple(sorted(e.triggers)),
        coping=tuple(sorted(e.coping)),
        created_at=None,
        updated_at=None,
    )


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.lists(journal_entries, max_size=6, unique_by=lambda e: e.uid))
def test_entries_survive_save_load_export_and_import(
    tmp_path: Path, items: list[JournalEntry]
) -> None:
    run = tmp_path / f"run-{len(list(tmp_path.iterdir()))}"
    source = fresh(run, "source")
    with source.transaction() as s:
        for e in items:
            Journal(s).save(e, NOW - timedelta(minutes=1))
    loaded = entries(source)
    assert [_same_instant(e) for e in loaded] == sorted(
        (_same_instant(e) for e in items), key=lambda e: e.uid
    )
    path = run / "export.json"
    export_json(source, path, NOW)
    target = fresh(run, "target")
    assert import_file(target, path, NOW).entries_added == len(items)
    assert entries(target) == loaded  # created and updated times kept too
    assert import_file(target, path, NOW).entries_present == len(items)


def test_own_triggers_travel_and_defaults_are_not_duplicated(tmp_path: Path) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    with source.transaction() as s:
        repo = Choices(s, ChoiceList.TRIGGERS)
        mine = repo.add("Night shifts", NOW, group="Situations")
        tired = default_uid(ChoiceList.TRIGGERS, "Tired")
        repo.merge(tired, mine.uid)
        entry = Journal(s).save(
            JournalEntry(EntryKind.CRAVING, NOW, intensity=4, triggers=(mine.uid, tired)), NOW
        )
    with target.transaction() as s:
        # The target already has its own "night shifts" under another id.
        theirs = Choices(s, ChoiceList.TRIGGERS).add("night shifts", NOW)
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    report = import_file(target, path, NOW)
    assert report.entries_added == 1 and report.choices_added == 0
    names = [c.name.casefold() for c in choices(target, ChoiceList.TRIGGERS)]
    assert len(names) == len(set(names))
    [imported] = entries(target)
    assert imported.uid == entry.uid and set(imported.triggers) == {theirs.uid, tired}


def _doc(source: Database) -> dict[str, object]:
    return json.loads(json.dumps(build_document(source, NOW)))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d["entries"][0].update(intensity=12), "entry number 1"),
        (lambda d: d["entries"][0].update(kind="dream"), "unknown “kind”"),
        (lambda d: d["entries"][0].update(occurred_at="yesterday"), "full date and time"),
        (lambda d: d["entries"][0].update(triggers=["nope"]), "triggers.*no valid"),
        (lambda d: d["entries"][0].update(tags="one, two"), "list of text"),
        (lambda d: d["entries"].append(dict(d["entries"][0])), "same id"),
        (lambda d: d["triggers"][0].update(name="  "), "unusable name"),
        (lambda d: d.update(entries={"a": 1}), "not a list"),
    ],
)
def test_bad_journal_records_change_nothing(tmp_path: Path, change: object, words: str) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    with source.transaction() as s:
        Journal(s).save(JournalEntry(EntryKind.CRAVING, NOW, intensity=3, text="hi"), NOW)
    doc = _doc(source)
    change(doc)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = choices(target, ChoiceList.TRIGGERS)
    with pytest.raises(InvalidImport, match=words):
        import_file(target, path, NOW)
    assert entries(target) == [] and choices(target, ChoiceList.TRIGGERS) == before


def test_a_version_1_file_without_a_journal_still_imports(tmp_path: Path) -> None:
    target = fresh(tmp_path, "target")
    path = tmp_path / "v1.json"
    doc = {
        "format": "recovery-companion-export",
        "version": 1,
        "profile": {"recovery_start_date": None},
        "checkins": [],
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    report = import_file(target, path, NOW)
    assert (report.added, report.entries_added, report.choices_added) == (0, 0, 0)
    assert len(choices(target, ChoiceList.TRIGGERS)) > 20  # the defaults, untouched


def test_import_brings_back_an_entry_deleted_in_this_session(tmp_path: Path) -> None:
    db = fresh(tmp_path, "one")
    with db.transaction() as s:
        entry = Journal(s).save(JournalEntry(EntryKind.CRAVING, NOW, intensity=2, text="x"), NOW)
    path = tmp_path / "export.json"
    export_json(db, path, NOW)
    with db.transaction() as s:
        Journal(s).delete(entry.uid, NOW)
    assert import_file(db, path, NOW).entries_added == 1
    assert [e.uid for e in entries(db)] == [entry.uid]


def test_the_local_time_where_it_happened_travels_with_an_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A craving at 23:15 in Berlin stays "a Friday at 23:15" after saving, export and
    import; a file from before offsets were kept (version 6, UTC) reads in this computer's
    zone, as the data already here does."""
    berlin = datetime(2026, 7, 3, 23, 15, tzinfo=timezone(timedelta(hours=2)))
    source = fresh(tmp_path, "source")
    with source.transaction() as s:
        Journal(s).save(JournalEntry(EntryKind.CRAVING, berlin, intensity=4), NOW)
    [saved] = entries(source)
    assert f"{saved.occurred_at:%a %H:%M %z}" == "Fri 23:15 +0200"
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["entries"][0]["occurred_at"] == "2026-07-03T23:15:00+02:00"
    target = fresh(tmp_path, "target")
    import_file(target, path, NOW)
    assert [f"{e.occurred_at:%a %H:%M %z}" for e in entries(target)] == ["Fri 23:15 +0200"]

    document["version"] = 6
    document["entries"][0].update(uid=str(uuid4()), occurred_at="2026-07-03T21:15:00+00:00")
    path.write_text(json.dumps(document), encoding="utf-8")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        older = fresh(tmp_path, "older")
        import_file(older, path, NOW)
        assert [f"{e.occurred_at:%H:%M %z}" for e in entries(older)] == ["17:15 -0400"]
    finally:
        monkeypatch.undo()
        time.tzset()
