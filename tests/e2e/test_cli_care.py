"""``list care`` and ``print kpi-report`` as a person runs them: real subprocesses on a demo
database made by the CLI (its care tasks generated for today), and the refusals: a month with
no data exits 1, a text that is not a month exits 2, each with its message and no traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.domain.care import KPI_LABELS
from desktop_app.services.auth import AuthService
from desktop_app.services.care import CareService
from desktop_app.services.care_documents import last_complete_month
from desktop_app.storage.db import open_database
from tests.e2e.test_cli_appointments import pdf_text, query, refused, run

KINDS = {
    "delivery_callback",
    "first_maintenance",
    "regular_maintenance",
    "warranty_expiry",
    "insurance_renewal",
    "annual_inspection",
    "birthday",
    "satisfaction",
    "lost_recall",
    "complaint_callback",
}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, home: Path) -> Path:
    """The CLI's demo store, with today's care tasks generated (generation is idempotent, so
    this adds nothing when the demo data made them already)."""
    db_path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run(home, "demo-data", "--db", db_path, "--customers", 300, "--seed", 3)
    assert result.returncode == 0, result.stderr
    db = open_database(db_path)
    try:
        CareService(db, AuthService(db).session_for("care1")).generate(dt.date.today())
    finally:
        db.close()
    return db_path


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    open_database(path).close()
    return path


def open_tasks(db: Path, day: dt.date) -> list[tuple[str, ...]]:
    """What the worklist holds on ``day``, read with plain SQL: type, customer, phone, due."""
    return query(
        db,
        "SELECT t.kind, COALESCE(c.name, ''), COALESCE(c.mobile, ''), t.due FROM care_task t "
        "LEFT JOIN customer c ON c.id = t.customer_id WHERE t.deleted_at IS NULL "
        "AND t.status = 'open' AND t.opens <= ?",
        day.isoformat(),
    )


def test_list_care_prints_the_days_open_tasks(demo_db: Path, home: Path) -> None:
    day = dt.date.today()
    result = run(home, "list", "care", "--db", demo_db, "--date", day.isoformat())
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    assert lines, "the demo store has care tasks today"
    for fields in lines:
        assert len(fields) == 4, fields
        assert fields[0] in KINDS
        dt.date.fromisoformat(fields[3])
    assert sorted(tuple(f) for f in lines) == sorted(open_tasks(demo_db, day))
    dues = [f[3] for f in lines]
    assert dues == sorted(dues)  # soonest due (most overdue) first


def test_list_care_defaults_to_today_and_an_earlier_day_has_fewer(
    demo_db: Path, home: Path
) -> None:
    today = run(home, "list", "care", "--db", demo_db)
    assert today.returncode == 0, today.stderr
    dated = run(home, "list", "care", "--db", demo_db, "--date", dt.date.today().isoformat())
    assert today.stdout == dated.stdout
    earlier_day = dt.date.today() - dt.timedelta(days=60)
    earlier = run(home, "list", "care", "--db", demo_db, "--date", earlier_day.isoformat())
    assert earlier.returncode == 0
    assert sorted(tuple(line.split("\t")) for line in earlier.stdout.splitlines()) == sorted(
        open_tasks(demo_db, earlier_day)
    )
    limited = run(home, "list", "care", "--db", demo_db, "--limit", 2)
    assert len(limited.stdout.splitlines()) == min(2, len(today.stdout.splitlines()))


def test_print_kpi_report(demo_db: Path, home: Path, tmp_path: Path) -> None:
    month = last_complete_month(dt.date.today())
    out = tmp_path / "out" / "kpi.pdf"
    result = run(home, "print", "kpi-report", "--month", month, "--db", demo_db, "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.exists() and f"{out}:" in result.stdout
    text = "".join(pdf_text(out).split())
    assert "客户关怀月度报表" in text
    assert f"{int(month[:4])}年{int(month[5:])}月" in text
    assert "第1页共" in text
    db = open_database(demo_db, read_only=True)
    try:
        figures = CareService(db, AuthService(db).session_for("care1")).kpi_month(month)
    finally:
        db.close()
    for n, key in enumerate(KPI_LABELS, start=1):
        value = getattr(figures, key)
        if value is not None:
            assert f"{value:.1f}" in text, key
        assert f"{n}." in text

    english = tmp_path / "kpi-en.pdf"
    result = run(
        home, "print", "kpi-report", "--month", month, "--db", demo_db, "--out", english,
        "--lang", "en",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = "".join(pdf_text(english).split())
    assert "Customercaremonthlyreport" in text
    assert all("".join(name.split()) in text for name in KPI_LABELS.values())


def test_print_kpi_report_defaults_to_the_last_complete_month(
    demo_db: Path, home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "kpi.pdf"
    result = run(home, "print", "kpi-report", "--db", demo_db, "--out", out)
    assert result.returncode == 0, result.stderr
    month = last_complete_month(dt.date.today())
    assert f"{int(month[:4])}年{int(month[5:])}月" in "".join(pdf_text(out).split())


def test_a_month_with_no_data_exits_1_with_the_reason(
    empty_db: Path, home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "none.pdf"
    result = run(home, "print", "kpi-report", "--month", "2026-10", "--db", empty_db, "--out", out)
    assert result.returncode == 1
    refused(result, out)
    assert "no data for 2026-10" in result.stderr


@pytest.mark.parametrize("bad", ["2026-13", "October", "2026/10"])
def test_a_month_that_is_not_one_exits_2(
    demo_db: Path, home: Path, tmp_path: Path, bad: str
) -> None:
    out = tmp_path / "bad.pdf"
    result = run(home, "print", "kpi-report", "--month", bad, "--db", demo_db, "--out", out)
    assert result.returncode == 2
    refused(result, out)
    assert "is not a month: write it as YYYY-MM" in result.stderr


def test_month_belongs_to_the_kpi_report_only(demo_db: Path, home: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = run(home, "print", "day-sheet", "--month", "2026-10", "--db", demo_db, "--out", out)
    assert result.returncode == 2
    refused(result, out)
    missing = run(home, "print", "kpi-report", "--db", tmp_path / "missing.sqlite", "--out", out)
    assert missing.returncode == 2
    refused(missing, out)
