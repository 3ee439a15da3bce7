"""Add or edit a customer. Refusals keep everything typed and name the field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidgetItem, QWidget

from ...domain.customers import (
    CONTACT_TASK_LABELS,
    LOCALITY_LABELS,
    TIER_LABELS,
    ContactTask,
    Customer,
    DoNotContact,
    Locality,
    Tier,
)
from ...domain.errors import DomainError, ValidationError
from ...services.customers import CustomerService
from ...services.errors import DuplicatePhone, StorageEnvironmentError
from ..forms.ui_customer_dialog import Ui_CustomerDialog
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import mark_invalid, optional_date, set_optional_date, setup_optional_date
from .labels import field_label


class CustomerDialog(QDialog):
    sig_saved = Signal(str)  # customer id
    sig_open_customer = Signal(str)  # the user chose to open another (duplicate) customer

    def __init__(
        self,
        service: CustomerService,
        runner: TaskRunner,
        dialogs: DialogService,
        customer: Customer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_CustomerDialog()
        self.ui.setupUi(self)
        self._customer_id = customer.id if customer else None
        for loc in Locality:
            self.ui.localityCombo.addItem(tr_label(LOCALITY_LABELS[loc]), loc.value)
        for tier in Tier:
            self.ui.tierCombo.addItem(tr_label(TIER_LABELS[tier]), tier.value)
        setup_optional_date(self.ui.birthdayEdit)
        self._setup_dnc_table()
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Edit customer") if customer else self.tr("New customer"))
        self._fields = {
            "name": self.ui.nameEdit,
            "mobile": self.ui.mobileEdit,
            "phone2": self.ui.phone2Edit,
            "id_number": self.ui.idNumberEdit,
            "birthday": self.ui.birthdayEdit,
            "address": self.ui.addressEdit,
            "city": self.ui.cityEdit,
            "tags": self.ui.tagsEdit,
            "do_not_contact": self.ui.dncTable,
        }
        if customer:
            self.load(customer)
        else:
            self.ui.cityEdit.setText(service.session.site.city)

    def _setup_dnc_table(self) -> None:
        table = self.ui.dncTable
        table.setHorizontalHeaderLabels([self.tr("Contact"), self.tr("Reason")])
        table.setRowCount(len(ContactTask))
        for row, task in enumerate(ContactTask):
            item = QTableWidgetItem(tr_label(CONTACT_TASK_LABELS[task]))
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, task.value)
            table.setItem(row, 0, item)
            table.setItem(row, 1, QTableWidgetItem(""))
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnToContents(0)
        table.verticalHeader().setVisible(False)

    def load(self, c: Customer) -> None:
        u = self.ui
        u.nameEdit.setText(c.name)
        u.mobileEdit.setText(c.mobile)
        u.phone2Edit.setText(c.phone2)
        u.idNumberEdit.setText(c.id_number)
        set_optional_date(u.birthdayEdit, c.birthday)
        u.addressEdit.setText(c.address)
        u.cityEdit.setText(c.city)
        u.localityCombo.setCurrentIndex(u.localityCombo.findData(c.locality.value))
        u.tierCombo.setCurrentIndex(u.tierCombo.findData(c.tier.value))
        u.tagsEdit.setText(", ".join(c.tags))
        u.notesEdit.setPlainText(c.notes)
        reasons = {d.task.value: d.reason for d in c.do_not_contact}
        for row in range(u.dncTable.rowCount()):
            item = self._dnc_item(row, 0)
            task = item.data(Qt.ItemDataRole.UserRole)
            if task in reasons:
                item.setCheckState(Qt.CheckState.Checked)
                self._dnc_item(row, 1).setText(reasons[task])

    def _dnc_item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.ui.dncTable.item(row, column)
        if item is None:  # every cell is created in _setup_dnc_table
            item = QTableWidgetItem("")
            self.ui.dncTable.setItem(row, column, item)
        return item

    def collect(self) -> Customer:
        """A new Customer from what is in the form (the form itself is never cleared)."""
        u = self.ui
        dnc = []
        for row in range(u.dncTable.rowCount()):
            item = self._dnc_item(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                reason = self._dnc_item(row, 1).text()
                dnc.append(DoNotContact(ContactTask(item.data(Qt.ItemDataRole.UserRole)), reason))
        return Customer(
            id=self._customer_id,
            name=u.nameEdit.text(),
            mobile=u.mobileEdit.text(),
            phone2=u.phone2Edit.text(),
            id_number=u.idNumberEdit.text(),
            birthday=optional_date(u.birthdayEdit),
            address=u.addressEdit.text().strip(),
            city=u.cityEdit.text().strip(),
            locality=Locality(u.localityCombo.currentData()),
            tier=Tier(u.tierCombo.currentData()),
            tags=u.tagsEdit.text().replace("，", ",").split(","),
            notes=u.notesEdit.toPlainText().strip(),
            do_not_contact=dnc,
        )

    def save(self) -> None:
        customer = self.collect()
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        (
            Operation(lambda: self.service.save_customer(customer))
            .success(self._saved)
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _saved(self, customer_id: str) -> None:
        self._customer_id = customer_id
        self.sig_saved.emit(customer_id)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
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
        if isinstance(error, DuplicatePhone) and self.dialogs.ask_confirm(
            self,
            self.tr("Phone already on file"),
            text + "\n\n" + self.tr("Open that customer? What you typed here stays in this form."),
        ):
            self.sig_open_customer.emit(error.other_id)
