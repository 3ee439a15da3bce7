"""Delivery records with their checklist items, documents and history; PDI templates; care
tasks; export files: rows ↔ domain objects."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from ..domain.deliveries import (
    DeliveryStatus,
    DocumentLine,
    Handover,
    ItemResult,
    PdiItem,
    PdiTemplate,
    Task,
    parse_template,
)
from .db import Database, new_row, utc_now_text
from .models import (
    CareTaskRow,
    DeliveryDocumentRow,
    DeliveryEvent,
    DeliveryItemRow,
    DeliveryRow,
    ExportFileRow,
    PdiTemplateRow,
)
from .outbox import queue_for_hub
from .schema import SYNCED_TABLES


@dataclass
class Delivery:
    """A delivery record (交车确认单) and everything on it."""

    number: str
    planned_at: dt.datetime
    status: DeliveryStatus
    template_code: str
    template_version: int
    nev: bool
    id: str | None = None
    customer_id: str | None = None
    vehicle_id: str | None = None
    sales_id: str | None = None
    specialist_id: str | None = None
    pdi_signed_by: str | None = None
    pdi_signed_at: str | None = None
    invoice_vin: str = ""
    invoice_engine: str = ""
    explanation_started_at: str | None = None  # UTC timestamps
    explanation_ended_at: str | None = None
    topics_done: list[str] = field(default_factory=list)
    short_reason: str = ""
    delivered_at: str | None = None
    delivered_by: str | None = None
    reopen_reason: str = ""
    customer_name: str = ""
    phone: str = ""
    plate: str = ""
    vin: str = ""
    engine_no: str = ""
    model_name: str = ""
    remarks: str = ""
    items: list[PdiItem] = field(default_factory=list)
    documents: list[DocumentLine] = field(default_factory=list)
    sales_name: str = ""
    specialist_name: str = ""
    pdi_signed_name: str = ""

    @property
    def explanation(self) -> dt.timedelta | None:
        if not self.explanation_started_at or not self.explanation_ended_at:
            return None
        return _ts(self.explanation_ended_at) - _ts(self.explanation_started_at)


def _ts(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


@dataclass(frozen=True)
class DeliveryEventView:
    at: str
    kind: str
    detail: str
    actor_name: str


# the record's own columns, as the current schema declares them (site_id is set on insert)
_COLUMNS = tuple(c for c in SYNCED_TABLES["delivery"] if c != "site_id")
LOCAL_FMT = "%Y-%m-%d %H:%M"


class DeliveryRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- templates -----------------------------------------------------------------------

    def template(self, code: str, version: int | None = None) -> PdiTemplate | None:
        query = PdiTemplateRow.select().where(
            (PdiTemplateRow.code == code) & PdiTemplateRow.deleted_at.is_null()
        )
        if version is not None:
            query = query.where(PdiTemplateRow.version == version)
        row = query.order_by(PdiTemplateRow.version.desc()).first()
        return None if row is None else parse_template(row.body)

    def templates(self) -> list[tuple[str, int, str]]:
        rows = PdiTemplateRow.select().where(PdiTemplateRow.deleted_at.is_null())
        return [
            (r.code, r.version, r.name)
            for r in rows.order_by(PdiTemplateRow.code, PdiTemplateRow.version)
        ]

    def add_template(self, template: PdiTemplate, actor: str | None) -> None:
        PdiTemplateRow.insert(
            code=template.code,
            version=template.version,
            name=template.name,
            body=template.to_json(),
            **new_row(actor),
        ).execute()

    # -- deliveries ----------------------------------------------------------------------

    def next_number(self, prefix: str) -> int:
        row = self.db.raw.execute(
            "SELECT max(CAST(substr(number, 12) AS INTEGER)) FROM delivery WHERE number LIKE ?",
            (prefix + "%",),
        ).fetchone()
        return int(row[0] or 0) + 1

    def _values(self, d: Delivery) -> dict[str, object]:
        values = {c: getattr(d, c) for c in _COLUMNS}
        values["planned_at"] = d.planned_at.strftime(LOCAL_FMT)
        values["status"] = d.status.value
        values["topics_done"] = json.dumps(d.topics_done)
        return values

    def insert(self, d: Delivery, site_id: str, actor: str | None) -> str:
        stamp = new_row(actor)
        DeliveryRow.insert(site_id=site_id, **self._values(d), **stamp).execute()
        d.id = str(stamp["id"])
        for pos, item in enumerate(d.items):
            DeliveryItemRow.insert(
                delivery_id=d.id,
                position=pos,
                code=item.code,
                section=item.section,
                text_zh=item.text_zh,
                text_en=item.text_en,
                result=item.result.value,
                note=item.note,
                photos=json.dumps(item.photos),
                reinspected=item.reinspected,
                **new_row(actor),
            ).execute()
        for pos, doc in enumerate(d.documents):
            DeliveryDocumentRow.insert(
                delivery_id=d.id,
                position=pos,
                code=doc.code,
                text_zh=doc.text_zh,
                text_en=doc.text_en,
                required=doc.required,
                state=doc.state.value,
                note=doc.note,
                count=doc.count,
                **new_row(actor),
            ).execute()
        return d.id

    def update(self, d: Delivery, actor: str | None) -> None:
        DeliveryRow.update(**self._values(d), updated_at=utc_now_text(), updated_by=actor).where(
            DeliveryRow.id == d.id
        ).execute()

    def update_item(self, delivery_id: str, item: PdiItem, actor: str | None) -> None:
        DeliveryItemRow.update(
            result=item.result.value,
            note=item.note,
            photos=json.dumps(item.photos),
            reinspected=item.reinspected,
            updated_at=utc_now_text(),
            updated_by=actor,
        ).where(
            (DeliveryItemRow.delivery_id == delivery_id) & (DeliveryItemRow.code == item.code)
        ).execute()

    def update_document(self, delivery_id: str, doc: DocumentLine, actor: str | None) -> None:
        DeliveryDocumentRow.update(
            state=doc.state.value,
            note=doc.note,
            count=doc.count,
            updated_at=utc_now_text(),
            updated_by=actor,
        ).where(
            (DeliveryDocumentRow.delivery_id == delivery_id)
            & (DeliveryDocumentRow.code == doc.code)
        ).execute()

    def get(self, delivery_id: str) -> Delivery | None:
        rows = self._select("d.id = ?", (delivery_id,))
        if not rows:
            return None
        d = rows[0]
        d.items = [
            PdiItem(
                r.code,
                r.section,
                r.text_zh,
                r.text_en,
                ItemResult(r.result),
                r.note,
                list(json.loads(r.photos)),
                bool(r.reinspected),
            )
            for r in DeliveryItemRow.select()
            .where(
                (DeliveryItemRow.delivery_id == delivery_id) & DeliveryItemRow.deleted_at.is_null()
            )
            .order_by(DeliveryItemRow.position)
        ]
        d.documents = [
            DocumentLine(
                r.code, r.text_zh, r.text_en, bool(r.required), Handover(r.state), r.note, r.count
            )
            for r in DeliveryDocumentRow.select()
            .where(
                (DeliveryDocumentRow.delivery_id == delivery_id)
                & DeliveryDocumentRow.deleted_at.is_null()
            )
            .order_by(DeliveryDocumentRow.position)
        ]
        return d

    def by_number(self, number: str) -> str | None:
        row = self.db.raw.execute(
            "SELECT id FROM delivery WHERE number = ? AND deleted_at IS NULL", (number,)
        ).fetchone()
        return None if row is None else str(row[0])

    def between(self, start: dt.datetime, end: dt.datetime) -> list[Delivery]:
        """Delivery headers (no items) planned in ``[start, end)``."""
        return self._select(
            "d.planned_at >= ? AND d.planned_at < ?",
            (start.strftime(LOCAL_FMT), end.strftime(LOCAL_FMT)),
        )

    def delivered_on(self, day: dt.date) -> list[Delivery]:
        """Delivered that local day (delivered_at is UTC; compared in local time)."""
        rows = self._select("d.delivered_at IS NOT NULL AND d.status = 'delivered'", ())
        return [
            d for d in rows if d.delivered_at and _ts(d.delivered_at).astimezone().date() == day
        ]

    def _select(self, where: str, params: tuple[object, ...]) -> list[Delivery]:
        cols = ", ".join(f"d.{c}" for c in _COLUMNS)
        sql = (
            f"SELECT d.id, {cols}, COALESCE(s.full_name, ''), COALESCE(p.full_name, ''), "
            "COALESCE(t.full_name, '') FROM delivery d "
            "LEFT JOIN staff s ON s.id = d.sales_id LEFT JOIN staff p ON p.id = d.specialist_id "
            "LEFT JOIN staff t ON t.id = d.pdi_signed_by "
            f"WHERE {where} AND d.deleted_at IS NULL ORDER BY d.planned_at, d.number"
        )
        with self.db.reading():
            rows = self.db.raw.execute(sql, params).fetchall()
        out = []
        for r in rows:
            values = dict(zip(_COLUMNS, r[1 : 1 + len(_COLUMNS)], strict=True))
            values["planned_at"] = dt.datetime.strptime(str(values["planned_at"]), LOCAL_FMT)
            values["status"] = DeliveryStatus(str(values["status"]))
            values["topics_done"] = list(json.loads(str(values["topics_done"])))
            values["nev"] = bool(values["nev"])
            d = Delivery(id=str(r[0]), **values)
            d.sales_name, d.specialist_name, d.pdi_signed_name = r[-3], r[-2], r[-1]
            out.append(d)
        return out

    # -- history -------------------------------------------------------------------------

    def add_event(self, delivery_id: str, kind: str, actor: str | None, detail: str = "") -> None:
        DeliveryEvent.insert(
            delivery_id=delivery_id,
            kind=kind,
            detail=detail,
            at=utc_now_text(),
            actor=actor,
            **new_row(actor),
        ).execute()

    def events(self, delivery_id: str) -> list[DeliveryEventView]:
        rows = self.db.raw.execute(
            "SELECT e.at, e.kind, e.detail, COALESCE(s.full_name, '') FROM delivery_event e "
            "LEFT JOIN staff s ON s.id = e.actor WHERE e.delivery_id = ? "
            "AND e.deleted_at IS NULL ORDER BY e.at, e.rowid",
            (delivery_id,),
        ).fetchall()
        return [DeliveryEventView(*r) for r in rows]

    # -- care tasks and export files -----------------------------------------------------

    def add_tasks(
        self,
        site_id: str,
        customer_id: str | None,
        vehicle_id: str | None,
        source_id: str,
        tasks: list[Task],
        assigned_to: str | None,
        actor: str | None,
    ) -> None:
        for t in tasks:
            CareTaskRow.insert(
                site_id=site_id,
                kind=t.kind.value,
                customer_id=customer_id,
                vehicle_id=vehicle_id,
                source="delivery",
                source_id=source_id,
                due=t.due.isoformat(),
                opens=t.opens.isoformat(),
                title=t.title,
                status="open",
                assigned_to=assigned_to,
                **new_row(actor),
            ).execute()

    def tasks_for(self, delivery_id: str) -> list[tuple[str, str, str, str]]:
        rows = self.db.raw.execute(
            "SELECT kind, opens, due, status FROM care_task WHERE source = 'delivery' "
            "AND source_id = ? AND deleted_at IS NULL ORDER BY due, kind",
            (delivery_id,),
        ).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def record_export(
        self,
        site_id: str,
        kind: str,
        day: dt.date,
        file_name: str,
        sha256: str,
        rows: int,
        actor: str | None,
        content: bytes = b"",
    ) -> None:
        """Record an export file; its bytes wait in ``export_outbox`` until the hub has them
        (the same content twice is one file)."""
        queue_for_hub(self.db, kind, day.isoformat(), file_name, content)
        ExportFileRow.insert(
            site_id=site_id,
            kind=kind,
            day=day.isoformat(),
            file_name=file_name,
            sha256=sha256,
            rows=rows,
            **new_row(actor),
        ).execute()
