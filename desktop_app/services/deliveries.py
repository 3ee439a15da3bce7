"""Delivering a vehicle: plan, PDI, documents, handover explanation, sign-off, follow-ups and
the manufacturer's export. Every change is journaled; after delivery every change is also a
history event, and the record reopens only with a manager's reason."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.customers import FuelType
from ..domain.deliveries import (
    DOCUMENTS,
    BlockerFinding,
    DeliveryStatus,
    Handover,
    ItemResult,
    PdiItem,
    PdiTemplate,
    delivery_blockers,
    documents_for,
    follow_ups,
    make_delivery_number,
    parse_template,
    pdi_status,
    set_result,
    topics_for,
)
from ..domain.errors import DomainError, ValidationError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.identifiers import mask_id_number
from ..domain.roles import Permission
from ..domain.staff import Session, StaffMember
from ..domain.vin import normalise_vin
from ..storage.db import Database
from ..storage.deliveries import Delivery, DeliveryEventView, DeliveryRepository
from ..storage.ids import uuid7
from ..storage.repositories import CustomerRepository, StaffRepository, VehicleRepository
from .errors import NotFound, PermissionDenied

__all__ = [
    "Delivery",
    "DeliveryBlocked",
    "DeliveryEventView",
    "DeliveryFile",
    "DeliveryService",
]

ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATE_DIR = ROOT / "resources" / "pdi"
DEFAULT_TEMPLATE = "PDI-STD"
MAX_PHOTO_BYTES = 8 * 1024 * 1024
IMAGE_MAGIC = {b"\xff\xd8\xff": ".jpg", b"\x89PNG\r\n\x1a\n": ".png"}
EXPORT_COLUMNS = (
    "customer_name",
    "phone",
    "address",
    "birthday",
    "id_number",
    "vin",
    "model",
    "delivery_date",
    "sales_consultant",
    "dealer_code",
    "record_number",
)


class DeliveryBlocked(DomainError):
    """Marking delivered was refused; ``findings`` is the exact list of what is missing."""

    def __init__(self, findings: list[BlockerFinding]) -> None:
        self.findings = findings
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages", "The car cannot be marked delivered yet: {count} things are missing."
            ),
            count=str(len(findings)),
        )


class DeliveryClosed(DomainError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "This car has been delivered: the record is closed. A manager can reopen it "
                "with a reason.",
            )
        )


def _bad_photo(reason: str) -> ValidationError:
    return ValidationError(reason, field="photo")


@dataclass(frozen=True)
class DeliveryFile:
    delivery: Delivery
    events: list[DeliveryEventView]
    blockers: list[BlockerFinding]
    tasks: list[tuple[str, str, str, str]]  # kind, opens, due, status
    topics: list[tuple[str, str, str]]


class DeliveryService:
    def __init__(
        self,
        db: Database,
        session: Session,
        photo_dir: Path | None = None,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        self.db = db
        self.session = session
        self.now = now
        self.repo = DeliveryRepository(db)
        self.customers = CustomerRepository(db)
        self.vehicles = VehicleRepository(db)
        if photo_dir is None:
            from ..paths import data_dir

            photo_dir = data_dir() / "photos"
        self.photo_dir = photo_dir

    def _callback_days(self) -> tuple[int, ...]:
        """The post-delivery callback days of the care settings (default 1, 3, 7, 30, 90)."""
        from ..domain.care import CareRules
        from ..storage.care import CareRepository

        data = CareRepository(self.db).rules_json(self.session.site.id)
        return (CareRules() if data is None else CareRules.from_json(data)).callback_days

    # -- templates -----------------------------------------------------------------------

    def ensure_templates(self) -> None:
        """Load the bundled template files the database does not have yet."""
        for path in sorted(TEMPLATE_DIR.glob("*.json")):
            template = parse_template(path.read_text(encoding="utf-8"))
            if self.repo.template(template.code, template.version) is None:
                with self.db.write():
                    self.repo.add_template(template, self.session.staff.id)

    def import_template(self, text: str) -> PdiTemplate:
        """A manager imports an edited template: a new version; an existing version must be
        identical (old records keep printing as they were)."""
        self._require(Permission.EDIT_SETTINGS)
        template = parse_template(text)
        existing = self.repo.template(template.code, template.version)
        if existing is not None:
            if existing != template:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Version {version} of {code} already exists with other items: "
                        "give the edited template the next version number.",
                    ),
                    field="template",
                    version=str(template.version),
                    code=template.code,
                )
            return existing
        with self.db.write():
            self.repo.add_template(template, self.session.staff.id)
        return template

    def export_template(self, code: str = DEFAULT_TEMPLATE, version: int | None = None) -> str:
        template = self.repo.template(code, version)
        if template is None:
            raise NotFound()
        return template.to_json()

    def templates(self) -> list[tuple[str, int, str]]:
        return self.repo.templates()

    def staff(self) -> list[StaffMember]:
        """Active staff, for the sales-consultant and delivery-specialist choices."""
        return StaffRepository(self.db).all_active()

    # -- reading -------------------------------------------------------------------------

    def calendar(self, first: dt.date, days: int = 7) -> list[Delivery]:
        start = dt.datetime.combine(first, dt.time())
        return self.repo.between(start, start + dt.timedelta(days=days))

    def open(self, delivery_id: str) -> DeliveryFile:
        d = self._get(delivery_id)
        return DeliveryFile(
            delivery=d,
            events=self.repo.events(delivery_id),
            blockers=self._blockers(d),
            tasks=self.repo.tasks_for(delivery_id),
            topics=topics_for(d.nev),
        )

    def by_number(self, number: str) -> str:
        found = self.repo.by_number(number.strip().upper())
        if found is None:
            raise NotFound()
        return found

    # -- planning ------------------------------------------------------------------------

    def plan(
        self,
        customer_id: str,
        vehicle_id: str,
        planned_at: dt.datetime,
        sales_id: str | None = None,
        specialist_id: str | None = None,
        remarks: str = "",
        template_code: str = DEFAULT_TEMPLATE,
    ) -> Delivery:
        self._require(Permission.DELIVER_VEHICLES)
        self.ensure_templates()
        template = self.repo.template(template_code)
        if template is None:
            raise NotFound()
        customer = self.customers.get(customer_id)
        vehicle = self.vehicles.get(vehicle_id)
        if customer is None or vehicle is None or vehicle.customer_id != customer_id:
            raise NotFound()
        full = [v for v in self.vehicles.for_customer(customer_id) if v.id == vehicle_id]
        nev = self._is_nev(vehicle.model_id)
        with self.db.write():
            day = planned_at.date()
            prefix = f"JC{day:%Y%m%d}-"
            d = Delivery(
                number=make_delivery_number(day, self.repo.next_number(prefix)),
                planned_at=planned_at,
                status=DeliveryStatus.PLANNED,
                template_code=template.code,
                template_version=template.version,
                nev=nev,
                customer_id=customer_id,
                vehicle_id=vehicle_id,
                sales_id=sales_id or self.session.staff.id,
                specialist_id=specialist_id,
                customer_name=customer.name,
                phone=customer.mobile,
                plate=vehicle.plate,
                vin=vehicle.vin,
                engine_no=vehicle.engine_no,
                model_name=full[0].model_name if full else "",
                remarks=remarks.strip(),
            )
            d.items = [
                PdiItem(i.code, i.section, i.text_zh, i.text_en) for i in template.for_vehicle(nev)
            ]
            d.documents = documents_for(nev)
            self.repo.insert(d, self.session.site.id, self._actor())
            self.repo.add_event(
                d.id or "", "planned", self._actor(), planned_at.strftime("%Y-%m-%d %H:%M")
            )
        return self._get(d.id or "")

    def record_call(self, delivery_id: str, note: str) -> None:
        """The day-before call: time, documents to bring, reminders."""
        self._require(Permission.DELIVER_VEHICLES)
        with self.db.write():
            self._get(delivery_id)
            self.repo.add_event(delivery_id, "call", self._actor(), note.strip())

    # -- PDI -----------------------------------------------------------------------------

    def set_item(self, delivery_id: str, code: str, result: ItemResult, note: str = "") -> Delivery:
        self._require(Permission.PDI_INSPECT)
        with self.db.write():
            d = self._editable(delivery_id)
            item = self._item(d, code)
            before = item.result
            set_result(item, result, note)
            if item.result != before or note:
                d.pdi_signed_by, d.pdi_signed_at = None, None  # the sign-off covers all items
            self.repo.update_item(delivery_id, item, self._actor())
            self._refresh_status(d)
            self._log_after_delivery(d, f"PDI {code}: {before.value} → {item.result.value}")
        return self._get(delivery_id)

    def all_pass(self, delivery_id: str, section: str, except_codes: set[str]) -> Delivery:
        """Quick pass for a section; the marked exceptions stay as they are."""
        self._require(Permission.PDI_INSPECT)
        with self.db.write():
            d = self._editable(delivery_id)
            for item in d.items:
                if (
                    item.section == section
                    and item.code not in except_codes
                    and item.result == ItemResult.OPEN
                ):
                    item.result = ItemResult.PASS
                    self.repo.update_item(delivery_id, item, self._actor())
            d.pdi_signed_by, d.pdi_signed_at = None, None
            self._refresh_status(d)
            self._log_after_delivery(d, f"PDI {section}: all pass")
        return self._get(delivery_id)

    def add_photo(self, delivery_id: str, code: str, source: Path) -> str:
        """Copy a photo into the photo store; refuse what is not a JPEG/PNG or too large."""
        self._require(Permission.PDI_INSPECT)
        try:
            size = source.stat().st_size
            with source.open("rb") as file:
                head = file.read(8)
        except OSError:
            raise _bad_photo(
                QT_TRANSLATE_NOOP("Messages", "The photo file cannot be read.")
            ) from None
        suffix = next((ext for magic, ext in IMAGE_MAGIC.items() if head.startswith(magic)), "")
        if not suffix:
            raise _bad_photo(
                QT_TRANSLATE_NOOP("Messages", "That file is not a photo (JPEG or PNG).")
            )
        if size > MAX_PHOTO_BYTES:
            raise _bad_photo(
                QT_TRANSLATE_NOOP(
                    "Messages", "The photo is larger than 8 MB: take it at a lower resolution."
                )
            )
        name = f"{delivery_id}-{code}-{uuid7()}{suffix}"
        target = self.photo_dir / name
        try:
            with self.db.write():
                d = self._editable(delivery_id)
                item = self._item(d, code)
                self.photo_dir.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                item.photos.append(name)
                self.repo.update_item(delivery_id, item, self._actor())
                self._log_after_delivery(d, f"PDI {code}: photo {name}")
        except BaseException:
            target.unlink(missing_ok=True)  # no orphan photo when the record was not saved
            raise
        return name

    def sign_pdi(self, delivery_id: str) -> Delivery:
        """The technician signs off: only when every item is pass or n/a."""
        self._require(Permission.PDI_INSPECT)
        with self.db.write():
            d = self._editable(delivery_id)
            open_or_failed = [i for i in d.items if i.result in (ItemResult.OPEN, ItemResult.FAIL)]
            if open_or_failed:
                raise DeliveryBlocked(
                    [f for f in self._blockers(d) if f.blocker.value in ("pdi_open", "pdi_failed")]
                )
            d.pdi_signed_by, d.pdi_signed_at = self._actor(), self._utc_now()
            self._refresh_status(d)
            self.repo.add_event(delivery_id, "pdi_signed", self._actor())
        return self._get(delivery_id)

    # -- documents and explanation -------------------------------------------------------

    def set_document(
        self, delivery_id: str, code: str, state: Handover, note: str = "", count: int | None = None
    ) -> Delivery:
        self._require(Permission.DELIVER_VEHICLES)
        with self.db.write():
            d = self._editable(delivery_id)
            doc = next((x for x in d.documents if x.code == code), None)
            if doc is None:
                raise NotFound()
            kind = next(k for k in DOCUMENTS if k.code == code)
            if state == Handover.HELD_BY_LENDER and not kind.lender_may_hold:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Only keys and the registration certificate can be held by the lender.",
                    ),
                    field="state",
                )
            if code == "keys" and count is not None and count < 0:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Messages", "The key count cannot be negative."),
                    field="count",
                )
            doc.state, doc.note = state, note.strip()
            if count is not None:
                doc.count = count
            self.repo.update_document(delivery_id, doc, self._actor())
            self._log_after_delivery(d, f"{code}: {state.value}")
        return self._get(delivery_id)

    def set_invoice(self, delivery_id: str, vin: str, engine_no: str) -> Delivery:
        """VIN and engine number as printed on the invoice, checked against the car."""
        self._require(Permission.DELIVER_VEHICLES)
        with self.db.write():
            d = self._editable(delivery_id)
            d.invoice_vin = normalise_vin(vin)
            d.invoice_engine = engine_no.strip().upper()
            self.repo.update(d, self._actor())
            self._log_after_delivery(d, f"invoice VIN {d.invoice_vin} / engine {d.invoice_engine}")
        return self._get(delivery_id)

    def start_explanation(self, delivery_id: str) -> Delivery:
        self._require(Permission.DELIVER_VEHICLES)
        with self.db.write():
            d = self._editable(delivery_id)
            d.explanation_started_at, d.explanation_ended_at = self._utc_now(), None
            self.repo.update(d, self._actor())
            self.repo.add_event(delivery_id, "explanation_started", self._actor())
        return self._get(delivery_id)

    def stop_explanation(self, delivery_id: str) -> Delivery:
        self._require(Permission.DELIVER_VEHICLES)
        with self.db.write():
            d = self._editable(delivery_id)
            if not d.explanation_started_at:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Messages", "Start the explanation timer first."),
                    field="explanation",
                )
            d.explanation_ended_at = self._utc_now()
            self.repo.update(d, self._actor())
            minutes = int((d.explanation or dt.timedelta()).total_seconds() // 60)
            self.repo.add_event(delivery_id, "explanation_stopped", self._actor(), f"{minutes} min")
        return self._get(delivery_id)

    def set_topics(self, delivery_id: str, done: list[str]) -> Delivery:
        self._require(Permission.DELIVER_VEHICLES)
        with self.db.write():
            d = self._editable(delivery_id)
            d.topics_done = sorted(set(done))
            self.repo.update(d, self._actor())
            self._log_after_delivery(d, "topics: " + ",".join(d.topics_done))
        return self._get(delivery_id)

    def accept_short_explanation(self, delivery_id: str, reason: str) -> Delivery:
        self._require(Permission.REOPEN_DELIVERY)
        if not reason.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Give the reason for accepting a shorter explanation."
                ),
                field="short_reason",
            )
        with self.db.write():
            d = self._editable(delivery_id)
            d.short_reason = reason.strip()
            self.repo.update(d, self._actor())
            self.repo.add_event(
                delivery_id, "short_explanation_accepted", self._actor(), d.short_reason
            )
        return self._get(delivery_id)

    # -- sign-off ------------------------------------------------------------------------

    def blockers(self, delivery_id: str) -> list[BlockerFinding]:
        return self._blockers(self._get(delivery_id))

    def deliver(self, delivery_id: str) -> Delivery:
        """Mark delivered; refused with the exact list of what is missing. Creates the
        follow-up tasks and puts the car into the next day's manufacturer export."""
        self._require(Permission.DELIVER_VEHICLES)
        with self.db.write():
            d = self._editable(delivery_id)
            findings = self._blockers(d)
            if findings:
                raise DeliveryBlocked(findings)
            now = self.now()
            d.status = DeliveryStatus.DELIVERED
            d.delivered_at, d.delivered_by = self._utc_now(), self._actor()
            self.repo.update(d, self._actor())
            self.repo.add_event(delivery_id, "delivered", self._actor())
            vehicle = self.vehicles.get(d.vehicle_id or "")
            if vehicle is not None and not self.repo.tasks_for(delivery_id):
                first_months, warranty_months = self._model_terms(vehicle.model_id)
                tasks = follow_ups(
                    now.date(),
                    first_months,
                    warranty_months,
                    vehicle.insurance_expiry,
                    self._callback_days(),
                )
                self.repo.add_tasks(
                    self.session.site.id,
                    d.customer_id,
                    d.vehicle_id,
                    delivery_id,
                    tasks,
                    d.sales_id,
                    self._actor(),
                )
                if vehicle.sale_date is None:
                    vehicle.sale_date = now.date()
                    self.vehicles.save(vehicle, self._actor())
        return self._get(delivery_id)

    def reopen(self, delivery_id: str, reason: str) -> Delivery:
        self._require(Permission.REOPEN_DELIVERY)
        if not reason.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "Reopening a delivered record needs a reason."),
                field="reason",
            )
        with self.db.write():
            d = self._get(delivery_id)
            if d.status != DeliveryStatus.DELIVERED:
                return d
            d.reopen_reason = reason.strip()
            d.status = DeliveryStatus.READY
            self.repo.update(d, self._actor())
            self.repo.add_event(delivery_id, "reopened", self._actor(), d.reopen_reason)
        return self._get(delivery_id)

    # -- manufacturer export -------------------------------------------------------------

    def export_rows(self, day: dt.date) -> list[dict[str, str]]:
        """Personal data for the manufacturer: only people who deliver cars or read reports."""
        if not (
            self.session.can(Permission.DELIVER_VEHICLES)
            or self.session.can(Permission.VIEW_REPORTS)
        ):
            raise PermissionDenied()
        site = self.session.site
        rows = []
        for d in self.repo.delivered_on(day):
            c = self.customers.get(d.customer_id or "")
            rows.append(
                {
                    "customer_name": d.customer_name,
                    "phone": d.phone,
                    "address": c.address if c else "",
                    "birthday": c.birthday.isoformat() if c and c.birthday else "",
                    "id_number": mask_id_number(c.id_number) if c else "",
                    "vin": d.vin,
                    "model": d.model_name,
                    "delivery_date": day.isoformat(),
                    "sales_consultant": d.sales_name,
                    "dealer_code": site.code,
                    "record_number": d.number,
                }
            )
        return rows

    def export(self, day: dt.date, folder: Path) -> tuple[Path, Path]:
        """Write the day's delivery file for the manufacturer as CSV (UTF-8 with BOM, so
        Excel shows Chinese) and JSON; record both for the sync to deliver."""
        rows = self.export_rows(day)
        stem = f"deliveries-{self.session.site.code}-{day:%Y%m%d}"
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
        csv_bytes = "\ufeff".encode() + buffer.getvalue().encode("utf-8")
        json_bytes = json.dumps(
            {
                "dealer": self.session.site.code,
                "date": day.isoformat(),
                "due": f"{day + dt.timedelta(days=1)}T09:30",
                "deliveries": rows,
            },
            ensure_ascii=False,
            indent=2,
        ).encode("utf-8")
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        with self.db.write():
            for suffix, data in ((".csv", csv_bytes), (".json", json_bytes)):
                path = folder / (stem + suffix)
                tmp = path.with_suffix(suffix + ".part")
                tmp.write_bytes(data)
                tmp.replace(path)
                self.repo.record_export(
                    self.session.site.id,
                    "deliveries",
                    day,
                    path.name,
                    hashlib.sha256(data).hexdigest(),
                    len(rows),
                    self._actor(),
                    content=data,
                )
                paths.append(path)
        return paths[0], paths[1]

    # -- internals -----------------------------------------------------------------------

    def _actor(self) -> str:
        return self.session.staff.id

    def _utc_now(self) -> str:
        """Timestamps from the service's clock (local ``now``), written as UTC text."""
        when = self.now().astimezone(dt.UTC)
        return when.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"

    def _require(self, permission: Permission) -> None:
        if not self.session.can(permission):
            raise PermissionDenied()

    def _get(self, delivery_id: str) -> Delivery:
        d = self.repo.get(delivery_id)
        if d is None:
            raise NotFound()
        return d

    def _editable(self, delivery_id: str) -> Delivery:
        d = self._get(delivery_id)
        if d.status == DeliveryStatus.DELIVERED:
            raise DeliveryClosed()
        return d

    def _item(self, d: Delivery, code: str) -> PdiItem:
        item = next((i for i in d.items if i.code == code), None)
        if item is None:
            raise NotFound()
        return item

    def _blockers(self, d: Delivery) -> list[BlockerFinding]:
        return delivery_blockers(
            d.items,
            d.pdi_signed_by is not None,
            d.documents,
            d.vin,
            d.engine_no,
            d.invoice_vin,
            d.invoice_engine,
            set(d.topics_done),
            [t[0] for t in topics_for(d.nev)],
            d.explanation,
            bool(d.short_reason),
        )

    def _refresh_status(self, d: Delivery) -> None:
        if d.status in (DeliveryStatus.DELIVERED, DeliveryStatus.CANCELLED):
            return
        d.status = pdi_status(d.items, d.pdi_signed_by is not None)
        self.repo.update(d, self._actor())

    def _log_after_delivery(self, d: Delivery, detail: str) -> None:
        if d.reopen_reason:
            self.repo.add_event(d.id or "", "changed_after_delivery", self._actor(), detail)

    def _is_nev(self, model_id: str | None) -> bool:
        row = self.db.raw.execute(
            "SELECT fuel_type FROM vehicle_model WHERE id = ?", (model_id or "",)
        ).fetchone()
        return bool(row) and FuelType(row[0]).is_nev

    def _model_terms(self, model_id: str | None) -> tuple[int, int]:
        row = self.db.raw.execute(
            "SELECT first_service_months, warranty_months FROM vehicle_model WHERE id = ?",
            (model_id or "",),
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else (3, 36)
