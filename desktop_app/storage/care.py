"""Care tasks, call attempts and outcomes, complaints, and the KPI counts: rows ↔ domain objects.

The generator and the worklist read with plain SQL: they touch every vehicle or every open task.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from ..domain.care import (
    Attempt,
    CareKind,
    ComplaintStatus,
    Due,
    Grievance,
    KpiCounts,
    Outcome,
    Satisfaction,
    ServiceType,
    TaskStatus,
    Unreached,
)
from .db import Database, new_row, utc_now_text
from .models import (
    CareAttemptRow,
    CareOutcomeRow,
    CareTaskRow,
    ComplaintRow,
    SiteSetting,
)

CARE_KEY = "care"
RULE = "rule"


@dataclass(frozen=True)
class CarFacts:
    """What the rules need to know about one owned vehicle and its owner."""

    vehicle_id: str
    customer_id: str
    sale_date: dt.date | None
    warranty_end: dt.date | None
    insurance_expiry: dt.date | None
    last_visit: dt.date | None
    mileage_km: int | None
    local: bool
    first_service_months: int
    booked: bool


@dataclass
class WorkItem:
    """One line of the care worklist."""

    id: str
    kind: CareKind
    status: TaskStatus
    opens: dt.date
    due: dt.date
    title: str
    source: str
    customer_id: str | None
    vehicle_id: str | None
    customer_name: str
    phone: str
    plate: str
    model_name: str
    assigned_to: str | None
    assigned_name: str
    attempts: int
    last_attempt: str | None


@dataclass(frozen=True)
class Complaint:
    id: str
    number: str
    customer_id: str | None
    vehicle_id: str | None
    customer_name: str
    phone: str
    plate: str
    opened_at: dt.datetime
    channel: str
    description: str
    severity: str
    status: ComplaintStatus
    owner_id: str | None
    owner_name: str
    responded_at: dt.datetime | None
    response: str
    escalated_to: str | None
    escalated_name: str
    escalated_at: dt.datetime | None
    resolution: str
    resolution_note: str
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None


def _date(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(text)[:10]) if text else None


def _local(text: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(str(text)) if text else None


LOCAL_FMT = "%Y-%m-%d %H:%M"


def _utc_bound(day: dt.date) -> str:
    """Local midnight of ``day`` as the UTC text the database keeps (2026-10-31T16:00:00.000Z
    for 1 November in China)."""
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def local_text(at: dt.datetime) -> str:
    return at.strftime(LOCAL_FMT)


class CareRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- settings ------------------------------------------------------------------------

    def rules_json(self, site_id: str) -> dict[str, object] | None:
        row = SiteSetting.get_or_none(
            (SiteSetting.site_id == site_id)
            & (SiteSetting.key == CARE_KEY)
            & SiteSetting.deleted_at.is_null()
        )
        return None if row is None else dict(json.loads(row.value))

    def save_rules_json(self, site_id: str, value: dict[str, object], actor: str | None) -> None:
        text = json.dumps(value)
        updated = (
            SiteSetting.update(value=text, updated_at=utc_now_text(), updated_by=actor)
            .where((SiteSetting.site_id == site_id) & (SiteSetting.key == CARE_KEY))
            .execute()
        )
        if not updated:
            SiteSetting.insert(
                site_id=site_id, key=CARE_KEY, value=text, **new_row(actor)
            ).execute()

    # -- what the generator reads --------------------------------------------------------

    def car_facts(self, today: dt.date) -> list[CarFacts]:
        rows = self.db.raw.execute(
            """
            SELECT v.id, v.customer_id, v.sale_date, v.warranty_end, v.insurance_expiry,
                   v.last_visit, v.mileage_km, c.locality, COALESCE(m.first_service_months, 3),
                   EXISTS (SELECT 1 FROM appointment a WHERE a.vehicle_id = v.id
                           AND a.start_at >= ? AND a.status IN ('booked', 'confirmed')
                           AND a.deleted_at IS NULL)
            FROM vehicle v JOIN customer c ON c.id = v.customer_id
            LEFT JOIN vehicle_model m ON m.id = v.model_id
            WHERE v.deleted_at IS NULL AND c.deleted_at IS NULL
            """,
            (today.isoformat(),),
        ).fetchall()
        return [
            CarFacts(
                vehicle_id=r[0],
                customer_id=r[1],
                sale_date=_date(r[2]),
                warranty_end=_date(r[3]),
                insurance_expiry=_date(r[4]),
                last_visit=_date(r[5]),
                mileage_km=r[6],
                local=r[7] != "out_of_town",
                first_service_months=int(r[8]),
                booked=bool(r[9]),
            )
            for r in rows
        ]

    def vehicle_ids(self) -> set[str]:
        return {
            str(r[0])
            for r in self.db.raw.execute("SELECT id FROM vehicle WHERE deleted_at IS NULL")
        }

    def birthdays(self) -> list[tuple[str, dt.date]]:
        rows = self.db.raw.execute(
            "SELECT id, birthday FROM customer WHERE birthday IS NOT NULL AND birthday != '' "
            "AND deleted_at IS NULL"
        ).fetchall()
        return [(str(r[0]), dt.date.fromisoformat(str(r[1]))) for r in rows]

    def closed_repair_orders(
        self, since: dt.date
    ) -> list[tuple[str, str | None, str | None, dt.date]]:
        rows = self.db.raw.execute(
            "SELECT id, customer_id, vehicle_id, date(closed_at, 'localtime') FROM repair_order "
            "WHERE closed_at IS NOT NULL AND closed_at >= ? AND deleted_at IS NULL",
            (since.isoformat(),),
        ).fetchall()
        return [(str(r[0]), r[1], r[2], dt.date.fromisoformat(str(r[3])[:10])) for r in rows]

    def do_not_contact(self) -> set[tuple[str, str]]:
        rows = self.db.raw.execute(
            "SELECT customer_id, task FROM customer_dnc WHERE deleted_at IS NULL"
        ).fetchall()
        return {(str(r[0]), str(r[1])) for r in rows}

    def task_index(
        self,
    ) -> tuple[set[str], dict[tuple[str, str], list[dt.date]], dict[str, tuple[str, str, str]]]:
        """Rule keys ever generated; the due dates of the tasks other sources made (delivery
        follow-ups, complaint callbacks) by (kind, vehicle or customer); and the open rule
        tasks: key → (id, kind, subject)."""
        q = self.db.raw.execute
        keys = {
            str(r[0])
            for r in q(
                "SELECT source_id FROM care_task WHERE source = 'rule' AND deleted_at IS NULL"
            )
        }
        taken: dict[tuple[str, str], list[dt.date]] = {}
        for kind, subject, due in q(
            "SELECT kind, COALESCE(vehicle_id, customer_id, ''), due FROM care_task "
            "WHERE source != 'rule' AND deleted_at IS NULL"
        ):
            taken.setdefault((kind, subject), []).append(dt.date.fromisoformat(due))
        open_rule = {
            str(r[0]): (str(r[1]), str(r[2]), str(r[3]))
            for r in q(
                "SELECT source_id, id, kind, COALESCE(vehicle_id, customer_id, '') FROM care_task "
                "WHERE source = 'rule' AND status = 'open' AND deleted_at IS NULL"
            )
        }
        return keys, taken, open_rule

    def insert_tasks(self, site_id: str, dues: list[Due], actor: str | None) -> None:
        """Many tasks at once (a plain executemany: the journal triggers still run)."""
        sql = (
            "INSERT INTO care_task (id, created_at, updated_at, updated_by, site_id, kind, "
            "customer_id, vehicle_id, source, source_id, due, opens, title, status) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        rows = []
        for d in dues:
            stamp = new_row(actor)
            rows.append(
                (
                    stamp["id"],
                    stamp["created_at"],
                    stamp["updated_at"],
                    actor,
                    site_id,
                    d.kind.value,
                    d.customer_id,
                    d.vehicle_id,
                    RULE,
                    d.key,
                    d.due.isoformat(),
                    d.opens.isoformat(),
                    d.title,
                    TaskStatus.OPEN.value,
                )
            )
        self.db.raw.executemany(sql, rows)

    def add_task(
        self,
        site_id: str,
        kind: CareKind,
        customer_id: str | None,
        vehicle_id: str | None,
        source: str,
        source_id: str,
        opens: dt.date,
        due: dt.date,
        title: str,
        actor: str | None,
    ) -> str:
        stamp = new_row(actor)
        CareTaskRow.insert(
            site_id=site_id,
            kind=kind.value,
            customer_id=customer_id,
            vehicle_id=vehicle_id,
            source=source,
            source_id=source_id,
            due=due.isoformat(),
            opens=opens.isoformat(),
            title=title,
            status=TaskStatus.OPEN.value,
            **stamp,
        ).execute()
        return str(stamp["id"])

    def set_status(self, task_ids: list[str], status: TaskStatus, actor: str | None) -> int:
        if not task_ids:
            return 0
        count = 0
        for start in range(0, len(task_ids), 500):
            count += (
                CareTaskRow.update(status=status.value, updated_at=utc_now_text(), updated_by=actor)
                .where(CareTaskRow.id.in_(task_ids[start : start + 500]))
                .execute()
            )
        return count

    def open_tasks_to_expire(self, kind: CareKind, before: dt.date) -> list[str]:
        rows = self.db.raw.execute(
            "SELECT id FROM care_task WHERE kind = ? AND status = 'open' AND due < ? "
            "AND deleted_at IS NULL",
            (kind.value, before.isoformat()),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def open_tasks_of(self, customer_id: str) -> list[tuple[str, str]]:
        rows = self.db.raw.execute(
            "SELECT id, kind FROM care_task WHERE customer_id = ? AND status = 'open' "
            "AND deleted_at IS NULL",
            (customer_id,),
        ).fetchall()
        return [(str(r[0]), str(r[1])) for r in rows]

    # -- the worklist --------------------------------------------------------------------

    WORK_SQL = """
        SELECT t.id, t.kind, t.status, t.opens, t.due, t.title, t.source, t.customer_id,
               t.vehicle_id, COALESCE(c.name, ''), COALESCE(c.mobile, ''),
               COALESCE(v.plate, ''),
               COALESCE(m.brand || ' ' || m.series || ' ' || m.trim, ''),
               t.assigned_to, COALESCE(s.full_name, ''),
               (SELECT count(*) FROM care_attempt a WHERE a.task_id = t.id
                AND a.channel = 'call' AND a.deleted_at IS NULL),
               (SELECT max(a.at) FROM care_attempt a WHERE a.task_id = t.id
                AND a.deleted_at IS NULL)
        FROM care_task t
        LEFT JOIN customer c ON c.id = t.customer_id
        LEFT JOIN vehicle v ON v.id = t.vehicle_id
        LEFT JOIN vehicle_model m ON m.id = v.model_id
        LEFT JOIN staff s ON s.id = t.assigned_to
        WHERE t.deleted_at IS NULL
    """

    def worklist(
        self,
        until: dt.date,
        statuses: tuple[TaskStatus, ...] = (TaskStatus.OPEN,),
        kinds: tuple[CareKind, ...] = (),
        assigned_to: str | None = None,
        due_until: dt.date | None = None,
        text: str = "",
        limit: int = 20_000,
    ) -> list[WorkItem]:
        sql = self.WORK_SQL + " AND t.opens <= ?"
        params: list[object] = [until.isoformat()]
        if statuses:
            sql += f" AND t.status IN ({','.join('?' * len(statuses))})"
            params += [s.value for s in statuses]
        if kinds:
            sql += f" AND t.kind IN ({','.join('?' * len(kinds))})"
            params += [k.value for k in kinds]
        if assigned_to:
            sql += " AND t.assigned_to = ?"
            params.append(assigned_to)
        if due_until:
            sql += " AND t.due <= ?"
            params.append(due_until.isoformat())
        if text.strip():
            like = f"%{text.strip().replace('·', '').replace(' ', '').upper()}%"
            sql += " AND (c.name LIKE ? OR c.mobile LIKE ? OR v.plate LIKE ?)"
            params += [like, like, like]
        sql += " ORDER BY t.due, t.kind, c.name LIMIT ?"
        params.append(limit)
        return [self._item(r) for r in self.db.raw.execute(sql, params)]

    def task(self, task_id: str) -> WorkItem | None:
        row = self.db.raw.execute(self.WORK_SQL + " AND t.id = ?", (task_id,)).fetchone()
        return None if row is None else self._item(row)

    @staticmethod
    def _item(r: Any) -> WorkItem:
        return WorkItem(
            id=r[0],
            kind=CareKind(r[1]),
            status=TaskStatus(r[2]),
            opens=dt.date.fromisoformat(r[3]),
            due=dt.date.fromisoformat(r[4]),
            title=r[5],
            source=r[6],
            customer_id=r[7],
            vehicle_id=r[8],
            customer_name=r[9],
            phone=r[10],
            plate=r[11],
            model_name=r[12].strip(),
            assigned_to=r[13],
            assigned_name=r[14],
            attempts=int(r[15]),
            last_attempt=r[16],
        )

    def assign(self, task_ids: list[str], staff_id: str | None, actor: str | None) -> None:
        CareTaskRow.update(assigned_to=staff_id, updated_at=utc_now_text(), updated_by=actor).where(
            CareTaskRow.id.in_(task_ids)
        ).execute()

    # -- attempts and outcomes -----------------------------------------------------------

    def attempts(self, task_id: str) -> list[Attempt]:
        rows = (
            CareAttemptRow.select()
            .where((CareAttemptRow.task_id == task_id) & CareAttemptRow.deleted_at.is_null())
            .order_by(CareAttemptRow.at)
        )
        return [
            Attempt(
                at=dt.datetime.strptime(r.at, LOCAL_FMT),
                reached=bool(r.reached),
                reason=Unreached(r.reason) if r.reason else None,
                channel=r.channel,
            )
            for r in rows
        ]

    def add_attempt(self, task_id: str, attempt: Attempt, note: str, actor: str | None) -> None:
        CareAttemptRow.insert(
            task_id=task_id,
            at=local_text(attempt.at),
            reached=attempt.reached,
            reason=attempt.reason.value if attempt.reason else "",
            channel=attempt.channel,
            note=note,
            actor=actor,
            **new_row(actor),
        ).execute()

    def add_outcome(
        self,
        task_id: str,
        at: dt.datetime,
        outcome: Outcome,
        complaint_id: str | None,
        actor: str | None,
    ) -> None:
        CareOutcomeRow.insert(
            task_id=task_id,
            at=local_text(at),
            satisfaction=outcome.satisfaction.value if outcome.satisfaction else "",
            grievances=json.dumps(sorted(g.value for g in outcome.grievances)),
            mileage_km=outcome.mileage_km,
            service_type=outcome.service_type.value if outcome.service_type else "",
            wants_appointment=outcome.wants_appointment,
            note=outcome.note,
            complaint_id=complaint_id,
            actor=actor,
            **new_row(actor),
        ).execute()

    def outcome(self, task_id: str) -> tuple[dt.datetime, Outcome] | None:
        r = (
            CareOutcomeRow.select()
            .where((CareOutcomeRow.task_id == task_id) & CareOutcomeRow.deleted_at.is_null())
            .order_by(CareOutcomeRow.at.desc())
            .first()
        )
        if r is None:
            return None
        return dt.datetime.strptime(r.at, LOCAL_FMT), Outcome(
            satisfaction=Satisfaction(r.satisfaction) if r.satisfaction else None,
            grievances=frozenset(Grievance(g) for g in json.loads(r.grievances)),
            mileage_km=r.mileage_km,
            service_type=ServiceType(r.service_type) if r.service_type else None,
            wants_appointment=bool(r.wants_appointment),
            note=r.note,
        )

    # -- complaints ----------------------------------------------------------------------

    def next_complaint_number(self, prefix: str) -> int:
        rows = ComplaintRow.select(ComplaintRow.number).where(
            ComplaintRow.number.startswith(prefix)
        )
        return max((int(str(r.number).rsplit("-", 1)[1]) for r in rows), default=0) + 1

    def add_complaint(self, values: dict[str, Any], actor: str | None) -> str:
        stamp = new_row(actor)
        ComplaintRow.insert(**values, **stamp).execute()
        return str(stamp["id"])

    def update_complaint(
        self, complaint_id: str, values: dict[str, Any], actor: str | None
    ) -> None:
        ComplaintRow.update(updated_at=utc_now_text(), updated_by=actor, **values).where(
            ComplaintRow.id == complaint_id
        ).execute()

    COMPLAINT_SQL = """
        SELECT k.id, k.number, k.customer_id, k.vehicle_id, COALESCE(c.name, ''),
               COALESCE(c.mobile, ''), COALESCE(v.plate, ''), k.opened_at, k.channel,
               k.description, k.severity, k.status, k.owner_id, COALESCE(o.full_name, ''),
               k.responded_at, k.response, k.escalated_to, COALESCE(e.full_name, ''),
               k.escalated_at, k.resolution, k.resolution_note, k.resolved_at, k.closed_at
        FROM complaint k
        LEFT JOIN customer c ON c.id = k.customer_id
        LEFT JOIN vehicle v ON v.id = k.vehicle_id
        LEFT JOIN staff o ON o.id = k.owner_id
        LEFT JOIN staff e ON e.id = k.escalated_to
        WHERE k.deleted_at IS NULL
    """

    def complaints(self, statuses: tuple[ComplaintStatus, ...] = ()) -> list[Complaint]:
        sql = self.COMPLAINT_SQL
        params: list[object] = []
        if statuses:
            sql += f" AND k.status IN ({','.join('?' * len(statuses))})"
            params += [s.value for s in statuses]
        sql += " ORDER BY k.opened_at DESC"
        return [self._complaint(r) for r in self.db.raw.execute(sql, params)]

    def complaint(self, complaint_id: str) -> Complaint | None:
        row = self.db.raw.execute(self.COMPLAINT_SQL + " AND k.id = ?", (complaint_id,)).fetchone()
        return None if row is None else self._complaint(row)

    @staticmethod
    def _complaint(r: Any) -> Complaint:
        return Complaint(
            id=r[0],
            number=r[1],
            customer_id=r[2],
            vehicle_id=r[3],
            customer_name=r[4],
            phone=r[5],
            plate=r[6],
            opened_at=dt.datetime.strptime(r[7], LOCAL_FMT),
            channel=r[8],
            description=r[9],
            severity=r[10],
            status=ComplaintStatus(r[11]),
            owner_id=r[12],
            owner_name=r[13],
            responded_at=dt.datetime.strptime(r[14], LOCAL_FMT) if r[14] else None,
            response=r[15],
            escalated_to=r[16],
            escalated_name=r[17],
            escalated_at=dt.datetime.strptime(r[18], LOCAL_FMT) if r[18] else None,
            resolution=r[19],
            resolution_note=r[20],
            resolved_at=dt.datetime.strptime(r[21], LOCAL_FMT) if r[21] else None,
            closed_at=dt.datetime.strptime(r[22], LOCAL_FMT) if r[22] else None,
        )

    # -- KPI counts ----------------------------------------------------------------------

    def kpi_counts(
        self,
        month: str,
        first: dt.date,
        end: dt.date,
        site_id: str | None = None,
        today: dt.date | None = None,
    ) -> KpiCounts:
        """The month [first, end) of one store counted straight from what happened. Times the
        database keeps in UTC (repair orders, deliveries) are compared with the month's local
        bounds turned into UTC, so the indexes serve. Callbacks not yet due by ``today`` are
        not counted as late."""
        a, b = first.isoformat(), end.isoformat()
        ua, ub = _utc_bound(first), _utc_bound(end)
        site = site_id or ""
        today_text = (today or dt.date.max).isoformat()
        q = self.db.raw.execute

        def returned(kind: str) -> tuple[int, int]:
            row = q(
                """
                SELECT count(*), COALESCE(sum(EXISTS (
                    SELECT 1 FROM repair_order r WHERE r.vehicle_id = t.vehicle_id
                    AND r.deleted_at IS NULL
                    AND r.opened_at >= date(t.opens, '-31 days')
                    AND r.opened_at <= date(t.due, '+31 days'))), 0)
                FROM care_task t WHERE t.kind = ? AND t.due >= ? AND t.due < ?
                AND t.status != 'cancelled' AND t.deleted_at IS NULL
                AND (? = '' OR t.site_id = ?)
                """,
                (kind, a, b, site, site),
            ).fetchone()
            return int(row[0]), int(row[1])

        first_due, first_returned = returned(CareKind.FIRST_MAINTENANCE.value)
        regular_due, regular_returned = returned(CareKind.REGULAR_MAINTENANCE.value)
        visits, with_appt = q(
            "SELECT count(*), COALESCE(sum(appointment_id IS NOT NULL), 0) FROM repair_order "
            "WHERE opened_at >= ? AND opened_at < ? "
            "AND deleted_at IS NULL AND (? = '' OR site_id = ?)",
            (ua, ub, site, site),
        ).fetchone()
        appointments, shows = q(
            "SELECT count(*), COALESCE(sum(status NOT IN ('booked', 'confirmed', 'no_show')), 0) "
            "FROM appointment WHERE start_at >= ? AND start_at < ? "
            "AND status NOT IN ('cancelled', 'rescheduled') AND deleted_at IS NULL "
            "AND (? = '' OR site_id = ?)",
            (a, b, site, site),
        ).fetchone()
        last_day = (end - dt.timedelta(days=1)).isoformat()
        # a customer's last contact before the month's end: their last visit by the repair
        # orders, else the car's last visit on file, else the sale (aggregated once each)
        owners, lost = q(
            """
            WITH ro AS (SELECT customer_id, substr(max(opened_at), 1, 10) AS last
                        FROM repair_order WHERE opened_at < :ub AND deleted_at IS NULL
                        AND customer_id IS NOT NULL GROUP BY customer_id),
                 cars AS (SELECT customer_id,
                                 max(CASE WHEN last_visit < :b THEN last_visit END) AS visit,
                                 max(CASE WHEN sale_date < :b THEN sale_date END) AS sold,
                                 max(sale_date IS NULL OR sale_date < :a) AS owner
                          FROM vehicle WHERE deleted_at IS NULL AND customer_id IS NOT NULL
                          GROUP BY customer_id)
            SELECT count(*), COALESCE(sum(last IS NOT NULL
                   AND julianday(:day) - julianday(last) BETWEEN 90 AND 360), 0)
            FROM (SELECT NULLIF(max(COALESCE(ro.last, ''), COALESCE(cars.visit, ''),
                                    COALESCE(cars.sold, '')), '') AS last
                  FROM cars JOIN customer c ON c.id = cars.customer_id
                  LEFT JOIN ro ON ro.customer_id = cars.customer_id
                  WHERE cars.owner AND c.deleted_at IS NULL
                  AND (:site = '' OR c.site_id = :site))
            """,
            {"ub": ub, "b": b, "a": a, "day": last_day, "site": site},
        ).fetchone()
        callbacks_due, on_time = q(
            """
            SELECT count(*), COALESCE(sum(t.status IN ('done', 'failed') AND EXISTS (
                SELECT 1 FROM care_outcome o WHERE o.task_id = t.id AND o.deleted_at IS NULL
                AND substr(o.at, 1, 10) <= t.due
                UNION ALL
                SELECT 1 FROM care_attempt x WHERE x.task_id = t.id AND x.deleted_at IS NULL
                AND x.channel != 'call' AND substr(x.at, 1, 10) <= t.due)), 0)
            FROM care_task t WHERE t.kind = 'delivery_callback' AND t.due >= ? AND t.due < ?
            AND t.status != 'cancelled' AND t.deleted_at IS NULL AND (? = '' OR t.site_id = ?)
            AND (t.due < ? OR t.status != 'open')
            """,
            (a, b, site, site, today_text),
        ).fetchone()
        minutes = [
            int(r[0])
            for r in q(
                "SELECT CAST(round((julianday(explanation_ended_at) - "
                "julianday(explanation_started_at)) * 1440) AS INTEGER) FROM delivery "
                "WHERE delivered_at >= ? "
                "AND delivered_at < ? AND explanation_ended_at IS NOT NULL "
                "AND explanation_started_at IS NOT NULL "
                "AND deleted_at IS NULL AND (? = '' OR site_id = ?)",
                (ua, ub, site, site),
            )
        ]
        return KpiCounts(
            month=month,
            first_due=first_due,
            first_returned=first_returned,
            regular_due=regular_due,
            regular_returned=regular_returned,
            visits=int(visits),
            visits_with_appointment=int(with_appt),
            appointments=int(appointments),
            shows=int(shows),
            owners=int(owners),
            lost=int(lost),
            callbacks_due=int(callbacks_due),
            callbacks_on_time=int(on_time),
            explanation_minutes=minutes,
        )
