"""The care service on real SQLite files: generation is idempotent and reconciles with what
happened (a new last visit, a booking, a delivery's own follow-ups, do-not-contact, expiry on
day 15); the worklist's filters and order; working a task — three calls at three times of day,
the message, the failure record, a wrong number, the outcome with its complaint, mileage and
booking; complaints from opening to closing with their two callbacks; the KPIs of a month built
by hand; permissions. The generator's timings are also checked as properties over dates with
the facts handed in directly (no database)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop_app.domain.care import (
    AttemptRefused,
    CareKind,
    CareRules,
    ComplaintStatus,
    Grievance,
    Kpis,
    NoKpiData,
    Outcome,
    Resolution,
    Satisfaction,
    ServiceType,
    TaskStatus,
    Unreached,
    inspection_due,
    regular_maintenance_due,
)
from desktop_app.domain.customers import ContactTask, Customer, DoNotContact, Locality, Tier
from desktop_app.domain.deliveries import add_months, follow_ups
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.roles import Role
from desktop_app.domain.staff import Session
from desktop_app.services.auth import AuthService
from desktop_app.services.care import CareService, TaskClosed
from desktop_app.services.customers import CustomerService
from desktop_app.services.errors import PermissionDenied
from desktop_app.storage.care import CarFacts
from desktop_app.storage.db import Database, new_row
from desktop_app.storage.deliveries import DeliveryRepository
from desktop_app.storage.repositories import CustomerRepository, SiteRepository, StaffRepository
from tests.conftest import DEMO_TODAY, session_as

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 10, 40)


# -- a small store built by hand -----------------------------------------------------------------


@dataclass
class Shop:
    db: Database
    site_id: str
    model_id: str
    clock: list[dt.datetime] = field(default_factory=lambda: [NOW])
    serial: int = 0

    def session(self, username: str) -> Session:
        return AuthService(self.db).session_for(username)

    def care(self, username: str = "care1") -> CareService:
        return CareService(self.db, self.session(username), now=lambda: self.clock[0])

    @property
    def actor(self) -> str:
        return self.session("care1").staff.id

    def insert(self, table: str, **values: Any) -> str:
        stamp = new_row(self.actor)
        row = {**stamp, **values}
        with self.db.write():
            self.db.raw.execute(
                f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
        return str(stamp["id"])

    def customer(
        self,
        name: str,
        birthday: dt.date | None = None,
        locality: Locality = Locality.LOCAL,
    ) -> str:
        self.serial += 1
        c = Customer(
            name=name,
            mobile=f"1391234{self.serial:04d}",
            birthday=birthday,
            locality=locality,
            tier=Tier.OWNER,
        )
        return CustomerRepository(self.db).save(c, self.site_id, self.actor)

    def car(
        self,
        customer_id: str,
        sale: dt.date | None,
        last_visit: dt.date | None = None,
        mileage: int = 0,
        warranty_end: dt.date | None = None,
        insurance: dt.date | None = None,
        plate: str = "",
    ) -> str:
        self.serial += 1
        return self.insert(
            "vehicle",
            customer_id=customer_id,
            vin=f"LSVTEST{self.serial:010d}",
            plate=plate or f"沪A{self.serial:05d}",
            model_id=self.model_id,
            mileage_km=mileage,
            sale_date=sale.isoformat() if sale else None,
            warranty_end=warranty_end.isoformat() if warranty_end else None,
            insurance_expiry=insurance.isoformat() if insurance else None,
            last_visit=last_visit.isoformat() if last_visit else None,
        )

    def tasks(self, **where: str) -> list[tuple[str, ...]]:
        sql = "SELECT kind, status, due, opens, source, source_id, id FROM care_task"
        if where:
            sql += " WHERE " + " AND ".join(f"{k} = ?" for k in where)
        return [
            tuple(r)
            for r in self.db.raw.execute(sql + " ORDER BY due, kind", tuple(where.values()))
        ]

    def open_of(self, kind: CareKind, vehicle_id: str) -> list[tuple[str, ...]]:
        return self.tasks(kind=kind.value, vehicle_id=vehicle_id, status="open")


@pytest.fixture
def shop(empty_db: Database) -> Shop:
    site = SiteRepository(empty_db).create("SH01", "测试店")
    empty_db.set_meta("site_id", site.id)
    staff = StaffRepository(empty_db)
    staff.create(site.id, "care1", "罗丹丹", [Role.CUSTOMER_CARE], "x")
    staff.create(site.id, "care2", "谢慧颖", [Role.CUSTOMER_CARE], "x")
    staff.create(site.id, "tech1", "刘强", [Role.TECHNICIAN], "x")
    staff.create(site.id, "manager", "王建国", [Role.MANAGER], "x")
    s = Shop(empty_db, site.id, "")
    s.model_id = s.insert(
        "vehicle_model",
        brand="大众",
        series="帕萨特",
        trim="330TSI 精英版",
        model_year=2026,
        guide_price_fen=20_990_000,
        fuel_type="petrol",
        seats=5,
        warranty_months=36,
        warranty_km=100_000,
        first_service_months=3,
        first_service_km=5_000,
    )
    return s


def regular_car(shop: Shop, name: str = "张伟", due_in: int = 5) -> tuple[str, str, dt.date]:
    """An owner whose regular maintenance falls due in ``due_in`` days (by months)."""
    due = TODAY + dt.timedelta(days=due_in)
    last = add_months(due, -6)
    assert add_months(last, 6) == due
    customer = shop.customer(name)
    vehicle = shop.car(customer, dt.date(2020, 1, 15), last_visit=last)
    return customer, vehicle, last


# -- generation: idempotent, and no duplicates -----------------------------------------------


def kind_counts(db: Database) -> Counter[tuple[str, str]]:
    return Counter(
        (r[0], r[1]) for r in db.raw.execute("SELECT kind, status FROM care_task").fetchall()
    )


def duplicates(db: Database) -> list[tuple[Any, ...]]:
    return db.raw.execute(
        "SELECT kind, COALESCE(vehicle_id, customer_id), due, count(*) FROM care_task "
        "WHERE status = 'open' GROUP BY 1, 2, 3 HAVING count(*) > 1"
    ).fetchall()


def test_generating_twice_creates_nothing_twice(db: Database) -> None:
    care = CareService(db, session_as(db, "care1"), now=lambda: NOW)
    for day in (DEMO_TODAY, DEMO_TODAY + dt.timedelta(days=1), DEMO_TODAY + dt.timedelta(days=9)):
        first = care.generate(day)
        counts = kind_counts(db)
        again = care.generate(day)
        assert (again.created, again.cancelled, again.expired) == (0, 0, 0), day
        assert kind_counts(db) == counts
        assert duplicates(db) == []
        assert first.checked_vehicles > 0
    keys = db.raw.execute(
        "SELECT source_id, count(*) FROM care_task WHERE source = 'rule' GROUP BY 1 "
        "HAVING count(*) > 1"
    ).fetchall()
    assert keys == []


def test_generation_makes_each_kind_from_the_demo_data(db: Database) -> None:
    care = CareService(db, session_as(db, "care1"), now=lambda: NOW)
    care.generate(DEMO_TODAY)
    kinds = {i.kind for i in care.worklist(DEMO_TODAY)}
    assert {
        CareKind.REGULAR_MAINTENANCE,
        CareKind.INSURANCE_RENEWAL,
        CareKind.LOST_RECALL,
        CareKind.SATISFACTION,
        CareKind.DELIVERY_CALLBACK,
    } <= kinds


def test_a_new_last_visit_replaces_the_open_reminder(shop: Shop) -> None:
    _customer, vehicle, last = regular_car(shop, due_in=3)
    care = shop.care()
    care.generate(TODAY)
    (task,) = shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)
    assert task[2] == (TODAY + dt.timedelta(days=3)).isoformat()
    assert task[5] == f"regular:{vehicle}:{last.isoformat()}"
    # the car was in a week later than the file said: the reminder moves with it
    later = last + dt.timedelta(days=7)
    with shop.db.write():
        shop.db.raw.execute(
            "UPDATE vehicle SET last_visit = ? WHERE id = ?", (later.isoformat(), vehicle)
        )
    report = care.generate(TODAY)
    assert (report.created, report.cancelled) == (2, 2)  # the lost-customer recall moves too
    (new,) = shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)
    assert new[2] == add_months(later, 6).isoformat()
    assert new[5] == f"regular:{vehicle}:{later.isoformat()}"
    old = shop.db.raw.execute("SELECT status FROM care_task WHERE id = ?", (task[6],)).fetchone()
    assert old == ("cancelled",)
    again = care.generate(TODAY)
    assert (again.created, again.cancelled) == (0, 0)


def test_a_maintenance_done_elsewhere_closes_the_reminder(shop: Shop) -> None:
    _customer, vehicle, _last = regular_car(shop, due_in=3)
    care = shop.care()
    care.generate(TODAY)
    assert len(shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)) == 1
    with shop.db.write():
        shop.db.raw.execute(
            "UPDATE vehicle SET last_visit = ? WHERE id = ?",
            ((TODAY - dt.timedelta(days=1)).isoformat(), vehicle),
        )
    care.generate(TODAY)
    assert shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle) == []


def book(shop: Shop, customer: str, vehicle: str, day: dt.date, status: str = "booked") -> str:
    return shop.insert(
        "appointment",
        site_id=shop.site_id,
        serial=f"{day.isoformat()}-{shop.serial:03d}",
        start_at=f"{day.isoformat()} 09:00",
        end_at=f"{day.isoformat()} 10:00",
        customer_id=customer,
        vehicle_id=vehicle,
        status=status,
        transport="drop_off",
        labour_minutes=60,
    )


def test_a_booked_maintenance_needs_no_reminder(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop, due_in=3)
    book(shop, customer, vehicle, TODAY + dt.timedelta(days=2))
    shop.care().generate(TODAY)
    assert shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle) == []
    assert shop.open_of(CareKind.LOST_RECALL, vehicle) == []  # booked: not lost either


def test_booking_after_the_reminder_closes_it(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop, due_in=3)
    care = shop.care()
    care.generate(TODAY)
    book(shop, customer, vehicle, TODAY + dt.timedelta(days=2))
    care.generate(TODAY)
    assert shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle) == []


def deliver(shop: Shop, customer: str, vehicle: str, day: dt.date, expiry: dt.date) -> None:
    """The follow-ups a delivery on ``day`` makes (DeliveryService.deliver's own call)."""
    DeliveryRepository(shop.db).add_tasks(
        shop.site_id,
        customer,
        vehicle,
        f"delivery-{vehicle}",
        follow_ups(day, 3, 36, expiry),
        None,
        shop.actor,
    )


@pytest.mark.parametrize(
    ("kind", "delivered", "expiry"),
    [
        (CareKind.FIRST_MAINTENANCE, dt.date(2026, 8, 31), dt.date(2027, 8, 31)),
        (CareKind.INSURANCE_RENEWAL, dt.date(2025, 12, 15), dt.date(2026, 12, 15)),
        (CareKind.ANNUAL_INSPECTION, dt.date(2020, 12, 1), dt.date(2026, 12, 1)),
        (CareKind.WARRANTY_EXPIRY, dt.date(2023, 12, 10), dt.date(2026, 12, 10)),
    ],
)
def test_a_deliverys_follow_ups_are_not_made_again_by_the_rules(
    shop: Shop, kind: CareKind, delivered: dt.date, expiry: dt.date
) -> None:
    customer = shop.customer("李娜")
    vehicle = shop.car(
        customer,
        delivered,
        warranty_end=add_months(delivered, 36),
        insurance=expiry,
        last_visit=TODAY - dt.timedelta(days=20),
    )
    deliver(shop, customer, vehicle, delivered, expiry)
    care = shop.care()
    care.generate(TODAY)
    care.generate(TODAY + dt.timedelta(days=1))
    tasks = shop.tasks(kind=kind.value, vehicle_id=vehicle)
    assert [t[4] for t in tasks] == ["delivery"]
    assert duplicates(shop.db) == []


# -- do-not-contact --------------------------------------------------------------------------


def test_do_not_contact_on_the_customer_file_silences_that_kind(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop, due_in=3)
    with shop.db.write():
        shop.db.raw.execute(
            "UPDATE vehicle SET insurance_expiry = ? WHERE id = ?",
            ((TODAY + dt.timedelta(days=40)).isoformat(), vehicle),
        )
    care = shop.care()
    care.generate(TODAY)
    assert shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)
    customers = CustomerService(shop.db, shop.session("manager"))
    c = customers.open_file(customer).customer
    c.do_not_contact = [DoNotContact(ContactTask.MAINTENANCE_REMINDER, "在 4S 店外保养")]
    customers.save_customer(c)
    report = care.generate(TODAY)
    assert report.cancelled == 1 and report.created == 0
    assert shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle) == []
    assert shop.open_of(CareKind.INSURANCE_RENEWAL, vehicle)  # other kinds still come
    assert care.generate(TODAY + dt.timedelta(days=2)).created == 0


