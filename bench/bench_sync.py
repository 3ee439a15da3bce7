"""Sync with the hub: pushing 100,000 changes, pulling them into a new PC, incremental syncs,
and the window's frame time while a sync runs.

    python bench/bench_sync.py [--rows 100000] [--rounds 10] [--edits 100] [--ui-rows 20000]

Starts its own PostgreSQL on loopback (``tests/pg.py``: the system's server binaries, a private
data folder, fsync off as in the tests) and one hub service instance in this process (uvicorn
in a thread, ``tests/hub_fixtures.HubServer``); the PCs are real SQLite files in a temporary
folder, each registered with the hub as its own device. PC A starts as the demo store
(50 customers, its staff, catalogue, workshop, deliveries, quotes and care history: about 2,800
changes), syncs once untimed, then gets ``--rows`` new rows (customers and their cars, half
and half, written through the normal connection so the journal triggers make one change each).

Figures, each beside a bare baseline measured in this process:

- push: ``SyncClient.push`` of A's ``--rows`` changes (batches of 2,000, as the app sends
  them); baseline: a psycopg ``COPY … FROM STDIN`` of the same rows (key, the row's values as
  jsonb) into a plain table with a primary key, then commit;
- pull: ``SyncClient.pull`` into a new, empty PC B (the store's snapshot: the demo rows and the
  new ones, pages of 2,000); baseline: a psycopg ``COPY (SELECT key, data …) TO STDOUT`` of the
  same hub rows, read row by row;
- incremental: ``--edits`` customers edited on A, then A's full pass (hello, push, pull,
  exports), then B's full pass that receives them; ``--rounds`` rounds after one untimed;
  baseline: the ``/health`` round trip to the hub (HTTP over loopback, no database);
- frame time: a visible window repainting on a 16 ms timer (offscreen platform), the interval
  between its paint events while PC B runs a full pass on a Python thread with its own
  ``Database``, as the window's sync controller runs it: B has ``--ui-rows`` new rows to push
  and A has pushed as many that B pulls; baseline: the same window idle afterwards. First with
  the hub in this process (its request handling competes for the same GIL, pessimistic), then
  with the hub as its own process (``python -m desktop_app hub serve``), as deployed.

Nothing passes or fails on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import (  # noqa: E402
    fmt,
    fmt_ratio,
    heading,
    machine_line,
    median,
    ms,
    p95,
    print_table,
    ratio,
)

TARGET_PUSH_S = 30.0
TARGET_PULL_S = 30.0
TARGET_INCREMENTAL_S = 0.5
TARGET_FRAME_MS = 50.0
TODAY = dt.date(2026, 11, 20)
DEMO_CUSTOMERS = 50
SITE = "SH01"
FRAME_MS = 16
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红春梅海燕雪松"
DISTRICTS = ("浦东新区", "闵行区", "徐汇区", "长宁区", "静安区", "普陀区", "杨浦区", "宝山区")
ROADS = ("世纪大道", "张杨路", "虹梅路", "漕溪北路", "延安西路", "南京西路", "中山北路")
COLOURS = ("珍珠白", "曜石黑", "星空灰", "冰川银", "宝石蓝", "烈焰红")
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"

CUSTOMER_SQL = (
    "INSERT INTO customer (id, created_at, updated_at, updated_by, site_id, name, mobile, "
    "phone2, id_number, birthday, address, city, locality, tier, tags, notes) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
VEHICLE_SQL = (
    "INSERT INTO vehicle (id, created_at, updated_at, updated_by, customer_id, vin, plate, "
    "model_id, colour, engine_no, mileage_km, sale_date, warranty_end, insurance_expiry, "
    "last_visit) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _time(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# -- the PCs ----------------------------------------------------------------------------------


def build_template(folder: Path) -> Path:
    """The demo store with a few customers: site, staff, catalogue and a little of everything."""
    from desktop_app.services import demo_data
    from desktop_app.storage.db import open_database

    path = folder / "template.sqlite"
    db = open_database(path)
    try:
        demo_data.generate(db, customers=DEMO_CUSTOMERS, seed=3, today=TODAY, workers=0)
        db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return path


def add_rows(db: Any, count: int, first: int, seed: int) -> tuple[int, int]:
    """``count`` new rows written through the normal connection (so journaled, one change
    each): a customer, then a car of that customer, and so on. Mobiles, VINs and plates are
    unique by index (``first`` onwards), so no two runs make duplicate customers."""
    from desktop_app.storage.ids import uuid7

    rng = random.Random(seed)
    site_id = db.meta("site_id") or db.raw.execute("SELECT id FROM site LIMIT 1").fetchone()[0]
    actor = db.raw.execute("SELECT id FROM staff WHERE username = 'advisor1'").fetchone()[0]
    models = [r[0] for r in db.raw.execute("SELECT id FROM vehicle_model ORDER BY id")]
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    customers: list[tuple[Any, ...]] = []
    vehicles: list[tuple[Any, ...]] = []
    n_customers = n_vehicles = 0

    def flush() -> None:
        with db.write():
            db.raw.executemany(CUSTOMER_SQL, customers)
            db.raw.executemany(VEHICLE_SQL, vehicles)
        customers.clear()
        vehicles.clear()

    with db.bulk_load():
        customer_id = ""
        for k in range(count):
            index = first + k // 2
            if k % 2 == 0:
                customer_id = uuid7()
                birthday = dt.date(rng.randrange(1958, 2004), rng.randrange(1, 13), 1 + k % 28)
                customers.append(
                    (
                        customer_id,
                        now,
                        now,
                        actor,
                        site_id,
                        rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=2)),
                        f"166{index:08d}",
                        "",
                        "",
                        birthday.isoformat(),
                        f"上海市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}{k % 1999 + 1}号",
                        "上海市",
                        "local",
                        rng.choice(("potential", "intention", "owner", "loyal")),
                        rng.choice(("", "", "VIP", "车队客户")),
                        "",
                    )
                )
                n_customers += 1
            else:
                sale = TODAY - dt.timedelta(days=rng.randrange(30, 3000))
                vehicles.append(
                    (
                        uuid7(),
                        now,
                        now,
                        actor,
                        customer_id,
                        "LSV" + "".join(rng.choices(VIN_CHARS, k=6)) + f"T{index:07d}",
                        "沪" + rng.choice("ABCDEFGHJKLMN") + f"{index % 10**5:05d}",
                        rng.choice(models),
                        rng.choice(COLOURS),
                        f"E{index:09d}",
                        rng.randrange(1000, 150_000),
                        sale.isoformat(),
                        (sale + dt.timedelta(days=3 * 365)).isoformat(),
                        (TODAY + dt.timedelta(days=rng.randrange(1, 365))).isoformat(),
                        (TODAY - dt.timedelta(days=rng.randrange(5, 400))).isoformat(),
                    )
                )
                n_vehicles += 1
            if len(customers) + len(vehicles) >= 10_000:
                flush()
        flush()
    return n_customers, n_vehicles


def edit_customers(db: Any, ids: list[str], round_no: int) -> None:
    """One consultant's afternoon: ``len(ids)`` customers with a new note and tier."""
    from desktop_app.storage.db import utc_now_text

    now = utc_now_text()
    with db.write():
        db.raw.executemany(
            "UPDATE customer SET notes = ?, tier = ?, updated_at = ? WHERE id = ?",
            [
                (f"回访 {round_no}: 客户要求下周试驾", ("intention", "owner")[round_no % 2], now, i)
                for i in ids
            ],
        )


