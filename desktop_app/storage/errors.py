"""Storage errors split in two (after qutebrowser's ``raise_sqlite_error``).

Problems of the environment — the file is locked, read-only, the disk is full, the file is
corrupt or cannot be opened, or was written by a newer DealerDesk — become
:class:`StorageEnvironmentError`, which the UI shows in words with what to do. Anything else is
a bug and propagates unchanged to the crash dialog.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

import peewee

from ..domain.i18n import QT_TRANSLATE_NOOP


class EnvKind(StrEnum):
    LOCKED = "locked"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    CORRUPT = "corrupt"
    CANNOT_OPEN = "cannot_open"
    TOO_NEW = "too_new"
    IN_USE = "in_use"


# What the user reads: the problem and what to do. {path} is the database file.
ENV_MESSAGES: dict[EnvKind, str] = {
    EnvKind.LOCKED: QT_TRANSLATE_NOOP(
        "Messages",
        "The database is busy: another program is writing to it. Nothing was lost. "
        "Wait a moment and try again; if it persists, close other DealerDesk windows or "
        "backup tools using {path}.",
    ),
    EnvKind.READ_ONLY: QT_TRANSLATE_NOOP(
        "Messages",
        "The database file {path} is read-only, so changes cannot be saved. What you typed is "
        "still in the form. Ask your administrator to give this Windows user write access to "
        "the file and its folder, then save again.",
    ),
    EnvKind.DISK_FULL: QT_TRANSLATE_NOOP(
        "Messages",
        "The disk holding {path} is full, so the change was not saved. What you typed is still "
        "in the form. Free some space (empty the recycle bin, remove old files) and save again.",
    ),
    EnvKind.CORRUPT: QT_TRANSLATE_NOOP(
        "Messages",
        "The database file {path} is damaged or is not a DealerDesk database. Do not delete it. "
        "Ask your administrator to restore the latest backup or to re-register this PC with "
        "the hub, which resends the store's data.",
    ),
    EnvKind.CANNOT_OPEN: QT_TRANSLATE_NOOP(
        "Messages",
        "The database file {path} cannot be opened: the folder may be missing or not "
        "accessible. Check the path, the drive and the access rights, then start again.",
    ),
    EnvKind.TOO_NEW: QT_TRANSLATE_NOOP(
        "Messages",
        "The database {path} was written by a newer DealerDesk (schema {found}; this version "
        "knows up to {known}). Install the newer DealerDesk on this PC.",
    ),
    EnvKind.IN_USE: QT_TRANSLATE_NOOP(
        "Messages",
        "DealerDesk is already open with the database {path} on this PC. Switch to that window "
        "(check the taskbar); two copies on one database are not allowed.",
    ),
}

_BY_CODE = {
    sqlite3.SQLITE_BUSY: EnvKind.LOCKED,
    sqlite3.SQLITE_LOCKED: EnvKind.LOCKED,
    sqlite3.SQLITE_READONLY: EnvKind.READ_ONLY,
    sqlite3.SQLITE_PERM: EnvKind.READ_ONLY,
    sqlite3.SQLITE_FULL: EnvKind.DISK_FULL,
    sqlite3.SQLITE_CORRUPT: EnvKind.CORRUPT,
    sqlite3.SQLITE_NOTADB: EnvKind.CORRUPT,
    sqlite3.SQLITE_CANTOPEN: EnvKind.CANNOT_OPEN,
    sqlite3.SQLITE_IOERR: EnvKind.CANNOT_OPEN,
}

_BY_TEXT = [
    ("database is locked", EnvKind.LOCKED),
    ("readonly database", EnvKind.READ_ONLY),
    ("disk is full", EnvKind.DISK_FULL),
    ("disk image is malformed", EnvKind.CORRUPT),
    ("file is not a database", EnvKind.CORRUPT),
    ("unable to open database", EnvKind.CANNOT_OPEN),
    ("disk i/o error", EnvKind.CANNOT_OPEN),
]


class StorageEnvironmentError(Exception):
    """The storage cannot do its work because of the machine, not because of a bug."""

    def __init__(self, kind: EnvKind, path: str, **params: object) -> None:
        self.kind = kind
        self.path = path
        self.params = {"path": path, **params}
        super().__init__(f"{kind.value}: {self.render()}")

    @property
    def template(self) -> str:
        return ENV_MESSAGES[self.kind]

    def render(self, template: str | None = None) -> str:
        return (template or self.template).format(**self.params)


def classify(exc: BaseException) -> EnvKind | None:
    """The environment problem behind ``exc`` (also through peewee's wrapping), or None."""
    seen: BaseException | None = exc
    while seen is not None:
        if not isinstance(seen, sqlite3.Error | peewee.PeeweeException):
            seen = seen.__cause__ or seen.__context__
            continue
        code = getattr(seen, "sqlite_errorcode", None)
        if isinstance(code, int) and (code & 0xFF) in _BY_CODE:
            return _BY_CODE[code & 0xFF]
        text = str(seen).lower()
        for needle, kind in _BY_TEXT:
            if needle in text:
                return kind
        seen = seen.__cause__ or seen.__context__
    return None


@contextmanager
def environment_errors(path: str) -> Iterator[None]:
    """Re-raise environment problems as :class:`StorageEnvironmentError`; bugs pass through."""
    try:
        yield
    except StorageEnvironmentError:
        raise
    except Exception as exc:
        kind = classify(exc)
        if kind is None:
            raise
        raise StorageEnvironmentError(kind, path) from exc