def test_do_not_contact_from_the_worklist_needs_a_reason(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop, due_in=3)
    care = shop.care()
    care.generate(TODAY)
    (task,) = shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as error:
            care.do_not_contact(task[6], reason)
        assert error.value.field == "reason"
    assert shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)
    assert shop.db.raw.execute("SELECT count(*) FROM customer_dnc").fetchone() == (0,)

    lost = shop.open_of(CareKind.LOST_RECALL, vehicle)
    assert lost  # the last visit was ~6 months ago: the recall list has the car too
    assert care.do_not_contact(task[6], "客户要求不再提醒保养") == 1
    assert shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle) == []
    assert shop.open_of(CareKind.LOST_RECALL, vehicle) == lost  # marketing is another kind
    row = shop.db.raw.execute(
        "SELECT customer_id, task, reason FROM customer_dnc WHERE deleted_at IS NULL"
    ).fetchone()
    assert row == (customer, "maintenance_reminder", "客户要求不再提醒保养")
    # the next reminder is not made either, whatever happens to the car
    later = TODAY + dt.timedelta(days=200)
    with shop.db.write():
        shop.db.raw.execute(
            "UPDATE vehicle SET last_visit = ? WHERE id = ?",
            (add_months(later, -6).isoformat(), vehicle),
        )
    care.generate(later)
    assert shop.tasks(kind="regular_maintenance", vehicle_id=vehicle, status="open") == []


