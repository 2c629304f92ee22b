"""Start-up speed-ups that depend on PySide6 internals, each guarded and explained."""

from __future__ import annotations

import sys


def skip_feature_source_scan() -> bool:
    """Stop PySide6 from reading the source of every module imported after it.

    PySide6 checks each newly imported module for ``from __feature__ import``
    by reading its whole source file (PYSIDE-2029); for SQLAlchemy that is
    hundreds of files and a noticeable part of start-up. This app never uses
    ``__feature__``, so every module can be answered "does not use it" without
    reading. If a PySide6 release changes this, nothing happens.
    """
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False

    def never_uses_features(module: object) -> bool:
        return False

    feature._mod_uses_pyside = never_uses_features  # type: ignore[attr-defined]
    return True
