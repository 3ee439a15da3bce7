"""Vehicle delivery (交车): PDI checklists from versioned templates, documents and items handed
over, the handover explanation (≥ 30 minutes), what blocks delivery, and the follow-ups a
delivery creates (domain.md §2 and §5). Plain rules: no Qt, no storage, no I/O."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .errors import ValidationError
from .i18n import QT_TRANSLATE_NOOP


class DeliveryStatus(StrEnum):
    PLANNED = "planned"
    PDI_IN_PROGRESS = "pdi_in_progress"
    PDI_FAILED = "pdi_failed"
    READY = "ready"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


DELIVERY_STATUS_LABELS = {
    DeliveryStatus.PLANNED: QT_TRANSLATE_NOOP("Labels", "Planned"),
    DeliveryStatus.PDI_IN_PROGRESS: QT_TRANSLATE_NOOP("Labels", "PDI in progress"),
    DeliveryStatus.PDI_FAILED: QT_TRANSLATE_NOOP("Labels", "PDI failed"),
    DeliveryStatus.READY: QT_TRANSLATE_NOOP("Labels", "Ready to deliver"),
    DeliveryStatus.DELIVERED: QT_TRANSLATE_NOOP("Labels", "Delivered"),
    DeliveryStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}

DELIVERY_STATUS_COLOURS = {
    DeliveryStatus.PLANNED: ("#dbe7f5", "#1f3349"),
    DeliveryStatus.PDI_IN_PROGRESS: ("#ffe08a", "#4a3800"),
    DeliveryStatus.PDI_FAILED: ("#e57373", "#ffffff"),
    DeliveryStatus.READY: ("#5cb85c", "#ffffff"),
    DeliveryStatus.DELIVERED: ("#c8d3c8", "#2e3b2e"),
    DeliveryStatus.CANCELLED: ("#e6e6e6", "#777777"),
}


class ItemResult(StrEnum):
    OPEN = "open"  # not inspected yet
    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "na"


RESULT_LABELS = {
    ItemResult.OPEN: QT_TRANSLATE_NOOP("Labels", "Not checked"),
    ItemResult.PASS: QT_TRANSLATE_NOOP("Labels", "Pass"),
    ItemResult.FAIL: QT_TRANSLATE_NOOP("Labels", "Fail"),
    ItemResult.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Labels", "N/A"),
}


class Handover(StrEnum):
    """What happened to a document or item at delivery."""

    OPEN = "open"
    HANDED_OVER = "handed_over"
    HELD_BY_LENDER = "held_by_lender"
    NOT_APPLICABLE = "na"


HANDOVER_LABELS = {
    Handover.OPEN: QT_TRANSLATE_NOOP("Labels", "Not yet"),
    Handover.HANDED_OVER: QT_TRANSLATE_NOOP("Labels", "Given to customer"),
    Handover.HELD_BY_LENDER: QT_TRANSLATE_NOOP("Labels", "Held by lender"),
    Handover.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Labels", "N/A"),
}

# -- PDI templates ------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateItem:
    code: str
    section: str
    text_zh: str
    text_en: str
    nev_only: bool = False


@dataclass(frozen=True)
class PdiTemplate:
    """A versioned checklist; each delivery record keeps the template code and version it
    was inspected with, so old records print as they were."""

    code: str
    version: int
    name: str
    items: tuple[TemplateItem, ...]

    def for_vehicle(self, nev: bool) -> list[TemplateItem]:
        return [i for i in self.items if nev or not i.nev_only]

    def to_json(self) -> str:
        return json.dumps(
            {
                "code": self.code,
                "version": self.version,
                "name": self.name,
                "items": [
                    {
                        "code": i.code,
                        "section": i.section,
                        "zh": i.text_zh,
                        "en": i.text_en,
                        **({"nev_only": True} if i.nev_only else {}),
                    }
                    for i in self.items
                ],
            },
            ensure_ascii=False,
            indent=2,
        )


def _template_error(text: str, **params: Any) -> ValidationError:
    return ValidationError(text, field="template", **params)


def parse_template(text: str) -> PdiTemplate:
    """Read a template file (JSON); refuse missing or duplicated item codes with the code."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _template_error(
            QT_TRANSLATE_NOOP("Messages", "The template file is not valid JSON (line {line})."),
            line=str(error.lineno),
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise _template_error(
            QT_TRANSLATE_NOOP("Messages", "The template file has no list of items.")
        )
    code = str(data.get("code", "")).strip()
    version = data.get("version")
    if not code or not isinstance(version, int) or version < 1:
        raise _template_error(
            QT_TRANSLATE_NOOP(
                "Messages", "The template needs a code and a whole version number from 1."
            )
        )
    seen: set[str] = set()
    items = []
    for number, raw in enumerate(data["items"], start=1):
        item_code = str(raw.get("code", "")).strip() if isinstance(raw, dict) else ""
        if not item_code:
            raise _template_error(
                QT_TRANSLATE_NOOP("Messages", "Item {number} of the template has no code."),
                number=str(number),
            )
        if item_code in seen:
            raise _template_error(
                QT_TRANSLATE_NOOP(
                    "Messages", "The item code {code} appears twice in the template."
                ),
                code=item_code,
            )
        seen.add(item_code)
        zh, en = str(raw.get("zh", "")).strip(), str(raw.get("en", "")).strip()
        if not (zh or en):
            raise _template_error(
                QT_TRANSLATE_NOOP("Messages", "The template item {code} has no text."),
                code=item_code,
            )
        items.append(
            TemplateItem(
                item_code,
                str(raw.get("section", "")).strip() or "-",
                zh or en,
                en or zh,
                bool(raw.get("nev_only", False)),
            )
        )
    return PdiTemplate(code, version, str(data.get("name", code)), tuple(items))


