"""Version 4: the price list (models' options, accessories, insurance covers, fees, vessel-tax
bands, promotions), quotes with versions, purchase contracts with the signed-freeze triggers."""

from __future__ import annotations

import sqlite3

from ..triggers import journal_triggers
from .m0001_initial import BASE

# Frozen: the synced tables added in version 4 and their columns, as released.
SYNCED_V4: dict[str, tuple[str, ...]] = {
    "price_item": (
        "kind",
        "code",
        "model_id",
        "name_zh",
        "name_en",
        "price_fen",
        "rate",
        "band_max",
        "valid_from",
        "valid_to",
        "active",
    ),
    "quote": (
        "site_id",
        "number",
        "version",
        "status",
        "customer_id",
        "customer_name",
        "phone",
        "sales_id",
        "model_id",
        "model_name",
        "vin",
        "colour",
        "nev",
        "quoted_on",
        "valid_until",
        "body",
        "total_fen",
        "extra_discount_fen",
        "approved_by",
        "approved_at",
        "approval_note",
        "sent_at",
        "accepted_at",
        "lost_reason",
    ),
    "contract": (
        "site_id",
        "number",
        "version",
        "original_id",
        "quote_id",
        "status",
        "customer_id",
        "sales_id",
        "buyer_name",
        "buyer_id_number",
        "buyer_phone",
        "buyer_address",
        "model_name",
        "colour",
        "vin",
        "engine_no",
        "total_fen",
        "deposit_fen",
        "delivery_date",
        "body",
        "content_hash",
        "pdf_hash",
        "signed_at",
        "signed_by",
        "void_reason",
        "voided_at",
        "voided_by",
    ),
}

# What may still change on a signed contract: the void itself (status, reason, when, who) and
# the row's bookkeeping. Everything else is the signed content.
_VOID_COLUMNS = ("status", "void_reason", "voided_at", "voided_by")
FROZEN_COLUMNS = tuple(c for c in SYNCED_V4["contract"] if c not in _VOID_COLUMNS) + (
    "id",
    "created_at",
    "deleted_at",
)

TABLES = [
    f"""CREATE TABLE price_item ({BASE},
      kind TEXT NOT NULL, code TEXT NOT NULL, model_id TEXT REFERENCES vehicle_model (id),
      name_zh TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '', price_fen INTEGER NOT NULL,
      rate TEXT NOT NULL DEFAULT '0', band_max INTEGER, valid_from TEXT, valid_to TEXT,
      active INTEGER NOT NULL DEFAULT 1)""",
    "CREATE INDEX price_item_kind ON price_item (kind, code)",
    "CREATE INDEX price_item_model ON price_item (model_id)",
    f"""CREATE TABLE quote ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id), number TEXT NOT NULL,
      version INTEGER NOT NULL, status TEXT NOT NULL,
      customer_id TEXT REFERENCES customer (id), customer_name TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '', sales_id TEXT REFERENCES staff (id),
      model_id TEXT REFERENCES vehicle_model (id), model_name TEXT NOT NULL DEFAULT '',
      vin TEXT NOT NULL DEFAULT '', colour TEXT NOT NULL DEFAULT '',
      nev INTEGER NOT NULL DEFAULT 0, quoted_on TEXT NOT NULL, valid_until TEXT NOT NULL,
      body TEXT NOT NULL, total_fen INTEGER NOT NULL, extra_discount_fen INTEGER NOT NULL,
      approved_by TEXT REFERENCES staff (id), approved_at TEXT,
      approval_note TEXT NOT NULL DEFAULT '', sent_at TEXT, accepted_at TEXT,
      lost_reason TEXT NOT NULL DEFAULT '')""",
    "CREATE UNIQUE INDEX quote_number ON quote (number, version)",
    "CREATE INDEX quote_customer ON quote (customer_id)",
    "CREATE INDEX quote_quoted ON quote (quoted_on)",
    f"""CREATE TABLE contract ({BASE},
      site_id TEXT NOT NULL REFERENCES site (id), number TEXT NOT NULL,
      version INTEGER NOT NULL, original_id TEXT REFERENCES contract (id),
      quote_id TEXT REFERENCES quote (id), status TEXT NOT NULL,
      customer_id TEXT REFERENCES customer (id), sales_id TEXT REFERENCES staff (id),
      buyer_name TEXT NOT NULL, buyer_id_number TEXT NOT NULL DEFAULT '',
      buyer_phone TEXT NOT NULL DEFAULT '', buyer_address TEXT NOT NULL DEFAULT '',
      model_name TEXT NOT NULL, colour TEXT NOT NULL DEFAULT '', vin TEXT NOT NULL DEFAULT '',
      engine_no TEXT NOT NULL DEFAULT '', total_fen INTEGER NOT NULL,
      deposit_fen INTEGER NOT NULL, delivery_date TEXT NOT NULL, body TEXT NOT NULL,
      content_hash TEXT NOT NULL DEFAULT '', pdf_hash TEXT NOT NULL DEFAULT '',
      signed_at TEXT, signed_by TEXT REFERENCES staff (id),
      void_reason TEXT NOT NULL DEFAULT '', voided_at TEXT,
      voided_by TEXT REFERENCES staff (id))""",
    "CREATE UNIQUE INDEX contract_number ON contract (number, version)",
    "CREATE INDEX contract_quote ON contract (quote_id)",
    "CREATE INDEX contract_customer ON contract (customer_id)",
]


def freeze_triggers() -> list[str]:
    """A signed contract refuses every update but its void, and any delete; a void contract
    refuses everything. The sync applies changes through the same table, so it is bound too."""
    unchanged = " AND ".join(f"OLD.{c} IS NEW.{c}" for c in FROZEN_COLUMNS)
    return [
        f"""CREATE TRIGGER contract_signed_frozen BEFORE UPDATE ON contract
        WHEN OLD.status != 'draft' AND NOT (
          OLD.status = 'signed' AND NEW.status = 'void' AND NEW.void_reason != ''
          AND NEW.voided_at IS NOT NULL AND {unchanged})
        BEGIN
          SELECT RAISE(ABORT, 'DD_FROZEN: a signed contract cannot be changed');
        END""",
        """CREATE TRIGGER contract_signed_undeletable BEFORE DELETE ON contract
        WHEN OLD.status != 'draft'
        BEGIN
          SELECT RAISE(ABORT, 'DD_FROZEN: a signed contract cannot be deleted');
        END""",
        # INSERT OR REPLACE would delete the signed row without firing the delete trigger
        """CREATE TRIGGER contract_signed_irreplaceable BEFORE INSERT ON contract
        WHEN EXISTS (SELECT 1 FROM contract WHERE id = NEW.id AND status != 'draft')
        BEGIN
          SELECT RAISE(ABORT, 'DD_FROZEN: a signed contract cannot be replaced');
        END""",
        # a contract inserted as signed (e.g. by the sync) must carry its hashes
        """CREATE TRIGGER contract_signed_complete BEFORE INSERT ON contract
        WHEN NEW.status = 'signed' AND (NEW.content_hash = '' OR NEW.signed_at IS NULL)
        BEGIN
          SELECT RAISE(ABORT, 'DD_FROZEN: a signed contract needs its content hash');
        END""",
    ]


def apply(conn: sqlite3.Connection) -> None:
    for sql in TABLES:
        conn.execute(sql)
    for table, columns in SYNCED_V4.items():
        for sql in journal_triggers(table, columns):
            conn.execute(sql)
    for sql in freeze_triggers():
        conn.execute(sql)
