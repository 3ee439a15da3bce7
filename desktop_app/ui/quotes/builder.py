"""The quote builder (报价单): customer, trim or a car in stock, colour, options and
accessories, promotion and extra discount (with the manager's approval above the cap),
trade-in, insurance — and, live on every change, the itemised breakdown and up to three
finance plans side by side.

Everything the live totals need (settings, the trim's price-list items) is read once when
the builder opens or the trim changes; a keystroke only runs the pure ``compute``. Saving,
sending, approving, revising and printing go to the ``QuoteService`` on the task runner.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QHeaderView,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ...domain.errors import DomainError, ValidationError
from ...domain.price_list import ItemKind
from ...domain.quotes import (
    MAX_PLANS,
    ZERO,
    Breakdown,
    Extra,
    QuoteInput,
    QuoteStatus,
    SalesSettings,
    TradeIn,
    approval_required,
    effective_status,
    money_text,
    parse_money,
    validate_input,
    validate_plan,
)
from ...domain.roles import Permission, Role
from ...domain.vin import normalise_vin
from ...paths import data_dir
from ...services.customers import CustomerFile, CustomerHit, CustomerService
from ...services.errors import NotFound
from ...services.quotes import CatalogItem, ModelChoice, Quote, QuoteService, StockCar
from ..forms.ui_quote_builder import Ui_QuoteBuilder
from ..i18n import tr_error
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import ERROR_STYLE, show_customer_hits
from .approval import ApprovalDialog
from .models import (
    PROMOTION_KEY,
    QUOTE_STATUS_COLOURS,
    READ_ONLY_STYLE,
    BreakdownModel,
    breakdown_rows,
    local_name,
    pill_style,
    quote_status_text,
    set_read_only,
    show_breakdown,
    ui_language,
    yuan,
)
from .plans import PlanColumn

SEARCH_DELAY_MS = 150
MAX_LIST_ROWS = 8
OK_COLOUR = "#1b5e20"
WARN_COLOUR = "#b26a00"


def _extra(item: CatalogItem) -> Extra:
    return Extra(item.code, item.name_zh, item.name_en, item.price)


@dataclass(frozen=True)
class ModelKit:
    """What quoting one trim needs, read once when the trim is chosen: today's prices with the
    compulsory insurance, covers, taxes and fees (``base``), and the trim's price-list items."""

    base: QuoteInput
    options: list[Extra]
    accessories: list[Extra]
    promotions: list[Extra]


def load_kit(service: QuoteService, model_id: str, vin: str = "", colour: str = "") -> ModelKit:
    base = service.new_input(model_id, vin=vin, colour=colour)
    return ModelKit(
        base=base,
        options=[_extra(i) for i in service.items(ItemKind.OPTION, model_id)],
        accessories=[_extra(i) for i in service.items(ItemKind.ACCESSORY, model_id)],
        promotions=[_extra(i) for i in service.items(ItemKind.PROMOTION, model_id)],
    )


@dataclass(frozen=True)
class Reference:
    """Read once when the builder opens (or shows another version)."""

    settings: SalesSettings
    models: list[ModelChoice]
    stock: list[StockCar]
    quote: Quote | None
    versions: list[Quote]
    kit: ModelKit | None
    today: dt.date


@dataclass(frozen=True)
class Saved:
    """A quote as the service has it after a change, with its versions."""

    quote: Quote
    versions: list[Quote]


def load_reference(service: QuoteService, quote_id: str | None) -> Reference:
    settings = service.settings()
    models = service.models()
    quote = service.get(quote_id) if quote_id else None
    versions = service.versions(quote.number) if quote else []
    model_id = quote.input.model_id if quote else (str(models[0].model.id) if models else None)
    kit = None
    if model_id:
        try:
            kit = load_kit(service, model_id)
        except NotFound:  # the trim left the catalogue: the quote still shows what it said
            kit = None
    return Reference(
        settings=settings,
        models=models,
        stock=service.stock(),
        quote=quote,
        versions=versions,
        kit=kit,
        today=service.today(),
    )


