"""Quotes (报价单): the purchase-cost breakdown, finance plans, discount caps and quote status.

Money is ``Decimal``; every printed line is rounded half-up to the fen before it is added, so the
printed lines add up to the printed total exactly. The rules' numbers (caps, minimum down
payments, insurance and fees) come from :class:`SalesSettings`, which a manager can change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from .errors import DomainError, ValidationError
from .finance import MAX_ANNUAL_RATE, final_payment, monthly_payment, total_interest
from .i18n import QT_TRANSLATE_NOOP
from .pricing import purchase_tax
from .roles import Role

FEN = Decimal("0.01")
ZERO = Decimal("0.00")
MAX_PRICE = Decimal("20000000")  # a car above ¥20 m is a typing error
MAX_FEE = Decimal("200000")
TERMS = (12, 24, 36, 48, 60)
MAX_PLANS = 3


def fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def parse_money(text: str, field_name: str) -> Decimal:
    """A typed amount ("12,345.6", "¥ 9800") as Decimal yuan, or a ValidationError naming the
    field."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    cleaned = cleaned.replace(" ", "")
    if not cleaned:
        return ZERO
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "“{text}” is not an amount of money."),
            field=field_name,
            text=text.strip(),
        ) from None
    if not value.is_finite():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "“{text}” is not an amount of money."),
            field=field_name,
            text=text.strip(),
        )
    return value


def money_text(value: Decimal) -> str:
    """¥-less amount with thousands separators and two decimals: 123,456.70."""
    return f"{fen(value):,.2f}"


class QuoteStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    EXPIRED = "expired"
    LOST = "lost"


QUOTE_STATUS_LABELS: dict[QuoteStatus, str] = {
    QuoteStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    QuoteStatus.SENT: QT_TRANSLATE_NOOP("Labels", "Sent"),
    QuoteStatus.ACCEPTED: QT_TRANSLATE_NOOP("Labels", "Accepted"),
    QuoteStatus.EXPIRED: QT_TRANSLATE_NOOP("Labels", "Expired"),
    QuoteStatus.LOST: QT_TRANSLATE_NOOP("Labels", "Lost"),
}