@dataclass
class PdiItem:
    """One checklist line of a delivery record."""

    code: str
    section: str
    text_zh: str
    text_en: str
    result: ItemResult = ItemResult.OPEN
    note: str = ""
    photos: list[str] = field(default_factory=list)  # file names in the photo store
    reinspected: bool = False  # failed once, passed on re-inspection


def set_result(item: PdiItem, result: ItemResult, note: str = "") -> PdiItem:
    """A failed item can pass only by re-inspection, which is remembered."""
    if item.result == ItemResult.FAIL and result == ItemResult.PASS:
        item.reinspected = True
    item.result = result
    if note:
        item.note = note.strip()
    return item


# -- documents and items handed over ------------------------------------------------------


@dataclass(frozen=True)
class DocumentKind:
    code: str
    text_zh: str
    text_en: str
    required: bool = True
    nev_only: bool = False
    lender_may_hold: bool = False


DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind("invoice", "机动车销售统一发票", "Vehicle sales invoice"),
    DocumentKind("coc", "合格证（进口车：进口证明书+检验单）", "Certificate of conformity"),
    DocumentKind("consistency", "一致性证书", "Certificate of consistency"),
    DocumentKind("three_guarantees", "三包凭证（已盖章）", "Three-guarantees certificate"),
    DocumentKind("manual", "使用说明书", "Owner's manual"),
    DocumentKind("service_book", "保养手册", "Maintenance booklet"),
    DocumentKind("insurance", "保险单", "Insurance policy"),
    DocumentKind("purchase_tax", "购置税完税证明", "Purchase-tax receipt"),
    DocumentKind(
        "registration", "行驶证 / 车牌或临时牌照", "Registration / plates", required=False
    ),
    DocumentKind(
        "registration_cert",
        "机动车登记证书",
        "Registration certificate",
        required=False,
        lender_may_hold=True,
    ),
    DocumentKind("keys", "车钥匙", "Keys", lender_may_hold=True),
    DocumentKind("tool_kit", "随车工具", "Tool kit"),
    DocumentKind("charging_cable", "充电线", "Charging cable", nev_only=True),
    DocumentKind(
        "accessories",
        "合同约定的精品与赠品",
        "Accessories and gifts in the contract",
        required=False,
    ),
)


@dataclass
class DocumentLine:
    code: str
    text_zh: str
    text_en: str
    required: bool
    state: Handover = Handover.OPEN
    note: str = ""
    count: int | None = None  # keys: how many


def documents_for(nev: bool) -> list[DocumentLine]:
    return [
        DocumentLine(
            d.code, d.text_zh, d.text_en, d.required, count=2 if d.code == "keys" else None
        )
        for d in DOCUMENTS
        if nev or not d.nev_only
    ]


# -- the handover explanation --------------------------------------------------------------

MIN_EXPLANATION = dt.timedelta(minutes=30)

TOPICS: tuple[tuple[str, str, str], ...] = (
    (
        "controls",
        "功能与操作（仪表、中控、座椅、空调、灯光）",
        "Functions and controls (dashboard, infotainment, seats, climate, lights)",
    ),
    ("maintenance", "保养周期与首保时间", "Maintenance schedule and first-service timing"),
    (
        "emergency",
        "应急处理（故障灯、爆胎、道路救援）",
        "Emergency handling (warning lights, flat tyre, roadside assistance)",
    ),
    ("after_sales", "售后流程与联系人", "After-sales process and contacts"),
    ("charging", "充电方法与电池保养（新能源）", "Charging and battery care (NEV)"),
)


