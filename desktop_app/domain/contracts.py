"""Purchase contracts (购车合同): what one states, the clause templates, the signed-freeze rule.

A contract comes from an accepted quote. While it is a draft its terms can be edited; once
signed, its content and the hash of its PDF are fixed: a later change is an amendment (a new
version that references the original) or a void with a reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from enum import StrEnum
from string import Formatter
from typing import Any

from .errors import DomainError, ValidationError
from .i18n import QT_TRANSLATE_NOOP
from .identifiers import validate_id_number
from .quotes import ZERO, SalesSettings, fen, money_text


class ContractStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    VOID = "void"


CONTRACT_STATUS_LABELS: dict[ContractStatus, str] = {
    ContractStatus.DRAFT: QT_TRANSLATE_NOOP("Labels", "Draft"),
    ContractStatus.SIGNED: QT_TRANSLATE_NOOP("Labels", "Signed"),
    ContractStatus.VOID: QT_TRANSLATE_NOOP("Labels", "Void"),
}


class PaymentMethod(StrEnum):
    FULL = "full"
    FINANCE = "finance"


PAYMENT_LABELS: dict[PaymentMethod, str] = {
    PaymentMethod.FULL: QT_TRANSLATE_NOOP("Labels", "Full payment"),
    PaymentMethod.FINANCE: QT_TRANSLATE_NOOP("Labels", "Car loan"),
}


class DeliveryMethod(StrEnum):
    PICKUP = "pickup"
    DELIVERED = "delivered"


DELIVERY_METHOD_LABELS: dict[DeliveryMethod, str] = {
    DeliveryMethod.PICKUP: QT_TRANSLATE_NOOP("Labels", "Collected by the buyer at the dealership"),
    DeliveryMethod.DELIVERED: QT_TRANSLATE_NOOP("Labels", "Delivered to the buyer's address"),
}

# the documents a buyer receives with the car (the delivery checklist ticks them off)
CONTRACT_DOCUMENTS: tuple[tuple[str, str, str], ...] = (
    ("invoice", "机动车销售统一发票", "Unified motor-vehicle sales invoice"),
    ("certificate", "车辆合格证", "Certificate of conformity"),
    ("warranty", "三包凭证及保修手册", "Warranty (三包) certificate and warranty manual"),
    ("manual", "车辆使用说明书", "Owner's manual"),
    ("keys", "车钥匙两把", "Two keys"),
    ("insurance", "保险单", "Insurance policies"),
)


@dataclass(frozen=True)
class Clause:
    """A dealer-editable clause; ``{placeholders}`` are filled from the contract's data."""

    code: str
    title_zh: str
    title_en: str
    text_zh: str
    text_en: str


PLACEHOLDERS = (
    "delivery_date",
    "delivery_place",
    "deposit",
    "balance",
    "total",
    "warranty_months",
    "warranty_km",
    "dealer",
    "buyer",
    "days",
)

DEFAULT_CLAUSES: tuple[Clause, ...] = (
    Clause(
        "delivery",
        "交付",
        "Delivery",
        "出卖人应于{delivery_date}前在{delivery_place}向买受人交付车辆，并同时交付本合同所列随车"
        "文件。买受人付清全部价款后方可提车。",
        "The seller delivers the vehicle at {delivery_place} no later than {delivery_date}, "
        "together with the documents listed in this contract. The buyer takes the vehicle once "
        "the full price is paid.",
    ),
    Clause(
        "inspection",
        "检验与验收",
        "Inspection and acceptance",
        "买受人应在提车时对车辆外观、配置、随车文件进行检验，签署交车确认单即视为验收合格；"
        "隐蔽质量问题不受此限。",
        "The buyer inspects the vehicle's appearance, equipment and documents at delivery; "
        "signing the delivery record confirms acceptance, except for hidden defects.",
    ),
    Clause(
        "warranty",
        "质量与三包",
        "Quality and warranty",
        "车辆质量符合国家标准。出卖人按《家用汽车产品修理更换退货责任规定》提供三包服务：包修期"
        "{warranty_months}个月或{warranty_km}公里（以先到者为准），三包有效期24个月或50,000公里。",
        "The vehicle meets the national standards. The seller provides the statutory 三包 "
        "warranty: repairs for {warranty_months} months or {warranty_km} km, whichever comes "
        "first; replacement and return for 24 months or 50,000 km.",
    ),
    Clause(
        "deposit",
        "定金与违约",
        "Deposit and breach",
        "买受人支付定金{deposit}元。买受人无故解除合同的，定金不予退还；出卖人逾期{days}日仍不能"
        "交车的，买受人可解除合同，出卖人双倍返还定金。",
        "The buyer pays a deposit of ¥{deposit}. If the buyer cancels without cause the deposit "
        "is forfeited; if the seller has not delivered {days} days after the delivery date, the "
        "buyer may cancel and the seller returns twice the deposit.",
    ),
    Clause(
        "disputes",
        "争议解决",
        "Disputes",
        "因本合同发生的争议，双方协商解决；协商不成的，可向出卖人所在地人民法院起诉，或向消费者"
        "协会投诉。",
        "Disputes under this contract are settled by negotiation; failing that, either party "
        "may sue at the people's court where the seller is located or complain to the consumer "
        "association.",
    ),
    Clause(
        "copies",
        "其他",
        "Other terms",
        "本合同一式两份，双方各执一份，自双方签字（盖章）之日起生效。",
        "This contract is made in two copies, one for each party, and takes effect when both "
        "have signed (and sealed) it.",
    ),
)