@dataclass(frozen=True)
class SalesSettings:
    """The sales desk's numbers; every one of them a default the manager can change."""

    # the most a role may give on top of published promotions without a manager's approval;
    # a role missing here may give nothing extra; None = no cap
    discount_caps: dict[str, Decimal | None] = field(
        default_factory=lambda: {
            Role.SALES_CONSULTANT.value: Decimal(3000),
            Role.MANAGER.value: None,
        }
    )
    min_down_ice: Decimal = Decimal("0.20")
    min_down_nev: Decimal = Decimal("0.15")
    max_rate: Decimal = MAX_ANNUAL_RATE
    compulsory_small: Decimal = Decimal(950)  # 交强险, fewer than 6 seats
    compulsory_large: Decimal = Decimal(1100)  # 6 seats or more
    registration_fee: Decimal = Decimal(500)
    finance_fee: Decimal = Decimal(1500)
    validity_days: int = 7
    deposit: Decimal = Decimal(5000)
    max_deposit_share: Decimal = Decimal("0.20")  # 定金 above 20 % of the price is not a deposit
    delivery_days: int = 14

    def cap_for(self, roles: frozenset[Role] | set[Role]) -> Decimal | None:
        """The highest cap among the person's roles (None = unlimited)."""
        best: Decimal | None = ZERO
        for role in roles:
            if role.value not in self.discount_caps:
                continue
            cap = self.discount_caps[role.value]
            if cap is None:
                return None
            best = cap if best is None or cap > best else best
        return best

    def min_down_share(self, nev: bool) -> Decimal:
        return self.min_down_nev if nev else self.min_down_ice

    def compulsory_insurance(self, seats: int) -> Decimal:
        return self.compulsory_large if seats >= 6 else self.compulsory_small

    def to_json(self) -> dict[str, object]:
        return {
            "discount_caps": {
                k: (None if v is None else str(v)) for k, v in self.discount_caps.items()
            },
            "min_down_ice": str(self.min_down_ice),
            "min_down_nev": str(self.min_down_nev),
            "max_rate": str(self.max_rate),
            "compulsory_small": str(self.compulsory_small),
            "compulsory_large": str(self.compulsory_large),
            "registration_fee": str(self.registration_fee),
            "finance_fee": str(self.finance_fee),
            "validity_days": self.validity_days,
            "deposit": str(self.deposit),
            "max_deposit_share": str(self.max_deposit_share),
            "delivery_days": self.delivery_days,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SalesSettings:
        base = cls()
        kwargs: dict[str, object] = {}
        caps = data.get("discount_caps")
        if isinstance(caps, dict):
            kwargs["discount_caps"] = {
                str(k): (None if v is None else Decimal(str(v))) for k, v in caps.items()
            }
        for name in (
            "min_down_ice",
            "min_down_nev",
            "max_rate",
            "compulsory_small",
            "compulsory_large",
            "registration_fee",
            "finance_fee",
            "deposit",
            "max_deposit_share",
        ):
            if name in data:
                kwargs[name] = Decimal(str(data[name]))
        for name in ("validity_days", "delivery_days"):
            if name in data:
                kwargs[name] = int(str(data[name]))
        return replace(base, **kwargs)  # type: ignore[arg-type]


# -- inputs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Extra:
    """An itemised option (选装), accessory (精品) or insurance cover (商业险)."""

    code: str
    name_zh: str
    name_en: str
    price: Decimal


@dataclass(frozen=True)
class TradeIn:
    description: str = ""  # the customer's old car: model, plate
    value: Decimal = ZERO
    subsidy: Decimal = ZERO


@dataclass(frozen=True)
class FinancePlan:
    lender: str
    down_payment: Decimal
    months: int
    annual_rate: Decimal  # a fraction: 0.0399
    fee: Decimal = ZERO


@dataclass(frozen=True)
class QuoteInput:
    """What the consultant chose; prices are those of the price list on the day of the quote."""

    model_id: str | None
    model_name: str
    guide_price: Decimal
    nev: bool
    seats: int
    engine_cc: int | None
    purchase_date: dt.date
    colour: str = ""
    vin: str = ""
    promotion_code: str = ""
    promotion_name: str = ""
    promotion: Decimal = ZERO  # published promotion (优惠)
    extra_discount: Decimal = ZERO  # on top of the promotion: capped per role
    options: tuple[Extra, ...] = ()
    accessories: tuple[Extra, ...] = ()
    insurance: tuple[Extra, ...] = ()  # commercial covers
    compulsory: bool = True
    compulsory_premium: Decimal | None = None  # 交强险 on the day of the quote (None: settings)
    vessel_tax_annual: Decimal = ZERO  # the year's vehicle and vessel tax for this engine size
    registration_fee: Decimal = ZERO
    trade_in: TradeIn = TradeIn()
    plans: tuple[FinancePlan, ...] = ()
    chosen_plan: int | None = None  # index into plans once the customer has chosen


class LineKind(StrEnum):
    GUIDE = "guide"
    OPTION = "option"
    PROMOTION = "promotion"
    DISCOUNT = "discount"
    SELLING = "selling"  # subtotal: not added to the total
    ACCESSORY = "accessory"
    PURCHASE_TAX = "purchase_tax"
    COMPULSORY = "compulsory"
    INSURANCE = "insurance"
    VESSEL_TAX = "vessel_tax"
    REGISTRATION = "registration"
    FINANCE_FEE = "finance_fee"
    TRADE_IN = "trade_in"
    TRADE_SUBSIDY = "trade_subsidy"


LINE_LABELS: dict[LineKind, str] = {
    LineKind.GUIDE: QT_TRANSLATE_NOOP("Labels", "Manufacturer's guide price"),
    LineKind.OPTION: QT_TRANSLATE_NOOP("Labels", "Option"),
    LineKind.PROMOTION: QT_TRANSLATE_NOOP("Labels", "Promotion"),
    LineKind.DISCOUNT: QT_TRANSLATE_NOOP("Labels", "Additional discount"),
    LineKind.SELLING: QT_TRANSLATE_NOOP("Labels", "Selling price of the vehicle"),
    LineKind.ACCESSORY: QT_TRANSLATE_NOOP("Labels", "Accessory"),
    LineKind.PURCHASE_TAX: QT_TRANSLATE_NOOP("Labels", "Vehicle purchase tax"),
    LineKind.COMPULSORY: QT_TRANSLATE_NOOP("Labels", "Compulsory traffic insurance"),
    LineKind.INSURANCE: QT_TRANSLATE_NOOP("Labels", "Commercial insurance"),
    LineKind.VESSEL_TAX: QT_TRANSLATE_NOOP("Labels", "Vehicle and vessel tax"),
    LineKind.REGISTRATION: QT_TRANSLATE_NOOP("Labels", "Registration service fee"),
    LineKind.FINANCE_FEE: QT_TRANSLATE_NOOP("Labels", "Finance service fee"),
    LineKind.TRADE_IN: QT_TRANSLATE_NOOP("Labels", "Trade-in value of your car"),
    LineKind.TRADE_SUBSIDY: QT_TRANSLATE_NOOP("Labels", "Trade-in subsidy"),
}

# how each line is worked out, printed under it so the customer sees where it comes from
LINE_EXPLANATIONS: dict[LineKind, str] = {
    LineKind.GUIDE: QT_TRANSLATE_NOOP("Labels", "From the manufacturer's price list"),
    LineKind.OPTION: QT_TRANSLATE_NOOP("Labels", "Factory option, part of the vehicle price"),
    LineKind.PROMOTION: QT_TRANSLATE_NOOP("Labels", "Published promotion"),
    LineKind.DISCOUNT: QT_TRANSLATE_NOOP("Labels", "Dealer discount"),
    LineKind.SELLING: QT_TRANSLATE_NOOP(
        "Labels", "Guide price + options − discounts; the invoice price"
    ),
    LineKind.ACCESSORY: QT_TRANSLATE_NOOP("Labels", "Fitted by the dealer"),
    LineKind.PURCHASE_TAX: QT_TRANSLATE_NOOP("Labels", "Selling price ÷ 1.13 × 10 %"),
    LineKind.COMPULSORY: QT_TRANSLATE_NOOP("Labels", "Statutory premium, first year"),
    LineKind.INSURANCE: QT_TRANSLATE_NOOP("Labels", "Estimate, first year"),
    LineKind.VESSEL_TAX: QT_TRANSLATE_NOOP(
        "Labels", "By engine size, from the month of purchase to the end of the year"
    ),
    LineKind.REGISTRATION: QT_TRANSLATE_NOOP("Labels", "Number plates and registration"),
    LineKind.FINANCE_FEE: QT_TRANSLATE_NOOP("Labels", "Loan arrangement"),
    LineKind.TRADE_IN: QT_TRANSLATE_NOOP("Labels", "Valuation of your car"),
    LineKind.TRADE_SUBSIDY: QT_TRANSLATE_NOOP("Labels", "Manufacturer's trade-in subsidy"),
}


@dataclass(frozen=True)
class Line:
    kind: LineKind
    amount: Decimal  # rounded to the fen; discounts and trade-in negative
    name: str = ""  # the item's own name (options, accessories, covers)
    detail: str = ""  # figures behind the line: "¥200,000.00 ÷ 1.13 × 10 % − 50 % NEV relief"

    @property
    def counted(self) -> bool:
        return self.kind is not LineKind.SELLING


@dataclass(frozen=True)
class PlanFigures:
    plan: FinancePlan
    loan: Decimal
    monthly: Decimal
    interest: Decimal
    final: Decimal  # the last instalment, which settles the fen rounding of the others
    due_at_purchase: Decimal  # down payment + everything that is not the car + the fee
    total_cost: Decimal  # on-road price + interest + fee


@dataclass(frozen=True)
class Breakdown:
    lines: tuple[Line, ...]
    selling_price: Decimal
    total: Decimal  # the on-road price: the sum of the counted lines
    plans: tuple[PlanFigures, ...]

    def amount(self, kind: LineKind) -> Decimal:
        return sum((ln.amount for ln in self.lines if ln.kind is kind), ZERO)


def vessel_tax_for_year(annual: Decimal, purchase_date: dt.date, nev: bool) -> Decimal:
    """车船税 of the purchase year: the annual tax from the month of purchase; NEVs exempt."""
    if nev or annual <= 0:
        return ZERO
    return fen(annual * (13 - purchase_date.month) / 12)


def _check_price(value: Decimal, field_name: str, allow_zero: bool = True) -> None:
    if value < 0 or (not allow_zero and value == 0):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The amount must be more than zero."),
            field=field_name,
        )
    if value > MAX_PRICE:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages", "¥{amount} is not a plausible amount here (the limit is ¥{limit})."
            ),
            field=field_name,
            amount=money_text(value),
            limit=money_text(MAX_PRICE),
        )


