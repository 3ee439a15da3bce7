"""Demo customer care: a year of workshop and care history behind the KPI trend, and this
month's worklist worked into every state.

History covers the twelve full months before this month and this month up to the demo
workshop's week. It follows each car's life: the first maintenance near its due date (or
late, or never), then visits at the regular-maintenance reminder, early repair visits, or the
customer drifting away. Visits become repair orders (most booked by appointment, with no-shows,
cancellations and walk-in enquiries beside); the reminders and satisfaction calls around them
become closed care tasks with their attempts and outcomes (a few complaints among them); cars
sold in the window get a delivery record (explanation minutes) and its follow-ups. A car's
``last_visit`` is brought in line with its history, except for the cars already in the demo
workshop's week, which keep theirs.

History rows are written with ``executemany`` (ids carry the record's own time; the journal
triggers run as for any write). This month goes through :class:`CareService` itself:
generation, then tasks worked into every state and complaints in every status.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..domain.care import (
    CareKind,
    CareRules,
    Grievance,
    Outcome,
    Resolution,
    Satisfaction,
    ServiceType,
    TaskStatus,
    Unreached,
    complaint_callbacks,
    fallback_channel,
)
from ..domain.deliveries import FollowUp, add_months, follow_ups, topics_for
from ..domain.staff import Session
from ..storage.db import Database
from ..storage.ids import uuid7_at
from .auth import AuthService
from .care import CareService, WorkItem

HISTORY_MONTHS = 12
MAX_HISTORY_CARS = 8_000  # the 200,000-customer bench store: history for a sample only
WORKSHOP_DAYS_BACK = 3  # demo_workshop books from three days before today
LABOUR_RATE_FEN = 28_000

FIRST_OP = ("FS01", "首次保养", 60)
MAINTENANCE_OPS = [
    ("MS00", "常规保养（机油机滤）", 60),
    ("MS10", "1万公里保养", 90),
    ("MS20", "2万公里保养", 120),
]
REPAIR_OPS = [
    ("DG01", "故障诊断", 60),
    ("BR01", "更换前刹车片", 90),
    ("AL01", "四轮定位", 60),
    ("TY01", "更换轮胎（4条）", 60),
    ("BT01", "更换12V蓄电池", 30),
    ("AC01", "空调系统清洗", 45),
    ("PB01", "钣金喷漆（单面）", 240),
]
FAULTS = [
    "冷启动时有异响",
    "空调制冷效果差",
    "仪表盘发动机故障灯亮",
    "刹车时方向盘抖动",
    "车辆跑偏",
]
SATISFACTION_MIX = [
    (Satisfaction.VERY_GOOD, 0.46),
    (Satisfaction.GOOD, 0.34),
    (Satisfaction.AVERAGE, 0.12),
    (Satisfaction.DISSATISFIED, 0.06),
    (Satisfaction.COMPLAINT, 0.02),
]
CARE_NOTES = {
    Satisfaction.VERY_GOOD: ["服务很好，顾问很专业", "洗车很干净", ""],
    Satisfaction.GOOD: ["总体满意", "等待时间略长但可以接受", ""],
    Satisfaction.AVERAGE: ["一般，价格偏贵", "交车比承诺晚了半小时"],
    Satisfaction.DISSATISFIED: ["维修后异响仍在", "等了很久没人通知取车"],
    Satisfaction.COMPLAINT: ["保养后发现车门有新划痕，要求处理", "同一故障第三次返修，要求给说法"],
}
NOT_RETURNING = ["已在外地保养", "车辆已转卖", "最近很忙，下个月再说", "在路边店保养，价格便宜"]
COMPLAINTS = [
    ("电话投诉：保养后发现车门有新划痕，要求处理", "high"),
    ("到店投诉：维修等待时间超过承诺两小时", "normal"),
    ("电话投诉：配件缺货一周仍未到，影响用车", "normal"),
    ("微信投诉：结算金额与报价不符", "high"),
    ("电话投诉：交车时车内有烟味", "normal"),
]


def _utc(local: dt.datetime) -> str:
    """UTC text as the services write it (``local`` is the PC's local time); formatted by
    hand: strftime is the slowest part of making tens of thousands of rows."""
    u = local.astimezone(dt.UTC)
    return f"{u.year:04d}-{u.month:02d}-{u.day:02d}T{u.hour:02d}:{u.minute:02d}:{u.second:02d}.000Z"


def _local(at: dt.datetime) -> str:
    return f"{at.year:04d}-{at.month:02d}-{at.day:02d} {at.hour:02d}:{at.minute:02d}"


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


# the tables in the order their rows may refer to each other
TABLE_ORDER = (
    "delivery",
    "appointment",
    "repair_order",
    "repair_line",
    "complaint",
    "care_task",
    "care_attempt",
    "care_outcome",
)


class _Rows:
    """Rows of synced tables collected for one ``executemany`` per table."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tables: dict[str, tuple[tuple[str, ...], list[tuple[Any, ...]]]] = {}

    def add(self, table: str, made: dt.datetime, by: str | None, /, **values: Any) -> str:
        """One row made at local time ``made`` by ``by``; returns its id."""
        row_id = uuid7_at(int(made.timestamp() * 1000), self.rng.getrandbits(80))
        when = _utc(made)
        columns = ("id", "created_at", "updated_at", "updated_by", *values)
        entry = self.tables.setdefault(table, (columns, []))
        entry[1].append((row_id, when, when, by, *values.values()))
        return row_id

    def count(self, table: str) -> int:
        return len(self.tables.get(table, ((), []))[1])

    def write(self, db: Database) -> None:
        for table in TABLE_ORDER:
            if table not in self.tables:
                continue
            columns, rows = self.tables[table]
            rows.sort(key=lambda r: str(r[0]))  # id order: appends to the b-tree
            db.raw.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                rows,
            )


