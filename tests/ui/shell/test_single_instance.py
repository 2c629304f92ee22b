"""One app per data folder; a second launch wakes the first instead of opening the data twice."""

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from recovery_app.paths import AppPaths
from recovery_app.ui.shell.single_instance import SingleInstance


def test_second_launch_wakes_the_first(qtbot: QtBot, app_paths: AppPaths) -> None:
    first = SingleInstance(app_paths.instance_key, app_paths.instance_lock)
    assert first.acquire()
    assert first.listen()
    try:
        second = SingleInstance(app_paths.instance_key, app_paths.instance_lock)
        assert not second.acquire()
        with qtbot.waitSignal(first.activated, timeout=3000):
            assert second.wake_running()
    finally:
        first.close()
    # Once the first has gone, a new launch is the only one.
    third = SingleInstance(app_paths.instance_key, app_paths.instance_lock)
    assert third.acquire()
    third.close()


def test_lock_of_a_crashed_instance_is_taken_over(app_paths: AppPaths, tmp_path: Path) -> None:
    # A process that takes the lock and dies without cleaning up.
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(app_paths.instance_lock)], check=True)
    assert app_paths.instance_lock.exists()
    instance = SingleInstance(app_paths.instance_key, app_paths.instance_lock)
    assert instance.acquire()
    assert instance.listen()
    instance.close()


def test_a_real_second_launch_exits_and_raises_the_first(qtbot: QtBot, app_paths: AppPaths) -> None:
    first = SingleInstance(app_paths.instance_key, app_paths.instance_lock)
    assert first.acquire() and first.listen()
    launch: subprocess.Popen[str] | None = None
    try:
        with qtbot.waitSignal(first.activated, timeout=30000):
            launch = subprocess.Popen(
                [sys.executable, "-m", "recovery_app", "--data-dir", str(app_paths.data_dir)],
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
        qtbot.waitUntil(lambda: launch is not None and launch.poll() is not None, timeout=30000)
        _, err = launch.communicate(timeout=10)
        assert launch.returncode == 0
        assert "already open" in err
    finally:
        if launch is not None and launch.poll() is None:
            launch.kill()  # never leave a stray app behind a failed test
            launch.communicate()
        first.close()
