"""Booking on the phone through the dialog: find the customer, tick the work, pick a time,
see the rules' answer at once, take a free slot, and (only as a manager) override with a reason."""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app.domain.appointments import ResourceKind, Status
from desktop_app.services.appointments import AppointmentService
from desktop_app.services.customers import CustomerService
from desktop_app.storage.db import Database
from desktop_app.ui.appointments.booking_dialog import BookingDialog
from desktop_app.ui.customers.customer_dialog import CustomerDialog

from .conftest import RecordingDialogs

NOW = dt.datetime(2026, 11, 20, 10, 40)
FREE_DAY = dt.date(2026, 11, 26)  # the demo week ends on the 24th: the 26th is empty


def make(qtbot, db, session, runner, dialogs, **kwargs) -> tuple[AppointmentService, BookingDialog]:
    service = AppointmentService(db, session, now=lambda: NOW)
    dialog = BookingDialog(service, CustomerService(db, session), runner, dialogs, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return service, dialog


def free_owner(db: Database) -> tuple[str, str, str, str]:
    """A customer with a plated vehicle that has no appointment in the demo week."""
    row = db.raw.execute(
        "SELECT c.id, c.mobile, v.id, v.plate FROM customer c JOIN vehicle v "
        "ON v.customer_id = c.id WHERE v.plate != '' AND c.deleted_at IS NULL "
        "AND v.id NOT IN (SELECT vehicle_id FROM appointment WHERE vehicle_id IS NOT NULL) "
        "AND (SELECT count(*) FROM customer c2 WHERE c2.mobile = c.mobile) = 1 "
        "ORDER BY c.mobile LIMIT 1"
    ).fetchone()
    return row[0], row[1], row[2], row[3]


def settle(qtbot, dialog: BookingDialog) -> None:
    """Let the debounced search and rule check run."""
    qtbot.waitUntil(
        lambda: not dialog._check_timer.isActive() and not dialog._search_timer.isActive(),
        timeout=3000,
    )


def pick_customer(qtbot, dialog: BookingDialog, db: Database) -> tuple[str, str]:
    customer_id, mobile, vehicle_id, _plate = free_owner(db)
    dialog.ui.searchEdit.setFocus()
    qtbot.keyClicks(dialog.ui.searchEdit, mobile)  # digits: typed as a person would
    settle(qtbot, dialog)
    assert dialog.ui.resultsList.count() >= 1
    for row in range(dialog.ui.resultsList.count()):
        if dialog.ui.resultsList.item(row).data(Qt.ItemDataRole.UserRole) == customer_id:
            dialog.ui.resultsList.setCurrentRow(row)
    assert dialog.customer_id == customer_id
    combo = dialog.ui.vehicleCombo
    combo.setCurrentIndex(combo.findData(vehicle_id))
    assert combo.currentData() == vehicle_id
    return customer_id, vehicle_id


def tick(dialog: BookingDialog, *codes: str) -> None:
    for item in dialog._work_items():
        if item.text(1) in codes:
            item.setCheckState(0, Qt.CheckState.Checked)


def set_time(dialog: BookingDialog, when: dt.datetime) -> None:
    dialog.ui.dateEdit.setDate(QDate(when.year, when.month, when.day))
    combo = dialog.ui.timeCombo
    combo.setCurrentIndex(combo.findData(when.hour * 60 + when.minute))


def set_bay(dialog: BookingDialog, bay_id: str | None) -> None:
    combo = dialog.ui.bayCombo
    combo.setCurrentIndex(combo.findData(bay_id))


def occupied(service: AppointmentService, day: dt.date):
    """An appointment with a bay on ``day`` (for an overlap)."""
    return next(a for a in service.day(day).appointments if a.bay_id and a.status == Status.BOOKED)


def count(db: Database) -> int:
    return db.raw.execute("SELECT count(*) FROM appointment").fetchone()[0]


def test_booking_a_new_appointment_end_to_end(qtbot, db, advisor, runner, dialogs):
    service, dialog = make(qtbot, db, advisor, runner, dialogs)
    customer_id, vehicle_id = pick_customer(qtbot, dialog, db)
    tick(dialog, "MS10", "WB01")
    assert "1.75" in dialog.ui.totalsLabel.text()
    assert "¥490.00" in dialog.ui.totalsLabel.text()  # 1.75 h × ¥280
    bay = service.resources()[ResourceKind.BAY][0]
    set_bay(dialog, bay.id)
    set_time(dialog, dt.datetime.combine(FREE_DAY, dt.time(9, 0)))
    dialog.ui.faultEdit.setPlainText("冷启动时有异响")
    dialog.ui.partsEdit.setPlainText("06L115562B 机油滤清器")
    dialog.ui.phoneRecordEdit.setPlainText("客户来电预约")
    settle(qtbot, dialog)
    assert dialog.findings == []
    assert "is free" in dialog.ui.findingsLabel.text()
    assert dialog.ui.capacityBar.value() == 0  # nothing booked on that day yet

    with qtbot.waitSignal(dialog.sig_saved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    a = service.open(saved.args[0]).appointment
    assert re.fullmatch(r"2026-11-26-\d{3}", a.serial)
    assert a.start == dt.datetime(2026, 11, 26, 9, 0)
    assert a.end == dt.datetime(2026, 11, 26, 10, 45)
    assert (a.customer_id, a.vehicle_id, a.bay_id) == (customer_id, vehicle_id, bay.id)
    assert [w.code for w in a.work] == ["MS10", "WB01"]
    assert a.estimate == Decimal("490.00")
    assert a.fault == "冷启动时有异响" and a.parts == "06L115562B 机油滤清器"
    assert a.advisor_id == advisor.staff.id
    assert a.status == Status.BOOKED and a.override_reason == ""


@pytest.mark.parametrize(
    ("when", "codes", "words"),
    [
        (dt.datetime(2026, 11, 20, 8, 30), ("FS01",), "has already passed"),
        (dt.datetime(2026, 11, 21, 17, 0), ("MS20",), "outside opening hours"),
    ],
    ids=["past", "after-closing"],
)
def test_bad_time_shows_the_finding_and_next_free_slots(
    qtbot, db, advisor, runner, dialogs, when, codes, words
):
    _service, dialog = make(qtbot, db, advisor, runner, dialogs)
    pick_customer(qtbot, dialog, db)
    tick(dialog, *codes)
    set_time(dialog, when)
    settle(qtbot, dialog)
    assert words in dialog.ui.findingsLabel.text()
    assert dialog.offers and dialog.ui.slotsList.count() == len(dialog.offers)
    assert all(o.start >= NOW for o in dialog.offers)
    assert not dialog.ui.overrideEdit.isEnabled()


def test_occupied_bay_offers_slots_and_taking_one_books_it(qtbot, db, advisor, runner, dialogs):
    service, dialog = make(qtbot, db, advisor, runner, dialogs)
    pick_customer(qtbot, dialog, db)
    tick(dialog, "FS01")
    other = occupied(service, dt.date(2026, 11, 21))
    set_bay(dialog, other.bay_id)
    set_time(dialog, other.start)
    settle(qtbot, dialog)
    assert "bay is already taken" in dialog.ui.findingsLabel.text()
    assert other.plate in dialog.ui.findingsLabel.text()
    before = count(db)

    dialog.save()  # refused: everything typed stays
    assert dialog.isVisible() and count(db) == before
    assert "Not booked" in dialog.ui.errorLabel.text()
    assert dialog.checked_work()[0].code == "FS01"
    assert dialog.ui.vehicleCombo.currentData() is not None

    item = dialog.ui.slotsList.item(0)
    offer = dialog.offers[0]
    centre = dialog.ui.slotsList.visualItemRect(item).center()
    viewport = dialog.ui.slotsList.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)  # a double-click
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: dialog.current_start() == offer.start, timeout=2000)
    settle(qtbot, dialog)
    assert dialog.ui.bayCombo.currentData() == offer.bay_id
    assert dialog.findings == []
    with qtbot.waitSignal(dialog.sig_saved) as saved:
        dialog.save()
    a = service.open(saved.args[0]).appointment
    assert (a.start, a.bay_id) == (offer.start, offer.bay_id)


