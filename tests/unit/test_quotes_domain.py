"""The quote's breakdown and its rules, without a database: the printed lines add up to the
printed total to the fen whatever is chosen, every finance plan's figures agree with the loan
formula, the refusals name their field and limit, the discount cap follows the role, and the
stored forms (settings JSON, document numbers) round-trip."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.finance import monthly_payment, total_interest
from desktop_app.domain.pricing import purchase_tax
from desktop_app.domain.quotes import (
    FEN,
    MAX_PRICE,
    TERMS,
    Breakdown,
    Extra,
    FinancePlan,
    LineKind,
    QuoteInput,
    QuoteStatus,
    SalesSettings,
    TradeIn,
    compute,
    discount_needs_approval,
    effective_status,
    fen,
    input_from_json,
    input_to_json,
    make_number,
    money_text,
    terminal_code,
    validate_input,
    vessel_tax_for_year,
)
from desktop_app.domain.roles import Role

D = Decimal
FAST = settings(max_examples=200, deadline=None)
DEFAULTS = SalesSettings()
DAY = dt.date(2026, 11, 20)
NUMBER = re.compile(r"^(BJ|HT)(\d{8})-([A-HJ-NP-Z2-9]{4})-(\d{3,})$")


def a_quote(**changes: object) -> QuoteInput:
    base = QuoteInput(
        model_id="m-1",
        model_name="大众 帕萨特 330TSI 精英版",
        guide_price=D("209900.00"),
        nev=False,
        seats=5,
        engine_cc=1984,
        purchase_date=DAY,
        vessel_tax_annual=D("450.00"),
        registration_fee=D("500.00"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def a_plan(**changes: object) -> FinancePlan:
    base = FinancePlan("上汽通用金融", D("60000.00"), 36, D("0.0399"), D("1500.00"))
    return replace(base, **changes)  # type: ignore[arg-type]


def refusal(q: QuoteInput, sales: SalesSettings = DEFAULTS) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_input(q, sales)
    return caught.value


def exact_monthly(loan: Decimal, rate: Decimal, months: int) -> Decimal:
    """The annuity without rounding (50 digits)."""
    with localcontext() as ctx:
        ctx.prec = 50
        if rate == 0:
            return loan / months
        r = rate / 12
        growth = (1 + r) ** months
        return loan * r * growth / (growth - 1)


def is_fen(value: Decimal) -> bool:
    return value.as_tuple().exponent == -2 and value == value.quantize(FEN)


# -- random valid quotes ----------------------------------------------------------------------


def money(low: int, high: int, places: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=low, max_value=high, places=places)


fractions = st.decimals(min_value=0, max_value=1, places=4)


@st.composite
def extras(draw: st.DrawFn, prefix: str, high: int, places: int) -> tuple[Extra, ...]:
    prices = draw(st.lists(money(0, high, places), max_size=4))
    return tuple(Extra(f"{prefix}-{n}", f"项目{n}", f"Item {n}", p) for n, p in enumerate(prices))


@st.composite
def quote_inputs(draw: st.DrawFn, places: int = 2) -> QuoteInput:
    """Any input validate_input accepts: prices, options, discounts up to the whole price,
    accessories, covers, trade-in, NEV or not, 2023-2028, up to three plans, one chosen."""
    guide = draw(money(30_000, 3_000_000, places).filter(lambda v: v > 0))
    options = draw(extras("OPT", 60_000, places))
    gross = guide + sum((o.price for o in options), D(0))
    # discounts are fractions of what is left so that together they never pass the price
    promotion = (gross * draw(fractions)).quantize(D(1).scaleb(-places), rounding="ROUND_DOWN")
    extra = ((gross - promotion) * draw(fractions)).quantize(
        D(1).scaleb(-places), rounding="ROUND_DOWN"
    )
    nev = draw(st.booleans())
    # as compute() and validate_input add it up: line by line, each line rounded to the fen
    selling = fen(guide) + sum((fen(o.price) for o in options), D(0)) - fen(promotion) - fen(extra)
    assume(selling >= 0)  # rounding each line can put the discounts a fen above the price
    share = DEFAULTS.min_down_share(nev)
    minimum = fen(selling * share)
    plans = tuple(
        FinancePlan(
            lender=f"银行{n}",
            down_payment=fen(minimum + (selling - minimum) * draw(fractions)),
            months=draw(st.sampled_from(TERMS)),
            annual_rate=draw(st.decimals(min_value=0, max_value=D("0.24"), places=4)),
            fee=draw(money(0, 5_000, places)),
        )
        for n in range(draw(st.integers(0, 3)))
    )
    chosen = draw(st.none() | st.integers(0, len(plans) - 1)) if plans else None
    return QuoteInput(
        model_id="m-x",
        model_name="测试车型",
        guide_price=guide,
        nev=nev,
        seats=draw(st.integers(2, 9)),
        engine_cc=None if nev else draw(st.sampled_from([998, 1498, 1984, 2487, 2998, 4395])),
        purchase_date=draw(st.dates(dt.date(2023, 1, 1), dt.date(2028, 12, 31))),
        promotion=promotion,
        extra_discount=extra,
        options=options,
        accessories=draw(extras("ACC", 20_000, places)),
        insurance=draw(extras("INS", 15_000, places)),
        compulsory=draw(st.booleans()),
        vessel_tax_annual=draw(st.sampled_from([D(0), D(180), D(360), D(450), D(720), D(4500)])),
        registration_fee=draw(money(0, 3_000, places)),
        trade_in=TradeIn("旧车", draw(money(0, 300_000, places)), draw(money(0, 20_000, places))),
        plans=plans,
        chosen_plan=chosen,
    )


def expected_total(q: QuoteInput) -> Decimal:
    """The on-road price worked out line by line, independently of compute()."""
    selling = (
        fen(q.guide_price)
        + sum((fen(o.price) for o in q.options), D(0))
        - fen(q.promotion)
        - fen(q.extra_discount)
    )
    total = selling + sum((fen(a.price) for a in q.accessories), D(0))
    total += purchase_tax(max(selling, D(0)), q.nev, q.purchase_date)
    if q.compulsory:
        total += D(950) if q.seats < 6 else D(1100)
    total += sum((fen(c.price) for c in q.insurance), D(0))
    if not q.nev:
        total += fen(q.vessel_tax_annual * (13 - q.purchase_date.month) / 12)
    total += fen(q.registration_fee)
    if q.chosen_plan is not None:
        total += fen(q.plans[q.chosen_plan].fee)
    return total - fen(q.trade_in.value) - fen(q.trade_in.subsidy)


def check_breakdown(q: QuoteInput, b: Breakdown) -> None:
    counted = [ln.amount for ln in b.lines if ln.counted]
    assert sum(counted, D(0)) == b.total
    assert b.total == expected_total(q)
    for line in b.lines:
        assert is_fen(line.amount), line
    assert is_fen(b.total) and is_fen(b.selling_price)
    # the subtotal is printed once and is not added
    assert [ln.amount for ln in b.lines if ln.kind is LineKind.SELLING] == [b.selling_price]
    assert b.amount(LineKind.PURCHASE_TAX) == purchase_tax(
        max(b.selling_price, D(0)), q.nev, q.purchase_date
    )
    assert (LineKind.FINANCE_FEE in {ln.kind for ln in b.lines}) == (
        q.chosen_plan is not None and q.plans[q.chosen_plan].fee > 0
    )
    assert len(b.plans) == len(q.plans)
    without_fee = b.total - b.amount(LineKind.FINANCE_FEE)
    for plan, figures in zip(q.plans, b.plans, strict=True):
        assert figures.plan == plan
        assert figures.loan == max(b.selling_price, D(0)) - fen(plan.down_payment)
        assert figures.monthly == monthly_payment(figures.loan, plan.annual_rate, plan.months)
        assert figures.interest == total_interest(figures.loan, plan.annual_rate, plan.months)
        assert is_fen(figures.monthly)
        # the printed figures agree among themselves exactly (the last instalment settles
        # the rounding) …
        assert (
            figures.monthly * (plan.months - 1) + figures.final == figures.loan + figures.interest
        )
        assert abs(figures.monthly * plan.months - figures.loan - figures.interest) <= (
            D("0.005") * plan.months
        )
        assert figures.due_at_purchase + figures.loan == without_fee + fen(plan.fee)
        assert figures.total_cost == without_fee + figures.interest + fen(plan.fee)
        # … and with the annuity formula to within half a fen a month
        exact = exact_monthly(figures.loan, plan.annual_rate, plan.months)
        assert abs(figures.interest - (exact * plan.months - figures.loan)) <= (
            D("0.005") * plan.months
        )
        if plan.annual_rate == 0:
            assert figures.monthly == fen(figures.loan / plan.months)
            assert figures.interest == 0


@FAST
@given(quote_inputs())
@example(a_quote(guide_price=D("200000"), nev=True, purchase_date=dt.date(2026, 3, 1)))
@example(
    a_quote(
        plans=(a_plan(), a_plan(months=24, annual_rate=D(0), fee=D(0)), a_plan(months=60)),
        chosen_plan=2,
        trade_in=TradeIn("宝来", D("42000"), D("3000")),
    )
)
def test_the_counted_lines_add_up_to_the_total_to_the_fen(q: QuoteInput) -> None:
    validate_input(q, DEFAULTS)
    check_breakdown(q, compute(q, DEFAULTS))


@FAST
@given(quote_inputs(places=4))
def test_amounts_typed_with_more_decimals_are_rounded_per_line(q: QuoteInput) -> None:
    validate_input(q, DEFAULTS)
    check_breakdown(q, compute(q, DEFAULTS))


def test_nev_200000_in_2026_shows_the_domain_example_as_its_purchase_tax_line() -> None:
    q = a_quote(
        guide_price=D("200000"),
        nev=True,
        engine_cc=None,
        vessel_tax_annual=D(0),
        purchase_date=dt.date(2026, 6, 18),
    )
    b = compute(q, DEFAULTS)
    [tax] = [ln for ln in b.lines if ln.kind is LineKind.PURCHASE_TAX]
    assert tax.amount == D("8849.56")
    assert "17,699.12" in tax.detail and "NEV 8,849.56" in tax.detail
    # the same car as petrol pays the whole tax and says no relief
    petrol = compute(replace(q, nev=False), DEFAULTS)
    assert petrol.amount(LineKind.PURCHASE_TAX) == D("17699.12")
    assert "NEV" not in [ln for ln in petrol.lines if ln.kind is LineKind.PURCHASE_TAX][0].detail


def test_a_worked_breakdown_line_by_line() -> None:
    q = a_quote(
        options=(Extra("ROOF", "全景天窗", "Panoramic sunroof", D("8000")),),
        promotion=D("12000"),
        promotion_name="帕萨特年末特惠",
        extra_discount=D("2000"),
        accessories=(Extra("ACC-MAT", "全包围脚垫", "Floor mats", D("800")),),
        insurance=(Extra("INS-TPL", "第三者责任保险", "Third party", D("1350")),),
        seats=7,
        trade_in=TradeIn("宝来", D("42000"), D("3000")),
    )
    b = compute(q, DEFAULTS)
    assert [(ln.kind, ln.amount) for ln in b.lines] == [
        (LineKind.GUIDE, D("209900.00")),
        (LineKind.OPTION, D("8000.00")),
        (LineKind.PROMOTION, D("-12000.00")),
        (LineKind.DISCOUNT, D("-2000.00")),
        (LineKind.SELLING, D("203900.00")),
        (LineKind.ACCESSORY, D("800.00")),
        (LineKind.PURCHASE_TAX, D("18044.25")),  # 203,900 / 1.13 × 10 %
        (LineKind.COMPULSORY, D("1100.00")),  # 7 seats
        (LineKind.INSURANCE, D("1350.00")),
        (LineKind.VESSEL_TAX, D("75.00")),  # 450 × 2/12 (bought in November)
        (LineKind.REGISTRATION, D("500.00")),
        (LineKind.TRADE_IN, D("-42000.00")),
        (LineKind.TRADE_SUBSIDY, D("-3000.00")),
    ]
    assert b.total == D("180769.25")


# -- the refusals -------------------------------------------------------------------------------


def test_a_72_month_loan_is_refused_naming_the_plans_months() -> None:
    error = refusal(a_quote(plans=(a_plan(), a_plan(months=72))))
    assert error.field == "plan2.months"
    assert "72" in str(error) and "Plan 2" in str(error)
    assert refusal(a_quote(plans=(a_plan(months=72),))).field == "plan1.months"


@pytest.mark.parametrize(
    ("nev", "share", "minimum"),
    [
        (False, "20", "41,980.00"),  # 209,900 × 20 %
        (True, "15", "31,485.00"),  # 209,900 × 15 %
    ],
)
def test_a_down_payment_below_the_minimum_is_refused_with_the_minimum(
    nev: bool, share: str, minimum: str
) -> None:
    just_enough = D(minimum.replace(",", ""))
    validate_input(a_quote(nev=nev, plans=(a_plan(down_payment=just_enough),)), DEFAULTS)
    error = refusal(a_quote(nev=nev, plans=(a_plan(down_payment=just_enough - FEN),)))
    assert error.field == "plan1.down_payment"
    assert f"¥{minimum}" in str(error) and f"{share} %" in str(error)


def test_the_minimum_down_payment_is_a_setting() -> None:
    looser = replace(DEFAULTS, min_down_ice=D("0.10"))
    validate_input(a_quote(plans=(a_plan(down_payment=D("20990")),)), looser)
    assert refusal(a_quote(plans=(a_plan(down_payment=D("20990")),))).field == (
        "plan1.down_payment"
    )


def test_a_down_payment_above_the_selling_price_is_refused() -> None:
    error = refusal(a_quote(plans=(a_plan(down_payment=D("209900.01")),)))
    assert error.field == "plan1.down_payment" and "209,900.00" in str(error)


@pytest.mark.parametrize("rate", [D("0.2401"), D("0.30"), D("-0.01")])
def test_a_rate_outside_0_to_24_percent_is_refused(rate: Decimal) -> None:
    error = refusal(a_quote(plans=(a_plan(annual_rate=rate),)))
    assert error.field == "plan1.rate" and "24.00 %" in str(error)


def test_24_percent_and_0_percent_are_accepted() -> None:
    validate_input(
        a_quote(plans=(a_plan(annual_rate=D("0.24")), a_plan(annual_rate=D(0)))), DEFAULTS
    )


def test_a_zero_percent_plan_is_the_loan_divided_by_the_months() -> None:
    q = a_quote(plans=(a_plan(down_payment=D("59900"), annual_rate=D(0), months=36),))
    [figures] = compute(q, DEFAULTS).plans
    assert figures.loan == D("150000.00")
    assert figures.monthly == D("4166.67")
    assert figures.interest == D("0.00")  # a 0 % loan costs nothing …
    assert figures.final == D("4166.55")  # … the last instalment gives back the rounding


def test_more_than_three_plans_are_refused() -> None:
    assert refusal(a_quote(plans=(a_plan(),) * 4)).field == "plans"


def test_choosing_a_plan_that_is_not_there_is_refused() -> None:
    assert refusal(a_quote(plans=(a_plan(),), chosen_plan=1)).field == "plans"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"guide_price": D("-1")}, "guide_price"),
        ({"guide_price": D("0")}, "guide_price"),
        ({"guide_price": MAX_PRICE + 1}, "guide_price"),
        ({"promotion": D("-500")}, "promotion"),
        ({"extra_discount": D("-0.01")}, "extra_discount"),
        ({"registration_fee": D("-1")}, "registration_fee"),
        ({"registration_fee": D("200000.01")}, "registration_fee"),
        ({"vessel_tax_annual": D("-360")}, "vessel_tax"),
        ({"trade_in": TradeIn("旧车", D("-1"))}, "trade_in_value"),
        ({"trade_in": TradeIn("旧车", D(0), D("99999999"))}, "trade_in_subsidy"),
        ({"options": (Extra("X", "选装", "", D("-100")),)}, "options"),
        ({"accessories": (Extra("X", "精品", "", D("30000000")),)}, "accessories"),
        ({"insurance": (Extra("X", "险", "", D("-1")),)}, "insurance"),
        ({"seats": 0}, "seats"),
    ],
)
def test_negative_or_absurd_amounts_are_refused_naming_the_field(
    changes: dict[str, object], field: str
) -> None:
    assert refusal(a_quote(**changes)).field == field


def test_an_absurd_amount_says_the_limit() -> None:
    error = refusal(a_quote(guide_price=D("25000000")))
    assert "25,000,000.00" in str(error) and "20,000,000.00" in str(error)


def test_discounts_above_the_price_are_refused() -> None:
    options = (Extra("ROOF", "全景天窗", "", D("8000")),)
    # the options count towards the price the discounts may reach …
    validate_input(
        a_quote(options=options, promotion=D("200000"), extra_discount=D("17900")), DEFAULTS
    )
    # … one fen more is refused, with both figures
    error = refusal(a_quote(options=options, promotion=D("200000"), extra_discount=D("17900.01")))
    assert error.field == "extra_discount"
    assert "217,900.01" in str(error) and "217,900.00" in str(error)


# -- the discount cap ---------------------------------------------------------------------------


def test_a_consultant_may_give_3000_and_a_manager_anything() -> None:
    consultant = frozenset({Role.SALES_CONSULTANT})
    manager = frozenset({Role.MANAGER})
    assert DEFAULTS.cap_for(consultant) == D(3000)
    assert DEFAULTS.cap_for(manager) is None
    assert discount_needs_approval(D(3000), consultant, DEFAULTS) is None
    assert discount_needs_approval(D("3000.01"), consultant, DEFAULTS) == D(3000)
    assert discount_needs_approval(D("999999"), manager, DEFAULTS) is None


def test_a_role_without_a_cap_may_give_nothing_extra_and_the_best_role_counts() -> None:
    advisor = frozenset({Role.SERVICE_ADVISOR})
    assert DEFAULTS.cap_for(advisor) == D(0)
    assert discount_needs_approval(D("0.01"), advisor, DEFAULTS) == D(0)
    assert discount_needs_approval(D(0), advisor, DEFAULTS) is None
    both = frozenset({Role.DELIVERY_SPECIALIST, Role.SALES_CONSULTANT})
    assert DEFAULTS.cap_for(both) == D(3000)
    assert DEFAULTS.cap_for(frozenset({Role.SALES_CONSULTANT, Role.MANAGER})) is None
    generous = replace(
        DEFAULTS,
        discount_caps={
            Role.SALES_CONSULTANT.value: D(5000),
            Role.DELIVERY_SPECIALIST.value: D(500),
        },
    )
    assert generous.cap_for(both) == D(5000)
    assert discount_needs_approval(D(4000), both, generous) is None


# -- status, numbers, stored forms --------------------------------------------------------------


@pytest.mark.parametrize("status", [QuoteStatus.DRAFT, QuoteStatus.SENT])
def test_a_draft_or_sent_quote_reads_expired_the_day_after_its_validity(
    status: QuoteStatus,
) -> None:
    until = dt.date(2026, 11, 27)
    assert effective_status(status, until, until) is status
    assert effective_status(status, until, until + dt.timedelta(days=1)) is QuoteStatus.EXPIRED


@pytest.mark.parametrize("status", [QuoteStatus.ACCEPTED, QuoteStatus.LOST, QuoteStatus.EXPIRED])
def test_closed_quotes_keep_their_status(status: QuoteStatus) -> None:
    assert effective_status(status, dt.date(2020, 1, 1), dt.date(2030, 1, 1)) is status


@given(st.uuids(version=4).map(str), st.integers(1, 999), st.sampled_from(["BJ", "HT"]))
@FAST
def test_numbers_name_the_kind_the_day_the_pc_and_the_serial(
    device: str, serial: int, prefix: str
) -> None:
    code = terminal_code(device)
    assert code == terminal_code(device)  # stable for the PC
    number = make_number(prefix, DAY, code, serial)
    match = NUMBER.match(number)
    assert match is not None, number
    assert match.groups() == (prefix, "20261120", code, f"{serial:03d}")


def test_terminal_codes_differ_between_pcs_and_avoid_ambiguous_characters() -> None:
    assert make_number("BJ", DAY, "K7QD", 3) == "BJ20261120-K7QD-003"
    codes = {terminal_code(f"0190a5c2-7d3e-7000-8000-{n:012x}") for n in range(2000)}
    assert len(codes) == 2000
    assert not set("".join(codes)) & set("IO01")


money_settings = st.decimals(min_value=0, max_value=100_000, places=2)
shares = st.decimals(min_value=0, max_value=1, places=4)


@given(
    caps=st.dictionaries(
        st.sampled_from([r.value for r in Role]), st.none() | money_settings, max_size=4
    ),
    down=st.tuples(shares, shares),
    fees=st.tuples(money_settings, money_settings, money_settings, money_settings),
    days=st.tuples(st.integers(1, 90), st.integers(0, 120)),
)
@FAST
def test_sales_settings_survive_json(
    caps: dict[str, Decimal | None],
    down: tuple[Decimal, Decimal],
    fees: tuple[Decimal, Decimal, Decimal, Decimal],
    days: tuple[int, int],
) -> None:
    original = SalesSettings(
        discount_caps=caps,
        min_down_ice=down[0],
        min_down_nev=down[1],
        compulsory_small=fees[0],
        compulsory_large=fees[1],
        registration_fee=fees[2],
        finance_fee=fees[3],
        validity_days=days[0],
        delivery_days=days[1],
        max_rate=D("0.18"),
        deposit=D("8000"),
        max_deposit_share=D("0.15"),
    )
    text = json.dumps(original.to_json())
    assert SalesSettings.from_json(json.loads(text)) == original


def test_settings_missing_from_the_json_keep_their_defaults() -> None:
    loaded = SalesSettings.from_json({"validity_days": 10, "discount_caps": {"manager": None}})
    assert loaded.validity_days == 10
    assert loaded.discount_caps == {"manager": None}
    assert loaded.min_down_ice == D("0.20") and loaded.min_down_nev == D("0.15")
    assert SalesSettings.from_json({}) == SalesSettings()


@FAST
@given(quote_inputs(places=4))
def test_the_quote_input_survives_its_stored_form(q: QuoteInput) -> None:
    assert input_from_json(json.loads(json.dumps(input_to_json(q)))) == q


# -- vehicle and vessel tax --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("annual", "month", "expected"),
    [
        (D(360), 1, D("360.00")),  # bought in January: the whole year
        (D(360), 7, D("180.00")),
        (D(450), 11, D("75.00")),
        (D(450), 12, D("37.50")),  # December: one month
        (D(250), 8, D("104.17")),  # 250 × 5/12, half-up to the fen
        (D(4500), 2, D("4125.00")),
        (D(0), 5, D("0.00")),
    ],
)
def test_vessel_tax_runs_from_the_month_of_purchase(
    annual: Decimal, month: int, expected: Decimal
) -> None:
    day = dt.date(2026, month, 15)
    assert vessel_tax_for_year(annual, day, nev=False) == expected
    b = compute(a_quote(vessel_tax_annual=annual, purchase_date=day), DEFAULTS)
    assert b.amount(LineKind.VESSEL_TAX) == expected


def test_nevs_are_exempt_from_vessel_tax_and_the_quote_says_so() -> None:
    day = dt.date(2026, 3, 1)
    assert vessel_tax_for_year(D(450), day, nev=True) == D(0)
    b = compute(a_quote(nev=True, vessel_tax_annual=D(450), purchase_date=day), DEFAULTS)
    [line] = [ln for ln in b.lines if ln.kind is LineKind.VESSEL_TAX]
    assert line.amount == D(0) and "NEV" in line.detail


def test_money_text_groups_thousands_and_rounds_half_up() -> None:
    assert money_text(D("1234567.005")) == "1,234,567.01"
    assert money_text(D("0")) == "0.00"
    assert fen(D("2.675")) == D("2.68")
    assert D("2.675").quantize(FEN, rounding=ROUND_HALF_UP) == fen(D("2.675"))
