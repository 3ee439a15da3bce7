"""Schema version 3 (deliveries): a version-2 file upgrades in place and keeps its data, and the
delivery repository round-trips a record with Chinese texts, items, documents, photos and
topics."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

from desktop_app.domain.deliveries import (
    DeliveryStatus,
    DocumentLine,
    FollowUp,
    Handover,
    ItemResult,
    PdiItem,
    Task,
    documents_for,
    parse_template,
)
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.deliveries import Delivery, DeliveryRepository
from desktop_app.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from desktop_app.storage.migrations.m0003_deliveries import SYNCED_V3
from desktop_app.storage.repositories import SiteRepository
from tests.conftest import session_as

NOW = "2026-11-20T01:02:03.456Z"
V3_TABLES = set(SYNCED_V3)


def build_v2(path: Path) -> None:
    """A file as version 2 of DealerDesk left it, with one site and one customer."""
    db = Database(path)  # registers the journal functions; does not migrate
    try:
        raw = db.raw
        for target, migration in MIGRATIONS:
            if target > 2:
                break
            with db.db.atomic("IMMEDIATE"):
                migration(raw)
                raw.execute(f"PRAGMA user_version = {int(target)}")
        db.device_id = "device-v2"
        with db.db.atomic():
            raw.execute("INSERT INTO local_meta (key, value) VALUES ('device_id', 'device-v2')")
            raw.execute(
                "INSERT INTO site (id, created_at, updated_at, code, name) "
                "VALUES ('site-1', ?, ?, 'SH001', '上海浦东店')",
                (NOW, NOW),
            )
            raw.execute(
                "INSERT INTO customer (id, created_at, updated_at, updated_by, site_id, name, "
                "mobile, id_number, address) VALUES ('cust-1', ?, ?, 'staff-x', 'site-1', "
                "'诸葛亮', '13900001111', '310101199001011234', '成都市武侯区')",
                (NOW, NOW),
            )
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    finally:
        db.close()


def tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_version_2_file_upgrades_past_3_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    build_v2(path)
    conn = sqlite3.connect(path)
    try:
        assert not tables(conn) & V3_TABLES
        journal_before = conn.execute("SELECT * FROM change_log ORDER BY seq").fetchall()
    finally:
        conn.close()
    assert [(r[1], r[2], r[3]) for r in journal_before] == [
        ("site", "site-1", "I"),
        ("customer", "cust-1", "I"),
    ]

    db = open_database(path)
    try:
        assert SCHEMA_VERSION >= 3
        assert db.schema_version() == SCHEMA_VERSION
        assert db.device_id == "device-v2"
        assert V3_TABLES <= tables(db.raw)
        row = db.raw.execute(
            "SELECT name, mobile, id_number, address, updated_by FROM customer WHERE id = ?",
            ("cust-1",),
        ).fetchone()
        assert row == ("诸葛亮", "13900001111", "310101199001011234", "成都市武侯区", "staff-x")
        assert db.raw.execute("SELECT * FROM change_log ORDER BY seq").fetchall() == journal_before
        hits = db.raw.execute(
            "SELECT count(*) FROM customer_search WHERE doc LIKE '%诸葛亮%'"
        ).fetchone()[0]
        assert hits == 1
        triggers = {
            r[0] for r in db.raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        for table in V3_TABLES:
            for op in ("insert", "update", "delete"):
                assert f"{table}_journal_{op}" in triggers

        # the new tables journal like the old ones
        with db.write():
            db.raw.execute(
                "INSERT INTO care_task (id, created_at, updated_at, updated_by, site_id, kind, "
                "customer_id, source, due, opens) VALUES ('t-1', ?, ?, 'staff-y', 'site-1', "
                "'first_maintenance', 'cust-1', 'delivery', '2027-02-20', '2027-01-20')",
                (NOW, NOW),
            )
        last = db.raw.execute(
            "SELECT table_name, row_id, op, actor, device_id FROM change_log "
            "ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        assert last == ("care_task", "t-1", "I", "staff-y", "device-v2")
    finally:
        db.close()

    again = open_database(path)  # opening again migrates nothing
    try:
        assert again.schema_version() == SCHEMA_VERSION
        assert again.raw.execute("SELECT count(*) FROM customer").fetchone()[0] == 1
    finally:
        again.close()


def a_delivery(db: Database) -> Delivery:
    session = session_as(db, "delivery1")
    tech = session_as(db, "tech1")
    customer_id, vehicle_id, vin = db.raw.execute(
        "SELECT customer_id, id, vin FROM vehicle WHERE customer_id IS NOT NULL LIMIT 1"
    ).fetchone()
    template = parse_template(
        (Path(__file__).resolve().parents[2] / "resources/pdi/PDI-STD-v1.json").read_text(
            encoding="utf-8"
        )
    )
    items = [PdiItem(i.code, i.section, i.text_zh, i.text_en) for i in template.for_vehicle(True)]
    items[0] = dataclasses.replace(
        items[0],
        result=ItemResult.PASS,
        note="右前门下沿有约 3 cm 划痕，已抛光 “复检合格”",
        photos=["a-EX01-1.jpg", "a-EX01-2.png"],
        reinspected=True,
    )
    items[1] = dataclasses.replace(items[1], result=ItemResult.FAIL, note="漆面橘皮")
    items[2] = dataclasses.replace(items[2], result=ItemResult.NOT_APPLICABLE)
    documents = documents_for(True)
    documents[0] = dataclasses.replace(documents[0], state=Handover.HANDED_OVER, note="已核对")
    keys = next(i for i, d in enumerate(documents) if d.code == "keys")
    documents[keys] = DocumentLine(
        "keys", "车钥匙", "Keys", True, Handover.HELD_BY_LENDER, "备用钥匙由银行保管", 1
    )
    return Delivery(
        number="JC20261126-001",
        planned_at=dt.datetime(2026, 11, 26, 14, 30),
        status=DeliveryStatus.PDI_FAILED,
        template_code=template.code,
        template_version=template.version,
        nev=True,
        customer_id=customer_id,
        vehicle_id=vehicle_id,
        sales_id=session.staff.id,
        specialist_id=session.staff.id,
        pdi_signed_by=tech.staff.id,
        pdi_signed_at="2026-11-26T05:00:00.000Z",
        invoice_vin=vin,
        invoice_engine="DKX123456",
        explanation_started_at="2026-11-26T06:30:00.000Z",
        explanation_ended_at="2026-11-26T07:05:30.000Z",
        topics_done=["charging", "controls", "maintenance"],
        short_reason="",
        reopen_reason="客户要求补开发票",
        customer_name="欧阳娜娜",
        phone="13912345678",
        plate="沪A·D12345",
        vin=vin,
        engine_no="DKX123456",
        model_name="比亚迪 汉 EV 605KM 尊贵型",
        remarks="客户要求上午交车；赠送脚垫与行车记录仪",
        items=items,
        documents=documents,
    )


def test_a_delivery_round_trips(db: Database) -> None:
    repo = DeliveryRepository(db)
    d = a_delivery(db)
    site = SiteRepository(db).current()
    assert site is not None
    with db.write():
        did = repo.insert(d, site.id, d.sales_id)
    assert d.id == did

    got = repo.get(did)
    assert got is not None
    expected = dataclasses.replace(
        d, sales_name="徐婷婷", specialist_name="徐婷婷", pdi_signed_name="刘强"
    )
    assert got == expected
    assert got.items[0].photos == ["a-EX01-1.jpg", "a-EX01-2.png"]
    assert got.items[0].reinspected and not got.items[1].reinspected
    assert next(x for x in got.documents if x.code == "keys").count == 1
    assert got.explanation == dt.timedelta(minutes=35, seconds=30)
    assert got.topics_done == ["charging", "controls", "maintenance"]
    assert repo.by_number("JC20261126-001") == did
    assert repo.next_number("JC20261126-") == 2

    # updates of a line and of the header round-trip too
    got.items[1].result, got.items[1].reinspected = ItemResult.PASS, True
    got.items[1].photos.append("b.jpg")
    got.documents[0].state, got.documents[0].count = Handover.NOT_APPLICABLE, None
    got.status, got.topics_done = DeliveryStatus.READY, ["after_sales"]
    with db.write():
        repo.update_item(did, got.items[1], d.sales_id)
        repo.update_document(did, got.documents[0], d.sales_id)
        repo.update(got, d.sales_id)
    assert repo.get(did) == got

    headers = repo.between(dt.datetime(2026, 11, 26), dt.datetime(2026, 11, 27))
    assert [h.id for h in headers] == [did]
    assert headers[0].items == [] and headers[0].customer_name == "欧阳娜娜"


def test_events_and_tasks_round_trip(db: Database) -> None:
    repo = DeliveryRepository(db)
    d = a_delivery(db)
    site = SiteRepository(db).current()
    assert site is not None
    with db.write():
        did = repo.insert(d, site.id, d.sales_id)
        repo.add_event(did, "call", d.sales_id, "已电话确认，提醒携带身份证")
        repo.add_tasks(
            site.id,
            d.customer_id,
            d.vehicle_id,
            did,
            [
                Task(FollowUp.CALLBACK, dt.date(2026, 11, 27), dt.date(2026, 11, 27), "D+1"),
                Task(FollowUp.FIRST_MAINTENANCE, dt.date(2027, 2, 26), dt.date(2027, 1, 26), ""),
            ],
            d.sales_id,
            d.sales_id,
        )
    events = repo.events(did)
    assert [(e.kind, e.detail, e.actor_name) for e in events] == [
        ("call", "已电话确认，提醒携带身份证", "徐婷婷")
    ]
    assert repo.tasks_for(did) == [
        ("delivery_callback", "2026-11-27", "2026-11-27", "open"),
        ("first_maintenance", "2027-01-26", "2027-02-26", "open"),
    ]
    assert repo.get("no-such-id") is None
