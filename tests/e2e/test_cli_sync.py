"""`screenshot --view sync` of a PC holding a real conflict, made by two PCs and a real hub;
the PNG is kept in $DD_SHOTS_DIR when that is set (for looking at it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hub_fixtures import Store, edit

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_sync_view_screenshot_shows_a_real_conflict(store: Store, tmp_path: Path, lang: str):
    customer = store.a.db.raw.execute("SELECT id FROM customer ORDER BY id LIMIT 1").fetchone()[0]
    edit(store.a.db, "customer", customer, city="杭州")
    edit(store.b.db, "customer", customer, city="苏州")
    store.b.db.set_meta("hub_url", store.hub.url)  # a registered PC, as a user has it
    store.b.db.set_meta("hub_token", store.b.token)
    store.a.sync()
    store.b.sync()
    conflicts = store.b.db.raw.execute("SELECT count(*) FROM sync_conflict WHERE status = 'open'")
    assert conflicts.fetchone()[0] == 1
    store.b.db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    out = tmp_path / f"sync-{lang}.png"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            "screenshot",
            "--db",
            store.b.db.path,
            "--view",
            "sync",
            "--lang",
            lang,
            "--size",
            "1600x900",
            "--out",
            str(out),
        ],
        check=False,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 40_000
    if os.environ.get("DD_SHOTS_DIR"):
        shutil.copy(out, Path(os.environ["DD_SHOTS_DIR"]) / out.name)
