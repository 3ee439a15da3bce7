"""Start to first paint of the main window beside an empty QMainWindow, and the app's memory.

    python bench/bench_startup.py [--db bench/.data/bench-200k.sqlite] [--runs 7]

Each run is a fresh process (``bench/_startup_child.py``, QT_QPA_PLATFORM=offscreen), so
imports, Qt start-up and opening the database all count. Two clocks: "spawn" is measured
here, from just before the process is started to the moment it reports the first paint event
of its window (interpreter start-up included: what a person waits for); "script" is measured
in the child from its first line (before any import) to that paint event.

``empty``: QApplication + an empty QMainWindow (1280x800). ``app``: the real main window on
the database, built as the app builds it after sign-in, then ``window.start()``. The sign-in
dialog is skipped (session of the first active manager, as ``screenshot`` does), and so are
the lock file, crash handler and log set-up. After the first paint the app child types 20
searches into the customer search one at a time, waits for each result list, and reports its
resident memory (VmRSS). Peaks are VmHWM: on Linux ``ru_maxrss`` survives ``exec`` and can
report the parent's peak instead of the child's (the child prints both).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import (
    BENCH_DIR,
    DEFAULT_DB,
    REPO,
    TARGET_RSS_MB,
    TARGET_STARTUP_S,
    fmt,
    fmt_ratio,
    heading,
    machine_line,
    median,
    p95,
    print_table,
    ratio,
)

CHILD = BENCH_DIR / "_startup_child.py"
N_SEARCHES = 20


def memory_queries(db_path: Path, n: int = N_SEARCHES) -> list[str]:
    """``n`` real queries of every kind, from the search benchmark's deterministic pick."""
    from bench_search import CATEGORIES, pick_queries

    conn = sqlite3.connect(db_path)
    try:
        picked = pick_queries(conn, per_category=2)
    finally:
        conn.close()
    ordered = [q for i in range(2) for c, _k in CATEGORIES for q in picked[c][i : i + 1]]
    return ordered[:n]


def run_child(mode: str, db_path: Path | None, queries: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, str(CHILD), mode]
    if mode == "app":
        cmd += ["--db", str(db_path), "--queries", json.dumps(queries, ensure_ascii=False)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=err, text=True
        )
        assert proc.stdout is not None
        spawn_ms = None
        result: dict[str, Any] = {}
        for line in proc.stdout:
            if line.startswith("PAINT ") and spawn_ms is None:
                spawn_ms = (time.perf_counter() - started) * 1000
            elif line.startswith("RESULT "):
                result = json.loads(line[len("RESULT ") :])
        code = proc.wait(timeout=180)
        if code != 0 or spawn_ms is None or not result:
            err.seek(0)
            text = err.read().decode(errors="replace")
            raise SystemExit(f"startup child {mode} failed (exit {code}):\n{text}")
    result["spawn_ms"] = spawn_ms
    return result


def run(db_path: Path = DEFAULT_DB, runs: int = 7, warmup: int = 1) -> dict[str, Any]:
    db_path = Path(db_path)
    if not db_path.exists():
        raise SystemExit(f"{db_path} does not exist: run bench/run_all.py or demo-data first")
    heading(f"start-up to first paint and memory ({runs} runs each, fresh processes)")
    print(machine_line())
    print(f"database: {db_path}")
    queries = memory_queries(db_path)
    print(
        "sign-in dialog skipped (session of the first active manager, as `screenshot` builds "
        "it); no lock file, crash handler or log set-up; QT_QPA_PLATFORM=offscreen"
    )
    print(f"{warmup} untimed warm-up run of each mode first; modes alternate")
    print()
    samples: dict[str, list[dict[str, Any]]] = {"empty": [], "app": []}
    for i in range(warmup + runs):
        for mode in ("empty", "app"):
            r = run_child(mode, db_path, queries)
            if i >= warmup:
                samples[mode].append(r)

    def col(mode: str, key: str) -> list[float]:
        return [float(r[key]) for r in samples[mode] if key in r]

    rows = []
    for label, mode in (("empty QMainWindow", "empty"), ("DealerDesk main window", "app")):
        rows.append(
            [
                label,
                fmt(len(samples[mode])),
                fmt(median(col(mode, "spawn_ms")), 0),
                fmt(p95(col(mode, "spawn_ms")), 0),
                fmt(median(col(mode, "paint_ms")), 0),
                fmt(p95(col(mode, "paint_ms")), 0),
                fmt(median(col(mode, "hwm_kb")) / 1024, 0),
            ]
        )
    rows.append(
        [
            "ratio (app / empty)",
            "",
            fmt_ratio(ratio(median(col("app", "spawn_ms")), median(col("empty", "spawn_ms")))),
            "",
            fmt_ratio(ratio(median(col("app", "paint_ms")), median(col("empty", "paint_ms")))),
            "",
            "",
        ]
    )
    print_table(
        [
            "first paint",
            "runs",
            "spawn med ms",
            "spawn p95 ms",
            "script med ms",
            "script p95 ms",
            "peak RSS MB",
        ],
        rows,
    )
    results_ms = col("app", "results_ms")
    if results_ms:
        print(
            f"app: first result list (recent customers) shown {median(results_ms):,.0f} ms "
            f"after the script started (median; p95 {p95(results_ms):,.0f} ms)"
        )
    print(f"target: first paint median ≤ {TARGET_STARTUP_S * 1000:.0f} ms")
    print()

    search_rows = samples["app"][0].get("search_rows", []) if samples["app"] else []
    print(
        f"memory after {N_SEARCHES} searches typed into the customer view, runner idle "
        f"(queries: {' '.join(queries)}; rows shown: {search_rows})"
    )
    print()
    mem_rows = [
        [
            "empty QMainWindow, at first paint",
            fmt(median(col("empty", "rss_kb")) / 1024, 0),
            fmt(median(col("empty", "hwm_kb")) / 1024, 0),
        ],
        [
            "DealerDesk, after start-up (idle)",
            fmt(median(col("app", "rss_start_kb")) / 1024, 0),
            "",
        ],
        [
            f"DealerDesk, after {N_SEARCHES} searches",
            fmt(median(col("app", "rss_kb")) / 1024, 0),
            fmt(median(col("app", "hwm_kb")) / 1024, 0),
        ],
        [
            "ratio (app after searches / empty)",
            fmt_ratio(ratio(median(col("app", "rss_kb")), median(col("empty", "rss_kb")))),
            "",
        ],
    ]
    print_table(["memory (median of runs)", "RSS MB", "peak MB"], mem_rows)
    search_s = col("app", "search_s")
    print(
        f"{N_SEARCHES} searches through the view took {median(search_s) * 1000:,.0f} ms "
        f"(median of runs, incl. showing results and opening the first hit)"
    )
    print(f"target: memory of the running app ≤ {TARGET_RSS_MB:.0f} MB")
    return {
        "empty_spawn_ms": col("empty", "spawn_ms"),
        "app_spawn_ms": col("app", "spawn_ms"),
        "empty_script_ms": col("empty", "paint_ms"),
        "app_script_ms": col("app", "paint_ms"),
        "app_results_ms": results_ms,
        "empty_rss_mb": median(col("empty", "rss_kb")) / 1024,
        "app_rss_mb": median(col("app", "rss_kb")) / 1024,
        "app_rss_start_mb": median(col("app", "rss_start_kb")) / 1024,
        "app_peak_mb": median(col("app", "hwm_kb")) / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warmup", type=int, default=1)
    args = parser.parse_args(argv)
    run(args.db, args.runs, args.warmup)
    return 0


if __name__ == "__main__":
    sys.exit(main())
