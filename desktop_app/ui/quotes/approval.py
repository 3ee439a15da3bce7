"""The manager's approval of a discount above the consultant's limit, given at the
consultant's PC: the manager types their user name and password (or, signed in themselves,
only confirms), with a note that is recorded with the quote."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class ApprovalDialog(QDialog):
    """Stays open until the service accepts the approval; a refusal is shown inside it."""

    sig_submitted = Signal(str, str, str)  # user name, password, note

    def __init__(
        self,
        discount: str,
        cap: str,
        signed_in_manager: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approve the discount"))
        self.setMinimumWidth(480)
        self.manager_signed_in = signed_in_manager is not None
        layout = QVBoxLayout(self)
        intro = QLabel()
        intro.setWordWrap(True)
        if signed_in_manager is not None:
            intro.setText(
                self.tr(
                    "The additional discount of ¥{discount} is above the consultant's limit of "
                    "¥{cap}. Approve it as {name}? Your approval is recorded with the quote."
                ).format(discount=discount, cap=cap, name=signed_in_manager)
            )
        else:
            intro.setText(
                self.tr(
                    "The additional discount of ¥{discount} is above your limit of ¥{cap}. A "
                    "manager approves it here with their user name and password; the approval "
                    "is recorded with the quote."
                ).format(discount=discount, cap=cap)
            )
        layout.addWidget(intro)
        form = QFormLayout()
        self.username_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("why the discount is given"))
        if signed_in_manager is None:
            form.addRow(self.tr("Manager's &user name:"), self.username_edit)
            form.addRow(self.tr("&Password:"), self.password_edit)
        else:
            self.username_edit.hide()
            self.password_edit.hide()
        form.addRow(self.tr("&Note:"), self.note_edit)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.approve_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.approve_button.setText(self.tr("Approve"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        (self.note_edit if signed_in_manager is not None else self.username_edit).setFocus()
        self.adjustSize()

    def submit(self) -> None:
        self.error_label.clear()
        self.approve_button.setEnabled(False)
        self.sig_submitted.emit(
            self.username_edit.text(), self.password_edit.text(), self.note_edit.text()
        )

    def refused(self, text: str) -> None:
        """The approval was not given: say why, and let the manager type the password again."""
        self.approve_button.setEnabled(True)
        self.error_label.setText(text)
        self.password_edit.clear()
        (self.username_edit if not self.username_edit.text() else self.password_edit).setFocus()
