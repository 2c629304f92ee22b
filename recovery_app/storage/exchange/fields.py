"""Reading one record of an export file, strictly: every field has exactly its type.

Nothing is coerced. "false" is not false, "30" is not [30], null is not "",
1e999 is not a number, and a NUL byte or a lone surrogate is not text anyone
wrote. Anything that isn't exactly what docs/export-format.md describes stops
the import with a message naming the record and the field; the readers in the
section modules build on these.
"""

from __future__ import annotations

import enum
import math
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from recovery_app.core.errors import InvalidImport, KnownError
from recovery_app.core.i18n import translate
from recovery_app.core.limits import day_in_range, instant_in_range
from recovery_app.core.text import encodable
from recovery_app.storage.exchange.rules import import_failure

E = TypeVar("E", bound=enum.Enum)


class _HasUid(Protocol):
    @property
    def uid(self) -> str: ...


R = TypeVar("R", bound=_HasUid)
MISSING: Any = object()
MAX_TEXT = 10_000_000  # characters in one field (a journal entry may be long)
MAX_UID = 200  # calendar UIDs can be long; ours are UUIDs


class Fields:
    """The fields of one record; ``where`` names it in messages ("entry number 3")."""

    def __init__(self, record: object, where: str) -> None:
        if not isinstance(record, dict):
            raise import_failure(where, translate("storage.exchange.fields", "is not a record"))
        self.raw: dict[str, Any] = record
        self.where = where

    def fail(self, what: str) -> InvalidImport:
        return import_failure(self.where, what)

    @contextmanager
    def checking(self, words: str | None = None) -> Iterator[None]:
        """A record the core refuses (a ``KnownError``) refuses the file, saying where
        and why; ``words``: what to say instead of "is not valid", with ``{why}``."""
        try:
            yield
        except KnownError as exc:
            said = words or translate("storage.exchange.fields", "is not valid ({why})")
            raise self.fail(said.format(why=exc.message.rstrip("."))) from exc

    def _get(self, name: str, default: Any) -> Any:
        if name in self.raw:
            return self.raw[name]
        if default is MISSING:
            raise self.fail(
                translate("storage.exchange.fields", "has no “{name}”").format(name=name)
            )
        return default

    def text(self, name: str, default: Any = MISSING, max_length: int = MAX_TEXT) -> str:
        value = self._get(name, default)
        if not isinstance(value, str):
            raise self.fail(
                translate("storage.exchange.fields", "has a “{name}” that is not text").format(
                    name=name
                )
            )
        if "\x00" in value or not encodable(value):
            raise self.fail(
                translate(
                    "storage.exchange.fields",
                    "has a “{name}” with a character that can't be stored",
                ).format(name=name)
            )
        if len(value) > max_length:
            raise self.fail(
                translate("storage.exchange.fields", "has a “{name}” that is too long").format(
                    name=name
                )
            )
        return value

    def optional_text(self, name: str) -> str | None:
        return None if self.raw.get(name) is None else self.text(name)

    def integer(self, name: str, low: int, high: int, default: Any = MISSING) -> int:
        value = self._get(name, default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(
                translate(
                    "storage.exchange.fields", "has a “{name}” that is not a whole number"
                ).format(name=name)
            )
        if not low <= value <= high:
            raise self.fail(
                translate(
                    "storage.exchange.fields", "has a “{name}” outside {low} to {high}"
                ).format(name=name, low=low, high=high)
            )
        return value

    def optional_integer(self, name: str, low: int, high: int) -> int | None:
        return None if self.raw.get(name) is None else self.integer(name, low, high)

    def number(self, name: str, low: float, high: float) -> float:
        value = self._get(name, MISSING)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise self.fail(
                translate("storage.exchange.fields", "has a “{name}” that is not a number").format(
                    name=name
                )
            )
        if not math.isfinite(value) or not low <= value <= high:
            raise self.fail(
                translate(
                    "storage.exchange.fields", "has a “{name}” outside {low:g} to {high:g}"
                ).format(name=name, low=low, high=high)
            )
        return float(value)

    def optional_number(self, name: str, low: float, high: float) -> float | None:
        return None if self.raw.get(name) is None else self.number(name, low, high)

    def boolean(self, name: str, default: Any = MISSING) -> bool:
        value = self._get(name, default)
        if not isinstance(value, bool):
            raise self.fail(
                translate(
                    "storage.exchange.fields", "has a “{name}” that is not true or false"
                ).format(name=name)
            )
        return value

    def choice(self, name: str, kind: type[E], default: Any = MISSING) -> E:
        value = self._get(name, default)
        if isinstance(value, kind):
            return value
        allowed = {str(m.value): m for m in kind}
        if not isinstance(value, str) or value not in allowed:
            raise self.fail(
                translate("storage.exchange.fields", "has an unknown “{name}”").format(name=name)
            )
        return allowed[value]

    def optional_choice(self, name: str, kind: type[E]) -> E | None:
        return None if self.raw.get(name) is None else self.choice(name, kind)

    def uid(self, name: str = "uid", uuid_only: bool = True) -> str:
        value = self._get(name, MISSING)
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_UID:
            raise self.fail(
                translate("storage.exchange.fields", "has no valid “{name}”").format(name=name)
            )
        if "\x00" in value or not encodable(value) or any(c in value for c in "\r\n"):
            raise self.fail(
                translate("storage.exchange.fields", "has no valid “{name}”").format(name=name)
            )
        if uuid_only:
            try:
                uuid.UUID(value)
            except ValueError:
                raise self.fail(
                    translate("storage.exchange.fields", "has no valid “{name}”").format(name=name)
                ) from None
        return value

    def optional_uid(self, name: str) -> str | None:
        return None if self.raw.get(name) is None else self.uid(name)

    def day(self, name: str) -> date:
        value = self._get(name, MISSING)
        try:
            parsed = date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or len(value) != 10:
            raise self.fail(
                translate(
                    "storage.exchange.fields",
                    "has a “{name}” that is not a date written YYYY-MM-DD",
                ).format(name=name)
            )
        if not day_in_range(parsed):
            raise self.fail(
                translate(
                    "storage.exchange.fields", "has a “{name}” outside the years 1900 to 2200"
                ).format(name=name)
            )
        return parsed

    def optional_day(self, name: str) -> date | None:
        return None if self.raw.get(name) is None else self.day(name)

    def instant(self, name: str) -> datetime:
        value = self._get(name, MISSING)
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            raise self.fail(
                translate(
                    "storage.exchange.fields",
                    "has a “{name}” that is not a full date and time with its offset",
                ).format(name=name)
            )
        # Compared before any conversion: year 1 or 9999 with an offset can't be moved.
        if not 1900 <= parsed.year <= 2200 or not instant_in_range(parsed):
            raise self.fail(
                translate(
                    "storage.exchange.fields", "has a “{name}” outside the years 1900 to 2200"
                ).format(name=name)
            )
        return parsed

    def optional_instant(self, name: str) -> datetime | None:
        return None if self.raw.get(name) is None else self.instant(name)

    def integers(self, name: str, low: int, high: int, most: int) -> tuple[int, ...]:
        value = self._get(name, [])
        if not isinstance(value, list) or len(value) > most:
            raise self.fail(
                translate(
                    "storage.exchange.fields",
                    "has a “{name}” that is not a list of up to {most} whole numbers",
                ).format(name=name, most=most)
            )
        for item in value:
            if not isinstance(item, int) or isinstance(item, bool) or not low <= item <= high:
                raise self.fail(
                    translate(
                        "storage.exchange.fields",
                        "has a “{name}” with an item outside {low} to {high}",
                    ).format(name=name, low=low, high=high)
                )
        return tuple(value)

    def texts(self, name: str, most: int = 1000) -> tuple[str, ...]:
        value = self._get(name, [])
        if not isinstance(value, list) or len(value) > most:
            raise self.fail(
                translate(
                    "storage.exchange.fields", "has a “{name}” that is not a list of text"
                ).format(name=name)
            )
        found = []
        for item in value:
            if not isinstance(item, str) or "\x00" in item or not encodable(item):
                raise self.fail(
                    translate(
                        "storage.exchange.fields", "has a “{name}” with an item that is not text"
                    ).format(name=name)
                )
            found.append(item)
        return tuple(found)

    def booleans(self, name: str, count: int) -> tuple[bool, ...]:
        value = self._get(name, MISSING)
        if (
            not isinstance(value, list)
            or len(value) != count
            or not all(isinstance(v, bool) for v in value)
        ):
            raise self.fail(
                translate(
                    "storage.exchange.fields", "has a “{name}” that is not {count} yes/no answers"
                ).format(name=name, count=count)
            )
        return tuple(value)

    def record(self, name: str) -> Fields:
        """A record inside this one (a check-in's "halt")."""
        return Fields(self._get(name, {}), f"{self.where} ({name})")


def unique(where: str, label: str, keys: list[Any]) -> None:
    """Refuse a file with two records of one kind that share a key (uid, day...)."""
    seen: set[Any] = set()
    for key in keys:
        if key in seen:
            raise import_failure(
                where, translate("storage.exchange.fields", "has two {label}").format(label=label)
            )
        seen.add(key)


def add_missing(records: Iterable[R], have: set[str], add: Callable[[R], object]) -> int:
    """Merge: ``add`` each record whose ``uid`` isn't in ``have`` yet; how many were."""
    added = 0
    for record in records:
        if record.uid not in have:
            add(record)
            added += 1
    return added
