"""Ordered schema migrations; the schema version lives in the file as ``PRAGMA user_version``.

Each migration is a function that takes the raw DB-API connection inside an open transaction.
Migrations are frozen once released: never edit one, add the next. Every migration is tested
from a database made by the version before it (tests/storage/test_migrations.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from . import (
    m0001_initial,
    m0002_appointments,
    m0003_deliveries,
    m0004_quotes,
    m0005_care,
    m0006_sync,
)

Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: list[tuple[int, Migration]] = [
    (1, m0001_initial.apply),
    (2, m0002_appointments.apply),
    (3, m0003_deliveries.apply),
    (4, m0004_quotes.apply),
    (5, m0005_care.apply),
    (6, m0006_sync.apply),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
