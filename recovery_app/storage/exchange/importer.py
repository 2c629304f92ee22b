"""Importing an export file: validated first, then merged in one transaction.

Nothing is written unless the whole file is valid. Records are matched by
their stable ``uid``: one already present is left as it is, so importing the
same file twice adds nothing. A check-in for a day that already has a
different one is kept out and counted, never overwriting what is there.
"""

from __future__ import annotations

import codecs
import json
import math
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from recovery_app.core.errors import InvalidImport
from recovery_app.core.help.contacts import Contact
from recovery_app.core.i18n import translate
from recovery_app.core.learn.self_check import SelfCheck
from recovery_app.core.questionnaires.forms import Taken
from recovery_app.core.taper.plan import DoseDay, TaperPlan
from recovery_app.core.taper.symptoms import SymptomDay
from recovery_app.core.toolkit.plan import PlanVersion
from recovery_app.core.toolkit.reasons import Reason
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.checkins import CheckInsImport, merge_checkins, read_checkins
from recovery_app.storage.exchange.document import EXPORT_FORMAT, EXPORT_VERSION
from recovery_app.storage.exchange.help import merge_contacts, read_contacts
from recovery_app.storage.exchange.journal import JournalImport, merge_journal, read_journal
from recovery_app.storage.exchange.learn import merge_self_checks, read_self_checks
from recovery_app.storage.exchange.meetings import MeetingsImport, merge_meetings, read_meetings
from recovery_app.storage.exchange.questionnaires import (
    merge_questionnaires,
    read_questionnaires,
)
from recovery_app.storage.exchange.rules import import_failure
from recovery_app.storage.exchange.taper import (
    merge_symptom_days,
    merge_taper,
    read_own_symptoms,
    read_symptom_days,
    read_taper,
)
from recovery_app.storage.exchange.toolkit import (
    merge_toolkit,
    read_favourites,
    read_plans,
    read_reasons,
)

MAX_IMPORT_BYTES = 256 * 1024 * 1024
MAX_DIGITS = 18  # no number of ours is longer; Python refuses over 4,300 digits anyway


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass(frozen=True)
class ImportReport:
    added: int
    already_present: int
    same_day_kept_out: int
    start_date_set: bool
    entries_added: int = 0
    entries_present: int = 0
    choices_added: int = 0
    others_added: int = 0  # meetings, attendance, contacts, self-checks

    def summary(self) -> str:
        parts = [
            translate("storage.exchange.importer", "Added {plural} and {plural2}.").format(
                plural=_plural(self.added, "check-in", "check-ins"),
                plural2=_plural(
                    self.entries_added,
                    translate("storage.exchange.importer", "journal entry"),
                    translate("storage.exchange.importer", "journal entries"),
                ),
            )
        ]
        if self.already_present or self.entries_present:
            parts.append(
                translate("storage.exchange.importer", "{value} were already here.").format(
                    value=self.already_present + self.entries_present
                )
            )
        if self.others_added:
            parts.append(
                "Added "
                + _plural(
                    self.others_added,
                    translate("storage.exchange.importer", "meeting, contact or other record"),
                    translate("storage.exchange.importer", "meetings, contacts and other records"),
                )
                + "."
            )
        if self.choices_added:
            parts.append(
                "Added "
                + _plural(
                    self.choices_added,
                    translate("storage.exchange.importer", "new trigger or strategy"),
                    translate("storage.exchange.importer", "new triggers or strategies"),
                )
                + "."
            )
        if self.same_day_kept_out:
            parts.append(
                translate(
                    "storage.exchange.importer",
                    (
                        "{same_day_kept_out} were kept out because you already have a "
                        "different check-in for that day."
                    ),
                ).format(same_day_kept_out=self.same_day_kept_out)
            )
        if self.start_date_set:
            parts.append(
                translate(
                    "storage.exchange.importer", "Your recovery start date was set from the file."
                )
            )
        return " ".join(parts)


@dataclass(frozen=True)
class ImportDocument:
    checkins: CheckInsImport
    journal: JournalImport
    meetings: MeetingsImport
    contacts: tuple[Contact, ...]
    self_checks: tuple[SelfCheck, ...]
    reasons: tuple[Reason, ...] = ()
    favourites: tuple[str, ...] = ()
    plans: tuple[PlanVersion, ...] = ()
    questionnaires: tuple[Taken, ...] = ()
    taper: tuple[tuple[TaperPlan, ...], tuple[DoseDay, ...]] = ((), ())
    symptom_days: tuple[SymptomDay, ...] = ()
    own_symptoms: tuple[str, ...] | None = None


