"""Vehicle identification numbers (VIN, 车架号): ISO 3779 / GB 16735 check digit.

A VIN has 17 characters from 0-9 and A-Z without I, O and Q. Position 9 is a check digit: each
character is transliterated to a number, multiplied by its position weight, summed, and taken
modulo 11 (10 is written X). China-built vehicles (first character L) must carry a correct check
digit under GB 16735; for imports a wrong check digit is only a warning.
"""

from __future__ import annotations

from .errors import ValidationError
from .i18n import QT_TRANSLATE_NOOP

VIN_LENGTH = 17
WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
TRANSLITERATION: dict[str, int] = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
FORBIDDEN = frozenset("IOQ")


class InvalidVin(ValidationError):
    """The VIN breaks a rule; the message names the position (1-based) and the reason."""

    def __init__(self, template: str, position: int | None = None, **params: object) -> None:
        self.position = position
        super().__init__(template, field="vin", position=position, **params)


def normalise_vin(vin: str) -> str:
    """Upper-case and strip the spaces people type or scanners add."""
    return "".join(vin.split()).upper()


def check_digit(vin: str) -> str:
    """The check digit (``0``-``9`` or ``X``) that position 9 of ``vin`` must carry.

    ``vin`` must be 17 characters of the VIN alphabet; position 9 itself is ignored.
    """
    vin = normalise_vin(vin)
    _check_alphabet(vin)
    total = sum(TRANSLITERATION[ch] * w for ch, w in zip(vin, WEIGHTS, strict=True))
    remainder = total % 11
    return "X" if remainder == 10 else str(remainder)


def is_china_built(vin: str) -> bool:
    """World manufacturer identifiers starting with L are assigned to China."""
    return normalise_vin(vin).startswith("L")


def check_digit_ok(vin: str) -> bool:
    vin = normalise_vin(vin)
    return check_digit(vin) == vin[8]


def validate_vin(vin: str) -> None:
    """Raise :class:`InvalidVin` unless ``vin`` is acceptable for a vehicle record.

    Length and alphabet are always enforced. The check digit is enforced for China-built VINs;
    for imports use :func:`check_digit_ok` to warn.
    """
    vin = normalise_vin(vin)
    _check_alphabet(vin)
    expected = check_digit(vin)
    if vin[8] != expected and is_china_built(vin):
        raise InvalidVin(
            QT_TRANSLATE_NOOP(
                "Messages",
                "VIN position 9 is the check digit: it must be {expected}, not {found} "
                "(China-built VINs must pass the GB 16735 check).",
            ),
            position=9,
            expected=expected,
            found=vin[8],
        )


def _check_alphabet(vin: str) -> None:
    if len(vin) < VIN_LENGTH:
        raise InvalidVin(
            QT_TRANSLATE_NOOP(
                "Messages",
                "A VIN has 17 characters; this one has {length}, so {missing} are missing "
                "from position {position} on.",
            ),
            position=len(vin) + 1,
            length=len(vin),
            missing=VIN_LENGTH - len(vin),
        )
    if len(vin) > VIN_LENGTH:
        raise InvalidVin(
            QT_TRANSLATE_NOOP(
                "Messages",
                "A VIN has 17 characters; this one has {length}: {extra} too many from "
                "position {position} on.",
            ),
            position=VIN_LENGTH + 1,
            length=len(vin),
            extra=len(vin) - VIN_LENGTH,
        )
    for index, ch in enumerate(vin, start=1):
        if ch in FORBIDDEN:
            raise InvalidVin(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "VIN position {position}: the letter {char} is never used in a VIN "
                    "(I, O and Q are excluded).",
                ),
                position=index,
                char=ch,
            )
        if ch not in TRANSLITERATION:
            raise InvalidVin(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "VIN position {position}: '{char}' is not allowed; only digits and the "
                    "letters A-Z (without I, O, Q).",
                ),
                position=index,
                char=ch,
            )


def with_check_digit(vin16_or_17: str) -> str:
    """Return the VIN with position 9 set to its correct check digit (demo data, tests)."""
    vin = normalise_vin(vin16_or_17)
    provisional = vin[:8] + "0" + vin[9:]
    return vin[:8] + check_digit(provisional) + vin[9:]
