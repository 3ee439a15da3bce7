"""Time ``python -m desktop_app demo-data`` into a fresh file, beside a bare sqlite3 load.

    python bench/bench_demo_data.py [--customers 200000] [--seed 1] [--keep PATH]

The demo data run is the real CLI in a fresh process (wall time, imports included). The
baseline, in this process, generates the same number of minimal customer rows (id, name,
mobile) and inserts them with one ``executemany`` into a plain table of a new file, without
indexes, triggers or a search index: the ratio is the cost of realistic rows, vehicles,
indexes, journal triggers and the search index over the bare minimum.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from common import (
    BENCH_CUSTOMERS,
    BENCH_SEED,
    TARGET_DEMO_S,
    db_counts,
    fmt,
    fmt_ratio,
    heading,
    machine_line,
    print_table,
    ratio,
    remove_db,
    run_demo_data,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红春梅海燕雪松"


def bare_load(path: Path, n: int, seed: int) -> float:
    """Seconds to generate ``n`` (id, name, mobile) rows and insert them in one transaction."""
    started = time.perf_counter()
    rng = random.Random(seed)
    rows = [
        (
            str(uuid.UUID(int=rng.getrandbits(128))),
            rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=2)),
            f"1{rng.randrange(10**10):010d}",
        )
        for _ in range(n)
    ]
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE customer (id TEXT, name TEXT, mobile TEXT)")
        with conn:
            conn.executemany("INSERT INTO customer (id, name, mobile) VALUES (?, ?, ?)", rows)
    finally:
        conn.close()
    return time.perf_counter() - started


def run(
    customers: int = BENCH_CUSTOMERS, seed: int = BENCH_SEED, keep: Path | None = None
) -> dict[str, Any]:
    heading(f"demo data: {customers:,} customers into a fresh database")
    print(machine_line())
    with tempfile.TemporaryDirectory(prefix="dd-bench-") as tmp:
        target = keep or Path(tmp) / "demo.sqlite"
        remove_db(target)
        print(f"running: python -m desktop_app demo-data --db {target} --customers {customers}")
        seconds, output = run_demo_data(target, customers, seed)
        print(f"  {output}")
        n_customers, n_vehicles = db_counts(target)
        size_mb = target.stat().st_size / 1e6
        base_path = Path(tmp) / "bare.sqlite"
        base_seconds = bare_load(base_path, customers, seed)
    print(
        "baseline: the same number of (id, name, mobile) rows generated and inserted with one "
        "executemany into a plain table (no indexes, triggers or search index), in this process"
    )
    print()
    rows = n_customers + n_vehicles
    print_table(
        ["run", "customers", "vehicles", "seconds", "rows/s", "customers/s"],
        [
            [
                "demo-data (CLI, wall)",
                fmt(n_customers),
                fmt(n_vehicles),
                fmt(seconds, 2),
                fmt(rows / seconds, 0),
                fmt(n_customers / seconds, 0),
            ],
            [
                "bare sqlite3 executemany",
                fmt(customers),
                "0",
                fmt(base_seconds, 2),
                fmt(customers / base_seconds, 0),
                fmt(customers / base_seconds, 0),
            ],
            ["ratio (demo / bare)", "", "", fmt_ratio(ratio(seconds, base_seconds)), "", ""],
        ],
    )
    print(f"database file: {size_mb:,.0f} MB")
    if customers == BENCH_CUSTOMERS:
        print(f"target: ≤ {TARGET_DEMO_S:.0f} s for {BENCH_CUSTOMERS:,} customers")
    return {
        "customers": n_customers,
        "vehicles": n_vehicles,
        "seconds": seconds,
        "baseline_seconds": base_seconds,
        "size_mb": size_mb,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=BENCH_CUSTOMERS)
    parser.add_argument("--seed", type=int, default=BENCH_SEED)
    parser.add_argument(
        "--keep", type=Path, help="write the demo database here (replaced) instead of a temp file"
    )
    args = parser.parse_args(argv)
    run(args.customers, args.seed, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
