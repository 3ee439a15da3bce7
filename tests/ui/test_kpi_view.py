"""The KPI tab: the cards show what ``CareService.kpi_month`` computes beside last month's, the
charts carry ``kpi_trend``'s twelve months, choosing another month reloads, a month without
data says so in place, and “Print monthly report” writes the PDF and opens it."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desktop_app.domain.care import KPI_LABELS, NoKpiData
from desktop_app.printing.kpi import scale
from desktop_app.services.care import CareService
from desktop_app.storage.db import Database
from desktop_app.ui.care.kpi import KpiView, axis_scale, last_complete_month
from desktop_app.ui.i18n import tr_error
from desktop_app.ui.tasks import TaskRunner
from tests.conftest import DEMO_TODAY, session_as
from tests.ui.conftest import RecordingDialogs

NOW = dt.datetime.combine(DEMO_TODAY, dt.time(9, 30))  # 2026-11-20: the report due is October's


@pytest.fixture
def service(db: Database) -> CareService:
    care = CareService(db, session_as(db, "care1"), now=lambda: NOW)
    care.generate(DEMO_TODAY)
    return care


@pytest.fixture
def view(
    qtbot: QtBot, service: CareService, runner: TaskRunner, dialogs: RecordingDialogs
) -> KpiView:
    widget = KpiView(service, runner, dialogs)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.start()
    return widget


def shown(value: Decimal | None, minutes: bool) -> str:
    if value is None:
        return "no data"
    return f"{value:.1f} min" if minutes else f"{value:.1f} %"


def check_cards(view: KpiView, service: CareService, month: str) -> None:
    current, trend = service.kpi_month(month), service.kpi_trend(month)
    assert view.page is not None and view.page.month == month
    assert view.stack.currentIndex() == 0
    for key, card in view.cards.items():
        minutes = key == "explanation_minutes"
        assert card.value.text() == shown(getattr(current, key), minutes), key
        assert f"Last month: {shown(getattr(trend[-2], key), minutes)}" in card.comparison.text()
        assert card.chart.values == [getattr(k, key) for k in trend]
        assert card.chart.months == [k.month for k in trend]


def test_opens_on_the_last_complete_month_with_the_services_numbers(
    view: KpiView, service: CareService
) -> None:
    assert view.month() == last_complete_month(DEMO_TODAY) == "2026-10"
    assert list(view.cards) == list(KPI_LABELS)
    assert [c.name.text() for c in view.cards.values()] == list(KPI_LABELS.values())
    check_cards(view, service, "2026-10")
    assert view.print_button.isEnabled()
    assert view.heading.text() == ""  # October is over


def test_the_change_is_coloured_by_what_is_better(view: KpiView, service: CareService) -> None:
    current, previous = service.kpi_month("2026-10"), service.kpi_trend("2026-10")[-2]
    for key, card in view.cards.items():
        value, before = getattr(current, key), getattr(previous, key)
        if value is None or before is None or value == before or key == "explanation_minutes":
            continue
        better = value < before if key == "lost_rate" else value > before
        assert ("#1e7b34" if better else "#b00020") in card.comparison.text(), key


def test_choosing_another_month_reloads(view: KpiView, service: CareService) -> None:
    view.set_month("2026-09")
    check_cards(view, service, "2026-09")
    view.next_button.click()
    check_cards(view, service, "2026-10")
    view.previous_button.click()
    view.previous_button.click()
    check_cards(view, service, "2026-08")
    view.month_box.setCurrentIndex(view.month_box.findData("2026-11"))
    check_cards(view, service, "2026-11")
    assert "not over yet" in view.heading.text()  # November is running
    assert not view.next_button.isEnabled()  # no month after the current one


def test_a_month_without_data_shows_the_message_in_place(
    view: KpiView, service: CareService
) -> None:
    # years before the demo's history: nothing happened, whatever the customer base
    view.set_month("2022-06")
    assert view.stack.currentIndex() == 1
    assert view.message.text() == tr_error(NoKpiData("2022-06"))
    assert "2022-06" in view.message.text()
    assert not view.print_button.isEnabled()
    assert view.page is None
    view.set_month("2026-10")  # and back: the cards again
    check_cards(view, service, "2026-10")


def test_print_button_writes_the_report_and_opens_it(
    view: KpiView, dialogs: RecordingDialogs, service: CareService
) -> None:
    view.print_button.click()
    assert not dialogs.shown, dialogs.shown
    assert len(dialogs.opened) == 1
    path: Path = dialogs.opened[0]
    assert path == view.last_print and path.exists()
    assert path.name.startswith("kpi-report-2026-10-")
    text = "".join(
        "".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages
    )
    assert "October2026" in text  # the UI language (English in tests)
    current = service.kpi_month("2026-10")
    for n, (key, name) in enumerate(KPI_LABELS.items(), start=1):
        figure = shown(getattr(current, key), key == "explanation_minutes")
        if figure != "no data":
            assert f"{n}.{''.join(name.split())}{''.join(figure.split())}" in text


def test_a_print_that_cannot_be_written_says_why(
    view: KpiView, dialogs: RecordingDialogs, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "home"
    blocked.write_text("a file where the data folder should be")
    monkeypatch.setenv("DEALERDESK_HOME", str(blocked))
    view.print_button.click()
    assert not dialogs.opened
    assert dialogs.shown and dialogs.shown[0][0] == "error"
    assert view.print_button.isEnabled()


def test_the_screen_chart_scales_as_the_printed_one() -> None:
    samples: list[list[Decimal | None]] = [
        [None] * 12,
        [Decimal("12.5"), None, Decimal("100.0")],
        [Decimal("36.0"), Decimal("58.9")],
        [Decimal("95.0"), Decimal("61.0")],
    ]
    for values in samples:
        for minutes in (False, True):
            assert axis_scale(values, minutes, 30) == scale(values, minutes, 30)


def test_charts_paint_at_small_and_large_sizes(view: KpiView, qtbot: QtBot) -> None:
    for size in ((640, 480), (1600, 1000)):
        view.resize(*size)
        qtbot.wait(10)
        assert not view.grab().isNull()
    assert view.cards["lost_rate"].chart.index_at(-5) is None


def test_every_value_is_labelled_and_no_labels_overlap(view: KpiView, qtbot: QtBot) -> None:
    view.resize(1280, 800)
    qtbot.wait(10)
    assert view.cards["lost_rate"].chart.width() < 420  # three cards a row: narrow charts
    for key, card in view.cards.items():
        chart = card.chart
        _font, placed = chart.value_labels()
        rects = [rect for _i, rect, _text in placed]
        for n, rect in enumerate(rects):
            assert not any(rect.intersects(other) for other in rects[n + 1 :]), key
        assert [i for i, _r, _t in sorted(placed, key=lambda p: p[0])] == [
            i for i, v in enumerate(chart.values) if v is not None
        ], key
        assert chart.month_labels(chart._slot(chart._plot()))[1] == 1  # every month named
