"""Printing the delivery record (交车确认单) and writing the day's manufacturer export from the
command line.

``delivery_pdf`` builds the printing layer's plain data from the database, with every label
already in the document's language (labels come from the translation file through
``services.labels``, like the screens'). The PDI lines print as stored
on the record, so a record inspected with template version 1 still prints version 1's texts
after the template has changed. ``print_delivery`` is what the UI calls: it writes the PDF into
the print folder under a temporary name, renames it, and turns a disk problem into
``PrintFailed``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.deliveries import (
    DELIVERY_STATUS_LABELS,
    HANDOVER_LABELS,
    RESULT_LABELS,
    DeliveryStatus,
    topics_for,
)
from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.identifiers import format_plate
from ..domain.roles import Role
from ..domain.staff import Session
from ..printing.delivery import (
    DeliveryRecordData,
    HandoverLine,
    PdiLine,
    PdiSection,
    TopicLine,
    render_delivery_record,
)
from ..storage.db import Database
from ..storage.deliveries import Delivery, DeliveryRepository
from ..storage.repositories import SiteRepository, StaffRepository
from .errors import NotFound, PrintFailed
from .labels import label as translated_label
from .print_files import os_error_reason, write_document

# Chinese labels for documents rendered without Qt; keep in step with the zh_CN translation.

TEMPLATE_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "pdi"


class NoSuchDelivery(NotFound):
    """The command line was given a delivery record number that nothing has."""

    def __init__(self, number: str) -> None:
        DomainError.__init__(
            self,
            QT_TRANSLATE_NOOP(
                "Messages",
                "No delivery record has the number {number}: give a record number such as "
                "JC20261120-001.",
            ),
            number=number,
        )


def _section_titles() -> dict[str, tuple[str, str]]:
    """Section code → (zh, en) from the bundled template files ("外观 Exterior"); the stored
    templates keep only the codes. An unknown code prints as itself."""
    titles: dict[str, tuple[str, str]] = {}
    for path in sorted(TEMPLATE_DIR.glob("*.json")):
        try:
            sections = json.loads(path.read_text(encoding="utf-8")).get("sections", {})
        except (OSError, ValueError):
            continue
        for code, title in sections.items():
            zh, _, en = str(title).partition(" ")
            titles.setdefault(str(code), (zh, en or zh))
    return titles


def _local(utc_text: str | None) -> dt.datetime | None:
    """A stored UTC timestamp as local wall-clock time."""
    if not utc_text:
        return None
    moment = dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    return moment.astimezone().replace(tzinfo=None)


def _labeller(lang: str) -> Callable[[str], str]:
    """label(english) → the domain label in the document's language (from the .ts file)."""

    def label(english: str) -> str:
        return translated_label(english, lang)

    return label


def record_data(db: Database, delivery: Delivery, lang: str, by: str = "") -> DeliveryRecordData:
    """The printing layer's data for one delivery record."""
    label = _labeller(lang)
    zh = lang == "zh_CN"
    titles = _section_titles()
    sections: list[PdiSection] = []
    for item in delivery.items:
        if not sections or sections[-1].title != item.section:
            sections.append(PdiSection(item.section, []))
        lines = sections[-1].lines
        assert isinstance(lines, list)
        lines.append(
            PdiLine(
                code=item.code,
                text=item.text_zh if zh else item.text_en,
                result=item.result.value,
                result_label=label(RESULT_LABELS[item.result]),
                note=item.note,
                reinspected=item.reinspected,
            )
        )
    sections = [
        PdiSection(
            titles[s.title][0 if zh else 1] if s.title in titles else s.title,
            s.lines,
        )
        for s in sections
    ]
    site = SiteRepository(db).current()
    done = set(delivery.topics_done)
    return DeliveryRecordData(
        site_name=site.name if site else "",
        site_address=site.address if site else "",
        site_phone=site.phone if site else "",
        number=delivery.number,
        status_label=label(DELIVERY_STATUS_LABELS[delivery.status]),
        customer_name=delivery.customer_name,
        phone=delivery.phone,
        plate=format_plate(delivery.plate) if delivery.plate else "",
        vin=delivery.vin,
        engine_no=delivery.engine_no,
        model=delivery.model_name,
        sales_consultant=delivery.sales_name,
        delivery_specialist=delivery.specialist_name,
        planned_at=delivery.planned_at,
        delivered_at=_local(delivery.delivered_at)
        if delivery.status == DeliveryStatus.DELIVERED
        else None,
        remarks=delivery.remarks,
        template_code=delivery.template_code,
        template_version=delivery.template_version,
        sections=sections,
        technician=delivery.pdi_signed_name,
        pdi_signed_at=_local(delivery.pdi_signed_at),
        documents=[
            HandoverLine(
                text=doc.text_zh if zh else doc.text_en,
                state=doc.state.value,
                state_label=label(HANDOVER_LABELS[doc.state]),
                count=doc.count if doc.code == "keys" else None,
                note=doc.note,
            )
            for doc in delivery.documents
        ],
        topics=[
            TopicLine(text_zh if zh else text_en, code in done)
            for code, text_zh, text_en in topics_for(delivery.nev)
        ],
        explanation_start=_local(delivery.explanation_started_at),
        explanation_end=_local(delivery.explanation_ended_at),
        short_reason=delivery.short_reason,
        printed_by=by,
        printed_at=dt.datetime.now(),
    )


