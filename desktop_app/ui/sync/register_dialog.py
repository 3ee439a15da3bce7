"""Register this PC with the hub (administrators): the hub's address and this PC's token.

A refused save says which field and why, outlines it and keeps everything typed (the settings
dialogs' shared flow); the token is never shown back once saved.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLineEdit, QWidget

from ...domain.errors import DomainError, ValidationError
from ...services.sync import SyncService
from ..forms.ui_sync_register_dialog import Ui_SyncRegisterDialog
from ..messages import DialogService
from ..settings_base import SettingsDialog
from ..tasks import TaskRunner


class RegisterDialog(SettingsDialog):
    def __init__(
        self,
        service: SyncService,
        runner: TaskRunner,
        dialogs: DialogService,
        hub_url: str = "",
        token_saved: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, dialogs, parent)
        self.service = service
        self.ui = Ui_SyncRegisterDialog()
        self.ui.setupUi(self)
        self.error_label = self.ui.errorLabel
        self.ui.hubEdit.setText(hub_url)
        if token_saved:
            self.ui.tokenEdit.setPlaceholderText(
                self.tr("A token is saved; paste it again (or a new one) to save changes")
            )
        self.ui.showTokenCheck.toggled.connect(self._show_token)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _show_token(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.ui.tokenEdit.setEchoMode(mode)

    def collect(self) -> tuple[str, str]:
        url = self.ui.hubEdit.text().strip()
        if url.startswith(("http://", "https://")):
            parsed = QUrl(url, QUrl.ParsingMode.StrictMode)
            if not parsed.isValid() or not parsed.host():
                raise ValidationError(
                    self.tr(
                        "The hub's address needs a server name or IP address after the "
                        "http:// or https://, e.g. https://hub.example.com:8443."
                    ),
                    field="hub_url",
                )
        return url, self.ui.tokenEdit.text().strip()

    def store(self, value: tuple[str, str]) -> None:
        self.service.register(*value)

    def field_widgets(self) -> dict[str, QWidget]:
        return {"hub_url": self.ui.hubEdit, "hub_token": self.ui.tokenEdit}

    def _refused(self, error: BaseException) -> None:
        """As every settings dialog, with the field's name in front of the reason."""
        super()._refused(error)
        if isinstance(error, ValidationError) and isinstance(error, DomainError):
            caption = {"hub_url": self.tr("Hub address"), "hub_token": self.tr("Token")}.get(
                error.field or ""
            )
            if caption:
                self.error_label.setText(
                    self.tr("{field}: {reason}").format(
                        field=caption, reason=self.error_label.text()
                    )
                )
