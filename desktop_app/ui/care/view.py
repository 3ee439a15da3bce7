"""The Care area (客户关怀): the worklist of today's and overdue tasks of every kind, worked from
the keyboard (Enter records the outcome, the next task is then selected; F8 or Ctrl+N moves on),
the complaints with their response clock, and the monthly KPIs.

Opening the area brings the worklist up to date with the data (``generate`` in the
background) and then shows it. A reached customer who wants an appointment gets one on the
spot: the booking dialog opens with the customer and the car filled in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QWidget

from ...domain.care import CareKind, CareRules
from ...domain.roles import Permission, permissions_for
from ...domain.staff import StaffMember
from ...services.care import CareService, GenerationReport, WorkItem
from ...services.customers import CustomerService
from ..forms.ui_care_view import Ui_CareView
from ..i18n import tr_error
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import optional_date, setup_optional_date, setup_table
from .complaints import ComplaintsTab
from .models import OVERDUE_TEXT, WorklistModel, kind_text, overdue_days
from .outcome_dialog import OutcomeDialog

if TYPE_CHECKING:
    from ...services.appointments import AppointmentService
    from ...services.care import OutcomeResult
    from ..appointments.booking_dialog import BookingDialog

SEARCH_DELAY_MS = 250


class CareView(QWidget):
    sig_status = Signal(str)

    WORKLIST_TAB, COMPLAINTS_TAB, KPI_TAB = range(3)

    def __init__(
        self,
        service: CareService,
        customers: CustomerService,
        appointments: Callable[[], AppointmentService],
        staff: Callable[[], list[StaffMember]],
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.customers = customers
        self.appointments = appointments
        self.staff = staff
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_CareView()
        self.ui.setupUi(self)
        self.started = False
        self.generated: GenerationReport | None = None
        self.rules = CareRules()
        self.items: list[WorkItem] = []  # the worklist before the type filter
        self.open_dialog: QDialog | None = None
        self.booking_dialog: BookingDialog | None = None
        self.kpi_view: QWidget | None = None
        self._generation = 0
        self._wanted: str | None = None
        self.can_work = service.session.can(Permission.WORK_CARE_LIST)

        self.model = WorklistModel(self)
        self.model.today = self.today()
        u = self.ui
        setup_table(u.worklistView, self.model, WorklistModel.MODEL)

        self.complaints = ComplaintsTab(service, customers, staff, runner, dialogs, u.complaintsTab)
        u.complaintsLayout.addWidget(self.complaints)
        self.complaints.sig_status.connect(self._hint)
        self.complaints.sig_worklist_changed.connect(self.reload)

        self._fill_filters()
        self._connect()
        self._update_buttons()

    def today(self) -> dt.date:
        return self.service.now().date()

    def _fill_filters(self) -> None:
        u = self.ui
        u.typeCombo.addItem(self.tr("All types"), None)
        for kind in CareKind:
            u.typeCombo.addItem(kind_text(kind), kind.value)
        setup_optional_date(u.dueEdit)
        self.assign_menu = QMenu(self)
        u.assignButton.setMenu(self.assign_menu)
        for button in (u.outcomeButton, u.assignButton):
            button.setEnabled(self.can_work)

    def _connect(self) -> None:
        u = self.ui
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        u.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        u.searchEdit.returnPressed.connect(self._search_entered)
        u.typeCombo.currentIndexChanged.connect(lambda _i: self._show_filtered())
        u.mineCheck.toggled.connect(lambda _on: self.reload())
        u.dueEdit.dateChanged.connect(lambda _d: self.reload())
        u.worklistView.activated.connect(self._activated)
        u.worklistView.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons()
        )
        u.outcomeButton.clicked.connect(lambda _checked=False: self.open_outcome())
        u.nextButton.clicked.connect(self.next_task)
        u.refreshButton.clicked.connect(self.refresh)
        u.tabs.currentChanged.connect(self._tab_changed)
        for keys in ("F8", "Ctrl+N"):
            QShortcut(QKeySequence(keys), u.worklistTab, self.next_task)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+F"), u.worklistTab, self._focus_search)

    # -- loading -------------------------------------------------------------------------

    def start(self) -> None:
        """Show the worklist and bring it up to date with the data (when first shown)."""
        self.started = True
        service = self.service
        Operation(service.rules).success(self._rules_loaded).failure(
            self._failed
        ).run_in_background(self.runner)
        Operation(self.staff).success(self._fill_assign_menu).failure(
            self._failed
        ).run_in_background(self.runner)
        self.reload()  # what is already there shows at once …
        self.refresh()  # … and what the rules add today follows
        self.complaints.start()

    def refresh(self) -> None:
        """Generate what the rules want as of today (idempotent), then reload."""
        self._hint(self.tr("Bringing the worklist up to date…"))
        service, today = self.service, self.today()
        (
            Operation(lambda: service.generate(today))
            .success(self._generated)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _rules_loaded(self, rules: CareRules) -> None:
        self.rules = rules
        self.model.attempts_allowed = rules.attempts

    def _generated(self, report: GenerationReport) -> None:
        self.generated = report
        if report.created or report.cancelled or report.expired:
            self._hint(
                self.tr(
                    "Worklist up to date: {created} new tasks, {cancelled} no longer needed, "
                    "{expired} expired."
                ).format(created=report.created, cancelled=report.cancelled, expired=report.expired)
            )
        else:
            self._hint(self.tr("Worklist up to date."))
        self.reload()

    def reload(self) -> None:
        self._search_timer.stop()
        self._generation += 1
        generation = self._generation
        u = self.ui
        today, text, mine = self.today(), u.searchEdit.text(), u.mineCheck.isChecked()
        due_until = optional_date(u.dueEdit)
        service = self.service
        (
            Operation(lambda: service.worklist(today, mine=mine, due_until=due_until, text=text))
            .success(lambda rows: self._loaded(generation, today, rows))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _loaded(self, generation: int, today: dt.date, rows: list[WorkItem]) -> None:
        if generation != self._generation:
            return
        self.items = rows
        self.model.today = today
        self._show_counts()
        self._show_filtered()

    def kind_filter(self) -> CareKind | None:
        data = self.ui.typeCombo.currentData()
        return CareKind(data) if data else None

    def _show_filtered(self) -> None:
        kind = self.kind_filter()
        rows = [w for w in self.items if kind is None or w.kind is kind]
        selected = self._wanted or self.selected_id()
        self._wanted = None
        self.model.set_rows(rows)
        row = self.model.row_of(selected)
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.ui.worklistView.selectRow(row)
        late = sum(1 for w in rows if overdue_days(w, self.model.today))
        self.ui.countLabel.setText(
            self.tr("{n} tasks · {late} overdue").format(n=len(rows), late=late)
        )
        self._update_buttons()

    def _show_counts(self) -> None:
        """Tasks per type (with the type filter's entries showing the same numbers)."""
        counts = Counter(w.kind for w in self.items)
        late = Counter(w.kind for w in self.items if overdue_days(w, self.model.today))
        combo = self.ui.typeCombo
        combo.setItemText(0, self.tr("All types ({n})").format(n=len(self.items)))
        chips = []
        for i, kind in enumerate(CareKind, start=1):
            combo.setItemText(i, f"{kind_text(kind)} ({counts[kind]})")
            if not counts[kind]:
                continue
            chip = f"<b>{counts[kind]}</b>&nbsp;{kind_text(kind)}"
            if late[kind]:
                overdue = self.tr("{n} overdue").format(n=late[kind])
                chip += f" <span style='color:{OVERDUE_TEXT}'>({overdue})</span>"
            chips.append(chip)
        self.ui.countsLabel.setText(
            "&nbsp;&nbsp;·&nbsp;&nbsp;".join(chips) if chips else self.tr("Nothing to do today.")
        )

    # -- selection and the keyboard flow -------------------------------------------------

    def selected(self) -> WorkItem | None:
        return self.model.row_at(self.ui.worklistView.currentIndex().row())

    def selected_id(self) -> str | None:
        w = self.selected()
        return w.id if w else None

    def select(self, task_id: str) -> None:
        row = self.model.row_of(task_id)
        if row >= 0:
            self.ui.worklistView.selectRow(row)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.ui.outcomeButton.setEnabled(has and self.can_work)
        self.ui.nextButton.setEnabled(has)
        self.ui.assignButton.setEnabled(has and self.can_work)

    def _activated(self, index: QModelIndex) -> None:
        w = self.model.row_at(index.row())
        if w is not None:
            self.open_outcome(w.id)

    def next_task(self) -> None:
        """Select the task after the current one (F8, Ctrl+N)."""
        view = self.ui.worklistView
        row = view.currentIndex().row()
        if row + 1 < self.model.rowCount():
            view.selectRow(row + 1)
        elif self.model.rowCount():
            self._hint(self.tr("That was the last task in the list."))
        view.setFocus()

    def _search_entered(self) -> None:
        self.reload()
        self.ui.worklistView.setFocus()

    def _focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _next_after(self, task_id: str) -> str | None:
        """The task to select once ``task_id`` is done: the next one, else the one before."""
        rows = self.model.rows()
        ids = [w.id for w in rows]
        if task_id not in ids:
            return self.selected_id()
        i = ids.index(task_id)
        if i + 1 < len(ids):
            return ids[i + 1]
        return ids[i - 1] if i > 0 else None

    # -- working a task ------------------------------------------------------------------

    def open_outcome(self, task_id: str | None = None) -> OutcomeDialog | None:
        task_id = task_id or self.selected_id()
        if task_id is None or not self.can_work:
            return None
        dialog = OutcomeDialog(self.service, self.runner, self.dialogs, task_id, self)
        dialog.sig_changed.connect(self._task_changed)
        dialog.sig_done.connect(self._task_done)
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def _task_changed(self, task_id: str) -> None:
        self._wanted = task_id
        self.reload()

    def _task_done(self, task_id: str, result: OutcomeResult | None, summary: str) -> None:
        task = next((w for w in self.items if w.id == task_id), None)
        self._wanted = self._next_after(task_id)
        self._hint(summary)
        self.reload()
        self.ui.worklistView.setFocus()
        if result is None:
            return
        if result.complaint_id:
            self.complaints.reload(select=result.complaint_id)
            self._hint(
                summary
                + " "
                + self.tr("A complaint was opened: see the Complaints tab (respond within 30 min).")
            )
        if result.booking_customer_id:
            self.book_appointment(result.booking_customer_id, result.booking_vehicle_id, task)

    def book_appointment(
        self, customer_id: str, vehicle_id: str | None, task: WorkItem | None = None
    ) -> BookingDialog:
        """The booking dialog with the customer and the car already chosen."""
        from ..appointments.booking_dialog import BookingDialog

        dialog = BookingDialog(
            self.appointments(), self.customers, self.runner, self.dialogs, parent=self
        )
        if task is not None:
            dialog.ui.searchEdit.setText(task.customer_name)
            dialog.ui.phoneRecordEdit.setPlainText(
                self.tr("Booked on the care call: {kind}").format(kind=kind_text(task.kind))
            )
        dialog.choose_customer(customer_id, vehicle_id)
        dialog.sig_saved.connect(lambda _id: self._hint(self.tr("Appointment booked.")))
        self.booking_dialog = dialog
        dialog.show()
        return dialog

    # -- assigning -----------------------------------------------------------------------

    def _fill_assign_menu(self, staff: list[StaffMember]) -> None:
        menu = self.assign_menu
        menu.clear()
        me = self.service.session.staff
        mine = QAction(self.tr("To me ({name})").format(name=me.full_name), menu)
        mine.triggered.connect(lambda: self.assign_selected(me.id))
        menu.addAction(mine)
        menu.addSeparator()
        for s in staff:
            if s.id == me.id or Permission.WORK_CARE_LIST not in permissions_for(s.roles):
                continue
            action = QAction(s.full_name, menu)
            action.triggered.connect(lambda _c=False, sid=s.id: self.assign_selected(sid))
            menu.addAction(action)
        menu.addSeparator()
        nobody = QAction(self.tr("Nobody (back to the team)"), menu)
        nobody.triggered.connect(lambda: self.assign_selected(None))
        menu.addAction(nobody)

    def assign_selected(self, staff_id: str | None) -> None:
        task_id = self.selected_id()
        if task_id is None:
            return
        service = self.service
        self._wanted = task_id
        (
            Operation(lambda: service.assign([task_id], staff_id))
            .success(lambda _r: self.reload())
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    # -- tabs ----------------------------------------------------------------------------

    def _tab_changed(self, index: int) -> None:
        if index == self.KPI_TAB:
            self._ensure_kpis()

    def show_kpis(self) -> None:
        self.ui.tabs.setCurrentIndex(self.KPI_TAB)

    def _ensure_kpis(self) -> None:
        """The KPI charts are built the first time their tab is shown (they load charting)."""
        if self.kpi_view is not None:
            return
        try:
            from .kpi import KpiView
        except ModuleNotFoundError as error:
            if error.name != f"{__package__}.kpi":
                raise
            label = QLabel(self.tr("The KPI charts are not available in this version."))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.ui.kpiLayout.addWidget(label)
            self.kpi_view = label
            return
        view = KpiView(self.service, self.runner, self.dialogs, self.ui.kpiTab)
        view.sig_status.connect(self._hint)
        self.ui.kpiLayout.addWidget(view)
        self.kpi_view = view
        view.start()

    # -- messages ------------------------------------------------------------------------

    def _hint(self, text: str) -> None:
        self.ui.statusLabel.setText(text)
        self.sig_status.emit(text)

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Care"), tr_error(error))
