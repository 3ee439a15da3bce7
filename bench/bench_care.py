"""Customer care: generating the worklist for 50,000 vehicles, opening it with 5,000 open tasks,
and the KPI month over two years of history.

    python bench/bench_care.py [--customers 20000] [--months 24] [--vehicles 50000] [--runs 30]

Builds its own databases in a temporary folder: the demo store with ``--customers`` customers
and ``--months`` months of care history for every car (visits, appointments, repair orders,
closed care tasks with their attempts and outcomes, deliveries, complaints — the demo's
history, made longer and for every car), then its vehicles copied in SQL (new ids and VINs,
dates shifted) until ``--vehicles`` owned cars are on file.

Figures, each beside a bare baseline measured in this process:

- generation: ``CareService.generate`` on a fresh copy (it makes the tasks of the copied cars)
  and again on the same file (it makes nothing); baseline: the generator's own reads with plain
  sqlite3 (vehicles with owner, model and booking; birthdays; closed repair orders; the task
  index) and one ``executemany`` of as many task rows as the first run made into a plain table;
- the worklist: ``CareService.worklist(today)`` with exactly ``--open`` tasks open today (a
  tenth of them with unanswered calls on file); baseline: a raw select of the same open rows
  joined to customer and vehicle, without the attempt counts;
- the KPI month: ``CareService.kpi_month`` of the last complete month and ``kpi_trend`` of 12
  months; baseline: the same seven counts as plain range counts (no EXISTS, no date functions).

Every figure runs once untimed first; ours and bare interleave. Nothing passes or fails on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import fmt, fmt_ratio, heading, machine_line, median, ms, p95, print_table, ratio

TARGET_GENERATE_S = 5.0
TARGET_WORKLIST_MS = 150.0
TARGET_KPI_MS = 300.0
TODAY = dt.date(2026, 11, 20)
MONTH = "2026-10"  # the report due on 1 November
NOW = dt.datetime(2026, 11, 20, 10, 40)


def _time(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# -- the store --------------------------------------------------------------------------------


def build_store(folder: Path, customers: int, months: int, vehicles: int) -> tuple[Path, str]:
    """The demo store with ``months`` of history for every car, then cars copied up to
    ``vehicles``; returns the file and a line saying what is in it."""
    import desktop_app.services.demo_care as demo_care
    from desktop_app.services import demo_data
    from desktop_app.storage.db import open_database

    saved = demo_care.HISTORY_MONTHS, demo_care.MAX_HISTORY_CARS
    demo_care.HISTORY_MONTHS, demo_care.MAX_HISTORY_CARS = months, 10**9
    path = folder / "bench-care.sqlite"
    db = open_database(path)
    try:
        started = time.perf_counter()
        try:
            demo_data.generate(db, customers=customers, seed=3, today=TODAY)
        finally:
            demo_care.HISTORY_MONTHS, demo_care.MAX_HISTORY_CARS = saved
        built = time.perf_counter() - started
        started = time.perf_counter()
        copied = clone_vehicles(db, vehicles)
        cloned = time.perf_counter() - started
        db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = {
            t: int(db.raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in ("vehicle", "repair_order", "appointment", "care_task", "care_attempt")
        }
    finally:
        db.close()
    line = (
        f"demo store, {customers:,} customers, {months} months of history: {built:.1f} s; "
        f"{copied:,} cars copied in {cloned:.1f} s; on file: "
        + ", ".join(f"{n:,} {t}" for t, n in counts.items())
    )
    return path, line


def clone_vehicles(db: Any, total: int) -> int:
    """Copy owned vehicles (new ids and VINs, sale and visit dates shifted back by up to 300
    days) until ``total`` owned vehicles are on file; the journal records them as any insert."""
    have = int(
        db.raw.execute("SELECT count(*) FROM vehicle WHERE customer_id IS NOT NULL").fetchone()[0]
    )
    round_no = 0
    made = 0
    with db.bulk_load():
        while have < total:
            round_no += 1
            with db.write():
                cursor = db.raw.execute(
                    """
                    INSERT INTO vehicle (id, created_at, updated_at, updated_by, customer_id, vin,
                        plate, model_id, colour, engine_no, mileage_km, sale_date, warranty_end,
                        insurance_expiry, last_visit)
                    SELECT lower(hex(randomblob(16))), created_at, updated_at, updated_by,
                        customer_id, printf('CLONE%02d%010d', ?, rowid), '', model_id, colour,
                        engine_no, mileage_km,
                        date(sale_date, printf('-%d days', (rowid * 7 + ?) % 300)),
                        date(warranty_end, printf('-%d days', (rowid * 7 + ?) % 300)),
                        insurance_expiry,
                        CASE WHEN last_visit IS NULL THEN NULL
                             ELSE max(date(last_visit, printf('-%d days', (rowid * 11 + ?) % 200)),
                                      date(sale_date, printf('-%d days', (rowid * 7 + ?) % 300)))
                        END
                    FROM vehicle WHERE customer_id IS NOT NULL AND vin NOT LIKE 'CLONE%'
                    LIMIT ?
                    """,
                    (round_no, round_no, round_no, round_no, round_no, total - have),
                )
                have += cursor.rowcount
                made += cursor.rowcount
    return made


# -- (a) generation ---------------------------------------------------------------------------


def bare_generation(path: Path, rows: int) -> float:
    """The generator's reads in plain sqlite3, and one executemany of ``rows`` task rows."""
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    try:
        today = TODAY.isoformat()
        conn.execute(
            "SELECT v.id, v.customer_id, v.sale_date, v.warranty_end, v.insurance_expiry, "
            "v.last_visit, v.mileage_km, c.locality, m.first_service_months, "
            "EXISTS (SELECT 1 FROM appointment a WHERE a.vehicle_id = v.id AND a.start_at >= ? "
            "AND a.status IN ('booked', 'confirmed')) FROM vehicle v "
            "JOIN customer c ON c.id = v.customer_id LEFT JOIN vehicle_model m "
            "ON m.id = v.model_id",
            (today,),
        ).fetchall()
        conn.execute("SELECT id, birthday FROM customer WHERE birthday IS NOT NULL").fetchall()
        conn.execute(
            "SELECT id, customer_id, vehicle_id, closed_at FROM repair_order WHERE closed_at >= ?",
            ((TODAY - dt.timedelta(days=15)).isoformat(),),
        ).fetchall()
        conn.execute(
            "SELECT id, kind, vehicle_id, customer_id, source, source_id, due, status "
            "FROM care_task"
        ).fetchall()
        conn.execute("CREATE TEMP TABLE t (id, kind, customer_id, vehicle_id, due, opens, key)")
        with conn:
            conn.executemany(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    (f"{n:032x}", "regular_maintenance", "c", "v", today, today, f"k{n}")
                    for n in range(rows)
                ),
            )
    finally:
        conn.close()
    return time.perf_counter() - started