@dataclass
class _Car:
    id: str
    customer_id: str
    sale: dt.date
    last_visit: dt.date | None
    mileage: int
    plate: str
    vin: str
    engine_no: str
    insurance: dt.date | None
    name: str
    mobile: str
    model_short: str
    model_full: str
    first_months: int
    warranty_months: int
    nev: bool
    in_workshop: bool
    delivered: bool

    def km_on(self, day: dt.date, today: dt.date) -> int:
        age = max((today - self.sale).days, 1)
        return max(0, int(self.mileage * (day - self.sale).days / age))


@dataclass
class _Visit:
    day: dt.date
    kind: str  # first | maintenance | repair
    via: str  # reminder | early | walk_in


@dataclass
class _Staff:
    advisors: list[str]
    techs: list[str]
    bays: list[str]
    care: list[str]
    sales: list[str]
    specialist: str | None
    manager: str | None
    site_id: str


@dataclass
class _History:
    today: dt.date
    window_start: dt.date
    cutoff: dt.date  # last day of history visits (the demo workshop's week follows)
    staff: _Staff
    rng: random.Random
    rows: _Rows
    rules: CareRules = field(default_factory=CareRules)
    per_day: dict[tuple[str, dt.date], int] = field(default_factory=dict)
    last_visits: list[tuple[str | None, str]] = field(default_factory=list)

    def number(self, kind: str, day: dt.date) -> int:
        key = (kind, day)
        self.per_day[key] = self.per_day.get(key, 0) + 1
        return self.per_day[key]


def create_care(db: Database, today: dt.date, seed: int) -> int:
    """A year of history and this month's worklist; returns the number of care tasks on file
    (0 when the demo staff are missing)."""
    auth = AuthService(db)
    try:
        sessions = [auth.session_for(u) for u in ("care1", "care2")]
    except Exception:  # a database without the demo staff: nothing to add
        return 0
    rng = random.Random(seed * 104_729 + 11)
    staff = _staff(db, [s.staff.id for s in sessions])
    if not (staff.advisors and staff.techs and staff.bays and staff.sales):
        return 0
    month_start = today.replace(day=1)
    history = _History(
        today=today,
        window_start=add_months(month_start, -HISTORY_MONTHS),
        cutoff=today - dt.timedelta(days=WORKSHOP_DAYS_BACK + 1),
        staff=staff,
        rng=rng,
        rows=_Rows(random.Random(seed * 7_919 + 17)),
    )
    _align_workshop_orders(db)
    cars = _cars(db)
    free = [c for c in cars if not c.in_workshop]
    if len(free) > MAX_HISTORY_CARS:
        free = sorted(rng.sample(free, MAX_HISTORY_CARS), key=lambda c: c.id)
    chosen = {c.id for c in free}
    for car in cars:
        if car.id in chosen:
            _car_history(history, car)
        elif car.in_workshop and car.last_visit is not None:
            if history.window_start <= car.last_visit <= history.cutoff:
                _visit(history, car, _Visit(car.last_visit, "maintenance", "reminder"))
    with db.write():
        history.rows.write(db)
        db.raw.executemany(
            "UPDATE vehicle SET last_visit = ?, updated_at = ?, updated_by = ? WHERE id = ? "
            "AND last_visit IS NOT ?",
            [
                (day, _utc(_at(today, 7)), staff.care[0], vid, day)
                for day, vid in history.last_visits
            ],
        )
    _this_month(db, today, sessions, staff)
    return int(db.raw.execute("SELECT count(*) FROM care_task").fetchone()[0])


def _align_workshop_orders(db: Database) -> None:
    """The demo workshop's repair orders carry the wall-clock time of the demo run; put them
    at their appointment's times, so satisfaction calls and the KPIs see the day the car was
    in (a demo built for another day than today would otherwise be off)."""
    rows = db.raw.execute(
        "SELECT r.id, a.start_at, a.end_at, r.closed_at IS NOT NULL FROM repair_order r "
        "JOIN appointment a ON a.id = r.appointment_id WHERE r.deleted_at IS NULL"
    ).fetchall()
    updates = []
    for ro_id, start, end, closed in rows:
        opened = dt.datetime.strptime(start, "%Y-%m-%d %H:%M") + dt.timedelta(minutes=10)
        done = dt.datetime.strptime(end, "%Y-%m-%d %H:%M") + dt.timedelta(minutes=30)
        updates.append((_utc(opened), _utc(done) if closed else None, ro_id))
    with db.write():
        db.raw.executemany(
            "UPDATE repair_order SET opened_at = ?, closed_at = ? WHERE id = ?", updates
        )


