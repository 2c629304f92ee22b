"""Hypothesis strategies shared by the storage tests."""

from datetime import date

from hypothesis import strategies as st

from recovery_app.core.checkin import CheckIn, Halt, UsedToday

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
    sleep_hours=st.none() | st.floats(0, 24, allow_nan=False),
    sleep_quality=st.none() | st.integers(1, 5),
    halt=st.builds(Halt, st.booleans(), st.booleans(), st.booleans(), st.booleans()),
    gratitude=storable_text,
    note=storable_text,
)