def test_do_not_contact_at_all_silences_everything_but_complaint_callbacks(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop, due_in=3)
    care = shop.care()
    complaint = care.open_complaint(customer, vehicle, "结算金额与报价不符", at=NOW)
    care.resolve(complaint.id, Resolution.REFUND, "退还差额", NOW)
    care.generate(TODAY)
    (task,) = shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)
    care.do_not_contact(task[6], "客户要求任何事情都不要来电", everything=True)
    care.generate(TODAY)
    open_kinds = {
        r[0]
        for r in shop.db.raw.execute(
            "SELECT kind FROM care_task WHERE customer_id = ? AND status = 'open'", (customer,)
        )
    }
    assert open_kinds == {"complaint_callback"}
    assert care.generate(TODAY + dt.timedelta(days=5)).created == 0


def test_complaint_callbacks_cannot_be_silenced(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop)
    care = shop.care()
    complaint = care.open_complaint(customer, vehicle, "等待时间过长", at=NOW)
    care.resolve(complaint.id, Resolution.APOLOGY, "", NOW)
    callback = care.worklist(TODAY + dt.timedelta(days=10), kinds=(CareKind.COMPLAINT_CALLBACK,))
    with pytest.raises(ValidationError):
        care.do_not_contact(callback[0].id, "不想接电话")


# -- satisfaction: day 3 to day 15 -------------------------------------------------------------


def repair_order(shop: Shop, customer: str, vehicle: str, opened: str, closed: str | None) -> str:
    shop.serial += 1
    return shop.insert(
        "repair_order",
        site_id=shop.site_id,
        number=f"RO{shop.serial:05d}",
        customer_id=customer,
        vehicle_id=vehicle,
        opened_at=opened,
        closed_at=closed,
    )


def test_a_satisfaction_call_opens_on_day_3_and_expires_after_day_15(shop: Shop) -> None:
    customer = shop.customer("王芳")
    vehicle = shop.car(customer, dt.date(2024, 3, 1), last_visit=dt.date(2026, 10, 31))
    closed = dt.date(2026, 10, 31)
    ro = repair_order(
        shop, customer, vehicle, "2026-10-31T02:00:00.000Z", "2026-10-31T08:00:00.000Z"
    )
    old = repair_order(
        shop, customer, vehicle, "2026-10-01T02:00:00.000Z", "2026-10-01T08:00:00.000Z"
    )
    care = shop.care()
    care.generate(closed + dt.timedelta(days=1))
    (task,) = shop.tasks(kind="satisfaction")
    assert task[5] == f"csi:{ro}" and task[5] != f"csi:{old}"  # 30 days on: too late
    assert (task[3], task[2]) == ("2026-11-03", "2026-11-15")
    assert care.worklist(dt.date(2026, 11, 2), kinds=(CareKind.SATISFACTION,)) == []
    assert len(care.worklist(dt.date(2026, 11, 3), kinds=(CareKind.SATISFACTION,))) == 1
    assert care.generate(dt.date(2026, 11, 15)).expired == 0  # the last day still counts
    report = care.generate(dt.date(2026, 11, 16))
    assert report.expired == 1
    assert shop.tasks(kind="satisfaction")[0][1] == "expired"
    assert care.generate(dt.date(2026, 11, 17)).created == 0  # not made again


def test_each_visit_gets_its_satisfaction_call(shop: Shop) -> None:
    customer = shop.customer("钱多")
    vehicle = shop.car(customer, dt.date(2024, 3, 1))
    repair_order(shop, customer, vehicle, "2026-11-01T02:00:00.000Z", "2026-11-01T08:00:00.000Z")
    care = shop.care()
    care.generate(dt.date(2026, 11, 4))
    repair_order(shop, customer, vehicle, "2026-11-14T02:00:00.000Z", "2026-11-14T08:00:00.000Z")
    care.generate(TODAY)
    assert len(shop.tasks(kind="satisfaction")) == 2


def test_an_open_repair_order_gets_no_satisfaction_call(shop: Shop) -> None:
    customer = shop.customer("赵敏")
    vehicle = shop.car(customer, dt.date(2024, 3, 1))
    repair_order(shop, customer, vehicle, "2026-11-18T02:00:00.000Z", None)
    shop.care().generate(TODAY)
    assert shop.tasks(kind="satisfaction") == []


# -- the worklist ----------------------------------------------------------------------------


