"""Printing the customer-care monthly report (客户关怀月度报表) and the command line's
``list care``.

The report's figures are the screen's: each month is ``domain.care.kpis`` of
``CareRepository.kpi_counts`` — what ``CareService.kpi_month`` and ``kpi_trend`` return — and
the counts behind each rate come from the same ``kpi_counts`` call, so the table, the charts and
the KPI window always agree. Reading needs no session (the command line has none); printing from
the UI goes through :func:`print_kpi_report`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ..domain.care import KPI_LABELS, KpiCounts, Kpis, NoKpiData, kpis, parse_month
from ..domain.deliveries import MIN_EXPLANATION, add_months
from ..domain.staff import Session
from ..printing.kpi import KpiReportData, KpiRow, render_kpi_report
from ..storage.care import CareRepository
from ..storage.db import Database
from ..storage.repositories import SiteRepository
from .labels import label
from .print_files import write_document

TREND_MONTHS = 12

# which KPI is made of which counts: (part, whole)
_PARTS: dict[str, tuple[str, str]] = {
    "first_maintenance_return": ("first_returned", "first_due"),
    "regular_maintenance_return": ("regular_returned", "regular_due"),
    "appointment_rate": ("visits_with_appointment", "visits"),
    "show_rate": ("shows", "appointments"),
    "lost_rate": ("lost", "owners"),
    "callbacks_on_time": ("callbacks_on_time", "callbacks_due"),
}


def kpi_counts(db: Database, month: str, today: dt.date | None = None) -> KpiCounts:
    """The counts one month's KPIs are made of (``month``: YYYY-MM), as of ``today``."""
    first, end = parse_month(month)
    with db.reading():
        site = SiteRepository(db).current()  # the store whose PC this is
        return CareRepository(db).kpi_counts(
            f"{first:%Y-%m}", first, end, site.id if site else None, today or dt.date.today()
        )


def trend_counts(
    db: Database, month: str, months: int = TREND_MONTHS, today: dt.date | None = None
) -> list[KpiCounts]:
    """The counts of the ``months`` months up to and including ``month``, oldest first."""
    first, _end = parse_month(month)
    return [
        kpi_counts(db, f"{add_months(first, -back):%Y-%m}", today)
        for back in range(months - 1, -1, -1)
    ]


def average(values: Sequence[Decimal | None]) -> Decimal | None:
    """The plain average of the months that have a figure, to one decimal (half up)."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return (sum(present, Decimal(0)) / len(present)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _basis(key: str, counts: KpiCounts) -> tuple[int, int]:
    if key == "explanation_minutes":
        return sum(counts.explanation_minutes), len(counts.explanation_minutes)
    part, whole = _PARTS[key]
    return int(getattr(counts, part)), int(getattr(counts, whole))


def kpi_report_data(
    db: Database, month: str, lang: str, today: dt.date | None = None
) -> KpiReportData:
    """The printing layer's data for ``month`` (YYYY-MM): :class:`NoKpiData` when nothing
    happened in that month (as ``CareService.kpi_month``), ``ValidationError`` for a text that
    is not a month."""
    first, _end = parse_month(month)
    month = f"{first:%Y-%m}"
    counts = trend_counts(db, month, today=today)
    figures: list[Kpis] = [kpis(c) for c in counts]
    current = figures[-1]
    if current.empty or first > (today or dt.date.today()):
        raise NoKpiData(month)
    previous = figures[-2]
    rows = []
    for key, english in KPI_LABELS.items():
        trend: list[Decimal | None] = [getattr(f, key) for f in figures]
        part, whole = _basis(key, counts[-1])
        rows.append(
            KpiRow(
                key=key,
                name=label(english, lang),
                value=getattr(current, key),
                previous=getattr(previous, key),
                average=average(trend),
                part=part,
                whole=whole,
                trend=trend,
                minutes=key == "explanation_minutes",
                lower_is_better=key == "lost_rate",
                neutral=key == "explanation_minutes",
            )
        )
    with db.reading():
        site = SiteRepository(db).current()
    return KpiReportData(
        site_name=site.name if site else "",
        site_address=site.address if site else "",
        site_phone=site.phone if site else "",
        licence_no=site.licence_no if site else "",
        month=month,
        months=[c.month for c in counts],
        rows=rows,
        printed_on=today or dt.date.today(),
        target_minutes=int(MIN_EXPLANATION.total_seconds() // 60),
    )


def kpi_report_pdf(db: Database, month: str, lang: str, today: dt.date | None = None) -> bytes:
    """The monthly KPI report for ``month`` (YYYY-MM) as A4 PDF bytes, in ``lang`` (zh_CN or
    en). :class:`NoKpiData` for a month without data."""
    return render_kpi_report(kpi_report_data(db, month, lang, today), lang)


def print_kpi_report(db: Database, session: Session, month: str, lang: str, folder: Path) -> Path:
    """Render and write ``folder/kpi-report-<YYYY-MM>-<timestamp>.pdf``; returns the file. A
    month without data is :class:`NoKpiData`; a disk problem becomes PrintFailed."""
    first, _end = parse_month(month)
    data = kpi_report_pdf(db, month, lang)
    return write_document(folder, f"kpi-report-{first:%Y-%m}", data)


def last_complete_month(today: dt.date) -> str:
    """The month the report is due for on ``today`` (the report is due on the 1st)."""
    return f"{add_months(today.replace(day=1), -1):%Y-%m}"


# -- the command line's list ----------------------------------------------------------------


def care_lines(db: Database, day: dt.date, limit: int = 0) -> Iterator[str]:
    """``list care``: the open tasks on file that are open by ``day`` (today's and overdue),
    soonest due first, one a line: type, customer, phone, due. Task generation is not run:
    this lists what the worklist holds now."""
    with db.reading():
        items = CareRepository(db).worklist(day, limit=limit if limit > 0 else -1)
    for item in items:
        yield "\t".join(
            " ".join(str(v).split())
            for v in (item.kind.value, item.customer_name, item.phone, item.due.isoformat())
        )
