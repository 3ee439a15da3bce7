"""QuoteService against a real demo database: importing head office's price list (counts,
rejected rows, linking the catalogue), building a quote from it, numbers, drafts, the discount cap
and the manager's approval, versions, expiry, losing, listing, and the change journal.

The tests work on 2026-11-25 (after the demo's own quotes, within the demo promotions) and never
assume how many quotes the demo file already holds.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.price_list import COLUMNS, ItemKind
from desktop_app.domain.quotes import (
    ApprovalNeeded,
    Extra,
    FinancePlan,
    LineKind,
    QuoteInput,
    QuoteStatus,
    compute,
)
from desktop_app.services.contracts import ContractService
from desktop_app.services.demo_data import DEMO_PASSWORD
from desktop_app.services.demo_sales import DEMO_PRICE_LIST
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.quotes import (
    ApprovalRefused,
    NotLatestVersion,
    QuoteClosed,
    QuoteExpired,
    QuoteService,
)
from desktop_app.storage.db import Database
from desktop_app.storage.quotes import PriceListRepository
from tests.conftest import session_as

D = Decimal
DAY = dt.date(2026, 11, 25)
HEADER = ",".join(COLUMNS)
NUMBER = re.compile(r"^BJ20261125-([A-HJ-NP-Z2-9]{4})-(\d{3})$")
DEMO_KINDS = {
    "model": 20,
    "option": 48,
    "accessory": 7,
    "insurance": 4,
    "fee": 2,
    "vessel_tax": 7,
    "promotion": 5,
}


class Today:
    """The service's idea of today, moved by the test."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def today() -> Today:
    return Today(DAY)


def import_demo_prices(db: Database) -> None:
    """Head office's price list imported by the manager (again, if the demo file has it)."""
    QuoteService(db, session_as(db, "manager"), lambda: DAY).import_price_list(DEMO_PRICE_LIST)


@pytest.fixture
def priced(db: Database) -> Database:
    import_demo_prices(db)
    return db


def desk(db: Database, username: str, today: Today) -> QuoteService:
    return QuoteService(db, session_as(db, username), today)


def customer_ids(db: Database, count: int = 3) -> list[str]:
    """Customers with a valid-looking ID number and an address (what a contract needs)."""
    rows = db.raw.execute(
        "SELECT id FROM customer WHERE deleted_at IS NULL AND length(id_number) = 18 "
        "AND address != '' ORDER BY rowid LIMIT ?",
        (count,),
    ).fetchall()
    assert len(rows) == count
    return [str(r[0]) for r in rows]


def model_id(db: Database, code: str) -> str:
    return PriceListRepository(db).model_codes()[code]


def a_quote(quotes: QuoteService, code: str = "LSV-02", **changes: object) -> QuoteInput:
    return replace(quotes.new_input(model_id(quotes.db, code)), **changes)  # type: ignore[arg-type]


def price_items(db: Database) -> dict[str, int]:
    rows = db.raw.execute(
        "SELECT kind, count(*) FROM price_item WHERE deleted_at IS NULL GROUP BY kind"
    ).fetchall()
    return {str(k): int(n) for k, n in rows}


def journal(db: Database, row_id: str) -> list[tuple[str, str | None]]:
    rows = db.raw.execute(
        "SELECT op, actor FROM change_log WHERE table_name = 'quote' AND row_id = ? ORDER BY seq",
        (row_id,),
    ).fetchall()
    return [(str(op), actor) for op, actor in rows]


# -- the price list ---------------------------------------------------------------------------