def clauses_to_json(clauses: tuple[Clause, ...] | list[Clause]) -> list[dict[str, str]]:
    return [asdict(c) for c in clauses]


def clauses_from_json(data: list[dict[str, str]]) -> tuple[Clause, ...]:
    return tuple(
        Clause(d["code"], d["title_zh"], d["title_en"], d["text_zh"], d["text_en"]) for d in data
    )


def check_clause(clause: Clause) -> None:
    """A template may only use the known placeholders (a typo would print ``{delivery_dat}``)."""
    for text in (clause.text_zh, clause.text_en, clause.title_zh, clause.title_en):
        try:
            names = {name for _, name, _, _ in Formatter().parse(text) if name is not None}
        except ValueError:
            names = {"{"}
        unknown = sorted(n for n in names if n not in PLACEHOLDERS)
        if unknown:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Clause “{clause}” uses {{{name}}}, which is not a known value. Known "
                    "values: {known}.",
                ),
                field="clauses",
                clause=clause.title_zh or clause.code,
                name=unknown[0],
                known=", ".join("{" + p + "}" for p in PLACEHOLDERS),
            )


@dataclass
class ContractTerms:
    """The editable part of a draft contract (the prices come from the quote)."""

    buyer_name: str
    buyer_id_number: str
    buyer_phone: str
    buyer_address: str
    colour: str
    vin: str
    engine_no: str
    deposit: Decimal
    payment: PaymentMethod
    plan_index: int | None  # the quote's finance plan, when paid by loan
    delivery_date: dt.date
    delivery_place: str
    delivery_method: DeliveryMethod
    documents: list[str] = field(default_factory=lambda: [d[0] for d in CONTRACT_DOCUMENTS])
    remarks: str = ""


def validate_terms(
    terms: ContractTerms, total: Decimal, plans: int, settings: SalesSettings, today: dt.date
) -> None:
    if not terms.buyer_name.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The buyer's name is required."), field="buyer_name"
        )
    if terms.deposit < 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The amount must be more than zero."), field="deposit"
        )
    limit = fen(total * settings.max_deposit_share)
    if terms.deposit > limit:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "A deposit (定金) may be at most {share} % of the price: ¥{limit}. Take the rest "
                "as an advance payment.",
            ),
            field="deposit",
            share=f"{settings.max_deposit_share * 100:.0f}",
            limit=money_text(limit),
        )
    if terms.payment is PaymentMethod.FINANCE and (
        terms.plan_index is None or not 0 <= terms.plan_index < plans
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Paying by loan needs one of the quote's finance plans."),
            field="plan",
        )
    if terms.delivery_date < today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The delivery date {date} is in the past."),
            field="delivery_date",
            date=terms.delivery_date.isoformat(),
        )
    if not terms.delivery_place.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Say where the car is delivered."),
            field="delivery_place",
        )


class SigningBlocked(ValidationError):
    pass


def check_signable(terms: ContractTerms) -> None:
    """What a contract needs before the buyer signs: the buyer's valid ID number (the contract
    legally names the buyer) and the address."""
    try:
        ok = bool(terms.buyer_id_number) and bool(validate_id_number(terms.buyer_id_number))
    except ValidationError:
        ok = False
    if not ok:
        raise SigningBlocked(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The buyer's ID number is missing or not valid: the signed contract must name "
                "the buyer by ID number.",
            ),
            field="buyer_id_number",
        )
    if not terms.buyer_address.strip():
        raise SigningBlocked(
            QT_TRANSLATE_NOOP("Messages", "The buyer's address is required before signing."),
            field="buyer_address",
        )


class ContractFrozen(DomainError):
    def __init__(self, number: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Contract {number} is signed and cannot be changed. Make an amendment (a new "
                "version) or void it with a reason.",
            ),
            number=number,
        )


def fill_clause(text: str, values: dict[str, str]) -> str:
    return text.format(**{p: values.get(p, "") for p in PLACEHOLDERS})


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of the contract's content as canonical JSON (sorted keys, Decimals as text)."""

    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    text = json.dumps(content, sort_keys=True, ensure_ascii=False, default=default)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def balance(total: Decimal, deposit: Decimal) -> Decimal:
    return max(total - deposit, ZERO)
