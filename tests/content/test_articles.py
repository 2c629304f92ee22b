"""The Learn articles: format, sources, links, safe words and plain language."""

from __future__ import annotations

import re
from datetime import date

import pytest

from recovery_app.core.learn.articles import CATEGORIES, HELP_HEADING, KEY_POINTS_HEADING, sentences
from recovery_app.storage.learn.library import library

ARTICLES = library().articles
APP_LINKS = {"app:self-check", "app:get-help"}
# The only numbers a person should ever be told to call or text from the app's content.
ALLOWED_NUMBERS = {"911", "988", "1-800-662-4357", "1-800-487-4889", "435748"}
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
    assert len(article.sources) >= 2
    for source in article.sources:
        assert source.url.startswith("https://") and source.title and source.publisher
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
    help_at = body.rfind(HELP_HEADING)
    assert help_at > 0 and "\n## " not in body[help_at + 1 :]
    help_text = body[help_at:]
    for number in ("911", "988", "1-800-662-4357"):
        assert number in help_text
    assert "country" in help_text.lower()


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_links_go_somewhere_real(article: object) -> None:
    for target in article.internal_links():  # type: ignore[attr-defined]
        assert target in APP_LINKS or target in library().by_slug, target


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_only_public_crisis_numbers(article: object) -> None:
    text = article.summary + "\n" + article.body  # type: ignore[attr-defined]
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
    text = article.text.lower()  # type: ignore[attr-defined]
    if re.search(r"\bstop(ping)?\b", text):
        assert "seizure" in text


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.slug)
def test_plain_language(article: object) -> None:
    """Short sentences (a simple readability measure): about grade 6-8."""
    said = sentences(article.text)  # type: ignore[attr-defined]
    lengths = [len(s.split()) for s in said]
    assert sum(lengths) / len(lengths) <= 15
    assert max(lengths) <= 30, said[lengths.index(max(lengths))]


def test_the_signs_article_offers_the_self_check() -> None:
    signs = next(a for a in ARTICLES if a.title.startswith("Signs that"))
    assert "app:self-check" in signs.internal_links()


def test_search_finds_the_klonopin_article_first() -> None:
    hits = library().search("klonopin BENZODIAZEPINE")
    assert hits[0].title == "Is Klonopin a benzodiazepine?"
    assert library().search("zzzz not a word") == []
    assert library().search("   ") == []
