"""Plain DB-API connections, encrypted or not, for work below SQLAlchemy.

Migration checks, backups and encryption changes talk to SQLite directly.
With a key, the connection comes from SQLCipher (``sqlcipher3``) and the key
is applied before anything else is read.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

from recovery_app.storage.security.keys import key_pragma


def dbapi_module(key: bytes | None) -> Any:
    if key is None:
        return sqlite3
    from sqlcipher3 import dbapi2

    return dbapi2


def apply_key(connection: Any, key: bytes, salt: bytes | None = None) -> None:
    """Key a connection; ``salt`` becomes a new file's first 16 bytes (its key settings)."""
    # SQLCipher would print decryption failures to stderr; a wrong passphrase is
    # an expected event that the app explains itself.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(key_pragma(key, salt))


def open_raw(
    path: Path, key: bytes | None, readonly: bool = False, salt: bytes | None = None
) -> Any:
    module = dbapi_module(key)
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    connection = module.connect(target, uri=readonly)
    if key is not None:
        apply_key(connection, key, salt)
    return connection


def database_errors() -> tuple[type[Exception], ...]:
    """The error classes of every SQLite driver loaded so far."""
    errors: list[type[Exception]] = [sqlite3.Error]
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is not None:
        errors.append(cipher.Error)
    return tuple(errors)