def test_importing_the_demo_price_list_adds_every_row_and_links_the_catalogue(
    db: Database,
) -> None:
    with db.write():  # start from no price list (the demo file may come with one)
        db.raw.execute("DELETE FROM price_item")
    models_before = db.raw.execute("SELECT count(*) FROM vehicle_model").fetchone()[0]
    quotes = QuoteService(db, session_as(db, "manager"), lambda: DAY)

    report = quotes.import_price_list(DEMO_PRICE_LIST)

    assert (report.added, report.updated, report.rejected) == (93, 0, [])
    assert report.accepted == 93
    assert price_items(db) == DEMO_KINDS
    # every trim of the file is already in the demo catalogue: linked, not duplicated
    assert db.raw.execute("SELECT count(*) FROM vehicle_model").fetchone()[0] == models_before
    unlinked = db.raw.execute(
        "SELECT count(*) FROM price_item WHERE kind IN ('model', 'option', 'promotion') "
        "AND model_id IS NULL"
    ).fetchone()[0]
    assert unlinked == 0
    passat = quotes.prices.model(model_id(db, "LSV-02"))
    assert passat is not None
    assert (passat.series, passat.trim, passat.guide_price) == (
        "帕萨特",
        "330TSI 精英版",
        D(209900),
    )
    options = {i.code for i in quotes.items(ItemKind.OPTION, passat.id)}
    assert options == {"LSV-02-ROOF", "LSV-02-SEAT", "LSV-02-PAINT"}
    assert [m.code for m in quotes.models()].count("LSV-02") == 1
    assert len(quotes.models()) == 20


def test_importing_the_same_file_again_changes_nothing(priced: Database) -> None:
    quotes = QuoteService(priced, session_as(priced, "manager"), lambda: DAY)
    journal_before = priced.raw.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    report = quotes.import_price_list(DEMO_PRICE_LIST)
    assert (report.added, report.updated, report.rejected) == (0, 0, [])
    assert price_items(priced) == DEMO_KINDS
    assert priced.raw.execute("SELECT max(seq) FROM change_log").fetchone()[0] == journal_before


def test_a_file_with_bad_rows_saves_the_good_ones_and_reports_the_bad(priced: Database) -> None:
    quotes = QuoteService(priced, session_as(priced, "manager"), lambda: DAY)
    data = "\n".join(
        [
            HEADER,
            "accessory,ACC-MAT,,,,,,全包围脚垫,All-weather floor mats,880.00,,,,,,,",  # dearer
            "accessory,ACC-NEW,,,,,,香氛系统,Fragrance,299,,,,,,,",
            "accessory,ACC-BAD,,,,,,坏行,,-5,,,,,,,",
            "option,LSV-09-ROOF,LSV-09,,,,,全景天窗,,8000,,,,,,,",  # no such model
            "promotion,PROMO-NODATE,LSV-01,,,,,直降,,1000,,,,,,,",
            "option,LSV-01-WHEEL,LSV-01,,,,,18 寸轮毂,18-inch wheels,4500,,,,,,,",
        ]
    ).encode("utf-8")

    report = quotes.import_price_list(data)

    assert (report.added, report.updated) == (2, 1)
    assert [(r.line, r.code, r.error.field) for r in report.rejected] == [
        (4, "ACC-BAD", "price"),
        (5, "LSV-09-ROOF", "model_code"),
        (6, "PROMO-NODATE", "valid_from"),
    ]
    assert "LSV-09" in str(report.rejected[1].error)
    prices = {i.code: i for i in quotes.prices.items()}
    assert prices["ACC-MAT"].price == D("880.00")
    assert prices["ACC-NEW"].price == D("299.00")
    assert prices["LSV-01-WHEEL"].model_id == model_id(priced, "LSV-01")
    assert not {"ACC-BAD", "LSV-09-ROOF", "PROMO-NODATE"} & prices.keys()


