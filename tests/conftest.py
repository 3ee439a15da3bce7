"""Shared fixtures: real SQLite files (a template built once, copied per test), sessions,
and a synchronous task runner for widget tests."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# demo photos and signed contracts go into a data folder of the test run, never the user's
os.environ["DEALERDESK_HOME"] = tempfile.mkdtemp(prefix="dealerdesk-tests-")

from desktop_app.domain.staff import Session  # noqa: E402
from desktop_app.services import demo_data  # noqa: E402
from desktop_app.services.auth import AuthService  # noqa: E402
from desktop_app.storage.db import Database, open_database  # noqa: E402

# the real PostgreSQL, the in-process hub service and PCs for sync tests and UI tests alike
pytest_plugins = ["tests.hub_fixtures"]

DEMO_TODAY = dt.date(2026, 11, 20)
DEMO_CUSTOMERS = 300


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once per test run (like Anki's getEmptyCol)."""
    path = tmp_path_factory.mktemp("template") / "demo.sqlite"
    db = open_database(path)
    demo_data.generate(db, customers=DEMO_CUSTOMERS, seed=7, today=DEMO_TODAY, workers=0)
    db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.sqlite"
    db = open_database(path)
    db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path, demo_template: Path) -> Path:
    """A fresh copy of the demo database file for this test."""
    target = tmp_path / "dealerdesk.sqlite"
    shutil.copy(demo_template, target)
    return target


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def empty_db(tmp_path: Path, empty_template: Path) -> Iterator[Database]:
    target = tmp_path / "empty.sqlite"
    shutil.copy(empty_template, target)
    database = open_database(target)
    yield database
    database.close()


def session_as(db: Database, username: str) -> Session:
    return AuthService(db).session_for(username)


@pytest.fixture
def manager(db: Database) -> Session:
    return session_as(db, "manager")


@pytest.fixture
def advisor(db: Database) -> Session:
    return session_as(db, "advisor1")


@pytest.fixture
def technician(db: Database) -> Session:
    return session_as(db, "tech1")
