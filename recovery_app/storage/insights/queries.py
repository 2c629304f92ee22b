"""Insights counted in SQL: a handful of grouped queries over the period, whatever its length.

Each entry keeps its local wall-clock time beside the UTC instant, as minutes since
1900-01-01 00:00 on that clock (migration 0010). So a craving at 23:15 in summer counts
on that day at 23:15, and days (minute / 1440), hours and weekdays (day % 7, Monday
first) are integer arithmetic, never date parsing per row. Cravings are read from one
covering index, never the entries' text.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Table,
    and_,
    case,
    cast,
    distinct,
    func,
    literal,
    select,
)

from recovery_app.core.checkin.checkin import UsedToday
from recovery_app.core.checkin.progress import compute_progress
from recovery_app.core.clock import MINUTES_A_DAY, day_number, from_day_number
from recovery_app.core.insights.figures import (
    CheckinPoint,
    CravingBar,
    HaltShare,
    Insights,
    MeetingBar,
    Named,
    compare_meeting_weeks,
    fill_bars,
    fill_meetings,
    heat_grid,
)
from recovery_app.core.insights.period import Bucket, Period, week_start
from recovery_app.core.journal.entries import EntryKind, Outcome
from recovery_app.storage.schema import (
    attendance,
    checkin,
    coping_choice,
    entry_coping,
    entry_trigger,
    journal_entry,
    recovery_profile,
    trigger_choice,
)

TOP = 10  # triggers and strategies listed
EPOCH_TEXT = "1900-01-01"  # day number 0 (see core.clock)
e = journal_entry
a = attendance


def _day(minute: ColumnElement[int]) -> ColumnElement[int]:
    return (minute // MINUTES_A_DAY).label("day")


def _minutes_in(minute: Any, period: Period) -> ColumnElement[bool]:
    return and_(
        minute >= day_number(period.first) * MINUTES_A_DAY,
        minute < (day_number(period.last) + 1) * MINUTES_A_DAY,
    )


def _cravings_in(period: Period) -> ColumnElement[bool]:
    return and_(
        e.c.kind == EntryKind.CRAVING.value,
        _minutes_in(e.c.occurred_minute, period),
        e.c.deleted_at.is_(None),
    )


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.sum(case((condition, 1), else_=0))


def _day_of(date_text: Any) -> ColumnElement[int]:
    """The day number of a "YYYY-MM-DD" text (see ``core.clock.day_number``)."""
    return cast(func.julianday(date_text) - func.julianday(EPOCH_TEXT), Integer)


def _bucket_table(period: Period, bucket: Bucket) -> Any:
    """The bars as a small table (start day, first minute, end minute), made by SQLite
    from the period's ends, so each bar's rows are one range of an index: no sorting of
    the rows. (A VALUES list of the bars would make a new statement to compile each time.)"""
    first_day, end_day = day_number(period.first), day_number(period.last) + 1
    if bucket is Bucket.WEEK:
        start = literal(day_number(week_start(period.first))).label("start")
        weeks = select(start).cte("bars", recursive=True)
        weeks = weeks.union_all(select(weeks.c.start + 7).where(weeks.c.start + 7 < end_day))
        starts: ColumnElement[int] = weeks.c.start
        nexts = weeks.c.start + 7
        table = weeks
    else:
        month = literal(period.first.replace(day=1).isoformat()).label("month")
        months = select(month).cte("bars", recursive=True)
        following = func.date(months.c.month, "+1 month")
        months = months.union_all(
            select(following).where(following < (period.last + timedelta(days=1)).isoformat())
        )
        starts, nexts = _day_of(months.c.month), _day_of(func.date(months.c.month, "+1 month"))
        table = months
    return (
        select(
            starts.label("start"),
            (func.max(starts, first_day) * MINUTES_A_DAY).label("lo"),
            (func.min(nexts, end_day) * MINUTES_A_DAY).label("hi"),
        )
        .select_from(table)
        .cte("bar_ranges")
    )


def craving_bars(
    conn: Connection, period: Period, bucket: Bucket, only_counts: bool = False
) -> dict[date, CravingBar]:
    """The cravings per bar; ``only_counts`` leaves out strength and outcome (quicker)."""
    bars = _bucket_table(period, bucket)
    sums = (
        [func.sum(e.c.intensity)]
        + [
            _count_if(e.c.outcome == o.value)
            for o in (Outcome.PASSED, Outcome.USED, Outcome.ONGOING)
        ]
        if not only_counts
        else [literal(0)] * 4
    )
    rows = conn.execute(
        select(bars.c.start, func.count(), *sums)
        .select_from(bars)
        .join(
            e,
            and_(
                e.c.kind == EntryKind.CRAVING.value,
                e.c.occurred_minute >= bars.c.lo,
                e.c.occurred_minute < bars.c.hi,
                e.c.deleted_at.is_(None),
            ),
        )
        .group_by(bars.c.start)
    )
    found = {}
    for start, n, strength, passed, used, ongoing in rows:
        first = from_day_number(start)
        found[first] = CravingBar(first, n, strength or 0, passed, used, ongoing)
    return found


def craving_count(conn: Connection, period: Period) -> int:
    return conn.scalar(select(func.count()).where(_cravings_in(period))) or 0


def _named(
    conn: Connection, period: Period, link: Table, choices: Table
) -> dict[int, tuple[int, int, int]]:
    """Per item (one merged into another counts as that one): cravings with it in the
    period, how many of those passed, and cravings with it in the period before."""
    before = period.previous()
    in_period = e.c.occurred_minute >= day_number(period.first) * MINUTES_A_DAY
    passed = and_(in_period, e.c.outcome == Outcome.PASSED.value)
    joined = e.join(link, link.c.entry_id == e.c.id)
    if conn.scalar(select(func.count()).where(choices.c.merged_into_id.is_not(None))):
        # An entry may name an item and the one it was merged into: count it once.
        target: ColumnElement[Any] = func.coalesce(choices.c.merged_into_id, choices.c.id)
        joined = joined.join(choices, choices.c.id == link.c.choice_id)
        counts: list[ColumnElement[Any]] = [
            func.count(distinct(case((in_period, e.c.id)))),
            func.count(distinct(case((passed, e.c.id)))),
            func.count(distinct(case((~in_period, e.c.id)))),
        ]
    else:  # the common case, without the join and the sorting that counting once needs
        target = link.c.choice_id
        counts = [_count_if(in_period), _count_if(passed), _count_if(~in_period)]
    target = target.label("target")
    rows = conn.execute(
        select(target, *counts)
        .select_from(joined)
        .where(_cravings_in(Period(before.first, period.last)))
        .group_by(target)
    )
    return {t: (n, p, earlier) for t, n, p, earlier in rows if n}


def _names(conn: Connection, choices: Table, ids: list[int]) -> dict[int, str]:
    rows = conn.execute(select(choices.c.id, choices.c.name).where(choices.c.id.in_(ids)))
    return {i: name for i, name in rows}


def triggers(conn: Connection, period: Period) -> tuple[Named, ...]:
    found = _named(conn, period, entry_trigger, trigger_choice)
    names = _names(conn, trigger_choice, list(found))
    ranked = sorted(found.items(), key=lambda kv: (-kv[1][0], names[kv[0]].casefold()))[:TOP]
    return tuple(Named(names[t], n, passed, earlier) for t, (n, passed, earlier) in ranked)


def coping(conn: Connection, period: Period) -> tuple[Named, ...]:
    found = _named(conn, period, entry_coping, coping_choice)
    names = _names(conn, coping_choice, list(found))
    ranked = sorted(
        found.items(), key=lambda kv: (-kv[1][1] / kv[1][0], -kv[1][0], names[kv[0]].casefold())
    )[:TOP]
    return tuple(Named(names[t], n, passed) for t, (n, passed, _e) in ranked)


def heat(conn: Connection, period: Period) -> tuple[tuple[int, ...], ...]:
    minute = e.c.occurred_minute
    weekday = (minute // MINUTES_A_DAY % 7).label("weekday")  # day 0 was a Monday
    hour = (minute % MINUTES_A_DAY // 60).label("hour")
    rows = conn.execute(
        select(weekday, hour, func.count()).where(_cravings_in(period)).group_by(weekday, hour)
    )
    return heat_grid({(int(w), int(h)): n for w, h, n in rows})


def halt(conn: Connection, period: Period) -> HaltShare:
    # Whether each check-in's day had a craving: one short range of the index per day.
    first_minute = _day_of(checkin.c.day) * MINUTES_A_DAY
    on_craving_day = (
        select(literal(1))
        .where(
            e.c.kind == EntryKind.CRAVING.value,
            e.c.occurred_minute >= first_minute,
            e.c.occurred_minute < first_minute + MINUTES_A_DAY,
            e.c.deleted_at.is_(None),
        )
        .exists()
        .label("craving_day")
    )
    rows = conn.execute(
        select(
            on_craving_day,
            func.count(),
            _count_if(checkin.c.hungry),
            _count_if(checkin.c.angry),
            _count_if(checkin.c.lonely),
            _count_if(checkin.c.tired),
        )
        .where(checkin.c.day.between(period.first, period.last))
        .group_by(on_craving_day)
    )
    found = {bool(flag): (n, (h, an, lo, t)) for flag, n, h, an, lo, t in rows}
    none = (0, (0, 0, 0, 0))
    (craving, yes), (other, no) = found.get(True, none), found.get(False, none)
    return HaltShare(craving, other, yes, no)


def checkin_points(conn: Connection, period: Period, bucket: Bucket) -> tuple[CheckinPoint, ...]:
    if bucket is Bucket.DAY:
        start: ColumnElement[Any] = func.date(checkin.c.day)
    elif bucket is Bucket.WEEK:
        start = func.date(checkin.c.day, "-6 days", "weekday 1")  # that week's Monday
    else:
        start = func.strftime("%Y-%m-01", checkin.c.day)
    start = start.label("start")
    rows = conn.execute(
        select(
            start,
            func.count(),
            func.avg(checkin.c.mood),
            func.avg(checkin.c.anxiety),
            func.avg(checkin.c.sleep_hours),
            func.avg(checkin.c.craving),
        )
        .where(checkin.c.day.between(period.first, period.last))
        .group_by(start)
        .order_by(start)
    )
    return tuple(CheckinPoint(date.fromisoformat(s), *rest) for s, *rest in rows)


def meeting_bars(conn: Connection, period: Period, bucket: Bucket) -> dict[date, MeetingBar]:
    bars = _bucket_table(period, bucket)
    rows = conn.execute(
        select(
            bars.c.start,
            _count_if(a.c.status == "went"),
            _count_if(a.c.status == "missed"),
        )
        .select_from(bars)
        .join(a, and_(a.c.starts_minute >= bars.c.lo, a.c.starts_minute < bars.c.hi))
        .group_by(bars.c.start)
    )
    return {
        from_day_number(s): MeetingBar(from_day_number(s), went, missed) for s, went, missed in rows
    }


def earliest_day(conn: Connection) -> date | None:
    """The first day anything was logged, where "all time" begins."""
    first_entry = conn.scalar(  # the oldest instant, read off the journal list's index
        select(e.c.occurred_minute)
        .where(e.c.deleted_at.is_(None))
        .order_by(e.c.occurred_at)
        .limit(1)
    )
    days = [
        conn.scalar(select(func.min(checkin.c.day))),
        conn.scalar(select(recovery_profile.c.start_date).where(recovery_profile.c.id == 1)),
        from_day_number(first_entry // MINUTES_A_DAY) if first_entry is not None else None,
    ]
    return min((d for d in days if d is not None), default=None)


def read_insights(conn: Connection, period: Period, today: date) -> Insights:
    bucket = period.bucket()
    bars = craving_bars(conn, period, bucket)
    weekly = bars if bucket is Bucket.WEEK else craving_bars(conn, period, Bucket.WEEK, True)
    meetings = meeting_bars(conn, period, bucket)
    weekly_meetings = meetings if bucket is Bucket.WEEK else meeting_bars(conn, period, Bucket.WEEK)
    start = conn.scalar(select(recovery_profile.c.start_date).where(recovery_profile.c.id == 1))
    slips = list(
        conn.execute(select(checkin.c.day).where(checkin.c.used == UsedToday.YES.value)).scalars()
    )
    return Insights(
        period=period,
        cravings=fill_bars(period, bucket, bars),
        previous_cravings=craving_count(conn, period.previous()),
        triggers=triggers(conn, period),
        heat=heat(conn, period),
        halt=halt(conn, period),
        coping=coping(conn, period),
        checkins=checkin_points(conn, period, period.line_bucket()),
        progress=compute_progress(start, today, slips) if start else None,
        slips_in_period=sum(1 for d in slips if period.first <= d <= period.last),
        meetings=fill_meetings(period, bucket, meetings),
        meeting_weeks=compare_meeting_weeks(
            period,
            {d: b.count for d, b in weekly.items()},
            {d: b.went for d, b in weekly_meetings.items()},
        ),
    )