def _staff(db: Database, care: list[str]) -> _Staff:
    raw = db.raw

    def ids(sql: str) -> list[str]:
        return [str(r[0]) for r in raw.execute(sql)]

    def one(username: str) -> str | None:
        row = raw.execute("SELECT id FROM staff WHERE username = ?", (username,)).fetchone()
        return None if row is None else str(row[0])

    return _Staff(
        advisors=ids("SELECT id FROM staff WHERE roles LIKE '%service_advisor%' ORDER BY username"),
        techs=ids("SELECT id FROM staff WHERE roles LIKE '%technician%' ORDER BY username"),
        bays=ids(
            "SELECT id FROM service_bay WHERE kind IN ('general', 'quick', 'body') ORDER BY code"
        ),
        care=care,
        sales=ids(
            "SELECT id FROM staff WHERE username IN ('sales1', 'sales2', 'sales3', 'sales4') "
            "ORDER BY username"
        ),
        specialist=one("delivery1"),
        manager=one("manager"),
        site_id=db.meta("site_id") or "",
    )


def _cars(db: Database) -> list[_Car]:
    rows = db.raw.execute(
        """
        SELECT v.id, v.customer_id, v.sale_date, v.last_visit, COALESCE(v.mileage_km, 0),
               v.plate, v.vin, v.engine_no, v.insurance_expiry, c.name, c.mobile,
               COALESCE(m.brand || ' ' || m.series, ''),
               COALESCE(m.brand || ' ' || m.series || ' ' || m.trim, ''),
               COALESCE(m.first_service_months, 3), COALESCE(m.warranty_months, 36),
               COALESCE(m.fuel_type IN ('bev', 'phev', 'erev'), 0),
               EXISTS (SELECT 1 FROM appointment a WHERE a.vehicle_id = v.id),
               EXISTS (SELECT 1 FROM delivery d WHERE d.vehicle_id = v.id)
        FROM vehicle v JOIN customer c ON c.id = v.customer_id
        LEFT JOIN vehicle_model m ON m.id = v.model_id
        WHERE v.sale_date IS NOT NULL AND v.plate != '' AND v.deleted_at IS NULL
        AND c.deleted_at IS NULL ORDER BY v.rowid
        """
    ).fetchall()
    return [
        _Car(
            id=str(r[0]),
            customer_id=str(r[1]),
            sale=dt.date.fromisoformat(r[2]),
            last_visit=dt.date.fromisoformat(r[3]) if r[3] else None,
            mileage=int(r[4]),
            plate=r[5],
            vin=r[6],
            engine_no=r[7],
            insurance=dt.date.fromisoformat(r[8]) if r[8] else None,
            name=r[9],
            mobile=r[10],
            model_short=r[11],
            model_full=r[12],
            first_months=int(r[13]),
            warranty_months=int(r[14]),
            nev=bool(r[15]),
            in_workshop=bool(r[16]),
            delivered=bool(r[17]),
        )
        for r in rows
    ]


# -- one car's life ---------------------------------------------------------------------------


def _car_history(h: _History, car: _Car) -> None:
    rng, rules, today = h.rng, h.rules, h.today
    first_due = add_months(car.sale, max(car.first_months, 1))
    first_opens = min(add_months(car.sale, rules.first_window_months), first_due)
    roll = rng.random()
    visits: list[_Visit] = []
    first: _Visit | None = None
    if roll < 0.86:
        first = _Visit(first_due - dt.timedelta(days=rng.randrange(0, 21)), "first", "reminder")
    elif roll < 0.94:
        late = add_months(car.sale, rng.randint(5, 8)) + dt.timedelta(days=rng.randrange(28))
        first = _Visit(late, "maintenance", "walk_in")
    # the regular reminders between visits: (last service, next visit or None when the
    # customer stopped coming)
    reminders: list[tuple[dt.date, _Visit | None]] = []
    if first is not None and first.day <= h.cutoff:
        visits.append(first)
        while True:
            prev = visits[-1].day
            roll = rng.random()
            if roll < 0.62:
                day = add_months(prev, rules.regular_interval_months) + dt.timedelta(
                    days=rng.randrange(-10, 13)
                )
                nxt = _Visit(day, "maintenance", "reminder")
            elif roll < 0.9:
                kind = "repair" if rng.random() < 0.6 else "maintenance"
                nxt = _Visit(prev + dt.timedelta(days=rng.randrange(35, 150)), kind, "early")
            else:
                reminders.append((prev, None))
                break
            if nxt.day > h.cutoff:
                break  # the reminder due now is the generator's
            reminders.append((prev, nxt))
            visits.append(nxt)
    h.last_visits.append((visits[-1].day.isoformat() if visits else None, car.id))

    delivery_id = None
    sales_id = rng.choice(h.staff.sales)
    if not car.delivered and h.window_start <= car.sale <= today - dt.timedelta(days=7):
        delivery_id = _delivery(h, car, sales_id)
    # first maintenance
    came_first = first is not None and first.kind == "first" and first.day <= h.cutoff
    if h.window_start <= first_due or delivery_id:
        resolved = came_first or today > add_months(first_due, 1)
        if delivery_id or resolved:
            task = _task(
                h,
                CareKind.FIRST_MAINTENANCE,
                car,
                first_opens,
                first_due,
                source=("delivery", delivery_id) if delivery_id else ("rule", f"first:{car.id}"),
                assigned=rng.choice(h.staff.care),
                status=TaskStatus.OPEN,
            )
            if came_first and first is not None:
                _reached(h, task, car, max(first_opens, first.day - dt.timedelta(days=5)), True)
            elif resolved:
                _unreached_or_declined(h, task, car, first_opens + dt.timedelta(days=3))
    # regular reminders
    for last, following in reminders:
        due = add_months(last, rules.regular_interval_months)
        opens = due - dt.timedelta(days=rules.regular_lead_days)
        if due < h.window_start:
            continue
        if following is None:
            if due >= today - dt.timedelta(days=30):
                continue  # still wanted: the generator's open task
        elif following.day < opens - dt.timedelta(days=rules.horizon_days):
            continue  # came back before the reminder was ever generated
        task = _task(
            h,
            CareKind.REGULAR_MAINTENANCE,
            car,
            opens,
            due,
            source=("rule", f"regular:{car.id}:{last.isoformat()}"),
            assigned=rng.choice(h.staff.care),
            status=TaskStatus.OPEN,
        )
        if following is None:
            _unreached_or_declined(h, task, car, opens + dt.timedelta(days=rng.randrange(0, 4)))
        elif following.via == "reminder" and following.day >= opens:
            _reached(
                h,
                task,
                car,
                min(following.day, opens + dt.timedelta(days=rng.randrange(0, 4))),
                True,
            )
        else:
            _set_status(h, task, TaskStatus.CANCELLED)  # came early: superseded
    for v in visits:
        if h.window_start <= v.day <= h.cutoff:
            _visit(h, car, v)


