"""``list appointments`` and ``print register|checkin|day-sheet`` as a person runs them: real
subprocesses on a demo database made by the CLI (its week of appointments is around today)."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[2]
SERIAL = re.compile(r"\d{4}-\d{2}-\d{2}-\d{3}")


def run(home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DEALERDESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *map(str, args)],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def query(db: Path, sql: str, *params: str) -> list[tuple[str, ...]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(sql, params).fetchall()
    conn.close()
    return [tuple(str(v) for v in row) for row in rows]


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def refused(result: subprocess.CompletedProcess[str], out: Path) -> None:
    assert result.returncode != 0
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, home: Path) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run(home, "demo-data", "--db", db, "--customers", 400, "--seed", 5)
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def lines(demo_db: Path, home: Path) -> list[list[str]]:
    result = run(home, "list", "appointments", "--db", demo_db)
    assert result.returncode == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


def busiest_day(lines: list[list[str]]) -> str:
    days = [fields[0][:10] for fields in lines]
    return max(set(days), key=days.count)


def test_list_appointments_puts_the_serial_first(demo_db: Path, lines: list[list[str]]) -> None:
    live = query(demo_db, "SELECT serial, plate, customer_name FROM appointment")

    assert len(lines) == len(live) > 0
    assert all(len(fields) == 6 for fields in lines)
    assert all(SERIAL.fullmatch(fields[0]) for fields in lines)
    assert sorted((f[0], f[3], f[4]) for f in lines) == sorted(live)
    spans = [fields[1] for fields in lines]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}–\d{2}:\d{2}", s) for s in spans)
    starts = [span[:16] for span in spans]
    assert starts == sorted(starts)  # by start time
    assert all(fields[5] for fields in lines)  # the work


def test_list_appointments_of_one_day(demo_db: Path, home: Path, lines: list[list[str]]) -> None:
    day = busiest_day(lines)

    result = run(home, "list", "appointments", "--db", demo_db, "--date", day)

    assert result.returncode == 0, result.stderr
    serials = [line.split("\t")[0] for line in result.stdout.splitlines()]
    expected = query(demo_db, "SELECT serial FROM appointment WHERE start_at LIKE ?", day + "%")
    assert sorted(serials) == sorted(s for (s,) in expected)
    assert all(s.startswith(day) for s in serials)


def test_list_appointments_with_a_bad_date_fails_readably(demo_db: Path, home: Path) -> None:
    result = run(home, "list", "appointments", "--db", demo_db, "--date", "20.11.2026")

    assert result.returncode != 0
    assert "YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("lang", "title"), [("zh_CN", "预约登记表"), ("en", "Appointment register")]
)
def test_print_register_by_serial(
    demo_db: Path, home: Path, tmp_path: Path, lines: list[list[str]], lang: str, title: str
) -> None:
    serial, _, _, plate, customer, _ = lines[-1]
    out = tmp_path / "out" / "register.pdf"

    result = run(home, "print", "register", serial, "--db", demo_db, "--out", out, "--lang", lang)

    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert text.count(serial) == 2
    assert text.count(customer) == 2
    assert title in text
    if lang == "zh_CN":
        assert "前台联" in text and "客服联" in text


def test_print_checkin_by_serial_and_by_repair_order_number(
    demo_db: Path, home: Path, tmp_path: Path
) -> None:
    serial, number, mileage = query(
        demo_db,
        "SELECT a.serial, r.number, c.mileage_km FROM appointment a "
        "JOIN checkin c ON c.appointment_id = a.id "
        "JOIN repair_order r ON r.appointment_id = a.id ORDER BY a.start_at DESC LIMIT 1",
    )[0]

    for key in (serial, number):
        out = tmp_path / f"checkin-{key}.pdf"
        result = run(home, "print", "checkin", key, "--db", demo_db, "--out", out)

        assert result.returncode == 0, result.stderr
        text = pdf_text(out)
        assert serial in text and number in text
        assert f"{int(mileage):,} km" in text
        assert "接车检查单" in text and "客户签字" in text


def test_print_day_sheet_for_a_date(
    demo_db: Path, home: Path, tmp_path: Path, lines: list[list[str]]
) -> None:
    day = busiest_day(lines)
    out = tmp_path / "day.pdf"

    result = run(
        home, "print", "day-sheet", "--date", day, "--db", demo_db, "--out", out, "--lang", "en"
    )

    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Appointment schedule" in text
    for fields in lines:
        if fields[0].startswith(day):
            assert fields[0] in text


def test_print_day_sheet_takes_the_date_as_its_number_or_defaults_to_today(
    demo_db: Path, home: Path, tmp_path: Path, lines: list[list[str]]
) -> None:
    day = busiest_day(lines)
    by_number = tmp_path / "by-number.pdf"
    today = tmp_path / "today.pdf"

    first = run(home, "print", "day-sheet", day, "--db", demo_db, "--out", by_number)
    second = run(home, "print", "day-sheet", "--db", demo_db, "--out", today)

    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert any(f[0] in pdf_text(by_number) for f in lines if f[0].startswith(day))
    assert "预约排班表" in pdf_text(today)


def test_print_unknown_serial_fails_without_a_traceback(
    demo_db: Path, home: Path, tmp_path: Path
) -> None:
    for kind, number in (
        ("register", "1999-01-01-001"),
        ("checkin", "1999-01-01-001"),
        ("checkin", "RO19990101-001"),
    ):
        out = tmp_path / f"{kind}.pdf"

        result = run(home, "print", kind, number, "--db", demo_db, "--out", out)

        refused(result, out)
        assert number in result.stderr


def test_print_checkin_of_an_appointment_not_checked_in_says_so(
    demo_db: Path, home: Path, tmp_path: Path
) -> None:
    (serial,) = query(
        demo_db,
        "SELECT serial FROM appointment a WHERE status = 'booked' AND NOT EXISTS "
        "(SELECT 1 FROM checkin c WHERE c.appointment_id = a.id) LIMIT 1",
    )[0]
    out = tmp_path / "checkin.pdf"

    result = run(home, "print", "checkin", serial, "--db", demo_db, "--out", out)

    refused(result, out)
    assert "not been checked in" in result.stderr
    assert serial in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["print", "register"],  # no number
        ["print", "day-sheet", "--date", "2026-02-30"],
        ["print", "day-sheet", "tomorrow"],
    ],
)
def test_print_with_a_missing_or_bad_argument_fails_readably(
    demo_db: Path, home: Path, tmp_path: Path, args: list[str]
) -> None:
    out = tmp_path / "nothing.pdf"

    result = run(home, *args, "--db", demo_db, "--out", out)

    refused(result, out)


def test_print_into_a_path_under_a_file_fails_readably(
    demo_db: Path, home: Path, tmp_path: Path, lines: list[list[str]]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = blocker / "register.pdf"

    result = run(home, "print", "register", lines[0][0], "--db", demo_db, "--out", out)

    assert result.returncode != 0
    assert "error:" in result.stderr and str(out) in result.stderr
    assert "Traceback" not in result.stderr
    assert blocker.read_text() == "not a folder"


@pytest.mark.parametrize("view", ["appointments", "reception"])
def test_screenshot_of_the_board_and_the_reception_display(
    demo_db: Path, home: Path, tmp_path: Path, view: str
) -> None:
    out = tmp_path / f"{view}.png"
    result = run(
        home,
        "screenshot",
        "--db",
        demo_db,
        "--view",
        view,
        "--out",
        out,
        "--lang",
        "zh_CN",
        "--size",
        "1280x800",
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 20_000
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
