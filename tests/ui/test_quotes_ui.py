"""The Quotes & Contracts area on the demo database: the lists and their filters, the quote
builder (live totals equal to compute, the discount cap and the manager's approval, plan input
that is refused without losing what was typed, versions), accepting into a contract, the
contract editor (signing freezes it; only Amend and Void remain; voiding needs a reason), the
price-list import report and the main window's page."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.contracts import ContractStatus, PaymentMethod
from desktop_app.domain.quotes import QuoteStatus, compute
from desktop_app.services.contracts import ContractService
from desktop_app.services.customers import CustomerService
from desktop_app.services.quotes import Quote, QuoteService
from desktop_app.storage.db import Database
from desktop_app.ui.quotes.approval import ApprovalDialog
from desktop_app.ui.quotes.builder import QuoteBuilder
from desktop_app.ui.quotes.contract_editor import ContractEditor
from desktop_app.ui.quotes.models import yuan
from desktop_app.ui.quotes.price_list import PriceListReportDialog
from desktop_app.ui.quotes.view import AcceptDialog, QuotesView
from desktop_app.ui.widgets import ERROR_STYLE
from tests.conftest import DEMO_TODAY, session_as


def fake_pdf(_db: Database, contract: object, _lang: str) -> bytes:
    return b"%PDF-1.4 test " + str(getattr(contract, "number", "")).encode()


def make_view(
    qtbot: QtBot, db: Database, username: str, runner, dialogs, tmp_path: Path
) -> QuotesView:
    session = session_as(db, username)
    quotes = QuoteService(db, session, today=lambda: DEMO_TODAY)
    contracts = ContractService(
        db, session, today=lambda: DEMO_TODAY, render=fake_pdf, signed_dir=tmp_path / "signed"
    )
    view = QuotesView(quotes, contracts, CustomerService(db, session), runner, dialogs)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    view.start()
    return view


@pytest.fixture
def view(qtbot, db, runner, dialogs, tmp_path) -> QuotesView:
    return make_view(qtbot, db, "sales1", runner, dialogs, tmp_path)


def new_builder(view: QuotesView) -> QuoteBuilder:
    view.ui.newButton.click()
    builder = view.open_dialog
    assert isinstance(builder, QuoteBuilder)
    assert builder.ready and builder.editable
    return builder


def pick_customer(builder: QuoteBuilder, db: Database) -> str:
    name, customer_id = db.raw.execute(
        "SELECT name, id FROM customer WHERE deleted_at IS NULL AND mobile != '' "
        "ORDER BY rowid LIMIT 1 OFFSET 100"
    ).fetchone()
    builder.ui.searchEdit.setText(name)
    builder.run_search()
    results = builder.ui.resultsList
    assert results.count() >= 1
    for row in range(results.count()):
        if results.item(row).data(Qt.ItemDataRole.UserRole) == customer_id:
            results.setCurrentRow(row)
    assert builder.customer_id == customer_id
    assert name in builder.ui.customerLabel.text()
    return str(customer_id)


def check(tree, row: int, on: bool = True) -> None:
    tree.topLevelItem(row).setCheckState(
        0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    )


def find_quote(view: QuotesView, want) -> Quote:
    for q in view.quote_model.rows():
        if want(q):
            view.select_quote(str(q.id))
            assert view.selected_quote_id() == q.id
            return q
    raise AssertionError("no such quote in the demo data")


def open_contract(view: QuotesView, status: ContractStatus, latest_only: bool = True):
    rows = view.contracts.listing(statuses={status})
    contract = next(
        c
        for c in rows
        if not latest_only or c.version == max(v.version for v in view.contracts.versions(c.number))
    )
    editor = view.open_contract(str(contract.id))
    assert editor.contract is not None and editor.contract.id == contract.id
    return editor


# -- the lists -----------------------------------------------------------------------------


def test_list_models_pass_the_model_tester(qtmodeltester, view):
    assert view.quote_model.rowCount() > 5
    assert view.contract_model.rowCount() > 2
    qtmodeltester.check(view.quote_model)
    qtmodeltester.check(view.contract_model)
    builder = new_builder(view)
    assert builder.breakdown_model.rowCount() > 3
    qtmodeltester.check(builder.breakdown_model)


def test_quotes_list_shows_the_status_as_it_reads_today_and_filters(view):
    statuses = {q.status for q in view.quote_model.rows()}
    assert QuoteStatus.EXPIRED in statuses  # a sent quote past its validity date
    combo = view.ui.statusCombo
    combo.setCurrentIndex(combo.findData(QuoteStatus.EXPIRED.value))
    rows = view.quote_model.rows()
    assert rows and all(q.status is QuoteStatus.EXPIRED for q in rows)
    expired = rows[0]
    index = view.quote_model.index(0, view.quote_model.STATUS)
    assert view.quote_model.data(index) == "Expired"
    combo.setCurrentIndex(0)
    view.ui.mineCheck.setChecked(True)
    mine = view.quote_model.rows()
    me = view.quotes.session.staff.full_name
    assert mine and all(q.sales_name == me for q in mine)
    view.ui.mineCheck.setChecked(False)
    view.ui.searchEdit.setText(expired.customer_name)
    view.reload_quotes()
    assert [q.number for q in view.quote_model.rows()] == [expired.number]
    assert "1" in view.ui.quoteCountLabel.text()


def test_contracts_list_shows_buyer_vin_deposit_and_filters(view):
    tab = view.ui.tabs
    tab.setCurrentWidget(view.ui.contractsTab)
    combo = view.ui.contractStatusCombo
    combo.setCurrentIndex(combo.findData(ContractStatus.SIGNED.value))
    rows = view.contract_model.rows()
    assert rows and all(c.status is ContractStatus.SIGNED for c in rows)
    first = rows[0]
    texts = [
        view.contract_model.data(view.contract_model.index(0, col))
        for col in range(view.contract_model.columnCount())
    ]
    assert first.terms.buyer_name in texts
    assert yuan(first.terms.deposit) in texts
    assert first.terms.delivery_date.isoformat() in texts


# -- the quote builder ---------------------------------------------------------------------


def test_building_a_quote_updates_the_totals_live_without_the_database(qtbot, view, db):
    builder = new_builder(view)
    customer_id = pick_customer(builder, db)
    settings = view.quotes.settings()
    before = builder.breakdown.total
    assert builder.ui.totalLabel.text() == yuan(before)

    statements: list[str] = []
    db.raw.set_trace_callback(statements.append)
    try:
        accessories = builder.ui.accessoriesTree
        check(accessories, 0)
        added = builder.current_input.accessories[0].price
        assert builder.breakdown.total == before + added
        qtbot.keyClicks(builder.ui.extraDiscountEdit, "1,500")
        qtbot.keyClicks(builder.ui.tradeValueEdit, "30000")
        builder.ui.compulsoryCheck.setChecked(False)
    finally:
        db.raw.set_trace_callback(None)
    assert statements == []  # keystrokes never reach the database
    q = builder.current_input
    assert q.extra_discount == Decimal(1500)
    assert q.trade_in.value == Decimal(30000)
    expected = compute(q, settings).total
    assert builder.breakdown.total == expected
    assert builder.ui.totalLabel.text() == yuan(expected)
    rows = [r.item for r in builder.breakdown_model.rows()]
    assert any("Additional discount" in r for r in rows)
    assert not any("Compulsory" in r for r in rows)
    assert builder.last_refresh_ms < 100  # a few ms on a desk PC; generous for CI

    builder.ui.saveButton.click()
    assert builder.quote is not None and builder.quote.id
    stored = view.quotes.get(builder.quote.id)
    assert stored.customer_id == customer_id
    assert stored.status is QuoteStatus.DRAFT
    assert stored.total == expected
    assert builder.ui.numberLabel.text() == stored.number
    assert stored.number in [q.number for q in view.quote_model.rows()]  # the list refreshed


def test_a_car_in_stock_by_vin_fills_the_trim_and_colour(qtbot, view, db):
    builder = new_builder(view)
    car = next(c for c in builder.stock if c.model_id != builder.ui.modelCombo.currentData())
    qtbot.keyClicks(builder.ui.vinFindEdit, car.vin[-6:])
    assert builder.ui.modelCombo.currentData() == car.model_id
    assert builder.ui.stockCombo.currentData() == car.vin
    assert builder.ui.colourCombo.currentText() == car.colour
    assert builder.current_input.vin == car.vin
    assert builder.current_input.model_id == car.model_id


def test_discount_above_the_cap_needs_a_manager_and_refuses_mark_sent(qtbot, view, db, dialogs):
    builder = new_builder(view)
    pick_customer(builder, db)
    qtbot.keyClicks(builder.ui.extraDiscountEdit, "8000")
    assert builder.needs_approval
    assert builder.ui.approveButton.isVisible()
    assert "3,000.00" in builder.ui.approvalLabel.text()

    dialogs.shown.clear()
    builder.ui.sentButton.click()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning" and "manager must approve" in text
    assert builder.quote is not None
    assert view.quotes.get(str(builder.quote.id)).status is QuoteStatus.DRAFT
    assert builder.ui.extraDiscountEdit.styleSheet() == ERROR_STYLE
    assert builder.ui.extraDiscountEdit.text() == "8000"

    builder.ui.approveButton.click()
    approval = builder.approval_dialog
    assert isinstance(approval, ApprovalDialog)
    approval.username_edit.setText("manager")
    approval.password_edit.setText("wrong")
    approval.approve_button.click()
    assert approval.isVisible() and approval.error_label.text()
    assert view.quotes.get(str(builder.quote.id)).approved_by is None
    approval.password_edit.setText("dealerdesk")
    approval.note_edit.setText("老客户转介绍")
    approval.approve_button.click()
    assert not approval.isVisible()
    stored = view.quotes.get(str(builder.quote.id))
    manager = session_as(db, "manager").staff
    assert stored.approved_by == manager.id
    assert stored.approved_discount == Decimal(8000)
    assert manager.full_name in builder.ui.approvalLabel.text()
    assert not builder.needs_approval

    builder.ui.sentButton.click()
    assert view.quotes.get(str(builder.quote.id)).status is QuoteStatus.SENT
    assert not builder.editable
    assert not builder.ui.saveButton.isVisible()
    assert builder.ui.extraDiscountEdit.isReadOnly()


def test_a_managers_own_discount_above_the_limit_is_approved_by_saving(
    qtbot, db, runner, dialogs, tmp_path
):
    view = make_view(qtbot, db, "manager", runner, dialogs, tmp_path)
    builder = new_builder(view)
    pick_customer(builder, db)
    qtbot.keyClicks(builder.ui.extraDiscountEdit, "6000")
    assert not builder.needs_approval  # nothing blocks the manager
    assert "approver" in builder.ui.approvalLabel.text()
    builder.ui.sentButton.click()
    assert builder.quote is not None
    stored = view.quotes.get(str(builder.quote.id))
    assert stored.status is QuoteStatus.SENT
    assert stored.approved_by == view.quotes.session.staff.id
    assert stored.approved_discount == Decimal(6000)


def test_bad_plan_input_names_the_field_and_keeps_what_was_typed(qtbot, view, db, dialogs):
    builder = new_builder(view)
    pick_customer(builder, db)
    builder.ui.addPlanButton.click()
    assert len(builder.columns) == 1
    column = builder.columns[0]
    assert column.monthly.text().startswith("¥")
    assert column.error.text() == ""

    column.down.clear()
    qtbot.keyClicks(column.down, "1000")
    assert "Plan 1" in column.error.text() and "down payment" in column.error.text()
    assert column.down.styleSheet() == ERROR_STYLE
    assert column.down.text() == "1000"

    column.down.setText(column.down.text())
    column.down.clear()
    qtbot.keyClicks(column.down, "50000")
    assert column.error.text() == ""
    assert column.down.styleSheet() == ""

    column.term.setCurrentText("72")
    assert "72" in column.error.text()
    assert column.term.styleSheet() == ERROR_STYLE
    assert column.term.currentText() == "72"

    column.term.setCurrentText("36")
    column.rate.clear()
    qtbot.keyClicks(column.rate, "45")
    assert "interest rate" in column.error.text()
    assert column.rate.styleSheet() == ERROR_STYLE
    column.rate.clear()
    qtbot.keyClicks(column.rate, "abc")
    assert "abc" in column.error.text()
    assert column.rate.text() == "abc"

    dialogs.shown.clear()
    builder.ui.saveButton.click()  # refused: the rate cannot be read
    assert builder.quote is None
    assert dialogs.shown and "abc" in dialogs.shown[-1][2]
    assert column.rate.text() == "abc"

    column.rate.clear()
    qtbot.keyClicks(column.rate, "3.5")
    builder.ui.saveButton.click()
    assert builder.quote is not None
    plan = view.quotes.get(str(builder.quote.id)).input.plans[0]
    assert (plan.down_payment, plan.months, plan.annual_rate) == (
        Decimal(50000),
        36,
        Decimal("0.035"),
    )


def test_versions_open_read_only_and_a_sent_quote_is_revised(view):
    revised = find_quote(view, lambda q: q.version == 2)
    view.ui.openButton.click()
    builder = view.open_dialog
    assert isinstance(builder, QuoteBuilder)
    combo = builder.ui.versionCombo
    assert combo.count() == 2 and combo.isEnabled()
    combo.setCurrentIndex(0)
    assert builder.quote is not None and builder.quote.version == 1
    assert not builder.editable
    assert builder.ui.extraDiscountEdit.isReadOnly()
    assert "read-only" in builder.ui.statusLabel.text()
    assert not builder.ui.reviseButton.isEnabled()
    combo.setCurrentIndex(1)
    assert builder.quote.version == 2 and builder.quote.status is QuoteStatus.SENT
    assert builder.ui.reviseButton.isEnabled()
    builder.ui.reviseButton.click()
    assert builder.quote.version == 3 and builder.editable
    assert builder.ui.versionCombo.count() == 3
    assert view.quotes.by_number(revised.number).version == 3


def test_mark_lost_needs_a_reason(view, dialogs):
    q = find_quote(view, lambda q: q.status is QuoteStatus.SENT)
    dialogs.texts = [""]
    view.ui.lostButton.click()
    assert dialogs.shown[-1][0] == "warning"
    assert view.quotes.get(str(q.id)).status is QuoteStatus.SENT
    dialogs.texts = ["客户选择了其他品牌"]
    view.select_quote(str(q.id))
    view.ui.lostButton.click()
    stored = view.quotes.get(str(q.id))
    assert stored.status is QuoteStatus.LOST and stored.lost_reason == "客户选择了其他品牌"


# -- accepting and the contract ------------------------------------------------------------


def test_accept_with_a_plan_drafts_the_contract_and_opens_it(view):
    q = find_quote(
        view,
        lambda q: (
            q.status is QuoteStatus.SENT
            and len(q.input.plans) >= 2
            and view.quotes.needs_approval(q.input, q.approved_discount) is None
        ),
    )
    view.ui.acceptButton.click()
    dialog = view.open_dialog
    assert isinstance(dialog, AcceptDialog)
    assert len(dialog.radios) == 1 + len(q.input.plans)
    dialog.radios[2].setChecked(True)  # plan 2
    dialog.ok_button.click()
    editor = view.open_dialog
    assert isinstance(editor, ContractEditor)
    contract = editor.contract
    assert contract is not None and contract.status is ContractStatus.DRAFT
    assert contract.terms.payment is PaymentMethod.FINANCE and contract.terms.plan_index == 1
    assert editor.ui.loanRadio.isChecked() and editor.ui.planCombo.currentIndex() == 1
    assert editor.editable and editor.ui.saveButton.isVisible()
    assert view.quotes.get(str(q.id)).status is QuoteStatus.ACCEPTED
    assert contract.number in [c.number for c in view.contract_model.rows()]
    assert editor.ui.totalLabel.text() == yuan(contract.total)


def test_accept_refuses_an_expired_quote_and_says_why(view, dialogs):
    q = find_quote(view, lambda q: q.status is QuoteStatus.EXPIRED)
    assert not view.ui.acceptButton.isEnabled()
    view.draft_contract(str(q.id), None)
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning" and q.number in text and "expired" in text


def test_editing_a_draft_contract_and_a_refused_field(view, dialogs):
    editor = open_contract(view, ContractStatus.DRAFT)
    u = editor.ui
    u.depositEdit.setText("999999")
    editor.changed(recount=True)
    u.deliveryPlaceEdit.setText("")
    editor.changed()
    u.saveButton.click()
    assert dialogs.shown[-1][0] == "warning"
    assert u.depositEdit.styleSheet() == ERROR_STYLE
    assert u.depositEdit.text() == "999999"
    u.depositEdit.setText("8,000")
    u.deliveryPlaceEdit.setText("门店交车区")
    u.remarksEdit.setPlainText("客户要求贴膜")
    u.saveButton.click()
    stored = view.contracts.get(str(editor.contract_id))
    assert stored.terms.deposit == Decimal(8000)
    assert stored.terms.delivery_place == "门店交车区"
    assert stored.terms.remarks == "客户要求贴膜"
    assert "8,000.00" not in u.balanceLabel.text()  # the balance, not the deposit
    assert u.balanceLabel.text() == f"balance {yuan(stored.total - Decimal(8000))} before delivery"


def test_mark_signed_asks_then_only_amend_and_void_remain(view, dialogs):
    editor = open_contract(view, ContractStatus.DRAFT)
    u = editor.ui
    dialogs.answer = True
    u.signButton.click()
    assert any("signed the printed contract" in text for _k, _t, text in dialogs.shown)
    contract = view.contracts.get(str(editor.contract_id))
    assert contract.status is ContractStatus.SIGNED
    assert_frozen(editor)
    assert contract.content_hash[:12] in u.hashLabel.text()
    assert u.hashLabel.property("verified") is True


def assert_frozen(editor: ContractEditor) -> None:
    u = editor.ui
    for edit in (u.buyerNameEdit, u.buyerIdEdit, u.vinEdit, u.depositEdit, u.deliveryPlaceEdit):
        assert edit.isReadOnly()
    assert u.remarksEdit.isReadOnly()
    for widget in (u.deliveryDateEdit, u.documentsList, u.fullRadio, u.loanRadio):
        assert not widget.isEnabled()
    assert not u.saveButton.isVisible() and not u.signButton.isVisible()
    assert u.amendButton.isVisible() and u.voidButton.isVisible()
    assert u.voidButton.isEnabled()


def test_a_signed_contract_is_read_only_and_amending_makes_a_new_version(view):
    editor = open_contract(view, ContractStatus.SIGNED)
    original = editor.contract
    assert original is not None
    assert_frozen(editor)
    assert editor.ui.amendButton.isEnabled()
    assert "verified" in editor.ui.hashLabel.text()
    assert editor.breakdown_model.rowCount() == len(original.content["lines"])
    assert editor.ui.totalLabel.text() == yuan(Decimal(original.content["total"]))

    editor.ui.amendButton.click()
    amended = editor.contract
    assert amended is not None and amended.version == original.version + 1
    assert amended.status is ContractStatus.DRAFT and amended.original_id == original.id
    assert editor.editable and not editor.ui.buyerNameEdit.isReadOnly()
    assert "Amendment of version" in editor.ui.noticeLabel.text()
    assert editor.ui.versionsList.count() == 2
    assert view.contracts.get(str(original.id)).status is ContractStatus.SIGNED


def test_an_old_signed_version_cannot_be_amended(view):
    amended_numbers = {
        c.number for c in view.contracts.listing() if c.version > 1 and c.original_id
    }
    number = next(iter(amended_numbers))
    first = view.contracts.by_number(number, 1)
    assert first is not None and first.status is ContractStatus.SIGNED
    editor = view.open_contract(str(first.id))
    assert editor.ui.amendButton.isVisible() and not editor.ui.amendButton.isEnabled()


def test_void_needs_a_reason(view, dialogs):
    editor = open_contract(view, ContractStatus.SIGNED)
    cid = str(editor.contract_id)
    dialogs.texts = ["   "]
    editor.ui.voidButton.click()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning" and "reason" in text
    assert view.contracts.get(cid).status is ContractStatus.SIGNED
    dialogs.texts = [None]
    editor.ui.voidButton.click()  # cancelled: nothing happens
    assert view.contracts.get(cid).status is ContractStatus.SIGNED
    dialogs.texts = ["客户家庭原因退订"]
    editor.ui.voidButton.click()
    stored = view.contracts.get(cid)
    assert stored.status is ContractStatus.VOID and stored.void_reason == "客户家庭原因退订"
    assert "客户家庭原因退订" in editor.ui.noticeLabel.text()
    for button in (editor.ui.saveButton, editor.ui.signButton, editor.ui.amendButton):
        assert not button.isVisible()
    assert not editor.ui.voidButton.isVisible()


def test_signing_without_a_valid_id_number_names_the_field(view, dialogs):
    editor = open_contract(view, ContractStatus.DRAFT)
    u = editor.ui
    u.buyerIdEdit.setText("123")
    editor.changed()
    dialogs.answer = True
    u.signButton.click()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning" and "ID number" in text
    assert u.buyerIdEdit.styleSheet() == ERROR_STYLE and u.buyerIdEdit.text() == "123"
    assert view.contracts.get(str(editor.contract_id)).status is ContractStatus.DRAFT


def test_printing_a_quote_and_a_contract_set_writes_pdfs_and_opens_them(view, dialogs):
    find_quote(view, lambda q: q.status is QuoteStatus.SENT)
    view.ui.printButton.click()
    assert dialogs.opened and dialogs.opened[-1].suffix == ".pdf"
    assert dialogs.opened[-1].exists()
    editor = open_contract(view, ContractStatus.DRAFT)
    editor.ui.printButton.click()
    path = dialogs.opened[-1]
    assert path.exists() and "contract-set" in path.name


# -- the price list --------------------------------------------------------------------------

HEADER = (
    "kind,code,model_code,brand,series,trim,model_year,name_zh,name_en,price,rate,fuel_type,"
    "seats,engine_cc,band_max,valid_from,valid_to"
)
PRICE_LIST = (
    HEADER
    + """
