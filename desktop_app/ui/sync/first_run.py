"""A new PC with an empty database: register it with the hub and receive the store's data
before anyone signs in (nobody can sign in yet: the staff arrive with the store's data).

The hub's token is the credential here; once a store is on the PC, registering again needs an
administrator (Sync page). The first pass is resumable: if it breaks off, starting DealerDesk
again offers the same and goes on from the last whole page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog

from ...services.sync import SyncReport, SyncService
from ...storage.db import Database
from ..messages import DialogService
from ..tasks import TaskRunner
from .controller import SyncController, own_database
from .register_dialog import RegisterDialog


def register_new_pc(db: Database, runner: TaskRunner, dialogs: DialogService) -> bool:
    """Ask for the hub and token, then receive the store. True when the PC now has a store."""
    service = SyncService(db, None)
    url, token_saved = service.hub_settings()
    if not token_saved:
        asked = dialogs.ask_confirm(
            None,
            "DealerDesk",
            QCoreApplication.translate(
                "FirstRun",
                "This PC has no dealership data yet.\n\nRegister it with the dealer group's hub "
                "(an administrator has its address and a token for this PC) to receive the "
                "store's data? Or close DealerDesk and create the demo store with "
                "'python -m desktop_app demo-data'.",
            ),
        )
        if not asked:
            return False
        dialog = RegisterDialog(service, runner, dialogs, url, token_saved)
        accepted = dialog.exec() == RegisterDialog.DialogCode.Accepted
        # through the event loop: its style animations must end before it goes
        dialog.deleteLater()
        if not accepted:
            return False
    return _first_pass(db, service, runner, dialogs)


def _first_pass(
    db: Database, service: SyncService, runner: TaskRunner, dialogs: DialogService
) -> bool:
    controller = SyncController(own_database(db), service.status, runner, auto=False)
    progress = QProgressDialog(
        QCoreApplication.translate("FirstRun", "Receiving the store's data from the hub…"),
        "",
        0,
        0,
    )
    progress.setWindowTitle("DealerDesk")
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def moved(phase: str, done: int, total: int) -> None:
        if phase == "pull" and total:
            progress.setMaximum(int(total))
            progress.setValue(int(min(done, total)))

    def finished(report: SyncReport) -> None:
        outcome["report"] = report
        loop.quit()

    def failed(kind: str, detail: str) -> None:
        outcome["failure"] = detail or kind
        loop.quit()

    controller.sig_progress.connect(moved)
    controller.sig_finished.connect(finished)
    controller.sig_failed.connect(failed)
    progress.show()
    if controller.sync_now():
        loop.exec()
    progress.close()
    progress.deleteLater()
    controller.shutdown()
    if "report" in outcome and db.meta("site_id"):
        return True
    dialogs.error(
        None,
        "DealerDesk",
        QCoreApplication.translate(
            "FirstRun",
            "The store's data could not be received: {reason}\n\nWhat has arrived is kept. "
            "Check the network and the hub's address, then start DealerDesk again to go on.",
        ).format(
            reason=outcome.get(
                "failure",
                QCoreApplication.translate("FirstRun", "the hub knows no store for this token"),
            )
        ),
    )
    return False
