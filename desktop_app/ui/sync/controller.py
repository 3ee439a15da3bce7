"""The background sync: one pass at a time on a thread of its own, with its own database
connection, started automatically (every 45 s ± 5 s, backing off after failures, a few
seconds after local changes, when the network comes back) or by "Sync now".

Why a plain ``threading.Thread`` and not the shared :class:`~desktop_app.ui.tasks.TaskRunner`:
a pass can take minutes (a new PC's snapshot) and must never hold up the window's own database
work, which the runner serialises. Why not a ``QThread``: a QThread destroyed while it runs
aborts the process, and a pass may still be waiting for the hub when the window closes; a
daemon thread is simply left to finish or die, which the sync protocol is built to survive (a
killed pass resumes at its last whole page). The thread never touches widgets: it emits
signals of a relay that lives on the GUI thread, and Qt queues them over.

The controller also watches this PC's sync status (changes waiting, open conflicts) on the
task runner and hands it to the status bar and the Sync page (``sig_status``).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ...services.errors import StorageEnvironmentError
from ...services.sync import SyncError, SyncErrorKind, SyncReport, SyncStatus, run_sync
from ...storage.db import Database
from ..i18n import tr_error
from ..tasks import Operation, TaskRunner
from .schedule import DEBOUNCE_S, FIRST_S, RECONNECT_S, SyncSchedule

log = logging.getLogger(__name__)

WATCH_MS = 5_000  # how often the changes waiting are counted while a hub is set up
SHUTDOWN_WAIT_S = 5.0  # how long closing the window waits for a running pass

SyncFunction = Callable[..., SyncReport]  # run_sync(db, progress=…, background=True)


def own_database(window_db: Database) -> Database:
    """The sync's own :class:`Database` on the window's file, sharing its clock (an edit made
    after a pull orders after what the pull brought); opened by each pass on its thread. It
    leaves the Peewee models bound to the window's database: the sync works in SQL only."""
    return Database(window_db.path, clock=window_db.clock, bind_models=False)


class _Relay(QObject):
    """Lives on the GUI thread; the sync thread emits, Qt queues the calls over."""

    sig_progress = Signal(str, "qint64", "qint64")  # type: ignore[arg-type]  # 64-bit ints
    sig_done = Signal(object, object)  # SyncReport | None, exception | None


