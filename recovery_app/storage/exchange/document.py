"""The versioned JSON export (format documented in docs/export-format.md).

One section module per kind of record writes, reads and merges its part:
``checkins``, ``journal``, ``meetings``, ``help``, ``learn`` and ``toolkit``.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from recovery_app import __version__
from recovery_app.storage.db import Database
from recovery_app.storage.exchange.checkins import checkins_document
from recovery_app.storage.exchange.help import contacts_document
from recovery_app.storage.exchange.journal import journal_document
from recovery_app.storage.exchange.learn import self_checks_document
from recovery_app.storage.exchange.meetings import meetings_document
from recovery_app.storage.exchange.questionnaires import questionnaires_document
from recovery_app.storage.exchange.taper import taper_document
from recovery_app.storage.exchange.toolkit import toolkit_document
from recovery_app.storage.files import write_private

EXPORT_FORMAT = "recovery-companion-export"
# 2: the journal; 3: meetings, attendance, contacts, self-checks;
# 4: each check-in says which use question it answers ("use_question");
# 5: anxiety and craving may be null (not recorded); a slip's "slip_at" and "slip_note";
#    each self-check's "version" of the questions (2: ten questions in two parts);
#    a meeting's skipped and moved dates ("changes");
# 6: the toolkit: "reasons" (my reasons for recovery) and "favourite_skills"
# 7: an entry's "occurred_at" carries the UTC offset where and when it happened
# 8: "questionnaires" (PHQ-9 and GAD-7 answers); the taper diary: "taper_plans", "dose_days",
#    "symptom_days"
# 9: "own_symptoms", the symptoms a person added to the withdrawal diary's list
EXPORT_VERSION = 9


def build_document(db: Database, now: datetime) -> dict[str, Any]:
    """Everything the app holds, read in one snapshot."""
    with db.reading() as conn, conn.begin():
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "app_version": __version__,
            "exported_at": now.isoformat(),
            **checkins_document(conn),
            **journal_document(conn),
            **meetings_document(conn),
            **contacts_document(conn),
            **self_checks_document(conn),
            **toolkit_document(conn),
            **questionnaires_document(conn),
            **taper_document(conn),
        }


def export_json(db: Database, out: Path, now: datetime) -> int:
    """Write everything to ``out``; returns the number of check-ins and entries written."""
    document = build_document(db, now)
    data = json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
    write_private(out, data)
    return len(document["checkins"]) + len(document["entries"])
