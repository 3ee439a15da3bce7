"""Demo workshop: the labour catalogue, default rules, and a week of appointments around today.

Past days are mostly handed over (with a no-show and a cancellation), today runs from cars
ready for pick-up to later bookings, tomorrow's bookings wait for their confirmation call.
Written through the repository (not the booking service) because past appointments could not
be booked now; the data is built without overlaps so it obeys the rules anyway.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from ..domain.appointments import (
    Appointment,
    CallOutcome,
    CheckIn,
    DamageMark,
    Status,
    Transport,
    WorkItem,
    WorkshopRules,
    duration_for,
    estimate_for,
    make_serial,
)
from ..storage.appointments import AppointmentRepository, RepairLine
from ..storage.db import Database

LABOUR = [
    ("FS01", "首次保养", 60, "maintenance"),
    ("MS00", "常规保养（机油机滤）", 60, "maintenance"),
    ("MS10", "1万公里保养", 90, "maintenance"),
    ("MS20", "2万公里保养", 120, "maintenance"),
    ("DG01", "故障诊断", 60, "diagnosis"),
    ("BR01", "更换前刹车片", 90, "repair"),
    ("AL01", "四轮定位", 60, "repair"),
    ("AC01", "空调系统清洗", 45, "maintenance"),
    ("TY01", "更换轮胎（4条）", 60, "repair"),
    ("BT01", "更换12V蓄电池", 30, "repair"),
    ("WB01", "更换雨刮片", 15, "maintenance"),
    ("PB01", "钣金喷漆（单面）", 240, "body"),
    ("EV01", "高压电池检测", 60, "diagnosis"),
    ("RC01", "召回 / 服务活动", 60, "campaign"),
]
FAULTS = [
    "",
    "",
    "",
    "冷启动时有异响",
    "空调制冷效果差",
    "仪表盘发动机故障灯亮",
    "刹车时方向盘抖动",
    "车辆跑偏",
    "中控屏偶尔黑屏",
]
PARTS = {
    "MS00": "机油 4L\n机油滤清器",
    "MS10": "机油 4L\n机油滤清器\n空气滤清器",
    "MS20": "机油 4L\n机油滤清器\n空气滤清器\n空调滤芯",
    "BR01": "前刹车片（一套）",
    "BT01": "12V 蓄电池 60Ah",
    "WB01": "雨刮片（一对）",
}


def create_workshop(
    db: Database, site_id: str, today: dt.date, seed: int, now: dt.datetime | None = None
) -> int:
    """Catalogue, rules and appointments from 3 days ago to 4 days ahead; returns the count."""
    rng = random.Random(seed * 7919 + 3)
    repo = AppointmentRepository(db)
    rules = WorkshopRules()
    now = now or dt.datetime.combine(today, dt.time(10, 40))
    raw = db.raw
    advisors = [
        r[0]
        for r in raw.execute(
            "SELECT id FROM staff WHERE roles LIKE '%service_advisor%' ORDER BY username"
        )
    ]
    techs = [
        r[0]
        for r in raw.execute(
            "SELECT id FROM staff WHERE roles LIKE '%technician%' ORDER BY username"
        )
    ]
    bays = [
        r[0]
        for r in raw.execute(
            "SELECT id FROM service_bay WHERE kind IN ('general', 'quick', 'body') ORDER BY code"
        )
    ]
    owners = raw.execute(
        "SELECT c.id, c.name, c.mobile, v.id, v.plate, COALESCE(m.brand || ' ' || m.series, ''),"
        " v.mileage_km, v.last_visit FROM customer c JOIN vehicle v ON v.customer_id = c.id "
        "LEFT JOIN vehicle_model m ON m.id = v.model_id WHERE v.plate != '' "
        "ORDER BY c.rowid LIMIT 400"
    ).fetchall()
    if not (advisors and techs and bays and owners):
        return 0
    actor = advisors[0]
    count = 0
    with db.write():
        for code, name, minutes, category in LABOUR:
            repo.add_labour_op_in_tx(code, name, minutes, category, actor)
        repo.save_rules_in_tx(site_id, rules, actor)
        used_vehicles: set[tuple[str, dt.date]] = set()
        owner_iter = iter(rng.sample(owners, len(owners)))
        for offset in range(-3, 5):
            day = today + dt.timedelta(days=offset)
            span = rules.hours(day)
            if span is None:
                continue
            number = 0
            for b, bay in enumerate(bays):
                tech = techs[b % len(techs)]
                t = span[0] + dt.timedelta(minutes=15 * rng.randrange(0, 3))
                while True:
                    op = rng.choice(LABOUR[:11] if bay != bays[-1] else LABOUR)
                    work = [WorkItem(op[1], op[2], op[0])]
                    if rng.random() < 0.25:
                        extra = rng.choice(LABOUR[6:11])
                        if extra[0] != op[0]:
                            work.append(WorkItem(extra[1], extra[2], extra[0]))
                    minutes = sum(w.minutes for w in work)
                    end = t + duration_for(Decimal(minutes) / 60, rules)
                    if end > span[1] - dt.timedelta(minutes=30 * rng.random()):
                        break
                    try:
                        owner = next(owner_iter)
                    except StopIteration:
                        break
                    if (owner[3], day) in used_vehicles:
                        continue
                    used_vehicles.add((owner[3], day))
                    number += 1
                    status = _status(rng, t, end, now)
                    a = Appointment(
                        serial=make_serial(day, number),
                        start=t,
                        end=end,
                        status=status,
                        transport=Transport.WAITER if rng.random() < 0.3 else Transport.DROP_OFF,
                        work=work,
                        customer_id=owner[0],
                        vehicle_id=owner[3],
                        bay_id=bay,
                        technician_id=tech,
                        advisor_id=rng.choice(advisors),
                        fault=rng.choice(FAULTS),
                        estimate=estimate_for(work, rules),
                        parts="\n".join(PARTS.get(w.code, "") for w in work if w.code in PARTS),
                        phone_record="客户来电预约" if rng.random() < 0.7 else "回访时预约",
                        remarks=rng.choice(["", "", "客户需要代步车", "保养提醒后预约", "老客户"]),
                        customer_name=owner[1],
                        phone=owner[2],
                        plate=owner[4],
                        model_name=owner[5],
                        mileage_km=owner[6],
                        last_visit=dt.date.fromisoformat(owner[7]) if owner[7] else None,
                    )
                    aid = repo.insert(a, site_id, actor)
                    repo.add_event(aid, "created", actor, to_status=Status.BOOKED.value)
                    _history(repo, rng, a, aid, actor, today, now, site_id, rules)
                    count += 1
                    t = end + dt.timedelta(minutes=15 * rng.randrange(0, 4))
    return count


def _status(rng: random.Random, start: dt.datetime, end: dt.datetime, now: dt.datetime) -> Status:
    if end <= now - dt.timedelta(hours=2):
        roll = rng.random()
        return (
            Status.NO_SHOW
            if roll < 0.05
            else Status.CANCELLED
            if roll < 0.08
            else Status.HANDED_OVER
        )
    if start <= now:
        return rng.choice(
            [
                Status.READY,
                Status.WASHING,
                Status.QUALITY_CHECK,
                Status.IN_SERVICE,
                Status.IN_SERVICE,
                Status.CHECKED_IN,
            ]
        )
    if start.date() == now.date():
        return rng.choice([Status.CONFIRMED, Status.CONFIRMED, Status.ARRIVED, Status.BOOKED])
    if start.date() == now.date() + dt.timedelta(days=1):
        return rng.choice([Status.BOOKED, Status.BOOKED, Status.CONFIRMED])
    return Status.BOOKED


FLOW = [
    Status.BOOKED,
    Status.CONFIRMED,
    Status.ARRIVED,
    Status.CHECKED_IN,
    Status.IN_SERVICE,
    Status.QUALITY_CHECK,
    Status.WASHING,
    Status.READY,
    Status.HANDED_OVER,
]


def _history(
    repo: AppointmentRepository,
    rng: random.Random,
    a: Appointment,
    aid: str,
    actor: str,
    today: dt.date,
    now: dt.datetime,
    site_id: str,
    rules: WorkshopRules,
) -> None:
    """Status events, calls, check-in and repair order consistent with the final status."""
    if a.status in FLOW:
        reached = FLOW[: FLOW.index(a.status) + 1]
    else:
        reached = [Status.BOOKED, a.status]
    for before, after in zip(reached, reached[1:], strict=False):
        repo.add_event(aid, "status", actor, from_status=before.value, to_status=after.value)
    if Status.CONFIRMED in reached:
        repo.add_call(
            aid,
            a.start - dt.timedelta(days=1, hours=rng.randrange(0, 5)),
            CallOutcome.CONFIRMED,
            "",
            actor,
        )
    elif a.status == Status.BOOKED and a.start.date() == today + dt.timedelta(days=1):
        if rng.random() < 0.4:
            repo.add_call(
                aid, now - dt.timedelta(hours=rng.randrange(1, 3)), CallOutcome.NO_ANSWER, "", actor
            )
    if Status.CHECKED_IN in reached:
        checkin = CheckIn(
            mileage_km=(a.mileage_km or 0) + rng.randrange(0, 800),
            fuel_eighths=rng.randrange(1, 9),
            warning_lights=["service"] if rng.random() < 0.3 else [],
            valuables=rng.choice(["", "行车记录仪", "儿童座椅"]),
            damage=[
                DamageMark(
                    round(rng.uniform(0.2, 0.8), 2),
                    round(rng.uniform(0.1, 0.9), 2),
                    rng.choice(["scratch", "dent", "chip"]),
                )
            ]
            if rng.random() < 0.4
            else [],
            concerns=a.fault,
            agreed_work="、".join(w.name for w in a.work),
            estimate=a.estimate,
            promised_at=a.end + dt.timedelta(minutes=30),
        )
        repo.save_checkin(aid, checkin, actor)
        lines = [
            RepairLine(
                "labour", w.code, w.name, Decimal(w.minutes) / 60, rules.labour_rate, w.minutes
            )
            for w in a.work
        ]
        number = repo.next_repair_number(a.start.date())
        a.id = aid
        repo.create_repair_order(a, site_id, number, lines, actor)
        if a.status == Status.HANDED_OVER:
            repo.close_repair_order(aid, actor)
