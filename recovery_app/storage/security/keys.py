"""Turning a passphrase into the database key, with Argon2id.

The passphrase is never stored. What is stored, beside the database in
``recovery.db.kdf.json``, is how to derive the key again: a random salt and
the Argon2id cost settings, versioned. The key is a raw 256-bit SQLCipher key,
so SQLCipher's own (slower, weaker) passphrase derivation is not used.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from recovery_app.core.errors import KnownError
from recovery_app.storage.files import write_private

KDF_VERSION = 1
KEY_BYTES = 32
# Memory is the main defence against guessing on graphics cards; 256 MiB is
# comfortable on any computer that runs Qt. Time cost is tuned per machine.
MEMORY_KIB = 256 * 1024
PARALLELISM = 2
TARGET_SECONDS = 0.6


class WrongPassphrase(KnownError):
    """The passphrase does not open the data (or the file is damaged)."""


class KdfFileError(KnownError):
    """The key settings file beside the database is missing or unreadable."""


@dataclass(frozen=True)
class KdfParams:
    salt: str  # hex
    time_cost: int
    memory_cost: int  # KiB
    parallelism: int
    algorithm: str = "argon2id"
    version: int = KDF_VERSION


def kdf_path(database: Path) -> Path:
    return database.with_name(database.name + ".kdf.json")


SQLITE_HEADER = b"SQLite format 3\x00"


def file_is_encrypted(path: Path) -> bool:
    """True for an existing, non-empty file that is not plain SQLite.

    The file itself is the truth; the key settings file only says how to
    derive the key.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def needs_passphrase(database: Path) -> bool:
    return file_is_encrypted(database) and kdf_path(database).exists()


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    if not passphrase:
        raise WrongPassphrase("Please enter your passphrase.")
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        bytes.fromhex(params.salt),
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def new_params(target_seconds: float = TARGET_SECONDS, memory_kib: int = MEMORY_KIB) -> KdfParams:
    """Fresh salt; time cost raised until one derivation takes about ``target_seconds``."""
    salt = os.urandom(16).hex()
    time_cost = 1
    while True:
        params = KdfParams(salt, time_cost, memory_kib, PARALLELISM)
        started = time.perf_counter()
        derive_key("calibration", params)
        took = time.perf_counter() - started
        if took >= target_seconds or time_cost >= 12:
            return params
        # Cost grows linearly with time_cost: jump near the target, then step.
        time_cost = max(time_cost + 1, int(time_cost * target_seconds / max(took, 1e-3)))


def load_params(database: Path) -> KdfParams:
    path = kdf_path(database)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        params = KdfParams(
            salt=str(raw["salt"]),
            time_cost=int(raw["time_cost"]),
            memory_cost=int(raw["memory_cost"]),
            parallelism=int(raw["parallelism"]),
            algorithm=str(raw["algorithm"]),
            version=int(raw["version"]),
        )
        bytes.fromhex(params.salt)
    except FileNotFoundError as exc:
        raise KdfFileError(f"The key settings file {path.name} is missing.") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KdfFileError(f"The key settings file {path.name} can't be read.") from exc
    if params.version > KDF_VERSION or params.algorithm != "argon2id":
        raise KdfFileError(
            "Your data was locked by a newer version of Recovery Companion. "
            "Please install the newer version to open it."
        )
    return params


def save_params(database: Path, params: KdfParams) -> None:
    write_private(kdf_path(database), json.dumps(asdict(params), indent=2).encode("utf-8"))


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""
