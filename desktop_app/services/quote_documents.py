"""Printing quotes (报价单) and purchase contracts (购车合同, and the contract set with the
insurance confirmation and the purchase-tax application), and the command line's ``list`` and
``print`` for them.

The printing layer gets plain data with every label already in the document's language (the
domain's labels come from the translation file through ``services.labels``, like the screens').

A quote prints its breakdown as :func:`domain.quotes.compute` works it out from the stored
input. A contract prints from its stored ``content`` only, never recomputed: once signed that
content is frozen, and the PDF is byte-for-byte the same every time it is rendered from it
(``ContractService.sign`` stores the hash of :func:`contract_pdf_for`). Printing a signed
contract returns the very file that was signed when this PC kept it and its hash matches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..domain.contracts import (
    DELIVERY_METHOD_LABELS,
    PAYMENT_LABELS,
    ContractStatus,
    DeliveryMethod,
    PaymentMethod,
)
from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.quotes import (
    LINE_EXPLANATIONS,
    LINE_LABELS,
    Breakdown,
    LineKind,
    compute,
    effective_status,
    fen,
    money_text,
)
from ..domain.staff import Session
from ..printing.contracts import (
    ClauseText,
    ContractData,
    contract_language,
    render_contract,
    render_contract_set,
)
from ..printing.quotes import PlanColumn, PriceLine, QuoteData, render_quote
from ..storage.db import Database
from ..storage.quotes import (
    Contract,
    ContractRepository,
    Quote,
    QuoteRepository,
    SalesSettingsRepository,
)
from ..storage.repositories import SiteRepository
from .errors import NotFound
from .labels import label as translated_label
from .print_files import write_document

KINDS = ("quote", "contract", "contract-set")

# the bits of Line.detail that compute() writes in English
SEATS = QT_TRANSLATE_NOOP("Labels", "{seats} seats")
NEV_EXEMPT = QT_TRANSLATE_NOOP("Labels", "NEV exempt")
NEV_RELIEF = QT_TRANSLATE_NOOP("Labels", "NEV relief")
_SEATS = re.compile(r"^(\d+) seats$")


class NoSuchQuote(NotFound):
    """The command line was given a quote number (or version) that nothing has."""

    def __init__(self, number: str, version: int | None = None) -> None:
        if version is None:
            DomainError.__init__(
                self,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "No quote has the number {number}: give a quote number such as "
                    "BJ20261120-EN49-001.",
                ),
                number=number,
            )
        else:
            DomainError.__init__(
                self,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Quote {number} has no version {version}: `list quotes` shows the versions "
                    "there are.",
                ),
                number=number,
                version=str(version),
            )


class NoSuchContract(NotFound):
    """The command line was given a contract number (or version) that nothing has."""

    def __init__(self, number: str, version: int | None = None) -> None:
        if version is None:
            DomainError.__init__(
                self,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "No contract has the number {number}: give a contract number such as "
                    "HT20261120-EN49-001.",
                ),
                number=number,
            )
        else:
            DomainError.__init__(
                self,
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Contract {number} has no version {version}: `list contracts` shows the "
                    "versions there are.",
                ),
                number=number,
                version=str(version),
            )


def _labeller(lang: str) -> Callable[[str], str]:
    def label(english: str) -> str:
        return translated_label(english, lang)

    return label


def _local(utc_text: str | None) -> dt.datetime | None:
    """A stored UTC timestamp as local wall-clock time."""
    if not utc_text:
        return None
    moment = dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    return moment.astimezone().replace(tzinfo=None)


def _detail(kind: LineKind, detail: str, label: Callable[[str], str]) -> str:
    """A line's figures in the document's language (compute() writes a few words in English)."""
    if kind is LineKind.COMPULSORY:
        seats = _SEATS.match(detail)
        if seats:
            return label(SEATS).format(seats=seats.group(1))
    if kind is LineKind.VESSEL_TAX and detail == "NEV exempt":
        return label(NEV_EXEMPT)
    if kind is LineKind.PURCHASE_TAX and " − NEV " in detail:
        return detail.replace(" − NEV ", f" − {label(NEV_RELIEF)} ")
    return detail


def qr_value(number: str, version: int, total: Decimal) -> str:
    """What the quote's QR code says: ``BJ20261120-EN49-001 V2 254817.01``. The number comes
    first, so a scanner typing into the search box finds the quote; all capitals, digits and
    spaces, so the code uses QR's compact alphanumeric mode (a smaller, easier code)."""
    return f"{number.upper()} V{version} {fen(total)}"


