"""Models of the appointment board (预约看板): a day as resources × slots, a week as
resources × days.

The models arrange what the service returned (a ``DayBoard`` or ``WeekBoard``) for the views
and never touch the database. A drop, or a move by keyboard, is turned into a request
(``sig_move_requested``) that the Appointments view sends to the service; after the service
answers, the view reloads the board. A refused request therefore leaves every card where it
was.

Rows are the resources of the chosen axis (bays, technicians or advisors). One resource holds
one job at a time, but a manager's override (or the advisor axis, where overlapping is
normal) can put two cards at the same time on one resource: the second one then goes to an
extra row of that resource ("机修工位 1 (2)") so that no card is ever hidden. Appointments
without a resource on the axis go to a row "Unassigned".
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ...domain.appointments import (
    INACTIVE,
    MOVABLE,
    STATUS_COLOURS,
    STATUS_LABELS,
    TRANSPORT_LABELS,
    Appointment,
    DayLoad,
    ResourceKind,
)
from ...domain.identifiers import format_plate
from ...services.appointments import DayBoard, Resource, WeekBoard
from ..i18n import tr_label

Index = QModelIndex | QPersistentModelIndex

CardRole = Qt.ItemDataRole.UserRole + 1  # day: the Appointment at its first cell
CardsRole = Qt.ItemDataRole.UserRole + 2  # week: the cell's appointments, by start
AppointmentIdRole = Qt.ItemDataRole.UserRole + 3  # day: the appointment id at its first cell
MIME_TYPE = "application/x-dealerdesk-appointment"

# A move asked for by a drop or a key: (id, start, (kind, resource id) or None, end or None).
ResourceArg = tuple[ResourceKind, str | None] | None
Span = tuple[int, int, int]  # row, first column, columns


def resource_id(a: Appointment, kind: ResourceKind) -> str | None:
    if kind == ResourceKind.BAY:
        return a.bay_id
    if kind == ResourceKind.TECHNICIAN:
        return a.technician_id
    return a.advisor_id


def resource_name(a: Appointment, kind: ResourceKind) -> str:
    if kind == ResourceKind.BAY:
        return a.bay_name
    if kind == ResourceKind.TECHNICIAN:
        return a.technician_name
    return a.advisor_name


def plate_text(a: Appointment) -> str:
    return format_plate(a.plate) if a.plate else "—"


def card_text(a: Appointment) -> str:
    """What a screen reader says for a card: plate · customer."""
    return f"{plate_text(a)} · {a.customer_name}" if a.customer_name else plate_text(a)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def card_tooltip(a: Appointment) -> str:
    """The card's details as a small table (tool tip on both boards)."""

    rows = [
        (QCoreApplication.translate("AppointmentBoard", "Number"), a.serial),
        (
            QCoreApplication.translate("AppointmentBoard", "Time"),
            f"{a.start:%Y-%m-%d %H:%M}–{a.end:%H:%M}",
        ),
        (
            QCoreApplication.translate("AppointmentBoard", "Status"),
            tr_label(STATUS_LABELS[a.status]),
        ),
        (QCoreApplication.translate("AppointmentBoard", "Plate"), plate_text(a)),
        (
            QCoreApplication.translate("AppointmentBoard", "Customer"),
            f"{a.customer_name} {a.phone}".strip(),
        ),
        (QCoreApplication.translate("AppointmentBoard", "Model"), a.model_name),
        (QCoreApplication.translate("AppointmentBoard", "Work"), a.work_summary),
        (QCoreApplication.translate("AppointmentBoard", "Fault"), a.fault if a.work else ""),
        (
            QCoreApplication.translate("AppointmentBoard", "Transport"),
            tr_label(TRANSPORT_LABELS[a.transport]),
        ),
        (QCoreApplication.translate("AppointmentBoard", "Service advisor"), a.advisor_name),
        (QCoreApplication.translate("AppointmentBoard", "Technician"), a.technician_name),
        (QCoreApplication.translate("AppointmentBoard", "Bay"), a.bay_name),
        (QCoreApplication.translate("AppointmentBoard", "Remarks"), a.remarks),
        (QCoreApplication.translate("AppointmentBoard", "Override"), a.override_reason),
    ]
    cell = "<tr><td style='color:#555;padding-right:10px'>{}</td><td>{}</td></tr>"
    body = "".join(cell.format(_esc(k), _esc(v)) for k, v in rows if v)
    return f"<table>{body}</table>"


