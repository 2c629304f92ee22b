"""Cheap key settings, so tests that set a passphrase don't wait for real Argon2 costs."""

from __future__ import annotations

import pytest

from recovery_app.storage.security import keys as crypto


def fast_params() -> crypto.KdfParams:
    """Fresh random salt, the smallest costs; carried in the file like real settings."""
    return crypto.params_with_costs(1, 8 * 1024, 1)


def use_fast_params(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "new_params", lambda *a, **k: fast_params())
