"""CustomerService against a real demo database: saving, reading back, refusals, history."""

from __future__ import annotations

import re
from typing import Any

import pytest

from desktop_app.domain.customers import ContactTask, Customer, DoNotContact, Tier, Vehicle
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identifiers import id_check_char
from desktop_app.domain.staff import Session
from desktop_app.domain.vin import InvalidVin, check_digit_ok, with_check_digit
from desktop_app.services.customers import CustomerService
from desktop_app.services.errors import DuplicatePhone, DuplicateVin, NotFound, PermissionDenied
from desktop_app.storage.db import Database
from desktop_app.storage.repositories import CustomerRepository
from tests.conftest import session_as

ID_NUMBER = "31011519850612123" + id_check_char("31011519850612123")
ID_MASKED = ID_NUMBER[:3] + "*" * 11 + ID_NUMBER[-4:]
NAME = "欧阳晓燕"
CHINA_VIN = with_check_digit("LSVAU2180N2654321")
IMPORT_VIN_BAD_CHECK = "WVWZZZ1KZ6W123456"  # check digit should be X


def unused_mobile(db: Database, start: int = 19_912_340_000) -> str:
    for n in range(start, start + 1000):
        if CustomerRepository(db).with_phone(str(n)) is None:
            return str(n)
    raise AssertionError("no free mobile number")


def new_customer(db: Database, **extra: Any) -> Customer:
    return Customer(name=NAME, mobile=unused_mobile(db), id_number=ID_NUMBER, **extra)


def stored(db: Database, sql: str, *params: object) -> tuple:
    row = db.raw.execute(sql, params).fetchone()
    assert row is not None
    return tuple(row)


def demo_vehicle(db: Database) -> tuple[str, str, str]:
    """(vin, owner id, owner name) of a live demo vehicle that has an owner."""
    return stored(
        db,
        "SELECT v.vin, c.id, c.name FROM vehicle v JOIN customer c ON c.id = v.customer_id "
        "WHERE v.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY v.created_at LIMIT 1",
    )


# -- saving and reading back ------------------------------------------------------------------


def test_new_customer_reads_back_with_vehicles_and_history(db: Database, manager: Session) -> None:
    service = CustomerService(db, manager)
    customer = new_customer(db, city="上海市", tier=Tier.INTENTION, tags=["老客户介绍", " "])
    mobile = customer.mobile

    customer_id = service.save_customer(customer)
    vehicle_id, warnings = service.save_vehicle(
        Vehicle(vin=CHINA_VIN.lower(), customer_id=customer_id, plate="沪a·d12345")
    )
    file = service.open_file(customer_id)

    assert customer_id and vehicle_id and warnings == []
    assert file.customer.id == customer_id
    assert file.customer.name == NAME
    assert file.customer.mobile == mobile
    assert file.customer.city == "上海市"
    assert file.customer.tier is Tier.INTENTION
    assert file.customer.tags == ["老客户介绍"]
    assert [(v.id, v.vin, v.plate) for v in file.vehicles] == [(vehicle_id, CHINA_VIN, "沪AD12345")]
    inserts = [(h.table, h.row_id, h.actor_name) for h in file.history if h.op == "I"]
    assert ("customer", customer_id, "王建国") in inserts
    assert ("vehicle", vehicle_id, "王建国") in inserts
    # newest first
    assert [h.hlc for h in file.history] == sorted((h.hlc for h in file.history), reverse=True)


def test_saved_name_is_stored_as_chinese_text(db: Database, advisor: Session) -> None:
    customer_id = CustomerService(db, advisor).save_customer(new_customer(db))

    assert stored(db, "SELECT name, updated_by FROM customer WHERE id = ?", customer_id) == (
        NAME,
        advisor.staff.id,
    )


def test_mobile_is_normalised_before_saving(db: Database, manager: Session) -> None:
    mobile = unused_mobile(db)
    typed = f"+86 {mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    customer_id = CustomerService(db, manager).save_customer(Customer(name=NAME, mobile=typed))

    assert stored(db, "SELECT mobile FROM customer WHERE id = ?", customer_id) == (mobile,)


@pytest.mark.parametrize(
    "username", ["admin", "manager", "advisor1", "tech1", "sales1", "delivery1", "care1"]
)
def test_id_number_is_masked_in_open_file_for_every_role(
    db: Database, manager: Session, username: str
) -> None:
    customer_id = CustomerService(db, manager).save_customer(new_customer(db))

    file = CustomerService(db, session_as(db, username)).open_file(customer_id)

    assert file.customer.id_number == ID_MASKED
    assert ID_NUMBER not in repr(file)


