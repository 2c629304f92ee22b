"""PHQ-9 and GAD-7: the published wording kept, scoring and every band edge."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from recovery_app.core.errors import InvalidInput
from recovery_app.core.questionnaires.forms import (
    ANSWERS,
    CREDIT,
    GAD7,
    PHQ9,
    Kind,
    Taken,
    band,
    check_taken,
    needs_crisis_card,
    result_words,
)


def test_the_published_wording_is_kept() -> None:
    assert len(PHQ9.items) == 9 and len(GAD7.items) == 7
    assert PHQ9.stem == (
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    )
    assert PHQ9.items[8] == (
        "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert GAD7.items[0] == "Feeling nervous, anxious, or on edge"
    assert ANSWERS == ("Not at all", "Several days", "More than half the days", "Nearly every day")
    assert "No permission required to reproduce" in CREDIT


@pytest.mark.parametrize(
    ("score", "name"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "moderately severe"), (19, "moderately severe"), (20, "severe"),
     (27, "severe")],
)  # fmt: skip
def test_phq9_bands_at_every_edge(score: int, name: str) -> None:
    assert band(PHQ9, score).name == name


@pytest.mark.parametrize(
    ("score", "name"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "severe"), (21, "severe")],
)  # fmt: skip
def test_gad7_bands_at_every_edge(score: int, name: str) -> None:
    assert band(GAD7, score).name == name


def test_a_published_style_example_adds_up() -> None:
    """Two "several days", three "more than half the days", one "nearly every day": 11."""
    taken = Taken(Kind.PHQ9, datetime(2026, 11, 30, tzinfo=UTC), (1, 1, 2, 2, 2, 3, 0, 0, 0))
    assert taken.total == 11 and band(PHQ9, 11).name == "moderate"
    words = result_words(PHQ9, 11)
    assert words.startswith("11 of 27.") and "not a diagnosis" in words
    assert "depression" not in words.lower()  # how much it bothered you, not a label


@pytest.mark.parametrize("answer", [1, 2, 3])
def test_any_answer_above_not_at_all_to_question_9_needs_the_crisis_card(answer: int) -> None:
    answers = (0,) * 8 + (answer,)
    assert needs_crisis_card(PHQ9, answers)
    assert Taken(Kind.PHQ9, datetime(2026, 11, 30, tzinfo=UTC), answers).self_harm_answered


def test_not_at_all_to_question_9_and_the_gad7_need_no_card() -> None:
    assert not needs_crisis_card(PHQ9, (3,) * 8 + (0,))
    assert not needs_crisis_card(PHQ9, (None,) * 9)
    assert not needs_crisis_card(GAD7, (3,) * 7)


@pytest.mark.parametrize(
    "answers",
    [(0,) * 8, (0,) * 10, (0,) * 8 + (4,), (0,) * 8 + (-1,), (0,) * 8 + (True,)],
)
def test_answers_that_do_not_fit_are_refused(answers: tuple[int, ...]) -> None:
    with pytest.raises(InvalidInput):
        check_taken(Taken(Kind.PHQ9, datetime(2026, 11, 30, tzinfo=UTC), answers))
