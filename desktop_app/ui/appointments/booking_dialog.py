"""Book a visit on the phone, register a walk-in, or open an appointment's register (预约登记表).

The advisor finds the customer and vehicle (or adds them), ticks jobs of the labour catalogue
and picks day, time and bay. Every change is checked against the workshop rules in the
background, a moment after the last keystroke, and the answer is shown in words with the day's
load and the next free slots; taking a slot sets the time and bay. A refused save keeps
everything typed; when only a manager's override would help, a manager types the reason (it is
recorded) and saves again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QListWidgetItem,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from ...domain.appointments import (
    CALL_OUTCOME_LABELS,
    HOUR,
    INACTIVE,
    MOVABLE,
    PROBLEM_MESSAGES,
    STATUS_COLOURS,
    STATUS_LABELS,
    Appointment,
    CallOutcome,
    DayLoad,
    Finding,
    LabourOp,
    Problem,
    ResourceKind,
    SlotOffer,
    Status,
    Transport,
    WorkItem,
    WorkshopRules,
    duration_for,
    estimate_for,
)
from ...domain.customers import VehicleModel
from ...domain.errors import DomainError, ValidationError
from ...domain.identifiers import format_plate
from ...domain.roles import Permission
from ...services.appointments import (
    AppointmentFile,
    AppointmentService,
    BookingRefused,
    Call,
    Draft,
    Event,
    Resource,
)
from ...services.customers import CustomerFile, CustomerHit, CustomerService
from ...services.errors import StorageEnvironmentError
from ..forms.ui_booking_dialog import Ui_BookingDialog
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..table_model import Column, RowTableModel
from ..tasks import Operation, TaskRunner
from ..widgets import mark_invalid
from .checkin_dialog import CheckInDialog, money, print_folder, ui_language

SEARCH_DELAY_MS = 120
CHECK_DELAY_MS = 150
FIRST_TIME = dt.time(6, 0)  # the time list runs from here …
LAST_TIME = dt.time(22, 0)  # … to here; the opening hours of the day are in black
SERVICE_BAY_KINDS = ("general", "quick", "body")
CATEGORY_ORDER = ("maintenance", "repair", "diagnosis", "campaign", "body")
OK_COLOUR = "#1b5e20"
PROBLEM_COLOUR = "#b00020"
HINT_COLOUR = "#555555"


@dataclass(frozen=True)
class _Reference:
    rules: WorkshopRules
    ops: list[LabourOp]
    resources: dict[ResourceKind, list[Resource]]
    file: AppointmentFile | None


def finding_text(f: Finding) -> str:
    """A finding of the rules in the user's language."""
    return QCoreApplication.translate("Messages", PROBLEM_MESSAGES[f.problem]).format(**f.params)


def status_pill_style(status: Status) -> str:
    background, text = STATUS_COLOURS[status]
    return (
        f"background: {background}; color: {text}; border-radius: 9px; padding: 3px 10px;"
        " font-weight: 600;"
    )


