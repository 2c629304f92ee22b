"""My reasons and favourite skills: kept, changed, exported, imported, migrated to."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from recovery_app.core.errors import InvalidImport, InvalidInput
from recovery_app.core.toolkit.reasons import REASON_MAX, Reason
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.csv import export_csv
from recovery_app.storage.exchange.document import build_document, export_json
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.toolkit.ops import (
    favourite_skills,
    mark_favourite,
    plan_versions,
    reasons,
    remove_reason,
    save_plan,
    save_reason,
)

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SCHEMAS = Path(__file__).parents[2] / "data" / "schemas"


def fresh(folder: Path, name: str = "data") -> Database:
    (folder / name).mkdir(parents=True)
    return Database.open(folder / name / "recovery.db")


def fill(db: Database) -> list[Reason]:
    kept = [
        save_reason(db, Reason("  My daughter's wedding in June  "), NOW).value,
        save_reason(db, Reason("Waking up without the fog"), NOW).value,
    ]
    mark_favourite(db, "tipp", True, NOW)
    mark_favourite(db, "grounding", True, NOW)
    return kept


def test_reasons_keep_their_words_and_order(tmp_path: Path) -> None:
    db = fresh(tmp_path)
    first, second = fill(db)
    assert [r.text for r in reasons(db)] == ["My daughter's wedding in June", second.text]
    save_reason(db, Reason("Waking up clear-headed", second.uid), NOW)
    assert [r.text for r in reasons(db)][1] == "Waking up clear-headed"  # changed in place
    remove_reason(db, first.uid)
    assert [r.uid for r in reasons(db)] == [second.uid]


@pytest.mark.parametrize("text", ["   ", "x" * (REASON_MAX + 1), "a\x00b"])
def test_a_reason_that_cannot_be_kept_says_why(tmp_path: Path, text: str) -> None:
    db = fresh(tmp_path)
    with pytest.raises(InvalidInput):
        save_reason(db, Reason(text), NOW)
    assert reasons(db) == []


def test_favourites_are_marked_and_unmarked(tmp_path: Path) -> None:
    db = fresh(tmp_path)
    fill(db)
    assert favourite_skills(db) == ["tipp", "grounding"]
    mark_favourite(db, "tipp", False, NOW)
    mark_favourite(db, "grounding", True, NOW)  # twice is once
    assert favourite_skills(db) == ["grounding"]
    with pytest.raises(ValueError):
        mark_favourite(db, "juggling", True, NOW)


def test_export_and_import_round_trip_without_duplicates(tmp_path: Path) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    fill(source)
    path = tmp_path / "all.json"
    export_json(source, path, NOW)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["reasons"][0]["text"] == "My daughter's wedding in June"
    assert doc["favourite_skills"] == ["tipp", "grounding"]
    assert import_file(target, path, NOW).others_added == 4
    assert reasons(target) == reasons(source)
    assert favourite_skills(target) == ["tipp", "grounding"]
    assert import_file(target, path, NOW).others_added == 0


def test_an_older_file_and_an_unknown_skill_import(tmp_path: Path) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    fill(source)
    doc = json.loads(json.dumps(build_document(source, NOW)))
    older = {k: v for k, v in doc.items() if k not in ("reasons", "favourite_skills")}
    older["version"] = 5
    (tmp_path / "v5.json").write_text(json.dumps(older), encoding="utf-8")
    import_file(target, tmp_path / "v5.json", NOW)
    assert reasons(target) == [] and favourite_skills(target) == []
    doc["favourite_skills"] = ["juggling", "stop"]  # from a newer app with another skill
    (tmp_path / "newer.json").write_text(json.dumps(doc), encoding="utf-8")
    import_file(target, tmp_path / "newer.json", NOW)
    assert favourite_skills(target) == ["stop"] and len(reasons(target)) == 2


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["reasons"][0].update(text=""),
        lambda d: d["reasons"][0].update(text=7),
        lambda d: d["reasons"].append(dict(d["reasons"][0])),  # the same id twice
        lambda d: d.update(favourite_skills="tipp"),
        lambda d: d.update(favourite_skills=[7]),
        lambda d: d.update(favourite_skills=["tipp"] * 101),
        lambda d: d.update(reasons={"uid": "x"}),
        lambda d: d["reasons"][0].update(uid="not a uuid"),
        lambda d: d["reasons"][0].update(text="x" * 2001),
    ],
)
def test_a_bad_toolkit_record_refuses_the_file_and_changes_nothing(
    tmp_path: Path, change: object
) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    fill(source)
    doc = json.loads(json.dumps(build_document(source, NOW)))
    change(doc)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InvalidImport):
        import_file(target, path, NOW)
    assert reasons(target) == [] and favourite_skills(target) == []


def test_csv_has_the_reasons(tmp_path: Path) -> None:
    source = fresh(tmp_path, "source")
    fill(source)
    written = {p.name: p for p in export_csv(source, tmp_path / "csv", NOW)}
    lines = written["reasons.csv"].read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "uid,text" and "wedding in June" in lines[1]


def test_the_previous_schema_gains_the_toolkit_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "recovery.db"
    shutil.copy(SCHEMAS / "0008_meeting_changes.db", path)
    db = Database.open(path)
    assert reasons(db) == [] and favourite_skills(db) == []
    fill(db)
    assert len(reasons(db)) == 2
    db.close()


def test_each_saved_plan_is_a_new_version_and_the_newest_is_the_plan(tmp_path: Path) -> None:
    db = fresh(tmp_path)
    first = save_plan(db, {"warning_signs": " Skipping meals ", "red": ""}, NOW).value
    assert first.sections == {"warning_signs": "Skipping meals"}  # empty parts are not kept
    later = NOW + timedelta(days=30)
    save_plan(db, {"warning_signs": "Skipping meals, staying in", "bogus": "x"}, later)
    versions = plan_versions(db)
    assert [v.text("warning_signs") for v in versions] == [
        "Skipping meals, staying in",
        "Skipping meals",
    ]
    assert versions[0].saved_at == later and "bogus" not in versions[0].sections
    with pytest.raises(InvalidInput):
        save_plan(db, {"red": "x" * 5001}, later)
    assert len(plan_versions(db)) == 2


def test_plan_versions_round_trip_and_merge(tmp_path: Path) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    save_plan(source, {"sp_help": "Sam 555 0100"}, NOW)
    save_plan(source, {"sp_help": "Sam 555 0100\nDr Lee"}, NOW + timedelta(days=1))
    save_plan(target, {"green": "Meetings on Tuesday"}, NOW + timedelta(hours=1))
    path = tmp_path / "all.json"
    export_json(source, path, NOW)
    later = NOW + timedelta(days=2)  # imported after all of them were written
    import_file(target, path, later)
    versions = plan_versions(target)
    assert len(versions) == 3 and versions[0].text("sp_help") == "Sam 555 0100\nDr Lee"
    import_file(target, path, later)
    assert len(plan_versions(target)) == 3  # no duplicates


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["plan_versions"][0].update(sections="text"),
        lambda d: d["plan_versions"][0].update(sections={"red": 7}),
        lambda d: d["plan_versions"][0].update(saved_at="yesterday"),
        lambda d: d["plan_versions"][0]["sections"].update(red="x" * 5001),
    ],
)
def test_a_bad_plan_version_refuses_the_file(tmp_path: Path, change: object) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    save_plan(source, {"red": "Call Sam"}, NOW)
    doc = json.loads(json.dumps(build_document(source, NOW)))
    change(doc)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InvalidImport):
        import_file(target, path, NOW)
    assert plan_versions(target) == []


def test_a_plan_dated_ahead_of_this_clock_never_stays_the_plan(tmp_path: Path) -> None:
    source, target = fresh(tmp_path, "source"), fresh(tmp_path, "target")
    save_plan(source, {"red": "From the other computer"}, datetime(2199, 1, 1, tzinfo=UTC))
    path = tmp_path / "ahead.json"
    export_json(source, path, NOW)
    import_file(target, path, NOW)
    [imported] = plan_versions(target)
    assert imported.saved_at <= NOW  # capped at the importing computer's now
    save_plan(target, {"red": "Written here, later"}, NOW)  # the clock hasn't moved on
    assert plan_versions(target)[0].text("red") == "Written here, later"
