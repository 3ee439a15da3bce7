"""Schema version 5 (customer care: call attempts and outcomes, complaints, the worklist's
indexes): a version-4 file upgrades in place, keeps its data and journal — the care tasks its
deliveries made included — gets the new tables with their journal triggers, and then works: the
old task is called, answered and closed, a complaint is logged, generation adds to the list.
The repository reads back what it wrote, Chinese texts and several grievances included."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from desktop_app.domain.care import (
    Attempt,
    CareKind,
    Grievance,
    Outcome,
    Satisfaction,
    ServiceType,
    TaskStatus,
    Unreached,
)
from desktop_app.services.auth import hash_password
from desktop_app.services.care import CareService
from desktop_app.storage.care import CareRepository
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from desktop_app.storage.migrations.m0005_care import SYNCED_V5
from tests.conftest import session_as

NOW = "2026-11-20T01:02:03.456Z"
DEVICE = "0190a5c2-7d3e-7abc-8def-0123456789ab"
V5_TABLES = set(SYNCED_V5)
V5_INDEXES = {
    "care_attempt_task",
    "care_outcome_task",
    "care_outcome_at",
    "complaint_opened",
    "complaint_status",
    "care_task_due",
    "care_task_vehicle",
    "care_task_customer",
    "repair_order_vehicle",
}
TODAY = dt.date(2026, 11, 20)


def build_v4(path: Path) -> None:
    """A file as version 4 of DealerDesk left it: a site, a care agent, a customer with a car,
    the follow-up tasks of its delivery and a closed repair order."""
    db = Database(path)  # registers the journal functions; does not migrate
    try:
        raw = db.raw
        for target, migration in MIGRATIONS:
            if target > 4:
                break
            with db.db.atomic("IMMEDIATE"):
                migration(raw)
                raw.execute(f"PRAGMA user_version = {int(target)}")
        db.device_id = DEVICE
        with db.db.atomic():
            raw.execute("INSERT INTO local_meta (key, value) VALUES ('device_id', ?)", (DEVICE,))
            raw.execute("INSERT INTO local_meta (key, value) VALUES ('site_id', 'site-1')")
            raw.execute(
                "INSERT INTO site (id, created_at, updated_at, code, name) "
                "VALUES ('site-1', ?, ?, 'SH001', '上海浦东店')",
                (NOW, NOW),
            )
            raw.execute(
                "INSERT INTO staff (id, created_at, updated_at, site_id, username, full_name, "
                "roles, password_hash) VALUES ('staff-c', ?, ?, 'site-1', 'care1', '罗丹丹', "
                "'customer_care', ?)",
                (NOW, NOW, hash_password("secret")),
            )
            raw.execute(
                "INSERT INTO customer (id, created_at, updated_at, updated_by, site_id, name, "
                "mobile, birthday) VALUES ('cust-1', ?, ?, 'staff-c', 'site-1', '诸葛亮', "
                "'13900001111', '1988-11-25')",
                (NOW, NOW),
            )
            raw.execute(
                "INSERT INTO vehicle (id, created_at, updated_at, updated_by, customer_id, vin, "
                "plate, mileage_km, sale_date, last_visit) VALUES ('car-1', ?, ?, 'staff-c', "
                "'cust-1', 'LSVAB2BM9MN123456', '沪A12345', 3000, '2026-08-31', '2026-11-10')",
                (NOW, NOW),
            )
            for task_id, kind, due, opens in (
                ("t-1", "first_maintenance", "2026-11-30", "2026-10-31"),
                ("t-2", "delivery_callback", "2026-09-30", "2026-09-30"),
            ):
                raw.execute(
                    "INSERT INTO care_task (id, created_at, updated_at, updated_by, site_id, "
                    "kind, customer_id, vehicle_id, source, source_id, due, opens) VALUES "
                    "(?, ?, ?, 'staff-c', 'site-1', ?, 'cust-1', 'car-1', 'delivery', 'd-1', ?, ?)",
                    (task_id, NOW, NOW, kind, due, opens),
                )
            raw.execute(
                "INSERT INTO repair_order (id, created_at, updated_at, updated_by, site_id, "
                "number, customer_id, vehicle_id, opened_at, closed_at) VALUES ('ro-1', ?, ?, "
                "'staff-c', 'site-1', 'RO20261110-001', 'cust-1', 'car-1', "
                "'2026-11-10T01:00:00.000Z', '2026-11-10T06:00:00.000Z')",
                (NOW, NOW),
            )
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 4
    finally:
        db.close()


def names(conn: sqlite3.Connection, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_a_version_4_file_upgrades_to_5_keeps_its_data_and_works(tmp_path: Path) -> None:
    path = tmp_path / "v4.sqlite"
    build_v4(path)
    conn = sqlite3.connect(path)
    try:
        assert not names(conn, "table") & V5_TABLES
        journal_before = conn.execute("SELECT * FROM change_log ORDER BY seq").fetchall()
        rows_before = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("site", "staff", "customer", "vehicle", "care_task", "repair_order")
        }
    finally:
        conn.close()
    assert len(journal_before) == 7  # site, staff, customer, vehicle, 2 tasks, the order

    db = open_database(path)
    try:
        assert SCHEMA_VERSION >= 5
        assert db.schema_version() == SCHEMA_VERSION
        assert db.device_id == DEVICE
        raw = db.raw
        assert V5_TABLES <= names(raw, "table")
        assert V5_INDEXES <= names(raw, "index")
        triggers = names(raw, "trigger")
        for table in V5_TABLES:
            for op in ("insert", "update", "delete"):
                assert f"{table}_journal_{op}" in triggers
        for table, before in rows_before.items():
            assert raw.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() == before
        assert raw.execute("SELECT * FROM change_log ORDER BY seq").fetchall() == journal_before

        # the upgraded file works: the delivery's task is called, answered and closed
        care = CareService(db, session_as(db, "care1"), now=lambda: dt.datetime(2026, 11, 20, 11))
        listed = care.worklist(TODAY)
        assert [(i.id, i.kind, i.customer_name, i.plate) for i in listed] == [
            ("t-2", CareKind.DELIVERY_CALLBACK, "诸葛亮", "沪A12345"),
            ("t-1", CareKind.FIRST_MAINTENANCE, "诸葛亮", "沪A12345"),
        ]
        care.record_unreached("t-1", Unreached.NO_ANSWER, "", dt.datetime(2026, 11, 20, 9, 30))
        result = care.record_outcome(
            "t-1",
            Outcome(mileage_km=4_100, service_type=ServiceType.MAINTENANCE, wants_appointment=True),
            dt.datetime(2026, 11, 20, 14, 5),
        )
        assert (result.booking_customer_id, result.booking_vehicle_id) == ("cust-1", "car-1")
        assert care.task("t-1").status is TaskStatus.DONE
        complaint = care.open_complaint("cust-1", "car-1", "交车时车内有烟味", "phone")
        assert complaint.number == "TS20261120-001"
        # generation adds the birthday and the satisfaction call, not the delivery's first
        # maintenance again
        care.generate(TODAY)
        kinds = sorted(i.kind.value for i in care.worklist(TODAY + dt.timedelta(days=5)))
        assert kinds == ["birthday", "delivery_callback", "satisfaction"]
        logged = {
            r[0]
            for r in raw.execute(
                "SELECT DISTINCT table_name FROM change_log WHERE device_id = ?", (DEVICE,)
            )
        }
        assert {"care_attempt", "care_outcome", "complaint", "care_task", "vehicle"} <= logged
    finally:
        db.close()

    again = open_database(path)  # opening again migrates nothing
    try:
        assert again.schema_version() == SCHEMA_VERSION
        assert again.raw.execute("SELECT count(*) FROM care_attempt").fetchone()[0] == 2
    finally:
        again.close()


def test_attempts_and_outcomes_round_trip(db: Database) -> None:
    repo = CareRepository(db)
    task = db.raw.execute(
        "SELECT id FROM care_task WHERE status = 'open' ORDER BY due LIMIT 1"
    ).fetchone()[0]
    before = len(repo.attempts(task))
    actor = session_as(db, "care1").staff.id
    called = dt.datetime(2026, 11, 21, 18, 45)
    outcome = Outcome(
        satisfaction=Satisfaction.COMPLAINT,
        grievances=frozenset({Grievance.ATTITUDE, Grievance.PARTS, Grievance.OTHER}),
        mileage_km=45_678,
        service_type=ServiceType.REPAIR,
        wants_appointment=True,
        note="服务顾问态度差，配件“等了一周”",
    )
    with db.write():
        repo.add_attempt(task, Attempt(called, False, Unreached.SWITCHED_OFF), "关机", actor)
        repo.add_outcome(task, called, outcome, None, actor)
    attempts = repo.attempts(task)
    assert len(attempts) == before + 1
    assert Attempt(called, False, Unreached.SWITCHED_OFF, "call") in attempts
    assert repo.outcome(task) == (called, outcome)