def minutes_of(op: LabourOp) -> int:
    return int((op.hours * HOUR).to_integral_value(rounding=ROUND_HALF_UP))


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _local_time(text: str) -> str:
    """A stored UTC timestamp as local time for people."""
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _date(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class BookingDialog(QDialog):
    sig_saved = Signal(str)  # appointment id

    def __init__(
        self,
        service: AppointmentService,
        customers: CustomerService,
        runner: TaskRunner,
        dialogs: DialogService,
        start: dt.datetime | None = None,
        resource: tuple[ResourceKind, str | None] | None = None,
        appointment_id: str | None = None,
        walk_in: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.customers = customers
        self.runner = runner
        self.dialogs = dialogs
        self.appointment_id = appointment_id
        self.walk_in = walk_in and appointment_id is None
        self._start = start
        self._resource = resource
        self.ui = Ui_BookingDialog()
        self.ui.setupUi(self)

        self.rules = WorkshopRules()
        self.ops: list[LabourOp] = []
        self.resources: dict[ResourceKind, list[Resource]] = {}
        self.file: AppointmentFile | None = None
        self.customer: CustomerFile | None = None
        self.findings: list[Finding] = []
        self.offers: list[SlotOffer] = []
        self.load: DayLoad | None = None
        self.saved_id: str | None = None
        self.last_print: Path | None = None
        self._ready = False
        self._filling = False
        self._search_generation = 0
        self._check_generation = 0
        self._customer_generation = 0
        self._pending_vehicle: str | None = None
        self._kept_length: dt.timedelta | None = None  # a length set on the board, kept
        self._loaded_work: list[WorkItem] = []
        self._time_locked = False  # in the workshop: the time can no longer change
        self.open_dialog: QDialog | None = None

        self.history = RowTableModel[Event](
            [
                Column(lambda: self.tr("When"), lambda e: _local_time(e.at)),
                Column(lambda: self.tr("Who"), lambda e: e.actor_name),
                Column(lambda: self.tr("What"), self._describe_event),
            ],
            self,
        )
        self.calls = RowTableModel[Call](
            [
                Column(lambda: self.tr("When"), lambda c: f"{c.called_at:%Y-%m-%d %H:%M}"),
                Column(
                    lambda: self.tr("Outcome"), lambda c: tr_label(CALL_OUTCOME_LABELS[c.outcome])
                ),
                Column(lambda: self.tr("Who"), lambda c: c.actor_name),
                Column(lambda: self.tr("Note"), lambda c: c.note),
            ],
            self,
        )
        self._setup_widgets()
        self._connect()
        self._set_mode()
        self.reload()

    # -- set-up --------------------------------------------------------------------------

    def _setup_widgets(self) -> None:
        u = self.ui
        u.historyView.setModel(self.history)
        u.callsView.setModel(self.calls)
        for view in (u.historyView, u.callsView):
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        header = u.workTree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        u.resultsList.setTextElideMode(Qt.TextElideMode.ElideRight)
        u.resultsList.setUniformItemSizes(True)
        u.capacityBar.setFormat("")
        u.vehicleCombo.setPlaceholderText(self.tr("Choose the customer first"))
        u.statusLabel.hide()
        can_edit_customers = self.customers.session.can(Permission.EDIT_CUSTOMERS)
        u.newCustomerButton.setEnabled(can_edit_customers)
        u.newVehicleButton.setEnabled(False)
        self._can_edit_customers = can_edit_customers
        self._can_override = self.service.session.can(Permission.OVERRIDE_CAPACITY)
        self._set_override_enabled(False)
        self.save_button.setEnabled(False)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)

    def _connect(self) -> None:
        u = self.ui
        u.searchEdit.textEdited.connect(lambda _t: self._search_timer.start())
        u.searchEdit.returnPressed.connect(self.run_search)
        u.resultsList.currentItemChanged.connect(self._hit_chosen)
        u.newCustomerButton.clicked.connect(self.new_customer)
        u.newVehicleButton.clicked.connect(self.new_vehicle)
        u.vehicleCombo.currentIndexChanged.connect(self._vehicle_changed)
        u.workFilterEdit.textChanged.connect(self._filter_work)
        u.workTree.itemChanged.connect(self._work_changed)
        u.dateEdit.dateChanged.connect(self._date_changed)
        for combo in (u.timeCombo, u.bayCombo, u.technicianCombo):
            combo.currentIndexChanged.connect(self.schedule_check)
        u.waiterRadio.toggled.connect(self.schedule_check)
        u.slotsList.itemActivated.connect(self._offer_activated)
        u.findingsLabel.linkActivated.connect(self._link_activated)
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        u.checkInButton.clicked.connect(self.check_in)
        u.printRegisterButton.clicked.connect(lambda: self.print_document("register"))
        u.printCheckinButton.clicked.connect(lambda: self.print_document("checkin"))

    def _set_mode(self) -> None:
        u = self.ui
        existing = self.appointment_id is not None
        u.headerFrame.setVisible(existing)
        if not existing:
            u.tabs.removeTab(u.tabs.indexOf(u.historyTab))
            u.tabs.tabBar().hide()
        if self.walk_in:
            self.setWindowTitle(self.tr("Walk-in customer"))
            self.save_button.setText(self.tr("Register walk-in"))
            u.dateEdit.setEnabled(False)
            u.timeCombo.setEnabled(False)
        elif existing:
            self.setWindowTitle(self.tr("Appointment"))
            self.save_button.setText(self.tr("Save changes"))
        else:
            self.setWindowTitle(self.tr("Book an appointment"))
            self.save_button.setText(self.tr("Book"))

    @property
    def save_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter searches or moves on; it never books a half-filled form by accident."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QAbstractButton
        ):
            if self.focusWidget() is self.ui.searchEdit:
                self.run_search()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the rules, catalogue, people and bays (and the appointment, if any)."""
        service, aid = self.service, self.appointment_id

        def load() -> _Reference:
            return _Reference(
                service.rules(),
                service.labour_ops(),
                service.resources(),
                service.open(aid) if aid else None,
            )

        Operation(load).success(self._loaded).failure(self._load_failed).run_in_background(
            self.runner
        )

    def _load_failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.windowTitle(), tr_error(error))
        if not self._ready:
            self.reject()

    def _loaded(self, ref: _Reference) -> None:
        self._filling = True
        try:
            first = not self._ready
            self.rules, self.ops, self.resources = ref.rules, ref.ops, ref.resources
            if first:
                self._fill_resources()
                self._fill_catalogue()
            self.file = ref.file
            if ref.file is not None:
                self._show_file(ref.file, fill_form=first)
            elif first:
                self.set_start(self._initial_start())
                self._preselect_resource()
        finally:
            self._filling = False
        self._ready = True
        self._update_totals()
        self._update_save_enabled()
        if first and ref.file is None:
            self.ui.searchEdit.setFocus()
        self.schedule_check()

    def _initial_start(self) -> dt.datetime:
        now = self.service.now()
        if self.walk_in:
            slot = now.replace(second=0, microsecond=0)
            return slot - dt.timedelta(minutes=slot.minute % self.rules.slot_minutes)
        if self._start is not None:
            return self._start
        start = self.rules.round_up(now)
        for offset in range(8):  # the first opening time from now on
            span = self.rules.hours(start.date() + dt.timedelta(days=offset))
            if span is None:
                continue
            if offset == 0 and start < span[1]:
                return max(start, span[0])
            if offset > 0:
                return span[0]
        return start

    def _fill_resources(self) -> None:
        u = self.ui
        u.bayCombo.addItem(self.tr("Any free bay"), None)
        for bay in self.resources.get(ResourceKind.BAY, []):
            if bay.category in SERVICE_BAY_KINDS:
                u.bayCombo.addItem(bay.name, bay.id)
        u.technicianCombo.addItem(self.tr("Not assigned yet"), None)
        for tech in self.resources.get(ResourceKind.TECHNICIAN, []):
            u.technicianCombo.addItem(tech.name, tech.id)
        me = self.service.session.staff
        advisors = self.resources.get(ResourceKind.ADVISOR, [])
        if all(a.id != me.id for a in advisors):
            u.advisorCombo.addItem(self.tr("{name} (you)").format(name=me.full_name), None)
        for advisor in advisors:
            u.advisorCombo.addItem(advisor.name, advisor.id)
        _select_data(u.advisorCombo, me.id)

    def _ensure_resource(self, combo: QComboBox, kind: ResourceKind, rid: str | None) -> None:
        """Select ``rid``, adding it when it is not offered by default (e.g. a wash bay)."""
        if rid is None:
            combo.setCurrentIndex(0)
            return
        if combo.findData(rid) < 0:
            for r in self.resources.get(kind, []):
                if r.id == rid:
                    combo.addItem(r.name, r.id)
        _select_data(combo, rid)

    def _preselect_resource(self) -> None:
        if self._resource is None:
            return
        kind, rid = self._resource
        combo = {
            ResourceKind.BAY: self.ui.bayCombo,
            ResourceKind.TECHNICIAN: self.ui.technicianCombo,
            ResourceKind.ADVISOR: self.ui.advisorCombo,
        }[kind]
        self._ensure_resource(combo, kind, rid)

    def _fill_catalogue(self, extra: Sequence[WorkItem] = ()) -> None:
        """The labour catalogue as a checkable list; ``extra``: booked jobs not in it."""
        tree = self.ui.workTree
        tree.blockSignals(True)
        tree.clear()
        order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
        for op in sorted(self.ops, key=lambda o: (order.get(o.category, 99), o.code)):
            self._add_work_item(WorkItem(op.name, minutes_of(op), op.code), checked=False)
        for work in extra:  # typed in, or no longer in the catalogue
            self._add_work_item(work, checked=True)
        tree.blockSignals(False)

    def _add_work_item(self, work: WorkItem, checked: bool) -> None:
        hours = f"{Decimal(work.minutes) / HOUR:.2f}".rstrip("0").rstrip(".")
        item = QTreeWidgetItem([work.name, work.code, hours])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(0, Qt.ItemDataRole.UserRole, work)
        item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.ui.workTree.addTopLevelItem(item)

    # -- an existing appointment ---------------------------------------------------------

    def _show_file(self, file: AppointmentFile, fill_form: bool) -> None:
        a = file.appointment
        u = self.ui
        status = tr_label(STATUS_LABELS[a.status])
        self.setWindowTitle(self.tr("Appointment {serial}").format(serial=a.serial))
        u.statusLabel.setText(status)
        u.statusLabel.setStyleSheet(status_pill_style(a.status))
        u.statusLabel.show()
        created = next((e for e in file.events if e.kind == "created"), None)
        lines = [
            f"<b style='font-size:13pt'>{a.serial}</b>",
            self.tr("booked {when} by {who}").format(
                when=_local_time(created.at), who=_html(created.actor_name)
            )
            if created
            else "",
            self.tr("repair order {number}").format(number=file.repair_order.number)
            if file.repair_order
            else "",
            self.tr("override: {reason}").format(reason=_html(a.override_reason))
            if a.override_reason
            else "",
        ]
        u.registerLabel.setText(" · ".join(x for x in lines if x))
        self.history.set_rows(file.events)
        self.calls.set_rows(file.calls)
        u.tabs.setTabText(
            u.tabs.indexOf(u.historyTab), self.tr("History ({n})").format(n=len(file.events))
        )
        can_check_in = self.service.session.can(Permission.CHECK_IN)
        u.checkInButton.setVisible(file.checkin is None)
        u.checkInButton.setEnabled(
            can_check_in and a.status in (Status.BOOKED, Status.CONFIRMED, Status.ARRIVED)
        )
        u.printCheckinButton.setEnabled(file.checkin is not None)
        closed = a.status in INACTIVE or a.status == Status.HANDED_OVER
        self._time_locked = a.status not in MOVABLE
        if fill_form:
            self._fill_form(file)
        locked = self._time_locked
        if locked:  # the repair order now holds the work: keep the booked time and length
            self._kept_length = a.end - a.start
        editable: list[QWidget] = [u.dateEdit, u.timeCombo, u.customerGroup, u.workGroup]
        for widget in editable:
            widget.setEnabled(not locked)
        feedback: list[QWidget] = [u.capacityBar, u.slotsLabel, u.slotsList]
        for widget in feedback:
            widget.setVisible(not locked)
        self._set_override_enabled(False)
        u.bookingTab.setEnabled(not closed)
        self.save_button.setVisible(not closed)
        if closed:
            self._show_note(self.tr("This appointment is closed and can no longer be changed."))
        elif locked:
            self._show_note(
                self.tr(
                    "The car is in the workshop: the time, customer and work can no longer be "
                    "changed here (the repair order holds the work)."
                )
            )

    def _fill_form(self, file: AppointmentFile) -> None:
        a = file.appointment
        u = self.ui
        codes = {op.code for op in self.ops}
        self._fill_catalogue([w for w in a.work if not w.code or w.code not in codes])
        booked = {w.code: w for w in a.work if w.code in codes}
        u.workTree.blockSignals(True)
        for item in self._work_items():  # as booked, even if the catalogue changed since
            work = booked.get(item.text(1))
            if work is not None:
                item.setData(0, Qt.ItemDataRole.UserRole, work)
                item.setCheckState(0, Qt.CheckState.Checked)
        u.workTree.blockSignals(False)
        self._loaded_work = self.checked_work()
        if duration_for(Decimal(sum(w.minutes for w in a.work)) / HOUR, self.rules) != (
            a.end - a.start
        ):
            self._kept_length = a.end - a.start
        self.set_start(a.start)
        u.waiterRadio.setChecked(a.transport == Transport.WAITER)
        u.dropOffRadio.setChecked(a.transport != Transport.WAITER)
        self._ensure_resource(u.bayCombo, ResourceKind.BAY, a.bay_id)
        self._ensure_resource(u.technicianCombo, ResourceKind.TECHNICIAN, a.technician_id)
        if a.advisor_id:
            self._ensure_resource(u.advisorCombo, ResourceKind.ADVISOR, a.advisor_id)
        u.faultEdit.setPlainText(a.fault)
        u.partsEdit.setPlainText(a.parts)
        u.phoneRecordEdit.setPlainText(a.phone_record)
        u.remarksEdit.setPlainText(a.remarks)
        u.searchEdit.setText(a.customer_name)
        if a.customer_id:
            self.choose_customer(a.customer_id, a.vehicle_id)
        else:
            u.customerInfoLabel.setText(_html(f"{a.customer_name} {a.phone}"))

    def _describe_event(self, e: Event) -> str:
        def status(value: str | None) -> str:
            return tr_label(STATUS_LABELS[Status(value)]) if value else ""

        if e.kind == "created":
            return (
                self.tr("Booked for {when}").format(when=e.detail)
                if e.detail
                else self.tr("Booked")
            )
        if e.kind == "status":
            text = self.tr("{before} → {after}").format(
                before=status(e.from_status), after=status(e.to_status)
            )
            return f"{text} ({e.detail})" if e.detail else text
        if e.kind == "moved":
            return self.tr("Moved: {detail}").format(detail=e.detail)
        if e.kind == "override":
            return self.tr("Manager's override: {reason}").format(reason=e.detail)
        if e.kind == "call":
            try:
                outcome = tr_label(CALL_OUTCOME_LABELS[CallOutcome(e.detail)])
            except ValueError:
                outcome = e.detail
            return self.tr("Confirmation call: {outcome}").format(outcome=outcome)
        if e.kind == "edited":
            return self.tr("Details changed")
        if e.kind == "checkin":
            return self.tr("Checked in")
        return f"{e.kind} {e.detail}".strip()

    # -- customer and vehicle ------------------------------------------------------------

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.ui.searchEdit.text()
        self._search_generation += 1
        generation = self._search_generation
        if not text.strip():
            self.ui.resultsList.clear()
            self.ui.resultsInfo.setText("")
            return
        (
            Operation(lambda: self.customers.search(text))
            .success(lambda hits: self._show_hits(generation, text, hits))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_hits(self, generation: int, text: str, hits: list[CustomerHit]) -> None:
        if generation != self._search_generation:
            return
        u = self.ui
        u.resultsList.blockSignals(True)
        u.resultsList.clear()
        for hit in hits:
            parts = [hit.name, hit.mobile, hit.vehicles]
            item = QListWidgetItem("  ·  ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            item.setToolTip("\n".join(p for p in parts if p))
            u.resultsList.addItem(item)
        u.resultsList.blockSignals(False)
        if not hits:
            u.resultsInfo.setText(
                self.tr("No customer matches “{text}”. Add a new customer?").format(text=text)
            )
        elif len(hits) == 1:
            u.resultsInfo.setText("")
            u.resultsList.setCurrentRow(0)
        else:
            u.resultsInfo.setText(self.tr("{n} matches: choose one").format(n=len(hits)))

    def _hit_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.choose_customer(str(item.data(Qt.ItemDataRole.UserRole)))

    def choose_customer(self, customer_id: str, vehicle_id: str | None = None) -> None:
        """Open the customer's file and offer their vehicles (``vehicle_id`` preselected)."""
        self._customer_generation += 1
        generation = self._customer_generation
        self._pending_vehicle = vehicle_id
        (
            Operation(lambda: self.customers.open_file(customer_id))
            .success(
                lambda f: (
                    self._show_customer(f) if generation == self._customer_generation else None
                )
            )
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_customer(self, file: CustomerFile) -> None:
        self.customer = file
        c = file.customer
        u = self.ui
        phone = c.mobile or c.phone2
        info = f"<b style='font-size:12pt'>{_html(c.name)}</b>&nbsp;&nbsp;{_html(phone)}"
        if not phone:
            info += "&nbsp;&nbsp;<span style='color:{}'>{}</span>".format(
                PROBLEM_COLOUR, self.tr("no phone number on file")
            )
        u.customerInfoLabel.setText(info)
        wanted = self._pending_vehicle or self._vehicle_matching(u.searchEdit.text())
        self._pending_vehicle = None
        u.vehicleCombo.blockSignals(True)
        u.vehicleCombo.clear()
        for v in file.vehicles:
            plate = format_plate(v.plate) if v.plate else self.tr("no plate")
            u.vehicleCombo.addItem(f"{plate}  {v.model_name}".strip(), v.id)
        if not file.vehicles:
            u.vehicleCombo.addItem(self.tr("No vehicle on file: add one"), None)
        u.vehicleCombo.setCurrentIndex(max(0, u.vehicleCombo.findData(wanted)) if wanted else 0)
        u.vehicleCombo.blockSignals(False)
        u.newVehicleButton.setEnabled(self._can_edit_customers)
        self._vehicle_changed()
        mark_invalid([u.searchEdit], None)
        self._update_save_enabled()

    def _vehicle_matching(self, text: str) -> str | None:
        q = "".join(ch for ch in text.upper() if ch.isalnum())
        if self.customer is None or len(q) < 3:
            return None
        for v in self.customer.vehicles:
            if q in v.plate.upper() or q in v.vin.upper():
                return v.id
        return None

    def _vehicle_changed(self, _index: int = 0) -> None:
        vid = self.ui.vehicleCombo.currentData()
        vehicle = (
            next((v for v in self.customer.vehicles if v.id == vid), None)
            if self.customer
            else None
        )
        if vehicle is None:
            self.ui.vehicleInfoLabel.setText("")
        else:
            parts = [self.tr("{km} km").format(km=f"{vehicle.mileage_km:,}")]
            if vehicle.last_visit:
                parts.append(self.tr("last visit {day}").format(day=vehicle.last_visit.isoformat()))
            if vehicle.warranty_end:
                day = vehicle.warranty_end.isoformat()
                if vehicle.warranty_end >= self.service.now().date():
                    parts.append(self.tr("warranty until {day}").format(day=day))
                else:
                    parts.append(self.tr("warranty ended {day}").format(day=day))
            parts.append(f"VIN {vehicle.vin}")
            self.ui.vehicleInfoLabel.setText(" · ".join(parts))
        self.schedule_check()

    @property
    def customer_id(self) -> str | None:
        return self.customer.customer.id if self.customer else None

    def new_customer(self) -> None:
        from ..customers.customer_dialog import CustomerDialog

        dialog = CustomerDialog(self.customers, self.runner, self.dialogs, None, self)
        text = self.ui.searchEdit.text().strip()
        digits = text.replace(" ", "")
        if digits.isdigit():
            dialog.ui.mobileEdit.setText(digits)
        elif text and not any(ch.isdigit() for ch in text):
            dialog.ui.nameEdit.setText(text)
        dialog.sig_saved.connect(self._customer_created)
        dialog.sig_open_customer.connect(self.choose_customer)
        self.open_dialog = dialog
        dialog.show()

    def _customer_created(self, customer_id: str) -> None:
        self.ui.resultsList.clear()
        self.ui.resultsInfo.setText(self.tr("New customer added."))
        self.choose_customer(customer_id)

    def new_vehicle(self) -> None:
        customer_id = self.customer_id
        if customer_id is None:
            return
        (
            Operation(self.customers.models)
            .success(lambda models: self._open_vehicle_dialog(customer_id, models))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _open_vehicle_dialog(self, customer_id: str, models: list[VehicleModel]) -> None:
        from ..customers.vehicle_dialog import VehicleDialog

        dialog = VehicleDialog(
            self.customers, self.runner, self.dialogs, customer_id, models, None, self
        )
        dialog.sig_saved.connect(lambda vid: self.choose_customer(customer_id, vid))
        self.open_dialog = dialog
        dialog.show()

    # -- work ----------------------------------------------------------------------------

    def _work_items(self) -> list[QTreeWidgetItem]:
        tree = self.ui.workTree
        items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def checked_work(self) -> list[WorkItem]:
        return [
            item.data(0, Qt.ItemDataRole.UserRole)
            for item in self._work_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def set_work(self, codes: Sequence[str]) -> None:
        """Tick the jobs with these catalogue codes (and untick the others)."""
        for item in self._work_items():
            work = item.data(0, Qt.ItemDataRole.UserRole)
            state = Qt.CheckState.Checked if work.code in codes else Qt.CheckState.Unchecked
            item.setCheckState(0, state)

    def _work_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        if self.checked_work() != self._loaded_work and not self._time_locked:
            self._kept_length = None
        self._update_totals()
        mark_invalid([self.ui.workTree], None)
        self.schedule_check()

    def _filter_work(self, text: str) -> None:
        q = text.strip().lower()
        for item in self._work_items():
            hay = f"{item.text(0)} {item.text(1)}".lower()
            checked = item.checkState(0) == Qt.CheckState.Checked
            item.setHidden(bool(q) and q not in hay and not checked)

    def _update_totals(self) -> None:
        work = self.checked_work()
        if not work:
            self.ui.totalsLabel.setText(
                self.tr("Tick the jobs the customer asks for, or describe the fault below.")
            )
            return
        minutes = sum(w.minutes for w in work)
        hours = Decimal(minutes) / HOUR
        length = self._kept_length or duration_for(hours, self.rules)
        slot_minutes = int(length.total_seconds() // 60)
        estimate = estimate_for(work, self.rules)
        self.ui.totalsLabel.setText(
            self.tr(
                "<b>{n} jobs · {hours} labour hours</b> (on the bay {length})<br>"
                "Estimate <b>{estimate}</b> (labour at {rate} per hour; parts extra)"
            ).format(
                n=len(work),
                hours=f"{hours:.2f}".rstrip("0").rstrip("."),
                length=self.tr("{h} h {m} min").format(
                    h=slot_minutes // 60, m=f"{slot_minutes % 60:02d}"
                ),
                estimate=money(estimate),
                rate=money(self.rules.labour_rate),
            )
        )

    # -- when ----------------------------------------------------------------------------

    def _fill_times(self, day: dt.date, keep: int | None) -> None:
        combo = self.ui.timeCombo
        combo.blockSignals(True)
        combo.clear()
        span = self.rules.hours(day)
        step = dt.timedelta(minutes=self.rules.slot_minutes)
        t = dt.datetime.combine(day, FIRST_TIME)
        last = dt.datetime.combine(day, LAST_TIME)
        grey = QBrush(QColor("#9a9a9a"))
        while t <= last:
            combo.addItem(t.strftime("%H:%M"), t.hour * 60 + t.minute)
            if span is None or not (span[0] <= t < span[1]):
                index = combo.count() - 1
                combo.setItemData(index, grey, Qt.ItemDataRole.ForegroundRole)
                combo.setItemData(
                    index, self.tr("Outside opening hours"), Qt.ItemDataRole.ToolTipRole
                )
            t += step
        if keep is not None:
            self._select_minutes(keep)
        combo.blockSignals(False)

    def _select_minutes(self, minutes: int) -> None:
        combo = self.ui.timeCombo
        index = combo.findData(minutes)
        if index < 0:  # a time off the grid (set on the board): offer it as it is
            index = next(
                (i for i in range(combo.count()) if int(combo.itemData(i)) > minutes),
                combo.count(),
            )
            combo.insertItem(index, f"{minutes // 60:02d}:{minutes % 60:02d}", minutes)
        combo.setCurrentIndex(index)

    def _date_changed(self, value: QDate) -> None:
        data = self.ui.timeCombo.currentData()
        self._fill_times(_date(value), int(data) if data is not None else None)
        self.schedule_check()

    def set_start(self, when: dt.datetime) -> None:
        u = self.ui
        u.dateEdit.blockSignals(True)
        u.dateEdit.setDate(_qdate(when.date()))
        u.dateEdit.blockSignals(False)
        self._fill_times(when.date(), None)
        u.timeCombo.blockSignals(True)
        self._select_minutes(when.hour * 60 + when.minute)
        u.timeCombo.blockSignals(False)
        self.schedule_check()

    def current_start(self) -> dt.datetime:
        if self.walk_in:
            return self._initial_start()
        day = _date(self.ui.dateEdit.date())
        minutes = self.ui.timeCombo.currentData()
        minutes = int(minutes) if minutes is not None else 0
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))

    # -- the draft and the live check ----------------------------------------------------

    def collect(self) -> Draft:
        """A Draft from what is in the form (the form itself is never cleared)."""
        u = self.ui
        start = self.current_start()
        work = self.checked_work()
        return Draft(
            start=start,
            work=work,
            transport=Transport.WAITER if u.waiterRadio.isChecked() else Transport.DROP_OFF,
            customer_id=self.customer_id,
            vehicle_id=u.vehicleCombo.currentData() if self.customer else None,
            bay_id=u.bayCombo.currentData(),
            technician_id=u.technicianCombo.currentData(),
            advisor_id=u.advisorCombo.currentData(),
            fault=u.faultEdit.toPlainText().strip(),
            parts=u.partsEdit.toPlainText().strip(),
            phone_record=u.phoneRecordEdit.toPlainText().strip(),
            remarks=u.remarksEdit.toPlainText().strip(),
            end=start + self._kept_length if self._kept_length else None,
        )

    def schedule_check(self, *_args: object) -> None:
        if self._ready and not self._filling:
            self._check_timer.start()

    def check_now(self) -> None:
        """Ask the rules about the form as it is now (in the background)."""
        self._check_timer.stop()
        if not self._ready or self._time_locked:
            return
        draft = self.collect()
        exclude = self.appointment_id
        service = self.service
        self._check_generation += 1
        generation = self._check_generation

        def check() -> tuple[list[Finding], list[SlotOffer], DayLoad]:
            findings = service.check(draft, exclude)
            offers = service.next_free(draft, limit=6, exclude_id=exclude)
            return findings, offers, service.day(draft.start.date()).load

        (
            Operation(check)
            .success(lambda r: self._show_check(generation, draft, *r))
            .failure(lambda e: self._check_failed(generation, e))
            .run_in_background(self.runner)
        )

    def _check_failed(self, generation: int, error: BaseException) -> None:
        """Said where the answer would have been: no message box while typing."""
        if generation == self._check_generation:
            self.findings = []
            self._show_note(
                self.tr("Could not check the rules: {error}").format(error=tr_error(error))
            )

    def _show_check(
        self,
        generation: int,
        draft: Draft,
        findings: list[Finding],
        offers: list[SlotOffer],
        load: DayLoad,
    ) -> None:
        if generation != self._check_generation:
            return
        self.load = load
        self._show_load(load, draft)
        self.show_findings(findings, draft)
        self.show_offers(offers)

    def _show_load(self, load: DayLoad, draft: Draft) -> None:
        bar = self.ui.capacityBar
        if load.capacity <= 0:
            bar.setValue(100)
            bar.setFormat(self.tr("Closed"))
            colour = PROBLEM_COLOUR
        else:
            percent = int(load.booked * 100 / load.capacity)
            bar.setValue(min(100, percent))
            bar.setFormat(
                self.tr("{day}: {booked} of {capacity} workshop hours booked ({percent} %)").format(
                    day=self._day_text(load.day),
                    booked=f"{load.booked:.1f}",
                    capacity=f"{load.capacity:.1f}",
                    percent=percent,
                )
            )
            colour = "#43a047" if percent < 80 else "#f9a825" if percent < 100 else PROBLEM_COLOUR
        bar.setStyleSheet(
            f"QProgressBar {{ border: 1px solid #bbb; border-radius: 4px; text-align: center;"
            f" background: #f4f4f4; min-height: 20px; }}"
            f" QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}"
        )

    def show_findings(self, findings: list[Finding], draft: Draft | None = None) -> None:
        self.findings = findings
        label = self.ui.findingsLabel
        if not findings:
            if draft is None:
                label.setText("")
            else:
                end = draft.end or draft.start + duration_for(
                    Decimal(sum(w.minutes for w in draft.work)) / HOUR, self.rules
                )
                label.setText(
                    "<span style='color:{c}'>✔ {text}</span>".format(
                        c=OK_COLOUR,
                        text=_html(
                            self.tr("{day} {start}–{end} is free.").format(
                                day=self._day_text(draft.start.date()),
                                start=f"{draft.start:%H:%M}",
                                end=f"{end:%H:%M}",
                            )
                        ),
                    )
                )
            self._set_override_enabled(False)
            return
        link = self.tr("Open that appointment")
        items = "".join(
            f"<li>{_html(finding_text(f))}"
            + (
                f" <a href='appointment:{f.other_id}'>{_html(link)}</a>"
                if f.problem == Problem.VEHICLE_SAME_DAY and f.other_id
                else ""
            )
            + "</li>"
            for f in findings
        )
        overridable = all(f.overridable for f in findings)
        if overridable and self._can_override:
            hint = self.tr("Take a free slot below, or book anyway with a reason (recorded).")
        elif overridable:
            hint = self.tr("Take a free slot below, or ask a manager to book it anyway.")
        else:
            hint = self.tr("Take a free slot below, or change the day or time.")
        title = _html(self.tr("Not possible as it is:"))
        label.setText(
            f"<span style='color:{PROBLEM_COLOUR}'><b>✖ {title}</b></span>"
            f"<ul style='margin:0 0 0 -20px; color:{PROBLEM_COLOUR}'>{items}</ul>"
            f"<span style='color:{HINT_COLOUR}'>{_html(hint)}</span>"
        )
        self._set_override_enabled(overridable and self._can_override)

    def show_offers(self, offers: list[SlotOffer]) -> None:
        self.offers = offers
        lst = self.ui.slotsList
        lst.clear()
        names = {r.id: r.name for r in self.resources.get(ResourceKind.BAY, [])}
        for offer in offers:
            text = "{day} {start}–{end}  ·  {bay}".format(
                day=self._day_text(offer.start.date()),
                start=f"{offer.start:%H:%M}",
                end=f"{offer.end:%H:%M}",
                bay=names.get(offer.bay_id, ""),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, offers.index(offer))
            lst.addItem(item)
        if not offers:
            item = QListWidgetItem(self.tr("No free slot in the next two weeks for this work."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            lst.addItem(item)

    def _offer_activated(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is not None and 0 <= int(index) < len(self.offers):
            offer = self.offers[int(index)]
            # later: taking the offer refills this list, which must not happen inside its signal
            QTimer.singleShot(0, lambda: self.take_offer(offer))

    def take_offer(self, offer: SlotOffer) -> None:
        """Use a free slot: its time and bay (a walk-in who agrees to come back is booked)."""
        if self.walk_in and offer.start != self._initial_start():
            self.walk_in = False
            self.ui.dateEdit.setEnabled(True)
            self.ui.timeCombo.setEnabled(True)
            self.setWindowTitle(self.tr("Book an appointment"))
            self.save_button.setText(self.tr("Book"))
        self._filling = True
        try:
            self.set_start(offer.start)
            self._ensure_resource(self.ui.bayCombo, ResourceKind.BAY, offer.bay_id)
        finally:
            self._filling = False
        self.ui.errorLabel.setText("")
        self.check_now()

    def _link_activated(self, link: str) -> None:
        kind, _, target = link.partition(":")
        if kind == "appointment" and target:
            self.open_appointment(target)

    def open_appointment(self, appointment_id: str) -> None:
        """Open another appointment (the one this vehicle already has that day)."""
        dialog = BookingDialog(
            self.service,
            self.customers,
            self.runner,
            self.dialogs,
            appointment_id=appointment_id,
            parent=self,
        )
        dialog.sig_saved.connect(self.sig_saved)
        self.open_dialog = dialog
        dialog.show()

    def _day_text(self, day: dt.date) -> str:
        today = self.service.now().date()
        if day == today:
            return self.tr("Today")
        if day == today + dt.timedelta(days=1):
            return self.tr("Tomorrow")
        return QLocale().toString(_qdate(day), "MM-dd ddd")

    def _set_override_enabled(self, enabled: bool) -> None:
        u = self.ui
        u.overrideEdit.setEnabled(enabled)
        u.overrideLabel.setEnabled(enabled)
        shown = self._can_override and not self._time_locked
        u.overrideLabel.setVisible(shown)
        u.overrideEdit.setVisible(shown)

    def _show_note(self, text: str) -> None:
        self.ui.findingsLabel.setText(f"<span style='color:{HINT_COLOUR}'>{_html(text)}</span>")

    # -- saving --------------------------------------------------------------------------

    def _update_save_enabled(self) -> None:
        self.save_button.setEnabled(self._ready)

    def save(self) -> None:
        u = self.ui
        u.errorLabel.setText("")
        mark_invalid([u.searchEdit, u.workTree, u.overrideEdit], None)
        draft = self.collect()
        reason = u.overrideEdit.text().strip() if u.overrideEdit.isEnabled() else ""
        service, aid = self.service, self.appointment_id
        if aid is not None:
            op = Operation(lambda: service.update_details(aid, draft, reason))
        elif self.walk_in:
            op = Operation(lambda: service.walk_in(draft, reason))
        else:
            op = Operation(lambda: service.book(draft, reason))
        self.save_button.setEnabled(False)
        op.success(self._saved).failure(self._refused).run_in_background(self.runner)

    def _saved(self, appointment: Appointment) -> None:
        assert appointment.id is not None
        self.saved_id = appointment.id
        self.sig_saved.emit(appointment.id)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        u = self.ui
        self.save_button.setEnabled(True)
        fields: list[QWidget] = [u.searchEdit, u.workTree, u.overrideEdit]
        if isinstance(error, StorageEnvironmentError):
            self.dialogs.error(self, self.tr("Not saved"), tr_error(error))
            return
        if isinstance(error, BookingRefused):
            self.show_findings(error.findings, None)
            self.show_offers(error.offers)
            if error.can_override:
                text = self.tr(
                    "Not booked: this breaks the workshop rules. Take a free slot, or type the "
                    "reason for an override and save again."
                )
                mark_invalid(fields, u.overrideEdit)
            elif all(f.overridable for f in error.findings):
                text = self.tr(
                    "Not booked: this breaks the workshop rules. Take a free slot, or ask a "
                    "manager to book it anyway."
                )
            else:
                text = self.tr(
                    "Not booked: this breaks the workshop rules. Take a free slot or change the "
                    "day or time."
                )
            u.errorLabel.setText(text)
            return
        assert isinstance(error, DomainError)
        field = error.field if isinstance(error, ValidationError) else None
        u.errorLabel.setText(tr_error(error))
        bad = {
            "override_reason": u.overrideEdit,
            "work": u.workTree,
            "customer": u.searchEdit,
        }.get(field or "")
        mark_invalid(fields, bad)

    # -- check-in and printing -----------------------------------------------------------

    def check_in(self) -> None:
        if self.appointment_id is None:
            return
        dialog = CheckInDialog(self.service, self.runner, self.dialogs, self.appointment_id, self)
        dialog.sig_checked_in.connect(self._checked_in)
        self.open_dialog = dialog
        dialog.show()

    def _checked_in(self, appointment_id: str) -> None:
        self.sig_saved.emit(appointment_id)
        self.reload()

    def print_document(self, kind: str) -> None:
        """Write the register ("register") or check-in sheet ("checkin") and open it."""
        if self.appointment_id is None:
            return
        from ...services.appointment_documents import print_to_folder  # loads ReportLab

        db, session, aid = self.service.db, self.service.session, self.appointment_id
        lang, folder = ui_language(), print_folder()
        (
            Operation(lambda: print_to_folder(db, session, kind, aid, lang, folder))
            .success(self._printed)
            .failure(lambda e: self.dialogs.error(self, self.tr("Print"), tr_error(e)))
            .run_in_background(self.runner)
        )

    def _printed(self, path: Path) -> None:
        self.last_print = path
        self.dialogs.show_document(self, path)

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.windowTitle(), tr_error(error))


def _select_data(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)
