"""The dialog service (after Picard's user_dialog_service): every message box goes through here.

Widgets receive a :class:`DialogService` and never call QMessageBox themselves, so tests
substitute one object and read what the user would have been told.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class DialogService:
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
