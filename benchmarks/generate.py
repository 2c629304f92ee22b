"""Make the reference data set: 10 years of daily check-ins and 20,000 journal entries.

python benchmarks/generate.py DIR
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

from devtools.sample_data import (
    journal_entries,
    populate,
    populate_journal,
    populate_meetings,
    sample_meetings,
)
from recovery_app.core.clock import SystemClock, zone_name
from recovery_app.paths import AppPaths, ensure_data_dir
from recovery_app.storage.db import Database

YEARS = 10
JOURNAL_ENTRIES = 20_000
MEETINGS = 30


def generate(folder: Path, now: datetime | None = None) -> int:
    """Fill ``folder`` with the reference set; returns the number of check-ins."""
    paths = ensure_data_dir(AppPaths(folder.absolute()))
    if paths.database.exists():
        raise SystemExit(f"{paths.database} already exists; choose an empty folder.")
    now = now or datetime.now().astimezone()
    db = Database.open(paths.database)
    try:
        count = populate(db, now.date(), years=YEARS, now=now, gaps=False)
        first = now.date() - timedelta(days=round(365 * YEARS))
        entries = journal_entries(first, now.date() - timedelta(days=1), JOURNAL_ENTRIES)
        populate_journal(db, entries, now)
        # Meetings started over the years, each with an answer for every past occurrence.
        meetings = []
        for year in range(YEARS):
            start = now.date() - timedelta(days=365 * (YEARS - year))
            meetings += sample_meetings(start, MEETINGS // YEARS, zone_name(SystemClock()), year)
        populate_meetings(db, meetings, now)
    finally:
        db.close()
    paths.settings.write_text(json.dumps({"welcome_done": True}), encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    print(f"{generate(args.folder)} check-ins written to {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