def unpushed(db: Any) -> int:
    row = db.raw.execute("SELECT count(*) FROM change_log WHERE pushed_at IS NULL").fetchone()
    return int(row[0])


def _client(pc: Any, **kw: Any) -> Any:
    from desktop_app.sync.client import HttpTransport, SyncClient

    return SyncClient(pc.db, HttpTransport(pc.url, timeout=120), pc.token, **kw)


# -- the bare baselines -----------------------------------------------------------------------


def bare_copy_in(dsn: str, rows: list[tuple[str, dict[str, Any]]]) -> float:
    """COPY the rows (key, values as jsonb) into a plain table with a primary key; seconds,
    serialising the values included."""
    import psycopg

    with psycopg.connect(dsn) as conn:
        conn.execute("DROP TABLE IF EXISTS bare_rows")
        conn.execute("CREATE TABLE bare_rows (key text PRIMARY KEY, data jsonb NOT NULL)")
        conn.commit()
        started = time.perf_counter()
        with conn.cursor() as cur, cur.copy("COPY bare_rows (key, data) FROM STDIN") as copy:
            for key, values in rows:
                copy.write_row((key, json.dumps(values, ensure_ascii=False)))
        conn.commit()
        return time.perf_counter() - started


def bare_copy_out(dsn: str) -> tuple[float, int]:
    """COPY the site's hub rows (key, data) out in the hub's order, row by row."""
    import psycopg

    with psycopg.connect(dsn) as conn:
        started = time.perf_counter()
        n = 0
        with conn.cursor() as cur:
            with cur.copy(
                "COPY (SELECT key, data FROM hub_row WHERE site = 'SH01' ORDER BY seq) TO STDOUT"
            ) as copy:
                for _row in copy.rows():
                    n += 1
        return time.perf_counter() - started, n


