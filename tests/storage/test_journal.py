"""Triggers journal every insert, update and delete of a synced table (schema.py)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

import pytest

from desktop_app.domain.clock import pack
from desktop_app.domain.customers import Customer, Vehicle
from desktop_app.domain.roles import Role
from desktop_app.storage.db import Database, open_database, utc_now_text
from desktop_app.storage.models import CustomerRow, VehicleRow
from desktop_app.storage.repositories import (
    CustomerRepository,
    SiteRepository,
    StaffRepository,
    VehicleRepository,
)

VIN = "LSVAB2BM9MN123456"


@dataclass
class Store:
    db: Database
    site_id: str
    actor: str
    other_actor: str
    customers: CustomerRepository
    vehicles: VehicleRepository


@dataclass(frozen=True)
class LogRow:
    seq: int
    table_name: str
    row_id: str
    op: str
    changed: list[str] | None
    hlc: int
    device_id: str
    actor: str | None


@pytest.fixture
def store(empty_db: Database) -> Store:
    site = SiteRepository(empty_db).create("SH01", "测试店")
    staff = StaffRepository(empty_db)
    actor = staff.create(site.id, "advisor1", "李静", [Role.SERVICE_ADVISOR], "x").id
    other = staff.create(site.id, "manager", "王建国", [Role.MANAGER], "x").id
    return Store(
        empty_db,
        site.id,
        actor,
        other,
        CustomerRepository(empty_db),
        VehicleRepository(empty_db),
    )


def journal(db: Database, after: int = 0) -> list[LogRow]:
    rows = db.raw.execute(
        "SELECT seq, table_name, row_id, op, changed, hlc, device_id, actor FROM change_log "
        "WHERE seq > ? ORDER BY seq",
        (after,),
    ).fetchall()
    return [LogRow(*r[:4], json.loads(r[4]) if r[4] else None, *r[5:]) for r in rows]


def last_seq(db: Database) -> int:
    return int(db.raw.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0])


def new_customer(store: Store, **extra: object) -> Customer:
    c = Customer(name="张伟", mobile="13812345678", **extra)  # type: ignore[arg-type]
    store.customers.save(c, store.site_id, store.actor)
    return c


def test_insert_writes_one_journal_row(store: Store) -> None:
    before = last_seq(store.db)
    c = new_customer(store)
    rows = journal(store.db, before)
    assert len(rows) == 1
    row = rows[0]
    assert (row.table_name, row.row_id, row.op, row.changed) == ("customer", c.id, "I", None)
    assert row.actor == store.actor
    assert row.device_id == store.db.device_id != ""


def test_update_lists_only_the_changed_columns(store: Store) -> None:
    c = new_customer(store)
    before = last_seq(store.db)
    c.mobile = "13900001111"
    store.customers.save(c, store.site_id, store.other_actor)
    c.name = "张伟伟"
    c.tags = ["VIP"]
    store.customers.save(c, store.site_id, store.actor)
    rows = journal(store.db, before)
    assert [(r.op, r.row_id) for r in rows] == [("U", c.id), ("U", c.id)]
    assert rows[0].changed == ["mobile"]
    assert rows[0].actor == store.other_actor
    assert sorted(rows[1].changed or []) == ["name", "tags"]
    assert rows[1].actor == store.actor


def test_update_that_changes_nothing_writes_no_row(store: Store) -> None:
    c = new_customer(store)
    before = last_seq(store.db)
    store.customers.save(c, store.site_id, store.other_actor)  # same values, new updated_at
    assert journal(store.db, before) == []


def test_soft_delete_is_an_update_of_deleted_at(store: Store) -> None:
    c = new_customer(store)
    before = last_seq(store.db)
    assert c.id is not None
    store.customers.soft_delete(c.id, store.other_actor)
    rows = journal(store.db, before)
    assert [(r.op, r.row_id, r.changed, r.actor) for r in rows] == [
        ("U", c.id, ["deleted_at"], store.other_actor)
    ]


def test_hard_delete_writes_a_delete_row(store: Store) -> None:
    c = new_customer(store)
    before = last_seq(store.db)
    with store.db.write():
        CustomerRow.delete().where(CustomerRow.id == c.id).execute()
    rows = journal(store.db, before)
    assert [(r.table_name, r.row_id, r.op, r.changed) for r in rows] == [
        ("customer", c.id, "D", None)
    ]
    assert rows[0].actor == store.actor  # the last one to touch the row
    assert rows[0].device_id == store.db.device_id


def test_vehicle_insert_update_and_delete_are_journaled(store: Store) -> None:
    owner = new_customer(store)
    before = last_seq(store.db)
    v = Vehicle(vin=VIN, customer_id=owner.id, plate="沪A12345")
    store.vehicles.save(v, store.actor)
    v.plate = "沪B54321"
    v.mileage_km = 12_000
    store.vehicles.save(v, store.other_actor)
    now = utc_now_text()
    with store.db.write():
        VehicleRow.update(deleted_at=now, updated_at=now, updated_by=store.actor).where(
            VehicleRow.id == v.id
        ).execute()
        VehicleRow.delete().where(VehicleRow.id == v.id).execute()
    rows = journal(store.db, before)
    assert [(r.table_name, r.row_id, r.op) for r in rows] == [
        ("vehicle", v.id, "I"),
        ("vehicle", v.id, "U"),
        ("vehicle", v.id, "U"),
        ("vehicle", v.id, "D"),
    ]
    assert sorted(rows[1].changed or []) == ["mileage_km", "plate"]
    assert rows[2].changed == ["deleted_at"]
    assert [r.actor for r in rows] == [store.actor, store.other_actor, store.actor, store.actor]


def test_hlc_increases_with_every_change(store: Store) -> None:
    before = last_seq(store.db)
    c = new_customer(store)
    for n in range(5):
        c.notes = f"call {n}"
        store.customers.save(c, store.site_id, store.actor)
    hlcs = [r.hlc for r in journal(store.db, before)]
    assert len(hlcs) == 6
    assert all(a < b for a, b in zip(hlcs, hlcs[1:], strict=False))
    assert hlcs[-1] <= store.db.clock.last


def test_journal_row_is_part_of_the_same_transaction(store: Store) -> None:
    before = last_seq(store.db)
    with pytest.raises(RuntimeError), store.db.write():
        c = new_customer(store)
        # inside the transaction the journal row is already there...
        assert [r.row_id for r in journal(store.db, before)] == [c.id]
        raise RuntimeError("the user cancelled")
    # ...and the rollback takes it away together with the customer
    assert journal(store.db, before) == []
    assert store.customers.get(str(c.id)) is None


def test_failed_statement_leaves_no_journal_row(store: Store) -> None:
    before = last_seq(store.db)
    with pytest.raises(Exception, match="FOREIGN KEY"):
        store.customers.save(
            Customer(name="李四", mobile="13912345678"), "no-such-site", store.actor
        )
    assert journal(store.db, before) == []


def test_without_capture_writes_nothing_to_the_journal(store: Store) -> None:
    before = last_seq(store.db)
    with store.db.without_capture():
        c = new_customer(store)
        c.mobile = "13900002222"
        store.customers.save(c, store.site_id, store.actor)
        assert c.id is not None
        store.customers.soft_delete(c.id, store.actor)
    assert journal(store.db, before) == []
    assert CustomerRow.get_by_id(c.id).mobile == "13900002222"
    # capture is back on afterwards
    new_customer(store)
    assert [r.op for r in journal(store.db, before)] == ["I"]


def test_clock_continues_after_the_journal_when_reopened(store: Store) -> None:
    future = pack(32_503_680_000_000, 5)  # year 3000: written by a PC whose clock was wrong
    with store.db.write():
        store.db.raw.execute(
            "INSERT INTO change_log (table_name, row_id, op, hlc, device_id, logged_at) "
            "VALUES ('site', 'x', 'U', ?, 'other-pc', 'now')",
            (future,),
        )
    path = store.db.path
    store.db.close()
    db = open_database(path)
    try:
        before = last_seq(db)
        CustomerRepository(db).save(
            Customer(name="王五", mobile="13700001234"), store.site_id, store.actor
        )
        (row,) = journal(db, before)
        assert row.hlc > future
        assert row.device_id == db.device_id == store.db.device_id
    finally:
        db.close()


def test_connection_without_our_functions_cannot_write_synced_tables(store: Store) -> None:
    c = new_customer(store)
    before = last_seq(store.db)
    conn = sqlite3.connect(store.db.path, isolation_level=None)
    try:
        assert conn.execute("SELECT name FROM customer WHERE id = ?", (c.id,)).fetchone() == (
            "张伟",
        )
        with pytest.raises(sqlite3.OperationalError, match=r"no such function: dd_\w+"):
            conn.execute(
                "INSERT INTO customer (id, created_at, updated_at, site_id, name, mobile) "
                "VALUES ('x', 'now', 'now', ?, '李四', '13912345678')",
                (store.site_id,),
            )
        with pytest.raises(sqlite3.OperationalError, match=r"no such function: dd_\w+"):
            conn.execute("UPDATE customer SET name = '改名' WHERE id = ?", (c.id,))
        with pytest.raises(sqlite3.OperationalError, match=r"no such function: dd_\w+"):
            conn.execute("DELETE FROM customer WHERE id = ?", (c.id,))
    finally:
        conn.close()
    assert journal(store.db, before) == []
    assert [(r.id, r.name) for r in CustomerRow.select()] == [(c.id, "张伟")]
