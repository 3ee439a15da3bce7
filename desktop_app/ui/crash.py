"""The crash dialog: a bug's traceback and where the log is, instead of a silent exit."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..services.errors import StorageEnvironmentError
from .i18n import tr_error

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("DealerDesk hit a bug"))
        layout = QVBoxLayout(self)
        text = self.tr(
            "Something went wrong inside DealerDesk. Your saved work is safe in the database; "
            "the form you were typing in may still be open behind this window.\n\n"
            "Please send the details below and the log file to your administrator:\n{path}"
        ).format(path=log_file)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)


class CrashHandler:
    """Installed as ``sys.excepthook`` and as the task runner's bug handler."""

    def __init__(self, log_file: Path, show_dialogs: bool = True) -> None:
        self.log_file = log_file
        self.show_dialogs = show_dialogs
        self._showing = False
        self.last_details = ""

    def install(self) -> None:
        sys.excepthook = self.excepthook

    def excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        self.handle(error)

    def handle(self, error: BaseException) -> None:
        if isinstance(error, StorageEnvironmentError):
            # Not a bug: the machine's problem, said in words.
            self._show_env(error)
            return
        details = "".join(traceback.format_exception(error))
        self.last_details = details
        log.error("bug:\n%s", details)
        if not self.show_dialogs or self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            CrashDialog(details, self.log_file, QApplication.activeWindow()).exec()
        finally:
            self._showing = False

    def _show_env(self, error: StorageEnvironmentError) -> None:
        from PySide6.QtWidgets import QMessageBox

        log.warning("environment problem: %s", error)
        if self.show_dialogs and QApplication.instance() is not None:
            QMessageBox.critical(
                QApplication.activeWindow(),
                QCoreApplication.translate("CrashHandler", "DealerDesk"),
                tr_error(error),
            )
