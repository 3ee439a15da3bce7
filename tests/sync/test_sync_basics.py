"""A demo store's PC pushes everything; a new PC registered for the store receives it all."""

from __future__ import annotations

from pathlib import Path

from desktop_app.storage.schema import SYNCED_TABLES
from tests.hub_fixtures import HubServer, new_pc, table_rows


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
