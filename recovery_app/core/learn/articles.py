"""The Learn library: articles as Markdown with TOML front matter, and search over them.

Pure functions on text; ``recovery_app.storage.learn.library`` reads the files.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date

from recovery_app.core.journal.entries import fold

CATEGORIES = (
    "Understanding benzodiazepines",
    "Treatment and recovery",
    "Coping day to day",
    "Help and support",
)
HELP_HEADING = "## If you need help now"
KEY_POINTS_HEADING = "## Key points"
SNIPPET_CHARS = 160


class ArticleError(ValueError):
    """An article file that doesn't follow the format (a bug in the content, found by tests)."""


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    year: int
    url: str


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    summary: str
    category: str
    order: int
    reviewed: date
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    body: str  # Markdown, starting with the key points

    @property
    def text(self) -> str:
        """The body as plain words (no Markdown marks), for search and reading measures."""
        return plain_text(self.body)

    def internal_links(self) -> list[str]:
        """Targets of the article's own links: other slugs, or ``app:...`` places."""
        found = []
        for target in re.findall(r"\]\(([^)\s]+)\)", self.body):
            if target.startswith("app:"):
                found.append(target)
            elif target.endswith(".md") and "/" not in target:
                found.append(target[: -len(".md")])
            elif not target.startswith("https://"):
                found.append(target)  # unknown: tests report it
        return found


def _field(data: dict[str, object], name: str, kind: type, slug: str) -> object:
    value = data.get(name)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ArticleError(f"{slug}: front matter needs {name} ({kind.__name__})")
    return value


def parse_article(slug: str, text: str) -> Article:
    parts = text.split("+++\n", 2)
    if len(parts) != 3 or parts[0].strip():
        raise ArticleError(f"{slug}: no +++ front matter at the top")
    try:
        data = tomllib.loads(parts[1])
    except tomllib.TOMLDecodeError as exc:
        raise ArticleError(f"{slug}: front matter is not valid TOML ({exc})") from exc
    sources = []
    for raw in data.get("sources", []):
        if not isinstance(raw, dict):
            raise ArticleError(f"{slug}: a source is not a table")
        sources.append(
            Source(
                title=str(_field(raw, "title", str, slug)),
                publisher=str(_field(raw, "publisher", str, slug)),
                year=int(_field(raw, "year", int, slug)),  # type: ignore[call-overload]
                url=str(_field(raw, "url", str, slug)),
            )
        )
    related = _field(data, "related", list, slug)
    reviewed = data.get("reviewed")
    if not isinstance(reviewed, date):
        raise ArticleError(f"{slug}: front matter needs reviewed (a date)")
    return Article(
        slug=slug,
        title=str(_field(data, "title", str, slug)),
        summary=str(_field(data, "summary", str, slug)),
        category=str(_field(data, "category", str, slug)),
        order=int(_field(data, "order", int, slug)),  # type: ignore[call-overload]
        reviewed=reviewed,
        related=tuple(str(r) for r in related),  # type: ignore[attr-defined]
        sources=tuple(sources),
        body=parts[2].strip() + "\n",
    )


def plain_text(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # links keep their words
    text = re.sub(r"^#+\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    return text.replace("**", "").replace("__", "").replace("`", "")


def sentences(text: str) -> list[str]:
    """Sentences of plain text, split at . ! ? and at line ends (headings, list items)."""
    pieces = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in pieces if re.search(r"\w", p)]


@dataclass(frozen=True)
class SearchHit:
    slug: str
    title: str
    snippet: str
    in_title: bool


class Library:
    """All articles, in reading order, with a folded copy of each for search."""

    def __init__(self, articles: list[Article]) -> None:
        rank = {c: i for i, c in enumerate(CATEGORIES)}
        self.articles = sorted(articles, key=lambda a: (rank.get(a.category, 99), a.order))
        self.by_slug = {a.slug: a for a in self.articles}
        self._folded = {a.slug: (fold(a.title), fold(a.text), a.text) for a in self.articles}

    def in_category(self, category: str) -> list[Article]:
        return [a for a in self.articles if a.category == category]

    def search(self, words: str) -> list[SearchHit]:
        """Articles holding every word (any case or accents); title matches first."""
        terms = fold(words).split()
        if not terms:
            return []
        hits = []
        for article in self.articles:
            title, body, plain = self._folded[article.slug]
            if not all(t in title or t in body for t in terms):
                continue
            in_title = all(t in title for t in terms)
            hits.append(
                SearchHit(article.slug, article.title, _snippet(plain, body, terms[0]), in_title)
            )
        return sorted(hits, key=lambda h: not h.in_title)


def _snippet(plain: str, folded: str, term: str) -> str:
    at = folded.find(term)
    if at < 0:
        return plain[:SNIPPET_CHARS].split("\n", 1)[0]
    # Folding can change lengths slightly; the snippet is a hint, so close is enough.
    start = max(0, plain.rfind("\n", 0, at) + 1, at - SNIPPET_CHARS // 2)
    line = plain[start : start + SNIPPET_CHARS].split("\n", 1)[0].strip()
    return ("…" if start > 0 and plain[start - 1] != "\n" else "") + line + "…"
