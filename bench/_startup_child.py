"""Child process of bench_startup.py: start, show one window, report its first paint.

    python bench/_startup_child.py empty
    python bench/_startup_child.py app --db PATH [--queries JSON_LIST]

Prints ``PAINT <ms>`` the moment the window's first paint event arrives (ms since the first
line of this script, before any import), then one ``RESULT <json>`` line and exits. In ``app``
mode it then types the given queries into the customer search one by one, waits for each
result list, and reports the resident memory of the running app.
"""

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def status_kb(field: str) -> int:
    """A field of /proc/self/status in KB (VmRSS: now, VmHWM: peak); 0 where there is none."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def peak_kb() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KB on Linux


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["empty", "app"])
    parser.add_argument("--db")
    parser.add_argument("--queries", default="[]")
    args = parser.parse_args()

    from PySide6.QtCore import QEvent, QObject, QSize, QTimer

    result: dict[str, object] = {"mode": args.mode}

    class FirstPaint(QObject):
        def __init__(self, after: "object") -> None:
            super().__init__()
            self.after = after
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                elapsed = (time.perf_counter() - T0) * 1000
                result["paint_ms"] = elapsed
                print(f"PAINT {elapsed:.3f}", flush=True)
                QTimer.singleShot(0, self.after)
            return False

    if args.mode == "empty":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([sys.argv[0]])
        window = QMainWindow()
        window.setWindowTitle("empty")

        def after_empty() -> None:
            result["rss_kb"] = status_kb("VmRSS")
            app.quit()

        watcher = FirstPaint(after_empty)
        window.installEventFilter(watcher)
        window.resize(QSize(1280, 800))
        window.show()
    else:
        from desktop_app.app import _screenshot_session, build_main_window, make_application
        from desktop_app.storage.db import open_database
        from desktop_app.ui.i18n import install_translator, resolve_language
        from desktop_app.ui.messages import DialogService
        from desktop_app.ui.tasks import TaskRunner

        app = make_application([sys.argv[0]])
        install_translator(app, resolve_language(None))
        db = open_database(args.db)
        setting = db.meta("language")
        if resolve_language(setting) != resolve_language(None):
            install_translator(app, resolve_language(setting))
        session = _screenshot_session(db, None)  # the sign-in dialog is skipped
        runner = TaskRunner(parent=app)
        window = build_main_window(db, session, runner, DialogService(), setting)
        view = window.customers_view
        queries = json.loads(args.queries)

        def first_results() -> None:
            if "results_ms" not in result and view.hits.rowCount() > 0:
                result["results_ms"] = (time.perf_counter() - T0) * 1000

        view.hits.modelReset.connect(first_results)

        def wait_idle() -> None:
            """Until the task runner has nothing queued or running and results are shown."""
            deadline = time.perf_counter() + 60
            while runner._pending and time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.001)
            app.processEvents()

        def after_app() -> None:
            wait_idle()
            result["rss_start_kb"] = status_kb("VmRSS")
            started = time.perf_counter()
            shown = []
            for q in queries:
                view.ui.searchEdit.setText(q)
                view.run_search()
                wait_idle()
                shown.append(view.hits.rowCount())
            result["searches"] = len(queries)
            result["search_rows"] = shown
            result["search_s"] = time.perf_counter() - started
            result["rss_kb"] = status_kb("VmRSS")
            app.quit()

        watcher = FirstPaint(after_app)
        window.installEventFilter(watcher)
        window.resize(QSize(1280, 800))
        window.show()
        window.start()

    QTimer.singleShot(120_000, app.quit)  # never hang the benchmark
    app.exec()
    result["peak_kb"] = peak_kb()
    result["hwm_kb"] = status_kb("VmHWM")
    if args.mode == "app":
        runner.wait_idle()
        db.close()
    print("RESULT " + json.dumps(result), flush=True)
    sys.stdout.flush()
    os._exit(0)  # skip teardown: not part of what is measured


if __name__ == "__main__":
    sys.exit(main())
