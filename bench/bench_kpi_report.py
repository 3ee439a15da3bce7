"""The customer-care monthly report (客户关怀月度报表) as a PDF.

    python bench/bench_kpi_report.py [--runs 20]

Builds its own database in a temporary folder: the demo store (200 customers) with its care
tasks generated, reported for the last complete month before the demo's day.

Figures, each beside a bare baseline measured in this process:

- ``kpi_report_pdf``: twelve months of KPI counts from the database, the report's data and
  ``render_kpi_report`` (the KPI table and seven 12-month charts drawn with reportlab.graphics);
- ``kpi_report_data``: the database part alone (twelve ``kpi_counts`` months);
- ``render_kpi_report``: the PDF part alone;
- baseline: a bare ReportLab ``SimpleDocTemplate`` with one ``Table`` of the same KPI rows
  (name, this month, last month, change, average, counts), in the same embedded CJK font.

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

BENCH_TODAY = dt.date(2026, 11, 20)


def build(folder: Path) -> Path:
    """The demo database with today's care tasks generated."""
    from desktop_app.services import demo_data
    from desktop_app.services.auth import AuthService
    from desktop_app.services.care import CareService
    from desktop_app.storage.db import open_database

    path = folder / "bench-kpi.sqlite"
    db = open_database(path)
    demo_data.generate(db, customers=200, seed=3, today=BENCH_TODAY, workers=0)
    CareService(db, AuthService(db).session_for("care1")).generate(BENCH_TODAY)
    db.close()
    return path


def bare_pdf(rows: list[list[str]]) -> bytes:
    """The same KPI rows as one plain ReportLab table, same font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from desktop_app.printing.fonts import cjk_font

    font = cjk_font()
    style = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, initialFontName=font, invariant=1)
    width = doc.width / len(rows[0])
    table = Table([[Paragraph(c, style) for c in row] for row in rows], colWidths=[width] * 6)
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.4, "grey")])
    )
    doc.build([table])
    return out.getvalue()


def _time(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run(runs: int) -> dict[str, Any]:
    from desktop_app.printing.kpi import LABELS, basis_text, change_text, figure, render_kpi_report
    from desktop_app.services.care_documents import (
        kpi_report_data,
        kpi_report_pdf,
        last_complete_month,
    )
    from desktop_app.storage.db import open_database

    heading("customer-care monthly report PDF")
    print(machine_line())
    folder = Path(tempfile.mkdtemp(prefix="bench-kpi-"))
    old_home = os.environ.get("DEALERDESK_HOME")
    os.environ["DEALERDESK_HOME"] = str(folder / "home")
    month = last_complete_month(BENCH_TODAY)
    try:
        started = time.perf_counter()
        path = build(folder)
        print(f"database built in {time.perf_counter() - started:.1f} s: {path}")
        db = open_database(path, read_only=True)
        data = kpi_report_data(db, month, "zh_CN", BENCH_TODAY)
        t = LABELS["zh_CN"]
        rows = [[t["kpi"], t["this_month"], t["previous"], t["change"], t["average"], t["basis"]]]
        rows += [
            [
                r.name,
                figure(r.value, r.minutes, t),
                figure(r.previous, r.minutes, t),
                change_text(r, t),
                figure(r.average, r.minutes, t),
                basis_text(r, t),
            ]
            for r in data.rows
        ]
        report = kpi_report_pdf(db, month, "zh_CN", BENCH_TODAY)
        pages = len(PdfReader(io.BytesIO(report)).pages)
        figures: dict[str, list[float]] = {k: [] for k in ("pdf", "data", "render", "bare")}
        jobs: dict[str, Callable[[], Any]] = {
            "pdf": lambda: kpi_report_pdf(db, month, "zh_CN", BENCH_TODAY),
            "data": lambda: kpi_report_data(db, month, "zh_CN", BENCH_TODAY),
            "render": lambda: render_kpi_report(data, "zh_CN"),
            "bare": lambda: bare_pdf(rows),
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
        f"the report for {month} is {pages} page(s) with {len(data.rows)} KPIs and "
        f"{len(data.rows)} charts of {len(data.months)} months"
    )
    print()
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio"],
        [
            _row("report (kpi_report_pdf, DB + PDF)", figures["pdf"], figures["bare"]),
            _row("data (kpi_report_data, 12 months)", figures["data"], figures["bare"]),
            _row("PDF (render_kpi_report)", figures["render"], figures["bare"]),
        ],
    )
    print("bare: one ReportLab table of the same KPI rows; same font; no charts")
    return {k: {"median": median(v), "p95": p95(v)} for k, v in figures.items()}


def _row(label: str, ours: list[float], bare: list[float]) -> list[str]:
    return [
        label,
        fmt(median(ours), 2),
        fmt(p95(ours), 2),
        fmt(median(bare), 2),
        fmt(p95(bare), 2),
        fmt_ratio(ratio(median(ours), median(bare))),
    ]


def summary_row(result: dict[str, Any]) -> list[str]:
    """The report's line in run_all's summary table."""
    value, bare = result["pdf"]["median"], result["bare"]["median"]
    return [
        "customer-care monthly report PDF, median (ms)",
        fmt(value, 1),
        f"bare ReportLab {fmt(bare, 1)}",
        fmt_ratio(ratio(value, bare)),
        "",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    run(args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
