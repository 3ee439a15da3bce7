"""The dialog service (after Picard's user_dialog_service): every message box goes through here.

Widgets receive a :class:`DialogService` and never call QMessageBox themselves, so tests
substitute one object and read what the user would have been told.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


class DialogService:
    def open_document(self, path: Path) -> bool:
        """Open a file (a printed PDF) in the system's viewer; False if none could."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

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