def validate_input(q: QuoteInput, settings: SalesSettings) -> None:
    """Refuse what cannot be right, naming the field and the limit (not the discount cap: that
    depends on who quotes, see :func:`discount_needs_approval`)."""
    _check_price(q.guide_price, "guide_price", allow_zero=False)
    for name, value in (
        ("promotion", q.promotion),
        ("extra_discount", q.extra_discount),
        ("registration_fee", q.registration_fee),
        ("trade_in_value", q.trade_in.value),
        ("trade_in_subsidy", q.trade_in.subsidy),
        ("vessel_tax", q.vessel_tax_annual),
    ):
        _check_price(value, name)
    for group, items in (
        ("options", q.options),
        ("accessories", q.accessories),
        ("insurance", q.insurance),
    ):
        for item in items:
            _check_price(item.price, group)
    if q.registration_fee > MAX_FEE:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages", "¥{amount} is not a plausible amount here (the limit is ¥{limit})."
            ),
            field="registration_fee",
            amount=money_text(q.registration_fee),
            limit=money_text(MAX_FEE),
        )
    gross = fen(q.guide_price) + sum((fen(o.price) for o in q.options), ZERO)
    # as compute() adds it up: line by line, each rounded
    selling = gross - fen(q.promotion) - fen(q.extra_discount)
    if selling < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The discounts (¥{discount}) are more than the price of the car (¥{price}).",
            ),
            field="extra_discount",
            discount=money_text(q.promotion + q.extra_discount),
            price=money_text(gross),
        )
    if q.seats < 1 or q.seats > 60:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "A car has between 1 and 60 seats."), field="seats"
        )
    if len(q.plans) > MAX_PLANS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "A quote shows at most {count} finance plans."),
            field="plans",
            count=str(MAX_PLANS),
        )
    for index, plan in enumerate(q.plans):
        validate_plan(plan, selling, q.nev, settings, index)
    if q.chosen_plan is not None and not 0 <= q.chosen_plan < len(q.plans):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Choose one of the finance plans on the quote."),
            field="plans",
        )


