"""Demo data is deterministic, valid by the domain rules, and unique where it must be."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain.identifiers import (
    birthday_from_id,
    is_mobile,
    validate_id_number,
    validate_phone,
    validate_plate,
)
from desktop_app.domain.vin import check_digit_ok, validate_vin
from desktop_app.services import demo_data
from desktop_app.storage.db import Database, open_database

TODAY = dt.date(2026, 11, 20)

CUSTOMERS_SQL = (
    "SELECT id, name, mobile, id_number, birthday, city, tier, created_at FROM customer ORDER BY id"
)
VEHICLES_SQL = (
    "SELECT v.id, c.mobile, v.vin, v.plate, m.brand, m.series, v.sale_date, v.mileage_km "
    "FROM vehicle v JOIN customer c ON c.id = v.customer_id "
    "JOIN vehicle_model m ON m.id = v.model_id ORDER BY v.id"
)

STORE_SQL = (
    "SELECT 'site', id, code FROM site UNION ALL SELECT 'staff', id, username FROM staff "
    "UNION ALL SELECT 'model', id, series FROM vehicle_model ORDER BY 1, 2"
)


def build(path: Path, customers: int, workers: int, seed: int = 3) -> demo_data.DemoSummary:
    db = open_database(path)
    try:
        return demo_data.generate(db, customers=customers, seed=seed, today=TODAY, workers=workers)
    finally:
        db.close()


def dump(path: Path) -> tuple[list[tuple[object, ...]], ...]:
    """Customers, vehicles, and the store's site, staff and catalogue ids."""
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute(CUSTOMERS_SQL).fetchall(),
            conn.execute(VEHICLES_SQL).fetchall(),
            conn.execute(STORE_SQL).fetchall(),
        )
    finally:
        conn.close()


def column(db: Database, sql: str) -> list[str]:
    return [r[0] for r in db.raw.execute(sql)]


def test_same_seed_and_day_give_the_same_data(tmp_path: Path) -> None:
    first = build(tmp_path / "a.sqlite", 150, workers=0)
    second = build(tmp_path / "b.sqlite", 150, workers=0)
    assert first == second
    assert first.customers == 150
    assert first.created_site
    customers_a, vehicles_a, store_a = dump(tmp_path / "a.sqlite")
    customers_b, vehicles_b, store_b = dump(tmp_path / "b.sqlite")
    assert len(customers_a) == 150
    with sqlite3.connect(tmp_path / "a.sqlite") as conn:  # cars in stock belong to nobody
        stock = conn.execute("SELECT count(*) FROM vehicle WHERE customer_id IS NULL").fetchone()
    assert len(vehicles_a) + stock[0] == first.vehicles > 0
    assert customers_a == customers_b  # ids, names, mobiles, ...
    assert vehicles_a == vehicles_b  # ids, VINs, plates, ...
    assert store_a == store_b


def test_another_seed_gives_other_data(tmp_path: Path, db: Database) -> None:
    build(tmp_path / "other.sqlite", 50, workers=0, seed=3)  # the demo database used seed 7
    customers, _, store = dump(tmp_path / "other.sqlite")
    assert {r[0] for r in customers}.isdisjoint(column(db, "SELECT id FROM customer"))
    assert [r[1] for r in customers] != column(db, "SELECT name FROM customer ORDER BY id")[:50]
    assert store[0][1] != db.meta("site_id")


def test_multiprocessing_gives_the_same_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small batches so that 120 customers make three jobs and the process pool is used.
    monkeypatch.setattr(demo_data, "BATCH", 50)
    serial = build(tmp_path / "serial.sqlite", 120, workers=0)
    pooled = build(tmp_path / "pooled.sqlite", 120, workers=1)
    assert serial == pooled
    assert dump(tmp_path / "serial.sqlite") == dump(tmp_path / "pooled.sqlite")


def test_vins_are_valid(db: Database) -> None:
    vins = column(db, "SELECT vin FROM vehicle")
    assert vins
    for vin in vins:
        validate_vin(vin)
        assert check_digit_ok(vin), vin  # all demo brands are China-built


def test_plates_are_valid(db: Database) -> None:
    plates = column(db, "SELECT plate FROM vehicle WHERE customer_id IS NOT NULL")
    assert plates
    for plate in plates:
        assert validate_plate(plate) == plate
    # cars in stock belong to nobody and are not registered yet
    stock = column(db, "SELECT plate FROM vehicle WHERE customer_id IS NULL")
    assert stock and set(stock) == {""}


def test_nev_have_green_plates(db: Database) -> None:
    rows = db.raw.execute(
        "SELECT v.plate, m.fuel_type FROM vehicle v JOIN vehicle_model m ON m.id = v.model_id "
        "WHERE v.customer_id IS NOT NULL"
    ).fetchall()
    for plate, fuel in rows:
        assert (len(plate) == 8) == (fuel in ("phev", "bev", "erev")), (plate, fuel)


def test_mobiles_are_valid(db: Database) -> None:
    mobiles = column(db, "SELECT mobile FROM customer")
    assert len(mobiles) == 300
    for mobile in mobiles:
        assert validate_phone(mobile) == mobile
        assert is_mobile(mobile)


def test_id_numbers_are_valid_and_match_the_birthday(db: Database) -> None:
    rows = db.raw.execute(
        "SELECT id_number, birthday FROM customer WHERE id_number != ''"
    ).fetchall()
    assert rows
    for id_number, birthday in rows:
        assert validate_id_number(id_number) == id_number
        if birthday:
            assert birthday_from_id(id_number) == dt.date.fromisoformat(birthday)


def test_vehicle_dates_are_consistent(db: Database) -> None:
    rows = db.raw.execute(
        "SELECT sale_date, warranty_end, last_visit FROM vehicle WHERE customer_id IS NOT NULL"
    ).fetchall()
    for sale, warranty_end, last_visit in rows:
        assert dt.date.fromisoformat(sale) <= TODAY
        assert dt.date.fromisoformat(warranty_end) > dt.date.fromisoformat(sale)
        if last_visit:
            assert dt.date.fromisoformat(sale) <= dt.date.fromisoformat(last_visit) <= TODAY


def assert_unique(db: Database) -> None:
    for sql in (
        "SELECT mobile FROM customer",
        "SELECT vin FROM vehicle",
        "SELECT plate FROM vehicle WHERE plate != ''",  # cars in stock have none yet
        "SELECT id FROM customer",
        "SELECT id FROM vehicle",
    ):
        values = column(db, sql)
        assert len(values) == len(set(values)), sql


def test_mobiles_vins_and_plates_are_unique(db: Database) -> None:
    assert_unique(db)


def test_filling_an_existing_database_adds_customers_without_duplicates(db: Database) -> None:
    def count(table: str) -> int:
        return int(db.raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    before = {t: count(t) for t in ("site", "staff", "vehicle_model", "service_bay", "customer")}
    summary = demo_data.generate(db, customers=200, seed=7, today=TODAY, workers=0)
    assert not summary.created_site
    assert summary.staff == 0
    assert count("customer") == before["customer"] + 200
    for table in ("site", "staff", "vehicle_model", "service_bay"):
        assert count(table) == before[table], table
    assert_unique(db)
    # the search index was rebuilt for old and new customers alike
    assert count("customer_search") == count("customer")
