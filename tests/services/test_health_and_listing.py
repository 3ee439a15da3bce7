"""``check`` and ``list``: the database's health, and one line per live record."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain.staff import Session
from desktop_app.services.health import check
from desktop_app.services.listing import list_lines
from desktop_app.storage.db import Database
from desktop_app.storage.errors import StorageEnvironmentError
from desktop_app.storage.migrations import SCHEMA_VERSION
from desktop_app.storage.repositories import CustomerRepository


def test_healthy_database_is_ok(db_path: Path) -> None:
    health = check(db_path)

    assert health.ok
    assert health.integrity == ["ok"]
    assert health.schema_version == health.known_version == SCHEMA_VERSION


def test_check_does_not_create_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.sqlite"

    with pytest.raises(StorageEnvironmentError):
        check(missing)

    assert not missing.exists()


def test_check_of_a_file_that_is_not_a_database_raises_a_readable_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database " * 400)

    with pytest.raises(StorageEnvironmentError) as refused:
        check(junk)

    assert refused.value.kind == "corrupt"
    assert str(junk) in str(refused.value)


def make_foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('not DealerDesk')")
    conn.close()


@pytest.mark.parametrize("kind", ["empty file", "another program's SQLite database"])
def test_check_of_a_file_that_is_not_a_dealerdesk_database_raises_a_readable_error(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "other.sqlite"
    if kind == "empty file":
        path.write_bytes(b"")
    else:
        make_foreign_sqlite(path)
    before = path.read_bytes()

    with pytest.raises(StorageEnvironmentError) as refused:
        check(path)

    assert refused.value.kind == "corrupt"
    assert path.read_bytes() == before  # read-only: nothing added to someone else's file


def live(db: Database, sql: str) -> list[tuple]:
    return [tuple(r) for r in db.raw.execute(sql).fetchall()]


def test_customer_lines_put_the_mobile_first_one_per_live_customer(db: Database) -> None:
    expected = live(db, "SELECT mobile, name FROM customer WHERE deleted_at IS NULL")

    lines = list(list_lines(db, "customers"))

    assert len(lines) == len(expected) > 0
    fields = [line.split("\t") for line in lines]
    assert all(len(f) == 6 for f in fields)
    assert all(re.fullmatch(r"1\d{10}", f[0]) for f in fields)
    assert sorted((f[0], f[1]) for f in fields) == sorted(expected)
    assert all("\n" not in line for line in lines)


def test_customer_line_counts_and_lists_the_plates(db: Database) -> None:
    customer_id, mobile = live(
        db,
        "SELECT c.id, c.mobile FROM customer c JOIN vehicle v ON v.customer_id = c.id "
        "WHERE v.plate != '' AND v.deleted_at IS NULL LIMIT 1",
    )[0]
    plates = [
        r[0]
        for r in live(
            db,
            f"SELECT plate FROM vehicle WHERE customer_id = '{customer_id}' AND deleted_at IS NULL",
        )
    ]

    line = next(x for x in list_lines(db, "customers") if x.startswith(mobile + "\t"))
    fields = line.split("\t")

    assert fields[4] == str(len(plates))
    assert sorted(fields[5].split()) == sorted(p for p in plates if p)


def test_deleted_customer_is_not_listed(db: Database, manager: Session) -> None:
    customer_id, mobile = live(db, "SELECT id, mobile FROM customer LIMIT 1")[0]
    before = list(list_lines(db, "customers"))
    CustomerRepository(db).soft_delete(customer_id, manager.staff.id)

    after = list(list_lines(db, "customers"))

    assert len(after) == len(before) - 1
    assert not any(line.split("\t")[0] == mobile for line in after)


def test_vehicle_lines_put_the_vin_first(db: Database) -> None:
    expected = live(db, "SELECT vin FROM vehicle WHERE deleted_at IS NULL")

    lines = list(list_lines(db, "vehicles"))

    assert len(lines) == len(expected) > 0
    first = [line.split("\t")[0] for line in lines]
    assert all(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", vin) for vin in first)
    assert sorted(first) == sorted(r[0] for r in expected)
    assert all(len(line.split("\t")) == 5 for line in lines)


def test_vehicle_line_names_the_owner(db: Database) -> None:
    vin, name, mobile = live(
        db,
        "SELECT v.vin, c.name, c.mobile FROM vehicle v JOIN customer c ON c.id = v.customer_id "
        "LIMIT 1",
    )[0]

    line = next(x for x in list_lines(db, "vehicles") if x.startswith(vin + "\t"))

    assert line.split("\t")[3:] == [name, mobile]


@pytest.mark.parametrize("kind", ["customers", "vehicles"])
def test_limit_caps_the_number_of_lines(db: Database, kind: str) -> None:
    assert len(list(list_lines(db, kind, limit=7))) == 7


def test_empty_database_lists_nothing(empty_db: Database) -> None:
    assert list(list_lines(empty_db, "customers")) == []
    assert list(list_lines(empty_db, "vehicles")) == []