def read_qr(text: str) -> tuple[str, int, Decimal] | None:
    """(number, version, total) from a scanned quote QR code, or None."""
    found = re.fullmatch(
        r"\s*([A-Z]{2}\d{8}-[A-Z0-9]{4}-\d{3}) [Vv](\d+) (-?\d+\.\d{2})\s*", text.upper()
    )
    if found is None:
        return None
    return found.group(1), int(found.group(2)), Decimal(found.group(3))


# -- quotes -----------------------------------------------------------------------------------


def _price_lines(
    lines: list[tuple[LineKind, Decimal, str, str]],
    label: Callable[[str], str],
    names_en: dict[str, str],
    en: bool,
) -> list[PriceLine]:
    out: list[PriceLine] = []
    itemised = (LineKind.OPTION, LineKind.ACCESSORY, LineKind.INSURANCE)
    for kind, amount, name, detail in lines:
        # the price list's English name on an English document (Line.name is the Chinese one)
        shown = (names_en.get(detail) or name) if en and kind in itemised else name
        out.append(
            PriceLine(
                label=label(LINE_LABELS[kind]),
                amount=amount,
                name=shown,
                explanation=label(LINE_EXPLANATIONS[kind]),
                detail=_detail(kind, detail, label),
                subtotal=kind is LineKind.SELLING,
            )
        )
    return out


def _tax_relief(breakdown: Breakdown) -> Decimal:
    selling = max(breakdown.selling_price, Decimal(0))
    full = fen(selling / Decimal("1.13") * Decimal("0.10"))
    return max(full - breakdown.amount(LineKind.PURCHASE_TAX), Decimal(0))


def quote_data(db: Database, quote: Quote, lang: str) -> QuoteData:
    """The printing layer's data for one version of a quote."""
    label = _labeller(lang)
    site = SiteRepository(db).current()
    settings = SalesSettingsRepository(db).settings(site.id) if site else None
    if settings is None:
        from ..domain.quotes import SalesSettings

        settings = SalesSettings()
    q = quote.input
    breakdown = compute(q, settings)
    names_en = {e.code: e.name_en for e in (*q.options, *q.accessories, *q.insurance)}
    lines = _price_lines(
        [(ln.kind, ln.amount, ln.name, ln.detail) for ln in breakdown.lines],
        label,
        names_en,
        lang == "en",
    )
    plans = [
        PlanColumn(
            lender=p.plan.lender,
            down_payment=fen(p.plan.down_payment),
            loan=p.loan,
            months=p.plan.months,
            annual_rate=p.plan.annual_rate,
            monthly=p.monthly,
            interest=p.interest,
            final=p.final,
            fee=fen(p.plan.fee),
            due_at_purchase=p.due_at_purchase,
            total_cost=p.total_cost,
            chosen=q.chosen_plan == index,
        )
        for index, p in enumerate(breakdown.plans)
    ]
    return QuoteData(
        site_name=site.name if site else "",
        site_address=site.address if site else "",
        site_phone=site.phone if site else "",
        licence_no=site.licence_no if site else "",
        number=quote.number,
        version=quote.version,
        quoted_on=quote.quoted_on,
        valid_until=quote.valid_until,
        customer_name=quote.customer_name,
        phone=quote.phone,  # the customer's own copy: the phone as stored
        model=q.model_name,
        colour=q.colour,
        vin=q.vin,
        consultant=quote.sales_name,
        lines=lines,
        total=breakdown.total,
        plans=plans,
        approved_by=quote.approved_name if quote.approved_by else "",
        approved_at=_local(quote.approved_at),
        approved_discount=quote.approved_discount
        if quote.approved_discount is not None
        else q.extra_discount,
        approval_note=quote.approval_note,
        tax_relief=_tax_relief(breakdown),
        qr_value=qr_value(quote.number, quote.version, breakdown.total),
    )


