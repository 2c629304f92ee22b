"""GUI start-up: window first, data right after, one instance per data folder."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from recovery_app import APP_ID, APP_NAME, language, log, paths
from recovery_app.core.clock import Clock, SystemClock

if TYPE_CHECKING:
    from collections.abc import Callable

    from recovery_app.ui.shell.main_window import MainWindow
    from recovery_app.ui.shell.single_instance import SingleInstance

logger = logging.getLogger(__name__)


def _install_crash_handler() -> None:
    """Log the traceback (code only, no user text) and keep the window calm."""
    from recovery_app.ui.shell.crash import handle_bug

    sys.excepthook = handle_bug


def _hand_over_to_running(instance: SingleInstance) -> int:
    if instance.wake_running():
        print(f"{APP_NAME} is already open; bringing its window forward.", file=sys.stderr)
        return 0
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(
        None,
        APP_NAME,
        f"{APP_NAME} is already open with this data folder but is not answering. "
        "Please close it (or restart your computer) and try again.",
    )
    return 1


def run_gui(
    data_dir: str | None,
    clock: Clock | None = None,
    at_login: bool = False,
    watch: Callable[[MainWindow], object] | None = None,
) -> int:
    """Open the window on ``data_dir``; ``watch`` sees it first (``recovery-app self-test``)."""
    os.umask(0o077)
    app_paths = paths.ensure_data_dir(paths.resolve(data_dir))
    log.setup(app_paths.log)

    from PySide6.QtWidgets import QApplication

    from recovery_app.ui.shell.startup import skip_feature_source_scan

    skip_feature_source_scan()

    from recovery_app.ui.common.windowing import bring_to_front
    from recovery_app.ui.shell.main_window import MainWindow
    from recovery_app.ui.shell.single_instance import SingleInstance

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    language.install(app)

    instance = SingleInstance(app_paths.instance_key, app_paths.instance_lock)
    if not instance.acquire():
        return _hand_over_to_running(instance)

    _install_crash_handler()
    from recovery_app.ui.shell.collector import MainThreadCollector

    MainThreadCollector(app)  # cycles are freed on this thread only, never in a worker
    window = MainWindow(app_paths, clock or SystemClock())
    instance.activated.connect(lambda: bring_to_front(window))  # another launch asked
    if watch is not None:
        watch(window)
    # The database and the wake-up channel load once the window is on screen.
    window.firstPainted.connect(window.open_data)
    window.firstPainted.connect(instance.listen)
    if at_login:  # started with the session: out of the way, the reminders running
        window.firstPainted.connect(window.showMinimized)
    window.show()
    try:
        return app.exec()
    finally:
        window.finish_background_work()
        instance.close()
