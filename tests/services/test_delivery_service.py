"""DeliveryService against a real demo database: planning from the current PDI template
version, the PDI, documents, the timed explanation, delivery with its exact refusals and its
follow-ups, reopening, photos, permissions, the manufacturer's export and the journal.

The demo database already holds deliveries JC20261118-… to JC20261123-… around DEMO_TODAY; the
tests plan new cars (a customer and vehicle made here) on 2026-11-25, a day with none.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.domain.customers import Customer, Vehicle
from desktop_app.domain.deliveries import (
    Blocker,
    DeliveryStatus,
    FollowUp,
    Handover,
    ItemResult,
    add_months,
    follow_ups,
    parse_template,
    topics_for,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.roles import ROLE_PERMISSIONS, Permission, Role
from desktop_app.domain.staff import Session
from desktop_app.domain.vin import with_check_digit
from desktop_app.services.deliveries import (
    TEMPLATE_DIR,
    DeliveryBlocked,
    DeliveryClosed,
    DeliveryService,
)
from desktop_app.services.errors import NotFound, PermissionDenied
from desktop_app.storage.db import Database
from desktop_app.storage.repositories import CustomerRepository, VehicleRepository
from tests.conftest import DEMO_TODAY, session_as

DAY = dt.date(2026, 11, 25)
START = dt.datetime.combine(DAY, dt.time(9))
PLANNED = dt.datetime.combine(DAY, dt.time(10, 30))
ID_NUMBER = "310101199001011234"
BUNDLED = (TEMPLATE_DIR / "PDI-STD-v1.json").read_text(encoding="utf-8")
DELIVERY_TABLES = ("delivery", "delivery_item", "delivery_document", "delivery_event")
EXPORT_HEADER = (
    "customer_name,phone,address,birthday,id_number,vin,model,delivery_date,"
    "sales_consultant,dealer_code,record_number"
)


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@dataclass(frozen=True)
class Car:
    customer_id: str
    vehicle_id: str
    vin: str
    engine_no: str
    model_id: str
    first_service_months: int
    warranty_months: int


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def specialist(db: Database) -> Session:
    return session_as(db, "delivery1")


@pytest.fixture
def sales_id(db: Database) -> str:
    return session_as(db, "sales1").staff.id


@pytest.fixture
def make(db: Database, tmp_path: Path, clock: Clock) -> Callable[[Session], DeliveryService]:
    def factory(session: Session) -> DeliveryService:
        return DeliveryService(db, session, photo_dir=tmp_path / "photos", now=clock)

    return factory


@pytest.fixture
def svc(make: Callable[[Session], DeliveryService], specialist: Session) -> DeliveryService:
    return make(specialist)


def new_car(
    db: Database, session: Session, nev: bool, serial: int, insurance: dt.date | None = None
) -> Car:
    fuels = "('phev', 'bev', 'erev')" if nev else "('petrol', 'diesel')"
    model_id, first, warranty = db.raw.execute(
        "SELECT id, first_service_months, warranty_months FROM vehicle_model "
        f"WHERE fuel_type IN {fuels} ORDER BY brand, series LIMIT 1"
    ).fetchone()
    customer = Customer(
        name="欧阳娜娜",
        mobile=f"1391234{serial:04d}",
        id_number=ID_NUMBER,
        birthday=dt.date(1990, 1, 1),
        address="上海市浦东新区世纪大道 100 号",
    )
    cid = CustomerRepository(db).save(customer, session.site.id, session.staff.id)
    vin = with_check_digit(f"LSVAU2180N2{serial:06d}")
    engine = f"DKX{serial:06d}"
    vehicle = Vehicle(
        vin=vin, customer_id=cid, model_id=model_id, engine_no=engine, insurance_expiry=insurance
    )
    vid = VehicleRepository(db).save(vehicle, session.staff.id)
    return Car(cid, vid, vin, engine, model_id, int(first), int(warranty))


@pytest.fixture
def ice(db: Database, specialist: Session) -> Car:
    return new_car(db, specialist, nev=False, serial=1)


@pytest.fixture
def nev(db: Database, specialist: Session) -> Car:
    return new_car(db, specialist, nev=True, serial=2)


def plan(svc: DeliveryService, car: Car, sales_id: str | None = None, at: dt.datetime = PLANNED):
    return svc.plan(car.customer_id, car.vehicle_id, at, sales_id)


def pass_pdi(tech: DeliveryService, did: str) -> None:
    d = tech.open(did).delivery
    for section in dict.fromkeys(i.section for i in d.items):
        tech.all_pass(did, section, set())
    tech.sign_pdi(did)


def hand_over(svc: DeliveryService, did: str, keys: int = 2) -> None:
    d = svc.open(did).delivery
    svc.set_invoice(did, d.vin.lower(), d.engine_no.lower())
    for doc in d.documents:
        if doc.code == "keys":
            svc.set_document(did, "keys", Handover.HANDED_OVER, "两把", keys)
        elif doc.code == "registration_cert":
            svc.set_document(did, doc.code, Handover.HELD_BY_LENDER, "按揭车辆")
        else:
            svc.set_document(did, doc.code, Handover.HANDED_OVER)


def explain(svc: DeliveryService, clock: Clock, did: str, minutes: float = 35) -> None:
    svc.start_explanation(did)
    clock.advance(minutes=minutes)
    svc.stop_explanation(did)
    svc.set_topics(did, [t[0] for t in topics_for(svc.open(did).delivery.nev)])


def complete(svc: DeliveryService, clock: Clock, did: str) -> None:
    pass_pdi(svc, did)  # the delivery specialist may do the PDI too
    hand_over(svc, did)
    explain(svc, clock, did)


def state(db: Database, did: str) -> tuple[object, ...]:
    """Everything the delivery owns and the journal's end, to show nothing changed."""
    rows = tuple(
        tuple(db.raw.execute(f"SELECT * FROM {t} WHERE {col} = ? ORDER BY id", (did,)).fetchall())
        for t, col in (
            ("delivery", "id"),
            ("delivery_item", "delivery_id"),
            ("delivery_document", "delivery_id"),
            ("delivery_event", "delivery_id"),
            ("care_task", "source_id"),
        )
    )
    seq = db.raw.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    return (*rows, seq)


