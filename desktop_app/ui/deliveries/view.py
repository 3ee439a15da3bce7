"""The Deliveries area: the week's delivery calendar on the left, the selected delivery's
record on the right, and the supervisor's tools — plan a delivery, record the day-before call,
export the day for the manufacturer, print the record."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.identifiers import format_plate
from ...domain.roles import Permission, Role
from ...domain.staff import StaffMember
from ...paths import data_dir
from ...services.customers import CustomerFile, CustomerHit, CustomerService
from ...services.deliveries import Delivery, DeliveryService
from ..forms.ui_deliveries_view import Ui_DeliveriesView
from ..i18n import tr_error
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from .models import CalendarModel
from .record import DeliveryRecord

DAYS = 7
DAYS_BEFORE = 1  # the calendar starts the day before the chosen day (yesterday's deliveries)
SEARCH_DELAY_MS = 150


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


def staff_members(service: DeliveryService) -> list[StaffMember]:
    """Active staff for the sales-consultant and delivery-specialist choices."""
    return service.staff()


class DeliveriesView(QWidget):
    sig_status = Signal(str)

    def __init__(
        self,
        service: DeliveryService,
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
        self.ui = Ui_DeliveriesView()
        self.ui.setupUi(self)
        self.day: dt.date = service.now().date()
        self.deliveries: list[Delivery] = []
        self.started = False
        self.open_dialog: QDialog | None = None
        self.last_export: tuple[object, object] | None = None
        self._generation = 0
        self._wanted: str | None = None  # the delivery to select after the next load
        self.can_plan = service.session.can(Permission.DELIVER_VEHICLES)

        self.calendar = CalendarModel(self)
        u = self.ui
        view = u.calendarView
        view.setModel(self.calendar)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(28)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CalendarModel.MODEL, QHeaderView.ResizeMode.Stretch)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._row_chosen())

        self.record = DeliveryRecord(service, runner, dialogs, u.recordHost)
        self.record.hide()
        u.recordLayout.addWidget(self.record)
        self.record.sig_changed.connect(self._record_changed)
        self.record.sig_status.connect(self._hint)
        u.splitter.setStretchFactor(0, 2)
        u.splitter.setStretchFactor(1, 5)
        u.splitter.setSizes([560, 1000])
        self.record.ui.recordPrintButton.hide()  # the area's own Print button prints it

        u.dateEdit.setDate(_qdate(self.day))
        u.dateEdit.dateChanged.connect(lambda d: self.show_day(_pydate(d)))
        u.previousButton.clicked.connect(lambda: self.step(-1))
        u.nextButton.clicked.connect(lambda: self.step(1))
        u.todayButton.clicked.connect(lambda: self.show_day(self.service.now().date()))
        u.newButton.clicked.connect(self.new_delivery)
        u.callButton.clicked.connect(self.record_call)
        u.exportButton.clicked.connect(self.export_day)
        u.printButton.clicked.connect(self.record.print_record)
        u.newButton.setEnabled(self.can_plan)
        u.callButton.setEnabled(False)
        u.printButton.setEnabled(False)
        u.exportButton.setEnabled(self.can_plan)
        u.newButton.setToolTip(self.tr("Plan a delivery: customer, car, time and staff"))
        u.callButton.setToolTip(self.tr("Record the day-before call to the selected customer"))
        u.exportButton.setToolTip(
            self.tr("Write the selected day's deliveries for the manufacturer (due 09:30 next day)")
        )
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.step(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.step(1))
        QShortcut(QKeySequence("F5"), self, self.reload)

    # -- the calendar --------------------------------------------------------------------

    def start(self) -> None:
        """Show this week, with the next delivery of today open (when the area is shown)."""
        self.started = True
        self.show_day(self.service.now().date())

    def first_day(self) -> dt.date:
        return self.day - dt.timedelta(days=DAYS_BEFORE)

    def show_day(self, day: dt.date) -> None:
        self.day = day
        edit = self.ui.dateEdit
        if _pydate(edit.date()) != day:
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self.reload()

    def step(self, direction: int) -> None:
        self.show_day(self.day + dt.timedelta(days=direction * DAYS))

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        first, service = self.first_day(), self.service
        (
            Operation(lambda: service.calendar(first, DAYS))
            .success(lambda rows: self._show_week(generation, first, rows))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_week(self, generation: int, first: dt.date, rows: list[Delivery]) -> None:
        if generation != self._generation:
            return
        selected = self._wanted or self.selected_id() or self.record.delivery_id
        self._wanted = None
        self.deliveries = rows
        self.calendar.today = self.service.now().date()
        self.calendar.set_week(first, DAYS, rows)
        view = self.ui.calendarView
        view.clearSpans()
        for row in self.calendar.header_rows():
            view.setSpan(row, 0, 1, self.calendar.columnCount())
        locale = QLocale()
        last = first + dt.timedelta(days=DAYS - 1)
        self.ui.rangeLabel.setText(
            self.tr("{first} – {last}").format(
                first=locale.toString(_qdate(first), "MM-dd"),
                last=locale.toString(_qdate(last), "MM-dd"),
            )
        )
        row = self.calendar.row_of(selected) if selected else -1
        if row < 0:
            row = self._default_row()
        if row >= 0:
            view.setCurrentIndex(self.calendar.index(row, 0))
            view.scrollTo(self.calendar.index(row, 0))
        self._summary()

    def _default_row(self) -> int:
        """The chosen day's next delivery still to do, else its first one."""
        on_day = [d for d in self.deliveries if d.planned_at.date() == self.day]
        todo = [d for d in on_day if d.status.value not in ("delivered", "cancelled")]
        chosen = todo or on_day
        return self.calendar.row_of(chosen[0].id or "") if chosen else -1

    def _summary(self) -> None:
        on_day = [d for d in self.deliveries if d.planned_at.date() == self.day]
        delivered = sum(1 for d in on_day if d.status.value == "delivered")
        self.ui.statusLabel.setText(
            self.tr("{n} deliveries this week · {day}: {m} planned, {k} delivered").format(
                n=len(self.deliveries),
                day=QLocale().toString(_qdate(self.day), "MM-dd ddd"),
                m=len(on_day),
                k=delivered,
            )
        )

    def selected_id(self) -> str | None:
        d = self.calendar.delivery_at(self.ui.calendarView.currentIndex().row())
        return d.id if d else None

    def selected_day(self) -> dt.date:
        row = self.calendar.row_at(self.ui.calendarView.currentIndex().row())
        return row.day if row is not None else self.day

    def select(self, delivery_id: str) -> None:
        row = self.calendar.row_of(delivery_id)
        if row >= 0:
            self.ui.calendarView.setCurrentIndex(self.calendar.index(row, 0))

    def _row_chosen(self) -> None:
        did = self.selected_id()
        self.ui.callButton.setEnabled(did is not None and self.can_plan)
        self.ui.printButton.setEnabled(did is not None)
        if did is None or did == self.record.delivery_id and self.record.file is not None:
            return
        self.ui.emptyLabel.hide()
        self.record.show()
        self.record.open(did)

    def _record_changed(self, delivery_id: str) -> None:
        self._wanted = delivery_id
        self.reload()

    def _hint(self, text: str) -> None:
        self.ui.statusLabel.setText(text)
        self.sig_status.emit(text)

    # -- the supervisor's tools ----------------------------------------------------------

    def new_delivery(self) -> None:
        dialog = PlanDeliveryDialog(self.service, self.customers, self.runner, self.dialogs, self)
        dialog.sig_planned.connect(self._planned)
        self.open_dialog = dialog
        dialog.show()

    def _planned(self, delivery: Delivery) -> None:
        self._wanted = delivery.id
        self._hint(
            self.tr("{number} planned for {when}.").format(
                number=delivery.number, when=f"{delivery.planned_at:%m-%d %H:%M}"
            )
        )
        self.show_day(delivery.planned_at.date())

    def record_call(self) -> None:
        did = self.selected_id()
        d = next((x for x in self.deliveries if x.id == did), None)
        if did is None or d is None:
            return
        title = self.tr("Day-before call")
        note = self.dialogs.ask_text(
            self,
            title,
            self.tr(
                "Call {name} ({phone}) about the delivery on {when}: the time, the documents to "
                "bring (ID card, purchase contract), reminders. What was agreed?"
            ).format(name=d.customer_name, phone=d.phone, when=f"{d.planned_at:%m-%d %H:%M}"),
            multiline=True,
        )
        if note is None:
            return
        if not note.strip():
            self.dialogs.warning(self, title, self.tr("Write down what was agreed on the call."))
            return
        service = self.service
        (
            Operation(lambda: service.record_call(did, note))
            .success(lambda _r: self._call_recorded(did))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _call_recorded(self, delivery_id: str) -> None:
        self._hint(self.tr("Call recorded."))
        if self.record.delivery_id == delivery_id:
            self.record.reload()

    def export_day(self) -> None:
        day, service = self.selected_day(), self.service
        folder = data_dir() / "exports"
        (
            Operation(lambda: service.export(day, folder))
            .success(lambda paths: self._exported(day, paths))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _exported(self, day: dt.date, paths: tuple[object, object]) -> None:
        self.last_export = paths
        csv_path, json_path = paths
        text = self.tr(
            "The deliveries of {day} for the manufacturer were written to:\n{csv}\n{json}"
        ).format(day=day.isoformat(), csv=csv_path, json=json_path)
        self.dialogs.info(self, self.tr("Export day"), text)
        self._hint(self.tr("Exported {day}.").format(day=day.isoformat()))

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Deliveries"), tr_error(error))


# -- planning a delivery ---------------------------------------------------------------------


class PlanDeliveryDialog(QDialog):
    """Plan a delivery: find the customer and car (as the booking dialog does), the date and
    time, the sales consultant and the delivery specialist."""

    sig_planned = Signal(object)  # Delivery

    def __init__(
        self,
        service: DeliveryService,
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
        self.customer: CustomerFile | None = None
        self._search_generation = 0
        self.setWindowTitle(self.tr("Plan a delivery"))
        self.resize(560, 520)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Name, mobile, plate or VIN"))
        self.results = QListWidget()
        self.results.setMaximumHeight(140)
        self.customer_label = QLabel()
        self.vehicle_combo = QComboBox()
        self.vehicle_combo.setPlaceholderText(self.tr("Choose the customer first"))
        self.when_edit = QDateTimeEdit()
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        tomorrow = service.now().date() + dt.timedelta(days=1)
        self.when_edit.setDateTime(QDateTime(_qdate(tomorrow), QTime(10, 0)))
        self.sales_combo = QComboBox()
        self.specialist_combo = QComboBox()
        self.remarks_edit = QLineEdit()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        form.addRow(self.tr("&Customer:"), self.search_edit)
        form.addRow("", self.results)
        form.addRow("", self.customer_label)
        form.addRow(self.tr("&Vehicle:"), self.vehicle_combo)
        form.addRow(self.tr("&Date and time:"), self.when_edit)
        form.addRow(self.tr("&Sales consultant:"), self.sales_combo)
        form.addRow(self.tr("Delivery s&pecialist:"), self.specialist_combo)
        form.addRow(self.tr("&Remarks:"), self.remarks_edit)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Plan"))
        self.save_button.setEnabled(False)
        layout.addWidget(self.buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_edit.textEdited.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.run_search)
        self.results.currentItemChanged.connect(self._hit_chosen)
        self.vehicle_combo.currentIndexChanged.connect(lambda _i: self._update_save())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._load_staff()

    def _load_staff(self) -> None:
        service = self.service
        (
            Operation(lambda: staff_members(service))
            .success(self._fill_staff)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _fill_staff(self, staff: list[StaffMember]) -> None:
        me = self.service.session.staff
        self.sales_combo.addItem(self.tr("{name} (you)").format(name=me.full_name), None)
        for s in staff:
            if Role.SALES_CONSULTANT in s.roles and s.id != me.id:
                self.sales_combo.addItem(s.full_name, s.id)
        self.specialist_combo.addItem(self.tr("Not assigned yet"), None)
        for s in staff:
            if Role.DELIVERY_SPECIALIST in s.roles:
                self.specialist_combo.addItem(s.full_name, s.id)
        if Role.DELIVERY_SPECIALIST in me.roles:
            self.specialist_combo.setCurrentIndex(max(self.specialist_combo.findData(me.id), 0))

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text()
        self._search_generation += 1
        generation = self._search_generation
        if not text.strip():
            self.results.clear()
            return
        (
            Operation(lambda: self.customers.search(text))
            .success(lambda hits: self._show_hits(generation, hits))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_hits(self, generation: int, hits: list[CustomerHit]) -> None:
        if generation != self._search_generation:
            return
        self.results.blockSignals(True)
        self.results.clear()
        for hit in hits:
            parts = [hit.name, hit.mobile, hit.vehicles]
            item = QListWidgetItem("  ·  ".join(p for p in parts if p))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.results.addItem(item)
        self.results.blockSignals(False)
        if not hits:
            self.customer_label.setText(self.tr("No customer matches."))
        elif len(hits) == 1:
            self.results.setCurrentRow(0)

    def _hit_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.choose_customer(str(item.data(Qt.ItemDataRole.UserRole)))

    def choose_customer(self, customer_id: str) -> None:
        (
            Operation(lambda: self.customers.open_file(customer_id))
            .success(self._show_customer)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_customer(self, file: CustomerFile) -> None:
        self.customer = file
        c = file.customer
        self.customer_label.setText(f"<b>{c.name}</b>&nbsp;&nbsp;{c.mobile or c.phone2}")
        self.vehicle_combo.clear()
        for v in file.vehicles:
            plate = format_plate(v.plate) if v.plate else self.tr("no plate")
            self.vehicle_combo.addItem(f"{plate}  {v.model_name}  {v.vin}".strip(), v.id)
        if file.vehicles:
            self.vehicle_combo.setCurrentIndex(0)
        self._update_save()

    def _update_save(self) -> None:
        self.save_button.setEnabled(
            self.customer is not None and self.vehicle_combo.currentData() is not None
        )

    def save(self) -> None:
        if self.customer is None or self.customer.customer.id is None:
            return
        customer_id = self.customer.customer.id
        vehicle_id = str(self.vehicle_combo.currentData())
        q = self.when_edit.dateTime()
        when = dt.datetime.combine(_pydate(q.date()), dt.time(q.time().hour(), q.time().minute()))
        sales, specialist = self.sales_combo.currentData(), self.specialist_combo.currentData()
        remarks, service = self.remarks_edit.text(), self.service
        self.save_button.setEnabled(False)
        (
            Operation(
                lambda: service.plan(customer_id, vehicle_id, when, sales, specialist, remarks)
            )
            .success(self._saved)
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _saved(self, delivery: Delivery) -> None:
        self.sig_planned.emit(delivery)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error_label.setText(tr_error(error))

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.windowTitle(), tr_error(error))