def validate_plan(
    plan: FinancePlan, selling: Decimal, nev: bool, settings: SalesSettings, index: int = 0
) -> None:
    field_prefix = f"plan{index + 1}."
    number = str(index + 1)
    if plan.months not in TERMS:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Plan {plan}: a new-car loan runs 12, 24, 36, 48 or 60 months, not {months}.",
            ),
            field=field_prefix + "months",
            plan=number,
            months=str(plan.months),
        )
    if plan.annual_rate < 0 or plan.annual_rate > settings.max_rate:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages", "Plan {plan}: the interest rate must be between 0 % and {limit} %."
            ),
            field=field_prefix + "rate",
            plan=number,
            limit=f"{settings.max_rate * 100:.2f}",
        )
    minimum = fen(selling * settings.min_down_share(nev))
    if plan.down_payment < minimum:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Plan {plan}: the down payment must be at least ¥{minimum} ({share} % of the "
                "selling price).",
            ),
            field=field_prefix + "down_payment",
            plan=number,
            minimum=money_text(minimum),
            share=f"{settings.min_down_share(nev) * 100:.0f}",
        )
    if plan.down_payment > selling:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Plan {plan}: the down payment is more than the selling price (¥{price}).",
            ),
            field=field_prefix + "down_payment",
            plan=number,
            price=money_text(selling),
        )
    if plan.fee < 0 or plan.fee > MAX_FEE:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Plan {plan}: the fee must be between ¥0 and ¥{limit}."),
            field=field_prefix + "fee",
            plan=number,
            limit=money_text(MAX_FEE),
        )


