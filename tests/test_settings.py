"""One settings store: every option declared once, listeners told, a failed save reported."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from recovery_app.settings import Settings, SettingsStore, load


def test_an_update_is_saved_and_listeners_hear_what_changed(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    heard: list[frozenset[str]] = []
    store.on_change(lambda settings, names: heard.append(names))
    assert store.update(reader_zoom=2, lock_minutes=5)  # lock_minutes is already 5
    assert heard == [frozenset({"reader_zoom"})]
    assert load(tmp_path / "settings.json").reader_zoom == 2
    assert store.update(reader_zoom=2)  # no change: nobody is told
    assert len(heard) == 1


def test_wrong_names_and_types_are_bugs_not_settings(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    with pytest.raises(TypeError):
        store.update(colour="blue")
    with pytest.raises(TypeError):
        store.update(lock_minutes="5")
    with pytest.raises(TypeError):
        store.update(lock_minutes=True)  # a bool is not a number of minutes


def test_a_full_disk_is_reported_and_the_value_still_applies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    problems: list[str] = []
    store.on_problem(problems.append)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    assert not store.update(checkin_reminder="20:00")
    assert store.values.checkin_reminder == "20:00"  # it applies for this run
    assert len(problems) == 1
    assert "could not be saved" in problems[0] and "not enough free space" in problems[0]
    assert not (tmp_path / "settings.json").exists()  # nothing half-written
    assert [p.name for p in tmp_path.iterdir()] == []


def test_an_unwritable_place_is_reported(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()  # something that can't be replaced by a file
    store = SettingsStore(tmp_path / "settings.json")
    problems: list[str] = []
    store.on_problem(problems.append)
    assert not store.update(keep_in_tray=True)
    assert "is a folder" in problems[0]


def test_a_damaged_or_odd_file_gives_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load(path) == Settings()
    path.write_text(json.dumps({"lock_minutes": "ten", "reader_zoom": 3}), encoding="utf-8")
    assert load(path) == Settings(reader_zoom=3)
