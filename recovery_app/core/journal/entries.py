"""Journal entries: cravings and free writing, and the rules they must follow.

An entry points at triggers and coping strategies by their stable ``uid``, so
renaming, merging or archiving one never rewrites an entry's history.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from recovery_app.core.checkin.checkin import new_uid
from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.text import check_storable

INTENSITY_MIN, INTENSITY_MAX = 0, 10
MAX_DURATION_MINUTES = 7 * 24 * 60
# Far above any real entry (1 MB of text is fine); stops a pasted file filling the disk.
MAX_TEXT_CHARS = 5_000_000
MAX_TAGS = 50


class EntryKind(enum.StrEnum):
    CRAVING = "craving"
    JOURNAL = "journal"


class Outcome(enum.StrEnum):
    PASSED = "passed"
    USED = "used"
    ONGOING = "ongoing"


KIND_WORDS: dict[EntryKind, str] = {
    EntryKind.CRAVING: translate("core.journal.entries", "Craving"),
    EntryKind.JOURNAL: translate("core.journal.entries", "Journal"),
}
OUTCOME_WORDS: dict[Outcome, str] = {
    Outcome.PASSED: translate("core.journal.entries", "It passed"),
    Outcome.USED: translate("core.journal.entries", "I used"),
    Outcome.ONGOING: translate("core.journal.entries", "Still going"),
}


@dataclass(frozen=True)
class JournalEntry:
    kind: EntryKind
    occurred_at: datetime
    intensity: int | None = None
    duration_minutes: int | None = None
    triggers: tuple[str, ...] = ()  # trigger uids
    coping: tuple[str, ...] = ()  # coping strategy uids
    outcome: Outcome | None = None
    place: str = ""
    people: str = ""
    situation: str = ""
    thoughts: str = ""
    title: str = ""
    text: str = ""
    mood: int | None = None
    tags: tuple[str, ...] = ()
    uid: str = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def text_fields(self) -> tuple[str, ...]:
        return (self.title, self.text, self.place, self.people, self.situation, self.thoughts)

    def first_line(self) -> str:
        for text in (self.title, self.text, self.situation, self.thoughts):
            line = text.strip().split("\n", 1)[0].strip()
            if line:
                return line
        return ""


def clean_tags(raw: str) -> tuple[str, ...]:
    """Tags typed as "sleep, work" become ("sleep", "work"): trimmed, no repeats."""
    seen: dict[str, str] = {}
    for part in raw.replace("\n", ",").split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate_entry(entry: JournalEntry) -> None:
    """Raise ``InvalidInput`` with a clear message if the entry cannot be stored.

    A time in the future is allowed here; the screen asks the person to confirm it.
    """
    if not isinstance(entry.kind, EntryKind):
        raise InvalidInput(
            translate("core.journal.entries", "An entry must be a craving or a journal entry.")
        )
    when = entry.occurred_at
    if not isinstance(when, datetime) or when.tzinfo is None:
        raise InvalidInput(
            translate("core.journal.entries", "An entry needs the date and time it happened.")
        )
    if when.year < 1900:  # local times are stored as minutes from 1900 (core.clock)
        raise InvalidInput(
            translate("core.journal.entries", "An entry's date must be in 1900 or later.")
        )
    for name, text in (
        (translate("core.journal.entries", "Title"), entry.title),
        (translate("core.journal.entries", "Text"), entry.text),
        (translate("core.journal.entries", "Where"), entry.place),
        (translate("core.journal.entries", "Who with"), entry.people),
        (translate("core.journal.entries", "What was happening"), entry.situation),
        (translate("core.journal.entries", "Thoughts and feelings"), entry.thoughts),
    ):
        check_storable(name, text)
        if len(text) > MAX_TEXT_CHARS:
            raise InvalidInput(
                translate(
                    "core.journal.entries",
                    "{name} is too long to store (over five million characters).",
                ).format(name=name)
            )
    if len(entry.tags) > MAX_TAGS:
        raise InvalidInput(
            translate("core.journal.entries", "An entry can have at most {MAX_TAGS} tags.").format(
                MAX_TAGS=MAX_TAGS
            )
        )
    for tag in entry.tags:
        check_storable(translate("core.journal.entries", "A tag"), tag)
        if not tag.strip() or "\n" in tag or len(tag) > 100:
            raise InvalidInput(
                translate("core.journal.entries", "Each tag must be a short word or phrase.")
            )
    if entry.mood is not None and (not _is_int(entry.mood) or not 1 <= entry.mood <= 5):
        raise InvalidInput(
            translate("core.journal.entries", "Mood must be a whole number from 1 to 5.")
        )
    if entry.outcome is not None and not isinstance(entry.outcome, Outcome):
        raise InvalidInput(
            translate(
                "core.journal.entries", "The outcome must be: it passed, I used, or still going."
            )
        )
    duration = entry.duration_minutes
    if duration is not None and (
        not _is_int(duration) or not 0 <= duration <= MAX_DURATION_MINUTES
    ):
        raise InvalidInput(
            translate(
                "core.journal.entries", "How long it lasted must be between 0 minutes and 7 days."
            )
        )
    intensity = entry.intensity
    if intensity is not None and (
        not _is_int(intensity) or not INTENSITY_MIN <= intensity <= INTENSITY_MAX
    ):
        raise InvalidInput(
            translate(
                "core.journal.entries", "Craving strength must be a whole number from 0 to 10."
            )
        )
    if entry.kind is EntryKind.CRAVING:
        if intensity is None:
            raise InvalidInput(
                translate(
                    "core.journal.entries", "Please choose how strong the craving is, from 0 to 10."
                )
            )
    elif not (any(t.strip() for t in entry.text_fields()) or entry.tags or entry.mood):
        raise InvalidInput(
            translate(
                "core.journal.entries", "This entry is empty. Please write something before saving."
            )
        )


def fold(text: str) -> str:
    """Text as search compares it: case and accents ignored ("Café" finds "cafe")."""
    import unicodedata  # here, not at the top: its import costs ~5 ms on the launch path

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_text(entry: JournalEntry) -> str:
    """Everything a person might search an entry for, folded, one field per line."""
    return fold("\n".join((*entry.text_fields(), *entry.tags)))


@dataclass(frozen=True)
class JournalFilter:
    """What the journal list shows. Empty fields mean "any"."""

    words: str = ""
    kind: EntryKind | None = None
    first_day: date | None = None
    last_day: date | None = None
    trigger: str | None = None  # uid; entries with a trigger merged into it count too
    min_intensity: int | None = None
    max_intensity: int | None = None
    outcome: Outcome | None = None

    def search_terms(self) -> list[str]:
        """The person's words, folded. Each must appear; nothing here is query syntax."""
        return [t for t in fold(self.words).split() if t]

    @property
    def is_empty(self) -> bool:
        return self == JournalFilter()
