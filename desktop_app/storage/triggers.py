"""SQL that keeps the change journal and the customer search index (used by migrations).

Every synced table has the same bookkeeping columns. Triggers write one ``change_log`` row per
insert, update (with the names of the changed columns) or delete, in the same transaction as the
change, stamped with the hybrid logical clock (``dd_hlc()``) and this PC's device id
(``dd_device()``). Changes applied by the sync itself run with ``dd_capture()`` returning 0 so
they are not journaled again. The functions are registered on every connection by
:mod:`desktop_app.storage.db`; a connection without them cannot write to synced tables, which
is deliberate: no edit escapes the journal.
"""

from __future__ import annotations


def journal_triggers(table: str, columns: tuple[str, ...]) -> list[str]:
    """CREATE TRIGGER statements that journal inserts, updates and deletes of ``table``.

    Released migrations call this: changing what it generates needs a new migration that
    recreates the triggers.
    """
    watched = (*columns, "deleted_at")
    changed = " || ".join(
        f"CASE WHEN OLD.{c} IS NOT NEW.{c} THEN '\"{c}\",' ELSE '' END" for c in watched
    )
    any_changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in watched)
    insert_cols = "table_name, row_id, op, changed, hlc, device_id, actor, logged_at"
    return [
        f"""CREATE TRIGGER {table}_journal_insert AFTER INSERT ON {table}
        WHEN dd_capture() BEGIN
          INSERT INTO change_log ({insert_cols})
          VALUES ('{table}', NEW.id, 'I', NULL, dd_hlc(), dd_device(), NEW.updated_by,
                  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
        END""",
        f"""CREATE TRIGGER {table}_journal_update AFTER UPDATE ON {table}
        WHEN dd_capture() AND ({any_changed}) BEGIN
          INSERT INTO change_log ({insert_cols})
          VALUES ('{table}', NEW.id, 'U', '[' || rtrim({changed}, ',') || ']', dd_hlc(),
                  dd_device(), NEW.updated_by, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
        END""",
        f"""CREATE TRIGGER {table}_journal_delete AFTER DELETE ON {table}
        WHEN dd_capture() BEGIN
          INSERT INTO change_log ({insert_cols})
          VALUES ('{table}', OLD.id, 'D', NULL, dd_hlc(), dd_device(), OLD.updated_by,
                  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
        END""",
    ]


# The search document of a customer: name, phones, and every plate and VIN of their vehicles.
# Kept in an FTS5 trigram table keyed by the customer's rowid. The name is framed as ^name$ so
# that a two-character query becomes an indexable trigram: ^张伟 (starts with) or 小明$ (ends).
SEARCH_DOC_SQL = """
SELECT '^' || c.name || '$ ' || c.mobile || ' ' || c.phone2 || ' ' ||
       COALESCE((SELECT group_concat(v.plate || ' ' || v.vin, ' ') FROM vehicle v
                 WHERE v.customer_id = c.id AND v.deleted_at IS NULL), '')
FROM customer c WHERE c.rowid = {rowid}
"""


def search_triggers() -> list[str]:
    doc_of = SEARCH_DOC_SQL.format(rowid="{rowid}")
    refresh_customer = (
        "DELETE FROM customer_search WHERE rowid = {rowid};"
        " INSERT INTO customer_search (rowid, doc) SELECT {rowid}, ("
        + doc_of
        + ") WHERE (SELECT deleted_at FROM customer WHERE rowid = {rowid}) IS NULL;"
    )

    def for_customer(expr: str) -> str:
        return refresh_customer.replace("{rowid}", expr)

    owner = "(SELECT rowid FROM customer WHERE id = {side}.customer_id)"
    return [
        f"""CREATE TRIGGER customer_search_insert AFTER INSERT ON customer
        WHEN NOT dd_bulk() BEGIN {for_customer("NEW.rowid")} END""",
        f"""CREATE TRIGGER customer_search_update AFTER UPDATE OF name, mobile, phone2, deleted_at
        ON customer WHEN NOT dd_bulk() BEGIN {for_customer("NEW.rowid")} END""",
        """CREATE TRIGGER customer_search_delete AFTER DELETE ON customer
        BEGIN DELETE FROM customer_search WHERE rowid = OLD.rowid; END""",
        f"""CREATE TRIGGER vehicle_search_insert AFTER INSERT ON vehicle
        WHEN NOT dd_bulk() BEGIN {for_customer(owner.format(side="NEW"))} END""",
        f"""CREATE TRIGGER vehicle_search_update AFTER UPDATE OF plate, vin, customer_id, deleted_at
        ON vehicle WHEN NOT dd_bulk() BEGIN
          {for_customer(owner.format(side="OLD"))}
          {for_customer(owner.format(side="NEW"))}
        END""",
        f"""CREATE TRIGGER vehicle_search_delete AFTER DELETE ON vehicle
        WHEN NOT dd_bulk() BEGIN {for_customer(owner.format(side="OLD"))} END""",
    ]


REBUILD_SEARCH_SQL = [
    "DELETE FROM customer_search",
    "INSERT INTO customer_search (rowid, doc) SELECT c.rowid, "
    "'^' || c.name || '$ ' || c.mobile || ' ' || c.phone2 || ' ' || COALESCE(g.doc, '') "
    "FROM customer c LEFT JOIN ("
    "SELECT customer_id, group_concat(plate || ' ' || vin, ' ') AS doc FROM vehicle "
    "WHERE deleted_at IS NULL GROUP BY customer_id) g ON g.customer_id = c.id "
    "WHERE c.deleted_at IS NULL",
]