def test_worklist_filters_and_order(shop: Shop) -> None:
    a_customer, a_car, _ = regular_car(shop, "安心", due_in=6)
    b_customer, b_car, _ = regular_car(shop, "白露", due_in=4)
    c_customer = shop.customer("陈晨", birthday=dt.date(1990, 11, 21))
    care = shop.care()
    care.generate(TODAY)
    care2 = shop.session("care2").staff.id
    everything = care.worklist(TODAY)
    # soonest due first; the same day: by kind, then by name
    assert [(i.due, i.kind.value, i.customer_name) for i in everything] == sorted(
        (i.due, i.kind.value, i.customer_name) for i in everything
    )
    assert {i.customer_name for i in everything} == {"安心", "白露"}  # the birthday opens tomorrow
    tomorrow = care.worklist(TODAY + dt.timedelta(days=1))
    assert any(i.kind is CareKind.BIRTHDAY and i.customer_id == c_customer for i in tomorrow)

    regular = care.worklist(TODAY, kinds=(CareKind.REGULAR_MAINTENANCE,))
    assert [i.customer_name for i in regular] == ["白露", "安心"]
    assert regular[0].due == TODAY + dt.timedelta(days=4)
    assert (
        regular[0].plate
        and regular[0].phone
        and regular[0].model_name == "大众 帕萨特 330TSI 精英版"
    )

    care.assign([regular[1].id], care2)
    mine = CareService(shop.db, shop.session("care2"), now=lambda: NOW)
    assert [i.id for i in mine.worklist(TODAY, mine=True)] == [regular[1].id]
    assert mine.worklist(TODAY, mine=True)[0].assigned_name == "谢慧颖"
    assert care.worklist(TODAY, mine=True) == []

    soon = care.worklist(TODAY, due_until=TODAY + dt.timedelta(days=5))
    assert {i.customer_id for i in soon} == {b_customer}
    assert {i.customer_id for i in care.worklist(TODAY, text="安心")} == {a_customer}
    assert {i.vehicle_id for i in care.worklist(TODAY, text=regular[0].plate)} == {b_car}
    assert {i.customer_id for i in care.worklist(TODAY, text=regular[1].phone[-6:])} == {a_customer}
    assert a_car != b_car
    assert care.worklist(TODAY, text="nobody") == []
    # closed tasks leave the list; asking for them shows them
    care.record_outcome(regular[0].id, Outcome(service_type=ServiceType.MAINTENANCE), NOW)
    assert regular[0].id not in {i.id for i in care.worklist(TODAY)}
    done = care.worklist(TODAY, statuses=(TaskStatus.DONE,))
    assert [i.id for i in done] == [regular[0].id]
    assert done[0].attempts == 1 and done[0].last_attempt == "2026-11-20 10:40"


# -- working a task: the three-attempt rule --------------------------------------------------


def first_maintenance_task(shop: Shop) -> tuple[str, str, str]:
    customer = shop.customer("周杰")
    vehicle = shop.car(customer, dt.date(2026, 8, 31), mileage=2_900)
    care = shop.care()
    care.generate(TODAY)
    (task,) = shop.open_of(CareKind.FIRST_MAINTENANCE, vehicle)
    assert (task[3], task[2]) == ("2026-10-31", "2026-11-30")  # 31 Aug + 2 and + 3 months
    return customer, vehicle, task[6]


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute)


def test_three_calls_at_three_times_of_day_then_the_sms_then_the_failure(shop: Shop) -> None:
    _customer, _vehicle, task = first_maintenance_task(shop)
    care = shop.care()
    with pytest.raises(AttemptRefused):  # not before three calls
        care.send_fallback(task, "首保提醒")
    assert len(care.record_unreached(task, Unreached.NO_ANSWER, "", at(20, 9, 5))) == 1
    with pytest.raises(AttemptRefused, match="morning"):
        care.record_unreached(task, Unreached.NO_ANSWER, "", at(21, 11, 30))
    care.record_unreached(task, Unreached.BUSY, "", at(21, 15, 0))
    with pytest.raises(AttemptRefused):  # a failure record before the third call
        care.record_failure(task, Unreached.NO_ANSWER)
    attempts = care.record_unreached(task, Unreached.SWITCHED_OFF, "", at(22, 19, 30))
    assert [a.at.hour for a in attempts] == [9, 15, 19]
    assert care.task(task).attempts == 3
    with pytest.raises(AttemptRefused, match="3 calls"):
        care.record_unreached(task, Unreached.NO_ANSWER, "", at(23, 10))
    with pytest.raises(AttemptRefused, match="message first"):
        care.record_failure(task, Unreached.NO_ANSWER)
    assert care.task(task).status is TaskStatus.OPEN
    shop.clock[0] = at(22, 19, 35)
    care.send_fallback(task, "  尊敬的车主，您的爱车首保即将到期。 ")
    care.record_failure(task, Unreached.NO_ANSWER, "三次未接通")
    assert care.task(task).status is TaskStatus.FAILED
    channels = shop.db.raw.execute(
        "SELECT channel, reason, note FROM care_attempt WHERE task_id = ? ORDER BY at, rowid",
        (task,),
    ).fetchall()
    assert [c[0] for c in channels] == ["call", "call", "call", "sms", "failure"]
    assert channels[3][2] == "尊敬的车主，您的爱车首保即将到期。"
    assert channels[4][1:] == ("no_answer", "三次未接通")
    with pytest.raises(TaskClosed):
        care.record_unreached(task, Unreached.NO_ANSWER, "", at(24, 9))
    with pytest.raises(TaskClosed):
        care.record_outcome(task, Outcome(), at(24, 9))


def test_other_kinds_fall_back_to_a_message(shop: Shop) -> None:
    _customer, vehicle, _last = regular_car(shop)
    care = shop.care()
    care.generate(TODAY)
    (task,) = shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)
    for when in (at(20, 9), at(20, 14), at(20, 18)):  # one day can hold all three
        care.record_unreached(task[6], Unreached.NO_ANSWER, "", when)
    shop.clock[0] = at(20, 18, 5)
    care.send_fallback(task[6], "保养提醒")
    last = care.attempts(task[6])[-1]
    assert last.channel == "message"


def test_a_wrong_number_fails_at_once(shop: Shop) -> None:
    _customer, _vehicle, task = first_maintenance_task(shop)
    care = shop.care()
    care.record_unreached(task, Unreached.WRONG_NUMBER, "空号", at(20, 9))
    item = care.task(task)
    assert item.status is TaskStatus.FAILED and item.attempts == 1
    assert care.attempts(task)[0].reason is Unreached.WRONG_NUMBER


# -- outcomes ----------------------------------------------------------------------------------


