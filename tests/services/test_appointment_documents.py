"""Appointment documents: the day sheet, the register in duplicate and the check-in sheet,
rendered from the demo database and read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop_app.domain.appointments import (
    CALL_OUTCOME_LABELS,
    DAMAGE_KINDS,
    INACTIVE,
    STATUS_LABELS,
    TRANSPORT_LABELS,
    WARNING_LIGHTS,
    Appointment,
    CallOutcome,
    CheckIn,
    DamageMark,
    Status,
    WorkItem,
)
from desktop_app.domain.identifiers import format_plate
from desktop_app.domain.staff import Session
from desktop_app.printing.appointments import PartLine, money
from desktop_app.services.appointment_documents import (
    NoSuchAppointment,
    NotCheckedIn,
    checkin_pdf,
    day_sheet_pdf,
    find_appointment,
    parts_lines,
    print_to_folder,
    register_pdf,
)
from desktop_app.services.appointments import AppointmentService
from desktop_app.services.documents import ZH_LABELS, print_document
from desktop_app.services.errors import NotFound, PrintFailed
from desktop_app.storage.appointments import AppointmentRepository, RepairOrder
from desktop_app.storage.db import Database
from tests.conftest import DEMO_TODAY

FEN = Decimal("0.01")
TOMORROW = DEMO_TODAY + dt.timedelta(days=1)


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    return PdfReader(io.BytesIO(pdf))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in read(pdf).pages)


def day_of(db: Database, day: dt.date) -> list[Appointment]:
    start = dt.datetime.combine(day, dt.time())
    return AppointmentRepository(db).between(start, start + dt.timedelta(days=1))


def zh(text: str) -> str:
    return ZH_LABELS[text]


def yuan(amount: Decimal) -> str:
    return f"¥{amount.quantize(FEN, rounding=ROUND_HALF_UP):,.2f}"


def a_booking_for_tomorrow(db: Database, **wanted: Any) -> Appointment:
    """A booked or confirmed appointment of tomorrow with a plate, mileage and last visit, and
    whatever else ``wanted`` asks for (parts=True: has parts; two_jobs=True: two work items)."""
    for a in day_of(db, TOMORROW):
        if a.status not in (Status.BOOKED, Status.CONFIRMED) or not a.plate:
            continue
        if a.mileage_km is None or a.last_visit is None:
            continue
        if wanted.get("parts") and not (a.parts and a.fault and a.remarks):
            continue
        if wanted.get("two_jobs") and len(a.work) < 2:
            continue
        return a
    pytest.fail(f"the demo data has no appointment tomorrow like {wanted}")


def id_number_of(db: Database, customer_id: str | None) -> str:
    row = db.raw.execute("SELECT id_number FROM customer WHERE id = ?", (customer_id,)).fetchone()
    return str(row[0]) if row else ""


def check_in(
    db: Database, advisor: Session, a: Appointment, **changes: Any
) -> tuple[CheckIn, RepairOrder]:
    assert a.id is not None
    checkin = CheckIn(
        mileage_km=(a.mileage_km or 0) + 321,
        fuel_eighths=3,
        warning_lights=["engine", "tyre"],
        valuables="行车记录仪、雨伞",
        damage=[
            DamageMark(0.3, 0.2, "scratch", "左前翼子板划痕约 5 cm"),
            DamageMark(0.72, 0.81, "dent", "右后门凹陷"),
            DamageMark(0.5, 0.35, "chip", "前挡风玻璃石击"),
        ],
        concerns="冷车启动有异响，怠速抖动",
        agreed_work="、".join(w.name for w in a.work),
        estimate=Decimal("490.00"),
        promised_at=a.end + dt.timedelta(minutes=30),
        walkaround_deferred=False,
        covers_on=True,
    )
    for key, value in changes.items():
        setattr(checkin, key, value)
    service = AppointmentService(
        db, advisor, now=lambda: dt.datetime.combine(TOMORROW, dt.time(8, 0))
    )
    order = service.check_in(a.id, checkin)
    return checkin, order


# -- day sheet ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_day_sheet_lists_every_appointment_of_the_day(db: Database, lang: str) -> None:
    appointments = day_of(db, DEMO_TODAY)
    assert len(appointments) > 10

    text = text_of(day_sheet_pdf(db, DEMO_TODAY, lang, by="王建国"))

    for a in appointments:
        assert a.serial in text
        assert format_plate(a.plate) in text
        assert a.customer_name in text
    if lang == "zh_CN":
        for header in (
            "预约排班表",
            "预约号",
            "车牌号",
            "维修内容",
            "服务顾问",
            "维修技师",
            "工位",
        ):
            assert header in text
        assert "Appointment schedule" not in text
    else:
        for header in ("Appointment schedule", "Serial", "Plate", "Repair content", "Technician"):
            assert header in text
        assert "预约排班表" not in text
    assert "王建国" in text


def test_day_sheet_lists_appointments_in_time_order(db: Database) -> None:
    appointments = sorted(day_of(db, DEMO_TODAY), key=lambda a: (a.start, a.serial))

    text = text_of(day_sheet_pdf(db, DEMO_TODAY, "zh_CN"))

    positions = [text.index(a.serial) for a in appointments]
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_day_sheet_shows_the_capacity(db: Database, manager: Session, lang: str) -> None:
    load = AppointmentService(db, manager).day(DEMO_TODAY).load
    active = [a for a in day_of(db, DEMO_TODAY) if a.status not in INACTIVE]
    booked = Decimal(sum(a.labour_minutes for a in active)) / 60
    assert load.booked == booked > 0

    text = text_of(day_sheet_pdf(db, DEMO_TODAY, lang))

    assert f"{booked.quantize(FEN)} h" in text
    assert f"{load.capacity.quantize(FEN)} h" in text
    assert ("已约工时" if lang == "zh_CN" else "Booked") in text
    assert ("可用工时" if lang == "zh_CN" else "Available") in text


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_day_sheet_repeats_the_header_row_and_numbers_the_pages(db: Database, lang: str) -> None:
    reader = read(day_sheet_pdf(db, DEMO_TODAY, lang))
    pages = [page.extract_text() for page in reader.pages]

    assert len(pages) >= 2
    header = "车牌号" if lang == "zh_CN" else "Plate"
    for number, text in enumerate(pages, start=1):
        assert header in text
        if lang == "zh_CN":
            assert f"第 {number} / {len(pages)} 页" in text
        else:
            assert f"Page {number} of {len(pages)}" in text
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)  # landscape


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_day_sheet_statuses_and_transport_are_in_the_documents_language(
    db: Database, lang: str
) -> None:
    day = DEMO_TODAY - dt.timedelta(days=1)
    appointments = day_of(db, day)

    text = text_of(day_sheet_pdf(db, day, lang))

    for a in appointments:
        status, transport = STATUS_LABELS[a.status], TRANSPORT_LABELS[a.transport]
        assert (zh(status) if lang == "zh_CN" else status) in text
        assert (zh(transport) if lang == "zh_CN" else transport) in text


def test_day_sheet_of_a_day_without_appointments_says_so(db: Database) -> None:
    day = DEMO_TODAY + dt.timedelta(days=60)

    reader = read(day_sheet_pdf(db, day, "zh_CN"))

    assert len(reader.pages) == 1
    assert "当天没有预约" in reader.pages[0].extract_text()


# -- register -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "copies"),
    [("zh_CN", ("前台联", "客服联")), ("en", ("Front desk copy", "Customer-care copy"))],
)
def test_register_prints_two_copies_on_one_page(
    db: Database, lang: str, copies: tuple[str, str]
) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None

    reader = read(register_pdf(db, a.id, lang))
    text = reader.pages[0].extract_text()

    assert len(reader.pages) == 1
    assert text.count(a.serial) == 2
    for copy in copies:
        assert text.count(copy) == 1
    assert text.index(copies[0]) < text.index(copies[1])  # front desk on top


def test_register_has_every_field_in_both_copies(db: Database) -> None:
    a = a_booking_for_tomorrow(db, parts=True)
    assert a.id is not None and a.mileage_km is not None and a.last_visit is not None

    text = text_of(register_pdf(db, a.id, "zh_CN", by="王建国"))

    labels = [
        "预约登记表",
        "客户姓名",
        "联系电话",
        "车型",
        "车牌号",
        "里程",
        "上次进站日期",
        "预约状态",
        "预约时间",
        "维修保养或故障内容",
        "维修费用估计",
        "所需配件 / 零件号",
        "电话记录",
        "备注",
        "业务接待",
    ]
    values = [
        a.customer_name,
        a.phone,
        a.model_name,
        format_plate(a.plate),
        f"{a.mileage_km:,} km",
        a.last_visit.isoformat(),
        zh(STATUS_LABELS[a.status]),
        f"{a.start.month} 月 {a.start.day} 日 {a.start:%H} 时 {a.start:%M} 分",
        a.fault,
        yuan(a.estimate),
        a.phone_record,
        a.remarks,
        a.advisor_name,
        *(w.name for w in a.work),
        *(line.strip() for line in a.parts.splitlines() if line.strip()),
    ]
    for expected in labels + values:
        assert text.count(expected) >= 2, expected


def test_register_shows_the_confirmation_calls(db: Database, advisor: Session) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None
    AppointmentService(db, advisor).record_call(a.id, CallOutcome.NO_ANSWER, "下午再打")

    zh_text = text_of(register_pdf(db, a.id, "zh_CN"))
    en_text = text_of(register_pdf(db, a.id, "en"))

    assert zh_text.count("无人接听") == 2 and zh_text.count("下午再打") == 2
    assert en_text.count(CALL_OUTCOME_LABELS[CallOutcome.NO_ANSWER]) == 2


def test_register_shows_part_numbers(db: Database) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None
    a.parts = "机油滤清器 06L115562B\n前刹车片\t5Q0-698-151\n机油 4L"
    with db.write():
        AppointmentRepository(db).update(a, None)

    text = text_of(register_pdf(db, a.id, "en"))

    assert text.count("06L115562B") == 2
    assert text.count("5Q0-698-151") == 2
    assert text.count("Part no.") == 6  # one per part in each copy, room to write the third


def test_parts_lines_split_off_part_numbers() -> None:
    assert parts_lines("机油滤清器 06L115562B\n\n机油 4L\n12V 蓄电池 60Ah\n刹车片 | 5Q0698151") == [
        PartLine("机油滤清器", "06L115562B"),
        PartLine("机油 4L"),
        PartLine("12V 蓄电池 60Ah"),
        PartLine("刹车片", "5Q0698151"),
    ]


# -- check-in sheet -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_checkin_sheet_shows_the_reception_and_the_estimate(
    db: Database, advisor: Session, lang: str
) -> None:
    a = a_booking_for_tomorrow(db, two_jobs=True)
    assert a.id is not None
    checkin, order = check_in(db, advisor, a)
    vin = db.raw.execute("SELECT vin FROM vehicle WHERE id = ?", (a.vehicle_id,)).fetchone()[0]

    text = text_of(checkin_pdf(db, a.id, lang, by="王建国"))

    assert a.serial in text and order.number in text
    assert a.customer_name in text and a.phone in text and vin in text
    assert format_plate(a.plate) in text and a.model_name in text
    assert f"{checkin.mileage_km:,} km" in text
    assert "3/8" in text
    assert checkin.valuables in text and checkin.concerns in text
    label = zh if lang == "zh_CN" else str
    for key in WARNING_LIGHTS:
        assert label(WARNING_LIGHTS[key]) in text
    # the damage legend: number, kind and note of each mark
    for mark in checkin.damage:
        assert label(DAMAGE_KINDS[mark.kind]) in text
        assert mark.note in text
    # labour lines: hours × rate = amount, half-up to the fen, and their total
    labour = [line for line in order.lines if line.kind == "labour"]
    assert len(labour) == len(a.work) >= 2
    total = Decimal(0)
    for line in labour:
        amount = (line.quantity * line.unit_price).quantize(FEN, rounding=ROUND_HALF_UP)
        total += amount
        assert line.description in text
        assert f"{line.quantity.quantize(FEN)}" in text
        assert yuan(line.unit_price) in text
        assert yuan(amount) in text
    assert yuan(total) in text
    assert yuan(checkin.estimate) in text
    assert checkin.promised_at is not None and f"{checkin.promised_at:%Y-%m-%d %H:%M}" in text
    if lang == "zh_CN":
        for words in ("接车检查单", "客户签字", "服务顾问签字", "日期", "四件套", "环车检查"):
            assert words in text
        assert "本人已与服务顾问共同查看车辆" in text
    else:
        for words in ("Vehicle check-in sheet", "Customer signature", "Service advisor", "Date"):
            assert words in text
        assert "confirm its condition" in " ".join(text.split())


def test_checkin_sheet_rounds_each_line_half_up_to_the_fen(db: Database, advisor: Session) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None
    repo = AppointmentRepository(db)
    rules = repo.rules(advisor.site.id)
    repo.save_rules(advisor.site.id, replace(rules, labour_rate=Decimal("280.10")), None)
    a.work = [WorkItem("更换雨刮片", 15, "WB01")]
    with db.write():
        repo.update(a, None)
    check_in(db, advisor, a)

    text = text_of(checkin_pdf(db, a.id, "zh_CN"))

    # 0.25 h × ¥280.10 = 70.025: half-up gives 70.03 (half-even would print 70.02)
    assert "¥70.03" in text
    assert "¥70.02" not in text


def test_checkin_sheet_without_damage_says_none_was_found(db: Database, advisor: Session) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None
    check_in(db, advisor, a, damage=[], walkaround_deferred=True)

    text = text_of(checkin_pdf(db, a.id, "zh_CN"))

    assert "环车检查未发现外观损伤" in text
    assert "客户同意延后" in text


def test_checkin_sheet_is_found_by_serial_or_repair_order_number(
    db: Database, advisor: Session
) -> None:
    a = a_booking_for_tomorrow(db)
    _, order = check_in(db, advisor, a)

    assert find_appointment(db, a.serial).id == a.id
    assert find_appointment(db, order.number).id == a.id
    assert find_appointment(db, order.number.lower()).id == a.id
    by_ro = text_of(print_document(db, "checkin", order.number, "zh_CN"))
    assert a.serial in by_ro and order.number in by_ro


def test_checkin_sheet_of_an_appointment_not_checked_in_is_refused(db: Database) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None

    with pytest.raises(NotCheckedIn) as refused:
        checkin_pdf(db, a.id, "zh_CN")

    assert a.serial in str(refused.value)
    assert "not been checked in" in str(refused.value)


def test_todays_demo_check_ins_print(db: Database) -> None:
    """Every check-in of the demo day prints, on one page each."""
    checked_in = [
        a
        for a in day_of(db, DEMO_TODAY)
        if a.id and AppointmentRepository(db).checkin(a.id) is not None
    ]
    assert checked_in

    for a in checked_in:
        assert a.id is not None
        reader = read(checkin_pdf(db, a.id, "zh_CN"))
        assert len(reader.pages) == 1
        assert a.serial in reader.pages[0].extract_text()


# -- what is never printed, and errors ----------------------------------------------------


def test_the_id_number_is_never_printed(db: Database, advisor: Session) -> None:
    a = next(
        a
        for a in day_of(db, TOMORROW)
        if a.status in (Status.BOOKED, Status.CONFIRMED)
        and len(id_number_of(db, a.customer_id)) == 18
    )
    assert a.id is not None
    id_number = id_number_of(db, a.customer_id)
    check_in(db, advisor, a)

    for pdf in (
        day_sheet_pdf(db, TOMORROW, "zh_CN"),
        register_pdf(db, a.id, "zh_CN"),
        checkin_pdf(db, a.id, "zh_CN"),
        checkin_pdf(db, a.id, "en"),
    ):
        text = text_of(pdf)
        assert a.customer_name in text
        assert id_number not in text
        assert id_number[6:14] not in text  # not even the birth date part
        assert not re.search(r"\d{6}\*+\d{3}[\dX]|\d{3}\*{11}[\dX]{4}", text)


def test_unknown_numbers_are_not_found(db: Database) -> None:
    for number in ("2000-01-01-001", "RO20000101-001", "", "沪A12345"):
        with pytest.raises(NoSuchAppointment):
            find_appointment(db, number)
    with pytest.raises(NotFound):
        register_pdf(db, "no-such-id", "zh_CN")
    with pytest.raises(NotFound):
        print_document(db, "register", "2000-01-01-001", "zh_CN")


def test_every_appointment_label_has_chinese() -> None:
    for table in (STATUS_LABELS, TRANSPORT_LABELS, DAMAGE_KINDS, WARNING_LIGHTS):
        for text in table.values():
            assert text in ZH_LABELS, text
    for text in CALL_OUTCOME_LABELS.values():
        assert text in ZH_LABELS, text
    assert zh("Booked") == "已预约" and zh("Drop-off") == "送修" and zh("Waits") == "等待"


def test_money_is_rounded_half_up_to_the_fen() -> None:
    assert money(Decimal("0.125")) == "¥0.13"
    assert money(Decimal("70.025")) == "¥70.03"
    assert money(Decimal("1234.5")) == "¥1,234.50"


def test_every_character_is_drawn_with_an_embedded_font(db: Database, advisor: Session) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None
    check_in(db, advisor, a)

    for pdf in (
        day_sheet_pdf(db, DEMO_TODAY, "zh_CN"),
        register_pdf(db, a.id, "zh_CN"),
        checkin_pdf(db, a.id, "zh_CN"),
    ):
        for page in read(pdf).pages:
            fonts = page["/Resources"]["/Font"].values()
            for ref in fonts:
                font = ref.get_object()
                for f in [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]:
                    descriptor = f.get("/FontDescriptor")
                    assert descriptor is not None, font["/BaseFont"]
                    assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


# -- print_to_folder ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["day-sheet", "register", "checkin"])
def test_print_to_folder_writes_a_pdf_into_the_folder(
    db: Database, advisor: Session, tmp_path: Path, kind: str
) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None
    if kind == "checkin":
        check_in(db, advisor, a)
    key = TOMORROW.isoformat() if kind == "day-sheet" else a.id
    folder = tmp_path / "prints" / "appointments"  # made when missing

    first = print_to_folder(db, advisor, kind, key, "zh_CN", folder)
    second = print_to_folder(db, advisor, kind, key, "zh_CN", folder)

    assert first.parent == second.parent == folder
    assert first != second  # printed twice: both kept
    assert first.name.startswith(f"{kind}-{key}-") and first.suffix == ".pdf"
    assert sorted(folder.iterdir()) == sorted([first, second])  # no temporary file left
    text = text_of(first.read_bytes())
    assert a.serial in text
    assert advisor.staff.full_name in text


def test_print_to_a_folder_that_cannot_be_made_raises_print_failed(
    db: Database, advisor: Session, tmp_path: Path
) -> None:
    a = a_booking_for_tomorrow(db)
    assert a.id is not None
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the print folder should be")
    before = AppointmentRepository(db).get(a.id)

    for folder in (blocker, blocker / "prints"):
        with pytest.raises(PrintFailed) as failed:
            print_to_folder(db, advisor, "register", a.id, "zh_CN", folder)
        assert str(folder) in str(failed.value)
        assert "print again" in str(failed.value)

    assert blocker.read_text() == "a file where the print folder should be"
    assert AppointmentRepository(db).get(a.id) == before  # the appointment is untouched
