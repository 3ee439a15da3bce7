"""Properties of the booking rules: whatever people try, the schedule that results never holds
two live jobs on one bay or one technician at once unless a manager overrode it with a reason,
never has a job outside opening hours, and never books a day over capacity without an override.

The first test drives the pure rules with random attempts; the second drives the real service
on a real SQLite file (a fresh copy of the demo database per example).
"""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from desktop_app.domain.appointments import (
    INACTIVE,
    Booking,
    ResourceKind,
    Status,
    Transport,
    WorkItem,
    WorkshopRules,
    check_booking,
    day_capacity,
    duration_for,
)
from desktop_app.services.appointments import (
    AppointmentService,
    BookingRefused,
    Draft,
    InvalidTransition,
)
from desktop_app.storage.appointments import AppointmentRepository
from desktop_app.storage.db import open_database
from tests.conftest import session_as

WED = dt.date(2026, 11, 25)
DAYS = [WED + dt.timedelta(days=i) for i in range(3)]  # Wed, Thu (closed), Fri (short)
NOW = dt.datetime.combine(WED, dt.time(10, 40))


def pure_rules() -> WorkshopRules:
    opening = dict(WorkshopRules().opening)
    opening[DAYS[1].weekday()] = None
    opening[DAYS[2].weekday()] = (dt.time(9), dt.time(13))
    return WorkshopRules(opening=opening, waiter_cap_per_slot=2)


RULES = pure_rules()
TECHNICIANS = 2  # small, so that the capacity check comes into play: 7.65 → 7.7 h a day
BAYS = ["B1", "B2", "B3"]
TECHS = ["T1", "T2", "T3"]
VEHICLES = ["V1", "V2", "V3", "V4"]


@dataclass(frozen=True)
class Attempt:
    day: int
    minute: int  # minutes after 07:00, on a 5-minute grid (off-slot starts happen)
    labour: int  # labour minutes
    bay: str | None
    tech: str | None
    vehicle: str | None
    transport: Transport
    override: bool


@dataclass(frozen=True)
class Cancel:
    pick: int
    status: Status


attempts = st.builds(
    Attempt,
    day=st.integers(0, 2),
    minute=st.integers(0, 11 * 12).map(lambda n: n * 5),
    labour=st.integers(15, 240),
    bay=st.sampled_from([*BAYS, None]),
    tech=st.sampled_from([*TECHS, None]),
    vehicle=st.sampled_from([*VEHICLES, None, None]),
    transport=st.sampled_from(list(Transport)),
    override=st.booleans(),
)
cancels = st.builds(Cancel, pick=st.integers(0, 1000), status=st.sampled_from(sorted(INACTIVE)))


@dataclass
class Schedule:
    bookings: list[Booking] = field(default_factory=list)
    overrides: dict[str, str] = field(default_factory=dict)  # id → recorded reason

    def apply(self, step: Attempt | Cancel, number: int) -> None:
        if isinstance(step, Cancel):
            live = [i for i, b in enumerate(self.bookings) if b.active]
            if live:
                i = live[step.pick % len(live)]
                self.bookings[i] = replace(self.bookings[i], status=step.status)
            return
        start = dt.datetime.combine(DAYS[step.day], dt.time(7)) + dt.timedelta(minutes=step.minute)
        hours = Decimal(step.labour) / 60
        candidate = Booking(
            f"b{number}",
            start,
            start + duration_for(hours, RULES),
            hours,
            step.bay,
            step.tech,
            step.vehicle,
            step.transport,
        )
        findings = check_booking(candidate, self.bookings, RULES, NOW, TECHNICIANS)
        if not findings:
            self.bookings.append(candidate)
        elif step.override and all(f.overridable for f in findings):
            self.bookings.append(candidate)
            self.overrides[str(candidate.id)] = "客户坚持当天修好"


