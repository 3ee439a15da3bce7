"""The appointment board: a busy day and week loaded and painted, a drag-and-drop move through
the service, and the next-free-slot search.

    python bench/bench_board.py [--runs 9] [--keep PATH]

Builds its own database in a temporary folder: the demo store (200 customers), then bays and
technicians up to 20 of each, then 300 appointments a day on the 20 bays (15 jobs of 30
minutes a bay, one technician a bay) for 14 days from a Monday a month ahead — about 4,200
appointments; the week board shows 7 of those days (about 2,100). The service's clock is set
to 07:00 on that Monday so every move is in the future.

Figures, each beside a bare baseline measured in this process:

- day board: ``AppointmentService.day`` + ``DayBoardModel.set_board`` + the view's spans and
  sizes + ``view.grab()`` (offscreen: grab is a full paint); baseline: a raw sqlite3 select of
  the same rows + a plain ``QStandardItemModel`` of the same size with the same texts in a
  plain ``QTableView``, grabbed;
- move: ``dropMimeData`` on the day model → ``AppointmentsView.request_move`` →
  ``AppointmentService.move`` with every check, committed (synchronous runner), then the
  moved card put on the board; also ``service.move`` alone; baseline: a raw sqlite3 UPDATE
  of one row, committed;
- week board: as the day board, for the 7 days;
- next free slot over 14 days: ``service.next_free`` for a job that fits nowhere (it scans
  all 14 days) and for a 30-minute job; baseline: the raw select of the 14 days' rows.

Nothing passes or fails on time. ``make_application`` applies the app's work-around for
PySide6 6.12 on CPython 3.11 (see ``desktop_app.app.keep_none_alive``), without which this
many paints abort the interpreter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
import tempfile
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

TARGET_MOVE_MS = 50.0
TARGET_WEEK_MS = 300.0
TARGET_FREE_MS = 20.0
RESOURCES = 20
PER_BAY = 15  # 30-minute jobs: 30 of 36 slots of a 08:30–17:30 day
DAYS = 14
# slot offsets of the jobs in a bay: pairs of jobs, then a free slot; 34–35 stay free
STARTS = [0, 2, 4, 7, 9, 11, 14, 16, 18, 21, 23, 25, 28, 30, 32]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红春梅海燕雪松"
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def build(path: Path, first: dt.date) -> dict[str, Any]:
    """The demo store plus 20 bays, 20 technicians and 300 appointments a day for 14 days."""
    from desktop_app.domain.appointments import (
        Appointment,
        Status,
        Transport,
        WorkItem,
        make_serial,
    )
    from desktop_app.domain.roles import Role
    from desktop_app.services import demo_data
    from desktop_app.storage.appointments import AppointmentRepository
    from desktop_app.storage.db import open_database
    from desktop_app.storage.repositories import BayRepository, SiteRepository, StaffRepository

    db = open_database(path)
    demo_data.generate(db, customers=200, seed=1, workers=0)
    site = SiteRepository(db).current()
    assert site is not None
    raw = db.raw
    bays = [
        r[0]
        for r in raw.execute("SELECT id FROM service_bay WHERE deleted_at IS NULL ORDER BY code")
    ]
    bay_repo = BayRepository(db)
    for i in range(len(bays), RESOURCES):
        bays.append(bay_repo.add(site.id, f"X{i:02d}", f"机修工位 {i + 1}", "general"))
    techs = [
        r[0]
        for r in raw.execute(
            "SELECT id FROM staff WHERE roles LIKE '%technician%' ORDER BY username"
        )
    ]
    staff = StaffRepository(db)
    for i in range(len(techs), RESOURCES):
        techs.append(
            staff.create(site.id, f"btech{i}", f"技师{i + 1:02d}", [Role.TECHNICIAN], "x").id
        )
    advisors = [
        r[0]
        for r in raw.execute(
            "SELECT id FROM staff WHERE roles LIKE '%service_advisor%' ORDER BY username"
        )
    ]
    rng = random.Random(1)
    repo = AppointmentRepository(db)
    work = [WorkItem("常规保养（机油机滤）", 30, "MS00")]
    count = 0
    with db.write():
        for d in range(DAYS):
            day = first + dt.timedelta(days=d)
            opening = dt.datetime.combine(day, dt.time(8, 30))
            number = 0
            for b, bay in enumerate(bays[:RESOURCES]):
                for slot in STARTS:
                    number += 1
                    start = opening + dt.timedelta(minutes=15 * slot)
                    plate = (
                        "沪"
                        + rng.choice(LETTERS)
                        + "".join(rng.choices(LETTERS + "0123456789", k=5))
                    )
                    a = Appointment(
                        serial=make_serial(day, number),
                        start=start,
                        end=start + dt.timedelta(minutes=30),
                        status=Status.BOOKED if rng.random() < 0.6 else Status.CONFIRMED,
                        transport=Transport.DROP_OFF,
                        work=list(work),
                        bay_id=bay,
                        technician_id=techs[b],
                        advisor_id=rng.choice(advisors),
                        customer_name=rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=2)),
                        phone=f"1{rng.randrange(10**10):010d}",
                        plate=plate,
                        model_name="丰田 凯美瑞",
                    )
                    repo.insert(a, site.id, advisors[0])
                    count += 1
    db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {"appointments": count, "bays": len(bays), "technicians": len(techs)}


def _time(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return ms(time.perf_counter() - started)


def raw_rows(conn: sqlite3.Connection, start: dt.datetime, end: dt.datetime) -> list[Any]:
    from desktop_app.storage.appointments import local_text

    return conn.execute(
        "SELECT * FROM appointment WHERE start_at >= ? AND start_at < ? AND deleted_at IS NULL "
        "ORDER BY start_at",
        (local_text(start), local_text(end)),
    ).fetchall()


def plain_table(rows: int, cols: int, texts: list[tuple[int, int, str]]) -> Any:
    """A QStandardItemModel of the same size with the same texts, in a plain QTableView."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    model = QStandardItemModel(rows, cols)
    for r, c, text in texts:
        model.setItem(r, c, QStandardItem(text))
    view = QTableView()
    view.setModel(model)
    view.resize(1600, 900)
    view.show()
    view.grab()
    view.close()
    return model


