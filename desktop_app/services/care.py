"""Customer care: generating the worklist from the data, working a task (attempts, outcome,
message fallback, failure record), do-not-contact, complaints, and the monthly KPIs.

Generation is a reconciliation and idempotent: each rule task has a key made of what it is
about (``regular:<vehicle>:<last service>``), a key is never generated twice, and when the facts
behind an open task change (a maintenance done elsewhere, a new mileage) the open task is
cancelled and its successor generated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ..domain.care import (
    DNC_OF,
    Attempt,
    AttemptRefused,
    CareKind,
    CareRules,
    ComplaintStatus,
    Due,
    Kpis,
    NoKpiData,
    Outcome,
    Resolution,
    Satisfaction,
    TaskStatus,
    Unreached,
    attempts_spent,
    check_attempt,
    check_outcome,
    complaint_callbacks,
    fallback_channel,
    inspection_due,
    kpis,
    lost_class,
    next_birthday,
    parse_month,
    regular_maintenance_due,
    validate_rules,
)
from ..domain.customers import ContactTask
from ..domain.deliveries import add_months
from ..domain.errors import DomainError, ValidationError
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.roles import Permission
from ..domain.staff import Session
from ..storage.care import CareRepository, CarFacts, Complaint, WorkItem, local_text
from ..storage.db import Database, new_row, utc_now_text
from ..storage.models import CustomerDnc, VehicleRow
from .errors import NotFound, PermissionDenied

__all__ = [
    "CareService",
    "Complaint",
    "GenerationReport",
    "TaskClosed",
    "WorkItem",
]


class TaskClosed(DomainError):
    label_params = ("status",)

    def __init__(self, status: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Messages", "This task is already {status}: nothing more to record on it."
            ),
            status=status,
        )


@dataclass(frozen=True)
class GenerationReport:
    created: int
    cancelled: int
    expired: int
    checked_vehicles: int


@dataclass(frozen=True)
class OutcomeResult:
    """What the worklist does next: open the booking dialog, show the new complaint."""

    booking_customer_id: str | None
    booking_vehicle_id: str | None
    complaint_id: str | None


def _needs_reason() -> ValidationError:
    return ValidationError(
        QT_TRANSLATE_NOOP("Messages", "Give the reason the customer asked not to be contacted."),
        field="reason",
    )


class CareService:
    def __init__(
        self,
        db: Database,
        session: Session,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        self.db = db
        self.session = session
        self.now = now
        self.repo = CareRepository(db)

    def _require(self) -> None:
        if not self.session.can(Permission.WORK_CARE_LIST):
            raise PermissionDenied()

    # -- settings ------------------------------------------------------------------------

    def rules(self) -> CareRules:
        data = self.repo.rules_json(self.session.site.id)
        return CareRules() if data is None else CareRules.from_json(data)

    def save_rules(self, rules: CareRules) -> None:
        if not self.session.can(Permission.EDIT_SETTINGS):
            raise PermissionDenied()
        validate_rules(rules)
        with self.db.write():
            self.repo.save_rules_json(self.session.site.id, rules.to_json(), self.session.staff.id)

    # -- generation ----------------------------------------------------------------------

    def wanted(self, today: dt.date, rules: CareRules) -> list[Due]:
        """Every task the rules want as of ``today`` (opening up to the horizon)."""
        horizon = today + dt.timedelta(days=rules.horizon_days)
        out: list[Due] = []
        for car in self.repo.car_facts(today):
            out += self._car_tasks(car, today, horizon, rules)
        for customer_id, birthday in self.repo.birthdays():
            day = next_birthday(birthday, today)
            if day <= horizon:
                out.append(
                    Due(
                        CareKind.BIRTHDAY,
                        customer_id,
                        None,
                        day,
                        day,
                        f"birthday:{customer_id}:{day.isoformat()}",
                    )
                )
        since = today - dt.timedelta(days=rules.satisfaction_expires_days)
        for ro_id, owner, vehicle_id, closed in self.repo.closed_repair_orders(since):
            if not owner:
                continue
            opens = closed + dt.timedelta(days=rules.satisfaction_after_days)
            due = closed + dt.timedelta(days=rules.satisfaction_expires_days)
            if opens <= horizon and due >= today:
                out.append(
                    Due(
                        CareKind.SATISFACTION,
                        owner,
                        vehicle_id,
                        opens,
                        due,
                        f"csi:{ro_id}",
                        expires=due,
                    )
                )
        return out

    def _car_tasks(
        self, car: CarFacts, today: dt.date, horizon: dt.date, rules: CareRules
    ) -> list[Due]:
        out: list[Due] = []
        v, c = car.vehicle_id, car.customer_id
        sale = car.sale_date
        if sale is not None:
            first_due = add_months(sale, max(car.first_service_months, 1))
            if today <= add_months(first_due, 1):
                opens = min(add_months(sale, rules.first_window_months), first_due)
                if opens <= horizon:
                    out.append(
                        Due(CareKind.FIRST_MAINTENANCE, c, v, opens, first_due, f"first:{v}")
                    )
            else:
                last = car.last_visit or sale
                due = regular_maintenance_due(last, car.mileage_km, sale, today, rules)
                opens = due - dt.timedelta(days=rules.regular_lead_days)
                # months overdue is no reminder any more: the lost-customer recall takes over
                stale = due < today - dt.timedelta(days=30)
                if opens <= horizon and not car.booked and not stale:
                    out.append(
                        Due(
                            CareKind.REGULAR_MAINTENANCE,
                            c,
                            v,
                            opens,
                            due,
                            f"regular:{v}:{last.isoformat()}",
                        )
                    )
            inspection = inspection_due(sale, today, rules)
            opens = inspection - dt.timedelta(days=rules.inspection_lead_days)
            if opens <= horizon:
                out.append(
                    Due(
                        CareKind.ANNUAL_INSPECTION,
                        c,
                        v,
                        opens,
                        inspection,
                        f"inspection:{v}:{inspection.isoformat()}",
                    )
                )
        if car.warranty_end is not None and car.warranty_end >= today:
            # shows a month before the warranty ends and is due by the day it ends
            opens = add_months(car.warranty_end, -rules.warranty_lead_months)
            if opens <= horizon:
                out.append(
                    Due(
                        CareKind.WARRANTY_EXPIRY,
                        c,
                        v,
                        opens,
                        car.warranty_end,
                        f"warranty:{v}:{car.warranty_end.isoformat()}",
                        title=car.warranty_end.isoformat(),
                    )
                )
        if car.insurance_expiry is not None and car.insurance_expiry >= today:
            opens = add_months(car.insurance_expiry, -rules.insurance_lead_months)
            if opens <= horizon:
                out.append(
                    Due(
                        CareKind.INSURANCE_RENEWAL,
                        c,
                        v,
                        opens,
                        car.insurance_expiry,
                        f"insurance:{v}:{car.insurance_expiry.isoformat()}",
                    )
                )
        klass = lost_class(car.last_visit, today, car.local, car.warranty_end, car.booked, rules)
        if klass is not None and car.last_visit is not None:
            out.append(
                Due(
                    CareKind.LOST_RECALL,
                    c,
                    v,
                    today,
                    today + dt.timedelta(days=7),
                    f"lost:{v}:{car.last_visit.isoformat()}",
                    title=klass.value,
                )
            )
        return out

    def generate(self, today: dt.date | None = None) -> GenerationReport:
        """Bring the worklist in line with the data: add what the rules want and nothing
        twice, cancel what was superseded or is not wanted by the customer (do-not-contact),
        expire satisfaction calls past their last day."""
        today = today or self.now().date()
        rules = self.rules()
        with self.db.write():
            wanted = self.wanted(today, rules)
            dnc = self.repo.do_not_contact()
            keys, taken, open_rule = self.repo.task_index()
            fresh: list[Due] = []
            wanted_keys = {d.key for d in wanted}
            for due in wanted:
                subject = due.vehicle_id or due.customer_id
                if due.key in keys or self._silenced(dnc, due.customer_id, due.kind):
                    continue
                if self._near(taken.get((due.kind.value, subject), ()), due.due):
                    continue  # the delivery (or an earlier rule) already made this one
                keys.add(due.key)
                fresh.append(due)
            self.repo.insert_tasks(self.session.site.id, fresh, self.session.staff.id)
            # an open reminder whose reason went away (a maintenance done or booked, the
            # customer back, the facts changed and a successor made) is cancelled
            on_file = {d.vehicle_id for d in wanted} | self.repo.vehicle_ids()
            regenerating = (CareKind.REGULAR_MAINTENANCE.value, CareKind.LOST_RECALL.value)
            gone = [
                task_id
                for key, (task_id, kind, subject) in open_rule.items()
                if kind in regenerating and subject in on_file and key not in wanted_keys
            ]
            cancelled = self.repo.set_status(gone, TaskStatus.CANCELLED, self.session.staff.id)
            cancelled += self._apply_dnc(dnc)
            expired = self.repo.set_status(
                self.repo.open_tasks_to_expire(CareKind.SATISFACTION, today),
                TaskStatus.EXPIRED,
                self.session.staff.id,
            )
        return GenerationReport(len(fresh), cancelled, expired, len({d.vehicle_id for d in wanted}))

    @staticmethod
    def _near(dues: list[dt.date] | tuple[()], due: dt.date) -> bool:
        """The same reminder for the same car within 45 days: the delivery's follow-up and a
        rule's may count from slightly different dates; one call is enough."""
        return any(abs((other - due).days) <= 45 for other in dues)

    @staticmethod
    def _silenced(dnc: set[tuple[str, str]], customer_id: str, kind: CareKind) -> bool:
        if kind is CareKind.COMPLAINT_CALLBACK:
            return False  # the customer asked for this one
        if (customer_id, ContactTask.ALL.value) in dnc:
            return True
        task = DNC_OF.get(kind)
        return task is not None and (customer_id, task.value) in dnc

    def _apply_dnc(self, dnc: set[tuple[str, str]]) -> int:
        ids: list[str] = []
        for customer_id in {c for c, _ in dnc}:
            for task_id, kind in self.repo.open_tasks_of(customer_id):
                if self._silenced(dnc, customer_id, CareKind(kind)):
                    ids.append(task_id)
        return self.repo.set_status(ids, TaskStatus.CANCELLED, self.session.staff.id)

    # -- the worklist --------------------------------------------------------------------

    def worklist(
        self,
        day: dt.date | None = None,
        kinds: tuple[CareKind, ...] = (),
        mine: bool = False,
        due_until: dt.date | None = None,
        text: str = "",
        statuses: tuple[TaskStatus, ...] = (TaskStatus.OPEN,),
    ) -> list[WorkItem]:
        """Today's and overdue tasks (those open by ``day``), soonest due first."""
        day = day or self.now().date()
        return self.repo.worklist(
            day,
            statuses,
            kinds,
            self.session.staff.id if mine else None,
            due_until,
            text,
        )

    def task(self, task_id: str) -> WorkItem:
        item = self.repo.task(task_id)
        if item is None:
            raise NotFound()
        return item

    def attempts(self, task_id: str) -> list[Attempt]:
        return self.repo.attempts(task_id)

    def outcome(self, task_id: str) -> tuple[dt.datetime, Outcome] | None:
        return self.repo.outcome(task_id)

    def assign(self, task_ids: list[str], staff_id: str | None) -> None:
        self._require()
        with self.db.write():
            self.repo.assign(task_ids, staff_id, self.session.staff.id)

    def _open_task(self, task_id: str) -> WorkItem:
        item = self.task(task_id)
        if item.status is not TaskStatus.OPEN:
            from ..domain.care import TASK_STATUS_LABELS

            raise TaskClosed(TASK_STATUS_LABELS[item.status])
        return item

    # -- working a task ------------------------------------------------------------------

    def record_unreached(
        self, task_id: str, reason: Unreached, note: str = "", at: dt.datetime | None = None
    ) -> list[Attempt]:
        """A call that did not reach the customer. A wrong number ends the calling at once
        (the task fails with that reason and the number goes to correction)."""
        self._require()
        at = at or self.now()
        with self.db.write():
            item = self._open_task(task_id)
            earlier = self.repo.attempts(task_id)
            check_attempt(earlier, at, self.rules())
            self.repo.add_attempt(
                task_id, Attempt(at, False, reason, "call"), note, self.session.staff.id
            )
            if reason is Unreached.WRONG_NUMBER:
                self.repo.set_status([item.id], TaskStatus.FAILED, self.session.staff.id)
        return self.repo.attempts(task_id)

    def send_fallback(self, task_id: str, text: str, at: dt.datetime | None = None) -> None:
        """After three unanswered calls: the SMS (first maintenance) or message (others) is
        recorded; then :meth:`record_failure` closes the task."""
        self._require()
        at = at or self.now()
        with self.db.write():
            item = self._open_task(task_id)
            rules = self.rules()
            if not attempts_spent(self.repo.attempts(task_id), rules):
                raise AttemptRefused(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "Call {count} times at different times of day before sending the "
                        "message instead.",
                    ),
                    field="attempt",
                    count=str(rules.attempts),
                )
            self.repo.add_attempt(
                task_id,
                Attempt(at, False, None, fallback_channel(item.kind)),
                text.strip(),
                self.session.staff.id,
            )

    def record_failure(self, task_id: str, reason: Unreached, note: str = "") -> None:
        """The failure record: unreachable after the attempts and the message."""
        self._require()
        with self.db.write():
            item = self._open_task(task_id)
            attempts = self.repo.attempts(task_id)
            if not attempts_spent(attempts, self.rules()):
                raise AttemptRefused(
                    QT_TRANSLATE_NOOP(
                        "Messages",
                        "A task is recorded as unreachable only after {count} calls at "
                        "different times of day.",
                    ),
                    field="attempt",
                    count=str(self.rules().attempts),
                )
            if not any(a.channel != "call" for a in attempts):
                raise AttemptRefused(
                    QT_TRANSLATE_NOOP(
                        "Messages", "Send the reminder message first, then record the failure."
                    ),
                    field="attempt",
                )
            self.repo.add_attempt(
                task_id,
                Attempt(self.now(), False, reason, "failure"),
                note,
                self.session.staff.id,
            )
            self.repo.set_status([item.id], TaskStatus.FAILED, self.session.staff.id)

    def record_outcome(
        self, task_id: str, outcome: Outcome, at: dt.datetime | None = None
    ) -> OutcomeResult:
        """The customer was reached: record what they said, close the task. A complaint opens
        a complaint; a reported mileage updates the car; a wanted appointment is returned so
        the booking dialog opens prefilled."""
        self._require()
        check_outcome(self.task(task_id).kind, outcome)
        at = at or self.now()
        with self.db.write():
            item = self._open_task(task_id)
            self.repo.add_attempt(
                task_id, Attempt(at, True, None, "call"), "", self.session.staff.id
            )
            complaint_id = None
            if outcome.satisfaction is Satisfaction.COMPLAINT:
                complaint_id = self._open_complaint_in_tx(
                    item.customer_id,
                    item.vehicle_id,
                    outcome.note,
                    "callback",
                    "normal",
                    at,
                    source_task_id=item.id,
                )
            self.repo.add_outcome(task_id, at, outcome, complaint_id, self.session.staff.id)
            if outcome.mileage_km is not None and item.vehicle_id:
                VehicleRow.update(
                    mileage_km=outcome.mileage_km,
                    updated_at=utc_now_text(),
                    updated_by=self.session.staff.id,
                ).where(
                    (VehicleRow.id == item.vehicle_id)
                    & (VehicleRow.mileage_km < outcome.mileage_km)
                ).execute()
            self.repo.set_status([item.id], TaskStatus.DONE, self.session.staff.id)
        return OutcomeResult(
            item.customer_id if outcome.wants_appointment else None,
            item.vehicle_id if outcome.wants_appointment else None,
            complaint_id,
        )

    def do_not_contact(self, task_id: str, reason: str, everything: bool = False) -> int:
        """The customer asked not to be called about this (or at all): recorded on the
        customer with the reason, and their open tasks of that kind are cancelled."""
        self._require()
        if not reason.strip():
            raise _needs_reason()
        with self.db.write():
            item = self._open_task(task_id)
            if item.customer_id is None:
                raise NotFound()
            dnc_kind = ContactTask.ALL if everything else DNC_OF.get(item.kind)
            if dnc_kind is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Messages", "A complaint callback is always made: the customer asked."
                    ),
                    field="reason",
                )
            CustomerDnc.insert(
                customer_id=item.customer_id,
                task=dnc_kind.value,
                reason=reason.strip(),
                **new_row(self.session.staff.id),
            ).execute()
            return self._apply_dnc({(item.customer_id, dnc_kind.value)})

    # -- complaints ----------------------------------------------------------------------

    def _open_complaint_in_tx(
        self,
        customer_id: str | None,
        vehicle_id: str | None,
        description: str,
        channel: str,
        severity: str,
        at: dt.datetime,
        source_task_id: str | None = None,
    ) -> str:
        prefix = f"TS{at:%Y%m%d}-"
        number = f"{prefix}{self.repo.next_complaint_number(prefix):03d}"
        return self.repo.add_complaint(
            {
                "site_id": self.session.site.id,
                "number": number,
                "customer_id": customer_id,
                "vehicle_id": vehicle_id,
                "opened_at": local_text(at),
                "channel": channel,
                "description": description.strip(),
                "severity": severity,
                "status": ComplaintStatus.OPEN.value,
                "owner_id": self.session.staff.id,
                "source_task_id": source_task_id,
            },
            self.session.staff.id,
        )

    def open_complaint(
        self,
        customer_id: str,
        vehicle_id: str | None,
        description: str,
        channel: str = "phone",
        severity: str = "normal",
        at: dt.datetime | None = None,
    ) -> Complaint:
        self._require()
        if not description.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "Write down the complaint in the customer's words."),
                field="description",
            )
        with self.db.write():
            complaint_id = self._open_complaint_in_tx(
                customer_id, vehicle_id, description, channel, severity, at or self.now()
            )
        return self.complaint(complaint_id)

    def complaint(self, complaint_id: str) -> Complaint:
        found = self.repo.complaint(complaint_id)
        if found is None:
            raise NotFound()
        return found

    def complaints(self, open_only: bool = False) -> list[Complaint]:
        statuses = (
            (ComplaintStatus.OPEN, ComplaintStatus.ESCALATED, ComplaintStatus.RESOLVED)
            if open_only
            else ()
        )
        return self.repo.complaints(statuses)

    def respond(self, complaint_id: str, response: str, at: dt.datetime | None = None) -> Complaint:
        """The first response (due within 30 minutes of opening)."""
        self._require()
        if not response.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "Write what the customer was told."),
                field="response",
            )
        with self.db.write():
            found = self.complaint(complaint_id)
            if found.responded_at is not None:
                raise TaskClosed(QT_TRANSLATE_NOOP("Labels", "Done"))
            self.repo.update_complaint(
                complaint_id,
                {
                    "responded_at": local_text(at or self.now()),
                    "response": (found.response + "\n" + response.strip()).strip(),
                },
                self.session.staff.id,
            )
        return self.complaint(complaint_id)

    def escalate(self, complaint_id: str, to_staff_id: str, note: str) -> Complaint:
        self._require()
        if not note.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("Messages", "Say why the complaint is escalated."),
                field="note",
            )
        with self.db.write():
            found = self.complaint(complaint_id)
            if found.status in (ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED):
                raise TaskClosed(QT_TRANSLATE_NOOP("Labels", "Resolved"))
            self.repo.update_complaint(
                complaint_id,
                {
                    "status": ComplaintStatus.ESCALATED.value,
                    "escalated_to": to_staff_id,
                    "escalated_at": local_text(self.now()),
                    "response": (found.response + "\n" + note.strip()).strip(),
                },
                self.session.staff.id,
            )
        return self.complaint(complaint_id)

    def resolve(
        self, complaint_id: str, resolution: Resolution, note: str, at: dt.datetime | None = None
    ) -> Complaint:
        """Resolved: the two callbacks (within 24 hours, again within 7 days) join the
        worklist."""
        self._require()
        at = at or self.now()
        with self.db.write():
            found = self.complaint(complaint_id)
            if found.status in (ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED):
                raise TaskClosed(QT_TRANSLATE_NOOP("Labels", "Resolved"))
            self.repo.update_complaint(
                complaint_id,
                {
                    "status": ComplaintStatus.RESOLVED.value,
                    "resolution": resolution.value,
                    "resolution_note": note.strip(),
                    "resolved_at": local_text(at),
                    "responded_at": local_text(found.responded_at or at),
                },
                self.session.staff.id,
            )
            for tag, due in complaint_callbacks(at, self.rules()):
                self.repo.add_task(
                    self.session.site.id,
                    CareKind.COMPLAINT_CALLBACK,
                    found.customer_id,
                    found.vehicle_id,
                    "complaint",
                    f"{complaint_id}:{tag}",
                    max(at.date(), due - dt.timedelta(days=2)),  # the 7-day one shows later
                    due,
                    f"{found.number} {tag}",
                    self.session.staff.id,
                )
        return self.complaint(complaint_id)

    def close_complaint(self, complaint_id: str) -> Complaint:
        self._require()
        with self.db.write():
            found = self.complaint(complaint_id)
            if found.status is not ComplaintStatus.RESOLVED:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Messages", "Resolve the complaint before closing it."),
                    field="status",
                )
            self.repo.update_complaint(
                complaint_id,
                {"status": ComplaintStatus.CLOSED.value, "closed_at": local_text(self.now())},
                self.session.staff.id,
            )
        return self.complaint(complaint_id)

    # -- KPIs ----------------------------------------------------------------------------

    def kpi_month(self, month: str) -> Kpis:
        """The month's KPIs; :class:`NoKpiData` when nothing happened in that month."""
        first, end = parse_month(month)
        counts = self.repo.kpi_counts(
            f"{first:%Y-%m}", first, end, self.session.site.id, self.now().date()
        )
        result = kpis(counts)
        if result.empty or first > self.now().date():
            raise NoKpiData(f"{first:%Y-%m}")
        return result

    def kpi_trend(self, month: str, months: int = 12) -> list[Kpis]:
        """The ``months`` months up to and including ``month``, oldest first (empty months
        included, with None values, so a chart shows the gap)."""
        first, _end = parse_month(month)
        today = self.now().date()
        out = []
        for back in range(months - 1, -1, -1):
            start = add_months(first, -back)
            counts = self.repo.kpi_counts(
                f"{start:%Y-%m}", start, add_months(start, 1), self.session.site.id, today
            )
            out.append(kpis(counts))
        return out