def last_seq(db: Database) -> int:
    return int(db.raw.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0])


def journal_since(db: Database, seq: int) -> list[tuple[str, str, str | None]]:
    return [
        (r[0], r[1], r[2])
        for r in db.raw.execute(
            "SELECT table_name, op, actor FROM change_log WHERE seq > ? ORDER BY seq", (seq,)
        )
    ]


def event_kinds(svc: DeliveryService, did: str) -> list[str]:
    return [e.kind for e in svc.open(did).events]


# -- templates and planning ---------------------------------------------------------------


def test_plan_an_ice_car_from_the_current_template(
    svc: DeliveryService, ice: Car, sales_id: str
) -> None:
    d = plan(svc, ice, sales_id)
    assert d.number == "JC20261125-001"
    assert (d.status, d.nev) == (DeliveryStatus.PLANNED, False)
    assert (d.template_code, d.template_version) == ("PDI-STD", 1)
    template = parse_template(BUNDLED)
    assert [i.code for i in d.items] == [i.code for i in template.for_vehicle(False)]
    assert len(d.items) == 34
    assert all(i.result == ItemResult.OPEN and not i.reinspected for i in d.items)
    codes = [doc.code for doc in d.documents]
    assert "charging_cable" not in codes
    assert next(doc for doc in d.documents if doc.code == "keys").count == 2
    assert (d.customer_name, d.phone, d.vin, d.engine_no) == (
        "欧阳娜娜",
        "13912340001",
        ice.vin,
        ice.engine_no,
    )
    assert d.sales_name == "杨欣怡"
    assert d.model_name
    assert event_kinds(svc, d.id or "") == ["planned"]
    assert svc.templates() == [("PDI-STD", 1, template.name)]


def test_plan_an_nev_gets_the_nev_items_and_the_charging_cable(
    svc: DeliveryService, nev: Car
) -> None:
    d = plan(svc, nev)
    assert d.nev
    assert len(d.items) == 37
    assert [i.code for i in d.items[-3:]] == ["NV01", "NV02", "NV03"]
    assert "charging_cable" in [doc.code for doc in d.documents]
    assert d.sales_name == "徐婷婷"  # the planner when no consultant is given
    assert {f.params.get("item") for f in svc.blockers(d.id or "")} >= {"充电线"}


def test_numbers_continue_after_the_demo_deliveries_of_the_day(
    svc: DeliveryService, ice: Car, nev: Car, db: Database
) -> None:
    day = dt.datetime.combine(DEMO_TODAY, dt.time(17))
    existing = db.raw.execute(
        "SELECT count(*) FROM delivery WHERE number LIKE ?", (f"JC{DEMO_TODAY:%Y%m%d}-%",)
    ).fetchone()[0]
    assert existing >= 1
    first = plan(svc, ice, at=day)
    second = plan(svc, nev, at=day)
    assert first.number == f"JC{DEMO_TODAY:%Y%m%d}-{existing + 1:03d}"
    assert second.number == f"JC{DEMO_TODAY:%Y%m%d}-{existing + 2:03d}"
    assert svc.by_number(first.number.lower()) == first.id


def test_plan_refuses_a_vehicle_of_another_customer(
    svc: DeliveryService, ice: Car, nev: Car
) -> None:
    with pytest.raises(NotFound):
        svc.plan(ice.customer_id, nev.vehicle_id, PLANNED)


def v2_text(extra_code: str = "EX06") -> str:
    data = json.loads(BUNDLED)
    data["version"] = 2
    data["items"].insert(
        5, {"code": extra_code, "section": "EXT", "zh": "天窗密封良好", "en": "Sunroof seals"}
    )
    data["items"] = [i for i in data["items"] if i["code"] != "RD04"]
    return json.dumps(data, ensure_ascii=False)


def test_importing_v2_changes_new_records_only(
    make: Callable[[Session], DeliveryService],
    svc: DeliveryService,
    manager: Session,
    ice: Car,
    db: Database,
    specialist: Session,
) -> None:
    old = plan(svc, ice)
    old_codes = [i.code for i in old.items]
    imported = make(manager).import_template(v2_text())
    assert imported.version == 2
    assert [t[:2] for t in svc.templates()] == [("PDI-STD", 1), ("PDI-STD", 2)]

    again = svc.open(old.id or "").delivery
    assert (again.template_version, [i.code for i in again.items]) == (1, old_codes)

    new = plan(svc, new_car(db, specialist, nev=False, serial=3))
    assert new.template_version == 2
    codes = [i.code for i in new.items]
    assert "EX06" in codes and "RD04" not in codes
    assert len(codes) == 34
    assert json.loads(svc.export_template())["version"] == 2
    assert json.loads(svc.export_template(version=1))["version"] == 1
    with pytest.raises(NotFound):
        svc.export_template("NO-SUCH")


