"""The manager changes the workshop rules; the booking rules follow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QTime

from desktop_app.domain.appointments import ResourceKind, day_capacity
from desktop_app.services.appointments import AppointmentService
from desktop_app.ui.workshop_settings import WorkshopSettingsDialog

NOW = dt.datetime(2026, 11, 20, 10, 40)


def make(qtbot, db, session, runner, dialogs):
    service = AppointmentService(db, session, now=lambda: NOW)
    dialog = WorkshopSettingsDialog(service, runner, dialogs)
    qtbot.addWidget(dialog)
    return service, dialog


def test_manager_changes_hours_slot_efficiency_and_rate(qtbot, db, manager, runner, dialogs):
    service, dialog = make(qtbot, db, manager, runner, dialogs)
    assert dialog.ui.efficiencySpin.value() == 85
    assert "workshop hours a week" in dialog.ui.capacityLabel.text()
    sunday_open, _start, _end = dialog.day_rows[6]
    sunday_open.setChecked(False)
    _box, _start, saturday_end = dialog.day_rows[5]
    saturday_end.setTime(QTime(12, 0))
    dialog.ui.slotCombo.setCurrentIndex(dialog.ui.slotCombo.findData(30))
    dialog.ui.efficiencySpin.setValue(90)
    dialog.ui.waiterSpin.setValue(3)
    dialog.ui.rateEdit.setText("¥320.5")
    dialog.save()
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted
    rules = service.rules()
    assert rules.opening[6] is None
    assert rules.opening[5] == (dt.time(8, 30), dt.time(12, 0))
    assert (rules.slot_minutes, rules.efficiency, rules.waiter_cap_per_slot) == (
        30,
        Decimal("0.9"),
        3,
    )
    assert rules.labour_rate == Decimal("320.50")
    sunday = dt.date(2026, 11, 29)
    assert service.day(sunday).load.capacity == 0


def test_bad_values_are_refused_and_kept(qtbot, db, manager, runner, dialogs):
    service, dialog = make(qtbot, db, manager, runner, dialogs)
    dialog.ui.rateEdit.setText("三百{x}")
    dialog.save()
    assert "三百{x}" in dialog.ui.errorLabel.text()
    assert dialog.ui.rateEdit.styleSheet()
    dialog.ui.rateEdit.setText("300")
    _box, start, end = dialog.day_rows[0]
    end.setTime(QTime(8, 0))  # closes before it opens
    dialog.save()
    assert dialog.ui.errorLabel.text()
    assert end.styleSheet()
    assert service.rules().opening[0] == (dt.time(8, 30), dt.time(17, 30))


def test_advisor_may_look_but_not_save(qtbot, db, advisor, runner, dialogs):
    from PySide6.QtWidgets import QDialogButtonBox

    _service, dialog = make(qtbot, db, advisor, runner, dialogs)
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dialog.ui.errorLabel.text()


def test_technician_off_lowers_that_days_capacity(qtbot, db, manager, runner, dialogs):
    from PySide6.QtCore import QDate

    service, dialog = make(qtbot, db, manager, runner, dialogs)
    day = dt.date.today() + dt.timedelta(days=2)
    before = service.day(day).load.capacity
    dialog.ui.technicianCombo.setCurrentIndex(0)
    dialog.ui.absenceDate.setDate(QDate(day.year, day.month, day.day))
    dialog.ui.absenceReason.setText("年假")
    dialog.add_absence()
    assert dialog.ui.absenceTable.rowCount() == 1
    assert dialog.ui.absenceTable.item(0, 2).text() == "年假"
    technicians = len(service.resources()[ResourceKind.TECHNICIAN])
    expected = day_capacity(service.rules(), day, technicians - 1)
    assert service.day(day).load.capacity == expected < before
    dialog.ui.absenceTable.selectRow(0)
    dialog.remove_absence()
    assert dialog.ui.absenceTable.rowCount() == 0
    assert service.day(day).load.capacity == before