accessory,ACC-NEW,,,,,,香氛套装,Fragrance kit,299.00,,,,,,,
accessory,ACC-BAD,,,,,,坏价格,Bad price,abc,,,,,,,
gadget,GAD-1,,,,,,未知,Unknown,100,,,,,,,
option,OPT-X,NOPE-9,,,,,天窗,Sunroof,5000,,,,,,,
"""
)


def test_price_list_import_shows_the_rejected_rows(qtbot, db, runner, dialogs, tmp_path):
    view = make_view(qtbot, db, "manager", runner, dialogs, tmp_path)
    assert view.ui.importButton.isVisible()
    path = tmp_path / "price-list.csv"
    path.write_text(PRICE_LIST, encoding="utf-8")
    view.import_price_list(path)
    dialog = view.open_dialog
    assert isinstance(dialog, PriceListReportDialog)
    assert "1 added" in dialog.summary_label.text()
    assert "3 rejected" in dialog.summary_label.text()
    rows = dialog.rows()
    assert [(line, code) for line, code, _reason in rows] == [
        ("3", "ACC-BAD"),
        ("4", "GAD-1"),
        ("5", "OPT-X"),
    ]
    assert "abc" in rows[0][2]
    assert "gadget" in rows[1][2]
    assert "NOPE-9" in rows[2][2]


def test_the_import_is_for_managers_only(view):
    assert not view.ui.importButton.isVisible()


def test_a_price_list_that_cannot_be_read_is_explained(qtbot, db, runner, dialogs, tmp_path):
    view = make_view(qtbot, db, "manager", runner, dialogs, tmp_path)
    view.import_price_list(tmp_path / "missing.csv")
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning" and "missing.csv" in text
    (tmp_path / "junk.csv").write_bytes(b"\xff\xfe\x00garbage")
    view.import_price_list(tmp_path / "junk.csv")
    kind, _title, text = dialogs.shown[-1]
    assert kind == "warning" and "CSV" in text


# -- the main window -------------------------------------------------------------------------


def test_the_quotes_area_is_built_on_first_use(qtbot, db, manager, runner, dialogs):
    from desktop_app.app import build_main_window

    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    window.show()
    window.start()
    keys = [a.key for a in window.areas]
    item = window.ui.navList.item(keys.index("quotes"))
    assert item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert window._quotes_view is None  # not built at start-up
    window.ui.navList.setCurrentRow(keys.index("quotes"))
    page = window.ui.stack.currentWidget()
    assert isinstance(page, QuotesView)
    assert page.started and page.quote_model.rowCount() > 0
    assert window.quotes_view is page