def assert_schedule_holds(
    active: list[Booking],
    overridden: set[str],
    rules: WorkshopRules,
    technicians: dict[dt.date, int],
) -> None:
    """No double booking, nothing outside hours, no full day without a recorded override."""
    for a, b in itertools.combinations(active, 2):
        if not a.overlaps(b) or a.id in overridden or b.id in overridden:
            continue
        assert not (a.bay_id and a.bay_id == b.bay_id), f"bay double-booked: {a} / {b}"
        assert not (a.technician_id and a.technician_id == b.technician_id), (
            f"technician double-booked: {a} / {b}"
        )
    for b in active:
        span = rules.hours(b.start.date())
        assert span is not None, f"booked on a closed day: {b}"
        assert span[0] <= b.start < b.end <= span[1], f"outside opening hours: {b}"
    for day in {b.start.date() for b in active}:
        todays = [b for b in active if b.start.date() == day]
        if any(b.id in overridden for b in todays):
            continue
        booked = sum((b.hours for b in todays), Decimal(0))
        assert booked <= day_capacity(rules, day, technicians[day]), f"{day} over capacity"


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.one_of(attempts, attempts, attempts, cancels), min_size=1, max_size=60))
def test_accepted_bookings_never_double_book_without_an_override(
    steps: list[Attempt | Cancel],
) -> None:
    schedule = Schedule()
    for number, step in enumerate(steps):
        schedule.apply(step, number)
    active = [b for b in schedule.bookings if b.active]
    assert_schedule_holds(active, set(schedule.overrides), RULES, dict.fromkeys(DAYS, TECHNICIANS))
    for b in active:  # never overridable: always holds, override or not
        assert b.start >= NOW - dt.timedelta(minutes=RULES.walk_in_grace_minutes)
        if b.vehicle_id:
            same = [o for o in active if o.vehicle_id == b.vehicle_id]
            assert len({o.start.date() for o in same}) == len(same), "vehicle twice a day"
    for start in {b.start for b in active}:
        waiters = [b for b in active if b.start == start and b.transport == Transport.WAITER]
        if not any(w.id in schedule.overrides for w in waiters):
            assert len(waiters) <= RULES.waiter_cap_per_slot


# -- the real service on a real file ----------------------------------------------------------

SERVICE_DAYS = [WED + dt.timedelta(days=i) for i in range(3)]  # after the demo week
ABSENT = ["tech3", "tech4", "tech5", "tech6"]  # two technicians at work: 15.3 h a day
REASON = "老客户，经理同意加塞"


