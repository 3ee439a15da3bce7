"""The Appointments area: the day (or week) board, its capacity bar and the desk's tools.

The board's views ask (move, resize, change status, open, check in); this widget sends each
request to the ``AppointmentService`` on the task runner and reloads the board when the
service has answered. A refusal of the workshop rules is shown with its reasons and the next
free times; when a manager may override, the reason for it is asked and the request retried.
Dialogs of the area (booking, check-in, confirmation calls, reception display) load on first
use.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from ...domain.appointments import (
    INACTIVE,
    MOVABLE,
    ON_SITE,
    PROBLEM_MESSAGES,
    STATUS_LABELS,
    Appointment,
    ResourceKind,
    Status,
    Transport,
)
from ...domain.roles import Permission
from ...paths import data_dir
from ...services.appointments import (
    AppointmentService,
    BookingRefused,
    DayBoard,
    WeekBoard,
)
from ...services.customers import CustomerService
from ..forms.ui_appointments_view import Ui_AppointmentsView
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from .board_model import DayBoardModel, ResourceArg, WeekBoardModel, plate_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

TICK_MS = 60_000  # the current-time line moves once a minute
RELOAD_TICKS = 5  # and the board reloads every five minutes (other desks book too)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


def _hours(value: Decimal) -> str:
    return f"{value:.1f}"


class AppointmentsView(QWidget):
    sig_status = Signal(str)

    def __init__(
        self,
        service: AppointmentService,
        customers: CustomerService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.customers = customers
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_AppointmentsView()
        self.ui.setupUi(self)
        self.day: dt.date = service.now().date()
        self.mode = "day"
        self.board: DayBoard | WeekBoard | None = None
        self.last_print: Path | None = None
        self.open_dialog: QDialog | None = None  # kept alive while shown (and for tests)
        self.reception_display: Any = None
        self._generation = 0
        self._ticks = 0
        self.started = False

        session = service.session
        self.can_book = session.can(Permission.BOOK_APPOINTMENTS)
        self.can_check_in = session.can(Permission.CHECK_IN)
        self.day_model = DayBoardModel(self)
        self.week_model = WeekBoardModel(self)
        u = self.ui
        for board, model in ((u.dayBoard, self.day_model), (u.weekBoard, self.week_model)):
            model.editable = self.can_book
            board.now_fn = service.now
            board.can_book = self.can_book
            board.can_check_in = self.can_check_in
            board.setModel(model)
            board.sig_move_requested.connect(self.request_move)
            board.sig_resize_requested.connect(self.request_resize)
            board.sig_status_requested.connect(self.set_status)
            board.sig_open_requested.connect(self.open_appointment)
            board.sig_checkin_requested.connect(self.check_in)
            board.sig_new_requested.connect(self.new_appointment)
            board.sig_print_requested.connect(self.print_document)
            board.sig_hint.connect(self._hint)
        u.weekBoard.sig_day_requested.connect(self._week_day_chosen)

        u.axisCombo.addItem(self.tr("Bays"), ResourceKind.BAY)
        u.axisCombo.addItem(self.tr("Technicians"), ResourceKind.TECHNICIAN)
        u.axisCombo.addItem(self.tr("Service advisors"), ResourceKind.ADVISOR)
        u.axisCombo.currentIndexChanged.connect(self._axis_changed)
        u.inactiveCheck.toggled.connect(self._inactive_toggled)
        u.dateEdit.setDate(_qdate(self.day))
        u.dateEdit.dateChanged.connect(lambda d: self.show_day(_pydate(d)))
        u.previousButton.clicked.connect(lambda: self.step(-1))
        u.nextButton.clicked.connect(lambda: self.step(1))
        u.todayButton.clicked.connect(lambda: self.show_day(self.service.now().date()))
        u.dayButton.toggled.connect(lambda on: self.set_mode("day" if on else "week"))
        u.newButton.clicked.connect(lambda: self.new_appointment(None, None))
        u.walkInButton.clicked.connect(self.walk_in)
        u.confirmationsButton.clicked.connect(self.confirmations)
        u.receptionButton.clicked.connect(self.show_reception)
        u.printButton.clicked.connect(self.print_day_sheet)
        u.newButton.setEnabled(self.can_book)
        u.walkInButton.setEnabled(self.can_book)
        u.confirmationsButton.setEnabled(self.can_book)
        u.newButton.setToolTip(self.tr("Book an appointment (on the selected slot and row)"))
        u.walkInButton.setToolTip(self.tr("A customer who came without an appointment"))
        u.confirmationsButton.setToolTip(self.tr("Day-before calls for tomorrow's bookings"))
        u.receptionButton.setToolTip(self.tr("Full-screen board for the customers' lounge"))
        u.printButton.setToolTip(self.tr("The day's schedule as a PDF to print"))
        # PgUp/PgDown scroll the board; Ctrl+PgUp/PgDown change the day (or week)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.step(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.step(1))
        QShortcut(QKeySequence("F5"), self, self.reload)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    # -- loading -------------------------------------------------------------------------

    def start(self) -> None:
        """Show today's board (called when the area is first shown)."""
        self.started = True
        self._timer.start()
        self.show_day(self.service.now().date())

    def show_day(self, day: dt.date) -> None:
        self.day = day
        edit = self.ui.dateEdit
        if _pydate(edit.date()) != day:
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self.reload()

    def step(self, direction: int) -> None:
        days = 7 if self.mode == "week" else 1
        self.show_day(self.day + dt.timedelta(days=direction * days))

    def set_mode(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        u = self.ui
        u.dayButton.setChecked(mode == "day")
        u.weekButton.setChecked(mode == "week")
        u.boardStack.setCurrentWidget(u.dayPage if mode == "day" else u.weekPage)
        week = mode == "week"
        u.previousButton.setToolTip(
            self.tr("Previous week (Ctrl+PgUp)") if week else self.tr("Previous day (Ctrl+PgUp)")
        )
        u.nextButton.setToolTip(
            self.tr("Next week (Ctrl+PgDown)") if week else self.tr("Next day (Ctrl+PgDown)")
        )
        self.reload()

    def week_start(self) -> dt.date:
        return self.day - dt.timedelta(days=self.day.weekday())

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        if self.mode == "week":
            first = self.week_start()
            (
                Operation(lambda: self.service.week(first))
                .success(lambda b: self._show_week(generation, b))
                .failure(self._failed)
                .run_in_background(self.runner)
            )
        else:
            day = self.day
            (
                Operation(lambda: self.service.day(day))
                .success(lambda b: self._show_day(generation, b))
                .failure(self._failed)
                .run_in_background(self.runner)
            )

    def _show_day(self, generation: int, board: DayBoard) -> None:
        if generation != self._generation:
            return  # the person went on to another day; a newer load is coming
        self.board = board
        self.day_model.set_board(board)
        locale = QLocale()
        self.ui.dayLabel.setText(locale.toString(_qdate(board.day), QLocale.FormatType.LongFormat))
        load = board.load
        if board.rules.hours(board.day) is None:
            self._set_capacity(
                Decimal(0), Decimal(0), self.tr("The workshop is closed on this day.")
            )
        else:
            self._set_capacity(load.booked, load.capacity)
        self.ui.statusLabel.setText(self._day_summary(board))

    def _show_week(self, generation: int, board: WeekBoard) -> None:
        if generation != self._generation:
            return
        self.board = board
        self.week_model.set_board(board)
        first, last = board.days[0], board.days[-1]
        locale = QLocale()
        self.ui.dayLabel.setText(
            self.tr("{first} – {last}").format(
                first=locale.toString(_qdate(first), QLocale.FormatType.ShortFormat),
                last=locale.toString(_qdate(last), QLocale.FormatType.ShortFormat),
            )
        )
        booked = sum((x.booked for x in board.loads.values()), Decimal(0))
        capacity = sum((x.capacity for x in board.loads.values()), Decimal(0))
        self._set_capacity(booked, capacity)
        live = [a for a in board.appointments if a.status not in INACTIVE]
        self.ui.statusLabel.setText(
            self.tr(
                "{n} appointments this week. Double-click a day (or press Enter) to open it."
            ).format(n=len(live))
        )

    def _set_capacity(self, booked: Decimal, capacity: Decimal, text: str = "") -> None:
        if not text:
            percent = int(round(100 * booked / capacity)) if capacity else 0
            text = self.tr("Booked {booked} h of {capacity} h ({percent} %)").format(
                booked=_hours(booked), capacity=_hours(capacity), percent=percent
            )
        self.ui.capacityBar.set_load(float(booked), float(capacity), text)

    def _day_summary(self, board: DayBoard) -> str:
        live = [a for a in board.appointments if a.status not in INACTIVE]
        hidden = len(board.appointments) - len(live)
        parts = [self.tr("{n} appointments").format(n=len(live))]
        on_site = sum(1 for a in live if a.status in ON_SITE)
        if on_site:
            parts.append(self.tr("{n} cars in the workshop").format(n=on_site))
        waiting = sum(
            1
            for a in live
            if a.transport == Transport.WAITER and (a.status in ON_SITE or a.status in MOVABLE)
        )
        if waiting:
            parts.append(self.tr("{n} customers wait for their car").format(n=waiting))
        overrides = sum(1 for a in live if a.override_reason)
        if overrides:
            parts.append(self.tr("{n} booked by override").format(n=overrides))
        if hidden and not self.day_model.show_inactive:
            parts.append(self.tr("{n} cancelled or no-show not shown").format(n=hidden))
        hint = self.tr("Drag a card to move it, drag its right edge to change its length.")
        return " · ".join(parts) + ("    " + hint if self.can_book else "")

    def _axis_changed(self, _index: int) -> None:
        kind = ResourceKind(self.ui.axisCombo.currentData())
        self.day_model.set_axis(kind)
        self.week_model.set_axis(kind)

    def _inactive_toggled(self, on: bool) -> None:
        self.day_model.set_show_inactive(on)
        self.week_model.set_show_inactive(on)
        if isinstance(self.board, DayBoard):
            self.ui.statusLabel.setText(self._day_summary(self.board))

    def _week_day_chosen(self, day: dt.date) -> None:
        self.day = day
        self.set_mode("day")
        self.show_day(day)

    def _tick(self) -> None:
        self._ticks += 1
        self.ui.dayBoard.viewport().update()
        self.ui.dayBoard.horizontalHeader().viewport().update()
        busy = self.ui.dayBoard.interacting or self.ui.weekBoard.interacting
        if self._ticks % RELOAD_TICKS == 0 and self.isVisible() and not busy:
            self.reload()

    def _hint(self, text: str) -> None:
        self.ui.statusLabel.setText(text)
        self.sig_status.emit(text)

    # -- moving --------------------------------------------------------------------------

    def request_move(
        self,
        appointment_id: str,
        start: dt.datetime,
        resource: ResourceArg = None,
        end: dt.datetime | None = None,
        override_reason: str = "",
    ) -> None:
        """Move (or resize) through the service with every check; reload when it is done."""
        if not self.can_book:
            return
        (
            Operation(
                lambda: self.service.move(appointment_id, start, resource, end, override_reason)
            )
            .success(self._moved)
            .failure(lambda e: self._move_refused(e, appointment_id, start, resource, end))
            .run_in_background(self.runner)
        )

    def request_resize(self, appointment_id: str, end: dt.datetime) -> None:
        a = self._known(appointment_id)
        if a is not None:
            self.request_move(appointment_id, a.start, None, end)

    def _moved(self, a: Appointment) -> None:
        self.ui.dayBoard.follow(a.id)
        self._show_moved(a)
        text = self.tr("{plate} moved to {day} {start}–{end}.").format(
            plate=plate_text(a),
            day=f"{a.start:%m-%d}",
            start=f"{a.start:%H:%M}",
            end=f"{a.end:%H:%M}",
        )
        self._hint(text)

    def _show_moved(self, a: Appointment) -> None:
        """Put the service's answer on the board. A move within one day leaves the day's
        booked hours as they were, so the card is replaced where the board already is
        (a reload of a busy day costs more than the move itself); any other move reloads.
        Other desks' changes arrive with the periodic reload."""
        board = self.board
        before = self._known(a.id or "")
        shown = (isinstance(board, DayBoard) and self.mode == "day" and board.day == self.day) or (
            isinstance(board, WeekBoard)
            and self.mode == "week"
            and board.days[0] == self.week_start()
        )
        if not shown or before is None or before.start.date() != a.start.date():
            self.reload()  # another day (or week) is on its way, or the hours changed
            return
        assert board is not None
        cards = sorted(
            (a if x.id == a.id else x for x in board.appointments),
            key=lambda x: (x.start, x.serial),
        )
        if isinstance(board, DayBoard):
            self.board = replace(board, appointments=cards)
            self.day_model.set_board(self.board)
        else:
            self.board = replace(board, appointments=cards)
            self.week_model.set_board(self.board)

    def _move_refused(
        self,
        error: BaseException,
        appointment_id: str,
        start: dt.datetime,
        resource: ResourceArg,
        end: dt.datetime | None,
    ) -> None:
        """The card stays where it was; say why, and let a manager override with a reason."""
        self.ui.dayBoard.follow(None)
        title = self.tr("Cannot move the appointment")
        if not isinstance(error, BookingRefused):
            self.dialogs.warning(self, title, tr_error(error))
            return
        text = self.refusal_text(error)
        if error.can_override:
            reason = self.dialogs.ask_text(
                self, title, text + "\n\n" + self.tr("Reason for the override:")
            )
            if reason is None:
                return
            if not reason.strip():
                self.dialogs.warning(
                    self,
                    title,
                    QCoreApplication.translate(
                        "Messages", "An override needs a reason, which is recorded."
                    ),
                )
                return
            self.request_move(appointment_id, start, resource, end, reason.strip())
            return
        self.dialogs.warning(self, title, text)

    def refusal_text(self, error: BookingRefused) -> str:
        """Why the rules refuse, in the person's language, with the next free times."""
        lines = [tr_error(error)]
        for f in error.findings:
            message = QCoreApplication.translate("Messages", PROBLEM_MESSAGES[f.problem])
            lines.append("• " + message.format(**f.params))
        if error.offers:
            names = {}
            if self.board is not None:
                names = {r.id: r.name for r in self.board.resources.get(ResourceKind.BAY, [])}
            lines.append("")
            lines.append(self.tr("Next free times:"))
            for o in error.offers:
                lines.append(
                    f"• {o.start:%m-%d %H:%M}–{o.end:%H:%M}  {names.get(o.bay_id, '')}".rstrip()
                )
        if error.can_override:
            lines.append("")
            lines.append(
                self.tr("You may book it anyway as a manager: give the reason, which is recorded.")
            )
        return "\n".join(lines)

    # -- status --------------------------------------------------------------------------

    def set_status(self, appointment_id: str, status: Status) -> None:
        if not self.can_book:
            return
        a = self._known(appointment_id)
        label = tr_label(STATUS_LABELS[status])
        if status in (Status.NO_SHOW, Status.CANCELLED):
            what = f"{plate_text(a)} {a.start:%H:%M} {a.customer_name}" if a else ""
            if not self.dialogs.ask_confirm(
                self,
                self.tr("Appointments"),
                self.tr("Mark {what} as “{status}”?").format(what=what.strip(), status=label),
            ):
                return
        (
            Operation(lambda: self.service.set_status(appointment_id, status))
            .success(lambda done: self._status_set(done, label))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _status_set(self, a: Appointment, label: str) -> None:
        self.ui.dayBoard.follow(a.id)
        self._hint(self.tr("{plate}: {status}.").format(plate=plate_text(a), status=label))
        self.reload()

    def _known(self, appointment_id: str) -> Appointment | None:
        if self.board is None:
            return None
        for a in self.board.appointments:
            if a.id == appointment_id:
                return a
        return None

    # -- dialogs of the area (other modules, loaded on first use) ------------------------

    def _selected_slot(self) -> tuple[dt.datetime | None, ResourceArg]:
        """The empty cell chosen on the day board, as a start and a resource for booking."""
        if self.mode != "day":
            return None, None
        index = self.ui.dayBoard.currentIndex()
        if not index.isValid() or self.day_model.card_at(index) is not None:
            return None, None
        row = self.day_model.board_row(index.row())
        start = self.day_model.slot_start(index.column())
        if row is None or start is None or start < self.service.now():
            return None, None
        return start, (self.day_model.axis, row.key)

    def new_appointment(self, start: dt.datetime | None, resource: ResourceArg) -> None:
        from .booking_dialog import BookingDialog

        if start is None:
            start, resource = self._selected_slot()
        dialog = BookingDialog(
            self.service,
            self.customers,
            self.runner,
            self.dialogs,
            start=start,
            resource=resource,
            parent=self,
        )
        self._show_dialog(dialog)

    def walk_in(self) -> None:
        from .booking_dialog import BookingDialog

        dialog = BookingDialog(
            self.service, self.customers, self.runner, self.dialogs, walk_in=True, parent=self
        )
        self._show_dialog(dialog)

    def open_appointment(self, appointment_id: str) -> None:
        from .booking_dialog import BookingDialog

        dialog = BookingDialog(
            self.service,
            self.customers,
            self.runner,
            self.dialogs,
            appointment_id=appointment_id,
            parent=self,
        )
        self._show_dialog(dialog)

    def _show_dialog(self, dialog: Any) -> None:
        dialog.sig_saved.connect(self._saved)
        self.open_dialog = dialog
        dialog.show()

    def _saved(self, appointment_id: str) -> None:
        a = self._known(appointment_id)
        self._hint(self.tr("Appointment saved."))
        self.ui.dayBoard.follow(appointment_id)
        if a is None:  # a new one: show the day it was booked on
            (
                Operation(lambda: self.service.open(appointment_id))
                .success(lambda f: self.show_day(f.appointment.start.date()))
                .failure(self._failed)
                .run_in_background(self.runner)
            )
            return
        self.reload()

    def check_in(self, appointment_id: str) -> None:
        if not self.can_check_in:
            return
        from .checkin_dialog import CheckInDialog

        dialog = CheckInDialog(self.service, self.runner, self.dialogs, appointment_id, self)
        dialog.sig_checked_in.connect(self._checked_in)
        self.open_dialog = dialog
        dialog.show()

    def _checked_in(self, appointment_id: str) -> None:
        self.ui.dayBoard.follow(appointment_id)
        self._hint(self.tr("Checked in; the repair order is open."))
        self.reload()

    def confirmations(self) -> None:
        from .confirmation import ConfirmationDialog

        tomorrow = self.service.now().date() + dt.timedelta(days=1)
        dialog = ConfirmationDialog(self.service, self.runner, self.dialogs, tomorrow, self)
        dialog.sig_changed.connect(self.reload)
        dialog.sig_open_appointment.connect(self.open_appointment)  # to move it, say
        self.open_dialog = dialog
        dialog.show()

    def show_reception(self) -> None:
        """The waiting-area board, full screen — on a second screen when there is one."""
        from .reception import ReceptionDisplay

        display = self.reception_display
        if display is None:
            display = ReceptionDisplay(self.service, self.runner)
            display.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.reception_display = display
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            display.setGeometry(screens[-1].geometry())
        display.showFullScreen()
        display.raise_()
        display.refresh()

    # -- printing ------------------------------------------------------------------------

    def _language(self) -> str:
        return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"

    def print_day_sheet(self) -> None:
        self._print("day-sheet", self.day.isoformat())

    def print_document(self, kind: str, appointment_id: str) -> None:
        self._print(kind, appointment_id)

    def _print(self, kind: str, key: str) -> None:
        from ...services.appointment_documents import print_to_folder

        db, session, lang = self.service.db, self.service.session, self._language()
        folder = data_dir() / "prints"
        (
            Operation(lambda: print_to_folder(db, session, kind, key, lang, folder))
            .success(self._printed)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _printed(self, path: Path) -> None:
        self.last_print = path
        self._hint(self.tr("Saved as {path}").format(path=path))
        self.dialogs.show_document(self, path)

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Appointments"), tr_error(error))