def health_round_trip(url: str) -> float:
    import urllib.request

    started = time.perf_counter()
    with urllib.request.urlopen(url + "/health", timeout=10) as response:
        response.read()
    return time.perf_counter() - started


def pushed_rows(db: Any, after_seq: int) -> list[tuple[str, dict[str, Any]]]:
    """The rows behind the journal entries after ``after_seq``, as the push reads them."""
    from desktop_app.storage.schema import SYNC_COLUMNS, SYNCED_TABLES

    out = []
    for table in ("customer", "vehicle"):
        columns = (*SYNC_COLUMNS, *SYNCED_TABLES[table])
        found = db.raw.execute(
            f"SELECT {', '.join('t.' + c for c in columns)} FROM {table} t "
            f"JOIN change_log j ON j.row_id = t.id AND j.table_name = '{table}' "
            "WHERE j.seq > ?",
            (after_seq,),
        )
        out += [(f"{table}:{r[0]}", dict(zip(columns, r, strict=True))) for r in found]
    return out


# -- the window while a sync runs -------------------------------------------------------------


class FrameProbe:
    """A visible widget repainted by a 16 ms timer; records when each paint happens."""

    def __init__(self) -> None:
        from PySide6.QtCore import QRect, Qt, QTimer
        from PySide6.QtGui import QColor, QPainter
        from PySide6.QtWidgets import QWidget

        probe = self
        self.stamps: list[float] = []
        self.status = "idle"

        class Canvas(QWidget):
            def paintEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
                probe.stamps.append(time.perf_counter())
                painter = QPainter(self)
                painter.fillRect(self.rect(), QColor("#f4f6f8"))
                painter.fillRect(QRect(20, 20, len(probe.stamps) % 600, 24), QColor("#2f6fde"))
                painter.drawText(
                    QRect(20, 60, 700, 30), Qt.AlignmentFlag.AlignLeft, f"同步: {probe.status}"
                )
                painter.end()

        self.canvas = Canvas()
        self.canvas.resize(800, 200)
        self.canvas.show()
        self.timer = QTimer()
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self.canvas.update)

    def measure(self, until: Callable[[], bool]) -> list[float]:
        """Run the event loop until ``until()``; the intervals between paints in ms."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        check = QTimer()
        check.setInterval(FRAME_MS)
        check.timeout.connect(lambda: loop.quit() if until() else None)
        self.stamps = []
        self.timer.start()
        check.start()
        loop.exec()
        check.stop()
        self.timer.stop()
        return [ms(b - a) for a, b in zip(self.stamps, self.stamps[1:], strict=False)]


def frames_during_sync(pc: Any, url: str) -> dict[str, Any]:
    """PC ``pc``'s full pass with the hub at ``url`` on a thread of its own, as the window's
    sync controller runs it (its own ``Database`` sharing the window's clock, opened on that
    thread; progress queued to the GUI thread by a signal), while the probe window repaints."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication

    from desktop_app.storage.db import Database
    from desktop_app.sync.client import HttpTransport, SyncClient
    from desktop_app.sync.protocol import BACKGROUND_BATCH

    app = QApplication.instance() or QApplication([sys.argv[0]])
    probe = FrameProbe()

    class Relay(QObject):
        progress = Signal(str, "qint64", "qint64")  # type: ignore[arg-type]

    relay = Relay()
    relay.progress.connect(
        lambda phase, count, total: setattr(probe, "status", f"{phase} {count:,} / {total:,}")
    )
    sync_db = Database(pc.db.path, clock=pc.db.clock, bind_models=False)
    done = threading.Event()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            db = sync_db.open()  # this thread's own connection
            try:
                started = time.perf_counter()
                outcome["report"] = SyncClient(  # as the window's background pass runs it
                    db,
                    HttpTransport(url, timeout=120),
                    pc.token,
                    progress=relay.progress.emit,
                    batch=BACKGROUND_BATCH,
                    page=BACKGROUND_BATCH,
                ).run()
                outcome["seconds"] = time.perf_counter() - started
            finally:
                db.close()
        except Exception as exc:  # shown; the bench goes on
            outcome["error"] = repr(exc)
        finally:
            done.set()

    app.processEvents()
    thread = threading.Thread(target=work, name="bench-sync", daemon=True)
    thread.start()
    busy = probe.measure(done.is_set)
    thread.join()
    idle_until = time.perf_counter() + max(2.0, min(outcome.get("seconds", 2.0), 10.0))
    idle = probe.measure(lambda: time.perf_counter() >= idle_until)
    probe.canvas.close()
    return {"busy": busy, "idle": idle, **outcome}


