"""Booking on a busy fortnight: ``AppointmentService.next_free``, ``book`` and ``move``, beside
raw sqlite3 reads and writes of the same rows.

    python bench/bench_booking.py [--rounds 40] [--customers 5000] [--per-day 30]

Builds its own database in a temporary folder: demo data (5,000 customers, seed 1, the demo
week around 2026-11-20), then a busy fortnight from 2026-11-25 (about 30 appointments a day on
the 8 bays, kept within the workshop rules) written through the repository. The service runs
with "now" fixed the evening before the fortnight, as an advisor.

"ours" is what the booking dialog and the board call:

- next free: ``next_free`` (14 days of appointments read, the rules, the bays, the
  technicians) for a typical job, a 4-hour body-shop job, and an 8¼-hour job on one bay that
  no day has room for (14 days read and looked at, no offer);
- book: ``book`` at the first offered slot (checks in the write transaction, insert, history
  event, commit);
- move: ``move`` of a booked appointment to another offered slot (checks, update, event,
  commit).

"raw" is a plain ``sqlite3.connect`` to the same file (WAL, ``synchronous = NORMAL`` like the
app, the journal functions registered so the triggers run): reading the fortnight's rows, and
inserting one appointment row and committing. The raw rows are cancelled and dated 2030, so
they change nothing the service sees. Ours and raw are interleaved round by round.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from common import fmt, fmt_ratio, heading, machine_line, median, ms, p95, print_table, ratio

TARGET_MOVE_MS = 50.0  # a committed move, checks included
TODAY = dt.date(2026, 11, 20)  # the demo week: 2026-11-17 … 2026-11-24
FIRST = dt.date(2026, 11, 25)  # the busy fortnight
DAYS = 14
NOW = dt.datetime.combine(FIRST - dt.timedelta(days=1), dt.time(18))


def build(folder: Path, customers: int, per_day: int, seed: int = 1) -> tuple[Path, int]:
    """Demo data plus a busy fortnight; (database path, appointments in the fortnight)."""
    from desktop_app.domain.appointments import (
        Appointment,
        Status,
        Transport,
        WorkItem,
        WorkshopRules,
        day_capacity,
        duration_for,
        estimate_for,
        make_serial,
    )
    from desktop_app.services import demo_data
    from desktop_app.services.demo_workshop import LABOUR
    from desktop_app.storage.appointments import AppointmentRepository
    from desktop_app.storage.db import open_database

    path = folder / "booking.sqlite"
    db = open_database(path)
    try:
        demo_data.generate(db, customers=customers, seed=seed, today=TODAY, workers=0)
        rng = random.Random(seed)
        raw = db.raw
        site = db.meta("site_id") or ""
        advisor = raw.execute("SELECT id FROM staff WHERE username = 'advisor1'").fetchone()[0]
        techs = [
            r[0]
            for r in raw.execute(
                "SELECT id FROM staff WHERE roles LIKE '%technician%' ORDER BY username"
            )
        ]
        bays = [r[0] for r in raw.execute("SELECT id FROM service_bay ORDER BY code")]
        owners = raw.execute(
            "SELECT c.id, c.name, c.mobile, v.id, v.plate, v.mileage_km FROM customer c "
            "JOIN vehicle v ON v.customer_id = c.id WHERE v.plate != '' ORDER BY c.rowid"
        ).fetchall()
        rules = WorkshopRules()
        repo = AppointmentRepository(db)
        jobs = [op for op in LABOUR if op[2] <= 120]
        made = 0
        for offset in range(DAYS):
            day = FIRST + dt.timedelta(days=offset)
            span = rules.hours(day)
            assert span is not None
            capacity = day_capacity(rules, day, len(techs))
            free = dict.fromkeys(bays, span[0])
            booked, number = Decimal(0), 0
            day_owners = rng.sample(owners, per_day * 2)
            with db.write():
                for i in range(per_day * 3):
                    if number >= per_day:
                        break
                    b = i % len(bays)
                    bay = bays[b]
                    op = rng.choice(jobs)
                    work = [WorkItem(op[1], op[2], op[0])]
                    hours = Decimal(op[2]) / 60
                    start = free[bay] + dt.timedelta(minutes=15 * rng.randrange(0, 3))
                    end = start + duration_for(hours, rules)
                    if end > span[1] or booked + hours > capacity:
                        continue
                    owner = day_owners[number]
                    number += 1
                    a = Appointment(
                        serial=make_serial(day, number),
                        start=start,
                        end=end,
                        status=Status.BOOKED,
                        transport=Transport.WAITER if rng.random() < 0.2 else Transport.DROP_OFF,
                        work=work,
                        customer_id=owner[0],
                        vehicle_id=owner[3],
                        bay_id=bay,
                        technician_id=techs[b] if b < len(techs) else None,
                        advisor_id=advisor,
                        estimate=estimate_for(work, rules),
                        customer_name=owner[1],
                        phone=owner[2],
                        plate=owner[4],
                        mileage_km=owner[5],
                    )
                    aid = repo.insert(a, site, advisor)
                    repo.add_event(aid, "created", advisor, to_status="booked")
                    free[bay] = end
                    booked += hours
                    made += 1
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return path, made


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    clock = itertools.count(time.time_ns() // 1_000_000 << 16)
    conn.create_function("dd_hlc", 0, lambda: next(clock))
    conn.create_function("dd_device", 0, lambda: "bench-raw")
    conn.create_function("dd_capture", 0, lambda: 1)
    conn.create_function("dd_bulk", 0, lambda: 0)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


RAW_INSERT = (
    "INSERT INTO appointment (id, created_at, updated_at, updated_by, site_id, serial, start_at,"
    " end_at, customer_id, vehicle_id, bay_id, technician_id, advisor_id, status, transport,"
    " labour_minutes, work, estimate_fen, customer_name, phone, plate)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)


def raw_insert(conn: sqlite3.Connection, row: tuple[object, ...], n: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(RAW_INSERT, (str(uuid.uuid4()), *row[:4], f"2030-01-01-{n:03d}", *row[4:]))
    conn.execute("COMMIT")


def raw_read(conn: sqlite3.Connection) -> int:
    first = dt.datetime.combine(FIRST, dt.time())
    rows = conn.execute(
        "SELECT id, start_at, end_at, status, transport, labour_minutes, bay_id, technician_id,"
        " vehicle_id FROM appointment WHERE start_at >= ? AND start_at < ? AND deleted_at IS NULL",
        (f"{first:%Y-%m-%d %H:%M}", f"{first + dt.timedelta(days=DAYS):%Y-%m-%d %H:%M}"),
    ).fetchall()
    return len(rows)


def _time(fn: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def run(rounds: int = 40, customers: int = 5_000, per_day: int = 30) -> dict[str, Any]:
    from desktop_app.storage.db import open_database

    folder = Path(tempfile.mkdtemp(prefix="dealerdesk-bench-booking-"))
    try:
        heading(f"booking: next free / book / move on a busy fortnight ({per_day} a day, 8 bays)")
        print(machine_line())
        started = time.perf_counter()
        path, made = build(folder, customers, per_day)
        print(
            f"built in {time.perf_counter() - started:.1f} s: {customers:,} customers, "
            f"{made:,} appointments from {FIRST} to {FIRST + dt.timedelta(days=DAYS - 1)} "
            f"({made / DAYS:.1f} a day)"
        )
        db = open_database(path)
        raw = raw_connection(path)
        try:
            figures = _measure(db, raw, rounds)
        finally:
            raw.close()
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def _measure(db: Any, raw: sqlite3.Connection, rounds: int) -> dict[str, Any]:
    from desktop_app.domain.appointments import ResourceKind, Transport, WorkItem
    from desktop_app.services.appointments import AppointmentService, BookingRefused, Draft
    from desktop_app.services.auth import AuthService
    from desktop_app.services.demo_workshop import LABOUR

    rng = random.Random(2)
    svc = AppointmentService(db, AuthService(db).session_for("advisor1"), now=lambda: NOW)
    general = [r.id for r in svc.resources()[ResourceKind.BAY] if r.category == "general"]
    owners = raw.execute(
        "SELECT c.id, v.id FROM customer c JOIN vehicle v ON v.customer_id = c.id "
        "WHERE v.plate != '' AND v.id NOT IN (SELECT vehicle_id FROM appointment "
        "WHERE vehicle_id IS NOT NULL) ORDER BY c.rowid LIMIT ?",
        (rounds * 2,),
    ).fetchall()
    template = raw.execute(
        "SELECT site_id, start_at, end_at, customer_id, vehicle_id, bay_id, technician_id,"
        " advisor_id, transport, labour_minutes, work, estimate_fen, customer_name, phone, plate"
        " FROM appointment WHERE start_at >= ? LIMIT 1",
        (f"{FIRST:%Y-%m-%d}",),
    ).fetchone()
    stamp = "2026-11-24T10:00:00.000Z"
    raw_row = (
        stamp,
        stamp,
        template[7],
        template[0],
        "2030-01-07 09:00",
        "2030-01-07 10:00",
        template[3],
        template[4],
        None,
        None,
        template[7],
        "cancelled",
        template[8],
        template[9],
        template[10],
        template[11],
        template[12],
        template[13],
        template[14],
    )
    jobs = [op for op in LABOUR if op[2] <= 120]
    body = next(op for op in LABOUR if op[0] == "PB01")

    def draft(owner: tuple[str, str], work: list[WorkItem], day: int, **kw: Any) -> Draft:
        start = dt.datetime.combine(FIRST + dt.timedelta(days=day), dt.time(8, 30))
        return Draft(start=start, work=work, customer_id=owner[0], vehicle_id=owner[1], **kw)

    kinds = ["typical job", "body shop 4 h", "no offer in 14 days"]
    timings: dict[str, list[float]] = {k: [] for k in kinds}
    offers_found: dict[str, list[int]] = {k: [] for k in kinds}
    book_t: list[float] = []
    move_t: list[float] = []
    raw_read_t: list[float] = []
    raw_insert_t: list[float] = []
    refused = 0
    booked_ids: list[str] = []
    for _ in range(3):  # warm caches, as an advisor with the board open
        svc.next_free(draft(owners[0], [WorkItem(*jobs[0][1:3], jobs[0][0])], 0))
        raw_read(raw)
    for n in range(rounds):
        owner = owners[n]
        op = rng.choice(jobs)
        typical = draft(
            owner,
            [WorkItem(op[1], op[2], op[0])],
            rng.randrange(DAYS),
            transport=Transport.WAITER if n % 4 == 0 else Transport.DROP_OFF,
        )
        cases = {
            "typical job": typical,
            "body shop 4 h": draft(owner, [WorkItem(body[1], body[2], body[0])], 0),
            "no offer in 14 days": draft(
                owner, [WorkItem("发动机大修", 8 * 60 + 15, "EN99")], 0, bay_id=general[0]
            ),
        }
        for kind, d in cases.items():
            seconds, offers = _time(lambda d=d: svc.next_free(d))
            timings[kind].append(ms(seconds))
            offers_found[kind].append(len(offers))  # type: ignore[arg-type]
        raw_read_t.append(ms(_time(lambda: raw_read(raw))[0]))

        offers = svc.next_free(typical)
        if offers:
            first = offers[0]
            d = replace(typical, start=first.start, bay_id=first.bay_id)
            try:
                seconds, a = _time(lambda d=d: svc.book(d))
            except BookingRefused:
                refused += 1
            else:
                book_t.append(ms(seconds))
                booked_ids.append(a.id)  # type: ignore[attr-defined]
        raw_insert_t.append(ms(_time(lambda n=n: raw_insert(raw, raw_row, n))[0]))

        if booked_ids:
            moving = svc.open(rng.choice(booked_ids)).appointment
            later = Draft(
                start=moving.start + dt.timedelta(days=1),
                work=moving.work,
                transport=moving.transport,
                customer_id=moving.customer_id,
            )
            targets = [o for o in svc.next_free(later, limit=3) if o.start.date() != NOW.date()]
            for target in targets:
                try:
                    seconds, _a = _time(
                        lambda t=target, m=moving: svc.move(
                            m.id, t.start, (ResourceKind.BAY, t.bay_id)
                        )
                    )
                except BookingRefused:  # the same vehicle on that day, say: try the next
                    continue
                move_t.append(ms(seconds))
                break

    print(
        f"{rounds} timed rounds after 3 untimed next-free calls; times in ms; ratio = median "
        f"ours / median raw; offers = median number of offers (limit 5)"
    )
    print()
    rows = []
    figures: dict[str, Any] = {}
    for kind in kinds:
        t = timings[kind]
        rows.append(
            [
                f"next free: {kind}",
                fmt(len(t)),
                fmt(median(offers_found[kind]), 0),
                fmt(median(t), 2),
                fmt(p95(t), 2),
                "raw read 14 days",
                fmt(median(raw_read_t), 2),
                fmt_ratio(ratio(median(t), median(raw_read_t))),
            ]
        )
        figures[f"next_free {kind}"] = {"median": median(t), "p95": p95(t)}
    for label, t in (("book (checks + write)", book_t), ("move (checks + write)", move_t)):
        rows.append(
            [
                label,
                fmt(len(t)),
                "",
                fmt(median(t), 2),
                fmt(p95(t), 2),
                "raw insert + commit",
                fmt(median(raw_insert_t), 2),
                fmt_ratio(ratio(median(t), median(raw_insert_t))),
            ]
        )
        figures[label.split()[0]] = {"median": median(t), "p95": p95(t)}
    print_table(
        ["operation", "n", "offers", "ours med", "ours p95", "baseline", "raw med", "ratio"],
        rows,
    )
    if refused:
        print(f"{refused} bookings at an offered slot were refused")
    print(
        f"raw: read 14 days median {median(raw_read_t):.2f} ms ({raw_read(raw)} rows), "
        f"insert + commit median {median(raw_insert_t):.2f} ms"
    )
    print(f"target: a committed move ≤ {TARGET_MOVE_MS:.0f} ms (p95 {p95(move_t):.1f} ms)")
    figures["raw_read"] = {"median": median(raw_read_t), "p95": p95(raw_read_t)}
    figures["raw_insert"] = {"median": median(raw_insert_t), "p95": p95(raw_insert_t)}
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--customers", type=int, default=5_000)
    parser.add_argument("--per-day", type=int, default=30)
    args = parser.parse_args(argv)
    run(args.rounds, args.customers, args.per_day)
    return 0


if __name__ == "__main__":
    sys.exit(main())