def compute(q: QuoteInput, settings: SalesSettings) -> Breakdown:
    """The itemised breakdown. Pure and cheap: the quote builder calls it on every keystroke."""
    lines: list[Line] = [Line(LineKind.GUIDE, fen(q.guide_price), q.model_name)]
    for o in q.options:
        lines.append(Line(LineKind.OPTION, fen(o.price), o.name_zh or o.name_en, o.code))
    if q.promotion:
        lines.append(Line(LineKind.PROMOTION, -fen(q.promotion), q.promotion_name))
    if q.extra_discount:
        lines.append(Line(LineKind.DISCOUNT, -fen(q.extra_discount)))
    selling = sum((ln.amount for ln in lines), ZERO)
    lines.append(Line(LineKind.SELLING, selling))
    for a in q.accessories:
        lines.append(Line(LineKind.ACCESSORY, fen(a.price), a.name_zh or a.name_en, a.code))
    tax = purchase_tax(max(selling, ZERO), q.nev, q.purchase_date)
    full = fen(max(selling, ZERO) / Decimal("1.13") * Decimal("0.10"))
    detail = f"{money_text(selling)} ÷ 1.13 × 10 % = {money_text(full)}"
    if tax != full:
        detail += f" − NEV {money_text(full - tax)}"
    lines.append(Line(LineKind.PURCHASE_TAX, tax, "", detail))
    if q.compulsory:
        lines.append(
            Line(
                LineKind.COMPULSORY,
                fen(
                    q.compulsory_premium
                    if q.compulsory_premium is not None
                    else settings.compulsory_insurance(q.seats)
                ),
                "",
                f"{q.seats} seats",
            )
        )
    for c in q.insurance:
        lines.append(Line(LineKind.INSURANCE, fen(c.price), c.name_zh or c.name_en, c.code))
    vessel = vessel_tax_for_year(q.vessel_tax_annual, q.purchase_date, q.nev)
    if q.nev:
        lines.append(Line(LineKind.VESSEL_TAX, ZERO, "", "NEV exempt"))
    elif vessel:
        lines.append(
            Line(
                LineKind.VESSEL_TAX,
                vessel,
                "",
                f"{money_text(q.vessel_tax_annual)} × {13 - q.purchase_date.month}/12",
            )
        )
    if q.registration_fee:
        lines.append(Line(LineKind.REGISTRATION, fen(q.registration_fee)))
    if q.chosen_plan is not None and 0 <= q.chosen_plan < len(q.plans):
        chosen = q.plans[q.chosen_plan]
        if chosen.fee:
            lines.append(Line(LineKind.FINANCE_FEE, fen(chosen.fee), chosen.lender))
    if q.trade_in.value:
        lines.append(Line(LineKind.TRADE_IN, -fen(q.trade_in.value), q.trade_in.description))
    if q.trade_in.subsidy:
        lines.append(Line(LineKind.TRADE_SUBSIDY, -fen(q.trade_in.subsidy)))
    total = sum((ln.amount for ln in lines if ln.counted), ZERO)
    finance_fee_in_total = sum((ln.amount for ln in lines if ln.kind is LineKind.FINANCE_FEE), ZERO)
    cash_total = total - finance_fee_in_total
    plans = tuple(_plan_figures(p, selling, cash_total) for p in q.plans)
    return Breakdown(tuple(lines), selling, total, plans)


def _plan_figures(plan: FinancePlan, selling: Decimal, cash_total: Decimal) -> PlanFigures:
    down = fen(min(max(plan.down_payment, ZERO), max(selling, ZERO)))
    loan = max(selling, ZERO) - down
    months = plan.months if 1 <= plan.months <= 60 else 60
    rate = min(max(plan.annual_rate, ZERO), MAX_ANNUAL_RATE)
    monthly = monthly_payment(loan, rate, months)
    interest = total_interest(loan, rate, months)
    final = final_payment(loan, rate, months)
    fee_amount = fen(plan.fee)
    return PlanFigures(
        plan=plan,
        loan=loan,
        monthly=monthly,
        interest=interest,
        final=final,
        due_at_purchase=cash_total - loan + fee_amount,
        total_cost=cash_total + interest + fee_amount,
    )


