"""Starting with a database that cannot be used: a clear message, no crash."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from desktop_app import app as app_module
from desktop_app.storage.errors import EnvKind, StorageEnvironmentError
from desktop_app.ui.crash import CrashHandler

from .conftest import RecordingDialogs


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: object) -> RecordingDialogs:
    dialogs = RecordingDialogs()
    monkeypatch.setattr(app_module, "DialogService", lambda: dialogs)
    monkeypatch.setenv("DEALERDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    return dialogs


def test_second_instance_on_same_database_is_refused(recorded, db_path: Path):
    holder = QLockFile(str(db_path) + ".lock")
    assert holder.tryLock(0)
    try:
        assert app_module.run_gui(db_path, "en") == 2
    finally:
        holder.unlock()
    kind, _title, text = recorded.shown[-1]
    assert kind == "error" and "already open" in text and str(db_path) in text


def test_corrupt_database_is_explained(recorded, tmp_path: Path):
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(os.urandom(8192))
    assert app_module.run_gui(bad, "en") == 2
    kind, _title, text = recorded.shown[-1]
    assert kind == "error" and "damaged" in text and str(bad) in text


def test_corrupt_database_message_is_translated(recorded, tmp_path: Path):
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(os.urandom(8192))
    assert app_module.run_gui(bad, "zh_CN") == 2
    text = recorded.shown[-1][2]
    assert str(bad) in text
    app_module.install_translator(app_module.QApplication.instance(), "en")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_crash_handler_keeps_traceback_and_explains_environment_errors(tmp_path: Path):
    handler = CrashHandler(tmp_path / "dealerdesk.log", show_dialogs=False)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as error:
        handler.handle(error)
    assert "ZeroDivisionError: boom" in handler.last_details
    assert "test_crash_handler" in handler.last_details
    handler.last_details = ""
    handler.handle(StorageEnvironmentError(EnvKind.DISK_FULL, "x.sqlite"))
    assert handler.last_details == ""  # not a bug: no traceback dialog
