"""Purchase tax by date (NEV relief table) and equal-instalment loans, in Decimal to the fen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.finance import final_payment, monthly_payment, total_interest
from desktop_app.domain.pricing import purchase_tax

D = Decimal


def test_domain_md_example_nev_2026_is_halved():
    assert purchase_tax(D("200000"), True, dt.date(2026, 5, 1)) == D("8849.56")
    assert purchase_tax(D("200000"), False, dt.date(2026, 5, 1)) == D("17699.12")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 12, 31), D("0.00")),  # fully exempt, no cap
        (dt.date(2024, 1, 1), D("5398.23")),  # exempt, waiver capped at 30,000
        (dt.date(2025, 12, 31), D("5398.23")),
        (dt.date(2026, 1, 1), D("20398.23")),  # halved, waiver capped at 15,000
        (dt.date(2027, 12, 31), D("20398.23")),
        (dt.date(2028, 1, 1), D("35398.23")),  # relief over: full tax
    ],
)
def test_nev_relief_around_its_date_boundaries(day, expected):
    assert purchase_tax(D("400000"), True, day) == expected


def test_petrol_car_pays_full_tax_every_year():
    for year in (2020, 2024, 2026, 2030):
        assert purchase_tax(D("113000"), False, dt.date(year, 6, 1)) == D("10000.00")


def test_negative_price_is_refused():
    with pytest.raises(ValueError):
        purchase_tax(D("-1"), False, dt.date(2026, 1, 1))


@given(
    price=st.decimals(min_value=0, max_value=5_000_000, places=2),
    day=st.dates(dt.date(2014, 1, 1), dt.date(2030, 12, 31)),
)
@settings(max_examples=300, deadline=None)
def test_nev_never_pays_more_than_a_petrol_car_and_never_below_zero(price, day):
    nev, ice = purchase_tax(price, True, day), purchase_tax(price, False, day)
    assert D(0) <= nev <= ice
    assert nev == nev.quantize(D("0.01"))


def test_monthly_payment_known_values():
    assert monthly_payment(D("100000"), D("0.0399"), 36) == D("2951.95")
    assert monthly_payment(D("100000"), D("0"), 36) == D("2777.78")  # 0 % promotion: P / n
    assert monthly_payment(D("0"), D("0.05"), 12) == D("0.00")


@pytest.mark.parametrize(
    ("principal", "rate", "months"),
    [
        (D("-1"), D("0.04"), 36),
        (D("1000"), D("0.04"), 61),
        (D("1000"), D("0.04"), 0),
        (D("1000"), D("0.25"), 36),
        (D("1000"), D("-0.01"), 36),
    ],
)
def test_out_of_range_loans_are_refused(principal, rate, months):
    with pytest.raises(ValueError):
        monthly_payment(principal, rate, months)


@given(
    principal=st.decimals(min_value=1000, max_value=2_000_000, places=2),
    rate=st.decimals(min_value=0, max_value=D("0.24"), places=4),
    months=st.sampled_from([12, 24, 36, 48, 60]),
)
@settings(max_examples=300, deadline=None)
def test_instalments_times_months_minus_principal_is_the_interest(principal, rate, months):
    m = monthly_payment(principal, rate, months)
    assert m == m.quantize(D("0.01"))
    interest = total_interest(principal, rate, months)
    assert interest == interest.quantize(D("0.01")) and interest >= 0
    # rounding the instalment to the fen moves the total by at most half a fen a month …
    assert abs(m * months - principal - interest) <= D("0.005") * months
    # … and the last instalment settles it: the instalments add up exactly
    last = final_payment(principal, rate, months)
    assert m * (months - 1) + last == principal + interest
    assert abs(last - m) <= D("0.005") * months
    if rate == 0:
        assert interest == 0


@given(
    principal=st.decimals(min_value=10_000, max_value=1_000_000, places=2),
    rate=st.decimals(min_value=D("0.01"), max_value=D("0.24"), places=4),
)
@settings(max_examples=200, deadline=None)
def test_a_longer_term_lowers_the_instalment_and_raises_the_interest(principal, rate):
    terms = [12, 24, 36, 48, 60]
    payments = [monthly_payment(principal, rate, n) for n in terms]
    interests = [total_interest(principal, rate, n) for n in terms]
    assert payments == sorted(payments, reverse=True)
    assert interests == sorted(interests)
