"""Opening a file creates or upgrades the schema exactly once; models match the tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.storage.db import open_database
from desktop_app.storage.errors import EnvKind, StorageEnvironmentError
from desktop_app.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from desktop_app.storage.models import ALL_MODELS
from desktop_app.storage.schema import SYNC_COLUMNS, SYNCED_TABLES

EXPECTED_TABLES = {"local_meta", "change_log", "customer_search", *SYNCED_TABLES}


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.close()
    return version


def schema_objects(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        return [tuple(r) for r in rows]
    finally:
        conn.close()


def table_names(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {r[0] for r in rows}


def test_schema_version_is_the_last_migration() -> None:
    targets = [target for target, _ in MIGRATIONS]
    assert targets == sorted(set(targets))
    assert targets[0] == 1
    assert SCHEMA_VERSION == targets[-1]


def test_new_file_gets_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dealerdesk.sqlite"  # the folder is created too
    db = open_database(path)
    try:
        assert db.schema_version() == SCHEMA_VERSION
        assert EXPECTED_TABLES <= table_names(db.raw)
        assert db.device_id
        assert db.meta("device_id") == db.device_id
    finally:
        db.close()
    assert user_version(path) == SCHEMA_VERSION


def test_new_file_has_journal_and_search_triggers(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    try:
        rows = db.raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {r[0] for r in rows}
    finally:
        db.close()
    for table in SYNCED_TABLES:
        for op in ("insert", "update", "delete"):
            assert f"{table}_journal_{op}" in triggers
    assert {"customer_search_insert", "vehicle_search_update"} <= triggers


def test_opening_again_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    db = open_database(path)
    device = db.device_id
    db.set_meta("marker", "kept")
    db.close()
    before = schema_objects(path)

    again = open_database(path)  # CREATE TABLE would fail if migration 1 ran twice
    try:
        assert again.schema_version() == SCHEMA_VERSION
        assert again.device_id == device
        assert again.meta("marker") == "kept"
    finally:
        again.close()
    assert schema_objects(path) == before


def test_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()

    with pytest.raises(StorageEnvironmentError) as caught:
        open_database(path)
    err = caught.value
    assert err.kind is EnvKind.TOO_NEW
    assert err.params["found"] == SCHEMA_VERSION + 1
    assert err.params["known"] == SCHEMA_VERSION
    assert str(path) in err.render()
    assert f"schema {SCHEMA_VERSION + 1}" in err.render()
    assert user_version(path) == SCHEMA_VERSION + 1  # left untouched


def test_empty_file_at_version_0_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    path.touch()
    assert path.stat().st_size == 0
    db = open_database(path)
    try:
        assert db.schema_version() == SCHEMA_VERSION
        assert EXPECTED_TABLES <= table_names(db.raw)
    finally:
        db.close()


def test_sqlite_file_at_version_0_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    assert user_version(path) == 0
    db = open_database(path)
    try:
        assert EXPECTED_TABLES <= table_names(db.raw)
    finally:
        db.close()
    assert user_version(path) == SCHEMA_VERSION


@pytest.fixture(scope="module")
def columns(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bool]]:
    """Each table's columns (name → NOT NULL) in a freshly migrated file."""
    db = open_database(tmp_path_factory.mktemp("schema") / "s.sqlite")
    try:
        result: dict[str, dict[str, bool]] = {}
        for model in ALL_MODELS:
            table = model._meta.table_name
            info = db.raw.execute(f"PRAGMA table_info({table})").fetchall()
            result[table] = {row[1]: bool(row[3]) for row in info}
        return result
    finally:
        db.close()


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m._meta.table_name)
def test_every_model_column_exists_in_its_table(model, columns) -> None:  # type: ignore[no-untyped-def]
    table = columns[model._meta.table_name]
    assert table, f"no table {model._meta.table_name}"
    for field in model._meta.sorted_fields:
        assert field.column_name in table, f"{model.__name__}.{field.name}"


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m._meta.table_name)
def test_synced_tables_have_no_column_the_model_lacks(model, columns) -> None:  # type: ignore[no-untyped-def]
    name = model._meta.table_name
    assert name in SYNCED_TABLES
    model_columns = {f.column_name for f in model._meta.sorted_fields}
    assert set(columns[name]) == model_columns
    assert set(columns[name]) == set(SYNC_COLUMNS) | set(SYNCED_TABLES[name])


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m._meta.table_name)
def test_model_nullability_matches_the_table(model, columns) -> None:  # type: ignore[no-untyped-def]
    table = columns[model._meta.table_name]
    for field in model._meta.sorted_fields:
        nullable_in_table = not table[field.column_name]
        if field.primary_key:
            assert not nullable_in_table, field.name
        else:
            assert field.null == nullable_in_table, f"{model.__name__}.{field.name}"


def test_every_synced_table_has_a_model() -> None:
    assert {m._meta.table_name for m in ALL_MODELS} == set(SYNCED_TABLES)


def test_another_programs_sqlite_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (no INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 99.5)")
    conn.commit()
    conn.close()
    before = schema_objects(path)

    with pytest.raises(StorageEnvironmentError) as caught:
        open_database(path)
    assert caught.value.kind is EnvKind.CORRUPT
    assert str(path) in caught.value.render()
    assert schema_objects(path) == before  # none of our tables were added
    assert user_version(path) == 0


def test_empty_file_opened_read_only_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dealerdesk.sqlite"
    path.touch()
    with pytest.raises(StorageEnvironmentError) as caught:
        open_database(path, read_only=True)
    assert caught.value.kind is EnvKind.CORRUPT
    assert path.stat().st_size == 0
