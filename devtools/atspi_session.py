"""Start the app in a virtual X session with the AT-SPI bus, and walk what a screen
reader sees of it (devtools/atspi_walk.py, run by the system's Python with pyatspi).

    dbus-run-session -- python -m devtools.atspi_session DATA_DIR

Needs Debian's xvfb, at-spi2-core, python3-pyatspi, dbus, openbox and xdotool
(.ci/run installs them). Prints the walker's report; exits 1 on any problem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

WALKER = Path(os.environ.get("WALKER", str(Path(__file__).with_name("atspi_walk.py"))))
SYSTEM_PYTHON = "/usr/bin/python3"


def _x_server() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on the first free display; it says which one on a pipe when it is ready."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as said:
        number = said.readline().strip()
    if not number:
        server.kill()
        raise SystemExit("Xvfb did not start")
    return server, f":{number}"


def main(argv: list[str] | None = None) -> int:
    data = Path((argv or sys.argv[1:])[0])
    data.mkdir(parents=True, exist_ok=True)
    (data / "settings.json").write_text(json.dumps({"welcome_done": True}), encoding="utf-8")
    server, display = _x_server()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}  # fmt: skip
    started: list[subprocess.Popen[bytes]] = [server]
    try:
        started.append(subprocess.Popen(["openbox"], env=env, stderr=subprocess.DEVNULL))
        started.append(
            subprocess.Popen(
                [sys.executable, "-m", "recovery_app", "--data-dir", str(data)],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        walk = subprocess.run(
            [SYSTEM_PYTHON, str(WALKER)], env=env, capture_output=True, text=True, timeout=240
        )
        print(walk.stdout, end="")
        return walk.returncode
    finally:
        for process in reversed(started):
            process.kill()
            process.wait()


if __name__ == "__main__":
    raise SystemExit(main())