def quote_pdf_for(db: Database, quote: Quote, lang: str) -> bytes:
    """One version of a quote as PDF bytes."""
    return render_quote(quote_data(db, quote, lang), lang)


def find_quote(db: Database, number: str, version: int | None = None) -> Quote:
    """The quote numbered ``number`` (any case), its newest version unless ``version``."""
    wanted = number.strip().upper()
    repo = QuoteRepository(db)
    found = repo.by_number(wanted, version)
    if found is None:
        if version is not None and repo.by_number(wanted) is not None:
            raise NoSuchQuote(wanted, version)
        raise NoSuchQuote(number.strip())
    return found


# -- contracts --------------------------------------------------------------------------------


def _dec(value: Any) -> Decimal:
    return Decimal(str(value if value not in (None, "") else "0"))


def _mark(contract: Contract) -> str:
    """ "void" or "" . A draft prints clean: it is the paper the buyer signs, and marking it
    signed stores the hash of that same document (same content, same bytes)."""
    if contract.status is ContractStatus.VOID:
        return "void"
    return ""


def contract_data(db: Database, contract: Contract, lang: str) -> ContractData:
    """The printing layer's data for one contract, from its stored content only (plus, for a
    void contract, the void's reason, time and person)."""
    label = _labeller(lang)
    en = lang == "en"
    c = contract.content
    dealer = c.get("dealer") or {}
    buyer = c.get("buyer") or {}
    vehicle = c.get("vehicle") or {}
    delivery = c.get("delivery") or {}
    raw_lines = [
        (
            LineKind(str(ln["kind"])),
            _dec(ln.get("amount")),
            str(ln.get("name", "")),
            str(ln.get("detail", "")),
        )
        for ln in c.get("lines") or []
    ]
    lines = _price_lines(raw_lines, label, {}, en)
    plan_data = c.get("plan")
    plan = None
    if plan_data:
        plan = PlanColumn(
            lender=str(plan_data.get("lender", "")),
            down_payment=_dec(plan_data.get("down_payment")),
            loan=_dec(plan_data.get("loan")),
            months=int(str(plan_data.get("months", "0"))),
            annual_rate=_dec(plan_data.get("annual_rate")),
            monthly=_dec(plan_data.get("monthly")),
            interest=_dec(plan_data.get("interest")),
            fee=_dec(plan_data.get("fee")),
            final=_dec(plan_data["final"]) if plan_data.get("final") else None,
            chosen=True,
        )
    payment = PaymentMethod(str(c.get("payment", "full")))
    method = DeliveryMethod(str(delivery.get("method", "pickup")))
    covers = [
        (name or label_text, amount)
        for kind, amount, name, _ in raw_lines
        if kind in (LineKind.COMPULSORY, LineKind.INSURANCE)
        for label_text in [label(LINE_LABELS[kind])]
    ]
    amends = c.get("amends")
    quote_ref = c.get("quote")
    return ContractData(
        number=str(c.get("number", contract.number)),
        version=int(c.get("version", contract.version)),
        amends=None if not amends else (str(amends["number"]), int(amends["version"])),
        quote=None if not quote_ref else (str(quote_ref["number"]), int(quote_ref["version"])),
        dealer_name=str(dealer.get("name", "")),
        dealer_licence=str(dealer.get("licence_no", "")),
        dealer_address=str(dealer.get("address", "")),
        dealer_phone=str(dealer.get("phone", "")),
        buyer_name=str(buyer.get("name", "")),
        buyer_id_number=str(buyer.get("id_number", "")),  # in full: the contract needs it
        buyer_phone=str(buyer.get("phone", "")),
        buyer_address=str(buyer.get("address", "")),
        model_name=str(vehicle.get("model_name", contract.model_name)),
        brand=str(vehicle.get("brand", "")),
        series=str(vehicle.get("series", "")),
        trim=str(vehicle.get("trim", "")),
        nev=bool(vehicle.get("nev", False)),
        colour=str(vehicle.get("colour", "")),
        vin=str(vehicle.get("vin", "")),
        engine_no=str(vehicle.get("engine_no", "")),
        warranty_months=int(vehicle.get("warranty_months") or 0),
        warranty_km=int(vehicle.get("warranty_km") or 0),
        lines=lines,
        total=_dec(c.get("total")),
        deposit=_dec(c.get("deposit")),
        balance=_dec(c.get("balance")),
        payment_label=label(PAYMENT_LABELS[payment]),
        plan=plan,
        delivery_date=dt.date.fromisoformat(str(delivery.get("date"))),
        delivery_place=str(delivery.get("place", "")),
        delivery_method_label=label(DELIVERY_METHOD_LABELS[method]),
        documents=[str(d.get("en" if en else "zh", "")) for d in c.get("documents") or []],
        clauses=[
            ClauseText(
                str(k.get("title_en" if en else "title_zh", "")),
                str(k.get("text_en" if en else "text_zh", "")),
            )
            for k in c.get("clauses") or []
        ],
        remarks=str(c.get("remarks", "")),
        consultant=contract.sales_name,  # the insurance and tax papers only, not the contract
        mark=_mark(contract),
        void_reason=contract.void_reason if contract.status is ContractStatus.VOID else "",
        voided_at=_local(contract.voided_at) if contract.status is ContractStatus.VOID else None,
        voided_by=contract.voided_name if contract.status is ContractStatus.VOID else "",
        covers=covers,
        selling_price=sum(
            (amount for kind, amount, _, _ in raw_lines if kind is LineKind.SELLING), Decimal(0)
        ),
        purchase_tax=sum(
            (amount for kind, amount, _, _ in raw_lines if kind is LineKind.PURCHASE_TAX),
            Decimal(0),
        ),
    )


