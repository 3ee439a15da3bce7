"""The manager's customer-care settings: every timing of the care rules (callback days, the
maintenance, warranty, insurance, inspection, birthday, satisfaction and lost-customer windows,
complaint clocks, the unreachable rule). Everyone may look; only EDIT_SETTINGS may save."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QSpinBox, QWidget

from ..domain.care import RULE_FIELDS, CareRules
from ..domain.errors import ValidationError
from ..domain.roles import Permission
from ..services.care import CareService
from .forms.ui_care_settings import Ui_CareSettingsDialog
from .messages import DialogService
from .settings_base import SettingsDialog
from .tasks import Operation, TaskRunner


class CareSettingsDialog(SettingsDialog):
    def __init__(
        self,
        service: CareService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, dialogs, parent)
        self.service = service
        self.ui = Ui_CareSettingsDialog()
        self.ui.setupUi(self)
        self.error_label = self.ui.errorLabel
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

    def store(self, value: CareRules) -> None:
        self.service.save_rules(value)

    def field_widgets(self) -> dict[str, QWidget]:
        return {"callback_days": self.callbackEdit, **self.spins}