@pytest.fixture(scope="module")
def stateful_template(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database with four technicians away on the test days (less capacity)."""
    path = tmp_path_factory.mktemp("stateful") / "template.sqlite"
    shutil.copy(demo_template, path)
    db = open_database(path)
    try:
        repo = AppointmentRepository(db)
        ids = dict(db.raw.execute("SELECT username, id FROM staff").fetchall())
        for day in SERVICE_DAYS:
            for username in ABSENT:
                repo.add_absence(ids[username], day, "年假", None)
        db.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return path


def test_service_never_double_books_without_an_override(
    stateful_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    class Workshop(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.folder = tmp_path_factory.mktemp("example")
            path = self.folder / "dealerdesk.sqlite"
            shutil.copy(stateful_template, path)
            self.db = open_database(path)
            self.advisor = AppointmentService(
                self.db, session_as(self.db, "advisor1"), now=lambda: NOW
            )
            self.manager = AppointmentService(
                self.db, session_as(self.db, "manager"), now=lambda: NOW
            )
            resources = self.advisor.resources()
            self.bays = [
                r.id for r in resources[ResourceKind.BAY] if r.category in ("general", "quick")
            ][:3]
            present = set(ABSENT)
            self.techs = [r.id for r in resources[ResourceKind.TECHNICIAN] if r.code not in present]
            self.manager_id = self.manager.session.staff.id
            self.customers = [
                r[0]
                for r in self.db.raw.execute(
                    "SELECT id FROM customer WHERE mobile != '' AND deleted_at IS NULL "
                    "ORDER BY rowid LIMIT 20"
                )
            ]
            self.ids: list[str] = []

        def teardown(self) -> None:
            self.db.close()
            shutil.rmtree(self.folder, ignore_errors=True)

        def _draft(
            self, day: int, slot: int, minutes: int, bay: int, tech: int, wait: bool
        ) -> Draft:
            start = dt.datetime.combine(SERVICE_DAYS[day], dt.time(8)) + dt.timedelta(
                minutes=15 * slot
            )
            return Draft(
                start=start,
                work=[WorkItem("常规保养（机油机滤）", minutes, "MS00")],
                transport=Transport.WAITER if wait else Transport.DROP_OFF,
                customer_id=self.customers[(day * 39 + slot) % len(self.customers)],
                bay_id=self.bays[bay],
                technician_id=self.techs[tech] if tech < len(self.techs) else None,
            )

        @initialize()
        def check_the_setup(self) -> None:
            assert len(self.bays) == 3 and len(self.techs) == 2
            for day in SERVICE_DAYS:
                assert self.advisor.technicians_on(day) == 2
                assert self.advisor.day(day).appointments == []

        @rule(
            day=st.integers(0, 2),
            slot=st.integers(0, 38),
            minutes=st.sampled_from([15, 30, 45, 60, 90, 120, 240]),
            bay=st.integers(0, 2),
            tech=st.integers(0, 2),
            wait=st.booleans(),
        )
        def book(self, day: int, slot: int, minutes: int, bay: int, tech: int, wait: bool) -> None:
            draft = self._draft(day, slot, minutes, bay, tech, wait)
            try:
                a = self.advisor.book(draft)
            except BookingRefused as refused:
                assert refused.findings
                assert not refused.can_override  # advisors never may
                event("book: refused")
                return
            event("book: accepted")
            assert a.id and not a.override_reason
            self.ids.append(a.id)

        @rule(
            day=st.integers(0, 2),
            slot=st.integers(0, 38),
            minutes=st.sampled_from([15, 30, 60, 120, 240]),
            bay=st.integers(0, 2),
            tech=st.integers(0, 2),
            wait=st.booleans(),
        )
        def override_book(
            self, day: int, slot: int, minutes: int, bay: int, tech: int, wait: bool
        ) -> None:
            draft = self._draft(day, slot, minutes, bay, tech, wait)
            findings = self.manager.check(draft)
            try:
                a = self.manager.book(draft, REASON)
            except BookingRefused as refused:
                assert not all(f.overridable for f in refused.findings)
                assert not refused.can_override
                event("override: refused")
                return
            event(f"override: accepted over {len(findings)} findings")
            assert a.id is not None
            assert all(f.overridable for f in findings)
            # the reason is recorded only when something was actually overridden
            assert a.override_reason == (REASON if findings else "")
            self.ids.append(a.id)

        @precondition(lambda self: bool(self.ids))
        @rule(
            pick=st.integers(0, 1000),
            day=st.integers(0, 2),
            slot=st.integers(0, 38),
            bay=st.integers(0, 2),
            override=st.booleans(),
        )
        def move(self, pick: int, day: int, slot: int, bay: int, override: bool) -> None:
            appointment_id = self.ids[pick % len(self.ids)]
            start = dt.datetime.combine(SERVICE_DAYS[day], dt.time(8)) + dt.timedelta(
                minutes=15 * slot
            )
            service = self.manager if override else self.advisor
            before = service.open(appointment_id).appointment
            try:
                moved = service.move(
                    appointment_id,
                    start,
                    (ResourceKind.BAY, self.bays[bay]),
                    override_reason=REASON if override else "",
                )
            except (BookingRefused, InvalidTransition):
                after = service.open(appointment_id).appointment
                assert (after.start, after.end, after.bay_id) == (
                    before.start,
                    before.end,
                    before.bay_id,
                )
                event("move: refused")
                return
            event("move: done with override" if override else "move: done")
            assert moved.start == start and moved.end - moved.start == before.end - before.start

        @precondition(lambda self: bool(self.ids))
        @rule(pick=st.integers(0, 1000), status=st.sampled_from(sorted(INACTIVE)))
        def cancel(self, pick: int, status: Status) -> None:
            appointment_id = self.ids[pick % len(self.ids)]
            try:
                self.advisor.set_status(appointment_id, status)
            except InvalidTransition as refused:
                assert refused.current in INACTIVE

        @invariant()
        def no_double_booking_without_an_override(self) -> None:
            repo = self.advisor.repo
            first = dt.datetime.combine(SERVICE_DAYS[0], dt.time())
            stored = repo.between(first, first + dt.timedelta(days=len(SERVICE_DAYS)))
            assert sorted(a.id or "" for a in stored) == sorted(self.ids)
            active = [a for a in stored if a.status not in INACTIVE]
            overridden = {a.id or "" for a in active if a.override_reason}
            assert_schedule_holds(
                [a.booking() for a in active],
                overridden,
                self.advisor.rules(),
                {d: self.advisor.technicians_on(d) for d in SERVICE_DAYS},
            )
            # every override in force is recorded with the manager who gave it; the history
            # keeps earlier ones after a move made the override unnecessary
            for a in stored:
                rows = self.db.raw.execute(
                    "SELECT count(*) FROM appointment_event WHERE appointment_id = ? "
                    "AND kind = 'override' AND actor = ? AND detail = ?",
                    (a.id, self.manager_id, REASON),
                ).fetchone()
                if a.override_reason:
                    assert rows[0], a
                override_by = self.db.raw.execute(
                    "SELECT override_by FROM appointment WHERE id = ?", (a.id,)
                ).fetchone()[0]
                assert (override_by == self.manager_id) == bool(a.override_reason), a

    run_state_machine_as_test(
        Workshop,
        settings=settings(
            max_examples=25,
            stateful_step_count=25,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
