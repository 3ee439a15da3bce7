"""The manager's customer-care settings: every timing of the care rules, checked on save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.care import CareRules
from desktop_app.services.care import CareService
from desktop_app.services.deliveries import DeliveryService
from desktop_app.ui.care_settings import CareSettingsDialog
from tests.conftest import session_as


def make(qtbot, db, session, runner, dialogs):
    service = CareService(db, session, now=lambda: dt.datetime(2026, 11, 20, 10, 0))
    dialog = CareSettingsDialog(service, runner, dialogs)
    qtbot.addWidget(dialog)
    return service, dialog


def test_manager_changes_timings_and_the_rules_follow(qtbot, db, manager, runner, dialogs):
    service, dialog = make(qtbot, db, manager, runner, dialogs)
    assert dialog.callbackEdit.text() == "1, 3, 7, 30, 90"
    assert dialog.spins["insurance_lead_months"].value() == 2
    dialog.callbackEdit.setText("1，3，7，15，30，90")  # typed with Chinese commas
    dialog.spins["insurance_lead_months"].setValue(3)
    dialog.spins["satisfaction_expires_days"].setValue(10)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    rules = service.rules()
    assert rules.callback_days == (1, 3, 7, 15, 30, 90)
    assert rules.insurance_lead_months == 3 and rules.satisfaction_expires_days == 10
    # deliveries made from now on call back on the new days
    delivery = DeliveryService(db, session_as(db, "delivery1"))
    assert delivery._callback_days() == (1, 3, 7, 15, 30, 90)


def test_contradicting_windows_are_refused_naming_the_field(qtbot, db, manager, runner, dialogs):
    service, dialog = make(qtbot, db, manager, runner, dialogs)
    dialog.spins["lost_min_days"].setValue(400)
    dialog.spins["lost_max_days"].setValue(300)
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.spins["lost_max_days"].styleSheet()
    assert dialog.ui.errorLabel.text()
    assert dialog.spins["lost_min_days"].value() == 400  # what was typed stays
    assert service.rules() == CareRules()


def test_callback_days_must_be_ascending_whole_days(qtbot, db, manager, runner, dialogs):
    service, dialog = make(qtbot, db, manager, runner, dialogs)
    for text in ("1, 3, x", "7, 3, 1", ""):
        dialog.callbackEdit.setText(text)
        dialog.save()
        assert dialog.callbackEdit.styleSheet(), text
        assert dialog.callbackEdit.text() == text
    assert service.rules().callback_days == CareRules().callback_days


def test_an_agent_may_look_but_not_save(qtbot, db, runner, dialogs):
    _service, dialog = make(qtbot, db, session_as(db, "care1"), runner, dialogs)
    assert not dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dialog.ui.errorLabel.text()
    assert {"satisfaction_after_days", "complaint_response_minutes"} <= dialog.spins.keys()
