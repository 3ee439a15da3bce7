"""The KPI tab of the Care area: the month's seven customer-care KPIs as figure cards beside
the month before, each with its 12-month trend chart, and the monthly report (A4 PDF) printed
from the same figures.

The figures come from ``CareService.kpi_month`` and ``kpi_trend``; the printed report takes
them from the same storage call, so screen and paper agree. The charts are drawn here with
QPainter (QtCharts needs the PySide6 add-ons, which DealerDesk does not ship) by the same rule
as the report's ``reportlab.graphics`` charts: rates on a 0–100 % axis, the explanation in
minutes with its 30-minute standard, a gap marked “—” for a month without data, the chosen month
in the accent colour.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ...domain.care import KPI_LABELS, Kpis
from ...domain.deliveries import MIN_EXPLANATION, add_months
from ...paths import data_dir
from ...services.care import CareService
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..tasks import Operation, TaskRunner

TREND_MONTHS = 12
PICKER_YEARS = 5  # how far back the month picker goes
TARGET_MINUTES = int(MIN_EXPLANATION.total_seconds() // 60)

# the printed report's palette (printing/layout.py and printing/kpi.py)
ACCENT = QColor("#1d4f91")
BAR = QColor("#9db7d9")
GRID = QColor("#c9d1da")
INK = QColor("#1f2d3d")
MUTED = QColor("#6b7785")
TARGET = QColor("#c77700")
BETTER = "#1e7b34"
WORSE = "#b00020"

MINUTES_KEY = "explanation_minutes"
LOWER_IS_BETTER = frozenset({"lost_rate"})


def month_key(day: dt.date) -> str:
    return f"{day:%Y-%m}"


def last_complete_month(today: dt.date) -> str:
    """The month whose report is due on ``today``'s month's 1st: the month before."""
    return month_key(add_months(today.replace(day=1), -1))


def axis_scale(values: Sequence[Decimal | None], minutes: bool, target: int) -> tuple[int, int]:
    """(top of the axis, step between grid lines), the rule of ``printing.kpi.scale``: rates
    0–100 % in steps of 25; minutes from 0 to a round ten above the largest value and the
    standard (at least 40), in steps of 10 (20 beyond 60)."""
    if not minutes:
        return 100, 25
    highest = max([float(v) for v in values if v is not None] + [float(target)])
    top = max(40, int(math.ceil((highest + 1) / 10.0)) * 10)
    return top, 10 if top <= 60 else 20


def bar_label(value: Decimal) -> str:
    """A bar's value as the chart shows it, by the rule of ``printing.kpi.bar_label``: one
    decimal, a full 100 % as “100” (it fits over a narrow bar)."""
    return "100" if value == 100 else f"{value:.1f}"


@dataclass(frozen=True)
class KpiPage:
    """What one month's view shows: the month's KPIs and the 12 months up to it (oldest
    first; the month before is ``trend[-2]``)."""

    month: str
    current: Kpis
    trend: list[Kpis]

    @property
    def previous(self) -> Kpis | None:
        return self.trend[-2] if len(self.trend) >= 2 else None


def load_page(service: CareService, month: str) -> KpiPage:
    """Runs on the worker: NoKpiData when the month has no data."""
    current = service.kpi_month(month)
    return KpiPage(month, current, service.kpi_trend(month, TREND_MONTHS))


class TrendChart(QWidget):
    """Twelve monthly bars, each with its value above it; the month (and the year under the
    first month and January) below; grid lines with the axis figures; “—” where a month has
    no data; the chosen month in the accent colour; the explanation's standard as a dashed
    line. Hovering a bar shows the month and its value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[Decimal | None] = []
        self.months: list[str] = []
        self.minutes = False
        self.target = TARGET_MINUTES
        self.setMinimumSize(240, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def set_data(
        self,
        values: Sequence[Decimal | None],
        months: Sequence[str],
        minutes: bool = False,
        target: int = TARGET_MINUTES,
    ) -> None:
        self.values, self.months = list(values), list(months)
        self.minutes, self.target = minutes, target
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 190)

    # -- geometry, shared by painting and tooltips ---------------------------------------

    def _plot(self) -> QRectF:
        small = QFontMetricsF(self._font(0.85))
        left = small.horizontalAdvance("100") + 10
        top = small.height() + 6
        bottom = small.height() * 2 + 8
        return QRectF(
            left, top, max(self.width() - left - 6, 10), max(self.height() - top - bottom, 10)
        )

    def _slot(self, plot: QRectF) -> float:
        return plot.width() / max(len(self.values), 1)

    def _font(self, factor: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
        return font

    def _month_text(self, month: str) -> str:
        number = int(month[5:7])
        return QLocale().standaloneMonthName(number, QLocale.FormatType.ShortFormat)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot()
        top, step = axis_scale(self.values, self.minutes, self.target)

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * min(value, top) / top

        small = self._font(0.85)
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        for tick in range(0, top + 1, step):
            y = y_of(tick)
            painter.setPen(QPen(INK if tick == 0 else GRID, 1.2 if tick == 0 else 0.8))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED)
            label = QRectF(0, y - metrics.height() / 2, plot.left() - 5, metrics.height())
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(tick)
            )
        unit = self.tr("min") if self.minutes else "%"
        painter.drawText(
            QRectF(0, 0, plot.left() - 5, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            unit,
        )
        slot = self._slot(plot)
        bar_w = slot * 0.62
        last = len(self.values) - 1
        month_font, every = self.month_labels(slot)
        for i, value in enumerate(self.values):
            centre = plot.left() + slot * i + slot / 2
            if value is None:
                painter.setPen(MUTED)
                painter.setFont(small)
                painter.drawText(
                    QRectF(
                        centre - slot / 2,
                        plot.bottom() - metrics.height() - 1,
                        slot,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignCenter,
                    "—",
                )
            else:
                y = y_of(float(value))
                painter.fillRect(
                    QRectF(centre - bar_w / 2, y, bar_w, plot.bottom() - y),
                    ACCENT if i == last else BAR,
                )
            if i < len(self.months) and (every == 1 or (last - i) % every == 0):
                painter.setFont(month_font)
                painter.setPen(INK if i == last else MUTED)
                row = QRectF(centre - slot, plot.bottom() + 3, slot * 2, metrics.height())
                painter.drawText(
                    row, Qt.AlignmentFlag.AlignCenter, self._month_text(self.months[i])
                )
        self._draw_years(painter, plot, slot, metrics)
        font, placed = self.value_labels()
        painter.setFont(font)
        painter.setPen(INK)
        for _i, rect, shown in placed:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, shown)
        if self.minutes:
            pen = QPen(TARGET, 1.4, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = y_of(self.target)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.end()

    def _draw_years(
        self, painter: QPainter, plot: QRectF, slot: float, metrics: QFontMetricsF
    ) -> None:
        """The year under each January and under the first month, left-aligned on its bar;
        the first month's year only when it does not run into January's."""
        painter.setPen(MUTED)
        y = plot.bottom() + 3 + metrics.height()
        januaries = [i for i, m in enumerate(self.months) if m.endswith("-01")]
        for i in januaries:
            x = plot.left() + slot * i
            painter.drawText(QPointF(x + 1, y + metrics.ascent()), self.months[i][:4])
        if self.months and 0 not in januaries:
            year = self.months[0][:4]
            room = slot * (januaries[0] if januaries else len(self.months))
            if metrics.horizontalAdvance(year) + 4 <= room:
                painter.drawText(QPointF(plot.left() + 1, y + metrics.ascent()), year)

    def month_labels(self, slot: float) -> tuple[QFont, int]:
        """The font of the month names under the bars (the largest, down to 6 pt, in which
        each fits its slot with a little space) and whether every month is named (1) or every
        other one, counting back from the chosen month (2)."""
        names = [self._month_text(m) for m in self.months] or ["0"]
        for factor in (0.85, 0.78, 0.72):
            font = self._font(factor)
            widest = max(QFontMetricsF(font).horizontalAdvance(n) for n in names)
            if widest + 3 <= slot:
                return font, 1
        return self._font(0.72), 2

    def value_labels(self) -> tuple[QFont, list[tuple[int, QRectF, str]]]:
        """Where each bar's value goes, above the bar: in the largest font (down to 6 pt) in
        which the widest value fits a bar's slot; the chosen month first, then the others
        left to right, each left out (shown by its tooltip) if it would run into one already
        placed. (index, rectangle, text) of those placed."""
        plot = self._plot()
        slot = self._slot(plot)
        top, _step = axis_scale(self.values, self.minutes, self.target)
        texts = {i: bar_label(v) for i, v in enumerate(self.values) if v is not None}
        font = self._font(0.72)
        for factor in (0.9, 0.8):
            candidate = QFontMetricsF(self._font(factor))
            widest = max((candidate.horizontalAdvance(t) for t in texts.values()), default=0.0)
            if widest + 1 <= slot - 0.5:
                font = self._font(factor)
                break
        metrics = QFontMetricsF(font)
        last = len(self.values) - 1
        placed: list[tuple[int, QRectF, str]] = []
        for i in sorted(texts, key=lambda n: (n != last, n)):
            value = self.values[i]
            assert value is not None
            y = plot.bottom() - plot.height() * min(float(value), top) / top
            width = metrics.horizontalAdvance(texts[i]) + 1
            centre = plot.left() + slot * i + slot / 2
            rect = QRectF(centre - width / 2, y - metrics.height() - 1, width, metrics.height())
            if not any(rect.intersects(other) for _n, other, _t in placed):
                placed.append((i, rect, texts[i]))
        return font, placed

    # -- tooltips ------------------------------------------------------------------------

    def index_at(self, x: float) -> int | None:
        plot = self._plot()
        if not self.values or not plot.left() <= x < plot.right():
            return None
        return min(int((x - plot.left()) / self._slot(plot)), len(self.values) - 1)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.index_at(event.pos().x())
            if i is not None and i < len(self.months):
                value = self.values[i]
                shown = self.tr("no data") if value is None else f"{value:.1f}"
                QToolTip.showText(event.globalPos(), f"{self.months[i]}: {shown}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class KpiCard(QFrame):
    """One KPI: its name, the month's figure, last month's beside it with the change, and the
    12-month trend."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("kpiCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#kpiCard { background: #ffffff; border: 1px solid #d5dce4; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(2)
        self.name = QLabel(tr_label(KPI_LABELS[key]))
        self.name.setWordWrap(True)
        self.name.setStyleSheet("font-weight: bold; color: #1f2d3d;")
        self.value = QLabel()
        self.value.setStyleSheet("font-size: 20pt; color: #1d4f91;")
        self.comparison = QLabel()
        self.comparison.setTextFormat(Qt.TextFormat.RichText)
        self.comparison.setStyleSheet("color: #6b7785;")
        self.comparison.setWordWrap(True)
        self.chart = TrendChart()
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        layout.addWidget(self.comparison)
        layout.addWidget(self.chart, 1)

    @property
    def minutes(self) -> bool:
        return self.key == MINUTES_KEY

    def figure(self, value: Decimal | None) -> str:
        if value is None:
            return self.tr("no data")
        if self.minutes:
            return self.tr("{value} min").format(value=f"{value:.1f}")
        return f"{value:.1f} %"

    def show_page(self, page: KpiPage) -> None:
        value: Decimal | None = getattr(page.current, self.key)
        previous: Decimal | None = (
            getattr(page.previous, self.key) if page.previous is not None else None
        )
        self.value.setText(self.figure(value))
        parts = [self.tr("Last month: {value}").format(value=self.figure(previous))]
        if value is not None and previous is not None:
            change = value - previous
            arrow = "▲" if change > 0 else "▼" if change < 0 else "＝"
            size = f"{abs(change):.1f}"
            amount = (
                self.tr("{value} min").format(value=size)
                if self.minutes
                else self.tr("{value} pp").format(value=size)
            )
            colour = "#6b7785"
            if change != 0 and not self.minutes:
                better = change < 0 if self.key in LOWER_IS_BETTER else change > 0
                colour = BETTER if better else WORSE
            parts.append(f"<span style='color: {colour};'>{arrow} {amount}</span>")
        if self.minutes:
            parts.append(self.tr("standard ≥ {minutes} min").format(minutes=TARGET_MINUTES))
        self.comparison.setText(" · ".join(parts))
        self.chart.set_data(
            [getattr(k, self.key) for k in page.trend],
            [k.month for k in page.trend],
            minutes=self.minutes,
        )


class KpiView(QWidget):
    """The month picker (default: the last complete month, whose report is due on the 1st),
    the seven KPI cards with their trends, and “Print monthly report”."""

    sig_status = Signal(str)

    def __init__(
        self,
        service: CareService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.page: KpiPage | None = None
        self.last_print: Path | None = None
        self.started = False
        self._columns = 0

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month:")))
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("Previous month"))
        self.month_box = QComboBox()
        self.month_box.setMinimumContentsLength(10)
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next month"))
        self.heading = QLabel()
        self.heading.setStyleSheet("color: #6b7785;")
        self.print_button = QPushButton(self.tr("Print monthly report"))
        self.print_button.setEnabled(False)
        for w in (self.previous_button, self.month_box, self.next_button):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.print_button)

        self.cards = {key: KpiCard(key) for key in KPI_LABELS}
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.grid_host)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size: 12pt; color: #6b7785; padding: 40px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(scroll)
        self.stack.addWidget(self.message)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self._fill_months()
        self._arrange(self._columns_for(self.width()))
        self.month_box.currentIndexChanged.connect(self._month_chosen)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.print_button.clicked.connect(self.print_report)

    # -- months ---------------------------------------------------------------------------

    def today(self) -> dt.date:
        return self.service.now().date()

    def _fill_months(self) -> None:
        """From the current month back ``PICKER_YEARS`` years, newest first."""
        current = self.today().replace(day=1)
        self.month_box.blockSignals(True)
        self.month_box.clear()
        fmt = self.tr("MMMM yyyy", "the month picker: a Qt date format")
        for back in range(PICKER_YEARS * 12):
            first = add_months(current, -back)
            shown = QLocale().toString(QDate(first.year, first.month, 1), fmt)
            self.month_box.addItem(shown, month_key(first))
        self.month_box.blockSignals(False)

    def month(self) -> str:
        return str(self.month_box.currentData())

    def set_month(self, month: str) -> None:
        """Show ``month`` (YYYY-MM); loads it when it differs from the one shown."""
        index = self.month_box.findData(month)
        if index < 0:
            return
        if index == self.month_box.currentIndex():
            self.load()
        else:
            self.month_box.setCurrentIndex(index)  # → _month_chosen → load

    def _step(self, months: int) -> None:
        # newest first: a later month is a lower index
        index = self.month_box.currentIndex() - months
        if 0 <= index < self.month_box.count():
            self.month_box.setCurrentIndex(index)

    def _month_chosen(self, _index: int) -> None:
        self.load()

    # -- loading --------------------------------------------------------------------------

    def start(self) -> None:
        """Show the last complete month (the report due on the 1st)."""
        self.started = True
        self._fill_months()
        self.set_month(last_complete_month(self.today()))

    def load(self) -> None:
        month = self.month()
        self.print_button.setEnabled(False)
        index = self.month_box.currentIndex()
        self.previous_button.setEnabled(index < self.month_box.count() - 1)
        self.next_button.setEnabled(index > 0)
        service = self.service
        (
            Operation(lambda: load_page(service, month))
            .success(self._loaded)
            .failure(lambda e: self._failed(month, e))
            .run_in_background(self.runner)
        )

    def _loaded(self, page: KpiPage) -> None:
        if page.month != self.month():
            return  # the user has moved on; that month's answer is on its way
        self.page = page
        for card in self.cards.values():
            card.show_page(page)
        self.stack.setCurrentIndex(0)
        self.print_button.setEnabled(True)
        self.heading.setText(self._heading(page.month))

    def _heading(self, month: str) -> str:
        if month >= month_key(self.today()):
            return self.tr("{month} is not over yet: the figures so far.").format(
                month=self.month_box.currentText()
            )
        return ""

    def _failed(self, month: str, error: BaseException) -> None:
        if month != self.month():
            return
        self.page = None
        self.message.setText(tr_error(error))
        self.stack.setCurrentIndex(1)
        self.heading.setText("")
        self.print_button.setEnabled(False)

    # -- printing -------------------------------------------------------------------------

    def print_report(self) -> None:
        if self.page is None:
            return
        title = self.tr("Print")
        try:
            from ...services.care_documents import print_kpi_report  # loads ReportLab
        except ImportError:
            self.dialogs.error(
                self, title, self.tr("Printing reports is not available in this version.")
            )
            return
        db, session, month = self.service.db, self.service.session, self.page.month
        lang = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        folder = data_dir() / "prints"
        self.print_button.setEnabled(False)
        (
            Operation(lambda: print_kpi_report(db, session, month, lang, folder))
            .success(self._printed)
            .failure(lambda e: self._print_failed(title, e))
            .run_in_background(self.runner)
        )

    def _printed(self, path: Path) -> None:
        self.last_print = path
        self.print_button.setEnabled(self.page is not None)
        self.sig_status.emit(self.tr("Saved as {path}").format(path=path))
        self.dialogs.show_document(self, path)

    def _print_failed(self, title: str, error: BaseException) -> None:
        self.print_button.setEnabled(self.page is not None)
        self.dialogs.error(self, title, tr_error(error))

    # -- layout ---------------------------------------------------------------------------

    @staticmethod
    def _columns_for(width: int) -> int:
        return max(1, min(4, width // 330))

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for n, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, n // columns, n % columns)
            card.setMinimumHeight(270)
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(self._columns_for(event.size().width()))
