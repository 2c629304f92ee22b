"""``recovery-app self-test``: does this copy of the app work on this computer?

Made for packages: a build can leave out a part that only shows when it is used
(the articles, the time zones, encryption, the migrations, a Qt plugin). Each
is used here for real, in a new temporary folder, and then the window opens on
that folder, shows every page and closes. A person's own data is never opened.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from recovery_app import APP_NAME, __version__

if TYPE_CHECKING:
    from recovery_app.ui.shell.main_window import MainWindow

WINDOW_SECONDS = 60  # a build that can't show its pages in a minute is broken


def _articles(folder: Path) -> str:
    from recovery_app.storage.learn.library import library

    count = len(library().articles)
    if count == 0:
        raise RuntimeError("no articles in the resources folder")
    return f"{count} articles"


def _time_zones(folder: Path) -> str:
    from zoneinfo import ZoneInfo

    offset = ZoneInfo("America/New_York").utcoffset(datetime(2026, 1, 15, 12))
    if offset != timedelta(hours=-5):
        raise RuntimeError(f"New York in January is {offset} from UTC")
    return "the time-zone database reads"


def _encryption(folder: Path) -> str:
    from recovery_app.storage.db import Database
    from recovery_app.storage.migrate import HEAD_REVISION, stored_revision
    from recovery_app.storage.security.keys import (
        derive_key,
        file_is_encrypted,
        params_with_costs,
    )

    path = folder / "encrypted.db"
    key = derive_key("self-test", params_with_costs(1, 8 * 1024, 1))  # cheap: only a check
    Database.open(path, key).close()
    if not file_is_encrypted(path):
        raise RuntimeError("the file was written in the clear")
    revision = stored_revision(path, key)
    if revision != HEAD_REVISION:
        raise RuntimeError(f"the schema is at {revision}, not {HEAD_REVISION}")
    return f"a new encrypted file is at schema {revision}"


CHECKS: tuple[tuple[str, Callable[[Path], str]], ...] = (
    ("content", _articles),
    ("time zones", _time_zones),
    ("encryption and migrations", _encryption),
)


class _Tour:
    """Once the data is open: every page, one picture of the window, then quit."""

    def __init__(self, window: MainWindow) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.passed = False
        self.problem = f"the window did not show its data within {WINDOW_SECONDS} s"
        window.dataReady.connect(self._visit)
        QTimer.singleShot(WINDOW_SECONDS * 1000, self._quit)

    def _visit(self) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtGui import QGuiApplication

        from recovery_app.ui.shell.pages import PAGES

        window = self.window
        for spec in PAGES:
            window.show_page(spec.key)
            QGuiApplication.processEvents()
            if window.stack.currentWidget() is not window.page(spec.key):
                self.problem = f"the {spec.title} page did not open"
                QTimer.singleShot(0, self._quit)
                return
        picture = window.grab()
        if picture.isNull() or window.windowIcon().isNull():
            self.problem = "the window drew nothing, or its icon is missing (Qt's SVG plugin)"
        else:
            self.passed = True
            platform = QGuiApplication.platformName()
            print(f"ok  window: {len(PAGES)} pages shown ({platform})", flush=True)
        QTimer.singleShot(0, self._quit)

    def _quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.quit()


def run() -> int:
    from recovery_app import paths, settings
    from recovery_app.app import run_gui

    with tempfile.TemporaryDirectory(prefix="recovery-self-test-") as tmp:
        folder = Path(tmp)
        for name, check in CHECKS:
            try:
                print(f"ok  {name}: {check(folder)}", flush=True)
            except Exception as exc:  # any failure is the answer this command exists to give
                print(f"FAILED  {name}: {exc!r}", file=sys.stderr)
                return 1
        data = folder / "data"
        data.mkdir()
        settings.save(paths.resolve(str(data)).settings, settings.Settings(welcome_done=True))
        tours: list[_Tour] = []
        code = run_gui(str(data), watch=lambda window: tours.append(_Tour(window)))
        if code != 0 or not tours or not tours[0].passed:
            problem = tours[0].problem if tours else "the window did not open"
            print(f"FAILED  window: {problem}", file=sys.stderr)
            return 1
    print(f"{APP_NAME} {__version__} works on this computer.", flush=True)
    return 0
