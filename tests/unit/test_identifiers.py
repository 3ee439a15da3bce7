"""Phones, plates and resident ID numbers: normalising, validating, masking (domain.md §7)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identifiers import (
    birthday_from_id,
    format_plate,
    is_mobile,
    mask_id_number,
    mask_phone,
    mask_plate,
    normalise_phone,
    validate_id_number,
    validate_phone,
    validate_plate,
)

# Phones ------------------------------------------------------------------------------------


@pytest.mark.parametrize("second", "3456789")
def test_mobiles_from_13_to_19_are_accepted(second: str) -> None:
    number = f"1{second}812345678"
    assert validate_phone(number) == number
    assert is_mobile(number)


@pytest.mark.parametrize(
    "typed",
    [
        "+86 138 1234 5678",
        "+8613812345678",
        "+86-138-1234-5678",
        "0086 13812345678",
        "138-1234-5678",
        "138 1234 5678",
        " 13812345678 ",
    ],
)
def test_mobile_prefixes_spaces_and_dashes_are_removed(typed: str) -> None:
    assert validate_phone(typed) == "13812345678"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("021-62345678", "021-62345678"),
        ("0755-12345678", "0755-12345678"),
        ("02162345678", "02162345678"),
        ("021 6234 5678", "02162345678"),
    ],
)
def test_landlines_with_area_code_are_accepted(typed: str, expected: str) -> None:
    assert validate_phone(typed) == expected
    assert not is_mobile(typed)


@pytest.mark.parametrize(
    "typed",
    ["12812345678", "1381234567", "138123456789", "62345678", "abc", "", "23812345678"],
)
def test_bad_phones_are_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_phone(typed, field="phone2")
    assert caught.value.field == "phone2"
    assert caught.value.params["value"] == typed
    assert f"'{typed}' is not a phone number" in str(caught.value)


def test_phone_field_defaults_to_mobile() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_phone("12345")
    assert caught.value.field == "mobile"


def test_normalise_phone_keeps_the_landline_dash() -> None:
    assert normalise_phone("+86 021-62345678") == "021-62345678"


# Plates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("沪A12345", "沪A12345"),
        ("沪A·12345", "沪A12345"),
        ("沪a12345", "沪A12345"),
        ("京B 3X7Y9", "京B3X7Y9"),
        ("粤B·D12345", "粤BD12345"),
        ("粤b·d12345", "粤BD12345"),
        ("沪AF12345", "沪AF12345"),
        ("苏E12345D", "苏E12345D"),
        ("粤B1234学", "粤B1234学"),
    ],
)
def test_plates_are_accepted_and_normalised(typed: str, expected: str) -> None:
    assert validate_plate(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "沪A1234",  # too short
        "沪A123456",  # six characters without the D/F of a green plate
        "XA12345",  # no province
        "沪112345",  # office must be a letter
        "沪AO2345",  # O is never used
        "沪AI2345",  # nor I
        "粤BD1234X",  # NEV: D/F first then digits
        "",
    ],
)
def test_bad_plates_are_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_plate(typed, field="plate")
    assert caught.value.field == "plate"
    assert caught.value.params["value"] == typed


def test_format_plate_adds_the_dot() -> None:
    assert format_plate("沪A12345") == "沪A·12345"
    assert format_plate("粤BD12345") == "粤B·D12345"


# ID numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        (" 440524188001010014 ", "440524188001010014"),
        ("310115199003071239", "310115199003071239"),
    ],
)
def test_valid_id_numbers(typed: str, expected: str) -> None:
    assert validate_id_number(typed) == expected


def test_birthday_from_id() -> None:
    assert birthday_from_id("11010519491231002X") == dt.date(1949, 12, 31)


@pytest.mark.parametrize(
    "typed", ["11010519491231002", "11010519491231002XX", "1101051949123100AX"]
)
def test_id_number_of_wrong_shape_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number(typed, field="id_number")
    assert caught.value.field == "id_number"
    assert caught.value.params["length"] == len(typed)
    assert f"({len(typed)} typed)" in str(caught.value)


@pytest.mark.parametrize("date", ["19491331", "19490230", "19490000"])
def test_id_number_with_impossible_birth_date_is_refused(date: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number(f"110105{date}0021")
    assert caught.value.field == "id_number"
    assert date in str(caught.value)


def test_id_number_with_wrong_check_digit_names_the_expected_one() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number("110105194912310021")
    err = caught.value
    assert err.params["expected"] == "X"
    assert err.params["found"] == "1"
    assert "must be X, not 1" in str(err)


def test_wrong_digit_check_names_the_digit() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_id_number("440524188001010015")
    assert "must be 4, not 5" in str(caught.value)


# Masking -----------------------------------------------------------------------------------


def test_mask_id_number_shows_first_3_and_last_4() -> None:
    assert mask_id_number("11010519491231002X") == "110" + "*" * 11 + "002X"
    assert mask_id_number("") == ""
    assert mask_id_number(None) == ""
    assert mask_id_number("1234567") == "*******"


def test_mask_phone() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("021-62345678") == "021-62345678"  # landlines are shown whole
    assert mask_phone("") == ""
    assert mask_phone(None) == ""


@pytest.mark.parametrize(
    ("plate", "masked"),
    [
        ("沪A12345", "沪A·12**5"),
        ("沪A·12345", "沪A·12**5"),
        ("粤BD12345", "粤B·D1***5"),
    ],
)
def test_mask_plate(plate: str, masked: str) -> None:
    assert mask_plate(plate) == masked
