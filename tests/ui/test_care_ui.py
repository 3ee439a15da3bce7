"""The Care area on the demo database: the worklist (model tester, filters, counts), the fast
keyboard flow (Enter → outcome → the next task selected), the call-outcome dialog (reached
with satisfaction, refusals that name the field and keep the input, the three-attempt rule in
place, the message and the failure record, do-not-contact with its reason, booking on the
spot), complaints (new, respond, escalate, resolve with its callbacks, close, the response
clock) and the main window's lazily built page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.care import (
    CareKind,
    ComplaintStatus,
    Grievance,
    Satisfaction,
    TaskStatus,
    Unreached,
)
from desktop_app.services.appointments import AppointmentService
from desktop_app.services.care import CareService, WorkItem
from desktop_app.services.customers import CustomerService
from desktop_app.storage.db import Database
from desktop_app.storage.repositories import StaffRepository
from desktop_app.ui.care.complaints import ComplaintDialog, EscalateDialog, ResolveDialog
from desktop_app.ui.care.models import WorklistModel
from desktop_app.ui.care.outcome_dialog import OutcomeDialog
from desktop_app.ui.care.view import CareView
from desktop_app.ui.widgets import ERROR_STYLE
from tests.conftest import DEMO_TODAY, session_as

MORNING = dt.datetime.combine(DEMO_TODAY, dt.time(9, 30))


class Clock:
    """The time the services see; tests move it to call at other times of day."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock(MORNING)


def make_view(qtbot: QtBot, db: Database, username: str, runner, dialogs, clock) -> CareView:
    session = session_as(db, username)
    service = CareService(db, session, now=clock)
    appointments = AppointmentService(db, session, now=clock)
    view = CareView(
        service,
        CustomerService(db, session),
        lambda: appointments,
        StaffRepository(db).all_active,
        runner,
        dialogs,
    )
    qtbot.addWidget(view)
    view.resize(1500, 850)
    view.show()
    view.start()
    return view


@pytest.fixture
def view(qtbot, db, runner, dialogs, clock) -> CareView:
    return make_view(qtbot, db, "care1", runner, dialogs, clock)


def pick(view: CareView, want: Callable[[WorkItem], bool]) -> WorkItem:
    """Select the first task of the list that ``want`` accepts."""
    for row, item in enumerate(view.model.rows()):
        if want(item):
            view.ui.worklistView.selectRow(row)
            assert view.selected_id() == item.id
            return item
    raise AssertionError("no such task in the demo worklist")


def fresh(item: WorkItem) -> bool:
    """A task nobody has called about yet, with a phone to call."""
    return item.attempts == 0 and bool(item.phone) and item.customer_id is not None


def row_after(view: CareView, task_id: str) -> str:
    ids = [w.id for w in view.model.rows()]
    return ids[ids.index(task_id) + 1]


def enter(qtbot: QtBot, view: CareView) -> OutcomeDialog:
    view.ui.worklistView.setFocus()
    qtbot.keyClick(view.ui.worklistView, Qt.Key.Key_Return)
    dialog = view.open_dialog
    assert isinstance(dialog, OutcomeDialog) and dialog.isVisible()
    assert dialog.ready
    return dialog


def status_of(view: CareView, task_id: str) -> TaskStatus:
    return view.service.task(task_id).status


# -- the worklist ----------------------------------------------------------------------------


def test_the_worklist_models_pass_the_model_tester(qtmodeltester, qtbot, view):
    assert view.generated is not None  # brought up to date when the area opened
    assert view.model.rowCount() > 10
    qtmodeltester.check(view.model)
    pick(view, fresh)
    dialog = enter(qtbot, view)
    qtmodeltester.check(dialog.history)
    assert view.complaints.model.rowCount() >= 0
    qtmodeltester.check(view.complaints.model)


