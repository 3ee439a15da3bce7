"""Printing appointments: the day sheet (预约排班表), the register in duplicate (预约登记表) and
the check-in sheet (接车检查单), built from the database and rendered to PDF.

The printing layer gets plain data with every label already in the document's language; money
is rounded half-up to the fen here, per printed line, and totals are sums of printed lines.
No ID number reaches these documents. ``print_to_folder`` is what the UI calls: it writes the
PDF next to the others in the print folder and turns a disk problem into ``PrintFailed`` (the
appointment itself is untouched, so printing again is always safe).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ..domain.appointments import (
    CALL_OUTCOME_LABELS,
    DAMAGE_KINDS,
    INACTIVE,
    STATUS_LABELS,
    TRANSPORT_LABELS,
    WARNING_LIGHTS,
    Appointment,
    day_load,
)
from ..domain.errors import DomainError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.identifiers import format_plate
from ..domain.roles import Role
from ..domain.staff import Session
from ..printing.appointments import (
    CallLine,
    CheckinSheetData,
    DamageLine,
    DaySheetData,
    DaySheetRow,
    EstimateLine,
    PartLine,
    RegisterData,
    WarningLight,
    WorkLine,
    render_checkin_sheet,
    render_day_sheet,
    render_register,
)
from ..storage.appointments import AppointmentRepository, RepairOrder
from ..storage.db import Database
from ..storage.repositories import SiteRepository, StaffRepository, VehicleRepository
from .documents import ZH_LABELS
from .errors import NotFound
from .print_files import write_document

FEN = Decimal("0.01")
KINDS = ("day-sheet", "register", "checkin")
# A part number typed into the parts text: 6+ capitals/digits/hyphens with at least 3 digits
# (06L115562B, 5Q0-698-151); "机油 4L" or "60Ah" are not part numbers.
PART_NUMBER = re.compile(
    r"(?<![0-9A-Za-z-])(?=(?:[A-Z-]*\d){3})[0-9A-Z][0-9A-Z-]{5,}(?![0-9A-Za-z])"
)


class NoSuchAppointment(NotFound):
    """The command line was given a serial or repair-order number that nothing has."""

    def __init__(self, number: str) -> None:
        DomainError.__init__(
            self,
            QT_TRANSLATE_NOOP(
                "Messages",
                "No appointment has the number {number}: give a serial such as 2026-11-20-003 "
                "or a repair-order number such as RO20261120-001.",
            ),
            number=number,
        )


class NotCheckedIn(DomainError):
    def __init__(self, serial: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Appointment {serial} has not been checked in yet: check the car in first, "
                "then print its check-in sheet.",
            ),
            serial=serial,
        )


def _labeller(lang: str) -> Callable[[str], str]:
    def label(text: str) -> str:
        return ZH_LABELS.get(text, text) if lang == "zh_CN" else text

    return label


def _fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def _plate(plate: str) -> str:
    return format_plate(plate) if plate else ""


def _site(db: Database) -> tuple[str, str, str, str | None]:
    site = SiteRepository(db).current()
    if site is None:
        return "", "", "", None
    return site.name, site.address, site.phone, site.id


# -- finding the appointment --------------------------------------------------------------


def find_appointment(db: Database, number: str) -> Appointment:
    """By serial (2026-11-20-003) or by the repair order opened at check-in (RO20261120-001)."""
    wanted = number.strip()
    repo = AppointmentRepository(db)
    found = repo.by_serial(wanted) if wanted else None
    if found is None and wanted.upper().startswith("RO"):
        with db.reading():
            row = db.raw.execute(
                "SELECT appointment_id FROM repair_order WHERE number = ? AND deleted_at IS NULL "
                "AND appointment_id IS NOT NULL",
                (wanted.upper(),),
            ).fetchone()
        found = repo.get(str(row[0])) if row else None
    if found is None:
        raise NoSuchAppointment(number)
    return found


def _get(db: Database, appointment_id: str) -> Appointment:
    found = AppointmentRepository(db).get(appointment_id)
    if found is None:
        raise NotFound()
    return found


# -- 1. day sheet -------------------------------------------------------------------------


def day_sheet_data(db: Database, day: dt.date, lang: str, by: str = "") -> DaySheetData:
    label = _labeller(lang)
    repo = AppointmentRepository(db)
    site_name, _, _, site_id = _site(db)
    rules = repo.rules(site_id or "")
    start = dt.datetime.combine(day, dt.time())
    appointments = repo.between(start, start + dt.timedelta(days=1))
    absent = repo.absent_staff(day)
    technicians = sum(
        1
        for s in StaffRepository(db).all_active()
        if Role.TECHNICIAN in s.roles and s.id not in absent
    )
    load = day_load(rules, day, technicians, [a.booking() for a in appointments])
    rows = [
        DaySheetRow(
            serial=a.serial,
            start=a.start,
            end=a.end,
            plate=_plate(a.plate),
            customer_name=a.customer_name,
            phone=a.phone,
            model=a.model_name,
            work=[w.name for w in a.work],
            fault=a.fault,
            advisor=a.advisor_name,
            technician=a.technician_name,
            bay=a.bay_name,
            transport=label(TRANSPORT_LABELS[a.transport]),
            status=label(STATUS_LABELS[a.status]),
            remarks=a.remarks,
            active=a.status not in INACTIVE,
        )
        for a in appointments
    ]
    return DaySheetData(
        site_name=site_name,
        day=day,
        booked_hours=load.booked,
        capacity_hours=load.capacity,
        technicians=technicians,
        rows=rows,
        printed_by=by,
        printed_at=dt.datetime.now(),
    )


def day_sheet_pdf(db: Database, day: dt.date, lang: str, by: str = "") -> bytes:
    return render_day_sheet(day_sheet_data(db, day, lang, by), lang)


# -- 2. register --------------------------------------------------------------------------


def parts_lines(text: str) -> list[PartLine]:
    """The parts text of an appointment, one part a line; a part number is split off when the
    line has one (after a tab or |, or as a token like 06L115562B)."""
    out: list[PartLine] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        for sep in ("\t", "|", "｜"):
            if sep in line:
                name, number = (x.strip() for x in line.split(sep, 1))
                out.append(PartLine(name or number, number if name else ""))
                break
        else:
            match = PART_NUMBER.search(line)
            if match:
                name = (line[: match.start()] + line[match.end() :]).strip(" ：:,，-")
                out.append(PartLine(name or match.group(), match.group() if name else ""))
            else:
                out.append(PartLine(line))
    return out


def register_data(db: Database, appointment_id: str, lang: str, by: str = "") -> RegisterData:
    label = _labeller(lang)
    a = _get(db, appointment_id)
    assert a.id is not None
    site_name, _, site_phone, _ = _site(db)
    repo = AppointmentRepository(db)
    calls = repo.calls([a.id])[a.id]
    created = [e.at for e in repo.events(a.id) if e.kind == "created"]
    return RegisterData(
        site_name=site_name,
        site_phone=site_phone,
        serial=a.serial,
        customer_name=a.customer_name,
        phone=a.phone,
        model=a.model_name,
        plate=_plate(a.plate),
        mileage_km=a.mileage_km,
        last_visit=a.last_visit,
        status=label(STATUS_LABELS[a.status]),
        start=a.start,
        end=a.end,
        transport=label(TRANSPORT_LABELS[a.transport]),
        work=[WorkLine(w.name, w.minutes, w.code) for w in a.work],
        fault=a.fault,
        estimate=_fen(a.estimate),
        parts=parts_lines(a.parts),
        phone_record=a.phone_record,
        calls=[
            CallLine(c.called_at, label(CALL_OUTCOME_LABELS[c.outcome]), c.note, c.actor_name)
            for c in calls
        ],
        remarks=a.remarks,
        advisor=a.advisor_name,
        technician=a.technician_name,
        bay=a.bay_name,
        booked_at=_local(created[0]) if created else None,
        printed_by=by,
        printed_at=dt.datetime.now(),
    )


def register_pdf(db: Database, appointment_id: str, lang: str, by: str = "") -> bytes:
    return render_register(register_data(db, appointment_id, lang, by), lang)


# -- 3. check-in sheet --------------------------------------------------------------------


def _estimate_lines(order: RepairOrder | None, a: Appointment, rate: Decimal) -> list[EstimateLine]:
    """The repair order's lines, each amount rounded half-up to the fen; without an order
    (an old check-in), the booked work at the labour rate."""
    if order is None:
        return [
            EstimateLine(
                "labour",
                w.code,
                w.name,
                Decimal(w.minutes) / 60,
                rate,
                _fen(Decimal(w.minutes) / 60 * rate),
            )
            for w in a.work
        ]
    lines = []
    for x in order.lines:
        priced = x.kind == "labour" or x.unit_price > 0
        lines.append(
            EstimateLine(
                x.kind,
                x.code,
                x.description,
                x.quantity,
                x.unit_price if priced else None,
                _fen(x.quantity * x.unit_price) if priced else None,
            )
        )
    return lines


def _local(utc_text: str | None) -> dt.datetime | None:
    if not utc_text:
        return None
    moment = dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


def checkin_data(db: Database, appointment_id: str, lang: str, by: str = "") -> CheckinSheetData:
    label = _labeller(lang)
    a = _get(db, appointment_id)
    assert a.id is not None
    repo = AppointmentRepository(db)
    checkin = repo.checkin(a.id)
    if checkin is None:
        raise NotCheckedIn(a.serial)
    order = repo.repair_order(a.id)
    site_name, site_address, site_phone, site_id = _site(db)
    rules = repo.rules(site_id or "")
    vehicle = VehicleRepository(db).get(a.vehicle_id) if a.vehicle_id else None
    lit = set(checkin.warning_lights)
    lights = [WarningLight(label(text), key in lit) for key, text in WARNING_LIGHTS.items()]
    lights += [
        WarningLight(key, True) for key in checkin.warning_lights if key not in WARNING_LIGHTS
    ]
    return CheckinSheetData(
        site_name=site_name,
        site_address=site_address,
        site_phone=site_phone,
        serial=a.serial,
        repair_order_number=order.number if order else "",
        checked_in_at=_local(order.opened_at) if order else None,
        customer_name=a.customer_name,
        phone=a.phone,
        plate=_plate(a.plate),
        model=a.model_name,
        vin=vehicle.vin if vehicle else "",
        mileage_km=checkin.mileage_km,
        fuel_eighths=checkin.fuel_eighths,
        warning_lights=lights,
        valuables=checkin.valuables,
        covers_on=checkin.covers_on,
        walkaround_deferred=checkin.walkaround_deferred,
        damage=[
            DamageLine(
                number,
                mark.x,
                mark.y,
                mark.kind,
                label(DAMAGE_KINDS.get(mark.kind, DAMAGE_KINDS["other"])),
                mark.note,
            )
            for number, mark in enumerate(checkin.damage, start=1)
        ],
        concerns=checkin.concerns,
        agreed_work=checkin.agreed_work,
        lines=_estimate_lines(order, a, rules.labour_rate),
        estimate=_fen(checkin.estimate),
        promised_at=checkin.promised_at,
        advisor=a.advisor_name,
        technician=a.technician_name,
        printed_by=by,
        printed_at=dt.datetime.now(),
    )


def checkin_pdf(db: Database, appointment_id: str, lang: str, by: str = "") -> bytes:
    return render_checkin_sheet(checkin_data(db, appointment_id, lang, by), lang)


# -- entry points -------------------------------------------------------------------------


def render(db: Database, kind: str, key: str, lang: str, by: str = "") -> bytes:
    """``kind`` is day-sheet (key: ISO date), register or checkin (key: appointment id)."""
    if kind == "day-sheet":
        return day_sheet_pdf(db, dt.date.fromisoformat(key), lang, by)
    if kind == "register":
        return register_pdf(db, key, lang, by)
    if kind == "checkin":
        return checkin_pdf(db, key, lang, by)
    raise ValueError(f"unknown appointment document {kind!r}")


def print_by_number(db: Database, kind: str, number: str, lang: str, by: str = "") -> bytes:
    """The command line's ``print``: a day sheet by date, the others by serial or RO number."""
    if kind == "day-sheet":
        return render(db, kind, number, lang, by)
    found = find_appointment(db, number)
    assert found.id is not None
    return render(db, kind, found.id, lang, by)


def print_to_folder(
    db: Database, session: Session, kind: str, key: str, lang: str, folder: Path
) -> Path:
    """Render and write ``folder/<kind>-<key>-<timestamp>.pdf``; returns the file.

    The PDF is written under a temporary name and renamed, so a failure never leaves half a
    file; an OSError (no such folder and none can be made, no access, disk full) becomes
    PrintFailed, which says how to retry.
    """
    data = render(db, kind, key, lang, session.staff.full_name)
    return write_document(folder, f"{kind}-{key}", data)
