#!/usr/bin/env python3
"""Set up and run the app or its checks, in a private virtual environment (.venv).

    python3 dev.py run [APP ARGS...]   set up, then start the app
    python3 dev.py test [PYTEST ARGS...]  set up, then run tests, ruff, mypy, import-linter
    python3 dev.py package             set up, then build the .deb and .tar.gz (Linux) in dist/
                                       and start the app from the unpacked .deb (a smoke test)

Works the same on Linux, macOS and Windows (use ``py dev.py ...`` there).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def _setup(extras: str) -> None:
    """Create .venv and install the project; skipped when nothing changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older Python
        sys.exit("Python 3.11 or newer is needed.")
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    # One stamp per set of extras, so switching between test and package installs once.
    kind = extras or "app"
    stamp = VENV / f".installed-{kind}-{digest[:16]}"
    if stamp.exists():
        return
    print(f"Installing the app{' with ' + extras if extras else ''} ...", flush=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            target,
        ],
        cwd=ROOT,
        check=True,
    )
    for old in VENV.glob(f".installed-{kind}-*"):
        old.unlink()
    stamp.touch()


def _run(args: list[str]) -> int:
    _setup("")
    return subprocess.call([str(PYTHON), "-m", "recovery_app", *args], cwd=ROOT)


def _test(args: list[str]) -> int:
    _setup("dev")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    python = str(PYTHON)
    steps = [
        [python, "-m", "ruff", "check", "."],
        [python, "-m", "ruff", "format", "--check", "."],
        [python, "-m", "mypy"],
        [str(BIN / "lint-imports")],
        # Last, so the test summary is the run's closing line.
        [python, "-m", "pytest", *args],
    ]
    failed = []
    for step in steps:
        name = " ".join(Path(part).name for part in step[:4])
        print(f"\n$ {name}", flush=True)
        if subprocess.call(step, cwd=ROOT, env=env) != 0:
            failed.append(name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}", flush=True)
        return 1
    return 0


def _package(args: list[str]) -> int:
    _setup("package")
    return subprocess.call([str(PYTHON), "-m", "devtools.package", *args], cwd=ROOT)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test", "package"}:
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    if rest[:1] == ["--"]:
        rest = rest[1:]
    return {"run": _run, "test": _test, "package": _package}[command](rest)


if __name__ == "__main__":
    raise SystemExit(main())
