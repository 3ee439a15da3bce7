"""Rules of the sales desk found while building it: a car is sold once, a contract voided before
signing gives its quote back, ID numbers stay masked for roles that need not see them, a price
list that cannot be read says so, an old quote keeps the insurance premium it was given."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identifiers import mask_id_number
from desktop_app.domain.price_list import PriceListUnreadable
from desktop_app.domain.quotes import LineKind, QuoteStatus, SalesSettings, compute
from desktop_app.services.contracts import ContractService
from desktop_app.services.quotes import QuoteService
from desktop_app.storage.db import Database
from tests.conftest import session_as
from tests.services.test_contract_service import Desk
from tests.services.test_quote_service import DAY, Today, a_quote, customer_ids, import_demo_prices

D = Decimal


@pytest.fixture
def sales(db: Database, tmp_path: Path) -> Desk:
    import_demo_prices(db)
    return Desk(db, Today(DAY), tmp_path)


def a_stock_car(sales: Desk) -> tuple[str, str]:
    for choice in sales.quotes.models():
        cars = sales.quotes.stock(choice.model.id)
        if cars:
            return str(choice.model.id), cars[0].vin
    raise AssertionError("the demo has cars in stock")


def test_a_car_in_stock_is_sold_once(sales: Desk, db: Database) -> None:
    model_id, vin = a_stock_car(sales)
    first, second = customer_ids(db, 2)
    q = sales.quotes.new_input(model_id, vin=vin)
    contract = sales.contracts.accept_quote(str(sales.quotes.create(first, q).id))
    assert contract.terms.vin == vin
    assert vin not in {c.vin for c in sales.quotes.stock()}  # no longer offered
    other = sales.quotes.create(second, q)
    with pytest.raises(ValidationError) as caught:
        sales.contracts.accept_quote(str(other.id))
    assert caught.value.field == "vin" and contract.number in str(caught.value)
    assert sales.quotes.get(str(other.id)).status is QuoteStatus.DRAFT  # nothing changed
    # voiding the first contract puts the car back in stock and lets the second buyer have it
    sales.contracts.void(str(contract.id), "客户改变主意")
    assert vin in {c.vin for c in sales.quotes.stock()}
    assert sales.contracts.accept_quote(str(other.id)).terms.vin == vin


def test_a_draft_contract_cannot_take_a_car_sold_elsewhere(sales: Desk, db: Database) -> None:
    model_id, vin = a_stock_car(sales)
    first, second = customer_ids(db, 2)
    sales.contracts.accept_quote(
        str(sales.quotes.create(first, sales.quotes.new_input(model_id, vin=vin)).id)
    )
    draft = sales.accepted(second)
    with pytest.raises(ValidationError) as caught:
        sales.contracts.save_terms(str(draft.id), replace(draft.terms, vin=vin))
    assert caught.value.field == "vin"
    assert sales.contracts.get(str(draft.id)).terms.vin == draft.terms.vin


def test_voiding_an_unsigned_contract_gives_the_quote_back(sales: Desk, db: Database) -> None:
    draft = sales.accepted(customer_ids(db, 1)[0])
    quote = sales.quotes.get(str(draft.quote_id))
    assert quote.status is QuoteStatus.ACCEPTED
    sales.contracts.void(str(draft.id), "录入错误，重新报价")
    quote = sales.quotes.get(str(draft.quote_id))
    assert quote.status is QuoteStatus.SENT and quote.accepted_at is None
    revised = sales.quotes.revise(str(quote.id))  # the deal can be redone
    assert revised.version == 2 and revised.status is QuoteStatus.DRAFT


def test_voiding_a_signed_contract_keeps_the_quote_accepted(sales: Desk, db: Database) -> None:
    signed = sales.signed(customer_ids(db, 1)[0])
    sales.contracts.void(str(signed.id), "客户退订")
    assert sales.quotes.get(str(signed.quote_id)).status is QuoteStatus.ACCEPTED


def test_id_numbers_are_masked_in_every_read_for_roles_without_the_right(
    sales: Desk, db: Database, tmp_path: Path
) -> None:
    contract = sales.accepted(customer_ids(db, 1)[0])
    full = contract.terms.buyer_id_number
    assert len(full) == 18
    advisor = ContractService(db, session_as(db, "advisor1"), signed_dir=tmp_path)
    reads = [
        advisor.get(str(contract.id)),
        advisor.by_number(contract.number),
        *advisor.versions(contract.number),
        *advisor.for_quote(contract.quote_number),
        *[c for c in advisor.listing() if c.number == contract.number],
    ]
    assert len(reads) == 5
    for seen in reads:
        assert seen is not None
        assert seen.terms.buyer_id_number == mask_id_number(full) != full
        assert seen.content["buyer"]["id_number"] == mask_id_number(full)
    # the consultant who writes the contract sees it in full
    assert sales.contracts.listing(contract.number)[0].terms.buyer_id_number == full


def test_a_price_list_that_cannot_be_read_says_so(db: Database, tmp_path: Path) -> None:
    service = QuoteService(db, session_as(db, "manager"), lambda: DAY)
    with pytest.raises(PriceListUnreadable) as caught:
        service.import_price_list(tmp_path / "没有这个文件.csv")
    assert "没有这个文件.csv" in str(caught.value) and "import again" in str(caught.value)


def test_an_old_quote_keeps_its_compulsory_insurance_premium(sales: Desk, db: Database) -> None:
    quote = sales.quotes.create(customer_ids(db, 1)[0], a_quote(sales.quotes))
    before = quote.input.compulsory_premium
    assert before == D(950)
    manager = QuoteService(db, session_as(db, "manager"), Today(DAY))
    manager.save_settings(replace(SalesSettings(), compulsory_small=D(1000)))
    again = sales.quotes.get(str(quote.id))
    b = compute(again.input, manager.settings())
    assert b.amount(LineKind.COMPULSORY) == D("950.00")
    assert b.total == quote.total
    fresh = sales.quotes.new_input(str(quote.input.model_id))
    assert fresh.compulsory_premium == D(1000)


def test_a_zero_percent_plan_costs_nothing_and_the_last_instalment_settles(
    sales: Desk, db: Database
) -> None:
    q = a_quote(sales.quotes)
    plan = replace(sales.quotes.default_plan(q, 36, "0"), lender="厂家金融 0 息")
    quote = sales.quotes.create(customer_ids(db, 1)[0], replace(q, plans=(plan,)))
    [figures] = compute(quote.input, sales.quotes.settings()).plans
    assert figures.interest == D("0.00")
    assert figures.monthly * 35 + figures.final == figures.loan
    contract = sales.contracts.accept_quote(str(quote.id), 0)
    assert contract.content["plan"]["interest"] == "0.00"
    assert D(contract.content["plan"]["final"]) == figures.final


def test_expiry_is_read_on_the_day(sales: Desk, db: Database) -> None:
    quote = sales.quotes.create(customer_ids(db, 1)[0], a_quote(sales.quotes))
    sales.quotes.today.day = quote.valid_until + dt.timedelta(days=1)  # type: ignore[attr-defined]
    listed = [q for q in sales.quotes.listing(quote.number)]
    assert [q.status for q in listed] == [QuoteStatus.EXPIRED]
