"""Startup: QApplication, database, services and the main window, wired explicitly.

Also builds the same window for ``screenshot`` (offscreen, synchronous tasks) so a picture
shows exactly what a person sees.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QProcess, QSize, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .domain.roles import Role
from .domain.staff import Session
from .logsetup import setup_logging
from .paths import log_path
from .services.auth import AuthService
from .services.customers import CustomerService
from .services.sync import SyncService
from .storage.db import Database, open_database
from .storage.errors import EnvKind, StorageEnvironmentError
from .storage.repositories import SiteRepository, StaffRepository
from .ui.crash import CrashHandler
from .ui.i18n import install_translator, resolve_language, tr_error
from .ui.main_window import MainWindow
from .ui.messages import DialogService
from .ui.sign_in import SignInDialog
from .ui.sync.controller import SyncController, own_database
from .ui.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from .domain.staff import StaffMember
    from .services.appointments import AppointmentService
    from .services.care import CareService
    from .services.contracts import ContractService
    from .services.deliveries import DeliveryService
    from .services.quotes import QuoteService

log = logging.getLogger(__name__)
CJK_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC")


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("DealerDesk")
    app.setOrganizationName("DealerDesk")
    from .ui import resources_rc  # noqa: F401

    app.setWindowIcon(QIcon(":/icons/dealerdesk.svg"))
    families = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in families:
            font = QFont(family, 10)
            app.setFont(font)
            break
    return app


def build_main_window(
    db: Database,
    session: Session,
    runner: TaskRunner,
    dialogs: DialogService,
    language_setting: str | None,
    auto_sync: bool = True,
) -> MainWindow:
    """``auto_sync=False``: no automatic sync passes (screenshots); "Sync now" still works."""

    def appointments() -> AppointmentService:
        from .services.appointments import AppointmentService

        return AppointmentService(db, session)

    def deliveries() -> DeliveryService:
        from .services.deliveries import DeliveryService

        return DeliveryService(db, session)

    def sales() -> tuple[QuoteService, ContractService]:
        from .services.contracts import ContractService
        from .services.quotes import QuoteService

        return QuoteService(db, session), ContractService(db, session)

    def care() -> tuple[CareService, Callable[[], list[StaffMember]]]:
        from .services.care import CareService

        return CareService(db, session), StaffRepository(db).all_active

    sync = SyncService(db, session)
    # the sync runs on its own connection to the same file, sharing this one's clock
    controller = SyncController(own_database(db), sync.status, runner, auto=auto_sync)
    controller.bug_handler = runner.bug_handler
    return MainWindow(
        session,
        CustomerService(db, session),
        appointments,
        sync,
        controller,
        runner,
        dialogs,
        language_setting,
        deliveries=deliveries,
        sales=sales,
        care=care,
        staff=StaffRepository(db).all_active,
    )


def run_gui(db_path: Path, language: str | None = None) -> int:
    started = time.perf_counter()
    app = make_application()
    crash = CrashHandler(setup_logging())
    crash.install()
    install_translator(app, resolve_language(language))
    dialogs = DialogService()

    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)  # stale only if its process is gone
    if not lock.tryLock(200):
        dialogs.error(
            None, "DealerDesk", tr_error(StorageEnvironmentError(EnvKind.IN_USE, str(db_path)))
        )
        return 2
    try:
        db = open_database(db_path)
    except StorageEnvironmentError as error:
        dialogs.error(None, "DealerDesk", tr_error(error))
        return 2
    setting = language or db.meta("language")
    lang = resolve_language(setting)
    if lang != resolve_language(language):
        install_translator(app, lang)

    runner = TaskRunner(parent=app)
    runner.bug_handler = crash.handle
    site = SiteRepository(db).current()
    if site is None:
        from .ui.sync.first_run import register_new_pc

        if not register_new_pc(db, runner, dialogs):
            return 2
        site = SiteRepository(db).current()
        assert site is not None

    while True:
        sign_in = SignInDialog(AuthService(db), runner, site.name)
        if sign_in.exec() != SignInDialog.DialogCode.Accepted or sign_in.session is None:
            db.close()
            return 0
        window = build_main_window(db, sign_in.session, runner, dialogs, setting)
        outcome = _WindowOutcome(db, dialogs, window)
        window.resize(QSize(1280, 800))
        window.show()
        window.start()
        log.info("main window shown %.0f ms after start", (time.perf_counter() - started) * 1000)
        app.exec()
        runner.wait_idle()
        if outcome.restart:
            db.close()
            lock.unlock()
            QProcess.startDetached(sys.executable, sys.argv)
            return 0
        if not outcome.sign_out:
            db.close()
            return 0


class _WindowOutcome:
    """How the main window was left: quit, sign out (back to sign-in) or restart."""

    def __init__(self, db: Database, dialogs: DialogService, window: MainWindow) -> None:
        self.db = db
        self.dialogs = dialogs
        self.window = window
        self.restart = False
        self.sign_out = False
        window.sig_language_changed.connect(self._language_changed)
        window.sig_sign_out.connect(self._sign_out)

    def _language_changed(self, language: str) -> None:
        self.db.set_meta("language", language)
        w = self.window
        if self.dialogs.ask_confirm(
            w,
            QCoreApplication.translate("App", "Language"),
            QCoreApplication.translate("App", "Restart DealerDesk now to use the new language?"),
        ):
            self.restart = True
            w.close()

    def _sign_out(self) -> None:
        self.sign_out = True
        self.window.close()


def screenshot(
    db_path: Path,
    view: str,
    out: Path,
    size: QSize,
    language: str | None,
    username: str | None = None,
) -> int:
    """Render the main window on ``view`` with the database's data to a PNG."""
    if "QT_QPA_PLATFORM" not in os.environ and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_application([sys.argv[0]])
    db = open_database(db_path, read_only=False)
    lang = resolve_language(language or db.meta("language"))
    install_translator(app, lang)
    session = _screenshot_session(db, username)
    runner = TaskRunner(synchronous=True, parent=app)
    dialogs = DialogService()
    if view == "reception":
        return _screenshot_reception(app, db, session, runner, out, size)
    if view in SALES_VIEWS:
        return _screenshot_sales(app, db, session, runner, dialogs, view, out, size)
    window = build_main_window(db, session, runner, dialogs, language, auto_sync=False)
    area = AREA_VIEWS.get(view, view)
    if area not in {a.key for a in window.areas if a.page is not None}:
        available = ", ".join(
            [
                *(a.key for a in window.areas if a.page is not None),
                *AREA_VIEWS,
                "reception",
                *SALES_VIEWS,
            ]
        )
        print(f"unknown view {view!r}; available: {available}", file=sys.stderr)
        return 2
    window.resize(size)
    window.show_area(area)
    if view == "kpi":
        window.care_view.show_kpis()
    window.show()
    window.start()
    QTimer.singleShot(0, app.quit)
    app.exec()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out))
    window.close()
    db.close()
    return 0 if ok else 1


