"""The Learn articles: format, sources, links, safe words and plain language."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from recovery_app.core.learn.articles import (
    CATEGORIES,
    HELP_CALLOUT,
    HELP_HEADING,
    KEY_POINTS_HEADING,
    SAFETY_CALLOUT,
    sentences,
)
from recovery_app.storage.learn.library import callouts, library
from recovery_app.ui.learn.article_reader import article_markdown

ARTICLES = library().articles
APP_LINKS = {"app:self-check", "app:get-help"}
# The only numbers a person should ever be told to call or text from the app's content.
ALLOWED_NUMBERS = {"911", "988", "1-800-662-4357", "1-800-487-4889", "435748", "1-800-222-1222"}
# Sources on the publisher's own site (or a DOI): government health agencies, ASAM, the
# 988 Lifeline, journals.
SOURCE_HOSTS = (
    "fda.gov", "nih.gov", "medlineplus.gov", "samhsa.gov", "cdc.gov", "hrsa.gov", "asam.org",
    "doi.org", "988lifeline.org", "aasm.org", "acog.org", "va.gov", "nia.nih.gov",
    "dea.gov", "ingentaconnect.com",  # Bentham Science journals, on the publisher's own platform
)  # fmt: skip
STIGMA = re.compile(r"\b(addicts?|abusers?|junkies?|clean|dirty|substance abuse)\b", re.IGNORECASE)
REQUIRED_TITLES = [
    "Is Klonopin a benzodiazepine?",
    "How benzodiazepines work",
    "Physical dependence, misuse and addiction",
    "Signs that benzodiazepine use has become a problem",
    "Withdrawal",
    "Tapering with your prescriber",
    "Treatment options",
    "Support groups",
    "What recovery can bring",
    "Cravings and triggers",
    "Getting help now",
    "Helping someone you care about",
    "Glossary",
    "Is it an overdose? What to do",
    "Mixing medicines and substances",
    "Pills not from a pharmacy",
    "Protracted withdrawal",
    "Pregnancy and breastfeeding",
    "Older adults",
    "Sleep during a taper",
    "Anxiety and panic while tapering",
    "If your prescription stops suddenly, or you take clonazepam for epilepsy",
    "A safety plan, safe storage and disposal",
]


def test_the_whole_set_is_there() -> None:
    titles = [a.title for a in ARTICLES]
    for wanted in REQUIRED_TITLES:
        assert any(t.startswith(wanted) for t in titles), wanted


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_front_matter(article: object) -> None:
    from recovery_app.core.learn.articles import Article

    assert isinstance(article, Article)
    assert article.title and article.summary
    assert article.category in CATEGORIES
    assert article.reviewed <= date.today()
    assert article.reviewed + timedelta(days=90) <= article.next_review  # a real next review
    assert article.next_review <= article.reviewed + timedelta(days=2 * 366)
    assert len(article.sources) >= 2
    for source in article.sources:
        assert source.url.startswith("https://") and source.title and source.publisher
        host = source.url.split("/")[2]
        assert any(host == h or host.endswith("." + h) for h in SOURCE_HOSTS), source.url
        assert 1990 <= source.year <= date.today().year
    assert 2 <= len(article.related) <= 4
    assert all(slug in library().by_slug for slug in article.related)


def test_orders_are_unique_within_each_category() -> None:
    for category in CATEGORIES:
        orders = [a.order for a in library().in_category(category)]
        assert orders and len(orders) == len(set(orders)), category


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_structure_key_points_first_help_last(article: object) -> None:
    body = article.body  # type: ignore[attr-defined]
    assert body.startswith(KEY_POINTS_HEADING)
    # The help section is the shared callout, last, written once for every article.
    assert body.rstrip().endswith(f"{{{{callout: {HELP_CALLOUT}}}}}")
    assert HELP_HEADING not in body
    shown = article_markdown(article)  # type: ignore[arg-type]
    help_text = shown[shown.rfind(HELP_HEADING) : shown.rfind("## Sources")]
    for number in ("911", "988", "1-800-662-4357", "1-800-222-1222"):
        assert number in help_text
    assert "country" in help_text.lower()
    assert "{{" not in shown  # every callout was put in place


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_links_go_somewhere_real(article: object) -> None:
    for target in article.internal_links():  # type: ignore[attr-defined]
        assert target in APP_LINKS or target in library().by_slug, target


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_only_public_crisis_numbers(article: object) -> None:
    text = article.summary + "\n" + article.shown_body  # type: ignore[attr-defined]
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets aren't shown
    for number in re.findall(r"\d[\d\- ().]{5,}\d", text):
        assert number.strip() in ALLOWED_NUMBERS, number
    for number in re.findall(r"\b\d{5,}\b", text):  # short codes like 435748
        assert number in ALLOWED_NUMBERS, number


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_person_first_words(article: object) -> None:
    text = article.title + "\n" + article.body  # type: ignore[attr-defined]
    unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", "", text)
    assert not STIGMA.search(unquoted), STIGMA.search(unquoted)
    assert "abuse" not in unquoted.lower()


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_stopping_always_comes_with_the_seizure_warning(article: object) -> None:
    """Every article that discusses stopping or cutting down shows the shared warning."""
    text = article.text.lower()  # type: ignore[attr-defined]
    # Breathing that slows and stops is an overdose, not a medicine being stopped.
    text = re.sub(r"\bslows?( or | and then )stops?\b|\bstop(s|ped)? breathing\b", "", text)
    if re.search(r"\bstop(s|ped|ping)?\b|\bcut(ting)? (down|back)\b", text):
        assert SAFETY_CALLOUT in article.callouts, article.slug  # type: ignore[attr-defined]


def test_the_warning_is_said_once_not_everywhere() -> None:
    seizure = "seizures that can be life-threatening"
    assert seizure in callouts()[SAFETY_CALLOUT]
    assert sum(seizure in a.text for a in ARTICLES) <= 2  # the callout says it for the rest
    for article in ARTICLES:
        assert article.callouts.count(SAFETY_CALLOUT) <= 1, article.slug


def grade(text: str) -> float:
    """Flesch-Kincaid grade level, with syllables counted as groups of vowels."""
    said = sentences(text)
    words = [w for s in said for w in re.findall(r"[A-Za-z]+", s)]

    def syllables(word: str) -> int:
        groups = re.findall(r"[aeiouy]+", word.lower())
        count = len(groups) - (1 if word.lower().endswith("e") and len(groups) > 1 else 0)
        return max(1, count)

    total = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(said) + 11.8 * total / len(words) - 15.59


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_plain_language(article: object) -> None:
    """Short sentences (a simple readability measure): about grade 6-8."""
    said = sentences(article.text)  # type: ignore[attr-defined]
    lengths = [len(s.split()) for s in said]
    assert sum(lengths) / len(lengths) <= 15
    assert max(lengths) <= 30, said[lengths.index(max(lengths))]
    assert grade(article.text) <= 8  # type: ignore[attr-defined]


def test_the_signs_article_offers_the_self_check() -> None:
    signs = next(a for a in ARTICLES if a.title.startswith("Signs that"))
    assert "app:self-check" in signs.internal_links()


@pytest.mark.parametrize(
    ("words", "first", "also"),
    [
        ("overdose", "is-it-an-overdose", {"getting-help-now", "mixing-medicines-and-substances"}),
        ("pregnant", "pregnancy-and-breastfeeding", set()),
        ("seizure", "prescription-stops-or-epilepsy", {"withdrawal", "is-it-an-overdose"}),
        ("sleep", "sleep-during-a-taper", {"withdrawal"}),
        ("fentanyl", "pills-not-from-a-pharmacy", {"is-it-an-overdose"}),
        ("panic", "anxiety-and-panic-while-tapering", set()),
    ],
)
def test_search_finds_the_safety_words(words: str, first: str, also: set[str]) -> None:
    hits = [h.slug for h in library().search(words)]
    assert hits and hits[0] == first, hits
    assert also <= set(hits), hits


def test_search_finds_the_klonopin_article_first() -> None:
    hits = library().search("klonopin BENZODIAZEPINE")
    assert hits[0].title == "Is Klonopin a benzodiazepine?"
    assert library().search("zzzz not a word") == []
    assert library().search("   ") == []


@pytest.mark.parametrize("words", ["taper", "klonopin", "sleep", "alone", "halt", "988", "help"])
def test_search_excerpts_are_cut_between_words(words: str) -> None:
    """An excerpt starts and ends on a whole word, says with "…" where its line goes
    on, and is not a bare heading when a longer line holds the word."""
    shelf = library()
    for hit in shelf.search(words):
        text = shelf.by_slug[hit.slug].text
        core = hit.snippet.removeprefix("…").removesuffix("…")
        at = text.find(core)
        assert at >= 0, hit.snippet
        before, after = text[at - 1 : at] if at else "\n", text[at + len(core) : at + len(core) + 1]
        assert before.isspace(), (hit.slug, hit.snippet)
        assert after in ("", "\n") or after.isspace(), (hit.slug, hit.snippet)
        assert hit.snippet.startswith("…") == (before != "\n"), hit.snippet
        assert hit.snippet.endswith("…") == (after not in ("", "\n")), hit.snippet
        assert len(core) <= 200
    assert len(shelf.search("halt")[0].snippet) > 40  # not the heading "HALT" alone