def load_text(load: DayLoad) -> str:
    return f"{load.booked:.1f}/{load.capacity:.1f} h"


@dataclass(frozen=True)
class BoardRow:
    """One row of a board: a resource (None: unassigned) and which of its rows this is."""

    resource: Resource | None
    lane: int = 0  # 0: the resource's own row; 1, 2 …: extra rows for overlapping cards
    lanes: int = 1

    @property
    def key(self) -> str | None:
        return self.resource.id if self.resource else None


@dataclass(frozen=True)
class Placed:
    """A card on the day board: its row, first column and how many slots it covers."""

    appointment: Appointment
    row: int
    col: int
    span: int


def _rows_for(
    kind: ResourceKind, resources: Sequence[Resource], appointments: Sequence[Appointment]
) -> tuple[list[Resource | None], dict[str | None, list[Appointment]]]:
    """The resources in order (plus ones only the appointments know of, plus None for the
    unassigned when there are any) and the appointments of each."""
    order: list[Resource | None] = list(resources)
    groups: dict[str | None, list[Appointment]] = {r.id: [] for r in resources}
    for a in appointments:
        rid = resource_id(a, kind)
        if rid is not None and rid not in groups:  # e.g. a bay removed since: never hide it
            order.append(Resource(rid, kind, "", resource_name(a, kind) or rid[:8]))
            groups[rid] = []
        groups.setdefault(rid, []).append(a)
    if groups.get(None):
        order.append(None)
    return order, groups