def test_an_option_of_a_model_new_in_the_same_file_is_linked_to_it(priced: Database) -> None:
    quotes = QuoteService(priced, session_as(priced, "manager"), lambda: DAY)
    models_before = priced.raw.execute("SELECT count(*) FROM vehicle_model").fetchone()[0]
    data = "\n".join(
        [
            HEADER,
            "option,ZK-01-ROOF,ZK-01,,,,,全景天窗,,9000,,,,,,,",  # before its model in the file
            "model,ZK-01,,极氪,001,WE 版 100kWh,2026,,,299000,,bev,5,,,,",
        ]
    ).encode("utf-8")
    report = quotes.import_price_list(data)
    assert (report.added, report.updated, report.rejected) == (2, 0, [])
    assert priced.raw.execute("SELECT count(*) FROM vehicle_model").fetchone()[0] == (
        models_before + 1
    )
    zeekr = model_id(priced, "ZK-01")
    assert [i.code for i in quotes.items(ItemKind.OPTION, zeekr)] == ["ZK-01-ROOF"]
    model = quotes.prices.model(zeekr)
    assert model is not None and model.display_name == "极氪 001 WE 版 100kWh"


def test_a_consultant_may_not_import_the_price_list(priced: Database) -> None:
    quotes = QuoteService(priced, session_as(priced, "sales1"), lambda: DAY)
    before = price_items(priced)
    data = f"{HEADER}\naccessory,ACC-X,,,,,,脚垫,,1,,,,,,,\n".encode()
    with pytest.raises(PermissionDenied):
        quotes.import_price_list(data)
    assert price_items(priced) == before


# -- a new quote --------------------------------------------------------------------------------


