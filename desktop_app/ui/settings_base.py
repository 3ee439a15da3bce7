"""What the manager's settings dialogs share: read the form, save in the background, close on
success; on a refusal say why in the dialog's error line, outline the field, keep what was
typed; a disk or database problem in a message box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from ..domain.errors import DomainError, ValidationError
from ..services.errors import StorageEnvironmentError
from .i18n import tr_error
from .messages import DialogService
from .tasks import Operation, TaskRunner
from .widgets import mark_invalid


class SettingsDialog(QDialog):
    """Subclasses give ``collect()`` (form → value, may raise ValidationError), ``store(value)``
    (the service call, run in the background) and ``field_widgets()`` (field name → widget);
    ``show_field(field)`` may bring the field's tab forward."""

    sig_saved = Signal()
    error_label: QLabel

    def __init__(
        self, runner: TaskRunner, dialogs: DialogService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.dialogs = dialogs

    def collect(self) -> Any:
        raise NotImplementedError

    def store(self, value: Any) -> None:
        raise NotImplementedError

    def field_widgets(self) -> dict[str, QWidget]:
        return {}

    def show_field(self, field: str | None) -> None:
        """Bring the refused field into view (a tab, a list row); nothing by default."""

    def save(self) -> None:
        try:
            value = self.collect()
        except ValidationError as error:
            self._refused(error)
            return
        (
            Operation(lambda: self.store(value))
            .success(lambda _none: self._saved())
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _saved(self) -> None:
        self.sig_saved.emit()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, StorageEnvironmentError):
            self.dialogs.error(self, self.tr("Not saved"), tr_error(error))
            return
        assert isinstance(error, DomainError)
        self.error_label.setText(tr_error(error))
        field = error.field if isinstance(error, ValidationError) else None
        widgets = self.field_widgets()
        self.show_field(field)
        mark_invalid(list(dict.fromkeys(widgets.values())), widgets.get(field or ""))
