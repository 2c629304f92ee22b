"""The one place the key of the open data is kept: a bytearray, zeroed when forgotten.

Everything that needs the key (the database's connections, backups, passphrase
changes) asks this holder at the moment it needs it, so after locking no object
of the app keeps a copy.
"""

from __future__ import annotations


class KeyHolder:
    def __init__(self, key: bytes | None = None) -> None:
        self._key = bytearray(key or b"")

    @property
    def key(self) -> bytes | None:
        """A copy for one use (hand it to SQLCipher, then let it go)."""
        return bytes(self._key) if self._key else None

    def set(self, key: bytes | None) -> None:
        self.forget()
        if key:
            self._key.extend(key)

    def forget(self) -> None:
        """Overwrite the key in place, then drop it."""
        for i in range(len(self._key)):
            self._key[i] = 0
        self._key.clear()

    def holds(self, key: bytes) -> bool:
        return bool(self._key) and self._key == key
