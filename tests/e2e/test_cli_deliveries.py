"""``list deliveries``, ``print delivery`` and ``export deliveries`` as a person runs them: real
subprocesses on a demo database made by the CLI (its deliveries are around today)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.test_cli_appointments import pdf_text, query, refused, run

NUMBER = re.compile(r"JC\d{8}-\d{3}")
HEADER = (
    "customer_name,phone,address,birthday,id_number,vin,model,delivery_date,"
    "sales_consultant,dealer_code,record_number"
)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, home: Path) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run(home, "demo-data", "--db", db, "--customers", 300, "--seed", 3)
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def lines(demo_db: Path, home: Path) -> list[list[str]]:
    result = run(home, "list", "deliveries", "--db", demo_db)
    assert result.returncode == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_list_deliveries_number_first_in_every_state(lines: list[list[str]], demo_db: Path) -> None:
    assert lines
    for fields in lines:
        assert len(fields) == 6
        assert NUMBER.fullmatch(fields[0])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", fields[1])
    assert {f[2] for f in lines} >= {
        "planned",
        "pdi_in_progress",
        "pdi_failed",
        "ready",
        "delivered",
    }
    stored = query(demo_db, "SELECT number, plate, customer_name, model_name FROM delivery")
    assert sorted((f[0], f[3], f[4], f[5]) for f in lines) == sorted(stored)
    assert [f[1] for f in lines] == sorted(f[1] for f in lines)


def test_list_deliveries_of_one_day(lines: list[list[str]], demo_db: Path, home: Path) -> None:
    day = lines[-1][1][:10]
    result = run(home, "list", "deliveries", "--db", demo_db, "--date", day)
    assert result.returncode == 0, result.stderr
    got = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert got == [f[0] for f in lines if f[1].startswith(day)]

    bad = run(home, "list", "deliveries", "--db", demo_db, "--date", "2026-02-30")
    assert bad.returncode != 0
    assert "error:" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_print_delivery(
    lines: list[list[str]], demo_db: Path, home: Path, tmp_path: Path, lang: str
) -> None:
    failed = next(f for f in lines if f[2] == "pdi_failed")
    out = tmp_path / "out" / f"{failed[0]}.pdf"
    result = run(
        home, "print", "delivery", failed[0].lower(), "--db", demo_db, "--out", out, "--lang", lang
    )
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    text = squeezed(pdf_text(out))
    assert failed[0] in text
    assert squeezed(failed[4]) in text
    assert ("交车确认单" if lang == "zh_CN" else "Vehicledeliveryrecord") in text
    assert ("客户签字" if lang == "zh_CN" else "Customer'ssignature") in text
    note = query(demo_db, "SELECT note FROM delivery_item WHERE result = 'fail' LIMIT 1")[0][0]
    assert squeezed(note) in text


def test_print_delivery_refuses_unknown_numbers(demo_db: Path, home: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    result = run(home, "print", "delivery", "JC19990101-001", "--db", demo_db, "--out", out)
    refused(result, out)
    assert "JC19990101-001" in result.stderr
    missing = run(home, "print", "delivery", "--db", demo_db, "--out", out)
    refused(missing, out)


def test_export_deliveries(
    lines: list[list[str]], demo_db: Path, home: Path, tmp_path: Path
) -> None:
    db = tmp_path / "copy.sqlite"
    shutil.copy(demo_db, db)
    delivered = query(
        db, "SELECT number, delivered_at FROM delivery WHERE status = 'delivered' ORDER BY number"
    )
    assert delivered
    # a day with deliveries: the planned day of a delivered record (the demo delivers on it)
    day = next(f[1][:10] for f in lines if f[2] == "delivered")
    out = tmp_path / "export"
    result = run(home, "export", "deliveries", "--db", db, "--date", day, "--out", out)
    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()
    csv_path, json_path = Path(printed[0]), Path(printed[1])
    assert csv_path.parent == out and csv_path.suffix == ".csv" and csv_path.exists()
    assert json_path.suffix == ".json" and json_path.exists()
    count = int(re.match(r"(\d+) deliveries", printed[2]).group(1))  # type: ignore[union-attr]
    assert count >= 1
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = raw.decode("utf-8-sig").splitlines()
    assert rows[0] == HEADER
    assert len(rows) == count + 1
    recorded = query(db, "SELECT file_name, rows FROM export_file ORDER BY file_name")
    assert recorded == [(csv_path.name, str(count)), (json_path.name, str(count))]


def test_export_refusals(demo_db: Path, home: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    bad = run(home, "export", "deliveries", "--db", demo_db, "--date", "2026-13-01", "--out", out)
    assert bad.returncode != 0
    assert "error:" in bad.stderr and "YYYY-MM-DD" in bad.stderr
    assert "Traceback" not in bad.stderr + bad.stdout
    missing = tmp_path / "missing.sqlite"
    gone = run(home, "export", "deliveries", "--db", missing, "--date", "2026-11-20", "--out", out)
    assert gone.returncode != 0 and "error:" in gone.stderr
    assert "Traceback" not in gone.stderr
    assert not missing.exists()
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    db = tmp_path / "copy.sqlite"
    shutil.copy(demo_db, db)
    blocked = run(
        home, "export", "deliveries", "--db", db, "--date", "2026-11-20", "--out", blocker / "x"
    )
    assert blocked.returncode != 0 and "error:" in blocked.stderr
    assert "Traceback" not in blocked.stderr
    assert not out.exists()