def satisfaction_task(shop: Shop, mileage: int = 30_000) -> tuple[str, str, str]:
    customer = shop.customer("吴刚")
    vehicle = shop.car(customer, dt.date(2024, 3, 1), mileage=mileage)
    repair_order(shop, customer, vehicle, "2026-11-15T02:00:00.000Z", "2026-11-15T08:00:00.000Z")
    shop.care().generate(TODAY)
    (task,) = shop.open_of(CareKind.SATISFACTION, vehicle)
    return customer, vehicle, task[6]


def test_a_satisfaction_call_needs_the_rating(shop: Shop) -> None:
    _customer, _vehicle, task = satisfaction_task(shop)
    care = shop.care()
    with pytest.raises(ValidationError) as error:
        care.record_outcome(task, Outcome(note="挺好"))
    assert error.value.field == "satisfaction"
    with pytest.raises(ValidationError) as error:
        care.record_outcome(task, Outcome(satisfaction=Satisfaction.DISSATISFIED))
    assert error.value.field == "grievances"
    assert care.attempts(task) == [] and care.task(task).status is TaskStatus.OPEN
    result = care.record_outcome(
        task,
        Outcome(
            satisfaction=Satisfaction.DISSATISFIED,
            grievances=frozenset({Grievance.PRICE, Grievance.TIME}),
            service_type=ServiceType.REPAIR,
            note="工时费偏贵",
        ),
        NOW,
    )
    assert result.complaint_id is None and result.booking_customer_id is None
    when, outcome = care.outcome(task) or (None, None)
    assert when == NOW and outcome is not None
    assert outcome.grievances == frozenset({Grievance.PRICE, Grievance.TIME})
    assert outcome.service_type is ServiceType.REPAIR
    assert care.task(task).status is TaskStatus.DONE


def test_a_complaint_on_the_call_opens_a_complaint_with_the_note(shop: Shop) -> None:
    customer, vehicle, task = satisfaction_task(shop)
    care = shop.care()
    result = care.record_outcome(
        task,
        Outcome(
            satisfaction=Satisfaction.COMPLAINT,
            grievances=frozenset({Grievance.QUALITY}),
            note=" 修完第二天故障灯又亮了 ",
        ),
        NOW,
    )
    assert result.complaint_id is not None
    complaint = care.complaint(result.complaint_id)
    assert complaint.description == "修完第二天故障灯又亮了"
    assert (complaint.customer_id, complaint.vehicle_id) == (customer, vehicle)
    assert complaint.status is ComplaintStatus.OPEN and complaint.channel == "callback"
    assert complaint.opened_at == NOW and complaint.number == "TS20261120-001"
    source = shop.db.raw.execute(
        "SELECT source_task_id FROM complaint WHERE id = ?", (complaint.id,)
    ).fetchone()
    assert source == (task,)
    linked = shop.db.raw.execute(
        "SELECT complaint_id FROM care_outcome WHERE task_id = ?", (task,)
    ).fetchone()
    assert linked == (complaint.id,)


def mileage_of(shop: Shop, vehicle: str) -> int:
    row = shop.db.raw.execute("SELECT mileage_km FROM vehicle WHERE id = ?", (vehicle,)).fetchone()
    return int(row[0])


def test_reported_mileage_only_ever_raises_the_cars(shop: Shop) -> None:
    customer, vehicle, task = satisfaction_task(shop)
    care = shop.care()
    care.record_outcome(task, Outcome(satisfaction=Satisfaction.GOOD, mileage_km=35_000), NOW)
    assert mileage_of(shop, vehicle) == 35_000
    complaint = care.open_complaint(customer, vehicle, "配件缺货", at=NOW)
    care.resolve(complaint.id, Resolution.OTHER, "已到货", NOW)
    callback = care.worklist(TODAY + dt.timedelta(days=10), kinds=(CareKind.COMPLAINT_CALLBACK,))
    care.record_outcome(callback[0].id, Outcome(mileage_km=20_000), NOW)  # a slip of the tongue
    assert mileage_of(shop, vehicle) == 35_000


def test_a_maintenance_wanted_on_the_call_opens_the_booking(shop: Shop) -> None:
    customer, vehicle, task = first_maintenance_task(shop)
    result = shop.care().record_outcome(
        task,
        Outcome(mileage_km=4_800, service_type=ServiceType.MAINTENANCE, wants_appointment=True),
        NOW,
    )
    assert (result.booking_customer_id, result.booking_vehicle_id) == (customer, vehicle)
    assert mileage_of(shop, vehicle) == 4_800


# -- complaints --------------------------------------------------------------------------------


def test_a_complaint_from_opening_to_closing(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop)
    manager = shop.session("manager").staff.id
    care = shop.care()
    with pytest.raises(ValidationError):
        care.open_complaint(customer, vehicle, "  ")
    opened = dt.datetime(2026, 11, 20, 9, 20)
    c = care.open_complaint(customer, vehicle, "保养后车门有新划痕", "visit", "high", opened)
    assert (c.status, c.responded_at, c.number) == (ComplaintStatus.OPEN, None, "TS20261120-001")
    assert c.owner_name == "罗丹丹" and c.customer_name == "张伟"
    second = care.open_complaint(customer, None, "再次投诉", at=opened)
    assert second.number == "TS20261120-002"
    with pytest.raises(ValidationError):
        care.close_complaint(c.id)  # not before it is resolved

    with pytest.raises(ValidationError):
        care.respond(c.id, " ")
    c = care.respond(c.id, "已致歉，安排钣喷检查", opened + dt.timedelta(minutes=18))
    assert c.responded_at == opened + dt.timedelta(minutes=18)
    assert c.response == "已致歉，安排钣喷检查"
    with pytest.raises(TaskClosed):
        care.respond(c.id, "again")

    with pytest.raises(ValidationError) as error:
        care.escalate(c.id, manager, "")
    assert error.value.field == "note"
    shop.clock[0] = opened + dt.timedelta(hours=2)
    c = care.escalate(c.id, manager, "客户要求赔偿，请经理处理")
    assert c.status is ComplaintStatus.ESCALATED and c.escalated_to == manager
    assert c.escalated_name == "王建国" and c.escalated_at == shop.clock[0]
    with pytest.raises(ValidationError):
        care.close_complaint(c.id)

    resolved = dt.datetime(2026, 11, 30, 17, 0)  # the last day of the month
    c = care.resolve(c.id, Resolution.REWORK, "免费补漆", resolved)
    assert c.status is ComplaintStatus.RESOLVED and c.resolved_at == resolved
    assert c.resolution == "rework" and c.resolution_note == "免费补漆"
    callbacks = care.worklist(dt.date(2026, 12, 31), kinds=(CareKind.COMPLAINT_CALLBACK,))
    assert [(i.title, i.opens, i.due) for i in callbacks] == [
        ("TS20261120-001 24h", dt.date(2026, 11, 30), dt.date(2026, 12, 1)),
        ("TS20261120-001 7d", dt.date(2026, 12, 5), dt.date(2026, 12, 7)),  # shows 2 days ahead
    ]
    assert all(i.source == "complaint" for i in callbacks)
    with pytest.raises(TaskClosed):
        care.resolve(c.id, Resolution.REWORK, "again", resolved)
    with pytest.raises(TaskClosed):
        care.escalate(c.id, manager, "again")
    shop.clock[0] = dt.datetime(2026, 12, 8, 10, 0)
    c = care.close_complaint(c.id)
    assert c.status is ComplaintStatus.CLOSED and c.closed_at == shop.clock[0]
    assert [x.id for x in care.complaints(open_only=True)] == [second.id]
    assert {x.id for x in care.complaints()} == {c.id, second.id}


