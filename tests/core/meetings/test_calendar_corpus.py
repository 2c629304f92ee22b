"""Every calendar file in the corpus (tests/data/calendars, written by other software)
imports or is refused in plain words, never a traceback; and for every meeting kept,
the dates over two years after our own export and import equal those an independent
library (recurring-ical-events) computes from the original events."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import recurring_ical_events
from icalendar import Calendar

from recovery_app.core.errors import InvalidImport
from recovery_app.core.meetings.ics import UID_SUFFIX, from_ics, to_ics

CORPUS = Path(__file__).parents[2] / "data" / "calendars"
FILES = sorted(CORPUS.glob("*/*.ics"))
NOW = datetime(2018, 1, 1, tzinfo=UTC)  # many files are from earlier years: keep their events
FROM, TO = NOW, NOW + timedelta(days=2 * 365)
LIBRARY_WORDS = re.compile(r"Traceback|Error\b|exception|property|\bNone\b|<|\bdt\b")


def test_the_corpus_is_several_hundred_events() -> None:
    events = sum(p.read_bytes().count(b"BEGIN:VEVENT") for p in FILES)
    assert len(FILES) >= 150 and events >= 600


def _their_starts(data: bytes) -> dict[str, set[datetime]]:
    """Each UID's starts in the two years, as recurring-ical-events reads the file."""
    starts: dict[str, set[datetime]] = {}
    for calendar in Calendar.from_ical(data.decode("utf-8-sig"), multiple=True):
        for event in recurring_ical_events.of(calendar).between(FROM, TO):
            if str(event.get("STATUS", "")).upper() == "CANCELLED":
                continue
            uid = str(event.get("UID", "")).removesuffix(UID_SUFFIX)[:200]
            start = event["DTSTART"].dt
            if not isinstance(start, datetime):
                continue  # all-day events are never meetings
            start = start.replace(tzinfo=UTC) if start.tzinfo is None else start
            starts.setdefault(uid, set()).add(start.astimezone(UTC))
    return starts


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_file_imports_or_is_refused_cleanly(path: Path) -> None:
    data = path.read_bytes()
    try:
        result = from_ics(data, "UTC", NOW)
    except InvalidImport as exc:
        assert not LIBRARY_WORDS.search(exc.message), exc.message
        return
    for reason in result.skipped:
        assert not LIBRARY_WORDS.search(reason), reason
    if not result.meetings:
        return
    # Through our own export and import, then compared with the other library.
    back = {m.uid: m for m in from_ics(to_ics(result.meetings, NOW), "UTC").meetings}
    assert set(back) == {m.uid for m in result.meetings}
    theirs = _their_starts(data)
    for meeting in result.meetings:
        if "#" in meeting.uid or meeting.uid.startswith("no-uid-"):
            continue  # a UID two events share (the other library merges them), or none
        ours = {o.start.astimezone(UTC) for o in back[meeting.uid].occurrences(FROM, TO)}
        expected = theirs.get(meeting.uid, set())
        assert ours == expected, (meeting.name, sorted(ours ^ expected)[:4])