def test_the_same_version_must_be_identical(
    make: Callable[[Session], DeliveryService], manager: Session, db: Database
) -> None:
    mgr = make(manager)
    mgr.ensure_templates()
    before = last_seq(db)
    assert mgr.import_template(BUNDLED) == parse_template(BUNDLED)  # identical: accepted
    assert last_seq(db) == before  # and nothing written
    changed = json.loads(BUNDLED)
    changed["items"][0]["zh"] = "车身漆面（已改）"
    with pytest.raises(ValidationError) as caught:
        mgr.import_template(json.dumps(changed, ensure_ascii=False))
    assert caught.value.field == "template"
    assert caught.value.params == {"version": "1", "code": "PDI-STD"}
    assert [t[:2] for t in mgr.templates()] == [("PDI-STD", 1)]
    assert (
        json.loads(mgr.export_template())["items"][0]["zh"]
        == parse_template(BUNDLED).items[0].text_zh
    )


def test_importing_a_template_needs_a_manager(svc: DeliveryService) -> None:
    with pytest.raises(PermissionDenied):
        svc.import_template(v2_text())


def test_ensure_templates_loads_the_bundled_file_once(svc: DeliveryService, db: Database) -> None:
    svc.ensure_templates()
    svc.ensure_templates()
    assert db.raw.execute("SELECT count(*) FROM pdi_template").fetchone()[0] == 1


# -- the happy path -----------------------------------------------------------------------


def test_full_delivery(
    svc: DeliveryService,
    make: Callable[[Session], DeliveryService],
    technician: Session,
    clock: Clock,
    db: Database,
    sales_id: str,
) -> None:
    car = new_car(db, svc.session, nev=True, serial=4, insurance=dt.date(2027, 6, 30))
    d = plan(svc, car, sales_id)
    did = d.id or ""
    svc.record_call(did, " 已电话确认交车时间 ")
    tech = make(technician)
    pass_pdi(tech, did)
    assert svc.open(did).delivery.status == DeliveryStatus.READY
    hand_over(svc, did)
    clock.now = dt.datetime.combine(DAY, dt.time(14))
    explain(svc, clock, did, minutes=35)
    assert svc.blockers(did) == []

    done = svc.deliver(did)
    assert done.status == DeliveryStatus.DELIVERED
    assert done.delivered_by == svc.session.staff.id
    assert done.delivered_at and done.delivered_at.endswith("Z")
    assert done.explanation == dt.timedelta(minutes=35)
    assert done.invoice_vin == car.vin

    expected = follow_ups(DAY, car.first_service_months, car.warranty_months, dt.date(2027, 6, 30))
    tasks = svc.open(did).tasks
    assert sorted(tasks) == sorted(
        (t.kind.value, t.opens.isoformat(), t.due.isoformat(), "open") for t in expected
    )
    assert len(tasks) == 9
    due = {(k, d_) for k, _, d_, _ in tasks}
    assert (FollowUp.CALLBACK.value, "2026-11-26") in due
    assert (FollowUp.CALLBACK.value, "2027-02-23") in due
    assert (
        FollowUp.FIRST_MAINTENANCE.value,
        add_months(DAY, car.first_service_months).isoformat(),
    ) in due
    assert (FollowUp.INSURANCE_RENEWAL.value, "2027-06-30") in due
    assert (FollowUp.ANNUAL_INSPECTION.value, "2032-11-25") in due
    rows = db.raw.execute(
        "SELECT customer_id, vehicle_id, assigned_to, source, site_id FROM care_task "
        "WHERE source_id = ?",
        (did,),
    ).fetchall()
    assert set(rows) == {
        (car.customer_id, car.vehicle_id, sales_id, "delivery", svc.session.site.id)
    }

    vehicle = VehicleRepository(db).get(car.vehicle_id)
    assert vehicle is not None and vehicle.sale_date == DAY

    kinds = event_kinds(svc, did)
    assert kinds == [
        "planned",
        "call",
        "pdi_signed",
        "explanation_started",
        "explanation_stopped",
        "delivered",
    ]
    events = svc.open(did).events
    assert events[1].detail == "已电话确认交车时间"
    assert events[4].detail == "35 min"
    assert events[2].actor_name == technician.staff.full_name
    assert svc.open(did).blockers == []


def test_an_existing_sale_date_is_kept(svc: DeliveryService, clock: Clock, db: Database) -> None:
    car = new_car(db, svc.session, nev=False, serial=5)
    vehicles = VehicleRepository(db)
    v = vehicles.get(car.vehicle_id)
    assert v is not None
    v.sale_date = dt.date(2026, 11, 1)
    vehicles.save(v, svc.session.staff.id)
    did = plan(svc, car).id or ""
    complete(svc, clock, did)
    svc.deliver(did)
    again = vehicles.get(car.vehicle_id)
    assert again is not None and again.sale_date == dt.date(2026, 11, 1)


