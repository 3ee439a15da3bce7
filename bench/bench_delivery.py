"""The delivery record: opening one with a 60-item checklist, and rendering its PDF.

    python bench/bench_delivery.py [--runs 30] [--keep PATH]

Builds its own database in a temporary folder: the demo store (200 customers), then a
60-item PDI template (``PDI-BENCH`` version 1, six sections of ten) imported by the manager,
and one delivery planned with it by the delivery specialist, inspected (two items failed with
notes, three not applicable, the rest passed) with its documents handed over.

Figures, each beside a bare baseline measured in this process:

- open: ``DeliveryService.open`` (the record with its 60 items and documents, history,
  blockers, follow-up tasks, topics); baseline: a raw sqlite3 select of the delivery row, its
  items and its documents on a plain connection;
- render: ``delivery_pdf`` (data from the database + ``render_delivery_record``) and
  ``render_delivery_record`` alone; baseline: a bare ReportLab ``SimpleDocTemplate`` with one
  ``Table`` of the same 60 rows (code, text, result, note) in the same embedded CJK font.

Every figure runs once untimed first, then ``--runs`` timed runs, ours and bare interleaved.
Nothing passes or fails on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import fmt, fmt_ratio, heading, machine_line, median, ms, p95, print_table, ratio
from pypdf import PdfReader

TARGET_OPEN_MS = 100.0
TARGET_RENDER_MS = 150.0
SECTIONS = ("EXT", "INT", "ENG", "ELE", "CHS", "RDT")


def template_json(n: int = 60) -> str:
    per = n // len(SECTIONS)
    items = [
        {
            "code": f"{section}{k + 1:02d}",
            "section": section,
            "zh": f"{section} 检查项目第 {k + 1} 项：外观、功能与紧固状态正常",
            "en": f"{section} check {k + 1}: appearance, function and fastening in order",
        }
        for section in SECTIONS
        for k in range(per)
    ]
    return json.dumps(
        {"code": "PDI-BENCH", "version": 1, "name": "Bench 60", "items": items},
        ensure_ascii=False,
    )


def build(folder: Path) -> tuple[Path, str]:
    """The demo database with one 60-item delivery; (path, delivery id)."""
    from desktop_app.domain.deliveries import Handover, ItemResult
    from desktop_app.services import demo_data
    from desktop_app.services.auth import AuthService
    from desktop_app.services.deliveries import DeliveryService
    from desktop_app.storage.db import open_database

    path = folder / "bench-delivery.sqlite"
    db = open_database(path)
    demo_data.generate(db, customers=200, seed=3, workers=0)
    auth = AuthService(db)
    photos = folder / "photos"
    DeliveryService(db, auth.session_for("manager"), photos).import_template(template_json())
    service = DeliveryService(db, auth.session_for("delivery1"), photos)
    customer_id, vehicle_id = db.raw.execute(
        "SELECT customer_id, id FROM vehicle WHERE plate != '' AND customer_id IS NOT NULL "
        "AND id NOT IN (SELECT vehicle_id FROM delivery WHERE vehicle_id IS NOT NULL) "
        "ORDER BY rowid LIMIT 1"
    ).fetchone()
    when = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(10))
    d = service.plan(customer_id, vehicle_id, when, template_code="PDI-BENCH")
    did = d.id or ""
    assert len(d.items) == 60, len(d.items)
    for section in SECTIONS:
        service.all_pass(did, section, {f"{section}03", f"{section}07"})
    for k, item in enumerate(i for i in d.items if i.code[-2:] in ("03", "07")):
        if k < 2:
            service.set_item(did, item.code, ItemResult.FAIL, "右前门下沿有约 3 cm 划痕，待复检")
        elif k < 5:
            service.set_item(did, item.code, ItemResult.NOT_APPLICABLE)
        else:
            service.set_item(did, item.code, ItemResult.PASS)
    for doc in d.documents:
        service.set_document(
            did, doc.code, Handover.HANDED_OVER, "", 2 if doc.code == "keys" else None
        )
    db.close()
    return path, did


def raw_open(conn: sqlite3.Connection, delivery_id: str) -> int:
    row = conn.execute("SELECT * FROM delivery WHERE id = ?", (delivery_id,)).fetchone()
    items = conn.execute(
        "SELECT * FROM delivery_item WHERE delivery_id = ? AND deleted_at IS NULL "
        "ORDER BY position",
        (delivery_id,),
    ).fetchall()
    docs = conn.execute(
        "SELECT * FROM delivery_document WHERE delivery_id = ? AND deleted_at IS NULL "
        "ORDER BY position",
        (delivery_id,),
    ).fetchall()
    return len(row) + len(items) + len(docs)


def bare_pdf(rows: list[tuple[str, str, str, str]]) -> bytes:
    """One ReportLab table of the same rows in the same embedded font."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from desktop_app.printing.fonts import cjk_font

    font = cjk_font()
    style = ParagraphStyle("cell", fontName=font, fontSize=8.3, leading=10.6)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, initialFontName=font)
    table = Table(
        [[Paragraph(c, style) for c in row] for row in rows],
        colWidths=[30, 250, 50, 150],
        repeatRows=0,
    )
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.4, "grey")])
    )
    doc.build([table])
    return out.getvalue()


