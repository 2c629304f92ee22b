"""The withdrawal diary: ratings kept, the person's own symptoms added, and a warning
sign opens Get help at once with the right line."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from recovery_app.core.taper.symptoms import RedFlag, SymptomDay
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import export_json
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.taper.ops import record_symptom_day, symptom_days
from recovery_app.ui.common.context import AppContext
from recovery_app.ui.common.requests import GetHelp
from recovery_app.ui.taper.symptoms_dialog import SymptomsDialog
from tests.ui.helpers import requests_of

DAY = date(2026, 11, 25)


def dialog_for(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], qtbot: QtBot
) -> SymptomsDialog:
    dialog = SymptomsDialog(ctx, DAY, None, [])
    shown(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_ratings_and_my_own_symptom_are_kept(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], qtbot: QtBot
) -> None:
    dialog = dialog_for(ctx, shown, qtbot)
    anxiety = next(r for r in dialog.rows if r.name == "Anxiety")
    anxiety.group.button(2).setChecked(True)
    dialog.new_name.setFocus()
    qtbot.waitUntil(dialog.new_name.hasFocus)
    qtbot.keyClicks(dialog.new_name, "  Tinnitus  ")
    qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)  # adds it; it does not save and close
    assert dialog.isVisible() and symptom_days(ctx.db, DAY, DAY)[0] == []
    assert dialog.rows[-1].name == "Tinnitus" and dialog.rows[-1].rating() == 0  # not rated for me
    dialog.rows[-1].group.button(1).setChecked(True)
    dialog.note.setPlainText("a wave in the afternoon")
    dialog.save()
    [kept], names = symptom_days(ctx.db, DAY, DAY)
    assert kept.ratings == {"Anxiety": 2, "Tinnitus": 1} and kept.red_flags == ()
    assert "Tinnitus" in names  # offered again next time
    again = SymptomsDialog(ctx, DAY, kept, names)
    assert next(r for r in again.rows if r.name == "Tinnitus").rating() == 1
    again.deleteLater()


@pytest.mark.parametrize(
    ("flag", "line"),
    [
        (RedFlag.SEIZURE, "911"),
        (RedFlag.CONFUSION, "911"),
        (RedFlag.HALLUCINATIONS, "911"),
        (RedFlag.SELF_HARM, "988"),
    ],
)
def test_a_warning_sign_opens_get_help_at_once_with_the_right_line(
    ctx: AppContext, shown: Callable[[QWidget], QWidget], qtbot: QtBot, flag: RedFlag, line: str
) -> None:
    dialog = dialog_for(ctx, shown, qtbot)
    asked = requests_of(dialog)
    dialog.flags[flag].setChecked(True)
    assert asked == [GetHelp()]  # before anything is saved
    assert dialog.urgent.isVisible() and line in dialog.urgent_words.text()
    assert "prescriber" in dialog.urgent_words.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.help_button)
    if flag is RedFlag.SELF_HARM:
        assert "911" in dialog.urgent_words.text()  # if in danger
    dialog.save()
    [kept], _names = symptom_days(ctx.db, DAY, DAY)
    assert kept.red_flags == (flag,)


def test_the_diary_travels_in_the_export(tmp_path: Path) -> None:
    now = datetime(2026, 11, 30, tzinfo=UTC)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source = Database.open(tmp_path / "a" / "recovery.db")
    entry = SymptomDay(DAY, {"Anxiety": 3, "Ringing ears 🔔": 1}, (RedFlag.SEIZURE,), "called 911")
    record_symptom_day(source, entry, now)
    path = tmp_path / "export.json"
    export_json(source, path, now)
    assert json.loads(path.read_text(encoding="utf-8"))["symptom_days"][0]["red_flags"] == [
        "seizure"
    ]
    target = Database.open(tmp_path / "b" / "recovery.db")
    import_file(target, path, now)
    assert symptom_days(target, DAY, DAY)[0] == [entry]


def test_an_unknown_warning_sign_refuses_the_file(tmp_path: Path) -> None:
    from recovery_app.core.errors import InvalidImport

    now = datetime(2026, 11, 30, tzinfo=UTC)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    source = Database.open(tmp_path / "a" / "recovery.db")
    record_symptom_day(source, SymptomDay(DAY, {"Anxiety": 1}, (RedFlag.SEIZURE,)), now)
    path = tmp_path / "export.json"
    export_json(source, path, now)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["symptom_days"][0]["red_flags"] = ["Seizure"]  # never silently dropped
    path.write_text(json.dumps(document), encoding="utf-8")
    target = Database.open(tmp_path / "b" / "recovery.db")
    with pytest.raises(InvalidImport, match="warning sign"):
        import_file(target, path, now)
    assert symptom_days(target, DAY, DAY)[0] == []
