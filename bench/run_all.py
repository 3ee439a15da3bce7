"""Every benchmark in sequence, then one summary of the figures beside their targets.

    python bench/run_all.py [--db bench/.data/bench-200k.sqlite] [--customers 200000]

1. the shared database (built with the demo-data CLI only if missing; its build time shown),
2. search as you type on it (bench_search.py),
3. start-up to first paint and memory on it (bench_startup.py),
4. demo data into a fresh temporary file, timed on its own (bench_demo_data.py),
5. quotes: live totals per change, a 5,000-row price-list import, listing 2,000 quotes
   (bench_quotes.py, in its own temporary files),
6. the quote and purchase-contract PDFs on a small demo store of their own
   (bench_quote_pdf.py).
7. the customer-care monthly report PDF on a small demo store of its own (bench_kpi_report.py),
8. customer care: generating tasks for 50,000 vehicles, the worklist with 5,000 open tasks and
   the KPI month over two years of history, on a store of its own (bench_care.py).
9. sync: pushing 100,000 changes to the hub, pulling them into a new PC, incremental syncs and
   the window's frame time during a sync, with a PostgreSQL of its own (bench_sync.py; skipped
   when the PostgreSQL server binaries are missing).

Figures only: nothing here passes or fails on time. ``--customers 20000 --db /tmp/x.sqlite``
makes a quick run; the targets are for 200,000 customers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import bench_care
import bench_demo_data
import bench_kpi_report
import bench_quote_pdf
import bench_quotes
import bench_search
import bench_startup
import bench_sync
from common import (
    BENCH_CUSTOMERS,
    BENCH_SEED,
    DEFAULT_DB,
    REPO,
    TARGET_DEMO_S,
    TARGET_RSS_MB,
    TARGET_SEARCH_MEDIAN_MS,
    TARGET_SEARCH_P95_MS,
    TARGET_STARTUP_S,
    db_counts,
    ensure_db,
    fmt,
    fmt_ratio,
    heading,
    machine_line,
    median,
    p95,
    print_table,
    ratio,
)


def _revision() -> str:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "unknown"
    rev = done.stdout.strip() or "unknown"
    return rev + (" + uncommitted changes" if dirty.stdout.strip() else "")


def _meets(value: float, target: float) -> str:
    return "yes" if value <= target else "NO"


def summary(
    customers: int,
    build_s: float | None,
    search: dict[str, Any],
    startup: dict[str, Any],
    demo: dict[str, Any],
    quotes: dict[str, Any] | None = None,
    quote_pdfs: dict[str, Any] | None = None,
) -> None:
    heading("summary")
    if customers != BENCH_CUSTOMERS:
        print(f"note: this run used {customers:,} customers; the targets are for 200,000")
        print()
    cats = search["categories"]
    names = [c for c in cats if c != "overall"]
    slow_med = max(names, key=lambda c: cats[c]["median"])
    slow_p95 = max(names, key=lambda c: cats[c]["p95"])
    app_paint = median(startup["app_spawn_ms"]) / 1000
    app_paint_p95 = p95(startup["app_spawn_ms"]) / 1000
    empty_paint = median(startup["empty_spawn_ms"]) / 1000
    empty_paint_p95 = p95(startup["empty_spawn_ms"]) / 1000
    rows: list[list[str]] = [
        [
            f"demo data, {demo['customers']:,} customers + {demo['vehicles']:,} vehicles (s)",
            fmt(demo["seconds"], 1),
            f"bare executemany {fmt(demo['baseline_seconds'], 2)}",
            fmt_ratio(ratio(demo["seconds"], demo["baseline_seconds"])),
            f"≤ {TARGET_DEMO_S:.0f}",
            _meets(demo["seconds"], TARGET_DEMO_S),
        ]
    ]
    if build_s is not None:
        rows.append(
            [
                "demo data, building the shared database first (s)",
                fmt(build_s, 1),
                "",
                "",
                f"≤ {TARGET_DEMO_S:.0f}",
                _meets(build_s, TARGET_DEMO_S),
            ]
        )
    for label, cat, key, target in (
        ("search median, all queries (ms)", "overall", "median", TARGET_SEARCH_MEDIAN_MS),
        ("search p95, all queries (ms)", "overall", "p95", TARGET_SEARCH_P95_MS),
        (f"search median, slowest: {slow_med} (ms)", slow_med, "median", TARGET_SEARCH_MEDIAN_MS),
        (f"search p95, slowest: {slow_p95} (ms)", slow_p95, "p95", TARGET_SEARCH_P95_MS),
    ):
        value = cats[cat][key]
        base = cats[cat]["raw_" + key]
        rows.append(
            [
                label,
                fmt(value, 2),
                f"raw sqlite3 {fmt(base, 2)}",
                fmt_ratio(ratio(value, base)),
                f"≤ {target:.0f}",
                _meets(value, target),
            ]
        )
    rows += [
        [
            "first paint of the main window, median (s)",
            fmt(app_paint, 3),
            f"empty QMainWindow {fmt(empty_paint, 3)}",
            fmt_ratio(ratio(app_paint, empty_paint)),
            f"≤ {TARGET_STARTUP_S}",
            _meets(app_paint, TARGET_STARTUP_S),
        ],
        [
            "first paint of the main window, p95 (s)",
            fmt(app_paint_p95, 3),
            f"empty QMainWindow {fmt(empty_paint_p95, 3)}",
            fmt_ratio(ratio(app_paint_p95, empty_paint_p95)),
            "",
            "",
        ],
        [
            f"memory after start-up and {bench_startup.N_SEARCHES} searches (MB)",
            fmt(startup["app_rss_mb"], 0),
            f"empty QMainWindow {fmt(startup['empty_rss_mb'], 0)}",
            fmt_ratio(ratio(startup["app_rss_mb"], startup["empty_rss_mb"])),
            f"≤ {TARGET_RSS_MB:.0f}",
            _meets(startup["app_rss_mb"], TARGET_RSS_MB),
        ],
    ]
    if quotes is not None:
        rows += [
            [
                "quote live total, compute() per change, median (ms)",
                fmt(quotes["live_median_ms"], 3),
                f"plain Decimal {fmt(quotes['live_bare_ms'], 3)}",
                fmt_ratio(ratio(quotes["live_median_ms"], quotes["live_bare_ms"])),
                f"≤ {bench_quotes.TARGET_LIVE_MS:.0f}",
                _meets(quotes["live_median_ms"], bench_quotes.TARGET_LIVE_MS),
            ],
            [
                f"price-list import, {quotes['rows']:,} rows, median (s)",
                fmt(quotes["import_s"], 2),
                f"csv + executemany {fmt(quotes['import_bare_s'], 2)}",
                fmt_ratio(ratio(quotes["import_s"], quotes["import_bare_s"])),
                f"≤ {bench_quotes.TARGET_IMPORT_S:.0f}",
                _meets(quotes["import_s"], bench_quotes.TARGET_IMPORT_S),
            ],
            [
                f"quote listing, {quotes['quotes']:,} quotes on file, median (ms)",
                fmt(quotes["listing_ms"], 1),
                f"raw sqlite3 {fmt(quotes['listing_bare_ms'], 1)}",
                fmt_ratio(ratio(quotes["listing_ms"], quotes["listing_bare_ms"])),
                "",
                "",
            ],
        ]
    if quote_pdfs is not None:
        for label, key, bare_key, target in (
            ("quote PDF, median (ms)", "quote", "bare_quote", bench_quote_pdf.TARGET_QUOTE_MS),
            (
                "purchase contract PDF, median (ms)",
                "contract",
                "bare_contract",
                bench_quote_pdf.TARGET_CONTRACT_MS,
            ),
        ):
            value = quote_pdfs[key]["median"]
            bare = quote_pdfs[bare_key]["median"]
            rows.append(
                [
                    label,
                    fmt(value, 1),
                    f"bare ReportLab {fmt(bare, 1)}",
                    fmt_ratio(ratio(value, bare)),
                    f"≤ {target:.0f}",
                    _meets(value, target),
                ]
            )
    print_table(["figure", "measured", "baseline (same run)", "ratio", "target", "within"], rows)
    print(
        "first paint: from process spawn (interpreter start-up included) to the window's first "
        "paint event, offscreen, sign-in skipped; search: warm, per query, through "
        "CustomerRepository.search; memory: VmRSS"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="the shared database")
    parser.add_argument("--customers", type=int, default=BENCH_CUSTOMERS)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each kind")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of search queries")
    parser.add_argument("--pdf-runs", type=int, default=20, help="timed runs of each PDF")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    print(f"DealerDesk benchmarks, {dt.datetime.now():%Y-%m-%d %H:%M}, revision {_revision()}")
    print(machine_line())
    print("figures only; nothing passes or fails on time; the machine may be busy with other work")

    heading("shared database")
    build_s = ensure_db(args.db, args.customers, BENCH_SEED)
    n_customers, n_vehicles = db_counts(args.db)
    if build_s is None:
        print(f"{args.db}: exists ({n_customers:,} customers, {n_vehicles:,} vehicles), reused")
    else:
        print(
            f"{args.db}: built in {build_s:.1f} s "
            f"({n_customers:,} customers, {n_vehicles:,} vehicles)"
        )

    search = bench_search.run(args.db, rounds=args.rounds)
    startup = bench_startup.run(args.db, runs=args.runs)
    demo = bench_demo_data.run(args.customers, BENCH_SEED)
    quotes = bench_quotes.run()
    quote_pdfs = bench_quote_pdf.run(args.pdf_runs)
    kpi_report = bench_kpi_report.run(args.pdf_runs)
    care = bench_care.run()
    sync = bench_sync.run()
    summary(args.customers, build_s, search, startup, demo, quotes, quote_pdfs)
    print_table(
        ["figure", "measured", "baseline (same run)", "ratio", "target", "within"],
        [
            bench_kpi_report.summary_row(kpi_report),
            *bench_care.summary_rows(care),
            *bench_sync.summary_rows(sync),
        ],
    )
    print(f"all benchmarks took {time.perf_counter() - started:,.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
