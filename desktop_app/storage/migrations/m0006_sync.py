"""Version 6: what the sync with the hub keeps on this PC.

``sync_conflict`` is synced (the hub writes conflicts, every PC of the store sees and resolves
them); ``sync_history`` (one row per sync pass) and ``export_outbox`` (the bytes of each export
file until the hub has them) stay on this PC.
"""

from __future__ import annotations

import sqlite3

from ..triggers import journal_triggers
from .m0001_initial import BASE

# Frozen: the synced tables added in version 6 and their columns, as released.
SYNCED_V6: dict[str, tuple[str, ...]] = {
    "sync_conflict": (
        "kind",
        "table_name",
        "row_id",
        "other_id",
        "detail",
        "status",
        "resolution",
        "resolved_by",
        "resolved_at",
    ),
}

TABLES = [
    f"""CREATE TABLE sync_conflict ({BASE},
      kind TEXT NOT NULL, table_name TEXT NOT NULL, row_id TEXT NOT NULL,
      other_id TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '{{}}',
      status TEXT NOT NULL DEFAULT 'open', resolution TEXT NOT NULL DEFAULT '',
      resolved_by TEXT, resolved_at TEXT)""",
    "CREATE INDEX sync_conflict_open ON sync_conflict (status, created_at)",
    "CREATE INDEX sync_conflict_row ON sync_conflict (table_name, row_id)",
    """CREATE TABLE sync_history (
      id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT,
      ok INTEGER NOT NULL DEFAULT 0, pushed INTEGER NOT NULL DEFAULT 0,
      pulled INTEGER NOT NULL DEFAULT 0, conflicts INTEGER NOT NULL DEFAULT 0,
      exports INTEGER NOT NULL DEFAULT 0, message TEXT NOT NULL DEFAULT '')""",
    """CREATE TABLE export_outbox (
      sha256 TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, day TEXT NOT NULL,
      file_name TEXT NOT NULL, content BLOB NOT NULL, created_at TEXT NOT NULL,
      delivered_at TEXT)""",
]


def apply(conn: sqlite3.Connection) -> None:
    for sql in TABLES:
        conn.execute(sql)
    for table, columns in SYNCED_V6.items():
        for sql in journal_triggers(table, columns):
            conn.execute(sql)
