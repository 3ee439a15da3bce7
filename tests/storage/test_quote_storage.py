"""Schema version 4 (price list, quotes, contracts): a version-3 file upgrades in place, keeps its
data and journal, gets the new tables with their journal and freeze triggers, and then works —
a price list imported, a quote accepted, a contract signed and frozen in the upgraded file. The
repositories round-trip a quote and a contract with Chinese texts."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.contracts import ContractStatus
from desktop_app.domain.price_list import COLUMNS
from desktop_app.domain.quotes import (
    Extra,
    FinancePlan,
    QuoteInput,
    QuoteStatus,
    SalesSettings,
    TradeIn,
    compute,
)
from desktop_app.services.auth import hash_password
from desktop_app.services.contracts import ContractService
from desktop_app.services.quotes import QuoteService
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from desktop_app.storage.migrations.m0004_quotes import SYNCED_V4
from desktop_app.storage.quotes import Quote, QuoteRepository
from tests.conftest import session_as

D = Decimal
NOW = "2026-11-20T01:02:03.456Z"
DEVICE = "0190a5c2-7d3e-7abc-8def-0123456789ab"
V4_TABLES = set(SYNCED_V4)
FREEZE_TRIGGERS = {
    "contract_signed_frozen",
    "contract_signed_undeletable",
    "contract_signed_complete",
}
DAY = dt.date(2026, 11, 25)


def build_v3(path: Path) -> None:
    """A file as version 3 of DealerDesk left it: a site, a manager, a catalogue trim, a
    customer with an ID number and address, and a care task."""
    db = Database(path)  # registers the journal functions; does not migrate
    try:
        raw = db.raw
        for target, migration in MIGRATIONS:
            if target > 3:
                break
            with db.db.atomic("IMMEDIATE"):
                migration(raw)
                raw.execute(f"PRAGMA user_version = {int(target)}")
        db.device_id = DEVICE
        with db.db.atomic():
            raw.execute("INSERT INTO local_meta (key, value) VALUES ('device_id', ?)", (DEVICE,))
            raw.execute("INSERT INTO local_meta (key, value) VALUES ('site_id', 'site-1')")
            raw.execute(
                "INSERT INTO site (id, created_at, updated_at, code, name, licence_no, address) "
                "VALUES ('site-1', ?, ?, 'SH001', '上海浦东店', '91310115MA1K4XXXXX', "
                "'上海市浦东新区川沙路 1888 号')",
                (NOW, NOW),
            )
            raw.execute(
                "INSERT INTO staff (id, created_at, updated_at, site_id, username, full_name, "
                "roles, password_hash) VALUES ('staff-m', ?, ?, 'site-1', 'manager', '王建国', "
                "'manager', ?)",
                (NOW, NOW, hash_password("secret")),
            )
            raw.execute(
                "INSERT INTO vehicle_model (id, created_at, updated_at, brand, series, trim, "
                "model_year, guide_price_fen, fuel_type, seats, engine_cc, warranty_months, "
                "warranty_km, first_service_months, first_service_km) VALUES ('model-1', ?, ?, "
                "'大众', '帕萨特', '330TSI 精英版', 2025, 20990000, 'petrol', 5, 1984, 36, "
                "100000, 3, 5000)",
                (NOW, NOW),
            )
            raw.execute(
                "INSERT INTO customer (id, created_at, updated_at, updated_by, site_id, name, "
                "mobile, id_number, address) VALUES ('cust-1', ?, ?, 'staff-m', 'site-1', "
                "'诸葛亮', '13900001111', '310101199001011234', '成都市武侯区')",
                (NOW, NOW),
            )
            raw.execute(
                "INSERT INTO care_task (id, created_at, updated_at, updated_by, site_id, kind, "
                "customer_id, source, due, opens) VALUES ('t-1', ?, ?, 'staff-m', 'site-1', "
                "'first_maintenance', 'cust-1', 'delivery', '2027-02-20', '2027-01-20')",
                (NOW, NOW),
            )
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 3
    finally:
        db.close()


def names(conn: sqlite3.Connection, kind: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_a_version_3_file_upgrades_to_4_keeps_its_data_and_freezes_signed_contracts(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v3.sqlite"
    build_v3(path)
    conn = sqlite3.connect(path)
    try:
        assert not names(conn, "table") & V4_TABLES
        journal_before = conn.execute("SELECT * FROM change_log ORDER BY seq").fetchall()
        rows_before = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("site", "staff", "vehicle_model", "customer", "care_task")
        }
    finally:
        conn.close()
    assert len(journal_before) == 5

    db = open_database(path)
    try:
        assert SCHEMA_VERSION >= 4
        assert db.schema_version() == SCHEMA_VERSION
        assert db.device_id == DEVICE
        raw = db.raw
        assert V4_TABLES <= names(raw, "table")
        triggers = names(raw, "trigger")
        assert FREEZE_TRIGGERS <= triggers
        for table in V4_TABLES:
            for op in ("insert", "update", "delete"):
                assert f"{table}_journal_{op}" in triggers
        for table, before in rows_before.items():
            assert raw.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() == before
        assert raw.execute("SELECT * FROM change_log ORDER BY seq").fetchall() == journal_before

        # the upgraded file works: price list, quote, contract, signature, freeze
        manager = session_as(db, "manager")
        quotes = QuoteService(db, manager, lambda: DAY)
        report = quotes.import_price_list(
            "\n".join(
                [
                    ",".join(COLUMNS),
                    "model,LSV-02,,大众,帕萨特,330TSI 精英版,2026,,,209900,,petrol,5,1984,,,",
                    "option,LSV-02-ROOF,LSV-02,,,,,全景天窗,,8000,,,,,,,",
                    "vessel_tax,VVT-2000,,,,,,车船税 ≤2000ml,,450,,,,,2000,,",
                ]
            ).encode("utf-8")
        )
        assert (report.added, report.rejected) == (3, [])
        assert quotes.prices.model_codes() == {"LSV-02": "model-1"}  # linked, not duplicated
        q = quotes.new_input("model-1")
        assert (q.guide_price, q.vessel_tax_annual) == (D("209900.00"), D("450.00"))
        quote = quotes.create("cust-1", q)
        assert quote.number.startswith("BJ20261125-")
        contracts = ContractService(db, manager, lambda: DAY, signed_dir=tmp_path / "signed")
        contract = contracts.sign(str(contracts.accept_quote(str(quote.id)).id))
        assert contract.status is ContractStatus.SIGNED
        assert contract.terms.buyer_id_number == "310101199001011234"
        with pytest.raises(sqlite3.IntegrityError, match="DD_FROZEN"):
            raw.execute("UPDATE contract SET deposit_fen = 1 WHERE id = ?", (contract.id,))
        with pytest.raises(sqlite3.IntegrityError, match="DD_FROZEN"):
            raw.execute("DELETE FROM contract WHERE id = ?", (contract.id,))
        logged = raw.execute(
            "SELECT DISTINCT table_name FROM change_log WHERE device_id = ?", (DEVICE,)
        ).fetchall()
        assert {"price_item", "quote", "contract"} <= {r[0] for r in logged}
    finally:
        db.close()

    again = open_database(path)  # opening again migrates nothing
    try:
        assert again.schema_version() == SCHEMA_VERSION
        assert again.raw.execute("SELECT count(*) FROM contract").fetchone()[0] == 1
    finally:
        again.close()


def test_a_contract_arriving_signed_must_carry_its_hash(empty_db: Database) -> None:
    raw = empty_db.raw
    with empty_db.db.atomic():
        raw.execute(
            "INSERT INTO site (id, created_at, updated_at, code, name) "
            "VALUES ('site-1', ?, ?, 'SH001', '上海浦东店')",
            (NOW, NOW),
        )
    insert = (
        "INSERT INTO contract (id, created_at, updated_at, site_id, number, version, status, "
        "buyer_name, model_name, total_fen, deposit_fen, delivery_date, body, content_hash, "
        "signed_at) VALUES (?, ?, ?, 'site-1', ?, 1, 'signed', '诸葛亮', '帕萨特', 100, 10, "
        "'2026-12-01', '{}', ?, ?)"
    )
    with pytest.raises(sqlite3.IntegrityError, match="DD_FROZEN"):
        raw.execute(insert, ("c-1", NOW, NOW, "HT20261125-AAAA-001", "", NOW))
    with pytest.raises(sqlite3.IntegrityError, match="DD_FROZEN"):
        raw.execute(insert, ("c-2", NOW, NOW, "HT20261125-AAAA-002", "abc", None))
    with empty_db.without_capture():  # the sync brings a contract signed on another PC
        raw.execute(insert, ("c-3", NOW, NOW, "HT20261125-AAAA-003", "abc", NOW))
    assert raw.execute("SELECT status FROM contract WHERE id = 'c-3'").fetchone() == ("signed",)
    assert raw.execute("SELECT count(*) FROM change_log WHERE row_id = 'c-3'").fetchone() == (0,)
    with pytest.raises(sqlite3.IntegrityError, match="DD_FROZEN"):
        raw.execute("UPDATE contract SET total_fen = 1 WHERE id = 'c-3'")


def test_a_quote_round_trips_with_its_chinese_texts(db: Database) -> None:
    session = session_as(db, "sales1")
    customer_id, name, mobile = db.raw.execute(
        "SELECT id, name, mobile FROM customer WHERE deleted_at IS NULL LIMIT 1"
    ).fetchone()
    q = QuoteInput(
        model_id=None,
        model_name="比亚迪 汉 EV 605KM 尊贵型",
        guide_price=D("219800.00"),
        nev=True,
        seats=5,
        engine_cc=None,
        purchase_date=DAY,
        colour="珍珠白",
        promotion_code="PROMO-BYD",
        promotion_name="新能源下乡补贴 “限时”",
        promotion=D("3000"),
        extra_discount=D("1500.50"),
        options=(Extra("LGX-02-ROOF", "全景天窗", "Panoramic sunroof", D("8000")),),
        accessories=(Extra("ACC-CHG", "家用充电桩（含安装）", "", D("2999")),),
        insurance=(Extra("INS-DMG", "机动车损失保险", "Own damage", D("3127.70")),),
        registration_fee=D("500"),
        trade_in=TradeIn("2016 款 大众 宝来 沪C·3K721", D("42000"), D("3000")),
        plans=(FinancePlan("比亚迪汽车金融", D("34000"), 36, D("0.0399"), D("1500")),),
        chosen_plan=0,
    )
    quote = Quote(
        number="BJ20261125-AAAA-001",
        version=1,
        status=QuoteStatus.SENT,
        input=q,
        quoted_on=DAY,
        valid_until=DAY + dt.timedelta(days=7),
        total=compute(q, SalesSettings()).total,
        customer_id=customer_id,
        customer_name=name,
        phone=mobile,
        sales_id=session.staff.id,
        approved_discount=D("1500.50"),
        approval_note="老客户",
        sent_at=NOW,
    )
    repo = QuoteRepository(db)
    with db.write():
        repo.insert(quote, session.site.id, session.staff.id)
    loaded = repo.get(str(quote.id))
    assert loaded is not None
    assert loaded.input == q
    assert replace(loaded, updated_at="", sales_name="") == replace(quote, updated_at="")
    assert loaded.sales_name == session.staff.full_name
    assert repo.by_number(quote.number) == loaded
    assert repo.latest_version(quote.number) == 1
