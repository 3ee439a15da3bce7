"""Check-in (接车) at the reception bay: what the advisor records with the customer at the car.

Mileage, fuel, warning lights, valuables, covers, damage on the car diagram, concerns, the
agreed work, estimate and promised time. Saving opens the repair order; a refusal (a mileage
lower than on file) is shown next to its field and nothing typed is lost. Afterwards the
check-in sheet can be printed for the customer's signature; a failed print never undoes the
check-in and says how to print again.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QLocale, QRegularExpression, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QWidget,
)

from ...domain.appointments import (
    DAMAGE_KINDS,
    STATUS_LABELS,
    WARNING_LIGHTS,
    Appointment,
    CheckIn,
    Status,
)
from ...domain.errors import DomainError, ValidationError
from ...domain.identifiers import format_plate
from ...paths import data_dir
from ...services.appointments import AppointmentFile, AppointmentService, RepairOrder
from ...services.errors import StorageEnvironmentError
from ..forms.ui_checkin_dialog import Ui_CheckInDialog
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import mark_invalid

CHECKABLE = frozenset({Status.BOOKED, Status.CONFIRMED, Status.ARRIVED})
MONEY_PATTERN = r"^\s*¥?\s*\d{0,3}(,?\d{3})*(\.\d{0,2})?\s*$"


def money(value: Decimal) -> str:
    """¥1,234.00: yuan with thousands separators and two decimals (never a float)."""
    return f"¥{value:,.2f}"


def parse_money(text: str) -> Decimal | None:
    """``1,234.5`` or ``¥1234.50`` → Decimal('1234.50'); empty → 0; None if not money."""
    cleaned = text.replace("¥", "").replace(",", "").replace("，", "").strip()
    if not cleaned:
        return Decimal("0.00")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite() or value < 0:
        return None
    return value.quantize(Decimal("0.01"))


def ui_language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def print_folder() -> Path:
    return data_dir() / "prints"


def to_qdatetime(when: dt.datetime) -> QDateTime:
    return QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    d, t = value.date(), value.time()
    return dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class CheckInDialog(QDialog):
    sig_checked_in = Signal(str)  # appointment id

    def __init__(
        self,
        service: AppointmentService,
        runner: TaskRunner,
        dialogs: DialogService,
        appointment_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.appointment_id = appointment_id
        self.appointment: Appointment | None = None
        self.order: RepairOrder | None = None
        self.last_print: Path | None = None
        self.ui = Ui_CheckInDialog()
        self.ui.setupUi(self)
        u = self.ui
        self.light_checks: dict[str, QCheckBox] = {}
        for index, (code, label) in enumerate(WARNING_LIGHTS.items()):
            check = QCheckBox(tr_label(label), u.lightsGroup)
            check.setProperty("light", code)
            u.lightsGrid.addWidget(check, index // 2, index % 2)
            self.light_checks[code] = check
        u.estimateEdit.setValidator(
            QRegularExpressionValidator(QRegularExpression(MONEY_PATTERN), u.estimateEdit)
        )
        u.fuelSlider.valueChanged.connect(self._show_fuel)
        u.diagram.sig_changed.connect(self._show_damage)
        u.buttonBox.accepted.connect(self.save)
        u.buttonBox.rejected.connect(self.reject)
        self.save_button.setText(self.tr("Check in and open repair order"))
        self.save_button.setEnabled(False)
        self._fields: dict[str, QWidget] = {
            "mileage_km": u.mileageSpin,
            "fuel_eighths": u.fuelSlider,
            "damage": u.diagram,
            "estimate": u.estimateEdit,
        }
        self._errors = {"mileage_km": u.mileageErrorLabel, "estimate": u.estimateErrorLabel}
        self.setWindowTitle(self.tr("Check-in"))
        self._show_fuel(u.fuelSlider.value())
        self._show_damage()
        self.load()

    @property
    def save_button(self) -> QPushButton:
        return self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter after the mileage moves on to the next field instead of checking in."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QAbstractButton
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    # -- loading -------------------------------------------------------------------------

    def load(self) -> None:
        aid = self.appointment_id
        (
            Operation(lambda: self.service.open(aid))
            .success(self._loaded)
            .failure(self._load_failed)
            .run_in_background(self.runner)
        )

    def _loaded(self, file: AppointmentFile) -> None:
        a = file.appointment
        self.appointment = a
        u = self.ui
        plate = format_plate(a.plate) if a.plate else self.tr("no plate")
        self.setWindowTitle(self.tr("Check-in · {plate}").format(plate=plate))
        status = tr_label(STATUS_LABELS[a.status])
        u.headerLabel.setText(
            "<span style='font-size:15pt;font-weight:600'>{plate}</span>&nbsp;&nbsp;{model}"
            "&nbsp;&nbsp;·&nbsp;&nbsp;{customer} {phone}<br>"
            "<span style='color:#555'>{serial} · {status} · {when} · {work}</span>".format(
                plate=_html(plate),
                model=_html(a.model_name),
                customer=_html(a.customer_name),
                phone=_html(a.phone),
                serial=a.serial,
                status=_html(status),
                when=f"{a.start:%Y-%m-%d %H:%M}–{a.end:%H:%M}",
                work=_html(a.work_summary),
            )
        )
        if file.checkin is not None:
            self._fill(file.checkin)
            self._set_read_only(True)
            number = file.repair_order.number if file.repair_order else ""
            u.errorLabel.setStyleSheet("color: #1b5e20;")
            u.errorLabel.setText(
                self.tr("Checked in already (repair order {number}).").format(number=number)
            )
            return
        now = self.service.now()
        length = a.end - a.start
        promised = max(a.end, now + length) + dt.timedelta(minutes=30)
        promised -= dt.timedelta(minutes=promised.minute % 15)
        self._fill(
            CheckIn(
                mileage_km=a.mileage_km or 0,
                fuel_eighths=4,
                concerns=a.fault,
                agreed_work="\n".join(w.name for w in a.work),
                estimate=a.estimate,
                promised_at=promised.replace(second=0, microsecond=0),
            )
        )
        if a.status not in CHECKABLE:
            self._set_read_only(True)
            u.errorLabel.setText(
                self.tr("An appointment that is “{status}” cannot be checked in.").format(
                    status=status
                )
            )
            return
        self.save_button.setEnabled(True)
        u.mileageSpin.setFocus()
        u.mileageSpin.selectAll()

    def _fill(self, c: CheckIn) -> None:
        u = self.ui
        u.mileageSpin.setValue(c.mileage_km)
        u.fuelSlider.setValue(c.fuel_eighths)
        for code, check in self.light_checks.items():
            check.setChecked(code in c.warning_lights)
        u.valuablesEdit.setText(c.valuables)
        u.coversCheck.setChecked(c.covers_on)
        u.walkaroundCheck.setChecked(c.walkaround_deferred)
        u.diagram.set_marks(c.damage)
        u.concernsEdit.setPlainText(c.concerns)
        u.agreedEdit.setPlainText(c.agreed_work)
        u.estimateEdit.setText(f"{c.estimate:,.2f}")
        if c.promised_at is not None:
            u.promisedEdit.setDateTime(to_qdatetime(c.promised_at))

    def _set_read_only(self, read_only: bool) -> None:
        u = self.ui
        for w in (u.carGroup, u.workGroup):
            w.setEnabled(not read_only)
        u.diagram.set_read_only(read_only)
        self.save_button.setEnabled(not read_only)

    def _load_failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Check-in"), tr_error(error))
        self.reject()

    # -- reading the form ----------------------------------------------------------------

    def collect(self) -> CheckIn | None:
        """A CheckIn from the form; None (and the field marked) if the estimate is unreadable."""
        u = self.ui
        estimate = parse_money(u.estimateEdit.text())
        if estimate is None:
            u.estimateErrorLabel.setText(
                self.tr("Type the estimate as an amount in yuan, e.g. 1,280.00.")
            )
            mark_invalid(list(self._fields.values()), u.estimateEdit)
            return None
        return CheckIn(
            mileage_km=u.mileageSpin.value(),
            fuel_eighths=u.fuelSlider.value(),
            warning_lights=[c for c, check in self.light_checks.items() if check.isChecked()],
            valuables=u.valuablesEdit.text().strip(),
            damage=u.diagram.marks(),
            concerns=u.concernsEdit.toPlainText().strip(),
            agreed_work=u.agreedEdit.toPlainText().strip(),
            estimate=estimate,
            promised_at=from_qdatetime(u.promisedEdit.dateTime()),
            walkaround_deferred=u.walkaroundCheck.isChecked(),
            covers_on=u.coversCheck.isChecked(),
        )

    def _show_fuel(self, value: int) -> None:
        text = self.tr("Empty") if value == 0 else self.tr("Full") if value == 8 else f"{value}/8"
        self.ui.fuelValueLabel.setText(text)

    def _show_damage(self) -> None:
        marks = self.ui.diagram.marks()
        if not marks:
            self.ui.damageSummaryLabel.setText(
                self.tr(
                    "No damage marked. Click on the car to mark damage; right-click a mark "
                    "to remove it."
                )
            )
            return
        parts = [
            f"{n}. {tr_label(DAMAGE_KINDS.get(m.kind, DAMAGE_KINDS['other']))}"
            for n, m in enumerate(marks, start=1)
        ]
        self.ui.damageSummaryLabel.setText(
            self.tr("{n} marked: {list}").format(n=len(marks), list="  ".join(parts))
        )

    # -- saving --------------------------------------------------------------------------

    def save(self) -> None:
        self._clear_errors()
        checkin = self.collect()
        if checkin is None:
            return
        aid = self.appointment_id
        self.save_button.setEnabled(False)
        (
            Operation(lambda: self.service.check_in(aid, checkin))
            .success(self._checked_in)
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _checked_in(self, order: RepairOrder) -> None:
        self.order = order
        self._set_read_only(True)
        u = self.ui
        u.errorLabel.setStyleSheet("color: #1b5e20;")
        u.errorLabel.setText(
            self.tr("Checked in. Repair order {number} is open.").format(number=order.number)
        )
        self.sig_checked_in.emit(self.appointment_id)
        if self.dialogs.ask_confirm(
            self,
            self.tr("Checked in"),
            self.tr(
                "Repair order {number} is open.\n\nPrint the check-in sheet now for the "
                "customer to sign?"
            ).format(number=order.number),
        ):
            self.print_sheet()
        else:
            self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, StorageEnvironmentError):
            self.dialogs.error(self, self.tr("Not checked in"), tr_error(error))
            return
        assert isinstance(error, DomainError)
        self._show_refusal(error)

    def _show_refusal(self, error: DomainError) -> None:
        text = tr_error(error)
        field = error.field if isinstance(error, ValidationError) else None
        label = self._errors.get(field or "")
        if label is not None:
            label.setText(text)
        else:
            self.ui.errorLabel.setStyleSheet("color: #b00020;")
            self.ui.errorLabel.setText(text)
        mark_invalid(list(self._fields.values()), self._fields.get(field or ""))

    def _clear_errors(self) -> None:
        for label in self._errors.values():
            label.setText("")
        self.ui.errorLabel.setText("")
        mark_invalid(list(self._fields.values()), None)

    # -- printing ------------------------------------------------------------------------

    def print_sheet(self) -> None:
        """Write the check-in sheet PDF and open it; the check-in stays whatever happens."""
        from ...services.appointment_documents import print_to_folder  # loads ReportLab

        db, session, aid = self.service.db, self.service.session, self.appointment_id
        lang, folder = ui_language(), print_folder()
        (
            Operation(lambda: print_to_folder(db, session, "checkin", aid, lang, folder))
            .success(self._printed)
            .failure(self._print_failed)
            .run_in_background(self.runner)
        )

    def _printed(self, path: Path) -> None:
        self.last_print = path
        self.dialogs.show_document(self, path)
        self.accept()

    def _print_failed(self, error: BaseException) -> None:
        reason = tr_error(error)
        number = self.order.number if self.order else ""
        self.dialogs.error(
            self,
            self.tr("Check-in sheet not printed"),
            self.tr(
                "The check-in is saved and repair order {number} is open; only the sheet could "
                "not be printed: {reason}\n\nTo print it again, open the appointment and choose "
                "“Print check-in sheet”."
            ).format(number=number, reason=reason),
        )
        self.accept()


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