def test_a_new_quote_is_filled_from_the_price_list(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    tiguan = model_id(priced, "LSV-03")
    q = quotes.new_input(tiguan)
    assert (q.model_name, q.guide_price, q.nev, q.seats, q.engine_cc) == (
        "大众 途观L 330TSI 两驱智享版",
        D("226800.00"),
        False,
        5,
        1984,
    )
    assert q.purchase_date == DAY and q.compulsory
    # each cover: its fixed part plus its rate of the guide price (own damage: 600 + 1.15 %)
    assert {c.code: c.price for c in q.insurance} == {
        "INS-DMG": D("3208.20"),
        "INS-TPL": D("1350.00"),
        "INS-DRV": D("80.00"),
        "INS-PAX": D("160.00"),
    }
    assert q.vessel_tax_annual == D("450.00")  # 1,984 cc: the ≤ 2,000 band
    assert q.registration_fee == D("500.00")
    assert q.extra_discount == 0 and q.plans == ()


@pytest.mark.parametrize(
    ("code", "annual"),
    [
        ("LVG-01", D("360.00")),  # 1,197 cc
        ("LSV-01", D("360.00")),  # 1,498 cc
        ("LGB-01", D("360.00")),  # 1,598 cc
        ("LVG-03", D("720.00")),  # hybrid, 2,487 cc
        ("LSV-04", D("0.00")),  # battery electric
        ("LGX-01", D("0.00")),  # plug-in hybrid: an NEV, exempt
    ],
)
def test_the_vessel_tax_follows_the_engine_band(
    priced: Database, today: Today, code: str, annual: Decimal
) -> None:
    assert desk(priced, "sales1", today).new_input(model_id(priced, code)).vessel_tax_annual == (
        annual
    )


def test_only_promotions_running_today_are_offered(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    corolla = model_id(priced, "LVG-01")
    assert quotes.items(ItemKind.PROMOTION, corolla) == []  # its National Day offer ended
    assert [p.code for p in quotes.items(ItemKind.PROMOTION, corolla, dt.date(2026, 10, 1))] == [
        "PROMO-OLD"
    ]
    lavida = model_id(priced, "LSV-01")
    assert [p.code for p in quotes.items(ItemKind.PROMOTION, lavida)] == ["PROMO-VW-1212"]


def test_created_quotes_are_numbered_per_day_and_pc(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    alice, bob, _ = customer_ids(priced)
    first = quotes.create(alice, a_quote(quotes))
    second = quotes.create(bob, a_quote(quotes, "LSV-01"))
    m1, m2 = NUMBER.match(first.number), NUMBER.match(second.number)
    assert m1 is not None and m2 is not None, (first.number, second.number)
    assert m1.group(1) == m2.group(1) == quotes.terminal()
    assert int(m2.group(2)) == int(m1.group(2)) + 1
    assert (first.version, first.status, first.quoted_on) == (1, QuoteStatus.DRAFT, DAY)
    assert first.valid_until == DAY + dt.timedelta(days=7)
    assert first.sales_id == quotes.session.staff.id and first.sales_name == "杨欣怡"
    customer = quotes.customers.get(alice)
    assert customer is not None
    assert (first.customer_name, first.phone) == (customer.name, customer.mobile)
    assert first.total == compute(first.input, quotes.settings()).total
    today.day += dt.timedelta(days=1)
    third = quotes.create(alice, a_quote(quotes))
    assert third.number == f"BJ20261126-{quotes.terminal()}-001"


def test_a_quote_needs_a_customer_and_valid_figures(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    with pytest.raises(ValidationError) as caught:
        quotes.create(None, a_quote(quotes))
    assert caught.value.field == "customer"
    alice = customer_ids(priced, 1)[0]
    bad_plan = FinancePlan("银行", D("1000"), 36, D("0.0399"))
    with pytest.raises(ValidationError) as caught:
        quotes.create(alice, a_quote(quotes, plans=(bad_plan,)))
    assert caught.value.field == "plan1.down_payment"


def test_a_draft_is_updated_in_place(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    alice, bob, _ = customer_ids(priced)
    quote = quotes.create(alice, a_quote(quotes))
    roof = next(o for o in quotes.items(ItemKind.OPTION, quote.input.model_id) if "ROOF" in o.code)
    changed = replace(
        quote.input,
        options=(Extra(roof.code, roof.name_zh, roof.name_en, roof.price),),
        extra_discount=D("1500"),
    )
    changed = replace(changed, plans=(quotes.default_plan(changed),), chosen_plan=0)
    updated = quotes.update(str(quote.id), changed, customer_id=bob)
    assert (updated.id, updated.number, updated.version) == (quote.id, quote.number, 1)
    assert updated.input == changed
    assert updated.customer_id == bob
    assert updated.total == compute(changed, quotes.settings()).total
    assert updated.total > quote.total
    assert len(quotes.versions(quote.number)) == 1


def test_the_default_plan_starts_at_the_minimum_down_payment(
    priced: Database, today: Today
) -> None:
    quotes = desk(priced, "sales1", today)
    q = a_quote(quotes, "LSV-04")  # an NEV: 15 %
    plan = quotes.default_plan(q, 24, "0")
    assert plan.down_payment == D("29985.00")  # 199,900 × 15 %
    assert (plan.months, plan.annual_rate, plan.fee) == (24, D(0), D("1500.00"))


# -- the discount cap and the manager's approval ----------------------------------------------


def test_a_discount_above_the_cap_saves_but_cannot_be_sent(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    alice = customer_ids(priced, 1)[0]
    quote = quotes.create(alice, a_quote(quotes, extra_discount=D("3000.01")))
    assert quote.status is QuoteStatus.DRAFT and quote.approved_by is None
    assert quotes.needs_approval(quote.input, quote.approved_discount) == D(3000)
    with pytest.raises(ApprovalNeeded) as caught:
        quotes.mark_sent(str(quote.id))
    assert caught.value.field == "extra_discount"
    assert "3,000.01" in str(caught.value) and "3,000.00" in str(caught.value)
    assert quotes.get(str(quote.id)).status is QuoteStatus.DRAFT
    # at the cap it goes
    at_cap = quotes.create(alice, a_quote(quotes, extra_discount=D("3000")))
    assert quotes.mark_sent(str(at_cap.id)).status is QuoteStatus.SENT


@pytest.mark.parametrize(
    ("username", "password"),
    [
        ("manager", "wrong"),
        ("manager", ""),
        ("sales2", DEMO_PASSWORD),  # a consultant may not approve
        ("nobody", DEMO_PASSWORD),
        ("", ""),
    ],
)
def test_an_approval_without_a_managers_credentials_is_refused(
    priced: Database, today: Today, username: str, password: str
) -> None:
    quotes = desk(priced, "sales1", today)
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes, extra_discount=D(6000)))
    with pytest.raises(ApprovalRefused):
        quotes.approve_discount(str(quote.id), username, password, "老客户")
    again = quotes.get(str(quote.id))
    assert (again.approved_by, again.approved_discount, again.approval_note) == (None, None, "")


def test_a_managers_approval_is_recorded_and_lets_the_quote_go(
    priced: Database, today: Today
) -> None:
    quotes = desk(priced, "sales1", today)
    manager = session_as(priced, "manager").staff
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes, extra_discount=D(6000)))
    approved = quotes.approve_discount(
        str(quote.id), "manager", DEMO_PASSWORD, " 老客户转介绍，经理同意 "
    )
    assert approved.approved_by == manager.id
    assert approved.approved_name == manager.full_name
    assert approved.approval_note == "老客户转介绍，经理同意"
    assert approved.approved_discount == D(6000) and approved.approved_at
    sent = quotes.mark_sent(str(quote.id))
    assert sent.status is QuoteStatus.SENT and sent.approved_by == manager.id


def test_raising_the_discount_after_the_approval_clears_it(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes, extra_discount=D(6000)))
    quotes.approve_discount(str(quote.id), "manager", DEMO_PASSWORD, "同意")
    lower = quotes.update(str(quote.id), replace(quote.input, extra_discount=D(5000)))
    assert lower.approved_by is not None and lower.approved_discount == D(6000)
    higher = quotes.update(str(quote.id), replace(quote.input, extra_discount=D("6000.01")))
    assert (higher.approved_by, higher.approved_at, higher.approved_discount) == (None, None, None)
    assert higher.approval_note == ""
    with pytest.raises(ApprovalNeeded):
        quotes.mark_sent(str(quote.id))


def test_a_managers_own_discount_is_recorded_as_approved_by_the_manager(
    priced: Database, today: Today
) -> None:
    boss = desk(priced, "manager", today)
    quote = boss.create(customer_ids(priced, 1)[0], a_quote(boss, extra_discount=D(20000)))
    assert quote.approved_by == boss.session.staff.id
    assert quote.approved_discount == D(20000)
    # the consultant who looks after the customer can then hand it over and close it
    consultant = desk(priced, "sales1", today)
    assert consultant.mark_sent(str(quote.id)).status is QuoteStatus.SENT


def test_a_manager_sending_an_unapproved_discount_is_recorded_as_the_approver(
    priced: Database, today: Today
) -> None:
    consultant = desk(priced, "sales1", today)
    quote = consultant.create(
        customer_ids(priced, 1)[0], a_quote(consultant, extra_discount=D(8000))
    )
    boss = desk(priced, "manager", today)
    sent = boss.mark_sent(str(quote.id))
    assert sent.status is QuoteStatus.SENT
    assert sent.approved_by == boss.session.staff.id


# -- versions, expiry, losing -------------------------------------------------------------------


def test_a_revision_is_a_new_version_and_the_old_one_stays_as_it_was(
    priced: Database, today: Today
) -> None:
    quotes = desk(priced, "sales1", today)
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes, extra_discount=D(1000)))
    sent = quotes.mark_sent(str(quote.id))
    with pytest.raises(QuoteClosed):
        quotes.update(str(quote.id), replace(quote.input, extra_discount=D(2000)))

    today.day += dt.timedelta(days=2)
    v2 = quotes.revise(str(quote.id))
    assert (v2.number, v2.version, v2.status) == (quote.number, 2, QuoteStatus.DRAFT)
    assert v2.id != quote.id
    assert v2.quoted_on == today.day and v2.input.purchase_date == today.day
    assert v2.valid_until == today.day + dt.timedelta(days=7)
    v2 = quotes.update(str(v2.id), replace(v2.input, extra_discount=D(2500)))

    v1, latest = quotes.versions(quote.number)
    assert (v1.id, v1.version, v1.status) == (quote.id, 1, QuoteStatus.SENT)
    assert v1.input == sent.input and v1.total == sent.total and v1.sent_at == sent.sent_at
    assert latest.id == v2.id and latest.input.extra_discount == D(2500)
    assert quotes.by_number(quote.number.lower()) is not None
    assert quotes.by_number(quote.number).version == 2  # type: ignore[union-attr]
    assert quotes.by_number(quote.number, 1).input == sent.input  # type: ignore[union-attr]
    # the listing shows each quote once, at its newest version
    [listed] = quotes.listing(quote.number)
    assert listed.version == 2

    with pytest.raises(NotLatestVersion):
        quotes.update(str(quote.id), replace(quote.input, extra_discount=D(100)))
    with pytest.raises(NotLatestVersion):
        quotes.revise(str(quote.id))
    with pytest.raises(NotLatestVersion):
        quotes.mark_sent(str(quote.id))
    assert quotes.versions(quote.number)[0].input == sent.input


