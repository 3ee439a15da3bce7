"""Version 2: workshop settings, labour catalogue, appointments with their history and
confirmation calls, technician absences, check-ins and repair orders."""

from __future__ import annotations

import sqlite3

from ..schema import journal_triggers
from .m0001_initial import BASE

# Frozen: the synced tables added in version 2 and their columns, as released.
SYNCED_V2: dict[str, tuple[str, ...]] = {
    "site_setting": ("site_id", "key", "value"),
    "labour_op": ("code", "name", "minutes", "category", "active"),
    "staff_absence": ("staff_id", "day", "reason"),
    "appointment": (
        "site_id", "serial", "start_at", "end_at", "customer_id", "vehicle_id", "bay_id",
        "technician_id", "advisor_id", "status", "transport", "labour_minutes", "work",
        "fault", "estimate_fen", "parts", "phone_record", "remarks", "override_reason",
        "override_by", "rescheduled_from", "customer_name", "phone", "plate", "model_name",
        "mileage_km", "last_visit",
    ),
    "appointment_event": (
        "appointment_id", "kind", "from_status", "to_status", "detail", "at", "actor",
    ),
    "appointment_call": ("appointment_id", "called_at", "outcome", "note", "actor"),
    "checkin": (
        "appointment_id", "mileage_km", "fuel_eighths", "warning_lights", "valuables",
        "damage", "concerns", "agreed_work", "estimate_fen", "promised_at",
        "walkaround_deferred", "covers_on",
    ),
    "repair_order": (
        "site_id", "number", "appointment_id", "customer_id", "vehicle_id", "advisor_id",
        "technician_id", "opened_at", "closed_at",
    ),
    "repair_line": (
        "repair_order_id", "kind", "code", "description", "quantity", "unit_price_fen",
        "minutes",
    ),
}

TABLES = [
    f"""CREATE TABLE site_setting ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id), key TEXT NOT NULL, value TEXT NOT NULL)""",
    "CREATE INDEX site_setting_key ON site_setting (site_id, key)",
    f"""CREATE TABLE labour_op ({BASE},
      code TEXT NOT NULL, name TEXT NOT NULL, minutes INTEGER NOT NULL CHECK (minutes > 0),
      category TEXT NOT NULL DEFAULT 'maintenance', active INTEGER NOT NULL DEFAULT 1)""",
    f"""CREATE TABLE staff_absence ({BASE},
      staff_id TEXT NOT NULL REFERENCES staff (id), day TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX staff_absence_day ON staff_absence (day)",
    f"""CREATE TABLE appointment ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id), serial TEXT NOT NULL,
      start_at TEXT NOT NULL, end_at TEXT NOT NULL CHECK (end_at > start_at),
      customer_id TEXT REFERENCES customer (id), vehicle_id TEXT REFERENCES vehicle (id),
      bay_id TEXT REFERENCES service_bay (id), technician_id TEXT REFERENCES staff (id),
      advisor_id TEXT REFERENCES staff (id), status TEXT NOT NULL, transport TEXT NOT NULL,
      labour_minutes INTEGER NOT NULL, work TEXT NOT NULL DEFAULT '[]',
      fault TEXT NOT NULL DEFAULT '', estimate_fen INTEGER NOT NULL DEFAULT 0,
      parts TEXT NOT NULL DEFAULT '', phone_record TEXT NOT NULL DEFAULT '',
      remarks TEXT NOT NULL DEFAULT '', override_reason TEXT NOT NULL DEFAULT '',
      override_by TEXT, rescheduled_from TEXT,
      customer_name TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
      plate TEXT NOT NULL DEFAULT '', model_name TEXT NOT NULL DEFAULT '',
      mileage_km INTEGER, last_visit TEXT)""",
    "CREATE INDEX appointment_start ON appointment (start_at)",
    "CREATE INDEX appointment_vehicle ON appointment (vehicle_id, start_at)",
    "CREATE INDEX appointment_serial ON appointment (serial)",
    f"""CREATE TABLE appointment_event ({BASE},
      appointment_id TEXT NOT NULL REFERENCES appointment (id), kind TEXT NOT NULL,
      from_status TEXT, to_status TEXT, detail TEXT NOT NULL DEFAULT '', at TEXT NOT NULL,
      actor TEXT)""",
    "CREATE INDEX appointment_event_appointment ON appointment_event (appointment_id)",
    f"""CREATE TABLE appointment_call ({BASE},
      appointment_id TEXT NOT NULL REFERENCES appointment (id), called_at TEXT NOT NULL,
      outcome TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', actor TEXT)""",
    "CREATE INDEX appointment_call_appointment ON appointment_call (appointment_id)",
    f"""CREATE TABLE checkin ({BASE},
      appointment_id TEXT NOT NULL REFERENCES appointment (id), mileage_km INTEGER NOT NULL,
      fuel_eighths INTEGER NOT NULL CHECK (fuel_eighths BETWEEN 0 AND 8),
      warning_lights TEXT NOT NULL DEFAULT '[]', valuables TEXT NOT NULL DEFAULT '',
      damage TEXT NOT NULL DEFAULT '[]', concerns TEXT NOT NULL DEFAULT '',
      agreed_work TEXT NOT NULL DEFAULT '', estimate_fen INTEGER NOT NULL DEFAULT 0,
      promised_at TEXT, walkaround_deferred INTEGER NOT NULL DEFAULT 0,
      covers_on INTEGER NOT NULL DEFAULT 1)""",
    "CREATE INDEX checkin_appointment ON checkin (appointment_id)",
    f"""CREATE TABLE repair_order ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id), number TEXT NOT NULL,
      appointment_id TEXT REFERENCES appointment (id), customer_id TEXT REFERENCES customer (id),
      vehicle_id TEXT REFERENCES vehicle (id), advisor_id TEXT REFERENCES staff (id),
      technician_id TEXT REFERENCES staff (id), opened_at TEXT NOT NULL, closed_at TEXT)""",
    "CREATE INDEX repair_order_appointment ON repair_order (appointment_id)",
    "CREATE INDEX repair_order_number ON repair_order (number)",
    f"""CREATE TABLE repair_line ({BASE},
      repair_order_id TEXT NOT NULL REFERENCES repair_order (id), kind TEXT NOT NULL
      CHECK (kind IN ('labour', 'part')), code TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL, quantity TEXT NOT NULL DEFAULT '1',
      unit_price_fen INTEGER NOT NULL DEFAULT 0, minutes INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX repair_line_order ON repair_line (repair_order_id)",
]


def apply(conn: sqlite3.Connection) -> None:
    for sql in TABLES:
        conn.execute(sql)
    for table, columns in SYNCED_V2.items():
        for sql in journal_triggers(table, columns):
            conn.execute(sql)