def topics_for(nev: bool) -> list[tuple[str, str, str]]:
    return [t for t in TOPICS if nev or t[0] != "charging"]


# -- what blocks delivery ------------------------------------------------------------------


class Blocker(StrEnum):
    PDI_OPEN = "pdi_open"
    PDI_FAILED = "pdi_failed"
    PDI_NOT_SIGNED = "pdi_not_signed"
    DOCUMENT_MISSING = "document_missing"
    NO_KEYS = "no_keys"
    VIN_MISMATCH = "vin_mismatch"
    ENGINE_MISMATCH = "engine_mismatch"
    TOPIC_MISSING = "topic_missing"
    EXPLANATION_SHORT = "explanation_short"
    NOT_STARTED = "not_started"


BLOCKER_MESSAGES = {
    Blocker.PDI_OPEN: QT_TRANSLATE_NOOP("Messages", "PDI item not checked yet: {item}"),
    Blocker.PDI_FAILED: QT_TRANSLATE_NOOP(
        "Messages", "PDI item failed, re-inspect it first: {item}"
    ),
    Blocker.PDI_NOT_SIGNED: QT_TRANSLATE_NOOP(
        "Messages", "The technician has not signed off the PDI."
    ),
    Blocker.DOCUMENT_MISSING: QT_TRANSLATE_NOOP("Messages", "Not handed over yet: {item}"),
    Blocker.NO_KEYS: QT_TRANSLATE_NOOP(
        "Messages", "The key count is zero: at least one key must be handed over."
    ),
    Blocker.VIN_MISMATCH: QT_TRANSLATE_NOOP(
        "Messages", "The VIN on the invoice ({invoice}) does not match the car ({car})."
    ),
    Blocker.ENGINE_MISMATCH: QT_TRANSLATE_NOOP(
        "Messages", "The engine number on the invoice ({invoice}) does not match the car ({car})."
    ),
    Blocker.TOPIC_MISSING: QT_TRANSLATE_NOOP(
        "Messages", "Handover explanation topic not covered: {item}"
    ),
    Blocker.EXPLANATION_SHORT: QT_TRANSLATE_NOOP(
        "Messages",
        "The handover explanation took {minutes} minutes; at least 30 are required (a "
        "manager may accept a shorter one with a reason).",
    ),
    Blocker.NOT_STARTED: QT_TRANSLATE_NOOP(
        "Messages", "The handover explanation has not been timed yet."
    ),
}


@dataclass(frozen=True)
class BlockerFinding:
    blocker: Blocker
    params: dict[str, str]