def test_resolving_unanswered_counts_as_the_response(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop)
    care = shop.care()
    c = care.open_complaint(customer, vehicle, "电话投诉", at=NOW)
    c = care.resolve(c.id, Resolution.EXPLANATION, "解释后客户接受", NOW + dt.timedelta(minutes=20))
    assert c.responded_at == NOW + dt.timedelta(minutes=20)


# -- KPIs of a month built by hand ------------------------------------------------------------


def kpi_shop(shop: Shop) -> None:
    """October 2026, counted by hand in test_kpi_month_by_hand."""
    s = shop
    a, b, c, d, e = (s.customer(n) for n in ("安", "白", "陈", "丁", "鄂"))
    car_a = s.car(a, dt.date(2025, 1, 10), last_visit=dt.date(2026, 10, 20))  # 11 days: kept
    car_b = s.car(b, dt.date(2025, 2, 10), last_visit=dt.date(2026, 6, 1))  # 152 days: lost
    car_c = s.car(c, dt.date(2025, 3, 10), last_visit=dt.date(2025, 9, 1))  # 425 days: gone
    car_d = s.car(d, dt.date(2025, 4, 10))  # never came back: not counted lost
    car_e = s.car(e, dt.date(2026, 10, 5), last_visit=dt.date(2026, 10, 20))  # sold in October

    def task(kind: str, car: str, owner: str, opens: str, due: str, status: str) -> str:
        return s.insert(
            "care_task",
            site_id=s.site_id,
            kind=kind,
            customer_id=owner,
            vehicle_id=car,
            source="rule",
            source_id=f"{kind}:{car}:{due}",
            due=due,
            opens=opens,
            status=status,
        )

    # first maintenance due in October: A came back (RO 12 Oct), B did not; C's cancelled
    task("first_maintenance", car_a, a, "2026-09-15", "2026-10-15", "done")
    task("first_maintenance", car_b, b, "2026-09-20", "2026-10-20", "failed")
    task("first_maintenance", car_c, c, "2026-09-25", "2026-10-25", "cancelled")
    task("first_maintenance", car_d, d, "2026-10-02", "2026-11-02", "open")  # November's
    # regular due in October: A (RO 12 Oct), C (RO 3 Sep = opens - 30), D (RO 27 Nov =
    # due + 30) came back; B's is still open and counts as not returned
    task("regular_maintenance", car_a, a, "2026-09-28", "2026-10-05", "done")
    task("regular_maintenance", car_c, c, "2026-10-03", "2026-10-10", "done")
    task("regular_maintenance", car_d, d, "2026-10-21", "2026-10-28", "done")
    task("regular_maintenance", car_b, b, "2026-10-23", "2026-10-30", "open")

    def appointment(car: str, owner: str, start: str, status: str) -> str:
        return s.insert(
            "appointment",
            site_id=s.site_id,
            serial=start,
            start_at=start,
            end_at=start[:-5] + "23:00",
            customer_id=owner,
            vehicle_id=car,
            status=status,
            transport="drop_off",
            labour_minutes=60,
        )

    ap1 = appointment(car_a, a, "2026-10-12 09:00", "handed_over")
    ap2 = appointment(car_e, e, "2026-10-05 10:00", "handed_over")
    appointment(car_b, b, "2026-10-15 14:00", "no_show")
    appointment(car_b, b, "2026-10-16 09:00", "cancelled")  # not counted
    appointment(car_c, c, "2026-10-31 16:00", "arrived")  # came: a show
    appointment(car_c, c, "2026-10-30 09:00", "rescheduled")  # not counted
    appointment(car_d, d, "2026-10-29 11:00", "booked")  # never updated: not a show
    appointment(car_d, d, "2026-11-01 09:00", "handed_over")  # November's

    def order(car: str, owner: str, opened: str, appointment_id: str | None = None) -> None:
        s.serial += 1
        s.insert(
            "repair_order",
            site_id=s.site_id,
            number=f"RO{s.serial:05d}",
            appointment_id=appointment_id,
            customer_id=owner,
            vehicle_id=car,
            opened_at=opened,
            closed_at=opened,
        )

    order(car_a, a, "2026-10-12T01:10:00.000Z", ap1)
    order(car_e, e, "2026-10-05T02:10:00.000Z", ap2)
    order(car_e, e, "2026-10-20T03:00:00.000Z")  # a walk-in
    order(car_c, c, "2026-09-03T02:00:00.000Z")
    order(car_d, d, "2026-11-27T02:00:00.000Z")
    order(car_d, d, "2026-09-30T23:50:00.000Z")  # September by its date
    order(car_d, d, "2026-11-01T00:10:00.000Z")  # November

    def callback(due: str, status: str) -> str:
        return s.insert(
            "care_task",
            site_id=s.site_id,
            kind="delivery_callback",
            customer_id=e,
            vehicle_id=car_e,
            source="delivery",
            source_id="delivery-e",
            due=due,
            opens=due,
            status=status,
        )

    def outcome(task_id: str, when: str) -> None:
        s.insert("care_outcome", task_id=task_id, at=when)

    def attempt(task_id: str, when: str, channel: str) -> None:
        s.insert("care_attempt", task_id=task_id, at=when, channel=channel)

    outcome(callback("2026-10-06", "done"), "2026-10-06 15:00")  # on time
    outcome(callback("2026-10-08", "done"), "2026-10-09 10:00")  # a day late
    failed = callback("2026-10-10", "failed")  # three calls and the SMS by the due day
    for when in ("2026-10-09 09:00", "2026-10-09 15:00", "2026-10-10 19:00"):
        attempt(failed, when, "call")
    attempt(failed, "2026-10-10 19:05", "sms")
    callback("2026-10-12", "cancelled")  # not counted
    callback("2026-10-14", "open")  # never done: not on time

    def delivery(delivered: str, start: str | None, end: str | None) -> None:
        s.serial += 1
        s.insert(
            "delivery",
            site_id=s.site_id,
            number=f"JC{s.serial:05d}",
            planned_at=delivered[:10] + " 10:00",
            status="delivered",
            template_code="PDI-STD",
            template_version=1,
            delivered_at=delivered,
            explanation_started_at=start,
            explanation_ended_at=end,
        )

    delivery("2026-10-05T03:00:00.000Z", "2026-10-05T02:00:00.000Z", "2026-10-05T02:35:00.000Z")
    delivery("2026-10-20T03:00:00.000Z", "2026-10-20T02:00:00.000Z", "2026-10-20T02:40:00.000Z")
    delivery("2026-10-22T03:00:00.000Z", "2026-10-22T02:00:00.000Z", None)  # not timed
    delivery("2026-11-02T03:00:00.000Z", "2026-11-02T02:00:00.000Z", "2026-11-02T03:00:00.000Z")


