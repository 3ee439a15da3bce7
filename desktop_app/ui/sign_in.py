"""The staff sign-in dialog. The password check runs off the GUI thread (argon2 is slow)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ..domain.staff import Session
from ..services.auth import AuthService
from .forms.ui_sign_in import Ui_SignInDialog
from .i18n import tr_error
from .tasks import Operation, TaskRunner


class SignInDialog(QDialog):
    def __init__(
        self,
        auth: AuthService,
        runner: TaskRunner,
        site_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.auth = auth
        self.runner = runner
        self.session: Session | None = None
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self.ui.siteLabel.setText(site_name)
        self.ui.buttonBox.accepted.connect(self.try_sign_in)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.usernameEdit.setFocus()

    def try_sign_in(self) -> None:
        username = self.ui.usernameEdit.text()
        password = self.ui.passwordEdit.text()
        if not username.strip():
            self.ui.errorLabel.setText(self.tr("Enter your user name."))
            self.ui.usernameEdit.setFocus()
            return
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.ui.errorLabel.setText(self.tr("Checking…"))
        (
            Operation(lambda: self.auth.sign_in(username, password))
            .success(self._signed_in)
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _signed_in(self, session: Session) -> None:
        self.session = session
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.ui.errorLabel.setText(tr_error(error))
        self.ui.passwordEdit.selectAll()
        self.ui.passwordEdit.setFocus()
