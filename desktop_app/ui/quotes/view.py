"""The Quotes & Contracts area: the list of quotes (status as it reads today, filters, the
quote's life: new, open, revise, lost, accept → contract, print) and the list of contracts
(open in the editor, print the contract set); managers import head office's price list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.contracts import ContractStatus
from ...domain.errors import DomainError
from ...domain.quotes import QuoteStatus, SalesSettings
from ...domain.roles import Permission
from ...paths import data_dir
from ...services.contracts import Contract, ContractService
from ...services.customers import CustomerService
from ...services.errors import StorageEnvironmentError
from ...services.quotes import ImportReport, Quote, QuoteService
from ..forms.ui_quotes_view import Ui_QuotesView
from ..i18n import tr_error
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import setup_table
from .builder import QuoteBuilder
from .contract_editor import ContractEditor
from .models import (
    ContractListModel,
    QuoteListModel,
    contract_status_text,
    quote_status_text,
    ui_language,
    yuan,
)
from .plans import rate_text
from .price_list import PriceListReportDialog

SEARCH_DELAY_MS = 250
OPEN_STATUSES = frozenset({QuoteStatus.DRAFT, QuoteStatus.SENT})


class AcceptDialog(QDialog):
    """The customer accepts the quote: paying in full or with one of its finance plans."""

    sig_chosen = Signal(object)  # plan index or None (full payment)

    def __init__(self, quote: Quote, settings: SalesSettings, parent: QWidget | None = None):
        super().__init__(parent)
        from ...domain.quotes import compute

        self.setWindowTitle(self.tr("Accept quote {number}").format(number=quote.number))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{customer} accepts quote {number} (v{version}, {total}). How does the customer "
                "pay? The purchase contract is drafted from the quote."
            ).format(
                customer=quote.customer_name,
                number=quote.number,
                version=quote.version,
                total=yuan(quote.total),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        full = QRadioButton(self.tr("Full payment"))
        full.setChecked(True)
        self.group.addButton(full, -1)
        layout.addWidget(full)
        self.radios = [full]
        figures = compute(quote.input, settings).plans
        for n, (plan, fig) in enumerate(zip(quote.input.plans, figures, strict=True)):
            radio = QRadioButton(
                self.tr(
                    "Plan {n}: {lender}, {months} months at {rate} % — {monthly} a month"
                ).format(
                    n=n + 1,
                    lender=plan.lender or self.tr("lender not named"),
                    months=plan.months,
                    rate=rate_text(plan.annual_rate),
                    monthly=yuan(fig.monthly),
                )
            )
            self.group.addButton(radio, n)
            self.radios.append(radio)
            layout.addWidget(radio)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Draft the contract"))
        buttons.accepted.connect(self._chosen)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _chosen(self) -> None:
        plan = self.group.checkedId()
        self.sig_chosen.emit(None if plan < 0 else plan)
        self.accept()


class QuotesView(QWidget):
    sig_status = Signal(str)

    def __init__(
        self,
        quotes: QuoteService,
        contracts: ContractService,
        customers: CustomerService,
        runner: TaskRunner,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.quotes = quotes
        self.contracts = contracts
        self.customers = customers
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_QuotesView()
        self.ui.setupUi(self)
        self.started = False
        self.settings = SalesSettings()
        self.open_dialog: QDialog | None = None
        self._windows: list[QDialog] = []  # builders and editors this page opened
        self.last_print: Path | None = None
        self.last_import: ImportReport | None = None
        self._quote_generation = 0
        self._contract_generation = 0
        self._wanted_quote: str | None = None
        self._wanted_contract: str | None = None
        session = quotes.session
        self.can_edit = session.can(Permission.EDIT_QUOTES)
        self.can_import = session.can(Permission.EDIT_SETTINGS)

        self.quote_model = QuoteListModel(self)
        self.contract_model = ContractListModel(self)
        u = self.ui
        for view, model, stretch in (
            (u.quotesView, self.quote_model, QuoteListModel.MODEL),
            (u.contractsView, self.contract_model, ContractListModel.MODEL),
        ):
            setup_table(view, model, stretch)
        self._fill_filters()
        self._connect()
        self._update_buttons()

    def _fill_filters(self) -> None:
        u = self.ui
        u.statusCombo.addItem(self.tr("All"), None)
        u.statusCombo.addItem(self.tr("Open (draft or sent)"), "open")
        for status in QuoteStatus:
            u.statusCombo.addItem(quote_status_text(status), status.value)
        u.contractStatusCombo.addItem(self.tr("All"), None)
        for cstatus in ContractStatus:
            u.contractStatusCombo.addItem(contract_status_text(cstatus), cstatus.value)
        u.importButton.setVisible(self.can_import)
        for button in (u.newButton, u.reviseButton, u.lostButton, u.acceptButton):
            button.setVisible(self.can_edit)

    def _connect(self) -> None:
        u = self.ui
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload_quotes)
        self._contract_timer = QTimer(self)
        self._contract_timer.setSingleShot(True)
        self._contract_timer.setInterval(SEARCH_DELAY_MS)
        self._contract_timer.timeout.connect(self.reload_contracts)
        u.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        u.searchEdit.returnPressed.connect(self.reload_quotes)
        u.statusCombo.currentIndexChanged.connect(lambda _i: self.reload_quotes())
        u.mineCheck.toggled.connect(lambda _on: self.reload_quotes())
        u.contractSearchEdit.textChanged.connect(lambda _t: self._contract_timer.start())
        u.contractSearchEdit.returnPressed.connect(self.reload_contracts)
        u.contractStatusCombo.currentIndexChanged.connect(lambda _i: self.reload_contracts())
        u.contractMineCheck.toggled.connect(lambda _on: self.reload_contracts())
        u.quotesView.doubleClicked.connect(self._quote_activated)
        u.contractsView.doubleClicked.connect(self._contract_activated)
        u.quotesView.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons()
        )
        u.contractsView.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons()
        )
        u.newButton.clicked.connect(self.new_quote)
        u.openButton.clicked.connect(self.open_selected_quote)
        u.reviseButton.clicked.connect(self.revise)
        u.lostButton.clicked.connect(self.mark_lost)
        u.acceptButton.clicked.connect(self.accept_quote)
        u.printButton.clicked.connect(self.print_quote)
        u.importButton.clicked.connect(self.choose_price_list)
        u.openContractButton.clicked.connect(self.open_selected_contract)
        u.printContractButton.clicked.connect(self.print_contract)
        QShortcut(QKeySequence("F5"), self, self.reload)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_quote)

    # -- loading -------------------------------------------------------------------------

    def start(self) -> None:
        """Load both lists (when the area is first shown)."""
        self.started = True
        service = self.quotes
        Operation(service.settings).success(self._settings_loaded).failure(
            self._failed
        ).run_in_background(self.runner)
        self.reload()

    def _settings_loaded(self, settings: SalesSettings) -> None:
        self.settings = settings

    def reload(self) -> None:
        self.reload_quotes()
        self.reload_contracts()

    def quote_statuses(self) -> set[QuoteStatus] | None:
        data = self.ui.statusCombo.currentData()
        if data is None:
            return None
        if data == "open":
            return set(OPEN_STATUSES)
        return {QuoteStatus(data)}

    def reload_quotes(self) -> None:
        self._search_timer.stop()
        self._quote_generation += 1
        generation = self._quote_generation
        u = self.ui
        text, statuses, mine = u.searchEdit.text(), self.quote_statuses(), u.mineCheck.isChecked()
        service = self.quotes
        (
            Operation(lambda: service.listing(text, statuses, mine))
            .success(lambda rows: self._show_quotes(generation, rows))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_quotes(self, generation: int, rows: list[Quote]) -> None:
        if generation != self._quote_generation:
            return
        selected = self._wanted_quote or self.selected_quote_id()
        self._wanted_quote = None
        self.quote_model.set_rows(rows)
        row = self.quote_model.row_of(selected)
        if row < 0 and rows:
            row = 0  # the newest
        if row >= 0:
            self.ui.quotesView.selectRow(row)
        self.ui.quoteCountLabel.setText(self.tr("{n} quotes").format(n=len(rows)))
        self._update_buttons()

    def reload_contracts(self) -> None:
        self._contract_timer.stop()
        self._contract_generation += 1
        generation = self._contract_generation
        u = self.ui
        data = u.contractStatusCombo.currentData()
        statuses = None if data is None else {ContractStatus(data)}
        text, mine = u.contractSearchEdit.text(), u.contractMineCheck.isChecked()
        service = self.contracts
        (
            Operation(lambda: service.listing(text, statuses, mine))
            .success(lambda rows: self._show_contracts(generation, rows))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _show_contracts(self, generation: int, rows: list[Contract]) -> None:
        if generation != self._contract_generation:
            return
        selected = self._wanted_contract or self.selected_contract_id()
        self._wanted_contract = None
        self.contract_model.set_rows(rows)
        row = self.contract_model.row_of(selected)
        if row < 0 and rows:
            row = 0  # the newest
        if row >= 0:
            self.ui.contractsView.selectRow(row)
        self.ui.contractCountLabel.setText(self.tr("{n} contracts").format(n=len(rows)))
        self._update_buttons()

    # -- selection -----------------------------------------------------------------------

    def selected_quote(self) -> Quote | None:
        return self.quote_model.row_at(self.ui.quotesView.currentIndex().row())

    def selected_quote_id(self) -> str | None:
        q = self.selected_quote()
        return q.id if q else None

    def selected_contract(self) -> Contract | None:
        return self.contract_model.row_at(self.ui.contractsView.currentIndex().row())

    def selected_contract_id(self) -> str | None:
        c = self.selected_contract()
        return c.id if c else None

    def select_quote(self, quote_id: str) -> None:
        row = self.quote_model.row_of(quote_id)
        if row >= 0:
            self.ui.quotesView.selectRow(row)

    def select_contract(self, contract_id: str) -> None:
        row = self.contract_model.row_of(contract_id)
        if row >= 0:
            self.ui.contractsView.selectRow(row)

    def _update_buttons(self) -> None:
        u = self.ui
        q = self.selected_quote()
        status = q.status if q else None
        u.openButton.setEnabled(q is not None)
        u.printButton.setEnabled(q is not None)
        u.reviseButton.setEnabled(
            self.can_edit and status in (QuoteStatus.SENT, QuoteStatus.EXPIRED, QuoteStatus.LOST)
        )
        u.lostButton.setEnabled(
            self.can_edit and status in (QuoteStatus.DRAFT, QuoteStatus.SENT, QuoteStatus.EXPIRED)
        )
        u.acceptButton.setEnabled(self.can_edit and status in OPEN_STATUSES)
        c = self.selected_contract()
        u.openContractButton.setEnabled(c is not None)
        u.printContractButton.setEnabled(c is not None)

    def _quote_activated(self, index: QModelIndex) -> None:
        q = self.quote_model.row_at(index.row())
        if q is not None and q.id:
            self.open_quote(q.id)

    def _contract_activated(self, index: QModelIndex) -> None:
        c = self.contract_model.row_at(index.row())
        if c is not None and c.id:
            self.open_contract(c.id)

    # -- quotes --------------------------------------------------------------------------

    def new_quote(self) -> None:
        if self.can_edit:
            self.open_quote(None)

    def open_selected_quote(self) -> None:
        qid = self.selected_quote_id()
        if qid:
            self.open_quote(qid)

    def open_quote(self, quote_id: str | None) -> QuoteBuilder:
        builder = QuoteBuilder(
            self.quotes, self.customers, self.runner, self.dialogs, quote_id, self
        )
        builder.sig_changed.connect(self._quote_changed)
        builder.sig_status.connect(self._hint)
        builder.resize(1440, 880)
        self._keep(builder)
        builder.show()
        return builder

    def _quote_changed(self, quote_id: str) -> None:
        self._wanted_quote = quote_id
        self.reload_quotes()

    def revise(self) -> None:
        q = self.selected_quote()
        if q is None or q.id is None:
            return
        qid, service = q.id, self.quotes
        (
            Operation(lambda: service.revise(qid))
            .success(self._revised)
            .failure(lambda e: self._refused(e, self.tr("Revise")))
            .run_in_background(self.runner)
        )

    def _revised(self, quote: Quote) -> None:
        self._hint(
            self.tr("Version {version} of {number} is open to edit.").format(
                version=quote.version, number=quote.number
            )
        )
        self._quote_changed(str(quote.id))
        self.open_quote(str(quote.id))

    def mark_lost(self) -> None:
        q = self.selected_quote()
        if q is None or q.id is None:
            return
        title = self.tr("Mark lost")
        reason = self.dialogs.ask_text(
            self,
            title,
            self.tr("Why did {customer} not buy? (price, another brand, …)").format(
                customer=q.customer_name
            ),
        )
        if reason is None:
            return
        qid, service = q.id, self.quotes
        (
            Operation(lambda: service.mark_lost(qid, reason))
            .success(self._lost)
            .failure(lambda e: self._refused(e, title))
            .run_in_background(self.runner)
        )

    def _lost(self, quote: Quote) -> None:
        self._hint(self.tr("Quote {number} marked lost.").format(number=quote.number))
        self._quote_changed(str(quote.id))

    def accept_quote(self) -> None:
        """The customer accepts: choose how they pay, then draft the contract and open it."""
        q = self.selected_quote()
        if q is None or q.id is None:
            return
        if q.input.plans:
            dialog = AcceptDialog(q, self.settings, self)
            qid = q.id
            dialog.sig_chosen.connect(lambda plan: self.draft_contract(qid, plan))
            self.open_dialog = dialog
            dialog.open()
            return
        if self.dialogs.ask_confirm(
            self,
            self.tr("Accept quote {number}").format(number=q.number),
            self.tr(
                "{customer} accepts quote {number} (v{version}, {total}) and pays in full. "
                "Draft the purchase contract?"
            ).format(
                customer=q.customer_name,
                number=q.number,
                version=q.version,
                total=yuan(q.total),
            ),
        ):
            self.draft_contract(q.id, None)

    def draft_contract(self, quote_id: str, plan_index: int | None) -> None:
        service = self.contracts
        (
            Operation(lambda: service.accept_quote(quote_id, plan_index))
            .success(self._contract_drafted)
            .failure(lambda e: self._refused(e, self.tr("Not accepted")))
            .run_in_background(self.runner)
        )

    def _contract_drafted(self, contract: Contract) -> None:
        self._hint(
            self.tr("Contract {number} drafted from quote {quote}.").format(
                number=contract.number, quote=contract.quote_number
            )
        )
        self._wanted_contract = contract.id
        self.reload()
        if contract.id:
            self.open_contract(contract.id)

    def print_quote(self) -> None:
        q = self.selected_quote()
        if q is None or q.id is None:
            return
        title = self.tr("Print")
        try:
            from ...services.quote_documents import print_quote  # loads ReportLab
        except ImportError:
            self.dialogs.error(
                self, title, self.tr("Printing quotes is not available in this version.")
            )
            return
        db, session, qid = self.quotes.db, self.quotes.session, q.id
        lang, folder = ui_language(), data_dir() / "prints"
        (
            Operation(lambda: print_quote(db, session, qid, lang, folder))
            .success(self._printed)
            .failure(lambda e: self._refused(e, title))
            .run_in_background(self.runner)
        )

    def _printed(self, path: Path) -> None:
        self.last_print = path
        self._hint(self.tr("Saved as {path}").format(path=path))
        self.dialogs.show_document(self, path)

    # -- the price list ------------------------------------------------------------------

    def choose_price_list(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Import price list"),
            "",
            self.tr("Price lists (*.csv);;All files (*)"),
        )
        if path:
            self.import_price_list(Path(path))

    def import_price_list(self, path: Path) -> None:
        if not self.can_import:
            return
        service = self.quotes
        (
            Operation(lambda: service.import_price_list(path))
            .success(lambda report: self._imported(path, report))
            .failure(
                lambda e: self._import_failed(path, e),
                DomainError,
                StorageEnvironmentError,
                OSError,  # the file itself: gone, locked by Excel, no access
            )
            .run_in_background(self.runner)
        )

    def _import_failed(self, path: Path, error: BaseException) -> None:
        title = self.tr("Price list not imported")
        if isinstance(error, DomainError | StorageEnvironmentError):
            self._refused(error, title)
            return
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.dialogs.warning(
            self,
            title,
            self.tr(
                "The file {path} could not be read ({reason}). Close it in other programs "
                "(Excel keeps it locked) and try again."
            ).format(path=path, reason=reason),
        )

    def _imported(self, path: Path, report: ImportReport) -> None:
        self.last_import = report
        dialog = PriceListReportDialog(path, report, self)
        self.open_dialog = dialog
        dialog.open()
        self._hint(
            self.tr("Price list: {added} added, {updated} updated, {rejected} rejected.").format(
                added=report.added, updated=report.updated, rejected=len(report.rejected)
            )
        )

    # -- contracts -----------------------------------------------------------------------

    def open_selected_contract(self) -> None:
        cid = self.selected_contract_id()
        if cid:
            self.open_contract(cid)

    def open_contract(self, contract_id: str) -> ContractEditor:
        editor = ContractEditor(self.contracts, self.runner, self.dialogs, contract_id, self)
        editor.sig_changed.connect(self._contract_changed)
        editor.sig_status.connect(self._hint)
        editor.resize(1360, 860)
        self._keep(editor)
        editor.show()
        return editor

    def _contract_changed(self, contract_id: str) -> None:
        self._wanted_contract = contract_id
        self.reload()

    def print_contract(self) -> None:
        c = self.selected_contract()
        if c is None or c.id is None:
            return
        title = self.tr("Print")
        try:
            from ...services.quote_documents import print_contract  # loads ReportLab
        except ImportError:
            self.dialogs.error(
                self, title, self.tr("Printing contracts is not available in this version.")
            )
            return
        db, session, cid = self.contracts.db, self.contracts.session, c.id
        lang, folder = ui_language(), data_dir() / "prints"
        (
            Operation(lambda: print_contract(db, session, cid, lang, folder, with_set=True))
            .success(self._printed)
            .failure(lambda e: self._refused(e, title))
            .run_in_background(self.runner)
        )

    def _keep(self, window: QDialog) -> None:
        """Several quotes and contracts may be open side by side; closed ones are let go
        when the next one opens."""
        for old in [w for w in self._windows if not w.isVisible()]:
            self._windows.remove(old)
            old.deleteLater()
        self._windows.append(window)
        self.open_dialog = window

    # -- messages ------------------------------------------------------------------------

    def _hint(self, text: str) -> None:
        self.ui.statusLabel.setText(text)
        self.sig_status.emit(text)

    def _refused(self, error: BaseException, title: str) -> None:
        self.dialogs.warning(self, title, tr_error(error))

    def _failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.tr("Quotes & Contracts"), tr_error(error))
