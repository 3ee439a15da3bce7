"""Phones, plates and resident ID numbers (身份证): normalising, validating, masking."""

from __future__ import annotations

import datetime as dt
import re

from .errors import ValidationError
from .i18n import QT_TRANSLATE_NOOP

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")
# Province + issuing-office letter + 5 characters (fuel) or 6 (NEV green plate, D/F first or last).
_PLATE_FUEL = re.compile(rf"^[{PROVINCES}][A-Z][A-HJ-NP-Z0-9]{{4}}[A-HJ-NP-Z0-9挂学警港澳]$")
_PLATE_NEV = re.compile(rf"^[{PROVINCES}][A-Z](?:[DF][A-HJ-NP-Z0-9]\d{{4}}|\d{{5}}[DF])$")

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def normalise_phone(phone: str) -> str:
    """Strip spaces, dashes in mobiles and a +86/0086 prefix; keep the landline's area dash."""
    p = re.sub(r"[\s()（）]", "", phone)
    p = re.sub(r"^(\+86|0086)-?", "", p)
    if re.fullmatch(r"1[\d-]{10,12}", p):
        p = p.replace("-", "")
    return p


def validate_phone(phone: str, field: str = "mobile") -> str:
    """Return the normalised phone or raise: 11-digit mobile from 1, or landline with area code."""
    p = normalise_phone(phone)
    if _MOBILE.match(p) or _LANDLINE.match(p):
        return p
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "Messages",
            "'{value}' is not a phone number: a mobile has 11 digits starting with 1 "
            "(e.g. 13812345678), a landline starts with its area code (e.g. 021-62345678).",
        ),
        field=field,
        value=phone,
    )


def is_mobile(phone: str) -> bool:
    return bool(_MOBILE.match(normalise_phone(phone)))


def normalise_plate(plate: str) -> str:
    return re.sub(r"[\s·.\-]", "", plate).upper()


def validate_plate(plate: str, field: str = "plate") -> str:
    """Return the plate without separators or raise: 沪A12345 (fuel), 粤BD12345 (NEV)."""
    p = normalise_plate(plate)
    if _PLATE_FUEL.match(p) or _PLATE_NEV.match(p):
        return p
    raise ValidationError(
        QT_TRANSLATE_NOOP(
            "Messages",
            "'{value}' is not a plate number: a province character, a letter, then 5 characters "
            "(e.g. 沪A12345) or 6 for a new-energy plate (e.g. 粤B·D12345).",
        ),
        field=field,
        value=plate,
    )


def format_plate(plate: str) -> str:
    """沪A12345 → 沪A·12345 for display."""
    return f"{plate[:2]}·{plate[2:]}" if len(plate) > 2 else plate


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def validate_id_number(id_number: str, field: str = "id_number") -> str:
    """Return the 18-character ID upper-cased or raise (length, digits, birth date, check)."""
    p = id_number.strip().upper()
    if not re.fullmatch(r"\d{17}[\dX]", p):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "An ID number has 18 characters: 17 digits and a last digit or X ({length} typed).",
            ),
            field=field,
            length=len(p),
        )
    try:
        dt.date(int(p[6:10]), int(p[10:12]), int(p[12:14]))
    except ValueError:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages", "ID number characters 7-14 must be a birth date; {date} is not one."
            ),
            field=field,
            date=p[6:14],
        ) from None
    expected = id_check_char(p[:17])
    if p[17] != expected:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The ID number's last character is its check digit: it must be {expected}, "
                "not {found}. Please check the number for a typing error.",
            ),
            field=field,
            expected=expected,
            found=p[17],
        )
    return p


def birthday_from_id(id_number: str) -> dt.date:
    return dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def mask_id_number(id_number: str | None) -> str:
    """Personal data: show the first 3 and last 4 characters only (310***********1234)."""
    if not id_number:
        return ""
    if len(id_number) <= 7:
        return "*" * len(id_number)
    return id_number[:3] + "*" * (len(id_number) - 7) + id_number[-4:]


def mask_phone(phone: str | None) -> str:
    """138****5678 for lists shown to people who do not need the whole number."""
    if not phone:
        return ""
    return phone[:3] + "****" + phone[-4:] if len(phone) == 11 else phone


def mask_plate(plate: str) -> str:
    """沪A·12**5 for the reception display: province, office, first two and last character."""
    p = normalise_plate(plate)
    if len(p) < 5:
        return p
    tail = p[2:]
    return f"{p[:2]}·{tail[:2]}{'*' * (len(tail) - 3)}{tail[-1]}"
