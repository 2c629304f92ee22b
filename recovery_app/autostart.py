"""Start at login, so reminders arrive (an opt-in setting, off by default).

On Linux and the BSDs this is an XDG autostart entry, written when the setting is
turned on and removed when it is turned off. The entry opens the app minimised,
with the same data folder. At each start it is written again, so it follows the
app if it moved, but only while it is there and on: a person who removed it or
turned it off in their desktop's own startup settings has chosen, and the
setting follows that choice instead. Other systems have no such entry here: the
setting is not offered there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from recovery_app import APP_ID, APP_NAME

AT_LOGIN = "--at-login"


def available() -> bool:
    return sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))


def entry_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / f"{APP_ID}.desktop"


def _quoted(argument: str) -> str:
    """One Exec argument, quoted as the Desktop Entry spec asks."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`%="):
        return argument
    escaped = "".join(f"\\{c}" if c in '"`$\\' else c for c in argument)
    return f'"{escaped.replace("%", "%%")}"'


def _start() -> tuple[list[str], Path | None]:
    """How this very copy of the app starts, and the folder it must start in (if any)."""
    appimage, appdir = os.environ.get("APPIMAGE"), os.environ.get("APPDIR")
    if (
        appimage
        and appdir
        and Path(sys.executable).resolve().is_relative_to(Path(appdir).resolve())
    ):  # sys.executable is inside a mount that goes when the app quits
        return [appimage], None
    if getattr(sys, "frozen", False):  # the packaged build
        return [sys.executable], None
    beside = Path(sys.executable).with_name("recovery-app")  # this environment's script
    if beside.is_file():
        return [str(beside)], None
    # No script here (run from a source folder, say): this Python, in the folder that
    # holds this package, so ``-m`` finds this copy and not another one on the path.
    return [sys.executable, "-m", "recovery_app"], Path(__file__).resolve().parent.parent


def command(data_dir: Path | None) -> list[str]:
    """The entry's command: this app, with its data folder unless it is the usual one."""
    from recovery_app.paths import default_data_dir

    if data_dir is not None and data_dir.resolve() == default_data_dir().resolve():
        data_dir = None
    folder = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return [*_start()[0], *folder, "gui", AT_LOGIN]


def _escaped(value: str) -> str:
    # The key file's own string escapes come on top of Exec's quoting: each backslash
    # of the quoted line is written twice.
    return value.replace("\\", "\\\\")


def entry_text(data_dir: Path | None) -> str:
    quoted = " ".join(_quoted(part) for part in command(data_dir))
    working = _start()[1]
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Opens minimised at login, so your reminders arrive\n"
        f"Exec={_escaped(quoted)}\n"
        + (f"Path={_escaped(str(working))}\n" if working is not None else "")
        + f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _turned_off(text: str) -> bool:
    """Turned off in the desktop's startup settings: ``Hidden`` (the spec's way) or
    GNOME's own key, in the entry's main group."""
    lines = [line.strip() for line in text.splitlines()]
    main = lines[lines.index("[Desktop Entry]") + 1 :] if "[Desktop Entry]" in lines else []
    for line in main:
        if line.startswith("["):
            break
        key, _, value = line.partition("=")
        if (key.strip(), value.strip().lower()) in {
            ("Hidden", "true"),
            ("X-GNOME-Autostart-enabled", "false"),
        }:
            return True
    return False


def refresh(data_dir: Path | None) -> bool:
    """At each start, while the setting is on: write the entry again if it is still
    there and on. False when the person removed it or turned it off in their desktop
    (it is left as they made it), so the setting can follow. Raises ``OSError``."""
    path = entry_path()
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return False
    if _turned_off(text):
        return False
    if text != entry_text(data_dir):
        set_enabled(True, data_dir)
    return True


def set_enabled(on: bool, data_dir: Path | None) -> None:
    """Write or remove the entry; raises ``OSError`` when the folder can't be written."""
    path = entry_path()
    if not on:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(entry_text(data_dir), encoding="utf-8")
    temporary.replace(path)
