"""``check``: is the database file healthy?"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..storage.db import open_database
from ..storage.migrations import SCHEMA_VERSION


@dataclass(frozen=True)
class Health:
    schema_version: int
    known_version: int
    integrity: list[str]

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and self.schema_version == self.known_version


def check(path: str | Path) -> Health:
    """Open read-only (never migrates or creates) and run ``PRAGMA integrity_check``."""
    db = open_database(path, read_only=True)
    try:
        return Health(db.schema_version(), SCHEMA_VERSION, db.integrity_check())
    finally:
        db.close()
