"""The parts of Insights and of the report: each a title, one plain reading, its charts
and the table of its numbers, made from the figures."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from recovery_app.core.i18n import translate
from recovery_app.core.insights import readings
from recovery_app.core.insights.charts import Bars, Chart, Heat, Line, Mark, Ranked, Stack, Table
from recovery_app.core.insights.figures import Insights
from recovery_app.core.insights.period import Bucket, Period, days_in, whole
from recovery_app.core.meetings.schedule import WEEKDAY_SHORT

_t = translate
RUNS_SHOWN = 8


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    reading: str
    charts: tuple[tuple[str, Chart], ...]  # (what it shows, the chart)
    table: Table


def bar_label(start: date, bucket: Bucket) -> str:
    if bucket is Bucket.MONTH:
        return f"{start:%b %Y}"
    return f"{start.day} {start:%b}"


BAR_HEADERS = {  # a table's first column: what each row is
    Bucket.DAY: _t("core.insights.sections", "Day"),
    Bucket.WEEK: _t("core.insights.sections", "Week from"),
    Bucket.MONTH: _t("core.insights.sections", "Month"),
}


def row_label(period: Period, start: date, bucket: Bucket) -> str:
    """A table row's bar, saying so when only some of its days are in the period."""
    label = bar_label(start, bucket)
    if bucket is Bucket.DAY or whole(period, start, bucket):
        return label
    days = days_in(period, start, bucket)
    return (
        _t("core.insights.sections", "{label} (1 day)")
        if days == 1
        else _t("core.insights.sections", "{label} ({days} days)")
    ).format(label=label, days=days)


def _number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _percent(part: int, whole: int) -> str:
    return readings.percent(part, whole) if whole else ""


def cravings(ins: Insights) -> Section:
    bucket = ins.period.bucket()
    bars = ins.cravings
    labels = tuple(bar_label(b.start, bucket) for b in bars)
    chart = Bars(
        labels,
        (
            Stack(
                _t("core.insights.sections", "Passed"), tuple(b.passed for b in bars), Mark.SOLID
            ),
            Stack(_t("core.insights.sections", "Used"), tuple(b.used for b in bars), Mark.HATCHED),
            Stack(
                _t("core.insights.sections", "Still going"),
                tuple(b.ongoing for b in bars),
                Mark.DOTTED,
            ),
            Stack(
                _t("core.insights.sections", "Not said"),
                tuple(b.not_said for b in bars),
                Mark.OUTLINE,
            ),
        ),
        line_name=_t("core.insights.sections", "Mean strength (0–10)"),
        line=tuple(b.mean_strength for b in bars),
    )
    week = bucket is Bucket.WEEK
    table = Table(
        (
            BAR_HEADERS[bucket],
            _t("core.insights.sections", "Cravings"),
            _t("core.insights.sections", "Mean strength"),
            _t("core.insights.sections", "Passed"),
            _t("core.insights.sections", "Used"),
            _t("core.insights.sections", "Still going"),
            _t("core.insights.sections", "Not said"),
        ),
        tuple(
            (
                row_label(ins.period, b.start, bucket),
                str(b.count),
                _number(b.mean_strength),
                str(b.passed),
                str(b.used),
                str(b.ongoing),
                str(b.not_said),
            )
            for b in bars
        ),
        tuple(b.start.isoformat() for b in bars),
    )
    title = (
        _t("core.insights.sections", "Cravings per week")
        if week
        else _t("core.insights.sections", "Cravings per month")
    )
    shown = ((title, chart),) if ins.craving_count else ()
    return Section("cravings", title, readings.cravings(ins), shown, table)


def triggers(ins: Insights) -> Section:
    count, before = ins.craving_count, ins.previous_cravings
    items = ins.triggers
    chart = Ranked(
        tuple(t.name for t in items),
        tuple(float(t.count) for t in items),
        tuple(
            _t("core.insights.sections", "{count} ({share})").format(
                count=t.count, share=_percent(t.count, count)
            )
            for t in items
        ),
        float(max((t.count for t in items), default=1)),
    )
    table = Table(
        (
            _t("core.insights.sections", "Trigger"),
            _t("core.insights.sections", "Cravings"),
            _t("core.insights.sections", "Share"),
            _t("core.insights.sections", "Share in the days before"),
        ),
        tuple(
            (t.name, str(t.count), _percent(t.count, count), _percent(t.previous, before))
            for t in items
        ),
    )
    title = _t("core.insights.sections", "Top triggers")
    # A share of a handful of cravings would look like a pattern that isn't there.
    shown = ((title, chart),) if items and count >= readings.FEW else ()
    return Section("triggers", title, readings.triggers(ins), shown, table)


def times(ins: Insights) -> Section:
    hours = tuple(f"{h:02d}" if h % 3 == 0 else "" for h in range(24))
    chart = Heat(WEEKDAY_SHORT, hours, ins.heat)
    parts = [readings.times(ins)]
    if ins.craving_count:
        parts.append(readings.halt(ins.halt))
    table = Table(  # an hour a row: 24 rows of 7 days read better than 25 columns
        (_t("core.insights.sections", "Hour"), *WEEKDAY_SHORT),
        tuple(
            (f"{hour:02d}:00", *(str(ins.heat[day][hour]) for day in range(7)))
            for hour in range(24)
        ),
    )
    title = _t("core.insights.sections", "When cravings came (day and hour)")
    shown = ((title, chart),) if ins.craving_count >= readings.FEW else ()
    return Section("times", title, " ".join(parts), shown, table)