class HubProcess:
    """The hub service as its own process (``python -m desktop_app hub serve``), as deployed:
    its work does not share this process's GIL."""

    def __init__(self, dsn: str) -> None:
        from tests.pg import free_port

        self.dsn = dsn
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> HubProcess:
        from common import REPO

        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "hub", "serve", "--dsn", self.dsn]
            + ["--port", str(self.port)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                health_round_trip(self.url)
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the hub service process did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# -- the run ----------------------------------------------------------------------------------


def run(
    rows: int = 100_000, rounds: int = 10, edits: int = 100, ui_rows: int = 20_000
) -> dict[str, Any]:
    from desktop_app.hub.store import HubStore
    from desktop_app.sync.client import SyncReport
    from tests.hub_fixtures import HubServer, new_pc
    from tests.pg import LocalPostgres, find_bin_dir

    heading(f"sync: push {rows:,} changes, pull them into a new PC, incremental, frame time")
    print(machine_line())
    bin_dir = find_bin_dir()
    if bin_dir is None:
        print("PostgreSQL server binaries are missing (make test installs them): skipped")
        return {}
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    saved_home = os.environ.get("DEALERDESK_HOME")
    os.environ["DEALERDESK_HOME"] = str(folder / "home")  # demo photos and contracts
    pg: Any = None
    server: Any = None
    hub_process: HubProcess | None = None
    pcs: list[Any] = []
    try:
        started = time.perf_counter()
        pg = LocalPostgres(bin_dir).start()
        dsn = pg.create_database("hub")
        HubStore(dsn).init()
        server = HubServer(dsn).start()
        bare_dsn = pg.create_database("bare")
        print(
            f"PostgreSQL {bin_dir.parent.name} and the hub service up in "
            f"{time.perf_counter() - started:.1f} s"
        )

        started = time.perf_counter()
        template = build_template(folder)
        a = new_pc(folder, "a", server.url, dsn, template, SITE)
        pcs.append(a)
        demo_changes = unpushed(a.db)
        first = a.sync()
        print(
            f"PC A (the demo store, {demo_changes:,} changes) built and synced once in "
            f"{time.perf_counter() - started:.1f} s: {first.summary()}"
        )

        # -- push --------------------------------------------------------------------------
        last_seq = int(a.db.raw.execute("SELECT max(seq) FROM change_log").fetchone()[0])
        started = time.perf_counter()
        n_customers, n_vehicles = add_rows(a.db, rows, first=0, seed=1)
        print(
            f"{n_customers:,} customers + {n_vehicles:,} cars written on A in "
            f"{time.perf_counter() - started:.1f} s: {unpushed(a.db):,} changes waiting",
            flush=True,
        )
        pushed = SyncReport()
        push_s = _time(lambda: _client(a).push(pushed))
        same_rows = pushed_rows(a.db, last_seq)
        copy_in = [bare_copy_in(bare_dsn, same_rows) for _ in range(3)]

        # -- pull into a new PC --------------------------------------------------------------
        b = new_pc(folder, "b", server.url, dsn, None, SITE)
        pcs.append(b)
        pulled = SyncReport()
        pull_s = _time(lambda: _client(b).pull(pulled))
        copy_out = [bare_copy_out(dsn) for _ in range(3)]

        print(f"push and pull done: {push_s:.1f} s, {pull_s:.1f} s", flush=True)

        # -- incremental ---------------------------------------------------------------------
        ids = [r[0] for r in a.db.raw.execute("SELECT id FROM customer ORDER BY id")]
        rng = random.Random(5)
        inc_a: list[float] = []
        inc_b: list[float] = []
        health: list[float] = []
        counts: set[tuple[int, int]] = set()
        for round_no in range(rounds + 1):  # the first untimed
            edit_customers(a.db, rng.sample(ids, edits), round_no)
            got: dict[str, Any] = {}
            took_a = _time(lambda got=got: got.setdefault("a", a.sync()))
            took_b = _time(lambda got=got: got.setdefault("b", b.sync()))
            took_h = health_round_trip(server.url)
            if round_no:
                inc_a.append(took_a)
                inc_b.append(took_b)
                health.append(took_h)
                counts.add((got["a"].pushed, got["b"].pulled))

        # -- frame time: the hub in this process, then in its own ------------------------------
        hub_process = HubProcess(dsn).start()
        frames: dict[str, dict[str, Any]] = {}
        for n, (label, url) in enumerate(
            (
                ("hub in this process (shares the GIL)", server.url),
                ("hub in its own process", hub_process.url),
            )
        ):
            add_rows(a.db, ui_rows, first=rows + 2 * n * ui_rows, seed=10 + n)
            _client(a).push(SyncReport())  # for B to pull
            add_rows(b.db, ui_rows, first=rows + (2 * n + 1) * ui_rows, seed=20 + n)
            frames[label] = frames_during_sync(b, url)
    finally:
        for pc in pcs:
            pc.db.close()
        if hub_process is not None:
            hub_process.stop()
        if server is not None:
            server.stop()
        if pg is not None:
            pg.stop()
        if saved_home is None:
            os.environ.pop("DEALERDESK_HOME", None)
        else:
            os.environ["DEALERDESK_HOME"] = saved_home
        shutil.rmtree(folder, ignore_errors=True)

    copy_in_s = median(copy_in)
    copy_out_s = median([c[0] for c in copy_out])
    copy_out_rows = copy_out[0][1]
    print()
    print(
        f"bulk: {pushed.pushed:,} changes pushed by A ({len(pushed.refused)} refused); "
        f"{pulled.pulled:,} rows pulled by the new PC B ({pulled.conflicts} conflicts), the "
        f"demo store's rows included; batches and pages of 2,000; COPY: median of 3; times in s"
    )
    print_table(
        ["figure", "rows", "ours", "rows/s", "COPY", "COPY rows/s", "ratio", "target"],
        [
            [
                "push (SyncClient.push)",
                fmt(pushed.pushed),
                fmt(push_s, 2),
                fmt(pushed.pushed / push_s, 0),
                fmt(copy_in_s, 2),
                fmt(len(same_rows) / copy_in_s, 0),
                fmt_ratio(ratio(push_s, copy_in_s)),
                f"≤ {TARGET_PUSH_S:.0f}",
            ],
            [
                "pull into a new PC (SyncClient.pull)",
                fmt(pulled.pulled),
                fmt(pull_s, 2),
                fmt(pulled.pulled / pull_s, 0),
                fmt(copy_out_s, 2),
                fmt(copy_out_rows / copy_out_s, 0),
                fmt_ratio(ratio(pull_s, copy_out_s)),
                f"≤ {TARGET_PULL_S:.0f}",
            ],
        ],
    )
    print(
        f"incremental: {edits} customers edited on A per round (pushed, B pulled: "
        f"{', '.join(f'{p}, {q}' for p, q in sorted(counts))}), {rounds} rounds after one "
        "untimed; full passes (hello, push, pull, exports); times in ms"
    )
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row("A's pass that sends them", inc_a, health, TARGET_INCREMENTAL_S * 1000),
            _row("B's pass that receives them", inc_b, health, TARGET_INCREMENTAL_S * 1000),
        ],
    )
    print(
        f"frame time: a window repainted every {FRAME_MS} ms while PC B's full pass runs on a "
        f"thread ({ui_rows:,} new rows to push, {ui_rows:,} of A's to pull); idle = the same "
        "window afterwards for as long (2-10 s); intervals between paints in ms"
    )
    frame_rows = []
    for label, measured in frames.items():
        busy, idle = measured["busy"], measured["idle"]
        report = measured.get("report")
        frame_rows.append(
            [
                label,
                fmt(measured.get("seconds", float("nan")), 1),
                fmt(report.pushed if report else None),
                fmt(report.pulled if report else None),
                fmt(len(busy)),
                fmt(median(busy), 1),
                fmt(p95(busy), 1),
                fmt(max(busy, default=float("nan")), 1),
                fmt(p95(idle), 1),
                fmt(max(idle, default=float("nan")), 1),
                fmt_ratio(ratio(max(busy, default=0.0), max(idle, default=0.0))),
                f"< {TARGET_FRAME_MS:.0f}",
            ]
        )
        if report is None:
            print(f"  {label}: the pass failed: {measured.get('error', '?')}")
    print_table(
        [
            "figure",
            "pass s",
            "pushed",
            "pulled",
            "frames",
            "median",
            "p95",
            "max",
            "idle p95",
            "idle max",
            "ratio max",
            "target",
        ],
        frame_rows,
    )
    print(
        "bare: push = psycopg COPY FROM STDIN of the same rows (key, values as jsonb) into a "
        "plain table with a primary key; pull = COPY TO STDOUT of the same hub rows (key, data); "
        "incremental = GET /health on the hub"
    )
    return {
        "rows": pushed.pushed,
        "push_s": push_s,
        "copy_in_s": copy_in_s,
        "pulled": pulled.pulled,
        "pull_s": pull_s,
        "copy_out_s": copy_out_s,
        "incremental_a_ms": median([ms(s) for s in inc_a]),
        "incremental_a_p95_ms": p95([ms(s) for s in inc_a]),
        "incremental_b_ms": median([ms(s) for s in inc_b]),
        "incremental_b_p95_ms": p95([ms(s) for s in inc_b]),
        "health_ms": median([ms(s) for s in health]),
        "frames": {
            label.split(" (")[0]: {
                "max_ms": max(m["busy"], default=float("nan")),
                "p95_ms": p95(m["busy"]),
                "idle_max_ms": max(m["idle"], default=float("nan")),
            }
            for label, m in frames.items()
        },
    }


