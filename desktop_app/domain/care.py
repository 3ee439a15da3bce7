"""Customer care (客户关怀): which task is due when, the three-attempt rule, call outcomes,
complaints and the monthly KPIs. Pure rules; every timing is a field of :class:`CareRules`, a
setting the manager can change, with the defaults of the domain notes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from .customers import ContactTask
from .deliveries import add_months
from .errors import DomainError, ValidationError
from .i18n import QT_TRANSLATE_NOOP


class CareKind(StrEnum):
    DELIVERY_CALLBACK = "delivery_callback"
    FIRST_MAINTENANCE = "first_maintenance"
    REGULAR_MAINTENANCE = "regular_maintenance"
    WARRANTY_EXPIRY = "warranty_expiry"
    INSURANCE_RENEWAL = "insurance_renewal"
    ANNUAL_INSPECTION = "annual_inspection"
    BIRTHDAY = "birthday"
    SATISFACTION = "satisfaction"
    LOST_RECALL = "lost_recall"
    COMPLAINT_CALLBACK = "complaint_callback"


CARE_KIND_LABELS: dict[CareKind, str] = {
    CareKind.DELIVERY_CALLBACK: QT_TRANSLATE_NOOP("Labels", "Post-delivery callback"),
    CareKind.FIRST_MAINTENANCE: QT_TRANSLATE_NOOP("Labels", "First maintenance"),
    CareKind.REGULAR_MAINTENANCE: QT_TRANSLATE_NOOP("Labels", "Regular maintenance"),
    CareKind.WARRANTY_EXPIRY: QT_TRANSLATE_NOOP("Labels", "Warranty expiry"),
    CareKind.INSURANCE_RENEWAL: QT_TRANSLATE_NOOP("Labels", "Insurance renewal"),
    CareKind.ANNUAL_INSPECTION: QT_TRANSLATE_NOOP("Labels", "Annual inspection"),
    CareKind.BIRTHDAY: QT_TRANSLATE_NOOP("Labels", "Birthday"),
    CareKind.SATISFACTION: QT_TRANSLATE_NOOP("Labels", "Service satisfaction call"),
    CareKind.LOST_RECALL: QT_TRANSLATE_NOOP("Labels", "Lost-customer recall"),
    CareKind.COMPLAINT_CALLBACK: QT_TRANSLATE_NOOP("Labels", "Complaint callback"),
}

# which do-not-contact kind silences which task
DNC_OF: dict[CareKind, ContactTask] = {
    CareKind.DELIVERY_CALLBACK: ContactTask.DELIVERY_CALLBACK,
    CareKind.FIRST_MAINTENANCE: ContactTask.MAINTENANCE_REMINDER,
    CareKind.REGULAR_MAINTENANCE: ContactTask.MAINTENANCE_REMINDER,
    CareKind.WARRANTY_EXPIRY: ContactTask.MAINTENANCE_REMINDER,
    CareKind.INSURANCE_RENEWAL: ContactTask.INSURANCE_RENEWAL,
    CareKind.ANNUAL_INSPECTION: ContactTask.INSPECTION_REMINDER,
    CareKind.BIRTHDAY: ContactTask.BIRTHDAY,
    CareKind.SATISFACTION: ContactTask.SATISFACTION_SURVEY,
    CareKind.LOST_RECALL: ContactTask.MARKETING,
    # a complaint is always followed up: the customer asked for it
}


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    FAILED = "failed"  # unreachable after three attempts and the message
    CANCELLED = "cancelled"  # do-not-contact, or the reason for it went away
    EXPIRED = "expired"  # a satisfaction call past day 15


TASK_STATUS_LABELS: dict[TaskStatus, str] = {
    TaskStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    TaskStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    TaskStatus.FAILED: QT_TRANSLATE_NOOP("Labels", "Unreachable"),
    TaskStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    TaskStatus.EXPIRED: QT_TRANSLATE_NOOP("Labels", "Expired"),
}


@dataclass(frozen=True)
class CareRules:
    """The timings of customer care (domain notes §5); each a site setting."""

    callback_days: tuple[int, ...] = (1, 3, 7, 30, 90)
    first_window_months: int = 2  # first maintenance: window opens 2 months after delivery
    regular_interval_months: int = 6  # 定保 every 6 months …
    regular_interval_km: int = 10_000  # … or 10,000 km, whichever first
    regular_lead_days: int = 7
    warranty_lead_months: int = 1
    insurance_lead_months: int = 2
    inspection_lead_days: int = 30
    inspection_first_years: int = 6  # new private cars: first inspection at 6 years
    birthday_within_hours: int = 2  # call within 2 h of opening
    satisfaction_after_days: int = 3
    satisfaction_expires_days: int = 15
    lost_min_days: int = 90
    lost_max_days: int = 360
    complaint_response_minutes: int = 30
    complaint_callback_hours: int = 24
    complaint_second_days: int = 7
    attempts: int = 3
    attempt_window_days: int = 3
    horizon_days: int = 14  # generate tasks that open within the next two weeks

    def to_json(self) -> dict[str, object]:
        return {
            f.name: list(getattr(self, f.name))
            if isinstance(getattr(self, f.name), tuple)
            else getattr(self, f.name)
            for f in fields(self)
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> CareRules:
        base = cls()
        values: dict[str, object] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            raw = data[f.name]
            if isinstance(getattr(base, f.name), tuple):
                assert isinstance(raw, list)
                values[f.name] = tuple(int(x) for x in raw)
            else:
                values[f.name] = int(str(raw))
        return replace(base, **values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Due:
    """A task the rules want: what, for whom, from when it shows, by when."""

    kind: CareKind
    customer_id: str
    vehicle_id: str | None
    opens: dt.date
    due: dt.date
    key: str  # the rule's identity of this task: generation never makes it twice
    title: str = ""
    expires: dt.date | None = None


# -- the rules, one function each -------------------------------------------------------------


def regular_maintenance_due(
    last_service: dt.date,
    mileage_km: int | None,
    sale_date: dt.date | None,
    today: dt.date,
    rules: CareRules,
) -> dt.date:
    """定保: the interval in months after the last service, or earlier when the car's average
    daily distance reaches the interval in km first."""
    by_months = add_months(last_service, rules.regular_interval_months)
    if not mileage_km or not sale_date or sale_date >= today:
        return by_months
    per_day = Decimal(mileage_km) / Decimal((today - sale_date).days)
    if per_day <= 0:
        return by_months
    days = int((Decimal(rules.regular_interval_km) / per_day).to_integral_value(ROUND_HALF_UP))
    if days >= (by_months - last_service).days:
        return by_months  # a car that barely moves is due by the months
    return last_service + dt.timedelta(days=max(days, 1))


def inspection_due(sale_date: dt.date, today: dt.date, rules: CareRules) -> dt.date:
    """年检: the first at six years from registration, then every year on the anniversary."""
    first = add_months(sale_date, 12 * rules.inspection_first_years)
    if today <= first:
        return first
    years = today.year - sale_date.year
    candidate = add_months(sale_date, 12 * years)
    return candidate if candidate >= today else add_months(sale_date, 12 * (years + 1))


def next_birthday(birthday: dt.date, today: dt.date) -> dt.date:
    """This year's birthday (29 February → 28 February in other years), or next year's."""

    def on(year: int) -> dt.date:
        try:
            return birthday.replace(year=year)
        except ValueError:  # 29 Feb in a common year
            return dt.date(year, 2, 28)

    this = on(today.year)
    return this if this >= today else on(today.year + 1)


class LostClass(StrEnum):
    LOCAL_IN_WARRANTY = "local_in_warranty"
    LOCAL_OUT_OF_WARRANTY = "local_out_of_warranty"
    OUT_OF_TOWN_IN_WARRANTY = "out_of_town_in_warranty"
    OUT_OF_TOWN_OUT_OF_WARRANTY = "out_of_town_out_of_warranty"
    # the notes name six classes: the last two keep cars whose warranty is unknown apart
    LOCAL_UNKNOWN = "local_unknown"
    OUT_OF_TOWN_UNKNOWN = "out_of_town_unknown"


LOST_CLASS_LABELS: dict[LostClass, str] = {
    LostClass.LOCAL_IN_WARRANTY: QT_TRANSLATE_NOOP("Labels", "Local, in warranty"),
    LostClass.LOCAL_OUT_OF_WARRANTY: QT_TRANSLATE_NOOP("Labels", "Local, out of warranty"),
    LostClass.OUT_OF_TOWN_IN_WARRANTY: QT_TRANSLATE_NOOP("Labels", "Out of town, in warranty"),
    LostClass.OUT_OF_TOWN_OUT_OF_WARRANTY: QT_TRANSLATE_NOOP(
        "Labels", "Out of town, out of warranty"
    ),
    LostClass.LOCAL_UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Local, warranty unknown"),
    LostClass.OUT_OF_TOWN_UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Out of town, warranty unknown"),
}


def lost_class(
    last_visit: dt.date | None,
    today: dt.date,
    local: bool,
    warranty_end: dt.date | None,
    booked: bool,
    rules: CareRules,
) -> LostClass | None:
    """A lost customer: last visit 90–360 days ago and nothing booked; classed local /
    out-of-town × in / out of warranty."""
    if last_visit is None or booked:
        return None
    days = (today - last_visit).days
    if not rules.lost_min_days <= days <= rules.lost_max_days:
        return None
    if warranty_end is None:
        return LostClass.LOCAL_UNKNOWN if local else LostClass.OUT_OF_TOWN_UNKNOWN
    inside = warranty_end >= today
    if local:
        return LostClass.LOCAL_IN_WARRANTY if inside else LostClass.LOCAL_OUT_OF_WARRANTY
    return LostClass.OUT_OF_TOWN_IN_WARRANTY if inside else LostClass.OUT_OF_TOWN_OUT_OF_WARRANTY


# -- calling: attempts and outcomes -----------------------------------------------------------


class Daypart(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


DAYPART_LABELS: dict[Daypart, str] = {
    Daypart.MORNING: QT_TRANSLATE_NOOP("Labels", "morning"),
    Daypart.AFTERNOON: QT_TRANSLATE_NOOP("Labels", "afternoon"),
    Daypart.EVENING: QT_TRANSLATE_NOOP("Labels", "evening"),
}


def daypart(at: dt.datetime) -> Daypart:
    if at.hour < 12:
        return Daypart.MORNING
    if at.hour < 17:
        return Daypart.AFTERNOON
    return Daypart.EVENING


class Unreached(StrEnum):
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    SWITCHED_OFF = "switched_off"
    WRONG_NUMBER = "wrong_number"
    REFUSED = "refused"
    OTHER = "other"


UNREACHED_LABELS: dict[Unreached, str] = {
    Unreached.NO_ANSWER: QT_TRANSLATE_NOOP("Labels", "No answer"),
    Unreached.BUSY: QT_TRANSLATE_NOOP("Labels", "Busy"),
    Unreached.SWITCHED_OFF: QT_TRANSLATE_NOOP("Labels", "Switched off"),
    Unreached.WRONG_NUMBER: QT_TRANSLATE_NOOP("Labels", "Wrong number"),
    Unreached.REFUSED: QT_TRANSLATE_NOOP("Labels", "Refused to talk"),
    Unreached.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}


class Satisfaction(StrEnum):
    VERY_GOOD = "very_good"
    GOOD = "good"
    AVERAGE = "average"
    DISSATISFIED = "dissatisfied"
    COMPLAINT = "complaint"


SATISFACTION_LABELS: dict[Satisfaction, str] = {
    Satisfaction.VERY_GOOD: QT_TRANSLATE_NOOP("Labels", "Very good"),
    Satisfaction.GOOD: QT_TRANSLATE_NOOP("Labels", "Good"),
    Satisfaction.AVERAGE: QT_TRANSLATE_NOOP("Labels", "Average"),
    Satisfaction.DISSATISFIED: QT_TRANSLATE_NOOP("Labels", "Dissatisfied"),
    Satisfaction.COMPLAINT: QT_TRANSLATE_NOOP("Labels", "Complaint"),
}


class Grievance(StrEnum):
    ATTITUDE = "attitude"
    QUALITY = "repair_quality"
    PRICE = "price"
    TIME = "repair_time"
    PARTS = "parts_supply"
    OTHER = "other"


GRIEVANCE_LABELS: dict[Grievance, str] = {
    Grievance.ATTITUDE: QT_TRANSLATE_NOOP("Labels", "Staff attitude"),
    Grievance.QUALITY: QT_TRANSLATE_NOOP("Labels", "Repair quality"),
    Grievance.PRICE: QT_TRANSLATE_NOOP("Labels", "Price"),
    Grievance.TIME: QT_TRANSLATE_NOOP("Labels", "Repair time"),
    Grievance.PARTS: QT_TRANSLATE_NOOP("Labels", "Parts supply"),
    Grievance.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}


class ServiceType(StrEnum):
    MAINTENANCE = "maintenance"
    REPAIR = "repair"


@dataclass(frozen=True)
class Attempt:
    at: dt.datetime  # local time of the call
    reached: bool
    reason: Unreached | None = None
    channel: str = "call"  # call | sms | message


class AttemptRefused(DomainError):
    label_params = ("part",)  # the part of the day is a label the UI translates


def check_attempt(earlier: list[Attempt], at: dt.datetime, rules: CareRules) -> None:
    """The unreachable rule: three attempts at three different times of day within three days.
    Refuses a call in a part of the day already tried, and a fourth call."""
    calls = [a for a in earlier if a.channel == "call" and not a.reached]
    if len(calls) >= rules.attempts:
        raise AttemptRefused(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{count} calls have been tried: send the reminder message and record the task "
                "as unreachable instead of calling a fourth time.",
            ),
            field="attempt",
            count=str(rules.attempts),
        )
    # the window: calls of the last three days count; older ones leave the day free again
    recent = [a for a in calls if (at.date() - a.at.date()).days < rules.attempt_window_days]
    tried = {daypart(a.at) for a in recent}
    if daypart(at) in tried:
        raise AttemptRefused(
            QT_TRANSLATE_NOOP(
                "Messages",
                "A call in the {part} was already tried: the three attempts must be at "
                "different times of day (morning, afternoon, evening).",
            ),
            field="attempt",
            part=DAYPART_LABELS[daypart(at)],
        )


def attempts_spent(earlier: list[Attempt], rules: CareRules) -> bool:
    """Three unanswered calls: time for the message and the failure record."""
    return len([a for a in earlier if a.channel == "call" and not a.reached]) >= rules.attempts


def fallback_channel(kind: CareKind) -> str:
    """After three attempts: an SMS for first maintenance, a message for the others."""
    return "sms" if kind is CareKind.FIRST_MAINTENANCE else "message"


@dataclass(frozen=True)
class Outcome:
    """What a reached call found out (the follow-up report's fields)."""

    satisfaction: Satisfaction | None = None
    grievances: frozenset[Grievance] = frozenset()
    mileage_km: int | None = None
    service_type: ServiceType | None = None
    wants_appointment: bool = False
    note: str = ""


def check_outcome(kind: CareKind, outcome: Outcome) -> None:
    """A satisfaction call needs the rating and, when not satisfied, what dissatisfied; a
    complaint needs its description; a reported mileage is plausible."""
    if kind is CareKind.SATISFACTION and outcome.satisfaction is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Choose how satisfied the customer is (5 levels)."),
            field="satisfaction",
        )
    if (
        outcome.satisfaction in (Satisfaction.DISSATISFIED, Satisfaction.COMPLAINT)
        and not outcome.grievances
    ):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Tick what the customer was not satisfied with (one or more).",
            ),
            field="grievances",
        )
    if outcome.satisfaction is Satisfaction.COMPLAINT and not outcome.note.strip():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "Write down the complaint in the customer's words."),
            field="note",
        )
    if outcome.mileage_km is not None and not 0 <= outcome.mileage_km <= 2_000_000:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "A mileage of {km} km is not plausible."),
            field="mileage",
            km=str(outcome.mileage_km),
        )