# -- the discount cap -----------------------------------------------------------------------


class ApprovalNeeded(DomainError):
    """An extra discount above the person's cap; a manager approves it (recorded)."""

    def __init__(self, discount: Decimal, cap: Decimal) -> None:
        self.discount = discount
        self.cap = cap
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The additional discount of ¥{discount} is above your limit of ¥{cap}: a "
                "manager must approve it before the quote can be saved as sent or accepted.",
            ),
            field="extra_discount",
            discount=money_text(discount),
            cap=money_text(cap),
        )


def discount_needs_approval(
    extra_discount: Decimal, roles: frozenset[Role] | set[Role], settings: SalesSettings
) -> Decimal | None:
    """The cap that ``extra_discount`` breaks for these roles, or None when it is within it."""
    cap = settings.cap_for(roles)
    if cap is None or extra_discount <= cap:
        return None
    return cap


def approval_required(
    extra_discount: Decimal, approved: Decimal | None, settings: SalesSettings
) -> Decimal | None:
    """The consultants' limit that ``extra_discount`` breaks without an approval on record that
    covers it, or None. Applies whoever quotes: a manager's own large discount is recorded as
    approved by that manager."""
    cap = settings.cap_for(frozenset({Role.SALES_CONSULTANT}))
    if cap is None or extra_discount <= cap:
        return None
    if approved is not None and extra_discount <= approved:
        return None
    return cap


def effective_status(status: QuoteStatus, valid_until: dt.date, today: dt.date) -> QuoteStatus:
    """A draft or sent quote past its validity date reads as expired."""
    if status in (QuoteStatus.DRAFT, QuoteStatus.SENT) and today > valid_until:
        return QuoteStatus.EXPIRED
    return status


# -- numbers --------------------------------------------------------------------------------

_B32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: read aloud and typed back safely


# where a PC keeps its code (local settings): set once, or by the hub when it clashes
TERMINAL_KEY = "terminal_code"


def terminal_code(device_id: str) -> str:
    """Four characters that name this PC inside document numbers, from its device id."""
    tail = device_id.replace("-", "")[-10:]
    try:
        digits = int(tail, 16)  # a UUIDv7's random tail
    except ValueError:  # not a UUID (old test files): any stable spread will do
        digits = int(hashlib.sha256(device_id.encode("utf-8")).hexdigest()[:10], 16)
    out = []
    for _ in range(4):
        out.append(_B32[digits % 32])
        digits //= 32
    return "".join(out)


def make_number(prefix: str, day: dt.date, terminal: str, serial: int) -> str:
    """BJ20261122-K7QD-003: kind, day, the PC that issued it, the PC's serial of the day.
    Two PCs never issue the same number because their terminal codes differ."""
    return f"{prefix}{day:%Y%m%d}-{terminal}-{serial:03d}"


# -- the quote's stored form ----------------------------------------------------------------


def _extra_json(e: Extra) -> dict[str, str]:
    return {"code": e.code, "name_zh": e.name_zh, "name_en": e.name_en, "price": str(e.price)}


def _extra(d: dict[str, str]) -> Extra:
    return Extra(d["code"], d["name_zh"], d.get("name_en", ""), Decimal(d["price"]))


def input_to_json(q: QuoteInput) -> dict[str, object]:
    return {
        "model_id": q.model_id,
        "model_name": q.model_name,
        "guide_price": str(q.guide_price),
        "nev": q.nev,
        "seats": q.seats,
        "engine_cc": q.engine_cc,
        "purchase_date": q.purchase_date.isoformat(),
        "colour": q.colour,
        "vin": q.vin,
        "promotion_code": q.promotion_code,
        "promotion_name": q.promotion_name,
        "promotion": str(q.promotion),
        "extra_discount": str(q.extra_discount),
        "options": [_extra_json(e) for e in q.options],
        "accessories": [_extra_json(e) for e in q.accessories],
        "insurance": [_extra_json(e) for e in q.insurance],
        "compulsory": q.compulsory,
        "compulsory_premium": None if q.compulsory_premium is None else str(q.compulsory_premium),
        "vessel_tax_annual": str(q.vessel_tax_annual),
        "registration_fee": str(q.registration_fee),
        "trade_in": {
            "description": q.trade_in.description,
            "value": str(q.trade_in.value),
            "subsidy": str(q.trade_in.subsidy),
        },
        "plans": [
            {
                "lender": p.lender,
                "down_payment": str(p.down_payment),
                "months": p.months,
                "annual_rate": str(p.annual_rate),
                "fee": str(p.fee),
            }
            for p in q.plans
        ],
        "chosen_plan": q.chosen_plan,
    }