def bench_generation(template: Path, folder: Path, runs: int) -> dict[str, Any]:
    from desktop_app.services.auth import AuthService
    from desktop_app.services.care import CareService
    from desktop_app.storage.db import open_database

    figures: dict[str, list[float]] = {"first": [], "again": [], "bare": []}
    created = vehicles = 0
    for n in range(runs + 1):  # the first run untimed
        target = folder / f"generate-{n}.sqlite"
        shutil.copy(template, target)
        db = open_database(target)
        try:
            care = CareService(db, AuthService(db).session_for("care1"), now=lambda: NOW)
            started = time.perf_counter()
            report = care.generate(TODAY)
            first = time.perf_counter() - started
            started = time.perf_counter()
            again = care.generate(TODAY)
            second = time.perf_counter() - started
            assert again.created == 0, again
            created = report.created
            vehicles = int(
                db.raw.execute(
                    "SELECT count(*) FROM vehicle WHERE customer_id IS NOT NULL"
                ).fetchone()[0]
            )
        finally:
            db.close()
        bare = bare_generation(target, created)
        if n:
            figures["first"].append(first)
            figures["again"].append(second)
            figures["bare"].append(bare)
        if n < runs:
            target.unlink()
    figures_out: dict[str, Any] = {"figures": figures, "created": created, "vehicles": vehicles}
    figures_out["generated"] = folder / f"generate-{runs}.sqlite"
    return figures_out


