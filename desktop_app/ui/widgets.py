"""Small helpers shared by forms: optional dates, marking a refused field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QWidget,
)

from ..services.customers import CustomerHit

NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = "border: 2px solid #b00020;"


def setup_optional_date(edit: QDateEdit) -> None:
    """A QDateEdit that can be empty: its minimum date shows as “—” and means “not set”."""
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")
    edit.setDate(NO_DATE)


def set_optional_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


def optional_date(edit: QDateEdit) -> dt.date | None:
    d = edit.date()
    return None if d == NO_DATE else dt.date(d.year(), d.month(), d.day())


def mark_invalid(widgets: list[QWidget], bad: QWidget | None) -> None:
    """Clear earlier marks, then outline and focus the refused field."""
    for w in widgets:
        if w.styleSheet() == ERROR_STYLE:
            w.setStyleSheet("")
    if bad is not None:
        bad.setStyleSheet(ERROR_STYLE)
        bad.setFocus()


def show_customer_hits(results: QListWidget, hits: Sequence[CustomerHit]) -> None:
    """Fill a result list with customer search hits (name · mobile · cars; the customer id as
    UserRole data) without signalling each row; a single hit is selected, which does signal."""
    results.blockSignals(True)
    results.clear()
    for hit in hits:
        parts = [hit.name, hit.mobile, hit.vehicles]
        item = QListWidgetItem("  ·  ".join(p for p in parts if p))
        item.setData(Qt.ItemDataRole.UserRole, hit.id)
        results.addItem(item)
    results.blockSignals(False)
    if len(hits) == 1:
        results.setCurrentRow(0)


def setup_table(view: QTableView, model: QAbstractItemModel, stretch: int) -> None:
    """The house look of a list table: no row numbers, compact rows, columns fitted to their
    contents but ``stretch``, which takes the rest; long texts elided on the right."""
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
