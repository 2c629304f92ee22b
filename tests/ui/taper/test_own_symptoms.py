"""The person's own symptoms: kept before they are ever rated, renamed on every day they
were noted, removed from the form with what was noted kept, and carried by the export."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.errors import InvalidInput
from recovery_app.core.taper.symptoms import SymptomDay
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import export_json
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.taper.ops import (
    own_symptoms,
    record_symptom_day,
    remove_symptom,
    rename_symptom,
    symptom_days,
)
from recovery_app.ui.common.confirm import Confirm
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.taper.own_symptoms_dialog import OwnSymptomsDialog
from recovery_app.ui.taper.symptoms_dialog import SymptomsDialog

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)


def test_a_symptom_added_but_not_rated_is_still_offered_next_time(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], qtbot: QtBot
) -> None:
    dialog = SymptomsDialog(ctx, MONDAY, None, [])
    shown(dialog)
    dialog.new_name.setText("Ringing in my ears")
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
    dialog.save()  # not rated today: nothing bothered, but the name is the person's
    _days, names = symptom_days(ctx.db, MONDAY, MONDAY)
    assert names == ["Ringing in my ears"]
    again = SymptomsDialog(ctx, TUESDAY, None, names)
    assert "Ringing in my ears" in [r.name for r in again.rows]
    again.deleteLater()


def test_renaming_renames_every_day_and_removing_keeps_what_was_noted(db: Database) -> None:
    record_symptom_day(db, SymptomDay(MONDAY, {"Headahce": 2, "Anxiety": 1}), NOW, ("Headahce",))
    record_symptom_day(db, SymptomDay(TUESDAY, {"Headahce": 1}), NOW)
    assert own_symptoms(db) == ["Headahce"]  # the common "Anxiety" is not the person's own
    rename_symptom(db, "Headahce", "Head pressure")
    days, names = symptom_days(db, MONDAY, TUESDAY)
    assert [d.ratings for d in days] == [{"Anxiety": 1, "Head pressure": 2}, {"Head pressure": 1}]
    assert names == ["Head pressure"]
    remove_symptom(db, "Head pressure")
    days, names = symptom_days(db, MONDAY, TUESDAY)
    assert names == [] and days[1].ratings == {"Head pressure": 1}  # history kept


@pytest.mark.parametrize("new", ["", "   ", "anxiety", "jaw pain"])
def test_a_rename_to_nothing_or_to_a_name_in_the_list_is_refused(db: Database, new: str) -> None:
    record_symptom_day(
        db, SymptomDay(MONDAY, {"Jaw pain": 1, "Tinnitus": 2}), NOW, ("Jaw pain", "Tinnitus")
    )
    with pytest.raises(InvalidInput):
        rename_symptom(db, "Tinnitus", new)
    assert symptom_days(db, MONDAY, MONDAY)[0][0].ratings == {"Jaw pain": 1, "Tinnitus": 2}


def test_the_dialog_renames_and_removes(
    ctx: AppContext,
    shown: Callable[[QWidget], QWidget],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_symptom_day(
        ctx.db, SymptomDay(MONDAY, {"Tinnitus": 2, "Jaw pain": 1}), NOW, ("Tinnitus", "Jaw pain")
    )
    dialog = OwnSymptomsDialog(ctx)
    shown(dialog)
    assert [dialog.listing.item(i).text() for i in range(dialog.listing.count())] == [
        "Tinnitus",
        "Jaw pain",
    ]
    dialog.listing.setCurrentRow(0)
    monkeypatch.setattr(Confirm, "ask_text", classmethod(lambda *a, **k: "Ringing ears"))
    dialog.rename()
    assert own_symptoms(ctx.db) == ["Ringing ears", "Jaw pain"]
    assert "every day" in dialog.status.text()
    dialog.listing.setCurrentRow(1)
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda *a, **k: False))
    dialog.remove()
    assert own_symptoms(ctx.db) == ["Ringing ears", "Jaw pain"]  # "Keep it"
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda *a, **k: True))
    dialog.remove()
    assert own_symptoms(ctx.db) == ["Ringing ears"]
    assert symptom_days(ctx.db, MONDAY, MONDAY)[0][0].ratings == {
        "Jaw pain": 1,
        "Ringing ears": 2,
    }


def test_the_own_list_travels_in_the_export(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source = Database.open(tmp_path / "a" / "recovery.db")
    record_symptom_day(source, SymptomDay(MONDAY, {}), NOW, ("Ringing ears 🔔", "Jaw pain"))
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 9
    assert document["own_symptoms"] == ["Ringing ears 🔔", "Jaw pain"]
    target = Database.open(tmp_path / "b" / "recovery.db")
    import_file(target, path, NOW)
    assert own_symptoms(target) == ["Ringing ears 🔔", "Jaw pain"]
    # Hostile: a name that can't be one refuses the whole file.
    document["own_symptoms"] = ["x" * 500]
    path.write_text(json.dumps(document), encoding="utf-8")
    from recovery_app.core.errors import InvalidImport

    with pytest.raises(InvalidImport):
        import_file(target, path, NOW)
    source.close()
    target.close()


def test_a_removed_symptom_stays_removed_when_its_day_is_saved_again(db: Database) -> None:
    """Found in review: re-saving a day that rated a removed symptom put it back."""
    record_symptom_day(db, SymptomDay(MONDAY, {"Nausea": 2}), NOW, ("Nausea",))
    remove_symptom(db, "Nausea")
    record_symptom_day(db, SymptomDay(MONDAY, {"Nausea": 2}, note="later that day"), NOW)
    assert own_symptoms(db) == []
    record_symptom_day(db, SymptomDay(TUESDAY, {}), NOW, ("nausea",))  # added again by hand
    assert own_symptoms(db) == ["Nausea"]


def test_a_full_list_never_blocks_saving_a_day_or_importing(tmp_path: Path) -> None:
    """Found in review: with 40 of one's own, a day naming a removed one couldn't be saved,
    and an import naming more than 40 in all was refused whole."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source = Database.open(tmp_path / "a" / "recovery.db")
    record_symptom_day(source, SymptomDay(MONDAY, {"Old one": 1}), NOW, ("Old one",))
    remove_symptom(source, "Old one")
    many = tuple(f"Symptom {n}" for n in range(40))
    record_symptom_day(source, SymptomDay(TUESDAY, {}), NOW, many)
    record_symptom_day(source, SymptomDay(MONDAY, {"Old one": 2}), NOW)  # saved again
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    target = Database.open(tmp_path / "b" / "recovery.db")
    import_file(target, path, NOW)
    assert own_symptoms(target) == list(many)
    assert symptom_days(target, MONDAY, MONDAY)[0][0].ratings == {"Old one": 2}
    with pytest.raises(InvalidInput, match="Remove one"):
        record_symptom_day(target, SymptomDay(TUESDAY, {}), NOW, ("One more",))
    source.close()
    target.close()


