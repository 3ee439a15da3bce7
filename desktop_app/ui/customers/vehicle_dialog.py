"""Add or edit a vehicle of a customer: VIN check digit, plate format, catalogue model."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from ...domain.customers import Vehicle, VehicleModel
from ...domain.errors import DomainError, ValidationError
from ...services.customers import CustomerService
from ...services.errors import DuplicateVin, StorageEnvironmentError
from ..forms.ui_vehicle_dialog import Ui_VehicleDialog
from ..i18n import tr_error, tr_message
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import mark_invalid, optional_date, set_optional_date, setup_optional_date
from .labels import field_label


class VehicleDialog(QDialog):
    sig_saved = Signal(str)
    sig_open_customer = Signal(str)

    def __init__(
        self,
        service: CustomerService,
        runner: TaskRunner,
        dialogs: DialogService,
        customer_id: str,
        models: list[VehicleModel],
        vehicle: Vehicle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.customer_id = customer_id
        self._vehicle_id = vehicle.id if vehicle else None
        self._last_visit = vehicle.last_visit if vehicle else None
        self.ui = Ui_VehicleDialog()
        self.ui.setupUi(self)
        self.ui.modelCombo.addItem(self.tr("(not in the catalogue)"), None)
        for m in models:
            self.ui.modelCombo.addItem(m.display_name, m.id)
        for edit in (self.ui.saleDateEdit, self.ui.warrantyEdit, self.ui.insuranceEdit):
            setup_optional_date(edit)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Edit vehicle") if vehicle else self.tr("Add vehicle"))
        self._fields: dict[str, QWidget] = {
            "vin": self.ui.vinEdit,
            "plate": self.ui.plateEdit,
            "model_id": self.ui.modelCombo,
            "mileage_km": self.ui.mileageSpin,
            "sale_date": self.ui.saleDateEdit,
            "warranty_end": self.ui.warrantyEdit,
            "insurance_expiry": self.ui.insuranceEdit,
        }
        if vehicle:
            self.load(vehicle)

    def load(self, v: Vehicle) -> None:
        u = self.ui
        u.vinEdit.setText(v.vin)
        u.plateEdit.setText(v.plate)
        index = u.modelCombo.findData(v.model_id)
        u.modelCombo.setCurrentIndex(max(index, 0))
        u.colourEdit.setText(v.colour)
        u.engineEdit.setText(v.engine_no)
        u.mileageSpin.setValue(v.mileage_km)
        set_optional_date(u.saleDateEdit, v.sale_date)
        set_optional_date(u.warrantyEdit, v.warranty_end)
        set_optional_date(u.insuranceEdit, v.insurance_expiry)

    def collect(self) -> Vehicle:
        u = self.ui
        return Vehicle(
            id=self._vehicle_id,
            customer_id=self.customer_id,
            vin=u.vinEdit.text(),
            plate=u.plateEdit.text(),
            model_id=u.modelCombo.currentData(),
            colour=u.colourEdit.text().strip(),
            engine_no=u.engineEdit.text(),
            mileage_km=u.mileageSpin.value(),
            sale_date=optional_date(u.saleDateEdit),
            warranty_end=optional_date(u.warrantyEdit),
            insurance_expiry=optional_date(u.insuranceEdit),
            last_visit=self._last_visit,
        )

    def save(self, accept_warnings: bool = False) -> None:
        vehicle = self.collect()
        self._save_button().setEnabled(False)
        (
            Operation(lambda: self.service.save_vehicle(vehicle, accept_warnings))
            .success(self._saved)
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _save_button(self) -> QWidget:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def _saved(self, result: tuple[str, list[str]]) -> None:
        vehicle_id, warnings = result
        self._save_button().setEnabled(True)
        if not vehicle_id:
            text = "\n".join(tr_message(w) for w in warnings)
            if self.dialogs.ask_confirm(
                self, self.tr("Please check"), text + "\n\n" + self.tr("Save anyway?")
            ):
                self.save(accept_warnings=True)
            return
        self._vehicle_id = vehicle_id
        self.sig_saved.emit(vehicle_id)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._save_button().setEnabled(True)
        if isinstance(error, StorageEnvironmentError):
            self.dialogs.error(self, self.tr("Not saved"), tr_error(error))
            return
        assert isinstance(error, DomainError)
        text = tr_error(error)
        field = error.field if isinstance(error, ValidationError) else None
        if field:
            text = self.tr("{field}: {message}").format(field=field_label(field), message=text)
        self.ui.errorLabel.setText(text)
        mark_invalid(list(self._fields.values()), self._fields.get(field or ""))
        if (
            isinstance(error, DuplicateVin)
            and error.owner_id
            and error.owner_id != self.customer_id
            and self.dialogs.ask_confirm(
                self,
                self.tr("VIN already on file"),
                text + "\n\n" + self.tr("Open the owner's file? What you typed stays here."),
            )
        ):
            self.sig_open_customer.emit(error.owner_id)
