"""Turning a passphrase into the database key, with Argon2id.

The passphrase is never stored. How to derive the key again (a random salt and
the Argon2id costs) is stored *in every encrypted file itself*: SQLCipher keeps
the first 16 bytes of a file unencrypted as its salt, and the app chooses those
bytes. They are 10 random bytes, the mark ``RC``, the format version and the
three costs, and all 16 are the Argon2id salt. So a backup alone, with the
passphrase it was made with, opens on any computer, also after the passphrase
was changed.

Files encrypted by the first version (format 1) have a random SQLCipher salt;
their key settings are in ``recovery.db.kdf.json``, read only for them. They are
moved to format 2 the first time they are unlocked.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from recovery_app.core.errors import KnownError
from recovery_app.core.i18n import translate
from recovery_app.storage.files import write_private

KDF_VERSION = 2
KEY_BYTES = 32
SALT_BYTES = 16
RANDOM_BYTES = 10
MARK = b"RC"
# Memory is the main defence against guessing on graphics cards; 256 MiB is
# comfortable on any computer that runs Qt. Time cost is tuned per machine.
MEMORY_KIB = 256 * 1024
PARALLELISM = 2
TARGET_SECONDS = 0.6
SQLITE_HEADER = b"SQLite format 3\x00"


class WrongPassphrase(KnownError):
    """The passphrase does not open the data (or the file is damaged)."""


class KdfFileError(KnownError):
    """How to derive the key can't be found or read."""


@dataclass(frozen=True)
class KdfParams:
    salt: str  # hex, 16 bytes
    time_cost: int
    memory_cost: int  # KiB
    parallelism: int
    algorithm: str = "argon2id"
    version: int = KDF_VERSION

    @property
    def salt_bytes(self) -> bytes:
        return bytes.fromhex(self.salt)


def _log2(value: int) -> int | None:
    return value.bit_length() - 1 if value > 0 and value & (value - 1) == 0 else None


def params_in_salt(head: bytes) -> KdfParams | None:
    """The key settings a file's first 16 bytes carry, or None if they carry none."""
    if len(head) < SALT_BYTES or head[RANDOM_BYTES : RANDOM_BYTES + 2] != MARK:
        return None
    version, time_cost, memory_log, parallelism = head[RANDOM_BYTES + 2 : SALT_BYTES]
    if version != KDF_VERSION or not (
        1 <= time_cost <= 64 and 10 <= memory_log <= 22 and 1 <= parallelism <= 16
    ):
        return None
    return KdfParams(head[:SALT_BYTES].hex(), time_cost, 1 << memory_log, parallelism)


def kdf_path(database: Path) -> Path:
    """Where format 1 kept the key settings (beside the database)."""
    return database.with_name(database.name + ".kdf.json")


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return b""


def file_is_encrypted(path: Path) -> bool:
    """True for an existing, non-empty file that is not plain SQLite (the file is the truth)."""
    head = _head(path)
    return bool(head) and head != SQLITE_HEADER


def file_params(path: Path) -> KdfParams | None:
    """The key settings an encrypted file carries itself (format 2), if any."""
    return params_in_salt(_head(path)) if file_is_encrypted(path) else None


def needs_passphrase(database: Path) -> bool:
    return file_is_encrypted(database) and (
        file_params(database) is not None or kdf_path(database).exists()
    )


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    if not passphrase:
        raise WrongPassphrase(translate("storage.security.keys", "Please enter your passphrase."))
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        params.salt_bytes,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def params_with_costs(time_cost: int, memory_kib: int, parallelism: int) -> KdfParams:
    """Fresh random salt, these costs, all written into the 16 bytes a file carries."""
    memory_log = _log2(memory_kib)
    if memory_log is None:
        raise ValueError("memory for the key must be a power of two KiB")
    tail = MARK + bytes([KDF_VERSION, time_cost, memory_log, parallelism])
    return KdfParams((os.urandom(RANDOM_BYTES) + tail).hex(), time_cost, memory_kib, parallelism)


def new_params(target_seconds: float = TARGET_SECONDS, memory_kib: int = MEMORY_KIB) -> KdfParams:
    """Fresh salt; time cost raised until one derivation takes about ``target_seconds``."""
    time_cost = 1
    while True:
        params = params_with_costs(time_cost, memory_kib, PARALLELISM)
        started = time.perf_counter()
        derive_key("calibration", params)
        took = time.perf_counter() - started
        if took >= target_seconds or time_cost >= 12:
            return params
        # Cost grows linearly with time_cost: jump near the target, then step.
        time_cost = max(time_cost + 1, int(time_cost * target_seconds / max(took, 1e-3)))


def load_params(path: Path, settings_of: Path | None = None) -> KdfParams:
    """How to derive the key for the encrypted file ``path``.

    From the file itself; for a format 1 file, from the key settings file beside
    ``settings_of`` (the live database, by default ``path``).
    """
    own = file_params(path)
    if own is not None:
        return own
    settings_file = kdf_path(settings_of or path)
    try:
        raw = json.loads(settings_file.read_text(encoding="utf-8"))
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
        raise KdfFileError(
            translate("storage.security.keys", "The key settings file {name} is missing.").format(
                name=settings_file.name
            )
        ) from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KdfFileError(
            translate(
                "storage.security.keys", "The key settings file {name} can't be read."
            ).format(name=settings_file.name)
        ) from exc
    if params.version > KDF_VERSION or params.algorithm != "argon2id":
        raise KdfFileError(
            translate(
                "storage.security.keys",
                "Your data was locked by a newer version of Recovery Companion. "
                "Please install the newer version to open it.",
            )
        )
    return params


def save_params(database: Path, params: KdfParams) -> None:
    """Format 1 only (tests make such data to check it still opens)."""
    write_private(kdf_path(database), json.dumps(asdict(params), indent=2).encode("utf-8"))


def key_pragma(key: bytes, salt: bytes | None = None) -> str:
    """The raw-key pragma; with ``salt``, a new file gets it as its first 16 bytes."""
    if len(key) != KEY_BYTES:
        raise ValueError("a database key is 32 bytes")
    if salt is not None and len(salt) != SALT_BYTES:
        raise ValueError("a database salt is 16 bytes")
    return f"PRAGMA key = \"x'{key.hex()}{salt.hex() if salt else ''}'\""


def file_salt(path: Path) -> bytes | None:
    """An encrypted file's first 16 bytes (its salt), for a copy that must match it."""
    return _head(path)[:SALT_BYTES] if file_is_encrypted(path) else None
