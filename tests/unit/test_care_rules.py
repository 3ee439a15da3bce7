"""Customer-care rules (domain notes §5) as properties over dates — month ends, 29 February,
leap and common years, midnight — and by hand where a figure is the point: the regular
maintenance by months or km, the warranty, insurance and inspection leads, birthdays, the
lost-customer window and its six classes, the complaint clocks, the three-attempt rule and its
fallback channel, the outcome checks, the KPI formulas and the settings' JSON round-trip."""

from __future__ import annotations

import calendar
import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from desktop_app.domain.care import (
    DNC_OF,
    Attempt,
    AttemptRefused,
    CareKind,
    CareRules,
    Daypart,
    Grievance,
    KpiCounts,
    LostClass,
    NoKpiData,
    Outcome,
    Satisfaction,
    attempts_spent,
    check_attempt,
    check_outcome,
    complaint_callbacks,
    daypart,
    fallback_channel,
    inspection_due,
    kpis,
    lost_class,
    next_birthday,
    parse_month,
    rate,
    regular_maintenance_due,
    response_due,
)
from desktop_app.domain.deliveries import add_months
from desktop_app.domain.errors import ValidationError

FAST = settings(max_examples=200, deadline=None)
RULES = CareRules()

month_ends = st.builds(
    lambda y, m: dt.date(y, m, calendar.monthrange(y, m)[1]),
    st.integers(2000, 2090),
    st.integers(1, 12),
)
leap_days = st.sampled_from([y for y in range(2000, 2091) if calendar.isleap(y)]).map(
    lambda y: dt.date(y, 2, 29)
)
days = st.one_of(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)), month_ends, leap_days)
times = st.builds(
    dt.datetime.combine,
    days,
    st.times(),
)


