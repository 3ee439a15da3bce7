"""Schema version 2 (appointments) and the AppointmentRepository: migrating a version-1 file,
and rows ↔ domain objects for appointments, their history, calls, check-ins and repair orders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.appointments import (
    Appointment,
    CallOutcome,
    CheckIn,
    DamageMark,
    Status,
    Transport,
    WorkItem,
    WorkshopRules,
)
from desktop_app.storage.appointments import AppointmentRepository, Event, RepairLine
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.migrations import SCHEMA_VERSION, m0001_initial
from desktop_app.storage.migrations.m0002_appointments import SYNCED_V2
from desktop_app.storage.repositories import CustomerRepository

DAY = dt.date(2026, 11, 25)


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


# -- migrating a version-1 file ---------------------------------------------------------------

STAMP = "2026-01-05T08:00:00.000Z"


def version_1_file(path: Path) -> None:
    """A database as version 1 left it: only migration 1, one site and one customer."""
    conn = sqlite3.connect(path, isolation_level=None)
    clock = itertools.count(1)
    conn.create_function("dd_hlc", 0, lambda: next(clock))  # what db.py registers
    conn.create_function("dd_device", 0, lambda: "v1-device")
    conn.create_function("dd_capture", 0, lambda: 1)
    conn.create_function("dd_bulk", 0, lambda: 0)
    try:
        conn.execute("BEGIN IMMEDIATE")
        m0001_initial.apply(conn)
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO site (id, created_at, updated_at, code, name) VALUES (?, ?, ?, ?, ?)",
            ("site-1", STAMP, STAMP, "SH01", "上海浦东4S店"),
        )
        conn.execute(
            "INSERT INTO customer (id, created_at, updated_at, updated_by, site_id, name, mobile)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            ("cust-1", STAMP, STAMP, None, "site-1", "欧阳晓燕", "13912345678"),
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def objects(path: Path, names: set[str] | None = None) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        return {n: s for n, s in rows if names is None or n in names}
    finally:
        conn.close()


def test_a_version_1_database_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    version_1_file(path)
    before = objects(path)
    assert "appointment" not in before

    db = open_database(path)
    try:
        assert SCHEMA_VERSION >= 2
        assert db.schema_version() == SCHEMA_VERSION
        customer = CustomerRepository(db).get("cust-1")
        assert customer is not None
        assert (customer.name, customer.mobile) == ("欧阳晓燕", "13912345678")
        assert [h.id for h in CustomerRepository(db).search("欧阳晓燕")] == ["cust-1"]
        journal = db.raw.execute(
            "SELECT table_name, row_id, op, device_id FROM change_log ORDER BY seq"
        ).fetchall()
        assert [tuple(r) for r in journal] == [
            ("site", "site-1", "I", "v1-device"),
            ("customer", "cust-1", "I", "v1-device"),
        ]
        tables = {
            r[0] for r in db.raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        assert set(SYNCED_V2) <= tables
        triggers = {
            r[0] for r in db.raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        for table in SYNCED_V2:
            for op in ("insert", "update", "delete"):
                assert f"{table}_journal_{op}" in triggers
        # the new tables journal their writes like the old ones
        repo = AppointmentRepository(db)
        repo.add_labour_op("FS01", "首次保养", 60, "maintenance", None)
        assert db.raw.execute(
            "SELECT table_name, op FROM change_log ORDER BY seq DESC LIMIT 1"
        ).fetchone() == ("labour_op", "I")
        assert repo.rules("site-1") == WorkshopRules()  # no setting yet: the defaults
    finally:
        db.close()

    after = objects(path)
    for name, sql in before.items():  # version-1 objects are untouched
        assert after[name] == sql
    fresh = tmp_path / "fresh.sqlite"
    open_database(fresh).close()
    assert after == objects(fresh)  # the same schema as a file created at this version


def test_migrating_twice_does_nothing_more(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    version_1_file(path)
    open_database(path).close()
    first = objects(path)
    db = open_database(path)
    try:
        assert db.schema_version() == SCHEMA_VERSION
    finally:
        db.close()
    assert objects(path) == first


# -- appointments -----------------------------------------------------------------------------


def ids(db: Database) -> dict[str, str]:
    """Ids the demo database holds: site, a customer with a vehicle, a bay, staff."""
    row = db.raw.execute(
        "SELECT c.id, v.id FROM customer c JOIN vehicle v ON v.customer_id = c.id "
        "ORDER BY c.rowid LIMIT 1"
    ).fetchone()
    staff = dict(db.raw.execute("SELECT username, id FROM staff").fetchall())
    bay = db.raw.execute("SELECT id FROM service_bay WHERE code = 'B02'").fetchone()[0]
    return {
        "site": db.meta("site_id") or "",
        "customer": row[0],
        "vehicle": row[1],
        "bay": bay,
        "tech": staff["tech2"],
        "advisor": staff["advisor1"],
        "manager": staff["manager"],
    }


def sample(known: dict[str, str], **extra: object) -> Appointment:
    values: dict[str, object] = {
        "serial": "2026-11-25-001",
        "start": at(9, 15),
        "end": at(11),
        "status": Status.CONFIRMED,
        "transport": Transport.WAITER,
        "work": [WorkItem("1万公里保养", 90, "MS10"), WorkItem("检查“异响”：左前轮", 15)],
        "customer_id": known["customer"],
        "vehicle_id": known["vehicle"],
        "bay_id": known["bay"],
        "technician_id": known["tech"],
        "advisor_id": known["advisor"],
        "fault": "冷启动时有异响，右转时更明显",
        "estimate": Decimal("1234.56"),
        "parts": "机油 4L\n机油滤清器（原厂）",
        "phone_record": "客户来电预约；11/24 已确认",
        "remarks": "客户需要代步车 🚗",
        "override_reason": "经理同意加塞",
        "rescheduled_from": "earlier-appointment",
        "customer_name": "欧阳晓燕",
        "phone": "13912345678",
        "plate": "沪A·D12345",
        "model_name": "比亚迪 汉 EV",
        "mileage_km": 48_213,
        "last_visit": dt.date(2026, 5, 21),
    }
    values.update(extra)
    return Appointment(**values)  # type: ignore[arg-type]


def insert(db: Database, a: Appointment, site: str, actor: str | None = None) -> str:
    with db.write():
        return AppointmentRepository(db).insert(a, site, actor)


def test_an_appointment_round_trips(db: Database) -> None:
    known = ids(db)
    repo = AppointmentRepository(db)
    original = sample(known)
    appointment_id = insert(db, original, known["site"], known["advisor"])
    assert original.id == appointment_id
    got = repo.get(appointment_id)
    assert got is not None
    names = dict(
        db.raw.execute(
            "SELECT id, full_name FROM staff WHERE id IN (?, ?)", (known["tech"], known["advisor"])
        ).fetchall()
    )
    expected = dataclasses.replace(
        original,
        bay_name="机修工位 2",
        technician_name=names[known["tech"]],
        advisor_name=names[known["advisor"]],
    )
    assert got == expected
    assert isinstance(got.estimate, Decimal) and got.estimate == Decimal("1234.56")
    assert isinstance(got.last_visit, dt.date)
    assert got.work[1] == WorkItem("检查“异响”：左前轮", 15, "")
    assert repo.by_serial("2026-11-25-001") == got
    assert repo.between(at(0), at(0, 0, DAY + dt.timedelta(days=1))) == [got]
    stored = db.raw.execute(
        "SELECT estimate_fen, labour_minutes, start_at, end_at, last_visit, site_id, updated_by "
        "FROM appointment WHERE id = ?",
        (appointment_id,),
    ).fetchone()
    assert tuple(stored) == (
        123456,
        105,
        "2026-11-25 09:15",
        "2026-11-25 11:00",
        "2026-05-21",
        known["site"],
        known["advisor"],
    )


def test_an_appointment_without_optional_fields_round_trips(db: Database) -> None:
    known = ids(db)
    bare = Appointment(
        serial="2026-11-25-002",
        start=at(14),
        end=at(14, 15),
        status=Status.BOOKED,
        transport=Transport.DROP_OFF,
        work=[],
        fault="更换雨刮片",
    )
    appointment_id = insert(db, bare, known["site"])
    got = AppointmentRepository(db).get(appointment_id)
    assert got == bare
    assert got is not None and got.mileage_km is None and got.last_visit is None


def test_estimate_reads_back_to_the_fen(db: Database) -> None:
    """Money is Decimal to the fen everywhere (domain.md §3): ¥280.00, not ¥280."""
    known = ids(db)
    appointment_id = insert(db, sample(known, estimate=Decimal("280.00")), known["site"])
    got = AppointmentRepository(db).get(appointment_id)
    assert got is not None
    assert got.estimate == Decimal("280.00")
    assert str(got.estimate) == "280.00"


def test_update_saves_every_field_and_stamps_who(db: Database) -> None:
    known = ids(db)
    repo = AppointmentRepository(db)
    a = sample(known)
    appointment_id = insert(db, a, known["site"], known["advisor"])
    changed = dataclasses.replace(
        a,
        start=at(13),
        end=at(14, 45),
        status=Status.ARRIVED,
        bay_id=None,
        remarks="改到下午",
        estimate=Decimal("99.99"),
    )
    with db.write():
        repo.update(changed, known["manager"], override_by=known["manager"])
    got = repo.get(appointment_id)
    assert got is not None
    assert (got.start, got.end, got.status, got.bay_id, got.bay_name) == (
        at(13),
        at(14, 45),
        Status.ARRIVED,
        None,
        "",
    )
    assert (got.remarks, got.estimate) == ("改到下午", Decimal("99.99"))
    row = db.raw.execute(
        "SELECT updated_by, override_by FROM appointment WHERE id = ?", (appointment_id,)
    ).fetchone()
    assert tuple(row) == (known["manager"], known["manager"])


def test_between_is_half_open_ordered_and_skips_deleted_rows(db: Database) -> None:
    known = ids(db)
    repo = AppointmentRepository(db)
    made = {}
    for serial, start in [("003", at(10)), ("001", at(8, 30)), ("002", at(10)), ("004", at(12))]:
        a = sample(
            known, serial=f"2026-11-25-{serial}", start=start, end=start + dt.timedelta(hours=1)
        )
        made[serial] = insert(db, a, known["site"])
    with db.write():
        db.raw.execute("UPDATE appointment SET deleted_at = ? WHERE id = ?", (STAMP, made["004"]))
    got = repo.between(at(8, 30), at(12))
    assert [a.serial[-3:] for a in got] == ["001", "002", "003"]
    assert repo.between(at(8, 31), at(10)) == []
    assert repo.get(made["004"]) is None


def test_next_number_counts_the_days_serials(db: Database) -> None:
    known = ids(db)
    repo = AppointmentRepository(db)
    assert repo.next_number(DAY) == 1
    insert(db, sample(known, serial="2026-11-25-001"), known["site"])
    insert(db, sample(known, serial="2026-11-25-007"), known["site"])
    insert(db, sample(known, serial="2026-11-26-041"), known["site"])
    assert repo.next_number(DAY) == 8
    assert repo.next_number(DAY + dt.timedelta(days=1)) == 42
    assert repo.next_number(DAY + dt.timedelta(days=2)) == 1


# -- history, calls, check-in, repair order ---------------------------------------------------


def test_events_round_trip_in_order_with_the_actors_name(db: Database) -> None:
    known = ids(db)
    repo = AppointmentRepository(db)
    appointment_id = insert(db, sample(known), known["site"])
    with db.write():
        repo.add_event(appointment_id, "created", known["advisor"], to_status="booked")
        repo.add_event(
            appointment_id, "status", known["advisor"], from_status="booked", to_status="confirmed"
        )
        repo.add_event(appointment_id, "override", known["manager"], detail="经理同意加塞")
        repo.add_event(appointment_id, "moved", None, detail="09:15 → 13:00")
    names = dict(db.raw.execute("SELECT id, full_name FROM staff").fetchall())
    got = repo.events(appointment_id)
    assert all(isinstance(e, Event) and e.at.endswith("Z") for e in got)
    assert [(e.kind, e.from_status, e.to_status, e.detail, e.actor_name) for e in got] == [
        ("created", None, "booked", "", names[known["advisor"]]),
        ("status", "booked", "confirmed", "", names[known["advisor"]]),
        ("override", None, None, "经理同意加塞", names[known["manager"]]),
        ("moved", None, None, "09:15 → 13:00", ""),
    ]
    assert repo.events("no-such-appointment") == []


def test_calls_round_trip_grouped_by_appointment(db: Database) -> None:
    known = ids(db)
    repo = AppointmentRepository(db)
    first = insert(db, sample(known), known["site"])
    second = insert(db, sample(known, serial="2026-11-25-002"), known["site"])
    quiet = insert(db, sample(known, serial="2026-11-25-003"), known["site"])
    with db.write():
        repo.add_call(first, at(14, 5, DAY - dt.timedelta(days=1)), CallOutcome.BUSY, "", None)
        repo.add_call(
            first, at(9, 5, DAY - dt.timedelta(days=1)), CallOutcome.NO_ANSWER, "关机", None
        )
        repo.add_call(
            second, at(10, 0, DAY - dt.timedelta(days=1)), CallOutcome.CONFIRMED, "准时到", None
        )
    got = repo.calls([first, second, quiet])
    assert set(got) == {first, second, quiet}
    assert [(c.called_at, c.outcome, c.note) for c in got[first]] == [
        (at(9, 5, DAY - dt.timedelta(days=1)), CallOutcome.NO_ANSWER, "关机"),
        (at(14, 5, DAY - dt.timedelta(days=1)), CallOutcome.BUSY, ""),
    ]
    assert [c.outcome for c in got[second]] == [CallOutcome.CONFIRMED]
    assert got[quiet] == []
    assert repo.calls([]) == {}


def test_a_check_in_round_trips(db: Database) -> None:
    known = ids(db)
    repo = AppointmentRepository(db)
    appointment_id = insert(db, sample(known), known["site"])
    assert repo.checkin(appointment_id) is None
    checkin = CheckIn(
        mileage_km=48_999,
        fuel_eighths=3,
        warning_lights=["engine", "tyre"],
        valuables="行车记录仪、儿童座椅",
        damage=[DamageMark(0.25, 0.5, "scratch", "左前门划痕"), DamageMark(0.8, 0.1, "dent")],
        concerns="冷启动时有异响",
        agreed_work="1万公里保养、四轮定位",
        estimate=Decimal("1680.50"),
        promised_at=at(16, 30),
        walkaround_deferred=True,
        covers_on=False,
    )
    with db.write():
        repo.save_checkin(appointment_id, checkin, known["advisor"])
    assert repo.checkin(appointment_id) == checkin
    minimal = CheckIn(mileage_km=10, fuel_eighths=8)
    other = insert(db, sample(known, serial="2026-11-25-002"), known["site"])
    with db.write():
        repo.save_checkin(other, minimal, None)
    assert repo.checkin(other) == minimal


def test_a_repair_order_round_trips_and_closes(db: Database) -> None:
    known = ids(db)
    repo = AppointmentRepository(db)
    a = sample(known)
    appointment_id = insert(db, a, known["site"])
    assert repo.repair_order(appointment_id) is None
    lines = [
        RepairLine("labour", "MS10", "1万公里保养", Decimal("1.5"), Decimal("280.00"), 90),
        RepairLine("labour", "", "检查异响", Decimal("0.25"), Decimal("280.00"), 15),
        RepairLine("part", "", "机油 4L", Decimal(1), Decimal("0.00"), 0),
        RepairLine("part", "90915-YZZD1", "机油滤清器（原厂）", Decimal(2), Decimal("45.50"), 0),
    ]
    number = repo.next_repair_number(DAY)
    assert number == "RO20261125-001"
    with db.write():
        order_id = repo.create_repair_order(a, known["site"], number, lines, known["advisor"])
    order = repo.repair_order(appointment_id)
    assert order is not None
    assert (order.id, order.number, order.appointment_id, order.technician_id) == (
        order_id,
        number,
        appointment_id,
        known["tech"],
    )
    assert order.lines == lines
    assert order.total == Decimal("581.00")  # 420 + 70 + 0 + 91
    assert order.closed_at is None and order.opened_at.endswith("Z")
    assert repo.next_repair_number(DAY) == "RO20261125-002"
    with db.write():
        repo.close_repair_order(appointment_id, known["advisor"])
    closed = repo.repair_order(appointment_id)
    assert closed is not None and closed.closed_at is not None
    with db.write():  # closing again keeps the first time
        repo.close_repair_order(appointment_id, known["advisor"])
    again = repo.repair_order(appointment_id)
    assert again is not None and again.closed_at == closed.closed_at


@pytest.mark.parametrize("table", sorted(SYNCED_V2))
def test_repository_writes_are_journaled(db: Database, table: str) -> None:
    """Every row the appointment workflow writes leaves a change_log row (demo data included)."""
    rows = db.raw.execute(f"SELECT id FROM {table}").fetchall()
    logged = {
        r[0]
        for r in db.raw.execute(
            "SELECT row_id FROM change_log WHERE table_name = ? AND op = 'I'", (table,)
        )
    }
    assert {r[0] for r in rows} <= logged


def test_labour_catalogue_and_rules_of_the_demo(db: Database) -> None:
    repo = AppointmentRepository(db)
    ops = repo.labour_ops()
    assert [o.code for o in ops] == sorted(o.code for o in ops)
    first = next(o for o in ops if o.code == "FS01")
    assert (first.name, first.hours, first.category) == ("首次保养", Decimal(1), "maintenance")
    assert next(o for o in ops if o.code == "MS10").hours == Decimal("1.5")
    assert repo.rules(db.meta("site_id") or "") == WorkshopRules()
