"""Booking, moving and working appointments; confirmation calls; check-in; the reception board.

Every write checks the workshop rules in the same transaction that saves, so two advisors on
one PC cannot both take the last hour. Problems a manager may override (a taken bay or
technician, a full day, a full waiter slot) need a reason, which is recorded with who gave it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from ..domain.appointments import (
    MOVABLE,
    ON_SITE,
    STATUS_LABELS,
    TRANSITIONS,
    Appointment,
    CallAdvice,
    CallOutcome,
    CheckIn,
    DayLoad,
    Finding,
    LabourOp,
    Problem,
    ResourceKind,
    SlotOffer,
    Status,
    Transport,
    WorkItem,
    WorkshopRules,
    call_advice,
    check_booking,
    check_checkin,
    day_load,
    duration_for,
    estimate_for,
    make_serial,
    next_free_slots,
    validate_rules,
)
from ..domain.errors import DomainError, ValidationError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.identifiers import mask_plate
from ..domain.roles import Permission, Role
from ..domain.staff import Session
from ..storage.appointments import (
    Absence,
    AppointmentRepository,
    Call,
    Event,
    RepairLine,
    RepairOrder,
)
from ..storage.db import Database
from ..storage.repositories import (
    BayRepository,
    CustomerRepository,
    StaffRepository,
    VehicleRepository,
)
from .errors import NotFound, PermissionDenied

DAY = dt.timedelta(days=1)
STALE_EXPECTED = dt.timedelta(hours=1)

__all__ = [
    "Absence",
    "AppointmentService",
    "BookingRefused",
    "Call",
    "Draft",
    "Event",
    "InvalidTransition",
    "RepairOrder",
]


@dataclass(frozen=True)
class Resource:
    id: str
    kind: ResourceKind
    code: str
    name: str
    category: str = ""  # bays: general, quick, body, pdi, wash


SERVICE_BAYS = frozenset({"general", "quick"})


@dataclass
class Draft:
    """A booking being made (or a change to one) before the rules have seen it."""

    start: dt.datetime
    work: list[WorkItem]
    transport: Transport = Transport.DROP_OFF
    customer_id: str | None = None
    vehicle_id: str | None = None
    bay_id: str | None = None
    technician_id: str | None = None
    advisor_id: str | None = None
    fault: str = ""
    parts: str = ""
    phone_record: str = ""
    remarks: str = ""
    estimate: Decimal | None = None  # None: labour hours × rate
    end: dt.datetime | None = None  # None: start + the work's standard duration


@dataclass(frozen=True)
class DayBoard:
    day: dt.date
    rules: WorkshopRules
    resources: dict[ResourceKind, list[Resource]]
    appointments: list[Appointment]
    load: DayLoad


@dataclass(frozen=True)
class WeekBoard:
    days: list[dt.date]
    rules: WorkshopRules
    resources: dict[ResourceKind, list[Resource]]
    appointments: list[Appointment]
    loads: dict[dt.date, DayLoad]


@dataclass(frozen=True)
class AppointmentFile:
    appointment: Appointment
    events: list[Event]
    calls: list[Call]
    checkin: CheckIn | None
    repair_order: RepairOrder | None


@dataclass(frozen=True)
class ConfirmationRow:
    appointment: Appointment
    calls: list[Call]
    advice: CallAdvice


@dataclass(frozen=True)
class ReceptionRow:
    """One line of the waiting-area display: no personal data."""

    plate: str  # masked: 沪A·12**5
    model: str
    status: Status
    time: dt.datetime  # expected, or promised when checked in


class BookingRefused(DomainError):
    """The rules say no. ``findings`` say why; ``offers`` are the next free slots;
    ``can_override`` when every finding is overridable and the person may override."""

    def __init__(self, findings: list[Finding], offers: list[SlotOffer], can_override: bool):
        self.findings = findings
        self.offers = offers
        self.can_override = can_override
        super().__init__(
            QT_TRANSLATE_NOOP("Messages", "This booking breaks the workshop rules."),
        )


class InvalidTransition(DomainError):
    label_params = ("current", "wanted")

    def __init__(self, current: Status, wanted: Status) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages", "An appointment that is '{current}' cannot become '{wanted}'."
            ),
            current=STATUS_LABELS[current],
            wanted=STATUS_LABELS[wanted],
        )
        self.current = current
        self.wanted = wanted


def _needs_reason() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Messages", "An override needs a reason, which is recorded."),
        field="override_reason",
    )


def _no_work() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP(
            "Messages", "Choose at least one job from the catalogue or describe the fault."
        ),
        field="work",
    )


class AppointmentService:
    def __init__(
        self,
        db: Database,
        session: Session,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        self.db = db
        self.session = session
        self.now = now
        self.repo = AppointmentRepository(db)
        self.staff = StaffRepository(db)
        self.bays = BayRepository(db)
        self.customers = CustomerRepository(db)
        self.vehicles = VehicleRepository(db)

    # -- reference data ------------------------------------------------------------------

    def rules(self) -> WorkshopRules:
        return self.repo.rules(self.session.site.id)

    def save_rules(self, rules: WorkshopRules) -> None:
        self._require(Permission.EDIT_SETTINGS)
        validate_rules(rules)
        self.repo.save_rules(self.session.site.id, rules, self.session.staff.id)

    def absences(self, first: dt.date, days: int = 14) -> list[Absence]:
        return self.repo.absences(first, first + (days - 1) * DAY)

    def add_absence(self, staff_id: str, day: dt.date, reason: str) -> None:
        """A technician off that day: the day's capacity drops by their hours."""
        self._require(Permission.EDIT_SETTINGS)
        if any(a.staff_id == staff_id for a in self.repo.absences(day, day)):
            return
        self.repo.add_absence(staff_id, day, reason.strip(), self._actor())

    def remove_absence(self, absence_id: str) -> None:
        self._require(Permission.EDIT_SETTINGS)
        self.repo.remove_absence(absence_id, self._actor())

    def labour_ops(self) -> list[LabourOp]:
        return self.repo.labour_ops()

    def resources(self) -> dict[ResourceKind, list[Resource]]:
        staff = self.staff.all_active()
        return {
            ResourceKind.BAY: [
                Resource(i, ResourceKind.BAY, code, name, kind)
                for i, code, name, kind in self.bays.for_site(self.session.site.id)
            ],
            ResourceKind.TECHNICIAN: [
                Resource(s.id, ResourceKind.TECHNICIAN, s.username, s.full_name)
                for s in staff
                if Role.TECHNICIAN in s.roles
            ],
            ResourceKind.ADVISOR: [
                Resource(s.id, ResourceKind.ADVISOR, s.username, s.full_name)
                for s in staff
                if Role.SERVICE_ADVISOR in s.roles
            ],
        }

    def technicians_on(
        self, day: dt.date, resources: dict[ResourceKind, list[Resource]] | None = None
    ) -> int:
        techs = (resources or self.resources())[ResourceKind.TECHNICIAN]
        absent = self.repo.absent_staff(day)
        return sum(1 for t in techs if t.id not in absent)

    # -- boards --------------------------------------------------------------------------

    def day(self, day: dt.date) -> DayBoard:
        rules = self.rules()
        resources = self.resources()
        start = dt.datetime.combine(day, dt.time())
        appointments = self.repo.between(start, start + DAY)
        load = day_load(
            rules, day, self.technicians_on(day, resources), [a.booking() for a in appointments]
        )
        return DayBoard(day, rules, resources, appointments, load)

    def week(self, first: dt.date, days: int = 7) -> WeekBoard:
        rules = self.rules()
        resources = self.resources()
        start = dt.datetime.combine(first, dt.time())
        appointments = self.repo.between(start, start + days * DAY)
        bookings = [a.booking() for a in appointments]
        dates = [first + i * DAY for i in range(days)]
        loads = {d: day_load(rules, d, self.technicians_on(d, resources), bookings) for d in dates}
        return WeekBoard(dates, rules, resources, appointments, loads)

    def open(self, appointment_id: str) -> AppointmentFile:
        a = self._get(appointment_id)
        assert a.id is not None
        return AppointmentFile(
            appointment=a,
            events=self.repo.events(a.id),
            calls=self.repo.calls([a.id])[a.id],
            checkin=self.repo.checkin(a.id),
            repair_order=self.repo.repair_order(a.id),
        )

    def by_serial(self, serial: str) -> Appointment:
        a = self.repo.by_serial(serial)
        if a is None:
            raise NotFound()
        return a

    # -- checking and booking ------------------------------------------------------------

    def check(self, draft: Draft, exclude_id: str | None = None) -> list[Finding]:
        """The findings for ``draft`` right now (live feedback while booking)."""
        candidate = self._appointment(draft, Status.BOOKED, "")
        candidate.id = exclude_id
        return self._findings(candidate)

    def next_free(
        self,
        draft: Draft,
        limit: int = 5,
        after: dt.datetime | None = None,
        exclude_id: str | None = None,
        days: int = 14,
    ) -> list[SlotOffer]:
        rules = self.rules()
        hours = Decimal(sum(w.minutes for w in draft.work)) / 60
        start = max(after or draft.start, self.now())
        first = dt.datetime.combine(start.date(), dt.time())
        bookings = [b for b, _label in self.repo.bookings_between(first, first + days * DAY)]
        resources = self.resources()
        if draft.bay_id:
            bays = [draft.bay_id]
        else:  # body work goes to the body shop; everything else to general and quick bays
            body = any(w.code.startswith("PB") for w in draft.work)
            wanted = {"body"} if body else SERVICE_BAYS
            bays = [r.id for r in resources[ResourceKind.BAY] if r.category in wanted]
        technicians = {r.id for r in resources[ResourceKind.TECHNICIAN]}
        absent = self.repo.absent_between(first.date(), first.date() + days * DAY)
        return next_free_slots(
            duration_for(hours, rules),
            hours,
            start,
            bays,
            bookings,
            rules,
            lambda day: len(technicians - absent.get(day, set())),
            draft.transport,
            days=days,
            limit=limit,
            technician_id=draft.technician_id,
            vehicle_id=draft.vehicle_id,
            exclude_id=exclude_id,
        )

    def book(self, draft: Draft, override_reason: str = "") -> Appointment:
        self._require(Permission.BOOK_APPOINTMENTS)
        if not draft.work and not draft.fault.strip():
            raise _no_work()
        if not draft.customer_id:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "Choose the customer (or add a new one) so the workshop can reach them.",
                ),
                field="customer",
            )
        with self.db.write():
            a = self._appointment(draft, Status.BOOKED, "")
            a.override_reason = self._enforce(a, draft, override_reason)
            a.serial = make_serial(a.start.date(), self.repo.next_number(a.start.date()))
            self.repo.insert(
                a, self.session.site.id, self._actor(), self._actor() if a.override_reason else None
            )
            assert a.id is not None
            self.repo.add_event(
                a.id,
                "created",
                self._actor(),
                to_status=a.status.value,
                detail=a.start.strftime("%Y-%m-%d %H:%M"),
            )
            if a.override_reason:
                self.repo.add_event(a.id, "override", self._actor(), detail=a.override_reason)
        return self._get(a.id)

    def walk_in(self, draft: Draft, override_reason: str = "") -> Appointment:
        """A customer who came without an appointment: booked from the current slot."""
        rules = self.rules()
        now = self.now()
        slot = now.replace(second=0, microsecond=0)
        slot -= dt.timedelta(minutes=slot.minute % rules.slot_minutes)
        return self.book(replace(draft, start=slot, end=None), override_reason)

    def move(
        self,
        appointment_id: str,
        start: dt.datetime,
        resource: tuple[ResourceKind, str | None] | None = None,
        end: dt.datetime | None = None,
        override_reason: str = "",
    ) -> Appointment:
        """Drag on the board: a new start (keeping the length unless ``end`` is given) and
        optionally another bay, technician or advisor. Same checks as booking."""
        self._require(Permission.BOOK_APPOINTMENTS)
        with self.db.write():
            a = self._get(appointment_id)
            if a.status not in MOVABLE:
                raise InvalidTransition(a.status, Status.RESCHEDULED)
            before = f"{a.start:%Y-%m-%d %H:%M}–{a.end:%H:%M} {a.bay_name or ''}".strip()
            length = a.end - a.start
            moved = replace(a, start=start, end=end or start + length)
            if resource is not None:
                kind, rid = resource
                if kind == ResourceKind.BAY:
                    moved.bay_id = rid
                elif kind == ResourceKind.TECHNICIAN:
                    moved.technician_id = rid
                else:
                    moved.advisor_id = rid
            if moved.end <= moved.start:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Messages", "An appointment must end after it starts."),
                    field="end",
                )
            draft = Draft(
                start=moved.start,
                work=moved.work,
                transport=moved.transport,
                bay_id=moved.bay_id,
                technician_id=moved.technician_id,
                vehicle_id=moved.vehicle_id,
            )
            # the earlier override stays in the history; the record carries the current one
            moved.override_reason = self._enforce(moved, draft, override_reason, appointment_id)
            self.repo.update(moved, self._actor(), self._actor() if moved.override_reason else None)
            self.repo.add_event(
                appointment_id,
                "moved",
                self._actor(),
                detail=f"{before} → {moved.start:%Y-%m-%d %H:%M}–{moved.end:%H:%M}",
            )
            if moved.override_reason:
                self.repo.add_event(
                    appointment_id, "override", self._actor(), detail=moved.override_reason
                )
        return self._get(appointment_id)

    def update_details(
        self, appointment_id: str, draft: Draft, override_reason: str = ""
    ) -> Appointment:
        """Edit an appointment from its dialog: work, people, notes and time."""
        self._require(Permission.BOOK_APPOINTMENTS)
        with self.db.write():
            a = self._get(appointment_id)
            changed = self._appointment(draft, a.status, a.serial)
            changed.id = a.id
            if a.status not in MOVABLE and (changed.start, changed.end) != (a.start, a.end):
                raise InvalidTransition(a.status, Status.RESCHEDULED)
            # A car already in the workshop keeps its (past) time and its share of the day;
            # a new bay or technician must still be free.
            ignore = (
                frozenset()
                if a.status in MOVABLE
                else frozenset(
                    {Problem.PAST, Problem.OVER_CAPACITY, Problem.WAITER_CAP, Problem.OUTSIDE_HOURS}
                )
            )
            reason = self._enforce(changed, draft, override_reason, a.id, ignore)
            changed.override_reason = reason or a.override_reason
            if reason:
                self.repo.add_event(a.id or "", "override", self._actor(), detail=reason)
            self.repo.update(changed, self._actor(), self._actor() if reason else None)
            self.repo.add_event(a.id or "", "edited", self._actor())
        return self._get(appointment_id)

    def set_status(self, appointment_id: str, status: Status, note: str = "") -> Appointment:
        self._require(Permission.BOOK_APPOINTMENTS)
        if status == Status.CHECKED_IN:
            raise InvalidTransition(Status.ARRIVED, status)  # only through check_in()
        with self.db.write():
            a = self._get(appointment_id)
            self._transition(a, status, note)
            if status == Status.HANDED_OVER:
                self.repo.close_repair_order(appointment_id, self._actor())
        return self._get(appointment_id)

    # -- confirmation calls --------------------------------------------------------------

    def confirmation_list(self, day: dt.date) -> list[ConfirmationRow]:
        """The day's bookings still to confirm by phone (normally tomorrow's)."""
        start = dt.datetime.combine(day, dt.time())
        due = [
            a
            for a in self.repo.between(start, start + DAY)
            if a.status in (Status.BOOKED, Status.CONFIRMED)
        ]
        calls = self.repo.calls([a.id for a in due if a.id])
        now = self.now()
        return [
            ConfirmationRow(
                a,
                calls[a.id or ""],
                CallAdvice.DONE
                if a.status == Status.CONFIRMED
                else call_advice([(c.called_at, c.outcome) for c in calls[a.id or ""]], now),
            )
            for a in due
        ]

    def record_call(
        self, appointment_id: str, outcome: CallOutcome, note: str = ""
    ) -> ConfirmationRow:
        self._require(Permission.BOOK_APPOINTMENTS)
        now = self.now()
        with self.db.write():
            a = self._get(appointment_id)
            self.repo.add_call(appointment_id, now, outcome, note.strip(), self._actor())
            self.repo.add_event(appointment_id, "call", self._actor(), detail=outcome.value)
            if outcome == CallOutcome.CONFIRMED and a.status == Status.BOOKED:
                self._transition(a, Status.CONFIRMED, note)
            elif outcome == CallOutcome.CANCEL and a.status in MOVABLE:
                self._transition(a, Status.CANCELLED, note)
        a = self._get(appointment_id)
        calls = self.repo.calls([appointment_id])[appointment_id]
        advice = (
            CallAdvice.DONE
            if a.status != Status.BOOKED
            else call_advice([(c.called_at, c.outcome) for c in calls], now)
        )
        return ConfirmationRow(a, calls, advice)

    # -- reception -----------------------------------------------------------------------

    def check_in(self, appointment_id: str, checkin: CheckIn) -> RepairOrder:
        """Record the reception, open the repair order; the appointment is checked in."""
        self._require(Permission.CHECK_IN)
        with self.db.write():
            a = self._get(appointment_id)
            if a.status in (Status.BOOKED, Status.CONFIRMED):
                self._transition(a, Status.ARRIVED, "")
            if a.status != Status.ARRIVED:
                raise InvalidTransition(a.status, Status.CHECKED_IN)
            check_checkin(checkin, a.mileage_km)
            assert a.id is not None
            self.repo.save_checkin(a.id, checkin, self._actor())
            rules = self.rules()
            lines = [
                RepairLine(
                    "labour", w.code, w.name, Decimal(w.minutes) / 60, rules.labour_rate, w.minutes
                )
                for w in a.work
            ]
            lines += [
                RepairLine("part", "", text.strip(), Decimal(1), Decimal("0.00"), 0)
                for text in a.parts.splitlines()
                if text.strip()
            ]
            number = self.repo.next_repair_number(self.now().date())
            self.repo.create_repair_order(a, self.session.site.id, number, lines, self._actor())
            self._transition(a, Status.CHECKED_IN, "")
            if a.vehicle_id:
                self._record_mileage(a.vehicle_id, checkin.mileage_km)
        order = self.repo.repair_order(appointment_id)
        assert order is not None
        return order

    def reception(self, day: dt.date) -> list[ReceptionRow]:
        start = dt.datetime.combine(day, dt.time())
        now = self.now()
        rows = []
        for a in self.repo.between(start, start + DAY):
            expected = a.status in (Status.BOOKED, Status.CONFIRMED)
            if expected and a.start < now - STALE_EXPECTED:
                continue  # an hour late and not here: no longer "expected" on the wall
            if a.status in ON_SITE or expected:
                when = a.start
                if a.status in ON_SITE and a.id:
                    checkin = self.repo.checkin(a.id)
                    if checkin and checkin.promised_at:
                        when = checkin.promised_at
                rows.append(
                    ReceptionRow(
                        mask_plate(a.plate) if a.plate else "—", a.model_name, a.status, when
                    )
                )
        order = {
            s: i
            for i, s in enumerate(
                [
                    Status.READY,
                    Status.WASHING,
                    Status.QUALITY_CHECK,
                    Status.IN_SERVICE,
                    Status.CHECKED_IN,
                    Status.ARRIVED,
                    Status.CONFIRMED,
                    Status.BOOKED,
                ]
            )
        }
        return sorted(rows, key=lambda r: (order[r.status], r.time))

    # -- internals -----------------------------------------------------------------------

    def _actor(self) -> str:
        return self.session.staff.id

    def _require(self, permission: Permission) -> None:
        if not self.session.can(permission):
            raise PermissionDenied()

    def _get(self, appointment_id: str) -> Appointment:
        a = self.repo.get(appointment_id)
        if a is None:
            raise NotFound()
        return a

    def _appointment(self, draft: Draft, status: Status, serial: str) -> Appointment:
        rules = self.rules()
        minutes = sum(w.minutes for w in draft.work)
        end = draft.end or draft.start + duration_for(Decimal(minutes) / 60, rules)
        a = Appointment(
            serial=serial,
            start=draft.start,
            end=end,
            status=status,
            transport=draft.transport,
            work=list(draft.work),
            customer_id=draft.customer_id,
            vehicle_id=draft.vehicle_id,
            bay_id=draft.bay_id,
            technician_id=draft.technician_id,
            advisor_id=draft.advisor_id or self.session.staff.id,
            fault=draft.fault.strip(),
            estimate=draft.estimate
            if draft.estimate is not None
            else estimate_for(draft.work, rules),
            parts=draft.parts.strip(),
            phone_record=draft.phone_record.strip(),
            remarks=draft.remarks.strip(),
        )
        if draft.customer_id:
            c = self.customers.get(draft.customer_id)
            if c is None:
                raise NotFound()
            a.customer_name, a.phone = c.name, c.mobile
        if draft.vehicle_id:
            v = self.vehicles.get(draft.vehicle_id)
            if v is None:
                raise NotFound()
            full = [x for x in self.vehicles.for_customer(v.customer_id or "") if x.id == v.id]
            a.plate = v.plate
            a.model_name = full[0].model_name if full else ""
            a.mileage_km = v.mileage_km
            a.last_visit = v.last_visit
        return a

    def _findings(self, a: Appointment) -> list[Finding]:
        day = a.start.date()
        first = dt.datetime.combine(day, dt.time())
        others = self.repo.bookings_between(first, first + DAY)
        labels = {b.id or "": label for b, label in others}
        findings = check_booking(
            a.booking(),
            [b for b, _label in others],
            self.rules(),
            self.now(),
            self.technicians_on(day),
            labels,
        )
        if a.customer_id and not a.phone.strip():
            findings.append(Finding(Problem.NO_PHONE, {"name": a.customer_name}))
        return findings

    def _enforce(
        self,
        a: Appointment,
        draft: Draft,
        override_reason: str,
        exclude_id: str | None = None,
        ignore: frozenset[Problem] = frozenset(),
    ) -> str:
        """Raise unless the rules allow ``a``; return the override reason actually used
        ("" when nothing needed overriding, so no override is recorded)."""
        findings = [f for f in self._findings(a) if f.problem not in ignore]
        if not findings:
            return ""
        can_override = all(f.overridable for f in findings) and self.session.can(
            Permission.OVERRIDE_CAPACITY
        )
        if can_override and override_reason.strip():
            return override_reason.strip()
        if can_override and override_reason and not override_reason.strip():
            raise _needs_reason()
        raise BookingRefused(findings, self.next_free(draft, exclude_id=exclude_id), can_override)

    def _transition(self, a: Appointment, status: Status, note: str) -> None:
        if status not in TRANSITIONS[a.status]:
            raise InvalidTransition(a.status, status)
        before = a.status
        a.status = status
        self.repo.update(a, self._actor())
        self.repo.add_event(
            a.id or "",
            "status",
            self._actor(),
            from_status=before.value,
            to_status=status.value,
            detail=note.strip(),
        )

    def _record_mileage(self, vehicle_id: str, mileage: int) -> None:
        v = self.vehicles.get(vehicle_id)
        if v is not None and mileage > v.mileage_km:
            v.mileage_km = mileage
            v.last_visit = self.now().date()
            self.vehicles.save(v, self._actor())
