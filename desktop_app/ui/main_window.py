"""The main window: navigation, one page per area, and the status bar. Kept thin on purpose."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QMessageBox, QWidget

from .. import __version__
from ..domain.staff import Session
from ..services.customers import CustomerService
from ..services.sync import SyncReport, SyncService, SyncStatus
from .customers.view import CustomersView
from .forms.ui_main_window import Ui_MainWindow
from .messages import DialogService
from .settings_dialog import SettingsDialog
from .sync.controller import SyncController
from .sync.models import conflicts_line, status_line
from .tasks import TaskRunner

if TYPE_CHECKING:  # built on first use: the board's modules stay out of start-up
    from ..domain.staff import StaffMember
    from ..services.appointments import AppointmentService
    from ..services.care import CareService
    from ..services.contracts import ContractService
    from ..services.deliveries import DeliveryService
    from ..services.quotes import QuoteService
    from .appointments.view import AppointmentsView
    from .care.view import CareView
    from .deliveries.view import DeliveriesView
    from .quotes.view import QuotesView
    from .sync.view import SyncView

STATUS_REFRESH_MS = 30_000


@dataclass
class Area:
    key: str
    icon: str
    title: str
    page: QWidget | None  # None: not in this version yet; shown greyed out


class MainWindow(QMainWindow):
    sig_language_changed = Signal(str)
    sig_sign_out = Signal()

    def __init__(
        self,
        session: Session,
        customers: CustomerService,
        appointments: Callable[[], AppointmentService],
        sync: SyncService,
        sync_controller: SyncController,
        runner: TaskRunner,
        dialogs: DialogService,
        language_setting: str | None = None,
        deliveries: Callable[[], DeliveryService] | None = None,
        sales: Callable[[], tuple[QuoteService, ContractService]] | None = None,
        care: Callable[[], tuple[CareService, Callable[[], list[StaffMember]]]] | None = None,
        staff: Callable[[], list[StaffMember]] | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.sync = sync
        self.sync_controller = sync_controller
        sync_controller.setParent(self)
        self._staff = staff
        self.sync_status: SyncStatus | None = None
        self.runner = runner
        self.dialogs = dialogs
        self.language_setting = language_setting
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowIcon(QIcon(":/icons/dealerdesk.svg"))
        self.setWindowTitle(self.tr("DealerDesk — {site}").format(site=session.site.name))
        self.customers_view = CustomersView(customers, runner, dialogs, self)
        self.customers_view.sig_status.connect(
            lambda text: self.statusBar().showMessage(text, 5000)
        )
        self._customers_service = customers
        self._appointments_factory = appointments
        self._appointments_service: AppointmentService | None = None
        self._appointments_view: AppointmentsView | None = None
        self._deliveries_factory = deliveries
        self._deliveries_view: DeliveriesView | None = None
        self._sales_factory = sales
        self._quotes_view: QuotesView | None = None
        self._care_factory = care
        self._care_view: CareView | None = None
        self._sync_view: SyncView | None = None
        self.areas = [
            Area("appointments", "appointments", self.tr("Appointments"), QWidget(self)),
            Area(
                "deliveries",
                "deliveries",
                self.tr("Deliveries"),
                QWidget(self) if deliveries is not None else None,
            ),
            Area(
                "quotes",
                "quotes",
                self.tr("Quotes & Contracts"),
                QWidget(self) if sales is not None else None,
            ),
            Area("customers", "customers", self.tr("Customers"), self.customers_view),
            Area("care", "care", self.tr("Care"), QWidget(self) if care is not None else None),
            Area("sync", "sync", self.tr("Sync"), QWidget(self)),
        ]
        nav = self.ui.navList
        nav.setIconSize(QSize(24, 24))
        for area in self.areas:
            item = QListWidgetItem(QIcon(f":/icons/{area.icon}.svg"), area.title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            if area.page is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("Not available in this version of DealerDesk yet."))
            else:
                self.ui.stack.addWidget(area.page)
            nav.addItem(item)
        nav.currentItemChanged.connect(lambda item, _prev: self._show_area(item))

        self.site_label = QLabel(session.site.name)
        self.user_label = QLabel()
        self.sync_label = QLabel()
        self.sync_label.setToolTip(self.tr("Sync with the hub: open the Sync page for details"))
        self.conflicts_label = QLabel()
        self.conflicts_label.setTextFormat(Qt.TextFormat.RichText)
        self.conflicts_label.linkActivated.connect(lambda _link: self.show_area("sync"))
        for label in (self.site_label, self.user_label, self.sync_label, self.conflicts_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
        roles = ", ".join(sorted(r.value for r in session.staff.roles))
        self.user_label.setText(self.tr("Signed in: {name}").format(name=session.staff.full_name))
        self.user_label.setToolTip(roles)

        self.ui.settingsAction.triggered.connect(self.open_settings)
        self.ui.workshopSettingsAction.triggered.connect(self.open_workshop_settings)
        self.ui.salesSettingsAction.triggered.connect(self.open_sales_settings)
        self.ui.salesSettingsAction.setEnabled(self._sales_factory is not None)
        self.ui.careSettingsAction.triggered.connect(self.open_care_settings)
        self.ui.careSettingsAction.setEnabled(self._care_factory is not None)
        self.ui.quitAction.triggered.connect(self.close)
        self.ui.signOutAction.triggered.connect(self._sign_out)
        self.ui.aboutAction.triggered.connect(self._about)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        c = sync_controller
        c.sig_status.connect(self._show_sync)
        c.sig_started.connect(self._sync_running_changed)
        c.sig_finished.connect(self._sync_finished)
        c.sig_failed.connect(lambda _kind, _detail: self._sync_running_changed())
        self.show_area("customers")

    def start(self) -> None:
        """Load what the pages show; call once after the window is created."""
        self.customers_view.start()
        self.sync_controller.start()  # counts what is waiting; automatic passes if a hub is set
        self._status_timer.start()

    @property
    def appointments_service(self) -> AppointmentService:
        if self._appointments_service is None:
            self._appointments_service = self._appointments_factory()
        return self._appointments_service

    @property
    def appointments_view(self) -> AppointmentsView:
        """The Appointments page, built the first time it is needed (start-up paints sooner)."""
        if self._appointments_view is None:
            from .appointments.view import AppointmentsView

            view = AppointmentsView(
                self.appointments_service,
                self._customers_service,
                self.runner,
                self.dialogs,
                self,
            )
            view.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self._replace_placeholder("appointments", view)
            self._appointments_view = view
        return self._appointments_view

    @property
    def deliveries_view(self) -> DeliveriesView:
        """The Deliveries page, built the first time it is needed (start-up paints sooner)."""
        if self._deliveries_view is None:
            from .deliveries.view import DeliveriesView

            assert self._deliveries_factory is not None
            view = DeliveriesView(
                self._deliveries_factory(),
                self._customers_service,
                self.runner,
                self.dialogs,
                self,
            )
            view.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self._replace_placeholder("deliveries", view)
            self._deliveries_view = view
        return self._deliveries_view

    @property
    def quotes_view(self) -> QuotesView:
        """The Quotes & Contracts page, built the first time it is needed."""
        if self._quotes_view is None:
            from .quotes.view import QuotesView

            assert self._sales_factory is not None
            quotes, contracts = self._sales_factory()
            view = QuotesView(
                quotes,
                contracts,
                self._customers_service,
                self.runner,
                self.dialogs,
                self,
            )
            view.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self._replace_placeholder("quotes", view)
            self._quotes_view = view
        return self._quotes_view

    @property
    def care_view(self) -> CareView:
        """The Care page, built the first time it is needed."""
        if self._care_view is None:
            from .care.view import CareView

            assert self._care_factory is not None
            service, staff = self._care_factory()
            view = CareView(
                service,
                self._customers_service,
                lambda: self.appointments_service,
                staff,
                self.runner,
                self.dialogs,
                self,
            )
            view.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self._replace_placeholder("care", view)
            self._care_view = view
        return self._care_view

    @property
    def sync_view(self) -> SyncView:
        """The Sync page, built the first time it is needed."""
        if self._sync_view is None:
            from .sync.view import SyncView

            view = SyncView(
                self.sync,
                self.sync_controller,
                self.runner,
                self.dialogs,
                self._customers_service,
                self._staff,
                self,
            )
            view.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
            self._replace_placeholder("sync", view)
            self._sync_view = view
        return self._sync_view

    def _replace_placeholder(self, key: str, page: QWidget) -> None:
        area = next(a for a in self.areas if a.key == key)
        placeholder = area.page
        index = self.ui.stack.indexOf(placeholder) if placeholder is not None else -1
        self.ui.stack.insertWidget(index, page)
        if placeholder is not None:
            self.ui.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        area.page = page

    def show_area(self, key: str) -> None:
        for row, area in enumerate(self.areas):
            if area.key == key and area.page is not None:
                page: QWidget = area.page
                if key == "appointments":
                    page = self.appointments_view
                elif key == "deliveries":
                    page = self.deliveries_view
                elif key == "quotes":
                    page = self.quotes_view
                elif key == "care":
                    page = self.care_view
                elif key == "sync":
                    page = self.sync_view
                self.ui.navList.setCurrentRow(row)
                self.ui.stack.setCurrentWidget(page)
                if key == "appointments" and not self.appointments_view.started:
                    self.appointments_view.start()  # the board loads when first shown
                if key == "deliveries" and not self.deliveries_view.started:
                    self.deliveries_view.start()
                if key == "quotes" and not self.quotes_view.started:
                    self.quotes_view.start()
                if key == "care" and not self.care_view.started:
                    self.care_view.start()
                if key == "sync":
                    if self.sync_view.started:
                        self.sync_view.reload()
                    else:
                        self.sync_view.start()

    def _show_area(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_area(str(item.data(Qt.ItemDataRole.UserRole)))

    def refresh_status(self) -> None:
        """Count the changes waiting and the open conflicts; the labels follow."""
        self.sync_controller.refresh_status()

    def _show_sync(self, s: SyncStatus) -> None:
        """Online or not, changes waiting, last successful sync, open conflicts."""
        self.sync_status = s
        self.sync_label.setText(status_line(s, self.sync_controller.running))
        text = conflicts_line(s.open_conflicts)
        if s.open_conflicts:
            self.conflicts_label.setText(f'<a href="sync" style="color:#b00020">{text}</a>')
            self.conflicts_label.setToolTip(self.tr("Open the Sync page to decide them"))
        else:
            self.conflicts_label.setText(text)
            self.conflicts_label.setToolTip("")

    def _sync_finished(self, report: SyncReport) -> None:
        """What other PCs changed shows on the page in front of the person at once."""
        self._sync_running_changed()
        if not report.pulled:
            return
        page = self.ui.stack.currentWidget()
        views = (self._appointments_view, self._deliveries_view, self._quotes_view, self._care_view)
        for view in views:
            if view is not None and view is page and view.started:
                view.reload()

    def _sync_running_changed(self) -> None:
        if self.sync_status is not None:
            self._show_sync(self.sync_status)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self._status_timer.stop()
        self.sync_controller.shutdown()
        super().closeEvent(event)

    def open_workshop_settings(self) -> None:
        from .workshop_settings import WorkshopSettingsDialog

        dialog = WorkshopSettingsDialog(self.appointments_service, self.runner, self.dialogs, self)
        dialog.sig_saved.connect(self._workshop_changed)
        self.workshop_dialog = dialog
        dialog.open()

    def open_sales_settings(self) -> None:
        """Discount limit, down payments, fees, validity and the contract clause templates."""
        from .sales_settings import SalesSettingsDialog

        view = self.quotes_view
        dialog = SalesSettingsDialog(view.quotes, view.contracts, self.runner, self.dialogs, self)
        dialog.sig_saved.connect(self._sales_changed)
        self.sales_dialog = dialog
        dialog.open()

    def open_care_settings(self) -> None:
        """Every timing of the care rules; the worklist follows them from its next refresh."""
        from .care_settings import CareSettingsDialog

        dialog = CareSettingsDialog(self.care_view.service, self.runner, self.dialogs, self)
        dialog.sig_saved.connect(self._care_changed)
        self.care_dialog = dialog
        dialog.open()

    def _care_changed(self) -> None:
        if self._care_view is not None and self._care_view.started:
            self._care_view.reload()

    def _sales_changed(self) -> None:
        if self._quotes_view is not None and self._quotes_view.started:
            self._quotes_view.reload()

    def _workshop_changed(self) -> None:
        if self._appointments_view is not None and self._appointments_view.started:
            self._appointments_view.reload()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.language_setting, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        language = dialog.language()
        if language != (self.language_setting or "system"):
            self.language_setting = language
            self.sig_language_changed.emit(language)

    def _sign_out(self) -> None:
        self.sig_sign_out.emit()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About DealerDesk"),
            self.tr("DealerDesk {version}\nOffline-first desk software for 4S dealerships.").format(
                version=__version__
            ),
        )
