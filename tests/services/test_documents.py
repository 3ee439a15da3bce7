"""The customer file PDF (客户档案), rendered from a demo customer and read back with pypdf."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop_app.domain.customers import ContactTask, DoNotContact
from desktop_app.domain.identifiers import format_plate, mask_id_number
from desktop_app.domain.staff import Session
from desktop_app.services.customers import CustomerService
from desktop_app.services.documents import customer_file_pdf, print_document
from desktop_app.services.errors import NotFound
from desktop_app.storage.db import Database

TITLES = {"zh_CN": "客户档案", "en": "Customer file"}


def demo_customer(db: Database) -> tuple[str, str, str, str, list[tuple[str, str]]]:
    """(id, name, mobile, id number, [(plate, vin)]) of a demo customer with an ID number and
    at least two vehicles with plates."""
    row = db.raw.execute(
        "SELECT c.id, c.name, c.mobile, c.id_number FROM customer c "
        "JOIN vehicle v ON v.customer_id = c.id AND v.deleted_at IS NULL AND v.plate != '' "
        "WHERE c.deleted_at IS NULL AND length(c.id_number) = 18 "
        "GROUP BY c.id HAVING count(v.id) >= 2 ORDER BY c.created_at LIMIT 1"
    ).fetchone()
    assert row is not None, "the demo data has no customer with an ID number and two vehicles"
    vehicles = db.raw.execute(
        "SELECT plate, vin FROM vehicle WHERE customer_id = ? AND deleted_at IS NULL",
        (row[0],),
    ).fetchall()
    return row[0], row[1], row[2], row[3], [(p, v) for p, v in vehicles]


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    return PdfReader(io.BytesIO(pdf))


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_customer_file_shows_the_customer_and_their_vehicles(db: Database, lang: str) -> None:
    _, name, mobile, id_number, vehicles = demo_customer(db)

    reader = read(customer_file_pdf(db, mobile, lang, by="王建国"))
    text = text_of(reader)

    assert len(reader.pages) >= 1
    assert TITLES[lang] in text
    assert name in text
    assert mobile in text
    assert "王建国" in text
    for plate, vin in vehicles:
        assert format_plate(plate) in text
        assert vin in text


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_customer_file_prints_the_id_number_masked_only(db: Database, lang: str) -> None:
    _, _, mobile, id_number, _ = demo_customer(db)

    text = text_of(read(customer_file_pdf(db, mobile, lang)))

    assert mask_id_number(id_number) in text
    assert re.search(r"\d{3}\*{11}[\dX]{4}", text)
    assert id_number not in text
    assert id_number[3:14] not in text  # not even the birth date part


def test_labels_follow_the_language(db: Database) -> None:
    _, _, mobile, _, _ = demo_customer(db)

    zh = text_of(read(customer_file_pdf(db, mobile, "zh_CN")))
    en = text_of(read(customer_file_pdf(db, mobile, "en")))

    assert "身份证号" in zh and "车架号" in zh and "Customer file" not in zh
    assert "ID number" in en and "VIN" in en and "客户档案" not in en


def test_do_not_contact_is_printed_with_its_reason(db: Database, manager: Session) -> None:
    customer_id, _, mobile, _, _ = demo_customer(db)
    service = CustomerService(db, manager)
    customer = service.open_file(customer_id).customer
    customer.do_not_contact = [DoNotContact(ContactTask.MARKETING, "客户要求不发广告")]
    service.save_customer(customer)

    zh = text_of(read(customer_file_pdf(db, mobile, "zh_CN")))
    en = text_of(read(customer_file_pdf(db, mobile, "en")))

    assert "营销活动" in zh and "客户要求不发广告" in zh
    assert "Marketing" in en and "客户要求不发广告" in en


def test_customer_without_vehicles_says_so(db: Database) -> None:
    mobile = db.raw.execute(
        "SELECT c.mobile FROM customer c WHERE c.deleted_at IS NULL AND NOT EXISTS "
        "(SELECT 1 FROM vehicle v WHERE v.customer_id = c.id AND v.deleted_at IS NULL) LIMIT 1"
    ).fetchone()
    if mobile is None:
        pytest.skip("every demo customer has a vehicle")

    assert "无车辆记录" in text_of(read(customer_file_pdf(db, mobile[0], "zh_CN")))
    en = " ".join(text_of(read(customer_file_pdf(db, mobile[0], "en"))).split())
    assert "No vehicles on file" in en  # the narrow cell may wrap it


def test_mobile_is_found_however_it_is_typed(db: Database) -> None:
    _, name, mobile, _, _ = demo_customer(db)
    typed = f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}"

    assert name in text_of(read(print_document(db, "customer", typed, "zh_CN")))


def test_unknown_mobile_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        customer_file_pdf(db, "00000000000", "zh_CN")


def test_every_character_is_drawn_with_an_embedded_truetype_font(db: Database) -> None:
    _, _, mobile, _, _ = demo_customer(db)
    page = read(customer_file_pdf(db, mobile, "zh_CN")).pages[0]

    embedded: set[str] = set()
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        fonts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
        for f in fonts:
            descriptor = f.get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font["/BaseFont"]))
    assert embedded, "no embedded TrueType font"
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in embedded)  # subset tag

    drawn: list[tuple[str, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip():
            name = str(font["/BaseFont"]) if font is not None else "?"
            drawn.append((text, name))

    page.extract_text(visitor_text=visit)
    assert drawn
    assert {name for _, name in drawn} <= embedded


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_first_page_renders_to_a_png(db: Database, tmp_path: Path) -> None:
    _, _, mobile, _, _ = demo_customer(db)
    pdf_path = tmp_path / "customer.pdf"
    pdf_path.write_bytes(customer_file_pdf(db, mobile, "zh_CN"))
    assert len(PdfReader(pdf_path).pages) >= 1
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")

    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf_path), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )

    pngs = sorted(tmp_path.glob("p*.png"))
    assert len(pngs) == 1
    assert pngs[0].stat().st_size > 5_000
    width, height = png_size(pngs[0])
    # A4 at 60 dpi is 496 x 702 pixels (pdftoppm may round up by one)
    assert abs(width - 210 / 25.4 * 60) <= 1.5
    assert abs(height - 297 / 25.4 * 60) <= 1.5


def test_customer_file_survives_markup_characters_in_user_text(db, advisor):
    from desktop_app.domain.customers import Customer
    from desktop_app.services.customers import CustomerService
    from desktop_app.services.documents import customer_file_pdf

    CustomerService(db, advisor).save_customer(
        Customer(name="A&B <车队>", mobile="13911112222", address="路 <1> & 2号")
    )
    text = PdfReader(io.BytesIO(customer_file_pdf(db, "13911112222", "zh_CN"))).pages[0]
    assert "A&B <车队>" in text.extract_text()
