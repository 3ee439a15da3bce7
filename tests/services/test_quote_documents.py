"""The quote (报价单) and the purchase contract set (购车合同, 保险确认单, 购置税申请表) as PDFs
read back with pypdf: what the customer sees, that the printed lines add up to the printed
total, the buyer's full ID number on the contract, page numbers, the QR code, the VOID and DRAFT
marks, and that a signed contract prints byte for byte what was signed."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.price_list import ItemKind
from desktop_app.domain.quotes import Extra, QuoteInput, TradeIn, fen
from desktop_app.printing.contracts import rmb_capital, tax_figures
from desktop_app.printing.delivery import RecordQr
from desktop_app.services.contracts import ContractService
from desktop_app.services.demo_sales import DEMO_PRICE_LIST
from desktop_app.services.errors import PrintFailed
from desktop_app.services.quote_documents import (
    NoSuchContract,
    NoSuchQuote,
    contract_data,
    contract_lines,
    contract_pdf_for,
    contract_print,
    contract_set_pdf_for,
    kept_signed_pdf,
    print_by_number,
    print_contract,
    print_quote,
    qr_value,
    quote_data,
    quote_lines,
    quote_pdf_for,
    read_qr,
)
from desktop_app.services.quotes import ModelChoice, QuoteService
from desktop_app.storage.db import Database
from desktop_app.storage.quotes import Contract, Quote
from tests.conftest import DEMO_TODAY, session_as

AMOUNT = re.compile(r"(−?)¥([\d,]+\.\d{2})")
APPROVAL_NOTE = "老客户转介绍，经理同意"


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pages_of(data: bytes) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def squeezed(text: str) -> str:
    """Text without whitespace: pypdf splits lines where a table cell wraps them."""
    return "".join(text.split())


def amounts(text: str) -> list[Decimal]:
    return [
        Decimal(digits.replace(",", "")) * (-1 if minus else 1)
        for minus, digits in AMOUNT.findall(text)
    ]


def money(value: Decimal) -> str:
    return ("−" if value < 0 else "") + f"¥{abs(value):,.2f}"


# -- building quotes and contracts through the services ------------------------------------


class Desk:
    """One consultant's quotes and contracts on the demo day, the manager's price list."""

    def __init__(self, db: Database, folder: Path) -> None:
        self.db = db
        manager = session_as(db, "manager")
        QuoteService(db, manager, today=lambda: DEMO_TODAY).import_price_list(DEMO_PRICE_LIST)
        self.session = session_as(db, "sales1")
        self.quotes = QuoteService(db, self.session, today=lambda: DEMO_TODAY)
        self.signed = folder / "signed"
        self.contracts = ContractService(
            db, self.session, today=lambda: DEMO_TODAY, signed_dir=self.signed
        )

    def model(self, nev: bool = False) -> ModelChoice:
        """A trim with cars in stock, options and accessories (a petrol one unless nev)."""
        for choice in self.quotes.models():
            if choice.nev != nev or (not nev and not choice.model.engine_cc):
                continue
            if (
                self.quotes.stock(choice.model.id)
                and self.quotes.items(ItemKind.OPTION, choice.model.id)
                and self.quotes.items(ItemKind.ACCESSORY, choice.model.id)
            ):
                return choice
        raise AssertionError("no suitable trim in the demo price list")

    def customer(self) -> str:
        row = self.db.raw.execute(
            "SELECT id FROM customer WHERE deleted_at IS NULL AND id_number != '' "
            "AND address != '' ORDER BY rowid DESC LIMIT 1"
        ).fetchone()
        return str(row[0])

    def input(self, nev: bool = False, plans: int = 3, discount: int = 6000) -> QuoteInput:
        choice = self.model(nev)
        model_id = str(choice.model.id)
        car = self.quotes.stock(model_id)[0]
        q = self.quotes.new_input(model_id, vin=car.vin)
        options = self.quotes.items(ItemKind.OPTION, model_id)
        accessories = self.quotes.items(ItemKind.ACCESSORY, model_id)
        q = replace(
            q,
            extra_discount=Decimal(discount),
            options=tuple(Extra(o.code, o.name_zh, o.name_en, o.price) for o in options[:2]),
            accessories=tuple(
                Extra(a.code, a.name_zh, a.name_en, a.price) for a in accessories[:2]
            ),
            trade_in=TradeIn("2016 款 大众 宝来 沪C·3K721", Decimal(42000), Decimal(3000)),
        )
        all_plans = (
            replace(self.quotes.default_plan(q, 36, "0.0399"), lender="上汽通用金融"),
            replace(self.quotes.default_plan(q, 24, "0.0199"), lender="厂家金融"),
            replace(self.quotes.default_plan(q, 60, "0.0499"), lender="招商银行"),
        )
        return replace(q, plans=all_plans[:plans])

    def quote(self, nev: bool = False, plans: int = 3, discount: int = 6000) -> Quote:
        """A sent quote whose extra discount (above the consultant's cap) a manager approved."""
        quote = self.quotes.create(self.customer(), self.input(nev, plans, discount))
        if discount > 3000:
            quote = self.quotes.approve_discount(
                str(quote.id), "manager", "dealerdesk", APPROVAL_NOTE
            )
        return self.quotes.mark_sent(str(quote.id))

    def contract(self, nev: bool = False, plan: int | None = 0) -> Contract:
        quote = self.quote(nev)
        return self.contracts.accept_quote(str(quote.id), plan)

    def signed_contract(self, nev: bool = False, plan: int | None = 0) -> Contract:
        draft = self.contract(nev, plan)
        return self.contracts.sign(str(draft.id))


@pytest.fixture
def desk(db: Database, tmp_path: Path) -> Desk:
    return Desk(db, tmp_path)


# -- the quote ----------------------------------------------------------------------------


def test_the_zh_quote_itemises_every_line_and_they_add_up(db: Database, desk: Desk) -> None:
    quote = desk.quote()
    data = quote_pdf_for(db, quote, "zh_CN")
    text = text_of(data)
    flat = squeezed(text)
    assert data.startswith(b"%PDF")
    for expected in (
        "购车费用明细表（报价单）",
        quote.number,
        "第1版",
        quote.customer_name,
        quote.phone,  # the customer's own copy: the phone as stored
        quote.input.model_name,
        quote.input.vin,
        quote.sales_name,
        "落地价（合计）",
        "车辆购置税=成交价÷1.13",  # the footnote on the purchase-tax rule
        "商业险为首年保费估算",
        f"本报价有效期至{quote.valid_until.isoformat()}",
        "上海浦东德诚汽车销售服务有限公司",
        "客户签字",
        "销售顾问签字",
    ):
        assert squeezed(expected) in flat, expected
    pages = pages_of(data)
    assert len(pages) <= 2
    for n, page in enumerate(pages, start=1):
        assert f"第{n}页共{len(pages)}页" in page
    for option in quote.input.options + quote.input.accessories + quote.input.insurance:
        assert squeezed(option.name_zh) in flat, option.name_zh

    # the itemised table: every amount between the header and the total adds up to the total,
    # once the selling-price subtotal (shown, not added) is taken out
    table = flat[flat.index("金额（元）") : flat.index("落地价（合计）")]
    printed = amounts(table)
    breakdown = quote_data(db, quote, "zh_CN")
    selling = next(ln.amount for ln in breakdown.lines if ln.subtotal)
    assert printed.count(selling) >= 1
    printed.remove(selling)
    after_total = flat[flat.index("落地价（合计）") :]
    total = amounts(after_total)[0]
    assert total == quote.total == breakdown.total
    assert sum(printed, Decimal(0)) == total
    assert len(printed) == len([ln for ln in breakdown.lines if not ln.subtotal])
    assert money(-Decimal(42000)) in flat  # the trade-in printed as a deduction
    assert "小计，不重复计入" in flat


def test_the_quote_shows_three_plans_and_the_managers_approval(db: Database, desk: Desk) -> None:
    quote = desk.quote(plans=3)
    flat = squeezed(text_of(quote_pdf_for(db, quote, "zh_CN")))
    for expected in ("方案1", "方案2", "方案3", "上汽通用金融", "厂家金融", "招商银行", "月供"):
        assert expected in flat, expected
    for figures in quote_data(db, quote, "zh_CN").plans:
        assert money(figures.monthly) in flat
        assert money(figures.down_payment) in flat
    assert "36期" in flat and "24期" in flat and "60期" in flat
    assert "3.99%" in flat and "4.99%" in flat
    manager = session_as(db, "manager").staff.full_name
    assert f"额外优惠¥6,000.00已由经理{manager}" in flat
    assert squeezed(APPROVAL_NOTE) in flat


def test_a_quote_without_approval_or_plans_says_neither(db: Database, desk: Desk) -> None:
    quote = desk.quote(plans=0, discount=1000)
    data = quote_pdf_for(db, quote, "zh_CN")
    assert len(PdfReader(io.BytesIO(data)).pages) == 1  # a typical quote is one page
    flat = squeezed(text_of(data))
    assert "已由经理" not in flat
    assert "金融方案" not in flat
    assert "落地价" in flat


def test_a_nev_quote_shows_the_purchase_tax_relief(db: Database, desk: Desk) -> None:
    quote = desk.quote(nev=True, plans=1)
    data = quote_data(db, quote, "zh_CN")
    assert data.tax_relief > 0
    flat = squeezed(text_of(quote_pdf_for(db, quote, "zh_CN")))
    assert squeezed(f"已减免 ¥{data.tax_relief:,.2f}") in flat


def test_the_english_quote(db: Database, desk: Desk) -> None:
    quote = desk.quote()
    flat = squeezed(text_of(quote_pdf_for(db, quote, "en")))
    for expected in (
        "Quote: purchase cost breakdown",
        quote.number,
        "Version 1",
        "Total on-road price",
        "Vehicle purchase tax",
        "Plan 1",
        "Monthly payment",
        "was approved by manager",
        "Page 1 of",
        quote.customer_name,
    ):
        assert squeezed(expected) in flat, expected
    # the price list's English names on the English quote
    for option in quote.input.options:
        assert squeezed(option.name_en) in flat
    assert money(quote.total) in flat
    assert "报价单" not in flat


def test_the_quote_is_deterministic_and_carries_its_qr_code(db: Database, desk: Desk) -> None:
    quote = desk.quote()
    first = quote_pdf_for(db, quote, "zh_CN")
    assert first == quote_pdf_for(db, quote, "zh_CN")
    page = PdfReader(io.BytesIO(first)).pages[0]
    content = page.get_contents()
    assert content is not None
    assert content.get_data().count(b" re") > 100  # the QR code's dark runs
    value = qr_value(quote.number, quote.version, quote.total)
    assert quote_data(db, quote, "zh_CN").qr_value == value
    assert read_qr(value) == (quote.number, 1, quote.total)
    assert read_qr("hello") is None
    qr = RecordQr(value)
    size = len(qr.modules)
    assert size >= 21 and all(len(row) == size for row in qr.modules)


def test_every_version_of_a_quote_stays_printable(db: Database, desk: Desk) -> None:
    quote = desk.quote(plans=1)
    revised = desk.quotes.revise(str(quote.id))
    desk.quotes.update(str(revised.id), replace(revised.input, extra_discount=Decimal(6500)), None)
    newest = squeezed(text_of(print_by_number(db, "quote", quote.number.lower(), "zh_CN")))
    assert "第2版" in newest
    old = squeezed(text_of(print_by_number(db, "quote", quote.number, "zh_CN", version=1)))
    assert "第1版" in old and "第2版" not in old
    with pytest.raises(NoSuchQuote) as refused:
        print_by_number(db, "quote", quote.number, "zh_CN", version=9)
    assert "version 9" in str(refused.value)


def test_unknown_numbers_name_the_number_format(db: Database) -> None:
    with pytest.raises(NoSuchQuote) as quote:
        print_by_number(db, "quote", "BJ19990101-XXXX-001", "zh_CN")
    assert "BJ20261120-EN49-001" in str(quote.value)
    for kind in ("contract", "contract-set"):
        with pytest.raises(NoSuchContract) as contract:
            print_by_number(db, kind, "nope", "zh_CN")
        assert "HT20261120-EN49-001" in str(contract.value)


# -- the contract -------------------------------------------------------------------------


def test_the_draft_contract_names_the_buyer_by_full_id_number(db: Database, desk: Desk) -> None:
    draft = desk.contract()
    data = contract_pdf_for(db, draft, "zh_CN")
    pages = pages_of(data)
    flat = "".join(pages)
    buyer = draft.content["buyer"]
    assert len(buyer["id_number"]) == 18 and "*" not in buyer["id_number"]
    for expected in (
        "购车合同",
        draft.number,
        "第1版",
        "出卖人（甲方）",
        "买受人（乙方）",
        buyer["name"],
        buyer["id_number"],  # in full: the contract legally needs it
        buyer["address"],
        draft.content["dealer"]["licence_no"],
        draft.content["vehicle"]["vin"],
        "合同总价（落地价）",
        "人民币（大写）",
        rmb_capital(draft.total),
        "定金",
        "余款",
        "第一条车辆",
        "第五条随车文件",
        "机动车销售统一发票",
        "出卖人（盖章）",
        "（公章）",
        "买受人签字",
        f"依据报价单{draft.content['quote']['number']}第1版",
    ):
        assert squeezed(expected) in flat, expected
    assert "草稿" not in flat  # the draft is the paper the buyer signs: it prints clean
    for clause in draft.content["clauses"]:
        assert squeezed(clause["text_zh"]) in flat, clause["code"]
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        assert f"第{n}页共{len(pages)}页" in page

    # the price table adds up to the printed total; deposit + balance is the total
    table = flat[flat.index("金额（元）") : flat.index("合同总价（落地价）")]
    printed = amounts(table)
    selling = Decimal(
        next(ln["amount"] for ln in draft.content["lines"] if ln["kind"] == "selling")
    )
    printed.remove(selling)
    assert sum(printed, Decimal(0)) == draft.total
    assert money(draft.total) in flat
    deposit, balance = Decimal(draft.content["deposit"]), Decimal(draft.content["balance"])
    assert deposit + balance == draft.total
    assert money(deposit) in flat and money(balance) in flat


def test_the_contract_prints_its_finance_plan(db: Database, desk: Desk) -> None:
    draft = desk.contract(plan=1)
    plan = draft.content["plan"]
    flat = squeezed(text_of(contract_pdf_for(db, draft, "zh_CN")))
    assert plan["lender"] in flat
    assert money(Decimal(plan["monthly"])) in flat
    assert f"{plan['months']}期" in flat
    full = desk.contract(plan=None)
    flat = squeezed(text_of(contract_pdf_for(db, full, "zh_CN")))
    assert "贷款方案如下" not in flat
    assert full.content["plan"] is None


def test_a_contract_without_a_car_yet_says_to_be_allocated(db: Database, desk: Desk) -> None:
    draft = desk.contract()
    content = dict(draft.content)
    content["vehicle"] = {**content["vehicle"], "vin": "", "engine_no": ""}
    flat = squeezed(text_of(contract_pdf_for(db, replace(draft, content=content), "zh_CN")))
    assert "待分配（交车前由甲方书面确认）" in flat


def test_signing_stores_the_hash_of_what_printing_gives(db: Database, desk: Desk) -> None:
    signed = desk.signed_contract()
    assert signed.pdf_hash
    first = contract_pdf_for(db, signed, "zh_CN")
    assert first == contract_pdf_for(db, signed, "zh_CN")  # deterministic
    assert hashlib.sha256(first).hexdigest() == signed.pdf_hash
    printed = print_by_number(db, "contract", signed.number, "zh_CN", signed_dir=desk.signed)
    assert hashlib.sha256(printed).hexdigest() == signed.pdf_hash
    kept = kept_signed_pdf(signed, desk.signed)
    assert kept is not None and kept == printed
    assert desk.contracts.signed_pdf(signed) is not None
    flat = squeezed(text_of(printed))
    assert "草稿" not in flat and "作废" not in flat  # the signed document carries no mark

    # the kept file is what prints, even if rendering changed since (here: a tampered copy
    # would not match the hash and is ignored; the frozen content renders the same bytes)
    for path in desk.signed.glob("*.pdf"):
        path.write_bytes(b"%PDF-tampered")
    again = print_by_number(db, "contract", signed.number, "zh_CN", signed_dir=desk.signed)
    assert hashlib.sha256(again).hexdigest() == signed.pdf_hash


def test_a_signed_contract_prints_from_its_content_not_the_quote(db: Database, desk: Desk) -> None:
    signed = desk.signed_contract()
    before = contract_pdf_for(db, signed, "zh_CN")
    # the desk's numbers change after signing (the compulsory insurance premium): the signed
    # contract does not, while a new quote of the same input would
    manager = QuoteService(db, session_as(db, "manager"), today=lambda: DEMO_TODAY)
    settings = manager.settings()
    manager.save_settings(
        replace(
            settings,
            compulsory_small=settings.compulsory_small + 100,
            compulsory_large=settings.compulsory_large + 100,
        )
    )
    assert contract_pdf_for(db, signed, "zh_CN") == before
    data = contract_data(db, signed, "zh_CN")
    assert data.total == Decimal(signed.content["total"])


def test_the_void_contract_prints_void_with_its_reason(db: Database, desk: Desk) -> None:
    signed = desk.signed_contract()
    void = desk.contracts.void(str(signed.id), "客户家庭原因退订，定金按约定处理")
    data = print_by_number(db, "contract", void.number, "zh_CN", signed_dir=desk.signed)
    assert hashlib.sha256(data).hexdigest() != signed.pdf_hash  # not the signed document
    flat = squeezed(text_of(data))
    assert "作废" in flat and "VOID" in flat
    assert "本合同已作废" in flat
    assert squeezed("客户家庭原因退订，定金按约定处理") in flat
    english = squeezed(text_of(contract_pdf_for(db, void, "en")))
    assert "VOID" in english and "Reason:" in english


def test_an_amendment_names_the_version_it_amends(db: Database, desk: Desk) -> None:
    signed = desk.signed_contract()
    amended = desk.contracts.amend(str(signed.id))
    flat = squeezed(text_of(print_by_number(db, "contract", signed.number, "zh_CN")))
    assert "第2版" in flat
    assert f"本合同为{signed.number}第1版的变更" in flat
    old = print_by_number(db, "contract", signed.number, "zh_CN", 1, signed_dir=desk.signed)
    assert hashlib.sha256(old).hexdigest() == signed.pdf_hash
    assert amended.version == 2


def test_the_english_contract(db: Database, desk: Desk) -> None:
    draft = desk.contract()
    data = contract_pdf_for(db, draft, "en")
    pages = pages_of(data)
    flat = "".join(pages)
    for expected in (
        "Vehicle purchase contract",
        draft.number,
        "Seller (Party A)",
        "Buyer (Party B)",
        draft.content["buyer"]["id_number"],
        "Contract total (on-road price)",
        "Article 1. The vehicle",
    ):
        assert squeezed(expected) in flat, expected
    for clause in draft.content["clauses"]:
        assert squeezed(clause["title_en"]) in flat
    for n, page in enumerate(pages, start=1):
        assert f"Page{n}of{len(pages)}" in page


def test_the_contract_set_has_the_insurance_and_purchase_tax_papers(
    db: Database, desk: Desk
) -> None:
    signed = desk.signed_contract()
    data = contract_set_pdf_for(db, signed, "zh_CN")
    assert data == contract_set_pdf_for(db, signed, "zh_CN")
    pages = pages_of(data)
    contract_pages = len(pages_of(contract_pdf_for(db, signed, "zh_CN")))
    assert len(pages) == contract_pages + 2
    insurance, tax = pages[-2], pages[-1]
    # each paper numbers its own pages
    assert "保险确认单第1页共1页" in insurance
    assert "车辆购置税申请表第1页共1页" in tax
    assert f"购车合同第1页共{contract_pages}页" in pages[0]

    lines = signed.content["lines"]
    buyer = signed.content["buyer"]
    covers = [ln for ln in lines if ln["kind"] in ("compulsory", "insurance")]
    premiums = [Decimal(ln["amount"]) for ln in covers]
    assert buyer["name"] in insurance and buyer["id_number"] in insurance
    for cover in covers:
        if cover["name"]:
            assert squeezed(cover["name"]) in insurance
    assert "保费合计" in insurance and "承保保险公司" in insurance
    assert money(sum(premiums, Decimal(0))) in insurance
    assert "投保人（客户）确认签字" in insurance

    selling = Decimal(next(ln["amount"] for ln in lines if ln["kind"] == "selling"))
    payable = Decimal(next(ln["amount"] for ln in lines if ln["kind"] == "purchase_tax"))
    base, due, relief = tax_figures(selling, payable)
    assert base == fen(selling / Decimal("1.13"))
    assert relief == 0  # a petrol car
    for expected in (
        "车辆购置税申请表",
        buyer["name"],
        "居民身份证",
        buyer["id_number"],
        signed.content["vehicle"]["vin"],
        signed.content["vehicle"]["engine_no"],
        money(selling),
        money(base),
        "10%",
        money(due),
        money(payable),
        rmb_capital(payable),
        "纳税人签名",
    ):
        assert squeezed(expected) in tax, expected
    assert due == payable


def test_a_nev_contract_set_shows_the_tax_relief(db: Database, desk: Desk) -> None:
    draft = desk.contract(nev=True, plan=None)
    tax = pages_of(contract_set_pdf_for(db, draft, "zh_CN"))[-1]
    lines = draft.content["lines"]
    selling = Decimal(next(ln["amount"] for ln in lines if ln["kind"] == "selling"))
    payable = Decimal(next(ln["amount"] for ln in lines if ln["kind"] == "purchase_tax"))
    _, due, relief = tax_figures(selling, payable)
    assert relief > 0 and due - relief == payable
    assert f"新能源汽车减免{money(relief)}" in tax
    assert money(payable) in tax


def test_english_contract_set(db: Database, desk: Desk) -> None:
    draft = desk.contract()
    pages = pages_of(contract_set_pdf_for(db, draft, "en"))
    assert "Insuranceconfirmation" in pages[-2]
    assert "Vehiclepurchasetaxapplication" in pages[-1]
    assert "Taxable price (invoice price ÷ 1.13)".replace(" ", "") in pages[-1]


def test_numbers_in_chinese_capitals() -> None:
    cases = {
        "0": "零元整",
        "0.05": "伍分",
        "10": "壹拾元整",
        "10.05": "壹拾元零伍分",
        "1005.5": "壹仟零伍元伍角",
        "1010": "壹仟零壹拾元整",
        "100100": "壹拾万零壹佰元整",
        "101000": "壹拾万壹仟元整",
        "20601.77": "贰万零陆佰零壹元柒角柒分",
        "225449.47": "贰拾贰万伍仟肆佰肆拾玖元肆角柒分",
        "100000000": "壹亿元整",
        "100000001": "壹亿零壹元整",
        "-3000": "负叁仟元整",
    }
    for amount, words in cases.items():
        assert rmb_capital(Decimal(amount)) == words, amount


# -- printing into the folder, listing ------------------------------------------------------


def test_printing_into_the_folder(db: Database, desk: Desk, tmp_path: Path) -> None:
    quote = desk.quote(plans=1)
    folder = tmp_path / "prints"
    path = print_quote(db, desk.session, str(quote.id), "zh_CN", folder)
    assert path.parent == folder and path.name.startswith(f"quote-{quote.number}-v1-")
    assert "报价单" in text_of(path.read_bytes())
    signed = desk.signed_contract()
    path = print_contract(db, desk.session, str(signed.id), "zh_CN", folder, signed_dir=desk.signed)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == signed.pdf_hash
    path = print_contract(db, desk.session, str(signed.id), "zh_CN", folder, with_set=True)
    assert path.name.startswith(f"contract-set-{signed.number}-v1-")
    assert not list(folder.glob("*.part"))

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(PrintFailed):
        print_quote(db, desk.session, str(quote.id), "zh_CN", blocked)
    with pytest.raises(PrintFailed):
        print_contract(db, desk.session, str(signed.id), "zh_CN", blocked)


def test_an_english_print_of_a_signed_contract_is_rendered_in_english(
    db: Database, desk: Desk
) -> None:
    signed = desk.signed_contract()  # signed in Chinese
    english = contract_print(db, signed, "en", desk.signed)
    assert "Vehicle purchase contract" in text_of(english)


def test_list_lines(db: Database, desk: Desk) -> None:
    quote = desk.quote(plans=1)
    signed = desk.signed_contract()
    quotes = [line.split("\t") for line in quote_lines(db, today=DEMO_TODAY)]
    mine = next(f for f in quotes if f[0] == quote.number)
    assert mine == [
        quote.number,
        "v1",
        "sent",
        quote.customer_name,
        quote.input.model_name,
        f"{quote.total:,.2f}",
    ]
    contracts = [line.split("\t") for line in contract_lines(db)]
    row = next(f for f in contracts if f[0] == signed.number)
    assert row[1:3] == ["v1", "signed"] and row[5] == f"{signed.total:,.2f}"
    assert len(list(quote_lines(db, limit=1))) == 1
    assert all(len(f) == 6 for f in quotes + contracts)
    expired = quote_lines(db, today=DEMO_TODAY + dt.timedelta(days=30))
    assert any(f.split("\t")[0] == quote.number and "\texpired\t" in f for f in expired)
