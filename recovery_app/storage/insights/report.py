"""What the clinician report reads: the figures for its days and, only when the person
asks, their own words from those days (newest first, a limited number)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, func, select

from recovery_app.core.clock import MINUTES_A_DAY, at_wall_minute, day_number
from recovery_app.core.insights.figures import Insights
from recovery_app.core.insights.period import Period
from recovery_app.core.journal.entries import EntryKind
from recovery_app.core.questionnaires.forms import Taken
from recovery_app.core.taper.plan import DoseDay, TaperPlan
from recovery_app.core.taper.symptoms import SymptomDay
from recovery_app.storage.db import Database
from recovery_app.storage.insights.queries import read_insights
from recovery_app.storage.questionnaires.answers import Questionnaires
from recovery_app.storage.schema import checkin, journal_entry
from recovery_app.storage.taper.diary import DoseLog, SymptomDiary, TaperPlans

MOST_NOTES = 100  # of each kind: a report is a summary, not the whole journal


@dataclass(frozen=True)
class Note:
    when: datetime | date  # an entry's local time, or a check-in's day
    kind: str  # "craving", "journal" or "checkin"
    strength: int | None
    words: tuple[str, ...]  # the person's own words, field by field, empty ones left out


@dataclass(frozen=True)
class ReportData:
    insights: Insights
    notes: tuple[Note, ...] = ()
    entry_notes_total: int = 0
    checkin_notes_total: int = 0
    taper_plan: TaperPlan | None = None
    dose_days: tuple[DoseDay, ...] = ()
    symptom_days: tuple[SymptomDay, ...] = ()
    questionnaires: tuple[Taken, ...] = ()  # taken in the period, oldest first
    sleep: tuple[tuple[date, float], ...] = ()  # check-ins' hours of sleep in the period


def _entry_notes(conn: Connection, period: Period) -> tuple[list[Note], int]:
    e = journal_entry
    lo = day_number(period.first) * MINUTES_A_DAY
    hi = (day_number(period.last) + 1) * MINUTES_A_DAY
    has_words = (
        (e.c.title != "")
        | (e.c.text != "")
        | (e.c.situation != "")
        | (e.c.thoughts != "")
        | (e.c.place != "")
        | (e.c.people != "")
    )
    where = (
        e.c.deleted_at.is_(None),
        e.c.occurred_minute >= lo,
        e.c.occurred_minute < hi,
        has_words,
    )
    rows = conn.execute(
        select(
            e.c.kind,
            e.c.occurred_at,
            e.c.occurred_minute,
            e.c.intensity,
            e.c.title,
            e.c.situation,
            e.c.thoughts,
            e.c.text,
            e.c.place,
            e.c.people,
        )
        .where(*where)
        .order_by(e.c.occurred_minute.desc())
        .limit(MOST_NOTES)
    )
    notes = [
        Note(
            at_wall_minute(r.occurred_at, r.occurred_minute),
            EntryKind(r.kind).value,
            r.intensity,
            tuple(w for w in (r.title, r.situation, r.thoughts, r.text, r.place, r.people) if w),
        )
        for r in rows
    ]
    total = conn.scalar(select(func.count()).select_from(e).where(*where)) or 0
    return notes, total


def _checkin_notes(conn: Connection, period: Period) -> tuple[list[Note], int]:
    c = checkin
    where = (
        c.c.day.between(period.first, period.last),
        (c.c.note != "") | (c.c.gratitude != "") | (c.c.slip_note != ""),
    )
    rows = conn.execute(
        select(c.c.day, c.c.craving, c.c.note, c.c.gratitude, c.c.slip_note)
        .where(*where)
        .order_by(c.c.day.desc())
        .limit(MOST_NOTES)
    )
    notes = [
        Note(r.day, "checkin", r.craving, tuple(w for w in (r.note, r.gratitude, r.slip_note) if w))
        for r in rows
    ]
    total = conn.scalar(select(func.count()).select_from(c).where(*where)) or 0
    return notes, total


def _newest_first(note: Note) -> tuple[int, int]:
    day = note.when.date() if isinstance(note.when, datetime) else note.when
    return (-day.toordinal(), 0 if isinstance(note.when, datetime) else 1)


def report_data(db: Database, period: Period, today: date, include_notes: bool) -> ReportData:
    with db.reading() as conn, conn.begin():
        found = read_insights(conn, period, today)
        plan = TaperPlans(conn).current()
        doses = tuple(DoseLog(conn).between(period.first, period.last))
        symptoms = tuple(SymptomDiary(conn).between(period.first, period.last))
        taken = tuple(
            t
            for t in Questionnaires(conn).all()
            if period.first <= t.taken_at.date() <= period.last
        )
        nights = conn.execute(
            select(checkin.c.day, checkin.c.sleep_hours).where(
                checkin.c.day.between(period.first, period.last),
                checkin.c.sleep_hours.is_not(None),
            )
        )
        sleep = tuple((day, float(hours)) for day, hours in nights)
        notes: list[Note] = []
        entry_total = checkin_total = 0
        if include_notes:
            entries, entry_total = _entry_notes(conn, period)
            checkins, checkin_total = _checkin_notes(conn, period)
            notes = sorted(entries + checkins, key=_newest_first)
        return ReportData(
            found, tuple(notes), entry_total, checkin_total, plan, doses, symptoms, taken, sleep
        )
