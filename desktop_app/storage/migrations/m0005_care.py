"""Version 5: customer care — call attempts and outcomes of care tasks, complaints."""

from __future__ import annotations

import sqlite3

from ..triggers import journal_triggers
from .m0001_initial import BASE

# Frozen: the synced tables added in version 5 and their columns, as released.
SYNCED_V5: dict[str, tuple[str, ...]] = {
    "care_attempt": ("task_id", "at", "reached", "reason", "channel", "note", "actor"),
    "care_outcome": (
        "task_id",
        "at",
        "satisfaction",
        "grievances",
        "mileage_km",
        "service_type",
        "wants_appointment",
        "note",
        "complaint_id",
        "actor",
    ),
    "complaint": (
        "site_id",
        "number",
        "customer_id",
        "vehicle_id",
        "opened_at",
        "channel",
        "description",
        "severity",
        "status",
        "owner_id",
        "responded_at",
        "response",
        "escalated_to",
        "escalated_at",
        "resolution",
        "resolution_note",
        "resolved_at",
        "closed_at",
        "source_task_id",
    ),
}

TABLES = [
    f"""CREATE TABLE care_attempt ({BASE},
      task_id TEXT NOT NULL REFERENCES care_task (id), at TEXT NOT NULL,
      reached INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '',
      channel TEXT NOT NULL DEFAULT 'call', note TEXT NOT NULL DEFAULT '',
      actor TEXT REFERENCES staff (id))""",
    "CREATE INDEX care_attempt_task ON care_attempt (task_id, at)",
    f"""CREATE TABLE care_outcome ({BASE},
      task_id TEXT NOT NULL REFERENCES care_task (id), at TEXT NOT NULL,
      satisfaction TEXT NOT NULL DEFAULT '', grievances TEXT NOT NULL DEFAULT '[]',
      mileage_km INTEGER, service_type TEXT NOT NULL DEFAULT '',
      wants_appointment INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '',
      complaint_id TEXT, actor TEXT REFERENCES staff (id))""",
    "CREATE INDEX care_outcome_task ON care_outcome (task_id)",
    "CREATE INDEX care_outcome_at ON care_outcome (at)",
    f"""CREATE TABLE complaint ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id), number TEXT NOT NULL,
      customer_id TEXT REFERENCES customer (id), vehicle_id TEXT REFERENCES vehicle (id),
      opened_at TEXT NOT NULL, channel TEXT NOT NULL DEFAULT 'phone',
      description TEXT NOT NULL, severity TEXT NOT NULL DEFAULT 'normal',
      status TEXT NOT NULL DEFAULT 'open', owner_id TEXT REFERENCES staff (id),
      responded_at TEXT, response TEXT NOT NULL DEFAULT '',
      escalated_to TEXT REFERENCES staff (id), escalated_at TEXT,
      resolution TEXT NOT NULL DEFAULT '', resolution_note TEXT NOT NULL DEFAULT '',
      resolved_at TEXT, closed_at TEXT, source_task_id TEXT)""",
    "CREATE INDEX complaint_opened ON complaint (opened_at)",
    "CREATE INDEX complaint_status ON complaint (status)",
    # the worklist and the generator read care tasks by these
    "CREATE INDEX care_task_due ON care_task (status, due)",
    "CREATE INDEX care_task_vehicle ON care_task (vehicle_id, kind)",
    "CREATE INDEX care_task_customer ON care_task (customer_id, kind)",
    "CREATE INDEX repair_order_vehicle ON repair_order (vehicle_id, opened_at)",
    "CREATE INDEX repair_order_customer ON repair_order (customer_id, opened_at)",
    "CREATE INDEX repair_order_opened ON repair_order (opened_at)",
    "CREATE INDEX care_task_kind_due ON care_task (kind, due)",
    "CREATE INDEX delivery_delivered_at ON delivery (delivered_at)",
]


def apply(conn: sqlite3.Connection) -> None:
    for sql in TABLES:
        conn.execute(sql)
    for table, columns in SYNCED_V5.items():
        for sql in journal_triggers(table, columns):
            conn.execute(sql)
