"""Version 1: sites, staff, the model catalogue, bays, customers, vehicles, journal, search."""

from __future__ import annotations

import sqlite3

from ..triggers import journal_triggers, search_triggers

# Frozen: the synced tables of version 1 and their columns, as released.
SYNCED_V1: dict[str, tuple[str, ...]] = {
    "site": ("code", "name", "licence_no", "address", "phone", "city"),
    "staff": ("site_id", "username", "full_name", "roles", "password_hash", "phone", "active"),
    "vehicle_model": (
        "brand",
        "series",
        "trim",
        "model_year",
        "guide_price_fen",
        "fuel_type",
        "seats",
        "engine_cc",
        "warranty_months",
        "warranty_km",
        "first_service_months",
        "first_service_km",
    ),
    "service_bay": ("site_id", "code", "name", "kind", "active"),
    "customer": (
        "site_id",
        "name",
        "mobile",
        "phone2",
        "id_number",
        "birthday",
        "address",
        "city",
        "locality",
        "tier",
        "tags",
        "notes",
    ),
    "customer_dnc": ("customer_id", "task", "reason"),
    "vehicle": (
        "customer_id",
        "vin",
        "plate",
        "model_id",
        "colour",
        "engine_no",
        "mileage_km",
        "sale_date",
        "warranty_end",
        "insurance_expiry",
        "last_visit",
    ),
}

BASE = """
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  deleted_at TEXT"""

TABLES = [
    """CREATE TABLE local_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)""",
    """CREATE TABLE change_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('I', 'U', 'D')),
      changed TEXT,
      hlc INTEGER NOT NULL,
      device_id TEXT NOT NULL,
      actor TEXT,
      logged_at TEXT NOT NULL,
      pushed_at TEXT)""",
    "CREATE INDEX change_log_row ON change_log (table_name, row_id)",
    "CREATE INDEX change_log_unpushed ON change_log (seq) WHERE pushed_at IS NULL",
    f"""CREATE TABLE site ({BASE},
      code TEXT NOT NULL, name TEXT NOT NULL, licence_no TEXT NOT NULL DEFAULT '',
      address TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
      city TEXT NOT NULL DEFAULT '')""",
    f"""CREATE TABLE staff ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id),
      username TEXT NOT NULL, full_name TEXT NOT NULL, roles TEXT NOT NULL,
      password_hash TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',
      active INTEGER NOT NULL DEFAULT 1)""",
    "CREATE UNIQUE INDEX staff_username ON staff (username)",
    f"""CREATE TABLE vehicle_model ({BASE},
      brand TEXT NOT NULL, series TEXT NOT NULL, trim TEXT NOT NULL, model_year INTEGER,
      guide_price_fen INTEGER NOT NULL, fuel_type TEXT NOT NULL, seats INTEGER NOT NULL,
      engine_cc INTEGER, warranty_months INTEGER NOT NULL, warranty_km INTEGER NOT NULL,
      first_service_months INTEGER NOT NULL, first_service_km INTEGER NOT NULL)""",
    f"""CREATE TABLE service_bay ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id), code TEXT NOT NULL, name TEXT NOT NULL,
      kind TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1)""",
    f"""CREATE TABLE customer ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id),
      name TEXT NOT NULL, mobile TEXT NOT NULL, phone2 TEXT NOT NULL DEFAULT '',
      id_number TEXT NOT NULL DEFAULT '', birthday TEXT, address TEXT NOT NULL DEFAULT '',
      city TEXT NOT NULL DEFAULT '', locality TEXT NOT NULL DEFAULT 'local',
      tier TEXT NOT NULL DEFAULT 'potential', tags TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '')""",
    "CREATE INDEX customer_mobile ON customer (mobile)",
    "CREATE INDEX customer_phone2 ON customer (phone2) WHERE phone2 != ''",
    "CREATE INDEX customer_name ON customer (name)",
    "CREATE INDEX customer_updated ON customer (updated_at)",
    f"""CREATE TABLE customer_dnc ({BASE},
      customer_id TEXT NOT NULL REFERENCES customer (id), task TEXT NOT NULL,
      reason TEXT NOT NULL)""",
    "CREATE INDEX customer_dnc_customer ON customer_dnc (customer_id)",
    f"""CREATE TABLE vehicle ({BASE},
      customer_id TEXT REFERENCES customer (id), vin TEXT NOT NULL,
      plate TEXT NOT NULL DEFAULT '', model_id TEXT REFERENCES vehicle_model (id),
      colour TEXT NOT NULL DEFAULT '', engine_no TEXT NOT NULL DEFAULT '',
      mileage_km INTEGER NOT NULL DEFAULT 0, sale_date TEXT, warranty_end TEXT,
      insurance_expiry TEXT, last_visit TEXT)""",
    "CREATE INDEX vehicle_vin ON vehicle (vin)",
    "CREATE INDEX vehicle_plate ON vehicle (plate)",
    "CREATE INDEX vehicle_customer ON vehicle (customer_id)",
    "CREATE VIRTUAL TABLE customer_search USING fts5 (doc, tokenize = 'trigram', detail = 'none')",
]


def apply(conn: sqlite3.Connection) -> None:
    for sql in TABLES:
        conn.execute(sql)
    for table, columns in SYNCED_V1.items():
        for sql in journal_triggers(table, columns):
            conn.execute(sql)
    for sql in search_triggers():
        conn.execute(sql)