def _time(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def run(runs: int, keep: Path | None) -> dict[str, Any]:
    from desktop_app.printing.delivery import render_delivery_record
    from desktop_app.services.auth import AuthService
    from desktop_app.services.deliveries import DeliveryService
    from desktop_app.services.delivery_documents import delivery_pdf, record_data
    from desktop_app.storage.db import open_database

    heading("delivery record: open with a 60-item checklist, render the PDF")
    print(machine_line())
    folder = Path(tempfile.mkdtemp(prefix="bench-delivery-"))
    try:
        started = time.perf_counter()
        path, did = build(folder)
        print(f"database built in {time.perf_counter() - started:.1f} s: {path}")
        db = open_database(path)
        raw = sqlite3.connect(path)
        service = DeliveryService(db, AuthService(db).session_for("delivery1"), folder / "p")
        delivery = service.open(did).delivery
        data = record_data(db, delivery, "zh_CN", "bench")
        rows = [(i.code, i.text_zh, i.result.value, i.note) for i in delivery.items]
        pages = len(PdfReader(io.BytesIO(delivery_pdf(db, did, "zh_CN"))).pages)
        figures: dict[str, list[float]] = {k: [] for k in ("open", "raw", "pdf", "render", "bare")}
        jobs: dict[str, Callable[[], Any]] = {
            "open": lambda: service.open(did),
            "raw": lambda: raw_open(raw, did),
            "pdf": lambda: delivery_pdf(db, did, "zh_CN", "bench"),
            "render": lambda: render_delivery_record(data, "zh_CN"),
            "bare": lambda: bare_pdf(rows),
        }
        for job in jobs.values():  # untimed warm-up (font loaded, caches warm)
            job()
        for _run in range(runs):
            for name, job in jobs.items():
                figures[name].append(ms(_time(job)))
        db.close()
        raw.close()
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, keep)
            print(f"kept the database as {keep}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(
        f"{runs} timed runs after one untimed; times in ms; ratio = median ours / median bare; "
        f"the record is {pages} page(s) with {len(rows)} checklist items"
    )
    print()
    print_table(
        ["figure", "ours med", "ours p95", "bare med", "bare p95", "ratio", "target"],
        [
            _row("open (DeliveryService.open)", figures["open"], figures["raw"], TARGET_OPEN_MS),
            _row(
                "render (delivery_pdf, DB + PDF)", figures["pdf"], figures["bare"], TARGET_RENDER_MS
            ),
            _row(
                "render (render_delivery_record)",
                figures["render"],
                figures["bare"],
                TARGET_RENDER_MS,
            ),
        ],
    )
    print(
        "bare: open = raw sqlite3 select of the row, its items and documents; render = one "
        "ReportLab table of the same 60 rows in the same font"
    )
    return {k: {"median": median(v), "p95": p95(v)} for k, v in figures.items()}


def _row(label: str, ours: list[float], bare: list[float], target: float) -> list[str]:
    return [
        label,
        fmt(median(ours), 2),
        fmt(p95(ours), 2),
        fmt(median(bare), 2),
        fmt(p95(bare), 2),
        fmt_ratio(ratio(median(ours), median(bare))),
        f"≤ {target:.0f}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keep", type=Path, help="copy the built database here")
    args = parser.parse_args(argv)
    run(args.runs, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
