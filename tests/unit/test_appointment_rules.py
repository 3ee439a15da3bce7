"""Workshop rules for appointments (domain.md §1, §5): hours and slots, capacity, the booking
checks, free-slot offers, the status flow, the call rule, estimates and serial numbers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from desktop_app.domain.appointments import (
    INACTIVE,
    MOVABLE,
    OVERRIDABLE,
    PROBLEM_MESSAGES,
    TRANSITIONS,
    Appointment,
    Booking,
    CallAdvice,
    CallOutcome,
    CheckIn,
    DamageMark,
    DayPart,
    Finding,
    Problem,
    Status,
    Transport,
    WorkItem,
    WorkshopRules,
    call_advice,
    check_booking,
    check_checkin,
    day_capacity,
    day_load,
    day_part,
    duration_for,
    estimate_for,
    make_serial,
    next_free_slots,
)
from desktop_app.domain.errors import ValidationError

DAY = dt.date(2026, 11, 25)  # a Wednesday, after the demo week
NOW = dt.datetime(2026, 11, 20, 10, 40)  # DEMO_TODAY, a Friday
RULES = WorkshopRules()
TECHS = 6


def at(hour: int, minute: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def booking(
    start: dt.datetime,
    end: dt.datetime,
    id: str | None = "x",
    bay: str | None = None,
    tech: str | None = None,
    vehicle: str | None = None,
    transport: Transport = Transport.DROP_OFF,
    status: Status = Status.BOOKED,
    hours: Decimal | None = None,
) -> Booking:
    if hours is None:
        hours = Decimal(int((end - start).total_seconds() // 60)) / 60
    return Booking(id, start, end, hours, bay, tech, vehicle, transport, status)


def problems(findings: list[Finding]) -> list[Problem]:
    return [f.problem for f in findings]


def check(candidate: Booking, others: list[Booking], **kw: object) -> list[Problem]:
    rules = kw.pop("rules", RULES)
    now = kw.pop("now", NOW)
    techs = kw.pop("technicians", TECHS)
    assert not kw
    return problems(check_booking(candidate, others, rules, now, techs))  # type: ignore[arg-type]


# -- opening hours, slots, rounding -----------------------------------------------------------


def test_default_opening_is_0830_to_1730_every_day_of_the_week() -> None:
    for offset in range(7):
        day = DAY + dt.timedelta(days=offset)
        assert RULES.hours(day) == (at(8, 30, day), at(17, 30, day))
        assert RULES.open_hours(day) == Decimal(9)


def test_slots_are_every_15_minutes_from_opening_to_the_last_start_before_closing() -> None:
    slots = RULES.slots(DAY)
    assert len(slots) == 36
    assert slots[0] == at(8, 30)
    assert slots[-1] == at(17, 15)
    assert all(b - a == dt.timedelta(minutes=15) for a, b in zip(slots, slots[1:], strict=False))


def test_slot_size_is_a_setting() -> None:
    rules = WorkshopRules(slot_minutes=30)
    assert len(rules.slots(DAY)) == 18
    assert rules.round_up(at(10, 40)) == at(11)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (at(10, 40), at(10, 45)),
        (at(10, 45), at(10, 45)),
        (at(10, 45).replace(second=1), at(11)),
        (at(10, 45).replace(microsecond=1), at(11)),
        (at(10, 30), at(10, 30)),
        (at(10, 31), at(10, 45)),
        (at(23, 50), at(0, 0, DAY + dt.timedelta(days=1))),
    ],
)
def test_round_up_goes_to_the_next_slot_boundary(when: dt.datetime, expected: dt.datetime) -> None:
    assert RULES.round_up(when) == expected


def closed_on(weekday: int) -> WorkshopRules:
    opening = dict(RULES.opening)
    opening[weekday] = None
    return WorkshopRules(opening=opening)


def test_a_closed_day_has_no_hours_no_slots_and_no_capacity() -> None:
    rules = closed_on(DAY.weekday())
    assert rules.hours(DAY) is None
    assert rules.slots(DAY) == []
    assert rules.open_hours(DAY) == 0
    assert day_capacity(rules, DAY, TECHS) == 0
    assert rules.hours(DAY + dt.timedelta(days=1)) is not None  # only that weekday


def test_booking_on_a_closed_day_is_refused_and_cannot_be_overridden() -> None:
    rules = closed_on(DAY.weekday())
    found = check(booking(at(9), at(10)), [], rules=rules)
    assert found == [Problem.CLOSED_DAY]
    assert Problem.CLOSED_DAY not in OVERRIDABLE


# -- durations and capacity -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "minutes"),
    [
        ("1.0", 60),
        ("1.5", 90),
        ("4", 240),
        ("1.01", 75),  # 60.6 → 61 min → five slots
        ("0.25", 15),
        ("0.26", 30),
        ("0.1", 15),
        ("0", 15),  # at least one slot
        ("0.75", 45),
    ],
)
def test_duration_rounds_labour_hours_up_to_whole_slots(hours: str, minutes: int) -> None:
    assert duration_for(Decimal(hours), RULES) == dt.timedelta(minutes=minutes)


def test_duration_follows_the_slot_size_setting() -> None:
    rules = WorkshopRules(slot_minutes=30)
    assert duration_for(Decimal("1.25"), rules) == dt.timedelta(minutes=90)
    assert duration_for(Decimal("1.0"), rules) == dt.timedelta(minutes=60)


def test_day_capacity_is_technicians_times_open_hours_times_efficiency() -> None:
    assert day_capacity(RULES, DAY, 6) == Decimal("45.9")  # 9 h × 6 × 0.85
    assert day_capacity(RULES, DAY, 1) == Decimal("7.7")  # 7.65 rounds half-up to 0.1 h
    assert day_capacity(RULES, DAY, 0) == 0
    assert day_capacity(WorkshopRules(efficiency=Decimal(1)), DAY, 6) == Decimal(54)
    short = dict(RULES.opening)
    short[DAY.weekday()] = (dt.time(9), dt.time(12))
    assert day_capacity(WorkshopRules(opening=short), DAY, 4) == Decimal("10.2")


def test_day_load_counts_only_active_bookings_of_that_day() -> None:
    bookings = [
        booking(at(9), at(10), "a"),
        booking(at(9), at(11), "b", status=Status.CANCELLED),
        booking(at(9), at(11, 30), "c", status=Status.IN_SERVICE),
        booking(at(9, 0, DAY + dt.timedelta(days=1)), at(10, 0, DAY + dt.timedelta(days=1)), "d"),
    ]
    load = day_load(RULES, DAY, TECHS, bookings)
    assert load.booked == Decimal("3.5")
    assert load.capacity == Decimal("45.9")
    assert load.free == Decimal("42.4")
    assert 0 < load.ratio < 1


# -- check_booking ----------------------------------------------------------------------------


def test_a_free_time_has_no_findings() -> None:
    assert check(booking(at(9), at(10), bay="B1", tech="T1"), []) == []


@pytest.mark.parametrize(
    ("start", "past"),
    [
        (dt.datetime(2026, 11, 20, 10, 0), True),
        (dt.datetime(2026, 11, 20, 10, 24), True),
        (dt.datetime(2026, 11, 20, 10, 25), False),  # walk-in grace: the current slot
        (dt.datetime(2026, 11, 20, 10, 30), False),
        (dt.datetime(2026, 11, 20, 10, 45), False),
        (dt.datetime(2026, 11, 19, 15, 0), True),
    ],
)
def test_a_start_in_the_past_is_refused_beyond_the_walk_in_grace(
    start: dt.datetime, past: bool
) -> None:
    found = check(booking(start, start + dt.timedelta(hours=1)), [])
    assert (Problem.PAST in found) is past
    assert Problem.PAST not in OVERRIDABLE


def test_walk_in_grace_never_refuses_the_current_slot() -> None:
    """Grace 0: the slot that is running now (10:30 at 10:40) is still open to a walk-in,
    the one before it is past."""
    rules = WorkshopRules(walk_in_grace_minutes=0)
    current = dt.datetime(2026, 11, 20, 10, 30)
    assert check(booking(current, current + dt.timedelta(hours=1)), [], rules=rules) == []
    earlier = dt.datetime(2026, 11, 20, 10, 15)
    found = check(booking(earlier, earlier + dt.timedelta(hours=1)), [], rules=rules)
    assert found == [Problem.PAST]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (at(8, 0), at(9, 0)),  # starts before opening
        (at(8, 15), at(8, 45)),
        (at(16, 45), at(17, 45)),  # ends after closing
        (at(17, 30), at(17, 45)),
        (at(17, 0), at(9, 0, DAY + dt.timedelta(days=1))),  # over night
    ],
)
def test_a_job_outside_opening_hours_is_refused(start: dt.datetime, end: dt.datetime) -> None:
    assert Problem.OUTSIDE_HOURS in check(booking(start, end), [])
    assert Problem.OUTSIDE_HOURS not in OVERRIDABLE


def test_a_job_filling_the_whole_opening_hours_is_fine() -> None:
    assert check(booking(at(8, 30), at(17, 30), hours=Decimal(9)), []) == []


def test_the_same_bay_at_an_overlapping_time_is_taken() -> None:
    other = booking(at(9), at(10, 30), "other", bay="B1", tech="T1")
    findings = check_booking(
        booking(at(10), at(11), "new", bay="B1", tech="T2"), [other], RULES, NOW, TECHS
    )
    assert problems(findings) == [Problem.BAY_TAKEN]
    assert findings[0].other_id == "other"
    assert findings[0].overridable


def test_the_same_technician_at_an_overlapping_time_is_taken() -> None:
    other = booking(at(9), at(10, 30), "other", bay="B1", tech="T1")
    findings = check_booking(
        booking(at(8, 30), at(9, 15), "new", bay="B2", tech="T1"), [other], RULES, NOW, TECHS
    )
    assert problems(findings) == [Problem.TECHNICIAN_TAKEN]
    assert findings[0].other_id == "other"


def test_same_bay_and_technician_gives_both_findings() -> None:
    other = booking(at(9), at(10), "other", bay="B1", tech="T1")
    found = check(booking(at(9, 15), at(9, 45), "new", bay="B1", tech="T1"), [other])
    assert sorted(found) == sorted([Problem.BAY_TAKEN, Problem.TECHNICIAN_TAKEN])


def test_a_job_inside_or_around_another_overlaps() -> None:
    other = booking(at(10), at(11), "other", bay="B1")
    assert check(booking(at(10, 15), at(10, 45), "new", bay="B1"), [other]) == [Problem.BAY_TAKEN]
    assert check(booking(at(9), at(12), "new", bay="B1"), [other]) == [Problem.BAY_TAKEN]
    assert check(booking(at(10), at(11), "new", bay="B1"), [other]) == [Problem.BAY_TAKEN]


def test_jobs_that_only_touch_do_not_overlap() -> None:
    other = booking(at(10), at(11), "other", bay="B1", tech="T1")
    assert check(booking(at(11), at(12), "after", bay="B1", tech="T1"), [other]) == []
    assert check(booking(at(9), at(10), "before", bay="B1", tech="T1"), [other]) == []


def test_another_bay_and_technician_at_the_same_time_is_fine() -> None:
    other = booking(at(10), at(11), "other", bay="B1", tech="T1")
    assert check(booking(at(10), at(11), "new", bay="B2", tech="T2"), [other]) == []


def test_no_bay_or_technician_chosen_checks_neither() -> None:
    other = booking(at(10), at(11), "other", bay="B1", tech="T1")
    assert check(booking(at(10), at(11), "new"), [other]) == []


def test_the_booking_itself_is_not_its_own_conflict() -> None:
    me = booking(at(10), at(11), "me", bay="B1", tech="T1", vehicle="V1")
    moved = booking(at(10, 30), at(11, 30), "me", bay="B1", tech="T1", vehicle="V1")
    assert check(moved, [me]) == []


@pytest.mark.parametrize("status", sorted(INACTIVE))
def test_cancelled_no_show_and_rescheduled_bookings_free_their_slot(status: Status) -> None:
    other = booking(
        at(10), at(11), "other", bay="B1", tech="T1", vehicle="V1",
        transport=Transport.WAITER, status=status, hours=Decimal(50),
    )  # fmt: skip
    waiter = booking(at(10), at(11), "w2", transport=Transport.WAITER, bay="B9", tech="T9")
    candidate = booking(
        at(10), at(11), "new", bay="B1", tech="T1", vehicle="V1", transport=Transport.WAITER
    )
    assert check(candidate, [other, waiter], rules=WorkshopRules(waiter_cap_per_slot=2)) == []


@pytest.mark.parametrize("status", sorted(set(Status) - INACTIVE))
def test_active_bookings_hold_their_slot(status: Status) -> None:
    other = booking(at(10), at(11), "other", bay="B1", status=status)
    assert check(booking(at(10), at(11), "new", bay="B1"), [other]) == [Problem.BAY_TAKEN]


def full_day(hours: Decimal) -> list[Booking]:
    """Bookings on DAY with ``hours`` labour hours in total (no bays, so no overlaps)."""
    return [booking(at(9), at(10), f"o{i}", hours=hours / 4) for i in range(4)]


def test_a_job_that_does_not_fit_the_days_capacity_is_refused() -> None:
    others = full_day(Decimal("45"))
    found = check_booking(booking(at(11), at(12), "new"), others, RULES, NOW, TECHS)
    assert problems(found) == [Problem.OVER_CAPACITY]
    assert found[0].params["capacity"] == "45.9"
    assert found[0].params["booked"] == "45.0"
    assert found[0].overridable


def test_a_job_that_fills_the_day_exactly_is_accepted() -> None:
    others = full_day(Decimal("44.9"))
    assert check(booking(at(11), at(12), "new"), others) == []  # 44.9 + 1.0 = 45.9


def test_capacity_follows_the_technicians_present() -> None:
    others = full_day(Decimal("7"))
    assert check(booking(at(11), at(12), "new"), others, technicians=1) == [Problem.OVER_CAPACITY]
    assert (
        check(booking(at(11), at(11, 30), "new", hours=Decimal("0.5")), others, technicians=1) == []
    )


def test_capacity_counts_only_the_same_day() -> None:
    tomorrow = DAY + dt.timedelta(days=1)
    others = [booking(at(9, 0, tomorrow), at(10, 0, tomorrow), "t", hours=Decimal(45))]
    assert check(booking(at(11), at(12), "new"), others) == []


def waiter(start: dt.datetime, id: str, bay: str, status: Status = Status.BOOKED) -> Booking:
    return booking(
        start, start + dt.timedelta(hours=1), id, bay=bay, transport=Transport.WAITER, status=status
    )


def test_a_third_waiter_in_the_same_slot_is_refused() -> None:
    others = [waiter(at(9), "w1", "B1"), waiter(at(9), "w2", "B2")]
    third = waiter(at(9), "w3", "B3")
    found = check_booking(third, others, RULES, NOW, TECHS)
    assert problems(found) == [Problem.WAITER_CAP]
    assert found[0].params == {"cap": "2", "start": "09:00"}
    assert found[0].overridable


def test_drop_offs_do_not_count_toward_the_waiter_cap() -> None:
    others = [
        waiter(at(9), "w1", "B1"),
        booking(at(9), at(10), "d1", bay="B2"),
        booking(at(9), at(10), "d2", bay="B3"),
    ]
    assert check(waiter(at(9), "w2", "B4"), others) == []
    full = [waiter(at(9), "w1", "B1"), waiter(at(9), "w2", "B2")]
    assert check(booking(at(9), at(10), "d3", bay="B3"), full) == []  # a drop-off is fine


def test_the_waiter_cap_is_per_start_slot_and_a_setting() -> None:
    others = [waiter(at(9), "w1", "B1"), waiter(at(9), "w2", "B2")]
    assert check(waiter(at(9, 15), "w3", "B3"), others) == []
    assert (
        check(waiter(at(9), "w3", "B3"), others, rules=WorkshopRules(waiter_cap_per_slot=3)) == []
    )
    assert check(
        waiter(at(9), "w3", "B3"), others[:1], rules=WorkshopRules(waiter_cap_per_slot=1)
    ) == [Problem.WAITER_CAP]


def test_the_same_vehicle_twice_on_one_day_is_refused() -> None:
    other = booking(at(9), at(10), "other", bay="B1", vehicle="V1")
    found = check_booking(
        booking(at(15), at(16), "new", bay="B2", vehicle="V1"), [other], RULES, NOW, TECHS
    )
    assert problems(found) == [Problem.VEHICLE_SAME_DAY]
    assert found[0].other_id == "other"
    assert not found[0].overridable
    tomorrow = DAY + dt.timedelta(days=1)
    assert (
        check(booking(at(9, 0, tomorrow), at(10, 0, tomorrow), "new", vehicle="V1"), [other]) == []
    )
    assert check(booking(at(15), at(16), "new", vehicle="V2"), [other]) == []


def test_overridable_problems_are_resource_capacity_and_waiters_only() -> None:
    assert OVERRIDABLE == {
        Problem.BAY_TAKEN,
        Problem.TECHNICIAN_TAKEN,
        Problem.OVER_CAPACITY,
        Problem.WAITER_CAP,
    }
    never = {
        Problem.PAST,
        Problem.CLOSED_DAY,
        Problem.OUTSIDE_HOURS,
        Problem.VEHICLE_SAME_DAY,
        Problem.NO_PHONE,
    }
    assert never | OVERRIDABLE == set(Problem)
    assert not never & OVERRIDABLE


def test_every_finding_renders_its_message() -> None:
    rules = closed_on((DAY + dt.timedelta(days=1)).weekday())
    others = [
        booking(at(8, 30), at(17, 30), "o1", bay="B1", tech="T1", vehicle="V1", hours=Decimal(45)),
        waiter(at(9), "w1", "B2"),
        waiter(at(9), "w2", "B3"),
    ]
    labels = {"o1": "沪A12345 08:30"}
    bad = booking(
        at(9), at(10), "new", bay="B1", tech="T1", vehicle="V1", transport=Transport.WAITER
    )
    found = check_booking(bad, others, rules, NOW, TECHS, labels)
    past = booking(dt.datetime(2026, 11, 18, 7, 0), dt.datetime(2026, 11, 18, 8, 0), "p")
    found += check_booking(past, [], rules, NOW, TECHS)
    closed = DAY + dt.timedelta(days=1)
    found += check_booking(booking(at(9, 0, closed), at(10, 0, closed), "c"), [], rules, NOW, TECHS)
    # NO_PHONE is the service's finding (the domain check has no customer record)
    assert {f.problem for f in found} == set(Problem) - {Problem.NO_PHONE}
    assert "{" not in PROBLEM_MESSAGES[Problem.NO_PHONE].format(name="张伟")
    for f in found:
        text = PROBLEM_MESSAGES[f.problem].format(**f.params)
        assert "{" not in text
    bay = next(f for f in found if f.problem == Problem.BAY_TAKEN)
    assert "沪A12345 08:30" in PROBLEM_MESSAGES[Problem.BAY_TAKEN].format(**bay.params)


# -- next free slots --------------------------------------------------------------------------

HOUR = dt.timedelta(hours=1)


def offers_for(
    bookings: list[Booking],
    after: dt.datetime | None = None,
    bays: tuple[str, ...] = ("B1",),
    duration: dt.timedelta = HOUR,
    transport: Transport = Transport.DROP_OFF,
    rules: WorkshopRules = RULES,
    limit: int = 5,
    days: int = 14,
) -> list[tuple[dt.datetime, str]]:
    hours = Decimal(int(duration.total_seconds() // 60)) / 60
    offers = next_free_slots(
        duration, hours, after or at(8), list(bays), bookings, rules, TECHS, transport, days, limit
    )
    for o in offers:
        assert o.end - o.start == duration
    return [(o.start, o.bay_id) for o in offers]


def test_free_slots_on_an_empty_day_start_at_opening_in_order() -> None:
    assert offers_for([]) == [
        (at(8, 30), "B1"),
        (at(8, 45), "B1"),
        (at(9), "B1"),
        (at(9, 15), "B1"),
        (at(9, 30), "B1"),
    ]


def test_free_slots_start_at_the_next_slot_boundary() -> None:
    assert offers_for([], after=at(10, 40), limit=2) == [(at(10, 45), "B1"), (at(11), "B1")]


def test_free_slots_avoid_the_busy_times_of_the_bay() -> None:
    busy = [booking(at(8, 30), at(10), "a", bay="B1"), booking(at(11), at(12), "b", bay="B1")]
    starts = [s for s, _b in offers_for(busy, limit=8)]
    assert starts == [
        at(10),
        at(12),
        at(12, 15),
        at(12, 30),
        at(12, 45),
        at(13),
        at(13, 15),
        at(13, 30),
    ]


def test_free_slots_take_the_first_free_bay() -> None:
    busy = [booking(at(8, 30), at(10), "a", bay="B1")]
    assert offers_for(busy, bays=("B1", "B2"), limit=1) == [(at(8, 30), "B2")]
    assert offers_for([], bays=("B1", "B2"), limit=1) == [(at(8, 30), "B1")]


def test_inactive_bookings_do_not_block_free_slots() -> None:
    busy = [
        booking(at(8, 30), at(17, 30), "a", bay="B1", status=Status.CANCELLED, hours=Decimal(45))
    ]
    assert offers_for(busy, limit=1) == [(at(8, 30), "B1")]


def test_a_job_must_fit_before_closing_or_goes_to_the_next_day() -> None:
    nxt = DAY + dt.timedelta(days=1)
    assert offers_for([], after=at(16, 40), limit=2) == [
        (at(8, 30, nxt), "B1"),
        (at(8, 45, nxt), "B1"),
    ]
    starts = [s for s, _b in offers_for([], after=at(16, 20), limit=3)]
    assert starts == [at(16, 30), at(8, 30, nxt), at(8, 45, nxt)]


def test_full_days_are_skipped() -> None:
    nxt = DAY + dt.timedelta(days=1)
    busy = full_day(Decimal("45.5"))  # 0.4 h free: not enough for an hour's job
    assert offers_for(busy, limit=1) == [(at(8, 30, nxt), "B1")]
    assert offers_for(busy, duration=dt.timedelta(minutes=15), limit=1) == [(at(8, 30), "B1")]


def test_closed_days_are_skipped() -> None:
    nxt = DAY + dt.timedelta(days=1)
    rules = closed_on(nxt.weekday())
    busy = full_day(Decimal(45))
    assert offers_for(busy, rules=rules, limit=1) == [(at(8, 30, DAY + dt.timedelta(days=2)), "B1")]


def test_waiters_skip_full_waiter_slots_drop_offs_do_not() -> None:
    busy = [waiter(at(8, 30), "w1", "B8"), waiter(at(8, 30), "w2", "B9")]
    assert offers_for(busy, limit=1, transport=Transport.WAITER) == [(at(8, 45), "B1")]
    assert offers_for(busy, limit=1, transport=Transport.DROP_OFF) == [(at(8, 30), "B1")]


def test_no_offer_when_every_day_is_full() -> None:
    busy = [
        booking(
            at(9, 0, DAY + dt.timedelta(days=d)),
            at(10, 0, DAY + dt.timedelta(days=d)),
            f"f{d}",
            hours=Decimal(46),
        )
        for d in range(14)
    ]
    assert offers_for(busy) == []
    assert offers_for(busy, days=15, limit=1) == [(at(8, 30, DAY + dt.timedelta(days=14)), "B1")]


def busy_fortnight() -> list[Booking]:
    """A deterministic busy fortnight on four bays (the fourth only in the mornings) with
    waiters and a few cancellations."""
    out: list[Booking] = []
    for d in range(14):
        day = DAY + dt.timedelta(days=d)
        for b, bay in enumerate(("B1", "B2", "B3", "B4")):
            close = at(12, 0, day) if bay == "B4" else at(17, 30, day)
            t = at(8, 30, day) + dt.timedelta(minutes=15 * ((d + b) % 3))
            n = 0
            while True:
                length = dt.timedelta(minutes=15 * (2 + (d * 7 + b * 3 + n * 5) % 11))
                if t + length > close:
                    break
                status = Status.CANCELLED if (d + b + n) % 9 == 0 else Status.BOOKED
                transport = Transport.WAITER if (d + n) % 2 else Transport.DROP_OFF
                out.append(
                    booking(
                        t, t + length, f"{d}-{bay}-{n}", bay=bay, transport=transport, status=status
                    )
                )
                t += length + dt.timedelta(minutes=15 * ((d + n) % 2))
                n += 1
    return out


@pytest.mark.parametrize("transport", list(Transport))
@pytest.mark.parametrize("minutes", [15, 60, 135, 240])
def test_offers_pass_the_booking_checks_and_come_in_order(
    transport: Transport, minutes: int
) -> None:
    busy = busy_fortnight()
    duration = dt.timedelta(minutes=minutes)
    hours = Decimal(minutes) / 60
    rules = WorkshopRules(waiter_cap_per_slot=1)
    offers = next_free_slots(
        duration, hours, at(10, 5), ["B1", "B2", "B3", "B4"], busy, rules, 5, transport, 14, 40
    )
    assert offers
    starts = [o.start for o in offers]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert starts[0] >= at(10, 15)
    for o in offers:
        candidate = Booking(None, o.start, o.end, hours, o.bay_id, None, None, transport)
        assert check_booking(candidate, busy, rules, NOW, 5) == [], o


# -- status flow ------------------------------------------------------------------------------

TERMINAL = {Status.HANDED_OVER, Status.NO_SHOW, Status.CANCELLED, Status.RESCHEDULED}


def simple_paths(start: Status, goal: Status) -> list[list[Status]]:
    paths: list[list[Status]] = []

    def walk(path: list[Status]) -> None:
        if path[-1] == goal:
            paths.append(path)
            return
        for nxt in sorted(TRANSITIONS[path[-1]]):
            if nxt not in path:
                walk([*path, nxt])

    walk([start])
    return paths


def test_every_path_from_booked_to_handed_over() -> None:
    main = [Status.ARRIVED, Status.CHECKED_IN, Status.IN_SERVICE, Status.QUALITY_CHECK]
    expected = []
    for first in ([Status.BOOKED, Status.CONFIRMED], [Status.BOOKED]):
        for finish in ([Status.WASHING, Status.READY], [Status.READY]):
            expected.append([*first, *main, *finish, Status.HANDED_OVER])
    assert sorted(simple_paths(Status.BOOKED, Status.HANDED_OVER)) == sorted(expected)


def test_quality_check_can_send_the_car_back_to_service() -> None:
    assert Status.IN_SERVICE in TRANSITIONS[Status.QUALITY_CHECK]


def test_terminal_states_have_no_exits() -> None:
    for status in TERMINAL:
        assert TRANSITIONS[status] == frozenset(), status
    assert INACTIVE <= TERMINAL


def test_every_state_is_reachable_and_can_end() -> None:
    assert set(TRANSITIONS) == set(Status)
    reachable = {Status.BOOKED}
    frontier = [Status.BOOKED]
    while frontier:
        for nxt in TRANSITIONS[frontier.pop()]:
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    assert reachable == set(Status)
    for status in set(Status) - TERMINAL:
        assert any(simple_paths(status, end) for end in TERMINAL), status


def test_side_exits_only_before_the_car_is_in_the_workshop() -> None:
    for status, exits in TRANSITIONS.items():
        if Status.NO_SHOW in exits or Status.RESCHEDULED in exits:
            assert status in MOVABLE
    assert MOVABLE == {Status.BOOKED, Status.CONFIRMED}
    assert Status.BOOKED not in set().union(*TRANSITIONS.values())  # never back to booked


# -- the call rule (domain.md §5) -------------------------------------------------------------

MON = dt.date(2026, 11, 23)


def t(hour: int, day_offset: int = 0) -> dt.datetime:
    return dt.datetime.combine(MON + dt.timedelta(days=day_offset), dt.time(hour, 5))


@pytest.mark.parametrize(
    ("hour", "minute", "part"),
    [(0, 0, DayPart.MORNING), (11, 59, DayPart.MORNING), (12, 0, DayPart.AFTERNOON),
     (16, 59, DayPart.AFTERNOON), (17, 0, DayPart.EVENING), (23, 59, DayPart.EVENING)],
)  # fmt: skip
def test_day_parts(hour: int, minute: int, part: DayPart) -> None:
    assert day_part(dt.datetime(2026, 11, 23, hour, minute)) == part


def test_no_attempt_yet_means_call() -> None:
    assert call_advice([], t(10)) == CallAdvice.CALL


def test_three_failed_attempts_at_three_times_of_day_mean_send_a_message() -> None:
    attempts = [
        (t(9), CallOutcome.NO_ANSWER),
        (t(14), CallOutcome.BUSY),
        (t(19), CallOutcome.NO_ANSWER),
    ]
    assert call_advice(attempts, t(20)) == CallAdvice.SEND_MESSAGE
    assert call_advice(attempts, t(9, 1)) == CallAdvice.SEND_MESSAGE


def test_two_morning_attempts_mean_try_later_when_it_is_morning_again() -> None:
    attempts = [(t(9), CallOutcome.NO_ANSWER), (t(10), CallOutcome.NO_ANSWER)]
    assert call_advice(attempts, t(11)) == CallAdvice.LATER
    assert call_advice(attempts, t(9, 1)) == CallAdvice.LATER
    assert call_advice(attempts, t(14)) == CallAdvice.CALL
    assert call_advice(attempts, t(18)) == CallAdvice.CALL


def test_three_attempts_at_the_same_time_of_day_are_not_enough() -> None:
    attempts = [(t(9, d), CallOutcome.NO_ANSWER) for d in range(3)]
    assert call_advice(attempts, t(10, 2)) == CallAdvice.LATER
    assert call_advice(attempts, t(15, 2)) == CallAdvice.CALL


def test_after_three_days_three_failed_attempts_are_enough() -> None:
    attempts = [
        (t(9, 0), CallOutcome.NO_ANSWER),
        (t(9, 1), CallOutcome.NO_ANSWER),
        (t(14, 2), CallOutcome.BUSY),
    ]
    assert call_advice(attempts, t(15, 2)) == CallAdvice.LATER  # within three days: evening left
    assert call_advice(attempts, t(10, 3)) == CallAdvice.SEND_MESSAGE


def test_a_reached_customer_means_done() -> None:
    assert call_advice([(t(9), CallOutcome.CONFIRMED)], t(10)) == CallAdvice.DONE
    attempts = [(t(9), CallOutcome.NO_ANSWER), (t(14), CallOutcome.RESCHEDULE)]
    assert call_advice(attempts, t(15)) == CallAdvice.DONE
    assert call_advice([(t(9), CallOutcome.CANCEL)], t(15)) == CallAdvice.DONE


def test_a_wrong_number_goes_to_correction() -> None:
    assert call_advice([(t(9), CallOutcome.WRONG_NUMBER)], t(10)) == CallAdvice.CORRECT_NUMBER
    attempts = [
        (t(9), CallOutcome.NO_ANSWER),
        (t(14), CallOutcome.BUSY),
        (t(19), CallOutcome.WRONG_NUMBER),
    ]
    assert call_advice(attempts, t(20)) == CallAdvice.CORRECT_NUMBER


# -- estimates, serials, appointments, check-in -----------------------------------------------


def test_estimate_is_labour_hours_times_the_rate() -> None:
    work = [WorkItem("1万公里保养", 90, "MS10"), WorkItem("更换雨刮片", 15, "WB01")]
    assert estimate_for(work, RULES) == Decimal("490.00")  # 1.75 h × 280
    assert estimate_for([], RULES) == Decimal("0.00")
    assert estimate_for([WorkItem("故障诊断", 20)], RULES) == Decimal("93.33")


@pytest.mark.parametrize(
    ("minutes", "rate", "expected"),
    [
        (30, "0.01", "0.01"),  # 0.005 → half-up, not half-even
        (30, "280.25", "140.13"),  # 140.125
        (30, "280.75", "140.38"),  # 140.375
        (60, "199.99", "199.99"),
    ],
)
def test_estimate_rounds_half_up_to_the_fen(minutes: int, rate: str, expected: str) -> None:
    value = estimate_for([WorkItem("x", minutes)], WorkshopRules(labour_rate=Decimal(rate)))
    assert isinstance(value, Decimal)
    assert str(value) == expected


def test_serial_is_date_and_three_digit_number() -> None:
    assert make_serial(dt.date(2026, 11, 20), 7) == "2026-11-20-007"
    assert make_serial(dt.date(2026, 1, 2), 123) == "2026-01-02-123"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-\d{3}", make_serial(DAY, 1))


def test_appointment_hours_summary_and_booking() -> None:
    a = Appointment(
        serial="2026-11-25-001",
        start=at(9),
        end=at(10, 45),
        status=Status.CONFIRMED,
        transport=Transport.WAITER,
        work=[WorkItem("1万公里保养", 90, "MS10"), WorkItem("更换雨刮片", 15, "WB01")],
        id="a1",
        bay_id="B1",
        technician_id="T1",
        vehicle_id="V1",
    )
    assert a.labour_minutes == 105
    assert a.hours == Decimal("1.75")
    assert a.work_summary == "1万公里保养、更换雨刮片"
    b = a.booking()
    assert (b.id, b.start, b.end, b.hours, b.bay_id, b.technician_id, b.vehicle_id) == (
        "a1", at(9), at(10, 45), Decimal("1.75"), "B1", "T1", "V1",
    )  # fmt: skip
    assert b.transport == Transport.WAITER and b.status == Status.CONFIRMED and b.active
    no_work = Appointment("s", at(9), at(10), Status.BOOKED, Transport.DROP_OFF, [], fault="异响")
    assert no_work.work_summary == "异响"


def test_check_in_refuses_impossible_values() -> None:
    check_checkin(CheckIn(mileage_km=12_000, fuel_eighths=4), 12_000)
    check_checkin(CheckIn(mileage_km=0, fuel_eighths=0), None)
    cases = [
        (CheckIn(mileage_km=11_999, fuel_eighths=4), 12_000, "mileage_km"),
        (CheckIn(mileage_km=-1, fuel_eighths=4), None, "mileage_km"),
        (CheckIn(mileage_km=2_000_001, fuel_eighths=4), None, "mileage_km"),
        (CheckIn(mileage_km=100, fuel_eighths=9), None, "fuel_eighths"),
        (CheckIn(mileage_km=100, fuel_eighths=-1), None, "fuel_eighths"),
        (CheckIn(mileage_km=100, fuel_eighths=4, damage=[DamageMark(1.2, 0.5)]), None, "damage"),
    ]
    for checkin, known, field in cases:
        with pytest.raises(ValidationError) as caught:
            check_checkin(checkin, known)
        assert caught.value.field == field
