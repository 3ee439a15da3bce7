"""Check-in at the reception bay: mileage, fuel, lights, damage marked on the car diagram;
a wrong mileage is refused next to its field with nothing lost; the sheet prints afterwards."""

from __future__ import annotations

import datetime as dt
import sys
import types
from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from desktop_app.domain.appointments import DamageMark, Status
from desktop_app.printing import car_outline
from desktop_app.services.appointments import AppointmentService
from desktop_app.services.errors import PrintFailed
from desktop_app.ui.appointments import car_diagram
from desktop_app.ui.appointments.car_diagram import CarDiagram
from desktop_app.ui.appointments.checkin_dialog import CheckInDialog, parse_money

from .conftest import RecordingDialogs

NOW = dt.datetime(2026, 11, 20, 10, 40)
DOCUMENTS = "desktop_app.services.appointment_documents"


def due_today(service: AppointmentService):
    """Today's appointment that is expected or waiting at reception, with a known mileage."""
    return next(
        a
        for a in service.day(NOW.date()).appointments
        if a.status in (Status.BOOKED, Status.CONFIRMED, Status.ARRIVED) and a.mileage_km
    )


def make(qtbot, db, session, runner, dialogs):
    service = AppointmentService(db, session, now=lambda: NOW)
    a = due_today(service)
    dialog = CheckInDialog(service, runner, dialogs, a.id or "")
    qtbot.addWidget(dialog)
    dialog.show()
    return service, a, dialog


def click_at(qtbot, diagram: CarDiagram, x: float, y: float, button=Qt.MouseButton.LeftButton):
    rect = diagram.drawing_rect()
    pos = QPoint(round(rect.left() + x * rect.width()), round(rect.top() + y * rect.height()))
    qtbot.mouseClick(diagram, button, pos=pos)


def fake_printing(monkeypatch, result) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []

    def print_to_folder(db, session, kind, appointment_id, lang, folder):
        calls.append((kind, appointment_id))
        if isinstance(result, Exception):
            raise result
        return result

    module = types.ModuleType(DOCUMENTS)
    module.print_to_folder = print_to_folder  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, DOCUMENTS, module)
    return calls


def test_check_in_records_everything_and_opens_the_repair_order(
    qtbot, db, advisor, runner, monkeypatch, tmp_path
):
    dialogs = RecordingDialogs(answer=True)  # yes, print the sheet
    calls = fake_printing(monkeypatch, tmp_path / "checkin.pdf")
    service, a, dialog = make(qtbot, db, advisor, runner, dialogs)
    u = dialog.ui
    assert u.mileageSpin.value() == a.mileage_km
    assert a.work[0].name in u.agreedEdit.toPlainText()
    u.mileageSpin.setValue((a.mileage_km or 0) + 1234)
    u.fuelSlider.setValue(6)
    assert u.fuelValueLabel.text() == "6/8"
    dialog.light_checks["engine"].setChecked(True)
    dialog.light_checks["tyre"].setChecked(True)
    u.valuablesEdit.setText("行车记录仪")
    u.walkaroundCheck.setChecked(True)
    diagram = u.diagram
    click_at(qtbot, diagram, 0.30, 0.20)  # a scratch on the left front wing
    qtbot.mouseClick(diagram._kind_buttons["dent"], Qt.MouseButton.LeftButton)
    click_at(qtbot, diagram, 0.70, 0.60)  # a dent on the right rear door
    click_at(qtbot, diagram, 0.50, 0.85)
    click_at(qtbot, diagram, 0.50, 0.85, Qt.MouseButton.RightButton)  # removed again
    marks = diagram.marks()
    assert [m.kind for m in marks] == ["scratch", "dent"]
    assert abs(marks[0].x - 0.30) < 0.01 and abs(marks[0].y - 0.20) < 0.01
    assert "2" in u.damageSummaryLabel.text()
    u.concernsEdit.setPlainText("空调制冷效果差")
    u.estimateEdit.setText("1,280.5")

    with qtbot.waitSignal(dialog.sig_checked_in) as checked:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert checked.args == [a.id]
    file = service.open(a.id or "")
    assert file.appointment.status == Status.CHECKED_IN
    assert file.repair_order is not None and file.repair_order.lines
    c = file.checkin
    assert c is not None
    assert (c.mileage_km, c.fuel_eighths) == ((a.mileage_km or 0) + 1234, 6)
    assert c.warning_lights == ["engine", "tyre"]
    assert c.valuables == "行车记录仪" and c.walkaround_deferred and c.covers_on
    assert [(m.kind, round(m.x, 2), round(m.y, 2)) for m in c.damage] == [
        ("scratch", 0.3, 0.2),
        ("dent", 0.7, 0.6),
    ]
    assert str(c.estimate) == "1280.50"
    assert c.concerns == "空调制冷效果差"
    assert calls == [("checkin", a.id)]
    assert dialogs.opened == [tmp_path / "checkin.pdf"]
    assert not dialog.isVisible()


