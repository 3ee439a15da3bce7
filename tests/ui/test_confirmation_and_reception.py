"""Tomorrow's confirmation calls under the three-attempts rule, and the waiting-area board that
shows today's cars without any personal data."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop_app.domain.appointments import CallAdvice, CallOutcome, Status
from desktop_app.domain.identifiers import mask_plate
from desktop_app.services.appointments import AppointmentService
from desktop_app.ui.appointments.confirmation import ConfirmationDialog
from desktop_app.ui.appointments.reception import REFRESH_MS, ReceptionDisplay

from .conftest import RecordingDialogs

NOW = dt.datetime(2026, 11, 20, 10, 40)
TOMORROW = NOW.date() + dt.timedelta(days=1)


def confirmation(qtbot, db, session, runner, dialogs):
    service = AppointmentService(db, session, now=lambda: NOW)
    dialog = ConfirmationDialog(service, runner, dialogs, TOMORROW)
    qtbot.addWidget(dialog)
    dialog.show()
    return service, dialog


def select(dialog: ConfirmationDialog, appointment_id: str) -> None:
    for row, r in enumerate(dialog.rows.rows()):
        if r.appointment.id == appointment_id:
            dialog.ui.rowsView.selectRow(row)
            return
    raise AssertionError("not on the list")


def test_confirmation_list_records_a_no_answer_then_a_confirmed_call(
    qtbot, db, advisor, runner, dialogs
):
    service, dialog = confirmation(qtbot, db, advisor, runner, dialogs)
    rows = dialog.rows.rows()
    assert rows and all(r.appointment.start.date() == TOMORROW for r in rows)
    target = next(r for r in rows if r.advice == CallAdvice.CALL and not r.calls)
    aid = target.appointment.id or ""
    select(dialog, aid)
    assert target.appointment.phone in dialog.ui.detailLabel.text()
    assert dialog.rows.data(dialog.rows.index(rows.index(target), 7)) == "Call now"

    dialog.ui.noteEdit.setText("无人接听")
    with qtbot.waitSignal(dialog.sig_changed):
        qtbot.mouseClick(dialog.ui.noAnswerButton, Qt.MouseButton.LeftButton)
    row = dialog.selected()
    assert row is not None and row.appointment.id == aid  # the same booking stays selected
    assert len(row.calls) == 1 and row.calls[0].note == "无人接听"
    assert row.advice == CallAdvice.LATER  # already tried this morning
    index = dialog.rows.rows().index(row)
    assert dialog.rows.data(dialog.rows.index(index, 6)).startswith("1 · ")
    assert "another time of day" in dialog.rows.data(dialog.rows.index(index, 7))
    assert "another part of the day" in dialog.ui.hintLabel.text()

    with qtbot.waitSignal(dialog.sig_changed):
        qtbot.mouseClick(dialog.ui.confirmedButton, Qt.MouseButton.LeftButton)
    file = service.open(aid)
    assert file.appointment.status == Status.CONFIRMED
    assert [c.outcome for c in file.calls] == [CallOutcome.NO_ANSWER, CallOutcome.CONFIRMED]
    row = dialog.selected()
    assert row is not None and row.advice == CallAdvice.DONE
    assert "confirmed" in dialog.ui.summaryLabel.text()


def test_cancelling_on_the_phone_asks_first(qtbot, db, advisor, runner):
    dialogs = RecordingDialogs(answer=False)
    service, dialog = confirmation(qtbot, db, advisor, runner, dialogs)
    aid = dialog.rows.rows()[0].appointment.id or ""
    select(dialog, aid)
    dialog.record(CallOutcome.CANCEL)
    assert dialogs.shown[-1][0] == "ask"
    before = service.open(aid)
    assert before.appointment.status != Status.CANCELLED
    assert all(c.outcome != CallOutcome.CANCEL for c in before.calls)  # declined: nothing done
    dialogs.answer = True
    dialog.record(CallOutcome.CANCEL)
    assert service.open(aid).appointment.status == Status.CANCELLED


def test_confirmation_model_passes_the_qt_model_tester(
    qtbot, qtmodeltester, db, advisor, runner, dialogs
):
    _service, dialog = confirmation(qtbot, db, advisor, runner, dialogs)
    qtmodeltester.check(dialog.rows)


def all_text(widget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_reception_display_shows_masked_plates_only(qtbot, db, manager, runner):
    service = AppointmentService(db, manager, now=lambda: NOW)
    display = ReceptionDisplay(service, runner)
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    today = service.day(NOW.date()).appointments
    shown = [a for a in today if a.status not in (Status.HANDED_OVER, Status.CANCELLED)]
    assert shown and len(display.rows) >= 1
    texts = []
    for _page in range(display.page_count()):
        texts.append(all_text(display))
        display.next_page()
    text = "\n".join(texts)
    for a in today:
        assert a.customer_name not in text
        assert a.phone not in text
        if a.plate:
            assert a.plate not in text  # never the whole plate
    plates = {r.plate for r in display.rows}
    assert {mask_plate(a.plate) for a in shown if a.plate and a.status != Status.NO_SHOW} <= plates
    assert plates <= set(text.split("\n"))
    first = display.rows[0]
    assert first.status == Status.READY or all(r.status != Status.READY for r in display.rows)


def test_reception_display_refreshes_on_its_timer(qtbot, db, manager, runner):
    service = AppointmentService(db, manager, now=lambda: NOW)
    display = ReceptionDisplay(service, runner)
    qtbot.addWidget(display)
    display.resize(1280, 800)
    display.show()
    assert display.refresh_timer.isActive() and display.refresh_timer.interval() == REFRESH_MS
    a = next(x for x in service.day(NOW.date()).appointments if x.status == Status.IN_SERVICE)
    plate = mask_plate(a.plate)
    assert any(r.plate == plate and r.status == Status.IN_SERVICE for r in display.rows)
    service.set_status(a.id or "", Status.QUALITY_CHECK)
    service.set_status(a.id or "", Status.READY)
    display.refresh_timer.timeout.emit()  # what the timer does every 30 s
    mine = next(r for r in display.rows if r.plate == plate and r.status == Status.READY)
    assert display.rows[0].status == Status.READY  # ready for pick-up first
    assert plate in all_text(display)
    display.refresh()
    assert mine in display.rows


def test_reception_display_closes_on_escape_when_full_screen(qtbot, db, manager, runner):
    service = AppointmentService(db, manager, now=lambda: NOW)
    display = ReceptionDisplay(service, runner)
    qtbot.addWidget(display)
    display.showFullScreen()
    qtbot.waitUntil(display.isFullScreen)
    qtbot.keyClick(display, Qt.Key.Key_Escape)
    assert not display.isVisible()
    assert not display.refresh_timer.isActive()