def _visit(h: _History, car: _Car, v: _Visit) -> None:
    """A workshop visit: maybe an appointment (and a missed one before it), the repair order
    and its line, and the satisfaction call after it."""
    rng, rows, staff = h.rng, h.rows, h.staff
    op = (
        FIRST_OP
        if v.kind == "first"
        else rng.choice(MAINTENANCE_OPS)
        if v.kind == "maintenance"
        else rng.choice(REPAIR_OPS)
    )
    code, name, minutes = op
    advisor, tech = rng.choice(staff.advisors), rng.choice(staff.techs)
    km = car.km_on(v.day, h.today)
    booked = rng.random() < (0.7 if v.via == "reminder" else 0.35)
    if booked and rng.random() < 0.1:  # a missed or called-off booking before the visit
        missed = v.day - dt.timedelta(days=rng.randrange(2, 9))
        status = "no_show" if rng.random() < 0.6 else "cancelled"
        _appointment(h, car, missed, code, name, minutes, advisor, tech, km, status)
    appointment_id = None
    if booked:
        appointment_id, start = _appointment(
            h, car, v.day, code, name, minutes, advisor, tech, km, "handed_over"
        )
        opened = start + dt.timedelta(minutes=rng.randrange(5, 20))
    else:
        opened = _at(v.day, 8, 30) + dt.timedelta(minutes=5 * rng.randrange(0, 90))
        if rng.random() < 0.08:  # came in, asked for a quote, left (an arrived booking)
            _appointment(h, car, v.day, code, name, minutes, advisor, tech, km, "arrived")
    closed = min(
        opened + dt.timedelta(minutes=minutes + rng.randrange(30, 180)), _at(v.day, 18, 30)
    )
    if closed <= opened:
        closed = opened + dt.timedelta(minutes=minutes)
    still_open = v.day > h.today - dt.timedelta(days=14) and rng.random() < 0.03
    number = f"RO{v.day:%Y%m%d}-{h.number('ro', v.day):03d}"
    ro_id = rows.add(
        "repair_order",
        opened,
        advisor,
        site_id=staff.site_id,
        number=number,
        appointment_id=appointment_id,
        customer_id=car.customer_id,
        vehicle_id=car.id,
        advisor_id=advisor,
        technician_id=tech,
        opened_at=_utc(opened),
        closed_at=None if still_open else _utc(closed),
    )
    rows.add(
        "repair_line",
        opened,
        advisor,
        repair_order_id=ro_id,
        kind="labour",
        code=code,
        description=name,
        quantity=str(round(minutes / 60, 2)),
        unit_price_fen=LABOUR_RATE_FEN,
        minutes=minutes,
    )
    if still_open:
        return
    _satisfaction(h, car, ro_id, closed.date(), v.kind)


def _appointment(
    h: _History,
    car: _Car,
    day: dt.date,
    code: str,
    name: str,
    minutes: int,
    advisor: str,
    tech: str,
    km: int,
    status: str,
) -> tuple[str, dt.datetime]:
    number = h.number("appointment", day)
    bays = h.staff.bays
    slot = (number - 1) // len(bays)
    start = _at(day, 8, 30) + dt.timedelta(minutes=(slot * 105) % 540)
    end = start + dt.timedelta(minutes=max(minutes, 30))
    booked_at = start - dt.timedelta(days=h.rng.randrange(1, 6), hours=h.rng.randrange(0, 3))
    work = json.dumps([{"name": name, "minutes": minutes, "code": code}], ensure_ascii=False)
    appointment_id = h.rows.add(
        "appointment",
        booked_at,
        advisor,
        site_id=h.staff.site_id,
        serial=f"{day.isoformat()}-{number:03d}",
        start_at=_local(start),
        end_at=_local(end),
        customer_id=car.customer_id,
        vehicle_id=car.id,
        bay_id=bays[(number - 1) % len(bays)],
        technician_id=tech,
        advisor_id=advisor,
        status=status,
        transport="waiter" if h.rng.random() < 0.3 else "drop_off",
        labour_minutes=minutes,
        work=work,
        fault=h.rng.choice(FAULTS) if code in ("DG01", "BR01", "AL01") else "",
        estimate_fen=minutes * LABOUR_RATE_FEN // 60,
        parts="",
        phone_record="保养提醒后预约" if h.rng.random() < 0.5 else "客户来电预约",
        remarks="",
        override_reason="",
        override_by=None,
        rescheduled_from=None,
        customer_name=car.name,
        phone=car.mobile,
        plate=car.plate,
        model_name=car.model_short,
        mileage_km=km,
        last_visit=None,
    )
    return appointment_id, start


