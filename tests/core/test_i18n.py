"""The translation hook and the pseudo-locale (core.i18n)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from recovery_app.core import i18n
from recovery_app.core.i18n import pseudo, translate


@pytest.fixture
def hook() -> Iterator[list[tuple[str, str]]]:
    asked: list[tuple[str, str]] = []

    def record(context: str, text: str) -> str:
        asked.append((context, text))
        return "" if text == "untranslated" else text.upper()

    i18n.set_translator(record)
    yield asked
    i18n.set_translator(None)


def test_english_comes_back_unchanged_without_a_translator() -> None:
    assert translate("ui.today.page", "Good morning") == "Good morning"


def test_a_translator_gets_the_context_and_an_empty_answer_keeps_the_english(
    hook: list[tuple[str, str]],
) -> None:
    assert translate("ui.today.page", "Good morning") == "GOOD MORNING"
    assert translate("ui.today.page", "untranslated") == "untranslated"
    assert hook[0] == ("ui.today.page", "Good morning")


def test_pseudo_accents_letters_and_makes_the_string_about_40_percent_longer() -> None:
    text = "Saved for today. Thank you for checking in."
    shown = pseudo(text)
    assert shown.startswith("[") and shown.endswith("]")
    assert "á" in shown and "a" not in shown.strip("[]~ ")
    assert len(shown) >= 1.35 * len(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Saved for {day_words}.", "{day_words}"),
        ("{size:,.0f} KB", "{size:,.0f}"),
        ("&Save", "&S"),
        ("D&iscard", "&i"),
        ("Each backup is copied to <b>{folder}</b>.", "<b>{folder}</b>"),
        ("Fish &amp; chips", "&amp;"),
        ("%n reminders", "%n"),
        ("Copy https://example.org/a-page for later", "https://example.org/a-page"),
    ],
)
def test_pseudo_keeps_placeholders_markup_and_mnemonics(text: str, kept: str) -> None:
    shown = pseudo(text)
    assert kept in shown
    assert shown.format(day_words="X", size=1.0, folder="F") is not None  # still a template


def test_pseudo_leaves_rich_text_and_markdown_starting_with_their_syntax() -> None:
    assert pseudo("<b>Hello</b>").startswith("<b>")
    assert pseudo("# {title}\n\nSources").startswith("# {title}")


def test_pseudo_leaves_strings_without_letters_alone() -> None:
    assert pseudo("19:30 · 4/10") == "19:30 · 4/10"
    assert pseudo("") == ""


def test_pseudo_padding_wraps_like_words() -> None:
    """A long sentence grows by words, not by one endless word that no line can hold."""
    shown = pseudo("Taking a medicine as prescribed is part of recovery. " * 3)
    assert max(len(word) for word in shown.split()) <= 12
    assert len(shown) >= 1.35 * len("Taking a medicine as prescribed is part of recovery. " * 3)
