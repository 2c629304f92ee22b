"""What a new passphrase must be (the welcome and Your data both ask for one)."""

from __future__ import annotations

MIN_LENGTH = 8


def new_passphrase_problem(new: str, again: str) -> str:
    """What is wrong with a new passphrase as typed twice, or "" if nothing."""
    if len(new) < MIN_LENGTH:
        return f"Please use at least {MIN_LENGTH} characters; a few words work well."
    if new != again:
        return "The two passphrases are not the same."
    return ""