# -- complaints -------------------------------------------------------------------------------


class ComplaintStatus(StrEnum):
    OPEN = "open"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"


COMPLAINT_STATUS_LABELS: dict[ComplaintStatus, str] = {
    ComplaintStatus.OPEN: QT_TRANSLATE_NOOP("Labels", "Open"),
    ComplaintStatus.ESCALATED: QT_TRANSLATE_NOOP("Labels", "Escalated"),
    ComplaintStatus.RESOLVED: QT_TRANSLATE_NOOP("Labels", "Resolved"),
    ComplaintStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
}


class Resolution(StrEnum):
    REWORK = "rework"
    REFUND = "partial_refund"
    GOODWILL = "goodwill"
    APOLOGY = "apology"
    EXPLANATION = "explanation"
    OTHER = "other"


RESOLUTION_LABELS: dict[Resolution, str] = {
    Resolution.REWORK: QT_TRANSLATE_NOOP("Labels", "Repair again free of charge"),
    Resolution.REFUND: QT_TRANSLATE_NOOP("Labels", "Partial refund"),
    Resolution.GOODWILL: QT_TRANSLATE_NOOP("Labels", "Goodwill (voucher, free service)"),
    Resolution.APOLOGY: QT_TRANSLATE_NOOP("Labels", "Apology"),
    Resolution.EXPLANATION: QT_TRANSLATE_NOOP("Labels", "Explanation accepted"),
    Resolution.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}