def delivery_blockers(
    items: Sequence[PdiItem],
    pdi_signed: bool,
    documents: Sequence[DocumentLine],
    car_vin: str,
    car_engine: str,
    invoice_vin: str,
    invoice_engine: str,
    topics_done: set[str],
    topics_needed: Sequence[str],
    explanation: dt.timedelta | None,
    short_explanation_accepted: bool = False,
) -> list[BlockerFinding]:
    """Everything still missing before the car may be marked delivered (exact list)."""
    out: list[BlockerFinding] = []
    for i in items:
        if i.result == ItemResult.OPEN:
            out.append(BlockerFinding(Blocker.PDI_OPEN, {"item": f"{i.code} {i.text_zh}"}))
        elif i.result == ItemResult.FAIL:
            out.append(BlockerFinding(Blocker.PDI_FAILED, {"item": f"{i.code} {i.text_zh}"}))
    if not pdi_signed:
        out.append(BlockerFinding(Blocker.PDI_NOT_SIGNED, {}))
    for d in documents:
        if d.state == Handover.OPEN and d.required:
            out.append(BlockerFinding(Blocker.DOCUMENT_MISSING, {"item": d.text_zh}))
        if d.code == "keys" and d.state == Handover.HANDED_OVER and not d.count:
            out.append(BlockerFinding(Blocker.NO_KEYS, {}))
    if invoice_vin and invoice_vin.strip().upper() != car_vin.upper():
        out.append(
            BlockerFinding(
                Blocker.VIN_MISMATCH, {"invoice": invoice_vin.strip().upper(), "car": car_vin}
            )
        )
    if invoice_engine and car_engine and invoice_engine.strip().upper() != car_engine.upper():
        out.append(
            BlockerFinding(
                Blocker.ENGINE_MISMATCH,
                {"invoice": invoice_engine.strip().upper(), "car": car_engine},
            )
        )
    for code in topics_needed:
        if code not in topics_done:
            label = next((t[1] for t in TOPICS if t[0] == code), code)
            out.append(BlockerFinding(Blocker.TOPIC_MISSING, {"item": label}))
    if explanation is None:
        out.append(BlockerFinding(Blocker.NOT_STARTED, {}))
    elif explanation < MIN_EXPLANATION and not short_explanation_accepted:
        out.append(
            BlockerFinding(
                Blocker.EXPLANATION_SHORT, {"minutes": str(int(explanation.total_seconds() // 60))}
            )
        )
    return out


def pdi_status(items: Sequence[PdiItem], signed: bool) -> DeliveryStatus:
    if any(i.result == ItemResult.FAIL for i in items):
        return DeliveryStatus.PDI_FAILED
    if items and all(i.result != ItemResult.OPEN for i in items) and signed:
        return DeliveryStatus.READY
    if any(i.result != ItemResult.OPEN for i in items):
        return DeliveryStatus.PDI_IN_PROGRESS
    return DeliveryStatus.PLANNED


# -- follow-ups created at delivery (domain.md §5) -----------------------------------------


class FollowUp(StrEnum):
    CALLBACK = "delivery_callback"
    FIRST_MAINTENANCE = "first_maintenance"
    WARRANTY_EXPIRY = "warranty_expiry"
    INSURANCE_RENEWAL = "insurance_renewal"
    ANNUAL_INSPECTION = "annual_inspection"


FOLLOW_UP_LABELS = {
    FollowUp.CALLBACK: QT_TRANSLATE_NOOP("Labels", "Post-delivery callback"),
    FollowUp.FIRST_MAINTENANCE: QT_TRANSLATE_NOOP("Labels", "First maintenance"),
    FollowUp.WARRANTY_EXPIRY: QT_TRANSLATE_NOOP("Labels", "Warranty expiry"),
    FollowUp.INSURANCE_RENEWAL: QT_TRANSLATE_NOOP("Labels", "Insurance renewal"),
    FollowUp.ANNUAL_INSPECTION: QT_TRANSLATE_NOOP("Labels", "Annual inspection"),
}

CALLBACK_DAYS = (1, 3, 7, 30, 90)


@dataclass(frozen=True)
class Task:
    kind: FollowUp
    due: dt.date  # the day it should be done
    opens: dt.date  # from when it shows in the worklist
    title: str


@functools.lru_cache(maxsize=65_536)  # the care generator asks it ~300,000 times a run
def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def follow_ups(
    delivered: dt.date,
    first_service_months: int,
    warranty_months: int,
    insurance_expiry: dt.date | None,
    callback_days: tuple[int, ...] = CALLBACK_DAYS,
) -> list[Task]:
    """The tasks a delivery creates: callbacks on day 1, 3, 7, 30 and 90; the first
    maintenance window (opens 2 months after delivery, due by the model's first-service
    months); the warranty-expiry reminder one month before; insurance renewal two months
    before expiry (default: a year after delivery); the first annual inspection 30 days
    before it is due (new private cars: 6 years, the first one counted from registration)."""
    tasks = [
        Task(
            FollowUp.CALLBACK,
            delivered + dt.timedelta(days=d),
            delivered + dt.timedelta(days=d),
            f"D+{d}",
        )
        for d in callback_days
    ]
    due_first = add_months(delivered, max(first_service_months, 1))
    opens_first = min(add_months(delivered, 2), due_first)
    tasks.append(Task(FollowUp.FIRST_MAINTENANCE, due_first, opens_first, ""))
    warranty_end = add_months(delivered, warranty_months)
    tasks.append(
        Task(
            FollowUp.WARRANTY_EXPIRY,
            add_months(warranty_end, -1),
            add_months(warranty_end, -1),
            warranty_end.isoformat(),
        )
    )
    expiry = insurance_expiry or add_months(delivered, 12)
    tasks.append(
        Task(FollowUp.INSURANCE_RENEWAL, expiry, add_months(expiry, -2), expiry.isoformat())
    )
    inspection = add_months(delivered, 72)
    tasks.append(
        Task(
            FollowUp.ANNUAL_INSPECTION,
            inspection,
            inspection - dt.timedelta(days=30),
            inspection.isoformat(),
        )
    )
    return tasks


def export_due(delivered: dt.date) -> dt.datetime:
    """The manufacturer's file for a delivery is due by 09:30 the next day."""
    return dt.datetime.combine(delivered + dt.timedelta(days=1), dt.time(9, 30))


def make_delivery_number(day: dt.date, number: int) -> str:
    return f"JC{day:%Y%m%d}-{number:03d}"
