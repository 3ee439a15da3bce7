"""Table models of the Quotes & Contracts area: the two lists (status cells in their colours)
and the itemised breakdown (购车费用明细) the builder and the contract editor show.

The breakdown model is filled on every keystroke of the quote builder, so it only reshapes
what ``compute`` returned: no database, no formatting beyond the line's own texts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLineEdit, QPlainTextEdit, QTableView

from ...domain.contracts import CONTRACT_STATUS_LABELS, ContractStatus
from ...domain.quotes import (
    LINE_EXPLANATIONS,
    LINE_LABELS,
    QUOTE_STATUS_LABELS,
    Breakdown,
    LineKind,
    QuoteStatus,
    fen,
    money_text,
)
from ...services.contracts import Contract
from ...services.quotes import Quote
from ..i18n import tr_label
from ..table_model import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

QUOTE_STATUS_COLOURS: dict[QuoteStatus, tuple[str, str]] = {  # background, text
    QuoteStatus.DRAFT: ("#e6ebf1", "#334e68"),
    QuoteStatus.SENT: ("#dbe7f5", "#1c4f8f"),
    QuoteStatus.ACCEPTED: ("#5cb85c", "#ffffff"),
    QuoteStatus.EXPIRED: ("#ffe08a", "#4a3800"),
    QuoteStatus.LOST: ("#e6e6e6", "#777777"),
}
CONTRACT_STATUS_COLOURS: dict[ContractStatus, tuple[str, str]] = {
    ContractStatus.DRAFT: ("#dbe7f5", "#1f3349"),
    ContractStatus.SIGNED: ("#5cb85c", "#ffffff"),
    ContractStatus.VOID: ("#e57373", "#ffffff"),
}
SUBTOTAL_BACKGROUND = "#eef2f7"
CREDIT_COLOUR = "#1b5e20"  # discounts and the trade-in: money off
MUTED_COLOUR = "#7b8794"


def yuan(value: Decimal) -> str:
    """¥123,456.70 (negative amounts as −¥1,000.00)."""
    value = fen(value)
    return f"−¥{money_text(-value)}" if value < 0 else f"¥{money_text(value)}"


def pill_style(colours: tuple[str, str]) -> str:
    background, text = colours
    return (
        f"background: {background}; color: {text}; border-radius: 9px; padding: 3px 10px;"
        " font-weight: 600;"
    )


def quote_status_text(status: QuoteStatus) -> str:
    return tr_label(QUOTE_STATUS_LABELS[status])


def contract_status_text(status: ContractStatus) -> str:
    return tr_label(CONTRACT_STATUS_LABELS[status])


class StatusTableModel(RowTableModel[R]):
    """A row cache whose status column is painted in the status's colours."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        status_column: int,
        colours: Callable[[R], tuple[str, str]],
        row_id: Callable[[R], str | None],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self.status_column = status_column
        self.colours = colours
        self.row_id = row_id

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if index.column() == self.status_column:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(self.colours(row)[0]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(self.colours(row)[1]))
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(row)
        return super().data(index, role)

    def row_of(self, row_id: str | None) -> int:
        for i, row in enumerate(self.rows()):
            if row_id is not None and self.row_id(row) == row_id:
                return i
        return -1


