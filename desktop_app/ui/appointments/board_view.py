"""The board's view: a ``QTableView`` over a day or week model, with painted cards.

Cards are painted by delegates (no widget per cell); a card spans its slots with
``setSpan``. The view turns mouse and keys into requests (signals) — open, move, resize,
change status, check in, new appointment — and never calls a service itself.

Mouse: drag a card to move it (another slot, another row = another resource), drag its right
edge to lengthen or shorten it, double-click to open, right-click for the menu.
Keys: arrows move the current cell; Enter opens (or books on an empty cell);
Alt+Left/Right moves one slot, Alt+Up/Down one resource, Alt+Shift+Left/Right shortens or
lengthens by a slot; the Menu key or Shift+F10 opens the menu.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ...domain.appointments import (
    STATUS_COLOURS,
    STATUS_LABELS,
    TRANSITIONS,
    TRANSPORT_LABELS,
    Appointment,
    ResourceKind,
    Status,
    Transport,
)
from ..i18n import tr_label
from .board_model import (
    BoardModel,
    CardRole,
    CardsRole,
    DayBoardModel,
    Span,
    WeekBoardModel,
    plate_text,
)

DAY_ROW_H = 70  # a card shows four lines
DAY_ROW_MAX_H = 96
MIN_SLOT_W = 24
MIN_DAY_W = 150
WEEK_CARD_H = 20
WEEK_PAD = 3
WEEK_MIN_ROW_H = 30
EDGE = 7  # pixels at a card's right edge that resize it

_ELIDE = Qt.TextElideMode.ElideRight
NOW_COLOUR = QColor("#e53935")
SELECT_COLOUR = QColor("#1a73e8")
HOUR_LINE = QColor("#c3ccd6")
HALF_LINE = QColor("#dde3ea")
SLOT_LINE = QColor("#eef1f5")
RESOURCE_LINE = QColor("#aeb9c5")
PAST_SHADE = QColor("#eceff3")
HOUR_BAND = QColor("#f7f9fb")
CLOSED_SHADE = QColor("#e4e7eb")
TODAY_SHADE = QColor("#fff8e1")

CHECKED_IN_OR_LATER = frozenset(
    {
        Status.CHECKED_IN,
        Status.IN_SERVICE,
        Status.QUALITY_CHECK,
        Status.WASHING,
        Status.READY,
        Status.HANDED_OVER,
    }
)
WORKSHOP_STEPS = (
    Status.IN_SERVICE,
    Status.QUALITY_CHECK,
    Status.WASHING,
    Status.READY,
    Status.HANDED_OVER,
)


def _font(base: QFont, delta: float = 0, bold: bool = False) -> QFont:
    f = QFont(base)
    if f.pointSizeF() > 0:
        f.setPointSizeF(max(6.0, f.pointSizeF() + delta))
    f.setBold(bold)
    return f


class TimeHeader(QHeaderView):
    """The day board's time axis: hour labels across their slots, ticks at half and quarter
    hours, and a red mark at the current time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.now_x: Callable[[], float | None] = lambda: None
        self.now_fn: Callable[[], dt.datetime] = dt.datetime.now
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHighlightSections(False)

    def sizeHint(self) -> QSize:
        size = super().sizeHint()
        size.setHeight(self.fontMetrics().height() + 14)
        return size

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        rect = self.viewport().rect()
        p.fillRect(rect, QColor("#f4f6f9"))
        model = self.model()
        h = rect.height()
        bold = _font(self.font(), 0, True)
        p.setFont(bold)
        for i in range(self.count()):
            x = self.sectionViewportPosition(i)
            if x > rect.right():
                break
            text = str(model.headerData(i, Qt.Orientation.Horizontal) or "") if model else ""
            minute = int(text[3:5]) if len(text) >= 5 and text[3:5].isdigit() else 0
            if minute == 0 or i == 0:
                p.setPen(QPen(HOUR_LINE, 1))
                p.drawLine(x, 0, x, h)
                p.setPen(QColor("#243b53"))
                p.drawText(
                    QRect(x + 4, 0, 80, h),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    text,
                )
            else:
                p.setPen(QPen(HALF_LINE if minute == 30 else SLOT_LINE.darker(110), 1))
                p.drawLine(x, int(h * (0.55 if minute == 30 else 0.72)), x, h)
        p.setPen(QPen(RESOURCE_LINE, 1))
        p.drawLine(0, h - 1, rect.width(), h - 1)
        x_now = self.now_x()
        if x_now is not None:  # the time now, in a red tag over the axis
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            label = f"{self.now_fn():%H:%M}"
            w = QFontMetrics(bold).horizontalAdvance(label) + 10
            tag = QRectF(x_now - w / 2, 3, w, h - 7)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(NOW_COLOUR)
            p.drawRoundedRect(tag, 4, 4)
            tri = QPainterPath()
            tri.moveTo(x_now - 4, h - 4.5)
            tri.lineTo(x_now + 4, h - 4.5)
            tri.lineTo(x_now, h)
            tri.closeSubpath()
            p.drawPath(tri)
            p.setPen(QColor("white"))
            p.drawText(tag, int(Qt.AlignmentFlag.AlignCenter), label)
        p.end()


