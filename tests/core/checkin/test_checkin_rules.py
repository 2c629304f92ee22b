from dataclasses import replace
from datetime import date

import pytest

from recovery_app.core.checkin.checkin import CheckIn, UsedToday, validate_checkin
from recovery_app.core.errors import InvalidInput

TODAY = date(2026, 11, 25)
GOOD = CheckIn(day=TODAY, mood=3, anxiety=4, craving=2, used=UsedToday.NO)


def test_a_good_checkin_passes() -> None:
    validate_checkin(GOOD, TODAY)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"mood": 0}, "Mood"),
        ({"mood": 6}, "Mood"),
        ({"anxiety": 11}, "Anxiety"),
        ({"craving": -1}, "Craving"),
        ({"craving": 2.5}, "Craving"),
        ({"anxiety": True}, "Anxiety"),
        ({"sleep_hours": 25.0}, "Sleep"),
        ({"sleep_hours": float("nan")}, "Sleep"),
        ({"sleep_quality": 0}, "Sleep quality"),
        ({"used": "maybe"}, "use"),
        ({"day": date(2026, 11, 26)}, "hasn't happened"),
        ({"note": "a\x00b"}, "Note"),
        ({"gratitude": "lone \ud800 surrogate"}, "Gratitude"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(change: dict[str, object], words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        validate_checkin(replace(GOOD, **change), TODAY)  # type: ignore[arg-type]