def response_due(opened: dt.datetime, rules: CareRules) -> dt.datetime:
    return opened + dt.timedelta(minutes=rules.complaint_response_minutes)


def complaint_callbacks(resolved: dt.datetime, rules: CareRules) -> list[tuple[str, dt.date]]:
    """The callbacks after a resolution: within 24 hours, and again within 7 days."""
    return [
        ("24h", (resolved + dt.timedelta(hours=rules.complaint_callback_hours)).date()),
        ("7d", (resolved + dt.timedelta(days=rules.complaint_second_days)).date()),
    ]


# -- KPIs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiCounts:
    """The month's counts the KPIs are made of."""

    month: str  # YYYY-MM
    first_due: int = 0  # first maintenances due in the month
    first_returned: int = 0  # … of which the car came back
    regular_due: int = 0
    regular_returned: int = 0
    visits: int = 0  # repair orders opened
    visits_with_appointment: int = 0
    appointments: int = 0  # appointments planned in the month (not cancelled)
    shows: int = 0  # … the customer came
    owners: int = 0  # customers with a car on file, start of the month
    lost: int = 0  # … last visit 90-360 days ago at the end of the month
    callbacks_due: int = 0
    callbacks_on_time: int = 0
    explanation_minutes: list[int] = field(default_factory=list)