def delivery_pdf(db: Database, delivery_id: str, lang: str, by: str = "") -> bytes:
    """The delivery record of ``delivery_id`` as PDF bytes."""
    delivery = DeliveryRepository(db).get(delivery_id)
    if delivery is None:
        raise NotFound()
    return render_delivery_record(record_data(db, delivery, lang, by), lang)


def find_delivery(db: Database, number: str) -> str:
    """The id of the record numbered ``number`` (JC20261120-001, any case)."""
    found = DeliveryRepository(db).by_number(number.strip().upper())
    if found is None:
        raise NoSuchDelivery(number)
    return found


def print_by_number(db: Database, number: str, lang: str, by: str = "") -> bytes:
    """The command line's ``print delivery NUMBER``."""
    return delivery_pdf(db, find_delivery(db, number), lang, by)


def print_delivery(
    db: Database, session: Session, delivery_id: str, lang: str, folder: Path
) -> Path:
    """Render and write ``folder/delivery-<number>-<timestamp>.pdf``; returns the file.

    Written under a temporary name and renamed, so a failure never leaves half a file; an
    OSError (no folder and none can be made, no access, disk full) becomes PrintFailed.
    """
    delivery = DeliveryRepository(db).get(delivery_id)
    if delivery is None:
        raise NotFound()
    data = render_delivery_record(record_data(db, delivery, lang, session.staff.full_name), lang)
    return write_document(folder, f"delivery-{delivery.number}", data)


# -- the manufacturer's export from the command line ---------------------------------------


class NoExportStaff(DomainError):
    def __init__(self) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The database has no active manager or delivery specialist to record the "
                "export under.",
            )
        )


@dataclass(frozen=True)
class ExportResult:
    csv: Path
    json: Path
    rows: int


def export_session(db: Database) -> Session:
    """The first active manager, else the first active delivery specialist (as the
    screenshot command picks its user)."""
    from .auth import AuthService

    staff = StaffRepository(db).all_active()
    chosen = [s for s in staff if Role.MANAGER in s.roles] or [
        s for s in staff if Role.DELIVERY_SPECIALIST in s.roles
    ]
    if not chosen:
        raise NoExportStaff()
    return AuthService(db).session_for(chosen[0].username)


def export_deliveries(db: Database, day: dt.date, folder: Path) -> ExportResult:
    """``export deliveries``: the day's CSV and JSON for the manufacturer, recorded as export
    files. A disk problem becomes PrintFailed (nothing is recorded then)."""
    from .deliveries import DeliveryService

    service = DeliveryService(db, export_session(db))
    rows = len(service.export_rows(day))
    try:
        csv_path, json_path = service.export(day, folder)
    except OSError as error:
        raise PrintFailed(str(folder), os_error_reason(error)) from error
    return ExportResult(csv_path, json_path, rows)
