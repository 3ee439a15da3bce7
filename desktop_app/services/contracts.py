"""Purchase contracts: drafted from an accepted quote, edited while a draft, signed (and then
frozen: content and PDF hash stored, the database refusing any update), amended by a new
version that references the original, or voided with a reason."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import peewee as pw

from ..domain.contracts import (
    CONTRACT_DOCUMENTS,
    Clause,
    ContractFrozen,
    ContractStatus,
    ContractTerms,
    DeliveryMethod,
    PaymentMethod,
    balance,
    check_clause,
    check_signable,
    content_hash,
    fill_clause,
    validate_terms,
)
from ..domain.errors import DomainError, ValidationError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.identifiers import mask_id_number
from ..domain.quotes import QuoteStatus, compute, fen, make_number, money_text
from ..domain.roles import Permission
from ..domain.staff import Session
from ..storage.db import Database
from ..storage.models import ContractRow
from ..storage.outbox import queue_for_hub
from ..storage.quotes import (
    Contract,
    ContractRepository,
    PriceListRepository,
    Quote,
    SalesSettingsRepository,
    next_serial,
)
from ..storage.repositories import CustomerRepository, SiteRepository
from .errors import NotFound, PermissionDenied
from .quotes import QuoteService

__all__ = ["Contract", "ContractService", "ContractFrozen"]

CONTRACT_PREFIX = "HT"

# renders a contract's PDF (the printing layer); signing stores the hash of what it returns
Renderer = Callable[[Database, Contract, str], bytes]


class NeedsReason(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "Give the reason for voiding the contract."),
            field="reason",
        )


class NotAmendable(DomainError):
    def __init__(self, number: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Only the current signed version of contract {number} can be amended.",
            ),
            number=number,
        )


def _default_renderer(db: Database, contract: Contract, lang: str) -> bytes:
    from .quote_documents import contract_pdf_for

    pdf: bytes = contract_pdf_for(db, contract, lang)
    return pdf


def is_frozen_error(error: BaseException) -> bool:
    return isinstance(error, pw.IntegrityError | pw.DatabaseError) and "DD_FROZEN" in str(error)


class ContractService:
    def __init__(
        self,
        db: Database,
        session: Session,
        today: Callable[[], dt.date] = dt.date.today,
        render: Renderer | None = None,
        signed_dir: Path | None = None,
    ) -> None:
        self.db = db
        self.session = session
        self.today = today
        self.render = render or _default_renderer
        self.repo = ContractRepository(db)
        self.quotes = QuoteService(db, session, today)
        self.settings_repo = SalesSettingsRepository(db)
        self.prices = PriceListRepository(db)
        self.customers = CustomerRepository(db)
        self.sites = SiteRepository(db)
        if signed_dir is None:
            from ..paths import data_dir

            signed_dir = data_dir() / "contracts"
        self.signed_dir = signed_dir

    def _require(self, permission: Permission) -> None:
        if not self.session.can(permission):
            raise PermissionDenied()

    # -- clause templates ----------------------------------------------------------------

    def clauses(self) -> tuple[Clause, ...]:
        return self.settings_repo.clauses(self.session.site.id)

    def save_clauses(self, clauses: tuple[Clause, ...]) -> None:
        self._require(Permission.EDIT_SETTINGS)
        for clause in clauses:
            check_clause(clause)
        with self.db.write():
            self.settings_repo.save_clauses(self.session.site.id, clauses, self.session.staff.id)

    # -- from the quote ------------------------------------------------------------------

    def accept_quote(self, quote_id: str, plan_index: int | None = None) -> Contract:
        """The customer accepts the quote (with one of its finance plans, or paying in full):
        the quote becomes accepted and a draft contract is made from it."""
        self._require(Permission.EDIT_QUOTES)
        settings = self.settings_repo.settings(self.session.site.id)
        today = self.today()
        with self.db.write():
            quote = self.quotes.get(quote_id)
            self._check_vin_free(quote.input.vin, "")
            quote = self.quotes.mark_accepted_in_tx(quote, plan_index)
            customer = self.customers.get(quote.customer_id) if quote.customer_id else None
            site = self.session.site
            terms = ContractTerms(
                buyer_name=customer.name if customer else quote.customer_name,
                buyer_id_number=customer.id_number if customer else "",
                buyer_phone=customer.mobile if customer else quote.phone,
                buyer_address=customer.address if customer else "",
                colour=quote.input.colour,
                vin=quote.input.vin,
                engine_no=self._engine_no(quote.input.vin),
                deposit=min(settings.deposit, quote.total * settings.max_deposit_share),
                payment=PaymentMethod.FINANCE if plan_index is not None else PaymentMethod.FULL,
                plan_index=plan_index,
                delivery_date=today + dt.timedelta(days=settings.delivery_days),
                delivery_place=" ".join(p for p in (site.name, site.address) if p),
                delivery_method=DeliveryMethod.PICKUP,
            )
            terms.deposit = fen(terms.deposit)
            day_prefix = make_number(CONTRACT_PREFIX, today, self.quotes.terminal(), 0)
            prefix = day_prefix.rsplit("-", 1)[0] + "-"
            contract = Contract(
                number=make_number(
                    CONTRACT_PREFIX,
                    today,
                    self.quotes.terminal(),
                    next_serial(ContractRow, prefix),
                ),
                version=1,
                status=ContractStatus.DRAFT,
                terms=terms,
                model_name=quote.input.model_name,
                total=quote.total,
                content={},
                quote_id=quote.id,
                customer_id=quote.customer_id,
                sales_id=quote.sales_id or self.session.staff.id,
            )
            contract.content = self.build_content(contract, quote)
            self.repo.insert(contract, self.session.site.id, self.session.staff.id)
        return self.get(str(contract.id))

    def _check_vin_free(self, vin: str, number: str) -> None:
        """A car in stock is sold once: refuse a VIN already on another live contract."""
        if not vin:
            return
        other = (
            ContractRow.select(ContractRow.number)
            .where(
                (ContractRow.vin == vin)
                & (ContractRow.status != ContractStatus.VOID.value)
                & (ContractRow.number != number)
                & ContractRow.deleted_at.is_null()
            )
            .first()
        )
        if other is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The car {vin} is already sold on contract {number}: choose another car or "
                    "void that contract first.",
                ),
                field="vin",
                vin=vin,
                number=str(other.number),
            )

    def _engine_no(self, vin: str) -> str:
        if not vin:
            return ""
        found = self.customers_vehicle(vin)
        return found or ""

    def customers_vehicle(self, vin: str) -> str | None:
        from ..storage.models import VehicleRow

        row = VehicleRow.get_or_none((VehicleRow.vin == vin) & VehicleRow.deleted_at.is_null())
        return None if row is None else str(row.engine_no)

    # -- the content that is printed and, once signed, frozen ------------------------------

    def build_content(self, contract: Contract, quote: Quote) -> dict[str, Any]:
        t = contract.terms
        settings = self.settings_repo.settings(self.session.site.id)
        chosen = t.plan_index if t.payment is PaymentMethod.FINANCE else None
        q = replace(quote.input, chosen_plan=chosen, colour=t.colour, vin=t.vin)
        breakdown = compute(q, settings)
        site = self.sites.current() or self.session.site
        model = self.prices.model(q.model_id) if q.model_id else None
        warranty_months = model.warranty_months if model else 36
        warranty_km = model.warranty_km if model else 100_000
        total = breakdown.total
        values = {
            "delivery_date": t.delivery_date.isoformat(),
            "delivery_place": t.delivery_place,
            "deposit": money_text(t.deposit),
            "balance": money_text(balance(total, t.deposit)),
            "total": money_text(total),
            "warranty_months": str(warranty_months),
            "warranty_km": f"{warranty_km:,}",
            "dealer": site.name,
            "buyer": t.buyer_name,
            "days": "15",
        }
        plan: dict[str, str] | None = None
        if chosen is not None:
            figures = breakdown.plans[chosen]
            plan = {
                "lender": figures.plan.lender,
                "down_payment": str(figures.plan.down_payment),
                "loan": str(figures.loan),
                "months": str(figures.plan.months),
                "annual_rate": str(figures.plan.annual_rate),
                "monthly": str(figures.monthly),
                "interest": str(figures.interest),
                "final": str(figures.final),
                "fee": str(figures.plan.fee),
            }
        original = self.repo.get(contract.original_id) if contract.original_id else None
        return {
            "number": contract.number,
            "version": contract.version,
            "amends": None
            if original is None
            else {"number": original.number, "version": original.version},
            "quote": {"number": quote.number, "version": quote.version},
            "dealer": {
                "name": site.name,
                "licence_no": site.licence_no,
                "address": site.address,
                "phone": site.phone,
            },
            "buyer": {
                "name": t.buyer_name,
                "id_number": t.buyer_id_number,
                "phone": t.buyer_phone,
                "address": t.buyer_address,
            },
            "vehicle": {
                "model_name": q.model_name,
                "brand": model.brand if model else "",
                "series": model.series if model else "",
                "trim": model.trim if model else "",
                "nev": q.nev,
                "colour": t.colour,
                "vin": t.vin,
                "engine_no": t.engine_no,
                "warranty_months": warranty_months,
                "warranty_km": warranty_km,
            },
            "lines": [
                {
                    "kind": ln.kind.value,
                    "name": ln.name,
                    "detail": ln.detail,
                    "amount": str(ln.amount),
                    "counted": ln.counted,
                }
                for ln in breakdown.lines
            ],
            "total": str(total),
            "deposit": str(t.deposit),
            "balance": str(balance(total, t.deposit)),
            "payment": t.payment.value,
            "plan": plan,
            "delivery": {
                "date": t.delivery_date.isoformat(),
                "place": t.delivery_place,
                "method": t.delivery_method.value,
            },
            "documents": [
                {"code": code, "zh": zh, "en": en}
                for code, zh, en in CONTRACT_DOCUMENTS
                if code in t.documents
            ],
            "clauses": [
                {
                    "code": c.code,
                    "title_zh": c.title_zh,
                    "title_en": c.title_en,
                    "text_zh": fill_clause(c.text_zh, values),
                    "text_en": fill_clause(c.text_en, values),
                }
                for c in self.clauses()
            ],
            "remarks": t.remarks,
        }

    # -- editing a draft -----------------------------------------------------------------

    def _quote_of(self, contract: Contract) -> Quote:
        if contract.quote_id is None:
            raise NotFound()
        return self.quotes.get(contract.quote_id)

    def save_terms(self, contract_id: str, terms: ContractTerms) -> Contract:
        """Change a draft's terms; a signed or void contract refuses (ContractFrozen)."""
        self._require(Permission.EDIT_QUOTES)
        settings = self.settings_repo.settings(self.session.site.id)
        with self.db.write():
            contract = self._load(contract_id)
            if contract.status is not ContractStatus.DRAFT:
                raise ContractFrozen(contract.number)
            quote = self._quote_of(contract)
            if terms.buyer_id_number and terms.buyer_id_number == mask_id_number(
                contract.terms.buyer_id_number
            ):
                terms.buyer_id_number = contract.terms.buyer_id_number  # shown masked, unchanged
            chosen = terms.plan_index if terms.payment is PaymentMethod.FINANCE else None
            total = compute(replace(quote.input, chosen_plan=chosen), settings).total
            validate_terms(terms, total, len(quote.input.plans), settings, self.today())
            self._check_vin_free(terms.vin, contract.number)
            contract.terms = terms
            contract.total = total
            contract.content = self.build_content(contract, quote)
            self._write(lambda: self.repo.update_draft(contract, self.session.staff.id), contract)
        return self.get(contract_id)

    def _write(self, action: Callable[[], None], contract: Contract) -> None:
        try:
            action()
        except (pw.IntegrityError, pw.DatabaseError) as error:
            if is_frozen_error(error):
                raise ContractFrozen(contract.number) from error
            raise

    # -- signing, amending, voiding ------------------------------------------------------

    def sign(self, contract_id: str, lang: str = "zh_CN") -> Contract:
        """The buyer has signed the printed contract: freeze its content and the PDF's hash.
        The signed PDF is kept in the data folder's ``contracts`` directory."""
        self._require(Permission.SIGN_CONTRACTS)
        with self.db.write():
            contract = self._load(contract_id)
            if contract.status is not ContractStatus.DRAFT:
                raise ContractFrozen(contract.number)
            check_signable(contract.terms)
            quote = self._quote_of(contract)
            contract.content = self.build_content(contract, quote)
            digest = content_hash(contract.content)
            contract.content_hash = digest
            pdf = self.render(self.db, replace(contract, status=ContractStatus.SIGNED), lang)
            pdf_digest = hashlib.sha256(pdf).hexdigest()
            self._keep_pdf(contract, pdf)
            # the signed paper's PDF goes up to the dealer group's hub with the next sync
            queue_for_hub(
                self.db,
                "signed_contract",
                self.today().isoformat(),
                f"{contract.number}-v{contract.version}-signed.pdf",
                pdf,
            )
            self._write(
                lambda: self.repo.mark_signed(
                    contract_id,
                    contract.content,
                    digest,
                    pdf_digest,
                    self.session.staff.id,
                    self.session.staff.id,
                ),
                contract,
            )
        return self.get(contract_id)

    def _keep_pdf(self, contract: Contract, pdf: bytes) -> None:
        from .print_files import write_document

        write_document(self.signed_dir, f"{contract.number}-v{contract.version}-signed", pdf)

    def signed_pdf(self, contract: Contract) -> Path | None:
        """The PDF that was signed, if this PC kept it and its hash still matches."""
        pattern = f"{contract.number}-v{contract.version}-signed-*.pdf"
        for path in sorted(self.signed_dir.glob(pattern)):
            try:
                if hashlib.sha256(path.read_bytes()).hexdigest() == contract.pdf_hash:
                    return path
            except OSError:
                continue
        return None

    def verify(self, contract_id: str) -> bool:
        """Does the signed content still hash to what was stored at signing?"""
        contract = self.get(contract_id)
        if contract.status is ContractStatus.DRAFT:
            return True
        return content_hash(contract.content) == contract.content_hash

    def amend(self, contract_id: str) -> Contract:
        """A new draft version of a signed contract, referencing it; the original stays signed
        until the amendment is signed (and stays readable for ever)."""
        self._require(Permission.EDIT_QUOTES)
        with self.db.write():
            contract = self._load(contract_id)
            versions = self.repo.versions(contract.number)
            latest = max(v.version for v in versions)
            if contract.status is not ContractStatus.SIGNED or contract.version != latest:
                raise NotAmendable(contract.number)
            draft = replace(
                contract,
                id=None,
                version=latest + 1,
                status=ContractStatus.DRAFT,
                original_id=contract.id,
                terms=replace(contract.terms, documents=list(contract.terms.documents)),
                content={},
                content_hash="",
                pdf_hash="",
                signed_at=None,
                signed_by=None,
                void_reason="",
                voided_at=None,
                voided_by=None,
                amendments=[],
            )
            draft.content = self.build_content(draft, self._quote_of(contract))
            self.repo.insert(draft, self.session.site.id, self.session.staff.id)
        return self.get(str(draft.id))

    def void(self, contract_id: str, reason: str) -> Contract:
        """Void a contract with a reason (a signed one keeps its content; the void is recorded
        beside it)."""
        self._require(Permission.SIGN_CONTRACTS)
        if not reason.strip():
            raise NeedsReason()
        with self.db.write():
            contract = self._load(contract_id)
            if contract.status is ContractStatus.VOID:
                raise ContractFrozen(contract.number)
            self._write(
                lambda: self.repo.mark_void(contract_id, reason.strip(), self.session.staff.id),
                contract,
            )
            if contract.status is ContractStatus.DRAFT and contract.original_id is None:
                self._reopen_quote(contract)
        return self.get(contract_id)

    def _reopen_quote(self, contract: Contract) -> None:
        """A contract voided before it was ever signed gives its quote back: the quote reads as
        sent again, so it can be revised or accepted anew."""
        if contract.quote_id is None:
            return
        quote = self.quotes.repo.get(contract.quote_id)
        if quote is None or quote.status is not QuoteStatus.ACCEPTED:
            return
        quote.status = QuoteStatus.SENT
        quote.accepted_at = None
        self.quotes.repo.update(quote, self.session.staff.id)

    # -- reading -------------------------------------------------------------------------

    def _load(self, contract_id: str) -> Contract:
        contract = self.repo.get(contract_id)
        if contract is None:
            raise NotFound()
        return contract

    def _masked(self, contracts: list[Contract]) -> list[Contract]:
        """ID numbers show in full only to roles that need them (the contract names the buyer
        by ID number; a screen of someone else need not)."""
        if not self.session.can(Permission.VIEW_ID_NUMBERS):
            for contract in contracts:
                contract.terms.buyer_id_number = mask_id_number(contract.terms.buyer_id_number)
                buyer = contract.content.get("buyer")
                if isinstance(buyer, dict) and buyer.get("id_number"):
                    buyer["id_number"] = mask_id_number(str(buyer["id_number"]))
        return contracts

    def get(self, contract_id: str) -> Contract:
        return self._masked([self._load(contract_id)])[0]

    def by_number(self, number: str, version: int | None = None) -> Contract | None:
        found = self.repo.by_number(number.strip().upper(), version)
        return None if found is None else self._masked([found])[0]

    def versions(self, number: str) -> list[Contract]:
        return self._masked(self.repo.versions(number))

    def for_quote(self, quote_number: str) -> list[Contract]:
        return self._masked(self.repo.for_quote_number(quote_number))

    def listing(
        self,
        text: str = "",
        statuses: set[ContractStatus] | None = None,
        mine: bool = False,
    ) -> list[Contract]:
        return self._masked(
            self.repo.listing(text, statuses, self.session.staff.id if mine else None)
        )
