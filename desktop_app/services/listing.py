"""``list KIND``: one record a line, its human-facing number first (tab-separated)."""

from __future__ import annotations

from collections.abc import Iterator

from ..storage.db import Database

QUERIES = {
    # customers: the mobile number is how the front desk finds and names a customer
    "customers": (
        "SELECT c.mobile, c.name, c.tier, c.city, COUNT(v.id), "
        "COALESCE(group_concat(NULLIF(v.plate, ''), ' '), '') "
        "FROM customer c LEFT JOIN vehicle v ON v.customer_id = c.id AND v.deleted_at IS NULL "
        "WHERE c.deleted_at IS NULL GROUP BY c.id ORDER BY c.created_at"
    ),
    "vehicles": (
        "SELECT v.vin, v.plate, COALESCE(m.brand || ' ' || m.series, ''), c.name, c.mobile "
        "FROM vehicle v LEFT JOIN vehicle_model m ON m.id = v.model_id "
        "LEFT JOIN customer c ON c.id = v.customer_id WHERE v.deleted_at IS NULL "
        "ORDER BY v.created_at"
    ),
}


def list_lines(db: Database, kind: str, limit: int = 0) -> Iterator[str]:
    sql = QUERIES[kind] + (f" LIMIT {int(limit)}" if limit > 0 else "")
    with db.reading():
        for row in db.raw.execute(sql):
            yield "\t".join("" if v is None else str(v) for v in row)
