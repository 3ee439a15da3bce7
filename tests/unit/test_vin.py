"""VIN check digit (ISO 3779 / GB 16735) and the rules a VIN must pass to be saved."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.vin import (
    InvalidVin,
    check_digit,
    check_digit_ok,
    is_china_built,
    normalise_vin,
    validate_vin,
    with_check_digit,
)

# The textbook example (check digit X) and the all-ones VIN (check digit 1).
US_VIN = "1M8GDM9AXKP042788"
ONES = "11111111111111111"
# A China-built VW VIN; position 9 worked out by hand: sum 284, 284 mod 11 = 9.
CHINA_VIN = "LSVAB2BM9MN123456"


@pytest.mark.parametrize(
    ("vin", "expected"),
    [(US_VIN, "X"), (ONES, "1"), (CHINA_VIN, "9")],
)
def test_check_digit_of_known_vins(vin: str, expected: str) -> None:
    assert check_digit(vin) == expected
    assert check_digit_ok(vin)


def test_check_digit_ignores_what_position_9_holds() -> None:
    assert check_digit("1M8GDM9A0KP042788") == "X"
    assert check_digit("1M8GDM9A7KP042788") == "X"


def test_with_check_digit_sets_position_9() -> None:
    made = with_check_digit("LSVAB2BM0MN123456")
    assert made == CHINA_VIN
    assert check_digit(made) == made[8] == "9"
    validate_vin(made)


def test_with_check_digit_accepts_lowercase() -> None:
    assert with_check_digit("lsvab2bm0mn123456") == CHINA_VIN


@pytest.mark.parametrize("vin", [US_VIN, ONES, CHINA_VIN])
def test_valid_vins_are_accepted(vin: str) -> None:
    validate_vin(vin)  # does not raise


@pytest.mark.parametrize(("vin", "position"), [(CHINA_VIN[:16], 17), (CHINA_VIN + "1", 18)])
def test_wrong_length_is_refused(vin: str, position: int) -> None:
    with pytest.raises(InvalidVin) as caught:
        validate_vin(vin)
    err = caught.value
    assert err.position == position
    assert err.field == "vin"
    assert err.params["length"] == len(vin)
    assert f"this one has {len(vin)}" in str(err)
    assert f"position {position}" in str(err)


def test_empty_vin_is_refused_at_position_1() -> None:
    with pytest.raises(InvalidVin) as caught:
        validate_vin("")
    assert caught.value.position == 1


@pytest.mark.parametrize("letter", ["I", "O", "Q"])
@pytest.mark.parametrize("position", [1, 4, 13, 17])
def test_letters_i_o_q_are_refused_with_their_position(letter: str, position: int) -> None:
    vin = US_VIN[: position - 1] + letter + US_VIN[position:]
    assert len(vin) == 17
    with pytest.raises(InvalidVin) as caught:
        validate_vin(vin)
    err = caught.value
    assert err.position == position
    assert err.params["char"] == letter
    assert f"position {position}" in str(err)
    assert letter in str(err)


def test_other_characters_are_refused_with_their_position() -> None:
    vin = US_VIN[:5] + "*" + US_VIN[6:]
    with pytest.raises(InvalidVin) as caught:
        validate_vin(vin)
    assert caught.value.position == 6
    assert "'*'" in str(caught.value)


def test_china_built_vin_with_wrong_check_digit_is_refused_at_position_9() -> None:
    wrong = CHINA_VIN[:8] + "0" + CHINA_VIN[9:]
    assert is_china_built(wrong)
    with pytest.raises(InvalidVin) as caught:
        validate_vin(wrong)
    err = caught.value
    assert err.position == 9
    assert err.params == {"position": 9, "expected": "9", "found": "0"}
    assert "must be 9, not 0" in str(err)
    assert isinstance(err, ValidationError)


def test_import_with_wrong_check_digit_is_accepted_but_flagged() -> None:
    wrong = US_VIN[:8] + "1" + US_VIN[9:]
    assert not is_china_built(wrong)
    validate_vin(wrong)  # imports may use another scheme: only a warning
    assert not check_digit_ok(wrong)


def test_lowercase_and_spaces_are_normalised() -> None:
    typed = " lsvab2bm9 mn1 23456\t"
    assert normalise_vin(typed) == CHINA_VIN
    validate_vin(typed)
    assert check_digit_ok(typed)
    assert check_digit(typed) == "9"
    assert is_china_built(typed)