class CardDelegate(QStyledItemDelegate):
    """Paints a day card: rounded, in its status colour; plate (bold) and status, customer and
    model, work, then the people not already given by the row."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        a: Appointment | None = index.data(CardRole)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect = QRect(option.rect)
        if a is None:
            if selected:
                painter.save()
                painter.fillRect(rect.adjusted(1, 1, -1, -1), QColor(26, 115, 232, 28))
                painter.setPen(QPen(SELECT_COLOUR, 1.5))
                painter.drawRect(rect.adjusted(1, 1, -2, -2))
                painter.restore()
            return
        model = index.model()
        axis = model.axis if isinstance(model, BoardModel) else ResourceKind.BAY
        paint_card(painter, rect, a, card_style(option.font), selected, axis)

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        return QSize(MIN_SLOT_W, DAY_ROW_H)


class CardStyle:
    """Fonts, metrics, colours and label widths for cards, made once per font: a board paints
    hundreds of cards, and making these per card was most of the time."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.big = _font(font, 0.5, True)
        self.small = _font(font, -1)
        self.fm = QFontMetrics(self.font)
        self.fm_big = QFontMetrics(self.big)
        self.fm_small = QFontMetrics(self.small)
        self.small_bold = _font(font, -1, True)
        self.fm_small_bold = QFontMetrics(self.small_bold)
        self.colours = {
            s: (QColor(bg), QColor(fg), QColor(bg).darker(135), QPen(QColor(bg).darker(125), 1))
            for s, (bg, fg) in STATUS_COLOURS.items()
        }
        self.select_pen = QPen(SELECT_COLOUR, 2.5)
        self.override = QColor("#d32f2f")
        self.waits = tr_label(TRANSPORT_LABELS[Transport.WAITER])
        self.waits_w = self.fm_small.horizontalAdvance(self.waits) + 8
        self._labels: dict[Status, tuple[str, int]] = {}

    def status(self, status: Status) -> tuple[str, int]:
        """The status label and its width on the card."""
        if status not in self._labels:
            label = tr_label(STATUS_LABELS[status])
            self._labels[status] = (label, self.fm_small.horizontalAdvance(label) + 6)
        return self._labels[status]


_STYLES: dict[str, CardStyle] = {}


def card_style(font: QFont) -> CardStyle:
    key = font.key()
    style = _STYLES.get(key)
    if style is None:
        style = _STYLES[key] = CardStyle(font)
    return style


def paint_card(
    p: QPainter,
    cell: QRect,
    a: Appointment,
    st: CardStyle,
    selected: bool,
    axis: ResourceKind,
) -> None:
    bg, fg, edge, pen = st.colours[a.status]
    box = QRectF(cell.adjusted(2, 3, -2, -3))
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(box, 5, 5)
    p.fillPath(path, bg)
    stripe = QPainterPath()  # a darker edge on the left: the status at a glance
    stripe.addRoundedRect(QRectF(box.left(), box.top(), 5, box.height()), 2.5, 2.5)
    p.fillPath(stripe, edge)
    p.setPen(st.select_pen if selected else pen)
    p.drawPath(path)
    if a.override_reason:  # a manager booked this over a rule: red corner
        corner = QPainterPath()
        corner.moveTo(box.right() - 11, box.top() + 1)
        corner.lineTo(box.right() - 1, box.top() + 1)
        corner.lineTo(box.right() - 1, box.top() + 11)
        corner.closeSubpath()
        p.fillPath(corner, st.override)
    narrow = box.width() < 56  # a 15- or 30-minute job: no room for "…"
    text = box.adjusted(8 if narrow else 9, 2, -2 if narrow else -5, -2).toRect()
    width = text.width()
    p.setClipRect(text)
    first = st.fm_big
    y = text.top()
    plate = plate_text(a)
    plate_w = first.horizontalAdvance(plate)
    if plate_w > width and a.plate:
        plate = _tail(first, a.plate, width)  # the plate's end tells cars apart
        plate_w = first.horizontalAdvance(plate)
    p.setPen(fg)
    p.setFont(st.big)
    p.drawText(text.left(), y + first.ascent(), _fit(first, plate, width, narrow))
    if a.status in (Status.NO_SHOW, Status.CANCELLED, Status.RESCHEDULED):
        mid = y + first.ascent() - first.xHeight() // 2
        p.drawLine(text.left(), mid, text.left() + min(plate_w, width), mid)
    status, status_w = st.status(a.status)
    if width >= plate_w + status_w + 4:
        p.setFont(st.small)
        p.drawText(
            QRect(text.right() - status_w, y, status_w, first.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            status,
        )
    y += first.height()
    people: tuple[str, ...]
    if axis == ResourceKind.ADVISOR:
        people = (a.bay_name, a.technician_name)
    elif axis == ResourceKind.TECHNICIAN:
        people = (a.advisor_name,)
    else:
        people = (a.advisor_name, a.technician_name)
    lines = (
        (st.font, st.fm, " · ".join(x for x in (a.customer_name, a.model_name) if x)),
        (st.small, st.fm_small, a.work_summary),
        (st.small, st.fm_small, " · ".join(x for x in people if x)),
    )
    bottom = text.bottom() + 2
    for i, (f, fm, line) in enumerate(lines):
        if y + fm.ascent() > bottom:
            break
        p.setFont(f)
        room = width
        if i == 2 and a.transport == Transport.WAITER and room > st.waits_w + 30:
            room -= st.waits_w + 4
            pill = QRectF(text.right() - st.waits_w, y + 1, st.waits_w, fm.height() - 1)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(fg)
            p.drawRoundedRect(pill, 4, 4)
            p.setPen(bg)
            p.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), st.waits)
            p.setPen(fg)
        p.drawText(text.left(), y + fm.ascent(), _fit(fm, line, room, narrow))
        y += fm.height()
    p.restore()


