"""ContractService against a real demo database and the real contract PDF: accepting a quote
drafts the contract, a draft's terms are checked, signing needs the buyer's ID number and address
and stores the content and PDF hashes, and a signed contract is frozen — by the service and by
the database itself, whatever SQL is sent, journaled or not (the sync's path). Amendments are new
versions; voiding needs a reason. Two PCs never issue the same contract number."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import peewee
import pytest
from pypdf import PdfReader

from desktop_app.domain.contracts import (
    ContractFrozen,
    ContractStatus,
    PaymentMethod,
    SigningBlocked,
    content_hash,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.quotes import QuoteStatus, SalesSettings, compute, terminal_code
from desktop_app.services.contracts import (
    ContractService,
    NeedsReason,
    NotAmendable,
    is_frozen_error,
)
from desktop_app.services.quote_documents import contract_pdf_for
from desktop_app.services.quotes import QuoteClosed, QuoteService
from desktop_app.storage.db import Database, open_database
from desktop_app.storage.ids import uuid7
from desktop_app.storage.quotes import Contract, ContractRepository
from tests.services.test_quote_service import (
    DAY,
    Today,
    a_quote,
    customer_ids,
    desk,
    import_demo_prices,
)

D = Decimal
HT = re.compile(r"^HT(\d{8})-([A-HJ-NP-Z2-9]{4})-(\d{3})$")
NOW = "2026-11-25T08:00:00.000Z"


@pytest.fixture
def today() -> Today:
    return Today(DAY)


@pytest.fixture
def priced(db: Database) -> Database:
    import_demo_prices(db)
    return db


class Desk:
    """The sales desk of one consultant: quotes and contracts on the same clock."""

    def __init__(self, db: Database, today: Today, folder: Path, username: str = "sales1") -> None:
        self.db = db
        self.quotes = desk(db, username, today)
        self.contracts = ContractService(
            db, self.quotes.session, today, signed_dir=folder / "contracts"
        )

    def accepted(
        self, customer: str, plan: int | None = None, code: str = "LSV-02", **changes: object
    ) -> Contract:
        q = a_quote(self.quotes, code, **changes)
        if plan is not None:
            q = replace(q, plans=(self.quotes.default_plan(q), self.quotes.default_plan(q, 60)))
        quote = self.quotes.create(customer, q)
        return self.contracts.accept_quote(str(quote.id), plan)

    def signed(self, customer: str) -> Contract:
        return self.contracts.sign(str(self.accepted(customer).id))


@pytest.fixture
def sales(priced: Database, today: Today, tmp_path: Path) -> Desk:
    return Desk(priced, today, tmp_path)


def row(db: Database, contract_id: str | None) -> tuple[object, ...]:
    found = db.raw.execute("SELECT * FROM contract WHERE id = ?", (contract_id,)).fetchone()
    assert found is not None
    return tuple(found)


def refused(db: Database, sql: str, *params: object) -> sqlite3.IntegrityError:
    with pytest.raises(sqlite3.IntegrityError) as caught:
        db.raw.execute(sql, params)
    assert "DD_FROZEN" in str(caught.value)
    return caught.value


# -- accepting a quote ------------------------------------------------------------------------


def test_accepting_a_quote_drafts_the_contract(sales: Desk, priced: Database) -> None:
    alice = customer_ids(priced, 1)[0]
    contract = sales.accepted(alice)
    match = HT.match(contract.number)
    assert match is not None, contract.number
    assert match.groups()[:2] == ("20261125", sales.quotes.terminal())
    assert (contract.version, contract.status, contract.original_id) == (
        1,
        ContractStatus.DRAFT,
        None,
    )
    quote = sales.quotes.get(str(contract.quote_id))
    assert quote.status is QuoteStatus.ACCEPTED and quote.accepted_at
    assert quote.sent_at == quote.accepted_at  # never marked sent: accepted on the spot
    assert contract.quote_number == quote.number and contract.total == quote.total
    customer = sales.quotes.customers.get(alice)
    assert customer is not None
    t = contract.terms
    assert (t.buyer_name, t.buyer_id_number, t.buyer_phone, t.buyer_address) == (
        customer.name,
        customer.id_number,
        customer.mobile,
        customer.address,
    )
    assert t.deposit == D("5000.00") <= contract.total * D("0.20")
    assert t.delivery_date == DAY + dt.timedelta(days=14)
    assert t.payment is PaymentMethod.FULL and t.plan_index is None
    assert sales.quotes.session.site.name in t.delivery_place
    assert contract.content["number"] == contract.number
    assert contract.content["buyer"]["name"] == customer.name
    assert contract.content["total"] == str(contract.total)
    assert contract.content_hash == "" and contract.pdf_hash == ""
    assert [c.id for c in sales.contracts.for_quote(quote.number)] == [contract.id]


def test_a_quote_is_accepted_once(sales: Desk, priced: Database) -> None:
    contract = sales.accepted(customer_ids(priced, 1)[0])
    with pytest.raises(QuoteClosed):
        sales.contracts.accept_quote(str(contract.quote_id))
    with pytest.raises(QuoteClosed):
        sales.quotes.update(str(contract.quote_id), sales.quotes.get(str(contract.quote_id)).input)
    assert len(sales.contracts.for_quote(contract.quote_number)) == 1


def test_accepting_with_a_finance_plan_carries_the_plan_and_its_fee(
    sales: Desk, priced: Database
) -> None:
    contract = sales.accepted(customer_ids(priced, 1)[0], plan=1)
    quote = sales.quotes.get(str(contract.quote_id))
    assert quote.input.chosen_plan == 1
    assert contract.terms.payment is PaymentMethod.FINANCE and contract.terms.plan_index == 1
    b = compute(quote.input, sales.quotes.settings())
    assert contract.total == quote.total == b.total
    plan = contract.content["plan"]
    assert plan["months"] == "60" and plan["monthly"] == str(b.plans[1].monthly)
    assert "finance_fee" in {ln["kind"] for ln in contract.content["lines"]}


def test_accepting_with_a_plan_the_quote_does_not_have_is_refused(
    sales: Desk, priced: Database
) -> None:
    quote = sales.quotes.create(customer_ids(priced, 1)[0], a_quote(sales.quotes))
    with pytest.raises(ValidationError) as caught:
        sales.contracts.accept_quote(str(quote.id), 2)
    assert caught.value.field == "plan"


def test_the_default_deposit_is_capped_at_20_percent(
    sales: Desk, priced: Database, today: Today
) -> None:
    boss = desk(priced, "manager", today)
    boss.save_settings(replace(SalesSettings(), deposit=D(100_000)))
    contract = sales.accepted(customer_ids(priced, 1)[0], code="LSV-01")
    assert contract.terms.deposit == (contract.total * D("0.20")).quantize(D("0.01"))


# -- a draft's terms ----------------------------------------------------------------------------


def test_a_draft_takes_new_terms(sales: Desk, priced: Database) -> None:
    contract = sales.accepted(customer_ids(priced, 1)[0], plan=0)
    terms = replace(
        contract.terms,
        deposit=D("20000"),
        delivery_date=DAY + dt.timedelta(days=30),
        colour="宝石蓝",
        remarks="客户要求加装行车记录仪",
        payment=PaymentMethod.FULL,
        plan_index=None,
    )
    saved = sales.contracts.save_terms(str(contract.id), terms)
    assert saved.terms == terms
    assert saved.content["deposit"] == "20000" and saved.deposit == D(20000)
    assert saved.content["delivery"]["date"] == (DAY + dt.timedelta(days=30)).isoformat()
    assert saved.content["plan"] is None
    assert saved.total < contract.total  # the finance fee is gone with the loan
    deposit_clause = next(c for c in saved.content["clauses"] if c["code"] == "deposit")
    assert "20,000.00" in deposit_clause["text_zh"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"deposit": "over"}, "deposit"),
        ({"deposit": D("-1")}, "deposit"),
        ({"payment": PaymentMethod.FINANCE, "plan_index": None}, "plan"),
        ({"payment": PaymentMethod.FINANCE, "plan_index": 3}, "plan"),
        ({"delivery_date": DAY - dt.timedelta(days=1)}, "delivery_date"),
        ({"buyer_name": "  "}, "buyer_name"),
        ({"delivery_place": ""}, "delivery_place"),
    ],
)
def test_bad_terms_are_refused_and_the_draft_is_unchanged(
    sales: Desk, priced: Database, change: dict[str, object], field: str
) -> None:
    contract = sales.accepted(customer_ids(priced, 1)[0])
    if change.get("deposit") == "over":
        change = {"deposit": (contract.total * D("0.20")).quantize(D("0.01")) + D("0.01")}
    before = row(priced, contract.id)
    with pytest.raises(ValidationError) as caught:
        sales.contracts.save_terms(str(contract.id), replace(contract.terms, **change))  # type: ignore[arg-type]
    assert caught.value.field == field
    if field == "deposit" and change["deposit"] > 0:  # type: ignore[operator]
        limit = f"{(contract.total * D('0.20')).quantize(D('0.01')):,.2f}"
        assert limit in str(caught.value)
    assert row(priced, contract.id) == before


def test_a_delivery_date_of_today_is_allowed(sales: Desk, priced: Database) -> None:
    contract = sales.accepted(customer_ids(priced, 1)[0])
    saved = sales.contracts.save_terms(str(contract.id), replace(contract.terms, delivery_date=DAY))
    assert saved.terms.delivery_date == DAY


# -- signing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"buyer_id_number": ""}, "buyer_id_number"),
        ({"buyer_id_number": "31010119900101123"}, "buyer_id_number"),  # 17 characters
        ({"buyer_id_number": "310101199001011235"}, "buyer_id_number"),  # wrong check digit
        ({"buyer_address": "   "}, "buyer_address"),
    ],
)
def test_signing_needs_a_valid_id_number_and_an_address(
    sales: Desk, priced: Database, change: dict[str, str], field: str
) -> None:
    contract = sales.accepted(customer_ids(priced, 1)[0])
    sales.contracts.save_terms(str(contract.id), replace(contract.terms, **change))  # type: ignore[arg-type]
    with pytest.raises(SigningBlocked) as caught:
        sales.contracts.sign(str(contract.id))
    assert caught.value.field == field
    again = sales.contracts.get(str(contract.id))
    assert again.status is ContractStatus.DRAFT and again.content_hash == ""
    assert list((sales.contracts.signed_dir).glob("*.pdf")) == []


def test_signing_stores_the_content_hash_and_the_hash_of_the_kept_pdf(
    sales: Desk, priced: Database
) -> None:
    draft = sales.accepted(customer_ids(priced, 1)[0], plan=0)
    signed = sales.contracts.sign(str(draft.id))
    assert signed.status is ContractStatus.SIGNED
    assert signed.signed_by == sales.quotes.session.staff.id and signed.signed_at
    assert signed.signed_name == "杨欣怡"
    assert signed.content_hash == content_hash(signed.content)
    assert re.fullmatch(r"[0-9a-f]{64}", signed.pdf_hash)
    kept = sales.contracts.signed_pdf(signed)
    assert kept is not None and kept.parent == sales.contracts.signed_dir
    assert kept.name.startswith(f"{signed.number}-v1-signed-")
    data = kept.read_bytes()
    assert hashlib.sha256(data).hexdigest() == signed.pdf_hash
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert signed.number in text
    assert sales.contracts.verify(str(signed.id))
    # the signed PDF waits for the hub, by its hash (the sync delivers it)
    queued = priced.raw.execute(
        "SELECT kind, file_name, content FROM export_outbox WHERE sha256 = ?", (signed.pdf_hash,)
    ).fetchone()
    assert queued == ("signed_contract", f"{signed.number}-v1-signed.pdf", data)
    # the stored row says the same as the service
    content_hash_col, pdf_hash_col, status = priced.raw.execute(
        "SELECT content_hash, pdf_hash, status FROM contract WHERE id = ?", (signed.id,)
    ).fetchone()
    assert (content_hash_col, pdf_hash_col, status) == (
        signed.content_hash,
        signed.pdf_hash,
        "signed",
    )


def test_a_kept_pdf_that_was_altered_is_not_offered_as_the_signed_one(
    sales: Desk, priced: Database
) -> None:
    signed = sales.signed(customer_ids(priced, 1)[0])
    kept = sales.contracts.signed_pdf(signed)
    assert kept is not None
    kept.write_bytes(kept.read_bytes() + b"\n% changed")
    assert sales.contracts.signed_pdf(signed) is None


def test_the_renderer_is_the_real_contract_pdf(sales: Desk, priced: Database) -> None:
    draft = sales.accepted(customer_ids(priced, 1)[0])
    pdf = contract_pdf_for(priced, draft, "zh_CN")
    assert pdf.startswith(b"%PDF")
    assert contract_pdf_for(priced, draft, "zh_CN") == pdf  # same content, same bytes


# -- the freeze ---------------------------------------------------------------------------------


def test_a_signed_contract_refuses_new_terms(sales: Desk, priced: Database) -> None:
    signed = sales.signed(customer_ids(priced, 1)[0])
    before = row(priced, signed.id)
    with pytest.raises(ContractFrozen) as caught:
        sales.contracts.save_terms(str(signed.id), replace(signed.terms, deposit=D(1)))
    assert signed.number in str(caught.value)
    with pytest.raises(ContractFrozen):
        sales.contracts.sign(str(signed.id))
    assert row(priced, signed.id) == before


def test_the_repository_cannot_write_a_signed_contract_either(
    sales: Desk, priced: Database
) -> None:
    signed = sales.signed(customer_ids(priced, 1)[0])
    before = row(priced, signed.id)
    changed = replace(signed, terms=replace(signed.terms, deposit=D(1)))
    with pytest.raises(peewee.IntegrityError) as caught:
        ContractRepository(priced).update_draft(changed, sales.quotes.session.staff.id)
    assert is_frozen_error(caught.value)
    assert row(priced, signed.id) == before


FROZEN_SQL = [
    "UPDATE contract SET deposit_fen = 1 WHERE id = ?",
    "UPDATE contract SET body = '{}' WHERE id = ?",
    "UPDATE contract SET content_hash = 'x', pdf_hash = 'y' WHERE id = ?",
    "UPDATE contract SET status = 'draft' WHERE id = ?",
    "UPDATE contract SET buyer_id_number = '110101199003077777' WHERE id = ?",
    "UPDATE contract SET deleted_at = '2026-11-25T09:00:00.000Z' WHERE id = ?",
    "UPDATE contract SET updated_at = '2026-11-25T09:00:00.000Z' WHERE id = ?",
    "UPDATE contract SET status = 'void', void_reason = '改价', voided_at = '2026-11-25', "
    "deposit_fen = 1 WHERE id = ?",
    "DELETE FROM contract WHERE id = ?",
]


@pytest.mark.parametrize("capture", [True, False], ids=["journaled", "sync"])
@pytest.mark.parametrize("sql", FROZEN_SQL)
def test_the_database_refuses_any_change_to_a_signed_contract(
    sales: Desk, priced: Database, sql: str, capture: bool
) -> None:
    signed = sales.signed(customer_ids(priced, 1)[0])
    before = row(priced, signed.id)
    journal = priced.raw.execute("SELECT max(seq) FROM change_log").fetchone()[0]
    if capture:
        refused(priced, sql, signed.id)
    else:
        with priced.without_capture():
            refused(priced, sql, signed.id)
    assert row(priced, signed.id) == before
    assert priced.raw.execute("SELECT max(seq) FROM change_log").fetchone()[0] == journal
    assert sales.contracts.verify(str(signed.id))


def test_a_whole_table_update_stops_at_the_first_signed_row(sales: Desk, priced: Database) -> None:
    alice, bob, _ = customer_ids(priced)
    signed = sales.signed(alice)
    draft = sales.accepted(bob)
    before = row(priced, draft.id), row(priced, signed.id)
    refused(priced, "UPDATE contract SET deposit_fen = deposit_fen + 100")
    assert (row(priced, draft.id), row(priced, signed.id)) == before


def test_an_upsert_cannot_replace_a_signed_contract(sales: Desk, priced: Database) -> None:
    signed = sales.signed(customer_ids(priced, 1)[0])
    before = row(priced, signed.id)
    columns = [d[0] for d in priced.raw.execute("SELECT * FROM contract LIMIT 0").description]
    values = list(before)
    values[columns.index("deposit_fen")] = 1
    with priced.without_capture():
        refused(
            priced,
            f"INSERT OR REPLACE INTO contract ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            *values,
        )
    assert row(priced, signed.id) == before


def test_voiding_by_sql_needs_a_reason_and_changes_nothing_else(
    sales: Desk, priced: Database
) -> None:
    signed = sales.signed(customer_ids(priced, 1)[0])
    refused(
        priced,
        "UPDATE contract SET status = 'void', void_reason = '', voided_at = ? WHERE id = ?",
        NOW,
        signed.id,
    )
    refused(
        priced,
        "UPDATE contract SET status = 'void', void_reason = '退订' WHERE id = ?",  # no time
        signed.id,
    )
    with priced.without_capture():  # as the sync would apply a void made on another PC
        priced.raw.execute(
            "UPDATE contract SET status = 'void', void_reason = '客户退订', voided_at = ?, "
            "updated_at = ? WHERE id = ?",
            (NOW, NOW, signed.id),
        )
    void = sales.contracts.get(str(signed.id))
    assert (void.status, void.void_reason) == (ContractStatus.VOID, "客户退订")
    assert void.content == signed.content and void.content_hash == signed.content_hash
    assert sales.contracts.verify(str(signed.id))


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE contract SET status = 'signed' WHERE id = ?",
        "UPDATE contract SET void_reason = '另一个原因' WHERE id = ?",
        "UPDATE contract SET voided_at = NULL WHERE id = ?",
        "UPDATE contract SET updated_at = '2027-01-01T00:00:00.000Z' WHERE id = ?",
        "DELETE FROM contract WHERE id = ?",
    ],
)
def test_a_void_contract_refuses_everything(sales: Desk, priced: Database, sql: str) -> None:
    signed = sales.signed(customer_ids(priced, 1)[0])
    void = sales.contracts.void(str(signed.id), "客户家庭原因退订")
    before = row(priced, void.id)
    refused(priced, sql, void.id)
    assert row(priced, void.id) == before


def test_voiding_through_the_service(sales: Desk, priced: Database) -> None:
    alice, bob, _ = customer_ids(priced)
    signed = sales.signed(alice)
    with pytest.raises(NeedsReason) as caught:
        sales.contracts.void(str(signed.id), "  ")
    assert caught.value.field == "reason"
    assert sales.contracts.get(str(signed.id)).status is ContractStatus.SIGNED

    void = sales.contracts.void(str(signed.id), " 客户家庭原因退订 ")
    assert (void.status, void.void_reason) == (ContractStatus.VOID, "客户家庭原因退订")
    assert void.voided_by == sales.quotes.session.staff.id and void.voided_at
    assert void.content_hash == signed.content_hash and void.pdf_hash == signed.pdf_hash
    with pytest.raises(ContractFrozen):
        sales.contracts.void(str(signed.id), "again")
    with pytest.raises(ContractFrozen):
        sales.contracts.save_terms(str(signed.id), signed.terms)
    with pytest.raises(NotAmendable):
        sales.contracts.amend(str(signed.id))
    # a draft may be voided too (the customer walked away before signing)
    draft = sales.accepted(bob)
    assert sales.contracts.void(str(draft.id), "未签约").status is ContractStatus.VOID


# -- amendments --------------------------------------------------------------------------------


def test_an_amendment_is_a_new_version_and_the_original_stays_signed(
    sales: Desk, priced: Database
) -> None:
    signed = sales.signed(customer_ids(priced, 1)[0])
    before = row(priced, signed.id)
    amendment = sales.contracts.amend(str(signed.id))
    assert (amendment.number, amendment.version, amendment.status) == (
        signed.number,
        2,
        ContractStatus.DRAFT,
    )
    assert amendment.original_id == signed.id and amendment.id != signed.id
    assert amendment.content["amends"] == {"number": signed.number, "version": 1}
    later = replace(amendment.terms, delivery_date=amendment.terms.delivery_date + dt.timedelta(7))
    amendment = sales.contracts.save_terms(str(amendment.id), later)
    amendment = sales.contracts.sign(str(amendment.id))
    assert amendment.status is ContractStatus.SIGNED
    assert amendment.content_hash != signed.content_hash

    assert row(priced, signed.id) == before
    original = sales.contracts.get(str(signed.id))
    assert original.status is ContractStatus.SIGNED and sales.contracts.verify(str(signed.id))
    assert [(a[0], a[1]) for a in original.amendments] == [(amendment.id, 2)]
    v1, v2 = sales.contracts.versions(signed.number)
    assert (v1.id, v2.id) == (signed.id, amendment.id)
    assert sales.contracts.by_number(signed.number).id == amendment.id  # type: ignore[union-attr]
    kept = sorted(p.name for p in sales.contracts.signed_dir.glob("*.pdf"))
    assert [n.split("-signed-")[0] for n in kept] == [
        f"{signed.number}-v1",
        f"{signed.number}-v2",
    ]
    # only the newest signed version is amended
    with pytest.raises(NotAmendable):
        sales.contracts.amend(str(signed.id))
    assert sales.contracts.amend(str(amendment.id)).version == 3


def test_a_draft_is_not_amended(sales: Desk, priced: Database) -> None:
    draft = sales.accepted(customer_ids(priced, 1)[0])
    with pytest.raises(NotAmendable):
        sales.contracts.amend(str(draft.id))


# -- numbers across PCs -------------------------------------------------------------------------


def a_pc(template: Path, path: Path, device_id: str | None) -> Database:
    """A PC's own database file: a copy of the template, with its own device id if given (set
    before the first open, as a fresh install would make one)."""
    shutil.copy(template, path)
    if device_id is not None:
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE local_meta SET value = ? WHERE key = 'device_id'", (device_id,))
            conn.execute("DELETE FROM local_meta WHERE key = 'terminal_code'")
        conn.close()
    db = open_database(path)
    import_demo_prices(db)
    return db


def test_two_pcs_never_issue_the_same_contract_number(demo_template: Path, tmp_path: Path) -> None:
    first = a_pc(demo_template, tmp_path / "pc1.sqlite", None)
    second_id = uuid7()
    second = a_pc(demo_template, tmp_path / "pc2.sqlite", second_id)
    try:
        assert first.device_id != second.device_id == second_id
        numbers: dict[str, list[str]] = {}
        for name, db in (("pc1", first), ("pc2", second)):
            pc = Desk(db, Today(DAY), tmp_path / name)
            numbers[name] = [pc.accepted(c).number for c in customer_ids(db, 4)]
            assert db.meta("terminal_code") == pc.quotes.terminal()
        codes = {name: {HT.match(n).group(2) for n in ns} for name, ns in numbers.items()}  # type: ignore[union-attr]
        assert codes["pc2"] == {terminal_code(second_id)}
        assert len(codes["pc1"]) == len(codes["pc2"]) == 1 and codes["pc1"] != codes["pc2"]
        assert not set(numbers["pc1"]) & set(numbers["pc2"])
        for issued in numbers.values():
            serials = [int(HT.match(n).group(3)) for n in issued]  # type: ignore[union-attr]
            assert serials == list(range(serials[0], serials[0] + 4))
    finally:
        first.close()
        second.close()


def test_the_terminal_code_is_kept_once_made(priced: Database, today: Today) -> None:
    quotes = desk(priced, "sales1", today)
    code = quotes.terminal()
    assert priced.meta("terminal_code") == code
    priced.device_id = uuid7()  # e.g. the device id was reset: numbers keep their PC code
    assert QuoteService(priced, quotes.session, today).terminal() == code


def test_contract_numbers_restart_each_day(sales: Desk, priced: Database, today: Today) -> None:
    alice, bob, _ = customer_ids(priced)
    first = sales.accepted(alice)
    today.day += dt.timedelta(days=1)
    second = sales.accepted(bob)
    assert second.number == f"HT20261126-{sales.quotes.terminal()}-001"
    assert first.number.startswith("HT20261125-")
