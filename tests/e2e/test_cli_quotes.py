"""``list quotes|contracts``, ``print quote|contract|contract-set`` and ``import prices`` as a
person runs them: real subprocesses on a demo database made by the CLI (its sales desk has
quotes in every status and contracts signed, amended, void and in draft)."""

from __future__ import annotations

import hashlib
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.test_cli_appointments import pdf_text, query, refused, run

QUOTE = re.compile(r"BJ\d{8}-[A-HJ-NP-Z2-9]{4}-\d{3}")
CONTRACT = re.compile(r"HT\d{8}-[A-HJ-NP-Z2-9]{4}-\d{3}")
VERSION = re.compile(r"v\d+")
TOTAL = re.compile(r"-?\d{1,3}(,\d{3})*\.\d{2}")
PRICE_HEADER = (
    "kind,code,model_code,brand,series,trim,model_year,name_zh,name_en,price,rate,fuel_type,"
    "seats,engine_cc,band_max,valid_from,valid_to"
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
def quotes(demo_db: Path, home: Path) -> list[list[str]]:
    result = run(home, "list", "quotes", "--db", demo_db)
    assert result.returncode == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def contracts(demo_db: Path, home: Path) -> list[list[str]]:
    result = run(home, "list", "contracts", "--db", demo_db)
    assert result.returncode == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()]


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_list_quotes_number_and_version_first(quotes: list[list[str]], demo_db: Path) -> None:
    assert quotes
    for fields in quotes:
        assert len(fields) == 6
        assert QUOTE.fullmatch(fields[0]), fields
        assert VERSION.fullmatch(fields[1])
        assert fields[2] in {"draft", "sent", "accepted", "expired", "lost"}
        assert TOTAL.fullmatch(fields[5])
    stored = query(
        demo_db,
        "SELECT number, 'v' || version, customer_name, model_name, total_fen FROM quote "
        "WHERE deleted_at IS NULL",
    )
    assert sorted(
        (f[0], f[1], f[3], f[4], str(int(Decimal(f[5].replace(",", "")) * 100))) for f in quotes
    ) == sorted(stored)
    assert {f[2] for f in quotes} >= {"draft", "sent", "accepted", "lost"}
    assert any(f[1] == "v2" for f in quotes)  # a revised quote lists both versions


def test_list_contracts(contracts: list[list[str]], demo_db: Path, home: Path) -> None:
    assert contracts
    for fields in contracts:
        assert len(fields) == 6
        assert CONTRACT.fullmatch(fields[0])
        assert VERSION.fullmatch(fields[1])
        assert TOTAL.fullmatch(fields[5])
    assert {f[2] for f in contracts} >= {"draft", "signed", "void"}
    stored = query(demo_db, "SELECT number, 'v' || version, status, buyer_name FROM contract")
    assert sorted(tuple(f[:4]) for f in contracts) == sorted(stored)
    limited = run(home, "list", "contracts", "--db", demo_db, "--limit", 2)
    assert len(limited.stdout.splitlines()) == 2


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_print_quote(
    quotes: list[list[str]], demo_db: Path, home: Path, tmp_path: Path, lang: str
) -> None:
    number, version, _, customer, _, total = quotes[0]
    out = tmp_path / "quote.pdf"
    result = run(
        home, "print", "quote", number.lower(), "--db", demo_db, "--out", out, "--lang", lang
    )
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    flat = squeezed(pdf_text(out))
    assert number in flat and squeezed(customer) in flat
    assert f"¥{total}" in flat
    if lang == "zh_CN":
        assert "报价单" in flat and "落地价" in flat and "车辆购置税" in flat
    else:
        assert "Totalon-roadprice" in flat and "报价单" not in flat


def test_print_an_older_version_of_a_quote(
    quotes: list[list[str]], demo_db: Path, home: Path, tmp_path: Path
) -> None:
    number = next(f[0] for f in quotes if f[1] == "v2")
    newest, old = tmp_path / "v2.pdf", tmp_path / "v1.pdf"
    assert run(home, "print", "quote", number, "--db", demo_db, "--out", newest).returncode == 0
    result = run(home, "print", "quote", number, "--version", 1, "--db", demo_db, "--out", old)
    assert result.returncode == 0, result.stderr
    assert "第2版" in squeezed(pdf_text(newest))
    assert "第1版" in squeezed(pdf_text(old))

    missing = tmp_path / "v7.pdf"
    result = run(home, "print", "quote", number, "--version", 7, "--db", demo_db, "--out", missing)
    refused(result, missing)
    assert "version 7" in result.stderr
    bad = run(home, "print", "quote", number, "--version", "x", "--db", demo_db, "--out", missing)
    refused(bad, missing)


def test_print_the_signed_contract_gives_the_signed_bytes(
    contracts: list[list[str]], demo_db: Path, home: Path, tmp_path: Path
) -> None:
    number = next(f[0] for f in contracts if f[2] == "signed" and f[1] == "v1")
    (pdf_hash, id_number, buyer) = query(
        demo_db,
        "SELECT pdf_hash, buyer_id_number, buyer_name FROM contract "
        "WHERE number = ? AND version = 1",
        number,
    )[0]
    out = tmp_path / "contract.pdf"
    result = run(home, "print", "contract", number, "--version", 1, "--db", demo_db, "--out", out)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(out.read_bytes()).hexdigest() == pdf_hash
    flat = squeezed(pdf_text(out))
    assert "购车合同" in flat and buyer in flat
    assert id_number in flat  # the full ID number: the contract legally needs it
    pages = PdfReader(out).pages
    assert len(pages) >= 2
    assert f"第1页共{len(pages)}页" in squeezed(pages[0].extract_text())

    # another PC without the kept file renders the frozen content to the very same bytes
    elsewhere = tmp_path / "other-home"
    elsewhere.mkdir()
    again = tmp_path / "again.pdf"
    result = run(
        elsewhere, "print", "contract", number, "--version", 1, "--db", demo_db, "--out", again
    )
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(again.read_bytes()).hexdigest() == pdf_hash