class SyncController(QObject):
    sig_started = Signal()
    # phase (push | pull | exports), done, total; 64-bit: the hub's cursor may outgrow an int
    sig_progress = Signal(str, "qint64", "qint64")  # type: ignore[arg-type]
    sig_finished = Signal(object)  # SyncReport
    sig_failed = Signal(str, str)  # kind (a SyncErrorKind value, "storage" or "error"), detail
    sig_status = Signal(object)  # SyncStatus, after every count and every pass
    sig_scheduled = Signal(float)  # seconds until the next automatic pass (-1: none)

    def __init__(
        self,
        database: Database,
        status: Callable[[], SyncStatus],
        runner: TaskRunner,
        parent: QObject | None = None,
        *,
        auto: bool = True,
        schedule: SyncSchedule | None = None,
        sync: SyncFunction = run_sync,
    ) -> None:
        """``database``: the sync's own, from :func:`own_database`. ``auto=False``: no
        automatic passes and no watching (screenshots); "Sync now" still works."""
        super().__init__(parent)
        self.database = database
        self._status_fn = status
        self.runner = runner
        self.auto = auto
        self.schedule = schedule or SyncSchedule()
        self._sync = sync
        self.status: SyncStatus | None = None
        self.configured = False
        self.last_report: SyncReport | None = None
        self.last_failure: tuple[str, str] | None = None
        self.passes = 0
        self.bug_handler: Callable[[BaseException], None] = _log_bug
        self._thread: threading.Thread | None = None
        self._again = False  # local changes arrived while a pass ran
        self._waiting_seen: int | None = None
        self._stopped = False

        self._relay = _Relay(self)
        self._relay.sig_progress.connect(self.sig_progress)
        self._relay.sig_done.connect(self._done)
        self._auto_timer = QTimer(self)
        self._auto_timer.setSingleShot(True)
        self._auto_timer.timeout.connect(self._start_pass)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.timeout.connect(self._changes_settled)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self.refresh_status)
        self._network: Any = None

    # -- life --------------------------------------------------------------------------------

    def start(self) -> None:
        """Count what is waiting; automatic passes begin once a hub is known to be set up."""
        self._stopped = False
        if self.auto:
            self._watch_network()
        self.refresh_status()

    def shutdown(self) -> None:
        """Stop the timers; give a running pass a few seconds to finish (it resumes next time
        if it cannot)."""
        self._stopped = True
        for timer in (self._auto_timer, self._debounce, self._watch):
            timer.stop()
        thread = self._thread
        if thread is not None and thread.is_alive():
            thread.join(SHUTDOWN_WAIT_S)
            if thread.is_alive():
                log.warning("sync pass still running at close; it resumes on the next start")

    @property
    def running(self) -> bool:
        return self._thread is not None

    def seconds_to_next(self) -> float | None:
        if not self._auto_timer.isActive():
            return None
        return self._auto_timer.remainingTime() / 1000

    # -- status ------------------------------------------------------------------------------

    def refresh_status(self) -> None:
        """Count the changes waiting and the open conflicts (on the task runner)."""
        Operation(self._status_fn).success(self._observed).failure(
            self._status_failed
        ).run_in_background(self.runner)

    def _status_failed(self, error: BaseException) -> None:
        log.warning("sync status not read: %s", error)

    def _observed(self, status: SyncStatus) -> None:
        self.status = status
        self.sig_status.emit(status)
        if not self.auto or self._stopped:
            return
        if status.hub_configured and not self.configured:
            self.configured = True
            self._watch.start()
            if not self.running:
                self._plan(FIRST_S)
        elif not status.hub_configured and self.configured:
            self.configured = False
            for timer in (self._auto_timer, self._debounce, self._watch):
                timer.stop()
            self.sig_scheduled.emit(-1.0)
        grew = self._waiting_seen is not None and status.changes_waiting > self._waiting_seen
        self._waiting_seen = status.changes_waiting
        if self.configured and grew:
            if self.running:
                self._again = True
            elif not self.schedule.backing_off:  # while the hub is away the back-off decides
                self._debounce.start(int(DEBOUNCE_S * 1000))

    def _changes_settled(self) -> None:
        self._start_pass()

    def hub_changed(self) -> None:
        """This PC was just registered (or its token replaced): sync at once."""
        self.schedule.succeeded()
        self.refresh_status()  # sets up the automatic passes when this is the first hub
        self.sync_now()

    # -- passes ------------------------------------------------------------------------------

    def sync_now(self) -> bool:
        """Start a pass now; False when one is already running."""
        return self._start_pass()

    def _plan(self, seconds: float) -> None:
        if self._stopped or not self.auto or not self.configured:
            return
        self._auto_timer.start(int(seconds * 1000))
        self.sig_scheduled.emit(seconds)

    def _start_pass(self) -> bool:
        if self.running or self._stopped:
            return False
        self._auto_timer.stop()
        self._debounce.stop()
        self._again = False
        relay, database, sync = self._relay, self.database, self._sync
        thread = threading.Thread(
            target=_one_pass, args=(relay, database, sync), name="dealerdesk-sync", daemon=True
        )
        self._thread = thread
        self.passes += 1
        self.sig_started.emit()
        thread.start()
        return True

    @Slot(object, object)
    def _done(self, report: SyncReport | None, error: BaseException | None) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()  # it has emitted its last signal; this returns at once
        if error is None and report is not None:
            self.schedule.succeeded()
            self.last_report, self.last_failure = report, None
            self.sig_finished.emit(report)
        else:
            kind, detail = self._failure(error)
            if kind != SyncErrorKind.NOT_CONFIGURED.value:
                self.schedule.failed()
            self.last_failure = (kind, detail)
            self.sig_failed.emit(kind, detail)
        self.refresh_status()
        if self._stopped:
            return
        if self._again and not self.schedule.backing_off:
            self._debounce.start(int(DEBOUNCE_S * 1000))
        self._plan(self.schedule.delay())

    def _failure(self, error: BaseException | None) -> tuple[str, str]:
        if isinstance(error, SyncError):
            return error.kind.value, error.detail
        if isinstance(error, StorageEnvironmentError):
            return "storage", tr_error(error)
        if error is not None:
            self.bug_handler(error)  # a bug: the crash dialog, with the traceback
            return "error", repr(error)
        return "error", ""

    # -- the network coming back ---------------------------------------------------------------

    def _watch_network(self) -> None:
        """Sync soon after the PC's network comes back, when the hub was unreachable."""
        if self._network is not None:
            return
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork ships with PySide6-Essentials
            return
        if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is None:
            return
        self._network = info
        online = QNetworkInformation.Reachability.Online
        info.reachabilityChanged.connect(
            lambda reachability: self._network_changed(reachability == online)
        )

    def _network_changed(self, online: bool) -> None:
        if online and self.configured and self.schedule.backing_off and not self.running:
            self._plan(RECONNECT_S)


def _one_pass(relay: _Relay, database: Database, sync: SyncFunction) -> None:
    """The body of the sync thread: its own connection, one pass, the outcome to the GUI."""
    report: SyncReport | None = None
    error: BaseException | None = None

    def progress(phase: str, done: int, total: int) -> None:
        _emit(relay.sig_progress, phase, int(done), int(total))

    try:
        db = database.open()  # this thread's own connection
        try:
            report = sync(db, progress=progress, background=True)
        finally:
            db.close()
    except Exception as exc:  # handed to the GUI thread, which tells a failure from a bug
        error = exc  # (a pass of this file already running elsewhere is SyncError BUSY)
    _emit(relay.sig_done, report, error)


def _emit(signal: Any, *args: Any) -> None:
    try:
        signal.emit(*args)
    except RuntimeError:  # the window (and the relay) went away while the pass ran
        log.info("sync pass finished after its window closed")


def _log_bug(error: BaseException) -> None:
    log.error("bug in the sync pass:\n%s", "".join(traceback.format_exception(error)))
