"""Day-before confirmation calls: the day's bookings to confirm and what the call rule advises.

Each attempt is recorded with its outcome; the list shows how many calls were made and at
which times of day, and advises what to do next under the unreachable rule (domain.md §5):
call now, try again at another time of day, send a message after three attempts, or correct a
wrong number. Confirmed bookings stay on the list, marked as done.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QItemSelection, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QPushButton, QWidget

from ...domain.appointments import (
    CALL_OUTCOME_LABELS,
    STATUS_LABELS,
    CallAdvice,
    CallOutcome,
    DayPart,
    Status,
    day_part,
)
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.identifiers import format_plate
from ...services.appointments import AppointmentService, Call, ConfirmationRow
from ..forms.ui_confirmation_dialog import Ui_ConfirmationDialog
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..table_model import Column, RowTableModel
from ..tasks import Operation, TaskRunner

ADVICE_LABELS = {
    CallAdvice.CALL: QT_TRANSLATE_NOOP("Labels", "Call now"),
    CallAdvice.LATER: QT_TRANSLATE_NOOP("Labels", "Try at another time of day"),
    CallAdvice.SEND_MESSAGE: QT_TRANSLATE_NOOP("Labels", "Send a message"),
    CallAdvice.DONE: QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    CallAdvice.CORRECT_NUMBER: QT_TRANSLATE_NOOP("Labels", "Correct the number"),
}
# background, text
ADVICE_COLOURS = {
    CallAdvice.CALL: ("#dbe7f5", "#1f3349"),
    CallAdvice.LATER: ("#fff1c2", "#5a4300"),
    CallAdvice.SEND_MESSAGE: ("#ffd9b3", "#5a2b00"),
    CallAdvice.DONE: ("#d7efd7", "#1b4d1b"),
    CallAdvice.CORRECT_NUMBER: ("#f6c9c9", "#5a1010"),
}
DAY_PART_LABELS = {
    DayPart.MORNING: QT_TRANSLATE_NOOP("Labels", "morning"),
    DayPart.AFTERNOON: QT_TRANSLATE_NOOP("Labels", "afternoon"),
    DayPart.EVENING: QT_TRANSLATE_NOOP("Labels", "evening"),
}
ADVICE_COLUMN = 7
Index = QModelIndex | QPersistentModelIndex


def _advice(row: ConfirmationRow) -> CallAdvice:
    """Cancelled or moved on the phone: nothing more to do."""
    if row.appointment.status not in (Status.BOOKED, Status.CONFIRMED):
        return CallAdvice.DONE
    return row.advice


def calls_text(calls: list[Call]) -> str:
    """``2 · 09:10 morning, 14:20 afternoon``: how often and at which times of day."""
    if not calls:
        return "—"
    times = ", ".join(
        f"{c.called_at:%H:%M} {tr_label(DAY_PART_LABELS[day_part(c.called_at)])}" for c in calls
    )
    return f"{len(calls)} · {times}"


class ConfirmationModel(RowTableModel[ConfirmationRow]):
    """The rows with the advice column coloured like a traffic light."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == ADVICE_COLUMN:
            row = self.row_at(index.row())
            if row is not None:
                background, text = ADVICE_COLOURS[_advice(row)]
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QColor(background)
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QColor(text)
        return super().data(index, role)