def test_delivery_is_refused_with_the_exact_list_and_nothing_changes(
    svc: DeliveryService, ice: Car, db: Database
) -> None:
    did = plan(svc, ice).id or ""
    svc.set_item(did, "EX02", ItemResult.FAIL, "划痕")
    svc.set_invoice(did, "LSVAU2180N2999999", "dkx999999")
    svc.set_document(did, "keys", Handover.HANDED_OVER, count=0)
    before = state(db, did)
    with pytest.raises(DeliveryBlocked) as caught:
        svc.deliver(did)
    findings = caught.value.findings
    assert {f.blocker for f in findings} == {
        Blocker.PDI_OPEN,
        Blocker.PDI_FAILED,
        Blocker.PDI_NOT_SIGNED,
        Blocker.DOCUMENT_MISSING,
        Blocker.NO_KEYS,
        Blocker.VIN_MISMATCH,
        Blocker.ENGINE_MISMATCH,
        Blocker.TOPIC_MISSING,
        Blocker.NOT_STARTED,
    }
    assert sum(f.blocker == Blocker.PDI_OPEN for f in findings) == 33
    assert sum(f.blocker == Blocker.TOPIC_MISSING for f in findings) == 4
    missing = [f.params["item"] for f in findings if f.blocker == Blocker.DOCUMENT_MISSING]
    assert len(missing) == 9 and "机动车销售统一发票" in missing and "车钥匙" not in missing
    assert caught.value.params == {"count": str(len(findings))}
    assert findings == svc.blockers(did)
    assert state(db, did) == before
    assert svc.open(did).delivery.status == DeliveryStatus.PDI_FAILED
    vehicle = VehicleRepository(db).get(ice.vehicle_id)
    assert vehicle is not None and vehicle.sale_date is None


def test_a_failed_item_blocks_until_reinspected(
    svc: DeliveryService,
    make: Callable[[Session], DeliveryService],
    technician: Session,
    ice: Car,
    clock: Clock,
) -> None:
    did = plan(svc, ice).id or ""
    tech = make(technician)
    hand_over(svc, did)
    explain(svc, clock, did)
    for section in dict.fromkeys(i.section for i in svc.open(did).delivery.items):
        tech.all_pass(did, section, {"EX02"})
    d = tech.set_item(did, "EX02", ItemResult.FAIL, "右前门下沿有约 3 cm 划痕")
    assert d.status == DeliveryStatus.PDI_FAILED
    with pytest.raises(DeliveryBlocked) as caught:
        tech.sign_pdi(did)
    assert [f.blocker for f in caught.value.findings] == [Blocker.PDI_FAILED]
    assert caught.value.findings[0].params["item"].startswith("EX02 ")
    with pytest.raises(DeliveryBlocked) as refused:
        svc.deliver(did)
    assert {f.blocker for f in refused.value.findings} == {
        Blocker.PDI_FAILED,
        Blocker.PDI_NOT_SIGNED,
    }

    d = tech.set_item(did, "EX02", ItemResult.PASS, "已抛光处理，复检合格")
    item = next(i for i in d.items if i.code == "EX02")
    assert (item.result, item.reinspected, item.note) == (
        ItemResult.PASS,
        True,
        "已抛光处理，复检合格",
    )
    assert d.status == DeliveryStatus.PDI_IN_PROGRESS  # not signed yet
    assert tech.sign_pdi(did).status == DeliveryStatus.READY
    assert svc.deliver(did).status == DeliveryStatus.DELIVERED


def test_sign_pdi_is_refused_while_items_are_open(
    svc: DeliveryService, ice: Car, db: Database
) -> None:
    did = plan(svc, ice).id or ""
    svc.all_pass(did, "EXT", {"EX03"})
    before = state(db, did)
    with pytest.raises(DeliveryBlocked) as caught:
        svc.sign_pdi(did)
    assert {f.blocker for f in caught.value.findings} == {Blocker.PDI_OPEN}
    assert len(caught.value.findings) == 34 - 4
    assert state(db, did) == before
    assert svc.open(did).delivery.pdi_signed_by is None


def test_changing_an_item_after_sign_off_withdraws_the_signature(
    svc: DeliveryService, ice: Car
) -> None:
    did = plan(svc, ice).id or ""
    pass_pdi(svc, did)
    assert svc.open(did).delivery.pdi_signed_by == svc.session.staff.id
    d = svc.set_item(did, "IN01", ItemResult.NOT_APPLICABLE)
    assert d.pdi_signed_by is None
    assert d.status == DeliveryStatus.PDI_IN_PROGRESS


def test_all_pass_keeps_exceptions_and_results_already_given(
    svc: DeliveryService, ice: Car
) -> None:
    did = plan(svc, ice).id or ""
    svc.set_item(did, "EX01", ItemResult.NOT_APPLICABLE)
    d = svc.all_pass(did, "EXT", {"EX05"})
    results = {i.code: i.result for i in d.items if i.section == "EXT"}
    assert results == {
        "EX01": ItemResult.NOT_APPLICABLE,
        "EX02": ItemResult.PASS,
        "EX03": ItemResult.PASS,
        "EX04": ItemResult.PASS,
        "EX05": ItemResult.OPEN,
    }
    assert all(i.result == ItemResult.OPEN for i in d.items if i.section != "EXT")
    assert d.status == DeliveryStatus.PDI_IN_PROGRESS


# -- documents and explanation ------------------------------------------------------------


def test_only_keys_and_the_registration_certificate_can_be_held_by_the_lender(
    svc: DeliveryService, ice: Car
) -> None:
    did = plan(svc, ice).id or ""
    for code in ("invoice", "coc", "registration", "tool_kit"):
        with pytest.raises(ValidationError) as caught:
            svc.set_document(did, code, Handover.HELD_BY_LENDER)
        assert caught.value.field == "state"
    svc.set_document(did, "registration_cert", Handover.HELD_BY_LENDER, " 按揭 ")
    d = svc.set_document(did, "keys", Handover.HELD_BY_LENDER, "备用钥匙在银行", 1)
    docs = {doc.code: doc for doc in d.documents}
    assert (docs["registration_cert"].state, docs["registration_cert"].note) == (
        Handover.HELD_BY_LENDER,
        "按揭",
    )
    assert (docs["keys"].state, docs["keys"].count) == (Handover.HELD_BY_LENDER, 1)
    with pytest.raises(NotFound):
        svc.set_document(did, "charging_cable", Handover.HANDED_OVER)  # not on an ICE car


