"""A save refused by the machine (disk full, read-only file) says so and loses nothing."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.auth import AuthService
from desktop_app.services.customers import CustomerService
from desktop_app.storage.db import open_database
from desktop_app.ui.customers.view import CustomersView


def fill_new_customer(view: CustomersView) -> None:
    view.new_customer()
    d = view.open_dialog
    d.ui.nameEdit.setText("司马光")
    d.ui.mobileEdit.setText("13700001234")
    d.ui.notesEdit.setPlainText("喜欢周六上午来店。" * 400)


def test_disk_full_keeps_the_form_and_says_what_to_do(qtbot, db, advisor, runner, dialogs):
    view = CustomersView(CustomerService(db, advisor), runner, dialogs)
    qtbot.addWidget(view)
    view.start()
    pages = db.raw.execute("PRAGMA page_count").fetchone()[0]
    db.raw.execute(f"PRAGMA max_page_count = {pages}")  # the "disk" cannot grow any more
    fill_new_customer(view)
    dialog = view.open_dialog
    dialog.save()
    assert dialog.isVisible()
    kind, _title, text = dialogs.shown[-1]
    assert kind == "error" and "full" in text and db.path in text
    assert dialog.ui.nameEdit.text() == "司马光"
    assert dialog.ui.notesEdit.toPlainText().startswith("喜欢周六上午来店。")
    assert db.raw.execute("SELECT count(*) FROM customer WHERE name = '司马光'").fetchone()[0] == 0

    db.raw.execute("PRAGMA max_page_count = 1073741823")  # space freed: the same save works
    dialog.save()
    assert not dialog.isVisible()
    assert db.raw.execute("SELECT count(*) FROM customer WHERE name = '司马光'").fetchone()[0] == 1


def test_read_only_database_refuses_saving_in_words(qtbot, db_path: Path, runner, dialogs):
    writable = open_database(db_path)
    session = AuthService(writable).session_for("advisor1")
    writable.close()
    ro = open_database(db_path, read_only=True)
    try:
        view = CustomersView(CustomerService(ro, session), runner, dialogs)
        qtbot.addWidget(view)
        view.start()
        assert view.hits.rowCount() > 0  # reading still works
        fill_new_customer(view)
        view.open_dialog.save()
        kind, _title, text = dialogs.shown[-1]
        assert kind == "error" and "read-only" in text
        assert view.open_dialog.isVisible()
        assert view.open_dialog.ui.nameEdit.text() == "司马光"
    finally:
        ro.close()