def input_from_json(d: dict[str, object]) -> QuoteInput:
    def dec(name: str) -> Decimal:
        return Decimal(str(d.get(name, "0")))

    def extras(name: str) -> tuple[Extra, ...]:
        items = d.get(name) or []
        assert isinstance(items, list)
        return tuple(_extra(e) for e in items)

    trade = d.get("trade_in") or {}
    assert isinstance(trade, dict)
    plans = d.get("plans") or []
    assert isinstance(plans, list)
    chosen = d.get("chosen_plan")
    engine = d.get("engine_cc")
    return QuoteInput(
        model_id=None if d.get("model_id") is None else str(d["model_id"]),
        model_name=str(d.get("model_name", "")),
        guide_price=dec("guide_price"),
        nev=bool(d.get("nev")),
        seats=int(str(d.get("seats", 5))),
        engine_cc=None if engine is None else int(str(engine)),
        purchase_date=dt.date.fromisoformat(str(d["purchase_date"])),
        colour=str(d.get("colour", "")),
        vin=str(d.get("vin", "")),
        promotion_code=str(d.get("promotion_code", "")),
        promotion_name=str(d.get("promotion_name", "")),
        promotion=dec("promotion"),
        extra_discount=dec("extra_discount"),
        options=extras("options"),
        accessories=extras("accessories"),
        insurance=extras("insurance"),
        compulsory=bool(d.get("compulsory", True)),
        compulsory_premium=None
        if d.get("compulsory_premium") is None
        else Decimal(str(d["compulsory_premium"])),
        vessel_tax_annual=dec("vessel_tax_annual"),
        registration_fee=dec("registration_fee"),
        trade_in=TradeIn(
            str(trade.get("description", "")),
            Decimal(str(trade.get("value", "0"))),
            Decimal(str(trade.get("subsidy", "0"))),
        ),
        plans=tuple(
            FinancePlan(
                lender=str(p["lender"]),
                down_payment=Decimal(str(p["down_payment"])),
                months=int(p["months"]),
                annual_rate=Decimal(str(p["annual_rate"])),
                fee=Decimal(str(p.get("fee", "0"))),
            )
            for p in plans
        ),
        chosen_plan=None if chosen is None else int(str(chosen)),
    )


def validate_settings(s: SalesSettings) -> None:
    """Refuse settings that would make every quote wrong, naming the field and the range."""

    def bad(field_name: str, low: str, high: str) -> ValidationError:
        return ValidationError(
            QT_TRANSLATE_NOOP("Messages", "This value must be between {low} and {high}."),
            field=field_name,
            low=low,
            high=high,
        )

    for role, cap in s.discount_caps.items():
        if cap is not None and not ZERO <= cap <= MAX_PRICE:
            raise bad(f"cap_{role}", "0", money_text(MAX_PRICE))
    for name, share in (
        ("min_down_ice", s.min_down_ice),
        ("min_down_nev", s.min_down_nev),
        ("max_deposit_share", s.max_deposit_share),
    ):
        if not ZERO <= share <= 1:
            raise bad(name, "0 %", "100 %")
    if not ZERO <= s.max_rate <= Decimal("0.36"):
        raise bad("max_rate", "0 %", "36 %")
    for name, amount in (
        ("compulsory_small", s.compulsory_small),
        ("compulsory_large", s.compulsory_large),
        ("registration_fee", s.registration_fee),
        ("finance_fee", s.finance_fee),
        ("deposit", s.deposit),
    ):
        if not ZERO <= amount <= MAX_FEE:
            raise bad(name, "0", money_text(MAX_FEE))
    if not 1 <= s.validity_days <= 90:
        raise bad("validity_days", "1", "90")
    if not 0 <= s.delivery_days <= 365:
        raise bad("delivery_days", "0", "365")