def months_between(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


# -- month arithmetic under the first-maintenance, warranty and insurance leads ----------------


@FAST
@given(days, st.integers(-120, 120))
@example(dt.date(2026, 1, 31), 1)  # sold 31 January: due 28 February
@example(dt.date(2028, 1, 31), 1)  # … 29 February in a leap year
@example(dt.date(2024, 2, 29), 12)  # a leap-day sale a year on: 28 February
@example(dt.date(2026, 3, 31), -1)  # a warranty ending 31 March: remind on 28 February
def test_add_months_lands_in_the_right_month_clamped_to_its_end(day: dt.date, n: int) -> None:
    result = add_months(day, n)
    assert months_between(day, result) == n
    assert result.day == min(day.day, calendar.monthrange(result.year, result.month)[1])


def test_month_end_sales_and_leap_days_by_hand() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    assert add_months(dt.date(2026, 1, 31), 3) == dt.date(2026, 4, 30)  # first maintenance
    assert add_months(dt.date(2026, 1, 31), 2) == dt.date(2026, 3, 31)  # its window opens
    assert add_months(dt.date(2029, 3, 31), -1) == dt.date(2029, 2, 28)  # warranty lead
    assert add_months(dt.date(2027, 4, 30), -2) == dt.date(2027, 2, 28)  # insurance lead
    assert add_months(dt.date(2024, 2, 29), 72) == dt.date(2030, 2, 28)  # first inspection


# -- regular maintenance: by months or km, whichever first -------------------------------------


@FAST
@given(days, st.integers(0, 400_000), st.integers(1, 4_000), st.integers(0, 2_000))
@example(dt.date(2025, 8, 31), 36_500, 365, 160)  # month end, 100 km a day
@example(dt.date(2024, 2, 29), 0, 30, 0)  # leap day, no mileage
def test_regular_maintenance_is_due_by_months_or_km_whichever_first(
    last: dt.date, km: int, age_days: int, since_last: int
) -> None:
    today = last + dt.timedelta(days=since_last)
    sale = today - dt.timedelta(days=age_days)
    assume(km == 0 or km >= age_days)  # under 1 km a day: see the overflow test below
    due = regular_maintenance_due(last, km, sale, today, RULES)
    by_months = add_months(last, RULES.regular_interval_months)
    assert last < due <= by_months
    if km == 0:
        assert due == by_months
    else:
        per_day = Fraction(km, age_days)
        by_km = last + dt.timedelta(
            days=max(int(Fraction(RULES.regular_interval_km) / per_day + Fraction(1, 2)), 1)
        )
        assert due == min(by_months, by_km)


def test_regular_maintenance_by_hand() -> None:
    sale, today = dt.date(2025, 1, 31), dt.date(2026, 1, 31)  # 365 days
    last = dt.date(2025, 8, 31)
    # 36,500 km in 365 days is 100 km a day: 10,000 km in 100 days comes before 6 months
    assert regular_maintenance_due(last, 36_500, sale, today, RULES) == dt.date(2025, 12, 9)
    # 3,650 km a year: 6 months first, and 31 August + 6 months is 28 February
    assert regular_maintenance_due(last, 3_650, sale, today, RULES) == dt.date(2026, 2, 28)
    # no mileage, or a car sold today or later: months only
    assert regular_maintenance_due(last, None, sale, today, RULES) == dt.date(2026, 2, 28)
    assert regular_maintenance_due(last, 50_000, today, today, RULES) == dt.date(2026, 2, 28)
    assert regular_maintenance_due(last, 50_000, None, today, RULES) == dt.date(2026, 2, 28)
    # the settings are the timing: a 5,000 km / 3 month interval
    quick = CareRules(regular_interval_months=3, regular_interval_km=5_000)
    assert regular_maintenance_due(last, 36_500, sale, today, quick) == dt.date(2025, 10, 20)
    assert regular_maintenance_due(last, 3_650, sale, today, quick) == dt.date(2025, 11, 30)


def test_a_car_that_barely_moved_is_due_by_months() -> None:
    # 5 km in ten years (a registered car standing in the showroom): months decide
    due = regular_maintenance_due(
        dt.date(2026, 1, 1), 5, dt.date(2016, 1, 1), dt.date(2026, 6, 1), RULES
    )
    assert due == dt.date(2026, 7, 1)


# -- annual inspection: the first at six years, then every year; 30 days' lead ----------------


@FAST
@given(days, st.integers(0, 40 * 366))
@example(dt.date(2020, 2, 29), 6 * 365 + 1)  # a leap-day car: 28 February 2026
@example(dt.date(2020, 2, 29), 8 * 365 + 1)  # … and 29 February 2028
@example(dt.date(2020, 1, 31), 6 * 365 + 2)  # the first inspection day itself
def test_inspection_is_the_first_anniversary_from_six_years_not_yet_past(
    sale: dt.date, after: int
) -> None:
    today = sale + dt.timedelta(days=after)
    due = inspection_due(sale, today, RULES)
    anniversaries = [add_months(sale, 12 * k) for k in range(RULES.inspection_first_years, 60)]
    assert due == min(a for a in anniversaries if a >= today)
    assert due >= add_months(sale, 12 * RULES.inspection_first_years)
    opens = due - dt.timedelta(days=RULES.inspection_lead_days)
    assert (due - opens).days == 30


def test_inspection_by_hand() -> None:
    sale = dt.date(2020, 2, 29)
    assert inspection_due(sale, dt.date(2021, 5, 1), RULES) == dt.date(2026, 2, 28)
    assert inspection_due(sale, dt.date(2026, 2, 28), RULES) == dt.date(2026, 2, 28)
    assert inspection_due(sale, dt.date(2026, 3, 1), RULES) == dt.date(2027, 2, 28)
    assert inspection_due(sale, dt.date(2027, 3, 1), RULES) == dt.date(2028, 2, 29)
    assert inspection_due(sale, dt.date(2028, 2, 29), RULES) == dt.date(2028, 2, 29)
    assert inspection_due(sale, dt.date(2020, 2, 29), CareRules(inspection_first_years=2)) == (
        dt.date(2022, 2, 28)
    )


# -- birthdays -------------------------------------------------------------------------------


@FAST
@given(st.dates(dt.date(1930, 1, 1), dt.date(2010, 12, 31)) | leap_days, days)
@example(dt.date(1988, 2, 29), dt.date(2027, 2, 28))  # greeted on 28 February
@example(dt.date(1988, 2, 29), dt.date(2027, 3, 1))  # … then next year's
@example(dt.date(1988, 2, 29), dt.date(2028, 2, 28))  # a leap year: wait for the 29th
@example(dt.date(1990, 12, 31), dt.date(2026, 12, 31))
def test_next_birthday_is_today_or_the_next_one(birthday: dt.date, today: dt.date) -> None:
    day = next_birthday(birthday, today)
    assert today <= day < add_months(today, 12) + dt.timedelta(days=1)
    if birthday.month == 2 and birthday.day == 29 and not calendar.isleap(day.year):
        assert (day.month, day.day) == (2, 28)
    else:
        assert (day.month, day.day) == (birthday.month, birthday.day)
    assert next_birthday(birthday, day) == day  # on the day itself: today


def test_birthday_by_hand() -> None:
    assert next_birthday(dt.date(1988, 2, 29), dt.date(2028, 2, 28)) == dt.date(2028, 2, 29)
    assert next_birthday(dt.date(1988, 2, 29), dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)
    assert next_birthday(dt.date(1990, 12, 31), dt.date(2027, 1, 1)) == dt.date(2027, 12, 31)
    assert RULES.birthday_within_hours == 2


# -- lost customers: 90-360 days, nothing booked, six classes ----------------------------------


@FAST
@given(
    days,
    st.integers(-30, 800),
    st.booleans(),
    st.one_of(st.none(), st.integers(-2000, 2000)),
    st.booleans(),
)
@example(dt.date(2026, 3, 1), 90, True, None, False)
@example(dt.date(2026, 3, 1), 360, False, 0, False)
@example(dt.date(2026, 3, 1), 89, True, 10, False)
@example(dt.date(2026, 3, 1), 361, True, 10, False)
def test_lost_window_and_classes(
    today: dt.date, days_ago: int, local: bool, warranty_in: int | None, booked: bool
) -> None:
    last = today - dt.timedelta(days=days_ago)
    warranty_end = None if warranty_in is None else today + dt.timedelta(days=warranty_in)
    klass = lost_class(last, today, local, warranty_end, booked, RULES)
    if booked or not 90 <= days_ago <= 360:
        assert klass is None
        return
    assert klass is not None
    assert klass.value.startswith("local_" if local else "out_of_town_")
    if warranty_end is None:
        assert klass.value.endswith("_unknown")
    elif warranty_end >= today:
        assert klass.value.endswith("_in_warranty")
    else:
        assert klass.value.endswith("_out_of_warranty")


def test_lost_six_classes_by_hand() -> None:
    today = dt.date(2026, 11, 20)
    last = today - dt.timedelta(days=200)
    inside, outside = today, today - dt.timedelta(days=1)
    got = {
        lost_class(last, today, local, end, False, RULES)
        for local in (True, False)
        for end in (inside, outside, None)
    }
    assert got == set(LostClass)
    assert lost_class(None, today, True, None, False, RULES) is None
    assert lost_class(last, today, True, None, True, RULES) is None  # booked: not lost
    narrow = CareRules(lost_min_days=30, lost_max_days=60)
    assert lost_class(today - dt.timedelta(days=45), today, True, None, False, narrow) is not None
    assert lost_class(last, today, True, None, False, narrow) is None


# -- complaints: 30 minutes to answer; callbacks within 24 hours and again within 7 days --------


@FAST
@given(times)
@example(dt.datetime(2028, 2, 28, 23, 45))  # leap day next, across midnight
@example(dt.datetime(2026, 12, 31, 23, 59))  # across the year
def test_complaint_clocks(opened: dt.datetime) -> None:
    assert response_due(opened, RULES) - opened == dt.timedelta(minutes=30)
    (tag1, first), (tag2, second) = complaint_callbacks(opened, RULES)
    assert (tag1, tag2) == ("24h", "7d")
    assert first == (opened + dt.timedelta(hours=24)).date()
    assert second == (opened + dt.timedelta(days=7)).date()
    assert (first - opened.date()).days == 1 and (second - opened.date()).days == 7


def test_complaint_clocks_by_hand() -> None:
    resolved = dt.datetime(2028, 2, 28, 16, 0)
    assert response_due(dt.datetime(2026, 11, 20, 23, 45), RULES) == dt.datetime(
        2026, 11, 21, 0, 15
    )
    assert complaint_callbacks(resolved, RULES) == [
        ("24h", dt.date(2028, 2, 29)),
        ("7d", dt.date(2028, 3, 6)),
    ]
    slow = CareRules(complaint_response_minutes=60, complaint_callback_hours=48)
    assert response_due(resolved, slow) == dt.datetime(2028, 2, 28, 17, 0)
    assert complaint_callbacks(resolved, slow)[0] == ("24h", dt.date(2028, 3, 1))


# -- satisfaction call window: the settings' defaults -----------------------------------------


def test_the_defaults_are_the_domain_notes() -> None:
    r = CareRules()
    assert r.callback_days == (1, 3, 7, 30, 90)
    assert (r.first_window_months, r.regular_lead_days) == (2, 7)
    assert (r.regular_interval_months, r.regular_interval_km) == (6, 10_000)
    assert (r.warranty_lead_months, r.insurance_lead_months, r.inspection_lead_days) == (1, 2, 30)
    assert (r.satisfaction_after_days, r.satisfaction_expires_days) == (3, 15)
    assert (r.lost_min_days, r.lost_max_days) == (90, 360)
    assert (r.complaint_response_minutes, r.complaint_callback_hours) == (30, 24)
    assert (r.complaint_second_days, r.attempts, r.attempt_window_days) == (7, 3, 3)


# -- the three-attempt rule --------------------------------------------------------------------


def call(at: dt.datetime) -> Attempt:
    return Attempt(at, False, None, "call")


@given(st.times())
def test_dayparts_split_at_noon_and_five(t: dt.time) -> None:
    part = daypart(dt.datetime.combine(dt.date(2026, 11, 20), t))
    expected = (
        Daypart.MORNING if t.hour < 12 else Daypart.AFTERNOON if t.hour < 17 else Daypart.EVENING
    )
    assert part is expected


@FAST
@given(days, st.permutations([9, 14, 19]), st.integers(0, 2), st.integers(0, 2))
def test_three_different_times_of_day_then_no_fourth_call(
    day: dt.date, hours: list[int], gap1: int, gap2: int
) -> None:
    assume(day < dt.date(2090, 12, 20))
    first = dt.datetime.combine(day, dt.time(hours[0], 10))
    second = dt.datetime.combine(day + dt.timedelta(days=gap1), dt.time(hours[1], 20))
    third = dt.datetime.combine(day + dt.timedelta(days=gap1 + gap2), dt.time(hours[2], 30))
    earlier: list[Attempt] = []
    for at in (first, second, third):
        assert not attempts_spent(earlier, RULES)
        check_attempt(earlier, at, RULES)
        # the same part of the day again is refused, whichever day it is
        with pytest.raises(AttemptRefused):
            check_attempt([*earlier, call(at)], at.replace(minute=at.minute + 5), RULES)
        earlier.append(call(at))
    assert attempts_spent(earlier, RULES)
    with pytest.raises(AttemptRefused) as refused:
        check_attempt(earlier, third + dt.timedelta(days=1), RULES)
    assert refused.value.field == "attempt"
    assert "3 calls" in str(refused.value)


def test_same_daypart_refused_by_hand() -> None:
    morning = dt.datetime(2026, 11, 20, 9, 5)
    with pytest.raises(AttemptRefused) as refused:
        check_attempt([call(morning)], dt.datetime(2026, 11, 21, 11, 59), RULES)
    assert "morning" in str(refused.value)
    check_attempt([call(morning)], dt.datetime(2026, 11, 20, 12, 0), RULES)  # afternoon: fine
    # reached calls and messages are not unanswered attempts
    reached = Attempt(morning, True, None, "call")
    sms = Attempt(morning, False, None, "sms")
    check_attempt([reached, sms], morning, RULES)
    assert not attempts_spent([reached, sms, call(morning), call(morning)], RULES)
    # the number of attempts is a setting
    two = CareRules(attempts=2)
    assert attempts_spent([call(morning), call(morning.replace(hour=15))], two)


def test_the_three_day_window_frees_a_time_of_day_again() -> None:
    morning = dt.datetime(2028, 2, 27, 9, 5)
    with pytest.raises(AttemptRefused):  # two days on: still inside the window
        check_attempt([call(morning)], dt.datetime(2028, 2, 29, 10, 0), RULES)
    check_attempt([call(morning)], dt.datetime(2028, 3, 1, 10, 0), RULES)  # three days on
    # but never a fourth unanswered call on the same task
    spent = [call(morning), call(morning.replace(hour=14)), call(morning.replace(hour=19))]
    with pytest.raises(AttemptRefused):
        check_attempt(spent, dt.datetime(2028, 3, 10, 10, 0), RULES)


@pytest.mark.parametrize("kind", list(CareKind))
def test_fallback_is_an_sms_for_first_maintenance_and_a_message_otherwise(kind: CareKind) -> None:
    expected = "sms" if kind is CareKind.FIRST_MAINTENANCE else "message"
    assert fallback_channel(kind) == expected


def test_every_kind_but_complaint_callbacks_can_be_silenced() -> None:
    assert set(DNC_OF) == set(CareKind) - {CareKind.COMPLAINT_CALLBACK}


# -- call outcomes -----------------------------------------------------------------------------


def refused_field(kind: CareKind, outcome: Outcome) -> str | None:
    with pytest.raises(ValidationError) as error:
        check_outcome(kind, outcome)
    return error.value.field


def test_outcome_checks_name_the_missing_field() -> None:
    assert refused_field(CareKind.SATISFACTION, Outcome()) == "satisfaction"
    for level in (Satisfaction.DISSATISFIED, Satisfaction.COMPLAINT):
        assert refused_field(CareKind.SATISFACTION, Outcome(satisfaction=level)) == "grievances"
    assert (
        refused_field(
            CareKind.SATISFACTION,
            Outcome(satisfaction=Satisfaction.COMPLAINT, grievances=frozenset({Grievance.PRICE})),
        )
        == "note"
    )
    assert (
        refused_field(
            CareKind.SATISFACTION,
            Outcome(
                satisfaction=Satisfaction.COMPLAINT,
                grievances=frozenset({Grievance.PRICE}),
                note="   ",
            ),
        )
        == "note"
    )
    assert refused_field(CareKind.REGULAR_MAINTENANCE, Outcome(mileage_km=-1)) == "mileage"
    assert refused_field(CareKind.REGULAR_MAINTENANCE, Outcome(mileage_km=2_000_001)) == ("mileage")
    with pytest.raises(ValidationError) as error:
        check_outcome(CareKind.SATISFACTION, Outcome())
    assert "5 levels" in str(error.value)


@given(
    st.sampled_from(list(CareKind)),
    st.sampled_from(list(Satisfaction)),
    st.frozensets(st.sampled_from(list(Grievance)), min_size=1),
    st.one_of(st.none(), st.integers(0, 2_000_000)),
)
def test_complete_outcomes_pass(
    kind: CareKind, level: Satisfaction, grievances: frozenset[Grievance], km: int | None
) -> None:
    check_outcome(kind, Outcome(level, grievances, km, note="客户原话"))
    if kind is not CareKind.SATISFACTION:  # only the satisfaction call needs the rating
        check_outcome(kind, Outcome(mileage_km=km))


# -- KPIs --------------------------------------------------------------------------------------


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_rate_is_a_percentage_rounded_half_up_to_one_decimal(part: int, whole: int) -> None:
    exact = Fraction(part * 100, whole)
    tenths = int(exact * 10 + Fraction(1, 2))  # half-up for non-negative values
    assert rate(part, whole) == Decimal(tenths) / 10


def test_rate_by_hand() -> None:
    assert rate(1, 3) == Decimal("33.3")
    assert rate(2, 3) == Decimal("66.7")
    assert rate(1, 16) == Decimal("6.3")  # 6.25: half-up, not half-even
    assert rate(1, 80) == Decimal("1.3")  # 1.25
    assert rate(3, 80) == Decimal("3.8")  # 3.75
    assert rate(0, 5) == Decimal("0.0")
    assert rate(5, 5) == Decimal("100.0")
    assert rate(0, 0) is None and rate(3, 0) is None  # no data, not 0 %


def test_kpis_on_a_hand_computed_month() -> None:
    counts = KpiCounts(
        month="2026-10",
        first_due=8,
        first_returned=7,  # 87.5
        regular_due=16,
        regular_returned=9,  # 56.25 → 56.3
        visits=40,
        visits_with_appointment=23,  # 57.5
        appointments=27,
        shows=24,  # 88.888… → 88.9
        owners=300,
        lost=62,  # 20.666… → 20.7
        callbacks_due=12,
        callbacks_on_time=11,  # 91.666… → 91.7
        explanation_minutes=[35, 42, 28, 40],  # 36.25 → 36.3
    )
    k = kpis(counts)
    assert k.month == "2026-10"
    assert k.first_maintenance_return == Decimal("87.5")
    assert k.regular_maintenance_return == Decimal("56.3")
    assert k.appointment_rate == Decimal("57.5")
    assert k.show_rate == Decimal("88.9")
    assert k.lost_rate == Decimal("20.7")
    assert k.callbacks_on_time == Decimal("91.7")
    assert k.explanation_minutes == Decimal("36.3")
    assert not k.empty


def test_kpis_without_data_are_none_and_empty() -> None:
    k = kpis(KpiCounts(month="2026-10"))
    assert k.empty
    assert k.first_maintenance_return is None and k.explanation_minutes is None
    only_minutes = kpis(KpiCounts(month="2026-10", explanation_minutes=[30, 31]))
    assert not only_minutes.empty
    assert only_minutes.explanation_minutes == Decimal("30.5")
    assert only_minutes.show_rate is None


@pytest.mark.parametrize(
    ("text", "first", "end"),
    [
        ("2026-10", dt.date(2026, 10, 1), dt.date(2026, 11, 1)),
        ("2026-12", dt.date(2026, 12, 1), dt.date(2027, 1, 1)),
        ("2028-02", dt.date(2028, 2, 1), dt.date(2028, 3, 1)),
        (" 2026-02 ", dt.date(2026, 2, 1), dt.date(2026, 3, 1)),
    ],
)
def test_parse_month(text: str, first: dt.date, end: dt.date) -> None:
    assert parse_month(text) == (first, end)


@pytest.mark.parametrize("text", ["", "2026", "2026-13", "2026/10", "十月", "2026-10-05"])
def test_a_bad_month_is_refused_in_words(text: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_month(text)
    assert error.value.field == "month"
    assert "YYYY-MM" in str(error.value)


def test_no_kpi_data_names_the_month() -> None:
    error = NoKpiData("2026-10")
    assert error.field == "month" and "2026-10" in str(error)


# -- settings ----------------------------------------------------------------------------------

counts = st.integers(1, 400)


@given(
    st.builds(
        CareRules,
        callback_days=st.lists(st.integers(1, 365), min_size=1, max_size=8).map(tuple),
        first_window_months=st.integers(1, 6),
        regular_interval_months=st.integers(1, 24),
        regular_interval_km=st.integers(1_000, 50_000),
        regular_lead_days=counts,
        warranty_lead_months=st.integers(0, 12),
        insurance_lead_months=st.integers(0, 12),
        inspection_lead_days=counts,
        satisfaction_after_days=counts,
        satisfaction_expires_days=counts,
        lost_min_days=counts,
        lost_max_days=counts,
        complaint_response_minutes=counts,
        attempts=st.integers(1, 9),
        horizon_days=counts,
    )
)
def test_rules_round_trip_through_json(rules: CareRules) -> None:
    text = json.dumps(rules.to_json())
    assert CareRules.from_json(json.loads(text)) == rules


def test_rules_json_fills_missing_keys_with_defaults_and_ignores_unknown_ones() -> None:
    rules = CareRules.from_json({"attempts": 4, "callback_days": [2, 5], "retired_setting": 1})
    assert rules.attempts == 4 and rules.callback_days == (2, 5)
    assert rules.lost_min_days == 90
    assert CareRules.from_json({}) == CareRules()
    assert CareRules.from_json({"attempts": "5"}).attempts == 5  # stored as text: still read