def test_advisor_cannot_override_a_taken_bay(qtbot, db, advisor, runner, dialogs):
    service, dialog = make(qtbot, db, advisor, runner, dialogs)
    pick_customer(qtbot, dialog, db)
    tick(dialog, "FS01")
    other = occupied(service, dt.date(2026, 11, 21))
    set_bay(dialog, other.bay_id)
    set_time(dialog, other.start)
    settle(qtbot, dialog)
    assert dialog.findings and all(f.overridable for f in dialog.findings)
    assert not dialog.ui.overrideEdit.isEnabled()
    assert "ask a manager" in dialog.ui.findingsLabel.text()
    before = count(db)
    dialog.save()
    assert "ask a manager" in dialog.ui.errorLabel.text()
    assert count(db) == before


def test_manager_overrides_a_taken_bay_with_a_recorded_reason(qtbot, db, manager, runner, dialogs):
    service, dialog = make(qtbot, db, manager, runner, dialogs)
    pick_customer(qtbot, dialog, db)
    tick(dialog, "FS01")
    other = occupied(service, dt.date(2026, 11, 21))
    set_bay(dialog, other.bay_id)
    set_time(dialog, other.start)
    settle(qtbot, dialog)
    assert dialog.ui.overrideEdit.isEnabled()
    before = count(db)
    dialog.save()  # no reason yet
    assert dialog.isVisible() and count(db) == before
    assert "override" in dialog.ui.errorLabel.text()
    assert dialog.ui.overrideEdit.styleSheet()  # the field to fill is marked

    dialog.ui.overrideEdit.setText("老客户加急，技师加班处理")
    with qtbot.waitSignal(dialog.sig_saved) as saved:
        dialog.save()
    a = service.open(saved.args[0]).appointment
    assert a.override_reason == "老客户加急，技师加班处理"
    assert (a.start, a.bay_id) == (other.start, other.bay_id)
    events = service.open(saved.args[0]).events
    assert [e.detail for e in events if e.kind == "override"] == ["老客户加急，技师加班处理"]


