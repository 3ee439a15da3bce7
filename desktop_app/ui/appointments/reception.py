"""The waiting-area board (预约看板): today's cars and their status, full-screen, large and calm.

Only what a stranger may see: the plate partly masked (沪A·12**5), the model, the status and
the expected or promised time — never a name or a phone. Cars ready for pick-up come first.
It refreshes itself every 30 seconds; when more cars are on the list than fit, it turns the
pages by itself. Sizes follow the screen, so it reads well at 1920×1080 and at 1280×800.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QKeyEvent,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.appointments import ON_SITE, STATUS_COLOURS, STATUS_LABELS, Status
from ...services.appointments import AppointmentService, ReceptionRow
from ..i18n import tr_error, tr_label
from ..tasks import Operation, TaskRunner

REFRESH_MS = 30_000
PAGE_MS = 12_000
CLOCK_MS = 1_000
BACKGROUND_TOP = "#0d2035"
BACKGROUND_BOTTOM = "#153454"
TEXT = "#f3f7fb"
MUTED = "#9fb4c9"
ROW = "rgba(255, 255, 255, 0.07)"
READY_ROW = "rgba(92, 184, 92, 0.22)"
READY_ACCENT = "#5cb85c"


def _label(parent: QWidget, text: str = "", name: str = "") -> QLabel:
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    return label


class CarRow(QFrame):
    """One car: masked plate and model on the left, status pill, then the time."""

    def __init__(self, row: ReceptionRow, height: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("carRow")
        self.setFixedHeight(height)
        ready = row.status == Status.READY
        radius = max(8, height // 7)
        accent = f"border-left: {max(6, height // 12)}px solid {READY_ACCENT};" if ready else ""
        background = READY_ROW if ready else ROW
        self.setStyleSheet(
            f"#carRow {{ background: {background}; border-radius: {radius}px; {accent} }}"
        )
        layout = QHBoxLayout(self)
        pad = max(10, height // 5)
        layout.setContentsMargins(pad, 0, pad, 0)
        layout.setSpacing(pad)

        names = QVBoxLayout()
        names.setSpacing(0)
        names.addStretch(1)
        self.plate = _label(self, row.plate, "plateLabel")
        self.plate.setStyleSheet(
            f"color: {TEXT}; font-size: {int(height * 0.40)}px; font-weight: 700;"
            " letter-spacing: 2px;"
        )
        names.addWidget(self.plate)
        self.model = _label(self, row.model, "modelLabel")
        self.model.setStyleSheet(f"color: {MUTED}; font-size: {int(height * 0.19)}px;")
        names.addWidget(self.model)
        names.addStretch(1)
        layout.addLayout(names, 1)

        background, text = STATUS_COLOURS[row.status]
        self.status = _label(self, tr_label(STATUS_LABELS[row.status]), "statusLabel")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pill_h = int(height * 0.46)
        self.status.setFixedHeight(pill_h)
        self.status.setMinimumWidth(int(height * 1.9))
        self.status.setStyleSheet(
            f"background: {background}; color: {text}; border-radius: {pill_h // 2}px;"
            f" font-size: {int(height * 0.23)}px; font-weight: 600;"
            f" padding: 0 {int(height * 0.22)}px;"
        )
        layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignVCenter)

        times = QVBoxLayout()
        times.setSpacing(0)
        times.addStretch(1)
        if row.status == Status.ARRIVED:  # here, not checked in yet: no promise made
            caption = self.tr("Booked for")
        elif row.status in ON_SITE:
            caption = self.tr("Promised")
        else:
            caption = self.tr("Expected")
        self.caption = _label(self, caption, "captionLabel")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.caption.setStyleSheet(f"color: {MUTED}; font-size: {int(height * 0.16)}px;")
        times.addWidget(self.caption)
        self.time = _label(self, f"{row.time:%H:%M}", "timeLabel")
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.time.setStyleSheet(
            f"color: {TEXT}; font-size: {int(height * 0.32)}px; font-weight: 600;"
        )
        times.addWidget(self.time)
        times.addStretch(1)
        layout.addLayout(times)


class ReceptionDisplay(QWidget):
    """Show with ``showFullScreen()`` on the waiting-area screen; Esc closes it."""

    def __init__(
        self, service: AppointmentService, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.rows: list[ReceptionRow] = []
        self.page = 0
        self.updated_at: dt.datetime | None = None
        self._busy = False
        self._error = ""
        self.setWindowTitle(self.tr("Service status"))
        self.setAutoFillBackground(False)
        self.resize(1280, 800)

        self.store_label = _label(self, service.session.site.name, "storeLabel")
        self.title_label = _label(self, self.tr("Today's cars in our service centre"), "title")
        self.clock_label = _label(self, "", "clockLabel")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date_label = _label(self, "", "dateLabel")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note_label = _label(
            self,
            self.tr("Your car is not on the list, or a question? Please ask at the service desk."),
            "noteLabel",
        )
        self.page_label = _label(self, "", "pageLabel")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.empty_label = _label(self, self.tr("No cars in the workshop at the moment."), "empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._outer = outer
        for label in (self.store_label, self.title_label, self.note_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.store_label)
        titles.addWidget(self.title_label)
        header.addLayout(titles, 1)
        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self.clock_label)
        clock.addWidget(self.date_label)
        header.addLayout(clock)
        outer.addLayout(header)
        self.rule = QFrame(self)
        self.rule.setFixedHeight(2)
        self.rule.setStyleSheet(f"background: {READY_ACCENT}; border: none;")
        outer.addWidget(self.rule)
        self.board = QWidget(self)
        self.board.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.grid = QGridLayout(self.board)
        self.grid.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.board, 1)
        outer.addWidget(self.empty_label, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.note_label, 1)
        footer.addWidget(self.page_label)
        outer.addLayout(footer)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.page_timer = QTimer(self)
        self.page_timer.setInterval(PAGE_MS)
        self.page_timer.timeout.connect(self.next_page)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(CLOCK_MS)
        self.clock_timer.timeout.connect(self._tick)
        self._row_widgets: list[CarRow] = []
        self._apply_sizes()
        self._tick()
        self.refresh()

    # -- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload today's cars (in the background); the board keeps showing the last list."""
        if self._busy:
            return
        self._busy = True
        today = self.service.now().date()
        (
            Operation(lambda: self.service.reception(today))
            .success(self._show)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show(self, rows: list[ReceptionRow]) -> None:
        self._busy = False
        self._error = ""
        self.rows = rows
        self.updated_at = self.service.now()
        if self.page >= self.page_count():
            self.page = 0
        self._rebuild()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._error = tr_error(error)
        self._update_footer()

    def next_page(self) -> None:
        if self.page_count() > 1:
            self.page = (self.page + 1) % self.page_count()
            self._rebuild()

    # -- layout --------------------------------------------------------------------------

    def columns(self) -> int:
        return 2 if self.width() >= 1200 else 1

    def row_height(self) -> int:
        return max(56, int(self.height() * 0.095))

    def rows_per_column(self) -> int:
        spacing = self.grid.verticalSpacing()
        header = int(self.height() * 0.2)
        available = self.height() - header
        return max(1, available // (self.row_height() + spacing))

    def page_size(self) -> int:
        return self.rows_per_column() * self.columns()

    def page_count(self) -> int:
        return max(1, -(-len(self.rows) // self.page_size()))

    def visible_rows(self) -> list[ReceptionRow]:
        size = self.page_size()
        return self.rows[self.page * size : (self.page + 1) * size]

    def _rebuild(self) -> None:
        for widget in self._row_widgets:
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._row_widgets = []
        per_column = self.rows_per_column()
        height = self.row_height()
        for index, row in enumerate(self.visible_rows()):
            widget = CarRow(row, height, self.board)
            self.grid.addWidget(
                widget, index % per_column, index // per_column, Qt.AlignmentFlag.AlignTop
            )
            self._row_widgets.append(widget)
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)
        self.grid.setRowStretch(per_column, 1)
        for c in range(self.columns()):
            self.grid.setColumnStretch(c, 1)
        self.board.setVisible(bool(self.rows))
        self.empty_label.setVisible(not self.rows)
        if self.page_count() > 1:
            if not self.page_timer.isActive() and self.isVisible():
                self.page_timer.start()
        else:
            self.page_timer.stop()
        self._update_footer()

    def _update_footer(self) -> None:
        parts = []
        if self.page_count() > 1:
            parts.append(
                self.tr("Page {page} of {pages}").format(
                    page=self.page + 1, pages=self.page_count()
                )
            )
        if self.updated_at is not None:
            parts.append(self.tr("Updated {time}").format(time=f"{self.updated_at:%H:%M}"))
        if self._error:
            parts.append(self.tr("Could not refresh: {error}").format(error=self._error))
        self.page_label.setText("  ·  ".join(parts))

    def _apply_sizes(self) -> None:
        h = max(400, self.height())
        margin = int(h * 0.035)
        self._outer.setContentsMargins(int(margin * 1.4), margin, int(margin * 1.4), margin)
        self._outer.setSpacing(int(h * 0.018))
        self.grid.setHorizontalSpacing(int(h * 0.03))
        self.grid.setVerticalSpacing(int(h * 0.012))
        self.store_label.setStyleSheet(
            f"color: {TEXT}; font-size: {int(h * 0.036)}px; font-weight: 600;"
        )
        self.title_label.setStyleSheet(f"color: {MUTED}; font-size: {int(h * 0.024)}px;")
        self.clock_label.setStyleSheet(
            f"color: {TEXT}; font-size: {int(h * 0.06)}px; font-weight: 300;"
        )
        self.date_label.setStyleSheet(f"color: {MUTED}; font-size: {int(h * 0.021)}px;")
        self.note_label.setStyleSheet(f"color: {MUTED}; font-size: {int(h * 0.02)}px;")
        self.page_label.setStyleSheet(f"color: {MUTED}; font-size: {int(h * 0.02)}px;")
        self.empty_label.setStyleSheet(f"color: {MUTED}; font-size: {int(h * 0.04)}px;")

    def _tick(self) -> None:
        now = self.service.now()
        self.clock_label.setText(f"{now:%H:%M}")
        self.date_label.setText(
            QLocale().toString(QDate(now.year, now.month, now.day), "yyyy-MM-dd dddd")
        )

    # -- events --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0, QColor(BACKGROUND_TOP))
        gradient.setColorAt(1, QColor(BACKGROUND_BOTTOM))
        painter.fillRect(self.rect(), gradient)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_sizes()
        if self.page >= self.page_count():
            self.page = 0
        self._rebuild()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_timer.start()
        self.clock_timer.start()
        if self.page_count() > 1:
            self.page_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        for timer in (self.refresh_timer, self.clock_timer, self.page_timer):
            timer.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.close()
            return
        super().keyPressEvent(event)
