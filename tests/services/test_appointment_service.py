"""AppointmentService against a real demo database: booking, refusals and overrides, moving,
the status flow, confirmation calls, check-in and repair orders, the reception board,
permissions, the journal and the workshop settings.

"Now" is fixed at DEMO_TODAY 10:40; the demo week has appointments from 2026-11-17 to
2026-11-24, so bookings on 2026-11-25 (a Wednesday) start from an empty day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

import pytest

from desktop_app.domain.appointments import (
    INACTIVE,
    ON_SITE,
    TRANSITIONS,
    CallAdvice,
    CallOutcome,
    CheckIn,
    DamageMark,
    Problem,
    ResourceKind,
    Status,
    Transport,
    WorkItem,
    WorkshopRules,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.staff import Session
from desktop_app.services.appointments import (
    AppointmentService,
    BookingRefused,
    Draft,
    InvalidTransition,
    ReceptionRow,
)
from desktop_app.services.errors import PermissionDenied
from desktop_app.storage.db import Database
from desktop_app.storage.repositories import VehicleRepository
from tests.conftest import DEMO_TODAY

NOW = dt.datetime.combine(DEMO_TODAY, dt.time(10, 40))
DAY = dt.date(2026, 11, 25)
TOMORROW = DEMO_TODAY + dt.timedelta(days=1)
REASON = "客户明天出差，经理同意加塞"
MS10 = WorkItem("1万公里保养", 90, "MS10")
WB01 = WorkItem("更换雨刮片", 15, "WB01")


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def service(
    db: Database, session: Session, now: Callable[[], dt.datetime] = lambda: NOW
) -> AppointmentService:
    return AppointmentService(db, session, now=now)


@dataclass(frozen=True)
class Car:
    customer_id: str
    name: str
    mobile: str
    vehicle_id: str
    plate: str
    model_name: str
    mileage_km: int
    last_visit: dt.date | None


def cars(db: Database, n: int = 6) -> list[Car]:
    """Demo customers with a vehicle that has a plate and a model, booked nowhere this week."""
    rows = db.raw.execute(
        "SELECT c.id, c.name, c.mobile, v.id, v.plate, v.mileage_km, v.last_visit "
        "FROM customer c JOIN vehicle v ON v.customer_id = c.id "
        "WHERE v.plate != '' AND v.model_id IS NOT NULL AND c.mobile != '' "
        "AND v.mileage_km > 1000 AND c.deleted_at IS NULL AND v.deleted_at IS NULL "
        "AND v.id NOT IN (SELECT vehicle_id FROM appointment WHERE vehicle_id IS NOT NULL) "
        "ORDER BY c.rowid LIMIT ?",
        (n,),
    ).fetchall()
    assert len(rows) == n
    vehicles = VehicleRepository(db)
    out = []
    for cid, name, mobile, vid, plate, km, last in rows:
        model = next(v.model_name for v in vehicles.for_customer(cid) if v.id == vid)
        last_visit = dt.date.fromisoformat(last) if last else None
        out.append(Car(cid, name, mobile, vid, plate, model, km, last_visit))
    return out


def bays(svc: AppointmentService) -> list[str]:
    return [r.id for r in svc.resources()[ResourceKind.BAY] if r.category == "general"]


def techs(svc: AppointmentService) -> list[str]:
    return [r.id for r in svc.resources()[ResourceKind.TECHNICIAN]]


def draft(
    car: Car,
    start: dt.datetime,
    bay: str | None = None,
    tech: str | None = None,
    work: list[WorkItem] | None = None,
    **extra: object,
) -> Draft:
    return Draft(
        start=start,
        work=list(work) if work is not None else [MS10],
        customer_id=car.customer_id,
        vehicle_id=car.vehicle_id,
        bay_id=bay,
        technician_id=tech,
        **extra,  # type: ignore[arg-type]
    )


def count(db: Database, sql: str, *params: object) -> int:
    return int(db.raw.execute(sql, params).fetchone()[0])


def events(svc: AppointmentService, appointment_id: str) -> list[str]:
    return [e.kind for e in svc.open(appointment_id).events]


# -- booking ----------------------------------------------------------------------------------


def test_booking_saves_a_snapshot_serial_estimate_and_created_event(
    db: Database, advisor: Session
) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    bay, tech = bays(svc)[0], techs(svc)[0]
    d = draft(
        car,
        at(9),
        bay,
        tech,
        [MS10, WB01],
        transport=Transport.WAITER,
        fault="冷启动时有异响",
        parts="机油 4L\n机油滤清器",
        phone_record="客户来电预约",
        remarks="老客户",
    )
    a = svc.book(d)
    assert a.id
    assert a.serial == "2026-11-25-001"
    assert (a.start, a.end) == (at(9), at(10, 45))
    assert a.status == Status.BOOKED
    assert a.transport == Transport.WAITER
    assert a.work == [MS10, WB01]
    assert (a.customer_id, a.vehicle_id, a.bay_id, a.technician_id) == (
        car.customer_id,
        car.vehicle_id,
        bay,
        tech,
    )
    assert a.advisor_id == advisor.staff.id
    assert a.advisor_name == advisor.staff.full_name
    assert a.bay_name and a.technician_name
    # the register keeps what was true when the call came in
    assert (a.customer_name, a.phone, a.plate) == (car.name, car.mobile, car.plate)
    assert a.model_name == car.model_name and a.model_name
    assert a.mileage_km == car.mileage_km
    assert a.last_visit == car.last_visit
    assert a.estimate == Decimal("490.00")  # 1.75 h × ¥280
    assert (a.fault, a.parts, a.phone_record, a.remarks) == (
        "冷启动时有异响",
        "机油 4L\n机油滤清器",
        "客户来电预约",
        "老客户",
    )
    assert a.override_reason == ""
    file = svc.open(a.id)
    assert [(e.kind, e.to_status, e.actor_name) for e in file.events] == [
        ("created", "booked", advisor.staff.full_name)
    ]
    assert svc.by_serial(a.serial).id == a.id


def test_serial_numbers_count_per_day_and_are_never_reused(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    c1, c2, c3, c4 = cars(db, 4)
    first = svc.book(draft(c1, at(9)))
    second = svc.book(draft(c2, at(10)))
    other_day = svc.book(draft(c3, at(9, 0, DAY + dt.timedelta(days=1))))
    assert [first.serial, second.serial, other_day.serial] == [
        "2026-11-25-001",
        "2026-11-25-002",
        "2026-11-26-001",
    ]
    assert second.id
    svc.set_status(second.id, Status.CANCELLED)
    third = svc.book(draft(c4, at(11)))
    assert third.serial == "2026-11-25-003"


def test_serial_of_a_walk_in_follows_the_days_demo_bookings(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    today = svc.day(DEMO_TODAY).appointments
    highest = max(int(a.serial[-3:]) for a in today)
    a = svc.walk_in(draft(car, at(0), work=[WB01]))
    assert a.start == at(10, 30, DEMO_TODAY)  # the current slot
    assert a.serial == f"{DEMO_TODAY.isoformat()}-{highest + 1:03d}"


def test_estimate_is_labour_hours_times_the_rate_unless_given(
    db: Database, advisor: Session
) -> None:
    svc = service(db, advisor)
    c1, c2 = cars(db, 2)
    assert svc.book(draft(c1, at(9))).estimate == Decimal("420.00")  # 1.5 h × ¥280
    typed = svc.book(draft(c2, at(9), estimate=Decimal("388.50")))
    assert typed.estimate == Decimal("388.50")


def test_a_booking_needs_work_and_a_customer(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    before = count(db, "SELECT count(*) FROM appointment")
    with pytest.raises(ValidationError) as caught:
        svc.book(draft(car, at(9), work=[]))
    assert caught.value.field == "work"
    with pytest.raises(ValidationError) as caught:
        svc.book(replace(draft(car, at(9)), customer_id=None, vehicle_id=None))
    assert caught.value.field == "customer"
    assert svc.book(draft(car, at(9), work=[], fault="刹车时方向盘抖动")).work_summary == (
        "刹车时方向盘抖动"
    )
    assert count(db, "SELECT count(*) FROM appointment") == before + 1


def test_day_and_week_boards_show_bookings_and_load(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    c1, c2 = cars(db, 2)
    svc.book(draft(c1, at(9)))
    svc.book(draft(c2, at(9, 0, DAY + dt.timedelta(days=2)), work=[WB01]))
    board = svc.day(DAY)
    assert [a.customer_id for a in board.appointments] == [c1.customer_id]
    assert board.load.booked == Decimal("1.5")
    assert board.load.capacity == Decimal("45.9")  # 6 technicians × 9 h × 85 %
    week = svc.week(DAY, 3)
    assert week.days == [DAY + dt.timedelta(days=i) for i in range(3)]
    assert [week.loads[d].booked for d in week.days] == [
        Decimal("1.5"),
        Decimal(0),
        Decimal("0.25"),
    ]
    assert len(week.appointments) == 2


# -- refusals and overrides -------------------------------------------------------------------


@pytest.fixture
def taken(db: Database, advisor: Session) -> tuple[AppointmentService, list[Car], str, str, str]:
    """Wednesday 09:00–10:30 on the first bay with the first technician is booked."""
    svc = service(db, advisor)
    people = cars(db, 4)
    bay, tech = bays(svc)[0], techs(svc)[0]
    first = svc.book(draft(people[0], at(9), bay, tech))
    assert first.id
    return svc, people, bay, tech, first.id


def test_a_taken_bay_is_refused_with_findings_and_offers(
    db: Database, taken: tuple[AppointmentService, list[Car], str, str, str]
) -> None:
    svc, people, bay, _tech, first_id = taken
    before = count(db, "SELECT count(*) FROM appointment")
    d = draft(people[1], at(10), bay)
    with pytest.raises(BookingRefused) as caught:
        svc.book(d)
    refused = caught.value
    assert [f.problem for f in refused.findings] == [Problem.BAY_TAKEN]
    assert refused.findings[0].other_id == first_id
    assert people[0].plate in refused.findings[0].params["other"]
    assert not refused.can_override  # an advisor may not
    assert refused.offers
    assert refused.offers[0].start == at(10, 30)  # right after the booked job, same bay
    assert all(o.bay_id == bay for o in refused.offers)
    for offer in refused.offers:
        assert svc.check(replace(d, start=offer.start, bay_id=offer.bay_id)) == []
    assert count(db, "SELECT count(*) FROM appointment") == before
    assert svc.check(d) == refused.findings  # the same answer as live feedback


def test_a_busy_technician_is_refused(
    taken: tuple[AppointmentService, list[Car], str, str, str],
) -> None:
    svc, people, _bay, tech, first_id = taken
    with pytest.raises(BookingRefused) as caught:
        svc.book(draft(people[1], at(9, 30), bays(svc)[1], tech))
    assert [(f.problem, f.other_id) for f in caught.value.findings] == [
        (Problem.TECHNICIAN_TAKEN, first_id)
    ]


def test_offers_for_a_busy_technician_pass_the_checks(
    taken: tuple[AppointmentService, list[Car], str, str, str],
) -> None:
    """The offers must be bookable as they are: the technician asked for is free then too."""
    svc, people, _bay, tech, _first = taken
    d = draft(people[1], at(9), bays(svc)[1], tech)
    with pytest.raises(BookingRefused) as caught:
        svc.book(d)
    assert caught.value.offers
    for offer in caught.value.offers:
        assert svc.check(replace(d, start=offer.start, bay_id=offer.bay_id)) == [], offer


def test_a_manager_may_override_with_a_reason_that_is_recorded(
    db: Database, manager: Session, taken: tuple[AppointmentService, list[Car], str, str, str]
) -> None:
    _svc, people, bay, tech, _first = taken
    boss = service(db, manager)
    d = draft(people[1], at(9, 30), bay, tech)
    with pytest.raises(BookingRefused) as caught:
        boss.book(d)
    assert caught.value.can_override
    with pytest.raises(ValidationError) as blank:
        boss.book(d, "   ")
    assert blank.value.field == "override_reason"
    assert count(db, "SELECT count(*) FROM appointment WHERE start_at = '2026-11-25 09:30'") == 0

    a = boss.book(d, f"  {REASON} ")
    assert a.id and a.override_reason == REASON
    row = db.raw.execute(
        "SELECT override_reason, override_by FROM appointment WHERE id = ?", (a.id,)
    ).fetchone()
    assert tuple(row) == (REASON, manager.staff.id)
    override = [e for e in boss.open(a.id).events if e.kind == "override"]
    assert [(e.detail, e.actor_name) for e in override] == [(REASON, manager.staff.full_name)]
    assert (
        count(
            db,
            "SELECT count(*) FROM appointment_event WHERE appointment_id = ? AND kind = 'override' "
            "AND actor = ?",
            a.id,
            manager.staff.id,
        )
        == 1
    )


def test_an_advisors_reason_does_not_override(
    db: Database, taken: tuple[AppointmentService, list[Car], str, str, str]
) -> None:
    svc, people, bay, _tech, _first = taken
    before = count(db, "SELECT count(*) FROM appointment")
    with pytest.raises(BookingRefused) as caught:
        svc.book(draft(people[1], at(9, 30), bay), REASON)
    assert not caught.value.can_override
    assert count(db, "SELECT count(*) FROM appointment") == before


def test_problems_that_cannot_be_overridden_refuse_even_a_manager(
    db: Database, manager: Session, taken: tuple[AppointmentService, list[Car], str, str, str]
) -> None:
    _svc, people, bay, _tech, _first = taken
    boss = service(db, manager)
    before = count(db, "SELECT count(*) FROM appointment")
    cases = [
        (draft(people[1], at(16, 30), bay), {Problem.OUTSIDE_HOURS}),  # 16:30–18:00
        (draft(people[1], at(9, 0, DEMO_TODAY)), {Problem.PAST}),
        (draft(people[0], at(14)), {Problem.VEHICLE_SAME_DAY}),
        (draft(people[0], at(9, 30), bay), {Problem.VEHICLE_SAME_DAY, Problem.BAY_TAKEN}),
    ]
    for d, expected in cases:
        with pytest.raises(BookingRefused) as caught:
            boss.book(d, REASON)
        assert {f.problem for f in caught.value.findings} == expected
        assert not caught.value.can_override
    assert count(db, "SELECT count(*) FROM appointment") == before


def test_a_full_waiter_slot_and_a_full_day_can_be_overridden(
    db: Database, advisor: Session, manager: Session
) -> None:
    svc, boss = service(db, advisor), service(db, manager)
    people = cars(db, 4)
    general = bays(svc)
    for i in range(2):
        svc.book(draft(people[i], at(9), general[i], transport=Transport.WAITER))
    third = draft(people[2], at(9), general[2], transport=Transport.WAITER)
    with pytest.raises(BookingRefused) as caught:
        svc.book(third)
    assert [f.problem for f in caught.value.findings] == [Problem.WAITER_CAP]
    assert svc.book(replace(third, transport=Transport.DROP_OFF)).id  # a drop-off fits
    for tech in techs(svc):
        boss.add_absence(tech, DAY, "培训")
    assert svc.technicians_on(DAY) == 0
    with pytest.raises(BookingRefused) as caught:
        boss.book(draft(people[3], at(13), general[3]))
    assert [f.problem for f in caught.value.findings] == [Problem.OVER_CAPACITY]
    assert caught.value.can_override
    assert boss.book(draft(people[3], at(13), general[3]), REASON).override_reason == REASON


def test_offers_respect_technicians_away_on_later_days(
    db: Database, advisor: Session, manager: Session
) -> None:
    """Wednesday is closed, so the offers fall on Thursday, where only one technician works
    and the day is almost full: offering Thursday would be refused again."""
    svc, boss = service(db, advisor), service(db, manager)
    people = cars(db, 3)
    thursday = DAY + dt.timedelta(days=1)
    for i in range(2):  # 7.75 h booked while all six work; then five are away: 7.7 h
        work = [WorkItem("钣金喷漆（单面）", 225 if i else 240, "PB01")]
        svc.book(draft(people[i], at(9, 0, thursday), bays(svc)[i], work=work))
    for tech in techs(svc)[1:]:
        boss.add_absence(tech, thursday, "年假")
    rules = svc.rules()
    opening = dict(rules.opening)
    opening[DAY.weekday()] = None
    boss.save_rules(replace(rules, opening=opening))
    d = draft(people[2], at(9))
    with pytest.raises(BookingRefused) as caught:
        svc.book(d)
    assert [f.problem for f in caught.value.findings] == [Problem.CLOSED_DAY]
    assert caught.value.offers
    for offer in caught.value.offers:
        assert svc.check(replace(d, start=offer.start, bay_id=offer.bay_id)) == [], offer


# -- moving -----------------------------------------------------------------------------------


def test_moving_keeps_the_length_checks_and_records_the_move(
    db: Database, taken: tuple[AppointmentService, list[Car], str, str, str]
) -> None:
    svc, people, bay, _tech, first_id = taken
    second = svc.book(draft(people[1], at(13), bay))
    assert second.id
    moved = svc.move(second.id, at(14, 15))
    assert (moved.start, moved.end) == (at(14, 15), at(15, 45))
    assert moved.serial == second.serial and moved.bay_id == bay
    moved_events = [e for e in svc.open(second.id).events if e.kind == "moved"]
    assert len(moved_events) == 1
    assert "2026-11-25 13:00" in moved_events[0].detail
    assert "2026-11-25 14:15–15:45" in moved_events[0].detail

    with pytest.raises(BookingRefused) as caught:
        svc.move(second.id, at(10))  # onto the first booking
    assert [(f.problem, f.other_id) for f in caught.value.findings] == [
        (Problem.BAY_TAKEN, first_id)
    ]
    again = svc.open(second.id).appointment
    assert (again.start, again.end) == (at(14, 15), at(15, 45))

    other_bay = bays(svc)[1]
    there = svc.move(second.id, at(9), (ResourceKind.BAY, other_bay))
    assert (there.start, there.end, there.bay_id) == (at(9), at(10, 30), other_bay)
    tech2 = techs(svc)[1]
    assert svc.move(second.id, at(9), (ResourceKind.TECHNICIAN, tech2)).technician_id == tech2
    longer = svc.move(second.id, at(9), end=at(11))
    assert (longer.start, longer.end) == (at(9), at(11))
    with pytest.raises(ValidationError) as caught_end:
        svc.move(second.id, at(11), end=at(11))
    assert caught_end.value.field == "end"


def test_a_manager_may_move_onto_a_taken_bay_with_a_reason(
    db: Database, manager: Session, taken: tuple[AppointmentService, list[Car], str, str, str]
) -> None:
    svc, people, bay, _tech, _first = taken
    second = svc.book(draft(people[1], at(13), bay))
    assert second.id
    boss = service(db, manager)
    with pytest.raises(BookingRefused) as caught:
        boss.move(second.id, at(9, 30))
    assert caught.value.can_override
    moved = boss.move(second.id, at(9, 30), override_reason=REASON)
    assert moved.override_reason == REASON
    assert [e.kind for e in boss.open(second.id).events][-2:] == ["moved", "override"]


@pytest.mark.parametrize("status", [Status.ARRIVED, Status.CANCELLED, Status.NO_SHOW])
def test_appointments_no_longer_movable_are_not_moved(
    db: Database, advisor: Session, status: Status
) -> None:
    svc = service(db, advisor)
    a = svc.book(draft(cars(db, 1)[0], at(9)))
    assert a.id
    svc.set_status(a.id, status)
    with pytest.raises(InvalidTransition) as caught:
        svc.move(a.id, at(13))
    assert caught.value.current == status
    assert svc.open(a.id).appointment.start == at(9)


def test_a_confirmed_appointment_can_move(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    a = svc.book(draft(cars(db, 1)[0], at(9)))
    assert a.id
    svc.set_status(a.id, Status.CONFIRMED)
    assert svc.move(a.id, at(13)).status == Status.CONFIRMED


def test_editing_an_appointment_in_the_workshop_still_refuses_a_taken_bay(
    db: Database, advisor: Session, taken: tuple[AppointmentService, list[Car], str, str, str]
) -> None:
    """Changing the bay or technician of a car already in the workshop is a double booking
    like any other: refused unless a manager overrides it."""
    svc, people, bay, _tech, _first = taken
    other_bay = bays(svc)[1]
    a = svc.book(draft(people[1], at(9), other_bay))
    assert a.id
    svc.set_status(a.id, Status.ARRIVED)
    with pytest.raises(BookingRefused):
        svc.update_details(a.id, draft(people[1], at(9), bay))
    assert svc.open(a.id).appointment.bay_id == other_bay


# -- status flow ------------------------------------------------------------------------------


def test_set_status_follows_the_transitions_and_refuses_the_rest(
    db: Database, advisor: Session
) -> None:
    svc = service(db, advisor)
    a = svc.book(draft(cars(db, 1)[0], at(9)))
    assert a.id
    for current in Status:
        for wanted in Status:
            stored = svc.open(a.id).appointment
            stored.status = current
            with db.write():
                svc.repo.update(stored, advisor.staff.id)
            allowed = wanted in TRANSITIONS[current] and wanted != Status.CHECKED_IN
            if allowed:
                assert svc.set_status(a.id, wanted).status == wanted
                last = svc.open(a.id).events[-1]
                assert (last.kind, last.from_status, last.to_status) == (
                    "status",
                    current.value,
                    wanted.value,
                )
            else:
                with pytest.raises(InvalidTransition):
                    svc.set_status(a.id, wanted)
                assert svc.open(a.id).appointment.status == current, (current, wanted)


def test_checked_in_only_through_check_in(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    a = svc.book(draft(cars(db, 1)[0], at(9)))
    assert a.id
    svc.set_status(a.id, Status.ARRIVED)
    with pytest.raises(InvalidTransition):
        svc.set_status(a.id, Status.CHECKED_IN)
    assert svc.open(a.id).appointment.status == Status.ARRIVED
    assert svc.open(a.id).repair_order is None


# -- check-in and the repair order ------------------------------------------------------------

PARTS = "机油 4L\n\n 机油滤清器 \n空气滤清器"


def checkin_for(car: Car, **extra: object) -> CheckIn:
    values: dict[str, object] = {
        "mileage_km": car.mileage_km + 1234,
        "fuel_eighths": 5,
        "warning_lights": ["service"],
        "valuables": "行车记录仪",
        "damage": [DamageMark(0.25, 0.6, "scratch", "左前门划痕")],
        "concerns": "冷启动时有异响",
        "agreed_work": "1万公里保养、更换雨刮片",
        "estimate": Decimal("490.00"),
        "promised_at": at(15, 30, DEMO_TODAY),
    }
    values.update(extra)
    return CheckIn(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize("start", [Status.BOOKED, Status.CONFIRMED, Status.ARRIVED])
def test_check_in_opens_a_repair_order_and_updates_the_vehicle(
    db: Database, advisor: Session, start: Status
) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    tech = techs(svc)[0]
    a = svc.book(draft(car, at(9), bays(svc)[0], tech, [MS10, WB01], parts=PARTS))
    assert a.id
    if start != Status.BOOKED:
        svc.set_status(a.id, start)
    checkin = checkin_for(car)
    order = svc.check_in(a.id, checkin)

    assert re.fullmatch(r"RO20261120-\d{3}", order.number)
    assert order.appointment_id == a.id and order.technician_id == tech
    assert order.closed_at is None
    labour = [line for line in order.lines if line.kind == "labour"]
    parts = [line for line in order.lines if line.kind == "part"]
    assert [(x.code, x.description, x.quantity, x.unit_price, x.minutes) for x in labour] == [
        ("MS10", "1万公里保养", Decimal("1.5"), Decimal("280.00"), 90),
        ("WB01", "更换雨刮片", Decimal("0.25"), Decimal("280.00"), 15),
    ]
    assert [(x.description, x.quantity) for x in parts] == [
        ("机油 4L", Decimal(1)),
        ("机油滤清器", Decimal(1)),
        ("空气滤清器", Decimal(1)),
    ]
    assert sum(x.amount for x in labour) == Decimal("490.00")

    file = svc.open(a.id)
    assert file.appointment.status == Status.CHECKED_IN
    assert file.checkin == checkin
    assert file.repair_order == order
    steps = [(e.from_status, e.to_status) for e in file.events if e.kind == "status"]
    flow = ["booked", "arrived"] if start == Status.BOOKED else ["booked", start.value]
    if start == Status.CONFIRMED:
        flow.append("arrived")
    flow.append("checked_in")
    assert steps == list(zip(flow, flow[1:], strict=False))
    vehicle = VehicleRepository(db).get(car.vehicle_id)
    assert vehicle is not None
    assert vehicle.mileage_km == car.mileage_km + 1234
    assert vehicle.last_visit == DEMO_TODAY


def test_check_in_with_a_lower_mileage_changes_nothing(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    a = svc.walk_in(draft(car, at(0), parts=PARTS))
    assert a.id
    journal = count(db, "SELECT count(*) FROM change_log")
    with pytest.raises(ValidationError) as caught:
        svc.check_in(a.id, checkin_for(car, mileage_km=car.mileage_km - 1))
    assert caught.value.field == "mileage_km"
    file = svc.open(a.id)
    assert file.appointment.status == Status.BOOKED  # the "arrived" step was rolled back too
    assert file.checkin is None and file.repair_order is None
    assert events(svc, a.id) == ["created"]
    vehicle = VehicleRepository(db).get(car.vehicle_id)
    assert vehicle is not None and vehicle.mileage_km == car.mileage_km
    assert count(db, "SELECT count(*) FROM change_log") == journal


@pytest.mark.parametrize("status", [Status.CANCELLED, Status.NO_SHOW])
def test_check_in_is_refused_once_the_appointment_ended(
    db: Database, advisor: Session, status: Status
) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    a = svc.walk_in(draft(car, at(0)))
    assert a.id
    svc.set_status(a.id, status)
    with pytest.raises(InvalidTransition):
        svc.check_in(a.id, checkin_for(car))
    assert svc.open(a.id).repair_order is None


def test_handing_over_closes_the_repair_order(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    a = svc.walk_in(draft(car, at(0)))
    assert a.id
    svc.check_in(a.id, checkin_for(car))
    for status in (Status.IN_SERVICE, Status.QUALITY_CHECK, Status.WASHING, Status.READY):
        svc.set_status(a.id, status)
        order = svc.open(a.id).repair_order
        assert order is not None and order.closed_at is None
    svc.set_status(a.id, Status.HANDED_OVER)
    order = svc.open(a.id).repair_order
    assert order is not None and order.closed_at is not None


# -- confirmation calls -----------------------------------------------------------------------


def test_confirmation_list_is_the_days_booked_and_confirmed(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    day = svc.day(TOMORROW).appointments
    due = [a.id for a in day if a.status in (Status.BOOKED, Status.CONFIRMED)]
    rows = svc.confirmation_list(TOMORROW)
    assert [r.appointment.id for r in rows] == due and due
    for r in rows:
        if r.appointment.status == Status.CONFIRMED:
            assert r.advice == CallAdvice.DONE
        else:
            assert r.advice in (CallAdvice.CALL, CallAdvice.LATER)
    first = rows[0].appointment.id
    assert first
    svc.set_status(first, Status.CANCELLED)
    assert first not in [r.appointment.id for r in svc.confirmation_list(TOMORROW)]


def test_a_confirmed_call_confirms_and_a_cancel_cancels(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    c1, c2 = cars(db, 2)
    a = svc.book(draft(c1, at(9)))
    b = svc.book(draft(c2, at(10)))
    assert a.id and b.id
    row = svc.record_call(a.id, CallOutcome.CONFIRMED, " 客户确认准时到店 ")
    assert row.appointment.status == Status.CONFIRMED
    assert row.advice == CallAdvice.DONE
    assert [(c.outcome, c.note, c.called_at) for c in row.calls] == [
        (CallOutcome.CONFIRMED, "客户确认准时到店", NOW)
    ]
    assert events(svc, a.id) == ["created", "call", "status"]
    cancelled = svc.record_call(b.id, CallOutcome.CANCEL)
    assert cancelled.appointment.status == Status.CANCELLED
    assert svc.day(DAY).load.booked == Decimal("1.5")  # the cancelled one frees its hours


def test_three_unanswered_calls_at_three_times_of_day_advise_a_message(
    db: Database, advisor: Session
) -> None:
    clock = [dt.datetime(2026, 11, 23, 9, 5)]
    svc = service(db, advisor, now=lambda: clock[0])
    a = svc.book(draft(cars(db, 1)[0], at(9)))
    assert a.id
    advice = []
    for when, outcome in [
        (dt.datetime(2026, 11, 23, 9, 5), CallOutcome.NO_ANSWER),
        (dt.datetime(2026, 11, 23, 14, 5), CallOutcome.BUSY),
        (dt.datetime(2026, 11, 23, 19, 5), CallOutcome.NO_ANSWER),
    ]:
        clock[0] = when
        advice.append(svc.record_call(a.id, outcome).advice)
    assert advice == [CallAdvice.LATER, CallAdvice.LATER, CallAdvice.SEND_MESSAGE]
    assert svc.open(a.id).appointment.status == Status.BOOKED
    rows = svc.confirmation_list(DAY)
    assert [(r.appointment.id, r.advice, len(r.calls)) for r in rows] == [
        (a.id, CallAdvice.SEND_MESSAGE, 3)
    ]


def test_a_wrong_number_goes_to_correction(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    a = svc.book(draft(cars(db, 1)[0], at(9)))
    assert a.id
    assert svc.record_call(a.id, CallOutcome.WRONG_NUMBER).advice == CallAdvice.CORRECT_NUMBER


# -- the reception display --------------------------------------------------------------------


def test_reception_shows_masked_plates_only_with_ready_cars_first(
    db: Database, advisor: Session
) -> None:
    svc = service(db, advisor)
    today = svc.day(DEMO_TODAY).appointments
    rows = svc.reception(DEMO_TODAY)
    shown = [a for a in today if a.status in ON_SITE or a.status in (Status.BOOKED,
             Status.CONFIRMED)]  # fmt: skip
    assert len(rows) == len(shown) and rows
    assert {f for f in ReceptionRow.__dataclass_fields__} == {"plate", "model", "status", "time"}
    personal = {a.customer_name for a in today} | {a.phone for a in today}
    plates = {a.plate for a in today}
    for r in rows:
        assert re.fullmatch(r"\w{2}·\w{2}\*+\w", r.plate), r.plate
        assert r.plate not in plates
        for value in (r.plate, r.model):
            assert not any(p and p in value for p in personal)
        assert r.status not in INACTIVE and r.status != Status.HANDED_OVER
    order = [
        Status.READY,
        Status.WASHING,
        Status.QUALITY_CHECK,
        Status.IN_SERVICE,
        Status.CHECKED_IN,
        Status.ARRIVED,
        Status.CONFIRMED,
        Status.BOOKED,
    ]
    ranks = [order.index(r.status) for r in rows]
    assert ranks == sorted(ranks)
    assert rows[0].status == Status.READY


# -- permissions ------------------------------------------------------------------------------


def test_a_technician_may_not_book_or_work_appointments(db: Database, technician: Session) -> None:
    svc = service(db, technician)
    car = cars(db, 1)[0]
    some = svc.day(TOMORROW).appointments[0]
    assert some.id
    calls: list[Callable[[], object]] = [
        lambda: svc.book(draft(car, at(9))),
        lambda: svc.walk_in(draft(car, at(9))),
        lambda: svc.move(str(some.id), at(9)),
        lambda: svc.set_status(str(some.id), Status.CANCELLED),
        lambda: svc.record_call(str(some.id), CallOutcome.CONFIRMED),
        lambda: svc.check_in(str(some.id), checkin_for(car)),
        lambda: svc.update_details(str(some.id), draft(car, at(9))),
        lambda: svc.save_rules(WorkshopRules()),
    ]
    before = count(db, "SELECT count(*) FROM change_log")
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert count(db, "SELECT count(*) FROM change_log") == before
    assert svc.day(DEMO_TODAY).appointments  # reading the board is fine


def test_only_managers_change_the_workshop_rules(db: Database, advisor: Session) -> None:
    with pytest.raises(PermissionDenied):
        service(db, advisor).save_rules(WorkshopRules(waiter_cap_per_slot=5))
    with pytest.raises(PermissionDenied):
        service(db, advisor).add_absence(techs(service(db, advisor))[0], DAY, "病假")


# -- the journal ------------------------------------------------------------------------------


def journal(db: Database, table: str, row_id: str) -> list[tuple[str, str | None]]:
    rows = db.raw.execute(
        "SELECT op, actor FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY seq",
        (table, row_id),
    ).fetchall()
    return [tuple(r) for r in rows]


def test_every_write_is_journaled(db: Database, advisor: Session) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    me = advisor.staff.id
    a = svc.book(draft(car, at(9)))
    assert a.id
    assert journal(db, "appointment", a.id) == [("I", me)]
    event_ids = [
        r[0]
        for r in db.raw.execute(
            "SELECT id FROM appointment_event WHERE appointment_id = ?", (a.id,)
        )
    ]
    assert len(event_ids) == 1 and journal(db, "appointment_event", event_ids[0]) == [("I", me)]

    svc.move(a.id, at(13))
    changed = db.raw.execute(
        "SELECT changed FROM change_log WHERE table_name = 'appointment' AND row_id = ? "
        "AND op = 'U'",
        (a.id,),
    ).fetchone()[0]
    assert '"start_at"' in changed and '"end_at"' in changed
    svc.record_call(a.id, CallOutcome.CONFIRMED)
    svc.set_status(a.id, Status.ARRIVED)
    assert [op for op, _ in journal(db, "appointment", a.id)] == ["I", "U", "U", "U"]
    logged_events = count(
        db,
        "SELECT count(*) FROM change_log l JOIN appointment_event e ON e.id = l.row_id "
        "WHERE l.table_name = 'appointment_event' AND e.appointment_id = ?",
        a.id,
    )
    assert logged_events == len(svc.open(a.id).events) == 5  # created, moved, call, 2× status
    call_id = db.raw.execute(
        "SELECT id FROM appointment_call WHERE appointment_id = ?", (a.id,)
    ).fetchone()[0]
    assert journal(db, "appointment_call", call_id) == [("I", me)]


def test_a_booking_and_its_history_are_written_in_one_transaction(
    db: Database, advisor: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = service(db, advisor)
    car = cars(db, 1)[0]
    before = (
        count(db, "SELECT count(*) FROM appointment"),
        count(db, "SELECT count(*) FROM change_log"),
    )

    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(svc.repo, "add_event", broken)
    with pytest.raises(RuntimeError):
        svc.book(draft(car, at(9)))
    after = (
        count(db, "SELECT count(*) FROM appointment"),
        count(db, "SELECT count(*) FROM change_log"),
    )
    assert after == before


# -- workshop rules ---------------------------------------------------------------------------


def test_workshop_rules_round_trip_and_drive_capacity(
    db: Database, manager: Session, advisor: Session
) -> None:
    boss, svc = service(db, manager), service(db, advisor)
    assert svc.rules() == WorkshopRules()
    opening = dict(WorkshopRules().opening)
    opening[DAY.weekday()] = None
    friday = DAY + dt.timedelta(days=2)
    opening[friday.weekday()] = (dt.time(9), dt.time(12))
    rules = WorkshopRules(
        opening=opening,
        slot_minutes=30,
        efficiency=Decimal("0.90"),
        waiter_cap_per_slot=3,
        labour_rate=Decimal("300.00"),
    )
    boss.save_rules(rules)
    assert svc.rules() == rules
    assert svc.day(DAY).load.capacity == 0
    assert svc.day(friday).load.capacity == Decimal("16.2")  # 3 h × 6 × 0.90
    assert svc.day(DAY + dt.timedelta(days=1)).load.capacity == Decimal("48.6")
    c1, c2 = cars(db, 2)
    assert [f.problem for f in svc.check(draft(c1, at(9)))] == [Problem.CLOSED_DAY]
    a = svc.book(draft(c2, at(9, 0, friday), work=[WB01]))
    assert a.end - a.start == dt.timedelta(minutes=30)  # one 30-minute slot
    assert a.estimate == Decimal("75.00")  # 0.25 h × ¥300
    boss.add_absence(techs(svc)[0], friday, "病假")
    assert svc.day(friday).load.capacity == Decimal("13.5")  # 3 h × 5 × 0.90


def test_a_walk_in_late_in_a_long_slot_is_not_in_the_past(
    db: Database, manager: Session, advisor: Session
) -> None:
    """With 30-minute slots a walk-in at 10:59 starts in the 10:30 slot, which is the current
    slot, not the past (the walk-in grace must cover a whole slot)."""
    service(db, manager).save_rules(WorkshopRules(slot_minutes=30))
    svc = service(db, advisor, now=lambda: at(10, 59, DEMO_TODAY))
    try:
        a = svc.walk_in(draft(cars(db, 1)[0], at(0), work=[WB01]))
    except BookingRefused as refused:
        pytest.fail(f"walk-in refused: {[f.problem.value for f in refused.findings]}")
    assert a.start == at(10, 30, DEMO_TODAY)


def test_impossible_rules_are_refused(db: Database, manager: Session) -> None:
    boss = service(db, manager)
    opening = dict(WorkshopRules().opening)
    opening[0] = (dt.time(17), dt.time(9))
    for rules, field in [
        (WorkshopRules(opening=opening), "opening_0"),
        (WorkshopRules(slot_minutes=7), "slot_minutes"),
        (WorkshopRules(efficiency=Decimal("1.5")), "efficiency"),
    ]:
        with pytest.raises(ValidationError) as caught:
            boss.save_rules(rules)
        assert caught.value.field == field
    assert boss.rules() == WorkshopRules()


def test_reception_drops_bookings_an_hour_late(db, advisor):
    import datetime as dt

    from desktop_app.services.appointments import AppointmentService

    late = AppointmentService(db, advisor, now=lambda: dt.datetime(2026, 11, 20, 17, 0))
    early = AppointmentService(db, advisor, now=lambda: dt.datetime(2026, 11, 20, 7, 0))
    day = dt.date(2026, 11, 20)
    expected_late = {r.status for r in late.reception(day)} & {"booked", "confirmed"}
    assert not expected_late or all(
        r.time >= dt.datetime(2026, 11, 20, 16, 0)
        for r in late.reception(day)
        if r.status in ("booked", "confirmed")
    )
    assert len(early.reception(day)) >= len(late.reception(day))
