"""``python -m desktop_app``: the GUI by default, plus command-line tools.

Commands: demo-data, screenshot, list, print, export, import, check, sync, hub (see ``--help``
of each).
``list care`` prints the care tasks on file (it does not generate tasks); ``print kpi-report``
exits 1 when the month has no data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from . import __version__
from .paths import default_db_path

SALES_DOCUMENTS = ("quote", "contract", "contract-set")


def _db_arg(parser: argparse.ArgumentParser, top: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        help=f"database file (default: {default_db_path()})",
    )


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: write it as YYYY-MM-DD"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m desktop_app", description="DealerDesk")
    parser.add_argument("--version", action="version", version=f"DealerDesk {__version__}")
    _db_arg(parser, top=True)
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo-data", help="create or fill a database with demo data")
    _db_arg(demo)
    demo.add_argument("--customers", type=int, default=2_000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--if-new", action="store_true", help="do nothing when the database file already exists"
    )

    shot = sub.add_parser("screenshot", help="render a view of the main window to a PNG")
    _db_arg(shot)
    shot.add_argument("--view", default="customers")
    shot.add_argument("--out", type=Path, required=True)
    shot.add_argument("--size", default="1280x800")
    shot.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS)
    shot.add_argument("--user", help="staff user name to show as signed in")

    lst = sub.add_parser("list", help="print records one a line, number first")
    lst.add_argument(
        "kind",
        choices=[
            "customers",
            "vehicles",
            "appointments",
            "deliveries",
            "quotes",
            "contracts",
            "care",
        ],
        help="care: the open care tasks on file that are due to be worked by --date (today's "
        "and overdue; default today): type, customer, phone, due. Tasks are not generated "
        "first: the list shows what the worklist holds",
    )
    _db_arg(lst)
    lst.add_argument("--limit", type=int, default=0, help="at most this many lines (0: all)")
    lst.add_argument(
        "--date",
        type=_date,
        help="appointments, deliveries: only this day; care: the worklist of this day (YYYY-MM-DD)",
    )

    prt = sub.add_parser("print", help="write a document to a PDF")
    prt.add_argument(
        "kind",
        choices=[
            "customer",
            "register",
            "checkin",
            "day-sheet",
            "delivery",
            "quote",
            "contract",
            "contract-set",
            "kpi-report",
        ],
    )
    prt.add_argument(
        "number",
        nargs="?",
        help="customer: mobile number; register, checkin: appointment serial (2026-11-20-003) "
        "or repair-order number (RO20261120-001); delivery: record number (JC20261120-001); "
        "quote: quote number (BJ20261120-EN49-001); contract, contract-set: contract number "
        "(HT20261120-EN49-001); day-sheet, kpi-report: not needed (see --date, --month)",
    )
    _db_arg(prt)
    prt.add_argument("--date", type=_date, help="day-sheet: the day (default: today)")
    prt.add_argument(
        "--month",
        type=_month,
        help="kpi-report: the month, YYYY-MM (default: the last complete month); exit 1 if "
        "that month has no data",
    )
    prt.add_argument(
        "--version",
        type=_positive,
        help="quote, contract, contract-set: this version (default: the newest)",
    )
    prt.add_argument("--out", type=Path, required=True)
    prt.add_argument("--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS)

    exp = sub.add_parser("export", help="write a file for the manufacturer")
    exp.add_argument("kind", choices=["deliveries"])
    _db_arg(exp)
    exp.add_argument("--date", type=_date, required=True, help="the day (YYYY-MM-DD)")
    exp.add_argument("--out", type=Path, required=True, help="folder for the CSV and JSON")

    imp = sub.add_parser(
        "import",
        help="read head office's price list (CSV); exit 0 if every row was taken, 1 if some "
        "were rejected, 2 if the file cannot be read",
    )
    imp.add_argument("kind", choices=["prices"])
    imp.add_argument("file", type=Path, help="the price list, a CSV file (UTF-8 or GB18030)")
    _db_arg(imp)

    chk = sub.add_parser("check", help="schema version and integrity check; exit 0 if healthy")
    _db_arg(chk)

    syn = sub.add_parser(
        "sync", help="one full sync pass with the hub; exit 0 only when it completed"
    )
    _db_arg(syn)
    syn.add_argument("--hub", help="the hub's address, e.g. http://127.0.0.1:8765 (saved)")
    syn.add_argument("--token", help="this PC's device token from 'hub add-device' (saved)")

    hub = sub.add_parser("hub", help="the dealer group's hub (PostgreSQL + sync service)")
    hub_sub = hub.add_subparsers(dest="hub_command", required=True)
    h_init = hub_sub.add_parser("init", help="create the hub's tables (safe to run again)")
    h_serve = hub_sub.add_parser("serve", help="run one sync service instance")
    h_add = hub_sub.add_parser("add-device", help="register a PC for a store; prints its token")
    h_exp = hub_sub.add_parser("exports", help="list the export files delivered to the hub")
    h_dev = hub_sub.add_parser("devices", help="list the registered PCs")
    h_rev = hub_sub.add_parser("revoke", help="refuse a lost or replaced PC's token")
    h_rev.add_argument("--device", required=True, help="the PC's device id (see 'hub devices')")
    for p in (h_init, h_serve, h_add, h_exp, h_dev, h_rev):
        p.add_argument("--dsn", required=True, help="PostgreSQL connection string")
    h_serve.add_argument("--host", default="127.0.0.1")
    h_serve.add_argument("--port", type=int, default=8765)
    h_serve.add_argument("--certfile", help="TLS certificate (PEM) when no proxy terminates TLS")
    h_serve.add_argument("--keyfile", help="TLS private key (PEM)")
    h_add.add_argument("--site", required=True, help="the store's code, e.g. 4S-SH01")
    h_add.add_argument("--label", default="", help="which PC, e.g. 'reception 2'")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    db_path: Path = args.db or default_db_path()
    command = args.command
    try:
        if command is None:
            from .app import run_gui

            return run_gui(db_path, args.lang)
        if command == "demo-data":
            return _demo_data(db_path, args)
        if command == "screenshot":
            from PySide6.QtCore import QSize

            from .app import screenshot

            width, height = (int(x) for x in args.size.lower().split("x"))
            return screenshot(
                db_path,
                args.view,
                args.out,
                QSize(width, height),
                getattr(args, "lang", None),
                args.user,
            )
        if command == "list":
            return _list(db_path, args.kind, args.limit, args.date)
        if command == "print":
            return _print(db_path, args, parser)
        if command == "export":
            return _export(db_path, args)
        if command == "import":
            return _import_prices(db_path, args.file)
        if command == "check":
            return _check(db_path)
        if command == "sync":
            from .services.sync import sync_command

            return sync_command(db_path, args.hub, args.token)
        if command == "hub":
            from .hub.cli import hub_command

            return hub_command(args)
    except _env_errors() as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 1


def _env_errors() -> tuple[type[BaseException], ...]:
    from .domain.errors import DomainError
    from .printing.fonts import FontMissing
    from .storage.errors import StorageEnvironmentError

    return (StorageEnvironmentError, DomainError, FontMissing)


def _demo_data(db_path: Path, args: argparse.Namespace) -> int:
    from .services import demo_data
    from .storage.db import open_database

    if args.if_new and db_path.exists():
        print(f"{db_path} exists: demo data not added")
        return 0
    started = time.perf_counter()
    db = open_database(db_path)
    summary = demo_data.generate(db, customers=args.customers, seed=args.seed)
    db.close()
    print(
        f"{db_path}: {summary.customers} customers, {summary.vehicles} vehicles"
        + (
            f", new store with {summary.staff} staff and {summary.appointments} appointments"
            if summary.created_site
            else ""
        )
        + f" in {time.perf_counter() - started:.1f} s"
        + (
            f" (demo password for every account: {demo_data.DEMO_PASSWORD})"
            if summary.created_site
            else ""
        )
    )
    return 0


def _month(text: str) -> str:
    """A YYYY-MM month for argparse: a bad one exits 2 with the domain's message."""
    from .domain.care import parse_month
    from .domain.errors import ValidationError

    try:
        first, _end = parse_month(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return f"{first:%Y-%m}"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a version number: write 1, 2, …")
    return value


def _list(db_path: Path, kind: str, limit: int, day: dt.date | None = None) -> int:
    from .services.listing import list_lines
    from .services.quote_documents import contract_lines, quote_lines
    from .storage.db import open_database

    db = open_database(db_path, read_only=True)
    try:
        if kind == "quotes":
            lines = quote_lines(db, limit)
        elif kind == "contracts":
            lines = contract_lines(db, limit)
        elif kind == "care":
            from .services.care_documents import care_lines

            lines = care_lines(db, day or dt.date.today(), limit)
        else:
            lines = list_lines(db, kind, limit, day)
        for line in lines:
            print(line)
    except BrokenPipeError:  # `| head` closed the pipe: not an error
        pass
    finally:
        db.close()
    return 0


def _print(db_path: Path, args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .services.documents import print_document
    from .storage.db import open_database

    number: str | None = args.number
    if args.kind == "kpi-report":
        return _print_kpi_report(db_path, args, parser)
    if args.month is not None:
        parser.error(f"print {args.kind} has no month: leave out --month")
    if args.kind == "day-sheet":
        if args.date is None and number:
            args.date = _date_or_exit(number, parser)
        number = (args.date or dt.date.today()).isoformat()
    elif not number:
        parser.error(
            f"print {args.kind} needs a number: "
            + {
                "customer": "the mobile",
                "delivery": "the record number (JC20261120-001)",
                "quote": "the quote number (BJ20261120-EN49-001)",
                "contract": "the contract number (HT20261120-EN49-001)",
                "contract-set": "the contract number (HT20261120-EN49-001)",
            }.get(args.kind, "a serial or RO number")
        )
    if args.version is not None and args.kind not in SALES_DOCUMENTS:
        parser.error(f"print {args.kind} has no versions: leave out --version")
    lang = getattr(args, "lang", None) or "zh_CN"
    db = open_database(db_path, read_only=True)
    try:
        if args.kind in SALES_DOCUMENTS:
            from .services.quote_documents import print_by_number

            data = print_by_number(db, args.kind, number, lang, args.version)
        else:
            data = print_document(db, args.kind, number, lang)
    finally:
        db.close()
    return _write_out(args.out, data)


def _write_out(out: Path, data: bytes) -> int:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as error:
        reason = (
            "a file has the name of a folder on that path"
            if isinstance(error, FileExistsError | NotADirectoryError)
            else error.strerror or error
        )
        print(f"error: cannot write {out}: {reason}", file=sys.stderr)
        return 2
    print(f"{out}: {len(data):,} bytes")
    return 0


def _print_kpi_report(
    db_path: Path, args: argparse.Namespace, parser: argparse.ArgumentParser
) -> int:
    """``print kpi-report [--month YYYY-MM]``: the customer-care monthly report; exit 1 with
    the reason when the month has no data, 2 for a month that is not one."""
    from .domain.care import NoKpiData
    from .services.care_documents import kpi_report_pdf, last_complete_month
    from .storage.db import open_database

    if args.version is not None:
        parser.error("print kpi-report has no versions: leave out --version")
    if args.date is not None:
        parser.error("print kpi-report takes --month YYYY-MM, not --date")
    month: str | None = args.month
    if args.number:  # `print kpi-report 2026-10` reads as --month
        if month is not None:
            parser.error("give the month once: --month YYYY-MM")
        try:
            month = _month(args.number)
        except argparse.ArgumentTypeError as error:
            parser.error(str(error))
    month = month or last_complete_month(dt.date.today())
    lang = getattr(args, "lang", None) or "zh_CN"
    if not db_path.exists():
        print(f"error: {db_path} does not exist", file=sys.stderr)
        return 2
    db = open_database(db_path, read_only=True)
    try:
        data = kpi_report_pdf(db, month, lang)
    except NoKpiData as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        db.close()
    return _write_out(args.out, data)


def _import_prices(db_path: Path, file: Path) -> int:
    """``import prices FILE.csv``: added and updated counts, then one line per rejected row
    (line number, code, reason); exit 0 if every row was taken, 1 if some were rejected, 2 if
    the file cannot be read. Recorded under the first active manager (or administrator)."""
    from .domain.price_list import PriceListUnreadable
    from .services.quote_documents import import_session
    from .services.quotes import QuoteService
    from .storage.db import open_database

    try:
        data = file.read_bytes()
    except OSError as error:
        print(f"error: cannot read {file}: {error.strerror or error}", file=sys.stderr)
        return 2
    if not db_path.exists():
        print(f"error: {db_path} does not exist", file=sys.stderr)
        return 2
    db = open_database(db_path)
    try:
        report = QuoteService(db, import_session(db)).import_price_list(data)
    except PriceListUnreadable as error:
        print(f"error: {file}: {error}", file=sys.stderr)
        return 2
    finally:
        db.close()
    print(
        f"{file}: {report.added} added, {report.updated} updated, {len(report.rejected)} rejected"
    )
    for row in report.rejected:
        print(f"line {row.line}\t{row.code or '-'}\t{row.error}")
    return 1 if report.rejected else 0


def _export(db_path: Path, args: argparse.Namespace) -> int:
    """``export deliveries``: the day's CSV and JSON for the manufacturer, recorded under the
    first active manager (or delivery specialist)."""
    from .services.delivery_documents import export_deliveries
    from .storage.db import open_database

    if not db_path.exists():
        print(f"error: {db_path} does not exist", file=sys.stderr)
        return 2
    db = open_database(db_path)
    try:
        result = export_deliveries(db, args.date, args.out)
    finally:
        db.close()
    print(result.csv)
    print(result.json)
    print(f"{result.rows} deliveries on {args.date.isoformat()}")
    return 0


def _date_or_exit(text: str, parser: argparse.ArgumentParser) -> dt.date:
    try:
        return _date(text)
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))


def _check(db_path: Path) -> int:
    from .services.health import check

    health = check(db_path)
    print(f"schema version: {health.schema_version} (this DealerDesk: {health.known_version})")
    for line in health.integrity:
        print(f"integrity_check: {line}")
    return 0 if health.ok else 1


if __name__ == "__main__":
    sys.exit(main())
