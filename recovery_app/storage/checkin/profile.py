"""The person's optional recovery start date."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from recovery_app.core.errors import InvalidInput
from recovery_app.storage.models import RecoveryProfile


class Profile:
    def __init__(self, session: Session) -> None:
        self.session = session

    def start_date(self) -> date | None:
        row = self.session.get(RecoveryProfile, 1)
        return None if row is None else row.start_date

    def set_start_date(self, start: date | None, now: datetime) -> None:
        """``None`` means the person would rather not count days."""
        if start is not None and start > now.date():
            raise InvalidInput("A recovery start date can't be in the future.")
        row = self.session.get(RecoveryProfile, 1)
        if row is None:
            row = RecoveryProfile(id=1)
            self.session.add(row)
        row.start_date = start
        row.updated_at = now
        self.session.flush()
