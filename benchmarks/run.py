"""Measure the DESIGN.md budgets in one run and print a table.

    python benchmarks/run.py [--runs N] [--data DIR]

Launch times are measured from just before the child process starts to the
moment the child prints a mark, using the system-wide monotonic clock (Linux).
Each row is the median of N runs, taken in interleaved order so background
noise falls on all of them alike. Ratios are to floors measured in this run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate  # noqa: E402

PY = sys.executable
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")
# Let Python cache bytecode as it does on a person's machine; some shells here
# set this, which would make every launch recompile the app's own modules.
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


@dataclass
class Samples:
    values: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.values.setdefault(name, []).append(value)

    def median(self, name: str) -> float:
        return statistics.median(self.values[name])

    def best(self, name: str) -> float:
        return min(self.values[name])


def launch(cmd: list[str]) -> dict[str, float]:
    """Start ``cmd`` and return its marks as seconds since the start (rss in KB)."""
    start = time.perf_counter()
    out = subprocess.run(
        cmd, env=ENV, capture_output=True, text=True, timeout=120, check=True, cwd=ROOT
    )
    marks: dict[str, float] = {}
    for line in out.stdout.splitlines():
        name, _, value = line.partition(" ")
        if name.startswith("loaded"):
            continue
        if name == "rss":
            marks[name] = float(value)
        elif value:
            marks[name] = float(value) - start
    return marks


def save_times(folder: Path, count: int = 60, key: bytes | None = None) -> list[float]:
    """Durable commits of one check-in each, as the Check-in page does them."""
    from recovery_app.core.checkin.checkin import CheckIn, UsedToday
    from recovery_app.storage.checkin.checkins import CheckIns
    from recovery_app.storage.db import Database

    db = Database.open(folder / "recovery.db", key)
    now = datetime.now().astimezone()
    times = []
    try:
        for i in range(count):
            day = now.date() - timedelta(days=i % 30)
            checkin = CheckIn(
                day=day,
                mood=1 + i % 5,
                anxiety=i % 11,
                craving=3,
                used=UsedToday.NO,
                note=f"benchmark edit {i}",
            )
            t0 = time.perf_counter()
            with db.transaction() as conn:
                CheckIns(conn).save(checkin, now)
            times.append(time.perf_counter() - t0)
    finally:
        db.close()
    return times


@dataclass(frozen=True)
class Row:
    what: str
    value: str
    best: str = ""
    ratio: float | None = None
    limit: float | None = None
    budget: str = ""


def report(samples: Samples, saves: list[float], runs: int, extra: list[Row]) -> None:
    """Print the table; "ok" is judged on medians, the best run is shown beside."""
    m, b = samples.median, samples.best

    def ms(x: float) -> str:
        return f"{x * 1000:.1f}"

    save_median = statistics.median(saves)
    rows = [
        Row("bare PySide6 window painted (floor)", ms(m("floor painted")), ms(b("floor painted"))),
        Row("bare window + SQLAlchemy + 1 query", ms(m("floor+sql data")), ms(b("floor+sql data"))),
        Row(
            "launch → main window painted (ms)",
            ms(m("app painted")),
            ms(b("app painted")),
            m("app painted") / m("floor painted"),
            1.3,
            "≤ 1.3 × floor",
        ),
        Row(
            "launch → Today shows data, 10 years (ms)",
            ms(m("app today-data")),
            ms(b("app today-data")),
            m("app today-data") / m("floor+sql data"),
            1.2,
            "≤ 1.2 × floor+sql",
        ),
        Row(
            "save one check-in, durable (ms)",
            ms(save_median),
            ms(min(saves)),
            save_median / 0.010,
            1.0,
            "≤ 10 ms",
        ),
        Row(
            "memory at Today, resident (MB)",
            f"{m('app rss') / 1024:.1f}",
            f"{b('app rss') / 1024:.1f}",
            m("app rss") / m("floor+sql rss"),
            1.2,
            "≤ 1.2 × floor+sql RSS",
        ),
    ]
    print(f"\n{date.today()} · {runs} runs each · Python {sys.version.split()[0]}\n")
    print("| what | median | best | ratio | budget | ok |")
    print("|---|---:|---:|---:|---|---|")
    for r in [*rows, *extra]:
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}"
        ok = "" if r.limit is None or r.ratio is None else ("yes" if r.ratio <= r.limit else "NO")
        print(f"| {r.what} | {r.value} | {r.best} | {ratio} | {r.budget} | {ok} |")
    print(
        f"\nresident MB: bare window {m('floor rss') / 1024:.1f}, bare window + SQLAlchemy "
        f"+ 1 query {m('floor+sql rss') / 1024:.1f}; save p90 "
        f"{sorted(saves)[int(len(saves) * 0.9)] * 1000:.1f} ms over {len(saves)} saves; "
        "the save ratio is to the 10 ms budget"
    )


def open_and_summarise_times(folder: Path, key: bytes | None, count: int = 15) -> list[float]:
    """Open the database and read everything Today shows, as after launch or unlock."""
    from recovery_app.storage.checkin.summary import today_summary
    from recovery_app.storage.db import Database

    times = []
    for _ in range(count):
        t0 = time.perf_counter()
        db = Database.open(folder / "recovery.db", key)
        with db.reading() as conn:
            today_summary(conn, date.today())
        times.append(time.perf_counter() - t0)
        db.close()
    return times


def encryption_rows(data: Path, tmp: Path) -> list[Row]:
    """The same work on the same data, plain and encrypted, plus the unlock (key derivation)."""
    from recovery_app.storage.security import keys as crypto
    from recovery_app.storage.security.rekey import change_key

    encrypted = tmp / "encrypted"
    shutil.copytree(data, encrypted, ignore=shutil.ignore_patterns("backups"))
    params = crypto.new_params()
    derive = []
    for _ in range(3):
        t0 = time.perf_counter()
        key = crypto.derive_key("benchmark passphrase", params)
        derive.append(time.perf_counter() - t0)
    change_key(encrypted / "recovery.db", encrypted / "backups", None, key, params)
    plain_open = open_and_summarise_times(data, None)
    secret_open = open_and_summarise_times(encrypted, key)
    plain_save = statistics.median(save_times(data))
    secret_save = statistics.median(save_times(encrypted, key=key))
    med = statistics.median

    def ms(x: float) -> str:
        return f"{x * 1000:.1f}"

    return [
        Row(
            f"unlock: Argon2id key (t={params.time_cost}, 256 MiB)",
            ms(med(derive)),
            ms(min(derive)),
        ),
        Row("open + Today data, plain (ms)", ms(med(plain_open)), ms(min(plain_open))),
        Row(
            "open + Today data, encrypted (ms)",
            ms(med(secret_open)),
            ms(min(secret_open)),
            med(secret_open) / med(plain_open),
        ),
        Row(
            "save one check-in, encrypted (ms)",
            ms(secret_save),
            "",
            secret_save / 0.010,
            1.0,
            "≤ 10 ms",
        ),
        Row("save one check-in, plain, same run (ms)", ms(plain_save), ""),
    ]


def journal_rows(data: Path) -> list[Row]:
    """Open, filter, search and save on the 20,000-entry journal (DESIGN.md: 50 ms, 10 ms)."""
    from benchmarks.journal import journal_timings

    times = journal_timings(data)
    med = statistics.median

    def row(name: str, what: str, limit_ms: float) -> Row:
        value = med(times[name])
        return Row(
            what,
            f"{value * 1000:.1f}",
            f"{min(times[name]) * 1000:.1f}",
            value / (limit_ms / 1000),
            1.0,
            f"≤ {limit_ms:.0f} ms",
        )

    return [
        row("open", "journal: open the page, 20,000 entries (ms)", 50),
        row("filter by trigger", "journal: filter by trigger (ms)", 50),
        row("search one word", "journal: full-text search, one word (ms)", 50),
        row("search two words, rare", "journal: full-text search, two words (ms)", 50),
        row("search a 2-letter word", "journal: search a 2-letter word (scan) (ms)", 50),
        row("scroll to the end", "journal: jump to the oldest entry (ms)", 50),
        row("save", "journal: save one entry, durable (ms)", 10),
    ]


def insights_rows(data: Path) -> list[Row]:
    """Insights for every range (DESIGN.md: 150 ms) and the ten-year report PDF (2 s)."""
    from benchmarks.insights import insights_timings

    times = insights_timings(data)
    med = statistics.median

    def row(name: str, what: str, limit_s: float, unit: str) -> Row:
        value = med(times[name])
        scale, digits = (1000, 1) if unit == "ms" else (1, 2)
        return Row(
            what,
            f"{value * scale:.{digits}f}",
            f"{min(times[name]) * scale:.{digits}f}",
            value / limit_s,
            1.0,
            f"≤ {limit_s * scale:g} {unit}",
        )

    return [
        row("30", "insights: last 30 days, 10-year set (ms)", 0.15, "ms"),
        row("90", "insights: last 90 days (ms)", 0.15, "ms"),
        row("365", "insights: last 365 days (ms)", 0.15, "ms"),
        row("all", "insights: all ten years (ms)", 0.15, "ms"),
        row("report", "report: PDF of all ten years, read and written (s)", 2.0, "s"),
    ]


def learn_rows(data: Path) -> list[Row]:
    from benchmarks.learn import learn_timings
    from recovery_app.storage.learn.library import library

    times = learn_timings(data)
    med = statistics.median

    def row(name: str, what: str) -> Row:
        value = med(times[name])
        return Row(
            what, f"{value * 1000:.1f}", f"{min(times[name]) * 1000:.1f}", value / 0.05, 1.0,
            "≤ 50 ms",
        )  # fmt: skip

    return [
        Row(
            f"learn: read and parse all {len(library().articles)} articles, once per run (ms)",
            f"{times['load'][0] * 1000:.1f}",
        ),
        row("open", "learn: open an article (ms)"),
        row("search", "learn: search all articles, per keystroke (ms)"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--data", type=Path, help="an existing data folder (default: generate one)")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="recovery-bench-"))
    try:
        data = args.data
        if data is None:
            data = tmp / "ten-years"
            t0 = time.perf_counter()
            count = generate(data)
            print(
                f"generated {count} check-ins and 20,000 entries in "
                f"{time.perf_counter() - t0:.1f} s",
                file=sys.stderr,
            )
        database = data / "recovery.db"
        bare = [PY, str(ROOT / "benchmarks" / "bare_window.py")]
        # The app as installed, with an event filter printing its marks (devtools/launch.py).
        app = [PY, "-m", "devtools.launch", "--data-dir", str(data)]
        samples = Samples()
        launch(app)  # warm the file cache and any first-run work
        for _ in range(args.runs):
            floor = launch(bare)
            samples.add("floor painted", floor["painted"])
            samples.add("floor rss", floor["rss"])
            sql = launch([*bare, "--sql", str(database)])
            samples.add("floor+sql data", sql["data"])
            samples.add("floor+sql rss", sql["rss"])
            marks = launch(app)
            samples.add("app painted", marks["painted"])
            samples.add("app today-data", marks["today-data"])
            samples.add("app rss", marks["rss"])
        saves = save_times(data)
        extra = (
            encryption_rows(data, tmp) + journal_rows(data) + insights_rows(data) + learn_rows(data)
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    report(samples, saves, args.runs, extra)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
