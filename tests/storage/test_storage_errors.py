"""Environment problems become StorageEnvironmentError with a kind; bugs stay as they are."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest

from desktop_app.domain.customers import Customer
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.errors import EnvKind, StorageEnvironmentError, classify
from desktop_app.storage.repositories import CustomerRepository, SiteRepository


@pytest.fixture
def site_db(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A closed database file with one site; yields (path, site id)."""
    path = tmp_path / "store" / "dealerdesk.sqlite"
    db = open_database(path)
    site_id = SiteRepository(db).create("SH01", "测试店").id
    db.close()
    yield path, site_id


def save_customer(db: Database, site_id: str, **extra: object) -> str:
    c = Customer(name="张伟", mobile="13812345678", **extra)  # type: ignore[arg-type]
    return CustomerRepository(db).save(c, site_id, None)


def count_customers(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM customer").fetchone()[0])
    finally:
        conn.close()


def assert_env_error(err: StorageEnvironmentError, kind: EnvKind, path: Path | str) -> None:
    assert err.kind is kind
    assert err.path == str(path)
    assert str(path) in err.render()
    assert str(path) in str(err)
    if err.__cause__ is not None:
        assert classify(err.__cause__) is kind


def test_write_to_a_read_only_database(site_db: tuple[Path, str]) -> None:
    path, site_id = site_db
    db = open_database(path, read_only=True)
    try:
        assert db.raw.execute("SELECT count(*) FROM site").fetchone()[0] == 1  # reading works
        with pytest.raises(StorageEnvironmentError) as caught:
            save_customer(db, site_id)
    finally:
        db.close()
    assert_env_error(caught.value, EnvKind.READ_ONLY, path)
    assert "read-only" in caught.value.render()
    assert count_customers(path) == 0


def test_garbage_file_is_reported_as_corrupt_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    garbage = random.Random(42).randbytes(16_384)
    path.write_bytes(garbage)
    with pytest.raises(StorageEnvironmentError) as caught:
        open_database(path)
    assert_env_error(caught.value, EnvKind.CORRUPT, path)
    assert "damaged" in caught.value.render()
    assert path.read_bytes() == garbage  # never overwritten or "repaired"


def test_full_disk(site_db: tuple[Path, str]) -> None:
    path, site_id = site_db
    db = open_database(path)
    try:
        pages = db.raw.execute("PRAGMA page_count").fetchone()[0]
        db.raw.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StorageEnvironmentError) as caught:
            save_customer(db, site_id, notes="备注" * 50_000)
        assert_env_error(caught.value, EnvKind.DISK_FULL, path)
        # nothing half-written: no customer, no journal row
        assert db.raw.execute("SELECT count(*) FROM customer").fetchone()[0] == 0
        journal = db.raw.execute("SELECT count(*) FROM change_log WHERE table_name = 'customer'")
        assert journal.fetchone()[0] == 0
        # once there is room again, the same save works
        db.raw.execute("PRAGMA max_page_count = 1073741823")
        save_customer(db, site_id, notes="备注" * 50_000)
    finally:
        db.close()
    assert count_customers(path) == 1


def test_locked_database(site_db: tuple[Path, str]) -> None:
    path, site_id = site_db
    db = open_database(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        db.raw.execute("PRAGMA busy_timeout = 100")
        other.execute("BEGIN IMMEDIATE")  # another program is writing
        with pytest.raises(StorageEnvironmentError) as caught:
            save_customer(db, site_id)
        assert_env_error(caught.value, EnvKind.LOCKED, path)
        assert "busy" in caught.value.render()
        other.execute("ROLLBACK")
        save_customer(db, site_id)  # "wait a moment and try again"
    finally:
        other.close()
        db.close()
    assert count_customers(path) == 1


def test_missing_folder_in_read_only_mode(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / "dealerdesk.sqlite"
    with pytest.raises(StorageEnvironmentError) as caught:
        open_database(path, read_only=True)
    assert_env_error(caught.value, EnvKind.CANNOT_OPEN, path)
    assert not path.parent.exists()


def test_path_that_is_a_folder_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    path.mkdir()
    with pytest.raises(StorageEnvironmentError) as caught:
        open_database(path)
    assert_env_error(caught.value, EnvKind.CANNOT_OPEN, path)


def test_bad_sql_is_not_converted(empty_db: Database) -> None:
    with pytest.raises(sqlite3.OperationalError, match="syntax error"), empty_db.reading():
        empty_db.raw.execute("SELEC 1")


def test_bad_sql_through_peewee_is_not_converted(empty_db: Database) -> None:
    with pytest.raises(peewee.OperationalError, match="no such table"), empty_db.write():
        empty_db.db.execute_sql("INSERT INTO no_such_table VALUES (1)")


def test_integrity_error_is_not_converted(empty_db: Database) -> None:
    with pytest.raises(peewee.IntegrityError, match="FOREIGN KEY"):
        save_customer(empty_db, "no-such-site")


def test_classify_ignores_ordinary_exceptions() -> None:
    assert classify(ValueError("database is locked")) is None
    assert classify(KeyError("x")) is None
