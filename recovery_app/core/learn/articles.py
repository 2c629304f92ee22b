"""The Learn library: articles as Markdown with TOML front matter, and search over them.

Pure functions on text; ``recovery_app.storage.learn.library`` reads the files.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
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
SNIPPET_MIN_LINE = 40  # a shorter line (a heading) is used only when no other holds the word
# A warning said once, well: an article names a shared callout on a line of its own,
# "{{callout: NAME}}", and the reader shows the callout's text there
# (resources/callouts/NAME.md). Search and reading measures see the article's own words.
CALLOUT_LINE = re.compile(r"^\{\{callout: ([a-z0-9-]+)\}\}$", re.MULTILINE)
HELP_CALLOUT = "help-now"  # ends every article
SAFETY_CALLOUT = "never-stop-suddenly"  # wherever stopping or cutting down is discussed


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
    body: str  # Markdown, starting with the key points, with its callout lines
    next_review: date
    keywords: tuple[str, ...] = ()  # words people search with that the text may not hold
    shown_body: str = ""  # the body as the reader shows it: callouts in place

    @property
    def text(self) -> str:
        """The article's own words (no Markdown marks, no callouts), for search and reading
        measures."""
        return plain_text(CALLOUT_LINE.sub("", self.body))

    @property
    def callouts(self) -> list[str]:
        return CALLOUT_LINE.findall(self.body)

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


def parse_article(slug: str, text: str, callouts: Mapping[str, str] | None = None) -> Article:
    """``callouts``: the shared callouts' Markdown by name; an unknown name is an error."""
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
    reviewed, next_review = data.get("reviewed"), data.get("next_review")
    if not isinstance(reviewed, date) or not isinstance(next_review, date):
        raise ArticleError(f"{slug}: front matter needs reviewed and next_review (dates)")
    keywords = data.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        raise ArticleError(f"{slug}: keywords must be a list of words")
    body = parts[2].strip() + "\n"
    return Article(
        slug=slug,
        title=str(_field(data, "title", str, slug)),
        summary=str(_field(data, "summary", str, slug)),
        category=str(_field(data, "category", str, slug)),
        order=int(_field(data, "order", int, slug)),  # type: ignore[call-overload]
        reviewed=reviewed,
        related=tuple(str(r) for r in related),  # type: ignore[attr-defined]
        sources=tuple(sources),
        body=body,
        next_review=next_review,
        keywords=tuple(keywords),
        shown_body=_with_callouts(slug, body, callouts or {}),
    )


def _with_callouts(slug: str, body: str, callouts: Mapping[str, str]) -> str:
    def put(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in callouts:
            raise ArticleError(f"{slug}: no callout named {name}")
        return callouts[name].strip()

    return CALLOUT_LINE.sub(put, body)


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
        self._folded = {
            a.slug: (fold(a.title), fold(" ".join(a.keywords)), fold(a.text), a.text)
            for a in self.articles
        }

    def in_category(self, category: str) -> list[Article]:
        return [a for a in self.articles if a.category == category]

    def search(self, words: str) -> list[SearchHit]:
        """Articles holding every word (any case or accents) in their title, keywords or
        text: title matches first, then keyword matches, then the rest, in reading order."""
        terms = fold(words).split()
        if not terms:
            return []
        ranked: list[tuple[int, SearchHit]] = []
        for article in self.articles:
            title, keywords, body, plain = self._folded[article.slug]
            if not all(t in title or t in keywords or t in body for t in terms):
                continue
            in_title = all(t in title for t in terms)
            rank = 0 if in_title else 1 if all(t in title or t in keywords for t in terms) else 2
            hit = SearchHit(article.slug, article.title, _snippet(plain, body, terms[0]), in_title)
            ranked.append((rank, hit))
        return [hit for _, hit in sorted(ranked, key=lambda r: r[0])]


def _snippet(plain: str, folded: str, term: str) -> str:
    """About SNIPPET_CHARS of the line where ``term`` first comes, cut between words,
    with "…" where the line goes on. Folding can change lengths slightly; the
    snippet is a hint, so close is enough. A heading alone says little, so a
    longer line holding the term comes first."""
    lines: list[tuple[bool, int, int, int]] = []
    at = folded.find(term)
    while len(lines) < 20:
        line_start = plain.rfind("\n", 0, max(0, at)) + 1
        line_end = plain.find("\n", max(0, at))
        line_end = len(plain) if line_end < 0 else line_end
        lines.append((line_end - line_start < SNIPPET_MIN_LINE, max(0, at), line_start, line_end))
        at = folded.find(term, line_end)
        if at < 0:
            break
    _short, at, line_start, line_end = min(lines)  # the first long one, else the first
    start = max(line_start, at - SNIPPET_CHARS // 2)
    if start > line_start and not plain[start - 1].isspace():
        start = max(line_start, plain.rfind(" ", line_start, start) + 1)
    end = min(line_end, start + SNIPPET_CHARS)
    if end < line_end and not plain[end].isspace():
        space = plain.rfind(" ", max(start, at), end)
        end = space if space > start else end
    text = plain[start:end].strip()
    return ("…" if start > line_start else "") + text + ("…" if end < line_end else "")
