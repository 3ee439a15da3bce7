"""The delivery record PDF (交车确认单) read back with pypdf, old records printing their own
template version, printing into a folder, and the manufacturer's export files."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.domain.deliveries import ItemResult
from desktop_app.domain.identifiers import format_plate, mask_id_number
from desktop_app.printing.delivery import RecordQr
from desktop_app.services.deliveries import DeliveryService
from desktop_app.services.delivery_documents import (
    NoSuchDelivery,
    delivery_pdf,
    export_deliveries,
    find_delivery,
    print_by_number,
    print_delivery,
)
from desktop_app.services.errors import PrintFailed
from desktop_app.storage.db import Database
from desktop_app.storage.deliveries import Delivery, DeliveryRepository
from desktop_app.storage.repositories import SiteRepository
from tests.conftest import DEMO_TODAY, session_as

DELIVERED = "JC20261120-001"  # the demo's delivery today at 09:00
FAILED = "JC20261120-003"  # PDI failed: the second item, with a note
FAILED_NOTE = "右前门下沿有约 3 cm 划痕"
HEADER = (
    "customer_name,phone,address,birthday,id_number,vin,model,delivery_date,"
    "sales_consultant,dealer_code,record_number"
)


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def squeezed(text: str) -> str:
    """Text without whitespace: pypdf splits lines where the table wraps them."""
    return "".join(text.split())


def record(db: Database, number: str) -> Delivery:
    d = DeliveryRepository(db).get(find_delivery(db, number))
    assert d is not None
    return d


def service(
    db: Database, user: str = "delivery1", at: dt.datetime | None = None
) -> DeliveryService:
    clock = at or dt.datetime.combine(DEMO_TODAY, dt.time(11))
    return DeliveryService(db, session_as(db, user), Path("/nonexistent"), now=lambda: clock)


def test_the_zh_record_says_everything_the_customer_signs(db: Database) -> None:
    d = record(db, DELIVERED)
    data = print_by_number(db, DELIVERED.lower(), "zh_CN", "王经理")
    text = text_of(data)
    flat = squeezed(text)
    assert data.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(data)).pages) <= 2
    for expected in (
        "交车确认单",
        DELIVERED,
        d.customer_name,
        format_plate(d.plate),
        d.vin,
        d.engine_no,
        "PDI-STD",
        "第1版",
        "客户签字",
        "交车专员签字",
        "本人确认收到该车辆",
        "已交车",
    ):
        assert squeezed(expected) in flat, expected
    for item in d.items:
        assert item.code in text
    for doc in d.documents:
        assert squeezed(doc.text_zh) in flat
    minutes = int((d.explanation or dt.timedelta()).total_seconds() // 60)
    assert minutes >= 30
    assert f"{minutes}分钟" in flat
    assert "不足" not in flat  # no warning for a full explanation
    assert f"合格{len(d.items)}" in flat


def test_the_failed_item_prints_with_its_note(db: Database) -> None:
    d = record(db, FAILED)
    failed = [i for i in d.items if i.result == ItemResult.FAIL]
    assert len(failed) == 1
    flat = squeezed(text_of(print_by_number(db, FAILED, "zh_CN")))
    assert failed[0].code in flat
    assert "不合格" in flat
    assert squeezed(FAILED_NOTE) in flat
    assert "不合格1" in flat
    assert "技师尚未签字确认" in flat
    assert "未计时" in flat


def test_the_english_record(db: Database) -> None:
    d = record(db, FAILED)
    data = print_by_number(db, FAILED, "en", "Manager")
    flat = squeezed(text_of(data))
    for expected in (
        "Vehicle delivery record",
        FAILED,
        d.customer_name,
        d.vin,
        "Checklist PDI-STD version 1",
        "Customer's signature",
        "Delivery specialist's signature",
        "1 fail",
        d.items[0].text_en,
        "Vehicle sales invoice",
    ):
        assert squeezed(expected) in flat, expected


def test_every_font_is_embedded_and_the_qr_code_is_drawn(db: Database) -> None:
    data = print_by_number(db, DELIVERED, "zh_CN")
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            assert "Helvetica" not in str(font["/BaseFont"])
            descendants = font.get("/DescendantFonts")
            descriptor = (
                descendants[0].get_object()["/FontDescriptor"]
                if descendants
                else font["/FontDescriptor"]
            )
            assert any(k in descriptor for k in ("/FontFile2", "/FontFile", "/FontFile3"))
    # the QR code: its modules are drawn as filled rectangles on the first page
    content = reader.pages[0].get_contents()
    assert content is not None
    assert content.get_data().count(b" re") > 100
    qr = RecordQr(DELIVERED)
    assert qr.value == DELIVERED
    size = len(qr.modules)
    assert size >= 21 and all(len(row) == size for row in qr.modules)
    for top, left in ((0, 0), (0, size - 7), (size - 7, 0)):  # the three finder squares
        ring = [qr.modules[top][left + k] for k in range(7)]
        ring += [qr.modules[top + 6][left + k] for k in range(7)]
        assert all(ring)
        assert qr.modules[top + 3][left + 3]  # the dark centre
        assert not qr.modules[top + 1][left + 1]  # the light ring


def test_reinspection_and_a_short_explanation_accepted_by_the_manager(db: Database) -> None:
    did = find_delivery(db, FAILED)
    d = record(db, FAILED)
    code = next(i.code for i in d.items if i.result == ItemResult.FAIL)
    at = dt.datetime.combine(DEMO_TODAY, dt.time(14))
    s = service(db, at=at)
    s.set_item(did, code, ItemResult.PASS, "已抛光处理")
    s.start_explanation(did)
    s.now = lambda: at + dt.timedelta(minutes=18)
    s.stop_explanation(did)
    manager = service(db, "manager", at)
    manager.accept_short_explanation(did, "客户赶航班，已约定三天后回店补讲")

    flat = squeezed(text_of(delivery_pdf(db, did, "zh_CN")))
    assert "合格（复检）" in flat
    assert "已抛光处理" in flat
    assert "18分钟" in flat
    assert "讲解时长不足30分钟" in flat
    assert "客户赶航班，已约定三天后回店补讲" in flat
    en = squeezed(text_of(delivery_pdf(db, did, "en")))
    assert "(re-inspected)" in en
    assert "lessthan30minutes" in en


def test_an_old_record_prints_its_template_version_after_the_template_changes(
    db: Database,
) -> None:
    d = record(db, DELIVERED)
    first = d.items[0]
    before = squeezed(text_of(print_by_number(db, DELIVERED, "zh_CN")))
    assert squeezed(first.text_zh) in before

    manager = service(db, "manager")
    body = json.loads(manager.export_template("PDI-STD", 1))
    body["version"] = 2
    body["items"][0]["zh"] = "车身漆面第二版检查要求"
    body["items"][0]["en"] = "Paint inspection, second edition"
    manager.import_template(json.dumps(body, ensure_ascii=False))

    after = squeezed(text_of(print_by_number(db, DELIVERED, "zh_CN")))
    assert squeezed(first.text_zh) in after
    assert "第二版检查要求" not in after
    assert "PDI-STD第1版" in after

    # a delivery planned now uses version 2 and prints its texts
    vehicle = db.raw.execute(
        "SELECT customer_id, id FROM vehicle WHERE plate != '' AND id NOT IN "
        "(SELECT vehicle_id FROM delivery) ORDER BY rowid LIMIT 1"
    ).fetchone()
    planned = service(db).plan(vehicle[0], vehicle[1], dt.datetime.combine(DEMO_TODAY, dt.time(16)))
    assert planned.template_version == 2
    new = squeezed(text_of(delivery_pdf(db, planned.id or "", "zh_CN")))
    assert "第二版检查要求" in new
    assert "PDI-STD第2版" in new
    assert "Paintinspection,secondedition" in squeezed(
        text_of(delivery_pdf(db, planned.id or "", "en"))
    )


def test_unknown_numbers_are_refused_in_words(db: Database) -> None:
    with pytest.raises(NoSuchDelivery) as refused:
        print_by_number(db, "JC20991231-999", "zh_CN")
    assert "JC20991231-999" in str(refused.value)
    assert "JC20261120-001" in str(refused.value)  # says what a number looks like


def test_print_delivery_writes_the_pdf_into_the_folder(db: Database, tmp_path: Path) -> None:
    session = session_as(db, "delivery1")
    did = find_delivery(db, DELIVERED)
    first = print_delivery(db, session, did, "zh_CN", tmp_path / "prints")
    second = print_delivery(db, session, did, "en", tmp_path / "prints")
    assert first != second
    assert first.name.startswith(f"delivery-{DELIVERED}-")
    assert first.read_bytes().startswith(b"%PDF")
    assert session.staff.full_name in squeezed(text_of(first.read_bytes()))
    assert not list((tmp_path / "prints").glob("*.part"))

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(PrintFailed) as failed:
        print_delivery(db, session, did, "zh_CN", blocker / "sub")
    assert str(blocker / "sub") in str(failed.value)


def delivered_on(db: Database, day: dt.date) -> list[str]:
    return [d.number for d in DeliveryRepository(db).delivered_on(day)]


def test_the_manufacturer_export(db: Database, tmp_path: Path) -> None:
    day = DEMO_TODAY - dt.timedelta(days=1)
    numbers = delivered_on(db, day)
    assert len(numbers) == 2
    first = record(db, numbers[0])
    db.raw.execute(
        "UPDATE customer SET id_number = ? WHERE id = ?", ("310101199001011234", first.customer_id)
    )

    result = export_deliveries(db, day, tmp_path / "out")
    assert result.rows == 2
    raw = result.csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0] == HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["record_number"] for r in rows] == numbers
    assert rows[0]["customer_name"] == first.customer_name  # Chinese reads back as Chinese
    assert rows[0]["model"] == first.model_name
    assert rows[0]["id_number"] == mask_id_number("310101199001011234") == "310***********1234"
    assert "310101199001011234" not in text
    assert {r["delivery_date"] for r in rows} == {day.isoformat()}
    site = SiteRepository(db).current()
    assert site is not None
    assert {r["dealer_code"] for r in rows} == {site.code}

    body = json.loads(result.json.read_bytes().decode("utf-8"))
    assert body["date"] == day.isoformat()
    assert body["due"] == f"{DEMO_TODAY.isoformat()}T09:30"
    assert body["deliveries"] == rows

    recorded = db.raw.execute(
        "SELECT file_name, sha256, rows, kind, day FROM export_file ORDER BY file_name"
    ).fetchall()
    assert [(r[0], r[2], r[3], r[4]) for r in recorded] == [
        (result.csv.name, 2, "deliveries", day.isoformat()),
        (result.json.name, 2, "deliveries", day.isoformat()),
    ]
    assert recorded[0][1] == hashlib.sha256(result.csv.read_bytes()).hexdigest()
    assert recorded[1][1] == hashlib.sha256(result.json.read_bytes()).hexdigest()


def test_an_export_to_an_impossible_folder_is_refused(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(PrintFailed):
        export_deliveries(db, DEMO_TODAY, blocker / "out")
    assert db.raw.execute("SELECT count(*) FROM export_file").fetchone()[0] == 0