def _delivery(h: _History, car: _Car, sales_id: str) -> str:
    """The delivery of a car sold in the window: the record with its explanation time and
    the follow-up tasks the delivery made (callbacks, first maintenance, reminders)."""
    rng, day = h.rng, car.sale
    planned = _at(day, rng.choice((9, 10, 14, 15)))
    started = planned + dt.timedelta(minutes=rng.randrange(20, 50))
    ended = started + dt.timedelta(minutes=rng.randrange(22, 58))
    delivered = ended + dt.timedelta(minutes=rng.randrange(5, 20))
    specialist = h.staff.specialist or sales_id
    delivery_id = h.rows.add(
        "delivery",
        planned - dt.timedelta(days=rng.randrange(3, 10)),
        specialist,
        site_id=h.staff.site_id,
        number=f"JC{day:%Y%m%d}-{h.number('delivery', day):03d}",
        planned_at=_local(planned),
        customer_id=car.customer_id,
        vehicle_id=car.id,
        sales_id=sales_id,
        specialist_id=specialist,
        status="delivered",
        template_code="PDI-STD",
        template_version=1,
        nev=int(car.nev),
        pdi_signed_by=specialist,
        pdi_signed_at=_utc(planned - dt.timedelta(hours=3)),
        invoice_vin=car.vin,
        invoice_engine=car.engine_no,
        explanation_started_at=_utc(started),
        explanation_ended_at=_utc(ended),
        topics_done=json.dumps([t[0] for t in topics_for(car.nev)]),
        short_reason="",
        delivered_at=_utc(delivered),
        delivered_by=specialist,
        reopen_reason="",
        customer_name=car.name,
        phone=car.mobile,
        plate=car.plate,
        vin=car.vin,
        engine_no=car.engine_no,
        model_name=car.model_full,
        remarks="",
    )
    for t in follow_ups(day, car.first_months, car.warranty_months, car.insurance):
        if t.kind is FollowUp.FIRST_MAINTENANCE:
            continue  # made with the car's first-maintenance history
        task = _task(
            h,
            CareKind(t.kind.value),
            car,
            t.opens,
            t.due,
            source=("delivery", delivery_id),
            assigned=sales_id,
            status=TaskStatus.OPEN,
            title=t.title,
            made=delivered,
        )
        if t.kind is not FollowUp.CALLBACK or t.due >= h.today - dt.timedelta(days=1):
            continue
        roll = rng.random()
        if roll < 0.86:
            _reached(h, task, car, t.due, False)
        elif roll < 0.91:
            _reached(h, task, car, t.due + dt.timedelta(days=rng.randrange(1, 4)), False)
        elif roll < 0.97:
            _failed(h, task, t.due)
        else:
            _set_status(h, task, TaskStatus.CANCELLED)
    return delivery_id


# -- care tasks, attempts and outcomes ---------------------------------------------------------


@dataclass
class _Task:
    index: int  # the row's position in the care_task rows
    id: str
    kind: CareKind
    assigned: str | None


