"""The Customers area driven as a person would: search, open, add, refuse, fix, save."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.domain.staff import Session
from desktop_app.domain.vin import with_check_digit
from desktop_app.services.customers import CustomerService
from desktop_app.storage.db import Database
from desktop_app.ui.customers.customer_dialog import CustomerDialog
from desktop_app.ui.customers.vehicle_dialog import VehicleDialog
from desktop_app.ui.customers.view import CustomersView
from desktop_app.ui.tasks import TaskRunner

from .conftest import RecordingDialogs


def make_view(
    qtbot: QtBot, db: Database, session: Session, runner: TaskRunner, dialogs: RecordingDialogs
) -> CustomersView:
    view = CustomersView(CustomerService(db, session), runner, dialogs)
    qtbot.addWidget(view)
    view.show()
    view.start()
    return view


def search(qtbot: QtBot, view: CustomersView, text: str) -> None:
    view.ui.searchEdit.setText(text)  # setText: keyClicks aborts on Chinese
    qtbot.waitUntil(lambda: not view._timer.isActive(), timeout=2000)


def a_customer(db: Database) -> tuple[str, str, str]:
    row = db.raw.execute(
        "SELECT c.name, c.mobile, v.vin FROM customer c JOIN vehicle v ON v.customer_id = c.id "
        "WHERE length(c.name) = 3 ORDER BY c.mobile LIMIT 1"
    ).fetchone()
    return row[0], row[1], row[2]


def test_models_pass_the_qt_model_tester(qtbot, qtmodeltester, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    assert view.hits.rowCount() > 0
    qtmodeltester.check(view.hits)
    qtmodeltester.check(view.vehicles)
    qtmodeltester.check(view.history)


def test_search_as_you_type_finds_by_name_phone_and_vin_tail(qtbot, db, manager, runner, dialogs):
    name, mobile, vin = a_customer(db)
    view = make_view(qtbot, db, manager, runner, dialogs)
    for text in (name, mobile[-4:], vin[-6:], vin[-8:].lower()):
        search(qtbot, view, text)
        names = [h.name for h in view.hits.rows()]
        assert name in names, text
    search(qtbot, view, "沪Z99999")
    assert view.hits.rowCount() == 0
    assert "沪Z99999" in view.ui.resultsInfo.text()


def test_opening_a_customer_shows_file_vehicles_and_masked_id(qtbot, db, manager, runner, dialogs):
    name, mobile, vin = a_customer(db)
    view = make_view(qtbot, db, manager, runner, dialogs)
    search(qtbot, view, mobile)
    view.ui.resultsView.selectRow(0)
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.mobile == mobile)
    assert name in view.ui.nameLabel.text()
    assert vin in [v.vin for v in view.vehicles.rows()]
    stored_id = db.raw.execute("SELECT id_number FROM customer WHERE mobile = ?", (mobile,))
    full = stored_id.fetchone()[0]
    if full:
        assert full not in view.ui.detailsLabel.text()
        assert full[-4:] in view.ui.detailsLabel.text()


def test_new_customer_refused_then_fixed_keeps_what_was_typed(qtbot, db, advisor, runner, dialogs):
    view = make_view(qtbot, db, advisor, runner, dialogs)
    view.new_customer()
    dialog = view.open_dialog
    assert isinstance(dialog, CustomerDialog)
    dialog.ui.nameEdit.setText("欧阳娜娜")
    dialog.ui.mobileEdit.setText("1381234")  # too short
    dialog.ui.addressEdit.setText("上海市浦东新区世纪大道100号")
    dialog.save()
    assert dialog.isVisible()
    assert "1381234" in dialog.ui.errorLabel.text()
    assert dialog.ui.mobileEdit.styleSheet()  # the refused field is marked
    assert dialog.ui.nameEdit.text() == "欧阳娜娜"
    assert dialog.ui.addressEdit.text() == "上海市浦东新区世纪大道100号"

    dialog.ui.mobileEdit.setText("139 0000 1111")
    dialog.save()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.name == "欧阳娜娜")
    assert view.file.customer.mobile == "13900001111"
    assert [e.op for e in view.file.history] == ["I"]
    assert view.history.rowCount() == 1


def test_duplicate_phone_offers_the_other_customer_and_keeps_the_form(
    qtbot, db, advisor, runner, dialogs
):
    name, mobile, _vin = a_customer(db)
    view = make_view(qtbot, db, advisor, runner, dialogs)
    view.new_customer()
    dialog = view.open_dialog
    dialog.ui.nameEdit.setText("新客户")
    dialog.ui.mobileEdit.setText(mobile)
    dialog.save()
    asked = [d for d in dialogs.shown if d[0] == "ask"]
    assert asked and name in asked[0][2]
    assert dialog.isVisible() and dialog.ui.nameEdit.text() == "新客户"
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.mobile == mobile)


def test_technician_cannot_edit(qtbot, db, technician, runner, dialogs):
    view = make_view(qtbot, db, technician, runner, dialogs)
    assert not view.ui.newCustomerButton.isEnabled()
    qtbot.waitUntil(lambda: view.file is not None)
    assert not view.ui.editCustomerButton.isEnabled()


def test_add_vehicle_bad_vin_names_position_then_saves(qtbot, db, advisor, runner, dialogs):
    name, mobile, _vin = a_customer(db)
    view = make_view(qtbot, db, advisor, runner, dialogs)
    search(qtbot, view, mobile)
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.mobile == mobile)
    before = view.vehicles.rowCount()
    view.add_vehicle()
    dialog = view.open_dialog
    assert isinstance(dialog, VehicleDialog)
    good = with_check_digit("LSVAU2180T2123456")
    bad = good[:8] + ("1" if good[8] != "1" else "2") + good[9:]
    dialog.ui.vinEdit.setText(bad)
    dialog.ui.plateEdit.setText("沪A·9K8J7")
    dialog.save()
    assert dialog.isVisible()
    assert "9" in dialog.ui.errorLabel.text() and good[8] in dialog.ui.errorLabel.text()
    dialog.ui.vinEdit.setText(good.lower())
    dialog.save()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.vehicles.rowCount() == before + 1)
    assert good in [v.vin for v in view.vehicles.rows()]
    assert "沪A9K8J7" in [v.plate for v in view.vehicles.rows()]


def test_edit_customer_changes_show_in_history(qtbot, db, advisor, runner, dialogs):
    _name, mobile, _vin = a_customer(db)
    view = make_view(qtbot, db, advisor, runner, dialogs)
    search(qtbot, view, mobile)
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.mobile == mobile)
    view.edit_customer()
    dialog = view.open_dialog
    dialog.ui.addressEdit.setText("上海市徐汇区漕溪北路1号")
    dialog.ui.tagsEdit.setText("VIP，车队客户")
    dialog.save()
    qtbot.waitUntil(lambda: "漕溪北路" in view.ui.detailsLabel.text())
    latest = view.file.history[0]
    assert latest.op == "U" and "address" in latest.changed and "tags" in latest.changed
    assert latest.actor_name == advisor.staff.full_name


def test_print_file_writes_a_pdf_and_opens_it(
    qtbot, db, advisor, runner, dialogs, tmp_path, monkeypatch
):
    from pypdf import PdfReader

    monkeypatch.setenv("DEALERDESK_HOME", str(tmp_path))
    name, mobile, vin = a_customer(db)
    view = make_view(qtbot, db, advisor, runner, dialogs)
    search(qtbot, view, mobile)
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.mobile == mobile)
    view.ui.printButton.click()
    assert dialogs.opened, dialogs.shown
    pdf = dialogs.opened[-1]
    assert pdf.parent == tmp_path / "prints"
    text = PdfReader(pdf).pages[0].extract_text()
    assert name in text and vin in text


def test_too_short_fragment_gets_a_hint_not_no_match(qtbot, db, manager, runner, dialogs):
    view = make_view(qtbot, db, manager, runner, dialogs)
    for text in ("1", "沪A"):
        search(qtbot, view, text)
        assert view.hits.rowCount() == 0
        assert "3" in view.ui.resultsInfo.text() and text not in view.ui.resultsInfo.text()


def test_print_without_a_pdf_viewer_says_where_the_file_is(
    qtbot, db, advisor, runner, tmp_path, monkeypatch
):
    from .conftest import RecordingDialogs

    class NoViewer(RecordingDialogs):
        def open_document(self, path):
            return False

    dialogs = NoViewer()
    monkeypatch.setenv("DEALERDESK_HOME", str(tmp_path))
    _name, mobile, _vin = a_customer(db)
    view = make_view(qtbot, db, advisor, runner, dialogs)
    search(qtbot, view, mobile)
    qtbot.waitUntil(lambda: view.file is not None and view.file.customer.mobile == mobile)
    view.ui.printButton.click()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "info" and str(view.last_print) in text
    assert view.last_print.exists()
