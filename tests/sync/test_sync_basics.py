"""A demo store's PC pushes everything; a new PC registered for the store receives it all."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from desktop_app.hub.store import HubStore
from desktop_app.services.customers import CustomerService
from desktop_app.storage.schema import SYNCED_TABLES
from tests.conftest import session_as
from tests.hub_fixtures import HubServer, new_pc, table_rows
from tests.pg import LocalPostgres


def test_new_pc_receives_the_store(
    tmp_path: Path, demo_template: Path, hub: HubServer, hub_dsn: str
) -> None:
    a = new_pc(tmp_path, "a", hub.url, hub_dsn, demo_template)
    b = new_pc(tmp_path, "b", hub.url, hub_dsn, None)
    first = a.sync()
    assert first.pushed > 0 and not first.refused
    got = b.sync()
    assert got.pulled > 0
    for table in SYNCED_TABLES:
        assert table_rows(b.db, table) == table_rows(a.db, table), table
    assert b.db.integrity_check() == ["ok"]
    # the snapshot skipped the search-index upkeep and rebuilt the index once at the end
    assert got.pulled > 5000 and not b.db.meta("search_stale")
    indexed = b.db.raw.execute("SELECT count(*) FROM customer_search").fetchone()[0]
    live = b.db.raw.execute("SELECT count(*) FROM customer WHERE deleted_at IS NULL")
    assert indexed == live.fetchone()[0]
    assert b.db.meta("site_id") == a.db.meta("site_id")  # the new PC knows its store
    name, mobile = b.db.raw.execute(
        "SELECT name, mobile FROM customer WHERE deleted_at IS NULL LIMIT 1"
    ).fetchone()
    search = CustomerService(b.use(), session_as(b.db, "advisor1"))
    assert name in {hit.name for hit in search.search(mobile[-6:])}
    assert name in {hit.name for hit in search.search(name)}


def test_export_files_reach_the_hub_once(
    tmp_path: Path, demo_template: Path, hub: HubServer, hub_dsn: str
) -> None:
    from desktop_app.hub.store import HubStore
    from desktop_app.services.delivery_documents import export_deliveries

    a = new_pc(tmp_path, "a", hub.url, hub_dsn, demo_template)
    day = dt.date(2026, 11, 19)
    result = export_deliveries(a.db, day, tmp_path / "out")
    export_deliveries(a.db, day, tmp_path / "again")  # the same content queued twice
    signed = a.db.raw.execute("SELECT count(*) FROM contract WHERE pdf_hash != ''").fetchone()[0]
    first = a.sync()
    assert first.exports == 2 + signed  # the day's two files and the demo's signed contracts
    assert a.sync().exports == 0  # delivered files are not sent again
    files = HubStore(hub_dsn).exports()
    assert sorted(f["file_name"] for f in files if f["kind"] == "deliveries") == sorted(
        [result.csv.name, result.json.name]
    )
    hashes = {f["sha256"] for f in files if f["kind"] == "signed_contract"}
    kept = {r[0] for r in a.db.raw.execute("SELECT pdf_hash FROM contract WHERE pdf_hash != ''")}
    assert signed >= 1 and hashes == kept  # the signed papers are at the hub too
    stored = HubStore(hub_dsn).export_content(
        next(f["sha256"] for f in files if f["file_name"].endswith(".csv"))
    )
    assert stored == result.csv.read_bytes()
    assert stored is not None and stored.startswith("\ufeff".encode())


def test_hub_commands(postgres: LocalPostgres, tmp_path: Path, demo_template: Path) -> None:
    """`hub init`, `hub add-device` (prints a token a PC syncs with) and `hub exports`."""
    dsn = postgres.create_database("hub_cli")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop_app", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert run("hub", "init", "--dsn", dsn).returncode == 0
    added = run("hub", "add-device", "--dsn", dsn, "--site", "SH01", "--label", "前台")
    assert added.returncode == 0
    token = added.stdout.strip()
    assert token.startswith("dd_")
    server = HubServer(dsn).start()
    try:
        shutil.copy(demo_template, tmp_path / "pc.sqlite")
        done = run(
            "sync", "--db", str(tmp_path / "pc.sqlite"), "--hub", server.url, "--token", token
        )
        assert done.returncode == 0, done.stderr
        assert "pushed" in done.stdout and "refused 0" in done.stdout
        bad = run("sync", "--db", str(tmp_path / "pc.sqlite"), "--token", "dd_wrong")
        assert bad.returncode == 1 and "unauthorized" in bad.stderr
        stopped = run(
            "sync",
            "--db",
            str(tmp_path / "pc.sqlite"),
            "--hub",
            "http://127.0.0.1:9",
            "--token",
            token,
        )
        assert stopped.returncode == 1 and "offline" in stopped.stderr
    finally:
        server.stop()
    listed = run("hub", "exports", "--dsn", dsn)
    assert listed.returncode == 0
    devices = run("hub", "devices", "--dsn", dsn)
    assert devices.returncode == 0
    [line] = devices.stdout.splitlines()
    site, label, device, code, _seen, state = line.split("\t")
    assert (site, label, state) == ("SH01", "前台", "active") and len(code) == 4
    assert run("hub", "revoke", "--dsn", dsn, "--device", device).returncode == 0
    assert run("hub", "revoke", "--dsn", dsn, "--device", "nobody").returncode == 1
    assert run("hub", "devices", "--dsn", dsn).stdout.rstrip().endswith("revoked")
    server = HubServer(dsn).start()
    try:  # the revoked PC is refused; what it has stays on it
        refused = run("sync", "--db", str(tmp_path / "pc.sqlite"), "--hub", server.url)
        assert refused.returncode == 1 and "unauthorized" in refused.stderr
    finally:
        server.stop()
    unreachable = run("hub", "exports", "--dsn", "host=127.0.0.1 port=9 user=x dbname=y")
    assert unreachable.returncode == 2 and "cannot reach" in unreachable.stderr


def test_two_pcs_of_a_store_never_share_a_number_code(
    tmp_path: Path, demo_template: Path, hub: HubServer, hub_dsn: str
) -> None:
    """Quote and contract numbers carry a 4-character PC code; the hub keeps them unique in a
    store (a clash of device-id tails is rare, not impossible)."""
    from desktop_app.domain.quotes import TERMINAL_KEY

    a = new_pc(tmp_path, "a", hub.url, hub_dsn, demo_template)
    a.sync()
    mine = a.db.meta(TERMINAL_KEY)
    assert mine and len(mine) == 4
    twin = new_pc(tmp_path, "twin", hub.url, hub_dsn, None)
    twin.db.set_meta(TERMINAL_KEY, mine)  # as if its device id ended like A's
    twin.sync()
    theirs = twin.db.meta(TERMINAL_KEY)
    assert theirs and len(theirs) == 4 and theirs != mine
    a.sync()
    twin.sync()  # codes stay put once given
    assert (a.db.meta(TERMINAL_KEY), twin.db.meta(TERMINAL_KEY)) == (mine, theirs)


def test_a_pc_moved_to_a_new_hub_sends_everything_again(
    tmp_path: Path, demo_template: Path, postgres: LocalPostgres, hub: HubServer, hub_dsn: str
) -> None:
    """A hub rebuilt (or restored from an old backup): the PC's journal goes up again and it
    pulls from the start; nothing the new hub lacks stays missing."""
    a = new_pc(tmp_path, "a", hub.url, hub_dsn, demo_template)
    first = a.sync()
    new_dsn = postgres.create_database("hub_rebuilt")
    HubStore(new_dsn).init()
    rebuilt = HubServer(new_dsn).start()
    try:
        a.url, a.token = rebuilt.url, HubStore(new_dsn).add_device("SH01", "a again")
        again = a.sync()
        assert again.pushed == first.pushed and not again.refused
        b = new_pc(tmp_path, "b", rebuilt.url, new_dsn, None)
        b.sync()
        for table in SYNCED_TABLES:
            assert table_rows(b.db, table) == table_rows(a.db, table), table
        assert a.sync().pushed == 0  # and only once
    finally:
        rebuilt.stop()
