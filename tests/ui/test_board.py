"""The appointment board driven as an advisor would: models, drag and drop, keys, menus, axes,
and the capacity bar. Real demo database; the service's clock is set to the demo's today."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent
from pytestqt.qtbot import QtBot

from desktop_app.domain.appointments import INACTIVE, MOVABLE, Appointment, ResourceKind, Status
from desktop_app.domain.staff import Session
from desktop_app.services.appointments import AppointmentService, Draft
from desktop_app.services.customers import CustomerService
from desktop_app.storage.db import Database
from desktop_app.ui.appointments.board_model import (
    CardRole,
    CardsRole,
    DayBoardModel,
    WeekBoardModel,
)
from desktop_app.ui.appointments.board_view import BoardView, menu_action
from desktop_app.ui.appointments.view import AppointmentsView
from desktop_app.ui.tasks import TaskRunner

from ..conftest import DEMO_TODAY
from .conftest import RecordingDialogs

NOW = dt.datetime.combine(DEMO_TODAY, dt.time(10, 40))
SLOT = dt.timedelta(minutes=15)


def make_view(
    qtbot: QtBot, db: Database, session: Session, runner: TaskRunner, dialogs: RecordingDialogs
) -> AppointmentsView:
    service = AppointmentService(db, session, now=lambda: NOW)
    view = AppointmentsView(service, CustomerService(db, session), runner, dialogs)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    view.start()
    return view


def stored(view: AppointmentsView, appointment_id: str) -> Appointment:
    return view.service.open(appointment_id).appointment


def row_of(model: DayBoardModel | WeekBoardModel, resource_id: str | None) -> int:
    return model.first_row_of(resource_id)


def fits(view: AppointmentsView, a: Appointment, start: dt.datetime, bay_id: str | None) -> bool:
    """The rules would take ``a`` at ``start`` in ``bay_id`` (no finding at all)."""
    draft = Draft(
        start=start,
        work=a.work,
        transport=a.transport,
        bay_id=bay_id,
        technician_id=a.technician_id,
        end=start + (a.end - a.start),
    )
    return not view.service.check(draft, exclude_id=a.id)


def empty_run(model: DayBoardModel, row: int, col: int, span: int, own: str | None) -> bool:
    return col + span <= model.columnCount() and all(
        (p := model.placed_at(row, c)) is None or p.appointment.id == own
        for c in range(col, col + span)
    )


def free_target(view: AppointmentsView, other_row: bool) -> tuple[Appointment, int, int]:
    """A movable appointment of today and an empty cell (another bay's row, or its own) where
    the rules accept it."""
    m = view.day_model
    slots = m.slots()
    for a in m.appointments():
        if a.status not in MOVABLE or a.id is None:
            continue
        placed = m.placement(a.id)
        assert placed is not None
        rows = [r for r in range(m.rowCount()) if (r != placed.row) == other_row]
        for row in rows:
            bay = m.row_resource(row)
            for col, start in enumerate(slots):
                if start < NOW or start == a.start:
                    continue
                if not empty_run(m, row, col, placed.span, None if other_row else a.id):
                    continue
                if fits(view, a, start, bay.id if bay else None):
                    return a, row, col
    raise AssertionError("no free target in the demo day")


# -- models ------------------------------------------------------------------------------


def test_day_and_week_models_pass_the_qt_model_tester(
    qtbot, qtmodeltester, db, manager, runner, dialogs
):
    view = make_view(qtbot, db, manager, runner, dialogs)
    assert view.day_model.rowCount() > 0
    qtmodeltester.check(view.day_model)
    view.set_mode("week")
    assert view.week_model.rowCount() > 0
    qtmodeltester.check(view.week_model)
    view.ui.axisCombo.setCurrentIndex(view.ui.axisCombo.findData(ResourceKind.ADVISOR))
    qtmodeltester.check(view.week_model)
    qtmodeltester.check(view.day_model)


def test_each_demo_appointment_sits_on_its_bay_at_its_start_with_its_length(
    qtbot, db, manager, runner, dialogs
):
    view = make_view(qtbot, db, manager, runner, dialogs)
    m = view.day_model
    board = view.service.day(DEMO_TODAY)
    live = [a for a in board.appointments if a.status not in INACTIVE]
    assert live and m.slots()[0] == dt.datetime.combine(DEMO_TODAY, dt.time(8, 30))
    assert m.headerData(0, Qt.Orientation.Horizontal) == "08:30"
    assert m.headerData(4, Qt.Orientation.Horizontal) == "09:30"
    bays = [r.name for r in board.resources[ResourceKind.BAY]]
    assert [m.headerData(r, Qt.Orientation.Vertical) for r in range(len(bays))] == bays
    spans = {(r, c): cs for r, c, _rs, cs in m.spans()}
    for a in live:
        assert a.id is not None
        index = m.index_of(a.id)
        assert m.row_resource(index.row()).id == a.bay_id
        assert m.slot_start(index.column()) == a.start
        assert spans[(index.row(), index.column())] == (a.end - a.start) // SLOT
        assert index.data(CardRole) == a
        assert a.plate[-4:] in index.data(Qt.ItemDataRole.DisplayRole)
        assert a.customer_name in index.data(Qt.ItemDataRole.DisplayRole)
        assert a.serial in index.data(Qt.ItemDataRole.ToolTipRole)
        # the view spans the card over its slots
        assert (
            view.ui.dayBoard.columnSpan(index.row(), index.column())
            == spans[(index.row(), index.column())]
        )
    # a covered cell finds its card too; an empty one finds none
    a = live[0]
    placed = m.placement(a.id or "")
    assert placed is not None
    assert m.card_at(m.index(placed.row, placed.col + placed.span - 1)) == a
    assert m.data(m.index(placed.row, placed.col + placed.span - 1)) is None


def test_cancelled_appointments_are_shown_only_when_asked(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    m = view.day_model
    a = next(a for a in m.appointments() if a.status in MOVABLE)
    view.set_status(a.id or "", Status.CANCELLED)
    assert dialogs.shown[-1][0] == "ask"
    assert stored(view, a.id or "").status == Status.CANCELLED
    assert not m.index_of(a.id or "").isValid()
    hidden = [x for x in view.service.day(DEMO_TODAY).appointments if x.status in INACTIVE]
    assert f"{len(hidden)} cancelled or no-show not shown" in view.ui.statusLabel.text()
    view.ui.inactiveCheck.setChecked(True)
    assert m.index_of(a.id or "").isValid()


# -- drag and drop -----------------------------------------------------------------------


def test_drop_on_an_empty_cell_moves_the_appointment(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    m = view.day_model
    a, row, col = free_target(view, other_row=True)
    mime = m.mimeData([m.index_of(a.id or "")])
    assert mime is not None and mime.hasFormat(m.mimeTypes()[0])
    with qtbot.waitSignal(m.modelReset):  # the board reloads after the service answered
        assert m.dropMimeData(mime, Qt.DropAction.MoveAction, row, col, QModelIndex())
    moved = stored(view, a.id or "")
    assert moved.start == m.slot_start(col)
    assert moved.end - moved.start == a.end - a.start
    assert moved.bay_id == m.row_resource(row).id
    assert moved.bay_id != a.bay_id
    index = m.index_of(a.id or "")
    assert (index.row(), index.column()) == (row, col)
    assert not dialogs.shown


def test_drop_on_the_view_keeps_the_slot_the_card_was_picked_up_by(
    qtbot, db, advisor, runner, dialogs
):
    """A card picked up by its second slot and dropped on cell c starts at c - 1."""
    view = make_view(qtbot, db, advisor, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    a, row, col = free_target(view, other_row=False)
    placed = m.placement(a.id or "")
    assert placed is not None and placed.span >= 2
    mime = m.mime_for(a.id or "", offset=1)
    at = QPoint(
        board.columnViewportPosition(col + 1) + 3,
        board.rowViewportPosition(row) + 5,
    )
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    move = QDragMoveEvent(at, Qt.DropAction.MoveAction, mime, buttons, mods)
    board.dragMoveEvent(move)
    assert move.isAccepted()
    assert board._preview == (row, col, placed.span)
    board.dropEvent(QDropEvent(QPointF(at), Qt.DropAction.MoveAction, mime, buttons, mods))
    assert board._preview is None
    assert stored(view, a.id or "").start == m.slot_start(col)


def test_drop_within_its_row_changes_only_the_time(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    m = view.day_model
    a, row, col = free_target(view, other_row=False)
    placed = m.placement(a.id or "")
    assert placed is not None and placed.row == row
    mime = m.mimeData([m.index(placed.row, placed.col)])
    m.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, m.index(row, col))
    moved = stored(view, a.id or "")
    assert (moved.start, moved.bay_id) == (m.slot_start(col), a.bay_id)


def test_drop_on_an_occupied_cell_is_refused_and_the_card_stays(
    qtbot, db, advisor, runner, dialogs
):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    m = view.day_model
    cards = [a for a in m.appointments() if a.status in MOVABLE and a.start > NOW]
    a = cards[0]
    other = next(b for b in m.appointments() if b.bay_id != a.bay_id and b.start > NOW)
    target = m.index_of(other.id or "")
    before = m.placement(a.id or "")
    m.dropMimeData(
        m.mimeData([m.index_of(a.id or "")]),
        Qt.DropAction.MoveAction,
        target.row(),
        target.column(),
        QModelIndex(),
    )
    kind, title, text = dialogs.shown[-1]
    assert kind == "warning"
    assert "The bay is already taken at that time by" in text
    assert other.plate in text  # names the appointment in the way
    assert "Next free times:" in text
    kept = stored(view, a.id or "")
    assert (kept.start, kept.end, kept.bay_id) == (a.start, a.end, a.bay_id)
    assert m.placement(a.id or "") == before


def test_manager_overrides_with_a_reason_and_both_cards_stay_visible(
    qtbot, db, manager, runner, dialogs
):
    view = make_view(qtbot, db, manager, runner, dialogs)
    m = view.day_model
    a = next(a for a in m.appointments() if a.status in MOVABLE and a.start > NOW)
    other = next(
        b
        for b in m.appointments()
        if b.bay_id != a.bay_id and b.start > NOW and b.technician_id != a.technician_id
    )
    dialogs.texts.append("客户是老客户，只能这个时间")
    target = m.index_of(other.id or "")
    m.dropMimeData(
        m.mimeData([m.index_of(a.id or "")]),
        Qt.DropAction.MoveAction,
        target.row(),
        target.column(),
        QModelIndex(),
    )
    asked = dialogs.asked
    assert asked and "The bay is already taken" in asked[0]
    assert "as a manager" in asked[0]
    moved = stored(view, a.id or "")
    assert moved.override_reason == "客户是老客户，只能这个时间"
    assert (moved.start, moved.bay_id) == (other.start, other.bay_id)
    # never hide a card: the overlapping one goes to an extra row of the same bay
    mine, theirs = m.index_of(a.id or ""), m.index_of(other.id or "")
    assert mine.isValid() and theirs.isValid() and mine.row() != theirs.row()
    assert m.row_resource(mine.row()) == m.row_resource(theirs.row())
    name = m.row_resource(mine.row()).name
    headers = {m.headerData(r, Qt.Orientation.Vertical) for r in (mine.row(), theirs.row())}
    assert headers == {name, f"{name} (2)"}


def test_manager_declining_to_override_leaves_the_card(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    m = view.day_model
    a = next(a for a in m.appointments() if a.status in MOVABLE and a.start > NOW)
    other = next(b for b in m.appointments() if b.bay_id != a.bay_id and b.start > NOW)
    # no answer queued: the manager cancels the reason
    target = m.index_of(other.id or "")
    m.dropMimeData(
        m.mimeData([m.index_of(a.id or "")]),
        Qt.DropAction.MoveAction,
        target.row(),
        target.column(),
        QModelIndex(),
    )
    assert stored(view, a.id or "").start == a.start


def test_cards_in_the_workshop_cannot_be_dragged(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    m = view.day_model
    here = next(a for a in m.appointments() if a.status == Status.IN_SERVICE)
    index = m.index_of(here.id or "")
    assert not m.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    assert m.mimeData([index]) is None
    booked = next(a for a in m.appointments() if a.status in MOVABLE)
    assert m.flags(m.index_of(booked.id or "")) & Qt.ItemFlag.ItemIsDragEnabled


# -- keyboard ----------------------------------------------------------------------------


def keyboard_card(view: AppointmentsView) -> Appointment:
    """A movable card with a free slot after it on its bay (and its technician free)."""
    m = view.day_model
    for a in m.appointments():
        if a.status in MOVABLE and a.start > NOW and fits(view, a, a.start + SLOT, a.bay_id):
            return a
    raise AssertionError("no card to move by keyboard")


def test_alt_right_moves_one_slot_and_the_cell_follows(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    a = keyboard_card(view)
    board.setCurrentIndex(m.index_of(a.id or ""))
    qtbot.keyClick(board, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    moved = stored(view, a.id or "")
    assert (moved.start, moved.end) == (a.start + SLOT, a.end + SLOT)
    assert board.current_card() is not None and board.current_card().id == a.id
    qtbot.keyClick(board, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert stored(view, a.id or "").start == a.start


def test_alt_shift_right_lengthens_and_alt_shift_left_shortens(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    a = keyboard_card(view)
    board.setCurrentIndex(m.index_of(a.id or ""))
    longer = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(board, Qt.Key.Key_Right, longer)
    assert stored(view, a.id or "").end == a.end + SLOT
    assert board.columnSpan(*divmod_index(m.index_of(a.id or ""))) == (a.end - a.start) // SLOT + 1
    qtbot.keyClick(board, Qt.Key.Key_Left, longer)
    assert stored(view, a.id or "").end == a.end


def divmod_index(index: QModelIndex) -> tuple[int, int]:
    return index.row(), index.column()


def test_dragging_the_right_edge_with_the_mouse_lengthens(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    a = keyboard_card(view)
    placed = m.placement(a.id or "")
    assert placed is not None
    right = board.columnViewportPosition(placed.col + placed.span - 1) + board.columnWidth(0)
    y = board.rowViewportPosition(placed.row) + board.rowHeight(placed.row) // 2
    left_button = Qt.MouseButton.LeftButton
    qtbot.mousePress(board.viewport(), left_button, pos=QPoint(right - 2, y))
    qtbot.mouseMove(board.viewport(), QPoint(right + board.columnWidth(0), y))
    assert board.interacting
    qtbot.mouseRelease(board.viewport(), left_button, pos=QPoint(right + board.columnWidth(0), y))
    assert stored(view, a.id or "").end == a.end + SLOT
    assert stored(view, a.id or "").start == a.start
    assert not board.interacting


def test_alt_down_moves_to_the_next_bay(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    for a in m.appointments():
        row = m.index_of(a.id or "").row()
        below = m.row_resource(row + 1)
        if (
            a.status in MOVABLE
            and a.start > NOW
            and below is not None
            and fits(view, a, a.start, below.id)
        ):
            break
    else:
        pytest.fail("no card with a free bay below it")
    board.setCurrentIndex(m.index_of(a.id or ""))
    qtbot.keyClick(board, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    moved = stored(view, a.id or "")
    assert (moved.start, moved.bay_id) == (a.start, below.id)
    assert m.index_of(a.id or "").row() == m.first_row_of(below.id)


def test_alt_right_on_a_car_in_the_workshop_explains_instead(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    here = next(a for a in m.appointments() if a.status == Status.IN_SERVICE)
    board.setCurrentIndex(m.index_of(here.id or ""))
    qtbot.keyClick(board, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert stored(view, here.id or "").start == here.start
    assert "can be moved" in view.ui.statusLabel.text()


def test_enter_opens_the_card_and_books_on_an_empty_cell(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    m = view.day_model
    board = BoardView()  # the board alone: what it asks for, without the dialogs
    qtbot.addWidget(board)
    board.setModel(m)
    board.show()
    a = m.appointments()[0]
    board.setCurrentIndex(m.index_of(a.id or ""))
    with qtbot.waitSignal(board.sig_open_requested) as opened:
        qtbot.keyClick(board, Qt.Key.Key_Return)
    assert opened.args == [a.id]
    row = next(r for r in range(m.rowCount()) if m.placed_at(r, m.columnCount() - 1) is None)
    board.setCurrentIndex(m.index(row, m.columnCount() - 1))
    with qtbot.waitSignal(board.sig_new_requested) as new:
        qtbot.keyClick(board, Qt.Key.Key_Enter)
    assert new.args == [m.slots()[-1], (ResourceKind.BAY, m.row_resource(row).id)]


def test_shift_f10_menu_lists_the_cards_actions(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    a = next(a for a in m.appointments() if a.status == Status.BOOKED)
    index = m.index_of(a.id or "")
    menu = board.build_menu(index)
    names = [x.objectName() for x in menu.actions() if x.objectName()]
    assert names[:4] == ["open", "confirmed", "arrived", "checkin"]
    assert {"no_show", "cancelled", "print-register", "print-checkin"} <= set(names)
    assert not menu_action(menu, "print-checkin").isEnabled()
    empty = next(
        m.index(r, c)
        for r in range(m.rowCount())
        for c in range(m.columnCount())
        if m.placed_at(r, c) is None
    )
    assert menu_action(board.build_menu(empty), "new").isEnabled()


# -- context menu ------------------------------------------------------------------------


def test_menu_actions_change_the_status(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    a = next(a for a in m.appointments() if a.status == Status.BOOKED)
    menu = board.build_menu(m.index_of(a.id or ""))
    menu_action(menu, "confirmed").trigger()
    assert stored(view, a.id or "").status == Status.CONFIRMED
    assert m.index_of(a.id or "").data(CardRole).status == Status.CONFIRMED
    menu = board.build_menu(m.index_of(a.id or ""))
    assert not menu_action(menu, "confirmed").isEnabled()
    menu_action(menu, "arrived").trigger()
    assert stored(view, a.id or "").status == Status.ARRIVED
    menu = board.build_menu(m.index_of(a.id or ""))
    assert not menu_action(menu, "no_show").isEnabled()
    assert menu_action(menu, "cancelled").isEnabled()

    b = next(b for b in m.appointments() if b.status == Status.CONFIRMED and b.id != a.id)
    dialogs.answer = False  # “Mark … as No-show?” — No
    menu_action(board.build_menu(m.index_of(b.id or "")), "no_show").trigger()
    assert stored(view, b.id or "").status == Status.CONFIRMED
    dialogs.answer = True
    menu_action(board.build_menu(m.index_of(b.id or "")), "no_show").trigger()
    assert stored(view, b.id or "").status == Status.NO_SHOW
    assert b.plate[-4:] in dialogs.shown[-1][2]


def test_workshop_steps_follow_the_status_flow(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    board, m = view.ui.dayBoard, view.day_model
    a = next(a for a in m.appointments() if a.status == Status.IN_SERVICE)
    menu = board.build_menu(m.index_of(a.id or ""))
    assert not menu_action(menu, "confirmed").isEnabled()
    assert not menu_action(menu, "checkin").isEnabled()
    assert menu_action(menu, "print-checkin").isEnabled()
    menu_action(menu, Status.QUALITY_CHECK.value).trigger()
    assert stored(view, a.id or "").status == Status.QUALITY_CHECK


def test_a_technician_sees_the_board_but_cannot_change_it(qtbot, db, technician, runner, dialogs):
    view = make_view(qtbot, db, technician, runner, dialogs)
    m = view.day_model
    assert m.rowCount() > 0
    a = next(a for a in m.appointments() if a.status == Status.BOOKED)
    assert not m.flags(m.index_of(a.id or "")) & Qt.ItemFlag.ItemIsDragEnabled
    menu = view.ui.dayBoard.build_menu(m.index_of(a.id or ""))
    assert menu_action(menu, "open").isEnabled()
    assert not menu_action(menu, "confirmed").isEnabled()
    assert not view.ui.newButton.isEnabled()


# -- axes, capacity, week ----------------------------------------------------------------


def test_technician_axis_regroups_the_rows(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    m = view.day_model
    combo = view.ui.axisCombo
    with qtbot.waitSignal(m.modelReset):
        combo.setCurrentIndex(combo.findData(ResourceKind.TECHNICIAN))
    techs = view.service.resources()[ResourceKind.TECHNICIAN]
    assert [m.row_resource(r).id for r in range(len(techs))] == [t.id for t in techs]
    assert m.headerData(0, Qt.Orientation.Vertical) == techs[0].name
    for a in m.appointments():
        assert m.row_resource(m.index_of(a.id or "").row()).id == a.technician_id
    # advisors overlap all day: extra rows, every card still shown
    combo.setCurrentIndex(combo.findData(ResourceKind.ADVISOR))
    board = view.service.day(DEMO_TODAY)
    live = [a for a in board.appointments if a.status not in INACTIVE]
    assert len(m.appointments()) == len(live)
    for a in live:
        assert m.row_resource(m.index_of(a.id or "").row()).id == a.advisor_id
    assert m.rowCount() > len(board.resources[ResourceKind.ADVISOR])
    # a move on this axis changes the advisor
    assert view.day_model.axis == view.week_model.axis == ResourceKind.ADVISOR


def test_capacity_bar_shows_booked_and_available_hours(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    load = view.service.day(DEMO_TODAY).load
    bar = view.ui.capacityBar
    assert f"{load.booked:.1f}" in bar.text()
    assert f"{load.capacity:.1f}" in bar.text()
    assert bar.ratio() == pytest.approx(float(load.booked / load.capacity))
    colour = "#66bb6a" if load.ratio <= 0.85 else "#ffa726" if load.ratio <= 1 else "#ef5350"
    assert bar.colour().name() == colour
    bar.set_load(40.0, 45.9, "x")
    assert bar.colour().name() == "#ffa726"
    bar.set_load(50.0, 45.9, "x")
    assert bar.colour().name() == "#ef5350"
    # another day, another load
    view.step(1)
    tomorrow = view.service.day(DEMO_TODAY + dt.timedelta(days=1)).load
    assert f"{tomorrow.booked:.1f}" in view.ui.capacityBar.text()
    assert view.day_model.day == DEMO_TODAY + dt.timedelta(days=1)


def test_week_board_has_each_appointment_in_its_bay_and_day(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    view.ui.weekButton.click()
    assert view.ui.boardStack.currentWidget() is view.ui.weekPage
    m = view.week_model
    monday = DEMO_TODAY - dt.timedelta(days=DEMO_TODAY.weekday())
    assert m.days()[0] == monday and len(m.days()) == 7
    week = view.service.week(monday)
    live = [a for a in week.appointments if a.status not in INACTIVE]
    assert live
    for a in live:
        cards = m.cards(m.first_row_of(a.bay_id), m.days().index(a.start.date()))
        assert a in cards
    total = sum(len(m.index(r, c).data(CardsRole)) for r in range(m.rowCount()) for c in range(7))
    assert total == len(live)
    header = m.headerData(m.days().index(DEMO_TODAY), Qt.Orientation.Horizontal)
    load = week.loads[DEMO_TODAY]
    assert f"{load.booked:.1f}/{load.capacity:.1f} h" in header
    # Enter on a day of the week opens that day
    board = view.ui.weekBoard
    board.setCurrentIndex(m.index(0, m.days().index(DEMO_TODAY + dt.timedelta(days=1))))
    qtbot.keyClick(board, Qt.Key.Key_Return)
    assert view.mode == "day"
    assert view.day_model.day == DEMO_TODAY + dt.timedelta(days=1)


def test_week_drop_moves_to_the_same_time_on_another_day(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    view.set_mode("week")
    m = view.week_model
    assert m.board is not None
    for a in sorted(m.board.appointments, key=lambda a: a.start):
        if a.status not in MOVABLE or a.start < NOW:
            continue
        later = a.start + dt.timedelta(days=1)
        if later.date() in m.days() and fits(view, a, later, a.bay_id):
            break
    else:
        pytest.fail("no appointment to move a day later")
    source = m.index_of(a.id or "")
    mime = m.mime_for(a.id or "")
    m.dropMimeData(mime, Qt.DropAction.MoveAction, source.row(), source.column() + 1, QModelIndex())
    moved = stored(view, a.id or "")
    assert moved.start == a.start + dt.timedelta(days=1)
    assert a.id in [x.id for x in m.cards(source.row(), source.column() + 1)]


def test_main_window_opens_the_board(qtbot, db, manager, runner, dialogs):
    from desktop_app.app import build_main_window

    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.ui.navList.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    window.show_area("appointments")
    assert window.ui.stack.currentWidget() is window.appointments_view
    assert window.appointments_view.day_model.rowCount() > 0
    assert window.appointments_view.ui.capacityBar.text()


def test_booked_hours_are_unchanged_by_a_move(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    before = view.service.day(DEMO_TODAY).load.booked
    a, row, col = free_target(view, other_row=False)
    view.request_move(a.id or "", view.day_model.slot_start(col) or NOW)
    assert view.service.day(DEMO_TODAY).load.booked == before == Decimal(before)
