"""Quotes at the sales desk: the price list and its CSV import, building and revising quotes,
the manager's discount approval, sending, losing and accepting (which drafts the contract).

A quote's number never changes; a revision is a new version of it and the older versions stay
as they were. Only the newest version of a quote is worked on, and only while it is a draft.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..domain.customers import VehicleModel
from ..domain.errors import DomainError, ValidationError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.price_list import (
    FEE_FINANCE,
    FEE_REGISTRATION,
    ItemKind,
    PriceListUnreadable,
    PriceRow,
    RejectedRow,
    parse_price_list,
)
from ..domain.quotes import (
    TERMINAL_KEY,
    ZERO,
    ApprovalNeeded,
    Breakdown,
    Extra,
    FinancePlan,
    QuoteInput,
    QuoteStatus,
    SalesSettings,
    approval_required,
    compute,
    effective_status,
    fen,
    make_number,
    terminal_code,
    validate_input,
    validate_settings,
)
from ..domain.roles import Permission
from ..domain.staff import Session
from ..storage.db import Database, utc_now_text
from ..storage.models import ContractRow, QuoteRow, VehicleRow
from ..storage.quotes import (
    CatalogItem,
    PriceListRepository,
    Quote,
    QuoteRepository,
    SalesSettingsRepository,
    next_serial,
)
from ..storage.repositories import CustomerRepository, StaffRepository
from .errors import NotFound, PermissionDenied

__all__ = [
    "CatalogItem",
    "ImportReport",
    "ModelChoice",
    "Quote",
    "QuoteClosed",
    "QuoteService",
    "StockCar",
]

QUOTE_PREFIX = "BJ"
_hasher = PasswordHasher()


class QuoteClosed(DomainError):
    label_params = ("status",)

    def __init__(self, number: str, status: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Quote {number} is {status} and can no longer be changed. Revise it to make a "
                "new version.",
            ),
            number=number,
            status=status,
        )


class QuoteExpired(DomainError):
    def __init__(self, number: str, day: dt.date) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Quote {number} expired on {date}: revise it to check today's prices before the "
                "customer accepts.",
            ),
            number=number,
            date=day.isoformat(),
        )


class NotLatestVersion(DomainError):
    def __init__(self, number: str, version: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This is an older version of quote {number}; version {version} is the current "
                "one. Older versions stay readable but cannot be changed.",
            ),
            number=number,
            version=str(version),
        )


class ApprovalRefused(DomainError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The approval was not given: the user name or password is wrong, or the account "
                "may not approve discounts.",
            ),
            field="approver",
        )


class NoCustomer(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages", "Choose the customer the quote is for (search or add a customer)."
            ),
            field="customer",
        )


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    rejected: list[RejectedRow]

    @property
    def accepted(self) -> int:
        return self.added + self.updated


@dataclass(frozen=True)
class ModelChoice:
    model: VehicleModel
    code: str

    @property
    def nev(self) -> bool:
        return self.model.fuel_type.is_nev


@dataclass(frozen=True)
class StockCar:
    vehicle_id: str
    vin: str
    model_id: str | None
    colour: str
    engine_no: str


class QuoteService:
    def __init__(
        self,
        db: Database,
        session: Session,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.db = db
        self.session = session
        self.today = today
        self.prices = PriceListRepository(db)
        self.repo = QuoteRepository(db)
        self.settings_repo = SalesSettingsRepository(db)
        self.customers = CustomerRepository(db)
        self.staff = StaffRepository(db)

    # -- settings ------------------------------------------------------------------------

    def settings(self) -> SalesSettings:
        return self.settings_repo.settings(self.session.site.id)

    def save_settings(self, settings: SalesSettings) -> None:
        if not self.session.can(Permission.EDIT_SETTINGS):
            raise PermissionDenied()
        validate_settings(settings)
        with self.db.write():
            self.settings_repo.save_settings(self.session.site.id, settings, self.session.staff.id)

    def terminal(self) -> str:
        """This PC's code inside document numbers (stored once, so it never changes)."""
        code = self.db.meta(TERMINAL_KEY)
        if not code:
            code = terminal_code(self.db.device_id)
            if not self.db.read_only:
                self.db.set_meta(TERMINAL_KEY, code)
        return code

    # -- the price list ------------------------------------------------------------------

    def import_price_list(self, path: Path | str | bytes) -> ImportReport:
        """Read head office's CSV file; good rows are saved in one transaction, bad rows come
        back with their line numbers and reasons."""
        if not self.session.can(Permission.EDIT_SETTINGS):
            raise PermissionDenied()
        try:
            data = path if isinstance(path, bytes) else Path(path).read_bytes()
        except OSError as error:
            raise PriceListUnreadable(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "The price list {file} could not be read ({reason}). Close it in other "
                    "programs (e.g. Excel) or copy it to this PC, then import again.",
                ),
                file=str(path),
                reason=error.strerror or str(error),
            ) from error
        good, bad = parse_price_list(data)
        with self.db.write():
            known = self.prices.model_codes()
            file_models = {r.code for r in good if r.kind is ItemKind.MODEL}
            accepted: list[PriceRow] = []
            for row in good:
                if row.model_code and row.model_code not in known.keys() | file_models:
                    bad.append(
                        RejectedRow(
                            row.line,
                            row.code,
                            ValidationError(
                                QT_TRANSLATE_NOOP(
                                    "Messages",
                                    "The model code {code} is neither in this file nor in the "
                                    "price list.",
                                ),
                                field="model_code",
                                code=row.model_code,
                            ),
                        )
                    )
                    continue
                accepted.append(row)
            # models first, so options of a model new in this file find it
            accepted.sort(key=lambda r: r.kind is not ItemKind.MODEL)
            added, updated = self.prices.apply(accepted, self.session.staff.id)
        bad.sort(key=lambda r: r.line)
        return ImportReport(added, updated, bad)

    def models(self) -> list[ModelChoice]:
        codes = {model_id: code for code, model_id in self.prices.model_codes().items()}
        out = []
        for item in self.prices.items(ItemKind.MODEL):
            if item.model_id is None:
                continue
            model = self.prices.model(item.model_id)
            if model is not None:
                out.append(ModelChoice(model, codes.get(item.model_id, item.code)))
        out.sort(key=lambda m: (m.model.brand, m.model.series, m.model.guide_price))
        return out

    def items(
        self, kind: ItemKind, model_id: str | None, day: dt.date | None = None
    ) -> list[CatalogItem]:
        return self.prices.for_model(kind, model_id, day or self.today())

    def insurance_premium(self, item: CatalogItem, selling: Decimal) -> Decimal:
        """A cover's estimated premium: its fixed part plus its rate of ``price`` (the quote
        uses the guide price, so a discount does not change the insurance estimate)."""
        return fen(item.price + item.rate * max(selling, ZERO))

    def vessel_tax_annual(self, engine_cc: int | None, nev: bool) -> Decimal:
        if nev or not engine_cc:
            return ZERO
        bands = sorted(
            self.prices.items(ItemKind.VESSEL_TAX),
            key=lambda b: b.band_max if b.band_max is not None else 10**9,
        )
        for band in bands:
            if band.band_max is None or engine_cc <= band.band_max:
                return band.price
        return ZERO

    def fee(self, code: str, fallback: Decimal) -> Decimal:
        for item in self.prices.items(ItemKind.FEE):
            if item.code == code:
                return item.price
        return fallback

    def stock(self, model_id: str | None = None) -> list[StockCar]:
        """Cars in stock: vehicles on file that belong to nobody yet and are on no contract."""
        sold = ContractRow.select(ContractRow.vin).where(
            (ContractRow.status != "void")
            & (ContractRow.vin != "")
            & ContractRow.deleted_at.is_null()
        )
        query = VehicleRow.select().where(
            VehicleRow.customer_id.is_null()
            & VehicleRow.deleted_at.is_null()
            & VehicleRow.vin.not_in(sold)
        )
        if model_id:
            query = query.where(VehicleRow.model_id == model_id)
        return [
            StockCar(r.id, r.vin, r.model_id, r.colour, r.engine_no)
            for r in query.order_by(VehicleRow.vin)
        ]

    # -- building a quote ----------------------------------------------------------------

    def new_input(self, model_id: str, vin: str = "", colour: str = "") -> QuoteInput:
        """A quote for this trim with today's prices: guide price, the compulsory insurance,
        every commercial cover of the price list, the vehicle and vessel tax and the
        registration fee filled in; no discount, no finance plan yet."""
        model = self.prices.model(model_id)
        if model is None:
            raise NotFound()
        day = self.today()
        settings = self.settings()
        nev = model.fuel_type.is_nev
        covers = tuple(
            Extra(c.code, c.name_zh, c.name_en, self.insurance_premium(c, model.guide_price))
            for c in self.items(ItemKind.INSURANCE, model_id, day)
        )
        if vin and not colour:
            for car in self.stock(model_id):
                if car.vin == vin:
                    colour = car.colour
        return QuoteInput(
            model_id=model_id,
            model_name=model.display_name,
            guide_price=model.guide_price,
            nev=nev,
            seats=model.seats,
            engine_cc=model.engine_cc,
            purchase_date=day,
            colour=colour,
            vin=vin,
            insurance=covers,
            compulsory_premium=settings.compulsory_insurance(model.seats),
            vessel_tax_annual=self.vessel_tax_annual(model.engine_cc, nev),
            registration_fee=self.fee(FEE_REGISTRATION, settings.registration_fee),
        )

    def default_plan(self, q: QuoteInput, months: int = 36, rate: str = "0.0399") -> FinancePlan:
        """A plan with the minimum down payment, as a starting point the consultant edits."""
        settings = self.settings()
        selling = compute(q, settings).selling_price
        down = fen(selling * settings.min_down_share(q.nev))
        return FinancePlan(
            lender="",
            down_payment=down,
            months=months,
            annual_rate=Decimal(rate),
            fee=self.fee(FEE_FINANCE, settings.finance_fee),
        )

    def preview(self, q: QuoteInput, settings: SalesSettings | None = None) -> Breakdown:
        """The breakdown as the customer will see it; no database work (the builder calls it on
        every keystroke with the settings it read once)."""
        return compute(q, settings or self.settings())

    def needs_approval(self, q: QuoteInput, approved: Decimal | None = None) -> Decimal | None:
        """The limit the extra discount breaks and nobody has approved yet, or None (also None
        when the signed-in person may approve: saving records them as the approver)."""
        if self.session.can(Permission.APPROVE_DISCOUNTS):
            return None
        return self._uncovered(q, approved, self.settings())

    @staticmethod
    def _uncovered(
        q: QuoteInput, approved: Decimal | None, settings: SalesSettings
    ) -> Decimal | None:
        return approval_required(q.extra_discount, approved, settings)

    # -- saving --------------------------------------------------------------------------

    def _require_edit(self) -> None:
        if not self.session.can(Permission.EDIT_QUOTES):
            raise PermissionDenied()

    def create(self, customer_id: str | None, q: QuoteInput) -> Quote:
        """Save a new quote (version 1, a draft). A discount above the cap saves, flagged; it
        needs a manager's approval before the quote is sent or accepted."""
        self._require_edit()
        if not customer_id:
            raise NoCustomer()
        settings = self.settings()
        validate_input(q, settings)
        customer = self.customers.get(customer_id)
        if customer is None:
            raise NotFound()
        day = self.today()
        q = replace(q, purchase_date=max(q.purchase_date, day))
        with self.db.write():
            day_prefix = make_number(QUOTE_PREFIX, day, self.terminal(), 0).rsplit("-", 1)[0]
            serial = next_serial(QuoteRow, day_prefix + "-")
            quote = Quote(
                number=make_number(QUOTE_PREFIX, day, self.terminal(), serial),
                version=1,
                status=QuoteStatus.DRAFT,
                input=q,
                quoted_on=day,
                valid_until=day + dt.timedelta(days=settings.validity_days),
                total=compute(q, settings).total,
                customer_id=customer_id,
                customer_name=customer.name,
                phone=customer.mobile,
                sales_id=self.session.staff.id,
            )
            self._self_approve(quote)
            self.repo.insert(quote, self.session.site.id, self.session.staff.id)
        return self.get(str(quote.id))

    def _self_approve(self, quote: Quote) -> None:
        """A discount above the consultants' limit given, sent or accepted by someone who may
        approve it is approved by that person, and recorded as such."""
        if self.session.can(Permission.APPROVE_DISCOUNTS) and (
            self._uncovered(quote.input, quote.approved_discount, self.settings()) is not None
        ):
            quote.approved_by = self.session.staff.id
            quote.approved_at = utc_now_text()
            quote.approved_discount = quote.input.extra_discount

    def _latest_draft(self, quote_id: str) -> Quote:
        quote = self.get(quote_id)
        latest = self.repo.latest_version(quote.number)
        if quote.version != latest:
            raise NotLatestVersion(quote.number, latest)
        if quote.status is not QuoteStatus.DRAFT:
            raise QuoteClosed(quote.number, _status_label(quote.status))
        return quote

    def update(self, quote_id: str, q: QuoteInput, customer_id: str | None = None) -> Quote:
        """Change a draft in place (it has not been handed to the customer yet)."""
        self._require_edit()
        settings = self.settings()
        validate_input(q, settings)
        with self.db.write():
            quote = self._latest_draft(quote_id)
            if customer_id and customer_id != quote.customer_id:
                customer = self.customers.get(customer_id)
                if customer is None:
                    raise NotFound()
                quote.customer_id, quote.customer_name = customer_id, customer.name
                quote.phone = customer.mobile
            quote.input = q
            quote.total = compute(q, settings).total
            if quote.approved_discount is not None and q.extra_discount > quote.approved_discount:
                quote.approved_by = quote.approved_at = None
                quote.approved_discount = None
                quote.approval_note = ""
            self._self_approve(quote)
            self.repo.update(quote, self.session.staff.id)
        return self.get(quote_id)

    def approve_discount(
        self, quote_id: str, username: str = "", password: str = "", note: str = ""
    ) -> Quote:
        """Record a manager's approval of the quote's extra discount: the signed-in person if
        they may approve, otherwise the manager who types their name and password here."""
        approver = self.session.staff
        if not self.session.can(Permission.APPROVE_DISCOUNTS):
            found = self.staff.by_username(username.strip()) if username.strip() else None
            if found is None:
                _hasher.hash(password or "-")
                raise ApprovalRefused()
            member, stored = found
            try:
                _hasher.verify(stored, password)
            except (VerificationError, InvalidHashError):
                raise ApprovalRefused() from None
            if not member.active or not Session.for_staff(member, self.session.site).can(
                Permission.APPROVE_DISCOUNTS
            ):
                raise ApprovalRefused()
            approver = member
        with self.db.write():
            quote = self._latest_draft(quote_id)
            quote.approved_by = approver.id
            quote.approved_at = utc_now_text()
            quote.approved_discount = quote.input.extra_discount
            quote.approval_note = note.strip()
            self.repo.update(quote, self.session.staff.id)
        return self.get(quote_id)

    def _check_approval(self, quote: Quote) -> None:
        self._self_approve(quote)
        cap = self._uncovered(quote.input, quote.approved_discount, self.settings())
        if cap is not None:
            raise ApprovalNeeded(quote.input.extra_discount, cap)

    def mark_sent(self, quote_id: str) -> Quote:
        """The quote is in the customer's hands: from now on a change is a new version."""
        self._require_edit()
        with self.db.write():
            quote = self._latest_draft(quote_id)
            self._check_approval(quote)
            self._check_valid(quote)
            quote.status = QuoteStatus.SENT
            quote.sent_at = utc_now_text()
            self.repo.update(quote, self.session.staff.id)
        return self.get(quote_id)

    def _check_valid(self, quote: Quote) -> None:
        if effective_status(quote.status, quote.valid_until, self.today()) is QuoteStatus.EXPIRED:
            raise QuoteExpired(quote.number, quote.valid_until)

    def revise(self, quote_id: str) -> Quote:
        """A new draft version with the same content, dated today; the older version stays."""
        self._require_edit()
        settings = self.settings()
        day = self.today()
        with self.db.write():
            quote = self.get(quote_id)
            latest = self.repo.latest_version(quote.number)
            if quote.version != latest:
                raise NotLatestVersion(quote.number, latest)
            if quote.status is QuoteStatus.ACCEPTED:
                raise QuoteClosed(quote.number, _status_label(quote.status))
            if quote.status is QuoteStatus.DRAFT and quote.valid_until >= day:
                return quote  # a draft is edited in place
            q = self._refresh_prices(replace(quote.input, purchase_date=day))
            new = replace(
                quote,
                id=None,
                version=latest + 1,
                status=QuoteStatus.DRAFT,
                input=q,
                quoted_on=day,
                valid_until=day + dt.timedelta(days=settings.validity_days),
                total=compute(q, settings).total,
                sales_id=self.session.staff.id,
                sent_at=None,
                accepted_at=None,
                lost_reason="",
            )
            self.repo.insert(new, self.session.site.id, self.session.staff.id)
        return self.get(str(new.id))

    def _refresh_prices(self, q: QuoteInput) -> QuoteInput:
        """A revision quotes today's guide price and drops a promotion that has ended."""
        if q.model_id is None:
            return q
        model = self.prices.model(q.model_id)
        if model is not None:
            q = replace(q, guide_price=model.guide_price)
        if q.promotion_code:
            valid = {p.code: p for p in self.items(ItemKind.PROMOTION, q.model_id, q.purchase_date)}
            if q.promotion_code not in valid:
                q = replace(q, promotion_code="", promotion_name="", promotion=ZERO)
        return q

    def mark_lost(self, quote_id: str, reason: str) -> Quote:
        self._require_edit()
        if not reason.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Say why the customer did not buy (price, another brand, ...)."
                ),
                field="reason",
            )
        with self.db.write():
            quote = self.get(quote_id)
            if quote.status in (QuoteStatus.ACCEPTED, QuoteStatus.LOST):
                raise QuoteClosed(quote.number, _status_label(quote.status))
            quote.status = QuoteStatus.LOST
            quote.lost_reason = reason.strip()
            self.repo.update(quote, self.session.staff.id)
        return self.get(quote_id)

    def mark_accepted_in_tx(self, quote: Quote, plan_index: int | None) -> Quote:
        """The customer accepts (called by the contract service inside its transaction)."""
        latest = self.repo.latest_version(quote.number)
        if quote.version != latest:
            raise NotLatestVersion(quote.number, latest)
        if quote.status not in (QuoteStatus.DRAFT, QuoteStatus.SENT):
            raise QuoteClosed(quote.number, _status_label(quote.status))
        if plan_index is not None and not 0 <= plan_index < len(quote.input.plans):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "Choose one of the finance plans on the quote."),
                field="plan",
            )
        self._check_approval(quote)
        self._check_valid(quote)
        quote.input = replace(quote.input, chosen_plan=plan_index)
        quote.total = compute(quote.input, self.settings()).total
        quote.status = QuoteStatus.ACCEPTED
        quote.accepted_at = utc_now_text()
        if quote.sent_at is None:
            quote.sent_at = quote.accepted_at
        self.repo.update(quote, self.session.staff.id)
        return quote

    # -- reading -------------------------------------------------------------------------

    def get(self, quote_id: str) -> Quote:
        quote = self.repo.get(quote_id)
        if quote is None:
            raise NotFound()
        return quote

    def by_number(self, number: str, version: int | None = None) -> Quote | None:
        return self.repo.by_number(number.strip().upper(), version)

    def versions(self, number: str) -> list[Quote]:
        return self.repo.versions(number)

    def listing(
        self,
        text: str = "",
        statuses: set[QuoteStatus] | None = None,
        mine: bool = False,
        since: dt.date | None = None,
    ) -> list[Quote]:
        """Newest version of each quote; ``statuses`` filter on the status as it reads today
        (a sent quote past its date is expired)."""
        stored = None
        if statuses and QuoteStatus.EXPIRED in statuses:
            stored = statuses | {QuoteStatus.DRAFT, QuoteStatus.SENT}
        elif statuses:
            stored = set(statuses)
        quotes = self.repo.listing(
            text, stored, self.session.staff.id if mine else None, since=since
        )
        today = self.today()
        for quote in quotes:
            quote.status = effective_status(quote.status, quote.valid_until, today)
        if statuses:
            quotes = [q for q in quotes if q.status in statuses]
        return quotes

    def status_today(self, quote: Quote) -> QuoteStatus:
        return effective_status(quote.status, quote.valid_until, self.today())


def _status_label(status: QuoteStatus) -> str:
    from ..domain.quotes import QUOTE_STATUS_LABELS

    return QUOTE_STATUS_LABELS[status]
