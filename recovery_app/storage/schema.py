"""The tables, in SQLAlchemy Core.

The ORM models in ``models.py`` map these tables. Keeping the tables in Core
lets the launch path (the Today summary) query without importing the ORM,
which costs about a tenth of a second. CHECK constraints repeat the rules in
``core`` so no path can store bad data.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as UTC and read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where an instant is needed")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


recovery_profile = Table(
    "recovery_profile",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("start_date", Date, nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)

checkin = Table(
    "checkin",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("day", Date, nullable=False, unique=True),
    Column("mood", Integer, nullable=False),
    # NULL: not recorded (migration 0006; earlier check-ins always stored a number).
    Column("anxiety", Integer, nullable=True),
    Column("craving", Integer, nullable=True),
    Column("sleep_hours", Float, nullable=True),
    Column("sleep_quality", Integer, nullable=True),
    Column("hungry", Boolean, nullable=False, default=False),
    Column("angry", Boolean, nullable=False, default=False),
    Column("lonely", Boolean, nullable=False, default=False),
    Column("tired", Boolean, nullable=False, default=False),
    Column("used", String(20), nullable=False),
    # Which question ``used`` answers (migration 0005): older answers were to
    # "Did you use today?", which never said what "use" meant.
    Column("use_question", String(20), nullable=False, server_default="used_today"),
    Column("gratitude", Text, nullable=False, default=""),
    Column("note", Text, nullable=False, default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # A slip's time and the person's few words about it (migration 0006).
    Column("slip_at", UTCDateTime, nullable=True),
    Column("slip_note", Text, nullable=False, server_default=""),
    CheckConstraint("mood BETWEEN 1 AND 5", name="mood_range"),
    CheckConstraint("anxiety BETWEEN 0 AND 10", name="anxiety_range"),
    CheckConstraint("craving BETWEEN 0 AND 10", name="craving_range"),
    CheckConstraint(
        "sleep_hours IS NULL OR (sleep_hours >= 0 AND sleep_hours <= 24)",
        name="sleep_hours_range",
    ),
    CheckConstraint(
        "sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 5", name="sleep_quality_range"
    ),
    CheckConstraint("used IN ('no', 'yes', 'prefer_not_to_say')", name="used_answer"),
    CheckConstraint("use_question IN ('used_today', 'outside_plan')", name="use_question"),
    CheckConstraint("used = 'yes' OR (slip_at IS NULL AND slip_note = '')", name="slip_only_yes"),
    # Slips are looked up on their own for day counts; keep that lookup small.
    Index("ix_checkin_used_day", "used", "day"),
)

checkin_revision = Table(
    "checkin_revision",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "checkin_id",
        Integer,
        ForeignKey("checkin.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("replaced_at", UTCDateTime, nullable=False),
    Column("snapshot", Text, nullable=False),
)


def _choice_table(name: str) -> Table:
    """A pick list (triggers, coping strategies). Rows are never deleted."""
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("uid", String(36), nullable=False, unique=True),
        Column("name", String(200), nullable=False),
        Column("group_name", String(200), nullable=False, default=""),
        Column("archived", Boolean, nullable=False, default=False),
        Column("merged_into_id", Integer, ForeignKey(f"{name}.id"), nullable=True),
        Column("position", Integer, nullable=False, default=0),
        Column("created_at", UTCDateTime, nullable=False),
    )


trigger_choice = _choice_table("trigger_choice")
coping_choice = _choice_table("coping_choice")

journal_entry = Table(
    "journal_entry",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("occurred_at", UTCDateTime, nullable=False),
    # The wall-clock time where and when it happened, as minutes since 1900-01-01 00:00
    # on that clock (migration 0010): Insights counts the person's own days, hours and
    # weekdays with integer arithmetic, and local minus UTC is the offset it had.
    Column("occurred_minute", Integer, nullable=False, server_default="0"),
    Column("intensity", Integer, nullable=True),
    Column("duration_minutes", Integer, nullable=True),
    Column("outcome", String(20), nullable=True),
    Column("place", Text, nullable=False, default=""),
    Column("people", Text, nullable=False, default=""),
    Column("situation", Text, nullable=False, default=""),
    Column("thoughts", Text, nullable=False, default=""),
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    Column("mood", Integer, nullable=True),
    Column("tags", Text, nullable=False, default=""),  # one per line
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # Set by delete, cleared by undo; such rows are purged when the data is next opened.
    Column("deleted_at", UTCDateTime, nullable=True),
    CheckConstraint("kind IN ('craving', 'journal')", name="kind"),
    CheckConstraint("intensity IS NULL OR intensity BETWEEN 0 AND 10", name="intensity_range"),
    CheckConstraint("kind <> 'craving' OR intensity IS NOT NULL", name="craving_intensity"),
    CheckConstraint(
        "duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 10080", name="duration_range"
    ),
    CheckConstraint(
        "outcome IS NULL OR outcome IN ('passed', 'used', 'ongoing')", name="outcome_value"
    ),
    CheckConstraint("mood IS NULL OR mood BETWEEN 1 AND 5", name="mood_range"),
    # The journal list (not deleted, newest first) reads straight off this index.
    Index("ix_journal_entry_listing", "deleted_at", "occurred_at"),
    # Insights reads cravings from this index alone, never the entries' text.
    Index(
        "ix_journal_entry_insights", "kind", "occurred_minute", "intensity", "outcome", "deleted_at"
    ),
)


def _link_table(name: str, choices: Table) -> Table:
    return Table(
        name,
        metadata,
        Column(
            "entry_id",
            Integer,
            ForeignKey("journal_entry.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("choice_id", Integer, ForeignKey(choices.c.id), primary_key=True, index=True),
    )


entry_trigger = _link_table("entry_trigger", trigger_choice)
entry_coping = _link_table("entry_coping", coping_choice)

journal_draft = Table(
    "journal_draft",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("payload", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# Full-text search (SQLite FTS5, trigram tokenizer: any script, emoji, substrings).
# Created by migration 0002, not by this metadata; rowid is journal_entry.id and
# the text is folded (see core.journal.search_text). The journal repository keeps
# it in step with journal_entry.
JOURNAL_SEARCH_TABLE = "journal_search"

# -- Learn and Get help (migration 0003) ---------------------------------------

article_state = Table(
    "article_state",
    metadata,
    Column("slug", String(100), primary_key=True),
    Column("read_at", UTCDateTime, nullable=True),
    Column("bookmarked", Boolean, nullable=False, default=False),
    Column("position", Integer, nullable=False, default=0),  # where reading stopped
    Column("opened_at", UTCDateTime, nullable=True),
)

self_check = Table(
    "self_check",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("taken_at", UTCDateTime, nullable=False),
    Column("answers", String(20), nullable=False),  # "yes"/"no" per question as 1/0, in order
    # Which questions were answered (migration 0007): 1, the first six signs; 2, the two parts.
    Column("version", Integer, nullable=False, server_default="1"),
    CheckConstraint(
        "((version = 1 AND length(answers) = 6) OR (version = 2 AND length(answers) = 10)) "
        "AND answers NOT GLOB '*[^01]*'",
        name="answers",
    ),
)

contact = Table(
    "contact",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("kind", String(20), nullable=False),
    Column("name", String(200), nullable=False),
    Column("role", String(100), nullable=False, default=""),
    Column("phone", String(100), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("position", Integer, nullable=False, default=0),
    Column("created_at", UTCDateTime, nullable=False),
    CheckConstraint("kind IN ('personal', 'crisis_line')", name="kind"),
)

# -- The toolkit (migration 0009) ----------------------------------------------

reason = Table(
    "reason",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("position", Integer, nullable=False, default=0),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

plan_version = Table(  # every saved version of my plan; the newest is the plan
    "plan_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("sections", Text, nullable=False),  # JSON: section key -> the person's words
)

# -- Questionnaires (migration 0011) --------------------------------------------
questionnaire = Table(  # each time the PHQ-9 or GAD-7 was filled in
    "questionnaire",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("kind", String(10), nullable=False),
    Column("taken_at", UTCDateTime, nullable=False),
    Column("taken_minute", Integer, nullable=False),  # local wall-clock minutes, as journal
    Column("answers", String(20), nullable=False),  # one digit 0-3 per question, in order
    Column("difficulty", Integer, nullable=True),
    CheckConstraint(
        "(kind = 'phq9' AND length(answers) = 9) OR (kind = 'gad7' AND length(answers) = 7)",
        name="kind_answers",
    ),
    CheckConstraint("answers NOT GLOB '*[^0-3]*'", name="answer_range"),
    CheckConstraint("difficulty IS NULL OR difficulty BETWEEN 0 AND 3", name="difficulty_range"),
    Index("ix_questionnaire_kind_taken", "kind", "taken_at"),
)

# -- The taper diary (migration 0012) -------------------------------------------
taper_plan_version = Table(  # every saved version of the plan; the newest is the plan
    "taper_plan_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(36), nullable=False, unique=True),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("medicine", Text, nullable=False),
    Column("form", Text, nullable=False),
    Column("strength", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("changed_by", Text, nullable=False),
    Column(
        "steps", Text, nullable=False
    ),  # JSON: [{"starts", "note", "doses": [{"when", "amount"}]}]
)
dose_day = Table(  # what was taken on a day, as the person says
    "dose_day",
    metadata,
    Column("day", Date, primary_key=True),
    Column("taken", String(20), nullable=False),
    Column("amount", Text, nullable=False),
    Column("note", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("taken IN ('as_planned', 'different', 'missed')", name="taken"),
)
symptom_day = Table(  # the withdrawal diary: one row a day
    "symptom_day",
    metadata,
    Column("day", Date, primary_key=True),
    Column("ratings", Text, nullable=False),  # JSON: symptom name -> 0..3
    Column("red_flags", String(100), nullable=False),  # comma separated RedFlag values
    Column("note", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)
own_symptom = Table(  # the symptoms a person added to the diary's list (migration 0013)
    "own_symptom",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("position", Integer, nullable=False),
    # Taken off the form: the days it was rated on keep it, and it doesn't come back.
    Column("removed", Boolean, nullable=False, server_default="0"),
)

favourite_skill = Table(
    "favourite_skill",
    metadata,
    Column("skill", String(40), primary_key=True),  # a key of core.toolkit.skills
    Column("created_at", UTCDateTime, nullable=False),
)

# -- Meetings and reminders (migration 0004) -----------------------------------

meeting = Table(
    "meeting",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("uid", String(200), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("location", Text, nullable=False, default=""),
    Column("online", Boolean, nullable=False, default=False),
    Column("repeat", String(20), nullable=False),
    Column("first_day", Date, nullable=False),
    Column("last_day", Date, nullable=True),  # a series that ends (migration 0008)
    Column("start_time", String(5), nullable=False),  # local "HH:MM" in ``zone``
    Column("duration_minutes", Integer, nullable=False),
    Column("zone", String(64), nullable=False),  # IANA
    Column("every", Integer, nullable=False, default=1),
    Column("weekdays", String(20), nullable=False, default=""),  # "1,3" (0 = Monday)
    Column("nth", Integer, nullable=False, default=1),
    Column("month_day", Integer, nullable=False, default=1),
    Column("rrule", Text, nullable=False, default=""),  # RFC 5545, derived, for reading
    Column("reminders", String(100), nullable=False, default=""),  # minutes before, "15,60"
    Column("notes", Text, nullable=False, default=""),
    Column("paused", Boolean, nullable=False, default=False),
    # A calendar file's version of the meeting (migration 0008), to update it on re-import.
    Column("calendar_version", String(60), nullable=False, server_default=""),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("deleted_at", UTCDateTime, nullable=True),
    CheckConstraint(
        "repeat IN ('once', 'weekly', 'monthly_weekday', 'monthly_day')", name="repeat"
    ),
    CheckConstraint("duration_minutes BETWEEN 1 AND 1440", name="duration_range"),
    CheckConstraint("every BETWEEN 1 AND 52", name="every_range"),
)

attendance = Table(
    "attendance",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False),
    Column("starts_at", UTCDateTime, nullable=False),
    # The start as wall-clock minutes since 1900 in the meeting's zone (migration 0010).
    Column("starts_minute", Integer, nullable=False, server_default="0"),
    Column("status", String(20), nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("recorded_at", UTCDateTime, nullable=False),
    CheckConstraint("status IN ('went', 'missed', 'cancelled')", name="status"),
    Index("ix_attendance_meeting_start", "meeting_id", "starts_at", unique=True),
    Index("ix_attendance_insights", "starts_minute", "status"),  # Insights reads only this
)

meeting_change = Table(
    "meeting_change",  # one date of a series skipped or moved (migration 0008)
    metadata,
    Column("id", Integer, primary_key=True),
    Column("meeting_id", Integer, ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False),
    Column("original_at", UTCDateTime, nullable=False),  # the schedule's start for that date
    Column("start_at", UTCDateTime, nullable=True),  # NULL: skipped
    Column("location", Text, nullable=False, server_default=""),
    Column("note", Text, nullable=False, server_default=""),
    Index("ix_meeting_change_meeting_original", "meeting_id", "original_at", unique=True),
)

notification = Table(
    "notification",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(300), nullable=False, unique=True),  # one per reminder, ever
    Column("kind", String(20), nullable=False),
    Column("meeting_uid", String(200), nullable=True),
    Column("starts_at", UTCDateTime, nullable=True),
    Column("title", String(300), nullable=False),
    Column("body", Text, nullable=False, default=""),
    Column("due_at", UTCDateTime, nullable=False),
    Column("snoozed_until", UTCDateTime, nullable=True),
    Column("dismissed_at", UTCDateTime, nullable=True),
    CheckConstraint("kind IN ('meeting', 'attendance', 'checkin', 'questionnaire')", name="kind"),
)

app_state = Table(
    "app_state",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)
