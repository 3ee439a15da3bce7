"""Background operations (after Anki's aqt/operations and taskman).

``Operation(fn).success(cb).failure(cb).run_in_background(runner)``: ``fn`` runs on the
runner's single worker thread — so database work is serialised — gets plain data, and never
touches widgets. ``success``/``failure`` run on the GUI thread. Errors of the environment and
refusals of the rules go to ``failure``; anything else is a bug and goes to the crash handler
unless the caller handles it. No processEvents loops.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    sig_done = Signal(object, object, object)  # operation, result, exception


class TaskRunner(QObject):
    """One worker thread for all background work. ``synchronous=True`` runs inline (tests)."""

    sig_busy = Signal(bool)

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.sig_done.connect(self._finish)
        self._pending = 0
        self.bug_handler: Callable[[BaseException], None] = _log_bug

    def submit(self, op: Operation[Any]) -> None:
        self._pending += 1
        if self._pending == 1:
            self.sig_busy.emit(True)
        if self.synchronous:
            result, error = _call(op.fn)
            self._finish(op, result, error)
            return
        relay = self._relay

        class Job(QRunnable):
            def run(self) -> None:
                result, error = _call(op.fn)
                relay.sig_done.emit(op, result, error)

        self._pool.start(Job())

    @Slot(object, object, object)
    def _finish(self, op: Operation[Any], result: Any, error: BaseException | None) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.sig_busy.emit(False)
        if error is None:
            if op.on_success:
                op.on_success(result)
        elif op.on_failure and op.handles(error):
            op.on_failure(error)
        else:
            self.bug_handler(error)

    def wait_idle(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)


class Operation(Generic[T]):
    def __init__(self, fn: Callable[[], T]) -> None:
        self.fn = fn
        self.on_success: Callable[[T], None] | None = None
        self.on_failure: Callable[[BaseException], None] | None = None
        self._expected: tuple[type[BaseException], ...] = ()

    def success(self, cb: Callable[[T], None]) -> Operation[T]:
        self.on_success = cb
        return self

    def failure(
        self, cb: Callable[[BaseException], None], *expected: type[BaseException]
    ) -> Operation[T]:
        """``cb`` receives the expected errors (default: refusals and environment errors)."""
        from ..domain.errors import DomainError
        from ..services.errors import StorageEnvironmentError

        self.on_failure = cb
        self._expected = expected or (DomainError, StorageEnvironmentError)
        return self

    def handles(self, error: BaseException) -> bool:
        return isinstance(error, self._expected)

    def run_in_background(self, runner: TaskRunner) -> None:
        runner.submit(self)


def _call(fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
    try:
        return fn(), None
    except Exception as exc:  # handed to the GUI thread, which decides: failure cb or crash
        return None, exc


def _log_bug(error: BaseException) -> None:
    log.error(
        "unhandled error in background operation:\n%s", "".join(traceback.format_exception(error))
    )
