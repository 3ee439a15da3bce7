"""clean_customer / clean_vehicle: what a customer or vehicle must satisfy to be saved."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.customers import (
    ContactTask,
    Customer,
    DoNotContact,
    Vehicle,
    clean_customer,
    clean_vehicle,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.vin import InvalidVin

CHINA_VIN = "LSVAB2BM9MN123456"
IMPORT_VIN_BAD_CHECK = "1M8GDM9A1KP042788"  # correct would be X
TODAY = dt.date(2026, 11, 20)


def customer(**overrides: object) -> Customer:
    values: dict[str, object] = {"name": "张伟", "mobile": "13812345678"}
    values.update(overrides)
    return Customer(**values)  # type: ignore[arg-type]


def refused_field(func, *args: object) -> str | None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        func(*args)
    return caught.value.field


# Customers ---------------------------------------------------------------------------------


def test_clean_customer_normalises_the_fields() -> None:
    c = clean_customer(
        customer(
            name="  张伟 ",
            mobile="+86 138-1234-5678",
            phone2="021 6234 5678",
            id_number="11010519491231002x",
        )
    )
    assert c.name == "张伟"
    assert c.mobile == "13812345678"
    assert c.phone2 == "02162345678"
    assert c.id_number == "11010519491231002X"


def test_optional_fields_may_stay_empty() -> None:
    c = clean_customer(customer(phone2="  ", id_number=" "))
    assert c.phone2 == ""
    assert c.id_number == ""


@pytest.mark.parametrize("name", ["", "   "])
def test_name_is_required(name: str) -> None:
    assert refused_field(clean_customer, customer(name=name)) == "name"


def test_name_longer_than_60_is_refused() -> None:
    assert refused_field(clean_customer, customer(name="张" * 61)) == "name"
    assert clean_customer(customer(name="张" * 60)).name == "张" * 60


@pytest.mark.parametrize("mobile", ["", "  "])
def test_phone_is_required(mobile: str) -> None:
    with pytest.raises(ValidationError) as caught:
        clean_customer(customer(mobile=mobile))
    assert caught.value.field == "mobile"
    assert "required" in str(caught.value)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"mobile": "1381234"}, "mobile"),
        ({"phone2": "12345"}, "phone2"),
        ({"id_number": "110105194912310021"}, "id_number"),
        ({"birthday": dt.date.today() + dt.timedelta(days=1)}, "birthday"),
    ],
)
def test_errors_name_the_field(overrides: dict[str, object], field: str) -> None:
    assert refused_field(clean_customer, customer(**overrides)) == field


def test_birthday_today_or_past_is_accepted() -> None:
    assert clean_customer(customer(birthday=dt.date.today())).birthday == dt.date.today()
    assert clean_customer(customer(birthday=dt.date(1980, 2, 29))).birthday == dt.date(1980, 2, 29)


def test_tags_are_trimmed_and_deduplicated() -> None:
    c = clean_customer(customer(tags=[" VIP ", "VIP", "", "  ", "车队客户", "车队客户 "]))
    assert c.tags == ["VIP", "车队客户"]


def test_do_not_contact_needs_a_reason() -> None:
    c = customer(do_not_contact=[DoNotContact(ContactTask.MARKETING, "   ")])
    assert refused_field(clean_customer, c) == "do_not_contact"


def test_do_not_contact_reason_is_trimmed() -> None:
    c = clean_customer(
        customer(do_not_contact=[DoNotContact(ContactTask.ALL, "  客户要求不要来电 ")])
    )
    assert c.do_not_contact[0].reason == "客户要求不要来电"


# Vehicles ----------------------------------------------------------------------------------


def test_clean_vehicle_normalises_vin_plate_and_engine_number() -> None:
    v, warnings = clean_vehicle(
        Vehicle(vin=" lsvab2bm9mn123456 ", plate="沪a·12345", engine_no=" dkx123 "), TODAY
    )
    assert v.vin == CHINA_VIN
    assert v.plate == "沪A12345"
    assert v.engine_no == "DKX123"
    assert warnings == []


def test_vehicle_without_plate_is_accepted() -> None:
    v, _ = clean_vehicle(Vehicle(vin=CHINA_VIN, plate="  "), TODAY)
    assert v.plate == ""


def test_china_built_vin_with_bad_check_digit_is_refused() -> None:
    with pytest.raises(InvalidVin) as caught:
        clean_vehicle(Vehicle(vin="LSVAB2BM0MN123456"), TODAY)
    assert caught.value.field == "vin"
    assert caught.value.position == 9


def test_import_vin_check_digit_is_a_warning_not_an_error() -> None:
    v, warnings = clean_vehicle(Vehicle(vin=IMPORT_VIN_BAD_CHECK), TODAY)
    assert v.vin == IMPORT_VIN_BAD_CHECK
    assert len(warnings) == 1
    assert "check digit" in warnings[0]


def test_bad_plate_is_refused() -> None:
    assert refused_field(clean_vehicle, Vehicle(vin=CHINA_VIN, plate="沪A1"), TODAY) == "plate"


def test_warranty_ending_before_sale_is_refused() -> None:
    v = Vehicle(vin=CHINA_VIN, sale_date=dt.date(2024, 5, 1), warranty_end=dt.date(2024, 4, 30))
    assert refused_field(clean_vehicle, v, TODAY) == "warranty_end"


def test_warranty_ending_on_sale_day_is_accepted() -> None:
    day = dt.date(2024, 5, 1)
    v, _ = clean_vehicle(Vehicle(vin=CHINA_VIN, sale_date=day, warranty_end=day), TODAY)
    assert v.warranty_end == day


def test_sale_date_in_the_future_is_refused() -> None:
    v = Vehicle(vin=CHINA_VIN, sale_date=TODAY + dt.timedelta(days=1))
    assert refused_field(clean_vehicle, v, TODAY) == "sale_date"


@pytest.mark.parametrize("km", [-1, 2_000_001])
def test_mileage_out_of_range_is_refused(km: int) -> None:
    assert refused_field(clean_vehicle, Vehicle(vin=CHINA_VIN, mileage_km=km), TODAY) == (
        "mileage_km"
    )