def _task(
    h: _History,
    kind: CareKind,
    car: _Car,
    opens: dt.date,
    due: dt.date,
    *,
    source: tuple[str, str | None],
    assigned: str | None,
    status: TaskStatus,
    title: str = "",
    made: dt.datetime | None = None,
) -> _Task:
    when = made or _at(min(opens, h.today) - dt.timedelta(days=h.rules.horizon_days // 2), 6)
    index = h.rows.count("care_task")
    task_id = h.rows.add(
        "care_task",
        when,
        h.staff.care[0],
        site_id=h.staff.site_id,
        kind=kind.value,
        customer_id=car.customer_id,
        vehicle_id=car.id,
        source=source[0],
        source_id=source[1],
        due=due.isoformat(),
        opens=opens.isoformat(),
        title=title,
        status=status.value,
        assigned_to=assigned,
    )
    return _Task(index, task_id, kind, assigned)


def _set_status(h: _History, task: _Task, status: TaskStatus) -> None:
    _columns, rows = h.rows.tables["care_task"]
    row = list(rows[task.index])
    row[-2] = status.value
    rows[task.index] = tuple(row)


def _attempt(
    h: _History,
    task: _Task,
    at: dt.datetime,
    reached: bool,
    reason: Unreached | None,
    channel: str = "call",
    note: str = "",
) -> None:
    h.rows.add(
        "care_attempt",
        at,
        task.assigned,
        task_id=task.id,
        at=_local(at),
        reached=int(reached),
        reason=reason.value if reason else "",
        channel=channel,
        note=note,
        actor=task.assigned,
    )


def _call_time(rng: random.Random, day: dt.date, part: int) -> dt.datetime:
    """A call in the morning (0), afternoon (1) or evening (2) of ``day``."""
    hour = (9, 14, 18)[part]
    return _at(day, hour + rng.randrange(0, 2), rng.randrange(0, 60))


def _reached(h: _History, task: _Task, car: _Car, day: dt.date, returned: bool) -> None:
    """The customer was reached on ``day`` (maybe after one unanswered call)."""
    rng = h.rng
    day = min(day, h.today - dt.timedelta(days=1))
    if rng.random() < 0.2:
        _attempt(h, task, _call_time(rng, day, 0), False, Unreached.NO_ANSWER)
        at = _call_time(rng, day, 1)
    else:
        at = _call_time(rng, day, rng.randrange(0, 2))
    _attempt(h, task, at, True, None)
    maintenance = task.kind in (CareKind.FIRST_MAINTENANCE, CareKind.REGULAR_MAINTENANCE)
    outcome = Outcome(
        mileage_km=car.km_on(day, h.today) if maintenance else None,
        service_type=ServiceType.MAINTENANCE if maintenance else None,
        wants_appointment=maintenance and returned,
        note="" if returned or not maintenance else rng.choice(NOT_RETURNING),
    )
    _outcome(h, task, at, outcome, None)
    _set_status(h, task, TaskStatus.DONE)


def _outcome(
    h: _History, task: _Task, at: dt.datetime, outcome: Outcome, complaint_id: str | None
) -> None:
    h.rows.add(
        "care_outcome",
        at,
        task.assigned,
        task_id=task.id,
        at=_local(at),
        satisfaction=outcome.satisfaction.value if outcome.satisfaction else "",
        grievances=json.dumps(sorted(g.value for g in outcome.grievances)),
        mileage_km=outcome.mileage_km,
        service_type=outcome.service_type.value if outcome.service_type else "",
        wants_appointment=int(outcome.wants_appointment),
        note=outcome.note,
        complaint_id=complaint_id,
        actor=task.assigned,
    )


def _failed(h: _History, task: _Task, day: dt.date) -> None:
    """Unreachable: three calls at three times of day over three days, the message, the
    failure record; or a wrong number at the first call."""
    rng = h.rng
    if rng.random() < 0.12:
        _attempt(h, task, _call_time(rng, day, 0), False, Unreached.WRONG_NUMBER, note="空号")
        _set_status(h, task, TaskStatus.FAILED)
        return
    parts = rng.sample((0, 1, 2), 3)
    last = _call_time(rng, day, parts[0])
    for offset, part in enumerate(parts):
        last = _call_time(rng, day + dt.timedelta(days=offset), part)
        _attempt(h, task, last, False, rng.choice((Unreached.NO_ANSWER, Unreached.SWITCHED_OFF)))
    sent = last + dt.timedelta(minutes=5)
    _attempt(h, task, sent, False, None, fallback_channel(task.kind), "短信/微信提醒已发送")
    reason = rng.choice((Unreached.NO_ANSWER, Unreached.NO_ANSWER, Unreached.REFUSED))
    _attempt(h, task, sent + dt.timedelta(minutes=1), False, reason, "failure")
    _set_status(h, task, TaskStatus.FAILED)


def _unreached_or_declined(h: _History, task: _Task, car: _Car, day: dt.date) -> None:
    """A reminder the customer did not act on: unreachable, or reached and not coming."""
    if h.rng.random() < 0.55:
        _failed(h, task, min(day, h.today - dt.timedelta(days=4)))
    else:
        _reached(h, task, car, day, False)


def _satisfaction(h: _History, car: _Car, ro_id: str, closed: dt.date, kind: str) -> None:
    rules, rng = h.rules, h.rng
    opens = closed + dt.timedelta(days=rules.satisfaction_after_days)
    due = closed + dt.timedelta(days=rules.satisfaction_expires_days)
    if due >= h.today:
        return  # still open: the generator's
    task = _task(
        h,
        CareKind.SATISFACTION,
        car,
        opens,
        due,
        source=("rule", f"csi:{ro_id}"),
        assigned=rng.choice(h.staff.care),
        status=TaskStatus.OPEN,
    )
    roll = rng.random()
    if roll < 0.74:
        day = opens + dt.timedelta(days=rng.randrange(0, 4))
        at = _call_time(rng, day, rng.randrange(0, 3))
        _attempt(h, task, at, True, None)
        level = rng.choices(
            [s for s, _w in SATISFACTION_MIX], weights=[w for _s, w in SATISFACTION_MIX]
        )[0]
        grievances: frozenset[Grievance] = frozenset()
        if level in (Satisfaction.DISSATISFIED, Satisfaction.COMPLAINT):
            grievances = frozenset(rng.sample(list(Grievance), rng.randint(1, 2)))
        note = rng.choice(CARE_NOTES[level])
        complaint_id = None
        if level is Satisfaction.COMPLAINT:
            complaint_id = _closed_complaint(h, car, at, note, task.id)
        outcome = Outcome(
            satisfaction=level,
            grievances=grievances,
            service_type=ServiceType.REPAIR if kind == "repair" else ServiceType.MAINTENANCE,
            note=note,
        )
        _outcome(h, task, at, outcome, complaint_id)
        _set_status(h, task, TaskStatus.DONE)
    elif roll < 0.82:
        _failed(h, task, opens + dt.timedelta(days=rng.randrange(0, 5)))
    else:
        for offset in range(rng.randrange(0, 3)):
            at = _call_time(rng, opens + dt.timedelta(days=offset), offset)
            _attempt(h, task, at, False, Unreached.NO_ANSWER)
        _set_status(h, task, TaskStatus.EXPIRED)


def _closed_complaint(
    h: _History, car: _Car, opened: dt.datetime, description: str, task_id: str | None
) -> str:
    """A complaint from a satisfaction call, answered, resolved, called back twice, closed."""
    rng, staff = h.rng, h.staff
    owner = staff.care[0]
    responded = opened + dt.timedelta(minutes=rng.randrange(5, 28))
    resolved = opened + dt.timedelta(days=rng.randrange(1, 4), hours=rng.randrange(0, 4))
    callbacks = complaint_callbacks(resolved, h.rules)
    closed = _at(callbacks[-1][1], 16)
    complaint_id = h.rows.add(
        "complaint",
        opened,
        owner,
        site_id=staff.site_id,
        number=f"TS{opened:%Y%m%d}-{h.number('complaint', opened.date()):03d}",
        customer_id=car.customer_id,
        vehicle_id=car.id,
        opened_at=_local(opened),
        channel="callback",
        description=description,
        severity="normal",
        status="closed",
        owner_id=owner,
        responded_at=_local(responded),
        response="已致歉并安排服务经理跟进",
        escalated_to=None,
        escalated_at=None,
        resolution=rng.choice([r.value for r in Resolution]),
        resolution_note="客户接受处理方案",
        resolved_at=_local(resolved),
        closed_at=_local(closed),
        source_task_id=task_id,
    )
    for tag, due in callbacks:
        task = _task(
            h,
            CareKind.COMPLAINT_CALLBACK,
            car,
            max(resolved.date(), due - dt.timedelta(days=2)),  # as CareService.resolve
            due,
            source=("complaint", f"{complaint_id}:{tag}"),
            assigned=owner,
            status=TaskStatus.OPEN,
            title=tag,
            made=resolved,
        )
        at = _call_time(rng, due, 1)
        _attempt(h, task, at, True, None)
        _outcome(
            h, task, at, Outcome(satisfaction=Satisfaction.GOOD, note="客户对处理结果满意"), None
        )
        _set_status(h, task, TaskStatus.DONE)
    return complaint_id


# -- this month, through the service ----------------------------------------------------------


def _this_month(db: Database, today: dt.date, sessions: list[Session], staff: _Staff) -> None:
    """Generate today's worklist, share it between the two agents, and work some of it into
    every state; complaints in every status."""
    clock = [_at(today, 8, 30)]
    care1, care2 = (CareService(db, s, now=lambda: clock[0]) for s in sessions)
    care1.generate(today)
    items = care1.worklist(today)
    unassigned = [i.id for i in items if i.assigned_to is None]
    care1.assign(unassigned[0::2], sessions[0].staff.id)
    care1.assign(unassigned[1::2], sessions[1].staff.id)
    items = care1.worklist(today)
    used: set[str] = set()

    def pick(*kinds: CareKind) -> WorkItem | None:
        for kind in kinds:
            for item in items:
                if item.kind is kind and item.id not in used and item.customer_id:
                    used.add(item.id)
                    return item
        for item in items:  # any task rather than none
            if item.id not in used and item.customer_id and item.kind is not CareKind.BIRTHDAY:
                used.add(item.id)
                return item
        return None

    yesterday, before = today - dt.timedelta(days=1), today - dt.timedelta(days=2)
    clock[0] = _at(today, 10, 40)
    # one unanswered call this morning
    if t := pick(CareKind.REGULAR_MAINTENANCE, CareKind.INSURANCE_RENEWAL):
        care1.record_unreached(t.id, Unreached.NO_ANSWER, "", _at(today, 9, 5))
    # two, yesterday evening and this morning
    if t := pick(CareKind.INSURANCE_RENEWAL, CareKind.LOST_RECALL, CareKind.REGULAR_MAINTENANCE):
        care1.record_unreached(t.id, Unreached.BUSY, "", _at(yesterday, 18, 40))
        care1.record_unreached(t.id, Unreached.NO_ANSWER, "", _at(today, 9, 15))
    # three at three times of day over three days, the SMS, the failure record
    if t := pick(CareKind.FIRST_MAINTENANCE, CareKind.LOST_RECALL, CareKind.REGULAR_MAINTENANCE):
        care1.record_unreached(t.id, Unreached.NO_ANSWER, "", _at(before, 19, 10))
        care1.record_unreached(t.id, Unreached.SWITCHED_OFF, "", _at(yesterday, 10, 5))
        care1.record_unreached(t.id, Unreached.NO_ANSWER, "", _at(yesterday, 15, 30))
        care1.send_fallback(t.id, "尊敬的车主，您的爱车首保即将到期，请致电 021-58881234 预约。")
        care1.record_failure(t.id, Unreached.NO_ANSWER, "三次未接通，已发短信")
    # a wrong number: fails at once, the number goes to correction
    if t := pick(CareKind.LOST_RECALL, CareKind.WARRANTY_EXPIRY, CareKind.ANNUAL_INSPECTION):
        care2.record_unreached(t.id, Unreached.WRONG_NUMBER, "空号，需更正号码", _at(today, 9, 40))
    # reached: satisfied; dissatisfied; a maintenance booked from the call
    if t := pick(CareKind.SATISFACTION):
        care2.record_outcome(
            t.id,
            Outcome(
                satisfaction=Satisfaction.VERY_GOOD,
                service_type=ServiceType.MAINTENANCE,
                note="顾问讲解很清楚",
            ),
            _at(today, 9, 50),
        )
    if t := pick(CareKind.SATISFACTION):
        care2.record_outcome(
            t.id,
            Outcome(
                satisfaction=Satisfaction.DISSATISFIED,
                grievances=frozenset({Grievance.TIME, Grievance.PRICE}),
                service_type=ServiceType.REPAIR,
                note="等了三个小时，工时费偏贵",
            ),
            _at(today, 10, 5),
        )
    if t := pick(CareKind.REGULAR_MAINTENANCE, CareKind.FIRST_MAINTENANCE):
        km = 0
        if t.vehicle_id:
            row = db.raw.execute(
                "SELECT COALESCE(mileage_km, 0) FROM vehicle WHERE id = ?", (t.vehicle_id,)
            ).fetchone()
            km = int(row[0]) + 350
        care1.record_outcome(
            t.id,
            Outcome(
                mileage_km=km or None,
                service_type=ServiceType.MAINTENANCE,
                wants_appointment=True,
                note="客户同意本周六上午到店保养",
            ),
            _at(today, 10, 15),
        )
    if t := pick(CareKind.DELIVERY_CALLBACK):
        care2.record_outcome(
            t.id, Outcome(note="车辆使用正常，客户对交车讲解满意"), _at(today, 10, 20)
        )
    # do-not-contact, with the reason
    if t := pick(CareKind.LOST_RECALL, CareKind.BIRTHDAY, CareKind.REGULAR_MAINTENANCE):
        care1.do_not_contact(t.id, "客户已搬去外地，要求不再电话提醒保养")

    _complaints(db, today, care1, clock, staff, pick)


def _complaints(
    db: Database,
    today: dt.date,
    care: CareService,
    clock: list[dt.datetime],
    staff: _Staff,
    pick: Callable[..., WorkItem | None],
) -> None:
    owners = db.raw.execute(
        "SELECT v.customer_id, v.id FROM vehicle v JOIN repair_order r ON r.vehicle_id = v.id "
        "WHERE v.customer_id IS NOT NULL GROUP BY v.id ORDER BY max(r.opened_at) DESC LIMIT 5"
    ).fetchall()
    if len(owners) < 5:
        return
    now = clock[0]
    # open, within its 30-minute clock: a complaint made on a satisfaction call just now
    t = pick(CareKind.SATISFACTION)
    if t is not None:
        care.record_outcome(
            t.id,
            Outcome(
                satisfaction=Satisfaction.COMPLAINT,
                grievances=frozenset({Grievance.QUALITY}),
                service_type=ServiceType.REPAIR,
                note="修完第二天故障灯又亮了，要求给说法",
            ),
            now - dt.timedelta(minutes=12),
        )
    else:
        description, severity = COMPLAINTS[0]
        care.open_complaint(
            owners[0][0],
            owners[0][1],
            description,
            "phone",
            severity,
            now - dt.timedelta(minutes=12),
        )
    # open and overdue: nobody answered within 30 minutes
    description, severity = COMPLAINTS[1]
    care.open_complaint(
        owners[1][0], owners[1][1], description, "visit", severity, _at(today, 9, 20)
    )
    # escalated to the manager yesterday
    yesterday = today - dt.timedelta(days=1)
    description, severity = COMPLAINTS[2]
    c = care.open_complaint(
        owners[2][0], owners[2][1], description, "phone", severity, _at(yesterday, 14, 5)
    )
    care.respond(c.id, "已致歉，正在向厂家催配件", _at(yesterday, 14, 25))
    clock[0] = _at(yesterday, 16, 0)
    care.escalate(c.id, staff.manager or staff.care[0], "配件一周未到，请服务经理协调厂家调货")
    # resolved two days ago: the 24-hour callback made, the 7-day one waiting
    opened = _at(today - dt.timedelta(days=3), 11, 0)
    description, severity = COMPLAINTS[3]
    c = care.open_complaint(owners[3][0], owners[3][1], description, "wechat", severity, opened)
    care.respond(c.id, "已核对结算单，确认多收工时费", opened + dt.timedelta(minutes=18))
    care.resolve(
        c.id, Resolution.REFUND, "退还多收工时费 280 元", opened + dt.timedelta(days=1, hours=5)
    )
    _work_callbacks(care, c.id, clock, upto=1)
    # closed: resolved, called back twice, closed
    opened = _at(today - dt.timedelta(days=12), 9, 40)
    description, severity = COMPLAINTS[4]
    c = care.open_complaint(owners[4][0], owners[4][1], description, "visit", severity, opened)
    care.respond(c.id, "已致歉，安排免费内饰清洁", opened + dt.timedelta(minutes=14))
    care.resolve(
        c.id, Resolution.GOODWILL, "免费内饰深度清洁一次", opened + dt.timedelta(days=1, hours=7)
    )
    _work_callbacks(care, c.id, clock, upto=2)
    clock[0] = _at(today - dt.timedelta(days=3), 11, 0)
    care.close_complaint(c.id)
    clock[0] = _at(today, 10, 40)


def _work_callbacks(
    care: CareService, complaint_id: str, clock: list[dt.datetime], upto: int
) -> None:
    """Record the first ``upto`` callbacks of a resolved complaint as made on their due day."""
    found = care.complaint(complaint_id)
    tasks = [
        i
        for i in care.worklist(
            dt.date.max - dt.timedelta(days=1), kinds=(CareKind.COMPLAINT_CALLBACK,)
        )
        if i.title.startswith(found.number)
    ]
    for item in sorted(tasks, key=lambda i: i.due)[:upto]:
        at = _at(item.due, 15, 10)
        clock[0] = at
        care.record_outcome(
            item.id, Outcome(satisfaction=Satisfaction.GOOD, note="客户对处理结果满意"), at
        )