def test_revising_a_draft_still_valid_returns_the_draft(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes))
    assert quotes.revise(str(quote.id)).id == quote.id
    assert len(quotes.versions(quote.number)) == 1


def test_an_expired_quote_reads_expired_and_cannot_be_accepted(
    priced: Database, today: Today, tmp_path: Path
) -> None:
    quotes = desk(priced, "sales1", today)
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes))
    quotes.mark_sent(str(quote.id))
    today.day = quote.valid_until
    assert quotes.status_today(quotes.get(str(quote.id))) is QuoteStatus.SENT

    today.day = quote.valid_until + dt.timedelta(days=1)
    [listed] = quotes.listing(quote.number)
    assert listed.status is QuoteStatus.EXPIRED
    assert quote.number in {q.number for q in quotes.listing(statuses={QuoteStatus.EXPIRED})}
    assert quote.number not in {q.number for q in quotes.listing(statuses={QuoteStatus.SENT})}
    assert quotes.get(str(quote.id)).status is QuoteStatus.SENT  # stored as it was

    contracts = ContractService(priced, quotes.session, today, signed_dir=tmp_path / "contracts")
    with pytest.raises(QuoteExpired) as caught:
        contracts.accept_quote(str(quote.id))
    assert quote.valid_until.isoformat() in str(caught.value)
    assert quotes.get(str(quote.id)).status is QuoteStatus.SENT
    assert contracts.for_quote(quote.number) == []
    # revising brings today's prices and a new validity
    v2 = quotes.revise(str(quote.id))
    assert quotes.status_today(v2) is QuoteStatus.DRAFT