def coping(ins: Insights) -> Section:
    items = ins.coping
    chart = Ranked(
        tuple(c.name for c in items),
        tuple(c.pass_rate for c in items),
        tuple(
            _t("core.insights.sections", "passed {passed} of {count}").format(
                passed=c.passed, count=c.count
            )
            for c in items
        ),
        1.0,
    )
    table = Table(
        (
            _t("core.insights.sections", "Coping strategy"),
            _t("core.insights.sections", "Used"),
            _t("core.insights.sections", "Passed"),
            _t("core.insights.sections", "Share passed"),
        ),
        tuple((c.name, str(c.count), str(c.passed), _percent(c.passed, c.count)) for c in items),
    )
    title = _t("core.insights.sections", "Coping strategies and how often the craving passed")
    shown = ((title, chart),) if items else ()  # small counts stay visible as "1 of 1"
    return Section("coping", title, readings.coping(ins), shown, table)


def checkins(ins: Insights) -> Section:
    bucket = ins.period.line_bucket()
    points = ins.checkins
    labels = tuple(
        f"{p.start.day} {p.start:%b}" if bucket is Bucket.DAY else bar_label(p.start, bucket)
        for p in points
    )
    measures = [  # (words, CheckinPoint field, scale)
        (_t("core.insights.sections", "Mood (1–5)"), "mood", 1, 5),
        (_t("core.insights.sections", "Anxiety (0–10)"), "anxiety", 0, 10),
        (_t("core.insights.sections", "Craving (0–10)"), "craving", 0, 10),
        (_t("core.insights.sections", "Sleep (hours)"), "sleep_hours", 0, 12),
    ]
    charts = tuple(
        (name, Line(name, labels, tuple(getattr(p, field) for p in points), low, high))
        for name, field, low, high in measures
    )
    table = Table(
        (BAR_HEADERS[bucket], _t("core.insights.sections", "Check-ins"), *(m[0] for m in measures)),
        tuple(
            (label, str(p.days), *(_number(getattr(p, f)) for _n, f, _l, _h in measures))
            for label, p in zip(labels, points, strict=True)
        ),
        tuple(p.start.isoformat() for p in points),
    )
    title = _t("core.insights.sections", "Mood, anxiety, craving and sleep")
    shown = charts if ins.checkin_days >= readings.FEW else ()
    return Section("checkins", title, readings.checkins(ins), shown, table)


def recovery(ins: Insights) -> Section:
    progress = ins.progress
    runs = progress.runs[::-1][:RUNS_SHOWN] if progress else ()
    names = tuple(
        _t("core.insights.sections", "{first} – {last}").format(
            first=f"{r.first.day} {r.first:%b %Y}",
            last=(
                _t("core.insights.sections", "today")
                if not r.ended_by_slip
                else f"{r.last.day} {r.last:%b %Y}"
            ),
        )
        for r in runs
    )
    chart = Ranked(
        names,
        tuple(float(r.days) for r in runs),
        tuple(readings.days_text(r.days) for r in runs),
        float(max((r.days for r in runs), default=1)) or 1.0,
    )
    table = Table(
        (
            _t("core.insights.sections", "Run"),
            _t("core.insights.sections", "Days"),
            _t("core.insights.sections", "Ended by a slip"),
        ),
        tuple(
            (
                name,
                str(r.days),
                _t("core.insights.sections", "yes")
                if r.ended_by_slip
                else _t("core.insights.sections", "no, still going"),
            )
            for name, r in zip(names, runs, strict=True)
        ),
    )
    title = _t("core.insights.sections", "Days in recovery: the most recent runs")
    charts: tuple[tuple[str, Chart], ...] = ((title, chart),) if runs else ()
    return Section("recovery", title, readings.recovery(ins), charts, table)


def meetings(ins: Insights) -> Section:
    bucket = ins.period.bucket()
    bars = ins.meetings
    labels = tuple(bar_label(b.start, bucket) for b in bars)
    chart = Bars(
        labels,
        (
            Stack(_t("core.insights.sections", "Went"), tuple(b.went for b in bars), Mark.SOLID),
            Stack(
                _t("core.insights.sections", "Missed"), tuple(b.missed for b in bars), Mark.HATCHED
            ),
        ),
    )
    table = Table(
        (
            BAR_HEADERS[bucket],
            _t("core.insights.sections", "Went"),
            _t("core.insights.sections", "Missed"),
        ),
        tuple((row_label(ins.period, b.start, bucket), str(b.went), str(b.missed)) for b in bars),
        tuple(b.start.isoformat() for b in bars),
    )
    title = _t("core.insights.sections", "Meetings attended")
    answered = any(b.went or b.missed for b in bars)
    shown = ((title, chart),) if answered else ()
    return Section("meetings", title, readings.meetings(ins), shown, table)


SECTION_MAKERS: dict[str, Callable[[Insights], Section]] = {
    "cravings": cravings,
    "triggers": triggers,
    "times": times,
    "coping": coping,
    "checkins": checkins,
    "recovery": recovery,
    "meetings": meetings,
}
SECTION_KEYS = tuple(SECTION_MAKERS)


def sections(ins: Insights, keys: tuple[str, ...] = SECTION_KEYS) -> list[Section]:
    return [SECTION_MAKERS[k](ins) for k in keys]


def period_words(first: date, last: date) -> str:
    return _t("core.insights.sections", "{first} to {last}").format(
        first=f"{first.day} {first:%B %Y}", last=f"{last.day} {last:%B %Y}"
    )