def test_kpi_month_by_hand(shop: Shop) -> None:
    kpi_shop(shop)
    k = shop.care().kpi_month("2026-10")
    assert k == Kpis(
        month="2026-10",
        first_maintenance_return=Decimal("50.0"),  # 1 of 2 (the cancelled one not due)
        regular_maintenance_return=Decimal("75.0"),  # 3 of 4
        appointment_rate=Decimal("66.7"),  # 2 of 3 visits booked
        show_rate=Decimal("60.0"),  # 3 of 5 (cancelled and rescheduled left out)
        lost_rate=Decimal("25.0"),  # 1 of 4 owners (E bought in October)
        callbacks_on_time=Decimal("50.0"),  # 2 of 4
        explanation_minutes=Decimal("37.5"),  # (35 + 40) / 2
    )
    trend = shop.care().kpi_trend("2026-10", 3)
    assert [t.month for t in trend] == ["2026-08", "2026-09", "2026-10"]
    assert trend[-1] == k
    assert trend[1].appointment_rate == Decimal("0.0")  # September: two walk-ins


def test_a_month_without_anything_is_refused_and_so_is_a_bad_month(shop: Shop) -> None:
    care = shop.care()
    with pytest.raises(NoKpiData) as error:
        care.kpi_month("2026-10")  # an empty store
    assert error.value.field == "month" and "2026-10" in str(error.value)
    kpi_shop(shop)
    with pytest.raises(NoKpiData):
        care.kpi_month("2010-01")  # before the first car was sold
    with pytest.raises(NoKpiData):
        care.kpi_month("2027-01")  # a month still to come
    for text in ("2026-13", "October", "", "2026/10"):
        with pytest.raises(ValidationError) as bad:
            care.kpi_month(text)
        assert bad.value.field == "month"
    assert all(k.empty for k in care.kpi_trend("2010-03", 2))


def test_a_quiet_month_after_the_first_sales_has_no_data(shop: Shop) -> None:
    kpi_shop(shop)
    with pytest.raises(NoKpiData):
        shop.care().kpi_month("2026-06")


# -- permissions -------------------------------------------------------------------------------


