"""The manager's workshop settings: opening hours per weekday, slot size, efficiency, the
waiter cap and the labour rate. Everyone may look; only EDIT_SETTINGS may save."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QTableWidgetItem,
    QTimeEdit,
    QWidget,
)

from ..domain.appointments import SLOT_CHOICES, ResourceKind, WorkshopRules, day_capacity
from ..domain.errors import ValidationError
from ..domain.roles import Permission
from ..services.appointments import Absence, AppointmentService, Resource
from .forms.ui_workshop_settings import Ui_WorkshopSettingsDialog
from .messages import DialogService
from .settings_base import SettingsDialog
from .tasks import Operation, TaskRunner


class WorkshopSettingsDialog(SettingsDialog):
    def __init__(
        self,
        service: AppointmentService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, dialogs, parent)
        self.service = service
        self.ui = Ui_WorkshopSettingsDialog()
        self.ui.setupUi(self)
        self.error_label = self.ui.errorLabel
        self._technicians = 0
        names = [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]
        self.day_rows: list[tuple[QCheckBox, QTimeEdit, QTimeEdit]] = []
        grid = self.ui.hoursGrid
        for day, name in enumerate(names):
            open_box = QCheckBox(name)
            start, end = QTimeEdit(), QTimeEdit()
            for edit in (start, end):
                edit.setDisplayFormat("HH:mm")
                edit.timeChanged.connect(self._update_capacity)
            open_box.toggled.connect(start.setEnabled)
            open_box.toggled.connect(end.setEnabled)
            open_box.toggled.connect(self._update_capacity)
            grid.addWidget(open_box, day, 0)
            grid.addWidget(start, day, 1)
            grid.addWidget(QLabel("–"), day, 2)
            grid.addWidget(end, day, 3)
            self.day_rows.append((open_box, start, end))
        for minutes in SLOT_CHOICES:
            self.ui.slotCombo.addItem(self.tr("{n} minutes").format(n=minutes), minutes)
        self.ui.efficiencySpin.valueChanged.connect(self._update_capacity)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        can_edit = service.session.can(Permission.EDIT_SETTINGS)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(can_edit)
        if not can_edit:
            self.ui.errorLabel.setText(self.tr("Only a manager can change these settings."))
        self.ui.absenceTable.horizontalHeader().setStretchLastSection(True)
        self.ui.absenceTable.verticalHeader().setVisible(False)
        self.ui.absenceDate.setDate(QDate.currentDate())
        self.ui.addAbsenceButton.clicked.connect(self.add_absence)
        self.ui.removeAbsenceButton.clicked.connect(self.remove_absence)
        for w in (self.ui.addAbsenceButton, self.ui.removeAbsenceButton):
            w.setEnabled(can_edit)
        self._absences: list[Absence] = []
        Operation(self._load_data).success(self._loaded).run_in_background(runner)
        self.refresh_absences()

    def _load_data(self) -> tuple[WorkshopRules, list[Resource]]:
        technicians = self.service.resources()[ResourceKind.TECHNICIAN]
        return self.service.rules(), technicians

    def _loaded(self, data: tuple[WorkshopRules, list[Resource]]) -> None:
        rules, technicians = data
        self._technicians = len(technicians)
        self.ui.technicianCombo.clear()
        for t in technicians:
            self.ui.technicianCombo.addItem(t.name, t.id)
        self.load(rules)

    # -- absences (saved at once, not with the Save button) -----------------------------

    def refresh_absences(self) -> None:
        (
            Operation(lambda: self.service.absences(dt.date.today()))
            .success(self._show_absences)
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _show_absences(self, absences: list[Absence]) -> None:
        self._absences = absences
        table = self.ui.absenceTable
        table.setRowCount(len(absences))
        for row, a in enumerate(absences):
            for col, text in enumerate((a.day.isoformat(), a.staff_name, a.reason)):
                table.setItem(row, col, QTableWidgetItem(text))

    def add_absence(self) -> None:
        staff_id = self.ui.technicianCombo.currentData()
        if not staff_id:
            return
        d = self.ui.absenceDate.date()
        day = dt.date(d.year(), d.month(), d.day())
        reason = self.ui.absenceReason.text()
        (
            Operation(lambda: self.service.add_absence(staff_id, day, reason))
            .success(lambda _none: self._absence_changed())
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def remove_absence(self) -> None:
        rows = self.ui.absenceTable.selectionModel().selectedRows()
        if not rows:
            return
        absence = self._absences[rows[0].row()]
        (
            Operation(lambda: self.service.remove_absence(absence.id))
            .success(lambda _none: self._absence_changed())
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _absence_changed(self) -> None:
        self.ui.absenceReason.clear()
        self.refresh_absences()
        self.sig_saved.emit()

    def load(self, rules: WorkshopRules) -> None:
        for day, (open_box, start, end) in enumerate(self.day_rows):
            span = rules.opening.get(day)
            open_box.setChecked(span is not None)
            start.setEnabled(span is not None)
            end.setEnabled(span is not None)
            first, last = span or (dt.time(8, 30), dt.time(17, 30))
            start.setTime(QTime(first.hour, first.minute))
            end.setTime(QTime(last.hour, last.minute))
        self.ui.slotCombo.setCurrentIndex(max(self.ui.slotCombo.findData(rules.slot_minutes), 0))
        self.ui.efficiencySpin.setValue(int(rules.efficiency * 100))
        self.ui.waiterSpin.setValue(rules.waiter_cap_per_slot)
        self.ui.rateEdit.setText(f"{rules.labour_rate:.2f}")
        self._update_capacity()

    def collect(self) -> WorkshopRules:
        opening: dict[int, tuple[dt.time, dt.time] | None] = {}
        for day, (open_box, start, end) in enumerate(self.day_rows):
            opening[day] = (
                (
                    dt.time(start.time().hour(), start.time().minute()),
                    dt.time(end.time().hour(), end.time().minute()),
                )
                if open_box.isChecked()
                else None
            )
        text = self.ui.rateEdit.text().replace(",", "").replace("¥", "").strip()
        try:
            rate = Decimal(text).quantize(Decimal("0.01"))
        except InvalidOperation:
            raise ValidationError(
                self.tr("'{value}' is not an amount of money."), field="labour_rate", value=text
            ) from None
        return WorkshopRules(
            opening=opening,
            slot_minutes=int(self.ui.slotCombo.currentData()),
            efficiency=Decimal(self.ui.efficiencySpin.value()) / 100,
            waiter_cap_per_slot=self.ui.waiterSpin.value(),
            labour_rate=rate,
        )

    def _update_capacity(self) -> None:
        try:
            rules = self.collect()
        except ValidationError:
            return
        week = sum(
            (
                day_capacity(rules, dt.date(2024, 1, 1) + dt.timedelta(days=d), self._technicians)
                for d in range(7)
            ),
            Decimal(0),
        )
        self.ui.capacityLabel.setText(
            self.tr("With {n} technicians this gives {hours} workshop hours a week.").format(
                n=self._technicians, hours=f"{week:.1f}"
            )
        )

    def store(self, value: WorkshopRules) -> None:
        self.service.save_rules(value)

    def field_widgets(self) -> dict[str, QWidget]:
        widgets: dict[str, QWidget] = {
            "slot_minutes": self.ui.slotCombo,
            "efficiency": self.ui.efficiencySpin,
            "waiter_cap_per_slot": self.ui.waiterSpin,
            "labour_rate": self.ui.rateEdit,
        }
        for day, (_box, _start, end) in enumerate(self.day_rows):
            widgets[f"opening_{day}"] = end
        return widgets
