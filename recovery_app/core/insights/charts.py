"""What each chart shows, as plain data: the painter (``ui.common.charts``) draws these
the same on a screen, an image and a PDF page. No Qt here.

Every series names a ``Mark`` so charts never tell series apart by colour alone: the
second series is hatched, the third dotted, the fourth an outline.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Mark(enum.StrEnum):
    SOLID = "solid"
    HATCHED = "hatched"
    DOTTED = "dotted"
    OUTLINE = "outline"


MARKS = tuple(Mark)


@dataclass(frozen=True)
class Stack:
    """One part of stacked bars (e.g. the cravings that passed)."""

    name: str
    values: tuple[int, ...]
    mark: Mark


@dataclass(frozen=True)
class Bars:
    """Bars over time, stacked from the first part up; optionally a line over them."""

    labels: tuple[str, ...]  # under each bar (not every one is drawn when crowded)
    stacks: tuple[Stack, ...]
    line_name: str = ""
    line: tuple[float | None, ...] = ()  # drawn against its own scale, 0 to line_top
    line_top: float = 10.0


@dataclass(frozen=True)
class Line:
    """One measure over time, against a fixed scale (e.g. mood from 1 to 5)."""

    name: str
    labels: tuple[str, ...]
    values: tuple[float | None, ...]  # None: nothing recorded there (a gap in the line)
    low: float
    high: float


@dataclass(frozen=True)
class Ranked:
    """Horizontal bars, largest first, each with its own words ("9 of 10")."""

    names: tuple[str, ...]
    values: tuple[float, ...]
    texts: tuple[str, ...]
    top: float  # the value a full-width bar stands for


@dataclass(frozen=True)
class Heat:
    """Counts in a grid: rows (weekdays) by columns (hours). A bigger, darker dot is more."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]  # column labels; blank ones are not drawn
    counts: tuple[tuple[int, ...], ...]


Chart = Bars | Line | Ranked | Heat


@dataclass(frozen=True)
class Table:
    """The numbers behind a chart, for screen readers, the report and the CSV."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    keys: tuple[str, ...] = ()  # for the CSV: each row's day as ISO 8601, where rows are days
