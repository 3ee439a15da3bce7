"""The Deliveries area: calendar, delivery record (PDI, documents, explanation), Mark delivered
with its exact refusal, Reopen for managers, and the main window's page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.deliveries import DeliveryStatus, Handover, ItemResult
from desktop_app.services.customers import CustomerService
from desktop_app.services.deliveries import DeliveryService
from desktop_app.storage.db import Database
from desktop_app.ui.deliveries.models import CalendarModel, PdiModel
from desktop_app.ui.deliveries.view import DeliveriesView
from tests.conftest import DEMO_TODAY, session_as

NOON = dt.datetime.combine(DEMO_TODAY, dt.time(10, 0))


# DeliveryService.add_photo reads the file head without closing it (fix requested from the
# services owner: ``with source.open("rb") as f``); until then its ResourceWarning is expected.


class Clock:
    def __init__(self) -> None:
        self.at = NOON

    def __call__(self) -> dt.datetime:
        return self.at

    def advance(self, minutes: int) -> None:
        self.at += dt.timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_view(
    qtbot: QtBot, db: Database, username: str, tmp_path: Path, clock: Clock, runner, dialogs
) -> DeliveriesView:
    session = session_as(db, username)
    service = DeliveryService(db, session, photo_dir=tmp_path / "photos", now=clock)
    view = DeliveriesView(service, CustomerService(db, session), runner, dialogs)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    view.start()
    return view


@pytest.fixture
def view(qtbot, db, tmp_path, clock, runner, dialogs) -> DeliveriesView:
    return make_view(qtbot, db, "delivery1", tmp_path, clock, runner, dialogs)


def find(view: DeliveriesView, status: DeliveryStatus) -> str:
    d = next(
        d for d in view.service.calendar(DEMO_TODAY - dt.timedelta(days=3), 7) if d.status == status
    )
    assert d.id
    view.select(d.id)
    assert view.record.delivery_id == d.id
    return d.id


def focus_item(view: DeliveriesView, code: str) -> None:
    record = view.record
    row = record.pdi.row_of(code)
    record.ui.pdiView.setCurrentIndex(record.pdi.index(row, PdiModel.ITEM))


def stored(view: DeliveriesView, did: str):
    return view.service.open(did).delivery


def test_calendar_and_checklist_models_pass_the_model_tester(qtmodeltester, view):
    assert isinstance(view.calendar, CalendarModel)
    assert view.calendar.rowCount() > 7  # day rows plus the demo deliveries
    qtmodeltester.check(view.calendar)
    find(view, DeliveryStatus.PDI_FAILED)
    view.record.pdi.toggle_mark(view.record.pdi.items()[0].code)
    qtmodeltester.check(view.record.pdi)
    qtmodeltester.check(view.record.history)


def test_the_calendar_opens_today_with_a_record(view):
    record = view.record
    assert record.isVisible()
    assert record.delivery is not None
    assert record.delivery.planned_at.date() == DEMO_TODAY
    assert record.ui.numberLabel.text() == record.delivery.number
    assert record.ui.customerLabel.text() == record.delivery.customer_name


def test_keys_p_f_n_and_space_set_results_in_the_database(qtbot, view):
    did = find(view, DeliveryStatus.PLANNED)
    record = view.record
    first, second, third = record.pdi.items()[:3]
    focus_item(view, first.code)
    record.ui.pdiView.setFocus()
    qtbot.keyClick(record.ui.pdiView, Qt.Key.Key_P)
    # the cursor moved on to the next item, so F and N mark the next two
    qtbot.keyClick(record.ui.pdiView, Qt.Key.Key_F)
    qtbot.keyClick(record.ui.pdiView, Qt.Key.Key_N)
    results = {i.code: i.result for i in stored(view, did).items}
    assert results[first.code] == ItemResult.PASS
    assert results[second.code] == ItemResult.FAIL
    assert results[third.code] == ItemResult.NOT_APPLICABLE
    focus_item(view, second.code)
    qtbot.keyClick(record.ui.pdiView, Qt.Key.Key_Space)  # fail → n/a
    assert {i.code: i.result for i in stored(view, did).items}[second.code] == (
        ItemResult.NOT_APPLICABLE
    )


def test_all_pass_for_a_section_leaves_the_marked_exception_open(qtbot, view):
    did = find(view, DeliveryStatus.PLANNED)
    record = view.record
    section = record.pdi.items()[0].section
    in_section = [i.code for i in record.pdi.items() if i.section == section]
    exception = in_section[1]
    focus_item(view, exception)
    qtbot.keyClick(record.ui.pdiView, Qt.Key.Key_X)  # mark as exception
    assert exception in record.pdi.marked
    record.ui.sectionPassButton.click()
    results = {i.code: i.result for i in stored(view, did).items}
    assert results[exception] == ItemResult.OPEN
    assert all(results[c] == ItemResult.PASS for c in in_section if c != exception)
    other = [i.code for i in record.pdi.items() if i.section != section]
    assert all(results[c] == ItemResult.OPEN for c in other)


def test_a_failed_item_blocks_delivery_and_the_refusal_names_it(view, dialogs):
    did = find(view, DeliveryStatus.READY)
    record = view.record
    item = record.pdi.items()[2]
    focus_item(view, item.code)
    record.ui.failButton.click()
    assert stored(view, did).status == DeliveryStatus.PDI_FAILED
    dialogs.shown.clear()
    record.ui.deliverButton.click()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning"
    assert item.code in text and item.text_zh in text
    assert stored(view, did).status == DeliveryStatus.PDI_FAILED
    assert stored(view, did).delivered_at is None
    assert record.ui.deliverButton.isVisible()


def test_invoice_vin_mismatch_shows_a_cross_and_blocks(view, dialogs):
    did = find(view, DeliveryStatus.READY)
    record = view.record
    car_vin = record.delivery.vin
    record.ui.tabs.setCurrentWidget(record.ui.documentsTab)
    assert record.check_invoice()[0] is True
    assert "✔" in record.ui.vinCheckLabel.text()
    wrong = car_vin[:-1] + ("0" if car_vin[-1] != "0" else "1")
    record.ui.invoiceVinEdit.setText(wrong)
    assert record.ui.vinCheckLabel.property("ok") is False
    assert "✖" in record.ui.vinCheckLabel.text()
    record.save_invoice()
    assert stored(view, did).invoice_vin == wrong
    combo, _note, _spin = record.document_widgets("manual")
    combo.setCurrentIndex(combo.findData(Handover.OPEN.value))
    assert next(d for d in stored(view, did).documents if d.code == "manual").state == (
        Handover.OPEN
    )
    dialogs.shown.clear()
    record.mark_delivered()
    _kind, _title, text = dialogs.shown[-1]
    assert wrong in text and car_vin in text
    assert "使用说明书" in text
    assert stored(view, did).status != DeliveryStatus.DELIVERED


def test_the_explanation_timer_warns_under_thirty_minutes(view, clock):
    find(view, DeliveryStatus.READY)
    record = view.record
    record.ui.tabs.setCurrentWidget(record.ui.explanationTab)
    record.ui.startButton.click()
    assert record.running()
    clock.advance(12)
    record.update_timer()
    assert record.ui.timerLabel.text() == "12:00"
    assert record.ui.timerWarningLabel.property("level") == "warn"
    assert record.ui.timerWarningLabel.text()
    clock.advance(8)
    record.ui.stopButton.click()
    assert not record.running()
    assert record.ui.timerLabel.text() == "20:00"
    assert record.ui.timerWarningLabel.property("level") == "short"
    assert not record.ui.acceptShortButton.isEnabled()  # only a manager accepts it


def test_full_path_to_delivered_then_read_only_and_reopen_only_by_a_manager(
    qtbot, db, tmp_path, clock, runner, dialogs, view
):
    did = find(view, DeliveryStatus.READY)
    record = view.record
    record.ui.startButton.click()
    clock.advance(35)
    record.ui.stopButton.click()
    assert record.ui.timerWarningLabel.property("level") == "ok"
    for box in record._topic_boxes.values():
        box.setChecked(True)
    assert not record.file.blockers
    record.ui.deliverButton.click()
    d = stored(view, did)
    assert d.status == DeliveryStatus.DELIVERED
    # read-only, with follow-ups, and Reopen is there but not for the delivery specialist
    assert not record.pdi.editable
    assert not record.ui.documentsTable.isEnabled()
    assert not record.ui.deliverButton.isVisible()
    assert record.ui.reopenButton.isVisible()
    assert not record.ui.reopenButton.isEnabled()
    assert record.tasks.rowCount() > 0
    record.reopen()
    assert dialogs.shown[-1][0] == "warning"
    assert stored(view, did).status == DeliveryStatus.DELIVERED

    boss = make_view(qtbot, db, "manager", tmp_path, clock, runner, dialogs)
    boss.select(did)
    dialogs.texts.append("客户要求更正发票")
    assert boss.record.ui.reopenButton.isEnabled()
    boss.record.ui.reopenButton.click()
    assert stored(view, did).status == DeliveryStatus.READY
    assert boss.record.pdi.editable
    assert boss.record.ui.deliverButton.isVisible()


def test_a_text_file_as_photo_is_refused_and_nothing_changes(view, dialogs, tmp_path):
    did = find(view, DeliveryStatus.PLANNED)
    record = view.record
    item = record.pdi.items()[0]
    focus_item(view, item.code)
    text_file = tmp_path / "note.txt"
    text_file.write_text("not a photo", encoding="utf-8")
    record.choose_photo = lambda: text_file
    before = stored(view, did)
    record.ui.photoButton.click()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning"
    assert "JPEG" in text
    after = stored(view, did)
    assert after.items == before.items
    assert not (tmp_path / "photos").exists() or not any((tmp_path / "photos").iterdir())


def test_a_png_photo_is_added_and_counted(view, tmp_path):
    did = find(view, DeliveryStatus.PLANNED)
    record = view.record
    code = record.pdi.items()[0].code
    focus_item(view, code)
    png = tmp_path / "scratch.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    record.choose_photo = lambda: png
    record.ui.photoButton.click()
    assert len(next(i for i in stored(view, did).items if i.code == code).photos) == 1
    row = record.pdi.row_of(code)
    assert record.pdi.index(row, PdiModel.PHOTOS).data() == "1"


def test_day_before_call_is_recorded_in_the_history(view):
    did = find(view, DeliveryStatus.PLANNED)
    view.dialogs.texts.append("客户确认明天上午到店，携带身份证")
    view.ui.callButton.click()
    events = view.service.open(did).events
    assert events[-1].kind == "call"
    assert "身份证" in view.record.history.rows()[-1].detail


def test_plan_a_delivery_from_the_customer_search(view, db):
    row = db.raw.execute(
        "SELECT c.name FROM customer c JOIN vehicle v ON v.customer_id = c.id "
        "WHERE c.deleted_at IS NULL LIMIT 1"
    ).fetchone()
    view.ui.newButton.click()
    dialog = view.open_dialog
    dialog.search_edit.setText(row[0])
    dialog.run_search()
    dialog.results.setCurrentRow(0)
    assert dialog.save_button.isEnabled()
    dialog.save()
    assert not dialog.isVisible()
    assert view.record.delivery is not None
    assert view.record.delivery.status == DeliveryStatus.PLANNED
    assert view.record.delivery.customer_name == row[0]
    assert view.record.delivery.planned_at == dt.datetime.combine(
        DEMO_TODAY + dt.timedelta(days=1), dt.time(10, 0)
    )
    assert view.selected_id() == view.record.delivery_id  # shown and selected in the calendar


def test_main_window_opens_the_deliveries_area(qtbot, db, manager, runner, dialogs):
    from desktop_app.app import build_main_window

    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    keys = [a.key for a in window.areas]
    nav = window.ui.navList
    assert nav.item(keys.index("deliveries")).flags() & Qt.ItemFlag.ItemIsEnabled
    window.show_area("deliveries")
    view = window.deliveries_view
    assert window.ui.stack.currentWidget() is view
    assert view.started


def test_print_and_export_write_files_and_say_where(view, dialogs, tmp_path, monkeypatch):
    monkeypatch.setenv("DEALERDESK_HOME", str(tmp_path / "home"))
    find(view, DeliveryStatus.READY)
    view.ui.printButton.click()
    assert dialogs.opened, dialogs.shown
    assert dialogs.opened[-1].suffix == ".pdf" and dialogs.opened[-1].exists()
    day = DEMO_TODAY - dt.timedelta(days=1)
    row = next(i for i, r in enumerate(view.calendar._rows) if r.day == day)
    view.ui.calendarView.setCurrentIndex(view.calendar.index(row, 0))
    view.ui.exportButton.click()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "info"
    csv_path, json_path = view.last_export
    assert str(csv_path) in text and csv_path.exists() and json_path.exists()
