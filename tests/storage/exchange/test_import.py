"""Import: validated first, all-or-nothing, merged by stable ids without duplicates."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recovery_app.core.checkin.checkin import CheckIn, UsedToday
from recovery_app.core.clock import FixedClock
from recovery_app.core.errors import InvalidImport
from recovery_app.storage.checkin.checkins import CheckIns
from recovery_app.storage.checkin.profile import Profile
from recovery_app.storage.db import Database
from recovery_app.storage.exchange import importer
from recovery_app.storage.exchange.document import build_document, export_json
from recovery_app.storage.exchange.importer import import_file
from tests.strategies import checkins

NOW = datetime(2026, 11, 25, 12, 0).astimezone()


def fresh(tmp_path: Path, name: str) -> Database:
    folder = tmp_path / name
    folder.mkdir()
    return Database.open(folder / "recovery.db")


def all_checkins(db: Database) -> list[CheckIn]:
    with db.reading() as s:
        return list(CheckIns(s).all())


def write_doc(path: Path, doc: Any) -> Path:
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def source(tmp_path: Path, clock: FixedClock) -> Database:
    db = fresh(tmp_path, "source")
    with db.transaction() as s:
        Profile(s).set_start_date(date(2026, 1, 1), NOW)
        for i in range(3):
            CheckIns(s).save(
                CheckIn(date(2026, 11, 20 + i), 3, i, 2, UsedToday.NO, note=f"note {i} 🌱"), NOW
            )
    return db


def test_import_into_an_empty_database_copies_everything(source: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    target = fresh(tmp_path, "target")
    report = import_file(target, path, NOW)
    assert (report.added, report.already_present, report.start_date_set) == (3, 0, True)
    assert all_checkins(target) == all_checkins(source)
    with target.reading() as s:
        assert Profile(s).start_date() == date(2026, 1, 1)
    assert "Added 3 check-ins and 0 journal entries." in report.summary()


def test_importing_twice_adds_nothing(source: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    report = import_file(source, path, NOW)
    assert (report.added, report.already_present) == (0, 3)
    assert len(all_checkins(source)) == 3


def test_a_different_checkin_for_a_day_already_filled_is_kept_out(
    source: Database, tmp_path: Path
) -> None:
    target = fresh(tmp_path, "target")
    with target.transaction() as s:
        CheckIns(s).save(CheckIn(date(2026, 11, 21), 5, 0, 0, UsedToday.NO, note="mine"), NOW)
        Profile(s).set_start_date(date(2025, 6, 1), NOW)
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    report = import_file(target, path, NOW)
    assert (report.added, report.same_day_kept_out, report.start_date_set) == (2, 1, False)
    with target.reading() as s:
        assert CheckIns(s).get(date(2026, 11, 21)).note == "mine"  # type: ignore[union-attr]
        assert Profile(s).start_date() == date(2025, 6, 1)
    assert "kept out" in report.summary()


def _doc(source: Database) -> dict[str, Any]:
    return build_document(source, NOW)


def _bad_documents(source: Database) -> dict[str, Any]:
    good = _doc(source)
    first = good["checkins"][0]
    cases: dict[str, Any] = {
        "not our format": {**good, "format": "something-else"},
        "newer version": {**good, "version": 99},
        "no version": {k: v for k, v in good.items() if k != "version"},
        "mood as text": {**good, "checkins": [{**first, "mood": "3"}]},
        "mood out of range": {**good, "checkins": [{**first, "mood": 9}]},
        "bool as number": {**good, "checkins": [{**first, "craving": True}]},
        "unknown answer": {**good, "checkins": [{**first, "used": "maybe"}]},
        "bad id": {**good, "checkins": [{**first, "uid": "12"}]},
        "bad day": {**good, "checkins": [{**first, "day": "2026-02-30"}]},
        "future day": {**good, "checkins": [{**first, "day": "2027-01-01"}]},
        "naive time": {**good, "checkins": [{**first, "created_at": "2026-11-20T10:00:00"}]},
        "halt not yes/no": {**good, "checkins": [{**first, "halt": {"hungry": "yes"}}]},
        "note not text": {**good, "checkins": [{**first, "note": 5}]},
        "duplicate ids": {**good, "checkins": [first, {**first, "day": "2026-11-01"}]},
        "duplicate days": {
            **good,
            "checkins": [first, {**first, "uid": "6b1f6f2e-3c59-4a9e-9c1b-0d7a7b0a5e11"}],
        },
        "checkins not a list": {**good, "checkins": {"a": 1}},
        "record not an object": {**good, "checkins": [1, 2]},
        "future start": {**good, "profile": {"recovery_start_date": "2030-01-01"}},
        "a list": [good],
    }
    return cases


@pytest.mark.parametrize(
    "case",
    [
        "not our format", "newer version", "no version", "mood as text", "mood out of range",
        "bool as number", "unknown answer", "bad id", "bad day", "future day", "naive time",
        "halt not yes/no", "note not text", "duplicate ids", "duplicate days",
        "checkins not a list", "record not an object", "future start", "a list",
    ],
)  # fmt: skip
def test_bad_files_change_nothing(source: Database, tmp_path: Path, case: str) -> None:
    target = fresh(tmp_path, "target")
    with target.transaction() as s:
        CheckIns(s).save(CheckIn(date(2026, 11, 1), 4, 1, 1, UsedToday.NO, note="keep"), NOW)
    before = all_checkins(target)
    doc = _bad_documents(source)[case]
    # A good record next to the bad one must not slip in either: all or nothing.
    if isinstance(doc, dict) and isinstance(doc.get("checkins"), list) and case != "duplicate ids":
        good_extra = dict(_doc(source)["checkins"][2])
        doc = {**doc, "checkins": [good_extra, *doc["checkins"]]}
    path = write_doc(tmp_path / "bad.json", doc)
    with pytest.raises(InvalidImport, match=r"Nothing was changed|newer version"):
        import_file(target, path, NOW)
    assert all_checkins(target) == before


@pytest.mark.parametrize("content", [b"", b"{", b'{"format": "rec'])
def test_damaged_or_truncated_files(tmp_path: Path, content: bytes) -> None:
    target = fresh(tmp_path, "target")
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InvalidImport, match="not a complete export"):
        import_file(target, path, NOW)


def test_truncated_real_export(source: Database, tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    path.write_bytes(path.read_bytes()[:-40])
    target = fresh(tmp_path, "target")
    with pytest.raises(InvalidImport):
        import_file(target, path, NOW)
    assert all_checkins(target) == []


def test_hostile_size_is_refused_before_reading(
    source: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    monkeypatch.setattr(importer, "MAX_IMPORT_BYTES", 100)
    with pytest.raises(InvalidImport, match="too large"):
        import_file(fresh(tmp_path, "target"), path, NOW)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=st.lists(checkins, max_size=8, unique_by=lambda c: c.day))
def test_round_trip_through_export_and_import(tmp_path: Path, items: list[CheckIn]) -> None:
    run = tmp_path / f"run-{len(list(tmp_path.iterdir()))}"
    run.mkdir()
    source = fresh(run, "source")
    with source.transaction() as s:
        for c in items:
            CheckIns(s).save(c, NOW - timedelta(minutes=1))
    path = run / "export.json"
    export_json(source, path, NOW)
    target = fresh(run, "target")
    assert import_file(target, path, NOW).added == len(items)
    assert all_checkins(target) == all_checkins(source)
    assert [replace(c, created_at=None, updated_at=None) for c in all_checkins(target)] == sorted(
        items, key=lambda c: c.day
    )
    source.close()
    target.close()