def test_a_technician_may_not_work_the_list(shop: Shop) -> None:
    customer, vehicle, _last = regular_car(shop)
    shop.care().generate(TODAY)
    (task,) = shop.open_of(CareKind.REGULAR_MAINTENANCE, vehicle)
    tech = shop.care("tech1")
    for attempt in (
        lambda: tech.record_unreached(task[6], Unreached.NO_ANSWER, "", NOW),
        lambda: tech.record_outcome(task[6], Outcome(), NOW),
        lambda: tech.send_fallback(task[6], "x"),
        lambda: tech.record_failure(task[6], Unreached.OTHER),
        lambda: tech.do_not_contact(task[6], "reason"),
        lambda: tech.assign([task[6]], None),
        lambda: tech.open_complaint(customer, vehicle, "投诉"),
        lambda: tech.save_rules(CareRules()),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    assert shop.care().task(task[6]).attempts == 0


def test_only_a_manager_changes_the_timings(shop: Shop) -> None:
    with pytest.raises(PermissionDenied):
        shop.care().save_rules(CareRules(attempts=4))
    manager = CareService(shop.db, shop.session("manager"), now=lambda: NOW)
    manager.save_rules(CareRules(attempts=4, regular_lead_days=10))
    manager.save_rules(CareRules(attempts=5))
    assert shop.care().rules() == CareRules(attempts=5)


# -- the generator's timings as properties (facts handed in, no database) ---------------------


class FactsRepo:
    """Stands in for CareRepository in ``CareService.wanted``."""

    def __init__(
        self,
        cars: list[CarFacts],
        birthdays: list[tuple[str, dt.date]] | None = None,
        orders: list[tuple[str, str | None, str | None, dt.date]] | None = None,
    ) -> None:
        self.cars, self._birthdays, self.orders = cars, birthdays or [], orders or []

    def car_facts(self, today: dt.date) -> list[CarFacts]:
        return self.cars

    def birthdays(self) -> list[tuple[str, dt.date]]:
        return self._birthdays

    def closed_repair_orders(
        self, since: dt.date
    ) -> list[tuple[str, str | None, str | None, dt.date]]:
        return [o for o in self.orders if o[3] >= since]


def wanted(repo: FactsRepo, today: dt.date) -> dict[CareKind, Any]:
    service = CareService.__new__(CareService)
    service.repo = repo  # type: ignore[assignment]
    return {d.kind: d for d in service.wanted(today, CareRules())}


month_ends = st.builds(
    lambda y, m: dt.date(y, m, calendar.monthrange(y, m)[1]),
    st.integers(2001, 2080),
    st.integers(1, 12),
)
leap_days = st.sampled_from([y for y in range(2004, 2081, 4)]).map(lambda y: dt.date(y, 2, 29))
days = st.one_of(st.dates(dt.date(2001, 1, 1), dt.date(2080, 12, 31)), month_ends, leap_days)
FAST = settings(max_examples=150, deadline=None)


def facts(
    sale: dt.date | None,
    last: dt.date | None = None,
    km: int | None = None,
    warranty: dt.date | None = None,
    insurance: dt.date | None = None,
    booked: bool = False,
    local: bool = True,
) -> CarFacts:
    return CarFacts("v", "c", sale, warranty, insurance, last, km, local, 3, booked)


@FAST
@given(days, st.integers(0, 130))
@example(dt.date(2026, 1, 31), 60)  # sold 31 January: opens 31 March, due 30 April
@example(dt.date(2027, 11, 30), 91)  # due 29 February 2028
def test_first_maintenance_opens_at_two_months_and_is_due_at_three(
    sale: dt.date, after: int
) -> None:
    today = sale + dt.timedelta(days=after)
    got = wanted(FactsRepo([facts(sale)]), today)
    due, opens = add_months(sale, 3), add_months(sale, 2)
    task = got.get(CareKind.FIRST_MAINTENANCE)
    if opens > today + dt.timedelta(days=14) or today > add_months(due, 1):
        assert task is None
    else:
        assert task is not None and (task.opens, task.due) == (opens, due)
        assert task.key == "first:v"
    assert CareKind.REGULAR_MAINTENANCE not in got or today > add_months(due, 1)


@FAST
@given(days, st.integers(-40, 200), st.one_of(st.none(), st.integers(1, 100)))
@example(dt.date(2025, 8, 31), 180, None)  # due 28 February
def test_regular_maintenance_shows_seven_days_before_its_due(
    last: dt.date, after: int, per_day: int | None
) -> None:
    sale = last - dt.timedelta(days=400)
    today = last + dt.timedelta(days=max(after, 1))
    km = None if per_day is None else per_day * (today - sale).days
    got = wanted(FactsRepo([facts(sale, last, km)]), today)
    due = regular_maintenance_due(last, km, sale, today, CareRules())
    task = got.get(CareKind.REGULAR_MAINTENANCE)
    if due - dt.timedelta(days=7) > today + dt.timedelta(days=14) or due < today - dt.timedelta(
        days=30
    ):
        assert task is None
    else:
        assert task is not None
        assert (task.opens, task.due) == (due - dt.timedelta(days=7), due)
        assert task.key == f"regular:v:{last.isoformat()}"


@FAST
@given(days, st.integers(-10, 120))
@example(dt.date(2027, 3, 31), 30)  # warranty ends 31 March: reminder from 28 February
@example(dt.date(2028, 3, 30), 31)  # … 29 February in a leap year
def test_warranty_reminder_opens_one_month_before(end: dt.date, days_before: int) -> None:
    today = end - dt.timedelta(days=days_before)
    got = wanted(FactsRepo([facts(end - dt.timedelta(days=1095), warranty=end)]), today)
    task = got.get(CareKind.WARRANTY_EXPIRY)
    opens = add_months(end, -1)
    if days_before < 0 or opens > today + dt.timedelta(days=14):
        assert task is None
    else:  # shows a month before, due by the day the warranty ends (not "overdue" before)
        assert task is not None and (task.opens, task.due) == (opens, end)
        assert task.title == end.isoformat()


@FAST
@given(days, st.integers(-10, 120))
@example(dt.date(2027, 4, 30), 61)  # expires 30 April: from 28 February
def test_insurance_renewal_opens_two_months_before(expiry: dt.date, days_before: int) -> None:
    today = expiry - dt.timedelta(days=days_before)
    got = wanted(FactsRepo([facts(None, insurance=expiry)]), today)
    task = got.get(CareKind.INSURANCE_RENEWAL)
    opens = add_months(expiry, -2)
    if days_before < 0 or opens > today + dt.timedelta(days=14):
        assert task is None
    else:
        assert task is not None and (task.opens, task.due) == (opens, expiry)


@FAST
@given(days, st.integers(0, 12 * 366))
@example(dt.date(2020, 2, 29), 6 * 365 - 20)
def test_annual_inspection_opens_thirty_days_before(sale: dt.date, after: int) -> None:
    today = sale + dt.timedelta(days=after)
    got = wanted(FactsRepo([facts(sale, last=today)]), today)
    due = inspection_due(sale, today, CareRules())
    task = got.get(CareKind.ANNUAL_INSPECTION)
    if due - dt.timedelta(days=30) > today + dt.timedelta(days=14):
        assert task is None
    else:
        assert task is not None and (task.opens, task.due) == (due - dt.timedelta(days=30), due)


@FAST
@given(st.dates(dt.date(1950, 1, 1), dt.date(2005, 12, 31)) | leap_days, days)
@example(dt.date(1988, 2, 29), dt.date(2027, 2, 20))
def test_birthday_tasks_are_for_the_day_itself(birthday: dt.date, today: dt.date) -> None:
    got = wanted(FactsRepo([], birthdays=[("c", birthday)]), today)
    task = got.get(CareKind.BIRTHDAY)
    if task is not None:
        assert task.opens == task.due and today <= task.due <= today + dt.timedelta(days=14)
        assert (task.due.month, task.due.day) in {(birthday.month, birthday.day), (2, 28)}


@FAST
@given(days, st.integers(0, 40))
def test_satisfaction_window_is_day_3_to_day_15(closed: dt.date, after: int) -> None:
    today = closed + dt.timedelta(days=after)
    got = wanted(FactsRepo([], orders=[("ro", "c", "v", closed)]), today)
    task = got.get(CareKind.SATISFACTION)
    if after > 15:
        assert task is None
    else:
        assert task is not None
        assert (task.opens, task.due, task.expires) == (
            closed + dt.timedelta(days=3),
            closed + dt.timedelta(days=15),
            closed + dt.timedelta(days=15),
        )


@FAST
@given(days, st.integers(0, 500), st.booleans(), st.booleans())
def test_lost_recall_is_for_90_to_360_days_and_not_when_booked(
    today: dt.date, days_ago: int, booked: bool, local: bool
) -> None:
    last = today - dt.timedelta(days=days_ago)
    car = facts(None, last=last, booked=booked, local=local)
    task = wanted(FactsRepo([car]), today).get(CareKind.LOST_RECALL)
    if booked or not 90 <= days_ago <= 360:
        assert task is None
    else:
        assert task is not None and task.opens == today
        assert task.title == ("local_unknown" if local else "out_of_town_unknown")
