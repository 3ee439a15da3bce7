"""The Customers area: search as you type on the left, the open customer's file on the right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QLocale, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from ...domain.customers import (
    CONTACT_TASK_LABELS,
    LOCALITY_LABELS,
    TIER_LABELS,
    Locality,
    Tier,
    Vehicle,
    VehicleModel,
)
from ...domain.identifiers import format_plate
from ...domain.roles import Permission
from ...paths import data_dir
from ...services.customers import (
    SEARCH_LIMIT,
    CustomerFile,
    CustomerHit,
    CustomerService,
    HistoryEntry,
)
from ..forms.ui_customers_view import Ui_CustomersView
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..table_model import Column, RowTableModel
from ..tasks import Operation, TaskRunner
from .labels import field_label, table_label

if TYPE_CHECKING:  # the dialogs load on first use: start-up paints sooner
    from .customer_dialog import CustomerDialog
    from .vehicle_dialog import VehicleDialog

SEARCH_DELAY_MS = 120


def _date(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def _local_time(text: str) -> str:
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone()
    return when.strftime("%Y-%m-%d %H:%M")


class CustomersView(QWidget):
    sig_status = Signal(str)

    def __init__(
        self,
        service: CustomerService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_CustomersView()
        self.ui.setupUi(self)
        self.file: CustomerFile | None = None
        self.models: list[VehicleModel] = []
        self._search_generation = 0
        self._open_generation = 0
        self._pending_select: str | None = None
        self.last_print: Path | None = None

        self.hits = RowTableModel[CustomerHit](
            [
                Column(lambda: self.tr("Name"), lambda h: h.name),
                Column(lambda: self.tr("Mobile"), lambda h: h.mobile),
                Column(lambda: self.tr("Tier"), lambda h: tr_label(TIER_LABELS[Tier(h.tier)])),
                Column(lambda: self.tr("Vehicles"), lambda h: h.vehicles),
            ],
            self,
        )
        self.vehicles = RowTableModel[Vehicle](
            [
                Column(
                    lambda: self.tr("Plate"), lambda v: format_plate(v.plate) if v.plate else ""
                ),
                Column(lambda: self.tr("Model"), lambda v: v.model_name),
                Column(lambda: self.tr("VIN"), lambda v: v.vin),
                Column(lambda: self.tr("Colour"), lambda v: v.colour),
                Column(lambda: self.tr("Mileage (km)"), lambda v: f"{v.mileage_km:,}", True),
                Column(lambda: self.tr("Sale date"), lambda v: _date(v.sale_date)),
                Column(lambda: self.tr("Warranty ends"), lambda v: _date(v.warranty_end)),
                Column(lambda: self.tr("Insurance expires"), lambda v: _date(v.insurance_expiry)),
            ],
            self,
        )
        self.history = RowTableModel[HistoryEntry](
            [
                Column(lambda: self.tr("When"), lambda e: _local_time(e.logged_at)),
                Column(lambda: self.tr("Who"), lambda e: e.actor_name),
                Column(lambda: self.tr("What"), self._describe),
            ],
            self,
        )
        u = self.ui
        u.resultsView.setModel(self.hits)
        u.vehiclesView.setModel(self.vehicles)
        u.historyView.setModel(self.history)
        for view in (u.resultsView, u.vehiclesView, u.historyView):
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
        u.splitter.setSizes([560, 600])

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        u.searchEdit.textChanged.connect(lambda _text: self._timer.start())
        u.searchEdit.returnPressed.connect(self.run_search)
        u.resultsView.selectionModel().selectionChanged.connect(self._hit_selected)
        u.newCustomerButton.clicked.connect(self.new_customer)
        u.editCustomerButton.clicked.connect(self.edit_customer)
        u.addVehicleButton.clicked.connect(self.add_vehicle)
        u.editVehicleButton.clicked.connect(self.edit_vehicle)
        u.vehiclesView.doubleClicked.connect(lambda _i: self.edit_vehicle())
        u.printButton.clicked.connect(self.print_file)
        self._can_edit = service.session.can(Permission.EDIT_CUSTOMERS)
        u.newCustomerButton.setEnabled(self._can_edit)
        self._show_file(None)

    # -- searching -----------------------------------------------------------------------

    def start(self) -> None:
        """Load the catalogue and the most recent customers (called once when shown)."""
        Operation(self.service.models).success(self._set_models).run_in_background(self.runner)
        self.run_search()

    def _set_models(self, models: list[VehicleModel]) -> None:
        self.models = models

    def run_search(self) -> None:
        self._timer.stop()
        text = self.ui.searchEdit.text()
        self._search_generation += 1
        generation = self._search_generation
        (
            Operation(lambda: self.service.search(text))
            .success(lambda hits: self._show_hits(generation, text, hits))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_hits(self, generation: int, text: str, hits: list[CustomerHit]) -> None:
        if generation != self._search_generation:
            return  # the person typed on; a newer search is coming
        self.hits.set_rows(hits)
        u = self.ui
        if not text.strip():
            u.resultsInfo.setText(self.tr("Recently changed customers"))
        elif not hits and _too_short(text):
            u.resultsInfo.setText(
                self.tr("Type at least 3 digits or letters to search phones, plates and VINs.")
            )
        elif not hits:
            u.resultsInfo.setText(self.tr("No customer matches “{text}”.").format(text=text))
        elif len(hits) >= SEARCH_LIMIT:
            u.resultsInfo.setText(
                self.tr("First {n} matches; type more to narrow the search.").format(n=len(hits))
            )
        else:
            u.resultsInfo.setText(self.tr("{n} matches").format(n=len(hits)))
        wanted = self._pending_select
        self._pending_select = None
        for row, hit in enumerate(hits):
            if hit.id == wanted:
                u.resultsView.selectRow(row)
                return
        if wanted:
            self.open_customer(wanted)
        elif hits and self.file is None:
            u.resultsView.selectRow(0)

    def _hit_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        hit = self.hits.row_at(rows[0].row()) if rows else None
        if hit:
            self.open_customer(hit.id)

    # -- the customer file ---------------------------------------------------------------

    def open_customer(self, customer_id: str) -> None:
        self._open_generation += 1
        generation = self._open_generation
        (
            Operation(lambda: self.service.open_file(customer_id))
            .success(lambda f: self._show_file(f) if generation == self._open_generation else None)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_file(self, file: CustomerFile | None) -> None:
        self.file = file
        u = self.ui
        has = file is not None
        u.editCustomerButton.setEnabled(has and self._can_edit)
        u.addVehicleButton.setEnabled(has and self._can_edit)
        u.editVehicleButton.setEnabled(has and self._can_edit)
        u.printButton.setEnabled(has)
        if file is None:
            u.nameLabel.setText(self.tr("No customer open"))
            u.detailsLabel.setText(self.tr("Search on the left, or add a new customer."))
            self.vehicles.set_rows([])
            self.history.set_rows([])
            return
        c = file.customer
        u.nameLabel.setText(f"{c.name}  ·  {tr_label(TIER_LABELS[c.tier])}")
        lines = [
            (self.tr("Mobile"), c.mobile),
            (self.tr("Second phone"), c.phone2),
            (self.tr("ID number"), c.id_number),
            (self.tr("Birthday"), _date(c.birthday)),
            (self.tr("Address"), c.address),
            (self.tr("City"), f"{c.city} ({tr_label(LOCALITY_LABELS[Locality(c.locality)])})"),
            (self.tr("Tags"), ", ".join(c.tags)),
            (
                self.tr("Do not contact"),
                "; ".join(
                    f"{tr_label(CONTACT_TASK_LABELS[d.task])}: {d.reason}" for d in c.do_not_contact
                ),
            ),
            (self.tr("Notes"), c.notes),
        ]
        cell = "<tr><td style='color:#555;padding-right:12px'>{}</td><td>{}</td></tr>"
        rows = "".join(cell.format(label, _html(value)) for label, value in lines if value)
        u.detailsLabel.setText(f"<table>{rows}</table>")
        self.vehicles.set_rows(file.vehicles)
        self.history.set_rows(file.history)
        u.fileTabs.setTabText(0, self.tr("Vehicles ({n})").format(n=len(file.vehicles)))
        if file.vehicles:
            u.vehiclesView.selectRow(0)

    def _describe(self, e: HistoryEntry) -> str:
        what = table_label(e.table)
        if e.op == "I":
            return self.tr("{what} created").format(what=what)
        if e.op == "D":
            return self.tr("{what} deleted").format(what=what)
        fields = self.tr(", ", "separator between items of a list").join(
            field_label(f) for f in e.changed
        )
        return self.tr("{what} changed: {fields}").format(what=what, fields=fields)

    # -- printing ------------------------------------------------------------------------

    def print_file(self) -> None:
        """Write the customer file PDF and open it in the system viewer, which prints it."""
        if self.file is None or self.file.customer.id is None:
            return
        customer_id = self.file.customer.id
        lang = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        folder = data_dir() / "prints"
        (
            Operation(lambda: self.service.print_file(customer_id, lang, folder))
            .success(self._printed)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _printed(self, path: Path) -> None:
        self.last_print = path
        self.sig_status.emit(self.tr("Customer file saved as {path}").format(path=path))
        self.dialogs.show_document(self, path)

    # -- editing -------------------------------------------------------------------------

    def new_customer(self) -> None:
        from .customer_dialog import CustomerDialog

        dialog = CustomerDialog(self.service, self.runner, self.dialogs, None, self)
        self._wire(dialog)
        text = self.ui.searchEdit.text().strip()
        if text and not any(ch.isdigit() for ch in text):
            dialog.ui.nameEdit.setText(text)
        elif text.isdigit():
            dialog.ui.mobileEdit.setText(text)
        dialog.show()

    def edit_customer(self) -> None:
        if self.file is None:
            return
        from .customer_dialog import CustomerDialog

        dialog = CustomerDialog(self.service, self.runner, self.dialogs, self.file.customer, self)
        self._wire(dialog)
        dialog.show()

    def _selected_vehicle(self) -> Vehicle | None:
        rows = self.ui.vehiclesView.selectionModel().selectedRows()
        return self.vehicles.row_at(rows[0].row()) if rows else None

    def add_vehicle(self, vehicle: Vehicle | None = None) -> None:
        if self.file is None or self.file.customer.id is None:
            return
        from .vehicle_dialog import VehicleDialog

        dialog = VehicleDialog(
            self.service,
            self.runner,
            self.dialogs,
            self.file.customer.id,
            self.models,
            vehicle or None,
            self,
        )
        self._wire(dialog)
        dialog.show()

    def edit_vehicle(self) -> None:
        vehicle = self._selected_vehicle()
        if vehicle is not None:
            self.add_vehicle(vehicle)

    def _wire(self, dialog: CustomerDialog | VehicleDialog) -> None:
        self.open_dialog = dialog  # kept for tests and to keep it alive while shown
        from .customer_dialog import CustomerDialog

        if isinstance(dialog, CustomerDialog):
            dialog.sig_saved.connect(self._customer_saved)
        else:
            dialog.sig_saved.connect(lambda _id: self._refresh_open())
        dialog.sig_open_customer.connect(self.show_customer)

    def _customer_saved(self, customer_id: str) -> None:
        self.sig_status.emit(self.tr("Customer saved."))
        self.show_customer(customer_id)

    def _refresh_open(self) -> None:
        self.sig_status.emit(self.tr("Vehicle saved."))
        if self.file and self.file.customer.id:
            self.open_customer(self.file.customer.id)
        self.run_search()

    def show_customer(self, customer_id: str) -> None:
        """Refresh the list and open ``customer_id`` in the file panel."""
        self._pending_select = customer_id
        self.run_search()

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Customers"), tr_error(error))


def _too_short(text: str) -> bool:
    """1-2 characters that are not all Chinese (1, 13, 沪A): a phone, plate or VIN fragment
    too short to search; 1-2 Chinese characters are searched as names."""
    q = "".join(text.split())
    return len(q) < 3 and not all("\u4e00" <= ch <= "\u9fff" for ch in q)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
