"""Shared helpers for the benchmarks: statistics, the shared 200k database, tables.

The benchmarks print figures; they never pass or fail on time. Every timing is shown beside a
bare baseline measured in the same process (or the same kind of process), so a noisy machine
moves both columns together and the ratio stays readable.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / ".data"
DEFAULT_DB = DATA_DIR / "bench-200k.sqlite"
BENCH_CUSTOMERS = 200_000
BENCH_SEED = 1

# Targets from the issue, in one place so every script and the summary agree.
TARGET_SEARCH_MEDIAN_MS = 20.0
TARGET_SEARCH_P95_MS = 50.0
TARGET_STARTUP_S = 0.6
TARGET_DEMO_S = 60.0
TARGET_RSS_MB = 300.0

if str(REPO) not in sys.path:  # the scripts run as `python bench/x.py`: make the app importable
    sys.path.insert(0, str(REPO))


# -- statistics ---------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    if not values:
        return math.nan
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def p95(values: Sequence[float]) -> float:
    """95th percentile, nearest rank (with 7 samples this is the slowest one)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ratio(ours: float, base: float) -> float:
    return ours / base if base > 0 else math.nan


# -- the shared database ------------------------------------------------------------------


def demo_data_command(db: Path, customers: int, seed: int = BENCH_SEED) -> list[str]:
    return [
        sys.executable,
        "-m",
        "desktop_app",
        "demo-data",
        "--db",
        str(db),
        "--customers",
        str(customers),
        "--seed",
        str(seed),
    ]


def run_demo_data(db: Path, customers: int, seed: int = BENCH_SEED) -> tuple[float, str]:
    """Run the real CLI in a fresh process; (wall seconds, its output line)."""
    started = time.perf_counter()
    done = subprocess.run(
        demo_data_command(db, customers, seed),
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(
            f"demo-data failed ({done.returncode}):\n{done.stdout}\n{done.stderr}".rstrip()
        )
    return elapsed, done.stdout.strip()


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def ensure_db(
    path: Path = DEFAULT_DB, customers: int = BENCH_CUSTOMERS, seed: int = BENCH_SEED
) -> float | None:
    """Make sure the benchmark database exists; the build time in seconds if it had to be made.

    It is built under a temporary name and renamed when complete, so an interrupted build
    never leaves a half-filled database that later runs would take for the real one.
    """
    path = Path(path)
    if path.exists():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    remove_db(building)
    print(f"building {path} ({customers:,} customers, seed {seed}) …", flush=True)
    elapsed, output = run_demo_data(building, customers, seed)
    print(f"  {output}", flush=True)
    for suffix in ("-wal", "-shm"):  # a clean close leaves none; never rename a stale one
        Path(str(building) + suffix).unlink(missing_ok=True)
    os.replace(building, path)
    Path(str(building) + ".lock").unlink(missing_ok=True)
    return elapsed


def db_counts(path: Path) -> tuple[int, int]:
    """(live customers, live vehicles) read with plain sqlite3."""
    import sqlite3

    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        customers = conn.execute("SELECT count(*) FROM customer WHERE deleted_at IS NULL")
        n_customers = int(customers.fetchone()[0])
        vehicles = conn.execute("SELECT count(*) FROM vehicle WHERE deleted_at IS NULL")
        n_vehicles = int(vehicles.fetchone()[0])
    finally:
        conn.close()
    return n_customers, n_vehicles


# -- output -------------------------------------------------------------------------------


def ms(seconds: float) -> float:
    return seconds * 1000.0


def fmt(value: float | int | str | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return f"{value:,}"
    if math.isnan(value):
        return "—"
    return f"{value:,.{digits}f}"


def fmt_ratio(value: float) -> str:
    return "—" if math.isnan(value) else f"×{value:.2f}"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], title: str = "") -> None:
    """A plain text table: the first column left-aligned, the others right-aligned.

    Widths count East Asian wide characters (names, plates) as two columns.
    """
    cells = [[str(h) for h in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: Sequence[str]) -> str:
        parts = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            parts.append(cell + pad if i == 0 else pad + cell)
        return "  ".join(parts).rstrip()

    if title:
        print(title)
    print(line(cells[0]))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(line(row))
    print(flush=True)


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def heading(text: str) -> None:
    print()
    print(f"== {text} ==")
    print(flush=True)


def machine_line() -> str:
    load = os.getloadavg() if hasattr(os, "getloadavg") else (math.nan,) * 3
    return (
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
        f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