def test_print_the_void_and_the_draft_contracts(
    contracts: list[list[str]], demo_db: Path, home: Path, tmp_path: Path
) -> None:
    void = next(f[0] for f in contracts if f[2] == "void")
    out = tmp_path / "void.pdf"
    assert run(home, "print", "contract", void, "--db", demo_db, "--out", out).returncode == 0
    (reason,) = query(demo_db, "SELECT void_reason FROM contract WHERE number = ?", void)[0]
    flat = squeezed(pdf_text(out))
    assert "作废" in flat and squeezed(reason) in flat
    draft = next(f[0] for f in contracts if f[2] == "draft" and f[1] == "v1")
    out = tmp_path / "draft.pdf"
    assert run(home, "print", "contract", draft, "--db", demo_db, "--out", out).returncode == 0
    # the draft is the paper the buyer signs: it prints clean, without a draft mark
    assert "草稿" not in squeezed(pdf_text(out)) and draft in squeezed(pdf_text(out))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_print_contract_set(
    contracts: list[list[str]], demo_db: Path, home: Path, tmp_path: Path, lang: str
) -> None:
    number = next(f[0] for f in contracts if f[2] == "signed")
    out = tmp_path / "set.pdf"
    result = run(
        home, "print", "contract-set", number, "--db", demo_db, "--out", out, "--lang", lang
    )
    assert result.returncode == 0, result.stderr
    pages = [squeezed(p.extract_text()) for p in PdfReader(out).pages]
    assert len(pages) >= 4
    if lang == "zh_CN":
        assert "购车合同" in pages[0]
        assert "保险确认单" in pages[-2] and "车辆购置税申请表" in pages[-1]
        assert "第1页共1页" in pages[-1]
    else:
        assert "Vehiclepurchasecontract" in pages[0]
        assert "Insuranceconfirmation" in pages[-2]
        assert "Page1of1" in pages[-1]


@pytest.mark.parametrize(
    ("kind", "number", "hint"),
    [
        ("quote", "BJ19990101-AAAA-001", "BJ20261120-EN49-001"),
        ("contract", "nonsense", "HT20261120-EN49-001"),
        ("contract-set", "HT19990101-AAAA-001", "HT20261120-EN49-001"),
    ],
)
def test_print_an_unknown_number(
    demo_db: Path, home: Path, tmp_path: Path, kind: str, number: str, hint: str
) -> None:
    out = tmp_path / "none.pdf"
    result = run(home, "print", kind, number, "--db", demo_db, "--out", out)
    refused(result, out)
    assert hint in result.stderr
    missing = run(home, "print", kind, "--db", demo_db, "--out", out)
    refused(missing, out)
    assert hint in missing.stderr


def test_version_only_for_sales_documents(demo_db: Path, home: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = run(
        home, "print", "delivery", "JC20261120-001", "--version", 2, "--db", demo_db, "--out", out
    )
    refused(result, out)


def test_import_prices(demo_db: Path, home: Path, tmp_path: Path) -> None:
    db = tmp_path / "prices.sqlite"
    shutil.copy(demo_db, db)
    good = tmp_path / "good.csv"
    good.write_text(
        PRICE_HEADER + "\naccessory,ACC-CLI-1,,,,,,车载冰箱,Car fridge,1299.00,,,,,,,\n",
        encoding="utf-8",
    )
    result = run(home, "import", "prices", good, "--db", db)
    assert result.returncode == 0, result.stderr
    assert "1 added, 0 updated, 0 rejected" in result.stdout
    assert query(db, "SELECT price_fen FROM price_item WHERE code = 'ACC-CLI-1'") == [("129900",)]

    again = run(home, "import", "prices", good, "--db", db)
    assert again.returncode == 0
    assert "0 added, 0 updated, 0 rejected" in again.stdout

    mixed = tmp_path / "mixed.csv"
    mixed.write_text(
        PRICE_HEADER
        + "\naccessory,ACC-CLI-1,,,,,,车载冰箱,Car fridge,1199.00,,,,,,,"
        + "\naccessory,ACC-CLI-2,,,,,,坏价格,Bad,abc,,,,,,,"
        + "\noption,OPT-CLI,NOPE-99,,,,,选装,Option,100,,,,,,,\n",
        encoding="utf-8",
    )
    result = run(home, "import", "prices", mixed, "--db", db)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert "0 added, 1 updated, 2 rejected" in lines[0]
    rejected = [line.split("\t") for line in lines[1:]]
    assert [r[:2] for r in rejected] == [["line 3", "ACC-CLI-2"], ["line 4", "OPT-CLI"]]
    assert "abc" in rejected[0][2]
    assert "NOPE-99" in rejected[1][2]

    for bad, data in (
        ("missing.csv", None),
        ("columns.csv", b"a,b\n1,2\n"),
        ("binary.csv", bytes(range(128, 256)) * 4),
    ):
        path = tmp_path / bad
        if data is not None:
            path.write_bytes(data)
        result = run(home, "import", "prices", path, "--db", db)
        assert result.returncode == 2, (bad, result.stdout, result.stderr)
        assert "error:" in result.stderr
        assert "Traceback" not in result.stderr