def rate(part: int, whole: int) -> Decimal | None:
    """A percentage to one decimal, or None when there is nothing to divide (no data)."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass(frozen=True)
class Kpis:
    month: str
    first_maintenance_return: Decimal | None
    regular_maintenance_return: Decimal | None
    appointment_rate: Decimal | None
    show_rate: Decimal | None
    lost_rate: Decimal | None
    callbacks_on_time: Decimal | None
    explanation_minutes: Decimal | None  # average handover explanation

    @property
    def empty(self) -> bool:
        """Nothing happened in the month (the lost rate alone is no activity: it is worked out
        from the customer base, which exists in every month)."""
        return all(
            v is None
            for v in (
                self.first_maintenance_return,
                self.regular_maintenance_return,
                self.appointment_rate,
                self.show_rate,
                self.callbacks_on_time,
                self.explanation_minutes,
            )
        )


def kpis(c: KpiCounts) -> Kpis:
    minutes = (
        (Decimal(sum(c.explanation_minutes)) / len(c.explanation_minutes)).quantize(
            Decimal("0.1"), ROUND_HALF_UP
        )
        if c.explanation_minutes
        else None
    )
    return Kpis(
        month=c.month,
        first_maintenance_return=rate(c.first_returned, c.first_due),
        regular_maintenance_return=rate(c.regular_returned, c.regular_due),
        appointment_rate=rate(c.visits_with_appointment, c.visits),
        show_rate=rate(c.shows, c.appointments),
        lost_rate=rate(c.lost, c.owners),
        callbacks_on_time=rate(c.callbacks_on_time, c.callbacks_due),
        explanation_minutes=minutes,
    )


KPI_LABELS: dict[str, str] = {
    "first_maintenance_return": QT_TRANSLATE_NOOP("Labels", "First-maintenance return rate"),
    "regular_maintenance_return": QT_TRANSLATE_NOOP("Labels", "Regular-maintenance return rate"),
    "appointment_rate": QT_TRANSLATE_NOOP("Labels", "Appointment rate"),
    "show_rate": QT_TRANSLATE_NOOP("Labels", "Show rate"),
    "lost_rate": QT_TRANSLATE_NOOP("Labels", "Lost rate"),
    "callbacks_on_time": QT_TRANSLATE_NOOP("Labels", "Callbacks done on time"),
    "explanation_minutes": QT_TRANSLATE_NOOP("Labels", "Delivery explanation (minutes)"),
}


class NoKpiData(DomainError):
    def __init__(self, month: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages",
                "There is no data for {month} yet: no visits, appointments, callbacks or "
                "deliveries fall in that month. Choose another month.",
            ),
            field="month",
            month=month,
        )


def parse_month(text: str) -> tuple[dt.date, dt.date]:
    """'2026-10' → (first day, first day of the next month)."""
    try:
        first = dt.date.fromisoformat(text.strip() + "-01")
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "“{text}” is not a month: write it as YYYY-MM."),
            field="month",
            text=text,
        ) from None
    return first, add_months(first, 1)


# the settings form: each timing, its label, its unit and the range a manager may choose
RULE_FIELDS: tuple[tuple[str, str, int, int], ...] = (
    (
        "first_window_months",
        QT_TRANSLATE_NOOP("Labels", "First maintenance: window opens after (months)"),
        1,
        12,
    ),
    (
        "regular_interval_months",
        QT_TRANSLATE_NOOP("Labels", "Regular maintenance: every (months)"),
        1,
        24,
    ),
    (
        "regular_interval_km",
        QT_TRANSLATE_NOOP("Labels", "Regular maintenance: every (km)"),
        1000,
        50_000,
    ),
    (
        "regular_lead_days",
        QT_TRANSLATE_NOOP("Labels", "Regular maintenance: remind before due (days)"),
        0,
        60,
    ),
    (
        "warranty_lead_months",
        QT_TRANSLATE_NOOP("Labels", "Warranty expiry: remind before (months)"),
        0,
        12,
    ),
    (
        "insurance_lead_months",
        QT_TRANSLATE_NOOP("Labels", "Insurance renewal: remind before expiry (months)"),
        0,
        6,
    ),
    (
        "inspection_lead_days",
        QT_TRANSLATE_NOOP("Labels", "Annual inspection: remind before due (days)"),
        0,
        90,
    ),
    (
        "inspection_first_years",
        QT_TRANSLATE_NOOP("Labels", "Annual inspection: first at (years)"),
        1,
        10,
    ),
    (
        "birthday_within_hours",
        QT_TRANSLATE_NOOP("Labels", "Birthday: call within (hours of opening)"),
        1,
        12,
    ),
    (
        "satisfaction_after_days",
        QT_TRANSLATE_NOOP("Labels", "Satisfaction call: after the repair (days)"),
        0,
        30,
    ),
    (
        "satisfaction_expires_days",
        QT_TRANSLATE_NOOP("Labels", "Satisfaction call: expires on day"),
        1,
        60,
    ),
    (
        "lost_min_days",
        QT_TRANSLATE_NOOP("Labels", "Lost customer: last visit at least (days ago)"),
        30,
        720,
    ),
    (
        "lost_max_days",
        QT_TRANSLATE_NOOP("Labels", "Lost customer: last visit at most (days ago)"),
        60,
        1500,
    ),
    (
        "complaint_response_minutes",
        QT_TRANSLATE_NOOP("Labels", "Complaint: first response within (minutes)"),
        5,
        480,
    ),
    (
        "complaint_callback_hours",
        QT_TRANSLATE_NOOP("Labels", "Complaint: callback after resolution (hours)"),
        1,
        168,
    ),
    (
        "complaint_second_days",
        QT_TRANSLATE_NOOP("Labels", "Complaint: second callback (days)"),
        1,
        60,
    ),
    ("attempts", QT_TRANSLATE_NOOP("Labels", "Unreachable after (calls)"), 1, 10),
    ("attempt_window_days", QT_TRANSLATE_NOOP("Labels", "… within (days)"), 1, 14),
    ("horizon_days", QT_TRANSLATE_NOOP("Labels", "Show tasks opening within (days)"), 0, 60),
)


def validate_rules(rules: CareRules) -> None:
    """Refuse timings outside their ranges or that contradict each other, naming the field."""
    for name, _label, low, high in RULE_FIELDS:
        value = getattr(rules, name)
        if not low <= value <= high:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "This value must be between {low} and {high}."),
                field=name,
                low=str(low),
                high=str(high),
            )
    if rules.lost_min_days >= rules.lost_max_days:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Messages", "The lost-customer window must end after it starts."),
            field="lost_max_days",
        )
    if rules.satisfaction_after_days >= rules.satisfaction_expires_days:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages", "The satisfaction call must expire after the day it opens."
            ),
            field="satisfaction_expires_days",
        )
    days = rules.callback_days
    if not days or any(d < 0 or d > 365 for d in days) or list(days) != sorted(set(days)):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Callback days are whole days after delivery, ascending, e.g. 1, 3, 7, 30, 90.",
            ),
            field="callback_days",
        )