def test_a_rename_never_merges_two_symptoms_and_follows_any_capitals(db: Database) -> None:
    """Found in review: a rename onto a removed name merged their days, keeping only the
    higher rating; one spelled with other capitals on some days was left behind."""
    record_symptom_day(db, SymptomDay(MONDAY, {"nausea": 1, "Queasy": 3}), NOW, ("Queasy",))
    record_symptom_day(db, SymptomDay(TUESDAY, {"Nausea": 2}), NOW, ("Nausea",))
    remove_symptom(db, "Nausea")
    with pytest.raises(InvalidInput, match="earlier day"):
        rename_symptom(db, "Queasy", "NAUSEA")
    record_symptom_day(db, SymptomDay(MONDAY, {"nausea": 1}), NOW, ("nausea",))
    rename_symptom(db, "Nausea", "Feeling sick")
    days, _names = symptom_days(db, MONDAY, TUESDAY)
    assert [d.ratings for d in days] == [{"Feeling sick": 1}, {"Feeling sick": 2}]
    rename_symptom(db, "Feeling sick", "feeling sick")  # capitals only: no clash with itself
    assert own_symptoms(db) == ["Queasy", "feeling sick"]


def test_the_migration_opens_a_diary_with_odd_rows(tmp_path: Path) -> None:
    """Found in review: a day whose ratings were not a JSON object stopped the whole file
    from opening; "Nausea" and "nausea" became two symptoms."""
    import shutil
    import sqlite3

    path = tmp_path / "recovery.db"
    shutil.copy(Path(__file__).parents[2] / "data" / "schemas" / "0012_taper.db", path)
    with sqlite3.connect(path) as raw:
        for day, ratings in [
            ("2026-01-06", "null"),
            ("2026-01-07", "[1, 2]"),
            ("2026-01-08", "not json"),
            ("2026-01-09", '{"Nausea": 1, "": 2}'),
            ("2026-01-10", '{"nausea": 2}'),
        ]:
            raw.execute(
                "INSERT INTO symptom_day (day, ratings, red_flags, note, updated_at)"
                " VALUES (?, ?, '', '', '2026-01-10 10:00:00')",
                (day, ratings),
            )
    db = Database.open(path)
    try:
        assert own_symptoms(db) == ["Ringing in my ears", "Nausea"]
    finally:
        db.close()