def test_an_expired_draft_cannot_be_sent(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes))
    today.day += dt.timedelta(days=8)
    with pytest.raises(QuoteExpired):
        quotes.mark_sent(str(quote.id))


def test_losing_a_quote_needs_a_reason(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes))
    with pytest.raises(ValidationError) as caught:
        quotes.mark_lost(str(quote.id), "  ")
    assert caught.value.field == "reason"
    assert quotes.get(str(quote.id)).status is QuoteStatus.DRAFT
    lost = quotes.mark_lost(str(quote.id), " 客户选择了其他品牌 ")
    assert (lost.status, lost.lost_reason) == (QuoteStatus.LOST, "客户选择了其他品牌")
    with pytest.raises(QuoteClosed):
        quotes.mark_lost(str(quote.id), "again")


def test_a_consultant_without_quote_rights_is_refused(priced: Database, today: Today) -> None:
    quotes = desk(priced, "advisor1", today)
    with pytest.raises(PermissionDenied):
        quotes.create(customer_ids(priced, 1)[0], a_quote(quotes))


# -- the listing and the journal ----------------------------------------------------------------


def test_the_listing_filters_by_text_status_and_owner(priced: Database, today: Today) -> None:
    mine = desk(priced, "sales1", today)
    theirs = desk(priced, "sales2", today)
    alice, bob, carol = customer_ids(priced)
    a = mine.create(alice, a_quote(mine, "LSV-02"))
    b = mine.create(bob, a_quote(mine, "LVG-04"))
    c = theirs.create(carol, a_quote(theirs, "LGX-02"))
    mine.mark_sent(str(b.id))
    theirs.mark_lost(str(c.id), "价格")
    ours = {a.number, b.number, c.number}

    def numbers(quotes: list) -> set[str]:  # type: ignore[type-arg]
        return {q.number for q in quotes} & ours

    assert numbers(mine.listing()) == ours
    assert numbers(mine.listing(mine=True)) == {a.number, b.number}
    assert numbers(theirs.listing(mine=True)) == {c.number}
    assert numbers(mine.listing(statuses={QuoteStatus.DRAFT})) == {a.number}
    assert numbers(mine.listing(statuses={QuoteStatus.SENT, QuoteStatus.LOST})) == {
        b.number,
        c.number,
    }
    assert numbers(mine.listing("汉兰达")) == {b.number}
    assert numbers(mine.listing(b.customer_name)) >= {b.number}
    assert numbers(mine.listing(c.phone)) == {c.number}
    assert numbers(mine.listing(a.number[-8:])) == {a.number}
    assert numbers(mine.listing(since=DAY)) == ours
    assert numbers(mine.listing(since=DAY + dt.timedelta(days=1))) == set()
    listed = mine.listing(since=DAY)
    assert [q.quoted_on for q in listed] == sorted((q.quoted_on for q in listed), reverse=True)


