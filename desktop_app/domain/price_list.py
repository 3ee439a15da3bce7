"""The price list (价格表) as head office sends it: one CSV file, one row per priced thing.

Columns (header required, order free, UTF-8 with or without BOM)::

    kind,code,model_code,brand,series,trim,model_year,name_zh,name_en,price,rate,
    fuel_type,seats,engine_cc,band_max,valid_from,valid_to

``kind`` is one of ``model`` (a trim with its guide price), ``option`` (选装), ``accessory``
(精品), ``insurance`` (a commercial cover: ``price`` + ``rate`` × selling price), ``fee``
(``REG`` registration service, ``FIN`` finance service), ``vessel_tax`` (annual tax for engines
up to ``band_max`` cc) and ``promotion`` (a published discount of ``price`` yuan, valid
``valid_from``..``valid_to``). Each row is checked on its own; a bad row is reported with its
line number and reason and never stops the good rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from .customers import FuelType
from .errors import DomainError, ValidationError
from .i18n import QT_TRANSLATE_NOOP
from .quotes import MAX_PRICE, fen, money_text


class ItemKind(StrEnum):
    MODEL = "model"
    OPTION = "option"
    ACCESSORY = "accessory"
    INSURANCE = "insurance"
    FEE = "fee"
    VESSEL_TAX = "vessel_tax"
    PROMOTION = "promotion"


ITEM_KIND_LABELS: dict[ItemKind, str] = {
    ItemKind.MODEL: QT_TRANSLATE_NOOP("Labels", "Model and trim"),
    ItemKind.OPTION: QT_TRANSLATE_NOOP("Labels", "Option"),
    ItemKind.ACCESSORY: QT_TRANSLATE_NOOP("Labels", "Accessory"),
    ItemKind.INSURANCE: QT_TRANSLATE_NOOP("Labels", "Insurance cover"),
    ItemKind.FEE: QT_TRANSLATE_NOOP("Labels", "Fee"),
    ItemKind.VESSEL_TAX: QT_TRANSLATE_NOOP("Labels", "Vehicle and vessel tax band"),
    ItemKind.PROMOTION: QT_TRANSLATE_NOOP("Labels", "Promotion"),
}

FEE_REGISTRATION = "REG"
FEE_FINANCE = "FIN"

COLUMNS = (
    "kind",
    "code",
    "model_code",
    "brand",
    "series",
    "trim",
    "model_year",
    "name_zh",
    "name_en",
    "price",
    "rate",
    "fuel_type",
    "seats",
    "engine_cc",
    "band_max",
    "valid_from",
    "valid_to",
)
REQUIRED_COLUMNS = ("kind", "code", "name_zh", "price")


@dataclass(frozen=True)
class PriceRow:
    """One accepted row of the price list."""

    line: int
    kind: ItemKind
    code: str
    name_zh: str
    name_en: str
    price: Decimal
    model_code: str = ""
    rate: Decimal = Decimal(0)
    band_max: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    # kind == model only
    brand: str = ""
    series: str = ""
    trim: str = ""
    model_year: int | None = None
    fuel_type: FuelType | None = None
    seats: int | None = None
    engine_cc: int | None = None


@dataclass(frozen=True)
class RejectedRow:
    line: int
    code: str
    error: DomainError


class PriceListUnreadable(DomainError):
    pass


def _bad(field: str, template: str, **params: str) -> ValidationError:
    return ValidationError(template, field=field, **params)


def _int(row: dict[str, str], name: str, low: int, high: int, required: bool) -> int | None:
    text = (row.get(name) or "").strip()
    if not text:
        if required:
            raise _bad(
                name, QT_TRANSLATE_NOOP("Messages", "Column {column} is empty."), column=name
            )
        return None
    try:
        value = int(text)
    except ValueError:
        raise _bad(
            name,
            QT_TRANSLATE_NOOP("Messages", "Column {column}: “{text}” is not a whole number."),
            column=name,
            text=text,
        ) from None
    if not low <= value <= high:
        raise _bad(
            name,
            QT_TRANSLATE_NOOP("Messages", "Column {column}: {value} is outside {low}..{high}."),
            column=name,
            value=str(value),
            low=str(low),
            high=str(high),
        )
    return value


def _date(row: dict[str, str], name: str) -> dt.date | None:
    text = (row.get(name) or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.replace("/", "-"))
    except ValueError:
        raise _bad(
            name,
            QT_TRANSLATE_NOOP("Messages", "Column {column}: “{text}” is not a date (YYYY-MM-DD)."),
            column=name,
            text=text,
        ) from None


def _money(row: dict[str, str], name: str) -> Decimal:
    text = (row.get(name) or "").strip().replace(",", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise _bad(
            name,
            QT_TRANSLATE_NOOP("Messages", "Column {column}: “{text}” is not an amount."),
            column=name,
            text=text,
        ) from None
    if not value.is_finite() or value < 0:
        raise _bad(
            name,
            QT_TRANSLATE_NOOP(
                "Messages", "Column {column}: “{text}” is negative or not an amount."
            ),
            column=name,
            text=text,
        )
    if value > MAX_PRICE:
        raise _bad(
            name,
            QT_TRANSLATE_NOOP(
                "Messages", "¥{amount} is not a plausible amount here (the limit is ¥{limit})."
            ),
            amount=money_text(value),
            limit=money_text(MAX_PRICE),
        )
    return fen(value)


def parse_row(line: int, row: dict[str, str]) -> PriceRow:
    kind_text = (row.get("kind") or "").strip().lower()
    try:
        kind = ItemKind(kind_text)
    except ValueError:
        raise _bad(
            "kind",
            QT_TRANSLATE_NOOP("Messages", "Unknown kind “{text}” (expected one of {known})."),
            text=kind_text,
            known=", ".join(k.value for k in ItemKind),
        ) from None
    code = (row.get("code") or "").strip()
    if not code or len(code) > 40:
        raise _bad(
            "code", QT_TRANSLATE_NOOP("Messages", "The code is empty or longer than 40 characters.")
        )
    name_zh = (row.get("name_zh") or "").strip()
    price = _money(row, "price")
    rate_text = (row.get("rate") or "").strip() or "0"
    try:
        rate = Decimal(rate_text)
    except InvalidOperation:
        rate = Decimal(-1)
    if not rate.is_finite() or not Decimal(0) <= rate <= Decimal("0.2"):
        raise _bad(
            "rate",
            QT_TRANSLATE_NOOP(
                "Messages", "Column {column}: “{text}” must be a fraction between 0 and 0.2."
            ),
            column="rate",
            text=rate_text,
        )
    common = {
        "line": line,
        "kind": kind,
        "code": code,
        "name_en": (row.get("name_en") or "").strip(),
        "price": price,
        "model_code": (row.get("model_code") or "").strip(),
        "rate": rate,
        "valid_from": _date(row, "valid_from"),
        "valid_to": _date(row, "valid_to"),
    }
    valid_from, valid_to = common["valid_from"], common["valid_to"]
    if isinstance(valid_from, dt.date) and isinstance(valid_to, dt.date) and valid_to < valid_from:
        raise _bad(
            "valid_to",
            QT_TRANSLATE_NOOP("Messages", "The promotion ends before it starts."),
        )
    if kind is ItemKind.MODEL:
        brand = (row.get("brand") or "").strip()
        series = (row.get("series") or "").strip()
        trim = (row.get("trim") or "").strip()
        for name, value in (("brand", brand), ("series", series), ("trim", trim)):
            if not value:
                raise _bad(
                    name, QT_TRANSLATE_NOOP("Messages", "Column {column} is empty."), column=name
                )
        if price <= 0:
            raise _bad(
                "price",
                QT_TRANSLATE_NOOP("Messages", "A model needs a guide price above zero."),
            )
        fuel_text = (row.get("fuel_type") or "").strip().lower()
        try:
            fuel = FuelType(fuel_text)
        except ValueError:
            raise _bad(
                "fuel_type",
                QT_TRANSLATE_NOOP(
                    "Messages", "Unknown fuel type “{text}” (expected one of {known})."
                ),
                text=fuel_text,
                known=", ".join(f.value for f in FuelType),
            ) from None
        seats = _int(row, "seats", 1, 60, True)
        engine_cc = _int(row, "engine_cc", 0, 10_000, False)
        if not fuel.is_nev and fuel is not FuelType.HEV and not engine_cc:
            raise _bad(
                "engine_cc",
                QT_TRANSLATE_NOOP(
                    "Messages", "A petrol or diesel model needs its engine size (engine_cc)."
                ),
            )
        return PriceRow(
            name_zh=name_zh or f"{series} {trim}",
            brand=brand,
            series=series,
            trim=trim,
            model_year=_int(row, "model_year", 1990, 2100, False),
            fuel_type=fuel,
            seats=seats,
            engine_cc=engine_cc,
            **common,  # type: ignore[arg-type]
        )
    if not name_zh:
        raise _bad(
            "name_zh", QT_TRANSLATE_NOOP("Messages", "Column {column} is empty."), column="name_zh"
        )
    band_max = None
    if kind is ItemKind.VESSEL_TAX:
        band_max = _int(row, "band_max", 1, 100_000, False)
    if kind is ItemKind.PROMOTION and (valid_from is None or valid_to is None):
        raise _bad(
            "valid_from",
            QT_TRANSLATE_NOOP(
                "Messages", "A promotion needs valid_from and valid_to (published dates)."
            ),
        )
    return PriceRow(name_zh=name_zh, band_max=band_max, **common)  # type: ignore[arg-type]


def parse_price_list(data: bytes) -> tuple[list[PriceRow], list[RejectedRow]]:
    """Every good row, and every bad row with its line number and reason."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise PriceListUnreadable(
                QT_TRANSLATE_NOOP(
                    "Messages", "The price list is not a text file (UTF-8 or GB18030 CSV)."
                )
            ) from None
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise PriceListUnreadable(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The price list has no column {column}. The first line must name the columns: "
                "{columns}.",
            ),
            column=missing[0],
            columns=",".join(COLUMNS),
        )
    good: list[PriceRow] = []
    bad: list[RejectedRow] = []
    seen: dict[tuple[ItemKind, str], int] = {}
    model_codes: set[str] = set()
    last_line = reader.line_num
    for cells in reader:
        line = last_line + 1  # where the row starts, also when a quoted cell spans lines
        last_line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header) if name}
        try:
            parsed = parse_row(line, row)
        except DomainError as error:
            bad.append(RejectedRow(line, (row.get("code") or "").strip(), error))
            continue
        key = (parsed.kind, parsed.code)
        if key in seen:
            bad.append(
                RejectedRow(
                    line,
                    parsed.code,
                    _bad(
                        "code",
                        QT_TRANSLATE_NOOP(
                            "Messages", "The code {code} appears twice (first on line {first})."
                        ),
                        code=parsed.code,
                        first=str(seen[key]),
                    ),
                )
            )
            continue
        seen[key] = line
        if parsed.kind is ItemKind.MODEL:
            model_codes.add(parsed.code)
        good.append(parsed)
    return good, bad