def test_editing_with_untouched_masked_id_keeps_the_real_number(
    db: Database, manager: Session
) -> None:
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))
    customer = service.open_file(customer_id).customer
    assert customer.id_number == ID_MASKED

    customer.city = "苏州市"
    service.save_customer(customer)

    assert stored(db, "SELECT id_number, city FROM customer WHERE id = ?", customer_id) == (
        ID_NUMBER,
        "苏州市",
    )


def test_editing_with_a_new_id_number_stores_the_new_one(db: Database, manager: Session) -> None:
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))
    customer = service.open_file(customer_id).customer
    other = "32050519900101456" + id_check_char("32050519900101456")

    customer.id_number = other
    service.save_customer(customer)

    assert stored(db, "SELECT id_number FROM customer WHERE id = ?", customer_id) == (other,)


def test_edit_is_logged_as_an_update_naming_the_changed_column(
    db: Database, manager: Session
) -> None:
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))
    customer = service.open_file(customer_id).customer
    customer.notes = "喜欢周末来店"
    service.save_customer(customer)

    updates = [h for h in service.open_file(customer_id).history if h.op == "U"]
    assert len(updates) == 1
    assert updates[0].table == "customer"
    assert "notes" in updates[0].changed
    assert "id_number" not in updates[0].changed
    assert updates[0].actor_name == "王建国"


# -- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("mobile", ["1381234567", "23812345678", "138-1234-56x8", "电话"])
def test_malformed_phone_is_refused_naming_mobile(
    db: Database, manager: Session, mobile: str
) -> None:
    before = stored(db, "SELECT count(*) FROM customer")

    with pytest.raises(ValidationError) as refused:
        CustomerService(db, manager).save_customer(Customer(name=NAME, mobile=mobile))

    assert refused.value.field == "mobile"
    assert stored(db, "SELECT count(*) FROM customer") == before


def test_missing_name_is_refused_naming_name(db: Database, manager: Session) -> None:
    with pytest.raises(ValidationError) as refused:
        CustomerService(db, manager).save_customer(Customer(name="  ", mobile=unused_mobile(db)))

    assert refused.value.field == "name"


def test_phone_of_another_customer_is_refused_naming_that_customer(
    db: Database, manager: Session
) -> None:
    other_id, other_name, other_mobile = stored(
        db, "SELECT id, name, mobile FROM customer WHERE deleted_at IS NULL LIMIT 1"
    )
    before = stored(db, "SELECT count(*) FROM customer")

    with pytest.raises(DuplicatePhone) as refused:
        CustomerService(db, manager).save_customer(Customer(name=NAME, mobile=other_mobile))

    assert refused.value.other_id == other_id
    assert refused.value.field == "mobile"
    assert other_name in str(refused.value)
    assert stored(db, "SELECT count(*) FROM customer") == before


def test_second_phone_of_another_customer_is_refused_naming_phone2(
    db: Database, manager: Session
) -> None:
    other_id, other_mobile = stored(
        db, "SELECT id, mobile FROM customer WHERE deleted_at IS NULL LIMIT 1"
    )

    with pytest.raises(DuplicatePhone) as refused:
        CustomerService(db, manager).save_customer(
            Customer(name=NAME, mobile=unused_mobile(db), phone2=other_mobile)
        )

    assert refused.value.other_id == other_id
    assert refused.value.field == "phone2"


def test_customer_keeps_its_own_phone_when_edited(db: Database, manager: Session) -> None:
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))
    customer = service.open_file(customer_id).customer

    customer.address = "上海市浦东新区世纪大道 100 号"
    assert service.save_customer(customer) == customer_id


def test_technician_cannot_save_customers_or_vehicles(db: Database, technician: Session) -> None:
    service = CustomerService(db, technician)
    before = stored(db, "SELECT count(*) FROM customer")

    with pytest.raises(PermissionDenied):
        service.save_customer(new_customer(db))
    with pytest.raises(PermissionDenied):
        service.save_vehicle(Vehicle(vin=CHINA_VIN))

    assert stored(db, "SELECT count(*) FROM customer") == before
    # reading is allowed
    customer_id = stored(db, "SELECT id FROM customer WHERE deleted_at IS NULL LIMIT 1")[0]
    assert service.open_file(customer_id).customer.id == customer_id