def test_key_count(svc: DeliveryService, ice: Car) -> None:
    did = plan(svc, ice).id or ""
    with pytest.raises(ValidationError) as caught:
        svc.set_document(did, "keys", Handover.HANDED_OVER, count=-1)
    assert caught.value.field == "count"
    svc.set_document(did, "keys", Handover.HANDED_OVER, count=0)
    assert Blocker.NO_KEYS in {f.blocker for f in svc.blockers(did)}
    d = svc.set_document(did, "keys", Handover.HANDED_OVER, count=1)
    assert next(x for x in d.documents if x.code == "keys").count == 1
    assert Blocker.NO_KEYS not in {f.blocker for f in svc.blockers(did)}
    d = svc.set_document(did, "keys", Handover.HANDED_OVER, "note only")  # count kept
    assert next(x for x in d.documents if x.code == "keys").count == 1


def test_invoice_vin_is_normalised_and_compared(svc: DeliveryService, ice: Car) -> None:
    did = plan(svc, ice).id or ""
    d = svc.set_invoice(did, " " + ice.vin.lower()[:8] + " " + ice.vin.lower()[8:], " dkx000001 ")
    assert (d.invoice_vin, d.invoice_engine) == (ice.vin, "DKX000001")
    kinds = {f.blocker for f in svc.blockers(did)}
    assert Blocker.VIN_MISMATCH not in kinds and Blocker.ENGINE_MISMATCH not in kinds


def test_explanation_is_timed_with_the_service_clock(
    svc: DeliveryService, ice: Car, clock: Clock
) -> None:
    did = plan(svc, ice).id or ""
    with pytest.raises(ValidationError) as caught:
        svc.stop_explanation(did)
    assert caught.value.field == "explanation"
    svc.start_explanation(did)
    clock.advance(minutes=29, seconds=59)
    d = svc.stop_explanation(did)
    assert d.explanation == dt.timedelta(minutes=29, seconds=59)
    short = [f for f in svc.blockers(did) if f.blocker == Blocker.EXPLANATION_SHORT]
    assert [f.params for f in short] == [{"minutes": "29"}]
    svc.start_explanation(did)  # a restart times again from now
    assert svc.open(did).delivery.explanation is None
    clock.advance(minutes=30)
    assert svc.stop_explanation(did).explanation == dt.timedelta(minutes=30)
    assert Blocker.EXPLANATION_SHORT not in {f.blocker for f in svc.blockers(did)}


def test_a_short_explanation_needs_a_managers_reason(
    svc: DeliveryService,
    make: Callable[[Session], DeliveryService],
    manager: Session,
    ice: Car,
    clock: Clock,
) -> None:
    did = plan(svc, ice).id or ""
    pass_pdi(svc, did)
    hand_over(svc, did)
    explain(svc, clock, did, minutes=20)
    with pytest.raises(DeliveryBlocked) as caught:
        svc.deliver(did)
    assert [(f.blocker, f.params) for f in caught.value.findings] == [
        (Blocker.EXPLANATION_SHORT, {"minutes": "20"})
    ]
    with pytest.raises(PermissionDenied):
        svc.accept_short_explanation(did, "客户赶时间")
    mgr = make(manager)
    with pytest.raises(ValidationError) as refused:
        mgr.accept_short_explanation(did, "   ")
    assert refused.value.field == "short_reason"
    d = mgr.accept_short_explanation(did, " 客户赶飞机，已约定三天内补充讲解 ")
    assert d.short_reason == "客户赶飞机，已约定三天内补充讲解"
    assert svc.blockers(did) == []
    assert svc.deliver(did).status == DeliveryStatus.DELIVERED
    events = svc.open(did).events
    accepted = [e for e in events if e.kind == "short_explanation_accepted"]
    assert [(e.detail, e.actor_name) for e in accepted] == [
        ("客户赶飞机，已约定三天内补充讲解", manager.staff.full_name)
    ]


def test_topics_are_stored_once_and_sorted(svc: DeliveryService, nev: Car) -> None:
    did = plan(svc, nev).id or ""
    d = svc.set_topics(did, ["maintenance", "controls", "maintenance"])
    assert d.topics_done == ["controls", "maintenance"]
    missing = [f.params["item"] for f in svc.blockers(did) if f.blocker == Blocker.TOPIC_MISSING]
    assert missing == [t[1] for t in topics_for(True) if t[0] not in d.topics_done]


# -- after delivery -----------------------------------------------------------------------


@pytest.fixture
def delivered(svc: DeliveryService, ice: Car, clock: Clock) -> str:
    did = plan(svc, ice).id or ""
    complete(svc, clock, did)
    svc.deliver(did)
    return did


def test_edits_after_delivery_raise_delivery_closed(
    svc: DeliveryService, delivered: str, db: Database
) -> None:
    did = delivered
    before = state(db, did)
    edits: list[Callable[[], object]] = [
        lambda: svc.set_item(did, "EX01", ItemResult.FAIL),
        lambda: svc.all_pass(did, "EXT", set()),
        lambda: svc.sign_pdi(did),
        lambda: svc.set_document(did, "tool_kit", Handover.NOT_APPLICABLE),
        lambda: svc.set_invoice(did, "LSVAU2180N2999999", "X"),
        lambda: svc.start_explanation(did),
        lambda: svc.stop_explanation(did),
        lambda: svc.set_topics(did, []),
        lambda: svc.deliver(did),
    ]
    for edit in edits:
        with pytest.raises(DeliveryClosed):
            edit()
    assert state(db, did) == before


