"""The manager's sales settings: discount limit, minimum down payments, rate bound, insurance and
fee defaults, quote validity, deposit rules, and the contract clause templates. Everyone may
look; only EDIT_SETTINGS may save."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtWidgets import QDialogButtonBox, QListWidgetItem, QWidget

from ..domain.contracts import DEFAULT_CLAUSES, PLACEHOLDERS, Clause, check_clause
from ..domain.errors import ValidationError
from ..domain.quotes import SalesSettings, money_text, parse_money
from ..domain.roles import Permission, Role
from ..services.contracts import ContractService
from ..services.quotes import QuoteService
from .forms.ui_sales_settings import Ui_SalesSettingsDialog
from .messages import DialogService
from .settings_base import SettingsDialog
from .tasks import Operation, TaskRunner

CONSULTANT = Role.SALES_CONSULTANT.value


class SalesSettingsDialog(SettingsDialog):
    def __init__(
        self,
        quotes: QuoteService,
        contracts: ContractService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, dialogs, parent)
        self.quotes = quotes
        self.contracts = contracts
        self.ui = Ui_SalesSettingsDialog()
        self.ui.setupUi(self)
        self.error_label = self.ui.errorLabel
        self._settings = SalesSettings()
        self._clauses: list[Clause] = []
        self._current = -1
        self.ui.maxRateSpin.setSuffix(" %")
        self.ui.validitySpin.setMinimum(1)
        self.ui.validitySpin.setMaximum(90)
        for spin in (self.ui.minDownIceSpin, self.ui.minDownNevSpin, self.ui.depositShareSpin):
            spin.setMaximum(100)
        self.ui.placeholderLabel.setText(
            self.tr("Values filled in from the contract: {names}").format(
                names=" ".join("{" + p + "}" for p in PLACEHOLDERS)
            )
        )
        self.ui.clauseList.currentRowChanged.connect(self._show_clause)
        self.ui.addClauseButton.clicked.connect(self.add_clause)
        self.ui.removeClauseButton.clicked.connect(self.remove_clause)
        self.ui.resetClausesButton.clicked.connect(self.reset_clauses)
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        can_edit = quotes.session.can(Permission.EDIT_SETTINGS)
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(can_edit)
        for button in (
            self.ui.addClauseButton,
            self.ui.removeClauseButton,
            self.ui.resetClausesButton,
        ):
            button.setEnabled(can_edit)
        if not can_edit:
            self.ui.errorLabel.setText(self.tr("Only a manager can change these settings."))
        Operation(self._load_data).success(self._loaded).run_in_background(runner)

    def _load_data(self) -> tuple[SalesSettings, tuple[Clause, ...]]:
        return self.quotes.settings(), self.contracts.clauses()

    def _loaded(self, data: tuple[SalesSettings, tuple[Clause, ...]]) -> None:
        self.load(*data)

    # -- widgets <-> data ----------------------------------------------------------------

    def load(self, settings: SalesSettings, clauses: tuple[Clause, ...]) -> None:
        self._settings = settings
        cap = settings.discount_caps.get(CONSULTANT)
        self.ui.capEdit.setText("" if cap is None else money_text(cap))
        self.ui.minDownIceSpin.setValue(int(settings.min_down_ice * 100))
        self.ui.minDownNevSpin.setValue(int(settings.min_down_nev * 100))
        self.ui.maxRateSpin.setValue(float(settings.max_rate * 100))
        self.ui.compulsorySmallEdit.setText(money_text(settings.compulsory_small))
        self.ui.compulsoryLargeEdit.setText(money_text(settings.compulsory_large))
        self.ui.registrationFeeEdit.setText(money_text(settings.registration_fee))
        self.ui.financeFeeEdit.setText(money_text(settings.finance_fee))
        self.ui.validitySpin.setValue(settings.validity_days)
        self.ui.depositEdit.setText(money_text(settings.deposit))
        self.ui.depositShareSpin.setValue(int(settings.max_deposit_share * 100))
        self.ui.deliveryDaysSpin.setValue(settings.delivery_days)
        self._clauses = list(clauses)
        self._current = -1
        self._fill_clause_list(0)

    def _fill_clause_list(self, select: int) -> None:
        self.ui.clauseList.blockSignals(True)
        self.ui.clauseList.clear()
        for n, clause in enumerate(self._clauses, start=1):
            self.ui.clauseList.addItem(QListWidgetItem(f"{n}. {clause.title_zh or clause.code}"))
        self.ui.clauseList.blockSignals(False)
        self._current = -1
        if self._clauses:
            self.ui.clauseList.setCurrentRow(min(select, len(self._clauses) - 1))
        else:
            self._show_clause(-1)

    def _keep_current(self) -> None:
        """Put what is typed into the clause being edited back into the list."""
        if 0 <= self._current < len(self._clauses):
            old = self._clauses[self._current]
            self._clauses[self._current] = Clause(
                old.code,
                self.ui.titleZhEdit.text().strip(),
                self.ui.titleEnEdit.text().strip(),
                self.ui.textZhEdit.toPlainText().strip(),
                self.ui.textEnEdit.toPlainText().strip(),
            )
            item = self.ui.clauseList.item(self._current)
            if item is not None:
                title = self._clauses[self._current].title_zh or old.code
                item.setText(f"{self._current + 1}. {title}")

    def _show_clause(self, row: int) -> None:
        self._keep_current()
        self._current = row
        clause = self._clauses[row] if 0 <= row < len(self._clauses) else None
        self.ui.titleZhEdit.setText(clause.title_zh if clause else "")
        self.ui.titleEnEdit.setText(clause.title_en if clause else "")
        self.ui.textZhEdit.setPlainText(clause.text_zh if clause else "")
        self.ui.textEnEdit.setPlainText(clause.text_en if clause else "")
        for w in (
            self.ui.titleZhEdit,
            self.ui.titleEnEdit,
            self.ui.textZhEdit,
            self.ui.textEnEdit,
        ):
            w.setEnabled(clause is not None)

    def add_clause(self) -> None:
        self._keep_current()
        codes = {c.code for c in self._clauses}
        n = len(self._clauses) + 1
        while f"custom{n}" in codes:
            n += 1
        self._clauses.append(Clause(f"custom{n}", self.tr("New clause"), "", "", ""))
        self._current = -1
        self._fill_clause_list(len(self._clauses) - 1)

    def remove_clause(self) -> None:
        row = self.ui.clauseList.currentRow()
        if not 0 <= row < len(self._clauses):
            return
        del self._clauses[row]
        self._current = -1
        self._fill_clause_list(max(row - 1, 0))

    def reset_clauses(self) -> None:
        self._clauses = list(DEFAULT_CLAUSES)
        self._current = -1
        self._fill_clause_list(0)

    def collect(self) -> tuple[SalesSettings, tuple[Clause, ...]]:
        self._keep_current()
        cap_text = self.ui.capEdit.text().strip()
        caps = dict(self._settings.discount_caps)
        caps[CONSULTANT] = parse_money(cap_text, "cap") if cap_text else Decimal(0)
        settings = replace(
            self._settings,
            discount_caps=caps,
            min_down_ice=Decimal(self.ui.minDownIceSpin.value()) / 100,
            min_down_nev=Decimal(self.ui.minDownNevSpin.value()) / 100,
            max_rate=(Decimal(str(self.ui.maxRateSpin.value())) / 100).quantize(Decimal("0.0001")),
            compulsory_small=parse_money(self.ui.compulsorySmallEdit.text(), "compulsory_small"),
            compulsory_large=parse_money(self.ui.compulsoryLargeEdit.text(), "compulsory_large"),
            registration_fee=parse_money(self.ui.registrationFeeEdit.text(), "registration_fee"),
            finance_fee=parse_money(self.ui.financeFeeEdit.text(), "finance_fee"),
            validity_days=self.ui.validitySpin.value(),
            deposit=parse_money(self.ui.depositEdit.text(), "deposit"),
            max_deposit_share=Decimal(self.ui.depositShareSpin.value()) / 100,
            delivery_days=self.ui.deliveryDaysSpin.value(),
        )
        for n, clause in enumerate(self._clauses):
            try:
                check_clause(clause)
            except ValidationError:
                self.ui.tabs.setCurrentWidget(self.ui.clausesTab)
                self.ui.clauseList.setCurrentRow(n)
                raise
        return settings, tuple(self._clauses)

    def store(self, value: tuple[SalesSettings, tuple[Clause, ...]]) -> None:
        settings, clauses = value
        self.quotes.save_settings(settings)
        self.contracts.save_clauses(clauses)

    def field_widgets(self) -> dict[str, QWidget]:
        return {
            "cap": self.ui.capEdit,
            f"cap_{CONSULTANT}": self.ui.capEdit,
            "min_down_ice": self.ui.minDownIceSpin,
            "min_down_nev": self.ui.minDownNevSpin,
            "max_rate": self.ui.maxRateSpin,
            "compulsory_small": self.ui.compulsorySmallEdit,
            "compulsory_large": self.ui.compulsoryLargeEdit,
            "registration_fee": self.ui.registrationFeeEdit,
            "finance_fee": self.ui.financeFeeEdit,
            "validity_days": self.ui.validitySpin,
            "deposit": self.ui.depositEdit,
            "max_deposit_share": self.ui.depositShareSpin,
            "delivery_days": self.ui.deliveryDaysSpin,
            "clauses": self.ui.textZhEdit,
        }

    def show_field(self, field: str | None) -> None:
        if field and field != "clauses" and field in self.field_widgets():
            self.ui.tabs.setCurrentWidget(self.ui.rulesTab)
