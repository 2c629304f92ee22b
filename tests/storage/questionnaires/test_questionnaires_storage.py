"""Questionnaire answers are kept, read back at the offset taken, exported and imported."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from recovery_app.core.errors import InvalidImport, InvalidInput
from recovery_app.core.questionnaires.forms import Kind, Taken
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.document import export_json
from recovery_app.storage.exchange.importer import import_file
from recovery_app.storage.questionnaires.ops import history, save_taken

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
EVENING = datetime(2026, 11, 29, 21, 5, tzinfo=timezone(timedelta(hours=-5)))


def fresh(folder: Path, name: str) -> Database:
    (folder / name).mkdir()
    return Database.open(folder / name / "recovery.db")


def test_kept_and_read_back_as_taken(tmp_path: Path) -> None:
    db = fresh(tmp_path, "a")
    save_taken(db, Taken(Kind.PHQ9, EVENING, (0, 1, 2, 3, 0, 1, 2, 3, 1), 2))
    save_taken(db, Taken(Kind.GAD7, NOW, (1,) * 7))
    [phq9] = history(db, Kind.PHQ9)
    assert phq9.answers == (0, 1, 2, 3, 0, 1, 2, 3, 1) and phq9.difficulty == 2
    assert f"{phq9.taken_at:%H:%M %z}" == "21:05 -0500" and phq9.total == 13
    assert [t.kind for t in history(db)] == [Kind.PHQ9, Kind.GAD7]
    with pytest.raises(InvalidInput):
        save_taken(db, Taken(Kind.GAD7, NOW, (1,) * 9))
    assert len(history(db)) == 2


def test_export_and_import_keep_every_answer_once(tmp_path: Path) -> None:
    source = fresh(tmp_path, "source")
    save_taken(source, Taken(Kind.PHQ9, EVENING, (0,) * 8 + (2,)))
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["questionnaires"][0]["answers"] == [0] * 8 + [2]
    target = fresh(tmp_path, "target")
    import_file(target, path, NOW)
    import_file(target, path, NOW)
    assert history(target) == history(source)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda r: r.update(answers=[0] * 7), "questionnaire number 1"),
        (lambda r: r.update(answers=[0] * 8 + [7]), "outside 0 to 3"),
        (lambda r: r.update(kind="sds"), "kind"),
        (lambda r: r.update(difficulty=9), "difficulty"),
    ],
)
def test_a_bad_record_refuses_the_whole_file(tmp_path: Path, change, words: str) -> None:  # type: ignore[no-untyped-def]
    source = fresh(tmp_path, "source")
    save_taken(source, Taken(Kind.PHQ9, EVENING, (0,) * 9))
    path = tmp_path / "export.json"
    export_json(source, path, NOW)
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document["questionnaires"][0])
    path.write_text(json.dumps(document), encoding="utf-8")
    target = fresh(tmp_path, "target")
    with pytest.raises(InvalidImport, match=words):
        import_file(target, path, NOW)
    assert history(target) == []