class ConfirmationDialog(QDialog):
    sig_changed = Signal()
    sig_open_appointment = Signal(str)  # the caller opens the booking dialog (to move it)

    def __init__(
        self,
        service: AppointmentService,
        runner: TaskRunner,
        dialogs: DialogService,
        day: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_ConfirmationDialog()
        self.ui.setupUi(self)
        self._selected_id: str | None = None
        self._generation = 0
        self.rows = ConfirmationModel(
            [
                Column(lambda: self.tr("Time"), lambda r: f"{r.appointment.start:%H:%M}"),
                Column(
                    lambda: self.tr("Plate"),
                    lambda r: format_plate(r.appointment.plate) if r.appointment.plate else "",
                ),
                Column(lambda: self.tr("Customer"), lambda r: r.appointment.customer_name),
                Column(lambda: self.tr("Phone"), lambda r: r.appointment.phone),
                Column(lambda: self.tr("Model"), lambda r: r.appointment.model_name),
                Column(lambda: self.tr("Work"), lambda r: r.appointment.work_summary),
                Column(lambda: self.tr("Calls so far"), lambda r: calls_text(r.calls)),
                Column(lambda: self.tr("Advice"), lambda r: tr_label(ADVICE_LABELS[_advice(r)])),
            ],
            self,
        )
        u = self.ui
        u.rowsView.setModel(self.rows)
        u.rowsView.verticalHeader().setVisible(False)
        header = u.rowsView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        u.rowsView.selectionModel().selectionChanged.connect(self._selection_changed)
        self.outcome_buttons: dict[CallOutcome, QPushButton] = {
            CallOutcome.CONFIRMED: u.confirmedButton,
            CallOutcome.NO_ANSWER: u.noAnswerButton,
            CallOutcome.BUSY: u.busyButton,
            CallOutcome.WRONG_NUMBER: u.wrongNumberButton,
            CallOutcome.RESCHEDULE: u.rescheduleButton,
            CallOutcome.CANCEL: u.cancelButton,
        }
        for outcome, button in self.outcome_buttons.items():
            button.setText(tr_label(CALL_OUTCOME_LABELS[outcome]))
            button.clicked.connect(lambda _checked=False, o=outcome: self.record(o))
        u.confirmedButton.setStyleSheet("font-weight: 600;")
        u.dayEdit.setDate(QDate(day.year, day.month, day.day))
        u.dayEdit.dateChanged.connect(lambda _d: self.refresh())
        u.refreshButton.clicked.connect(self.refresh)
        u.openButton.clicked.connect(self._open_appointment)
        u.buttonBox.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Confirmation calls"))
        self._show_selected(None)
        self.refresh()

    @property
    def day(self) -> dt.date:
        d = self.ui.dayEdit.date()
        return dt.date(d.year(), d.month(), d.day())

    # -- the list ------------------------------------------------------------------------

    def refresh(self) -> None:
        day = self.day
        self._generation += 1
        generation = self._generation
        (
            Operation(lambda: self.service.confirmation_list(day))
            .success(lambda rows: self._show_rows(generation, rows))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_rows(self, generation: int, rows: list[ConfirmationRow]) -> None:
        if generation != self._generation:
            return
        wanted = self._selected_id
        self.rows.set_rows(rows)
        counts = {advice: 0 for advice in CallAdvice}
        for row in rows:
            counts[_advice(row)] += 1
        self.ui.summaryLabel.setText(
            self.tr(
                "{total} bookings · {call} to call · {later} to try later · {message} to message "
                "· {done} confirmed"
            ).format(
                total=len(rows),
                call=counts[CallAdvice.CALL],
                later=counts[CallAdvice.LATER],
                message=counts[CallAdvice.SEND_MESSAGE],
                done=counts[CallAdvice.DONE],
            )
        )
        for index, row in enumerate(rows):
            if row.appointment.id == wanted:
                self.ui.rowsView.selectRow(index)
                self._show_selected(row)
                return
        first = next((i for i, r in enumerate(rows) if _advice(r) == CallAdvice.CALL), None)
        if first is not None:
            self.ui.rowsView.selectRow(first)
        else:
            self._show_selected(None)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_selected(self.rows.row_at(indexes[0].row()) if indexes else None)

    def selected(self) -> ConfirmationRow | None:
        rows = self.ui.rowsView.selectionModel().selectedRows()
        return self.rows.row_at(rows[0].row()) if rows else None

    def _show_selected(self, row: ConfirmationRow | None) -> None:
        u = self.ui
        for button in (*self.outcome_buttons.values(), u.openButton):
            button.setEnabled(row is not None)
        u.noteEdit.setEnabled(row is not None)
        if row is None:
            self._selected_id = None
            u.detailLabel.setText(self.tr("Choose a booking in the list."))
            u.callsLabel.setText("")
            u.hintLabel.setText("")
            return
        a = row.appointment
        self._selected_id = a.id
        plate = format_plate(a.plate) if a.plate else ""
        u.detailLabel.setText(
            "<span style='font-size:14pt;font-weight:600'>{name}</span><br>"
            "<span style='font-size:16pt'>{phone}</span><br>{plate} {model}<br>"
            "<span style='color:#555'>{when} · {work} · {status}</span>".format(
                name=_html(a.customer_name),
                phone=_html(a.phone),
                plate=_html(plate),
                model=_html(a.model_name),
                when=f"{a.start:%Y-%m-%d %H:%M}",
                work=_html(a.work_summary),
                status=_html(tr_label(STATUS_LABELS[a.status])),
            )
        )
        if row.calls:
            lines = "".join(
                "<tr><td>{when}</td><td>&nbsp;{part}&nbsp;</td><td><b>{outcome}</b></td>"
                "<td>&nbsp;{note}</td><td style='color:#777'>&nbsp;{who}</td></tr>".format(
                    when=f"{c.called_at:%m-%d %H:%M}",
                    part=tr_label(DAY_PART_LABELS[day_part(c.called_at)]),
                    outcome=_html(tr_label(CALL_OUTCOME_LABELS[c.outcome])),
                    note=_html(c.note),
                    who=_html(c.actor_name),
                )
                for c in row.calls
            )
            u.callsLabel.setText(f"<table>{lines}</table>")
        else:
            u.callsLabel.setText(self.tr("Not called yet."))
        u.hintLabel.setText(self._hint(row))

    def _hint(self, row: ConfirmationRow) -> str:
        advice = _advice(row)
        if row.appointment.status == Status.CANCELLED:
            return self.tr("Cancelled on the phone.")
        if row.calls and row.calls[-1].outcome == CallOutcome.RESCHEDULE:
            return self.tr("Open the appointment to move it to the time the customer wants.")
        if advice == CallAdvice.LATER:
            return self.tr(
                "Already tried at this time of day: call again in another part of the day."
            )
        if advice == CallAdvice.SEND_MESSAGE:
            return self.tr("Three attempts failed: send the customer a message instead.")
        if advice == CallAdvice.CORRECT_NUMBER:
            return self.tr("Wrong number: correct it in the customer's file, then call again.")
        return ""

    # -- recording -----------------------------------------------------------------------

    def record(self, outcome: CallOutcome) -> None:
        row = self.selected()
        aid = row.appointment.id if row else None
        if row is None or aid is None:
            return
        a = row.appointment
        if outcome == CallOutcome.CANCEL and not self.dialogs.ask_confirm(
            self,
            self.tr("Cancel the appointment"),
            self.tr("Cancel {plate}'s appointment on {when}? The bay and time become free.").format(
                plate=format_plate(a.plate) if a.plate else a.customer_name,
                when=f"{a.start:%Y-%m-%d %H:%M}",
            ),
        ):
            return
        note = self.ui.noteEdit.text()
        self._selected_id = aid
        for button in self.outcome_buttons.values():
            button.setEnabled(False)
        (
            Operation(lambda: self.service.record_call(aid, outcome, note))
            .success(self._recorded)
            .failure(self._record_failed)
            .run_in_background(self.runner)
        )

    def _recorded(self, _row: ConfirmationRow) -> None:
        self.ui.noteEdit.clear()
        self.sig_changed.emit()
        self.refresh()

    def _record_failed(self, error: BaseException) -> None:
        self._show_selected(self.selected())
        self._failed(error)

    def _open_appointment(self) -> None:
        row = self.selected()
        if row is not None and row.appointment.id:
            self.sig_open_appointment.emit(row.appointment.id)

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Confirmation calls"), tr_error(error))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
