"""The Complaints tab of the Care area: the list with its 30-minute first-response clock, and
the complaint's life — log a new one, respond, escalate to a manager, resolve (the 24-hour and
7-day callbacks join the worklist), close.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.care import (
    RESOLUTION_LABELS,
    CareRules,
    ComplaintStatus,
    Resolution,
    complaint_callbacks,
)
from ...domain.errors import DomainError
from ...domain.roles import Permission, Role
from ...domain.staff import StaffMember
from ...services.care import CareService, Complaint
from ...services.customers import CustomerFile, CustomerHit, CustomerService
from ...services.errors import StorageEnvironmentError
from ..forms.ui_care_complaint_dialog import Ui_ComplaintDialog
from ..forms.ui_care_complaints import Ui_ComplaintsTab
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import mark_invalid, setup_table, show_customer_hits
from .models import (
    CHANNEL_LABELS,
    SEVERITY_LABELS,
    ComplaintModel,
    channel_text,
    complaint_status_text,
    plate_text,
    resolution_text,
    severity_text,
)

CLOCK_TICK_MS = 30_000
SEARCH_DELAY_MS = 150
ACTIVE = (ComplaintStatus.OPEN, ComplaintStatus.ESCALATED)
NEW_CHANNELS = ("phone", "visit", "wechat", "email", "oem_hotline")


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )


def _when(at: dt.datetime | None) -> str:
    return f"{at:%Y-%m-%d %H:%M}" if at else ""


class ComplaintsTab(QWidget):
    sig_status = Signal(str)
    sig_worklist_changed = Signal()  # a resolution added its callbacks to the worklist

    def __init__(
        self,
        service: CareService,
        customers: CustomerService,
        staff: Callable[[], list[StaffMember]],
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.customers = customers
        self.staff = staff
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_ComplaintsTab()
        self.ui.setupUi(self)
        self.started = False
        self.rules = CareRules()
        self.open_dialog: QDialog | None = None
        self._generation = 0
        self._wanted: str | None = None
        self.can_work = service.session.can(Permission.WORK_CARE_LIST)
        self.model = ComplaintModel(self)
        u = self.ui
        view = u.complaintsView
        setup_table(view, self.model, ComplaintModel.COMPLAINT)
        u.splitter.setStretchFactor(0, 3)
        u.splitter.setStretchFactor(1, 1)
        view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selection_changed())
        view.doubleClicked.connect(lambda _i: self.respond())
        u.newButton.clicked.connect(lambda _checked=False: self.new_complaint())
        u.respondButton.clicked.connect(self.respond)
        u.escalateButton.clicked.connect(self.escalate)
        u.resolveButton.clicked.connect(self.resolve)
        u.closeComplaintButton.clicked.connect(self.close_complaint)
        u.openOnlyCheck.toggled.connect(lambda _on: self.reload())
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, self.new_complaint)
        self._clock = QTimer(self)
        self._clock.setInterval(CLOCK_TICK_MS)
        self._clock.timeout.connect(self.tick)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def start(self) -> None:
        self.started = True
        Operation(self.service.rules).success(self._rules_loaded).failure(
            self._failed
        ).run_in_background(self.runner)
        self.reload()
        self._clock.start()

    def _rules_loaded(self, rules: CareRules) -> None:
        self.rules = rules
        self.model.response_minutes = rules.complaint_response_minutes
        self.model.clock_changed()

    def reload(self, select: str | None = None) -> None:
        """Load the list again (and select ``select`` in it)."""
        if select is not None:
            self._wanted = select
        self._generation += 1
        generation = self._generation
        open_only, service = self.ui.openOnlyCheck.isChecked(), self.service
        (
            Operation(lambda: service.complaints(open_only))
            .success(lambda rows: self._show(generation, rows))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show(self, generation: int, rows: list[Complaint]) -> None:
        if generation != self._generation:
            return
        selected = self._wanted or self.selected_id()
        self._wanted = None
        self.model.now = self.service.now()
        self.model.set_rows(rows)
        row = self.model.row_of(selected)
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.ui.complaintsView.selectRow(row)
        waiting = sum(1 for c in rows if c.responded_at is None and c.status in ACTIVE)
        self.ui.countLabel.setText(
            self.tr("{n} complaints · {m} waiting for a first response").format(
                n=len(rows), m=waiting
            )
        )
        self._selection_changed()

    def tick(self) -> None:
        """The response clock moves on."""
        self.model.now = self.service.now()
        self.model.clock_changed()

    # -- selection -----------------------------------------------------------------------

    def selected(self) -> Complaint | None:
        return self.model.row_at(self.ui.complaintsView.currentIndex().row())

    def selected_id(self) -> str | None:
        c = self.selected()
        return c.id if c else None

    def select(self, complaint_id: str) -> None:
        row = self.model.row_of(complaint_id)
        if row >= 0:
            self.ui.complaintsView.selectRow(row)

    def _selection_changed(self) -> None:
        self._update_buttons()
        c = self.selected()
        self.ui.detailView.setHtml(self.detail_html(c) if c else "")

    def _update_buttons(self) -> None:
        u = self.ui
        c = self.selected()
        status = c.status if c else None
        can = self.can_work
        u.newButton.setEnabled(can)
        u.respondButton.setEnabled(
            can and c is not None and status in ACTIVE and c.responded_at is None
        )
        u.escalateButton.setEnabled(can and status in ACTIVE)
        u.resolveButton.setEnabled(can and status in ACTIVE)
        u.closeComplaintButton.setEnabled(can and status is ComplaintStatus.RESOLVED)

    def detail_html(self, c: Complaint) -> str:
        car = plate_text(c.plate)
        head = self.tr("{number} · opened {when} by {owner} · {channel} · {severity}").format(
            number=c.number,
            when=_when(c.opened_at),
            owner=c.owner_name,
            channel=channel_text(c.channel),
            severity=severity_text(c.severity),
        )
        rows = [
            f"<p><b>{_html(c.customer_name)}</b> {_html(c.phone)} {_html(car)} · "
            f"{_html(complaint_status_text(c.status))}<br>"
            f"<span style='color:#486581'>{_html(head)}</span></p>",
            f"<p>{_html(c.description)}</p>",
        ]
        if c.responded_at is not None:
            rows.append(
                "<p><b>{}</b> {}</p>".format(
                    _html(self.tr("Response ({when}):").format(when=_when(c.responded_at))),
                    _html(c.response),
                )
            )
        if c.escalated_at is not None:
            rows.append(
                "<p><b>{}</b></p>".format(
                    _html(
                        self.tr("Escalated to {name} ({when})").format(
                            name=c.escalated_name, when=_when(c.escalated_at)
                        )
                    )
                )
            )
        if c.resolved_at is not None:
            rows.append(
                "<p><b>{}</b> {}</p>".format(
                    _html(
                        self.tr("Resolved ({when}): {resolution}").format(
                            when=_when(c.resolved_at), resolution=resolution_text(c.resolution)
                        )
                    ),
                    _html(c.resolution_note),
                )
            )
        if c.closed_at is not None:
            rows.append(
                "<p>{}</p>".format(_html(self.tr("Closed {when}").format(when=_when(c.closed_at))))
            )
        return "".join(rows)

    # -- the complaint's life ------------------------------------------------------------

    def new_complaint(
        self, customer_id: str | None = None, vehicle_id: str | None = None
    ) -> ComplaintDialog | None:
        if not self.can_work:
            return None
        dialog = ComplaintDialog(
            self.service, self.customers, self.runner, self.dialogs, customer_id, vehicle_id, self
        )
        dialog.sig_saved.connect(self._opened)
        self.open_dialog = dialog
        dialog.show()
        return dialog

    def _opened(self, complaint: Complaint) -> None:
        self._wanted = complaint.id
        self._hint(
            self.tr("Complaint {number} logged: respond by {when}.").format(
                number=complaint.number,
                when=f"{complaint.opened_at + self._response_time():%H:%M}",
            )
        )
        self.reload()

    def _response_time(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.rules.complaint_response_minutes)

    def respond(self) -> None:
        c = self.selected()
        if c is None or c.status not in ACTIVE or c.responded_at is not None:
            return
        title = self.tr("First response")
        text = self.dialogs.ask_text(
            self,
            title,
            self.tr("What was {name} told? (complaint {number})").format(
                name=c.customer_name, number=c.number
            ),
            multiline=True,
        )
        if text is None:
            return
        service, cid = self.service, c.id
        (
            Operation(lambda: service.respond(cid, text))
            .success(
                lambda done: self._changed(
                    done, self.tr("Response to {number} recorded.").format(number=done.number)
                )
            )
            .failure(lambda e: self._refused(e, title))
            .run_in_background(self.runner)
        )

    def escalate(self) -> None:
        c = self.selected()
        if c is None or c.status not in ACTIVE:
            return
        dialog = EscalateDialog(self.service, self.staff, self.runner, self.dialogs, c, self)
        dialog.sig_saved.connect(
            lambda done: self._changed(
                done,
                self.tr("{number} escalated to {name}.").format(
                    number=done.number, name=done.escalated_name
                ),
            )
        )
        self.open_dialog = dialog
        dialog.show()

    def resolve(self) -> None:
        c = self.selected()
        if c is None or c.status not in ACTIVE:
            return
        dialog = ResolveDialog(self.service, self.runner, self.dialogs, c, self)
        dialog.sig_saved.connect(self._resolved)
        self.open_dialog = dialog
        dialog.show()

    def _resolved(self, c: Complaint) -> None:
        at = c.resolved_at or self.service.now()
        callbacks = complaint_callbacks(at, self.rules)
        first_day, second_day = callbacks[0][1], callbacks[-1][1]
        self._changed(c, self.tr("{number} resolved.").format(number=c.number))
        self.sig_worklist_changed.emit()
        self.dialogs.info(
            self,
            self.tr("Complaint resolved"),
            self.tr(
                "{number} is resolved. Two callbacks to {name} were added to the worklist: "
                "within 24 hours (by {first}) and again within 7 days (by {second})."
            ).format(
                number=c.number,
                name=c.customer_name,
                first=first_day.isoformat(),
                second=second_day.isoformat(),
            ),
        )

    def close_complaint(self) -> None:
        c = self.selected()
        if c is None or c.status is not ComplaintStatus.RESOLVED:
            return
        title = self.tr("Close complaint")
        if not self.dialogs.ask_confirm(
            self,
            title,
            self.tr(
                "Close complaint {number} of {name}? Do it after the callbacks confirmed the "
                "customer is satisfied."
            ).format(number=c.number, name=c.customer_name),
        ):
            return
        service, cid = self.service, c.id
        (
            Operation(lambda: service.close_complaint(cid))
            .success(
                lambda done: self._changed(
                    done, self.tr("{number} closed.").format(number=done.number)
                )
            )
            .failure(lambda e: self._refused(e, title))
            .run_in_background(self.runner)
        )

    def _changed(self, c: Complaint, text: str) -> None:
        self._wanted = c.id
        self._hint(text)
        self.reload()

    # -- messages ------------------------------------------------------------------------

    def _hint(self, text: str) -> None:
        self.sig_status.emit(text)

    def _refused(self, error: BaseException, title: str) -> None:
        self.dialogs.warning(self, title, tr_error(error))

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Complaints"), tr_error(error))


# -- logging a complaint ---------------------------------------------------------------------


class ComplaintDialog(QDialog):
    """A new complaint: the customer (found as in the booking dialog), the car, how it came
    in, how serious, and the complaint in the customer's words."""

    sig_saved = Signal(object)  # Complaint

    def __init__(
        self,
        service: CareService,
        customers: CustomerService,
        runner: TaskRunner,
        dialogs: DialogService,
        customer_id: str | None = None,
        vehicle_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.customers = customers
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_ComplaintDialog()
        self.ui.setupUi(self)
        self.customer: CustomerFile | None = None
        self.saved: Complaint | None = None
        self._search_generation = 0
        self._pending_vehicle = vehicle_id
        u = self.ui
        for channel in NEW_CHANNELS:
            u.channelCombo.addItem(tr_label(CHANNEL_LABELS[channel]), channel)
        for severity in SEVERITY_LABELS:
            u.severityCombo.addItem(tr_label(SEVERITY_LABELS[severity]), severity)
        u.vehicleCombo.setPlaceholderText(self.tr("Choose the customer first"))
        self.save_button.setText(self.tr("Log complaint"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        u.searchEdit.textEdited.connect(lambda _t: self._search_timer.start())
        u.searchEdit.returnPressed.connect(self.run_search)
        u.resultsList.currentItemChanged.connect(self._hit_chosen)
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        self._show_customer_text()
        if customer_id:
            self.choose_customer(customer_id)

    @property
    def save_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.ui.searchEdit.text()
        self._search_generation += 1
        generation = self._search_generation
        if not text.strip():
            self.ui.resultsList.clear()
            return
        customers = self.customers
        (
            Operation(lambda: customers.search(text))
            .success(lambda hits: self._show_hits(generation, hits))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_hits(self, generation: int, hits: list[CustomerHit]) -> None:
        if generation != self._search_generation:
            return
        if not hits:
            self.ui.customerLabel.setText(self.tr("No customer matches."))
        show_customer_hits(self.ui.resultsList, hits)

    def _hit_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.choose_customer(str(item.data(Qt.ItemDataRole.UserRole)))

    def choose_customer(self, customer_id: str) -> None:
        customers = self.customers
        (
            Operation(lambda: customers.open_file(customer_id))
            .success(self._show_customer)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_customer(self, file: CustomerFile) -> None:
        self.customer = file
        u = self.ui
        self._show_customer_text()
        u.vehicleCombo.clear()
        u.vehicleCombo.addItem(self.tr("— not about a particular car"), None)
        for v in file.vehicles:
            plate = plate_text(v.plate) or self.tr("no plate")
            u.vehicleCombo.addItem(f"{plate}  {v.model_name}".strip(), v.id)
        wanted = self._pending_vehicle
        self._pending_vehicle = None
        index = u.vehicleCombo.findData(wanted) if wanted else -1
        u.vehicleCombo.setCurrentIndex(index if index >= 0 else min(1, u.vehicleCombo.count() - 1))
        mark_invalid([u.searchEdit], None)

    def _show_customer_text(self) -> None:
        if self.customer is None:
            hint = self.tr("No customer chosen yet")
            self.ui.customerLabel.setText(f"<span style='color:#7b8794'>{_html(hint)}</span>")
            return
        c = self.customer.customer
        self.ui.customerLabel.setText(f"<b>{_html(c.name)}</b>&nbsp;&nbsp;{_html(c.mobile)}")

    def save(self) -> None:
        u = self.ui
        u.errorLabel.setText("")
        mark_invalid([u.searchEdit, u.descriptionEdit], None)
        if self.customer is None or self.customer.customer.id is None:
            u.errorLabel.setText(self.tr("Find and choose the customer who complains."))
            mark_invalid([u.searchEdit], u.searchEdit)
            return
        customer_id = self.customer.customer.id
        vehicle_id = u.vehicleCombo.currentData()
        description = u.descriptionEdit.toPlainText()
        channel, severity = u.channelCombo.currentData(), u.severityCombo.currentData()
        service = self.service
        self.save_button.setEnabled(False)
        (
            Operation(
                lambda: service.open_complaint(
                    customer_id, vehicle_id, description, channel, severity
                )
            )
            .success(self._saved)
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _saved(self, complaint: Complaint) -> None:
        self.saved = complaint
        self.sig_saved.emit(complaint)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, StorageEnvironmentError):
            self.dialogs.error(self, self.tr("Not saved"), tr_error(error))
            return
        assert isinstance(error, DomainError)
        u = self.ui
        u.errorLabel.setText(tr_error(error))
        bad = {"description": u.descriptionEdit, "customer": u.searchEdit}.get(error.field or "")
        mark_invalid([u.searchEdit, u.descriptionEdit], bad)

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.windowTitle(), tr_error(error))


# -- escalating and resolving ----------------------------------------------------------------


class _NoteDialog(QDialog):
    """A small form with a note and the refusal shown under it; the service call is the
    subclass's."""

    sig_saved = Signal(object)  # Complaint

    def __init__(
        self,
        service: CareService,
        runner: TaskRunner,
        dialogs: DialogService,
        complaint: Complaint,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.complaint = complaint
        self.resize(560, 420)
        self.layout_ = QVBoxLayout(self)
        intro = QLabel(
            f"<b>{_html(complaint.number)}</b> · {_html(complaint.customer_name)} "
            f"{_html(plate_text(complaint.plate))}<br>"
            f"<span style='color:#486581'>{_html(complaint.description)}</span>"
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: 600;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.error_label)
        self.layout_.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def run(self, fn: Callable[[], Complaint]) -> None:
        self.error_label.setText("")
        mark_invalid([self.note_edit], None)
        self.save_button.setEnabled(False)
        Operation(fn).success(self._saved).failure(self._refused).run_in_background(self.runner)

    def _saved(self, complaint: Complaint) -> None:
        self.sig_saved.emit(complaint)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, StorageEnvironmentError):
            self.dialogs.error(self, self.tr("Not saved"), tr_error(error))
            return
        self.error_label.setText(tr_error(error))
        field = error.field if isinstance(error, DomainError) else None
        mark_invalid([self.note_edit], self.note_edit if field == "note" else None)


class EscalateDialog(_NoteDialog):
    """Hand the complaint to a manager, with the reason (required)."""

    def __init__(
        self,
        service: CareService,
        staff: Callable[[], list[StaffMember]],
        runner: TaskRunner,
        dialogs: DialogService,
        complaint: Complaint,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, dialogs, complaint, parent)
        self.setWindowTitle(self.tr("Escalate {number}").format(number=complaint.number))
        self.manager_combo = QComboBox()
        self.form.addRow(self.tr("&To manager:"), self.manager_combo)
        self.form.addRow(self.tr("&Why (required):"), self.note_edit)
        self.note_edit.setPlaceholderText(
            self.tr("What the customer demands, what was tried, why it needs a manager")
        )
        self.finish_layout()
        self.save_button.setText(self.tr("Escalate"))
        self.save_button.setEnabled(False)
        (
            Operation(staff)
            .success(self._fill_staff)
            .failure(lambda e: self.dialogs.error(self, self.windowTitle(), tr_error(e)))
            .run_in_background(runner)
        )

    def _fill_staff(self, staff: list[StaffMember]) -> None:
        managers = [s for s in staff if Role.MANAGER in s.roles and s.active]
        for s in managers or staff:
            self.manager_combo.addItem(s.full_name, s.id)
        self.save_button.setEnabled(self.manager_combo.count() > 0)
        self.note_edit.setFocus()

    def save(self) -> None:
        to, note = self.manager_combo.currentData(), self.note_edit.toPlainText()
        service, cid = self.service, self.complaint.id
        if to is None:
            return
        self.run(lambda: service.escalate(cid, str(to), note))


class ResolveDialog(_NoteDialog):
    """How the complaint was resolved (one of the options) and a note; saving adds the two
    callbacks to the worklist."""

    def __init__(
        self,
        service: CareService,
        runner: TaskRunner,
        dialogs: DialogService,
        complaint: Complaint,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, runner, dialogs, complaint, parent)
        self.setWindowTitle(self.tr("Resolve {number}").format(number=complaint.number))
        self.group = QButtonGroup(self)
        self.radios: dict[Resolution, QRadioButton] = {}
        box = QVBoxLayout()
        for n, resolution in enumerate(Resolution):
            radio = QRadioButton(tr_label(RESOLUTION_LABELS[resolution]))
            self.group.addButton(radio, n)
            self.radios[resolution] = radio
            box.addWidget(radio)
        self.radios[Resolution.REWORK].setChecked(True)
        self.form.addRow(self.tr("Resolution:"), box)
        self.form.addRow(self.tr("&Note:"), self.note_edit)
        self.note_edit.setPlaceholderText(
            self.tr("What was agreed with the customer (amount, date of the rework …)")
        )
        hint = QLabel(
            self.tr(
                "Saving adds two callbacks to the worklist: within 24 hours and again within "
                "7 days."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #486581;")
        self.layout_.addWidget(hint)
        self.finish_layout()
        self.save_button.setText(self.tr("Resolve"))

    def resolution(self) -> Resolution:
        return next(r for r, radio in self.radios.items() if radio.isChecked())

    def save(self) -> None:
        resolution, note = self.resolution(), self.note_edit.toPlainText()
        service, cid = self.service, self.complaint.id
        self.run(lambda: service.resolve(cid, resolution, note))
