"""The symptoms a person added to the withdrawal diary's list themselves.

They are kept in the list's order whether or not they were ever rated. Renaming
one renames it on every day it was rated, so the history reads as one symptom;
removing one takes it off the form and keeps every rating already noted.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, delete, func, insert, select, update

from recovery_app.core.errors import InvalidInput
from recovery_app.core.i18n import translate
from recovery_app.core.taper.symptoms import MAX_SYMPTOMS, is_common, symptom_name
from recovery_app.storage.schema import own_symptom, symptom_day

_C = "storage.taper.own_symptoms"
MOST = MAX_SYMPTOMS  # the form shows the common ones and these, one day at a time


class OwnSymptoms:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def names(self) -> list[str]:
        """In the list's order; a common name (stored by migration 0013) is left out."""
        query = select(own_symptom.c.name).order_by(own_symptom.c.position, own_symptom.c.id)
        return [n for n in self.conn.execute(query).scalars() if not is_common(n)]

    def _find(self, name: str) -> str | None:
        folded = name.casefold()
        return next((n for n in self.names() if n.casefold() == folded), None)

    def add(self, text: str) -> str:
        """Add a name to the end of the list (nothing when it is there, or a common one)."""
        name = symptom_name(text)
        if is_common(name) or (known := self._find(name)) is not None:
            return name if is_common(name) else known or name
        if len(self.names()) >= MOST:
            raise InvalidInput(
                translate(_C, "The list can hold {most} symptoms of your own.").format(most=MOST)
            )
        last = self.conn.execute(select(func.max(own_symptom.c.position))).scalar()
        self.conn.execute(insert(own_symptom).values(name=name, position=(last or 0) + 1))
        return name

    def rename(self, old: str, text: str) -> str:
        """Rename ``old`` here and on every day it was rated; raises ``InvalidInput``."""
        new = symptom_name(text)
        if new == old:
            return new
        if is_common(new) or (self._find(new) is not None and new.casefold() != old.casefold()):
            raise InvalidInput(translate(_C, "“{name}” is already in the list.").format(name=new))
        self.conn.execute(update(own_symptom).where(own_symptom.c.name == old).values(name=new))
        # The diary's days hold names as JSON keys: a few hundred small rows at most.
        rows = self.conn.execute(select(symptom_day.c.day, symptom_day.c.ratings)).all()
        for day, text_ratings in rows:
            ratings = json.loads(text_ratings)
            if old not in ratings:
                continue
            renamed = {new if k == old else k: v for k, v in ratings.items()}
            if new in ratings:  # a removed symptom of that name: keep the stronger rating
                renamed[new] = max(ratings[new], ratings[old])
            self.conn.execute(
                update(symptom_day)
                .where(symptom_day.c.day == day)
                .values(ratings=json.dumps(renamed, ensure_ascii=False, sort_keys=True))
            )
        return new

    def remove(self, name: str) -> None:
        """Off the form; the days it was rated on keep their ratings."""
        self.conn.execute(delete(own_symptom).where(own_symptom.c.name == name))