def test_enter_in_the_search_field_searches_and_never_books(qtbot, db, advisor, runner, dialogs):
    _service, dialog = make(qtbot, db, advisor, runner, dialogs)
    _customer_id, mobile, _vehicle_id, _plate = free_owner(db)
    tick(dialog, "FS01")
    dialog.ui.searchEdit.setText(mobile)
    before = count(db)
    qtbot.keyClick(dialog.ui.searchEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and count(db) == before
    assert dialog.ui.errorLabel.text() == ""  # no save was even tried
    assert dialog.ui.resultsList.count() >= 1


def test_saving_without_a_customer_says_what_is_missing(qtbot, db, advisor, runner, dialogs):
    _service, dialog = make(qtbot, db, advisor, runner, dialogs)
    tick(dialog, "FS01")
    before = count(db)
    dialog.save()
    assert "customer" in dialog.ui.errorLabel.text()
    assert dialog.ui.searchEdit.styleSheet()
    assert count(db) == before


def test_new_customer_from_the_booking_dialog(qtbot, db, advisor, runner, dialogs):
    service, dialog = make(qtbot, db, advisor, runner, dialogs)
    dialog.ui.searchEdit.setText("13912345678")
    dialog.run_search()
    assert dialog.ui.resultsList.count() == 0
    assert "13912345678" in dialog.ui.resultsInfo.text()
    qtbot.mouseClick(dialog.ui.newCustomerButton, Qt.MouseButton.LeftButton)
    customer_dialog = dialog.open_dialog
    assert isinstance(customer_dialog, CustomerDialog)
    assert customer_dialog.ui.mobileEdit.text() == "13912345678"
    customer_dialog.ui.nameEdit.setText("欧阳明")
    customer_dialog.save()
    assert dialog.customer is not None and dialog.customer.customer.name == "欧阳明"
    assert dialog.ui.vehicleCombo.currentData() is None  # no vehicle on file yet
    assert dialog.ui.newVehicleButton.isEnabled()
    tick(dialog, "DG01")
    set_time(dialog, dt.datetime.combine(FREE_DAY, dt.time(14, 0)))
    settle(qtbot, dialog)
    with qtbot.waitSignal(dialog.sig_saved) as saved:
        dialog.save()
    a = service.open(saved.args[0]).appointment
    assert a.customer_name == "欧阳明" and a.phone == "13912345678"


def test_walk_in_is_booked_in_the_current_slot(qtbot, db, advisor, runner, dialogs):
    service, dialog = make(qtbot, db, advisor, runner, dialogs, walk_in=True)
    assert not dialog.ui.timeCombo.isEnabled()
    pick_customer(qtbot, dialog, db)
    tick(dialog, "WB01")
    settle(qtbot, dialog)
    assert dialog.findings == []
    with qtbot.waitSignal(dialog.sig_saved) as saved:
        dialog.save()
    a = service.open(saved.args[0]).appointment
    assert a.start == dt.datetime(2026, 11, 20, 10, 30)  # the slot the customer walked in


def test_existing_appointment_shows_register_history_and_saves_changes(
    qtbot, db, advisor, runner, dialogs
):
    service = AppointmentService(db, advisor, now=lambda: NOW)
    a = occupied(service, dt.date(2026, 11, 22))
    _service, dialog = make(qtbot, db, advisor, runner, dialogs, appointment_id=a.id)
    assert a.serial in dialog.ui.registerLabel.text()
    assert dialog.ui.statusLabel.text() == "Booked"
    assert dialog.history.rowCount() >= 1
    assert dialog.customer is not None and dialog.ui.vehicleCombo.currentData() == a.vehicle_id
    assert {w.code for w in dialog.checked_work()} == {w.code for w in a.work}
    assert dialog.current_start() == a.start
    assert dialog.ui.checkInButton.isEnabled()
    assert not dialog.ui.printCheckinButton.isEnabled()
    settle(qtbot, dialog)
    assert dialog.findings == []  # its own place does not count against it
    dialog.ui.remarksEdit.setPlainText("客户需要代步车")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save()
    changed = service.open(a.id).appointment
    assert changed.remarks == "客户需要代步车"
    assert (changed.start, changed.serial) == (a.start, a.serial)


def test_print_register_writes_the_pdf_and_opens_it(
    qtbot, db, advisor, runner, dialogs: RecordingDialogs, monkeypatch, tmp_path
):
    calls = []

    def print_to_folder(db_, session, kind, appointment_id, lang, folder):
        calls.append((kind, appointment_id, lang))
        return Path(tmp_path) / f"{kind}.pdf"

    fake = types.ModuleType("desktop_app.services.appointment_documents")
    fake.print_to_folder = print_to_folder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop_app.services.appointment_documents", fake)
    service = AppointmentService(db, advisor, now=lambda: NOW)
    a = occupied(service, dt.date(2026, 11, 22))
    _service, dialog = make(qtbot, db, advisor, runner, dialogs, appointment_id=a.id)
    qtbot.mouseClick(dialog.ui.printRegisterButton, Qt.MouseButton.LeftButton)
    assert calls == [("register", a.id, "en")]
    assert dialogs.opened == [tmp_path / "register.pdf"]


def test_history_model_passes_the_qt_model_tester(qtbot, qtmodeltester, db, advisor, runner):
    service = AppointmentService(db, advisor, now=lambda: NOW)
    a = occupied(service, dt.date(2026, 11, 22))
    _service, dialog = make(qtbot, db, advisor, runner, RecordingDialogs(), appointment_id=a.id)
    qtmodeltester.check(dialog.history)
    qtmodeltester.check(dialog.calls)


def test_vehicle_already_booked_that_day_links_to_that_appointment(
    qtbot, db, advisor, runner, dialogs
):
    service, dialog = make(qtbot, db, advisor, runner, dialogs)
    other = occupied(service, dt.date(2026, 11, 21))
    assert other.customer_id and other.vehicle_id
    dialog.choose_customer(other.customer_id, other.vehicle_id)
    assert dialog.ui.vehicleCombo.currentData() == other.vehicle_id
    tick(dialog, "WB01")
    set_time(dialog, dt.datetime(2026, 11, 21, 16, 0))
    settle(qtbot, dialog)
    assert "already booked" in dialog.ui.findingsLabel.text()
    assert f"appointment:{other.id}" in dialog.ui.findingsLabel.text()
    assert not dialog.ui.overrideEdit.isEnabled()  # not something to override
    dialog.ui.findingsLabel.linkActivated.emit(f"appointment:{other.id}")
    opened = dialog.open_dialog
    assert isinstance(opened, BookingDialog) and opened.appointment_id == other.id
    assert other.serial in opened.ui.registerLabel.text()


def test_print_register_for_real_writes_a_pdf_in_the_prints_folder(
    qtbot, db, advisor, runner, dialogs: RecordingDialogs, monkeypatch, tmp_path
):
    monkeypatch.setenv("DEALERDESK_HOME", str(tmp_path))
    service = AppointmentService(db, advisor, now=lambda: NOW)
    a = occupied(service, dt.date(2026, 11, 22))
    _service, dialog = make(qtbot, db, advisor, runner, dialogs, appointment_id=a.id)
    dialog.print_document("register")
    assert not [d for d in dialogs.shown if d[0] == "error"], dialogs.shown
    assert len(dialogs.opened) == 1
    path = dialogs.opened[0]
    assert path.parent == tmp_path / "prints" and path.suffix == ".pdf"
    assert path.read_bytes().startswith(b"%PDF")
