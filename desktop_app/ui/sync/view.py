"""The Sync page (同步): this PC's link with the hub (online or not, changes waiting, last
successful sync, open conflicts, device id), "Sync now" with progress bars for sending,
receiving and export files, the history of the last passes, and the conflicts — what each side
said, by which PC and person — with the actions that decide them.

The passes themselves belong to the :class:`SyncController` (its own thread and connection);
this page only shows what it reports and reads the rest through the :class:`SyncService` on the
task runner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from ...domain.roles import Permission
from ...domain.staff import StaffMember
from ...services.customers import CustomerService
from ...services.errors import StorageEnvironmentError
from ...services.sync import Conflict, HistoryEntry, SyncReport, SyncService, SyncStatus
from ..forms.ui_sync_view import Ui_SyncView
from ..i18n import tr_error
from ..messages import DialogService
from ..tasks import Operation, TaskRunner
from ..widgets import setup_table
from .controller import SyncController
from .models import (
    ConflictsModel,
    HistoryModel,
    action_text,
    action_tip,
    conflict_html,
    error_text,
    last_sync_text,
    record_labels,
    split_message,
    state_colour,
    state_text,
)
from .register_dialog import RegisterDialog

HISTORY_ROWS = 50
BAR_STEPS = 1000


@dataclass(frozen=True)
class Snapshot:
    """Everything the page shows, read in one background call."""

    status: SyncStatus
    hub_url: str
    token_saved: bool
    device: str
    history: list[HistoryEntry]
    conflicts: list[Conflict]


class SyncView(QWidget):
    sig_status = Signal(str)

    CONFLICTS_TAB, HISTORY_TAB = range(2)

    def __init__(
        self,
        service: SyncService,
        controller: SyncController,
        runner: TaskRunner,
        dialogs: DialogService,
        customers: CustomerService | None = None,
        staff: Callable[[], list[StaffMember]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.controller = controller
        self.runner = runner
        self.dialogs = dialogs
        self.customers = customers
        self.staff = staff
        self.ui = Ui_SyncView()
        self.ui.setupUi(self)
        self.started = False
        self.snapshot: Snapshot | None = None
        self.names: dict[str, str] = {}
        self.register_dialog: RegisterDialog | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self._manual = False  # the pass running was asked for here: failures get a message box
        self._open_seen = 0
        self._generation = 0

        u = self.ui
        self.conflicts_model = ConflictsModel(self)
        self.history_model = HistoryModel(self)
        for view, model, stretch in (
            (u.conflictsView, self.conflicts_model, ConflictsModel.RECORD),
            (u.historyView, self.history_model, HistoryModel.MESSAGE),
        ):
            setup_table(view, model, stretch)
        u.conflictsSplitter.setStretchFactor(0, 1)
        u.conflictsSplitter.setStretchFactor(1, 1)
        self.bars: dict[str, QProgressBar] = {
            "push": u.pushBar,
            "pull": u.pullBar,
            "exports": u.exportsBar,
        }
        for bar in self.bars.values():
            bar.setRange(0, BAR_STEPS)
            bar.setValue(0)
            bar.setFormat("")
        u.deviceLabel.setText(service.device_id())
        can_register = service.session is not None and service.session.can(Permission.MANAGE_SYNC)
        u.registerButton.setEnabled(can_register)
        if not can_register:
            u.registerButton.setToolTip(
                self.tr("Only an administrator can register this PC with the hub.")
            )
        self._show_detail(None)

        u.syncButton.clicked.connect(lambda _checked=False: self.sync_now())
        u.registerButton.clicked.connect(lambda _checked=False: self.open_register())
        u.conflictsView.selectionModel().selectionChanged.connect(self._selection_changed)
        QShortcut(QKeySequence("F5"), self, self.sync_now)
        c = controller
        c.sig_started.connect(self._pass_started)
        c.sig_progress.connect(self._progress)
        c.sig_finished.connect(self._pass_finished)
        c.sig_failed.connect(self._pass_failed)
        c.sig_status.connect(self._show_status)
        c.sig_scheduled.connect(self._scheduled)
        self._update_buttons()

    # -- loading -------------------------------------------------------------------------

    def start(self) -> None:
        self.started = True
        if self.staff is not None:
            staff = self.staff
            Operation(staff).success(self._staff_loaded).failure(self._failed).run_in_background(
                self.runner
            )
        self.reload()

    def _staff_loaded(self, staff: list[StaffMember]) -> None:
        self.names = {s.id: s.full_name for s in staff if s.id}
        self._show_detail(self.current_conflict())

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        (
            Operation(self._read)
            .success(lambda snapshot: self._loaded(generation, snapshot))
            .failure(self._failed)
            .run_in_background(self.runner)
        )

    def _read(self) -> Snapshot:
        service = self.service
        hub_url, token_saved = service.hub_settings()
        return Snapshot(
            status=service.status(),
            hub_url=hub_url,
            token_saved=token_saved,
            device=service.device_id(),
            history=service.history(HISTORY_ROWS),
            conflicts=service.conflicts(),
        )

    def _loaded(self, generation: int, snapshot: Snapshot) -> None:
        if generation != self._generation:
            return
        self.snapshot = snapshot
        u = self.ui
        u.hubLabel.setText(snapshot.hub_url or self.tr("none yet"))
        u.deviceLabel.setText(snapshot.device)
        self._show_status(snapshot.status)
        self.history_model.set_rows(snapshot.history)
        selected = self.current_conflict()
        self.conflicts_model.set_rows(snapshot.conflicts)
        open_count = sum(1 for c in snapshot.conflicts if c.status == "open")
        title = self.tr("&Conflicts ({n})").format(n=open_count)
        u.tabs.setTabText(self.CONFLICTS_TAB, title if open_count else self.tr("&Conflicts"))
        if open_count > self._open_seen:
            u.tabs.setCurrentIndex(self.CONFLICTS_TAB)  # new conflicts came in: show them
        elif not snapshot.conflicts and snapshot.history:
            u.tabs.setCurrentIndex(self.HISTORY_TAB)  # nothing to decide: show the passes
        self._open_seen = open_count
        row = self.conflicts_model.row_of(selected.id) if selected else -1
        if row < 0 and snapshot.conflicts:
            row = 0
        if row >= 0:
            u.conflictsView.selectRow(row)
        else:
            self._show_detail(None)
        if self.customers is not None and snapshot.conflicts:
            customers, conflicts = self.customers, snapshot.conflicts
            Operation(lambda: record_labels(customers, conflicts)).success(
                lambda labels: self._labels_loaded(generation, labels)
            ).failure(self._failed).run_in_background(self.runner)

    def _labels_loaded(self, generation: int, labels: dict[str, str]) -> None:
        if generation != self._generation:
            return
        self.conflicts_model.set_labels(labels)
        self._show_detail(self.current_conflict())

    def _show_status(self, status: SyncStatus) -> None:
        u = self.ui
        running = self.controller.running
        u.stateLabel.setText(state_text(status, running))
        u.stateLabel.setStyleSheet(f"font-weight: bold; color: {state_colour(status)};")
        u.waitingLabel.setText(f"{status.changes_waiting:,}")
        u.lastSyncLabel.setText(last_sync_text(status.last_sync_at))
        u.conflictsCountLabel.setText(f"{status.open_conflicts:,}")
        u.conflictsCountLabel.setStyleSheet(
            "color: #b00020; font-weight: bold;" if status.open_conflicts else ""
        )
        if not status.hub_configured:
            u.errorLabel.setText(error_text("not_configured"))
            u.nextLabel.setText("")
        elif status.online is False and status.last_error and not running:
            kind, detail = split_message(status.last_error)
            u.errorLabel.setText(error_text(kind or "server", detail))
            u.errorLabel.setToolTip(status.last_error)
        else:
            u.errorLabel.setText("")
            u.errorLabel.setToolTip("")
        self._update_buttons(status)

    def _update_buttons(self, status: SyncStatus | None = None) -> None:
        status = status or (self.snapshot.status if self.snapshot else None)
        configured = bool(status and status.hub_configured)
        self.ui.syncButton.setEnabled(configured and not self.controller.running)

    # -- passes --------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.controller.sync_now():
            self._manual = True

    def _pass_started(self) -> None:
        for bar in self.bars.values():
            bar.setRange(0, BAR_STEPS)
            bar.setValue(0)
            bar.setFormat("")
        self.ui.stateLabel.setText(self.tr("Syncing…"))
        self.ui.nextLabel.setText("")
        self._update_buttons()

    def _progress(self, phase: str, done: int, total: int) -> None:
        bar = self.bars.get(phase)
        if bar is None:
            return
        if total <= 0:
            if phase == "pull":  # the hub has not said how much there is yet
                bar.setRange(0, 0)
                return
            bar.setRange(0, BAR_STEPS)
            bar.setValue(BAR_STEPS)
            bar.setFormat(self.tr("Nothing to send") if phase == "push" else "")
            return
        bar.setRange(0, BAR_STEPS)
        bar.setValue(min(BAR_STEPS, done * BAR_STEPS // total))
        if phase == "pull":
            bar.setFormat("%p%")
        else:
            bar.setFormat(self.tr("{done} of {total}").format(done=f"{done:,}", total=f"{total:,}"))

    def _pass_finished(self, report: SyncReport) -> None:
        self._manual = False
        for phase, bar in self.bars.items():
            if bar.maximum() == 0 or bar.value() < BAR_STEPS:
                bar.setRange(0, BAR_STEPS)
                bar.setValue(BAR_STEPS)
                if phase == "exports" and not report.exports:
                    bar.setFormat(self.tr("Nothing to deliver"))
                elif phase == "pull":
                    bar.setFormat("%p%")
        text = self.tr(
            "Sync completed: {pushed} sent, {pulled} received, {conflicts} conflicts, "
            "{exports} export files delivered."
        ).format(
            pushed=f"{report.pushed:,}",
            pulled=f"{report.pulled:,}",
            conflicts=f"{report.conflicts:,}",
            exports=f"{report.exports:,}",
        )
        if report.refused:
            text += " " + self.tr("{n} changes were refused by the hub (see the history).").format(
                n=len(report.refused)
            )
        self.sig_status.emit(text)
        self.reload()

    def _pass_failed(self, kind: str, detail: str) -> None:
        manual, self._manual = self._manual, False
        for bar in self.bars.values():
            if bar.maximum() == 0:
                bar.setRange(0, BAR_STEPS)
                bar.setValue(0)
        words = error_text(kind, detail)
        self.ui.errorLabel.setText(words)
        self.ui.errorLabel.setToolTip(detail)
        self.sig_status.emit(self.tr("Sync did not complete."))
        if manual:
            if kind == "storage":
                self.dialogs.error(self, self.tr("Sync"), words)
            else:
                self.dialogs.warning(self, self.tr("Sync did not complete"), words)
        self.reload()

    def _scheduled(self, seconds: float) -> None:
        if seconds < 0:
            self.ui.nextLabel.setText("")
            return
        at = dt.datetime.now() + dt.timedelta(seconds=seconds)
        self.ui.nextLabel.setText(
            self.tr("Next automatic sync at {time}").format(time=at.strftime("%H:%M:%S"))
        )

    # -- registering ---------------------------------------------------------------------

    def open_register(self) -> None:
        snapshot = self.snapshot
        dialog = RegisterDialog(
            self.service,
            self.runner,
            self.dialogs,
            snapshot.hub_url if snapshot else "",
            snapshot.token_saved if snapshot else False,
            self,
        )
        dialog.sig_saved.connect(self._registered)
        self.register_dialog = dialog
        dialog.open()

    def _registered(self) -> None:
        self.sig_status.emit(self.tr("This PC is registered with the hub. Syncing…"))
        self.controller.hub_changed()
        self.reload()

    # -- conflicts -----------------------------------------------------------------------

    def current_conflict(self) -> Conflict | None:
        index = self.ui.conflictsView.selectionModel().currentIndex()
        rows = self.ui.conflictsView.selectionModel().selectedRows()
        if rows:
            return self.conflicts_model.row_at(rows[0].row())
        return self.conflicts_model.row_at(index.row()) if index.isValid() else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.current_conflict())

    def _show_detail(self, conflict: Conflict | None) -> None:
        u = self.ui
        for button in self.action_buttons.values():
            u.actionsLayout.removeWidget(button)
            button.hide()  # gone at once; deleted when the event loop next runs
            button.deleteLater()
        self.action_buttons = {}
        if conflict is None:
            if self.snapshot is not None and not self.snapshot.conflicts:
                if self.snapshot.history:
                    text = self.tr(
                        "No conflicts. Whatever was typed on the PCs of this store fitted together."
                    )
                else:
                    text = self.tr("No conflicts.")
            else:
                text = self.tr("Select a conflict to see what each side said.")
            u.detailText.setHtml(f"<p>{text}</p>")
            return
        own = self.snapshot.device if self.snapshot else self.service.device_id()
        u.detailText.setHtml(conflict_html(conflict, self.names, own, self.conflicts_model.labels))
        for action in conflict.actions:
            button = QPushButton(action_text(conflict.kind, action), u.detailPane)
            button.setObjectName(f"action_{action}")
            button.setToolTip(action_tip(conflict.kind, action))
            button.clicked.connect(
                lambda _checked=False, a=action, cid=conflict.id: self.resolve(cid, a)
            )
            u.actionsLayout.addWidget(button)
            self.action_buttons[action] = button

    def resolve(self, conflict_id: str, action: str) -> None:
        conflict = next((c for c in self.conflicts_model.rows() if c.id == conflict_id), None)
        if (
            conflict is not None
            and action == "merge"
            and not self.dialogs.ask_confirm(
                self,
                self.tr("Merge customers"),
                self.tr(
                    "Make one customer of the two? The customer entered first is kept; the other "
                    "one's cars, bookings, quotes and history move to them. Every PC follows."
                ),
            )
        ):
            return
        service = self.service
        for button in self.action_buttons.values():
            button.setEnabled(False)
        (
            Operation(lambda: service.resolve(conflict_id, action))
            .success(self._resolved)
            .failure(self._resolve_refused)
            .run_in_background(self.runner)
        )

    def _resolved(self, conflict: Conflict) -> None:
        self.sig_status.emit(
            self.tr("Conflict decided: {action}. The other PCs follow with the next sync.").format(
                action=action_text(conflict.kind, conflict.resolution)
            )
        )
        self.reload()
        self.controller.refresh_status()  # the status bar's count, and the debounced pass

    def _resolve_refused(self, error: BaseException) -> None:
        for button in self.action_buttons.values():
            button.setEnabled(True)
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        title = self.tr("Sync")
        if isinstance(error, StorageEnvironmentError):
            self.dialogs.error(self, title, tr_error(error))
        else:
            self.dialogs.warning(self, title, tr_error(error))