class BoardModel(QAbstractTableModel):
    """What the day and week boards share: rows of resources, drag and drop requests."""

    sig_move_requested = Signal(str, object, object, object)  # id, start, ResourceArg, end

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.axis = ResourceKind.BAY
        self.show_inactive = False
        self.editable = True  # the person may move appointments
        self._rows: list[BoardRow] = []
        self._by_id: dict[str, Appointment] = {}

    # -- settings ------------------------------------------------------------------------

    def set_axis(self, kind: ResourceKind) -> None:
        if kind != self.axis:
            self.axis = kind
            self._rearrange()

    def set_show_inactive(self, show: bool) -> None:
        if show != self.show_inactive:
            self.show_inactive = show
            self._rearrange()

    def _rearrange(self) -> None:
        self.beginResetModel()
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        raise NotImplementedError

    def _visible(self, appointments: Sequence[Appointment]) -> list[Appointment]:
        if self.show_inactive:
            return list(appointments)
        return [a for a in appointments if a.status not in INACTIVE]

    # -- rows ----------------------------------------------------------------------------

    def board_row(self, row: int) -> BoardRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_resource(self, row: int) -> Resource | None:
        r = self.board_row(row)
        return r.resource if r else None

    def first_row_of(self, key: str | None) -> int:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return i
        return -1

    def appointment(self, appointment_id: str) -> Appointment | None:
        return self._by_id.get(appointment_id)

    def movable(self, a: Appointment | None) -> bool:
        return a is not None and self.editable and a.status in MOVABLE

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    # -- drag and drop -------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mime_for(self, appointment_id: str, offset: int = 0) -> QMimeData:
        """The drag payload: the appointment and the slot of the card it was picked up by."""
        mime = QMimeData()
        payload = json.dumps({"id": appointment_id, "offset": offset})
        mime.setData(MIME_TYPE, payload.encode("utf-8"))
        return mime

    @staticmethod
    def read_mime(data: QMimeData | None) -> tuple[str, int] | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            info = json.loads(bytes(data.data(MIME_TYPE).data()).decode("utf-8"))
            return str(info["id"]), int(info.get("offset", 0))
        except (ValueError, KeyError, TypeError):
            return None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        info = self.read_mime(data)
        if info is None or not self.editable:
            return False
        r, c = (parent.row(), parent.column()) if parent.isValid() else (row, column)
        return self.drop_target(info, r, c) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A card dropped on (row, column): ask for the move (the view calls the service)."""
        info = self.read_mime(data)
        if info is None or not self.editable:
            return False
        r, c = (parent.row(), parent.column()) if parent.isValid() else (row, column)
        target = self.drop_target(info, r, c)
        if target is None:
            return False
        a = self._by_id[info[0]]
        start, resource = target
        current = resource_id(a, self.axis)
        new_key = self._rows[r].key
        res_arg: ResourceArg = None if new_key == current else (self.axis, new_key)
        if start == a.start and res_arg is None:
            return False  # dropped where it already is
        self.sig_move_requested.emit(a.id, start, res_arg, None)
        return True

    def drop_target(
        self, info: tuple[str, int], row: int, col: int
    ) -> tuple[dt.datetime, str | None] | None:
        """(new start, row key) for a drop at (row, col), or None where it cannot go."""
        raise NotImplementedError

    def drop_preview(self, info: tuple[str, int], row: int, col: int) -> Span | None:
        """(row, column, span) where the card would land, for the view to outline."""
        raise NotImplementedError

    def card_at(self, index: Index) -> Appointment | None:
        raise NotImplementedError

    def index_of(self, appointment_id: str) -> QModelIndex:
        raise NotImplementedError

    def request_resource_step(self, appointment_id: str, current_row: int, step: int) -> bool:
        """Move to the next resource up (-1) or down (+1), skipping the extra rows."""
        a = self._by_id.get(appointment_id)
        here = self.board_row(current_row)
        if a is None or here is None or not self.movable(a):
            return False
        r = current_row
        while 0 <= r + step < len(self._rows):
            r += step
            if self._rows[r].key != here.key:
                self.sig_move_requested.emit(a.id, a.start, (self.axis, self._rows[r].key), None)
                return True
        return False


class DayBoardModel(BoardModel):
    """Rows: resources of the axis; columns: the day's slots (08:30, 08:45 …).

    A card sits at its first slot with a column span (``spans()``); every other cell it
    covers is empty to the view but ``card_at`` still finds the card there.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.board: DayBoard | None = None
        self._slots: list[dt.datetime] = []
        self._step = dt.timedelta(minutes=15)
        self._placed: dict[str, Placed] = {}
        self._grid: list[list[Placed | None]] = []

    def set_board(self, board: DayBoard) -> None:
        self.beginResetModel()
        self.board = board
        self._slots = board.rules.slots(board.day)
        self._step = dt.timedelta(minutes=board.rules.slot_minutes)
        self._arrange()
        self.endResetModel()

    @property
    def day(self) -> dt.date | None:
        return self.board.day if self.board else None

    def _col_span(self, a: Appointment) -> tuple[int, int]:
        n = len(self._slots)
        step = self._step.total_seconds()
        first = (a.start - self._slots[0]).total_seconds() / step
        last = (a.end - self._slots[0]).total_seconds() / step
        col = min(max(int(math.floor(first)), 0), n - 1)
        end = min(max(int(math.ceil(last)), col + 1), n)
        return col, end

    def _arrange(self) -> None:
        self._rows, self._placed, self._grid, self._by_id = [], {}, [], {}
        board = self.board
        if board is None or not self._slots:
            return
        cards = self._visible(board.appointments)
        order, groups = _rows_for(self.axis, board.resources.get(self.axis, []), cards)
        n = len(self._slots)
        for res in order:
            items = sorted(
                ((*self._col_span(a), a) for a in groups.get(res.id if res else None, [])),
                key=lambda x: (x[0], x[1], x[2].serial),
            )
            lane_ends: list[int] = []
            lanes: list[int] = []
            for col, end, _a in items:
                for lane, last in enumerate(lane_ends):
                    if last <= col:
                        lane_ends[lane] = end
                        break
                else:
                    lane = len(lane_ends)
                    lane_ends.append(end)
                lanes.append(lane)
            count = max(1, len(lane_ends))
            base = len(self._rows)
            for lane in range(count):
                self._rows.append(BoardRow(res, lane, count))
                self._grid.append([None] * n)
            for (col, end, a), lane in zip(items, lanes, strict=True):
                placed = Placed(a, base + lane, col, end - col)
                self._placed[a.id or ""] = placed
                self._by_id[a.id or ""] = a
                row = self._grid[base + lane]
                for c in range(col, end):
                    row[c] = placed

    # -- what the view asks --------------------------------------------------------------

    def slots(self) -> list[dt.datetime]:
        return list(self._slots)

    @property
    def slot_step(self) -> dt.timedelta:
        return self._step

    def slot_start(self, col: int) -> dt.datetime | None:
        """The start of slot ``col``; ``col == columnCount()`` gives the closing time."""
        if 0 <= col < len(self._slots):
            return self._slots[col]
        if col == len(self._slots) and self._slots:
            return self._slots[-1] + self._step
        return None

    def spans(self) -> list[tuple[int, int, int, int]]:
        """(row, column, row span, column span) of every card, for ``QTableView.setSpan``."""
        return [(p.row, p.col, 1, p.span) for p in self._placed.values()]

    def placement(self, appointment_id: str) -> Placed | None:
        return self._placed.get(appointment_id)

    def placed_at(self, row: int, col: int) -> Placed | None:
        if 0 <= row < len(self._grid) and 0 <= col < len(self._slots):
            return self._grid[row][col]
        return None

    def card_at(self, index: Index) -> Appointment | None:
        """The appointment covering the cell (not only at its first slot)."""
        p = self.placed_at(index.row(), index.column()) if index.isValid() else None
        return p.appointment if p else None

    def index_of(self, appointment_id: str) -> QModelIndex:
        p = self._placed.get(appointment_id)
        return self.index(p.row, p.col) if p else QModelIndex()

    def appointments(self) -> list[Appointment]:
        return [p.appointment for p in self._placed.values()]

    # -- Qt model ------------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._rows else len(self._slots)

    def _first(self, index: Index) -> Placed | None:
        if not index.isValid():
            return None
        p = self.placed_at(index.row(), index.column())
        return p if p is not None and p.col == index.column() else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self._first(index)
        if p is None:
            return None
        a = p.appointment
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return card_text(a)
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(a)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS[a.status][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[a.status][1])
        if role == CardRole:
            return a
        if role == AppointmentIdRole:
            return a.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )
        p = self._first(index)
        if p is not None and self.movable(p.appointment):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._slots) and role == Qt.ItemDataRole.DisplayRole:
                return self._slots[section].strftime("%H:%M")
            return None
        row = self.board_row(section)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            name = row.resource.name if row.resource else self.tr("Unassigned")
            return f"{name} ({row.lane + 1})" if row.lane else name
        if role == Qt.ItemDataRole.ToolTipRole and row.resource and row.lanes > 1:
            return self.tr(
                "{name} has appointments at the same time: they are shown on {n} rows."
            ).format(name=row.resource.name, n=row.lanes)
        return None

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        for index in indexes:
            a = self.card_at(index)
            if a is not None and a.id and self.movable(a):
                p = self._placed[a.id]
                return self.mime_for(a.id, index.column() - p.col)
        return None

    def drop_target(
        self, info: tuple[str, int], row: int, col: int
    ) -> tuple[dt.datetime, str | None] | None:
        appointment_id, offset = info
        p = self._placed.get(appointment_id)
        if p is None or not self.movable(p.appointment) or self.board_row(row) is None:
            return None
        if not 0 <= col < len(self._slots):
            return None
        first = min(max(col - offset, 0), len(self._slots) - 1)
        return self._slots[first], self._rows[row].key

    def drop_preview(self, info: tuple[str, int], row: int, col: int) -> Span | None:
        """(row, column, span) where the card would land, for the view to outline."""
        target = self.drop_target(info, row, col)
        p = self._placed.get(info[0])
        if target is None or p is None:
            return None
        first = self._slots.index(target[0])
        return row, first, min(p.span, len(self._slots) - first)

    # -- keyboard moves (the view turns keys into these) ---------------------------------

    def request_shift(self, appointment_id: str, slots: int) -> bool:
        """One slot (or more) earlier or later on the same resource."""
        a = self._by_id.get(appointment_id)
        if a is None or not self.movable(a) or not self._slots:
            return False
        start = a.start + slots * self._step
        if start < self._slots[0] or start > self._slots[-1]:
            return False
        self.sig_move_requested.emit(a.id, start, None, None)
        return True

    def request_resize(self, appointment_id: str, slots: int) -> bool:
        """Lengthen (+) or shorten (-) by whole slots; never shorter than one slot."""
        a = self._by_id.get(appointment_id)
        if a is None or not self.movable(a):
            return False
        end = a.end + slots * self._step
        if end - a.start < self._step:
            return False
        self.sig_move_requested.emit(a.id, a.start, None, end)
        return True


