"""Loads the Learn articles shipped in ``resources/content`` (once per run)."""

from __future__ import annotations

from functools import cache

from recovery_app import resources
from recovery_app.core.learn.articles import Library, parse_article


@cache
def callouts() -> dict[str, str]:
    """The shared warnings and help section, by name (``resources/callouts``)."""
    folder = resources.path("callouts")
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))}


@cache
def library() -> Library:
    folder = resources.path("content")
    shared = callouts()
    return Library(
        [
            parse_article(path.stem, path.read_text(encoding="utf-8"), shared)
            for path in sorted(folder.glob("*.md"))
        ]
    )
