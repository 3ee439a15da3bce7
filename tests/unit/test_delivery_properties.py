"""Properties of the follow-ups a delivery creates and of month arithmetic: whatever the delivery
date (2000-2100, month ends and 29 February included), the model's first-service and warranty
months and the insurance expiry, the tasks are valid, in order and never before delivery."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop_app.domain.deliveries import (
    CALLBACK_DAYS,
    FollowUp,
    add_months,
    follow_ups,
)

FAST = settings(max_examples=150, deadline=None)

month_ends = st.builds(
    lambda y, m: dt.date(y, m, calendar.monthrange(y, m)[1]),
    st.integers(2000, 2100),
    st.integers(1, 12),
)
leap_days = st.sampled_from([y for y in range(2000, 2101) if calendar.isleap(y)]).map(
    lambda y: dt.date(y, 2, 29)
)
days = st.one_of(st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)), month_ends, leap_days)
first_service = st.integers(1, 12)
warranty = st.integers(12, 96)


@st.composite
def deliveries(draw: st.DrawFn) -> tuple[dt.date, int, int, dt.date | None]:
    day = draw(days)
    expiry = draw(
        st.one_of(
            st.none(),
            st.integers(1, 3 * 366).map(lambda n: day + dt.timedelta(days=n)),
            st.integers(2, 36).map(lambda m: add_months(day, m)),
        )
    )
    return day, draw(first_service), draw(warranty), expiry


@FAST
@given(deliveries())
@example((dt.date(2024, 1, 31), 3, 36, None))
@example((dt.date(2100, 12, 31), 12, 96, None))
@example((dt.date(2000, 2, 29), 1, 12, dt.date(2000, 3, 1)))
def test_follow_up_invariants(case: tuple[dt.date, int, int, dt.date | None]) -> None:
    day, months, warranty_months, expiry = case
    tasks = follow_ups(day, months, warranty_months, expiry)

    # one of each kind after the callbacks, callbacks first and exactly D+1, 3, 7, 30, 90
    kinds = [t.kind for t in tasks]
    assert kinds == [FollowUp.CALLBACK] * 5 + [
        FollowUp.FIRST_MAINTENANCE,
        FollowUp.WARRANTY_EXPIRY,
        FollowUp.INSURANCE_RENEWAL,
        FollowUp.ANNUAL_INSPECTION,
    ]
    callbacks = tasks[:5]
    assert [t.due for t in callbacks] == [day + dt.timedelta(days=n) for n in CALLBACK_DAYS]
    assert [t.opens for t in callbacks] == [t.due for t in callbacks]
    assert [t.title for t in callbacks] == [f"D+{n}" for n in CALLBACK_DAYS]
    assert [t.due for t in callbacks] == sorted({t.due for t in callbacks})

    for t in tasks:
        assert isinstance(t.due, dt.date) and isinstance(t.opens, dt.date)
        assert t.opens <= t.due, t
        assert t.due > day, t  # nothing is due on or before the delivery day

    first = tasks[5]
    assert first.due == add_months(day, months)
    assert day < first.opens <= add_months(day, 2)
    assert first.opens == min(add_months(day, 2), first.due)

    warranty_task = tasks[6]
    warranty_end = add_months(day, warranty_months)
    assert warranty_task.due == add_months(warranty_end, -1)
    assert warranty_end - dt.timedelta(days=31) <= warranty_task.due < warranty_end
    assert warranty_task.title == warranty_end.isoformat()

    insurance = tasks[7]
    assert insurance.due == (expiry or add_months(day, 12))
    assert insurance.opens == add_months(insurance.due, -2)
    assert day - dt.timedelta(days=62) <= insurance.due - dt.timedelta(days=62) <= insurance.opens
    if expiry is None or expiry - day >= dt.timedelta(days=62):  # two months are ≤ 62 days
        assert insurance.opens >= day
    # (a policy expiring within two months is due for renewal already: it opens at once)

    inspection = tasks[8]
    assert inspection.due == add_months(day, 72)
    assert inspection.opens == inspection.due - dt.timedelta(days=30)
    assert inspection.opens > day

    assert all(t.opens >= day for t in tasks if t.kind != FollowUp.INSURANCE_RENEWAL)


@FAST
@given(days, st.integers(-120, 120))
def test_add_months_lands_in_the_right_month_and_clamps(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)
    assert result.day <= day.day


@FAST
@given(days, st.integers(0, 120), st.integers(0, 120))
def test_add_months_composes_within_three_days(day: dt.date, a: int, b: int) -> None:
    at_once = add_months(day, a + b)
    stepwise = add_months(add_months(day, a), b)
    # clamping can only lose days, never gain them, and never more than 31 → 28
    assert dt.timedelta(0) <= at_once - stepwise <= dt.timedelta(days=3)
    assert (at_once.year, at_once.month) == (stepwise.year, stepwise.month)


@FAST
@given(days, st.integers(0, 120))
def test_add_months_is_monotonic_and_reversible_for_early_days(day: dt.date, n: int) -> None:
    assert add_months(day, n) >= day
    assert add_months(day, n) <= add_months(day, n + 1)
    if day.day <= 28:
        assert add_months(add_months(day, n), -n) == day