def test_no_photo_is_added_after_delivery(
    svc: DeliveryService, delivered: str, db: Database, tmp_path: Path
) -> None:
    photo = tmp_path / "p.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    before = state(db, delivered)
    with pytest.raises(DeliveryClosed):
        svc.add_photo(delivered, "EX01", photo)
    assert state(db, delivered) == before
    assert not (tmp_path / "photos").exists() or not list((tmp_path / "photos").iterdir())


def test_reopen_needs_a_manager_and_a_reason(
    svc: DeliveryService,
    make: Callable[[Session], DeliveryService],
    manager: Session,
    delivered: str,
) -> None:
    with pytest.raises(PermissionDenied):
        svc.reopen(delivered, "客户要求更换脚垫")
    mgr = make(manager)
    with pytest.raises(ValidationError) as caught:
        mgr.reopen(delivered, "  ")
    assert caught.value.field == "reason"
    assert svc.open(delivered).delivery.status == DeliveryStatus.DELIVERED
    d = mgr.reopen(delivered, " 发票车架号录入错误 ")
    assert (d.status, d.reopen_reason) == (DeliveryStatus.READY, "发票车架号录入错误")
    reopened = [e for e in svc.open(delivered).events if e.kind == "reopened"]
    assert [(e.detail, e.actor_name) for e in reopened] == [
        ("发票车架号录入错误", manager.staff.full_name)
    ]


def test_changes_after_reopening_are_logged_and_tasks_are_made_once(
    svc: DeliveryService,
    make: Callable[[Session], DeliveryService],
    manager: Session,
    delivered: str,
    db: Database,
    ice: Car,
    clock: Clock,
) -> None:
    tasks = svc.open(delivered).tasks
    make(manager).reopen(delivered, "补录备用钥匙")
    svc.set_document(delivered, "keys", Handover.HANDED_OVER, "三把", 3)
    svc.set_item(delivered, "EX01", ItemResult.NOT_APPLICABLE)
    changed = [e.detail for e in svc.open(delivered).events if e.kind == "changed_after_delivery"]
    assert changed == ["keys: handed_over", "PDI EX01: pass → na"]
    svc.sign_pdi(delivered)
    clock.advance(days=1)
    assert svc.deliver(delivered).status == DeliveryStatus.DELIVERED
    assert svc.open(delivered).tasks == tasks  # not created a second time
    vehicle = VehicleRepository(db).get(ice.vehicle_id)
    assert vehicle is not None and vehicle.sale_date == DAY
    assert event_kinds(svc, delivered).count("delivered") == 2


CHANGES_AFTER_REOPENING: dict[str, Callable[[DeliveryService, str], object]] = {
    "set_item": lambda s, d: s.set_item(d, "EX02", ItemResult.NOT_APPLICABLE),
    "set_document": lambda s, d: s.set_document(d, "tool_kit", Handover.NOT_APPLICABLE),
    "set_invoice": lambda s, d: s.set_invoice(d, "LSVAU2180N2999999", "DKX999999"),
    "set_topics": lambda s, d: s.set_topics(d, ["controls"]),
    "all_pass": lambda s, d: s.all_pass(d, "EXT", set()),
}
SETUP_AFTER_REOPENING: dict[str, Callable[[DeliveryService, str], object]] = {
    "all_pass": lambda s, d: s.set_item(d, "EX03", ItemResult.OPEN),
}


@pytest.mark.parametrize("change", list(CHANGES_AFTER_REOPENING))
def test_every_change_after_reopening_is_a_history_event(
    change: str,
    svc: DeliveryService,
    make: Callable[[Session], DeliveryService],
    manager: Session,
    delivered: str,
) -> None:
    """The service promises: after delivery every change is also a history event."""
    make(manager).reopen(delivered, "客户投诉资料有误")
    SETUP_AFTER_REOPENING.get(change, lambda s, d: None)(svc, delivered)
    before = event_kinds(svc, delivered).count("changed_after_delivery")
    CHANGES_AFTER_REOPENING[change](svc, delivered)
    after = event_kinds(svc, delivered).count("changed_after_delivery")
    assert after > before, f"{change} after reopening left no 'changed_after_delivery' event"


# -- photos -------------------------------------------------------------------------------


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 32


@pytest.fixture
def tech(make: Callable[[Session], DeliveryService], technician: Session) -> DeliveryService:
    return make(technician)


def test_a_png_is_stored_in_the_photo_folder(
    svc: DeliveryService, tech: DeliveryService, ice: Car, tmp_path: Path
) -> None:
    did = plan(svc, ice).id or ""
    source = tmp_path / "IMG_0001.PNG"
    source.write_bytes(PNG)
    name = tech.add_photo(did, "EX02", source)
    assert name.startswith(f"{did}-EX02-") and name.endswith(".png")
    stored = tmp_path / "photos" / name
    assert stored.read_bytes() == PNG
    item = next(i for i in svc.open(did).delivery.items if i.code == "EX02")
    assert item.photos == [name]
    jpeg = tmp_path / "scratch.bin"  # the content decides, not the file name
    jpeg.write_bytes(JPEG)
    second = tech.add_photo(did, "EX02", jpeg)
    assert second.endswith(".jpg")
    item = next(i for i in svc.open(did).delivery.items if i.code == "EX02")
    assert item.photos == [name, second]


