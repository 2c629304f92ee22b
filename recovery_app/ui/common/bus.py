"""The one place pages hear that data changed, so no page reaches into another."""

from PySide6.QtCore import QObject, Signal


class DataHub(QObject):
    checkinsChanged = Signal()
    profileChanged = Signal()
    journalChanged = Signal()
    choicesChanged = Signal()
    meetingsChanged = Signal()
    remindersChanged = (
        Signal()
    )  # the in-app reminder list changed  # triggers or coping strategies added, renamed, merged...