def test_every_quote_write_is_journaled_with_its_author(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    me = quotes.session.staff.id
    manager = session_as(priced, "manager").staff.id
    quote = quotes.create(customer_ids(priced, 1)[0], a_quote(quotes, extra_discount=D(5000)))
    qid = str(quote.id)
    quotes.update(qid, replace(quote.input, colour="珍珠白"))
    quotes.approve_discount(qid, "manager", DEMO_PASSWORD, "同意")
    quotes.mark_sent(qid)
    today.day += dt.timedelta(days=1)
    v2 = quotes.revise(qid)
    quotes.mark_lost(str(v2.id), "价格")
    assert journal(priced, qid) == [("I", me), ("U", me), ("U", me), ("U", me)]
    assert journal(priced, str(v2.id)) == [("I", me), ("U", me)]
    changed = priced.raw.execute(
        "SELECT changed FROM change_log WHERE table_name = 'quote' AND row_id = ? AND op = 'U' "
        "ORDER BY seq",
        (qid,),
    ).fetchall()
    approval = json.loads(changed[1][0])
    assert {"approved_by", "approved_at", "approval_note", "body"} <= set(approval)
    row = priced.raw.execute("SELECT approved_by FROM quote WHERE id = ?", (qid,)).fetchone()
    assert row[0] == manager


def test_the_stored_quote_is_readable_json_with_its_total(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    q = a_quote(quotes, "LSV-04", extra_discount=D(2000), colour="冰川银")
    quote = quotes.create(customer_ids(priced, 1)[0], q)
    body, total_fen, nev, discount_fen = priced.raw.execute(
        "SELECT body, total_fen, nev, extra_discount_fen FROM quote WHERE id = ?", (quote.id,)
    ).fetchone()
    stored = json.loads(body)
    assert stored["model_name"] == "大众 ID.4 X 纯净智享长续航版" and stored["colour"] == "冰川银"
    assert total_fen == int(quote.total * 100) and nev == 1 and discount_fen == 200000
    b = compute(quote.input, quotes.settings())
    # an NEV in 2026: (199,900 − 2,000) / 1.13 × 10 % = 17,513.27, half of it waived
    assert b.amount(LineKind.PURCHASE_TAX) == D("8756.63")
