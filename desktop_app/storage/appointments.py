"""Appointments, their history and calls, check-ins and repair orders: rows ↔ domain objects.

The board loads hundreds of appointments at a time, so reads are single SQL queries with the
display names joined in; writes stamp the bookkeeping columns like every repository.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..domain.appointments import (
    Appointment,
    Booking,
    CallOutcome,
    CheckIn,
    DamageMark,
    LabourOp,
    Status,
    Transport,
    WorkItem,
    WorkshopRules,
)
from .db import Database, new_row, utc_now_text
from .models import (
    AppointmentCall,
    AppointmentEvent,
    AppointmentRow,
    CheckinRow,
    LabourOpRow,
    RepairLineRow,
    RepairOrderRow,
    SiteSetting,
    StaffAbsence,
)

LOCAL_FMT = "%Y-%m-%d %H:%M"
WORKSHOP_KEY = "workshop"


def local_text(when: dt.datetime) -> str:
    return when.strftime(LOCAL_FMT)


def parse_local(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)  # 'YYYY-MM-DD HH:MM'; much faster than strptime


@dataclass(frozen=True)
class Absence:
    id: str
    staff_id: str
    staff_name: str
    day: dt.date
    reason: str


@dataclass(frozen=True)
class Event:
    at: str  # UTC timestamp text
    kind: str  # created, status, moved, override, checkin, call
    from_status: str | None
    to_status: str | None
    detail: str
    actor_name: str


@dataclass(frozen=True)
class Call:
    called_at: dt.datetime  # local
    outcome: CallOutcome
    note: str
    actor_name: str


@dataclass(frozen=True)
class RepairLine:
    kind: str  # labour / part
    code: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    minutes: int

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass(frozen=True)
class RepairOrder:
    id: str
    number: str
    appointment_id: str | None
    technician_id: str | None
    opened_at: str
    closed_at: str | None
    lines: list[RepairLine]

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))


_SELECT = """
SELECT a.id, a.serial, a.start_at, a.end_at, a.status, a.transport, a.work, a.customer_id,
       a.vehicle_id, a.bay_id, a.technician_id, a.advisor_id, a.fault, a.estimate_fen, a.parts,
       a.phone_record, a.remarks, a.override_reason, a.rescheduled_from, a.customer_name,
       a.phone, a.plate, a.model_name, a.mileage_km, a.last_visit,
       COALESCE(b.name, ''), COALESCE(t.full_name, ''), COALESCE(v.full_name, '')
