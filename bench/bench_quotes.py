"""Quotes: live totals while the consultant types, importing a large price list, listing quotes.

    python bench/bench_quotes.py [--runs 30] [--imports 5] [--quotes 2000] [--rows 5000]

Builds its own databases in a temporary folder: the demo store (200 customers) with head
office's demo price list, then a file with ``--quotes`` quotes.

Figures, each beside a bare baseline measured in this process:

- live totals: ``compute()`` per change over a realistic sequence of edits (choosing the
  promotion, typing a discount digit by digit, toggling options and accessories, typing a
  trade-in value, adding and editing three finance plans, choosing one), and the same with
  ``validate_input`` as the builder runs both; baseline: the same line sums, purchase tax and
  annuities in plain Decimal arithmetic over the same inputs (no lines, no dataclasses);
- import: ``QuoteService.import_price_list`` of a generated ``--rows``-row CSV (models,
  options, accessories, covers, fees, tax bands, promotions) into a fresh copy of the demo file,
  then the same file again (nothing changes); baseline: ``csv.reader`` + ``executemany`` of the
  same rows into a plain sqlite3 table in one transaction;
- listing: ``QuoteService.listing`` (newest versions, the first 500) unfiltered, by text, by
  status (expired, worked out from today) and "mine", with ``--quotes`` quotes on file;
  baseline: a raw sqlite3 select of the 500 newest rows.

Each figure runs once untimed first; ours and bare interleave. Nothing passes or fails on time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, localcontext
from pathlib import Path
from typing import Any

from common import fmt, fmt_ratio, heading, machine_line, median, ms, p95, print_table, ratio

TARGET_LIVE_MS = 5.0
TARGET_IMPORT_S = 3.0
TODAY = dt.date(2026, 11, 20)
FEN = Decimal("0.01")
LISTING_LIMIT = 500


def _time(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def build_store(folder: Path) -> Path:
    """The demo store (200 customers, its staff and catalogue) with the demo price list."""
    from desktop_app.services import demo_data
    from desktop_app.services.auth import AuthService
    from desktop_app.services.demo_sales import DEMO_PRICE_LIST
    from desktop_app.services.quotes import QuoteService
    from desktop_app.storage.db import open_database

    path = folder / "bench-quotes.sqlite"
    db = open_database(path)
    demo_data.generate(db, customers=200, seed=3, today=TODAY, workers=0)
    manager = AuthService(db).session_for("manager")
    QuoteService(db, manager, lambda: TODAY).import_price_list(DEMO_PRICE_LIST)
    db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


# -- (a) live totals --------------------------------------------------------------------------


def edit_sequence(quotes: Any) -> list[Any]:
    """The inputs a consultant goes through building one quote, one per change."""
    from desktop_app.domain.price_list import ItemKind
    from desktop_app.domain.quotes import Extra, FinancePlan, TradeIn, parse_money

    model_id = quotes.prices.model_codes()["LSV-02"]
    q = quotes.new_input(model_id)
    states = [q]

    def change(**kw: Any) -> None:
        nonlocal q
        q = replace(q, **kw)
        states.append(q)

    promo = quotes.items(ItemKind.PROMOTION, model_id)[0]
    change(promotion_code=promo.code, promotion_name=promo.name_zh, promotion=promo.price)
    for typed in ("2", "25", "250", "2500", "250", "2500"):  # a typo corrected
        change(extra_discount=parse_money(typed, "extra_discount"))
    options = [
        Extra(o.code, o.name_zh, o.name_en, o.price)
        for o in quotes.items(ItemKind.OPTION, model_id)
    ]
    for n in range(1, len(options) + 1):
        change(options=tuple(options[:n]))
    change(options=tuple(options[1:]))
    accessories = [
        Extra(a.code, a.name_zh, a.name_en, a.price)
        for a in quotes.items(ItemKind.ACCESSORY, model_id)
    ]
    for n in (1, 2, 3, 2):
        change(accessories=tuple(accessories[:n]))
    for typed in ("4", "42", "420", "4200", "42000"):
        change(trade_in=TradeIn("2016 款 大众 宝来", parse_money(typed, "trade_in"), Decimal(0)))
    change(trade_in=replace(q.trade_in, subsidy=Decimal(3000)))

    base = quotes.default_plan(q)
    plans: list[FinancePlan] = []

    def plan(index: int, **kw: Any) -> None:
        plans[index] = replace(plans[index], **kw)
        change(plans=tuple(plans))

    for index, (months, rate, down) in enumerate(
        ((36, "3.99", "60000"), (24, "0", "80000"), (60, "4.99", "45000"))
    ):
        plans.append(base)
        change(plans=tuple(plans))
        for k in range(1, len(down) + 1):  # the down payment typed digit by digit
            plan(index, down_payment=max(base.down_payment, parse_money(down[:k], "down")))
        plan(index, months=months)
        for k in range(1, len(rate) + 1):  # the rate in percent, digit by digit
            text = rate[:k].rstrip(".") or "0"
            plan(index, annual_rate=parse_money(text, "rate") / 100)
        plan(index, lender=("上汽通用金融", "厂家金融 0 息", "招商银行")[index])
    change(chosen_plan=0)
    change(chosen_plan=2)
    return states


def _fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def bare_total(q: Any) -> tuple[Decimal, list[Decimal]]:
    """The same figures as compute() in plain Decimal arithmetic: no lines, no objects."""
    selling = _fen(q.guide_price) - _fen(q.promotion) - _fen(q.extra_discount)
    for o in q.options:
        selling += _fen(o.price)
    total = selling
    for a in q.accessories:
        total += _fen(a.price)
    tax = _fen(selling / Decimal("1.13") * Decimal("0.10"))
    if q.nev:
        tax -= min(_fen(tax / 2), Decimal(15000))
    total += tax + (Decimal(1100) if q.seats >= 6 else Decimal(950))
    for c in q.insurance:
        total += _fen(c.price)
    if not q.nev:
        total += _fen(q.vessel_tax_annual * (13 - q.purchase_date.month) / 12)
    total += _fen(q.registration_fee) - _fen(q.trade_in.value) - _fen(q.trade_in.subsidy)
    if q.chosen_plan is not None:
        total += _fen(q.plans[q.chosen_plan].fee)
    monthly = []
    for p in q.plans:
        loan = selling - _fen(p.down_payment)
        if p.annual_rate == 0:
            monthly.append(_fen(loan / p.months))
            continue
        with localcontext() as ctx:
            ctx.prec = 34
            r = p.annual_rate / 12
            growth = (1 + r) ** p.months
            monthly.append(_fen(loan * r * growth / (growth - 1)))
    return total, monthly


def bench_live(path: Path, runs: int) -> dict[str, list[float]]:
    from desktop_app.domain.quotes import compute, validate_input
    from desktop_app.services.auth import AuthService
    from desktop_app.services.quotes import QuoteService
    from desktop_app.storage.db import open_database

    db = open_database(path)
    try:
        quotes = QuoteService(db, AuthService(db).session_for("sales1"), lambda: TODAY)
        settings = quotes.settings()
        states = edit_sequence(quotes)
    finally:
        db.close()
    for q in states:  # the baseline says the same as compute(), or it measures something else
        b = compute(q, settings)
        total, monthly = bare_total(q)
        assert (total, monthly) == (b.total, [p.monthly for p in b.plans]), (q, b)
        validate_input(q, settings)

    def both(q: Any) -> None:
        validate_input(q, settings)
        compute(q, settings)

    figures: dict[str, list[float]] = {"compute": [], "validate+compute": [], "bare": []}
    jobs: dict[str, Callable[[Any], Any]] = {
        "compute": lambda q: compute(q, settings),
        "validate+compute": both,
        "bare": bare_total,
    }
    for job in jobs.values():
        for q in states:
            job(q)
    for _run in range(runs):
        for q in states:
            for name, job in jobs.items():
                started = time.perf_counter()
                job(q)
                figures[name].append(ms(time.perf_counter() - started))
    figures["changes"] = [float(len(states))]
    return figures


# -- (b) importing a large price list ---------------------------------------------------------

BRANDS = ("大众", "丰田", "别克", "比亚迪", "本田", "日产", "吉利", "长安", "奇瑞", "红旗")
FUELS = ("petrol", "petrol", "hev", "phev", "bev", "diesel")


def price_list_csv(rows: int, seed: int = 5) -> bytes:
    """A head-office price list of ``rows`` rows: a model in every 16 rows with 12 options,
    then accessories, covers, fees, tax bands and promotions."""
    from desktop_app.domain.price_list import COLUMNS

    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    tail = 7 + 2 + 100 + 400  # tax bands, fees, covers, accessories
    models = (rows - tail) * 3 // 4 // 13
    written = 1
    empty = [""] * len(COLUMNS)

    def row(**values: object) -> None:
        nonlocal written
        cells = list(empty)
        for key, value in values.items():
            cells[COLUMNS.index(key)] = str(value)
        writer.writerow(cells)
        written += 1

    for m in range(models):
        code = f"BM-{m:04d}"
        fuel = FUELS[m % len(FUELS)]
        row(
            kind="model",
            code=code,
            brand=BRANDS[m % len(BRANDS)],
            series=f"系列{m // 10:03d}",
            trim=f"{m % 10 + 1}.5T 版本 {m:04d}",
            model_year=2026,
            name_zh=f"测试车型 {m:04d}",
            price=f"{rng.randrange(80_000, 600_000)}.00",
            fuel_type=fuel,
            seats=7 if m % 5 == 0 else 5,
            engine_cc="" if fuel == "bev" else rng.choice((1498, 1984, 2487, 2998)),
        )
        for k in range(12):
            row(
                kind="option",
                code=f"{code}-OPT{k:02d}",
                model_code=code,
                name_zh=f"选装包 {k + 1}",
                name_en=f"Option pack {k + 1}",
                price=f"{rng.randrange(5, 150) * 100}.00",
            )
    for k, band in enumerate((1000, 1600, 2000, 2500, 3000, 4000, None)):
        row(
            kind="vessel_tax",
            code=f"VVT-{k}",
            name_zh=f"车船税 {band or '4.0L以上'}",
            price=(180, 360, 450, 720, 1500, 3000, 4500)[k],
            band_max="" if band is None else band,
        )
    row(kind="fee", code="REG", name_zh="上牌服务费", price="500.00")
    row(kind="fee", code="FIN", name_zh="金融服务费", price="1500.00")
    for k in range(100):
        row(
            kind="insurance",
            code=f"INS-{k:03d}",
            name_zh=f"商业险 {k}",
            price=f"{rng.randrange(50, 2000)}.00",
            rate=f"0.{rng.randrange(0, 200):04d}",
        )
    for k in range(400):
        row(kind="accessory", code=f"ACC-{k:03d}", name_zh=f"精品 {k}", price=f"{k * 10 + 99}.00")
    k = 0
    while written <= rows:
        row(
            kind="promotion",
            code=f"PROMO-{k:04d}",
            model_code=f"BM-{k % models:04d}",
            name_zh=f"促销 {k}",
            price=f"{rng.randrange(1, 30) * 500}.00",
            valid_from="2026-11-01",
            valid_to="2026-12-31",
        )
        k += 1
    return out.getvalue().encode("utf-8")


def bare_import(path: Path, data: bytes) -> int:
    conn = sqlite3.connect(path)
    try:
        reader = csv.reader(io.StringIO(data.decode("utf-8-sig")))
        header = next(reader)
        conn.execute(f"CREATE TABLE item ({', '.join(f'{c} TEXT' for c in header)})")
        with conn:
            conn.executemany(
                f"INSERT INTO item VALUES ({', '.join('?' * len(header))})",
                (r for r in reader if r),
            )
        return int(conn.execute("SELECT count(*) FROM item").fetchone()[0])
    finally:
        conn.close()


def bench_import(template: Path, folder: Path, runs: int, rows: int) -> dict[str, Any]:
    from desktop_app.services.auth import AuthService
    from desktop_app.services.quotes import QuoteService
    from desktop_app.storage.db import open_database

    data = price_list_csv(rows)
    lines = data.decode("utf-8").count("\n") - 1
    figures: dict[str, list[float]] = {"import": [], "again": [], "bare": []}
    report = None
    for n in range(runs + 1):  # the first run untimed
        target = folder / f"import-{n}.sqlite"
        shutil.copy(template, target)
        db = open_database(target)
        try:
            quotes = QuoteService(db, AuthService(db).session_for("manager"), lambda: TODAY)
            started = time.perf_counter()
            report = quotes.import_price_list(data)
            took = time.perf_counter() - started
            started = time.perf_counter()
            again = quotes.import_price_list(data)
            took_again = time.perf_counter() - started
            assert again.added == again.updated == 0, again
        finally:
            db.close()
        bare_path = folder / f"bare-{n}.sqlite"
        started = time.perf_counter()
        bare_import(bare_path, data)
        bare_took = time.perf_counter() - started
        if n:
            figures["import"].append(took)
            figures["again"].append(took_again)
            figures["bare"].append(bare_took)
        target.unlink()
        bare_path.unlink()
    assert report is not None
    assert not report.rejected, report.rejected[:3]
    return {"figures": figures, "rows": lines, "added": report.added, "updated": report.updated}


# -- (c) listing ------------------------------------------------------------------------------


def add_quotes(path: Path, count: int, seed: int = 11) -> None:
    """``count`` quotes over the last 200 days by four consultants (one in ten revised), in
    every status, written through the quote repository as the service stores them."""
    from desktop_app.domain.price_list import ItemKind
    from desktop_app.domain.quotes import (
        Extra,
        QuoteStatus,
        compute,
        make_number,
    )
    from desktop_app.services.auth import AuthService
    from desktop_app.services.quotes import QuoteService
    from desktop_app.storage.db import open_database
    from desktop_app.storage.quotes import Quote

    rng = random.Random(seed)
    db = open_database(path)
    try:
        auth = AuthService(db)
        sessions = [auth.session_for(f"sales{k}") for k in range(1, 5)]
        quotes = QuoteService(db, sessions[0], lambda: TODAY)
        settings = quotes.settings()
        terminal = "BNCH"  # as if made on another PC of the store: never this PC's numbers
        models = quotes.models()
        inputs = []
        for choice in models:
            q = quotes.new_input(str(choice.model.id))
            options = quotes.items(ItemKind.OPTION, choice.model.id)
            q = replace(
                q,
                options=tuple(Extra(o.code, o.name_zh, o.name_en, o.price) for o in options[:2]),
                extra_discount=Decimal(rng.choice((0, 1000, 2000, 3000))),
            )
            inputs.append(replace(q, plans=(quotes.default_plan(q),)))
        customers = db.raw.execute(
            "SELECT id, name, mobile FROM customer WHERE deleted_at IS NULL"
        ).fetchall()
        statuses = [QuoteStatus.DRAFT, QuoteStatus.SENT, QuoteStatus.ACCEPTED, QuoteStatus.LOST]
        serial: dict[dt.date, int] = {}
        with db.write():
            made = 0
            while made < count:
                day = TODAY - dt.timedelta(days=rng.randrange(0, 200))
                serial[day] = serial.get(day, 0) + 1
                session = rng.choice(sessions)
                cid, name, mobile = rng.choice(customers)
                q = replace(rng.choice(inputs), purchase_date=day)
                number = make_number("BJ", day, terminal, serial[day])
                versions = 2 if rng.random() < 0.1 else 1
                for version in range(1, versions + 1):
                    quote = Quote(
                        number=number,
                        version=version,
                        status=rng.choice(statuses),
                        input=q,
                        quoted_on=day,
                        valid_until=day + dt.timedelta(days=settings.validity_days),
                        total=compute(q, settings).total,
                        customer_id=cid,
                        customer_name=name,
                        phone=mobile,
                        sales_id=session.staff.id,
                    )
                    quotes.repo.insert(quote, session.site.id, session.staff.id)
                    made += 1
    finally:
        db.close()


def bench_listing(path: Path, runs: int) -> dict[str, list[float]]:
    from desktop_app.domain.quotes import QuoteStatus
    from desktop_app.services.auth import AuthService
    from desktop_app.services.quotes import QuoteService
    from desktop_app.storage.db import open_database

    db = open_database(path)
    raw = sqlite3.connect(path)
    try:
        quotes = QuoteService(db, AuthService(db).session_for("sales2"), lambda: TODAY)
        some_name = quotes.listing()[17].customer_name
        jobs: dict[str, Callable[[], Any]] = {
            "all": quotes.listing,
            "text": lambda: quotes.listing(some_name),
            "expired": lambda: quotes.listing(statuses={QuoteStatus.EXPIRED}),
            "mine": lambda: quotes.listing(mine=True),
            "bare": lambda: raw.execute(
                "SELECT * FROM quote WHERE deleted_at IS NULL "
                "ORDER BY quoted_on DESC, number DESC LIMIT ?",
                (LISTING_LIMIT,),
            ).fetchall(),
        }
        sizes = {name: len(job()) for name, job in jobs.items()}  # untimed warm-up
        figures: dict[str, list[float]] = {name: [] for name in jobs}
        for _run in range(runs):
            for name, job in jobs.items():
                figures[name].append(ms(_time(job)))
        total = db.raw.execute("SELECT count(*) FROM quote").fetchone()[0]
        figures["sizes"] = [float(sizes[n]) for n in jobs]
        figures["rows"] = [float(total)]
    finally:
        raw.close()
        db.close()
    return figures


# -- the run ----------------------------------------------------------------------------------


def run(runs: int = 30, imports: int = 5, quotes: int = 2000, rows: int = 5000) -> dict[str, Any]:
    heading("quotes: live totals, price-list import, listing")
    print(machine_line())
    folder = Path(tempfile.mkdtemp(prefix="bench-quotes-"))
    try:
        started = time.perf_counter()
        template = build_store(folder)
        print(f"demo store built in {time.perf_counter() - started:.1f} s: {template}")

        live = bench_live(template, runs)
        changes = int(live.pop("changes")[0])
        imported = bench_import(template, folder, imports, rows)
        listing_db = folder / "listing.sqlite"
        shutil.copy(template, listing_db)
        started = time.perf_counter()
        add_quotes(listing_db, quotes)
        print(f"{quotes:,} quotes added in {time.perf_counter() - started:.1f} s")
        listing = bench_listing(listing_db, runs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print()
    print(f"live totals: {changes} changes × {runs} runs, one call timed per change; times in ms")
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row("compute() per change", live["compute"], live["bare"], f"≤ {TARGET_LIVE_MS:.0f}"),
            _row(
                "validate_input + compute per change",
                live["validate+compute"],
                live["bare"],
                f"≤ {TARGET_LIVE_MS:.0f}",
            ),
        ],
    )
    f = imported["figures"]
    print(
        f"import: {imported['rows']:,} rows ({imported['added']:,} added, "
        f"{imported['updated']:,} updated, new trims included) into a fresh copy of the demo "
        f"file, {imports} timed runs after one untimed; times in s"
    )
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row(
                "import_price_list, new rows", f["import"], f["bare"], f"≤ {TARGET_IMPORT_S:.0f}", 2
            ),
            _row("import_price_list, same file again", f["again"], f["bare"], "", 2),
        ],
    )
    sizes = dict(zip(("all", "text", "expired", "mine", "bare"), listing["sizes"], strict=True))
    print(
        f"listing: {int(listing['rows'][0]):,} quote rows on file (revisions included), "
        f"{runs} timed runs; times in ms; rows returned in brackets"
    )
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row(f"listing() [{sizes['all']:.0f}]", listing["all"], listing["bare"], ""),
            _row(f"listing(text) [{sizes['text']:.0f}]", listing["text"], listing["bare"], ""),
            _row(
                f"listing(expired) [{sizes['expired']:.0f}]",
                listing["expired"],
                listing["bare"],
                "",
            ),
            _row(f"listing(mine) [{sizes['mine']:.0f}]", listing["mine"], listing["bare"], ""),
        ],
    )
    print(
        "bare: live = the same sums, tax and annuities in plain Decimal; import = csv.reader + "
        "executemany into a plain sqlite3 table; listing = raw select of the 500 newest rows"
    )
    return {
        "live_median_ms": median(live["compute"]),
        "live_p95_ms": p95(live["compute"]),
        "live_bare_ms": median(live["bare"]),
        "import_s": median(f["import"]),
        "import_bare_s": median(f["bare"]),
        "rows": imported["rows"],
        "listing_ms": median(listing["all"]),
        "listing_bare_ms": median(listing["bare"]),
        "quotes": quotes,
    }


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
    parser.add_argument("--runs", type=int, default=30, help="timed runs of live and listing")
    parser.add_argument("--imports", type=int, default=5, help="timed price-list imports")
    parser.add_argument("--quotes", type=int, default=2000, help="quotes on file for listing")
    parser.add_argument("--rows", type=int, default=5000, help="rows of the generated CSV")
    args = parser.parse_args(argv)
    run(args.runs, args.imports, args.quotes, args.rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
