"""What a new passphrase must be (the welcome and Your data both ask for one)."""

from __future__ import annotations

from recovery_app.core.i18n import translate

MIN_LENGTH = 8


def new_passphrase_problem(new: str, again: str) -> str:
    """What is wrong with a new passphrase as typed twice, or "" if nothing."""
    if len(new) < MIN_LENGTH:
        return translate(
            "core.passphrase", "Please use at least {MIN_LENGTH} characters; a few words work well."
        ).format(MIN_LENGTH=MIN_LENGTH)
    if new != again:
        return translate("core.passphrase", "The two passphrases are not the same.")
    return ""
