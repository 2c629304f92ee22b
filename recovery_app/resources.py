"""The one accessor for the top-level ``resources/`` folder.

In an installed wheel it sits inside the package as ``_resources``; in a source
checkout (including editable installs) it is the top-level folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def root() -> Path:
    for candidate in (_PACKAGE / "_resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("The app's resources folder is missing; please reinstall.")


def path(*parts: str) -> Path:
    return root().joinpath(*parts)
