"""The symptoms a person added to the withdrawal diary's list themselves.

They are kept in the list's order whether or not they were ever rated. Renaming
one renames it on every day it was rated, so the history reads as one symptom;
removing one takes it off the form for good (until the person adds it again) and
keeps every rating already noted. Names are one symptom however they are
capitalised, and a rename never merges two symptoms' days.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, func, insert, select, update

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.taper.symptoms import MAX_SYMPTOMS, is_common, symptom_name
from recovery_app.storage.schema import own_symptom, symptom_day

_C = "storage.taper.own_symptoms"
MOST = MAX_SYMPTOMS  # on the form at once: a day can rate at most this many


class OwnSymptoms:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def _rows(self) -> list[tuple[int, str, bool]]:
        t = own_symptom
        query = select(t.c.id, t.c.name, t.c.removed).order_by(t.c.position, t.c.id)
        return [(r.id, r.name, bool(r.removed)) for r in self.conn.execute(query)]

    def names(self) -> list[str]:
        """On the form, in the list's order (a common name, as 0013 may store, is left out)."""
        return [n for _id, n, removed in self._rows() if not removed and not is_common(n)]

    def _row(self, name: str) -> tuple[int, str, bool] | None:
        folded = name.casefold()
        return next((row for row in self._rows() if row[1].casefold() == folded), None)

    def add(self, text: str, capped: bool = True) -> str:
        """Add a name at the end of the list, or bring a removed one back; the name as kept.

        ``capped``: refuse a list fuller than one day's form can rate (an import isn't)."""
        name = symptom_name(text)
        if is_common(name):
            return name
        known = self._row(name)
        if known is not None and not known[2]:
            return known[1]
        if capped and len(self.names()) >= MOST:
            raise InvalidInput(
                translate(
                    _C, "The list can hold {most} symptoms of your own. Remove one to add another."
                ).format(most=MOST)
            )
        last = self.conn.execute(select(func.max(own_symptom.c.position))).scalar()
        if known is not None:  # removed before: back at the end of the list
            self.conn.execute(
                update(own_symptom)
                .where(own_symptom.c.id == known[0])
                .values(removed=False, position=(last or 0) + 1)
            )
            return known[1]
        self.conn.execute(insert(own_symptom).values(name=name, position=(last or 0) + 1))
        return name

    def _used(self) -> set[str]:
        """Every name on any day, folded: a rename onto one would merge two symptoms."""
        used = {n.casefold() for _id, n, _removed in self._rows()}
        for (ratings,) in self.conn.execute(select(symptom_day.c.ratings)):
            used.update(k.casefold() for k in _ratings(ratings))
        return used

    def rename(self, old: str, text: str) -> str:
        """Rename ``old`` here and on every day it was rated; raises ``InvalidInput``."""
        new = symptom_name(text)
        known = self._row(old)
        if known is None or known[2]:
            raise InvalidInput(translate(_C, "That symptom is no longer in your list."))
        same = new.casefold() == old.casefold()
        if not same and (is_common(new) or new.casefold() in self._used()):
            raise InvalidInput(
                translate(
                    _C,
                    "“{name}” is already one of your symptoms, or was on an earlier day. "
                    "Please choose another name.",
                ).format(name=new)
            )
        self.conn.execute(update(own_symptom).where(own_symptom.c.id == known[0]).values(name=new))
        folded = old.casefold()
        rows = self.conn.execute(select(symptom_day.c.day, symptom_day.c.ratings)).all()
        for day, stored in rows:
            ratings = _ratings(stored)
            if not any(k.casefold() == folded for k in ratings):
                continue
            renamed: dict[str, int] = {}
            for key, value in ratings.items():
                target = new if key.casefold() == folded else key
                renamed[target] = max(value, renamed.get(target, value))  # one day, one rating
            self.conn.execute(
                update(symptom_day)
                .where(symptom_day.c.day == day)
                .values(ratings=json.dumps(renamed, ensure_ascii=False, sort_keys=True))
            )
        return new

    def remove(self, name: str) -> None:
        """Off the form; the days it was rated on keep their ratings."""
        known = self._row(name)
        if known is not None:
            self.conn.execute(
                update(own_symptom).where(own_symptom.c.id == known[0]).values(removed=True)
            )


def _ratings(stored: str) -> dict[str, int]:
    try:
        ratings = json.loads(stored)
    except ValueError:
        return {}
    return ratings if isinstance(ratings, dict) else {}