class WeekBoardModel(BoardModel):
    """Rows: resources of the axis; columns: days. A cell holds that resource's appointments
    of the day (``CardsRole``), painted as stacked mini-cards by the view's delegate."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.board: WeekBoard | None = None
        self._days: list[dt.date] = []
        self._cells: list[list[list[Appointment]]] = []

    def set_board(self, board: WeekBoard) -> None:
        self.beginResetModel()
        self.board = board
        self._days = list(board.days)
        self._arrange()
        self.endResetModel()

    def _arrange(self) -> None:
        self._rows, self._cells, self._by_id = [], [], {}
        board = self.board
        if board is None:
            return
        cards = self._visible(board.appointments)
        order, groups = _rows_for(self.axis, board.resources.get(self.axis, []), cards)
        column = {d: i for i, d in enumerate(self._days)}
        for res in order:
            cells: list[list[Appointment]] = [[] for _ in self._days]
            for a in groups.get(res.id if res else None, []):
                c = column.get(a.start.date())
                if c is not None:
                    cells[c].append(a)
                    self._by_id[a.id or ""] = a
            for cell in cells:
                cell.sort(key=lambda a: (a.start, a.serial))
            self._rows.append(BoardRow(res))
            self._cells.append(cells)

    # -- what the view asks --------------------------------------------------------------

    def days(self) -> list[dt.date]:
        return list(self._days)

    def day_of(self, col: int) -> dt.date | None:
        return self._days[col] if 0 <= col < len(self._days) else None

    def cards(self, row: int, col: int) -> list[Appointment]:
        if 0 <= row < len(self._cells) and 0 <= col < len(self._days):
            return self._cells[row][col]
        return []

    def max_cards(self, row: int) -> int:
        if not 0 <= row < len(self._cells):
            return 0
        return max((len(c) for c in self._cells[row]), default=0)

    def card_at(self, index: Index) -> Appointment | None:
        """The first card of the cell (the keyboard's choice; the mouse picks by position)."""
        cards = self.cards(index.row(), index.column()) if index.isValid() else []
        return cards[0] if cards else None

    def index_of(self, appointment_id: str) -> QModelIndex:
        for r, cells in enumerate(self._cells):
            for c, cell in enumerate(cells):
                if any(a.id == appointment_id for a in cell):
                    return self.index(r, c)
        return QModelIndex()

    def load(self, col: int) -> DayLoad | None:
        d = self.day_of(col)
        return self.board.loads.get(d) if self.board and d else None

    def is_open(self, col: int) -> bool:
        d = self.day_of(col)
        return bool(self.board and d and self.board.rules.hours(d) is not None)

    # -- Qt model ------------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._rows else len(self._days)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cards = self.cards(index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "; ".join(f"{a.start:%H:%M} {card_text(a)}" for a in cards)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not cards:
                return None
            return "<br>".join(
                _esc(f"{a.start:%H:%M}–{a.end:%H:%M} {card_text(a)} · {a.work_summary}")
                for a in cards
            )
        if role == CardsRole:
            return list(cards)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )
        if any(self.movable(a) for a in self.cards(index.row(), index.column())):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            row = self.board_row(section)
            if row is None or role != Qt.ItemDataRole.DisplayRole:
                return None
            return row.resource.name if row.resource else self.tr("Unassigned")
        d = self.day_of(section)
        if d is None:
            return None
        load = self.load(section)
        if role == Qt.ItemDataRole.DisplayRole:
            name = QLocale().dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)
            if not self.is_open(section) or load is None:
                closed = self.tr("closed")
                return f"{name} {d:%m-%d}\n{closed}"
            return f"{name} {d:%m-%d}\n{load_text(load)}"
        if role == Qt.ItemDataRole.ToolTipRole and load is not None:
            return self.tr("Booked {booked} h of {capacity} h available").format(
                booked=f"{load.booked:.1f}", capacity=f"{load.capacity:.1f}"
            )
        if role == Qt.ItemDataRole.ForegroundRole and load is not None and load.capacity:
            if load.ratio > 1:
                return QColor("#c62828")
            if load.ratio > 0.85:
                return QColor("#b26a00")
        return None

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        for index in indexes:
            for a in self.cards(index.row(), index.column()):
                if a.id and self.movable(a):
                    return self.mime_for(a.id)
        return None

    def drop_target(
        self, info: tuple[str, int], row: int, col: int
    ) -> tuple[dt.datetime, str | None] | None:
        """Same time of day on the day of the column, on the row's resource."""
        a = self._by_id.get(info[0])
        d = self.day_of(col)
        if a is None or d is None or not self.movable(a) or self.board_row(row) is None:
            return None
        return dt.datetime.combine(d, a.start.time()), self._rows[row].key

    def drop_preview(self, info: tuple[str, int], row: int, col: int) -> Span | None:
        return (row, col, 1) if self.drop_target(info, row, col) is not None else None
