"""The background runner: work off the GUI thread, results and refusals back on it."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import ValidationError
from desktop_app.ui.tasks import Operation, TaskRunner


def test_background_operation_runs_off_the_gui_thread_and_reports_on_it(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: dict[str, object] = {}
    gui_thread = threading.get_ident()

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    with qtbot.waitSignal(runner.sig_busy, check_params_cb=lambda busy: busy is False):
        Operation(work).success(done).run_in_background(runner)
    assert seen["value"] == 42
    assert seen["worker"] != gui_thread
    assert seen["callback"] == gui_thread


def test_refusal_goes_to_failure_and_bug_goes_to_bug_handler(qtbot: QtBot) -> None:
    runner = TaskRunner()
    refused: list[BaseException] = []
    bugs: list[BaseException] = []
    runner.bug_handler = bugs.append

    def refuse() -> None:
        raise ValidationError("bad {x}", field="name", x=1)

    def crash() -> None:
        raise ZeroDivisionError("bug")

    Operation(refuse).failure(refused.append).run_in_background(runner)
    Operation(crash).failure(refused.append).run_in_background(runner)
    qtbot.waitUntil(lambda: len(refused) + len(bugs) == 2)
    assert isinstance(refused[0], ValidationError) and refused[0].field == "name"
    assert isinstance(bugs[0], ZeroDivisionError)


def test_operations_run_one_at_a_time_in_order(qtbot: QtBot) -> None:
    runner = TaskRunner()
    order: list[int] = []
    for i in range(20):
        Operation(lambda i=i: order.append(i)).run_in_background(runner)
    qtbot.waitUntil(lambda: len(order) == 20)
    assert order == list(range(20))
