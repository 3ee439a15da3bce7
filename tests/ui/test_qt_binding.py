"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 does, and
the app then aborts with 'none_dealloc' after enough repaints)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer


def test_void_qt_calls_do_not_consume_none(qapp):
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(5_000):
        timer.stop()
    assert before - sys.getrefcount(None) < 100