# -- (b) the worklist -------------------------------------------------------------------------


def exactly_open(path: Path, wanted: int) -> int:
    """Make exactly ``wanted`` tasks open today (closing extras, copying open ones when short);
    a tenth of them get one or two unanswered calls. Returns the number open."""
    from desktop_app.storage.db import open_database

    db = open_database(path)
    try:
        today = TODAY.isoformat()
        with db.write():
            visible = [
                r[0]
                for r in db.raw.execute(
                    "SELECT id FROM care_task WHERE status = 'open' AND opens <= ? "
                    "AND deleted_at IS NULL ORDER BY id",
                    (today,),
                )
            ]
            if len(visible) > wanted:
                extra = visible[wanted:]
                for start in range(0, len(extra), 500):
                    part = extra[start : start + 500]
                    db.raw.execute(
                        f"UPDATE care_task SET status = 'done' WHERE id IN "
                        f"({','.join('?' * len(part))})",
                        part,
                    )
                visible = visible[:wanted]
            while len(visible) < wanted:
                db.raw.execute(
                    "INSERT INTO care_task (id, created_at, updated_at, updated_by, site_id, "
                    "kind, customer_id, vehicle_id, source, source_id, due, opens, title, status) "
                    "SELECT lower(hex(randomblob(16))), created_at, updated_at, updated_by, "
                    "site_id, kind, customer_id, vehicle_id, 'bench', source_id, due, opens, "
                    "title, status FROM care_task WHERE status = 'open' AND opens <= ? LIMIT ?",
                    (today, wanted - len(visible)),
                )
                visible = [
                    r[0]
                    for r in db.raw.execute(
                        "SELECT id FROM care_task WHERE status = 'open' AND opens <= ?", (today,)
                    )
                ]
            calls = [
                (f"bench-call-{n:08d}-{k}", task, part)
                for n, task in enumerate(visible[::10])
                for k, part in enumerate(("09:10", "15:20")[: 1 + n % 2])
            ]
            db.raw.executemany(
                "INSERT INTO care_attempt (id, created_at, updated_at, task_id, at, reason) "
                "VALUES (?, '2026-11-19T01:00:00.000Z', '2026-11-19T01:00:00.000Z', ?, "
                "'2026-11-19 ' || ?, 'no_answer')",
                calls,
            )
        return len(visible)
    finally:
        db.close()


def bench_worklist(path: Path, runs: int) -> dict[str, list[float]]:
    from desktop_app.services.auth import AuthService
    from desktop_app.services.care import CareService
    from desktop_app.storage.db import open_database

    db = open_database(path)
    bare = sqlite3.connect(path)
    try:
        care = CareService(db, AuthService(db).session_for("care1"), now=lambda: NOW)
        sql = (
            "SELECT t.id, t.kind, t.status, t.opens, t.due, t.title, c.name, c.mobile, v.plate "
            "FROM care_task t LEFT JOIN customer c ON c.id = t.customer_id "
            "LEFT JOIN vehicle v ON v.id = t.vehicle_id WHERE t.status = 'open' AND t.opens <= ? "
            "ORDER BY t.due LIMIT 20000"
        )
        jobs: dict[str, Callable[[], int]] = {
            "worklist": lambda: len(care.worklist(TODAY)),
            "mine": lambda: len(care.worklist(TODAY, mine=True)),
            "text": lambda: len(care.worklist(TODAY, text="王")),
            "bare": lambda: len(bare.execute(sql, (TODAY.isoformat(),)).fetchall()),
        }
        figures: dict[str, list[float]] = {name: [] for name in jobs}
        sizes = {name: float(job()) for name, job in jobs.items()}  # untimed first run
        for _run in range(runs):
            for name, job in jobs.items():
                figures[name].append(ms(_time(job)))
        figures["sizes"] = [sizes[n] for n in ("worklist", "mine", "text", "bare")]
        return figures
    finally:
        bare.close()
        db.close()


# -- (c) the KPI month ------------------------------------------------------------------------


