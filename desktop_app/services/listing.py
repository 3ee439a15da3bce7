"""``list KIND``: one record a line, its human-facing number first (tab-separated)."""

from __future__ import annotations

import datetime as dt
import json
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

# appointments: serial, start–end, status, plate, customer, work (by start time)
APPOINTMENTS = (
    "SELECT serial, start_at, end_at, status, plate, customer_name, work, fault "
    "FROM appointment WHERE deleted_at IS NULL{day} ORDER BY start_at, serial"
)

# deliveries: record number, planned time, status, plate, customer, model (by planned time)
DELIVERIES = (
    "SELECT number, planned_at, status, plate, customer_name, model_name "
    "FROM delivery WHERE deleted_at IS NULL{day} ORDER BY planned_at, number"
)


def list_lines(
    db: Database, kind: str, limit: int = 0, day: dt.date | None = None
) -> Iterator[str]:
    """The lines of ``kind``; ``day`` narrows appointments and deliveries to one date (the
    others ignore it)."""
    if kind == "appointments":
        yield from _appointment_lines(db, limit, day)
        return
    if kind == "deliveries":
        yield from _delivery_lines(db, limit, day)
        return
    sql = QUERIES[kind] + (f" LIMIT {int(limit)}" if limit > 0 else "")
    with db.reading():
        for row in db.raw.execute(sql):
            yield "\t".join("" if v is None else str(v) for v in row)


def _appointment_lines(db: Database, limit: int, day: dt.date | None) -> Iterator[str]:
    sql = APPOINTMENTS.format(day=" AND start_at >= ? AND start_at < ?" if day else "")
    params: tuple[str, ...] = ()
    if day is not None:
        params = (day.isoformat(), (day + dt.timedelta(days=1)).isoformat())
    sql += f" LIMIT {int(limit)}" if limit > 0 else ""
    with db.reading():
        rows = db.raw.execute(sql, params).fetchall()
    for serial, start, end, status, plate, customer, work, fault in rows:
        names = [str(w.get("name", "")) for w in json.loads(work or "[]")]
        fields = [
            serial,
            f"{start}–{str(end)[-5:]}",
            status,
            plate,
            customer,
            "、".join(n for n in names if n) or fault,
        ]
        yield "\t".join(" ".join(str(f or "").split()) for f in fields)


def _delivery_lines(db: Database, limit: int, day: dt.date | None) -> Iterator[str]:
    sql = DELIVERIES.format(day=" AND planned_at >= ? AND planned_at < ?" if day else "")
    params: tuple[str, ...] = ()
    if day is not None:
        params = (day.isoformat(), (day + dt.timedelta(days=1)).isoformat())
    sql += f" LIMIT {int(limit)}" if limit > 0 else ""
    with db.reading():
        rows = db.raw.execute(sql, params).fetchall()
    for row in rows:
        yield "\t".join(" ".join(str(f or "").split()) for f in row)
