"""Start the app as ``recovery-app`` does, printing timing marks for benchmarks/ and tests.

    python -m devtools.launch [APP ARGS...]

Prints 'painted T' at the main window's first paint, then 'today-data T' and
'rss KB' once Today shows its data, and quits there. T is time.perf_counter()
(the system-wide monotonic clock on Linux), so a parent process can subtract
its own start. Nothing of this is in the shipped app: the main window class is
wrapped here so each new window gets an event filter, importing in the order
the app itself does.
"""

from __future__ import annotations

import sys
from typing import Any


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication  # noqa: F401  (as run_gui imports it first)

    from recovery_app.ui.shell.startup import skip_feature_source_scan

    skip_feature_source_scan()
    from devtools.bench_marks import BenchMarks
    from recovery_app.ui.shell.main_window import MainWindow

    original = MainWindow.__init__

    def watched(self: MainWindow, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        self._bench_marks = BenchMarks(self)  # type: ignore[attr-defined]

    MainWindow.__init__ = watched  # type: ignore[method-assign]
    from recovery_app.cli import main as app_main

    return app_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    raise SystemExit(main())
