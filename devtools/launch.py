"""Start the app as ``recovery-app`` does, printing timing marks for benchmarks/ and tests.

    python -m devtools.launch [APP ARGS...]

Prints 'painted T' at the main window's first paint, then 'today-data T' and
'rss KB' once Today shows its data, and quits there. T is time.perf_counter()
(the system-wide monotonic clock on Linux), so a parent process can subtract
its own start. Nothing of this is in the shipped app: the marks come from an
event filter on the application, installed before the app starts.
"""

from __future__ import annotations

import sys

from devtools.bench_marks import BenchMarks


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # the app reuses this instance
    marks = BenchMarks(app)
    from recovery_app.cli import main as app_main

    try:
        return app_main(sys.argv[1:] if argv is None else argv)
    finally:
        del marks


if __name__ == "__main__":
    raise SystemExit(main())
