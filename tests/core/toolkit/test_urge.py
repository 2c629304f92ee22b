"""The craving flow's maths: paced breathing, the timer, and the entry it offers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from recovery_app.core.journal.choices import ChoiceList, default_uid
from recovery_app.core.journal.entries import EntryKind
from recovery_app.core.toolkit.skills import SKILLS
from recovery_app.core.toolkit.urge import (
    Breath,
    Ride,
    breath_at,
    clock_words,
    craving_entry,
    remaining,
)

START = datetime(2026, 11, 25, 19, 30, tzinfo=UTC)


def test_breathing_is_four_in_and_six_out() -> None:
    assert breath_at(0).phase is Breath.IN and breath_at(0).seconds_left == 4
    assert breath_at(3.9).phase is Breath.IN
    assert breath_at(4).phase is Breath.OUT and breath_at(4).seconds_left == 6
    assert breath_at(9.9).phase is Breath.OUT
    assert breath_at(10).phase is Breath.IN  # and round again
    assert breath_at(5.5).fraction == 0.25


def test_the_timer_counts_down_to_nothing_and_no_further() -> None:
    assert remaining(START, START + timedelta(minutes=7), 20) == timedelta(minutes=13)
    assert remaining(START, START + timedelta(hours=2), 20) == timedelta(0)
    assert clock_words(timedelta(minutes=13, seconds=5)) == "13:05"


def test_the_entry_holds_the_ride_as_it_was() -> None:
    ride = Ride(START, strength_at_start=8)
    ride.used("grounding")
    ride.used("tipp")
    ride.used("grounding")  # opened twice, counted once
    ride.breathed = True
    names = ride.coping_names()
    assert names == [
        "Urge surfing (waited for it to pass)",
        "Breathing exercise",
        "Grounding (5 things I can see...)",
    ]
    known = {default_uid(ChoiceList.COPING, name) for name in names[1:]}  # one was removed
    entry = craving_entry(ride, START + timedelta(minutes=18, seconds=20), 3, names, known)
    assert entry.kind is EntryKind.CRAVING
    assert entry.occurred_at == START and entry.duration_minutes == 18
    assert entry.intensity == 8
    assert entry.coping == tuple(default_uid(ChoiceList.COPING, n) for n in names[1:])
    assert "5-4-3-2-1 grounding" in entry.text and "TIPP" in entry.text
    assert "Strength at the end: 3/10." in entry.text


def test_every_skill_has_steps_a_credit_and_tipp_its_health_cautions() -> None:
    assert len({s.key for s in SKILLS}) == len(SKILLS) >= 7
    for skill in SKILLS:
        assert skill.steps and skill.method and skill.title
    tipp = next(s for s in SKILLS if s.key == "tipp")
    for word in ("heart", "beta-blocker", "eating disorder"):
        assert word in tipp.caution


def test_skills_are_logged_as_the_default_coping_strategies() -> None:
    from recovery_app.core.journal.choices import DEFAULT_COPING
    from recovery_app.core.toolkit import skills

    named = {s.coping for s in SKILLS if s.coping}
    named |= {skills.URGE_SURFING_COPING, skills.BREATHING_COPING, skills.CALLED_COPING}
    assert named <= set(DEFAULT_COPING)