def test_lower_mileage_is_refused_next_to_the_field_and_nothing_is_lost(
    qtbot, db, advisor, runner, dialogs
):
    service, a, dialog = make(qtbot, db, advisor, runner, dialogs)
    u = dialog.ui
    u.mileageSpin.setValue((a.mileage_km or 0) - 500)
    u.fuelSlider.setValue(3)
    u.valuablesEdit.setText("儿童座椅")
    click_at(qtbot, u.diagram, 0.4, 0.3)
    dialog.save()
    assert "less than" in u.mileageErrorLabel.text()
    assert u.mileageSpin.styleSheet()
    assert dialog.isVisible()
    assert (u.fuelSlider.value(), u.valuablesEdit.text()) == (3, "儿童座椅")
    assert len(u.diagram.marks()) == 1
    assert service.open(a.id or "").appointment.status == a.status
    assert service.open(a.id or "").repair_order is None

    u.mileageSpin.setValue((a.mileage_km or 0) + 10)  # read again: accepted
    with qtbot.waitSignal(dialog.sig_checked_in):
        dialog.save()
    assert u.mileageErrorLabel.text() == ""
    assert service.open(a.id or "").appointment.status == Status.CHECKED_IN


def test_enter_after_the_mileage_moves_on_instead_of_checking_in(
    qtbot, db, advisor, runner, dialogs
):
    service, a, dialog = make(qtbot, db, advisor, runner, dialogs)
    dialog.ui.mileageSpin.setFocus()
    qtbot.keyClick(dialog.ui.mileageSpin, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert service.open(a.id or "").appointment.status == a.status


def test_a_failed_print_keeps_the_check_in_and_says_how_to_retry(
    qtbot, db, advisor, runner, monkeypatch
):
    dialogs = RecordingDialogs(answer=True)
    fake_printing(monkeypatch, PrintFailed("/prints", "disk full"))
    service, a, dialog = make(qtbot, db, advisor, runner, dialogs)
    with qtbot.waitSignal(dialog.sig_checked_in):
        dialog.save()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error"
    assert "disk full" in text and "Print check-in sheet" in text
    assert service.open(a.id or "").appointment.status == Status.CHECKED_IN


def test_an_unreadable_estimate_is_marked_before_saving(qtbot, db, advisor, runner, dialogs):
    service, a, dialog = make(qtbot, db, advisor, runner, dialogs)
    dialog.ui.estimateEdit.setText("")  # empty is ¥0.00 …
    assert dialog.collect() is not None
    dialog.ui.estimateEdit.setText("12..5")  # … but this is not an amount
    dialog.save()
    assert dialog.ui.estimateErrorLabel.text()
    assert service.open(a.id or "").appointment.status == a.status


def test_an_appointment_already_checked_in_is_shown_read_only(qtbot, db, advisor, runner, dialogs):
    service = AppointmentService(db, advisor, now=lambda: NOW)
    a = next(x for x in service.day(NOW.date()).appointments if x.status == Status.IN_SERVICE)
    dialog = CheckInDialog(service, runner, dialogs, a.id or "")
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    assert not dialog.ui.carGroup.isEnabled()
    assert "already" in dialog.ui.errorLabel.text()


def test_car_diagram_marks_clicks_and_ignores_clicks_off_the_drawing(qtbot):
    diagram = CarDiagram()
    qtbot.addWidget(diagram)
    diagram.resize(320, 520)
    diagram.show()
    changes: list[int] = []
    diagram.sig_changed.connect(lambda: changes.append(1))
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=QPoint(1, 518))  # off the drawing
    assert diagram.marks() == []
    diagram.set_kind("crack")
    click_at(qtbot, diagram, 0.5, 0.5)
    assert diagram.marks()[0].kind == "crack"
    diagram.set_marks([DamageMark(0.2, 0.2, "chip"), DamageMark(1.5, 0.2, "chip")])
    assert diagram.marks() == [DamageMark(0.2, 0.2, "chip")]  # off the car: dropped
    diagram.set_read_only(True)
    click_at(qtbot, diagram, 0.6, 0.6)
    assert len(diagram.marks()) == 1
    assert len(changes) == 2
    pixmap = diagram.grab()
    assert not pixmap.isNull()


def test_screen_and_printed_diagram_share_the_same_frame():
    assert car_diagram.ASPECT == car_outline.ASPECT
    assert car_diagram.BODY == car_outline.BODY


def test_money_is_read_as_decimal():
    assert str(parse_money("¥1,234.5")) == "1234.50"
    assert str(parse_money("")) == "0.00"
    assert parse_money("abc") is None and parse_money("-5") is None


def test_print_is_offered_in_the_prints_folder(monkeypatch, tmp_path):
    from desktop_app.ui.appointments import checkin_dialog

    monkeypatch.setenv("DEALERDESK_HOME", str(tmp_path))
    assert checkin_dialog.print_folder() == Path(tmp_path) / "prints"


def test_check_in_sheet_prints_for_real_into_the_prints_folder(
    qtbot, db, advisor, runner, monkeypatch, tmp_path
):
    monkeypatch.setenv("DEALERDESK_HOME", str(tmp_path))
    dialogs = RecordingDialogs(answer=True)
    _service, _a, dialog = make(qtbot, db, advisor, runner, dialogs)
    click_at(qtbot, dialog.ui.diagram, 0.3, 0.3)
    with qtbot.waitSignal(dialog.sig_checked_in):
        dialog.save()
    assert not [d for d in dialogs.shown if d[0] == "error"], dialogs.shown
    assert len(dialogs.opened) == 1 and dialogs.opened[0].parent == tmp_path / "prints"
    assert dialogs.opened[0].read_bytes().startswith(b"%PDF")
