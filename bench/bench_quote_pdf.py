"""The quote (报价单) and the purchase contract (购车合同) as PDFs.

    python bench/bench_quote_pdf.py [--runs 30]

Builds its own database in a temporary folder: the demo store (200 customers) with its sales
desk (the demo price list, quotes in every status, contracts signed, amended and void). The
quote timed is the demo's with the most printed lines and finance plans; the contract is a
signed one (printed from its frozen content).

Figures, each beside a bare baseline measured in this process:

- quote: ``quote_pdf_for`` (breakdown from the database + ``render_quote``) and
  ``render_quote`` alone; baseline: a bare ReportLab ``SimpleDocTemplate`` with one ``Table``
  of the same lines (item, name, explanation, amount) and one of the same finance plans, in
  the same embedded CJK font;
- contract: ``contract_pdf_for`` (content to data + ``render_contract``, deterministic) and the
  contract set (``contract_set_pdf_for``: contract, insurance confirmation, purchase-tax
  application); baseline: a bare document with the same price lines as one table and the same
  clauses as paragraphs.

Every figure runs once untimed first, then ``--runs`` timed runs, ours and bare interleaved.
Nothing passes or fails on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import fmt, fmt_ratio, heading, machine_line, median, ms, p95, print_table, ratio
from pypdf import PdfReader

TARGET_QUOTE_MS = 80.0
TARGET_CONTRACT_MS = 200.0
BENCH_TODAY = dt.date(2026, 11, 20)


def build(folder: Path) -> Path:
    """The demo database with its sales desk; signed contracts are kept under ``folder``."""
    from desktop_app.services import demo_data
    from desktop_app.storage.db import open_database

    path = folder / "bench-quotes.sqlite"
    db = open_database(path)
    demo_data.generate(db, customers=200, seed=3, today=BENCH_TODAY, workers=0)
    db.close()
    return path


def bare_pdf(tables: list[list[list[str]]], paragraphs: list[str]) -> bytes:
    """The same rows as plain ReportLab tables (and the clauses as paragraphs), same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from desktop_app.printing.fonts import cjk_font

    font = cjk_font()
    style = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, initialFontName=font, invariant=1)
    story: list[Any] = []
    for rows in tables:
        width = doc.width / max(len(rows[0]), 1)
        table = Table(
            [[Paragraph(c, style) for c in row] for row in rows], colWidths=[width] * len(rows[0])
        )
        table.setStyle(
            TableStyle(
                [("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.4, "grey")]
            )
        )
        story.append(table)
    story += [Paragraph(p, style) for p in paragraphs]
    doc.build(story)
    return out.getvalue()


def _time(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run(runs: int) -> dict[str, Any]:
    from desktop_app.printing.contracts import render_contract
    from desktop_app.printing.quotes import money, render_quote
    from desktop_app.services.quote_documents import (
        contract_data,
        contract_pdf_for,
        contract_set_pdf_for,
        quote_data,
        quote_pdf_for,
    )
    from desktop_app.storage.db import open_database
    from desktop_app.storage.quotes import ContractRepository, QuoteRepository

    heading("quote and purchase contract PDFs")
    print(machine_line())
    folder = Path(tempfile.mkdtemp(prefix="bench-quotes-"))
    old_home = os.environ.get("DEALERDESK_HOME")
    os.environ["DEALERDESK_HOME"] = str(folder / "home")  # the demo's signed contracts
    try:
        started = time.perf_counter()
        path = build(folder)
        print(f"database built in {time.perf_counter() - started:.1f} s: {path}")
        db = open_database(path, read_only=True)
        quote_repo, contract_repo = QuoteRepository(db), ContractRepository(db)
        quotes = [
            q
            for number, version in db.raw.execute("SELECT number, version FROM quote")
            for q in [quote_repo.by_number(number, version)]
            if q is not None
        ]
        quote = max(
            quotes, key=lambda q: (len(q.input.plans), len(quote_data(db, q, "zh_CN").lines))
        )
        (contract_id,) = db.raw.execute(
            "SELECT id FROM contract WHERE status = 'signed' ORDER BY number LIMIT 1"
        ).fetchone()
        contract = contract_repo.get(contract_id)
        assert contract is not None
        qdata = quote_data(db, quote, "zh_CN")
        cdata = contract_data(db, contract, "zh_CN")
        quote_rows = [
            [ln.label, ln.name, f"{ln.explanation} {ln.detail}", money(ln.amount)]
            for ln in qdata.lines
        ]
        plan_rows = [
            [p.lender, money(p.down_payment), money(p.loan), str(p.months), money(p.monthly)]
            for p in qdata.plans
        ] or [[""]]
        contract_rows = [[ln.label, ln.name, money(ln.amount)] for ln in cdata.lines]
        clauses = [f"{c.title} {c.text}" for c in cdata.clauses]
        pages = {
            "quote": len(PdfReader(io.BytesIO(quote_pdf_for(db, quote, "zh_CN"))).pages),
            "contract": len(PdfReader(io.BytesIO(contract_pdf_for(db, contract, "zh_CN"))).pages),
            "set": len(PdfReader(io.BytesIO(contract_set_pdf_for(db, contract, "zh_CN"))).pages),
        }
        figures: dict[str, list[float]] = {
            k: []
            for k in (
                "quote",
                "render_quote",
                "bare_quote",
                "contract",
                "render_contract",
                "contract_set",
                "bare_contract",
            )
        }
        jobs: dict[str, Callable[[], Any]] = {
            "quote": lambda: quote_pdf_for(db, quote, "zh_CN"),
            "render_quote": lambda: render_quote(qdata, "zh_CN"),
            "bare_quote": lambda: bare_pdf([quote_rows, plan_rows], []),
            "contract": lambda: contract_pdf_for(db, contract, "zh_CN"),
            "render_contract": lambda: render_contract(cdata, "zh_CN"),
            "contract_set": lambda: contract_set_pdf_for(db, contract, "zh_CN"),
            "bare_contract": lambda: bare_pdf([contract_rows], clauses),
        }
        for job in jobs.values():  # untimed warm-up (font loaded, caches warm)
            job()
        for _run in range(runs):
            for name, job in jobs.items():
                figures[name].append(ms(_time(job)))
        db.close()
    finally:
        if old_home is None:
            os.environ.pop("DEALERDESK_HOME", None)
        else:
            os.environ["DEALERDESK_HOME"] = old_home
        shutil.rmtree(folder, ignore_errors=True)

    print(
        f"{runs} timed runs after one untimed; times in ms; ratio = median ours / median bare; "
        f"the quote {quote.number} v{quote.version} has {len(qdata.lines)} lines and "
        f"{len(qdata.plans)} plan(s) on {pages['quote']} page(s); the contract "
        f"{contract.number} is {pages['contract']} page(s), its set {pages['set']}"
    )
    print()
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row(
                "quote (quote_pdf_for, DB + PDF)",
                figures["quote"],
                figures["bare_quote"],
                TARGET_QUOTE_MS,
            ),
            _row(
                "quote (render_quote)",
                figures["render_quote"],
                figures["bare_quote"],
                TARGET_QUOTE_MS,
            ),
            _row(
                "contract (contract_pdf_for)",
                figures["contract"],
                figures["bare_contract"],
                TARGET_CONTRACT_MS,
            ),
            _row(
                "contract (render_contract)",
                figures["render_contract"],
                figures["bare_contract"],
                TARGET_CONTRACT_MS,
            ),
            _row(
                "contract set (contract_set_pdf_for)",
                figures["contract_set"],
                figures["bare_contract"],
                None,
            ),
        ],
    )
    print(
        "bare: quote = one ReportLab table of the same lines and one of the same plans; "
        "contract = one table of the same price lines and the clauses as paragraphs; same font"
    )
    return {k: {"median": median(v), "p95": p95(v)} for k, v in figures.items()}


def _row(label: str, ours: list[float], bare: list[float], target: float | None) -> list[str]:
    return [
        label,
        fmt(median(ours), 2),
        fmt(p95(ours), 2),
        fmt(median(bare), 2),
        fmt(p95(bare), 2),
        fmt_ratio(ratio(median(ours), median(bare))),
        f"≤ {target:.0f}" if target is not None else "",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    run(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
