"""The manager's customer-care settings: every timing of the care rules (callback days, the
maintenance, warranty, insurance, inspection, birthday, satisfaction and lost-customer windows,
complaint clocks, the unreachable rule). Everyone may look; only EDIT_SETTINGS may save."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QSpinBox, QWidget

from ..domain.care import RULE_FIELDS, CareRules
from ..domain.errors import DomainError, ValidationError
from ..domain.roles import Permission
from ..services.care import CareService
from ..services.errors import StorageEnvironmentError
from .forms.ui_care_settings import Ui_CareSettingsDialog
from .i18n import tr_error
from .messages import DialogService
from .tasks import Operation, TaskRunner
from .widgets import mark_invalid


class CareSettingsDialog(QDialog):
    sig_saved = Signal()

    def __init__(
        self,
        service: CareService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_CareSettingsDialog()
        self.ui.setupUi(self)
        form = self.ui.rulesForm
        self.callbackEdit = QLineEdit()
        self.callbackEdit.setPlaceholderText("1, 3, 7, 30, 90")
        form.addRow(QLabel(self.tr("Post-delivery callbacks on days")), self.callbackEdit)
        self.spins: dict[str, QSpinBox] = {}
        for name, label, low, high in RULE_FIELDS:
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setGroupSeparatorShown(True)
            form.addRow(QLabel(QCoreApplication.translate("Labels", label)), spin)
            self.spins[name] = spin
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.defaultsButton.clicked.connect(lambda: self.load(CareRules()))
        can_edit = service.session.can(Permission.EDIT_SETTINGS)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(can_edit)
        self.ui.defaultsButton.setEnabled(can_edit)
        if not can_edit:
            self.ui.errorLabel.setText(self.tr("Only a manager can change these settings."))
        Operation(service.rules).success(self.load).run_in_background(runner)

    def load(self, rules: CareRules) -> None:
        self.callbackEdit.setText(", ".join(str(d) for d in rules.callback_days))
        for name, spin in self.spins.items():
            spin.setValue(int(getattr(rules, name)))

    def collect(self) -> CareRules:
        text = self.callbackEdit.text().replace("，", ",").replace("、", ",")
        try:
            days = tuple(int(part) for part in text.split(",") if part.strip())
        except ValueError:
            raise ValidationError(
                self.tr("Write the callback days as whole numbers, e.g. 1, 3, 7, 30, 90."),
                field="callback_days",
            ) from None
        values = {name: spin.value() for name, spin in self.spins.items()}
        return replace(CareRules(), callback_days=days, **values)

    def save(self) -> None:
        try:
            rules = self.collect()
        except ValidationError as error:
            self._refused(error)
            return
        (
            Operation(lambda: self.service.save_rules(rules))
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
        self.ui.errorLabel.setText(tr_error(error))
        field = error.field if isinstance(error, ValidationError) else None
        widgets: dict[str, QWidget] = {"callback_days": self.callbackEdit, **self.spins}
        mark_invalid(list(widgets.values()), widgets.get(field or ""))
