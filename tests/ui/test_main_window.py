"""Main window, sign-in and settings."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.app import build_main_window
from desktop_app.services.auth import AuthService
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.sign_in import SignInDialog


def test_main_window_shows_areas_site_user_and_sync_state(
    qtbot: QtBot, db, manager, runner, dialogs
):
    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    window.show()
    window.start()
    nav = window.ui.navList
    keys = [window.areas[i].key for i in range(nav.count())]
    assert keys == ["appointments", "deliveries", "quotes", "customers", "care", "sync"]
    assert nav.currentRow() == keys.index("customers")
    assert window.ui.stack.currentWidget() is window.customers_view
    # every area is open
    for key in keys:
        assert nav.item(keys.index(key)).flags(), key
    assert manager.site.name == window.site_label.text()
    assert manager.staff.full_name in window.user_label.text()
    waiting = db.raw.execute("SELECT count(*) FROM change_log WHERE pushed_at IS NULL")
    n = f"{waiting.fetchone()[0]:,}"
    assert window.sync_label.text() == f"Not connected to a hub · Changes kept on this PC: {n}"
    assert window.conflicts_label.text() == "Conflicts: 0"


def test_sign_in_refuses_wrong_password_and_accepts_right_one(qtbot: QtBot, db, runner):
    dialog = SignInDialog(AuthService(db), runner, "门店")
    qtbot.addWidget(dialog)
    dialog.ui.usernameEdit.setText("advisor1")
    dialog.ui.passwordEdit.setText("wrong")
    dialog.try_sign_in()
    assert dialog.session is None
    assert dialog.ui.errorLabel.text()
    dialog.ui.passwordEdit.setText("dealerdesk")
    dialog.try_sign_in()
    assert dialog.session is not None
    assert dialog.session.staff.username == "advisor1"


def test_settings_language_change_is_signalled(qtbot: QtBot, db, manager, runner, dialogs):
    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    dialog = SettingsDialog("system")
    qtbot.addWidget(dialog)
    combo = dialog.ui.languageCombo
    combo.setCurrentIndex(combo.findData("zh_CN"))
    assert dialog.language() == "zh_CN"
    with qtbot.waitSignal(window.sig_language_changed) as blocker:
        window.language_setting = "system"
        # what open_settings does after the dialog is accepted
        window.language_setting = dialog.language()
        window.sig_language_changed.emit(dialog.language())
    assert blocker.args == ["zh_CN"]


def test_workshop_settings_open_from_the_file_menu(qtbot, db, manager, runner, dialogs):
    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    window.ui.workshopSettingsAction.trigger()
    dialog = window.workshop_dialog
    assert dialog.isVisible()
    assert dialog.ui.efficiencySpin.value() == 85
    dialog.reject()


def test_file_menu_opens_the_sales_settings(qtbot: QtBot, db, manager, runner, dialogs):
    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    assert window.ui.salesSettingsAction.isEnabled()
    window.ui.salesSettingsAction.trigger()
    dialog = window.sales_dialog
    assert dialog.isVisible()
    assert dialog.ui.clauseList.count() > 0  # the contract clause templates
    dialog.ui.validitySpin.setValue(12)
    dialog.save()
    assert window.quotes_view.quotes.settings().validity_days == 12


def test_file_menu_opens_the_care_settings(qtbot: QtBot, db, manager, runner, dialogs):
    window = build_main_window(db, manager, runner, dialogs, None)
    qtbot.addWidget(window)
    assert window.ui.careSettingsAction.isEnabled()
    window.ui.careSettingsAction.trigger()
    dialog = window.care_dialog
    assert dialog.isVisible()
    dialog.spins["regular_lead_days"].setValue(10)
    dialog.save()
    assert window.care_view.service.rules().regular_lead_days == 10
