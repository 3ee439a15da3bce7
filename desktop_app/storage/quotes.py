"""The price list, quotes with their versions, purchase contracts: rows ↔ domain objects."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import peewee as pw

from ..domain.contracts import (
    DEFAULT_CLAUSES,
    Clause,
    ContractStatus,
    ContractTerms,
    DeliveryMethod,
    PaymentMethod,
    clauses_from_json,
    clauses_to_json,
)
from ..domain.customers import FuelType, VehicleModel
from ..domain.price_list import ItemKind, PriceRow
from ..domain.quotes import (
    QuoteInput,
    QuoteStatus,
    SalesSettings,
    input_from_json,
    input_to_json,
)
from .db import Database, new_row, utc_now_text
from .models import ContractRow, PriceItemRow, QuoteRow, SiteSetting, Staff, VehicleModelRow

SALES_KEY = "sales"
CLAUSES_KEY = "contract_clauses"


def _fen(value: Decimal) -> int:
    return int((value * 100).quantize(Decimal(1)))


def _yuan(fen: int) -> Decimal:
    return (Decimal(int(fen)) / 100).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class CatalogItem:
    id: str
    kind: ItemKind
    code: str
    name_zh: str
    name_en: str
    price: Decimal
    model_id: str | None = None
    rate: Decimal = Decimal(0)
    band_max: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@dataclass
class Quote:
    number: str
    version: int
    status: QuoteStatus
    input: QuoteInput
    quoted_on: dt.date
    valid_until: dt.date
    total: Decimal
    id: str | None = None
    customer_id: str | None = None
    customer_name: str = ""
    phone: str = ""
    sales_id: str | None = None
    sales_name: str = ""
    approved_by: str | None = None
    approved_name: str = ""
    approved_at: str | None = None
    approval_note: str = ""
    sent_at: str | None = None
    accepted_at: str | None = None
    lost_reason: str = ""
    updated_at: str = ""
    approved_discount: Decimal | None = None  # the extra discount the approval covers


@dataclass
class Contract:
    number: str
    version: int
    status: ContractStatus
    terms: ContractTerms
    model_name: str
    total: Decimal
    content: dict[str, Any]
    id: str | None = None
    original_id: str | None = None
    quote_id: str | None = None
    quote_number: str = ""
    customer_id: str | None = None
    sales_id: str | None = None
    sales_name: str = ""
    content_hash: str = ""
    pdf_hash: str = ""
    signed_at: str | None = None
    signed_by: str | None = None
    signed_name: str = ""
    void_reason: str = ""
    voided_at: str | None = None
    voided_by: str | None = None
    voided_name: str = ""
    amendments: list[tuple[str, int, str]] = field(default_factory=list)  # id, version, status

    @property
    def deposit(self) -> Decimal:
        return self.terms.deposit


def terms_to_json(t: ContractTerms) -> dict[str, Any]:
    return {
        "buyer_name": t.buyer_name,
        "buyer_id_number": t.buyer_id_number,
        "buyer_phone": t.buyer_phone,
        "buyer_address": t.buyer_address,
        "colour": t.colour,
        "vin": t.vin,
        "engine_no": t.engine_no,
        "deposit": str(t.deposit),
        "payment": t.payment.value,
        "plan_index": t.plan_index,
        "delivery_date": t.delivery_date.isoformat(),
        "delivery_place": t.delivery_place,
        "delivery_method": t.delivery_method.value,
        "documents": list(t.documents),
        "remarks": t.remarks,
    }


def terms_from_json(d: dict[str, Any]) -> ContractTerms:
    return ContractTerms(
        buyer_name=d["buyer_name"],
        buyer_id_number=d.get("buyer_id_number", ""),
        buyer_phone=d.get("buyer_phone", ""),
        buyer_address=d.get("buyer_address", ""),
        colour=d.get("colour", ""),
        vin=d.get("vin", ""),
        engine_no=d.get("engine_no", ""),
        deposit=Decimal(str(d.get("deposit", "0"))),
        payment=PaymentMethod(d.get("payment", "full")),
        plan_index=d.get("plan_index"),
        delivery_date=dt.date.fromisoformat(d["delivery_date"]),
        delivery_place=d.get("delivery_place", ""),
        delivery_method=DeliveryMethod(d.get("delivery_method", "pickup")),
        documents=list(d.get("documents", [])),
        remarks=d.get("remarks", ""),
    )


class PriceListRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def items(self, kind: ItemKind | None = None, active_only: bool = True) -> list[CatalogItem]:
        query = PriceItemRow.select().where(PriceItemRow.deleted_at.is_null())
        if kind is not None:
            query = query.where(PriceItemRow.kind == kind.value)
        if active_only:
            query = query.where(PriceItemRow.active)
        return [_item(r) for r in query.order_by(PriceItemRow.kind, PriceItemRow.code)]

    def for_model(self, kind: ItemKind, model_id: str | None, day: dt.date) -> list[CatalogItem]:
        """Items of ``kind`` valid on ``day`` for this model (or for every model)."""
        return [
            i
            for i in self.items(kind)
            if (i.model_id is None or i.model_id == model_id) and i.valid_on(day)
        ]

    def model_codes(self) -> dict[str, str]:
        """Price-list code → vehicle_model id."""
        rows = PriceItemRow.select(PriceItemRow.code, PriceItemRow.model_id).where(
            (PriceItemRow.kind == ItemKind.MODEL.value) & PriceItemRow.deleted_at.is_null()
        )
        return {r.code: r.model_id for r in rows if r.model_id}

    def apply(self, rows: list[PriceRow], actor: str | None) -> tuple[int, int]:
        """Insert or update every row (matched on kind and code) in the caller's transaction;
        the caller has resolved ``model_code`` already. Returns (added, updated)."""
        existing = {
            (r.kind, r.code): r
            for r in PriceItemRow.select().where(PriceItemRow.deleted_at.is_null())
        }
        models = {
            r.id: r for r in VehicleModelRow.select().where(VehicleModelRow.deleted_at.is_null())
        }
        by_name = {(m.brand, m.series, m.trim): m.id for m in models.values()}
        added = updated = 0
        codes = self.model_codes()
        now = utc_now_text()
        inserts: list[dict[str, Any]] = []
        for row in rows:
            model_id: str | None = codes.get(row.model_code) if row.model_code else None
            if row.kind is ItemKind.MODEL:
                model_id = self._upsert_model(row, codes.get(row.code), actor, models, by_name)
                codes[row.code] = model_id
            values = {
                "name_zh": row.name_zh,
                "name_en": row.name_en,
                "price_fen": _fen(row.price),
                "model_id": model_id,
                "rate": str(row.rate),
                "band_max": row.band_max,
                "valid_from": row.valid_from,
                "valid_to": row.valid_to,
                "active": True,
            }
            old = existing.get((row.kind.value, row.code))
            if old is None:
                inserts.append(
                    {"kind": row.kind.value, "code": row.code, **values, **new_row(actor)}
                )
                added += 1
            else:
                changed = {k: v for k, v in values.items() if getattr(old, k) != v}
                if changed:
                    PriceItemRow.update(updated_at=now, updated_by=actor, **changed).where(
                        PriceItemRow.id == old.id
                    ).execute()
                    updated += 1
        for start in range(0, len(inserts), 500):
            PriceItemRow.insert_many(inserts[start : start + 500]).execute()
        return added, updated

    def _upsert_model(
        self,
        row: PriceRow,
        model_id: str | None,
        actor: str | None,
        models: dict[str, VehicleModelRow],
        by_name: dict[tuple[str, str, str], str],
    ) -> str:
        assert row.fuel_type is not None and row.seats is not None
        values = {
            "brand": row.brand,
            "series": row.series,
            "trim": row.trim,
            "model_year": row.model_year,
            "guide_price_fen": _fen(row.price),
            "fuel_type": row.fuel_type.value,
            "seats": row.seats,
            "engine_cc": row.engine_cc,
        }
        if model_id is None:  # a trim already in the catalogue gets linked, not duplicated
            model_id = by_name.get((row.brand, row.series, row.trim))
        old = models.get(model_id) if model_id is not None else None
        if model_id is not None and old is not None:
            changed = {k: v for k, v in values.items() if getattr(old, k) != v}
            if changed:
                VehicleModelRow.update(
                    updated_at=utc_now_text(), updated_by=actor, **changed
                ).where(VehicleModelRow.id == model_id).execute()
            return model_id
        stamp = new_row(actor)
        VehicleModelRow.insert(
            warranty_months=36,
            warranty_km=100_000,
            first_service_months=3,
            first_service_km=5_000,
            **values,
            **stamp,
        ).execute()
        new_id = str(stamp["id"])
        by_name[(row.brand, row.series, row.trim)] = new_id
        return new_id

    def model(self, model_id: str) -> VehicleModel | None:
        r = VehicleModelRow.get_or_none(VehicleModelRow.id == model_id)
        if r is None:
            return None
        return VehicleModel(
            id=r.id,
            brand=r.brand,
            series=r.series,
            trim=r.trim,
            model_year=r.model_year,
            guide_price=_yuan(r.guide_price_fen),
            fuel_type=FuelType(r.fuel_type),
            seats=r.seats,
            engine_cc=r.engine_cc,
            warranty_months=r.warranty_months,
            warranty_km=r.warranty_km,
            first_service_months=r.first_service_months,
            first_service_km=r.first_service_km,
        )


def _item(r: PriceItemRow) -> CatalogItem:
    return CatalogItem(
        id=r.id,
        kind=ItemKind(r.kind),
        code=r.code,
        name_zh=r.name_zh,
        name_en=r.name_en,
        price=_yuan(r.price_fen),
        model_id=r.model_id,
        rate=Decimal(r.rate or "0"),
        band_max=r.band_max,
        valid_from=r.valid_from,
        valid_to=r.valid_to,
    )


class SalesSettingsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _get(self, site_id: str, key: str) -> Any:
        row = SiteSetting.get_or_none(
            (SiteSetting.site_id == site_id)
            & (SiteSetting.key == key)
            & SiteSetting.deleted_at.is_null()
        )
        return None if row is None else json.loads(row.value)

    def _put(self, site_id: str, key: str, value: Any, actor: str | None) -> None:
        text = json.dumps(value, ensure_ascii=False)
        updated = (
            SiteSetting.update(value=text, updated_at=utc_now_text(), updated_by=actor)
            .where((SiteSetting.site_id == site_id) & (SiteSetting.key == key))
            .execute()
        )
        if not updated:
            SiteSetting.insert(site_id=site_id, key=key, value=text, **new_row(actor)).execute()

    def settings(self, site_id: str) -> SalesSettings:
        data = self._get(site_id, SALES_KEY)
        return SalesSettings() if data is None else SalesSettings.from_json(data)

    def save_settings(self, site_id: str, settings: SalesSettings, actor: str | None) -> None:
        self._put(site_id, SALES_KEY, settings.to_json(), actor)

    def clauses(self, site_id: str) -> tuple[Clause, ...]:
        data = self._get(site_id, CLAUSES_KEY)
        return DEFAULT_CLAUSES if data is None else clauses_from_json(data)

    def save_clauses(self, site_id: str, clauses: tuple[Clause, ...], actor: str | None) -> None:
        self._put(site_id, CLAUSES_KEY, clauses_to_json(clauses), actor)


def _names(ids: set[str | None]) -> dict[str, str]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return {r.id: r.full_name for r in Staff.select().where(Staff.id.in_(wanted))}


def next_serial(model: type[QuoteRow] | type[ContractRow], prefix: str) -> int:
    """The next serial for numbers starting ``prefix`` (kind, day and this PC's code)."""
    numbers = model.select(model.number).where(model.number.startswith(prefix)).distinct()
    serials = [int(str(r.number).rsplit("-", 1)[1]) for r in numbers]
    return max(serials, default=0) + 1


class QuoteRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, q: Quote, site_id: str, actor: str | None) -> str:
        stamp = new_row(actor)
        QuoteRow.insert(site_id=site_id, **self._values(q), **stamp).execute()
        q.id = str(stamp["id"])
        return q.id

    def update(self, q: Quote, actor: str | None) -> None:
        assert q.id is not None
        QuoteRow.update(updated_at=utc_now_text(), updated_by=actor, **self._values(q)).where(
            QuoteRow.id == q.id
        ).execute()

    def _values(self, q: Quote) -> dict[str, Any]:
        i = q.input
        return {
            "number": q.number,
            "version": q.version,
            "status": q.status.value,
            "customer_id": q.customer_id,
            "customer_name": q.customer_name,
            "phone": q.phone,
            "sales_id": q.sales_id,
            "model_id": i.model_id,
            "model_name": i.model_name,
            "vin": i.vin,
            "colour": i.colour,
            "nev": i.nev,
            "quoted_on": q.quoted_on,
            "valid_until": q.valid_until,
            "body": json.dumps(
                {
                    **input_to_json(i),
                    "approved_discount": None
                    if q.approved_discount is None
                    else str(q.approved_discount),
                },
                ensure_ascii=False,
            ),
            "total_fen": _fen(q.total),
            "extra_discount_fen": _fen(i.extra_discount),
            "approved_by": q.approved_by,
            "approved_at": q.approved_at,
            "approval_note": q.approval_note,
            "sent_at": q.sent_at,
            "accepted_at": q.accepted_at,
            "lost_reason": q.lost_reason,
        }

    def get(self, quote_id: str) -> Quote | None:
        row = QuoteRow.get_or_none((QuoteRow.id == quote_id) & QuoteRow.deleted_at.is_null())
        return None if row is None else self._quotes([row])[0]

    def by_number(self, number: str, version: int | None = None) -> Quote | None:
        query = QuoteRow.select().where((QuoteRow.number == number) & QuoteRow.deleted_at.is_null())
        if version is not None:
            query = query.where(QuoteRow.version == version)
        row = query.order_by(QuoteRow.version.desc()).first()
        return None if row is None else self._quotes([row])[0]

    def versions(self, number: str) -> list[Quote]:
        rows = list(
            QuoteRow.select()
            .where((QuoteRow.number == number) & QuoteRow.deleted_at.is_null())
            .order_by(QuoteRow.version)
        )
        return self._quotes(rows)

    def latest_version(self, number: str) -> int:
        value = (
            QuoteRow.select(pw.fn.MAX(QuoteRow.version)).where(QuoteRow.number == number).scalar()
        )
        return int(value or 0)

    def listing(
        self,
        text: str = "",
        statuses: set[QuoteStatus] | None = None,
        sales_id: str | None = None,
        since: dt.date | None = None,
        limit: int = 500,
    ) -> list[Quote]:
        """The latest version of each quote, newest first."""
        latest = (
            QuoteRow.select(QuoteRow.number, pw.fn.MAX(QuoteRow.version).alias("v"))
            .where(QuoteRow.deleted_at.is_null())
            .group_by(QuoteRow.number)
        )
        query = (
            QuoteRow.select()
            .join(
                latest, on=(QuoteRow.number == latest.c.number) & (QuoteRow.version == latest.c.v)
            )
            .where(QuoteRow.deleted_at.is_null())
        )
        if statuses:
            query = query.where(QuoteRow.status.in_([s.value for s in statuses]))
        if sales_id:
            query = query.where(QuoteRow.sales_id == sales_id)
        if since:
            query = query.where(QuoteRow.quoted_on >= since)
        if text.strip():
            like = f"%{text.strip()}%"
            query = query.where(
                QuoteRow.number.contains(text.strip())
                | QuoteRow.customer_name**like
                | QuoteRow.phone.contains(text.strip())
                | QuoteRow.model_name**like
            )
        rows = list(query.order_by(QuoteRow.quoted_on.desc(), QuoteRow.number.desc()).limit(limit))
        return self._quotes(rows)

    def for_customer(self, customer_id: str) -> list[Quote]:
        rows = list(
            QuoteRow.select()
            .where((QuoteRow.customer_id == customer_id) & QuoteRow.deleted_at.is_null())
            .order_by(QuoteRow.quoted_on.desc(), QuoteRow.version.desc())
        )
        return self._quotes(rows)

    def _quotes(self, rows: list[QuoteRow]) -> list[Quote]:
        names = _names({r.sales_id for r in rows} | {r.approved_by for r in rows})
        out = []
        for r in rows:
            body = json.loads(r.body)
            approved = body.get("approved_discount")
            out.append(self._quote(r, body, names, approved))
        return out

    @staticmethod
    def _quote(r: QuoteRow, body: dict[str, Any], names: dict[str, str], approved: Any) -> Quote:
        return Quote(
            id=r.id,
            number=r.number,
            version=r.version,
            status=QuoteStatus(r.status),
            input=input_from_json(body),
            quoted_on=r.quoted_on,
            valid_until=r.valid_until,
            total=_yuan(r.total_fen),
            customer_id=r.customer_id,
            customer_name=r.customer_name,
            phone=r.phone,
            sales_id=r.sales_id,
            sales_name=names.get(r.sales_id or "", ""),
            approved_by=r.approved_by,
            approved_name=names.get(r.approved_by or "", ""),
            approved_at=r.approved_at,
            approval_note=r.approval_note,
            sent_at=r.sent_at,
            accepted_at=r.accepted_at,
            lost_reason=r.lost_reason,
            updated_at=r.updated_at,
            approved_discount=None if approved is None else Decimal(str(approved)),
        )


class ContractRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def insert(self, c: Contract, site_id: str, actor: str | None) -> str:
        stamp = new_row(actor)
        ContractRow.insert(site_id=site_id, **self._values(c), **stamp).execute()
        c.id = str(stamp["id"])
        return c.id

    def update_draft(self, c: Contract, actor: str | None) -> None:
        assert c.id is not None
        ContractRow.update(updated_at=utc_now_text(), updated_by=actor, **self._values(c)).where(
            ContractRow.id == c.id
        ).execute()

    def _values(self, c: Contract) -> dict[str, Any]:
        t = c.terms
        return {
            "number": c.number,
            "version": c.version,
            "original_id": c.original_id,
            "quote_id": c.quote_id,
            "status": c.status.value,
            "customer_id": c.customer_id,
            "sales_id": c.sales_id,
            "buyer_name": t.buyer_name,
            "buyer_id_number": t.buyer_id_number,
            "buyer_phone": t.buyer_phone,
            "buyer_address": t.buyer_address,
            "model_name": c.model_name,
            "colour": t.colour,
            "vin": t.vin,
            "engine_no": t.engine_no,
            "total_fen": _fen(c.total),
            "deposit_fen": _fen(t.deposit),
            "delivery_date": t.delivery_date,
            "body": json.dumps(
                {"terms": terms_to_json(t), "content": c.content}, ensure_ascii=False
            ),
            "content_hash": c.content_hash,
            "pdf_hash": c.pdf_hash,
            "signed_at": c.signed_at,
            "signed_by": c.signed_by,
            "void_reason": c.void_reason,
            "voided_at": c.voided_at,
            "voided_by": c.voided_by,
        }

    def mark_signed(
        self,
        contract_id: str,
        content: dict[str, Any],
        content_hash: str,
        pdf_hash: str,
        signed_by: str,
        actor: str | None,
    ) -> None:
        row = ContractRow.get_by_id(contract_id)
        body = json.loads(row.body)
        body["content"] = content
        ContractRow.update(
            status=ContractStatus.SIGNED.value,
            body=json.dumps(body, ensure_ascii=False),
            content_hash=content_hash,
            pdf_hash=pdf_hash,
            signed_at=utc_now_text(),
            signed_by=signed_by,
            updated_at=utc_now_text(),
            updated_by=actor,
        ).where(ContractRow.id == contract_id).execute()

    def mark_void(self, contract_id: str, reason: str, actor: str | None) -> None:
        now = utc_now_text()
        ContractRow.update(
            status=ContractStatus.VOID.value,
            void_reason=reason,
            voided_at=now,
            voided_by=actor,
            updated_at=now,
            updated_by=actor,
        ).where(ContractRow.id == contract_id).execute()

    def delete_draft(self, contract_id: str, actor: str | None) -> None:
        now = utc_now_text()
        ContractRow.update(deleted_at=now, updated_at=now, updated_by=actor).where(
            ContractRow.id == contract_id
        ).execute()

    def get(self, contract_id: str) -> Contract | None:
        row = ContractRow.get_or_none(
            (ContractRow.id == contract_id) & ContractRow.deleted_at.is_null()
        )
        return None if row is None else self._contracts([row])[0]

    def by_number(self, number: str, version: int | None = None) -> Contract | None:
        query = ContractRow.select().where(
            (ContractRow.number == number) & ContractRow.deleted_at.is_null()
        )
        if version is not None:
            query = query.where(ContractRow.version == version)
        row = query.order_by(ContractRow.version.desc()).first()
        return None if row is None else self._contracts([row])[0]

    def versions(self, number: str) -> list[Contract]:
        rows = list(
            ContractRow.select()
            .where((ContractRow.number == number) & ContractRow.deleted_at.is_null())
            .order_by(ContractRow.version)
        )
        return self._contracts(rows)

    def for_quote_number(self, quote_number: str) -> list[Contract]:
        ids = [r.id for r in QuoteRow.select(QuoteRow.id).where(QuoteRow.number == quote_number)]
        if not ids:
            return []
        rows = list(
            ContractRow.select()
            .where(ContractRow.quote_id.in_(ids) & ContractRow.deleted_at.is_null())
            .order_by(ContractRow.version)
        )
        return self._contracts(rows)

    def listing(
        self,
        text: str = "",
        statuses: set[ContractStatus] | None = None,
        sales_id: str | None = None,
        limit: int = 500,
    ) -> list[Contract]:
        latest = (
            ContractRow.select(ContractRow.number, pw.fn.MAX(ContractRow.version).alias("v"))
            .where(ContractRow.deleted_at.is_null())
            .group_by(ContractRow.number)
        )
        query = (
            ContractRow.select()
            .join(
                latest,
                on=(ContractRow.number == latest.c.number) & (ContractRow.version == latest.c.v),
            )
            .where(ContractRow.deleted_at.is_null())
        )
        if statuses:
            query = query.where(ContractRow.status.in_([s.value for s in statuses]))
        if sales_id:
            query = query.where(ContractRow.sales_id == sales_id)
        if text.strip():
            like = f"%{text.strip()}%"
            query = query.where(
                ContractRow.number.contains(text.strip())
                | ContractRow.buyer_name**like
                | ContractRow.buyer_phone.contains(text.strip())
                | ContractRow.vin.contains(text.strip().upper())
                | ContractRow.model_name**like
            )
        rows = list(query.order_by(ContractRow.created_at.desc()).limit(limit))
        return self._contracts(rows)

    def _contracts(self, rows: list[ContractRow]) -> list[Contract]:
        names = _names(
            {r.sales_id for r in rows} | {r.signed_by for r in rows} | {r.voided_by for r in rows}
        )
        quote_numbers = {
            r.id: r.number
            for r in QuoteRow.select(QuoteRow.id, QuoteRow.number).where(
                QuoteRow.id.in_([r.quote_id for r in rows if r.quote_id])
            )
        }
        amendments: dict[str, list[tuple[str, int, str]]] = {}
        originals = [r.id for r in rows]
        if originals:
            for a in ContractRow.select(
                ContractRow.id, ContractRow.version, ContractRow.status, ContractRow.original_id
            ).where(ContractRow.original_id.in_(originals) & ContractRow.deleted_at.is_null()):
                amendments.setdefault(str(a.original_id), []).append((a.id, a.version, a.status))
        out = []
        for r in rows:
            body = json.loads(r.body)
            out.append(
                Contract(
                    id=r.id,
                    number=r.number,
                    version=r.version,
                    status=ContractStatus(r.status),
                    terms=terms_from_json(body["terms"]),
                    model_name=r.model_name,
                    total=_yuan(r.total_fen),
                    content=body.get("content", {}),
                    original_id=r.original_id,
                    quote_id=r.quote_id,
                    quote_number=quote_numbers.get(r.quote_id or "", ""),
                    customer_id=r.customer_id,
                    sales_id=r.sales_id,
                    sales_name=names.get(r.sales_id or "", ""),
                    content_hash=r.content_hash,
                    pdf_hash=r.pdf_hash,
                    signed_at=r.signed_at,
                    signed_by=r.signed_by,
                    signed_name=names.get(r.signed_by or "", ""),
                    void_reason=r.void_reason,
                    voided_at=r.voided_at,
                    voided_by=r.voided_by,
                    voided_name=names.get(r.voided_by or "", ""),
                    amendments=amendments.get(r.id, []),
                )
            )
        return out
