"""Errors a person can understand and act on.

A ``KnownError`` carries a calm, complete message. The UI shows it as is and
the CLI prints it on one line with exit status 2. Anything else is a bug.
"""


class KnownError(Exception):
    """An expected problem with a clear message; nothing was changed."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class InvalidInput(KnownError):
    """A value was outside what the app can store."""


class DataDirError(KnownError):
    """The data folder cannot be used."""


class NewerDatabaseError(KnownError):
    """The database was written by a newer version of the app."""


class CorruptDatabaseError(KnownError):
    """The database file cannot be read."""


class DiskFullError(KnownError):
    """The disk had no room for what was being written; nothing was changed."""


class OutputPathError(KnownError):
    """A file could not be written where the person asked."""


class InvalidImport(KnownError):
    """An import file can't be used; nothing was changed."""
