"""The Sync area with real parts: a real hub (PostgreSQL + the sync service on loopback) and
PCs as real SQLite files. Registering this PC, "Sync now" with progress and history, a pass
that fails (nothing listening) and the back-off it starts, the next pass that succeeds, a real
conflict made by two PCs editing one customer offline and decided from the page, automatic
passes (first pass, after local changes), and the status bar. The next-delay rule is plain
logic."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.app import build_main_window
from desktop_app.domain.customers import Customer
from desktop_app.hub.store import HubStore
from desktop_app.services.customers import CustomerService
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.sync import SyncService
from desktop_app.storage.db import Database, utc_now_text
from desktop_app.sync.client import pass_lock
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.sync import controller as controller_module
from desktop_app.ui.sync.controller import SyncController, own_database
from desktop_app.ui.sync.models import ConflictsModel
from desktop_app.ui.sync.register_dialog import RegisterDialog
from desktop_app.ui.sync.schedule import CAP_S, SyncSchedule, next_delay
from desktop_app.ui.sync.view import SyncView
from desktop_app.ui.widgets import ERROR_STYLE
from tests.conftest import session_as
from tests.hub_fixtures import HubServer, Pc, new_pc
from tests.pg import free_port

PASS_TIMEOUT_MS = 90_000


# -- the next automatic pass: plain logic --------------------------------------------------------


def test_next_delay_is_a_minute_with_jitter_and_backs_off_to_a_cap():
    assert next_delay(0, 0.0) == 45
    assert next_delay(0, -1.0) == 40
    assert next_delay(0, 1.0) == 50
    assert [next_delay(n, 0.0) for n in range(1, 6)] == [90, 180, 360, CAP_S, CAP_S]
    assert next_delay(1000, 1.0) == CAP_S + 5  # never overflows, jitter still applies
    with pytest.raises(ValueError):
        next_delay(0, 1.5)


def test_schedule_counts_failures_in_a_row_and_a_success_resets_them():
    jitters = iter([0.0, 0.5, -0.5, 0.0])
    schedule = SyncSchedule(jitter=lambda: next(jitters))
    assert schedule.delay() == 45 and not schedule.backing_off
    schedule.failed()
    schedule.failed()
    assert schedule.backing_off and schedule.delay() == 182.5
    schedule.failed()
    assert schedule.delay() == 357.5
    schedule.succeeded()  # reconnected
    assert not schedule.backing_off and schedule.delay() == 45


def test_random_jitter_stays_within_five_seconds():
    schedule = SyncSchedule()
    delays = {schedule.delay() for _ in range(200)}
    assert all(40 <= d <= 50 for d in delays) and len(delays) > 1


# -- helpers -------------------------------------------------------------------------------------


def open_sync_page(qtbot: QtBot, db: Database, username: str, runner, dialogs) -> MainWindow:
    """The main window of a PC on its Sync page; automatic passes off so each test decides
    when a pass runs."""
    window = build_main_window(db, session_as(db, username), runner, dialogs, None, auto_sync=False)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    window.show()
    window.start()
    window.show_area("sync")
    return window


def sync_now(qtbot: QtBot, view: SyncView, signal: str = "sig_finished") -> list[object]:
    """Click "Sync now" and wait for the pass to end; the pass's outcome arguments."""
    with qtbot.waitSignal(getattr(view.controller, signal), timeout=PASS_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(view.ui.syncButton, Qt.MouseButton.LeftButton)
    return list(blocker.args or [])


def demo_pc(tmp_path: Path, name: str, hub: HubServer, dsn: str, template: Path) -> Pc:
    return new_pc(tmp_path, name, hub.url, dsn, template)


def staff_id(db: Database, username: str) -> str:
    return str(db.raw.execute("SELECT id FROM staff WHERE username = ?", (username,)).fetchone()[0])


def edit_customer(db: Database, customer_id: str, actor: str, **values: object) -> None:
    """An edit as the app makes it: one write transaction, journaled by the triggers."""
    values = {**values, "updated_at": utc_now_text(), "updated_by": actor}
    sets = ", ".join(f"{c} = ?" for c in values)
    with db.write():
        db.raw.execute(f"UPDATE customer SET {sets} WHERE id = ?", (*values.values(), customer_id))


def open_rows(model: ConflictsModel) -> list[int]:
    return [r for r in range(model.rowCount()) if model.row_at(r).status == "open"]


# -- without a hub -------------------------------------------------------------------------------


def test_without_a_hub_the_page_and_status_bar_say_so(qtbot, db, runner, dialogs, qtmodeltester):
    window = open_sync_page(qtbot, db, "manager", runner, dialogs)
    view = window.sync_view
    assert window.ui.stack.currentWidget() is view
    waiting = db.raw.execute("SELECT count(*) FROM change_log WHERE pushed_at IS NULL")
    n = f"{waiting.fetchone()[0]:,}"
    assert window.sync_label.text() == f"Not connected to a hub · Changes kept on this PC: {n}"
    assert window.conflicts_label.text() == "Conflicts: 0"
    assert view.ui.stateLabel.text() == "Not connected to a hub"
    assert view.ui.waitingLabel.text() == n
    assert view.ui.lastSyncLabel.text() == "never"
    assert view.ui.deviceLabel.text() == db.device_id
    assert "not registered" in view.ui.errorLabel.text()
    assert not view.ui.syncButton.isEnabled()  # nothing to sync with
    assert not view.ui.registerButton.isEnabled()  # a manager may not register PCs
    assert "administrator" in view.ui.registerButton.toolTip()
    qtmodeltester.check(view.conflicts_model)
    qtmodeltester.check(view.history_model)
    assert not view.controller.configured and view.controller.seconds_to_next() is None


def test_register_dialog_refuses_a_bad_address_naming_the_field(qtbot, db, runner, dialogs):
    service = SyncService(db, session_as(db, "admin"))
    dialog = RegisterDialog(service, runner, dialogs)
    qtbot.addWidget(dialog)
    u = dialog.ui
    u.hubEdit.setText("hub.example.com:8443")  # no http:// in front
    u.tokenEdit.setText("secret-token")
    with qtbot.assertNotEmitted(dialog.sig_saved):
        dialog.save()
    assert u.errorLabel.text().startswith("Hub address: ")
    assert "http://" in u.errorLabel.text()
    assert u.hubEdit.styleSheet() == ERROR_STYLE
    assert u.hubEdit.text() == "hub.example.com:8443" and u.tokenEdit.text() == "secret-token"

    u.hubEdit.setText("https://")  # a scheme and nothing else
    dialog.save()
    assert u.errorLabel.text().startswith("Hub address: ") and "server name" in u.errorLabel.text()

    u.hubEdit.setText("https://hub.example.com:8443")
    u.tokenEdit.setText("   ")
    dialog.save()
    assert u.errorLabel.text().startswith("Token: ")
    assert u.tokenEdit.styleSheet() == ERROR_STYLE and u.hubEdit.styleSheet() == ""
    assert db.meta("hub_url") is None  # nothing saved by a refused form

    u.tokenEdit.setText("secret-token")
    with qtbot.waitSignal(dialog.sig_saved):
        dialog.save()
    assert service.hub_settings() == ("https://hub.example.com:8443", True)


def test_register_dialog_in_chinese_names_the_field(qtbot, db, runner, dialogs, qapp):
    from desktop_app.ui.i18n import install_translator

    install_translator(qapp, "zh_CN")
    try:
        dialog = RegisterDialog(SyncService(db, session_as(db, "admin")), runner, dialogs)
        qtbot.addWidget(dialog)
        dialog.ui.hubEdit.setText("集团服务器")
        dialog.ui.tokenEdit.setText("x")
        dialog.save()
        assert dialog.ui.errorLabel.text().startswith("总部服务器地址：")
    finally:
        install_translator(qapp, "en")


# -- with a real hub -----------------------------------------------------------------------------


def test_admin_registers_this_pc_and_sync_now_shows_progress_and_history(
    qtbot, tmp_path, demo_template, hub, hub_dsn, runner, dialogs, qtmodeltester
):
    pc = demo_pc(tmp_path, "a", hub, hub_dsn, demo_template)
    window = open_sync_page(qtbot, pc.db, "admin", runner, dialogs)
    view = window.sync_view
    assert view.ui.registerButton.isEnabled() and not view.ui.syncButton.isEnabled()
    progress: list[tuple[str, int, int]] = []
    view.controller.sig_progress.connect(lambda *args: progress.append(tuple(args)))

    qtbot.mouseClick(view.ui.registerButton, Qt.MouseButton.LeftButton)
    dialog = view.register_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.ui.hubEdit.setText(hub.url)
    dialog.ui.tokenEdit.setText(pc.token)
    # saving registers the PC and starts its first pass at once
    with qtbot.waitSignal(view.controller.sig_finished, timeout=PASS_TIMEOUT_MS) as blocker:
        dialog.save()
    first = blocker.args[0]
    assert first.pushed > 0 and not first.refused
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: view.history_model.rowCount() == 1)
    assert {phase for phase, _, _ in progress} >= {"push", "pull"}
    assert ("push", first.pushed, first.pushed) in progress

    assert view.ui.stateLabel.text() == "Online"
    assert view.ui.hubLabel.text() == hub.url
    assert view.ui.waitingLabel.text() == "0"
    assert view.ui.lastSyncLabel.text() not in ("", "never")
    assert view.ui.errorLabel.text() == ""
    assert view.ui.syncButton.isEnabled()
    for bar in view.bars.values():
        assert bar.value() == bar.maximum()
    entry = view.history_model.row_at(0)
    assert entry.ok and entry.pushed == first.pushed
    texts = [view.history_model.index(0, c).data() for c in range(7)]
    assert texts[1] == "Completed" and texts[2] == f"{first.pushed:,}"
    assert window.sync_label.text().startswith("Online · Changes waiting: 0 · Last sync: ")

    # a second pass from the button: nothing to send, a new history row on top
    (second,) = sync_now(qtbot, view)
    assert second.pushed == 0
    qtbot.waitUntil(lambda: view.history_model.rowCount() == 2)
    assert view.ui.pushBar.text() == "Nothing to send"
    qtmodeltester.check(view.history_model)

    # the window's own saves (Peewee models inside its transactions) still work after passes
    # made on the sync's connection, and the next pass sends them
    customers = CustomerService(pc.db, session_as(pc.db, "manager"))
    new_id = customers.save_customer(Customer(name="欧阳娜娜", mobile="13800990011"))
    (third,) = sync_now(qtbot, view)
    assert third.pushed >= 1
    assert pc.db.raw.execute(
        "SELECT pushed_at FROM change_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()[0]
    assert customers.open_file(new_id).customer.name == "欧阳娜娜"


def test_a_failed_pass_says_why_backs_off_and_the_next_success_resets(
    qtbot, tmp_path, demo_template, hub, hub_dsn, runner, dialogs
):
    pc = demo_pc(tmp_path, "a", hub, hub_dsn, demo_template)
    service = SyncService(pc.db, session_as(pc.db, "admin"))
    service.register(f"http://127.0.0.1:{free_port()}", pc.token)  # nothing listens there
    window = open_sync_page(qtbot, pc.db, "manager", runner, dialogs)
    view = window.sync_view

    kind, _detail = sync_now(qtbot, view, "sig_failed")
    assert kind == "offline"
    assert view.controller.schedule.failures == 1
    [(level, _title, text)] = dialogs.shown  # asked for by a person: a message box says why
    assert level == "warning" and "cannot be reached" in text
    qtbot.waitUntil(lambda: view.history_model.rowCount() == 1)
    assert view.history_model.index(0, 1).data() == "Failed"
    assert view.history_model.index(0, 6).data().startswith("Hub not reachable")
    assert view.ui.stateLabel.text() == "Offline"
    assert "cannot be reached" in view.ui.errorLabel.text()
    assert window.sync_label.text().startswith("Offline · Changes waiting: ")

    service.register(hub.url, pc.token)  # the right address now: the link is back
    sync_now(qtbot, view)
    assert view.controller.schedule.failures == 0  # the back-off is reset
    assert len(dialogs.shown) == 1
    qtbot.waitUntil(lambda: view.ui.stateLabel.text() == "Online")
    assert view.ui.errorLabel.text() == ""


def test_a_real_conflict_is_shown_with_both_values_and_decided_on_every_pc(
    qtbot, tmp_path, demo_template, hub, hub_dsn, runner, dialogs, qtmodeltester
):
    a = demo_pc(tmp_path, "a", hub, hub_dsn, demo_template)
    b = new_pc(tmp_path, "b", hub.url, hub_dsn, None)
    a.sync()
    b.sync()  # B has the store now
    SyncService(b.db, session_as(b.db, "admin")).register(hub.url, b.token)
    customer = str(a.db.raw.execute("SELECT id FROM customer ORDER BY id LIMIT 1").fetchone()[0])
    name = a.db.raw.execute("SELECT name FROM customer WHERE id = ?", (customer,)).fetchone()[0]
    # both PCs change the city while B is offline; A's change reaches the hub first
    edit_customer(a.db, customer, staff_id(a.db, "advisor1"), city="杭州")
    a.sync()
    edit_customer(b.db, customer, staff_id(b.db, "advisor2"), city="苏州")

    window = open_sync_page(qtbot, b.db, "manager", runner, dialogs)
    view = window.sync_view
    report = sync_now(qtbot, view)[0]
    assert report.conflicts >= 1
    model = view.conflicts_model
    qtbot.waitUntil(lambda: len(open_rows(model)) == 1)
    qtmodeltester.check(model)
    row = open_rows(model)[0]
    conflict_id = model.row_at(row).id
    assert model.index(row, ConflictsModel.STATUS).data() == "Open"
    assert model.index(row, ConflictsModel.KIND).data() == "Same field changed on two PCs"
    assert model.index(row, ConflictsModel.RECORD).data() == f"Customer {name}"
    assert view.ui.tabs.currentIndex() == SyncView.CONFLICTS_TAB
    assert view.ui.tabs.tabText(SyncView.CONFLICTS_TAB) == "&Conflicts (1)"
    assert window.conflicts_label.text().endswith(">Conflicts: 1</a>")
    assert view.ui.conflictsCountLabel.text() == "1"
    window.show_area("customers")
    window.conflicts_label.linkActivated.emit("sync")  # the status bar's link opens the page
    assert window.ui.stack.currentWidget() is view

    view.ui.conflictsView.selectRow(row)
    detail = view.ui.detailText.toPlainText()
    assert "City" in detail and "苏州" in detail and "杭州" in detail
    assert "In use now" in detail and "Overwritten" in detail
    advisor1 = session_as(b.db, "advisor1").staff.full_name
    assert f"Overwritten: entered on PC …{a.db.device_id[-6:]} by {advisor1}." in detail
    advisor2 = session_as(b.db, "advisor2").staff.full_name
    assert f"In use now: entered on this PC by {advisor2}." in detail
    buttons = view.action_buttons
    assert [buttons[k].text() for k in ("keep", "use_lost")] == [
        "Keep the value in use",
        "Use the overwritten value",
    ]

    qtbot.mouseClick(buttons["use_lost"], Qt.MouseButton.LeftButton)  # 杭州 after all
    qtbot.waitUntil(lambda: not open_rows(model))
    decided = model.row_at(model.row_of(conflict_id))
    assert decided.status == "resolved" and decided.resolution == "use_lost"
    assert model.index(0, ConflictsModel.STATUS).data() == "Decided"
    assert "Decided: Use the overwritten value" in view.ui.detailText.toPlainText()
    assert not view.action_buttons
    assert b.db.raw.execute("SELECT city FROM customer WHERE id = ?", (customer,)).fetchone() == (
        "杭州",
    )
    qtbot.waitUntil(lambda: window.conflicts_label.text() == "Conflicts: 0")

    sync_now(qtbot, view)  # the decision goes up …
    a.sync()  # … and the other PC follows
    assert a.db.raw.execute("SELECT city FROM customer WHERE id = ?", (customer,)).fetchone() == (
        "杭州",
    )
    status = a.db.raw.execute(
        "SELECT status, resolution FROM sync_conflict WHERE id = ?", (conflict_id,)
    ).fetchone()
    assert status == ("resolved", "use_lost")
    assert not dialogs.shown


def test_automatic_passes_start_by_themselves_and_after_local_changes(
    qtbot, tmp_path, demo_template, hub, hub_dsn, runner, monkeypatch
):
    monkeypatch.setattr(controller_module, "FIRST_S", 0.05)
    monkeypatch.setattr(controller_module, "DEBOUNCE_S", 0.05)
    pc = demo_pc(tmp_path, "a", hub, hub_dsn, demo_template)
    pc.db.set_meta("hub_url", hub.url)
    pc.db.set_meta("hub_token", pc.token)
    service = SyncService(pc.db)
    controller = SyncController(own_database(pc.db), service.status, runner)
    planned: list[float] = []
    controller.sig_scheduled.connect(planned.append)
    try:
        with qtbot.waitSignal(controller.sig_finished, timeout=PASS_TIMEOUT_MS):
            controller.start()  # a hub is set up: the first pass follows on its own
        assert controller.configured and planned[0] == 0.05
        assert 40 <= planned[-1] <= 50  # then within a minute, with jitter
        assert service.status().changes_waiting == 0

        customer = str(pc.db.raw.execute("SELECT id FROM customer LIMIT 1").fetchone()[0])
        edit_customer(pc.db, customer, staff_id(pc.db, "advisor1"), city="无锡")
        with qtbot.waitSignal(controller.sig_finished, timeout=PASS_TIMEOUT_MS) as blocker:
            controller.refresh_status()  # what the watch timer does every few seconds
        assert blocker.args[0].pushed == 1
        assert service.status().changes_waiting == 0
        assert controller.passes == 2
    finally:
        controller.shutdown()


def test_one_pass_at_a_time_and_no_automatic_pass_without_a_hub(
    qtbot, tmp_path, demo_template, hub, hub_dsn, runner, monkeypatch
):
    monkeypatch.setattr(controller_module, "FIRST_S", 0.01)
    target = tmp_path / "lonely.sqlite"
    shutil.copy(demo_template, target)
    db = Database(target).open()
    controller = SyncController(own_database(db), SyncService(db).status, runner)
    with qtbot.assertNotEmitted(controller.sig_started, wait=300):
        controller.start()
    assert not controller.configured and controller.seconds_to_next() is None

    pc = demo_pc(tmp_path, "a", hub, hub_dsn, demo_template)
    SyncService(pc.db, session_as(pc.db, "admin")).register(hub.url, pc.token)
    busy = SyncController(own_database(pc.db), SyncService(pc.db).status, runner, auto=False)
    with qtbot.waitSignal(busy.sig_finished, timeout=PASS_TIMEOUT_MS):
        assert busy.sync_now()
        assert busy.running and not busy.sync_now()  # the second asks while the first runs
    assert busy.passes == 1 and not busy.running

    # a pass of this file still running elsewhere in the process (a signed-out window's)
    lock = pass_lock(pc.db.path)
    assert lock.acquire(blocking=False)
    try:
        with qtbot.waitSignal(busy.sig_failed, timeout=PASS_TIMEOUT_MS) as blocker:
            busy.sync_now()
    finally:
        lock.release()
    assert blocker.args[0] == "busy" and busy.schedule.failures == 1
    busy.shutdown()
    controller.shutdown()
    db.close()


def test_what_another_pc_changed_refreshes_the_page_in_front(
    qtbot, tmp_path, demo_template, hub, hub_dsn, runner, dialogs, monkeypatch
):
    a = demo_pc(tmp_path, "a", hub, hub_dsn, demo_template)
    b = new_pc(tmp_path, "b", hub.url, hub_dsn, None)
    a.sync()
    b.sync()
    SyncService(b.db, session_as(b.db, "admin")).register(hub.url, b.token)
    window = open_sync_page(qtbot, b.db, "manager", runner, dialogs)
    controller = window.sync_controller
    window.show_area("appointments")
    board = window.appointments_view
    reloads: list[int] = []
    reload = board.reload
    monkeypatch.setattr(board, "reload", lambda: (reloads.append(1), reload()))

    with qtbot.waitSignal(controller.sig_finished, timeout=PASS_TIMEOUT_MS) as blocker:
        controller.sync_now()  # nothing new from the other PC: the board stays as it is
    assert blocker.args[0].pulled == 0 and not reloads

    customer = str(a.db.raw.execute("SELECT id FROM customer LIMIT 1").fetchone()[0])
    edit_customer(a.db, customer, staff_id(a.db, "advisor1"), city="常州")
    a.sync()
    with qtbot.waitSignal(controller.sig_finished, timeout=PASS_TIMEOUT_MS) as blocker:
        controller.sync_now()
    assert blocker.args[0].pulled >= 1 and reloads == [1]


def test_a_new_pc_registers_and_receives_its_store_before_sign_in(
    qtbot, tmp_path, demo_template, hub, hub_dsn, runner, dialogs, monkeypatch
):
    from desktop_app.storage.db import open_database
    from desktop_app.ui.sync import first_run

    source = new_pc(tmp_path, "a", hub.url, hub_dsn, demo_template)
    source.sync()
    token = HubStore(hub_dsn).add_device("SH01", "new reception PC")
    fresh = open_database(tmp_path / "new.sqlite")  # what a first start opens: no store yet
    typed = {"hub": "hub.example", "token": token}

    def fill_and_accept(dialog: RegisterDialog) -> int:
        dialog.ui.hubEdit.setText(typed["hub"])
        dialog.ui.tokenEdit.setText(typed["token"])
        dialog.save()
        return RegisterDialog.DialogCode.Accepted if fresh.meta("hub_url") else 0

    monkeypatch.setattr(first_run.RegisterDialog, "exec", fill_and_accept)
    # a bad address is refused in the dialog: nothing is saved, DealerDesk does not go on
    assert not first_run.register_new_pc(fresh, runner, dialogs)
    assert fresh.meta("hub_url") is None
    assert dialogs.shown[0][0] == "ask" and "no dealership data" in dialogs.shown[0][2]

    typed["hub"] = hub.url
    assert first_run.register_new_pc(fresh, runner, dialogs)
    assert fresh.meta("site_id") == source.db.meta("site_id")
    staff = fresh.raw.execute("SELECT count(*) FROM staff WHERE username = 'manager'")
    assert staff.fetchone()[0] == 1  # people can sign in now
    fresh.close()


def test_a_new_pc_with_a_wrong_token_is_told_and_keeps_what_it_has(
    qtbot, tmp_path, hub, runner, dialogs
):
    from desktop_app.storage.db import open_database
    from desktop_app.ui.sync import first_run

    fresh = open_database(tmp_path / "new.sqlite")
    SyncService(fresh, None).register(hub.url, "dd_not_a_token")  # allowed: no store yet
    assert not first_run.register_new_pc(fresh, runner, dialogs)
    kind, _, text = dialogs.shown[-1]
    assert kind == "error" and "could not be received" in text and "token" in text
    assert fresh.meta("site_id") is None
    with pytest.raises(PermissionDenied):  # once a store is on the PC, only admins
        fresh.set_meta("site_id", "x")
        SyncService(fresh, None).register(hub.url, "dd_other")
    fresh.close()
