"""Car loans (贷款): equal instalments (等额本息), money as Decimal, rounded half-up to the fen.

``M = P·r·(1+r)^n / ((1+r)^n − 1)`` with ``r`` = annual rate / 12; a 0 % promotion is ``P / n``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

FEN = Decimal("0.01")
MAX_MONTHS = 60  # new-car loans run at most five years
MAX_ANNUAL_RATE = Decimal("0.24")  # anything above is a typing error, not a car loan


def _fen(value: Decimal) -> Decimal:
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def _check(principal: Decimal, annual_rate: Decimal, months: int) -> None:
    if principal < 0:
        raise ValueError("principal must not be negative")
    if not 1 <= months <= MAX_MONTHS:
        raise ValueError(f"term must be 1..{MAX_MONTHS} months")
    if annual_rate < 0 or annual_rate > MAX_ANNUAL_RATE:
        raise ValueError("annual rate must be between 0 and 0.24")


def _exact_payment(principal: Decimal, annual_rate: Decimal, months: int) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 34
        if annual_rate == 0:
            return principal / months
        r = annual_rate / 12
        growth = (1 + r) ** months
        return principal * r * growth / (growth - 1)


def monthly_payment(principal: Decimal, annual_rate: Decimal, months: int) -> Decimal:
    """The monthly instalment, rounded half-up to 0.01.

    ``annual_rate`` is a fraction (``Decimal("0.0399")`` for 3.99 %). Raises ValueError for a
    negative principal or rate, a rate above 24 %, or a term outside 1..60 months.
    """
    _check(principal, annual_rate, months)
    if principal == 0:
        return Decimal("0.00")
    return _fen(_exact_payment(principal, annual_rate, months))


def total_interest(principal: Decimal, annual_rate: Decimal, months: int) -> Decimal:
    """What the loan costs on top of the principal, to the fen: the exact annuity's total less
    the principal (0.00 for a 0 % loan). The instalments add up to principal + interest because
    the last one carries the rounding (:func:`final_payment`)."""
    _check(principal, annual_rate, months)
    if principal == 0:
        return Decimal("0.00")
    with localcontext() as ctx:
        ctx.prec = 34
        return _fen(_exact_payment(principal, annual_rate, months) * months - principal)


def final_payment(principal: Decimal, annual_rate: Decimal, months: int) -> Decimal:
    """The last instalment: the others are :func:`monthly_payment`; this one settles the
    rounding so that all of them together are exactly principal + interest."""
    monthly = monthly_payment(principal, annual_rate, months)
    interest = total_interest(principal, annual_rate, months)
    return _fen(principal) + interest - monthly * (months - 1)
