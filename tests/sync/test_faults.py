"""Lost acknowledgements, duplicated and replayed batches, server errors, time-outs, a sync
process killed with SIGKILL, clock skew, old schemas, two hub instances: nothing is lost,
nothing is applied twice, and every op is on record as applied or refused with a reason."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.hub.store import HubStore
from desktop_app.storage.migrations import SCHEMA_VERSION
from desktop_app.storage.schema import SYNCED_TABLES
from desktop_app.sync.client import HttpTransport, SyncClient
from desktop_app.sync.protocol import SyncError, SyncErrorKind
from tests.hub_fixtures import HubServer, Pc, Store, edit, sync_all, table_rows


def edit_many(pc: Pc, count: int, tag: str) -> list[str]:
    ids = [r[0] for r in pc.db.raw.execute("SELECT id FROM customer ORDER BY id LIMIT ?", (count,))]
    for i, customer in enumerate(ids):
        edit(pc.db, "customer", customer, notes=f"{tag}-{i}")
    return ids


def assert_converged(store: Store) -> None:
    sync_all(store)
    for table in SYNCED_TABLES:
        a = table_rows(store.a.db, table)
        assert table_rows(store.b.db, table) == a, table
        assert table_rows(store.c.db, table) == a, table
    for pc in store.pcs:
        assert pc.db.integrity_check() == ["ok"]
        waiting = pc.db.raw.execute("SELECT count(*) FROM change_log WHERE pushed_at IS NULL")
        assert waiting.fetchone()[0] == 0
    hub = HubStore(store.dsn)
    outcomes = hub.op_outcomes()
    applied = Counter(op for op, outcome, _ in outcomes if outcome == "applied")
    assert all(n == 1 for n in applied.values()), "an op was applied twice"
    assert {o for _, o, _ in outcomes} <= {"applied", "refused", "conflict", "conflict_recorded"}
    assert all(reason for _, outcome, reason in outcomes if outcome == "refused")
    seqs = hub.change_seqs()
    assert seqs == list(range(1, len(seqs) + 1)), "a gap in the hub's sequence"


class Faulty:
    """A transport that misbehaves once on the n-th call of a kind."""

    def __init__(self, url: str, path: str, fault: str, nth: int = 1) -> None:
        self.http = HttpTransport(url, timeout=20)
        self.path, self.fault, self.nth = path, fault, nth
        self.calls = 0
        self.sent: list[tuple[str, str, bytes | None, dict[str, str]]] = []

    def __call__(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, bytes]:
        if not path.startswith(self.path):
            return self.http(method, path, body, headers)
        self.calls += 1
        self.sent.append((method, path, body, headers))
        if self.calls != self.nth:
            return self.http(method, path, body, headers)
        if self.fault == "lost_ack":  # the hub did it, the answer never arrived
            self.http(method, path, body, headers)
            raise SyncError(SyncErrorKind.OFFLINE, "connection reset")
        if self.fault == "duplicate":  # the proxy sent it twice
            self.http(method, path, body, headers)
            return self.http(method, path, body, headers)
        if self.fault == "server_error":
            return 500, b"Internal Server Error"
        if self.fault == "bad_gateway_after":  # applied, then the proxy failed
            self.http(method, path, body, headers)
            return 502, b"<html>Bad Gateway</html>"
        if self.fault == "timeout":
            raise SyncError(SyncErrorKind.OFFLINE, "timed out")
        raise AssertionError(self.fault)


@pytest.mark.parametrize(
    "fault", ["lost_ack", "duplicate", "server_error", "bad_gateway_after", "timeout"]
)
@pytest.mark.parametrize("where", ["/v1/push", "/v1/pull"])
def test_faults_lose_nothing_and_duplicate_nothing(store: Store, fault: str, where: str) -> None:
    edit_many(store.a, 30, "a")
    edit_many(store.b, 20, "b")
    store.a.sync()
    transport = Faulty(store.hub.url, where, fault, nth=2)
    client = SyncClient(store.b.db, transport, store.b.token, batch=7, page=9)
    if fault == "duplicate":
        client.run()
    else:
        with pytest.raises(SyncError):
            client.run()
        client.run()  # the next pass picks up where the broken one stopped
    assert_converged(store)


def test_a_replayed_old_batch_changes_nothing(store: Store) -> None:
    customer = edit_many(store.b, 1, "first")[0]
    transport = Faulty(store.hub.url, "/v1/push", "none", nth=0)
    SyncClient(store.b.db, transport, store.b.token).run()
    old_push = transport.sent[0]
    edit(store.b.db, "customer", customer, notes="second")
    store.b.sync()
    before = HubStore(store.dsn).change_seqs()
    method, path, body, headers = old_push
    headers = {**headers, "X-DD-Time": str(time.time_ns() // 1_000_000)}
    status, raw = HttpTransport(store.hub.url)(method, path, body, headers)
    assert status == 200 and json.loads(raw)["skipped"] >= 1
    assert HubStore(store.dsn).change_seqs() == before
    assert_converged(store)
    assert (
        store.c.db.raw.execute("SELECT notes FROM customer WHERE id = ?", (customer,)).fetchone()[0]
        == "second"
    )


def test_sync_killed_at_random_points_loses_nothing(store: Store, tmp_path: Path) -> None:
    """`python -m desktop_app sync` in a subprocess, killed with SIGKILL again and again while it
    pushes or pulls, then left to finish."""
    rng = random.Random(7)
    for round_ in range(8):
        edit_many(store.a, 300, f"a{round_}")
    for pc in store.pcs:
        pc.db.set_meta("hub_url", store.hub.url)
        pc.db.set_meta("hub_token", pc.token)
        pc.db.set_meta("sync_batch", "200")  # many small requests: many places to die
    store.a.sync()
    for round_ in range(8):
        edit_many(store.b, 300, f"b{round_}")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    command = [sys.executable, "-m", "desktop_app", "sync"]
    killed_while_working = 0
    for pc in (store.b, store.c):
        for _ in range(5):
            proc = subprocess.Popen(
                [*command, "--db", pc.db.path],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
            assert proc.stdout is not None
            proc.stdout.readline()  # "syncing …": the pass has begun
            time.sleep(rng.uniform(0.0, 0.4))
            if proc.poll() is None:
                killed_while_working += 1
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
        done = subprocess.run(
            [*command, "--db", pc.db.path],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "pushed" in done.stdout
    assert killed_while_working >= 5
    assert_converged(store)


def test_a_clock_off_by_more_than_five_minutes_is_refused(store: Store) -> None:
    edit_many(store.b, 3, "late")

    def wall() -> int:
        return time.time_ns() // 1_000_000 + 6 * 60 * 1000

    client = SyncClient(store.b.db, HttpTransport(store.hub.url), store.b.token, wall_ms=wall)
    with pytest.raises(SyncError) as refused:
        client.run()
    assert refused.value.kind == SyncErrorKind.CLOCK_SKEW
    assert "minutes" in refused.value.detail
    waiting = store.b.db.raw.execute("SELECT count(*) FROM change_log WHERE pushed_at IS NULL")
    assert waiting.fetchone()[0] >= 3  # kept for when the clock is right
    assert store.b.db.meta("last_attempt_ok") == "0"
    store.b.sync()  # clock fixed
    assert_converged(store)


def _hello(url: str, token: str, device: str, schema: int, clock_ms: int) -> tuple[int, dict]:
    request = urllib.request.Request(
        url + "/v1/hello",
        headers={
            "Authorization": f"Bearer {token}",
            "X-DD-Device": device,
            "X-DD-Schema": str(schema),
            "X-DD-Time": str(clock_ms),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_the_hub_checks_schema_clock_and_token(store: Store) -> None:
    now = time.time_ns() // 1_000_000
    url, token, device = store.hub.url, store.b.token, store.b.db.device_id
    assert _hello(url, token, device, SCHEMA_VERSION, now)[0] == 200
    assert _hello(url, token, device, SCHEMA_VERSION - 1, now)[0] == 200  # previous: accepted
    status, body = _hello(url, token, device, SCHEMA_VERSION - 2, now)
    assert status == 426 and body["error"] == "schema"
    status, body = _hello(url, token, device, SCHEMA_VERSION, now - 10 * 60 * 1000)
    assert status == 409 and body["error"] == "clock_skew"
    status, body = _hello(url, token, "another-pc", SCHEMA_VERSION, now)
    assert status == 403 and body["error"] == "wrong_device"
    status, body = _hello(url, "dd_made_up", device, SCHEMA_VERSION, now)
    assert status == 401


def test_a_device_may_not_write_another_stores_rows(store: Store, tmp_path: Path) -> None:
    from tests.hub_fixtures import new_pc

    intruder = new_pc(tmp_path, "bj", store.hub.url, store.dsn, Path(store.a.db.path), "BJ02")
    customer = intruder.db.raw.execute("SELECT id FROM customer LIMIT 1").fetchone()[0]
    edit(intruder.db, "customer", customer, name="别店改的")
    report = intruder.sync()
    refused = [r for r in report.refused if r["id"] == customer]
    assert refused and "store SH01" in refused[0]["reason"]
    store.a.sync()
    assert (
        store.a.db.raw.execute("SELECT name FROM customer WHERE id = ?", (customer,)).fetchone()[0]
        != "别店改的"
    )
    intruder.db.close()


def test_two_hub_instances_serve_pushes_concurrently_without_gaps(store: Store) -> None:
    second = HubServer(store.dsn).start()
    try:
        for n, pc in enumerate(store.pcs):
            edit_many(pc, 120, f"pc{n}")
        errors: list[BaseException] = []

        def push(pc: Pc, url: str) -> None:
            try:
                SyncClient(pc.db, HttpTransport(url), pc.token, batch=10).run()
            except BaseException as exc:  # reported below
                errors.append(exc)

        threads = [
            threading.Thread(target=push, args=(pc, url))
            for pc, url in zip(store.pcs, (store.hub.url, second.url, second.url), strict=True)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not errors, errors
        seqs = HubStore(store.dsn).change_seqs()
        assert seqs == list(range(1, len(seqs) + 1))
    finally:
        second.stop()
    assert_converged(store)