def contract_pdf_for(db: Database, contract: Contract, lang: str) -> bytes:
    """The contract as PDF bytes, from its content only: the same content always gives the
    same bytes (signing stores their hash)."""
    return render_contract(contract_data(db, contract, lang), lang)


def contract_set_pdf_for(db: Database, contract: Contract, lang: str) -> bytes:
    """The contract set: the contract, the insurance confirmation and the purchase-tax
    application in one PDF."""
    return render_contract_set(contract_data(db, contract, lang), lang)


def signed_dir_default() -> Path:
    """Where ``ContractService`` keeps signed PDFs unless told otherwise."""
    from ..paths import data_dir

    return data_dir() / "contracts"


def kept_signed_pdf(contract: Contract, folder: Path | None = None) -> bytes | None:
    """The bytes of the PDF that was signed, if this PC kept it and its hash still matches
    (as ``ContractService.signed_pdf``, without needing a session)."""
    if contract.status is ContractStatus.DRAFT or not contract.pdf_hash:
        return None
    folder = folder or signed_dir_default()
    pattern = f"{contract.number}-v{contract.version}-signed-*.pdf"
    try:
        candidates = sorted(folder.glob(pattern))
    except OSError:
        return None
    for path in candidates:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == contract.pdf_hash:
            return data
    return None


def contract_print(
    db: Database, contract: Contract, lang: str, folder: Path | None = None
) -> bytes:
    """What printing a contract gives: for a signed one, the very file that was signed when it
    is kept here in this language (else rendered again from the frozen content, which gives the
    same bytes); a void one prints with its VOID mark."""
    if contract.status is ContractStatus.SIGNED:
        kept = kept_signed_pdf(contract, folder)
        if kept is not None and contract_language(kept) in (lang, None):
            return kept
    return contract_pdf_for(db, contract, lang)


def find_contract(db: Database, number: str, version: int | None = None) -> Contract:
    """The contract numbered ``number`` (any case), its newest version unless ``version``."""
    wanted = number.strip().upper()
    repo = ContractRepository(db)
    found = repo.by_number(wanted, version)
    if found is None:
        if version is not None and repo.by_number(wanted) is not None:
            raise NoSuchContract(wanted, version)
        raise NoSuchContract(number.strip())
    return found


def print_by_number(
    db: Database,
    kind: str,
    number: str,
    lang: str,
    version: int | None = None,
    signed_dir: Path | None = None,
) -> bytes:
    """The command line's ``print quote|contract|contract-set NUMBER``."""
    if kind == "quote":
        return quote_pdf_for(db, find_quote(db, number, version), lang)
    contract = find_contract(db, number, version)
    if kind == "contract":
        return contract_print(db, contract, lang, signed_dir)
    if kind == "contract-set":
        return contract_set_pdf_for(db, contract, lang)
    raise ValueError(kind)