def run(runs: int = 9, keep: Path | None = None) -> dict[str, Any]:
    from PySide6.QtCore import QModelIndex, Qt

    from desktop_app.app import make_application
    from desktop_app.domain.appointments import MOVABLE, WorkItem
    from desktop_app.services.appointments import AppointmentService, Draft
    from desktop_app.services.auth import AuthService
    from desktop_app.services.customers import CustomerService
    from desktop_app.storage.appointments import local_text
    from desktop_app.storage.db import open_database
    from desktop_app.ui.appointments.board_model import DayBoardModel, WeekBoardModel
    from desktop_app.ui.appointments.board_view import BoardView
    from desktop_app.ui.appointments.view import AppointmentsView
    from desktop_app.ui.messages import DialogService
    from desktop_app.ui.tasks import TaskRunner

    app = make_application([sys.argv[0]])
    today = dt.date.today()
    ahead = today + dt.timedelta(days=30)
    first = ahead - dt.timedelta(days=ahead.weekday())  # a Monday a month ahead
    folder = Path(tempfile.mkdtemp(prefix="bench-board-"))
    path = keep or folder / "board.sqlite"
    heading(
        f"appointment board: {RESOURCES} bays, {RESOURCES * PER_BAY} appointments a day, "
        f"{DAYS} days"
    )
    print(machine_line())
    started = time.perf_counter()
    built = build(path, first)
    print(
        f"database built in {time.perf_counter() - started:.1f} s: {built['appointments']:,} "
        f"appointments from {first} on, {built['bays']} bays, {built['technicians']} technicians"
    )
    db = open_database(path)
    session = AuthService(db).session_for("manager")
    now = dt.datetime.combine(first, dt.time(7, 0))
    service = AppointmentService(db, session, now=lambda: now)
    conn = sqlite3.connect(path)
    day_start = dt.datetime.combine(first, dt.time())
    results: dict[str, dict[str, list[float]]] = {}

    def record(name: str, ours: list[float], base: list[float]) -> None:
        results[name] = {"ours": ours, "base": base}

    try:
        # -- the day board ---------------------------------------------------------------
        day_model = DayBoardModel()
        day_view = BoardView()
        day_view.now_fn = service.now
        day_view.setModel(day_model)
        day_view.resize(1600, 900)
        day_view.show()

        def day_load_paint() -> None:
            day_model.set_board(service.day(first))
            day_view.grab()

        day_load_paint()  # warm
        board = service.day(first)
        n_day = len(board.appointments)
        day_texts = [
            (p.row, p.col, f"{p.appointment.plate} · {p.appointment.customer_name}")
            for p in (day_model.placement(a.id or "") for a in board.appointments)
            if p is not None
        ]
        rows, cols = day_model.rowCount(), day_model.columnCount()
        ours, base, load_only = [], [], []
        for _ in range(runs):
            load_only.append(_time(lambda: service.day(first)))
            ours.append(_time(day_load_paint))
            base.append(
                _time(
                    lambda: (
                        raw_rows(conn, day_start, day_start + dt.timedelta(days=1)),
                        plain_table(rows, cols, day_texts),
                    )
                )
            )
        record(f"day board, {n_day} appointments: load + first paint", ours, base)
        record(
            "  of which service.day (load only)",
            load_only,
            [
                _time(lambda: raw_rows(conn, day_start, day_start + dt.timedelta(days=1)))
                for _ in range(runs)
            ],
        )

        # -- a drag-and-drop move through the service -------------------------------------
        runner = TaskRunner(synchronous=True)
        errors: list[BaseException] = []
        runner.bug_handler = errors.append
        view = AppointmentsView(service, CustomerService(db, session), runner, DialogService())
        view.resize(1600, 900)
        view.show()
        view.show_day(first)
        refused: list[str] = []
        view.dialogs.warning = lambda *args: refused.append(args[2])  # type: ignore[method-assign]
        m = view.day_model
        last_slot = STARTS[-1]
        last_start = dt.datetime.combine(first, dt.time(8, 30)) + last_slot * dt.timedelta(
            minutes=15
        )
        movers = [a for a in m.appointments() if a.status in MOVABLE and a.start == last_start]
        with conn:  # the baseline's table: the same rows without the change-journal triggers
            conn.execute("CREATE TABLE bench_move (id TEXT PRIMARY KEY, start_at, end_at)")
            conn.execute("INSERT INTO bench_move SELECT id, start_at, end_at FROM appointment")
        ours, base = [], []
        for i in range(runs):
            a = m.appointment(movers[i % len(movers)].id or "")
            assert a is not None and a.id
            placed = m.placement(a.id)
            assert placed is not None
            col = placed.col + 2 if placed.col == last_slot else placed.col - 2
            mime = m.mimeData([m.index(placed.row, placed.col)])
            ours.append(
                _time(
                    lambda mime=mime, row=placed.row, col=col: m.dropMimeData(
                        mime, Qt.DropAction.MoveAction, row, col, QModelIndex()
                    )
                )
            )
        for i in range(runs):
            a = movers[i % len(movers)]

            def raw_update(a: Any = a) -> None:
                with conn:
                    conn.execute(
                        "UPDATE bench_move SET start_at = ?, end_at = ? WHERE id = ?",
                        (local_text(a.start), local_text(a.end), a.id),
                    )

            base.append(_time(raw_update))
        if refused or errors:
            print(f"warning: moves refused or failed: {refused[:1]} {errors[:1]}")
        record("drop → service.move (all checks) → board updated", ours, base)
        direct = []
        for i in range(runs):
            a = service.repo.get(movers[i % len(movers)].id or "")
            assert a is not None and a.id
            direct.append(_time(lambda a=a: service.move(a.id, _other_end(a, last_slot))))
        record("  of which service.move alone", direct, base)

        # -- the week board --------------------------------------------------------------
        week_model = WeekBoardModel()
        week_view = BoardView()
        week_view.now_fn = service.now
        week_view.setModel(week_model)
        week_view.resize(1600, 900)
        week_view.show()

        def week_load_paint() -> None:
            week_model.set_board(service.week(first))
            week_view.grab()

        week_load_paint()
        week = service.week(first)
        n_week = len(week.appointments)
        week_texts = [
            (week_model.first_row_of(a.bay_id), (a.start.date() - first).days, a.plate)
            for a in week.appointments
        ]
        wrows, wcols = week_model.rowCount(), week_model.columnCount()
        ours, base, load_only = [], [], []
        for _ in range(runs):
            load_only.append(_time(lambda: service.week(first)))
            ours.append(_time(week_load_paint))
            base.append(
                _time(
                    lambda: (
                        raw_rows(conn, day_start, day_start + dt.timedelta(days=7)),
                        plain_table(wrows, wcols, week_texts),
                    )
                )
            )
        record(f"week board, {n_week:,} appointments: load + first paint", ours, base)
        record(
            "  of which service.week (load only)",
            load_only,
            [
                _time(lambda: raw_rows(conn, day_start, day_start + dt.timedelta(days=7)))
                for _ in range(runs)
            ],
        )

        # -- next free slot over 14 days -------------------------------------------------
        fortnight = [
            _time(lambda: raw_rows(conn, day_start, day_start + dt.timedelta(days=DAYS)))
            for _ in range(runs)
        ]
        big = Draft(start=now, work=[WorkItem("钣金喷漆（单面）", 240, "PB01")])
        small = Draft(start=now, work=[WorkItem("常规保养（机油机滤）", 30, "MS00")])
        found_none = service.next_free(big)
        found_some = service.next_free(small)
        record(
            f"next free, 4 h job ({len(found_none)} found: scans {DAYS} days)",
            [_time(lambda: service.next_free(big)) for _ in range(runs)],
            fortnight,
        )
        record(
            f"next free, 30 min job ({len(found_some)} found)",
            [_time(lambda: service.next_free(small)) for _ in range(runs)],
            fortnight,
        )
    finally:
        conn.close()
        db.close()
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
        del app

    targets = {
        "drop → service.move (all checks) → board updated": TARGET_MOVE_MS,
        "week board": TARGET_WEEK_MS,
        "next free": TARGET_FREE_MS,
    }
    table = []
    for name, r in results.items():
        target = next((t for k, t in targets.items() if name.startswith(k)), None)
        o, b = r["ours"], r["base"]
        table.append(
            [
                name,
                fmt(median(o), 1),
                fmt(p95(o), 1),
                fmt(median(b), 1),
                fmt(p95(b), 1),
                fmt_ratio(ratio(median(o), median(b))),
                f"≤ {target:.0f}" if target else "",
                ("yes" if median(o) <= target else "NO") if target else "",
            ]
        )
    print(f"{runs} timed runs after one untimed; times in ms")
    print()
    print_table(
        ["figure", "ours med", "ours p95", "base med", "base p95", "ratio", "target", "within"],
        table,
    )
    print(
        "baselines: day/week board = raw sqlite3 select of the same rows + plain "
        "QStandardItemModel/QTableView of the same size and texts, grabbed; move = raw "
        "sqlite3 UPDATE of one row committed (a copy of the table without the journal "
        "triggers); load only and next free = raw select of the same rows"
    )
    return {k: {"median": median(v["ours"]), "p95": p95(v["ours"])} for k, v in results.items()}


def _other_end(a: Any, last_slot: int) -> dt.datetime:
    """Slot 32 ↔ 34: the last job of a bay and the free slots after it."""
    opening = dt.datetime.combine(a.start.date(), dt.time(8, 30))
    slot = (a.start - opening) // dt.timedelta(minutes=15)
    return opening + dt.timedelta(minutes=15 * (last_slot + 2 if slot == last_slot else last_slot))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--keep", type=Path, help="build the database here and keep it")
    args = parser.parse_args(argv)
    run(args.runs, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
