"""Fixtures for sync tests (a pytest plugin, see tests/conftest.py): a real PostgreSQL on
loopback (one server per run, a fresh database per test), the hub service running in-process
under uvicorn on a free port, and PCs as real SQLite files with their own device ids."""

from __future__ import annotations

import itertools
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from desktop_app.hub.app import create_app
from desktop_app.hub.store import HubStore
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.ids import uuid7
from desktop_app.sync.client import HttpTransport, SyncClient, SyncReport, Transport
from tests.pg import LocalPostgres, find_bin_dir, free_port

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def postgres() -> Iterator[LocalPostgres]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.fail("PostgreSQL server binaries are missing: run `make test` (it installs them)")
    server = LocalPostgres(bin_dir).start()
    yield server
    server.stop()


@pytest.fixture
def hub_dsn(postgres: LocalPostgres) -> str:
    dsn = postgres.create_database(f"hub_{next(_numbers)}")
    HubStore(dsn).init()
    return dsn


class HubServer:
    """One sync service instance in a thread of this process, on loopback."""

    def __init__(self, dsn: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            create_app(dsn), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> HubServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("hub service did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def hub(hub_dsn: str) -> Iterator[HubServer]:
    server = HubServer(hub_dsn).start()
    yield server
    server.stop()


@dataclass
class Pc:
    """A DealerDesk PC: its database file and its token."""

    db: Database
    token: str
    url: str

    def use(self) -> Database:
        """Point the repositories (Peewee models) at this PC before using its services: the
        models are bound process-wide, to the database opened last."""
        self.db.bind_models()
        return self.db

    def sync(self, transport: Transport | None = None) -> SyncReport:
        client = SyncClient(self.db, transport or HttpTransport(self.url, timeout=20), self.token)
        return client.run()


def new_pc(
    folder: Path, name: str, hub_url: str, dsn: str, template: Path | None, site: str = "SH01"
) -> Pc:
    """A PC database (a copy of ``template`` or new) with a device id of its own."""
    path = folder / f"{name}.sqlite"
    if template is not None:
        shutil.copy(template, path)
    db = open_database(path)
    db.device_id = uuid7()
    db.set_meta("device_id", db.device_id)
    token = HubStore(dsn).add_device(site, name)
    return Pc(db, token, hub_url)


def table_rows(db: Database, table: str) -> dict[str, tuple[object, ...]]:
    from desktop_app.storage.schema import SYNC_COLUMNS, SYNCED_TABLES

    columns = (*SYNC_COLUMNS, *SYNCED_TABLES[table])
    rows = db.raw.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id").fetchall()
    return {str(r[0]): tuple(r) for r in rows}


@dataclass
class StoreTemplate:
    """A demo store already synced to a hub by three PCs: copied per test in milliseconds
    (CREATE DATABASE … TEMPLATE on PostgreSQL, file copies for the PCs)."""

    dsn_name: str
    files: dict[str, Path]
    tokens: dict[str, str]


@pytest.fixture(scope="session")
def store_template(
    postgres: LocalPostgres, demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> StoreTemplate:
    folder = tmp_path_factory.mktemp("store")
    name = "hub_store_template"
    dsn = postgres.create_database(name)
    HubStore(dsn).init()
    server = HubServer(dsn).start()
    pcs = {
        "a": new_pc(folder, "a", server.url, dsn, demo_template),
        "b": new_pc(folder, "b", server.url, dsn, None),
        "c": new_pc(folder, "c", server.url, dsn, None),
    }
    for pc in pcs.values():
        pc.sync()
    server.stop()
    for pc in pcs.values():
        pc.db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pc.db.close()
    return StoreTemplate(
        name, {k: Path(pc.db.path) for k, pc in pcs.items()}, {k: pc.token for k, pc in pcs.items()}
    )


@dataclass
class Store:
    hub: HubServer
    dsn: str
    a: Pc
    b: Pc
    c: Pc

    @property
    def pcs(self) -> list[Pc]:
        return [self.a, self.b, self.c]


@pytest.fixture
def store(
    postgres: LocalPostgres, store_template: StoreTemplate, tmp_path: Path
) -> Iterator[Store]:
    """Three PCs of one store and their hub, all in step, fresh for this test."""
    yield from make_store(postgres, store_template, tmp_path)


def make_store(postgres: LocalPostgres, template: StoreTemplate, folder: Path) -> Iterator[Store]:
    import psycopg

    name = f"hub_{next(_numbers)}"
    with psycopg.connect(postgres.dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template.dsn_name}"')
    dsn = postgres.dsn.replace("dbname=postgres", f"dbname={name}")
    server = HubServer(dsn).start()
    pcs = {}
    for key, source in template.files.items():
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{key}.sqlite"
        shutil.copy(source, target)
        pcs[key] = Pc(open_database(target), template.tokens[key], server.url)
    try:
        yield Store(server, dsn, pcs["a"], pcs["b"], pcs["c"])
    finally:
        for pc in pcs.values():
            pc.db.close()
        server.stop()


def edit(db: Database, table: str, row_id: str, **values: object) -> None:
    """An edit as the app makes it: one write transaction, journaled by the triggers."""
    from desktop_app.storage.db import utc_now_text

    columns = ", ".join(values)
    current = db.raw.execute(f"SELECT {columns} FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if current is not None and tuple(current) == tuple(values.values()):
        return  # nothing changed: the app saves nothing either
    values = {**values, "updated_at": utc_now_text(), "updated_by": None}
    sets = ", ".join(f"{c} = ?" for c in values)
    with db.write():
        db.raw.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values.values(), row_id))


def sync_all(store: Store, rounds: int = 2) -> None:
    for _ in range(rounds):
        for pc in store.pcs:
            pc.sync()
