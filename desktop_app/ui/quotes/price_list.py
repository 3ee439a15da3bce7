"""The result of importing head office's price list: how many rows were added and updated,
and every rejected row with its line number, code and reason in the user's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.quotes import ImportReport
from ..i18n import tr_error


class PriceListReportDialog(QDialog):
    LINE, CODE, REASON = range(3)

    def __init__(self, path: Path, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Price list imported"))
        self.resize(820, 460 if report.rejected else 200)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(
            self.tr("{file}: {added} added, {updated} updated, {rejected} rejected.").format(
                file=path.name,
                added=report.added,
                updated=report.updated,
                rejected=len(report.rejected),
            )
        )
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet("font-size: 11pt;")
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(len(report.rejected), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Line"), self.tr("Code"), self.tr("Why the row was rejected")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.REASON, QHeaderView.ResizeMode.Stretch)
        for row, rejected in enumerate(report.rejected):
            reason = tr_error(rejected.error)
            self.table.setItem(row, self.LINE, QTableWidgetItem(str(rejected.line)))
            self.table.setItem(row, self.CODE, QTableWidgetItem(rejected.code or "—"))
            item = QTableWidgetItem(reason)
            item.setToolTip(reason)
            self.table.setItem(row, self.REASON, item)
        if report.rejected:
            hint = QLabel(
                self.tr(
                    "The other rows were saved. Correct the rejected rows in the file and "
                    "import it again: rows already saved are only updated."
                )
            )
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #b26a00;")
            layout.addWidget(hint)
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table says, row by row (line, code, reason)."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(3)]
            out.append(tuple(c.text() if c is not None else "" for c in cells))
        return out  # type: ignore[return-value]
