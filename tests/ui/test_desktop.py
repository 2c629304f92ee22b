"""Installed like a desktop app: the .desktop entry and AppStream metadata validate, and
start at login writes (and removes) an XDG autostart entry that opens this app minimised.

The validators are Debian's desktop-file-utils and appstream; .ci/run installs them,
so in CI (CI=true) a missing one fails instead of skipping."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from recovery_app import APP_ID, autostart
from recovery_app.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing: .ci/run installs it")
        pytest.skip(f"{name} is not installed here")
    return found


def test_the_desktop_entry_and_the_appstream_metadata_validate() -> None:
    entry = DESKTOP / f"{APP_ID}.desktop"
    checked = subprocess.run([tool("desktop-file-validate"), str(entry)], capture_output=True)
    assert checked.returncode == 0 and checked.stdout == b"", checked.stdout
    info = DESKTOP / f"{APP_ID}.metainfo.xml"
    valid = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(info)], capture_output=True, text=True
    )
    assert valid.returncode == 0, valid.stdout
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in info.read_text()


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_start_at_login_writes_an_entry_that_starts_this_app_and_removes_it(
    config_home: Path, tmp_path: Path
) -> None:
    data = tmp_path / "my data (private)"
    autostart.set_enabled(True, data)
    entry = config_home / "autostart" / f"{APP_ID}.desktop"
    checked = subprocess.run([tool("desktop-file-validate"), str(entry)], capture_output=True)
    assert checked.returncode == 0 and checked.stdout == b"", checked.stdout
    line = next(x for x in entry.read_text().splitlines() if x.startswith("Exec="))
    words = shlex.split(line.removeprefix("Exec="))
    assert words[-2:] == ["gui", "--at-login"] and words[-4:-2] == ["--data-dir", str(data)]
    assert Path(words[0]).is_file() and Path(words[0]).parent == Path(sys.executable).parent
    parsed = build_parser().parse_args(words[1:])
    assert parsed.at_login and parsed.data_dir == str(data)
    autostart.set_enabled(False, data)
    assert not entry.exists()
    autostart.set_enabled(False, data)  # turning off twice is fine


def test_the_setting_on_the_meetings_page_is_off_until_chosen(
    config_home: Path, ctx, shown: Callable
) -> None:
    from recovery_app.ui.meetings.page import MeetingsPage

    page = shown(MeetingsPage(ctx))
    entry = config_home / "autostart" / f"{APP_ID}.desktop"
    assert not page.start_at_login.isChecked() and not entry.exists()
    page.start_at_login.setChecked(True)
    assert entry.exists() and ctx.settings.values.start_at_login
    assert "minimised" in page.status.text()
    page.start_at_login.setChecked(False)
    assert not entry.exists() and not ctx.settings.values.start_at_login


def test_a_dollar_sign_in_the_data_folder_is_escaped_twice_as_the_key_file_needs(
    config_home: Path,
) -> None:
    """Found in review: Exec's quoting needs the key file's string escapes on top."""
    line = next(
        x for x in autostart.entry_text(Path("/tmp/a$b")).splitlines() if x.startswith("Exec=")
    )
    assert '"/tmp/a\\\\$b"' in line


def _exec_words(text: str) -> list[str]:
    line = next(x for x in text.splitlines() if x.startswith("Exec="))
    return shlex.split(line.removeprefix("Exec=").replace("\\\\", "\\"))


def test_an_appimage_starts_from_its_own_file_not_from_its_mount(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mount = tmp_path / ".mount_RecoveXYZ"
    monkeypatch.setenv("APPIMAGE", "/home/sam/Apps/Recovery Companion.AppImage")
    monkeypatch.setenv("APPDIR", str(mount))
    monkeypatch.setattr(sys, "executable", str(mount / "usr" / "bin" / "python3"))
    words = _exec_words(autostart.entry_text(None))
    assert words == ["/home/sam/Apps/Recovery Companion.AppImage", "gui", "--at-login"]


def test_an_appimage_that_started_this_app_is_not_taken_for_it(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: an AppImage passes APPIMAGE and APPDIR to every program it starts
    (a terminal, a launcher); the entry would then start that other AppImage at login."""
    monkeypatch.setenv("APPIMAGE", "/home/sam/Apps/Terminal.AppImage")
    monkeypatch.setenv("APPDIR", "/tmp/.mount_TerminABC")
    words = _exec_words(autostart.entry_text(None))
    assert "/home/sam/Apps/Terminal.AppImage" not in words
    assert Path(words[0]).parent == Path(sys.executable).parent


def test_the_packaged_build_starts_itself(
    config_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("APPIMAGE", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/recovery-companion/recovery-app")
    text = autostart.entry_text(None)
    assert _exec_words(text) == ["/opt/recovery-companion/recovery-app", "gui", "--at-login"]
    assert "\nPath=" not in text


def test_without_a_script_beside_python_this_copy_starts_in_its_own_folder(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Found in review: it used to take whatever ``recovery-app`` came first on PATH
    (another copy), or run ``python -m recovery_app`` from a folder without it."""
    monkeypatch.delenv("APPIMAGE", raising=False)
    python = tmp_path / "bin" / "python3"
    monkeypatch.setattr(sys, "executable", str(python))
    other = tmp_path / "other" / "recovery-app"
    other.parent.mkdir()
    other.write_text("#!/bin/sh\n")
    other.chmod(0o755)
    monkeypatch.setenv("PATH", f"{other.parent}{os.pathsep}{os.environ['PATH']}")
    text = autostart.entry_text(None)
    assert _exec_words(text) == [str(python), "-m", "recovery_app", "gui", "--at-login"]
    working = next(x for x in text.splitlines() if x.startswith("Path="))
    package_home = Path(autostart.__file__).resolve().parent.parent
    assert working == f"Path={package_home}"
    assert (Path(working.removeprefix("Path=")) / "recovery_app" / "__main__.py").is_file()


def test_each_start_writes_the_entry_again_only_while_it_is_there_and_on(
    config_home: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    entry = config_home / "autostart" / f"{APP_ID}.desktop"
    assert autostart.refresh(data) is False and not entry.exists()  # removed: not brought back
    autostart.set_enabled(True, data)
    moved = entry.read_text().replace("Exec=", "Exec=/old/venv/bin/recovery-app #")
    entry.write_text(moved)
    assert autostart.refresh(data) is True
    assert entry.read_text() == autostart.entry_text(data)  # follows the app
    for turned_off in (
        entry.read_text() + "Hidden=true\n",
        entry.read_text().replace("Autostart-enabled=true", "Autostart-enabled=false"),
    ):
        entry.write_text(turned_off)
        assert autostart.refresh(data) is False
        assert entry.read_text() == turned_off  # the desktop's choice stands


def test_a_start_turns_the_setting_off_when_the_desktop_removed_the_entry(
    config_home: Path, make_window: Callable, qtbot
) -> None:
    from dataclasses import replace

    from recovery_app import settings

    window = make_window()
    window.close()
    paths = window.paths
    settings.save(paths.settings, replace(settings.load(paths.settings), start_at_login=True))
    window = make_window()
    qtbot.waitUntil(lambda: not window.settings.values.start_at_login)
    assert not (config_home / "autostart" / f"{APP_ID}.desktop").exists()
