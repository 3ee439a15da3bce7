"""The manager's sales settings dialog: quote rules and contract clause templates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.contracts import DEFAULT_CLAUSES
from desktop_app.domain.roles import Role
from desktop_app.services.contracts import ContractService
from desktop_app.services.quotes import QuoteService
from desktop_app.ui.sales_settings import SalesSettingsDialog
from tests.conftest import session_as


def make(qtbot, db, session, runner, dialogs, tmp_path: Path):
    quotes = QuoteService(db, session)
    contracts = ContractService(db, session, signed_dir=tmp_path / "contracts")
    dialog = SalesSettingsDialog(quotes, contracts, runner, dialogs)
    qtbot.addWidget(dialog)
    return quotes, contracts, dialog


def test_manager_changes_limits_and_a_clause(qtbot, db, manager, runner, dialogs, tmp_path):
    quotes, contracts, dialog = make(qtbot, db, manager, runner, dialogs, tmp_path)
    assert dialog.ui.capEdit.text() == "3,000.00"
    assert dialog.ui.minDownIceSpin.value() == 20
    assert dialog.ui.minDownNevSpin.value() == 15
    assert dialog.ui.clauseList.count() == len(DEFAULT_CLAUSES)
    dialog.ui.capEdit.setText("¥5,000")
    dialog.ui.minDownNevSpin.setValue(10)
    dialog.ui.validitySpin.setValue(10)
    dialog.ui.clauseList.setCurrentRow(3)
    dialog.ui.textZhEdit.setPlainText("买受人支付定金{deposit}元，余款{balance}元于交车前付清。")
    dialog.ui.addClauseButton.click()
    dialog.ui.titleZhEdit.setText("赠品")
    dialog.ui.textZhEdit.setPlainText("出卖人赠送全车脚垫一套。")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    settings = quotes.settings()
    assert settings.discount_caps[Role.SALES_CONSULTANT.value] == Decimal("5000")
    assert settings.min_down_nev == Decimal("0.10")
    assert settings.validity_days == 10
    clauses = contracts.clauses()
    assert len(clauses) == len(DEFAULT_CLAUSES) + 1
    assert clauses[3].text_zh.startswith("买受人支付定金{deposit}元，余款{balance}")
    assert clauses[-1].title_zh == "赠品"
    # a consultant is now allowed ¥5,000 on top of promotions
    sales = QuoteService(db, session_as(db, "sales1"))
    assert sales.settings().cap_for(frozenset({Role.SALES_CONSULTANT})) == Decimal("5000")


def test_unknown_placeholder_is_refused_and_kept(qtbot, db, manager, runner, dialogs, tmp_path):
    _quotes, contracts, dialog = make(qtbot, db, manager, runner, dialogs, tmp_path)
    dialog.ui.clauseList.setCurrentRow(0)
    dialog.ui.textZhEdit.setPlainText("于{delivery_dat}交车")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "{delivery_dat}" in dialog.ui.errorLabel.text()
    assert dialog.ui.textZhEdit.toPlainText() == "于{delivery_dat}交车"  # nothing typed is lost
    assert dialog.ui.textZhEdit.styleSheet()
    assert contracts.clauses() == DEFAULT_CLAUSES


def test_bad_amount_names_the_field(qtbot, db, manager, runner, dialogs, tmp_path):
    quotes, _contracts, dialog = make(qtbot, db, manager, runner, dialogs, tmp_path)
    dialog.ui.depositEdit.setText("五千")
    dialog.save()
    assert "五千" in dialog.ui.errorLabel.text()
    assert dialog.ui.depositEdit.styleSheet()
    dialog.ui.depositEdit.setText("500000")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.ui.depositEdit.styleSheet()
    assert quotes.settings().deposit == Decimal(5000)


def test_consultant_may_look_but_not_save(qtbot, db, runner, dialogs, tmp_path):
    _q, _c, dialog = make(qtbot, db, session_as(db, "sales1"), runner, dialogs, tmp_path)
    save = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    assert not dialog.ui.addClauseButton.isEnabled()
    assert dialog.ui.errorLabel.text()