# -- vehicles --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "vin",
    [
        CHINA_VIN[:-1],  # 16 characters
        CHINA_VIN + "1",  # 18 characters
        CHINA_VIN[:10] + "O" + CHINA_VIN[11:],  # O is never used
        CHINA_VIN[:8] + ("1" if CHINA_VIN[8] != "1" else "2") + CHINA_VIN[9:],  # China: check
    ],
)
def test_invalid_vin_is_refused_naming_vin(db: Database, manager: Session, vin: str) -> None:
    with pytest.raises(InvalidVin) as refused:
        CustomerService(db, manager).save_vehicle(Vehicle(vin=vin))

    assert refused.value.field == "vin"
    assert stored(db, "SELECT count(*) FROM vehicle WHERE vin = ?", vin) == (0,)


def test_duplicate_vin_is_refused_naming_the_owner(db: Database, manager: Session) -> None:
    vin, owner_id, owner_name = demo_vehicle(db)
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))

    with pytest.raises(DuplicateVin) as refused:
        service.save_vehicle(Vehicle(vin=vin.lower(), customer_id=customer_id))

    assert refused.value.owner_id == owner_id
    assert refused.value.field == "vin"
    assert owner_name in str(refused.value)
    assert stored(db, "SELECT count(*) FROM vehicle WHERE vin = ?", vin) == (1,)


def test_import_vin_with_wrong_check_digit_warns_then_saves_when_accepted(
    db: Database, manager: Session
) -> None:
    assert not check_digit_ok(IMPORT_VIN_BAD_CHECK)
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))

    vehicle_id, warnings = service.save_vehicle(
        Vehicle(vin=IMPORT_VIN_BAD_CHECK, customer_id=customer_id)
    )
    assert vehicle_id == ""
    assert len(warnings) == 1 and "check digit" in warnings[0]
    assert stored(db, "SELECT count(*) FROM vehicle WHERE vin = ?", IMPORT_VIN_BAD_CHECK) == (0,)

    vehicle_id, warnings = service.save_vehicle(
        Vehicle(vin=IMPORT_VIN_BAD_CHECK, customer_id=customer_id), accept_warnings=True
    )
    assert vehicle_id
    assert warnings
    assert stored(
        db, "SELECT id, customer_id FROM vehicle WHERE vin = ?", IMPORT_VIN_BAD_CHECK
    ) == (
        vehicle_id,
        customer_id,
    )
    assert [v.vin for v in service.open_file(customer_id).vehicles] == [IMPORT_VIN_BAD_CHECK]


def test_editing_a_vehicle_keeps_its_own_vin(db: Database, manager: Session) -> None:
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))
    vehicle_id, _ = service.save_vehicle(Vehicle(vin=CHINA_VIN, customer_id=customer_id))
    vehicle = service.vehicle(vehicle_id)

    vehicle.mileage_km = 12_345
    assert service.save_vehicle(vehicle) == (vehicle_id, [])
    assert stored(db, "SELECT mileage_km FROM vehicle WHERE id = ?", vehicle_id) == (12_345,)


# -- do not contact --------------------------------------------------------------------------


def dnc_rows(db: Database, customer_id: str) -> list[tuple[str, str, bool]]:
    rows = db.raw.execute(
        "SELECT task, reason, deleted_at IS NOT NULL FROM customer_dnc WHERE customer_id = ? "
        "ORDER BY created_at",
        (customer_id,),
    ).fetchall()
    return [(r[0], r[1], bool(r[2])) for r in rows]


def test_do_not_contact_is_saved_updated_and_removed_with_history(
    db: Database, manager: Session
) -> None:
    service = CustomerService(db, manager)
    customer = new_customer(db)
    customer.do_not_contact = [DoNotContact(ContactTask.MARKETING, "  不要营销电话  ")]
    customer_id = service.save_customer(customer)

    file = service.open_file(customer_id)
    assert file.customer.do_not_contact == [DoNotContact(ContactTask.MARKETING, "不要营销电话")]
    assert dnc_rows(db, customer_id) == [("marketing", "不要营销电话", False)]
    dnc_id = stored(db, "SELECT id FROM customer_dnc WHERE customer_id = ?", customer_id)[0]
    assert ("customer_dnc", dnc_id, "I") in [(h.table, h.row_id, h.op) for h in file.history]

    # change the reason: the same row is updated
    edited = file.customer
    edited.do_not_contact = [DoNotContact(ContactTask.MARKETING, "客户投诉过营销短信")]
    service.save_customer(edited)
    file = service.open_file(customer_id)
    assert file.customer.do_not_contact == [
        DoNotContact(ContactTask.MARKETING, "客户投诉过营销短信")
    ]
    assert dnc_rows(db, customer_id) == [("marketing", "客户投诉过营销短信", False)]
    dnc_updates = [h for h in file.history if h.table == "customer_dnc" and h.op == "U"]
    assert [h.changed for h in dnc_updates] == [("reason",)]
    assert dnc_updates[0].actor_name == "王建国"

    # remove it: soft-deleted, not gone
    edited = file.customer
    edited.do_not_contact = []
    service.save_customer(edited)
    file = service.open_file(customer_id)
    assert file.customer.do_not_contact == []
    assert dnc_rows(db, customer_id) == [("marketing", "客户投诉过营销短信", True)]
    dnc_updates = [h for h in file.history if h.table == "customer_dnc" and h.op == "U"]
    assert "deleted_at" in dnc_updates[0].changed  # newest first