def bare_kpis(conn: sqlite3.Connection, first: str, end: str) -> list[int]:
    """The same seven questions as plain range counts."""
    q = conn.execute
    return [
        int(
            q(
                "SELECT count(*) FROM care_task WHERE kind = 'first_maintenance' AND due >= ? "
                "AND due < ?",
                (first, end),
            ).fetchone()[0]
        ),
        int(
            q(
                "SELECT count(*) FROM care_task WHERE kind = 'regular_maintenance' AND due >= ? "
                "AND due < ?",
                (first, end),
            ).fetchone()[0]
        ),
        int(
            q(
                "SELECT count(*) FROM repair_order WHERE opened_at >= ? AND opened_at < ?",
                (first, end),
            ).fetchone()[0]
        ),
        int(
            q(
                "SELECT count(*) FROM appointment WHERE start_at >= ? AND start_at < ?",
                (first, end),
            ).fetchone()[0]
        ),
        int(q("SELECT count(DISTINCT customer_id) FROM vehicle").fetchone()[0]),
        int(
            q(
                "SELECT count(*) FROM care_task WHERE kind = 'delivery_callback' AND due >= ? "
                "AND due < ?",
                (first, end),
            ).fetchone()[0]
        ),
        int(
            q(
                "SELECT count(*) FROM delivery WHERE delivered_at >= ? AND delivered_at < ?",
                (first, end),
            ).fetchone()[0]
        ),
    ]


def bench_kpis(path: Path, runs: int) -> dict[str, Any]:
    from desktop_app.services.auth import AuthService
    from desktop_app.services.care import CareService
    from desktop_app.storage.db import open_database

    db = open_database(path)
    bare = sqlite3.connect(path)
    try:
        care = CareService(db, AuthService(db).session_for("care1"), now=lambda: NOW)
        kpis = care.kpi_month(MONTH)
        trend = care.kpi_trend(MONTH)
        oldest = care.kpi_trend(MONTH, 24)[0]
        jobs: dict[str, Callable[[], Any]] = {
            "month": lambda: care.kpi_month(MONTH),
            "trend": lambda: care.kpi_trend(MONTH),
            "bare": lambda: bare_kpis(bare, "2026-10-01", "2026-11-01"),
        }
        figures: dict[str, list[float]] = {name: [] for name in jobs}
        for job in jobs.values():
            job()
        for _run in range(runs):
            for name, job in jobs.items():
                figures[name].append(ms(_time(job)))
        return {"figures": figures, "kpis": kpis, "trend": trend, "oldest": oldest}
    finally:
        bare.close()
        db.close()


# -- the run ----------------------------------------------------------------------------------


