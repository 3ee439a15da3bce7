"""The customer file (客户档案) on A4: details, vehicles, do-not-contact, with ID masked."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .fonts import cjk_font

LABELS = {
    "zh_CN": {
        "title": "客户档案",
        "name": "姓名",
        "mobile": "手机",
        "phone2": "其他电话",
        "id_number": "身份证号",
        "birthday": "生日",
        "address": "地址",
        "city": "城市",
        "tier": "客户级别",
        "tags": "标签",
        "dnc": "勿扰",
        "vehicles": "车辆",
        "plate": "车牌号",
        "model": "车型",
        "vin": "车架号 (VIN)",
        "mileage": "里程 (km)",
        "sale": "购车日期",
        "warranty": "保修到期",
        "insurance": "保险到期",
        "printed": "打印：{when}，{who}",
        "none": "无车辆记录",
    },
    "en": {
        "title": "Customer file",
        "name": "Name",
        "mobile": "Mobile",
        "phone2": "Other phone",
        "id_number": "ID number",
        "birthday": "Birthday",
        "address": "Address",
        "city": "City",
        "tier": "Tier",
        "tags": "Tags",
        "dnc": "Do not contact",
        "vehicles": "Vehicles",
        "plate": "Plate",
        "model": "Model",
        "vin": "VIN",
        "mileage": "Mileage (km)",
        "sale": "Sale date",
        "warranty": "Warranty ends",
        "insurance": "Insurance expires",
        "printed": "Printed {when} by {who}",
        "none": "No vehicles on file",
    },
}


@dataclass(frozen=True)
class VehicleLine:
    plate: str
    model: str
    vin: str
    mileage_km: int
    sale_date: str
    warranty_end: str
    insurance_expiry: str


@dataclass(frozen=True)
class CustomerFileData:
    site_name: str
    name: str
    mobile: str
    phone2: str
    id_number_masked: str
    birthday: str
    address: str
    city: str
    tier: str
    tags: str
    do_not_contact: str
    vehicles: list[VehicleLine]
    printed_by: str
    printed_at: dt.datetime


def render_customer_file(data: CustomerFileData, lang: str = "zh_CN") -> bytes:
    font = cjk_font()
    t = LABELS.get(lang, LABELS["zh_CN"])
    base = ParagraphStyle("base", fontName=font, fontSize=10, leading=14)
    title = ParagraphStyle("title", parent=base, fontSize=18, leading=24, spaceAfter=4)
    small = ParagraphStyle("small", parent=base, fontSize=8, leading=10, textColor=colors.grey)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"{t['title']} {data.name}",
        author=data.site_name,
    )
    story: list[object] = [
        Paragraph(escape(data.site_name), small),
        Paragraph(t["title"], title),
    ]
    details = [
        (t["name"], data.name),
        (t["mobile"], data.mobile),
        (t["phone2"], data.phone2),
        (t["id_number"], data.id_number_masked),
        (t["birthday"], data.birthday),
        (t["address"], data.address),
        (t["city"], data.city),
        (t["tier"], data.tier),
        (t["tags"], data.tags),
        (t["dnc"], data.do_not_contact),
    ]
    table = Table(
        [[Paragraph(k, base), Paragraph(escape(v) or "—", base)] for k, v in details],
        colWidths=[32 * mm, 142 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f7")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [
        table,
        Spacer(1, 6 * mm),
        Paragraph(
            t["vehicles"], ParagraphStyle("h2", parent=base, fontSize=12, leading=16, spaceAfter=3)
        ),
    ]
    head = [
        t["plate"],
        t["model"],
        t["vin"],
        t["mileage"],
        t["sale"],
        t["warranty"],
        t["insurance"],
    ]
    cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10)
    rows = [[Paragraph(h, cell) for h in head]]
    for v in data.vehicles:
        rows.append(
            [
                Paragraph(escape(x), cell)
                for x in (
                    v.plate,
                    v.model,
                    v.vin,
                    f"{v.mileage_km:,}",
                    v.sale_date,
                    v.warranty_end,
                    v.insurance_expiry,
                )
            ]
        )
    if not data.vehicles:
        rows.append([Paragraph(t["none"], cell)] + [""] * 6)
    vt = Table(
        rows,
        colWidths=[22 * mm, 34 * mm, 36 * mm, 18 * mm, 21 * mm, 21 * mm, 22 * mm],
        repeatRows=1,
    )
    vt.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f7")),
            ]
        )
    )
    story += [
        vt,
        Spacer(1, 8 * mm),
        Paragraph(
            t["printed"].format(
                when=data.printed_at.strftime("%Y-%m-%d %H:%M"), who=data.printed_by
            ),
            small,
        ),
    ]
    doc.build(story)
    return out.getvalue()