def test_a_photo_of_exactly_8_mb_is_accepted(
    svc: DeliveryService, tech: DeliveryService, ice: Car, tmp_path: Path
) -> None:
    did = plan(svc, ice).id or ""
    source = tmp_path / "big.jpg"
    source.write_bytes(JPEG + b"\0" * (8 * 1024 * 1024 - len(JPEG)))
    name = tech.add_photo(did, "EX01", source)
    assert (tmp_path / "photos" / name).stat().st_size == 8 * 1024 * 1024


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("备注：右前门划痕".encode(), "not a photo"),
        (b"GIF89a" + b"\0" * 20, "not a photo"),
        (b"", "not a photo"),
        (PNG + b"\0" * (8 * 1024 * 1024 + 1 - len(PNG)), "larger than 8 MB"),
    ],
    ids=["text", "gif", "empty", "over-8-mb"],
)
def test_other_files_are_refused(
    content: bytes,
    message: str,
    svc: DeliveryService,
    tech: DeliveryService,
    ice: Car,
    tmp_path: Path,
    db: Database,
) -> None:
    did = plan(svc, ice).id or ""
    source = tmp_path / "photo.png"
    source.write_bytes(content)
    before = state(db, did)
    with pytest.raises(ValidationError, match=message) as caught:
        tech.add_photo(did, "EX01", source)
    assert caught.value.field == "photo"
    assert state(db, did) == before
    assert not (tmp_path / "photos").exists() or not list((tmp_path / "photos").iterdir())


def test_a_missing_photo_file_is_refused(
    svc: DeliveryService, tech: DeliveryService, ice: Car, tmp_path: Path
) -> None:
    did = plan(svc, ice).id or ""
    with pytest.raises(ValidationError, match="cannot be read"):
        tech.add_photo(did, "EX01", tmp_path / "nowhere.jpg")


# -- permissions --------------------------------------------------------------------------


def test_the_role_table_matches_the_delivery_duties() -> None:
    assert Permission.PDI_INSPECT not in ROLE_PERMISSIONS[Role.SERVICE_ADVISOR]
    assert Permission.DELIVER_VEHICLES not in ROLE_PERMISSIONS[Role.SERVICE_ADVISOR]
    assert Permission.PDI_INSPECT in ROLE_PERMISSIONS[Role.TECHNICIAN]
    assert Permission.DELIVER_VEHICLES not in ROLE_PERMISSIONS[Role.TECHNICIAN]
    both = {Permission.PDI_INSPECT, Permission.DELIVER_VEHICLES}
    assert both <= ROLE_PERMISSIONS[Role.DELIVERY_SPECIALIST]
    assert Permission.REOPEN_DELIVERY not in ROLE_PERMISSIONS[Role.DELIVERY_SPECIALIST]
    assert Permission.REOPEN_DELIVERY in ROLE_PERMISSIONS[Role.MANAGER]


def test_an_advisor_can_neither_plan_nor_inspect(
    svc: DeliveryService,
    make: Callable[[Session], DeliveryService],
    advisor: Session,
    ice: Car,
    tmp_path: Path,
) -> None:
    did = plan(svc, ice).id or ""
    adv = make(advisor)
    photo = tmp_path / "p.png"
    photo.write_bytes(PNG)
    for action in (
        lambda: adv.plan(ice.customer_id, ice.vehicle_id, PLANNED),
        lambda: adv.set_item(did, "EX01", ItemResult.PASS),
        lambda: adv.all_pass(did, "EXT", set()),
        lambda: adv.sign_pdi(did),
        lambda: adv.add_photo(did, "EX01", photo),
        lambda: adv.set_document(did, "invoice", Handover.HANDED_OVER),
        lambda: adv.record_call(did, "x"),
        lambda: adv.deliver(did),
    ):
        with pytest.raises(PermissionDenied):
            action()
    assert svc.open(did).delivery.items[0].result == ItemResult.OPEN


def test_a_technician_inspects_but_cannot_deliver(
    svc: DeliveryService, tech: DeliveryService, ice: Car, clock: Clock
) -> None:
    did = plan(svc, ice).id or ""
    pass_pdi(tech, did)  # allowed
    assert svc.open(did).delivery.pdi_signed_name == tech.session.staff.full_name
    for action in (
        lambda: tech.plan(ice.customer_id, ice.vehicle_id, PLANNED),
        lambda: tech.set_document(did, "invoice", Handover.HANDED_OVER),
        lambda: tech.set_invoice(did, ice.vin, ice.engine_no),
        lambda: tech.start_explanation(did),
        lambda: tech.set_topics(did, ["controls"]),
        lambda: tech.deliver(did),
        lambda: tech.reopen(did, "x"),
        lambda: tech.accept_short_explanation(did, "x"),
    ):
        with pytest.raises(PermissionDenied):
            action()
    hand_over(svc, did)
    explain(svc, clock, did)
    with pytest.raises(PermissionDenied):
        tech.deliver(did)
    assert svc.open(did).delivery.status == DeliveryStatus.READY


# -- the manufacturer's export ------------------------------------------------------------


