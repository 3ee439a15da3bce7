"""``python -m desktop_app`` as a person runs it: real subprocesses on real files."""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app import __version__

REPO = Path(__file__).resolve().parents[2]
CUSTOMERS = 50


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


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def created(
    tmp_path_factory: pytest.TempPathFactory, home: Path
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A demo database made by the CLI once for this module (read-only tests share it)."""
    db = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run(home, "demo-data", "--db", db, "--customers", CUSTOMERS, "--seed", 3)
    return db, result


@pytest.fixture
def demo_db(created: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    db, result = created
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture
def own_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A copy for commands that may write to the database."""
    target = tmp_path / "copy.sqlite"
    shutil.copy(demo_db, target)
    return target


def customer_lines(home: Path, db: Path) -> list[list[str]]:
    result = run(home, "list", "customers", "--db", db)
    assert result.returncode == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


def test_version(home: Path) -> None:
    result = run(home, "--version")

    assert result.returncode == 0
    assert result.stdout.strip() == f"DealerDesk {__version__}"


def test_demo_data_creates_the_file_and_prints_the_counts(
    created: tuple[Path, subprocess.CompletedProcess[str]], home: Path
) -> None:
    db, result = created

    assert result.returncode == 0, result.stderr
    assert db.is_file()
    assert f"{CUSTOMERS} customers" in result.stdout
    vehicles = re.search(r"(\d+) vehicles", result.stdout)
    assert vehicles is not None
    assert count(db, "customer") == CUSTOMERS
    assert count(db, "vehicle") == int(vehicles.group(1))
    assert re.search(rf"new store with {count(db, 'staff')} staff", result.stdout)
    assert not (home / "dealerdesk.sqlite").exists()  # the --db file, not the default one


def test_demo_data_if_new_leaves_an_existing_file_alone(own_copy: Path, home: Path) -> None:
    before = own_copy.read_bytes()

    result = run(home, "demo-data", "--db", own_copy, "--customers", 10, "--if-new")

    assert result.returncode == 0, result.stderr
    assert "exists" in result.stdout
    assert count(own_copy, "customer") == CUSTOMERS
    assert own_copy.read_bytes() == before


def test_demo_data_if_new_creates_a_missing_file(tmp_path: Path, home: Path) -> None:
    db = tmp_path / "new" / "fresh.sqlite"

    result = run(home, "demo-data", "--db", db, "--customers", 5, "--seed", 3, "--if-new")

    assert result.returncode == 0, result.stderr
    assert count(db, "customer") == 5


def test_list_customers_puts_the_mobile_first(demo_db: Path, home: Path) -> None:
    lines = customer_lines(home, demo_db)

    assert len(lines) == CUSTOMERS
    assert all(re.fullmatch(r"1\d{10}", fields[0]) for fields in lines)
    assert len({fields[0] for fields in lines}) == CUSTOMERS
    assert all(fields[1] for fields in lines)  # a name


def test_list_vehicles_puts_the_vin_first(demo_db: Path, home: Path) -> None:
    result = run(home, "list", "vehicles", "--db", demo_db)

    assert result.returncode == 0, result.stderr
    vins = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert len(vins) == count(demo_db, "vehicle") > 0
    assert all(re.fullmatch(r"[A-HJ-NPR-Z0-9]{17}", vin) for vin in vins)


def test_list_limit(demo_db: Path, home: Path) -> None:
    result = run(home, "list", "customers", "--db", demo_db, "--limit", 3)

    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


def test_check_of_a_healthy_database(demo_db: Path, home: Path) -> None:
    result = run(home, "check", "--db", demo_db)

    assert result.returncode == 0, result.stderr
    assert "schema version" in result.stdout
    assert "integrity_check: ok" in result.stdout


def test_check_of_a_corrupt_file_fails_with_a_readable_message(tmp_path: Path, home: Path) -> None:
    junk = tmp_path / "corrupt.sqlite"
    junk.write_bytes(random.Random(3).randbytes(16_384))

    result = run(home, "check", "--db", junk)

    assert result.returncode != 0
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "integrity_check: ok" not in result.stdout


def test_check_of_another_programs_sqlite_file_fails_with_a_readable_message(
    tmp_path: Path, home: Path
) -> None:
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()

    for command in (["check"], ["list", "customers"]):
        result = run(home, *command, "--db", foreign)

        assert result.returncode != 0, command
        assert "error:" in result.stderr, command
        assert "Traceback" not in result.stderr, command


def test_check_of_a_missing_file_fails_without_creating_it(tmp_path: Path, home: Path) -> None:
    missing = tmp_path / "missing.sqlite"

    result = run(home, "check", "--db", missing)

    assert result.returncode != 0
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not missing.exists()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_print_customer_writes_a_pdf_with_the_name(
    demo_db: Path, home: Path, tmp_path: Path, lang: str
) -> None:
    mobile, name = customer_lines(home, demo_db)[0][:2]
    out = tmp_path / "out" / "customer.pdf"

    result = run(home, "print", "customer", mobile, "--db", demo_db, "--out", out, "--lang", lang)

    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert name in text
    assert mobile in text
    assert ("客户档案" if lang == "zh_CN" else "Customer file") in text


def test_print_unknown_customer_fails_without_a_traceback(
    demo_db: Path, home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "nobody.pdf"

    result = run(home, "print", "customer", "00000000000", "--db", demo_db, "--out", out)

    assert result.returncode != 0
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_screenshot_of_the_customers_view(own_copy: Path, home: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots" / "customers.png"

    result = run(
        home, "screenshot", "--db", own_copy, "--view", "customers", "--out", out, "--lang", "zh_CN"
    )

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.stat().st_size > 10_000


def test_screenshot_of_an_unknown_view_fails(own_copy: Path, home: Path, tmp_path: Path) -> None:
    out = tmp_path / "nope.png"

    result = run(home, "screenshot", "--db", own_copy, "--view", "no-such-view", "--out", out)

    assert result.returncode != 0
    assert "no-such-view" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
