"""Table models of the Deliveries area: the week calendar (deliveries grouped under day rows)
and the PDI checklist (items grouped under section rows). Both are row caches over the
service's answers; edits are asked for by signal and made by the widget through the service,
which answers with the new record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.deliveries import (
    DELIVERY_STATUS_COLOURS,
    DELIVERY_STATUS_LABELS,
    RESULT_LABELS,
    DeliveryStatus,
    ItemResult,
    PdiItem,
)
from ...domain.identifiers import format_plate
from ...services.deliveries import Delivery
from ..i18n import tr_label

Index = QModelIndex | QPersistentModelIndex

DAY_BACKGROUND = "#e4ecf5"
TODAY_BACKGROUND = "#cfe0f3"
SECTION_BACKGROUND = "#e9eef3"
MARKED_BACKGROUND = "#fff4d6"
RESULT_COLOURS = {  # background, text
    ItemResult.OPEN: ("#ffffff", "#7b8794"),
    ItemResult.PASS: ("#e3f4e1", "#1b5e20"),
    ItemResult.FAIL: ("#fde2e1", "#b00020"),
    ItemResult.NOT_APPLICABLE: ("#eef0f2", "#52606d"),
}
RESULT_SYMBOLS = {
    ItemResult.OPEN: "○",
    ItemResult.PASS: "✔",
    ItemResult.FAIL: "✖",
    ItemResult.NOT_APPLICABLE: "–",
}


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


# -- the calendar ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarRow:
    day: dt.date
    delivery: Delivery | None = None  # None: the day's header row
    empty: bool = False  # a "nothing planned" line under an empty day


class CalendarModel(QAbstractTableModel):
    """Seven days, each a header row followed by its deliveries (time, plate, customer,
    model, status in its colour)."""

    TIME, PLATE, CUSTOMER, MODEL, STATUS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CalendarRow] = []
        self.today: dt.date | None = None

    def set_week(self, first: dt.date, days: int, deliveries: list[Delivery]) -> None:
        self.beginResetModel()
        rows: list[CalendarRow] = []
        for offset in range(days):
            day = first + dt.timedelta(days=offset)
            rows.append(CalendarRow(day))
            those = [d for d in deliveries if d.planned_at.date() == day]
            rows.extend(CalendarRow(day, d) for d in those)
            if not those:
                rows.append(CalendarRow(day, empty=True))
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> CalendarRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def delivery_at(self, row: int) -> Delivery | None:
        r = self.row_at(row)
        return r.delivery if r else None

    def row_of(self, delivery_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r.delivery is not None and r.delivery.id == delivery_id:
                return i
        return -1

    def header_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.delivery is None]

    def count_on(self, day: dt.date) -> int:
        return sum(1 for r in self._rows if r.delivery is not None and r.day == day)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def flags(self, index: Index) -> Qt.ItemFlag:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return Qt.ItemFlag.NoItemFlags
        if r.delivery is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def day_title(self, day: dt.date) -> str:
        text = QLocale().toString(QDate(day.year, day.month, day.day), "MM-dd dddd")
        if day == self.today:
            text = self.tr("{day} · today").format(day=text)
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        column = index.column()
        if r.delivery is None and not r.empty:
            return self._day_data(r, column, role)
        if r.empty:
            if role == Qt.ItemDataRole.DisplayRole and column == self.TIME:
                return self.tr("No deliveries planned")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#9aa5b1"))
            return None
        d = r.delivery
        assert d is not None
        background, text = DELIVERY_STATUS_COLOURS[d.status]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return f"{d.planned_at:%H:%M}"
            if column == self.PLATE:
                return format_plate(d.plate) if d.plate else self.tr("no plate")
            if column == self.CUSTOMER:
                return d.customer_name
            if column == self.MODEL:
                return d.model_name
            return tr_label(DELIVERY_STATUS_LABELS[d.status])
        if role == Qt.ItemDataRole.DecorationRole and column == self.TIME:
            return QColor(background if d.status != DeliveryStatus.PLANNED else "#7ea6d4")
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATUS:
            return QBrush(QColor(background))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor(text))
        if role == Qt.ItemDataRole.FontRole and column in (self.TIME, self.PLATE):
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                x
                for x in (
                    d.number,
                    f"{d.customer_name}  {d.phone}",
                    d.vin,
                    self.tr("Sales consultant: {name}").format(name=d.sales_name)
                    if d.sales_name
                    else "",
                    d.remarks,
                )
                if x.strip()
            )
        if role == Qt.ItemDataRole.UserRole:
            return d.id
        return None

    def _day_data(self, r: CalendarRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == self.TIME:
            n = self.count_on(r.day)
            return self.tr("{day}  ({n})").format(day=self.day_title(r.day), n=n)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(TODAY_BACKGROUND if r.day == self.today else DAY_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#102a43"))
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = (
                self.tr("Time"),
                self.tr("Plate"),
                self.tr("Customer"),
                self.tr("Model"),
                self.tr("Status"),
            )
            return titles[section] if 0 <= section < len(titles) else None
        return str(section + 1)


# -- the PDI checklist -----------------------------------------------------------------------


@dataclass(frozen=True)
class PdiRow:
    section: str
    item: PdiItem | None = None  # None: the section's header row


class PdiModel(QAbstractTableModel):
    """The checklist grouped by section. Column 0 can be ticked to mark an item as an
    exception for the section's "All pass"; the note column is editable. Edits are asked
    for with ``sig_note_edited``; results are set by the record widget."""

    CODE, ITEM, RESULT, NOTE, PHOTOS = range(5)
    sig_note_edited = Signal(str, str)  # code, note

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PdiRow] = []
        self.editable = True
        self.language = "zh_CN"
        self.marked: set[str] = set()

    def section_title(self, code: str) -> str:
        titles = {
            "EXT": self.tr("Exterior"),
            "INT": self.tr("Interior"),
            "ENG": self.tr("Under the hood"),
            "ELE": self.tr("Electrical"),
            "CHS": self.tr("Chassis"),
            "TRN": self.tr("Transport mode"),
            "VIN": self.tr("VIN and recalls"),
            "RDT": self.tr("Road test"),
            "NEV": self.tr("New-energy vehicle"),
        }
        return titles.get(code, code)

    def set_items(self, items: list[PdiItem], editable: bool) -> None:
        self.beginResetModel()
        self.editable = editable
        rows: list[PdiRow] = []
        for item in items:
            if not rows or rows[-1].section != item.section:
                rows.append(PdiRow(item.section))
            rows.append(PdiRow(item.section, item))
        codes = {i.code for i in items}
        self.marked &= codes
        self._rows = rows
        self.endResetModel()

    def items(self) -> list[PdiItem]:
        return [r.item for r in self._rows if r.item is not None]

    def item_at(self, row: int) -> PdiItem | None:
        return self._rows[row].item if 0 <= row < len(self._rows) else None

    def section_at(self, row: int) -> str | None:
        return self._rows[row].section if 0 <= row < len(self._rows) else None

    def row_of(self, code: str) -> int:
        for i, r in enumerate(self._rows):
            if r.item is not None and r.item.code == code:
                return i
        return -1

    def header_rows(self) -> list[int]:
        return [i for i, r in enumerate(self._rows) if r.item is None]

    def next_item_row(self, row: int) -> int:
        for i in range(row + 1, len(self._rows)):
            if self._rows[i].item is not None:
                return i
        return row

    def toggle_mark(self, code: str) -> None:
        if not self.editable:
            return
        self.marked.symmetric_difference_update({code})
        row = self.row_of(code)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.PHOTOS))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return Qt.ItemFlag.NoItemFlags
        item = self._rows[index.row()].item
        if item is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and index.column() == self.CODE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if self.editable and index.column() == self.NOTE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        column = index.column()
        if r.item is None:
            return self._section_data(r.section, column, role)
        item = r.item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.CODE:
                return item.code
            if column == self.ITEM:
                return item.text_zh if self.language == "zh_CN" else item.text_en
            if column == self.RESULT:
                text = f"{RESULT_SYMBOLS[item.result]} {tr_label(RESULT_LABELS[item.result])}"
                if item.reinspected and item.result == ItemResult.PASS:
                    text += " " + self.tr("(re-inspected)")
                return text
            if column == self.NOTE:
                return item.note
            return str(len(item.photos)) if item.photos else ""
        if role == Qt.ItemDataRole.CheckStateRole and column == self.CODE and self.editable:
            return Qt.CheckState.Checked if item.code in self.marked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == self.RESULT:
                return QBrush(QColor(RESULT_COLOURS[item.result][0]))
            if item.code in self.marked:
                return QBrush(QColor(MARKED_BACKGROUND))
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.RESULT:
            return QBrush(QColor(RESULT_COLOURS[item.result][1]))
        if role == Qt.ItemDataRole.FontRole and column == self.RESULT:
            return _bold() if item.result != ItemResult.OPEN else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PHOTOS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.CODE:
                return self.tr("Tick (or press X) to leave this item out of “All pass”.")
            if column == self.ITEM:
                return item.text_en if self.language == "zh_CN" else item.text_zh
            if column == self.PHOTOS and item.photos:
                return "\n".join(item.photos)
            if column == self.NOTE and item.note:
                return item.note
        return None

    def _section_data(self, section: str, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == self.CODE:
            items = [r.item for r in self._rows if r.item is not None and r.section == section]
            done = sum(1 for i in items if i.result != ItemResult.OPEN)
            failed = sum(1 for i in items if i.result == ItemResult.FAIL)
            text = self.tr("{section}  ·  {done}/{n} checked").format(
                section=self.section_title(section), done=done, n=len(items)
            )
            if failed:
                text += "  ·  " + self.tr("{n} failed").format(n=failed)
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(SECTION_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#243b53"))
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None or not self.editable:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.CODE:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
            if checked != (item.code in self.marked):
                self.toggle_mark(item.code)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == self.NOTE:
            note = str(value or "").strip()
            if note == item.note:
                return False
            item.note = note  # shown at once; the service's answer replaces the rows
            self.dataChanged.emit(index, index)
            self.sig_note_edited.emit(item.code, note)
            return True
        return False

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = (
                self.tr("Code"),
                self.tr("Item"),
                self.tr("Result"),
                self.tr("Note"),
                self.tr("Photos"),
            )
            return titles[section] if 0 <= section < len(titles) else None
        return str(section + 1)
