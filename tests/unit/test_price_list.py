"""Reading head office's price list CSV: every good row kept, every bad row reported with the
line of the file it is on and the reason, in UTF-8 (with or without BOM) or GB18030."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.domain.customers import FuelType
from desktop_app.domain.price_list import (
    COLUMNS,
    ItemKind,
    PriceListUnreadable,
    RejectedRow,
    parse_price_list,
)

HEADER = ",".join(COLUMNS)
DEMO = Path(__file__).resolve().parents[2] / "resources" / "pricelist" / "price-list-2026-11.csv"

# one good row of each kind, in the column order of HEADER
MODEL = (
    "model,LSV-01,,大众,朗逸,1.5L 自动舒适版,2026,朗逸 1.5L 自动舒适版,,119900.00,,petrol,5,1498,,,"
)
BEV = "model,LSV-04,,大众,ID.4 X,纯净智享长续航版,2026,,,199900,,bev,5,,,,"
OPTION = "option,LSV-01-PAINT,LSV-01,,,,,金属漆,Metallic paint,3000.00,,,,,,,"
ACCESSORY = "accessory,ACC-MAT,,,,,,全包围脚垫,Floor mats,800.00,,,,,,,"
INSURANCE = "insurance,INS-DMG,,,,,,机动车损失保险,Own damage,600.00,0.0115,,,,,,"
FEE = "fee,REG,,,,,,上牌服务费,Registration,500.00,,,,,,,"
VESSEL = "vessel_tax,VVT-1600,,,,,,车船税 ≤1600ml,,360.00,,,,,1600,,"
PROMOTION = "promotion,PROMO-1,LSV-01,,,,,双十二直降,Double-12,6000,,,,,,2026-11-01,2026-12-31"


def price_list(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return "\n".join((header, *rows)).encode(encoding) + b"\n"


def only_rejection(data: bytes) -> RejectedRow:
    good, bad = parse_price_list(data)
    assert len(bad) == 1, bad
    return bad[0]


def test_one_row_of_each_kind_is_read_with_its_values() -> None:
    good, bad = parse_price_list(
        price_list(MODEL, BEV, OPTION, ACCESSORY, INSURANCE, FEE, VESSEL, PROMOTION)
    )
    assert bad == []
    assert [r.kind for r in good] == [
        ItemKind.MODEL,
        ItemKind.MODEL,
        ItemKind.OPTION,
        ItemKind.ACCESSORY,
        ItemKind.INSURANCE,
        ItemKind.FEE,
        ItemKind.VESSEL_TAX,
        ItemKind.PROMOTION,
    ]
    model, bev, option, _acc, cover, _fee, band, promo = good
    assert (model.brand, model.series, model.trim, model.model_year) == (
        "大众",
        "朗逸",
        "1.5L 自动舒适版",
        2026,
    )
    assert (model.price, model.fuel_type, model.seats, model.engine_cc) == (
        Decimal("119900.00"),
        FuelType.PETROL,
        5,
        1498,
    )
    assert bev.name_zh == "ID.4 X 纯净智享长续航版"  # a model without a name gets series + trim
    assert bev.engine_cc is None and bev.fuel_type is FuelType.BEV
    assert (option.model_code, option.name_en, option.price) == (
        "LSV-01",
        "Metallic paint",
        Decimal("3000.00"),
    )
    assert cover.rate == Decimal("0.0115")
    assert band.band_max == 1600
    assert (promo.valid_from, promo.valid_to) == (dt.date(2026, 11, 1), dt.date(2026, 12, 31))
    # line numbers are the file's: the header is line 1
    assert [r.line for r in good] == list(range(2, 10))


def test_the_demo_price_list_reads_without_a_rejection() -> None:
    good, bad = parse_price_list(DEMO.read_bytes())
    assert bad == []
    kinds = [r.kind for r in good]
    assert len(good) == len(DEMO.read_text(encoding="utf-8").splitlines()) - 1
    assert kinds.count(ItemKind.MODEL) == 20
    assert kinds.count(ItemKind.PROMOTION) == 5


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("car,X-1,,,,,,车,,100,,,,,,,", "kind", "car"),
        ("accessory,ACC-X,,,,,,,Floor mats,800,,,,,,,", "name_zh", "name_zh"),
        ("accessory,ACC-X,,,,,,脚垫,,-800,,,,,,,", "price", "-800"),
        ("accessory,ACC-X,,,,,,脚垫,,八百,,,,,,,", "price", "八百"),
        ("accessory,ACC-X,,,,,,脚垫,,,,,,,,,", "price", "price"),
        ("accessory,ACC-X,,,,,,脚垫,,30000000,,,,,,,", "price", "30,000,000.00"),
        ("accessory,,,,,,,脚垫,,800,,,,,,,", "code", "code"),
        ("insurance,INS-X,,,,,,险,,600,0.5,,,,,,", "rate", "0.5"),
        ("promotion,P-1,,,,,,直降,,6000,,,,,,2026-13-01,2026-12-31", "valid_from", "2026-13-01"),
        ("promotion,P-1,,,,,,直降,,6000,,,,,,2026-11-01,31.12.2026", "valid_to", "31.12.2026"),
        ("promotion,P-1,,,,,,直降,,6000,,,,,,2026-12-01,2026-11-01", "valid_to", "ends"),
        ("promotion,P-1,,,,,,直降,,6000,,,,,,,", "valid_from", "valid_from"),
        ("promotion,P-1,,,,,,直降,,6000,,,,,,2026-11-01,", "valid_from", "valid_to"),
        ("model,M-1,,大众,朗逸,舒适版,2026,,,119900,,petrol,5,,,,", "engine_cc", "engine_cc"),
        ("model,M-1,,大众,朗逸,舒适版,2026,,,119900,,diesel,5,0,,,", "engine_cc", "engine_cc"),
        ("model,M-1,,大众,朗逸,舒适版,2026,,,119900,,steam,5,1498,,,", "fuel_type", "steam"),
        ("model,M-1,,大众,朗逸,舒适版,2026,,,0,,petrol,5,1498,,,", "price", "guide price"),
        ("model,M-1,,大众,,舒适版,2026,,,119900,,petrol,5,1498,,,", "series", "series"),
        ("model,M-1,,大众,朗逸,舒适版,2026,,,119900,,petrol,,1498,,,", "seats", "seats"),
        ("model,M-1,,大众,朗逸,舒适版,2026,,,119900,,petrol,61,1498,,,", "seats", "61"),
        ("model,M-1,,大众,朗逸,舒适版,26款,,,119900,,petrol,5,1498,,,", "model_year", "26款"),
        ("vessel_tax,V-1,,,,,,车船税,,360,,,,,1.6L,,", "band_max", "1.6L"),
    ],
)
def test_a_bad_row_is_reported_with_its_field_and_reason_and_the_others_kept(
    row: str, field: str, words: str
) -> None:
    data = price_list(ACCESSORY, row, FEE)
    good, bad = parse_price_list(data)
    assert [r.code for r in good] == ["ACC-MAT", "REG"]
    [rejected] = bad
    assert rejected.line == 3
    assert rejected.error.field == field
    assert words in str(rejected.error)


def test_a_hybrid_and_an_nev_need_no_engine_size() -> None:
    good, bad = parse_price_list(
        price_list(
            "model,H-1,,丰田,凯美瑞,双擎,2026,,,219800,,hev,5,,,,",
            "model,E-1,,理想,L7,Pro,2026,,,319800,,erev,5,,,,",
        )
    )
    assert bad == [] and [r.engine_cc for r in good] == [None, None]


def test_a_code_used_twice_names_the_first_line_and_keeps_the_first_row() -> None:
    data = price_list(ACCESSORY, FEE, ACCESSORY.replace("800.00", "900.00"))
    good, bad = parse_price_list(data)
    assert [(r.code, r.price) for r in good] == [
        ("ACC-MAT", Decimal("800.00")),
        ("REG", Decimal("500.00")),
    ]
    [dup] = bad
    assert (dup.line, dup.code, dup.error.field) == (4, "ACC-MAT", "code")
    assert "first on line 2" in str(dup.error)


def test_the_same_code_under_two_kinds_is_not_a_duplicate() -> None:
    good, bad = parse_price_list(price_list(FEE, "accessory,REG,,,,,,牌照框,,100,,,,,,,"))
    assert bad == [] and len(good) == 2


def test_blank_lines_are_skipped_and_line_numbers_stay_the_files() -> None:
    data = price_list("", ACCESSORY, "", ",,,,,,,,,,,,,,,,", "   ", "car,X,,,,,,x,,1,,,,,,,", FEE)
    good, bad = parse_price_list(data)
    assert [(r.code, r.line) for r in good] == [("ACC-MAT", 3), ("REG", 8)]
    assert [(r.line, r.error.field) for r in bad] == [(7, "kind")]


def test_a_bom_and_windows_line_ends_are_understood() -> None:
    data = b"\xef\xbb\xbf" + price_list(ACCESSORY, "car,X,,,,,,x,,1,,,,,,,").replace(b"\n", b"\r\n")
    good, bad = parse_price_list(data)
    assert [r.code for r in good] == ["ACC-MAT"]
    assert [r.line for r in bad] == [3]


def test_a_gb18030_file_from_excel_is_read_in_chinese() -> None:
    data = price_list(MODEL, OPTION, VESSEL, encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    good, bad = parse_price_list(data)
    assert bad == []
    assert [r.name_zh for r in good] == ["朗逸 1.5L 自动舒适版", "金属漆", "车船税 ≤1600ml"]
    assert good[0].brand == "大众"


def test_header_names_are_matched_whatever_their_case_spacing_or_order() -> None:
    header = " Price , CODE,Name_ZH,kind "
    good, bad = parse_price_list(price_list("800,ACC-MAT,脚垫,accessory", header=header))
    assert bad == []
    assert [(r.kind, r.code, r.name_zh, r.price) for r in good] == [
        (ItemKind.ACCESSORY, "ACC-MAT", "脚垫", Decimal("800.00"))
    ]


@pytest.mark.parametrize("column", ["kind", "code", "name_zh", "price"])
def test_a_missing_required_column_makes_the_file_unreadable(column: str) -> None:
    header = ",".join(c for c in COLUMNS if c != column)
    with pytest.raises(PriceListUnreadable) as caught:
        parse_price_list(price_list(header=header))
    assert caught.value.params["column"] == column
    assert column in str(caught.value)


def test_a_file_that_is_not_text_is_unreadable() -> None:
    with pytest.raises(PriceListUnreadable):
        parse_price_list(b"PK\x03\x04" + bytes(range(256)) * 4)
    with pytest.raises(PriceListUnreadable):
        parse_price_list(b"")


def test_amounts_with_thousands_separators_are_read_and_rounded_to_the_fen() -> None:
    good, bad = parse_price_list(price_list('accessory,ACC-X,,,,,,脚垫,,"1,234.565",,,,,,,'))
    assert bad == []
    assert good[0].price == Decimal("1234.57")


def test_a_bad_row_in_a_long_file_keeps_its_own_line_number() -> None:
    rows = [f"accessory,ACC-{n:03d},,,,,,精品{n},,{100 + n},,,,,,," for n in range(200)]
    rows[149] = "accessory,ACC-149,,,,,,精品,,-5,,,,,,,"
    good, bad = parse_price_list(price_list(*rows))
    assert len(good) == 199
    assert [(r.line, r.code) for r in bad] == [(151, "ACC-149")]


def test_a_row_with_a_name_on_two_lines_is_reported_at_the_line_it_starts() -> None:
    data = price_list(
        'accessory,ACC-A,,,,,,"脚垫\n（两行）",,800,,,,,,,',
        'accessory,ACC-B,,,,,,"坏行\n第二行",,-1,,,,,,,',
    )
    good, bad = parse_price_list(data)
    assert [(r.code, r.line) for r in good] == [("ACC-A", 2)]
    assert [(r.code, r.line) for r in bad] == [("ACC-B", 4)]
