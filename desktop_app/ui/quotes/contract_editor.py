"""The purchase contract (购车合同) editor: the terms while it is a draft (buyer, car,
deposit and payment, delivery, documents, remarks) beside the price breakdown taken from the
quote; printing the contract set; marking it signed; and, once signed, only amending (a new
version that references it) or voiding with a reason. The content hash and whether the stored
content still matches it are shown in the header."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from ...domain.contracts import (
    CONTRACT_DOCUMENTS,
    DELIVERY_METHOD_LABELS,
    ContractStatus,
    ContractTerms,
    DeliveryMethod,
    PaymentMethod,
)
from ...domain.errors import DomainError, ValidationError
from ...domain.quotes import ZERO, SalesSettings, money_text, parse_money
from ...domain.roles import Permission
from ...paths import data_dir
from ...services.contracts import Contract, ContractService
from ...services.quotes import Quote
from ..forms.ui_contract_editor import Ui_ContractEditor
from ..i18n import tr_error, tr_label
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import ERROR_STYLE, mark_invalid
from .models import (
    CONTRACT_STATUS_COLOURS,
    READ_ONLY_STYLE,
    BreakdownModel,
    BreakdownRow,
    breakdown_rows,
    content_rows,
    contract_status_text,
    local_name,
    local_time,
    pill_style,
    set_read_only,
    show_breakdown,
    ui_language,
    yuan,
)
from .plans import rate_text

OK_COLOUR = "#1b5e20"
PROBLEM_COLOUR = "#b00020"
MUTED_COLOUR = "#7b8794"
HASH_SHOWN = 12


@dataclass(frozen=True)
class ContractFile:
    """A contract with what the editor shows beside it, read in one go."""

    contract: Contract
    quote: Quote | None
    versions: list[Contract]
    verified: bool
    settings: SalesSettings
    today: dt.date


def load_contract(service: ContractService, contract_id: str) -> ContractFile:
    contract = service.get(contract_id)
    quote = service.quotes.get(contract.quote_id) if contract.quote_id else None
    return ContractFile(
        contract=contract,
        quote=quote,
        versions=service.versions(contract.number),
        verified=service.verify(contract_id),
        settings=service.quotes.settings(),
        today=service.today(),
    )


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ContractEditor(QDialog):
    sig_changed = Signal(str)  # contract id: saved, signed, amended or voided
    sig_status = Signal(str)

    def __init__(
        self,
        service: ContractService,
        runner: TaskRunner,
        dialogs: DialogService,
        contract_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.dialogs = dialogs
        self.ui = Ui_ContractEditor()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        session = service.session
        self.can_edit = session.can(Permission.EDIT_QUOTES)
        self.can_sign = session.can(Permission.SIGN_CONTRACTS)
        self.file: ContractFile | None = None
        self.contract_id = contract_id
        self.dirty = False
        self.total = ZERO
        self.last_print: Path | None = None
        self._filling = False
        self._generation = 0
        self.breakdown_model = BreakdownModel(self)
        self._setup()
        self._connect()
        self.open_contract(contract_id)

    # -- set-up --------------------------------------------------------------------------

    def _setup(self) -> None:
        u = self.ui
        self.setStyleSheet(READ_ONLY_STYLE)
        show_breakdown(u.breakdownView, self.breakdown_model, row_height=24)
        for method in DeliveryMethod:
            u.deliveryMethodCombo.addItem(tr_label(DELIVERY_METHOD_LABELS[method]), method.value)
        for code, zh, en in CONTRACT_DOCUMENTS:
            item = QListWidgetItem(local_name(zh, en))
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(f"{zh} / {en}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            u.documentsList.addItem(item)
        docs = u.documentsList
        docs.setMinimumHeight(0)
        docs.setFixedHeight(
            docs.count() * max(docs.sizeHintForRow(0), 18) + 2 * docs.frameWidth() + 4
        )
        u.splitter.setStretchFactor(0, 2)
        u.splitter.setStretchFactor(1, 3)
        u.splitter.setSizes([520, 820])
        self._fields: dict[str, QWidget] = {
            "buyer_name": u.buyerNameEdit,
            "buyer_id_number": u.buyerIdEdit,
            "buyer_phone": u.buyerPhoneEdit,
            "buyer_address": u.buyerAddressEdit,
            "colour": u.colourEdit,
            "vin": u.vinEdit,
            "engine_no": u.engineEdit,
            "deposit": u.depositEdit,
            "plan": u.planCombo,
            "delivery_date": u.deliveryDateEdit,
            "delivery_place": u.deliveryPlaceEdit,
            "delivery_method": u.deliveryMethodCombo,
            "documents": u.documentsList,
            "remarks": u.remarksEdit,
        }

    def _connect(self) -> None:
        u = self.ui
        for edit in (
            u.buyerNameEdit,
            u.buyerIdEdit,
            u.buyerPhoneEdit,
            u.buyerAddressEdit,
            u.colourEdit,
            u.vinEdit,
            u.engineEdit,
            u.deliveryPlaceEdit,
        ):
            edit.textEdited.connect(lambda _t: self.changed())
        u.depositEdit.textEdited.connect(lambda _t: self.changed(recount=True))
        u.loanRadio.toggled.connect(lambda _on: self.changed(recount=True))
        u.planCombo.currentIndexChanged.connect(lambda _i: self.changed(recount=True))
        u.deliveryDateEdit.dateChanged.connect(lambda _d: self.changed())
        u.deliveryMethodCombo.currentIndexChanged.connect(lambda _i: self.changed())
        u.documentsList.itemChanged.connect(lambda _item: self.changed())
        u.remarksEdit.textChanged.connect(self.changed)
        u.versionsList.itemActivated.connect(self._version_activated)
        u.saveButton.clicked.connect(self.save_terms)
        u.printButton.clicked.connect(self.print_set)
        u.signButton.clicked.connect(self.mark_signed)
        u.amendButton.clicked.connect(self.amend)
        u.voidButton.clicked.connect(self.void)
        u.closeButton.clicked.connect(self.close)

    # -- loading -------------------------------------------------------------------------

    @property
    def contract(self) -> Contract | None:
        return self.file.contract if self.file else None

    @property
    def editable(self) -> bool:
        c = self.contract
        return c is not None and c.status is ContractStatus.DRAFT and self.can_edit

    def open_contract(self, contract_id: str) -> None:
        self.contract_id = contract_id
        self._generation += 1
        generation = self._generation
        service = self.service
        (
            Operation(lambda: load_contract(service, contract_id))
            .success(lambda f: self.show_file(f) if generation == self._generation else None)
            .failure(self._load_failed)
            .run_in_background(self.runner)
        )

    def _load_failed(self, error: BaseException) -> None:
        self.dialogs.error(self, self.windowTitle(), tr_error(error))
        if self.file is None:
            self.reject()

    def show_file(self, file: ContractFile) -> None:
        self.file = file
        c = file.contract
        self.contract_id = str(c.id)
        self._filling = True
        try:
            self._show_header(file)
            self._fill_terms(c.terms, file.quote)
            self._show_versions(file)
            self._set_editable()
        finally:
            self._filling = False
        self.dirty = False
        mark_invalid(list(self._fields.values()), None)
        self.ui.errorLabel.clear()
        self.recount()

    def _show_header(self, file: ContractFile) -> None:
        u = self.ui
        c = file.contract
        self.setWindowTitle(self.tr("Contract {number}").format(number=c.number))
        u.numberLabel.setText(c.number)
        u.versionLabel.setText(self.tr("version {n}").format(n=c.version))
        u.statusLabel.setText(contract_status_text(c.status))
        u.statusLabel.setStyleSheet(pill_style(CONTRACT_STATUS_COLOURS[c.status]))
        if c.quote_number:
            quote_version = file.quote.version if file.quote else ""
            u.quoteLabel.setText(
                self.tr("from quote {number} v{version}").format(
                    number=c.quote_number, version=quote_version
                )
            )
        else:
            u.quoteLabel.setText("")
        if not c.content_hash:
            text = self.tr("Not signed yet: the content is not frozen")
            u.hashLabel.setText(f"<span style='color:{MUTED_COLOUR}'>{_html(text)}</span>")
            u.hashLabel.setToolTip("")
        else:
            short = c.content_hash[:HASH_SHOWN]
            if file.verified:
                state = self.tr("✔ verified: the content is as signed")
                colour = OK_COLOUR
            else:
                state = self.tr("✖ does NOT match what was signed")
                colour = PROBLEM_COLOUR
            caption = self.tr("Content hash")
            u.hashLabel.setText(
                f"<span style='color:#486581'>{_html(caption)}</span> "
                f"<code>{short}</code> "
                f"<span style='color:{colour}; font-weight:600'>{_html(state)}</span>"
            )
            u.hashLabel.setToolTip(
                self.tr("Content SHA-256: {content}\nPDF SHA-256: {pdf}").format(
                    content=c.content_hash, pdf=c.pdf_hash or "—"
                )
            )
        u.hashLabel.setProperty("verified", file.verified)
        original = next((v for v in file.versions if v.id == c.original_id), None)
        notice = ""
        colour = "#243b53"
        if c.status is ContractStatus.SIGNED:
            notice = self.tr(
                "Signed {when} by {name}. A signed contract cannot change: amend it (a new "
                "version that references this one) or void it with a reason."
            ).format(when=local_time(c.signed_at), name=c.signed_name)
            colour = OK_COLOUR
        elif c.status is ContractStatus.VOID:
            notice = self.tr("Void since {when} ({name}): {reason}").format(
                when=local_time(c.voided_at), name=c.voided_name, reason=c.void_reason
            )
            colour = PROBLEM_COLOUR
        elif original is not None:
            notice = self.tr(
                "Amendment of version {version}: edit the terms, print and have the buyer sign "
                "it; version {version} stays as it was signed."
            ).format(version=original.version)
        u.noticeLabel.setText(
            f"<span style='color:{colour}; font-weight:600'>{_html(notice)}</span>"
            if notice
            else ""
        )
        u.noticeLabel.setVisible(bool(notice))

    def _fill_terms(self, t: ContractTerms, quote: Quote | None) -> None:
        u = self.ui
        u.buyerNameEdit.setText(t.buyer_name)
        u.buyerIdEdit.setText(t.buyer_id_number)
        u.buyerPhoneEdit.setText(t.buyer_phone)
        u.buyerAddressEdit.setText(t.buyer_address)
        u.modelLabel.setText(self.contract.model_name if self.contract else "")
        u.colourEdit.setText(t.colour)
        u.vinEdit.setText(t.vin)
        u.engineEdit.setText(t.engine_no)
        u.depositEdit.setText(money_text(t.deposit))
        combo = u.planCombo
        combo.clear()
        plans = quote.input.plans if quote else ()
        for n, plan in enumerate(plans, start=1):
            combo.addItem(
                self.tr("Plan {n}: {lender} · {months} months · {rate} % · down ¥{down}").format(
                    n=n,
                    lender=plan.lender or self.tr("lender not named"),
                    months=plan.months,
                    rate=rate_text(plan.annual_rate),
                    down=money_text(plan.down_payment),
                ),
                n - 1,
            )
        if t.plan_index is not None and 0 <= t.plan_index < combo.count():
            combo.setCurrentIndex(t.plan_index)
        finance = t.payment is PaymentMethod.FINANCE
        u.loanRadio.setChecked(finance)
        u.fullRadio.setChecked(not finance)
        u.loanRadio.setEnabled(bool(plans))
        if not plans:
            u.loanRadio.setToolTip(self.tr("The quote has no finance plans."))
        u.deliveryDateEdit.setDate(_qdate(t.delivery_date))
        u.deliveryPlaceEdit.setText(t.delivery_place)
        u.deliveryMethodCombo.setCurrentIndex(
            max(u.deliveryMethodCombo.findData(t.delivery_method.value), 0)
        )
        docs = u.documentsList
        for i in range(docs.count()):
            item = docs.item(i)
            code = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(
                Qt.CheckState.Checked if code in t.documents else Qt.CheckState.Unchecked
            )
        u.remarksEdit.setPlainText(t.remarks)

    def _show_versions(self, file: ContractFile) -> None:
        lst = self.ui.versionsList
        lst.clear()
        by_id = {v.id: v for v in file.versions}
        for v in file.versions:
            when = local_time(v.voided_at or v.signed_at) or self.tr("not signed")
            text = self.tr("v{version} · {status} · {when}").format(
                version=v.version, status=contract_status_text(v.status), when=when
            )
            original = by_id.get(v.original_id) if v.original_id else None
            if original is not None:
                text += " · " + self.tr("amends v{version}").format(version=original.version)
            if v.id == file.contract.id:
                text += "   ◀ " + self.tr("shown")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            if v.id == file.contract.id:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            lst.addItem(item)

    def _set_editable(self) -> None:
        u = self.ui
        on = self.editable
        for edit in (
            u.buyerNameEdit,
            u.buyerIdEdit,
            u.buyerPhoneEdit,
            u.buyerAddressEdit,
            u.colourEdit,
            u.vinEdit,
            u.engineEdit,
            u.depositEdit,
            u.deliveryPlaceEdit,
        ):
            set_read_only(edit, not on)
        set_read_only(u.remarksEdit, not on)
        for widget in (
            u.fullRadio,
            u.planCombo,
            u.deliveryDateEdit,
            u.deliveryMethodCombo,
            u.documentsList,
        ):
            widget.setEnabled(on)
        has_plans = u.planCombo.count() > 0
        u.loanRadio.setEnabled(on and has_plans)
        u.planCombo.setEnabled(on and has_plans and u.loanRadio.isChecked())
        c = self.contract
        status = c.status if c else None
        latest = (
            c is not None
            and self.file is not None
            and c.version == max(v.version for v in self.file.versions)
        )
        draft = status is ContractStatus.DRAFT
        signed = status is ContractStatus.SIGNED
        u.saveButton.setVisible(draft)
        u.saveButton.setEnabled(on)
        u.signButton.setVisible(draft)
        u.signButton.setEnabled(draft and self.can_sign)
        u.amendButton.setVisible(signed)
        u.amendButton.setEnabled(signed and latest and self.can_edit)
        if signed and not latest:
            u.amendButton.setToolTip(self.tr("A newer version exists: amend that one."))
        u.voidButton.setVisible(draft or signed)
        u.voidButton.setEnabled(self.can_sign)
        u.printButton.setEnabled(c is not None)

    # -- the numbers ---------------------------------------------------------------------

    def changed(self, recount: bool = False) -> None:
        if self._filling or not self.editable:
            return
        self.dirty = True
        u = self.ui
        u.planCombo.setEnabled(u.loanRadio.isChecked() and u.planCombo.count() > 0)
        if recount:
            self.recount()

    def chosen_plan(self) -> int | None:
        u = self.ui
        if not u.loanRadio.isChecked() or u.planCombo.currentIndex() < 0:
            return None
        return u.planCombo.currentIndex()

    def recount(self) -> None:
        """The breakdown: live from the quote while a draft (the chosen plan's fee counts);
        as frozen in the content once signed or void."""
        f = self.file
        if f is None:
            return
        c = f.contract
        u = self.ui
        quote = f.quote
        seats = quote.input.seats if quote else 5
        nev = bool(c.content.get("vehicle", {}).get("nev", quote.input.nev if quote else False))
        plan_text = ""
        rows: list[BreakdownRow]
        if c.status is ContractStatus.DRAFT and quote is not None:
            chosen = self.chosen_plan()
            q = replace(quote.input, chosen_plan=chosen)
            breakdown = self.service.quotes.preview(q, f.settings)
            names = {
                e.code: local_name(e.name_zh, e.name_en)
                for e in (*q.options, *q.accessories, *q.insurance)
            }
            rows = breakdown_rows(breakdown, q.seats, q.nev, names)
            total = breakdown.total
            if chosen is not None and chosen < len(breakdown.plans):
                p = breakdown.plans[chosen]
                plan_text = self.tr(
                    "Car loan from {lender}: loan {loan} over {months} months at {rate} %, "
                    "{monthly} a month; total interest {interest}."
                ).format(
                    lender=p.plan.lender or "—",
                    loan=yuan(p.loan),
                    months=p.plan.months,
                    rate=rate_text(p.plan.annual_rate),
                    monthly=yuan(p.monthly),
                    interest=yuan(p.interest),
                )
        else:
            rows = content_rows(list(c.content.get("lines", [])), seats, nev)
            total = Decimal(str(c.content.get("total", c.total)))
            plan = c.content.get("plan")
            if isinstance(plan, dict):
                plan_text = self.tr(
                    "Car loan from {lender}: loan {loan} over {months} months at {rate} %, "
                    "{monthly} a month; total interest {interest}."
                ).format(
                    lender=plan.get("lender") or "—",
                    loan=yuan(Decimal(plan["loan"])),
                    months=plan["months"],
                    rate=rate_text(Decimal(plan["annual_rate"])),
                    monthly=yuan(Decimal(plan["monthly"])),
                    interest=yuan(Decimal(plan["interest"])),
                )
        self.breakdown_model.set_rows(rows)
        self.total = total
        u.totalLabel.setText(yuan(total))
        u.planLabel.setText(plan_text or self.tr("Paid in full."))
        try:
            deposit = parse_money(u.depositEdit.text(), "deposit")
        except ValidationError:
            deposit = ZERO
        u.balanceLabel.setText(
            self.tr("balance {amount} before delivery").format(
                amount=yuan(max(total - deposit, ZERO))
            )
        )

    # -- reading the form ----------------------------------------------------------------

    def collect(self) -> ContractTerms:
        """The terms as typed; a ValidationError names a field that cannot be read."""
        u = self.ui
        docs = u.documentsList
        documents = [
            str(docs.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(docs.count())
            if docs.item(i).checkState() == Qt.CheckState.Checked
        ]
        loan = u.loanRadio.isChecked()
        return ContractTerms(
            buyer_name=u.buyerNameEdit.text().strip(),
            buyer_id_number=u.buyerIdEdit.text().strip().upper(),
            buyer_phone=u.buyerPhoneEdit.text().strip(),
            buyer_address=u.buyerAddressEdit.text().strip(),
            colour=u.colourEdit.text().strip(),
            vin=u.vinEdit.text().strip().upper(),
            engine_no=u.engineEdit.text().strip().upper(),
            deposit=parse_money(u.depositEdit.text(), "deposit"),
            payment=PaymentMethod.FINANCE if loan else PaymentMethod.FULL,
            plan_index=self.chosen_plan() if loan else None,
            delivery_date=_pydate(u.deliveryDateEdit.date()),
            delivery_place=u.deliveryPlaceEdit.text().strip(),
            delivery_method=DeliveryMethod(u.deliveryMethodCombo.currentData()),
            documents=documents,
            remarks=u.remarksEdit.toPlainText().strip(),
        )

    # -- actions -------------------------------------------------------------------------

    def _run(
        self,
        action: Callable[[str], object],
        message: Callable[[Contract], str],
        title: str,
        save_first: bool = True,
    ) -> None:
        """Save the typed terms if needed, run ``action`` on the contract, then show the
        contract the action answers with (an amendment answers with the new version)."""
        cid = self.contract_id
        terms: ContractTerms | None = None
        if save_first and self.editable and self.dirty:
            try:
                terms = self.collect()
            except ValidationError as error:
                self._refused(error, title)
                return
        service = self.service

        def work() -> ContractFile:
            if terms is not None:
                service.save_terms(cid, terms)
            result = action(cid)
            target = str(result.id) if isinstance(result, Contract) and result.id else cid
            return load_contract(service, target)

        (
            Operation(work)
            .success(lambda f: self._done(f, message))
            .failure(lambda e: self._refused(e, title))
            .run_in_background(self.runner)
        )

    def _done(self, file: ContractFile, message: Callable[[Contract], str]) -> None:
        self._generation += 1
        self.show_file(file)
        if file.contract.id:
            self.sig_changed.emit(file.contract.id)
        self.sig_status.emit(message(file.contract))

    def save_terms(self) -> None:
        if not self.editable:
            return
        try:
            terms = self.collect()
        except ValidationError as error:
            self._refused(error, self.tr("Not saved"))
            return
        service = self.service
        self._run(
            lambda cid: service.save_terms(cid, terms),
            lambda c: self.tr("Contract {number} saved.").format(number=c.number),
            self.tr("Not saved"),
            save_first=False,
        )

    def mark_signed(self) -> None:
        c = self.contract
        if c is None or c.status is not ContractStatus.DRAFT:
            return
        title = self.tr("Mark signed")
        if not self.dialogs.ask_confirm(
            self,
            title,
            self.tr(
                "Has the buyer signed the printed contract {number}?\n\nIts content and PDF are "
                "then frozen: any later change needs an amendment or a void."
            ).format(number=c.number),
        ):
            return
        service, lang = self.service, ui_language()
        self._run(
            lambda cid: service.sign(cid, lang),
            lambda c: self.tr("Contract {number} signed.").format(number=c.number),
            self.tr("Not signed"),
        )

    def amend(self) -> None:
        service = self.service
        self._run(
            service.amend,
            lambda c: self.tr("Amendment v{version} of {number} drafted.").format(
                version=c.version, number=c.number
            ),
            self.tr("Amend"),
            save_first=False,
        )

    def void(self) -> None:
        c = self.contract
        if c is None:
            return
        title = self.tr("Void the contract")
        reason = self.dialogs.ask_text(
            self,
            title,
            self.tr("Why is contract {number} void? (recorded with the contract)").format(
                number=c.number
            ),
        )
        if reason is None:
            return
        service = self.service
        self._run(
            lambda cid: service.void(cid, reason),
            lambda c: self.tr("Contract {number} is void.").format(number=c.number),
            title,
            save_first=False,
        )

    def print_set(self) -> None:
        """The contract set: the contract, the insurance confirmation and the purchase-tax
        application (a draft is saved first, so the paper says what is stored)."""
        title = self.tr("Print")
        try:
            from ...services.quote_documents import print_contract  # loads ReportLab
        except ImportError:
            self.dialogs.error(
                self, title, self.tr("Printing contracts is not available in this version.")
            )
            return
        terms: ContractTerms | None = None
        if self.editable and self.dirty:
            try:
                terms = self.collect()
            except ValidationError as error:
                self._refused(error, title)
                return
        service, cid = self.service, self.contract_id
        db, session, lang, folder = (
            service.db,
            service.session,
            ui_language(),
            data_dir() / "prints",
        )

        def work() -> Path:
            if terms is not None:
                service.save_terms(cid, terms)
            path: Path = print_contract(db, session, cid, lang, folder, with_set=True)
            return path

        (
            Operation(work)
            .success(self._printed)
            .failure(lambda e: self._refused(e, title))
            .run_in_background(self.runner)
        )

    def _printed(self, path: Path) -> None:
        self.last_print = path
        if self.dirty:
            self.open_contract(self.contract_id)  # the saved terms
        self.sig_status.emit(self.tr("Saved as {path}").format(path=path))
        self.dialogs.show_document(self, path)

    def _version_activated(self, item: QListWidgetItem) -> None:
        cid = item.data(Qt.ItemDataRole.UserRole)
        if not cid or cid == self.contract_id:
            return
        if self.dirty and self.editable and not self._discard_ok():
            return
        self.open_contract(str(cid))

    # -- refusals and closing ------------------------------------------------------------

    def _refused(self, error: BaseException, title: str) -> None:
        """Say why, outline the field concerned, keep what was typed."""
        text = tr_error(error)
        field = error.field if isinstance(error, DomainError) else None
        bad = self._fields.get(field or "")
        mark_invalid(list(self._fields.values()), bad)
        if bad is not None:
            bad.setStyleSheet(ERROR_STYLE)
        self.ui.errorLabel.setText(text)
        if isinstance(error, DomainError):
            self.dialogs.warning(self, title, text)
        else:
            self.dialogs.error(self, title, text)

    def _discard_ok(self) -> bool:
        return self.dialogs.ask_confirm(
            self,
            self.windowTitle(),
            self.tr("The changes to this contract are not saved. Discard them?"),
        )

    def reject(self) -> None:
        if self.dirty and self.editable and not self._discard_ok():
            return
        self.dirty = False
        super().reject()
