"""Purchase tax (购置税): 10 % of the price without 13 % VAT, with the dated NEV relief table.

The relief is data, not code: ``NEV_RELIEF`` lists date ranges with the share of the tax that is
waived and the cap of the waiver. ``purchase_tax`` takes another table where the rules change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

VAT = Decimal("1.13")
RATE = Decimal("0.10")
FEN = Decimal("0.01")


@dataclass(frozen=True)
class Relief:
    first: dt.date
    last: dt.date
    share: Decimal  # part of the tax waived: 1 = exempt, 0.5 = halved
    cap: Decimal | None  # the most that is waived, None = no cap


NEV_RELIEF: tuple[Relief, ...] = (
    Relief(dt.date(2014, 9, 1), dt.date(2023, 12, 31), Decimal(1), None),
    Relief(dt.date(2024, 1, 1), dt.date(2025, 12, 31), Decimal(1), Decimal(30_000)),
    Relief(dt.date(2026, 1, 1), dt.date(2027, 12, 31), Decimal("0.5"), Decimal(15_000)),
)


def _fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def purchase_tax(
    price: Decimal,
    nev: bool,
    purchase_date: dt.date,
    relief: tuple[Relief, ...] = NEV_RELIEF,
) -> Decimal:
    """Tax to pay: ``T = price / 1.13 × 10 %``; for an NEV bought in a relief period
    ``T − min(T × share, cap)``. Example: NEV at ¥200,000 in 2026 → T 17,699.12, pay 8,849.56.
    """
    if price < 0:
        raise ValueError("price must not be negative")
    tax = _fen(price / VAT * RATE)
    if not nev:
        return tax
    for r in relief:
        if r.first <= purchase_date <= r.last:
            waived = _fen(tax * r.share)
            if r.cap is not None:
                waived = min(waived, r.cap)
            return tax - waived
    return tax
