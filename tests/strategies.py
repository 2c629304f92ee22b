"""Hypothesis strategies shared by the storage tests."""

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from recovery_app.core.checkin.checkin import CheckIn, Halt, UsedToday, UseQuestion
from recovery_app.core.journal.choices import ChoiceList, default_choices
from recovery_app.core.journal.entries import EntryKind, JournalEntry, Outcome

# Any text a person could type and a database can hold (no NUL, no lone surrogates).
storable_text = st.text(
    alphabet=st.characters(exclude_characters="\x00", exclude_categories=["Cs"])
)

checkins = st.builds(
    CheckIn,
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 11, 25)),
    mood=st.integers(1, 5),
    anxiety=st.integers(0, 10),
    craving=st.integers(0, 10),
    used=st.sampled_from(UsedToday),
    use_question=st.sampled_from(UseQuestion),
    sleep_hours=st.none() | st.floats(0, 24, allow_nan=False),
    sleep_quality=st.none() | st.integers(1, 5),
    halt=st.builds(Halt, st.booleans(), st.booleans(), st.booleans(), st.booleans()),
    gratitude=storable_text,
    note=storable_text,
)

_trigger_uids = [c.uid for c in default_choices(ChoiceList.TRIGGERS)]
_coping_uids = [c.uid for c in default_choices(ChoiceList.COPING)]
_instants = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2030, 1, 1),
    timezones=st.sampled_from([UTC, ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata")]),
)
_tags = st.lists(
    st.text(
        alphabet=st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
        max_size=100,
    )
    .map(lambda t: " ".join(t.replace(",", " ").split()))
    .filter(bool),
    max_size=4,
    unique_by=str.casefold,
).map(tuple)


def _entry(kind: EntryKind, intensity: int | None, **kw: Any) -> JournalEntry:
    entry = JournalEntry(kind=kind, intensity=intensity, **kw)
    if kind is EntryKind.JOURNAL and not (
        any(t.strip() for t in entry.text_fields()) or entry.tags
    ):
        entry = replace(entry, text="something")
    return entry


journal_entries = st.builds(
    _entry,
    kind=st.sampled_from(EntryKind),
    intensity=st.integers(0, 10),
    occurred_at=_instants,
    duration_minutes=st.none() | st.integers(0, 10080),
    triggers=st.lists(st.sampled_from(_trigger_uids), unique=True, max_size=4).map(tuple),
    coping=st.lists(st.sampled_from(_coping_uids), unique=True, max_size=3).map(tuple),
    outcome=st.none() | st.sampled_from(Outcome),
    place=storable_text,
    situation=storable_text,
    thoughts=storable_text,
    title=storable_text,
    text=storable_text,
    mood=st.none() | st.integers(1, 5),
    tags=_tags,
)
