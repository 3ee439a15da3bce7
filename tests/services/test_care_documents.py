"""The customer-care monthly report (客户关怀月度报表) read back with pypdf: the Chinese title
and month, every KPI's name as the translation file gives it, this month's figures exactly as
``CareService.kpi_month`` computes them beside last month's, the change and the 12-month
average, the counts behind each rate, the trend charts carrying ``kpi_trend``'s numbers month by
month, page numbers, the English version; a month without data and a text that is not a month
are refused; ``list care`` lists the worklist on file."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.care import KPI_LABELS, KpiCounts, Kpis, NoKpiData
from desktop_app.domain.errors import ValidationError
from desktop_app.services.care import CareService
from desktop_app.services.care_documents import (
    average,
    care_lines,
    kpi_counts,
    kpi_report_data,
    kpi_report_pdf,
    last_complete_month,
    print_kpi_report,
)
from desktop_app.services.errors import PrintFailed
from desktop_app.services.labels import label
from desktop_app.storage.care import CareRepository
from desktop_app.storage.db import Database
from tests.conftest import DEMO_TODAY, session_as

MONTH = last_complete_month(DEMO_TODAY)  # 2026-10: the report due on 1 November
PRINTED = dt.date(2026, 11, 2)
WHOLE = {
    "first_maintenance_return": "first_due",
    "regular_maintenance_return": "regular_due",
    "appointment_rate": "visits",
    "show_rate": "appointments",
    "lost_rate": "owners",
    "callbacks_on_time": "callbacks_due",
}


def pages_of(data: bytes) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def care(db: Database) -> CareService:
    """Care tasks generated on the demo store (idempotent: demo data may already have them)."""
    service = CareService(
        db, session_as(db, "care1"), now=lambda: dt.datetime.combine(DEMO_TODAY, dt.time(9))
    )
    service.generate(DEMO_TODAY)
    return service


def zh_figure(value: Decimal | None, minutes: bool) -> str:
    if value is None:
        return "—"
    return f"{value:.1f} 分钟" if minutes else f"{value:.1f} %"


def en_figure(value: Decimal | None, minutes: bool) -> str:
    if value is None:
        return "—"
    return f"{value:.1f} min" if minutes else f"{value:.1f} %"


def signed(value: Decimal) -> str:
    return f"+{value:.1f}" if value > 0 else f"−{-value:.1f}" if value < 0 else "0.0"


def mean(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    if not present:
        return None
    return (sum(present, Decimal(0)) / len(present)).quantize(Decimal("0.1"))


def test_month_has_data(care: CareService) -> None:
    assert not care.kpi_month(MONTH).empty


def test_zh_report_prints_the_months_figures_as_the_screen_computes_them(
    db: Database, care: CareService
) -> None:
    current = care.kpi_month(MONTH)
    trend = care.kpi_trend(MONTH)
    previous = trend[-2]
    counts = CareRepository(db).kpi_counts(MONTH, dt.date(2026, 10, 1), dt.date(2026, 11, 1))
    pages = pages_of(kpi_report_pdf(db, MONTH, "zh_CN", PRINTED))
    text = "".join(pages)
    assert "客户关怀月度报表" in pages[0]
    assert "报表月份2026年10月" in pages[0]
    assert "一、本月指标" in pages[0]
    basis = {
        "first_maintenance_return": (
            f"应首保 {counts.first_due} 台，回厂 {counts.first_returned} 台"
        ),
        "regular_maintenance_return": (
            f"应定保 {counts.regular_due} 台，回厂 {counts.regular_returned} 台"
        ),
        "appointment_rate": (
            f"进厂 {counts.visits} 台次，其中预约 {counts.visits_with_appointment} 台次"
        ),
        "show_rate": f"预约 {counts.appointments} 个，到店 {counts.shows} 个",
        "lost_rate": f"保有客户 {counts.owners} 位，流失 {counts.lost} 位",
        "callbacks_on_time": (
            f"应回访 {counts.callbacks_due} 次，按时完成 {counts.callbacks_on_time} 次"
        ),
        "explanation_minutes": (
            f"计时交车 {len(counts.explanation_minutes)} 台，"
            f"合计 {sum(counts.explanation_minutes)} 分钟"
        ),
    }
    for n, (key, english) in enumerate(KPI_LABELS.items(), start=1):
        name = label(english, "zh_CN")  # the translation file's name, as on screen
        minutes = key == "explanation_minutes"
        value, before = getattr(current, key), getattr(previous, key)
        change = "—"
        if value is not None and before is not None:
            change = signed(value - before) + (" 分钟" if minutes else " 个百分点")
        whole = len(counts.explanation_minutes) if minutes else _whole(counts, key)
        row = (
            f"{n}. {name}"
            + zh_figure(value, minutes)
            + zh_figure(before, minutes)
            + change
            + zh_figure(mean([getattr(k, key) for k in trend]), minutes)
            + (basis[key] if whole else "本月无数据")
        )
        assert squeezed(row) in text, (key, row)


def _whole(counts: KpiCounts, key: str) -> int:
    """What a rate divides by."""
    return int(getattr(counts, WHOLE[key]))


def test_the_charts_carry_the_trend_month_by_month(db: Database, care: CareService) -> None:
    trend: list[Kpis] = care.kpi_trend(MONTH)
    text = "".join(pages_of(kpi_report_pdf(db, MONTH, "zh_CN", PRINTED)))
    assert "二、近12个月趋势" in text
    for n, (key, english) in enumerate(KPI_LABELS.items(), start=1):
        bars = ""
        for i, k in enumerate(trend):
            value = getattr(k, key)
            year, month = int(k.month[:4]), int(k.month[5:])
            shown = "—" if value is None else "100" if value == 100 else f"{value:.1f}"
            bars += shown + f"{month}月"
            if i == 0 or month == 1:
                bars += str(year)
        title = f"{n}.{squeezed(label(english, 'zh_CN'))}"
        assert title in text
        assert bars in text, (key, bars)
    assert "标准≥30分钟" in text  # the explanation chart's standard


def test_page_numbers_footnotes_and_the_month_in_progress_note(
    db: Database, care: CareService
) -> None:
    pages = pages_of(kpi_report_pdf(db, MONTH, "zh_CN", PRINTED))
    total = len(pages)
    assert total >= 2
    for n, page in enumerate(pages, start=1):
        assert f"第{n}页共{total}页" in page
    text = "".join(pages)
    assert "三、指标说明" in text
    assert "尚未结束" not in text  # printed after the month ended
    for english in KPI_LABELS.values():
        assert squeezed(label(english, "zh_CN")) + "=" in text  # each KPI defined
    during = "".join(pages_of(kpi_report_pdf(db, MONTH, "zh_CN", dt.date(2026, 10, 20))))
    assert "2026年10月尚未结束：数据截至2026-10-20" in during


def test_english_report(db: Database, care: CareService) -> None:
    current = care.kpi_month(MONTH)
    pages = pages_of(kpi_report_pdf(db, MONTH, "en", PRINTED))
    text = "".join(pages)
    assert "Customercaremonthlyreport" in pages[0]
    assert "October2026" in pages[0]
    for n, (key, english) in enumerate(KPI_LABELS.items(), start=1):
        minutes = key == "explanation_minutes"
        assert squeezed(f"{n}. {english}{en_figure(getattr(current, key), minutes)}") in text
    for n in range(1, len(pages) + 1):
        assert f"Page{n}of{len(pages)}" in pages[n - 1]
    assert "Whateachkpimeans" in text.replace("KPI", "kpi")


def test_report_data_matches_the_service(db: Database, care: CareService) -> None:
    data = kpi_report_data(db, MONTH, "en", PRINTED)
    current, trend = care.kpi_month(MONTH), care.kpi_trend(MONTH)
    assert data.month == MONTH
    assert list(data.months) == [k.month for k in trend]
    assert [r.key for r in data.rows] == list(KPI_LABELS)
    for row in data.rows:
        assert row.value == getattr(current, row.key)
        assert row.previous == getattr(trend[-2], row.key)
        assert list(row.trend) == [getattr(k, row.key) for k in trend]
    assert data.site_name  # the dealer header
    counts = kpi_counts(db, MONTH)
    lost = next(r for r in data.rows if r.key == "lost_rate")
    assert (lost.part, lost.whole) == (counts.lost, counts.owners)


def test_average_of_the_months_with_data() -> None:
    assert average([None, Decimal("1.0"), Decimal("2.0")]) == Decimal("1.5")
    assert average([Decimal("0.1"), Decimal("0.2")]) == Decimal("0.2")  # 0.15, half up
    assert average([None, None]) is None


def test_a_month_without_data_and_a_bad_month_are_refused(db: Database, empty_db: Database) -> None:
    with pytest.raises(NoKpiData) as refused:
        kpi_report_pdf(empty_db, "2026-10", "zh_CN")
    assert "2026-10" in str(refused.value)
    for bad in ("2026-13", "October", ""):
        with pytest.raises(ValidationError):
            kpi_report_pdf(db, bad, "zh_CN")


def test_print_writes_the_report_into_the_folder(
    db: Database, care: CareService, tmp_path: Path
) -> None:
    path = print_kpi_report(db, care.session, MONTH, "zh_CN", tmp_path / "prints")
    assert path.parent == tmp_path / "prints"
    assert path.name.startswith(f"kpi-report-{MONTH}-") and path.suffix == ".pdf"
    assert "客户关怀月度报表" in pages_of(path.read_bytes())[0]
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(PrintFailed):
        print_kpi_report(db, care.session, MONTH, "zh_CN", blocked)


def test_last_complete_month() -> None:
    assert last_complete_month(dt.date(2026, 11, 1)) == "2026-10"
    assert last_complete_month(dt.date(2027, 1, 31)) == "2026-12"


def test_care_lines_list_the_worklist_on_file(db: Database, care: CareService) -> None:
    lines = list(care_lines(db, DEMO_TODAY))
    items = care.worklist(DEMO_TODAY)
    assert lines and len(lines) == len(items)
    for line, item in zip(lines, items, strict=True):
        kind, customer, phone, due = line.split("\t")
        assert (kind, customer, phone, due) == (
            item.kind.value,
            " ".join(item.customer_name.split()),
            item.phone,
            item.due.isoformat(),
        )
        assert item.opens <= DEMO_TODAY
    assert len(list(care_lines(db, DEMO_TODAY, limit=3))) == 3