# -- for the UI: into the print folder ----------------------------------------------------


def print_quote(db: Database, session: Session, quote_id: str, lang: str, folder: Path) -> Path:
    """Render and write ``folder/quote-<number>-v<version>-<timestamp>.pdf``; returns the file.
    A disk problem becomes PrintFailed (the quote is untouched: printing again is safe)."""
    quote = QuoteRepository(db).get(quote_id)
    if quote is None:
        raise NotFound()
    data = quote_pdf_for(db, quote, lang)
    return write_document(folder, f"quote-{quote.number}-v{quote.version}", data)


def print_contract(
    db: Database,
    session: Session,
    contract_id: str,
    lang: str,
    folder: Path,
    with_set: bool = False,
    signed_dir: Path | None = None,
) -> Path:
    """Render and write ``folder/contract-<number>-v<version>-<timestamp>.pdf`` (``with_set``:
    ``contract-set-…``, with the insurance confirmation and the purchase-tax application);
    returns the file. A disk problem becomes PrintFailed."""
    contract = ContractRepository(db).get(contract_id)
    if contract is None:
        raise NotFound()
    if with_set:
        data = contract_set_pdf_for(db, contract, lang)
        stem = f"contract-set-{contract.number}-v{contract.version}"
    else:
        data = contract_print(db, contract, lang, signed_dir)
        stem = f"contract-{contract.number}-v{contract.version}"
    return write_document(folder, stem, data)


# -- the command line's list ----------------------------------------------------------------


def _fields(*values: object) -> str:
    return "\t".join(" ".join(str("" if v is None else v).split()) for v in values)


def quote_lines(db: Database, limit: int = 0, today: dt.date | None = None) -> Iterator[str]:
    """``list quotes``: number, version (v2), status as it reads today, customer, model, total;
    every version, by number."""
    sql = (
        "SELECT number, version, status, valid_until, customer_name, model_name, total_fen "
        "FROM quote WHERE deleted_at IS NULL ORDER BY number, version"
        + (f" LIMIT {int(limit)}" if limit > 0 else "")
    )
    from ..domain.quotes import QuoteStatus

    day = today or dt.date.today()
    with db.reading():
        rows = db.raw.execute(sql).fetchall()
    for number, version, status, valid_until, customer, model, total_fen in rows:
        shown = effective_status(QuoteStatus(status), dt.date.fromisoformat(str(valid_until)), day)
        total = money_text(Decimal(int(total_fen)) / 100)
        yield _fields(number, f"v{version}", shown.value, customer, model, total)


def contract_lines(db: Database, limit: int = 0) -> Iterator[str]:
    """``list contracts``: number, version, status, buyer, model, total; every version."""
    sql = (
        "SELECT number, version, status, buyer_name, model_name, total_fen "
        "FROM contract WHERE deleted_at IS NULL ORDER BY number, version"
        + (f" LIMIT {int(limit)}" if limit > 0 else "")
    )
    with db.reading():
        rows = db.raw.execute(sql).fetchall()
    for number, version, status, buyer, model, total_fen in rows:
        total = money_text(Decimal(int(total_fen)) / 100)
        yield _fields(number, f"v{version}", status, buyer, model, total)


# -- the command line's price-list import -------------------------------------------------


class NoImportStaff(DomainError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database has no active manager or administrator to record the price-list "
                "import under.",
            )
        )


def import_session(db: Database) -> Session:
    """The first active manager, else the first active staff member who may edit the
    settings (the price list is a setting)."""
    from ..domain.roles import Permission, Role
    from ..storage.repositories import StaffRepository
    from .auth import AuthService

    auth = AuthService(db)
    staff = StaffRepository(db).all_active()
    for member in [s for s in staff if Role.MANAGER in s.roles] + staff:
        session = auth.session_for(member.username)
        if session.can(Permission.EDIT_SETTINGS):
            return session
    raise NoImportStaff()
