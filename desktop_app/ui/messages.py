"""The dialog service (after Picard's user_dialog_service): every message box goes through here.

Widgets receive a :class:`DialogService` and never call QMessageBox themselves, so tests
substitute one object and read what the user would have been told.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class DialogService:
    def open_document(self, path: Path) -> bool:
        """Open a file (a printed PDF) in the system's viewer; False if none could."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_document(self, parent: QWidget | None, path: Path) -> None:
        """Open a printed PDF for printing; with no viewer on the PC, say where it was saved."""
        if self.open_document(path):
            return
        self.info(
            parent,
            QCoreApplication.translate("DialogService", "Print"),
            QCoreApplication.translate(
                "DialogService",
                "The document was saved as {path}. No PDF viewer could be opened: open the file "
                "from that folder to print it.",
            ).format(path=path),
        )

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def warning(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def ask_confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, multiline: bool = False
    ) -> str | None:
        """A reason or a note typed by the person; None when they cancel."""
        if multiline:
            text, ok = QInputDialog.getMultiLineText(parent, title, label)
        else:
            text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal)
        return text if ok else None