FROM appointment a
LEFT JOIN service_bay b ON b.id = a.bay_id
LEFT JOIN staff t ON t.id = a.technician_id
LEFT JOIN staff v ON v.id = a.advisor_id
"""


def _appointment(r: tuple[object, ...]) -> Appointment:
    work = [
        WorkItem(w["name"], int(w["minutes"]), w.get("code", "")) for w in json.loads(str(r[6]))
    ]
    return Appointment(
        id=str(r[0]),
        serial=str(r[1]),
        start=parse_local(str(r[2])),
        end=parse_local(str(r[3])),
        status=Status(str(r[4])),
        transport=Transport(str(r[5])),
        work=work,
        customer_id=_opt(r[7]),
        vehicle_id=_opt(r[8]),
        bay_id=_opt(r[9]),
        technician_id=_opt(r[10]),
        advisor_id=_opt(r[11]),
        fault=str(r[12]),
        estimate=(Decimal(int(str(r[13]))) / 100).quantize(Decimal("0.01")),
        parts=str(r[14]),
        phone_record=str(r[15]),
        remarks=str(r[16]),
        override_reason=str(r[17]),
        rescheduled_from=_opt(r[18]),
        customer_name=str(r[19]),
        phone=str(r[20]),
        plate=str(r[21]),
        model_name=str(r[22]),
        mileage_km=None if r[23] is None else int(str(r[23])),
        last_visit=dt.date.fromisoformat(str(r[24])) if r[24] else None,
        bay_name=str(r[25]),
        technician_name=str(r[26]),
        advisor_name=str(r[27]),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _fen(value: Decimal) -> int:
    return int((value * 100).quantize(Decimal(1)))


class AppointmentRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- settings and catalogue ----------------------------------------------------------

    def rules(self, site_id: str) -> WorkshopRules:
        row = SiteSetting.get_or_none(
            (SiteSetting.site_id == site_id)
            & (SiteSetting.key == WORKSHOP_KEY)
            & SiteSetting.deleted_at.is_null()
        )
        if row is None:
            return WorkshopRules()
        data = json.loads(row.value)
        opening = {
            int(day): (dt.time.fromisoformat(span[0]), dt.time.fromisoformat(span[1]))
            if span
            else None
            for day, span in data.get("opening", {}).items()
        }
        defaults = WorkshopRules()
        return WorkshopRules(
            opening=opening or defaults.opening,
            slot_minutes=int(data.get("slot_minutes", defaults.slot_minutes)),
            efficiency=Decimal(str(data.get("efficiency", defaults.efficiency))),
            waiter_cap_per_slot=int(data.get("waiter_cap_per_slot", defaults.waiter_cap_per_slot)),
            labour_rate=Decimal(str(data.get("labour_rate", defaults.labour_rate))),
            walk_in_grace_minutes=int(
                data.get("walk_in_grace_minutes", defaults.walk_in_grace_minutes)
            ),
        )

    def save_rules(self, site_id: str, rules: WorkshopRules, actor: str | None) -> None:
        with self.db.write():
            self.save_rules_in_tx(site_id, rules, actor)

    def save_rules_in_tx(self, site_id: str, rules: WorkshopRules, actor: str | None) -> None:
        value = json.dumps(
            {
                "opening": {
                    str(day): [span[0].isoformat("minutes"), span[1].isoformat("minutes")]
                    if span
                    else None
                    for day, span in rules.opening.items()
                },
                "slot_minutes": rules.slot_minutes,
                "efficiency": str(rules.efficiency),
                "waiter_cap_per_slot": rules.waiter_cap_per_slot,
                "labour_rate": str(rules.labour_rate),
                "walk_in_grace_minutes": rules.walk_in_grace_minutes,
            }
        )
        updated = (
            SiteSetting.update(value=value, updated_at=utc_now_text(), updated_by=actor)
            .where((SiteSetting.site_id == site_id) & (SiteSetting.key == WORKSHOP_KEY))
            .execute()
        )
        if not updated:
            SiteSetting.insert(
                site_id=site_id, key=WORKSHOP_KEY, value=value, **new_row(actor)
            ).execute()

    def labour_ops(self) -> list[LabourOp]:
        rows = LabourOpRow.select().where(LabourOpRow.active & LabourOpRow.deleted_at.is_null())
        return [
            LabourOp(
                code=r.code,
                name=r.name,
                hours=Decimal(r.minutes) / 60,
                category=r.category,
                id=r.id,
            )
            for r in rows.order_by(LabourOpRow.code)
        ]

    def add_labour_op(
        self, code: str, name: str, minutes: int, category: str, actor: str | None
    ) -> str:
        with self.db.write():
            return self.add_labour_op_in_tx(code, name, minutes, category, actor)

    def add_labour_op_in_tx(
        self, code: str, name: str, minutes: int, category: str, actor: str | None
    ) -> str:
        stamp = new_row(actor)
        LabourOpRow.insert(
            code=code, name=name, minutes=minutes, category=category, **stamp
        ).execute()
        return str(stamp["id"])

    def absent_staff(self, day: dt.date) -> set[str]:
        rows = StaffAbsence.select(StaffAbsence.staff_id).where(
            (StaffAbsence.day == day) & StaffAbsence.deleted_at.is_null()
        )
        return {r.staff_id for r in rows}

    def absences(self, first: dt.date, last: dt.date) -> list[Absence]:
        rows = self.db.raw.execute(
            "SELECT a.id, a.staff_id, COALESCE(s.full_name, ''), a.day, a.reason "
            "FROM staff_absence a LEFT JOIN staff s ON s.id = a.staff_id "
            "WHERE a.day BETWEEN ? AND ? AND a.deleted_at IS NULL ORDER BY a.day, s.full_name",
            (first.isoformat(), last.isoformat()),
        ).fetchall()
        return [Absence(r[0], r[1], r[2], dt.date.fromisoformat(r[3]), r[4]) for r in rows]

    def remove_absence(self, absence_id: str, actor: str | None) -> None:
        now = utc_now_text()
        with self.db.write():
            StaffAbsence.update(deleted_at=now, updated_at=now, updated_by=actor).where(
                StaffAbsence.id == absence_id
            ).execute()

    def add_absence(self, staff_id: str, day: dt.date, reason: str, actor: str | None) -> None:
        with self.db.write():
            StaffAbsence.insert(
                staff_id=staff_id, day=day, reason=reason, **new_row(actor)
            ).execute()

    # -- appointments --------------------------------------------------------------------

    def between(self, start: dt.datetime, end: dt.datetime) -> list[Appointment]:
        """Live appointments starting in ``[start, end)``, by start time."""
        with self.db.reading():
            rows = self.db.raw.execute(
                _SELECT + " WHERE a.start_at >= ? AND a.start_at < ? AND a.deleted_at IS NULL "
                "ORDER BY a.start_at, a.serial",
                (local_text(start), local_text(end)),
            ).fetchall()
        return [_appointment(r) for r in rows]

    def bookings_between(self, start: dt.datetime, end: dt.datetime) -> list[tuple[Booking, str]]:
        """Just what the rule checks need (no work lists, no joins), with a label for
        messages ("沪A12345 09:00"): the fast path for checks and free-slot searches."""
        with self.db.reading():
            rows = self.db.raw.execute(
                "SELECT id, start_at, end_at, labour_minutes, bay_id, technician_id, "
                "vehicle_id, transport, status, plate, customer_name FROM appointment "
                "WHERE start_at >= ? AND start_at < ? AND deleted_at IS NULL",
                (local_text(start), local_text(end)),
            ).fetchall()
        out = []
        for r in rows:
            begin = parse_local(r[1])
            out.append(
                (
                    Booking(
                        id=r[0],
                        start=begin,
                        end=parse_local(r[2]),
                        hours=Decimal(r[3]) / 60,
                        bay_id=r[4],
                        technician_id=r[5],
                        vehicle_id=r[6],
                        transport=Transport(r[7]),
                        status=Status(r[8]),
                    ),
                    f"{r[9] or r[10]} {begin:%H:%M}",
                )
            )
        return out

    def absent_between(self, first: dt.date, last: dt.date) -> dict[dt.date, set[str]]:
        out: dict[dt.date, set[str]] = {}
        for staff_id, day in self.db.raw.execute(
            "SELECT staff_id, day FROM staff_absence WHERE day BETWEEN ? AND ? "
            "AND deleted_at IS NULL",
            (first.isoformat(), last.isoformat()),
        ):
            out.setdefault(dt.date.fromisoformat(day), set()).add(staff_id)
        return out

    def get(self, appointment_id: str) -> Appointment | None:
        with self.db.reading():
            row = self.db.raw.execute(
                _SELECT + " WHERE a.id = ? AND a.deleted_at IS NULL", (appointment_id,)
            ).fetchone()
        return None if row is None else _appointment(row)

    def by_serial(self, serial: str) -> Appointment | None:
        with self.db.reading():
            row = self.db.raw.execute(
                _SELECT + " WHERE a.serial = ? AND a.deleted_at IS NULL "
                "ORDER BY a.created_at LIMIT 1",
                (serial,),
            ).fetchone()
        return None if row is None else _appointment(row)

    def next_number(self, day: dt.date) -> int:
        row = self.db.raw.execute(
            "SELECT max(CAST(substr(serial, 12) AS INTEGER)) FROM appointment WHERE serial LIKE ?",
            (day.isoformat() + "-%",),
        ).fetchone()
        return int(row[0] or 0) + 1

    def _values(self, a: Appointment) -> dict[str, object]:
        return {
            "serial": a.serial,
            "start_at": local_text(a.start),
            "end_at": local_text(a.end),
            "customer_id": a.customer_id,
            "vehicle_id": a.vehicle_id,
            "bay_id": a.bay_id,
            "technician_id": a.technician_id,
            "advisor_id": a.advisor_id,
            "status": a.status.value,
            "transport": a.transport.value,
            "labour_minutes": a.labour_minutes,
            "work": json.dumps([dataclasses.asdict(w) for w in a.work], ensure_ascii=False),
            "fault": a.fault,
            "estimate_fen": a.estimate,
            "parts": a.parts,
            "phone_record": a.phone_record,
            "remarks": a.remarks,
            "override_reason": a.override_reason,
            "rescheduled_from": a.rescheduled_from,
            "customer_name": a.customer_name,
            "phone": a.phone,
            "plate": a.plate,
            "model_name": a.model_name,
            "mileage_km": a.mileage_km,
            "last_visit": a.last_visit,
        }

    def insert(
        self, a: Appointment, site_id: str, actor: str | None, override_by: str | None = None
    ) -> str:
        """Insert inside the caller's transaction (the service opens it)."""
        stamp = new_row(actor)
        AppointmentRow.insert(
            site_id=site_id, override_by=override_by, **self._values(a), **stamp
        ).execute()
        a.id = str(stamp["id"])
        return a.id

    def update(self, a: Appointment, actor: str | None, override_by: str | None = None) -> None:
        values = self._values(a)
        if not a.override_reason:
            values["override_by"] = None  # no override in force: nobody answers for one
        elif override_by:
            values["override_by"] = override_by
        AppointmentRow.update(**values, updated_at=utc_now_text(), updated_by=actor).where(
            AppointmentRow.id == a.id
        ).execute()

    # -- history and calls ---------------------------------------------------------------

    def add_event(
        self,
        appointment_id: str,
        kind: str,
        actor: str | None,
        from_status: str | None = None,
        to_status: str | None = None,
        detail: str = "",
    ) -> None:
        AppointmentEvent.insert(
            appointment_id=appointment_id,
            kind=kind,
            from_status=from_status,
            to_status=to_status,
            detail=detail,
            at=utc_now_text(),
            actor=actor,
            **new_row(actor),
        ).execute()

    def events(self, appointment_id: str) -> list[Event]:
        rows = self.db.raw.execute(
            "SELECT e.at, e.kind, e.from_status, e.to_status, e.detail, "
            "COALESCE(s.full_name, '') FROM appointment_event e "
            "LEFT JOIN staff s ON s.id = e.actor WHERE e.appointment_id = ? "
            "AND e.deleted_at IS NULL ORDER BY e.at, e.rowid",
            (appointment_id,),
        ).fetchall()
        return [Event(*r) for r in rows]

    def add_call(
        self,
        appointment_id: str,
        called_at: dt.datetime,
        outcome: CallOutcome,
        note: str,
        actor: str | None,
    ) -> None:
        AppointmentCall.insert(
            appointment_id=appointment_id,
            called_at=local_text(called_at),
            outcome=outcome.value,
            note=note,
            actor=actor,
            **new_row(actor),
        ).execute()

    def calls(self, appointment_ids: list[str]) -> dict[str, list[Call]]:
        out: dict[str, list[Call]] = {i: [] for i in appointment_ids}
        if not appointment_ids:
            return out
        marks = ",".join("?" * len(appointment_ids))
        rows = self.db.raw.execute(
            "SELECT c.appointment_id, c.called_at, c.outcome, c.note, COALESCE(s.full_name, '') "
            f"FROM appointment_call c LEFT JOIN staff s ON s.id = c.actor "
            f"WHERE c.appointment_id IN ({marks}) AND c.deleted_at IS NULL "
            "ORDER BY c.called_at",
            appointment_ids,
        ).fetchall()
        for r in rows:
            out[r[0]].append(Call(parse_local(r[1]), CallOutcome(r[2]), r[3], r[4]))
        return out

    # -- check-in and repair orders ------------------------------------------------------

    def save_checkin(self, appointment_id: str, c: CheckIn, actor: str | None) -> None:
        CheckinRow.insert(
            appointment_id=appointment_id,
            mileage_km=c.mileage_km,
            fuel_eighths=c.fuel_eighths,
            warning_lights=json.dumps(c.warning_lights),
            valuables=c.valuables,
            damage=json.dumps([dataclasses.asdict(m) for m in c.damage], ensure_ascii=False),
            concerns=c.concerns,
            agreed_work=c.agreed_work,
            estimate_fen=c.estimate,
            promised_at=local_text(c.promised_at) if c.promised_at else None,
            walkaround_deferred=c.walkaround_deferred,
            covers_on=c.covers_on,
            **new_row(actor),
        ).execute()

    def checkin(self, appointment_id: str) -> CheckIn | None:
        row = (
            CheckinRow.select()
            .where((CheckinRow.appointment_id == appointment_id) & CheckinRow.deleted_at.is_null())
            .order_by(CheckinRow.created_at.desc())
            .first()
        )
        if row is None:
            return None
        return CheckIn(
            mileage_km=row.mileage_km,
            fuel_eighths=row.fuel_eighths,
            warning_lights=list(json.loads(row.warning_lights)),
            valuables=row.valuables,
            damage=[DamageMark(**m) for m in json.loads(row.damage)],
            concerns=row.concerns,
            agreed_work=row.agreed_work,
            estimate=row.estimate_fen,
            promised_at=parse_local(row.promised_at) if row.promised_at else None,
            walkaround_deferred=bool(row.walkaround_deferred),
            covers_on=bool(row.covers_on),
        )

    def next_repair_number(self, day: dt.date) -> str:
        prefix = f"RO{day:%Y%m%d}-"
        row = self.db.raw.execute(
            "SELECT max(CAST(substr(number, 12) AS INTEGER)) FROM repair_order WHERE number LIKE ?",
            (prefix + "%",),
        ).fetchone()
        return f"{prefix}{int(row[0] or 0) + 1:03d}"

    def create_repair_order(
        self, a: Appointment, site_id: str, number: str, lines: list[RepairLine], actor: str | None
    ) -> str:
        stamp = new_row(actor)
        RepairOrderRow.insert(
            site_id=site_id,
            number=number,
            appointment_id=a.id,
            customer_id=a.customer_id,
            vehicle_id=a.vehicle_id,
            advisor_id=a.advisor_id,
            technician_id=a.technician_id,
            opened_at=utc_now_text(),
            **stamp,
        ).execute()
        for line in lines:
            RepairLineRow.insert(
                repair_order_id=stamp["id"],
                kind=line.kind,
                code=line.code,
                description=line.description,
                quantity=str(line.quantity),
                unit_price_fen=line.unit_price,
                minutes=line.minutes,
                **new_row(actor),
            ).execute()
        return str(stamp["id"])

    def repair_order(self, appointment_id: str) -> RepairOrder | None:
        row = RepairOrderRow.get_or_none(
            (RepairOrderRow.appointment_id == appointment_id) & RepairOrderRow.deleted_at.is_null()
        )
        if row is None:
            return None
        lines = [
            RepairLine(
                kind=r.kind,
                code=r.code,
                description=r.description,
                quantity=Decimal(r.quantity),
                unit_price=r.unit_price_fen,
                minutes=r.minutes,
            )
            for r in RepairLineRow.select()
            .where((RepairLineRow.repair_order_id == row.id) & RepairLineRow.deleted_at.is_null())
            .order_by(RepairLineRow.created_at)
        ]
        return RepairOrder(
            row.id,
            row.number,
            row.appointment_id,
            row.technician_id,
            row.opened_at,
            row.closed_at,
            lines,
        )

    def close_repair_order(self, appointment_id: str, actor: str | None) -> None:
        now = utc_now_text()
        RepairOrderRow.update(closed_at=now, updated_at=now, updated_by=actor).where(
            (RepairOrderRow.appointment_id == appointment_id) & RepairOrderRow.closed_at.is_null()
        ).execute()
