"""The unsaved check-in as a draft: kept in the (encrypted) database while it is typed
and when the app locks, and put back in the form afterwards.

A draft is what the form shows, not yet a check-in: the mood or the answer may
still be missing. What comes back from the database is checked field by field;
anything that doesn't fit the form is left out, never guessed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTime

from recovery_app.core.checkin.checkin import MOOD_WORDS, SLEEP_QUALITY_WORDS, UsedToday

if TYPE_CHECKING:
    from recovery_app.ui.checkin.page import CheckInPage

DRAFT_NAME = "checkin"
HALT = ("hungry", "angry", "lonely", "tired")


def fields_of(page: CheckInPage) -> dict[str, Any]:
    answer = page.used_group.checkedButton()
    return {
        "day": page.shown_day.isoformat(),
        "mood": page.mood_group.checkedId() if page.mood_group.checkedId() > 0 else None,
        "used": None if answer is None else str(answer.property("answer")),
        "anxiety": page.anxiety.value(),
        "craving": page.craving.value(),
        "sleep_hours": page.sleep_hours.value(),
        "sleep_quality": page.sleep_quality.currentData(),
        "halt": [name for name in HALT if page.halt_boxes[name].isChecked()],
        "gratitude": page.gratitude.text(),
        "note": page.note.toPlainText(),
        "slip_time": page.slip_time.time().toString("HH:mm"),
        "slip_time_unknown": page.slip_time_unknown.isChecked(),
        "slip_words": page.slip_words.text(),
        # Only an answer given in this form: a draft must not bring back an old one.
        "taper": page.taper.fields() if page.asks_taper() and page.taper.touched else None,
    }


def day_of(fields: dict[str, Any], latest: date) -> date | None:
    """The day the draft is for, if it is one the form can show."""
    try:
        day = date.fromisoformat(str(fields.get("day")))
    except ValueError:
        return None
    return day if date(1950, 1, 1) <= day <= latest else None


def _int(value: object, low: int, high: int) -> int | None:
    return value if type(value) is int and low <= value <= high else None


def apply(page: CheckInPage, fields: dict[str, Any]) -> None:
    """Put the draft's values in the form (already showing the draft's day)."""
    mood = _int(fields.get("mood"), min(MOOD_WORDS), max(MOOD_WORDS))
    if mood is not None:
        page.mood_group.button(mood).setChecked(True)
    used = fields.get("used")
    if used in {u.value for u in UsedToday}:
        for button in page.used_group.buttons():
            button.setChecked(button.property("answer") == used)
    for slider, name in ((page.anxiety, "anxiety"), (page.craving, "craving")):
        # Left out or null: the slider stays "not recorded".
        slider.setValue(_int(fields.get(name), 0, 10))
    hours = fields.get("sleep_hours")
    if isinstance(hours, (int, float)) and not isinstance(hours, bool):
        page.sleep_hours.setValue(float(hours))
    quality = fields.get("sleep_quality")
    if quality in SLEEP_QUALITY_WORDS:
        page.sleep_quality.setCurrentIndex(max(0, page.sleep_quality.findData(quality)))
    halt = fields.get("halt")
    if isinstance(halt, list):
        for name in HALT:
            page.halt_boxes[name].setChecked(name in halt)
    if isinstance(fields.get("gratitude"), str):
        page.gratitude.setText(fields["gratitude"])
    if isinstance(fields.get("note"), str):
        page.note.setPlainText(fields["note"])
    at = QTime.fromString(str(fields.get("slip_time")), "HH:mm")
    if at.isValid():
        page.slip_time.setTime(at)
    if isinstance(fields.get("slip_time_unknown"), bool):
        page.slip_time_unknown.setChecked(fields["slip_time_unknown"])
    if isinstance(fields.get("slip_words"), str):
        page.slip_words.setText(fields["slip_words"])
    if isinstance(fields.get("taper"), dict) and page.asks_taper():
        page.taper.set_fields(fields["taper"])