class _Unreadable(ValueError):
    """A value the JSON reader meets that no export of ours contains."""


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Unreadable(
            translate("storage.exchange.importer", "has a number too large to be one of ours")
        )
    return value


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _Unreadable(
            translate(
                "storage.exchange.importer", "has a number with too many digits to be one of ours"
            )
        )
    return int(text)


def _not_a_number(text: str) -> float:
    raise _Unreadable(
        translate("storage.exchange.importer", "has “{text}” where a number should be").format(
            text=text
        )
    )


def _text_of(path: Path, data: bytes) -> str:
    """The file as text: UTF-8, with or without a byte-order mark; anything else is refused."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InvalidImport(
            translate(
                "storage.exchange.importer",
                (
                    "{name} is saved as UTF-32 text. Please save it as UTF-8 and import it "
                    "again. Nothing was changed."
                ),
            ).format(name=path.name)
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4]:
        raise InvalidImport(
            translate(
                "storage.exchange.importer",
                (
                    "{name} is saved as UTF-16 text. Please save it as UTF-8 and import it "
                    "again. Nothing was changed."
                ),
            ).format(name=path.name)
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidImport(
            translate(
                "storage.exchange.importer",
                (
                    "{name} is not UTF-8 text, so it isn't an export from this app. "
                    "Nothing was changed."
                ),
            ).format(name=path.name)
        ) from exc


def _parse(path: Path) -> dict[str, Any]:
    if path.is_dir():
        raise InvalidImport(
            translate(
                "storage.exchange.importer",
                "{path} is a folder. Please choose an export file (.json).",
            ).format(path=path)
        )
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise InvalidImport(
                translate(
                    "storage.exchange.importer",
                    "{name} is too large to be an export from this app.",
                ).format(name=path.name)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidImport(
            translate("storage.exchange.importer", "Can't read {path}: {strerror}.").format(
                path=path, strerror=exc.strerror
            )
        ) from exc
    text = _text_of(path, data)
    try:
        raw = json.loads(text, parse_float=_finite, parse_int=_whole, parse_constant=_not_a_number)
    except _Unreadable as exc:
        raise import_failure(translate("storage.exchange.importer", "the file"), str(exc)) from exc
    except RecursionError as exc:
        raise import_failure(
            translate("storage.exchange.importer", "the file"),
            translate("storage.exchange.importer", "is nested far deeper than an export ever is"),
        ) from exc
    except ValueError as exc:
        raise InvalidImport(
            translate(
                "storage.exchange.importer",
                (
                    "{name} is not a complete export file (it may be damaged or cut "
                    "short). Nothing was changed."
                ),
            ).format(name=path.name)
        ) from exc
    if not isinstance(raw, dict) or raw.get("format") != EXPORT_FORMAT:
        raise InvalidImport(
            translate(
                "storage.exchange.importer",
                "{name} is not a Recovery Companion export. Nothing was changed.",
            ).format(name=path.name)
        )
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidImport(
            translate(
                "storage.exchange.importer",
                "{name} has no valid format version. Nothing was changed.",
            ).format(name=path.name)
        )
    if version > EXPORT_VERSION:
        raise InvalidImport(
            translate(
                "storage.exchange.importer",
                (
                    "{name} was written by a newer version of Recovery Companion. Please "
                    "update the app to import it. Nothing was changed."
                ),
            ).format(name=path.name)
        )
    return raw


def read_document(path: Path, today: date) -> ImportDocument:
    """Read and check the whole file; raise ``InvalidImport`` on any problem."""
    raw = _parse(path)
    return ImportDocument(
        read_checkins(raw, today),
        read_journal(raw),
        read_meetings(raw),
        read_contacts(raw),
        read_self_checks(raw),
        read_reasons(raw),
        read_favourites(raw),
        read_plans(raw),
        read_questionnaires(raw),
        read_taper(raw),
        read_symptom_days(raw),
        read_own_symptoms(raw),
    )


def import_file(db: Database, path: Path, now: datetime) -> ImportReport:
    """Validate ``path`` completely, then merge it in one transaction."""
    document = read_document(path, now.date())
    with db.transaction() as conn:
        checkins = merge_checkins(conn, document.checkins, now)
        journal = merge_journal(conn, document.journal, now)
        others = merge_meetings(conn, document.meetings, now)
        others += merge_contacts(conn, document.contacts, now)
        others += merge_self_checks(conn, document.self_checks)
        others += merge_toolkit(conn, document.reasons, document.favourites, document.plans, now)
        others += merge_questionnaires(conn, document.questionnaires)
        others += merge_taper(conn, *document.taper, now)
        others += merge_symptom_days(conn, document.symptom_days, document.own_symptoms, now)
    return ImportReport(
        checkins.added,
        checkins.already_present,
        checkins.same_day_kept_out,
        checkins.start_date_set,
        journal.entries_added,
        journal.entries_present,
        journal.choices_added,
        others,
    )