def test_do_not_contact_can_be_added_again_after_removal(db: Database, manager: Session) -> None:
    service = CustomerService(db, manager)
    customer = new_customer(db)
    customer.do_not_contact = [DoNotContact(ContactTask.BIRTHDAY, "不过生日")]
    customer_id = service.save_customer(customer)
    edited = service.open_file(customer_id).customer
    edited.do_not_contact = []
    service.save_customer(edited)

    edited = service.open_file(customer_id).customer
    edited.do_not_contact = [DoNotContact(ContactTask.BIRTHDAY, "仍然不要")]
    service.save_customer(edited)

    assert service.open_file(customer_id).customer.do_not_contact == [
        DoNotContact(ContactTask.BIRTHDAY, "仍然不要")
    ]


def test_do_not_contact_without_reason_is_refused(db: Database, manager: Session) -> None:
    customer = new_customer(db)
    customer.do_not_contact = [DoNotContact(ContactTask.ALL, "   ")]

    with pytest.raises(ValidationError) as refused:
        CustomerService(db, manager).save_customer(customer)

    assert refused.value.field == "do_not_contact"
    assert stored(db, "SELECT count(*) FROM customer WHERE mobile = ?", customer.mobile) == (0,)


# -- missing records -------------------------------------------------------------------------


def test_missing_customer_is_not_found(db: Database, manager: Session) -> None:
    with pytest.raises(NotFound):
        CustomerService(db, manager).open_file("0190a1b2-0000-7000-8000-000000000000")


def test_deleted_customer_is_not_found_for_reading_or_saving(
    db: Database, manager: Session
) -> None:
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))
    customer = service.open_file(customer_id).customer
    CustomerRepository(db).soft_delete(customer_id, manager.staff.id)

    with pytest.raises(NotFound):
        service.open_file(customer_id)
    with pytest.raises(NotFound):
        service.save_customer(customer)


def test_deleted_customers_phone_can_be_reused(db: Database, manager: Session) -> None:
    service = CustomerService(db, manager)
    first = new_customer(db)
    first_id = service.save_customer(first)
    CustomerRepository(db).soft_delete(first_id, manager.staff.id)

    second_id = service.save_customer(Customer(name="林一鸣", mobile=first.mobile))

    assert second_id != first_id
    assert [h.id for h in service.search(first.mobile)] == [second_id]


def test_missing_vehicle_is_not_found(db: Database, manager: Session) -> None:
    with pytest.raises(NotFound):
        CustomerService(db, manager).vehicle("0190a1b2-0000-7000-8000-000000000000")


def test_saving_a_deleted_vehicle_is_not_found_rather_than_silently_lost(
    db: Database, manager: Session
) -> None:
    service = CustomerService(db, manager)
    customer_id = service.save_customer(new_customer(db))
    vehicle_id, _ = service.save_vehicle(Vehicle(vin=CHINA_VIN, customer_id=customer_id))
    vehicle = service.vehicle(vehicle_id)
    with db.write():  # deleted meanwhile (e.g. on another PC, arriving by sync)
        db.raw.execute("UPDATE vehicle SET deleted_at = updated_at WHERE id = ?", (vehicle_id,))

    vehicle.mileage_km = 54_321
    with pytest.raises(NotFound):
        service.save_vehicle(vehicle)


def test_test_data_identifiers_are_valid() -> None:
    assert re.fullmatch(r"\d{17}[\dX]", ID_NUMBER)
    assert check_digit_ok(CHINA_VIN)