def _screenshot_reception(
    app: QApplication, db: Database, session: Session, runner: TaskRunner, out: Path, size: QSize
) -> int:
    """The waiting-area display (预约看板) on its own, filling the picture as on its screen."""
    from .services.appointments import AppointmentService
    from .ui.appointments.reception import ReceptionDisplay

    display = ReceptionDisplay(AppointmentService(db, session), runner)
    display.resize(size)
    display.show()
    display.refresh()
    QTimer.singleShot(0, app.quit)
    app.exec()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = display.grab().save(str(out))
    display.close()
    db.close()
    return 0 if ok else 1


SALES_VIEWS = ("quote-builder", "contract")
AREA_VIEWS = {"kpi": "care"}  # a view that is a tab of an area's page


def _screenshot_sales(
    app: QApplication,
    db: Database,
    session: Session,
    runner: TaskRunner,
    dialogs: DialogService,
    view: str,
    out: Path,
    size: QSize,
) -> int:
    """The quote builder on the newest draft with the most finance plans, or the contract
    editor on the newest draft contract (the newest contract when there is no draft)."""
    from .domain.contracts import ContractStatus
    from .domain.quotes import QuoteStatus
    from .services.contracts import ContractService
    from .services.quotes import QuoteService
    from .ui.quotes.builder import QuoteBuilder
    from .ui.quotes.contract_editor import ContractEditor

    quotes = QuoteService(db, session)
    widget: QWidget
    if view == "quote-builder":
        drafts = quotes.listing(statuses={QuoteStatus.DRAFT})
        chosen = max(drafts, key=lambda q: len(q.input.plans), default=None)
        widget = QuoteBuilder(
            quotes,
            CustomerService(db, session),
            runner,
            dialogs,
            chosen.id if chosen else None,
        )
    else:
        contracts = ContractService(db, session)
        found = contracts.listing(statuses={ContractStatus.DRAFT}) or contracts.listing()
        if not found or found[0].id is None:
            print("the database has no contracts: run demo-data first", file=sys.stderr)
            return 2
        widget = ContractEditor(contracts, runner, dialogs, found[0].id)
    widget.resize(size)
    widget.show()
    QTimer.singleShot(0, app.quit)
    app.exec()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = widget.grab().save(str(out))
    widget.close()
    db.close()
    return 0 if ok else 1


def _screenshot_session(db: Database, username: str | None) -> Session:
    auth = AuthService(db)
    if username:
        return auth.session_for(username)
    staff = StaffRepository(db).all_active()
    preferred = [s for s in staff if Role.MANAGER in s.roles] or staff
    if not preferred:
        raise SystemExit("the database has no staff: run demo-data first")
    return auth.session_for(preferred[0].username)


def show_fatal(text: str) -> None:
    """For errors before the main window exists."""
    make_application()
    QMessageBox.critical(None, "DealerDesk", text + f"\n\n{log_path()}")
