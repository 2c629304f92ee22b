"""Start at login, so reminders arrive (an opt-in setting, off by default).

On Linux and the BSDs this is an XDG autostart entry, written when the setting is
turned on (and again at each start, so it follows the app if it moved) and removed
when it is turned off. The entry opens the app minimised, with the same data folder.
Other systems have no such entry here: the setting is not offered there.
"""

from __future__ import annotations

import os
import shutil
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


def command(data_dir: Path | None) -> list[str]:
    """How this very app is started again: the frozen build, the installed script, or
    this Python running the package; with its data folder unless it is the usual one."""
    from recovery_app.paths import default_data_dir

    if data_dir is not None and data_dir.resolve() == default_data_dir().resolve():
        data_dir = None
    beside = Path(sys.executable).with_name("recovery-app")  # this environment's own
    if getattr(sys, "frozen", False):
        start = [sys.executable]
    elif beside.is_file():
        start = [str(beside)]
    elif (script := shutil.which("recovery-app")) is not None:
        start = [str(Path(script).resolve())]
    else:
        start = [sys.executable, "-m", "recovery_app"]
    folder = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return [*start, *folder, "gui", AT_LOGIN]


def entry_text(data_dir: Path | None) -> str:
    # The key file's own string escapes come on top of Exec's quoting: each backslash
    # of the quoted line is written twice.
    quoted = " ".join(_quoted(part) for part in command(data_dir))
    exec_line = quoted.replace("\\", "\\\\")
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Opens minimised at login, so your reminders arrive\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


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