def test_export_of_the_days_deliveries(
    svc: DeliveryService, clock: Clock, db: Database, tmp_path: Path, sales_id: str
) -> None:
    first = new_car(db, svc.session, nev=False, serial=6)
    second = new_car(db, svc.session, nev=True, serial=7)
    third = new_car(db, svc.session, nev=False, serial=8)  # planned, not delivered
    ids = []
    for car in (first, second):
        did = plan(svc, car, sales_id).id or ""
        complete(svc, clock, did)
        svc.deliver(did)
        ids.append(did)
    plan(svc, third)
    numbers = [svc.open(i).delivery.number for i in ids]
    models = [svc.open(i).delivery.model_name for i in ids]

    before = last_seq(db)
    csv_path, json_path = svc.export(DAY, tmp_path / "out")
    code = svc.session.site.code
    assert csv_path == tmp_path / "out" / f"deliveries-{code}-20261125.csv"
    assert json_path == tmp_path / "out" / f"deliveries-{code}-20261125.json"
    assert not list((tmp_path / "out").glob("*.part"))

    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    assert text.split("\r\n")[0] == EXPORT_HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    masked = "310***********1234"
    assert rows == [
        {
            "customer_name": "欧阳娜娜",
            "phone": f"1391234{serial:04d}",
            "address": "上海市浦东新区世纪大道 100 号",
            "birthday": "1990-01-01",
            "id_number": masked,
            "vin": car.vin,
            "model": model,
            "delivery_date": "2026-11-25",
            "sales_consultant": "杨欣怡",
            "dealer_code": code,
            "record_number": number,
        }
        for serial, car, model, number in zip((6, 7), (first, second), models, numbers, strict=True)
    ]
    assert ID_NUMBER not in text

    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["dealer"] == code
    assert data["date"] == "2026-11-25"
    assert data["due"] == "2026-11-26T09:30"
    assert data["deliveries"] == rows
    assert ID_NUMBER not in json_path.read_text(encoding="utf-8")

    files = db.raw.execute(
        "SELECT kind, day, file_name, sha256, rows, site_id, updated_by FROM export_file "
        "ORDER BY file_name"
    ).fetchall()
    assert files == [
        (
            "deliveries",
            "2026-11-25",
            path.name,
            hashlib.sha256(path.read_bytes()).hexdigest(),
            2,
            svc.session.site.id,
            svc.session.staff.id,
        )
        for path in (csv_path, json_path)
    ]
    assert journal_since(db, before) == [("export_file", "I", svc.session.staff.id)] * 2


def test_a_day_without_deliveries_exports_a_header_only(
    svc: DeliveryService, tmp_path: Path
) -> None:
    csv_path, json_path = svc.export(dt.date(2026, 12, 25), tmp_path)
    assert csv_path.read_bytes() == b"\xef\xbb\xbf" + EXPORT_HEADER.encode() + b"\r\n"
    assert json.loads(json_path.read_text(encoding="utf-8"))["deliveries"] == []


def test_the_demo_day_exports_the_demo_deliveries(svc: DeliveryService) -> None:
    rows = svc.export_rows(DEMO_TODAY)
    assert rows
    assert all(r["record_number"].startswith("JC2026") for r in rows)
    assert all("*" in r["id_number"] or not r["id_number"] for r in rows)


# -- the journal --------------------------------------------------------------------------


@pytest.fixture
def journal(db: Database) -> Iterator[Callable[[], list[tuple[str, str, str | None]]]]:
    mark = [last_seq(db)]

    def take() -> list[tuple[str, str, str | None]]:
        rows = journal_since(db, mark[0])
        mark[0] = last_seq(db)
        return rows

    yield take


def test_every_write_is_journaled_with_its_actor(
    svc: DeliveryService,
    make: Callable[[Session], DeliveryService],
    manager: Session,
    technician: Session,
    ice: Car,
    clock: Clock,
    journal: Callable[[], list[tuple[str, str, str | None]]],
    tmp_path: Path,
) -> None:
    me, tech_id = svc.session.staff.id, technician.staff.id
    svc.ensure_templates()
    assert journal() == []  # the demo database has the bundled template already
    did = plan(svc, ice).id or ""
    rows = journal()
    assert rows[0] == ("delivery", "I", me)
    assert rows.count(("delivery_item", "I", me)) == 34
    assert rows.count(("delivery_document", "I", me)) == 13
    assert rows[-1] == ("delivery_event", "I", me)

    steps: list[tuple[Callable[[], object], set[tuple[str, str, str | None]]]] = []
    tech = make(technician)
    steps = [
        (lambda: svc.record_call(did, "已确认"), {("delivery_event", "I", me)}),
        (
            lambda: tech.set_item(did, "EX01", ItemResult.PASS),
            {("delivery_item", "U", tech_id), ("delivery", "U", tech_id)},
        ),
        (
            lambda: tech.all_pass(did, "EXT", set()),
            {("delivery_item", "U", tech_id)},
        ),
        (
            lambda: svc.set_document(did, "invoice", Handover.HANDED_OVER),
            {("delivery_document", "U", me)},
        ),
        (lambda: svc.set_invoice(did, ice.vin, ice.engine_no), {("delivery", "U", me)}),
        (
            lambda: svc.start_explanation(did),
            {("delivery", "U", me), ("delivery_event", "I", me)},
        ),
        (lambda: svc.set_topics(did, ["controls"]), {("delivery", "U", me)}),
    ]
    for action, expected in steps:
        action()
        assert set(journal()) == expected, action

    for section in dict.fromkeys(i.section for i in svc.open(did).delivery.items):
        tech.all_pass(did, section, set())
    journal()
    tech.sign_pdi(did)
    assert set(journal()) == {("delivery", "U", tech_id), ("delivery_event", "I", tech_id)}
    hand_over(svc, did)
    explain(svc, clock, did)
    journal()
    svc.deliver(did)
    rows = journal()
    assert rows.count(("care_task", "I", me)) == 9
    assert {("delivery", "U", me), ("delivery_event", "I", me), ("vehicle", "U", me)} <= set(rows)
    assert {r[2] for r in rows} == {me}
    make(manager).reopen(did, "更正")
    assert set(journal()) == {
        ("delivery", "U", manager.staff.id),
        ("delivery_event", "I", manager.staff.id),
    }