def summary_rows(figures: dict[str, Any]) -> list[list[str]]:
    """The summary table's rows (run_all.py); none when the bench was skipped."""
    if not figures:
        return []

    def line(
        label: str, value: float, bare: float, base: str, target: float, digits: int, below: bool
    ) -> list[str]:
        within = value < target if below else value <= target
        return [
            label,
            fmt(value, digits),
            f"{base} {fmt(bare, digits)}" if base else "",
            fmt_ratio(ratio(value, bare)) if base else "",
            f"{'<' if below else '≤'} {target:.0f}",
            "yes" if within else "NO",
        ]

    frame_rows = [
        line(
            f"frame interval during a sync, {label}, max (ms)",
            measured["max_ms"],
            measured["idle_max_ms"],
            "idle",
            TARGET_FRAME_MS,
            1,
            True,
        )
        for label, measured in figures["frames"].items()
    ]
    return [
        line(
            f"sync push, {figures['rows']:,} changes (s)",
            figures["push_s"],
            figures["copy_in_s"],
            "COPY in",
            TARGET_PUSH_S,
            2,
            False,
        ),
        line(
            f"sync pull into a new PC, {figures['pulled']:,} rows (s)",
            figures["pull_s"],
            figures["copy_out_s"],
            "COPY out",
            TARGET_PULL_S,
            2,
            False,
        ),
        line(
            "sync of 100 changes, sending PC, p95 (ms)",
            figures["incremental_a_p95_ms"],
            figures["health_ms"],
            "GET /health",
            TARGET_INCREMENTAL_S * 1000,
            1,
            False,
        ),
        *frame_rows,
    ]


def _row(label: str, ours: list[float], bare: list[float], target_ms: float) -> list[str]:
    ours_ms = [ms(s) for s in ours]
    bare_ms = [ms(s) for s in bare]
    return [
        label,
        fmt(median(ours_ms), 1),
        fmt(p95(ours_ms), 1),
        fmt(median(bare_ms), 2),
        fmt(p95(bare_ms), 2),
        fmt_ratio(ratio(median(ours_ms), median(bare_ms))),
        f"≤ {target_ms:.0f}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="changes pushed and pulled")
    parser.add_argument("--rounds", type=int, default=10, help="timed incremental rounds")
    parser.add_argument("--edits", type=int, default=100, help="customers edited per round")
    parser.add_argument("--ui-rows", type=int, default=20_000, help="changes synced in a thread")
    args = parser.parse_args(argv)
    run(args.rows, args.rounds, args.edits, args.ui_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
