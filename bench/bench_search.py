"""Search as you type: ``CustomerRepository.search`` beside the raw sqlite3 query it is built on.

    python bench/bench_search.py [--db bench/.data/bench-200k.sqlite] [--per-category 50]

Query strings are real values from the database, picked with ``random.Random(1)``: name
fragments, phone fragments, plates, VIN tails, whole VINs and strings that match nothing.
"ours" is what the UI calls: the repository search, including the customer rows and their
vehicle summaries, through the app's own connection (``open_database`` as the app opens it:
WAL, 32 MB page cache). "raw" is the core index query on a plain ``sqlite3.connect`` to the
same file (default pragmas): the trigram LIKE on ``customer_search`` for three characters or
more, the two framed patterns (^ab, ab$) for two, and the name-index range for one. Every
query runs once untimed first (warm caches, as while typing), then ``--rounds`` timed rounds,
ours and raw interleaved.
"""

from __future__ import annotations

import argparse
import random
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import (
    DEFAULT_DB,
    TARGET_SEARCH_MEDIAN_MS,
    TARGET_SEARCH_P95_MS,
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

LIMIT = 50  # the repository's SEARCH_LIMIT
CATEGORIES = [
    ("name: 2-char prefix", "name"),
    ("name: 3-char full", "name"),
    ("name: 1-char surname", "name"),
    ("phone: first 7", "phone"),
    ("phone: last 4", "phone"),
    ("phone: middle 5", "phone"),
    ("plate: whole", "plate"),
    ("plate: with ·", "plate"),
    ("VIN: last 6", "vin"),
    ("VIN: last 8", "vin"),
    ("VIN: whole", "vin"),
    ("no match", "none"),
]


def normalise(text: str) -> str:
    """The repository's clean-up of the typed text (kept in step with it by hand)."""
    return re.sub(r"[\s·\-%_\\]", "", text).upper()


def raw_query(conn: sqlite3.Connection, text: str) -> list[int]:
    """The core index query the repository runs for ``text``: rowids only."""
    q = normalise(text)
    if len(q) == 1:
        return [
            r[0]
            for r in conn.execute(
                "SELECT c.rowid FROM customer c WHERE c.name >= ? AND c.name < ? "
                "AND c.deleted_at IS NULL ORDER BY c.name LIMIT ?",
                (q, q + "\U0010ffff", LIMIT),
            )
        ]
    patterns = [f"%{q}%"] if len(q) >= 3 else [f"%^{q}%", f"%{q}$%"]
    rowids: list[int] = []
    for pattern in patterns:
        rowids += [
            r[0]
            for r in conn.execute(
                "SELECT rowid FROM customer_search WHERE doc LIKE ? LIMIT ?",
                (pattern, LIMIT - len(rowids)),
            )
        ]
        if len(rowids) >= LIMIT:
            break
    return rowids


def pick_queries(
    conn: sqlite3.Connection, per_category: int, seed: int = 1
) -> dict[str, list[str]]:
    """Real query strings from the database, the same ones every run for the same data."""
    rng = random.Random(seed)
    customers = conn.execute(
        "SELECT name, mobile FROM customer WHERE deleted_at IS NULL ORDER BY rowid"
    ).fetchall()
    vehicles = conn.execute(
        "SELECT plate, vin FROM vehicle WHERE deleted_at IS NULL AND plate != '' ORDER BY rowid"
    ).fetchall()
    if not customers or not vehicles:
        raise SystemExit("the database has no customers or vehicles: run demo-data first")

    def sample(rows: list[Any], k: int) -> list[Any]:
        return rng.sample(rows, min(k, len(rows)))

    names = [n for n, _m in sample(customers, per_category * 4)]
    three = [n for n in names if len(n) == 3]
    surnames = list(dict.fromkeys(n[0] for n in names))
    phones = [m for _n, m in sample(customers, per_category)]
    cars = sample(vehicles, per_category)
    vins = [v for _p, v in sample(vehicles, per_category)]
    queries = {
        "name: 2-char prefix": [n[:2] for n in names[:per_category]],
        "name: 3-char full": three[:per_category],
        "name: 1-char surname": surnames[:per_category],
        "phone: first 7": [m[:7] for m in phones],
        "phone: last 4": [m[-4:] for m in phones],
        "phone: middle 5": [m[3:8] for m in phones],
        "plate: whole": [p for p, _v in cars],
        "plate: with ·": [p[:2] + "·" + p[2:] for p, _v in cars],
        "VIN: last 6": [v[-6:] for v in vins],
        "VIN: last 8": [v[-8:] for v in vins],
        "VIN: whole": [v for _p, v in sample(vehicles, per_category)],
        "no match": _no_match(conn, rng, per_category),
    }
    return queries


def _no_match(conn: sqlite3.Connection, rng: random.Random, k: int) -> list[str]:
    """Strings of the shapes people type that match no customer (checked against the index).

    A third are digit runs (every trigram exists, so the index has candidates to check), a
    third VIN-like letters and digits, a third names of rare characters.
    """
    rare = "龘靐齉爩麤厵鱻灥籱癵驫"
    found: list[str] = []
    for attempt in range(k * 200):
        if len(found) >= k:
            break
        kind = attempt % 3
        if kind == 0:
            text = f"{rng.randrange(10**8):08d}"
        elif kind == 1:
            text = "".join(rng.choices("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", k=7))
        else:
            text = "".join(rng.choices(rare, k=3))
        if text not in found and not raw_query(conn, text):
            found.append(text)
    return found


def _time(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run(db_path: Path = DEFAULT_DB, per_category: int = 50, rounds: int = 3) -> dict[str, Any]:
    from desktop_app.storage.db import open_database
    from desktop_app.storage.repositories import CustomerRepository

    db_path = Path(db_path)
    if not db_path.exists():
        raise SystemExit(f"{db_path} does not exist: run bench/run_all.py or demo-data first")
    raw = sqlite3.connect(db_path)
    n_customers = raw.execute("SELECT count(*) FROM customer").fetchone()[0]
    n_vehicles = raw.execute("SELECT count(*) FROM vehicle").fetchone()[0]
    heading(f"search as you type: {n_customers:,} customers, {n_vehicles:,} vehicles")
    print(machine_line())
    print(f"database: {db_path}")
    queries = pick_queries(raw, per_category)
    db = open_database(db_path)
    repo = CustomerRepository(db)
    hits: dict[str, list[int]] = {}
    try:
        for category, _kind in CATEGORIES:  # warm-up, and how many each query finds
            hits[category] = [len(repo.search(q)) for q in queries[category]]
            for q in queries[category]:
                raw_query(raw, q)
        ours: dict[str, list[float]] = {c: [] for c, _k in CATEGORIES}
        bare: dict[str, list[float]] = {c: [] for c, _k in CATEGORIES}
        for _round in range(rounds):
            for category, _kind in CATEGORIES:
                for q in queries[category]:
                    ours[category].append(ms(_time(lambda q=q: repo.search(q))))
                    bare[category].append(ms(_time(lambda q=q: raw_query(raw, q))))
    finally:
        db.close()
        raw.close()

    print(
        f"{rounds} timed rounds after one untimed; times in ms per query; ratio = median ours / "
        "median raw; hits = median number of customers returned (limit 50)"
    )
    print()
    rows = []
    figures: dict[str, dict[str, float]] = {}
    for category, _kind in CATEGORIES:
        o, b = ours[category], bare[category]
        figures[category] = {
            "queries": len(queries[category]),
            "median": median(o),
            "p95": p95(o),
            "raw_median": median(b),
            "raw_p95": p95(b),
        }
        rows.append(_row(category, len(queries[category]), hits[category], o, b))
    all_ours = [t for c, _k in CATEGORIES for t in ours[c]]
    all_bare = [t for c, _k in CATEGORIES for t in bare[c]]
    all_hits = [h for c, _k in CATEGORIES for h in hits[c]]
    n_queries = sum(len(queries[c]) for c, _k in CATEGORIES)
    rows.append(_row("overall", n_queries, all_hits, all_ours, all_bare))
    print_table(
        ["category", "queries", "hits", "ours med", "ours p95", "raw med", "raw p95", "ratio"],
        rows,
    )
    print(
        f"targets: median ≤ {TARGET_SEARCH_MEDIAN_MS:.0f} ms and p95 ≤ "
        f"{TARGET_SEARCH_P95_MS:.0f} ms per query"
    )
    figures["overall"] = {
        "queries": n_queries,
        "median": median(all_ours),
        "p95": p95(all_ours),
        "raw_median": median(all_bare),
        "raw_p95": p95(all_bare),
    }
    worst = max((c for c, _k in CATEGORIES), key=lambda c: figures[c]["p95"])
    return {
        "customers": n_customers,
        "vehicles": n_vehicles,
        "categories": figures,
        "worst_category": worst,
    }


def _row(label: str, n: int, hits: list[int], o: list[float], b: list[float]) -> list[str]:
    return [
        label,
        fmt(n),
        fmt(median(hits), 0),
        fmt(median(o), 2),
        fmt(p95(o), 2),
        fmt(median(b), 2),
        fmt(p95(b), 2),
        fmt_ratio(ratio(median(o), median(b))),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--per-category", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    run(args.db, args.per_category, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