def _fit(fm: QFontMetrics, text: str, width: int, narrow: bool) -> str:
    """``text`` elided to ``width``; on a narrow card its beginning, without the "…"."""
    elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if not narrow or elided == text:
        return elided
    while text and fm.horizontalAdvance(text) > width:
        text = text[:-1]
    return text


def _tail(fm: QFontMetrics, plate: str, width: int) -> str:
    """The longest end of the plate that fits: in one city most plates start alike."""
    for k in range(len(plate), 0, -1):
        if fm.horizontalAdvance(plate[-k:]) <= width:
            return plate[-k:]
    return ""


class WeekDelegate(QStyledItemDelegate):
    """Paints a week cell: the resource's appointments of the day as stacked mini-cards
    (time and plate in bold, then the customer)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        cards: list[Appointment] = index.data(CardsRole) or []
        rect = QRect(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        st = card_style(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold, fm_bold, fm = st.small_bold, st.fm_small_bold, st.fm_small
        left, width = rect.left() + 3, rect.width() - 6
        ascent = (WEEK_CARD_H - 2 + fm.ascent() - fm.descent()) // 2
        for i, a in enumerate(cards):
            top = rect.top() + WEEK_PAD + i * WEEK_CARD_H
            if top + WEEK_CARD_H - 2 > rect.bottom():
                break
            bg, fg, edge, _pen = st.colours[a.status]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(bg)
            painter.drawRoundedRect(QRectF(left, top, width, WEEK_CARD_H - 2), 3, 3)
            if a.override_reason:
                painter.fillRect(QRect(left + width - 4, top, 4, WEEK_CARD_H - 2), st.override)
            painter.setPen(fg)
            head = f"{a.start:%H:%M} {plate_text(a)}"
            room = width - 8
            painter.setFont(bold)
            head_w = fm_bold.horizontalAdvance(head)
            if head_w > room:
                painter.drawText(left + 4, top + ascent, fm_bold.elidedText(head, _ELIDE, room))
                continue
            painter.drawText(left + 4, top + ascent, head)
            room -= head_w + 5
            if room > 20 and a.customer_name:
                painter.setFont(st.small)
                name = fm.elidedText(a.customer_name, _ELIDE, room)
                painter.drawText(left + 9 + head_w, top + ascent, name)
        if selected:
            painter.setPen(QPen(SELECT_COLOUR, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


class CapacityBar(QWidget):
    """Booked hours against available hours: green, orange above 85 %, red above 100 %."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ratio = 0.0
        self._text = ""
        self.setMinimumHeight(26)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(320, max(26, self.fontMetrics().height() + 10))

    def set_load(self, booked: float, capacity: float, text: str) -> None:
        self._ratio = booked / capacity if capacity > 0 else (1.0 if booked > 0 else 0.0)
        self._text = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.update()

    def ratio(self) -> float:
        return self._ratio

    def text(self) -> str:
        return self._text

    def colour(self) -> QColor:
        if self._ratio > 1.0:
            return QColor("#ef5350")
        if self._ratio > 0.85:
            return QColor("#ffa726")
        return QColor("#66bb6a")

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        track = QPainterPath()
        track.addRoundedRect(box, 5, 5)
        p.fillPath(track, QColor("#e6eaef"))
        filled = QRectF(box)
        filled.setWidth(box.width() * min(self._ratio, 1.0))
        p.save()
        p.setClipRect(filled)
        p.fillPath(track, self.colour())
        p.restore()
        mark = box.left() + box.width() * 0.85  # where orange starts
        p.setPen(QPen(QColor(0, 0, 0, 60), 1, Qt.PenStyle.DashLine))
        p.drawLine(int(mark), int(box.top()) + 3, int(mark), int(box.bottom()) - 3)
        p.setPen(QPen(QColor("#b8c2cc"), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(track)
        p.setPen(QColor("#102a43"))
        p.setFont(_font(self.font(), 0, True))
        p.drawText(box.adjusted(10, 0, -10, 0), int(Qt.AlignmentFlag.AlignCenter), self._text)
        p.end()


class BoardView(QTableView):
    """The day or week board (which one follows the model given to ``setModel``)."""

    sig_open_requested = Signal(str)
    sig_move_requested = Signal(str, object, object, object)  # id, start, (kind, id)|None, end
    sig_resize_requested = Signal(str, object)  # id, new end
    sig_status_requested = Signal(str, object)  # id, Status
    sig_checkin_requested = Signal(str)
    sig_new_requested = Signal(object, object)  # start | None, (kind, id) | None
    sig_print_requested = Signal(str, str)  # document kind, appointment id
    sig_day_requested = Signal(object)  # a date: the week board asks for its day board
    sig_hint = Signal(str)  # a short explanation for the status line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.now_fn: Callable[[], dt.datetime] = dt.datetime.now
        self.can_book = True
        self.can_check_in = True
        self.interacting = False  # a drag, a resize or a menu is under way
        self.board_model: BoardModel | None = None
        self._follow: str | None = None  # keep this card current after the next reload
        self._keep: tuple[int, int] | None = None
        self._press: tuple[QPoint, Appointment, int] | None = None
        self._resize: tuple[Appointment, int, int, int, int] | None = None
        self._preview: Span | None = None
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(False)  # drags start here, with the card's own payload
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.viewport().setMouseTracking(True)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        vh.setMinimumWidth(96)
        self.setAccessibleName(self.tr("Appointment board"))

    # -- model and layout ----------------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        if isinstance(model, DayBoardModel):
            header = TimeHeader(self)
            header.now_x = self._now_x
            header.now_fn = self._now  # now_fn may be set after setModel
            self.setHorizontalHeader(header)
            self.setItemDelegate(CardDelegate(self))
        elif isinstance(model, WeekBoardModel):
            self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setItemDelegate(WeekDelegate(self))
        super().setModel(model)
        self.board_model = model if isinstance(model, BoardModel) else None
        if self.board_model is not None:
            self.board_model.modelAboutToBeReset.connect(self._remember_current)
            self.board_model.modelReset.connect(self._relayout)
            self.board_model.sig_move_requested.connect(self.sig_move_requested)
        self._relayout()

    def follow(self, appointment_id: str | None) -> None:
        """Make this card the current cell after the next reload (a keyboard move)."""
        self._follow = appointment_id

    def _remember_current(self) -> None:
        index = self.currentIndex()
        self._keep = (index.row(), index.column()) if index.isValid() else None

    def _relayout(self) -> None:
        m = self.board_model
        self.clearSpans()
        if m is None:
            return
        vh = self.verticalHeader()
        if isinstance(m, DayBoardModel):
            for row, col, rows, cols in m.spans():
                if rows > 1 or cols > 1:
                    self.setSpan(row, col, rows, cols)
            self._fit_rows()
        elif isinstance(m, WeekBoardModel):
            for r in range(m.rowCount()):
                vh.resizeSection(
                    r, max(WEEK_MIN_ROW_H, 2 * WEEK_PAD + m.max_cards(r) * WEEK_CARD_H)
                )
        self._fit_columns()
        self._restore_current()

    def _restore_current(self) -> None:
        m = self.board_model
        if m is None:
            return
        index = QModelIndex()
        if self._follow:
            index = m.index_of(self._follow)
            self._follow = None
        if not index.isValid() and self._keep and m.rowCount() and m.columnCount():
            row = min(self._keep[0], m.rowCount() - 1)
            col = min(self._keep[1], m.columnCount() - 1)
            index = m.index(row, col)
            if isinstance(m, DayBoardModel):
                placed = m.placed_at(row, col)
                if placed is not None:
                    index = m.index(placed.row, placed.col)
        if index.isValid():
            self.setCurrentIndex(index)

    def _fit_columns(self) -> None:
        """Slots (or days) share the visible width evenly, down to a readable minimum."""
        m = self.board_model
        n = m.columnCount() if m is not None else 0
        if n == 0:
            return
        minimum = MIN_SLOT_W if isinstance(m, DayBoardModel) else MIN_DAY_W
        width = max(minimum, self.viewport().width() // n)
        hh = self.horizontalHeader()
        hh.setDefaultSectionSize(width)
        for c in range(n):
            if hh.sectionSize(c) != width:
                hh.resizeSection(c, width)

    def _fit_rows(self) -> None:
        """Day rows share the height (a board on the wall has no empty bottom), within limits."""
        m = self.board_model
        rows = m.rowCount() if isinstance(m, DayBoardModel) else 0
        if not rows:
            return
        height = min(DAY_ROW_MAX_H, max(DAY_ROW_H, self.viewport().height() // rows))
        vh = self.verticalHeader()
        vh.setDefaultSectionSize(height)
        for r in range(rows):
            if vh.sectionSize(r) != height:
                vh.resizeSection(r, height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_rows()
        self._fit_columns()

    # -- geometry ------------------------------------------------------------------------

    def _now(self) -> dt.datetime:
        return self.now_fn()

    def _now_x(self) -> float | None:
        """The x of the current time on today's day board (viewport coordinates)."""
        m = self.board_model
        if not isinstance(m, DayBoardModel) or not m.rowCount():
            return None
        slots = m.slots()
        now = self.now_fn()
        if not slots or now.date() != m.day:
            return None
        end = m.slot_start(len(slots))
        if end is None or not slots[0] <= now <= end:
            return None
        offset = (now - slots[0]) / m.slot_step
        col = min(int(offset), len(slots) - 1)
        return self.columnViewportPosition(col) + (offset - col) * self.columnWidth(col)

    def _span_rect(self, row: int, col: int, span: int) -> QRect:
        x = self.columnViewportPosition(col)
        last = col + span - 1
        right = self.columnViewportPosition(last) + self.columnWidth(last)
        return QRect(x, self.rowViewportPosition(row), right - x, self.rowHeight(row))

    def _card_under(self, pos: QPoint) -> tuple[Appointment | None, int]:
        """The card under a point (and, on the day board, which of its slots)."""
        m = self.board_model
        row, col = self.rowAt(pos.y()), self.columnAt(pos.x())
        if m is None or row < 0 or col < 0:
            return None, 0
        if isinstance(m, DayBoardModel):
            placed = m.placed_at(row, col)
            return (placed.appointment, col - placed.col) if placed else (None, 0)
        if isinstance(m, WeekBoardModel):
            i = (pos.y() - self.rowViewportPosition(row) - WEEK_PAD) // WEEK_CARD_H
            cards = m.cards(row, col)
            if 0 <= i < len(cards):
                return cards[i], 0
        return None, 0

    def _card_rect(self, a: Appointment) -> QRect:
        m = self.board_model
        if isinstance(m, DayBoardModel) and a.id:
            placed = m.placement(a.id)
            if placed:
                return self._span_rect(placed.row, placed.col, placed.span)
        if isinstance(m, WeekBoardModel) and a.id:
            index = m.index_of(a.id)
            cards = m.cards(index.row(), index.column())
            if index.isValid() and a in cards:
                cell = self.visualRect(index)
                top = cell.top() + WEEK_PAD + cards.index(a) * WEEK_CARD_H
                return QRect(cell.left() + 3, top, cell.width() - 6, WEEK_CARD_H - 2)
        return QRect()

    def _near_right_edge(self, a: Appointment, pos: QPoint) -> bool:
        if not isinstance(self.board_model, DayBoardModel):
            return False
        rect = self._card_rect(a)
        return rect.isValid() and rect.right() - EDGE <= pos.x() <= rect.right() + 2

    def _boundary_at(self, x: int) -> int:
        """The slot boundary nearest to ``x`` (0 = opening, columnCount = closing)."""
        width = self.columnWidth(0) or 1
        return round((x - self.columnViewportPosition(0)) / width)

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        if isinstance(self.board_model, DayBoardModel):
            self._paint_day_grid(p, self.board_model)
        elif isinstance(self.board_model, WeekBoardModel):
            self._paint_week_grid(p, self.board_model)
        p.end()
        super().paintEvent(event)
        p = QPainter(self.viewport())
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._preview is not None:
            rect = QRectF(self._span_rect(*self._preview)).adjusted(2, 3, -2, -3)
            p.setBrush(QColor(26, 115, 232, 45))
            p.setPen(QPen(SELECT_COLOUR, 2, Qt.PenStyle.DashLine))
            p.drawRoundedRect(rect, 5, 5)
        x_now = self._now_x()
        if x_now is not None:
            bottom = self._grid_bottom()
            p.setPen(QPen(NOW_COLOUR, 2))
            p.drawLine(int(x_now), 0, int(x_now), bottom)
        p.end()

    def _grid_bottom(self) -> int:
        m = self.board_model
        rows = m.rowCount() if m else 0
        if not rows:
            return 0
        return self.rowViewportPosition(rows - 1) + self.rowHeight(rows - 1)

    def _paint_day_grid(self, p: QPainter, m: DayBoardModel) -> None:
        """Hour bands, past time shaded, slot lines, and a firmer line between resources."""
        slots, rows = m.slots(), m.rowCount()
        if not slots or not rows:
            return
        top, bottom = self.rowViewportPosition(0), self._grid_bottom()
        n = len(slots)
        xs = [self.columnViewportPosition(c) for c in range(n)]
        right = xs[-1] + self.columnWidth(n - 1)
        xs.append(right)
        for c, t in enumerate(slots):
            if t.hour % 2:
                p.fillRect(QRect(xs[c], top, xs[c + 1] - xs[c], bottom - top), HOUR_BAND)
        now = self.now_fn()
        if m.day is not None and m.day < now.date():
            p.fillRect(QRect(xs[0], top, right - xs[0], bottom - top), PAST_SHADE)
        else:
            x_now = self._now_x()
            if x_now is not None:
                p.fillRect(QRect(xs[0], top, int(x_now) - xs[0], bottom - top), PAST_SHADE)
        for c, t in enumerate(slots):
            colour = HOUR_LINE if t.minute == 0 else HALF_LINE if t.minute == 30 else SLOT_LINE
            p.setPen(QPen(colour, 1))
            p.drawLine(xs[c], top, xs[c], bottom)
        p.setPen(QPen(HOUR_LINE, 1))
        p.drawLine(right, top, right, bottom)
        for r in range(rows):
            y = self.rowViewportPosition(r) + self.rowHeight(r) - 1
            here, below = m.board_row(r), m.board_row(r + 1)
            same = below is not None and here is not None and below.key == here.key
            p.setPen(QPen(HALF_LINE, 1, Qt.PenStyle.DashLine) if same else QPen(RESOURCE_LINE, 1))
            p.drawLine(xs[0], y, right, y)

    def _paint_week_grid(self, p: QPainter, m: WeekBoardModel) -> None:
        rows, cols = m.rowCount(), m.columnCount()
        if not rows or not cols:
            return
        top, bottom = self.rowViewportPosition(0), self._grid_bottom()
        today = self.now_fn().date()
        right = self.columnViewportPosition(cols - 1) + self.columnWidth(cols - 1)
        for c in range(cols):
            x, w = self.columnViewportPosition(c), self.columnWidth(c)
            if not m.is_open(c):
                p.fillRect(QRect(x, top, w, bottom - top), CLOSED_SHADE)
            elif m.day_of(c) == today:
                p.fillRect(QRect(x, top, w, bottom - top), TODAY_SHADE)
            p.setPen(QPen(HOUR_LINE, 1))
            p.drawLine(x + w - 1, top, x + w - 1, bottom)
        p.setPen(QPen(RESOURCE_LINE, 1))
        for r in range(rows):
            y = self.rowViewportPosition(r) + self.rowHeight(r) - 1
            p.drawLine(0, y, right, y)

    # -- mouse ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = None
        m = self.board_model
        pos = event.position().toPoint()
        if m is not None and event.button() == Qt.MouseButton.LeftButton:
            card, offset = self._card_under(pos)
            if card is not None and card.id and m.movable(card):
                if isinstance(m, DayBoardModel) and self._near_right_edge(card, pos):
                    placed = m.placement(card.id)
                    if placed is not None:
                        end = placed.col + placed.span
                        self._resize = (card, placed.row, placed.col, end, end)
                        self._preview = (placed.row, placed.col, placed.span)
                        self.interacting = True
                        self.setCurrentIndex(m.index(placed.row, placed.col))
                        self.viewport().update()
                        event.accept()
                        return
                self._press = (pos, card, offset)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        m = self.board_model
        if self._resize is not None and isinstance(m, DayBoardModel):
            card, row, col, original, _end = self._resize
            end = max(col + 1, min(self._boundary_at(pos.x()), m.columnCount()))
            self._resize = (card, row, col, original, end)
            self._preview = (row, col, end - col)
            self.viewport().update()
            return
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if (pos - self._press[0]).manhattanLength() >= QApplication.startDragDistance():
                self._start_drag()
            return
        if not event.buttons():
            hover, _offset = self._card_under(pos)
            edge = (
                hover is not None
                and m is not None
                and m.movable(hover)
                and self._near_right_edge(hover, pos)
            )
            if edge:
                self.viewport().setCursor(Qt.CursorShape.SizeHorCursor)
            else:
                self.viewport().unsetCursor()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        m = self.board_model
        if self._resize is not None and isinstance(m, DayBoardModel):
            card, _row, _col, original, end = self._resize
            self._resize = None
            self._preview = None
            self.interacting = False
            self.viewport().update()
            new_end = m.slot_start(end)
            if end != original and new_end is not None and card.id:
                self._follow = card.id
                self.sig_resize_requested.emit(card.id, new_end)
            event.accept()
            return
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        card, _offset = self._card_under(pos)
        m = self.board_model
        if card is not None and card.id:
            self.sig_open_requested.emit(card.id)
        elif isinstance(m, DayBoardModel):
            row, col = self.rowAt(pos.y()), self.columnAt(pos.x())
            self._request_new(row, col)
        elif isinstance(m, WeekBoardModel):
            day = m.day_of(self.columnAt(pos.x()))
            if day is not None:
                self.sig_day_requested.emit(day)
        event.accept()

    def _request_new(self, row: int, col: int) -> None:
        m = self.board_model
        if not isinstance(m, DayBoardModel) or not self.can_book:
            return
        here = m.board_row(row)
        start = m.slot_start(col) if 0 <= col < m.columnCount() else None
        if here is not None and start is not None:
            self.sig_new_requested.emit(start, (m.axis, here.key))

    # -- drag and drop -------------------------------------------------------------------

    def _start_drag(self) -> None:
        m = self.board_model
        if self._press is None or m is None:
            return
        pos, card, offset = self._press
        self._press = None
        if not card.id:
            return
        drag = QDrag(self)
        drag.setMimeData(m.mime_for(card.id, offset))
        rect = self._card_rect(card)
        if rect.isValid():
            drag.setPixmap(self.viewport().grab(rect))
            drag.setHotSpot(pos - rect.topLeft())
        self.interacting = True
        self._follow = card.id
        try:
            drag.exec(Qt.DropAction.MoveAction)
        finally:
            self.interacting = False
            self._preview = None
            self.viewport().update()

    def _accept_drag(self, event: QDragMoveEvent | QDragEnterEvent) -> bool:
        m = self.board_model
        info = m.read_mime(event.mimeData()) if m else None
        if m is None or info is None or m.appointment(info[0]) is None:
            return False
        pos = event.position().toPoint()
        row, col = self.rowAt(pos.y()), self.columnAt(pos.x())
        preview = m.drop_preview(info, row, col) if row >= 0 and col >= 0 else None
        if preview != self._preview:
            self._preview = preview
            self.viewport().update()
        self._autoscroll(pos)
        return True

    def _autoscroll(self, pos: QPoint) -> None:
        margin, step = 24, 20
        area = self.viewport().rect()
        for bar, at, size in (
            (self.verticalScrollBar(), pos.y(), area.height()),
            (self.horizontalScrollBar(), pos.x(), area.width()),
        ):
            if at < margin:
                bar.setValue(bar.value() - step)
            elif at > size - margin:
                bar.setValue(bar.value() + step)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accept_drag(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accept_drag(event) and self._preview is not None:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._preview = None
        self.viewport().update()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        m = self.board_model
        self._preview = None
        self.viewport().update()
        pos = event.position().toPoint()
        row, col = self.rowAt(pos.y()), self.columnAt(pos.x())
        if m is not None and m.dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, row, col, QModelIndex()
        ):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    # -- keyboard ------------------------------------------------------------------------

    def current_card(self) -> Appointment | None:
        m = self.board_model
        return m.card_at(self.currentIndex()) if m is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        m = self.board_model
        index = self.currentIndex()
        if key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and shift):
            self.open_menu(index, None, self.visualRect(index).center())
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not alt:
            self._enter(index)
            event.accept()
            return
        arrows = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
        if alt and key in arrows and m is not None:
            self._alt_arrow(key, shift)
            event.accept()
            return
        super().keyPressEvent(event)

    def _enter(self, index: QModelIndex) -> None:
        m = self.board_model
        card = self.current_card()
        if isinstance(m, WeekBoardModel):
            day = m.day_of(index.column())
            if day is not None:
                self.sig_day_requested.emit(day)
        elif card is not None and card.id:
            self.sig_open_requested.emit(card.id)
        elif index.isValid():
            self._request_new(index.row(), index.column())

    def _alt_arrow(self, key: int, shift: bool) -> None:
        m = self.board_model
        card = self.current_card()
        if not isinstance(m, DayBoardModel):
            self.sig_hint.emit(self.tr("Switch to the day board to move appointments by keyboard."))
            return
        if card is None or not card.id:
            return
        if not m.movable(card):
            self.sig_hint.emit(self._not_movable_text())
            return
        self._follow = card.id
        right = key == Qt.Key.Key_Right
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if right else -1
            if shift:
                done = m.request_resize(card.id, step)
            else:
                done = m.request_shift(card.id, step)
        else:
            placed = m.placement(card.id)
            row = placed.row if placed else self.currentIndex().row()
            done = m.request_resource_step(card.id, row, -1 if key == Qt.Key.Key_Up else 1)
        if not done:
            self._follow = None

    def _not_movable_text(self) -> str:
        if not self.can_book:
            return self.tr("You may look at the board but not change appointments.")
        return self.tr("Only booked or confirmed appointments can be moved: the car is here.")

    # -- context menu --------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            self.open_menu(index, None, self.visualRect(index).center())
        else:
            pos = event.pos()
            index = self.indexAt(pos)
            card, _offset = self._card_under(pos)
            if index.isValid():
                self.setCurrentIndex(index)
            self.open_menu(index, card, pos)
        event.accept()

    def open_menu(self, index: QModelIndex, card: Appointment | None, pos: QPoint) -> None:
        menu = self.build_menu(index, card)
        if menu.isEmpty():
            return
        self.interacting = True
        try:
            menu.exec(self.viewport().mapToGlobal(pos))
        finally:
            self.interacting = False
            menu.deleteLater()

    def build_menu(self, index: QModelIndex, card: Appointment | None = None) -> QMenu:
        """The right-click menu for a cell (and the card under the mouse, if any)."""
        menu = QMenu(self)
        m = self.board_model
        if m is None or not index.isValid():
            return menu
        if isinstance(m, WeekBoardModel):
            if card is not None:
                self._card_actions(menu, card)
            else:
                for a in m.cards(index.row(), index.column()):
                    sub = menu.addMenu(f"{a.start:%H:%M}  {plate_text(a)}  {a.customer_name}")
                    self._card_actions(sub, a)
            day = m.day_of(index.column())
            if day is not None:
                menu.addSeparator()
                show = menu.addAction(self.tr("Show this day"))
                show.setObjectName("show-day")
                show.triggered.connect(lambda _checked=False, d=day: self.sig_day_requested.emit(d))
            return menu
        card = card or m.card_at(index)
        if card is not None:
            self._card_actions(menu, card)
        else:
            new = menu.addAction(self.tr("New appointment here…"))
            new.setObjectName("new")
            new.setEnabled(self.can_book)
            new.triggered.connect(lambda: self._request_new(index.row(), index.column()))
        return menu

    def _card_actions(self, menu: QMenu, a: Appointment) -> None:
        aid = a.id or ""
        allowed = TRANSITIONS[a.status]

        def add(text: str, name: str, enabled: bool, handler: Callable[[], None]) -> None:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False: handler())

        def status(s: Status) -> Callable[[], None]:
            return lambda: self.sig_status_requested.emit(aid, s)

        add(self.tr("Open…"), "open", True, lambda: self.sig_open_requested.emit(aid))
        menu.addSeparator()
        book = self.can_book
        add(
            self.tr("Confirm"),
            "confirmed",
            book and Status.CONFIRMED in allowed,
            status(Status.CONFIRMED),
        )
        add(
            self.tr("Mark arrived"),
            "arrived",
            book and Status.ARRIVED in allowed,
            status(Status.ARRIVED),
        )
        check_in = self.can_check_in and a.status in (
            Status.BOOKED,
            Status.CONFIRMED,
            Status.ARRIVED,
        )
        add(self.tr("Check in…"), "checkin", check_in, lambda: self.sig_checkin_requested.emit(aid))
        for step in WORKSHOP_STEPS:
            if step in allowed:
                add("→ " + tr_label(STATUS_LABELS[step]), step.value, book, status(step))
        menu.addSeparator()
        add(
            self.tr("No-show"),
            "no_show",
            book and Status.NO_SHOW in allowed,
            status(Status.NO_SHOW),
        )
        add(
            self.tr("Cancel appointment"),
            "cancelled",
            book and Status.CANCELLED in allowed,
            status(Status.CANCELLED),
        )
        menu.addSeparator()
        add(
            self.tr("Print register"),
            "print-register",
            True,
            lambda: self.sig_print_requested.emit("register", aid),
        )
        add(
            self.tr("Print check-in sheet"),
            "print-checkin",
            a.status in CHECKED_IN_OR_LATER,
            lambda: self.sig_print_requested.emit("checkin", aid),
        )


def menu_action(menu: QMenu, name: str) -> Any:
    """The action called ``name`` in a menu built by ``BoardView.build_menu`` (for tests)."""
    for action in menu.actions():
        if action.objectName() == name:
            return action
    return None