def _qdate_text(day: dt.date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "yyyy-MM-dd")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class QuoteBuilder(QDialog):
    sig_changed = Signal(str)  # quote id: saved, sent, approved or revised (the list refreshes)
    sig_status = Signal(str)

    def __init__(
        self,
        service: QuoteService,
        customers: CustomerService,
        runner: TaskRunner,
        dialogs: DialogService,
        quote_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.customers = customers
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_QuoteBuilder()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        session = service.session
        self.roles = session.staff.roles
        self.can_edit = session.can(Permission.EDIT_QUOTES)
        self.can_approve = session.can(Permission.APPROVE_DISCOUNTS)

        self.settings = SalesSettings()
        self.models: list[ModelChoice] = []
        self.stock: list[StockCar] = []
        self.today = service.today()
        self.quote: Quote | None = None
        self.versions: list[Quote] = []
        self.kit: ModelKit | None = None
        self.base: QuoteInput | None = None  # the prices the form's choices are added to
        self.customer_id: str | None = None
        self.approved: Decimal | None = None  # the extra discount a manager approved
        self.editable = False
        self.dirty = False
        self.ready = False
        self.current_input: QuoteInput | None = None
        self.breakdown: Breakdown | None = None
        self.errors: dict[str, ValidationError] = {}
        self.needs_approval = False
        self.last_refresh_ms = 0.0
        self.last_print: Path | None = None
        self.approval_dialog: ApprovalDialog | None = None
        self.open_dialog: QDialog | None = None
        self.columns: list[PlanColumn] = []
        self._filling = False
        self._search_generation = 0
        self._load_generation = 0
        self._extras: dict[str, dict[str, Extra]] = {"options": {}, "accessories": {}}
        self._covers: dict[str, Extra] = {}

        self.breakdown_model = BreakdownModel(self)
        self._setup()
        self._connect()
        self.reload(quote_id)

    # -- set-up --------------------------------------------------------------------------

    def _setup(self) -> None:
        u = self.ui
        self.setStyleSheet(READ_ONLY_STYLE)
        view = u.breakdownView
        show_breakdown(view, self.breakdown_model)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        for tree in (u.optionsTree, u.accessoriesTree, u.insuranceTree):
            th = tree.header()
            th.setStretchLastSection(False)
            th.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            th.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            tree.setUniformRowHeights(True)
        u.splitter.setStretchFactor(0, 2)
        u.splitter.setStretchFactor(1, 3)
        u.splitter.setSizes([520, 900])
        u.approveButton.hide()
        u.resultsList.hide()
        u.newCustomerButton.setEnabled(
            self.customers.session.can(Permission.EDIT_CUSTOMERS) and self.can_edit
        )
        u.financeGrid.setColumnStretch(0, 0)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self._fields: dict[str, QWidget] = {
            "customer": u.searchEdit,
            "guide_price": u.modelCombo,
            "seats": u.modelCombo,
            "vessel_tax": u.modelCombo,
            "registration_fee": u.modelCombo,
            "promotion": u.promotionCombo,
            "extra_discount": u.extraDiscountEdit,
            "trade_in_value": u.tradeValueEdit,
            "trade_in_subsidy": u.tradeSubsidyEdit,
            "options": u.optionsTree,
            "accessories": u.accessoriesTree,
            "insurance": u.insuranceTree,
            "plans": u.addPlanButton,
            "colour": u.colourCombo,
        }

    def _connect(self) -> None:
        u = self.ui
        u.searchEdit.textEdited.connect(lambda _t: self._search_timer.start())
        u.searchEdit.returnPressed.connect(self.run_search)
        u.resultsList.currentItemChanged.connect(self._hit_chosen)
        u.newCustomerButton.clicked.connect(self.new_customer)
        u.modelCombo.currentIndexChanged.connect(self._model_chosen)
        u.stockCombo.currentIndexChanged.connect(self._stock_chosen)
        u.vinFindEdit.textEdited.connect(self.find_by_vin)
        u.colourCombo.currentTextChanged.connect(lambda _t: self.changed())
        u.promotionCombo.currentIndexChanged.connect(lambda _i: self.changed())
        for edit in (
            u.extraDiscountEdit,
            u.tradeDescriptionEdit,
            u.tradeValueEdit,
            u.tradeSubsidyEdit,
        ):
            edit.textEdited.connect(lambda _t: self.changed())
        u.compulsoryCheck.toggled.connect(lambda _on: self.changed())
        for tree in (u.optionsTree, u.accessoriesTree, u.insuranceTree):
            tree.itemChanged.connect(lambda _item, _column: self.changed())
        u.addPlanButton.clicked.connect(self.add_plan)
        u.approveButton.clicked.connect(self.approve)
        u.versionCombo.currentIndexChanged.connect(self._version_chosen)
        u.saveButton.clicked.connect(self.save_draft)
        u.sentButton.clicked.connect(self.mark_sent)
        u.printButton.clicked.connect(self.print_quote)
        u.reviseButton.clicked.connect(self.revise)
        u.closeButton.clicked.connect(self.close)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter searches or moves on; it never saves or closes a half-filled quote."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QAbstractButton
        ):
            if self.focusWidget() is self.ui.searchEdit:
                self.run_search()
            else:
                self.focusNextChild()
            return
        super().keyPressEvent(event)

    # -- loading -------------------------------------------------------------------------

    def reload(self, quote_id: str | None) -> None:
        """Read the settings, trims, stock and the quote (a version of it) in the background."""
        service = self.service
        self._load_generation += 1
        generation = self._load_generation
        (
            Operation(lambda: load_reference(service, quote_id))
            .success(lambda ref: self._loaded(generation, ref))
            .failure(self._load_failed)
            .run_in_background(self.runner)
        )

    def _load_failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.windowTitle(), tr_error(error))
        if not self.ready:
            self.reject()

    def _loaded(self, generation: int, ref: Reference) -> None:
        if generation != self._load_generation:
            return
        self._filling = True
        try:
            self.settings = ref.settings
            self.stock, self.today = ref.stock, ref.today
            if self.models != ref.models:
                self.models = ref.models
                self._fill_models()
            self.kit = ref.kit
            if ref.quote is not None:
                self._show_quote(ref.quote, ref.versions)
                self.base = ref.quote.input
                self.customer_id = ref.quote.customer_id
                self._show_customer_text(ref.quote.customer_name, ref.quote.phone)
            else:
                self.quote, self.versions, self.approved = None, [], None
                self.base = ref.kit.base if ref.kit else None
                self.editable = self.can_edit
                self.customer_id = None
                self._show_customer_text("", "")
                self._show_header()
            if self.base is not None:
                self._fill_form(self.base, plans=True)
            else:
                self.editable = False
            self._set_editable()
        finally:
            self._filling = False
        if self.base is None:
            self.ui.errorLabel.setText(
                self.tr(
                    "The price list has no models yet: a manager imports head office's price "
                    "list first (Quotes & Contracts → Import price list)."
                )
            )
        self.ready = True
        self.dirty = False
        self.refresh()

    def _fill_models(self) -> None:
        combo = self.ui.modelCombo
        combo.clear()
        for choice in self.models:
            m = choice.model
            text = f"{m.display_name}  ¥{money_text(m.guide_price)}"
            if choice.nev:
                text += "  " + self.tr("(NEV)")
            combo.addItem(text, str(m.id))

    def _show_quote(self, quote: Quote, versions: list[Quote]) -> None:
        self.quote = quote
        self.versions = versions or [quote]
        self.approved = quote.approved_discount
        latest = max(v.version for v in self.versions)
        self.editable = (
            self.can_edit and quote.version == latest and quote.status is QuoteStatus.DRAFT
        )
        self._show_header()

    def status_today(self) -> QuoteStatus | None:
        """The shown quote's status as it reads today (a draft or sent quote past its date
        reads as expired)."""
        q = self.quote
        return None if q is None else effective_status(q.status, q.valid_until, self.today)

    def is_latest(self) -> bool:
        q = self.quote
        return q is None or q.version == max(v.version for v in self.versions)

    def _show_header(self) -> None:
        u = self.ui
        q = self.quote
        if q is None:
            self.setWindowTitle(self.tr("New quote"))
            u.numberLabel.setText(self.tr("New quote"))
            u.statusLabel.setText(quote_status_text(QuoteStatus.DRAFT))
            u.statusLabel.setStyleSheet(pill_style(QUOTE_STATUS_COLOURS[QuoteStatus.DRAFT]))
            u.validLabel.setText(
                self.tr("Valid {days} days once saved").format(days=self.settings.validity_days)
            )
            u.consultantLabel.setText(
                self.tr("Consultant: {name}").format(name=self.service.session.staff.full_name)
            )
        else:
            status = self.status_today() or q.status
            self.setWindowTitle(self.tr("Quote {number}").format(number=q.number))
            u.numberLabel.setText(q.number)
            text = quote_status_text(status)
            if not self.is_latest():
                text += " · " + self.tr("older version, read-only")
            u.statusLabel.setText(text)
            u.statusLabel.setStyleSheet(pill_style(QUOTE_STATUS_COLOURS[status]))
            if status is QuoteStatus.EXPIRED:
                u.validLabel.setText(
                    self.tr("Expired on {date}").format(date=_qdate_text(q.valid_until))
                )
            else:
                u.validLabel.setText(
                    self.tr("Quoted {day} · valid until {date}").format(
                        day=_qdate_text(q.quoted_on), date=_qdate_text(q.valid_until)
                    )
                )
            u.consultantLabel.setText(self.tr("Consultant: {name}").format(name=q.sales_name))
        combo = u.versionCombo
        combo.blockSignals(True)
        combo.clear()
        if q is None:
            combo.addItem("v1")
        for v in self.versions:
            combo.addItem(
                self.tr("v{version} · {date} · {status}").format(
                    version=v.version,
                    date=_qdate_text(v.quoted_on),
                    status=self._version_status(v),
                ),
                v.id,
            )
            if q is not None and v.id == q.id:
                combo.setCurrentIndex(combo.count() - 1)
        combo.setEnabled(len(self.versions) > 1)
        combo.blockSignals(False)

    def _version_status(self, v: Quote) -> str:
        return quote_status_text(effective_status(v.status, v.valid_until, self.today))

    def _version_chosen(self, index: int) -> None:
        quote_id = self.ui.versionCombo.itemData(index)
        if not quote_id or (self.quote is not None and quote_id == self.quote.id):
            return
        if self.dirty and self.editable and not self._discard_ok():
            self._show_header()  # back to the version on screen
            return
        self.reload(str(quote_id))

    # -- filling the form ----------------------------------------------------------------

    def _fill_form(self, q: QuoteInput, plans: bool) -> None:
        """Show ``q``'s choices; the trim's price-list items are the choices offered."""
        u = self.ui
        kit = self.kit
        combo = u.modelCombo
        index = combo.findData(q.model_id)
        if index < 0 and q.model_id:  # a trim no longer on the price list: still shown
            combo.addItem(q.model_name, q.model_id)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        self._fill_stock(q.model_id, q.vin)
        self._fill_colours(q.model_id, q.colour)
        self._fill_tree(
            u.optionsTree, "options", kit.options if kit else [], q.options, checked=q.options
        )
        self._fill_tree(
            u.accessoriesTree,
            "accessories",
            kit.accessories if kit else [],
            q.accessories,
            checked=q.accessories,
        )
        covers = list(kit.base.insurance) if kit else []
        self._covers = {}
        self._fill_insurance(covers, q.insurance)
        self._fit_trees()
        promos = u.promotionCombo
        promos.clear()
        promos.addItem(self.tr("No promotion"), None)
        offered = list(kit.promotions) if kit else []
        if q.promotion_code and q.promotion_code not in {p.code for p in offered}:
            offered.append(Extra(q.promotion_code, q.promotion_name, "", q.promotion))
        for p in offered:
            promos.addItem(f"{local_name(p.name_zh, p.name_en)}  −¥{money_text(p.price)}", p)
            if p.code == q.promotion_code:
                promos.setCurrentIndex(promos.count() - 1)
        promos.setEnabled(promos.count() > 1)
        u.extraDiscountEdit.setText(money_text(q.extra_discount) if q.extra_discount else "")
        u.tradeDescriptionEdit.setText(q.trade_in.description)
        u.tradeValueEdit.setText(money_text(q.trade_in.value) if q.trade_in.value else "")
        u.tradeSubsidyEdit.setText(money_text(q.trade_in.subsidy) if q.trade_in.subsidy else "")
        u.compulsoryCheck.setChecked(q.compulsory)
        u.compulsoryCheck.setText(
            self.tr("Compulsory traffic insurance (交强险), ¥{amount}").format(
                amount=money_text(self.settings.compulsory_insurance(q.seats))
            )
        )
        if plans:
            for column in list(self.columns):
                self._drop_column(column)
            for plan in q.plans:
                self._add_column().set_plan(plan)
        u.vinFindLabel.setText("")

    def _fill_stock(self, model_id: str | None, vin: str) -> None:
        combo = self.ui.stockCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Not allocated yet (factory order)"), "")
        for car in self.stock:
            if car.model_id == model_id:
                combo.addItem(f"{car.vin}  ·  {car.colour}", car.vin)
        if vin and combo.findData(vin) < 0:  # allocated earlier, no longer in stock
            combo.addItem(vin, vin)
        combo.setCurrentIndex(max(combo.findData(vin), 0))
        combo.setEnabled(combo.count() > 1)
        combo.blockSignals(False)

    def _fill_colours(self, model_id: str | None, colour: str) -> None:
        combo = self.ui.colourCombo
        combo.blockSignals(True)
        combo.clear()
        own = [c.colour for c in self.stock if c.model_id == model_id and c.colour]
        others = [c.colour for c in self.stock if c.colour]
        for name in dict.fromkeys(own + others):
            combo.addItem(name)
        combo.setCurrentText(colour)
        combo.blockSignals(False)

    def _fill_tree(
        self,
        tree: QTreeWidget,
        group: str,
        offered: list[Extra],
        stored: tuple[Extra, ...],
        checked: tuple[Extra, ...],
    ) -> None:
        """Offered items of the price list, plus chosen ones no longer on it (with the price
        they were quoted at)."""
        chosen = {e.code: e for e in checked}
        items: dict[str, Extra] = {e.code: chosen.get(e.code, e) for e in offered}
        for e in stored:
            items.setdefault(e.code, e)
        self._extras[group] = items
        self._show_items(tree, items, set(chosen))

    def _show_items(self, tree: QTreeWidget, items: dict[str, Extra], checked: set[str]) -> None:
        """Checkable lines: the item's name in the user's language and its price."""
        tree.blockSignals(True)
        tree.clear()
        for code, e in items.items():
            item = QTreeWidgetItem([local_name(e.name_zh, e.name_en), f"¥{money_text(e.price)}"])
            item.setData(0, Qt.ItemDataRole.UserRole, code)
            item.setToolTip(0, f"{e.name_zh}  {e.name_en}  ({code})".strip())
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked
            item.setCheckState(0, state)
            tree.addTopLevelItem(item)
        tree.blockSignals(False)

    def _fit_trees(self) -> None:
        """Lists as tall as their items (up to eight rows), so the form scrolls less."""
        u = self.ui

        def rows_height(tree: QTreeWidget, rows: int) -> int:
            row = tree.sizeHintForRow(0) if tree.topLevelItemCount() else 20
            return max(rows, 2) * max(row, 18) + 2 * tree.frameWidth() + 2

        pair = max(u.optionsTree.topLevelItemCount(), u.accessoriesTree.topLevelItemCount())
        for tree in (u.optionsTree, u.accessoriesTree):
            tree.setMinimumHeight(0)
            tree.setFixedHeight(rows_height(tree, min(pair, MAX_LIST_ROWS)))
        count = min(u.insuranceTree.topLevelItemCount(), MAX_LIST_ROWS)
        u.insuranceTree.setMinimumHeight(0)
        u.insuranceTree.setFixedHeight(rows_height(u.insuranceTree, count))

    def _fill_insurance(self, offered: list[Extra], chosen: tuple[Extra, ...]) -> None:
        merged = {c.code: c for c in offered}
        for c in chosen:
            merged[c.code] = c  # the premium the quote was made with
        self._covers = merged
        self._show_items(self.ui.insuranceTree, merged, {c.code for c in chosen})

    def _set_editable(self) -> None:
        u = self.ui
        on = self.editable
        for edit in (
            u.extraDiscountEdit,
            u.tradeDescriptionEdit,
            u.tradeValueEdit,
            u.tradeSubsidyEdit,
            u.vinFindEdit,
        ):
            set_read_only(edit, not on)
        for widget in (
            u.searchEdit,
            u.modelCombo,
            u.stockCombo,
            u.colourCombo,
            u.promotionCombo,
            u.compulsoryCheck,
            u.optionsTree,
            u.accessoriesTree,
            u.insuranceTree,
            u.addPlanButton,
        ):
            widget.setEnabled(on)
        if on:
            u.stockCombo.setEnabled(u.stockCombo.count() > 1)
            u.promotionCombo.setEnabled(u.promotionCombo.count() > 1)
        u.newCustomerButton.setEnabled(on and self.customers.session.can(Permission.EDIT_CUSTOMERS))
        u.searchEdit.setVisible(on)
        u.newCustomerButton.setVisible(on)
        u.vinFindEdit.setVisible(on)
        u.vinFindCaption.setVisible(on)
        u.addPlanButton.setVisible(on)
        for column in self.columns:
            column.set_editable(on)
        self._update_buttons()

    def _update_buttons(self) -> None:
        u = self.ui
        q = self.quote
        status = self.status_today()
        u.saveButton.setVisible(self.editable)
        u.sentButton.setVisible(self.editable)
        u.saveButton.setEnabled(self.editable)
        u.sentButton.setEnabled(self.editable)
        u.printButton.setEnabled(q is not None or self.editable)
        revisable = (
            self.can_edit
            and q is not None
            and self.is_latest()
            and status not in (QuoteStatus.DRAFT, QuoteStatus.ACCEPTED)
        )
        u.reviseButton.setVisible(q is not None)
        u.reviseButton.setEnabled(revisable)
        full = len(self.columns) >= MAX_PLANS
        u.addPlanButton.setEnabled(self.editable and not full)
        u.addPlanButton.setToolTip(
            self.tr("A quote shows at most {n} plans.").format(n=MAX_PLANS)
            if full
            else self.tr("A plan with the minimum down payment, to edit")
        )
        hint = u.financeHintLabel
        if self.columns:
            hint.setText("")
        elif self.editable:
            hint.setText(
                self.tr("Paying in full. Add up to {n} finance plans to compare.").format(
                    n=MAX_PLANS
                )
            )
        else:
            hint.setText(self.tr("No finance plans on this quote."))
        hint.setVisible(not self.columns)

    # -- the customer --------------------------------------------------------------------

    def run_search(self) -> None:
        self._search_timer.stop()
        text = self.ui.searchEdit.text()
        self._search_generation += 1
        generation = self._search_generation
        if not text.strip():
            self.ui.resultsList.clear()
            self.ui.resultsList.hide()
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
        self.ui.resultsList.setVisible(bool(hits))
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
            .success(self._customer_opened)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _customer_opened(self, file: CustomerFile) -> None:
        c = file.customer
        self.customer_id = c.id
        self._show_customer_text(c.name, c.mobile or c.phone2)
        self.ui.searchEdit.setStyleSheet("")
        self.changed()

    def _show_customer_text(self, name: str, phone: str) -> None:
        if not name:
            hint = self.tr("No customer chosen yet")
            self.ui.customerLabel.setText(f"<span style='color:#7b8794'>{_html(hint)}</span>")
            return
        self.ui.customerLabel.setText(f"<b>{_html(name)}</b>&nbsp;&nbsp;{_html(phone)}")

    def new_customer(self) -> None:
        from ..customers.customer_dialog import CustomerDialog

        dialog = CustomerDialog(self.customers, self.runner, self.dialogs, None, self)
        dialog.sig_saved.connect(self.choose_customer)
        self.open_dialog = dialog
        dialog.open()

    # -- the vehicle ---------------------------------------------------------------------

    def _model_chosen(self, _index: int) -> None:
        if self._filling or not self.editable:
            return
        model_id = self.ui.modelCombo.currentData()
        if not model_id:
            return
        self.load_model(str(model_id), "", self.ui.colourCombo.currentText().strip())

    def load_model(self, model_id: str, vin: str, colour: str) -> None:
        """Another trim: read its prices and items (once), keep what does not depend on it."""
        service = self.service
        self._load_generation += 1
        generation = self._load_generation
        (
            Operation(lambda: load_kit(service, model_id, vin, colour))
            .success(lambda kit: self._kit_loaded(generation, kit, vin, colour))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _kit_loaded(self, generation: int, kit: ModelKit, vin: str, colour: str) -> None:
        if generation != self._load_generation:
            return
        before, _errors, _plans = self.collect_live()
        self.kit = kit
        keep = {a.code for a in before.accessories}
        q = replace(
            kit.base,
            colour=colour,
            vin=vin,
            extra_discount=before.extra_discount,
            trade_in=before.trade_in,
            compulsory=before.compulsory,
            accessories=tuple(a for a in kit.accessories if a.code in keep),
        )
        self.base = kit.base
        self._filling = True
        try:
            self._fill_form(q, plans=False)
            self._set_editable()
        finally:
            self._filling = False
        self.changed()

    def _stock_chosen(self, _index: int) -> None:
        if self._filling:
            return
        vin = self.ui.stockCombo.currentData()
        car = next((c for c in self.stock if c.vin == vin), None)
        if car is not None and car.colour:
            self.ui.colourCombo.blockSignals(True)
            self.ui.colourCombo.setCurrentText(car.colour)
            self.ui.colourCombo.blockSignals(False)
        self.changed()

    def find_by_vin(self, text: str) -> None:
        """A car in stock by the end of its VIN: fills the trim, the car and its colour."""
        wanted = normalise_vin(text)
        label = self.ui.vinFindLabel
        if len(wanted) < 6:
            label.setText("")
            return
        found = [c for c in self.stock if c.vin.endswith(wanted) or wanted in c.vin]
        if not found:
            label.setText(self.tr("No car in stock matches."))
            return
        if len(found) > 1:
            label.setText(self.tr("{n} cars match: type more.").format(n=len(found)))
            return
        car = found[0]
        label.setText(self.tr("✔ {vin}").format(vin=car.vin))
        self.select_stock_car(car)

    def select_stock_car(self, car: StockCar) -> None:
        combo = self.ui.modelCombo
        if car.model_id and combo.currentData() != car.model_id:
            self._filling = True
            combo.setCurrentIndex(combo.findData(car.model_id))
            self._filling = False
            self.load_model(car.model_id, car.vin, car.colour)
            return
        stock = self.ui.stockCombo
        stock.setCurrentIndex(max(stock.findData(car.vin), 0))

    # -- finance plans -------------------------------------------------------------------

    def _add_column(self) -> PlanColumn:
        column = PlanColumn(self.ui.financeGrid, len(self.columns), self.ui.financeGroup)
        column.sig_changed.connect(self.changed)
        column.sig_remove.connect(self.remove_plan)
        column.set_editable(self.editable)
        self.columns.append(column)
        self._update_buttons()
        return column

    def _drop_column(self, column: PlanColumn) -> None:
        self.columns.remove(column)
        column.remove()
        for index, other in enumerate(self.columns):
            other.place(index)
        self._update_buttons()

    def add_plan(self) -> None:
        """A new plan with the minimum down payment and the usual fee, to edit."""
        if len(self.columns) >= MAX_PLANS or self.current_input is None:
            return
        q, service = self.current_input, self.service
        months = (36, 24, 60)[len(self.columns)]
        (
            Operation(lambda: service.default_plan(q, months))
            .success(self._plan_made)
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _plan_made(self, plan: object) -> None:
        from ...domain.quotes import FinancePlan

        assert isinstance(plan, FinancePlan)
        if len(self.columns) >= MAX_PLANS:
            return
        column = self._add_column()
        column.set_plan(plan)
        column.lender.setFocus()
        self.changed()

    def remove_plan(self, column: PlanColumn) -> None:
        if column in self.columns and self.editable:
            self._drop_column(column)
            self.changed()

    # -- the live totals -----------------------------------------------------------------

    def changed(self) -> None:
        """Something was typed or chosen: the quote differs from the stored one; recount."""
        if self._filling or not self.ready:
            return
        self.dirty = True
        self.refresh()

    def _checked(self, tree: QTreeWidget, items: dict[str, Extra]) -> tuple[Extra, ...]:
        out = []
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                code = str(item.data(0, Qt.ItemDataRole.UserRole))
                if code in items:
                    out.append(items[code])
        return tuple(out)

    def collect_live(
        self,
    ) -> tuple[QuoteInput, dict[str, ValidationError], list[PlanColumn]]:
        """The quote as the form shows it now (no database), the fields that cannot be read,
        and the plan columns that made it into the quote (in the order of ``plans``)."""
        assert self.base is not None
        u = self.ui
        errors: dict[str, ValidationError] = {}

        def money(text: str, field: str) -> Decimal:
            try:
                return parse_money(text, field)
            except ValidationError as error:
                errors[field] = error
                return ZERO

        promotion = u.promotionCombo.currentData()
        plans = []
        used: list[PlanColumn] = []
        for column in self.columns:
            try:
                plans.append(column.read())
                used.append(column)
            except ValidationError as error:
                errors[error.field or column.field("plan")] = error
        chosen = self.base.chosen_plan
        q = replace(
            self.base,
            colour=u.colourCombo.currentText().strip(),
            vin=str(u.stockCombo.currentData() or ""),
            promotion_code=promotion.code if isinstance(promotion, Extra) else "",
            promotion_name=promotion.name_zh if isinstance(promotion, Extra) else "",
            promotion=promotion.price if isinstance(promotion, Extra) else ZERO,
            extra_discount=money(u.extraDiscountEdit.text(), "extra_discount"),
            options=self._checked(u.optionsTree, self._extras["options"]),
            accessories=self._checked(u.accessoriesTree, self._extras["accessories"]),
            insurance=self._checked(u.insuranceTree, self._covers),
            compulsory=u.compulsoryCheck.isChecked(),
            trade_in=TradeIn(
                u.tradeDescriptionEdit.text().strip(),
                money(u.tradeValueEdit.text(), "trade_in_value"),
                money(u.tradeSubsidyEdit.text(), "trade_in_subsidy"),
            ),
            plans=tuple(plans),
            chosen_plan=chosen if chosen is not None and chosen < len(plans) else None,
        )
        return q, errors, used

    def collect(self) -> QuoteInput:
        """The quote to save; a ValidationError names the first field that cannot be read."""
        if not self.editable:
            assert self.base is not None
            return self.base
        q, errors, _used = self.collect_live()
        if errors:
            raise next(iter(errors.values()))
        return q

    def refresh(self) -> None:
        """Recount everything from the form: pure work, a few milliseconds."""
        if self.base is None:
            return
        started = time.perf_counter()
        if self.editable:
            q, errors, used = self.collect_live()
        else:
            q, errors, used = self.base, {}, list(self.columns)
        breakdown = self.service.preview(q, self.settings)
        self.current_input, self.breakdown = q, breakdown
        self.breakdown_model.set_rows(
            breakdown_rows(breakdown, q.seats, q.nev, self._local_names(q))
        )
        self.ui.totalLabel.setText(yuan(breakdown.total))
        if self.editable:
            try:
                validate_input(replace(q, plans=(), chosen_plan=None), self.settings)
            except ValidationError as error:
                errors.setdefault(error.field or "", error)
        self._show_plans(q, breakdown, errors, used)
        self._show_approval(q)
        self._show_errors(errors)
        self.errors = errors
        self.last_refresh_ms = (time.perf_counter() - started) * 1000

    def _local_names(self, q: QuoteInput) -> dict[str, str]:
        """Item names in the user's language for the breakdown (compute names them in
        Chinese), by price-list code; the promotion under its own code."""
        names = {
            e.code: local_name(e.name_zh, e.name_en)
            for e in (*q.options, *q.accessories, *q.insurance)
        }
        promotion = self.ui.promotionCombo.currentData()
        if isinstance(promotion, Extra):
            names[PROMOTION_KEY] = local_name(promotion.name_zh, promotion.name_en)
        return names

    def _show_plans(
        self,
        q: QuoteInput,
        breakdown: Breakdown,
        errors: dict[str, ValidationError],
        used: list[PlanColumn],
    ) -> None:
        for column in self.columns:
            figures = None
            if column in used:
                position = used.index(column)
                figures = breakdown.plans[position]
            column.show_figures(figures)
            error = next(
                (e for f, e in errors.items() if f.startswith(column.field(""))),
                None,
            )
            if error is None and figures is not None and self.editable:
                try:
                    validate_plan(
                        figures.plan, breakdown.selling_price, q.nev, self.settings, column.index
                    )
                except ValidationError as refused:
                    error = refused
                    errors[refused.field or column.field("plan")] = refused
            column.show_error(error, tr_error(error) if error is not None else "")

    def consultants_cap(self) -> Decimal | None:
        """The most consultants may give on top of the promotion without an approval."""
        return self.settings.cap_for(frozenset({Role.SALES_CONSULTANT}))

    def _show_approval(self, q: QuoteInput) -> None:
        """Above the consultants' limit a discount needs an approval on record, whoever
        quotes: a consultant asks a manager (Approve…); a manager's own save records them."""
        u = self.ui
        cap = self.consultants_cap()
        if self.can_approve:
            u.capLabel.setText(
                self.tr("consultants' limit: ¥{cap}; you may approve").format(
                    cap=money_text(cap or ZERO)
                )
                if cap is not None
                else self.tr("no limit")
            )
        elif cap is None:
            u.capLabel.setText(self.tr("no limit"))
        else:
            u.capLabel.setText(self.tr("your limit: ¥{cap}").format(cap=money_text(cap)))
        extra = q.extra_discount
        # the service's own rule, pure: no database on a keystroke
        over = approval_required(extra, self.approved, self.settings)
        approved = self.approved is not None and 0 < extra <= self.approved
        self.needs_approval = over is not None and not self.can_approve
        label = u.approvalLabel
        if approved and self.quote is not None and self.quote.approved_name:
            text = self.tr("✔ Approved by {name}").format(name=self.quote.approved_name)
            if self.quote.approval_note:
                text += f": {self.quote.approval_note}"
            label.setText(f"<span style='color:{OK_COLOUR}'>{_html(text)}</span>")
        elif over is not None and self.can_approve:
            text = self.tr(
                "Above the consultants' limit of ¥{cap}: saving records you as the approver."
            ).format(cap=money_text(over))
            label.setText(f"<span style='color:{WARN_COLOUR}'>{_html(text)}</span>")
        elif over is not None:
            text = self.tr(
                "Above your limit of ¥{cap}: a manager must approve ¥{discount} before the "
                "quote is sent."
            ).format(cap=money_text(over), discount=money_text(extra))
            label.setText(f"<span style='color:{WARN_COLOUR}; font-weight:600'>⚠ {_html(text)}")
        else:
            label.setText("")
        label.setVisible(bool(label.text()))
        u.approveButton.setVisible(over is not None and self.editable)

    def field_label(self, field: str) -> str:
        labels = {
            "customer": self.tr("Customer"),
            "extra_discount": self.tr("Additional discount"),
            "promotion": self.tr("Promotion"),
            "trade_in_value": self.tr("Trade-in valuation"),
            "trade_in_subsidy": self.tr("Trade-in subsidy"),
            "options": self.tr("Options"),
            "accessories": self.tr("Accessories"),
            "insurance": self.tr("Insurance"),
            "plans": self.tr("Finance plans"),
            "guide_price": self.tr("Model and trim"),
            "seats": self.tr("Model and trim"),
            "vessel_tax": self.tr("Model and trim"),
            "registration_fee": self.tr("Model and trim"),
        }
        return labels.get(field, "")

    def _show_errors(self, errors: dict[str, ValidationError]) -> None:
        """Outline every refused field (plans show theirs under the column) and say why."""
        bad = {self._fields[f] for f in errors if f in self._fields}
        for widget in set(self._fields.values()):
            if widget in bad:
                widget.setStyleSheet(ERROR_STYLE)
            elif widget.styleSheet() == ERROR_STYLE:
                widget.setStyleSheet("")
        texts = []
        for field, error in errors.items():
            if field.startswith("plan") and field != "plans":
                continue
            label = self.field_label(field)
            message = tr_error(error)
            texts.append(
                self.tr("{field}: {message}").format(field=label, message=message)
                if label
                else message
            )
        self.ui.errorLabel.setText("\n".join(texts))

    # -- saving and the quote's life -----------------------------------------------------

    def _discard_ok(self) -> bool:
        return self.dialogs.ask_confirm(
            self,
            self.windowTitle(),
            self.tr("The changes to this quote are not saved. Discard them?"),
        )

    def save_draft(self) -> None:
        self.save()

    def save(self, then: Callable[[Quote], None] | None = None) -> None:
        """Save the draft (create it the first time); ``then`` runs with the saved quote."""
        if not self.editable:
            if then is not None and self.quote is not None:
                then(self.quote)
            return
        if self.quote is not None and not self.dirty and then is not None:
            then(self.quote)
            return
        try:
            q = self.collect()
        except ValidationError as error:
            self._refused(error)
            return
        service, customer_id = self.service, self.customer_id
        quote_id = self.quote.id if self.quote is not None else None

        def work() -> Saved:
            if quote_id is None:
                quote = service.create(customer_id, q)
            else:
                quote = service.update(quote_id, q, customer_id)
            return Saved(quote, service.versions(quote.number))

        self.ui.saveButton.setEnabled(False)
        (
            Operation(work)
            .success(lambda saved: self._saved(saved, then))
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _saved(self, saved: Saved, then: Callable[[Quote], None] | None) -> None:
        self._show_quote(saved.quote, saved.versions)
        self.base = saved.quote.input
        self.dirty = False
        self._set_editable()
        self.refresh()
        if saved.quote.id:
            self.sig_changed.emit(saved.quote.id)
        self._status(self.tr("Quote {number} saved.").format(number=saved.quote.number))
        if then is not None:
            then(saved.quote)

    def _after(self, fn: Callable[[], Saved], message: Callable[[Quote], str]) -> None:
        """Run a change of the quote's life, then show the quote as the service has it."""
        (
            Operation(fn)
            .success(lambda saved: self._lived(saved, message))
            .failure(self._refused)
            .run_in_background(self.runner)
        )

    def _lived(self, saved: Saved, message: Callable[[Quote], str]) -> None:
        self.base = saved.quote.input
        self._filling = True
        try:
            self._show_quote(saved.quote, saved.versions)
            self._fill_form(saved.quote.input, plans=True)
            self._set_editable()
        finally:
            self._filling = False
        self.dirty = False
        self.refresh()
        if saved.quote.id:
            self.sig_changed.emit(saved.quote.id)
        self._status(message(saved.quote))

    def mark_sent(self) -> None:
        """The customer has the quote (printed or sent): save, then mark it sent. A discount
        above the cap without approval is refused by the service, which says why."""
        service = self.service

        def send(quote: Quote) -> None:
            qid = str(quote.id)

            def work() -> Saved:
                sent = service.mark_sent(qid)
                return Saved(sent, service.versions(sent.number))

            self._after(
                work, lambda q: self.tr("Quote {number} marked sent.").format(number=q.number)
            )

        self.save(then=send)

    def approve(self) -> None:
        """A manager approves the extra discount: at this PC with their name and password, or
        the signed-in manager. The quote is saved first (the approval covers what is saved)."""
        q = self.current_input
        if q is None or not self.editable:
            return
        cap = self.consultants_cap() or ZERO
        me = self.service.session.staff.full_name if self.can_approve else None
        dialog = ApprovalDialog(money_text(q.extra_discount), money_text(cap), me, self)
        dialog.sig_submitted.connect(self._approval_submitted)
        self.approval_dialog = dialog
        dialog.open()

    def _approval_submitted(self, username: str, password: str, note: str) -> None:
        service = self.service
        dialog = self.approval_dialog

        def approve(quote: Quote) -> None:
            qid = str(quote.id)

            def work() -> Saved:
                done = service.approve_discount(qid, username, password, note)
                return Saved(done, service.versions(done.number))

            (
                Operation(work)
                .success(self._approved)
                .failure(self._approval_refused)
                .run_in_background(self.runner)
            )

        if self.quote is None and self.customer_id is None and dialog is not None:
            dialog.refused(self.tr("Choose the customer first: the quote is saved with it."))
            return
        self.save(then=approve)

    def _approved(self, saved: Saved) -> None:
        if self.approval_dialog is not None:
            self.approval_dialog.accept()
            self.approval_dialog = None
        self._lived(
            saved,
            lambda q: self.tr("Discount of ¥{amount} approved by {name}.").format(
                amount=money_text(q.approved_discount or ZERO), name=q.approved_name
            ),
        )

    def _approval_refused(self, error: BaseException) -> None:
        if self.approval_dialog is not None and isinstance(error, DomainError):
            self.approval_dialog.refused(tr_error(error))
            return
        self._refused(error)

    def revise(self) -> None:
        """A new version of a sent (expired, lost) quote, opened here to edit."""
        if self.quote is None:
            return
        qid, service = str(self.quote.id), self.service

        def work() -> Saved:
            new = service.revise(qid)
            return Saved(new, service.versions(new.number))

        self._after(
            work,
            lambda q: self.tr("Version {version} of {number} is open to edit.").format(
                version=q.version, number=q.number
            ),
        )

    def print_quote(self) -> None:
        title = self.tr("Print")
        try:
            from ...services.quote_documents import print_quote  # loads ReportLab
        except ImportError:
            self.dialogs.error(
                self, title, self.tr("Printing quotes is not available in this version.")
            )
            return
        db, session = self.service.db, self.service.session
        lang, folder = ui_language(), data_dir() / "prints"

        def run(quote: Quote) -> None:
            qid = str(quote.id)
            (
                Operation(lambda: print_quote(db, session, qid, lang, folder))
                .success(self._printed)
                .failure(lambda e: self._failed(e, title))
                .run_in_background(self.runner)
            )

        if self.editable:
            self.save(then=run)
        elif self.quote is not None:
            run(self.quote)

    def _printed(self, path: Path) -> None:
        self.last_print = path
        self._status(self.tr("Saved as {path}").format(path=path))
        self.dialogs.show_document(self, path)

    # -- refusals and closing ------------------------------------------------------------

    def _refused(self, error: BaseException) -> None:
        """Say why (next to the field when there is one) and keep everything typed."""
        self.ui.saveButton.setEnabled(self.editable)
        title = self.tr("Not saved")
        if not isinstance(error, DomainError):
            self.dialogs.error(self, title, tr_error(error))
            return
        field = error.field or ""
        column = next(
            (c for c in self.columns if field.startswith(c.field(""))),
            None,
        )
        text = tr_error(error)
        if column is not None and isinstance(error, ValidationError):
            column.show_error(error, text)
        elif field in self._fields:
            self._fields[field].setStyleSheet(ERROR_STYLE)
            self._fields[field].setFocus()
            label = self.field_label(field)
            self.ui.errorLabel.setText(
                self.tr("{field}: {message}").format(field=label, message=text) if label else text
            )
        else:
            self.ui.errorLabel.setText(text)
        self.dialogs.warning(self, self.windowTitle(), text)

    def _failed(self, error: BaseException, title: str | None = None) -> None:
        self.dialogs.error(self, title or self.windowTitle(), tr_error(error))

    def _status(self, text: str) -> None:
        self.sig_status.emit(text)

    def reject(self) -> None:
        if self.dirty and self.editable and not self._discard_ok():
            return
        self.dirty = False
        super().reject()