def test_the_worklist_shows_todays_and_overdue_tasks_of_every_kind(view):
    rows = view.model.rows()
    assert all(w.opens <= DEMO_TODAY and w.status is TaskStatus.OPEN for w in rows)
    assert len({w.kind for w in rows}) >= 4
    late = next(w for w in rows if w.due < DEMO_TODAY)
    row = view.model.row_of(late.id)
    overdue = view.model.index(row, WorklistModel.OVERDUE)
    days = (DEMO_TODAY - late.due).days
    assert view.model.data(overdue) == f"{days} d"
    assert view.model.data(overdue, Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    texts = [view.model.data(view.model.index(row, c)) for c in range(view.model.columnCount())]
    assert late.customer_name in texts and late.phone in texts
    assert "overdue" in view.ui.countLabel.text()
    # counts per type: in the summary line and in the type filter
    kind = late.kind
    n = sum(1 for w in rows if w.kind is kind)
    combo = view.ui.typeCombo
    assert combo.itemText(combo.findData(kind.value)).endswith(f"({n})")
    assert f"<b>{n}</b>" in view.ui.countsLabel.text()


def test_filters_type_search_due_until_and_mine(view):
    combo = view.ui.typeCombo
    everything = view.model.rowCount()
    kind = view.model.rows()[0].kind
    combo.setCurrentIndex(combo.findData(kind.value))
    rows = view.model.rows()
    assert rows and all(w.kind is kind for w in rows) and len(rows) < everything
    combo.setCurrentIndex(0)
    assert view.model.rowCount() == everything

    target = pick(view, fresh)
    view.ui.searchEdit.setText(target.phone)
    view.reload()
    rows = view.model.rows()
    assert target.id in [w.id for w in rows]
    assert all(w.customer_id == target.customer_id for w in rows)
    view.ui.searchEdit.setText("")
    view.reload()

    due = view.ui.dueEdit
    due.setDate(due.date().fromString(DEMO_TODAY.isoformat(), "yyyy-MM-dd"))
    rows = view.model.rows()
    assert rows and all(w.due <= DEMO_TODAY for w in rows) and len(rows) < everything
    due.setDate(due.minimumDate())
    assert view.model.rowCount() == everything

    me = view.service.session.staff
    view.ui.mineCheck.setChecked(True)
    mine = view.model.rows()
    assert all(w.assigned_to == me.id for w in mine) and len(mine) < everything
    view.ui.mineCheck.setChecked(False)
    other = pick(view, lambda w: fresh(w) and w.assigned_to != me.id)
    view.assign_menu.actions()[0].trigger()  # to me
    assert view.service.task(other.id).assigned_to == me.id
    view.ui.mineCheck.setChecked(True)
    assert other.id in [w.id for w in view.model.rows()]
    assert view.model.rowCount() == len(mine) + 1
    row = view.model.row_of(other.id)
    assert view.model.data(view.model.index(row, WorklistModel.ASSIGNED)) == me.full_name


def test_next_task_moves_down_and_the_shortcuts_are_in_the_tooltips(qtbot, view):
    view.ui.worklistView.selectRow(0)
    second = view.model.rows()[1].id
    view.ui.nextButton.click()
    assert view.selected_id() == second
    assert "F8" in view.ui.nextButton.toolTip() and "Ctrl+N" in view.ui.nextButton.toolTip()
    assert "Enter" in view.ui.outcomeButton.toolTip()
    assert "Enter" in view.ui.worklistView.toolTip()


# -- the outcome dialog ----------------------------------------------------------------------


def test_enter_records_reached_with_satisfaction_and_selects_the_next_task(qtbot, view):
    task = pick(view, fresh)
    following = row_after(view, task.id)
    dialog = enter(qtbot, view)
    assert dialog.task is not None and dialog.task.id == task.id
    assert task.customer_name in dialog.ui.customerLabel.text()
    assert task.phone in dialog.ui.customerLabel.text()
    assert dialog.ui.historyCaption.text() == "No calls yet."
    dialog.satisfaction_radios[Satisfaction.GOOD].setChecked(True)
    dialog.ui.mileageEdit.setText("12,500 km")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert status_of(view, task.id) is TaskStatus.DONE
    stored = view.service.outcome(task.id)
    assert stored is not None
    assert stored[1].satisfaction is Satisfaction.GOOD and stored[1].mileage_km == 12500
    assert view.model.row_of(task.id) < 0  # it left the list …
    assert view.selected_id() == following  # … and the next task is selected
    assert "Reached" in view.ui.statusLabel.text()


def test_a_refused_outcome_names_the_field_and_keeps_the_input(qtbot, view):
    task = pick(view, fresh)
    dialog = enter(qtbot, view)
    dialog.ui.mileageEdit.setText("about twenty thousand")
    dialog.save_button.click()
    assert "about twenty thousand" in dialog.ui.errorLabel.text()
    assert dialog.ui.mileageEdit.styleSheet() == ERROR_STYLE
    assert dialog.ui.mileageEdit.text() == "about twenty thousand"

    dialog.ui.mileageEdit.setText("")
    dialog.satisfaction_radios[Satisfaction.COMPLAINT].setChecked(True)
    dialog.ui.noteEdit.setPlainText("保养后发动机异响，要求免费检查")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "not satisfied" in dialog.ui.errorLabel.text()
    assert "#b00020" in dialog.ui.grievanceGroup.styleSheet()
    assert dialog.ui.noteEdit.toPlainText() == "保养后发动机异响，要求免费检查"
    assert dialog.satisfaction_radios[Satisfaction.COMPLAINT].isChecked()
    assert status_of(view, task.id) is TaskStatus.OPEN

    dialog.grievance_checks[Grievance.QUALITY].setChecked(True)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert status_of(view, task.id) is TaskStatus.DONE
    # a complaint was opened from the call and shows in the complaints tab
    complaints = view.complaints.model.rows()
    opened = next(c for c in complaints if c.description == "保养后发动机异响，要求免费检查")
    assert opened.customer_id == task.customer_id and opened.channel == "callback"
    assert view.complaints.selected_id() == opened.id
    assert "complaint" in view.ui.statusLabel.text().lower()


def test_a_satisfaction_call_needs_the_rating(qtbot, view):
    rows = [w for w in view.model.rows() if w.kind is CareKind.SATISFACTION and fresh(w)]
    if not rows:
        pytest.skip("the demo data has no satisfaction call open on this day")
    pick(view, lambda w: w.id == rows[0].id)
    dialog = enter(qtbot, view)
    assert "required" in dialog.ui.satisfactionGroup.title()
    dialog.save_button.click()
    assert "5 levels" in dialog.ui.errorLabel.text()
    assert "#b00020" in dialog.ui.satisfactionGroup.styleSheet()


def test_unreached_three_times_then_the_message_and_the_failure_record(qtbot, view, clock, dialogs):
    first_maintenance = [
        w for w in view.model.rows() if w.kind is CareKind.FIRST_MAINTENANCE and fresh(w)
    ]
    task = pick(view, lambda w: w.id == first_maintenance[0].id if first_maintenance else fresh(w))
    following = row_after(view, task.id)

    # 09:30, morning: no answer — the task stays, the next one is selected
    dialog = enter(qtbot, view)
    dialog.ui.unreachedButton.click()
    assert "call 1 of 3" in dialog.ui.ruleLabel.text()
    combo = dialog.ui.reasonCombo
    combo.setCurrentIndex(combo.findData(Unreached.NO_ANSWER.value))
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert view.selected_id() == following
    row = view.model.row_of(task.id)
    assert row >= 0
    assert view.model.data(view.model.index(row, WorklistModel.ATTEMPTS)) == "1 of 3"

    # 10:15, still morning: the rule refuses, in place, and keeps what was typed
    clock.at = MORNING.replace(hour=10, minute=15)
    view.select(task.id)
    dialog = enter(qtbot, view)
    dialog.ui.unreachedButton.click()
    assert "call in the morning was already tried" in dialog.ui.ruleLabel.text()
    combo = dialog.ui.reasonCombo
    combo.setCurrentIndex(combo.findData(Unreached.BUSY.value))
    dialog.ui.unreachedNoteEdit.setText("占线")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "call in the morning was already tried" in dialog.ui.errorLabel.text()
    assert combo.currentData() == Unreached.BUSY.value
    assert dialog.ui.unreachedNoteEdit.text() == "占线"
    assert len(view.service.attempts(task.id)) == 1
    dialog.reject()

    # 14:00 afternoon, 19:00 evening: the third call opens the message and failure record
    clock.at = MORNING.replace(hour=14, minute=0)
    view.select(task.id)
    dialog = enter(qtbot, view)
    dialog.ui.unreachedButton.click()
    dialog.ui.reasonCombo.setCurrentIndex(dialog.ui.reasonCombo.findData(Unreached.BUSY.value))
    dialog.save_button.click()
    clock.at = MORNING.replace(hour=19, minute=5)
    view.select(task.id)
    dialog = enter(qtbot, view)
    assert dialog.ui.historyView.model().rowCount() == 2
    dialog.ui.unreachedButton.click()
    dialog.ui.reasonCombo.setCurrentIndex(
        dialog.ui.reasonCombo.findData(Unreached.SWITCHED_OFF.value)
    )
    dialog.save_button.click()
    assert dialog.isVisible()  # stays open for the message
    assert dialog.ui.fallbackGroup.isVisible()
    assert not dialog.save_button.isVisible()  # no fourth call
    assert "3 calls have been tried" in dialog.ui.ruleLabel.text()
    assert not dialog.ui.failButton.isEnabled()  # the message comes first
    text = dialog.ui.fallbackEdit.toPlainText()
    assert task.customer_name in text
    if task.kind is CareKind.FIRST_MAINTENANCE:
        assert "SMS" in dialog.ui.sendButton.text() and "first maintenance" in text

    dialog.ui.fallbackEdit.setPlainText("   ")
    dialog.ui.sendButton.click()
    assert dialog.ui.fallbackEdit.styleSheet() == ERROR_STYLE
    dialog.ui.fallbackEdit.setPlainText(text + " 回复T退订")
    dialog.ui.sendButton.click()
    assert "sent" in dialog.ui.sentLabel.text()
    assert dialog.ui.failButton.isEnabled()
    channels = [a.channel for a in view.service.attempts(task.id)]
    assert channels.count("call") == 3 and channels[-1] in ("sms", "message")

    failure = dialog.ui.failureCombo
    failure.setCurrentIndex(failure.findData(Unreached.REFUSED.value))
    dialog.ui.failButton.click()
    assert not dialog.isVisible()
    assert status_of(view, task.id) is TaskStatus.FAILED
    assert view.model.row_of(task.id) < 0
    assert "unreachable" in view.ui.statusLabel.text()


def test_a_wrong_number_closes_the_task_at_once(qtbot, view):
    task = pick(view, fresh)
    dialog = enter(qtbot, view)
    dialog.ui.unreachedButton.click()
    combo = dialog.ui.reasonCombo
    combo.setCurrentIndex(combo.findData(Unreached.WRONG_NUMBER.value))
    dialog.save_button.click()
    assert status_of(view, task.id) is TaskStatus.FAILED
    assert "Wrong number" in view.ui.statusLabel.text()


def test_do_not_contact_needs_a_reason(qtbot, view):
    task = pick(view, lambda w: fresh(w) and w.kind is not CareKind.COMPLAINT_CALLBACK)
    dialog = enter(qtbot, view)
    dialog.ui.dncButton.click()
    assert dialog.ui.stack.currentWidget() is dialog.ui.dncPage
    assert dialog.ui.dncKindRadio.isChecked()
    dialog.ui.dncReasonEdit.setText("   ")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert "reason" in dialog.ui.errorLabel.text()
    assert dialog.ui.dncReasonEdit.styleSheet() == ERROR_STYLE
    assert status_of(view, task.id) is TaskStatus.OPEN
    dialog.ui.dncAllRadio.setChecked(True)
    dialog.ui.dncReasonEdit.setText("车已卖掉，不要再打电话")
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert status_of(view, task.id) is TaskStatus.CANCELLED
    assert not [w for w in view.model.rows() if w.customer_id == task.customer_id]
    assert "Do-not-contact" in view.ui.statusLabel.text()


def test_reached_with_book_an_appointment_opens_the_booking_prefilled(qtbot, view):
    from desktop_app.ui.appointments.booking_dialog import BookingDialog

    task = pick(
        view,
        lambda w: (
            fresh(w)
            and w.vehicle_id is not None
            and w.kind in (CareKind.REGULAR_MAINTENANCE, CareKind.FIRST_MAINTENANCE)
        ),
    )
    dialog = enter(qtbot, view)
    assert dialog.ui.serviceTypeCombo.currentData() == "maintenance"
    dialog.ui.bookCheck.setChecked(True)
    dialog.save_button.click()
    assert status_of(view, task.id) is TaskStatus.DONE
    booking = view.booking_dialog
    assert isinstance(booking, BookingDialog) and booking.isVisible()
    assert booking.customer_id == task.customer_id
    assert booking.ui.vehicleCombo.currentData() == task.vehicle_id
    assert booking.ui.searchEdit.text() == task.customer_name
    assert "care call" in booking.ui.phoneRecordEdit.toPlainText()
    booking.reject()


# -- complaints ------------------------------------------------------------------------------


def test_a_complaint_from_new_to_closed(qtbot, view, db, clock, dialogs):
    tab = view.complaints
    view.ui.tabs.setCurrentWidget(view.ui.complaintsTab)
    tab.ui.newButton.click()
    dialog = tab.open_dialog
    assert isinstance(dialog, ComplaintDialog)
    name, customer_id = db.raw.execute(
        "SELECT c.name, c.id FROM customer c JOIN vehicle v ON v.customer_id = c.id "
        "WHERE c.deleted_at IS NULL ORDER BY c.rowid LIMIT 1 OFFSET 40"
    ).fetchone()
    dialog.ui.searchEdit.setText(name)
    dialog.run_search()
    results = dialog.ui.resultsList
    for row in range(results.count()):
        if results.item(row).data(Qt.ItemDataRole.UserRole) == customer_id:
            results.setCurrentRow(row)
    assert dialog.customer is not None and dialog.customer.customer.id == customer_id
    assert dialog.ui.vehicleCombo.currentData() is not None  # their car
    dialog.save_button.click()  # no description: refused, named, nothing lost
    assert dialog.isVisible()
    assert dialog.ui.descriptionEdit.styleSheet() == ERROR_STYLE
    assert dialog.customer is not None
    dialog.ui.descriptionEdit.setPlainText("等待三小时才交车，服务顾问态度差")
    dialog.save_button.click()
    assert not dialog.isVisible()
    complaint = dialog.saved
    assert complaint is not None and complaint.status is ComplaintStatus.OPEN
    assert tab.selected_id() == complaint.id
    model = tab.model
    row = model.row_of(complaint.id)
    assert model.data(model.index(row, model.CLOCK)) == "30 min left"

    clock.at = MORNING + dt.timedelta(minutes=45)  # the clock runs on
    tab.tick()
    assert model.data(model.index(row, model.CLOCK)) == "overdue by 15 min"
    colour = model.data(model.index(row, model.CLOCK), Qt.ItemDataRole.ForegroundRole)
    assert colour.color().name() == "#b00020"

    dialogs.texts = ["已致歉，安排服务经理回电"]
    tab.ui.respondButton.click()
    answered = view.service.complaint(complaint.id)
    assert answered.response == "已致歉，安排服务经理回电"
    clock_cell = model.index(model.row_of(complaint.id), model.CLOCK)
    assert model.data(clock_cell) == "answered after 45 min"
    assert not tab.ui.respondButton.isEnabled()

    tab.ui.escalateButton.click()
    escalate = tab.open_dialog
    assert isinstance(escalate, EscalateDialog)
    assert escalate.manager_combo.count() >= 1
    escalate.save_button.click()  # no note: refused
    assert escalate.isVisible() and escalate.note_edit.styleSheet() == ERROR_STYLE
    escalate.note_edit.setPlainText("客户要求赔偿误工费")
    escalate.save_button.click()
    escalated = view.service.complaint(complaint.id)
    assert escalated.status is ComplaintStatus.ESCALATED
    assert escalated.escalated_name == escalate.manager_combo.currentText()

    tab.ui.resolveButton.click()
    resolve = tab.open_dialog
    assert isinstance(resolve, ResolveDialog)
    resolve.radios[list(resolve.radios)[2]].setChecked(True)
    resolve.note_edit.setPlainText("赠送一次免费保养")
    resolve.save_button.click()
    resolved = view.service.complaint(complaint.id)
    assert resolved.status is ComplaintStatus.RESOLVED
    kind, _title, text = dialogs.shown[-1]
    assert kind == "info" and "24 hours" in text and "7 days" in text
    shown = [
        w
        for w in view.model.rows()
        if w.kind is CareKind.COMPLAINT_CALLBACK and w.customer_id == customer_id
    ]
    assert shown  # the 24-hour callback is in the worklist at once …
    week = view.service.worklist(
        DEMO_TODAY + dt.timedelta(days=7), kinds=(CareKind.COMPLAINT_CALLBACK,)
    )
    assert len([w for w in week if w.customer_id == customer_id]) == 2  # … and the 7-day one
    assert "赠送一次免费保养" in tab.ui.detailView.toPlainText()

    tab.ui.closeComplaintButton.click()
    assert dialogs.shown[-1][0] == "ask"
    assert view.service.complaint(complaint.id).status is ComplaintStatus.CLOSED
    assert tab.model.row_of(complaint.id) < 0  # "not closed only" is the default filter
    tab.ui.openOnlyCheck.setChecked(False)
    assert tab.model.row_of(complaint.id) >= 0


# -- the KPIs and the main window ------------------------------------------------------------


def test_the_kpi_tab_is_built_when_first_shown(view):
    assert view.kpi_view is None
    view.show_kpis()
    assert view.kpi_view is not None
    assert view.ui.tabs.currentWidget() is view.ui.kpiTab


def test_the_care_area_is_built_on_first_use(qtbot, db, manager, runner, dialogs):
    from desktop_app.app import build_main_window

    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    window.show()
    window.start()
    keys = [a.key for a in window.areas]
    item = window.ui.navList.item(keys.index("care"))
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert window._care_view is None  # not built at start-up
    window.ui.navList.setCurrentRow(keys.index("care"))
    page = window.ui.stack.currentWidget()
    assert isinstance(page, CareView)
    assert page.started and page.model.rowCount() > 0
    assert window.care_view is page


def test_f8_and_ctrl_n_move_to_the_next_task(qtbot, view):
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    rows = view.model.rows()
    view.ui.worklistView.selectRow(0)
    view.ui.worklistView.setFocus()
    qtbot.keyClick(view.ui.worklistView, Qt.Key.Key_F8)
    assert view.selected_id() == rows[1].id
    qtbot.keyClick(view.ui.worklistView, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_id() == rows[2].id


def test_the_whole_call_from_the_keyboard(qtbot, view):
    """Enter opens the task, Alt+2 rates it good, Enter saves, the next task is selected."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    task = pick(view, fresh)
    following = row_after(view, task.id)
    dialog = enter(qtbot, view)
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.satisfaction_radios[Satisfaction.GOOD].isChecked)  # animated click
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert status_of(view, task.id) is TaskStatus.DONE
    assert view.selected_id() == following


def test_without_the_care_permission_nothing_can_be_recorded(qtbot, db, runner, dialogs, clock):
    view = make_view(qtbot, db, "tech1", runner, dialogs, clock)
    assert view.model.rowCount() > 0  # the list can be read
    view.ui.worklistView.selectRow(0)
    assert not view.ui.outcomeButton.isEnabled()
    assert view.open_outcome() is None
    assert not view.complaints.ui.newButton.isEnabled()