def run(
    customers: int = 20_000,
    months: int = 24,
    vehicles: int = 50_000,
    open_tasks: int = 5_000,
    runs: int = 30,
    generations: int = 3,
) -> dict[str, Any]:
    heading("customer care: generation, worklist, KPI month")
    print(machine_line())
    folder = Path(tempfile.mkdtemp(prefix="bench-care-"))
    try:
        template, line = build_store(folder, customers, months, vehicles)
        print(line)
        generated = bench_generation(template, folder, generations)
        kpi = bench_kpis(generated["generated"], runs)
        shown = exactly_open(generated["generated"], open_tasks)
        worklist = bench_worklist(generated["generated"], runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    g = generated["figures"]
    print()
    print(
        f"generation: {generated['vehicles']:,} owned vehicles, {generated['created']:,} "
        f"tasks made by the first run on a fresh copy, none by the second; {generations} timed "
        "runs after one untimed; times in s"
    )
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row("generate(), fresh copy", g["first"], g["bare"], f"≤ {TARGET_GENERATE_S:.0f}", 2),
            _row("generate() again (makes nothing)", g["again"], g["bare"], "", 2),
        ],
    )
    sizes = dict(zip(("worklist", "mine", "text", "bare"), worklist["sizes"], strict=True))
    print(
        f"worklist: {shown:,} tasks open today, {runs} timed runs; times in ms; rows returned "
        "in brackets"
    )
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row(
                f"worklist(today) [{sizes['worklist']:.0f}]",
                worklist["worklist"],
                worklist["bare"],
                f"≤ {TARGET_WORKLIST_MS:.0f}",
                1,
            ),
            _row(
                f"worklist(mine) [{sizes['mine']:.0f}]", worklist["mine"], worklist["bare"], "", 1
            ),
            _row(
                f"worklist(text) [{sizes['text']:.0f}]", worklist["text"], worklist["bare"], "", 1
            ),
        ],
    )
    k = kpi["figures"]
    month = kpi["kpis"]
    print(
        f"KPI month {MONTH}: first {month.first_maintenance_return} %, regular "
        f"{month.regular_maintenance_return} %, appointments {month.appointment_rate} %, shows "
        f"{month.show_rate} %, lost {month.lost_rate} %, callbacks {month.callbacks_on_time} %, "
        f"explanation {month.explanation_minutes} min; history from {kpi['oldest'].month} "
        f"(appointment rate {kpi['oldest'].appointment_rate} %); {runs} timed runs; times in ms"
    )
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row("kpi_month()", k["month"], k["bare"], f"≤ {TARGET_KPI_MS:.0f}", 1),
            _row("kpi_trend(), 12 months", k["trend"], k["bare"], "", 1),
        ],
    )
    print(
        "bare: generation = the generator's reads in plain sqlite3 + one executemany of as many "
        "task rows; worklist = raw select of the open rows with names and plates; KPI = the "
        "same seven counts as plain range counts"
    )
    return {
        "generate_s": median(g["first"]),
        "generate_again_s": median(g["again"]),
        "generate_bare_s": median(g["bare"]),
        "vehicles": generated["vehicles"],
        "worklist_ms": median(worklist["worklist"]),
        "worklist_bare_ms": median(worklist["bare"]),
        "open_tasks": shown,
        "kpi_ms": median(k["month"]),
        "kpi_bare_ms": median(k["bare"]),
        "trend_ms": median(k["trend"]),
    }


def summary_rows(figures: dict[str, Any]) -> list[list[str]]:
    """The summary table's rows (run_all.py)."""

    def line(
        label: str, value: float, bare: float, base: str, target: float, digits: int
    ) -> list[str]:
        return [
            label,
            fmt(value, digits),
            f"{base} {fmt(bare, digits)}",
            fmt_ratio(ratio(value, bare)),
            f"≤ {target:.0f}",
            "yes" if value <= target else "NO",
        ]

    return [
        line(
            f"care generation, {figures['vehicles']:,} vehicles (s)",
            figures["generate_s"],
            figures["generate_bare_s"],
            "reads + executemany",
            TARGET_GENERATE_S,
            2,
        ),
        line(
            f"care worklist, {figures['open_tasks']:,} open tasks (ms)",
            figures["worklist_ms"],
            figures["worklist_bare_ms"],
            "raw sqlite3",
            TARGET_WORKLIST_MS,
            1,
        ),
        line(
            "care KPI month, two years of history (ms)",
            figures["kpi_ms"],
            figures["kpi_bare_ms"],
            "range counts",
            TARGET_KPI_MS,
            1,
        ),
    ]


def _row(
    label: str, ours: list[float], bare: list[float], target: str, digits: int = 3
) -> list[str]:
    return [
        label,
        fmt(median(ours), digits),
        fmt(p95(ours), digits),
        fmt(median(bare), digits),
        fmt(p95(bare), digits),
        fmt_ratio(ratio(median(ours), median(bare))),
        target,
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=20_000, help="demo customers")
    parser.add_argument("--months", type=int, default=24, help="months of care history")
    parser.add_argument("--vehicles", type=int, default=50_000, help="owned cars on file")
    parser.add_argument("--open", type=int, default=5_000, help="tasks open today")
    parser.add_argument("--runs", type=int, default=30, help="timed runs of worklist and KPI")
    parser.add_argument("--generations", type=int, default=3, help="timed generation runs")
    args = parser.parse_args(argv)
    run(args.customers, args.months, args.vehicles, args.open, args.runs, args.generations)
    return 0


if __name__ == "__main__":
    sys.exit(main())