def _date(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


class QuoteListModel(StatusTableModel[Quote]):
    """Number, version, date, customer, phone, model, total, status as it reads today (the
    service's listing reads a sent quote past its date as expired), consultant."""

    MODEL, STATUS = 5, 7

    def __init__(self, parent: Any = None) -> None:
        columns: list[Column[Quote]] = [
            Column(lambda: self.tr("Number"), lambda q: q.number),
            Column(lambda: self.tr("Version"), lambda q: f"v{q.version}"),
            Column(lambda: self.tr("Date"), lambda q: _date(q.quoted_on)),
            Column(lambda: self.tr("Customer"), lambda q: q.customer_name),
            Column(lambda: self.tr("Phone"), lambda q: q.phone),
            Column(lambda: self.tr("Model"), lambda q: q.input.model_name),
            Column(lambda: self.tr("Total"), lambda q: yuan(q.total), align_right=True),
            Column(lambda: self.tr("Status"), lambda q: quote_status_text(q.status)),
            Column(lambda: self.tr("Valid until"), lambda q: _date(q.valid_until)),
            Column(lambda: self.tr("Consultant"), lambda q: q.sales_name),
        ]
        super().__init__(
            columns, self.STATUS, lambda q: QUOTE_STATUS_COLOURS[q.status], lambda q: q.id, parent
        )


class ContractListModel(StatusTableModel[Contract]):
    """Number, version, status, buyer, model, VIN, total, deposit, delivery date."""

    STATUS, MODEL = 2, 4

    def __init__(self, parent: Any = None) -> None:
        columns: list[Column[Contract]] = [
            Column(lambda: self.tr("Number"), lambda c: c.number),
            Column(lambda: self.tr("Version"), lambda c: f"v{c.version}"),
            Column(lambda: self.tr("Status"), lambda c: contract_status_text(c.status)),
            Column(lambda: self.tr("Buyer"), lambda c: c.terms.buyer_name),
            Column(lambda: self.tr("Model"), lambda c: c.model_name),
            Column(lambda: self.tr("VIN"), lambda c: c.terms.vin),
            Column(lambda: self.tr("Total"), lambda c: yuan(c.total), align_right=True),
            Column(lambda: self.tr("Deposit"), lambda c: yuan(c.terms.deposit), align_right=True),
            Column(lambda: self.tr("Delivery date"), lambda c: _date(c.terms.delivery_date)),
            Column(lambda: self.tr("Quote"), lambda c: c.quote_number),
            Column(lambda: self.tr("Consultant"), lambda c: c.sales_name),
        ]
        super().__init__(
            columns,
            self.STATUS,
            lambda c: CONTRACT_STATUS_COLOURS[c.status],
            lambda c: c.id,
            parent,
        )


# -- the breakdown ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BreakdownRow:
    kind: LineKind
    item: str  # the line's label, with the item's own name
    how: str  # how it is worked out
    amount: Decimal
    tooltip: str = ""


def line_item_text(kind: LineKind, name: str) -> str:
    """The line's label, with the item's own name after it."""
    label = tr_label(LINE_LABELS[kind])
    return f"{label} · {name}" if name else label


PROMOTION_KEY = "promotion"  # the promotion's name in ``names``


def breakdown_rows(
    breakdown: Breakdown, seats: int, nev: bool, names: dict[str, str] | None = None
) -> list[BreakdownRow]:
    """The lines of ``compute`` with their explanations in the user's language.

    The lines' own ``detail`` texts carry English words ("5 seats", "NEV exempt"), so the
    figures behind a line are put together here from the numbers instead. ``names`` gives
    items' names in the user's language by price-list code (``compute`` names them in
    Chinese).
    """
    names = names or {}
    rows = []
    for line in breakdown.lines:
        name = line.name
        if line.kind in _CODED:
            name = names.get(line.detail, name)
        elif line.kind is LineKind.PROMOTION:
            name = names.get(PROMOTION_KEY, name)
        how = tr_label(LINE_EXPLANATIONS[line.kind])
        if line.kind is LineKind.PURCHASE_TAX:
            selling = max(breakdown.selling_price, Decimal(0))
            full = fen(selling / Decimal("1.13") * Decimal("0.10"))
            how = f"¥{money_text(selling)} ÷ 1.13 × 10 % = ¥{money_text(full)}"
            if full != line.amount:
                how += " " + QCoreApplication.translate(
                    "BreakdownModel", "− NEV relief ¥{amount}"
                ).format(amount=money_text(full - line.amount))
        elif line.kind is LineKind.COMPULSORY:
            how = QCoreApplication.translate("BreakdownModel", "{how}, {n} seats").format(
                how=how, n=seats
            )
        elif line.kind is LineKind.VESSEL_TAX and nev:
            how = QCoreApplication.translate("BreakdownModel", "New-energy vehicles are exempt")
        elif line.kind is LineKind.VESSEL_TAX and line.detail:
            how = QCoreApplication.translate("BreakdownModel", "{how}: ¥{figures}").format(
                how=how, figures=line.detail
            )
        rows.append(
            BreakdownRow(
                line.kind,
                line_item_text(line.kind, name),
                how,
                line.amount,
                line.detail if line.kind in _CODED else "",
            )
        )
    return rows


_CODED = (LineKind.OPTION, LineKind.ACCESSORY, LineKind.INSURANCE)


def content_rows(lines: list[dict[str, Any]], seats: int, nev: bool) -> list[BreakdownRow]:
    """The breakdown frozen in a contract's content (what was printed and signed)."""
    from ...domain.quotes import Line

    parsed = tuple(
        Line(LineKind(d["kind"]), Decimal(str(d["amount"])), d.get("name", ""), d.get("detail", ""))
        for d in lines
    )
    selling = next((ln.amount for ln in parsed if ln.kind is LineKind.SELLING), Decimal(0))
    total = sum((ln.amount for ln in parsed if ln.counted), Decimal(0))
    return breakdown_rows(Breakdown(parsed, selling, total, ()), seats, nev)


class BreakdownModel(RowTableModel[BreakdownRow]):
    """Item, how it is worked out, amount; the selling price is a bold subtotal, money off is
    green."""

    ITEM, HOW, AMOUNT = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(lambda: self.tr("Item"), lambda r: r.item),
                Column(lambda: self.tr("How it is worked out"), lambda r: r.how),
                Column(lambda: self.tr("Amount"), lambda r: yuan(r.amount), align_right=True),
            ],
            parent,
        )
        self._bold = QFont()
        self._bold.setBold(True)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        subtotal = row.kind is LineKind.SELLING
        if role == Qt.ItemDataRole.FontRole and (subtotal or index.column() == self.AMOUNT):
            return self._bold if subtotal else None
        if role == Qt.ItemDataRole.BackgroundRole and subtotal:
            return QBrush(QColor(SUBTOTAL_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole:
            if index.column() == self.HOW:
                return QBrush(QColor(MUTED_COLOUR))
            if index.column() == self.AMOUNT and row.amount < 0:
                return QBrush(QColor(CREDIT_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (row.item, row.how, row.tooltip) if x)
        return super().data(index, role)


def ui_language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def local_name(name_zh: str, name_en: str) -> str:
    """An item's name in the user's language (Chinese when there is no English name)."""
    return name_en if ui_language() == "en" and name_en else name_zh


def local_time(text: str | None) -> str:
    """A stored UTC timestamp as local time for people."""
    if not text:
        return ""
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


# a read-only field looks read-only (a white box invites typing)
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"]'
    " { background: #eef2f6; color: #243b53; }"
)


def set_read_only(widget: QLineEdit | QPlainTextEdit, read_only: bool) -> None:
    """Set the field read-only and re-apply the style sheet, which selects on the property."""
    if widget.isReadOnly() == read_only:
        return
    widget.setReadOnly(read_only)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def show_breakdown(view: QTableView, model: BreakdownModel, row_height: int = 22) -> None:
    """The price breakdown table as the quote builder and the contract editor show it: item and
    amount as wide as their text, the explanation taking the rest."""
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setSectionResizeMode(BreakdownModel.ITEM, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(BreakdownModel.HOW, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(BreakdownModel.AMOUNT, QHeaderView.ResizeMode.ResizeToContents)
