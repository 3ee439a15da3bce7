"""Service appointments (预约): workshop rules, status flow, capacity, overlaps, free slots.

Times are naive local datetimes of the store. A job occupies ``[start, end)``. Capacity of a
day is the technicians' available hours × efficiency; an appointment uses its labour hours.
A bay or a technician holds one job at a time; an overlap, a full day or a full waiter slot
can be overridden by a manager with a reason, which is recorded. Every number is a setting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from .i18n import QT_TRANSLATE_NOOP

HOUR = Decimal(60)


class Status(StrEnum):
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    ARRIVED = "arrived"
    CHECKED_IN = "checked_in"
    IN_SERVICE = "in_service"
    QUALITY_CHECK = "quality_check"
    WASHING = "washing"
    READY = "ready"
    HANDED_OVER = "handed_over"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"


STATUS_LABELS = {
    Status.BOOKED: QT_TRANSLATE_NOOP("Labels", "Booked"),
    Status.CONFIRMED: QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    Status.ARRIVED: QT_TRANSLATE_NOOP("Labels", "Arrived"),
    Status.CHECKED_IN: QT_TRANSLATE_NOOP("Labels", "Checked in"),
    Status.IN_SERVICE: QT_TRANSLATE_NOOP("Labels", "In service"),
    Status.QUALITY_CHECK: QT_TRANSLATE_NOOP("Labels", "Quality check"),
    Status.WASHING: QT_TRANSLATE_NOOP("Labels", "Washing"),
    Status.READY: QT_TRANSLATE_NOOP("Labels", "Ready"),
    Status.HANDED_OVER: QT_TRANSLATE_NOOP("Labels", "Handed over"),
    Status.NO_SHOW: QT_TRANSLATE_NOOP("Labels", "No-show"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    Status.RESCHEDULED: QT_TRANSLATE_NOOP("Labels", "Rescheduled"),
}

# Card colours on the board and the reception display (background, text).
STATUS_COLOURS = {
    Status.BOOKED: ("#dbe7f5", "#1f3349"),
    Status.CONFIRMED: ("#9ec5ef", "#10263d"),
    Status.ARRIVED: ("#ffe08a", "#4a3800"),
    Status.CHECKED_IN: ("#ffc266", "#4a2a00"),
    Status.IN_SERVICE: ("#f59e42", "#ffffff"),
    Status.QUALITY_CHECK: ("#b38be0", "#ffffff"),
    Status.WASHING: ("#6cc4d9", "#0b3a45"),
    Status.READY: ("#5cb85c", "#ffffff"),
    Status.HANDED_OVER: ("#c8d3c8", "#2e3b2e"),
    Status.NO_SHOW: ("#e8b4b4", "#5a1010"),
    Status.CANCELLED: ("#e6e6e6", "#777777"),
    Status.RESCHEDULED: ("#e6e6e6", "#777777"),
}

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.BOOKED: frozenset(
        {Status.CONFIRMED, Status.ARRIVED, Status.NO_SHOW, Status.CANCELLED, Status.RESCHEDULED}
    ),
    Status.CONFIRMED: frozenset(
        {Status.ARRIVED, Status.NO_SHOW, Status.CANCELLED, Status.RESCHEDULED}
    ),
    Status.ARRIVED: frozenset({Status.CHECKED_IN, Status.CANCELLED}),
    Status.CHECKED_IN: frozenset({Status.IN_SERVICE}),
    Status.IN_SERVICE: frozenset({Status.QUALITY_CHECK}),
    Status.QUALITY_CHECK: frozenset({Status.WASHING, Status.READY, Status.IN_SERVICE}),
    Status.WASHING: frozenset({Status.READY}),
    Status.READY: frozenset({Status.HANDED_OVER}),
    Status.HANDED_OVER: frozenset(),
    Status.NO_SHOW: frozenset(),
    Status.CANCELLED: frozenset(),
    Status.RESCHEDULED: frozenset(),
}

# Ended without the job happening: they free their bay, technician and capacity.
INACTIVE = frozenset({Status.NO_SHOW, Status.CANCELLED, Status.RESCHEDULED})
# Still movable on the board (the car is not in the workshop yet).
MOVABLE = frozenset({Status.BOOKED, Status.CONFIRMED})
# In the workshop: shown on the reception display.
ON_SITE = frozenset(
    {
        Status.ARRIVED,
        Status.CHECKED_IN,
        Status.IN_SERVICE,
        Status.QUALITY_CHECK,
        Status.WASHING,
        Status.READY,
    }
)


class Transport(StrEnum):
    WAITER = "waiter"  # 等待: the customer waits in the lounge
    DROP_OFF = "drop_off"  # 送修: leaves the car


TRANSPORT_LABELS = {
    Transport.WAITER: QT_TRANSLATE_NOOP("Labels", "Waits"),
    Transport.DROP_OFF: QT_TRANSLATE_NOOP("Labels", "Drop-off"),
}


class ResourceKind(StrEnum):
    BAY = "bay"
    TECHNICIAN = "technician"
    ADVISOR = "advisor"


@dataclass(frozen=True)
class WorkshopRules:
    """The manager's settings for booking (domain.md §1 defaults)."""

    opening: dict[int, tuple[dt.time, dt.time] | None] = field(
        default_factory=lambda: {d: (dt.time(8, 30), dt.time(17, 30)) for d in range(7)}
    )  # weekday 0 = Monday → (open, close), None = closed
    slot_minutes: int = 15
    efficiency: Decimal = Decimal("0.85")
    waiter_cap_per_slot: int = 2
    labour_rate: Decimal = Decimal("280.00")  # yuan per labour hour, for estimates
    walk_in_grace_minutes: int = 15  # a walk-in may start this long ago (the current slot)

    def hours(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        span = self.opening.get(day.weekday())
        if span is None:
            return None
        return dt.datetime.combine(day, span[0]), dt.datetime.combine(day, span[1])

    def open_hours(self, day: dt.date) -> Decimal:
        span = self.hours(day)
        if span is None:
            return Decimal(0)
        return Decimal(int((span[1] - span[0]).total_seconds() // 60)) / HOUR

    def slots(self, day: dt.date) -> list[dt.datetime]:
        span = self.hours(day)
        if span is None:
            return []
        step = dt.timedelta(minutes=self.slot_minutes)
        out, t = [], span[0]
        while t < span[1]:
            out.append(t)
            t += step
        return out

    def round_up(self, when: dt.datetime) -> dt.datetime:
        """The next slot boundary at or after ``when``."""
        base = when.replace(second=0, microsecond=0)
        extra = (-base.minute) % self.slot_minutes
        if when > base and extra == 0:
            extra = self.slot_minutes
        return base + dt.timedelta(minutes=extra)


@dataclass(frozen=True)
class LabourOp:
    """A job of the labour catalogue (工时) with its standard duration."""

    code: str
    name: str
    hours: Decimal
    category: str = "maintenance"
    id: str | None = None


def duration_for(hours: Decimal, rules: WorkshopRules) -> dt.timedelta:
    """Labour hours rounded up to whole slots (at least one)."""
    minutes = int((hours * HOUR).to_integral_value(rounding=ROUND_HALF_UP))
    slots = max(1, -(-minutes // rules.slot_minutes))
    return dt.timedelta(minutes=slots * rules.slot_minutes)


@dataclass(frozen=True)
class Booking:
    """What the checks need to know about one appointment."""

    id: str | None
    start: dt.datetime
    end: dt.datetime
    hours: Decimal  # labour hours it uses of the day's capacity
    bay_id: str | None = None
    technician_id: str | None = None
    vehicle_id: str | None = None
    transport: Transport = Transport.DROP_OFF
    status: Status = Status.BOOKED

    @property
    def active(self) -> bool:
        return self.status not in INACTIVE

    def overlaps(self, other: Booking) -> bool:
        return self.start < other.end and other.start < self.end


class Problem(StrEnum):
    PAST = "past"
    CLOSED_DAY = "closed_day"
    OUTSIDE_HOURS = "outside_hours"
    BAY_TAKEN = "bay_taken"
    TECHNICIAN_TAKEN = "technician_taken"
    OVER_CAPACITY = "over_capacity"
    WAITER_CAP = "waiter_cap"
    VEHICLE_SAME_DAY = "vehicle_same_day"
    NO_PHONE = "no_phone"


# A manager may book anyway, with a reason that is recorded.
OVERRIDABLE = frozenset(
    {Problem.BAY_TAKEN, Problem.TECHNICIAN_TAKEN, Problem.OVER_CAPACITY, Problem.WAITER_CAP}
)

PROBLEM_MESSAGES = {
    Problem.PAST: QT_TRANSLATE_NOOP(
        "Messages", "{start} has already passed: choose a time from now on."
    ),
    Problem.CLOSED_DAY: QT_TRANSLATE_NOOP(
        "Messages", "The workshop is closed on {day}: choose another day."
    ),
    Problem.OUTSIDE_HOURS: QT_TRANSLATE_NOOP(
        "Messages",
        "{start}–{end} is outside opening hours ({open}–{close}): the whole job must fit "
        "within them.",
    ),
    Problem.BAY_TAKEN: QT_TRANSLATE_NOOP(
        "Messages", "The bay is already taken at that time by {other}."
    ),
    Problem.TECHNICIAN_TAKEN: QT_TRANSLATE_NOOP(
        "Messages", "The technician is already working on {other} at that time."
    ),
    Problem.OVER_CAPACITY: QT_TRANSLATE_NOOP(
        "Messages",
        "{day} is full: {booked} of {capacity} workshop hours are booked and this job needs "
        "{hours} more.",
    ),
    Problem.WAITER_CAP: QT_TRANSLATE_NOOP(
        "Messages",
        "{cap} customers who wait for their car already start at {start}: offer another time "
        "or a drop-off.",
    ),
    Problem.NO_PHONE: QT_TRANSLATE_NOOP(
        "Messages",
        "{name} has no phone number on file: add one to the customer first, so the "
        "confirmation call can be made.",
    ),
    Problem.VEHICLE_SAME_DAY: QT_TRANSLATE_NOOP(
        "Messages",
        "This vehicle is already booked on {day} ({other}): open that appointment "
        "instead of booking twice.",
    ),
}


@dataclass(frozen=True)
class Finding:
    problem: Problem
    params: dict[str, str]
    other_id: str | None = None

    @property
    def overridable(self) -> bool:
        return self.problem in OVERRIDABLE


@dataclass(frozen=True)
class DayLoad:
    """Capacity of one day: available workshop hours and the hours booked."""

    day: dt.date
    capacity: Decimal
    booked: Decimal

    @property
    def free(self) -> Decimal:
        return self.capacity - self.booked

    @property
    def ratio(self) -> float:
        return float(self.booked / self.capacity) if self.capacity else 1.0


def day_capacity(rules: WorkshopRules, day: dt.date, technicians: int) -> Decimal:
    """Technicians' available hours × efficiency, to 0.1 h."""
    hours = rules.open_hours(day) * technicians * rules.efficiency
    return hours.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def day_load(
    rules: WorkshopRules, day: dt.date, technicians: int, bookings: Iterable[Booking]
) -> DayLoad:
    booked = sum((b.hours for b in bookings if b.active and b.start.date() == day), Decimal(0))
    return DayLoad(day, day_capacity(rules, day, technicians), booked)


def check_booking(
    candidate: Booking,
    others: Sequence[Booking],
    rules: WorkshopRules,
    now: dt.datetime,
    technicians: int,
    labels: dict[str, str] | None = None,
) -> list[Finding]:
    """Everything wrong with booking ``candidate`` among ``others`` (same day or wider).

    ``labels`` names other appointments (id → "沪A12345 09:00") for the messages.
    """
    labels = labels or {}
    findings: list[Finding] = []
    fmt = "%Y-%m-%d %H:%M"
    day = candidate.start.date()
    # a walk-in starts at the beginning of the current slot, however long slots are
    grace = dt.timedelta(minutes=max(rules.walk_in_grace_minutes, rules.slot_minutes))
    if candidate.start < now - grace:
        findings.append(Finding(Problem.PAST, {"start": candidate.start.strftime(fmt)}))
    span = rules.hours(day)
    if span is None:
        findings.append(Finding(Problem.CLOSED_DAY, {"day": day.isoformat()}))
    elif candidate.start < span[0] or candidate.end > span[1] or candidate.end.date() != day:
        findings.append(
            Finding(
                Problem.OUTSIDE_HOURS,
                {
                    "start": candidate.start.strftime("%H:%M"),
                    "end": candidate.end.strftime("%H:%M"),
                    "open": span[0].strftime("%H:%M"),
                    "close": span[1].strftime("%H:%M"),
                },
            )
        )
    live = [b for b in others if b.active and b.id != candidate.id]
    for b in live:
        if not b.overlaps(candidate):
            continue
        if candidate.bay_id and b.bay_id == candidate.bay_id:
            findings.append(Finding(Problem.BAY_TAKEN, {"other": labels.get(b.id or "", "")}, b.id))
        if candidate.technician_id and b.technician_id == candidate.technician_id:
            findings.append(
                Finding(Problem.TECHNICIAN_TAKEN, {"other": labels.get(b.id or "", "")}, b.id)
            )
    if candidate.vehicle_id:
        for b in live:
            if b.vehicle_id == candidate.vehicle_id and b.start.date() == day:
                findings.append(
                    Finding(
                        Problem.VEHICLE_SAME_DAY,
                        {"day": day.isoformat(), "other": labels.get(b.id or "", "")},
                        b.id,
                    )
                )
                break
    if span is not None:
        load = day_load(rules, day, technicians, live)
        if load.booked + candidate.hours > load.capacity:
            findings.append(
                Finding(
                    Problem.OVER_CAPACITY,
                    {
                        "day": day.isoformat(),
                        "booked": f"{load.booked:.1f}",
                        "capacity": f"{load.capacity:.1f}",
                        "hours": f"{candidate.hours:.1f}",
                    },
                )
            )
    if candidate.transport == Transport.WAITER:
        same_slot = sum(
            1 for b in live if b.transport == Transport.WAITER and b.start == candidate.start
        )
        if same_slot >= rules.waiter_cap_per_slot:
            findings.append(
                Finding(
                    Problem.WAITER_CAP,
                    {
                        "cap": str(rules.waiter_cap_per_slot),
                        "start": candidate.start.strftime("%H:%M"),
                    },
                )
            )
    return findings


@dataclass(frozen=True)
class SlotOffer:
    start: dt.datetime
    end: dt.datetime
    bay_id: str


def next_free_slots(
    duration: dt.timedelta,
    hours: Decimal,
    after: dt.datetime,
    bays: Sequence[str],
    bookings: Sequence[Booking],
    rules: WorkshopRules,
    technicians: int | Callable[[dt.date], int],
    transport: Transport = Transport.DROP_OFF,
    days: int = 14,
    limit: int = 5,
    technician_id: str | None = None,
    vehicle_id: str | None = None,
    exclude_id: str | None = None,
) -> list[SlotOffer]:
    """The first ``limit`` starts from ``after`` on where a bay (and the chosen technician) is
    free for ``duration``, the day has capacity for ``hours``, the vehicle has no other booking
    that day and (for waiters) the slot is under the waiter cap. Every offer passes
    :func:`check_booking`. ``technicians`` is a count or a function of the day (absences).
    """
    count = technicians if callable(technicians) else (lambda _day: int(technicians))
    by_day: dict[dt.date, list[Booking]] = {}
    for b in bookings:
        if b.active and b.id != exclude_id:
            by_day.setdefault(b.start.date(), []).append(b)
    offers: list[SlotOffer] = []
    first = rules.round_up(after)
    for offset in range(days):
        day = first.date() + dt.timedelta(days=offset)
        span = rules.hours(day)
        if span is None:
            continue
        todays = by_day.get(day, [])
        if vehicle_id and any(b.vehicle_id == vehicle_id for b in todays):
            continue
        load = day_load(rules, day, count(day), todays)
        if load.booked + hours > load.capacity:
            continue
        slots = rules.slots(day)
        index = {t: i for i, t in enumerate(slots)}
        bay_runs = {
            bay: _free_runs(
                slots, rules.slot_minutes, [(b.start, b.end) for b in todays if b.bay_id == bay]
            )
            for bay in bays
        }
        tech_runs = _free_runs(
            slots,
            rules.slot_minutes,
            [
                (b.start, b.end)
                for b in todays
                if technician_id and b.technician_id == technician_id
            ],
        )
        waiters: dict[dt.datetime, int] = {}
        for b in todays:
            if b.transport == Transport.WAITER:
                waiters[b.start] = waiters.get(b.start, 0) + 1
        need = -(-int(duration / dt.timedelta(minutes=1)) // rules.slot_minutes)
        for start in slots:
            if start < first:
                continue
            end = start + duration
            if end > span[1]:
                break
            if transport == Transport.WAITER and waiters.get(start, 0) >= rules.waiter_cap_per_slot:
                continue
            i = index[start]
            if tech_runs[i] < need:
                continue
            for bay in bays:
                if bay_runs[bay][i] >= need:
                    offers.append(SlotOffer(start, end, bay))
                    break
            if len(offers) >= limit:
                return offers
    return offers


def _free_runs(
    slots: list[dt.datetime], slot_minutes: int, busy: list[tuple[dt.datetime, dt.datetime]]
) -> list[int]:
    """For each slot index, how many consecutive free slots start there (backwards scan),
    so "does a job of k slots fit at i" is one comparison."""
    step = dt.timedelta(minutes=slot_minutes)
    n = len(slots)
    taken = [False] * n
    for s, e in busy:
        i = max(0, (s - slots[0]) // step) if slots else 0  # first slot that can overlap
        while i < n and slots[i] < e:
            if s < slots[i] + step:
                taken[i] = True
            i += 1
    runs = [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        runs[i] = 0 if taken[i] else runs[i + 1] + 1
    return runs


def make_serial(day: dt.date, number: int) -> str:
    """Appointment number ``YYYY-MM-DD-NNN`` (per site and day)."""
    return f"{day.isoformat()}-{number:03d}"


# -- day-before confirmation calls: three attempts at three times of day within three days --


class CallOutcome(StrEnum):
    CONFIRMED = "confirmed"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"


CALL_OUTCOME_LABELS = {
    CallOutcome.CONFIRMED: QT_TRANSLATE_NOOP("Labels", "Confirmed"),
    CallOutcome.NO_ANSWER: QT_TRANSLATE_NOOP("Labels", "No answer"),
    CallOutcome.BUSY: QT_TRANSLATE_NOOP("Labels", "Line busy"),
    CallOutcome.WRONG_NUMBER: QT_TRANSLATE_NOOP("Labels", "Wrong number"),
    CallOutcome.RESCHEDULE: QT_TRANSLATE_NOOP("Labels", "Wants another time"),
    CallOutcome.CANCEL: QT_TRANSLATE_NOOP("Labels", "Cancels"),
}

UNREACHED = frozenset({CallOutcome.NO_ANSWER, CallOutcome.BUSY})


class DayPart(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


def day_part(when: dt.datetime) -> DayPart:
    if when.hour < 12:
        return DayPart.MORNING
    return DayPart.AFTERNOON if when.hour < 17 else DayPart.EVENING


class CallAdvice(StrEnum):
    CALL = "call"  # call now
    LATER = "later"  # already tried at this time of day: try at another
    SEND_MESSAGE = "send_message"  # three attempts failed: send an SMS / message
    DONE = "done"  # reached (or a wrong number to correct)
    CORRECT_NUMBER = "correct_number"


def call_advice(
    attempts: Sequence[tuple[dt.datetime, CallOutcome]], now: dt.datetime
) -> CallAdvice:
    """What the unreachable rule says to do next (domain.md §5)."""
    if any(o == CallOutcome.WRONG_NUMBER for _, o in attempts):
        return CallAdvice.CORRECT_NUMBER
    if any(o not in UNREACHED for _, o in attempts):
        return CallAdvice.DONE
    failed = [(t, o) for t, o in attempts if o in UNREACHED]
    parts = {day_part(t) for t, _ in failed}
    if len(failed) >= 3 and len(parts) >= 3:
        return CallAdvice.SEND_MESSAGE
    if failed and failed[0][0] < now - dt.timedelta(days=3) and len(failed) >= 3:
        return CallAdvice.SEND_MESSAGE
    if day_part(now) in parts and len(parts) < 3:
        return CallAdvice.LATER
    return CallAdvice.CALL


@dataclass(frozen=True)
class WorkItem:
    """One job booked: from the labour catalogue (code) or typed in (no code)."""

    name: str
    minutes: int
    code: str = ""


@dataclass
class Appointment:
    """An appointment as the register (预约登记表) and the board show it."""

    serial: str
    start: dt.datetime
    end: dt.datetime
    status: Status
    transport: Transport
    work: list[WorkItem]
    id: str | None = None
    customer_id: str | None = None
    vehicle_id: str | None = None
    bay_id: str | None = None
    technician_id: str | None = None
    advisor_id: str | None = None
    fault: str = ""
    estimate: Decimal = Decimal("0.00")
    parts: str = ""
    phone_record: str = ""
    remarks: str = ""
    override_reason: str = ""
    rescheduled_from: str | None = None
    customer_name: str = ""
    phone: str = ""
    plate: str = ""
    model_name: str = ""
    mileage_km: int | None = None
    last_visit: dt.date | None = None
    # names for display, filled by the repository
    bay_name: str = ""
    technician_name: str = ""
    advisor_name: str = ""

    @property
    def labour_minutes(self) -> int:
        return sum(w.minutes for w in self.work)

    @property
    def hours(self) -> Decimal:
        return Decimal(self.labour_minutes) / HOUR

    @property
    def work_summary(self) -> str:
        return "、".join(w.name for w in self.work) or self.fault

    def booking(self) -> Booking:
        return Booking(
            id=self.id,
            start=self.start,
            end=self.end,
            hours=self.hours,
            bay_id=self.bay_id,
            technician_id=self.technician_id,
            vehicle_id=self.vehicle_id,
            transport=self.transport,
            status=self.status,
        )


@dataclass(frozen=True)
class DamageMark:
    """A mark on the car diagram: position in 0..1 of the drawing's width and height."""

    x: float
    y: float
    kind: str = "scratch"  # scratch, dent, crack, chip, other
    note: str = ""


DAMAGE_KINDS = {
    "scratch": QT_TRANSLATE_NOOP("Labels", "Scratch"),
    "dent": QT_TRANSLATE_NOOP("Labels", "Dent"),
    "crack": QT_TRANSLATE_NOOP("Labels", "Crack"),
    "chip": QT_TRANSLATE_NOOP("Labels", "Stone chip"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}

WARNING_LIGHTS = {
    "engine": QT_TRANSLATE_NOOP("Labels", "Engine"),
    "abs": QT_TRANSLATE_NOOP("Labels", "ABS"),
    "airbag": QT_TRANSLATE_NOOP("Labels", "Airbag"),
    "oil": QT_TRANSLATE_NOOP("Labels", "Oil pressure"),
    "battery": QT_TRANSLATE_NOOP("Labels", "Battery / charging"),
    "tyre": QT_TRANSLATE_NOOP("Labels", "Tyre pressure"),
    "brake": QT_TRANSLATE_NOOP("Labels", "Brake"),
    "coolant": QT_TRANSLATE_NOOP("Labels", "Coolant temperature"),
    "service": QT_TRANSLATE_NOOP("Labels", "Service due"),
}


@dataclass
class CheckIn:
    """Reception (接车): what the advisor records with the customer at the car."""

    mileage_km: int
    fuel_eighths: int
    warning_lights: list[str] = field(default_factory=list)
    valuables: str = ""
    damage: list[DamageMark] = field(default_factory=list)
    concerns: str = ""
    agreed_work: str = ""
    estimate: Decimal = Decimal("0.00")
    promised_at: dt.datetime | None = None
    walkaround_deferred: bool = False
    covers_on: bool = True


def estimate_for(work: Sequence[WorkItem], rules: WorkshopRules) -> Decimal:
    """Labour estimate: hours × the labour rate, rounded half-up to the fen."""
    hours = Decimal(sum(w.minutes for w in work)) / HOUR
    return (hours * rules.labour_rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def check_checkin(c: CheckIn, appointment_mileage: int | None) -> None:
    """Refuse an impossible check-in (raises ValidationError naming the field)."""
    from .errors import ValidationError

    if c.mileage_km < 0 or c.mileage_km > 2_000_000:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Mileage must be between 0 and 2,000,000 km."),
            field="mileage_km",
        )
    if appointment_mileage is not None and c.mileage_km < appointment_mileage:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The odometer shows {typed} km, less than the {known} km already on file: "
                "please read it again.",
            ),
            field="mileage_km",
            typed=str(c.mileage_km),
            known=str(appointment_mileage),
        )
    if not 0 <= c.fuel_eighths <= 8:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Fuel level is between empty (0) and full (8/8)."),
            field="fuel_eighths",
        )
    for mark in c.damage:
        if not (0 <= mark.x <= 1 and 0 <= mark.y <= 1):
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "A damage mark lies outside the car diagram."),
                field="damage",
            )


SLOT_CHOICES = (10, 15, 20, 30, 60)


def validate_rules(rules: WorkshopRules) -> WorkshopRules:
    """Refuse settings the board cannot work with (raises ValidationError naming the field)."""
    from .errors import ValidationError

    for day, span in rules.opening.items():
        if span is not None and span[1] <= span[0]:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Messages", "Closing time must be after opening time (the marked day)."
                ),
                field=f"opening_{day}",
            )
    if rules.slot_minutes not in SLOT_CHOICES:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "A slot is 10, 15, 20, 30 or 60 minutes."),
            field="slot_minutes",
        )
    if not Decimal("0.30") <= rules.efficiency <= Decimal("1.00"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Efficiency is between 30 % and 100 %."),
            field="efficiency",
        )
    if not 0 <= rules.waiter_cap_per_slot <= 20:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The waiter cap is between 0 and 20 per slot."),
            field="waiter_cap_per_slot",
        )
    if rules.labour_rate < 0 or rules.labour_rate > Decimal("100000"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The labour rate must be between ¥0 and ¥100,000."),
            field="labour_rate",
        )
    return rules
