"""Service-appointment documents on A4: the day's schedule (预约排班表), the appointment register
in duplicate (预约登记表) and the check-in sheet (接车检查单) that the customer signs.

Plain data in, PDF bytes out: the services fill the dataclasses below (with status and label
texts already in the document's language) and nothing here reads the database. Money arrives as
``Decimal`` amounts per line, rounded half-up to the fen by the caller; totals are their sums.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .car_outline import DiagramLabels, Mark, car_diagram, damage_symbol
from .fonts import cjk_font
from .layout import GRID, HEAD_BG, INK, MUTED, checkbox, numbered_canvas

INACTIVE_BG = colors.HexColor("#f1f1f1")

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        # shared
        "page": "第 {n} / {total} 页",
        "printed": "打印：{when}　{who}",
        "printed_at": "打印：{when}",
        "none": "—",
        "km": "{km} km",
        # day sheet
        "day_title": "预约排班表",
        "day_of": "{date}　{weekday}",
        "count": "预约数",
        "booked": "已约工时",
        "capacity": "可用工时",
        "load": "占用率",
        "technicians": "在岗技师",
        "tech_count": "{n} 人",
        "serial": "预约号",
        "time": "时间",
        "plate": "车牌号",
        "customer_col": "客户 / 电话 / 车型",
        "work_col": "维修内容",
        "advisor": "服务顾问",
        "technician": "维修技师",
        "bay": "工位",
        "transport": "等待/送修",
        "status": "状态",
        "remarks": "备注",
        "fault": "故障：{text}",
        "code_fmt": "（{code}）",
        "note_fmt": "：{note}",
        "by_fmt": "（{by}）",
        "no_appointments": "当天没有预约",
        # register
        "register_title": "预约登记表",
        "front_copy": "前台联",
        "care_copy": "客服联",
        "no": "编号",
        "name": "客户姓名",
        "phone": "联系电话",
        "model": "车型",
        "mileage": "里程",
        "last_visit": "上次进站日期",
        "appt_status": "预约状态",
        "appt_time": "预约时间",
        "appt_when": "{month} 月 {day} 日 {hour} 时 {minute} 分（预计 {end} 完工）",
        "work": "维修保养或故障内容",
        "estimate": "维修费用估计",
        "parts": "所需配件 / 零件号",
        "part_no": "零件号：",
        "no_parts": "无",
        "calls": "电话记录",
        "reception": "业务接待",
        "bay_tech": "工位 / 技师",
        "booked_at": "登记时间",
        "cut": "沿此虚线剪开",
        # check-in sheet
        "checkin_title": "接车检查单",
        "ro": "工单号",
        "checked_in_at": "接车时间",
        "vin": "车架号 (VIN)",
        "mileage_in": "进厂里程",
        "condition": "车辆状况",
        "fuel": "燃油 / 电量",
        "fuel_level": "{n}/8",
        "lights": "仪表故障灯",
        "lights_none": "无故障灯亮",
        "valuables": "贵重物品",
        "valuables_none": "无",
        "covers": "四件套",
        "covers_on": "已铺设",
        "covers_off": "未铺设",
        "walkaround": "环车检查",
        "walk_done": "已与客户完成",
        "walk_deferred": "客户同意延后",
        "damage": "外观损伤",
        "damage_none": "环车检查未发现外观损伤",
        "mark_no": "编号",
        "mark_kind": "类型",
        "mark_note": "说明",
        "front": "前 Front",
        "rear": "后 Rear",
        "left": "左",
        "right": "右",
        "concerns": "客户描述 / 故障现象",
        "agreed": "委托维修项目",
        "estimate_title": "维修估价",
        "kind": "类别",
        "code": "代码",
        "item": "项目",
        "hours": "工时 (h)",
        "rate": "单价",
        "qty": "数量",
        "amount": "金额",
        "labour": "工时",
        "part": "配件",
        "to_quote": "待报价",
        "labour_total": "工时费合计",
        "parts_total": "配件费合计",
        "total": "合计",
        "total_excl": "合计（不含待报价配件）",
        "list_sep": "；",
        "agreed_estimate": "预估费用",
        "promised": "预计交车时间",
        "statement": (
            "本人已与服务顾问共同查看车辆，确认上述车辆状况（里程、燃油、仪表故障灯、贵重物品及"
            "外观损伤）属实，同意上述委托维修项目及预估费用。维修中如需增加项目或费用，服务顾问"
            "须先征得本人同意。"
        ),
        "customer_sign": "客户签字",
        "advisor_sign": "服务顾问签字",
        "date_line": "日期：________ 年 ____ 月 ____ 日",
    },
    "en": {
        "page": "Page {n} of {total}",
        "printed": "Printed {when} by {who}",
        "printed_at": "Printed {when}",
        "none": "—",
        "km": "{km} km",
        "day_title": "Appointment schedule",
        "day_of": "{weekday} {date}",
        "count": "Appointments",
        "booked": "Booked",
        "capacity": "Available",
        "load": "Load",
        "technicians": "Technicians",
        "tech_count": "{n}",
        "serial": "Serial",
        "time": "Time",
        "plate": "Plate",
        "customer_col": "Customer / phone / model",
        "work_col": "Repair content",
        "advisor": "Service advisor",
        "technician": "Technician",
        "bay": "Bay",
        "transport": "Wait / drop",
        "status": "Status",
        "remarks": "Remarks",
        "fault": "Fault: {text}",
        "code_fmt": " ({code})",
        "note_fmt": ": {note}",
        "by_fmt": " ({by})",
        "no_appointments": "No appointments on this day",
        "register_title": "Appointment register",
        "front_copy": "Front desk copy",
        "care_copy": "Customer-care copy",
        "no": "No.",
        "name": "Customer",
        "phone": "Phone",
        "model": "Model",
        "mileage": "Mileage",
        "last_visit": "Last visit",
        "appt_status": "Status",
        "appt_time": "Appointment",
        "appt_when": "{month}/{day} {hour}:{minute} (ready about {end})",
        "work": "Work requested",
        "estimate": "Estimated cost",
        "parts": "Parts needed / part numbers",
        "part_no": "Part no.: ",
        "no_parts": "None",
        "calls": "Phone-call record",
        "reception": "Service advisor",
        "bay_tech": "Bay / technician",
        "booked_at": "Booked on",
        "cut": "cut along this line",
        "checkin_title": "Vehicle check-in sheet",
        "ro": "Repair order",
        "checked_in_at": "Checked in",
        "vin": "VIN",
        "mileage_in": "Mileage in",
        "condition": "Vehicle condition",
        "fuel": "Fuel / charge",
        "fuel_level": "{n}/8",
        "lights": "Warning lights",
        "lights_none": "No warning lights on",
        "valuables": "Valuables",
        "valuables_none": "None",
        "covers": "Covers",
        "covers_on": "On",
        "covers_off": "Not on",
        "walkaround": "Walk-around",
        "walk_done": "Done with the customer",
        "walk_deferred": "Deferred by the customer",
        "damage": "Exterior damage",
        "damage_none": "No exterior damage found in the walk-around",
        "mark_no": "No.",
        "mark_kind": "Kind",
        "mark_note": "Note",
        "front": "Front",
        "rear": "Rear",
        "left": "L",
        "right": "R",
        "concerns": "Customer's concerns",
        "agreed": "Agreed work",
        "estimate_title": "Estimate",
        "kind": "Type",
        "code": "Code",
        "item": "Item",
        "hours": "Hours",
        "rate": "Rate",
        "qty": "Qty",
        "amount": "Amount",
        "labour": "Labour",
        "part": "Part",
        "to_quote": "to be quoted",
        "labour_total": "Labour total",
        "parts_total": "Parts total",
        "total": "Total",
        "total_excl": "Total (parts to be quoted not included)",
        "list_sep": "; ",
        "agreed_estimate": "Estimate agreed",
        "promised": "Promised for",
        "statement": (
            "I have checked the vehicle with the service advisor and confirm its condition as "
            "recorded above (mileage, fuel, warning lights, valuables, exterior damage) and agree "
            "to the work and estimate above. Further work or cost needs my consent first."
        ),
        "customer_sign": "Customer signature",
        "advisor_sign": "Service advisor signature",
        "date_line": "Date: ____________________",
    },
}

WEEKDAYS = {
    "zh_CN": ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}

FEN = Decimal("0.01")


def money(amount: Decimal) -> str:
    """¥1,234.50: rounded half-up to the fen (``format`` alone would round half-even)."""
    return f"¥{amount.quantize(FEN, rounding=ROUND_HALF_UP):,.2f}"


def hours_text(hours: Decimal) -> str:
    """Hours to two decimals (half-up): 1.50, 0.25."""
    return f"{hours.quantize(FEN, rounding=ROUND_HALF_UP):.2f}"


# -- data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DaySheetRow:
    serial: str
    start: dt.datetime
    end: dt.datetime
    plate: str
    customer_name: str
    phone: str
    model: str
    work: list[str]
    fault: str
    advisor: str
    technician: str
    bay: str
    transport: str
    status: str
    remarks: str
    active: bool = True  # False: no-show, cancelled or rescheduled (printed greyed)


@dataclass(frozen=True)
class DaySheetData:
    site_name: str
    day: dt.date
    booked_hours: Decimal
    capacity_hours: Decimal
    technicians: int
    rows: list[DaySheetRow]
    printed_by: str
    printed_at: dt.datetime


@dataclass(frozen=True)
class WorkLine:
    name: str
    minutes: int
    code: str = ""


@dataclass(frozen=True)
class PartLine:
    name: str
    number: str = ""  # part number (零件号) when known; the form leaves room to write it


@dataclass(frozen=True)
class CallLine:
    called_at: dt.datetime
    outcome: str
    note: str
    by: str


@dataclass(frozen=True)
class RegisterData:
    site_name: str
    site_phone: str
    serial: str
    customer_name: str
    phone: str
    model: str
    plate: str
    mileage_km: int | None
    last_visit: dt.date | None
    status: str
    start: dt.datetime
    end: dt.datetime
    transport: str
    work: list[WorkLine]
    fault: str
    estimate: Decimal
    parts: list[PartLine]
    phone_record: str
    calls: list[CallLine]
    remarks: str
    advisor: str
    technician: str
    bay: str
    booked_at: dt.datetime | None
    printed_by: str
    printed_at: dt.datetime


@dataclass(frozen=True)
class DamageLine:
    number: int
    x: float
    y: float
    kind: str  # code: scratch, dent, crack, chip, other
    kind_label: str
    note: str


@dataclass(frozen=True)
class EstimateLine:
    """A repair-order line: labour has hours × rate; a part without a price yet has None."""

    kind: str  # labour / part
    code: str
    description: str
    quantity: Decimal
    unit_price: Decimal | None
    amount: Decimal | None


@dataclass(frozen=True)
class WarningLight:
    label: str
    lit: bool


@dataclass(frozen=True)
class CheckinSheetData:
    site_name: str
    site_address: str
    site_phone: str
    serial: str
    repair_order_number: str
    checked_in_at: dt.datetime | None
    customer_name: str
    phone: str
    plate: str
    model: str
    vin: str
    mileage_km: int
    fuel_eighths: int
    warning_lights: list[WarningLight]
    valuables: str
    covers_on: bool
    walkaround_deferred: bool
    damage: list[DamageLine]
    concerns: str
    agreed_work: str
    lines: list[EstimateLine]
    estimate: Decimal
    promised_at: dt.datetime | None
    advisor: str
    technician: str
    printed_by: str
    printed_at: dt.datetime

    @property
    def labour_total(self) -> Decimal:
        return sum(
            (x.amount for x in self.lines if x.kind == "labour" and x.amount is not None),
            Decimal(0),
        )

    @property
    def parts_total(self) -> Decimal:
        return sum(
            (x.amount for x in self.lines if x.kind != "labour" and x.amount is not None),
            Decimal(0),
        )

    @property
    def total(self) -> Decimal:
        return self.labour_total + self.parts_total


# -- shared pieces ------------------------------------------------------------------------


class _Table(Table):
    """A Table whose cells use the CJK font: ReportLab's default cell font (Helvetica) would be
    referenced, unembedded, even by a table with flowables only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cjk_font())]))


class _Styles:
    def __init__(self, size: float = 8.5) -> None:
        font = cjk_font()
        self.font = font
        self.base = ParagraphStyle("base", fontName=font, fontSize=size, leading=size * 1.3)
        self.cell = ParagraphStyle("cell", parent=self.base, textColor=INK)
        self.label = ParagraphStyle("label", parent=self.base, textColor=MUTED)
        self.head = ParagraphStyle("head", parent=self.base, textColor=INK)
        self.small = ParagraphStyle(
            "small", parent=self.base, fontSize=size - 1.5, leading=(size - 1.5) * 1.3
        )
        self.muted = ParagraphStyle("muted", parent=self.small, textColor=MUTED)
        self.title = ParagraphStyle("title", parent=self.base, fontSize=17, leading=21)
        self.h2 = ParagraphStyle(
            "h2", parent=self.base, fontSize=size + 2, leading=(size + 2) * 1.3, textColor=INK
        )
        self.right = ParagraphStyle("right", parent=self.cell, alignment=2)
        self.center = ParagraphStyle("center", parent=self.cell, alignment=1)
        self.grey = ParagraphStyle("grey", parent=self.cell, textColor=MUTED)


def _text(value: str) -> str:
    """User text as Paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


def _p(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_text(value), style)


def _language(lang: str) -> str:
    """zh_CN or en; anything else prints in Chinese, the stores' language."""
    return lang if lang in LABELS else "zh_CN"


def _date_text(day: dt.date | None, lang: str) -> str:
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日" if lang == "zh_CN" else day.isoformat()


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def _printed(t: dict[str, str], when: dt.datetime, who: str) -> str:
    return t["printed" if who else "printed_at"].format(when=_when(when), who=who)


_numbered_canvas = numbered_canvas


def _footer(
    page_size: tuple[float, float],
    margin: float,
    t: dict[str, str],
    printed_by: str,
    printed_at: dt.datetime,
    running_head: str = "",
) -> Callable[[Any, int, int], None]:
    width, height = page_size
    font = cjk_font()

    def draw(canvas: Any, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(MUTED)
        y = margin * 0.45
        printed = _printed(t, printed_at, printed_by)
        canvas.drawString(margin, y, printed)
        canvas.drawCentredString(width / 2, y, t["page"].format(n=number, total=total))
        if running_head and number > 1:
            canvas.drawString(margin, height - margin * 0.6, running_head)
        canvas.restoreState()

    return draw


def _grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            *extra,
        ]
    )


def _checkbox(checked: bool, size: float = 7.5) -> Drawing:
    return checkbox(checked, INK, size)


def _choice(
    checked: bool, text: str, s: _Styles, width: float, style: ParagraphStyle | None = None
) -> Table:
    """☐/☑ text as a tiny table so it lines up in a cell."""
    t = _Table([[_checkbox(checked), _p(text, style or s.cell)]], colWidths=[10, width - 10])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return t


# -- 1. day sheet -------------------------------------------------------------------------


def render_day_sheet(data: DaySheetData, lang: str = "zh_CN") -> bytes:
    """The day's appointments by time on landscape A4, header row repeated on every page."""
    lang = _language(lang)
    t = LABELS[lang]
    s = _Styles(8)
    page = landscape(A4)
    margin = 12 * mm
    out = io.BytesIO()
    title = t["day_title"]
    date_text = t["day_of"].format(
        date=_date_text(data.day, lang),
        weekday=WEEKDAYS[lang][data.day.weekday()],
    )
    doc = SimpleDocTemplate(
        out,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{title} {data.day.isoformat()}",
        author=data.site_name,
        initialFontName=cjk_font(),
    )
    usable = page[0] - 2 * margin
    load = (
        f"{(data.booked_hours / data.capacity_hours * 100).quantize(Decimal(1), ROUND_HALF_UP)} %"
        if data.capacity_hours
        else "—"
    )
    heading = _Table(
        [
            [
                [
                    _p(data.site_name, s.muted),
                    Paragraph(escape(title), s.title),
                ],
                Paragraph(escape(date_text), ParagraphStyle("d", parent=s.h2, alignment=2)),
            ]
        ],
        colWidths=[usable * 0.6, usable * 0.4],
    )
    heading.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, INK),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    figures = [
        (t["count"], str(len(data.rows))),
        (t["booked"], f"{hours_text(data.booked_hours)} h"),
        (t["capacity"], f"{hours_text(data.capacity_hours)} h"),
        (t["load"], load),
        (t["technicians"], t["tech_count"].format(n=data.technicians)),
    ]
    summary = _Table(
        [[cell for k, v in figures for cell in (_p(k, s.label), _p(v, s.h2))]],
        colWidths=[22 * mm, 30 * mm] * len(figures),
        hAlign="LEFT",
    )
    summary.setStyle(
        _grid_style([("BACKGROUND", (i, 0), (i, 0), HEAD_BG) for i in range(0, 10, 2)])
    )
    columns = [
        (t["serial"], 25),
        (t["time"], 21),
        (t["plate"], 20),
        (t["customer_col"], 36),
        (t["work_col"], 57),
        (t["advisor"], 17),
        (t["technician"], 17),
        (t["bay"], 20),
        (t["transport"], 17),
        (t["status"], 19),
        (t["remarks"], 30),
    ]
    widths = [w * mm for _, w in columns]
    widths[4] += usable - sum(widths)  # repair content takes what is left
    rows: list[list[Any]] = [[_p(h, s.head) for h, _ in columns]]
    grey_rows: list[int] = []
    for r in sorted(data.rows, key=lambda r: (r.start, r.serial)):
        cell = s.cell if r.active else s.grey
        work = "、".join(r.work)
        content = _text(work)
        if r.fault:
            content += ("<br/>" if content else "") + _text(t["fault"].format(text=r.fault))
        rows.append(
            [
                _p(r.serial, cell),
                _p(f"{r.start:%H:%M}–{r.end:%H:%M}", cell),
                _p(r.plate, cell),
                Paragraph(
                    "<br/>".join(
                        x for x in (_text(f"{r.customer_name} {r.phone}"), _text(r.model)) if x
                    ),
                    cell,
                ),
                Paragraph(content, cell),
                _p(r.advisor, cell),
                _p(r.technician, cell),
                _p(r.bay, cell),
                _p(r.transport, cell),
                _p(r.status, cell),
                _p(r.remarks, cell),
            ]
        )
        if not r.active:
            grey_rows.append(len(rows) - 1)
    if not data.rows:
        rows.append([_p(t["no_appointments"], s.grey)] + [""] * (len(columns) - 1))
    table = _Table(rows, colWidths=widths, repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
    ]
    style += [("BACKGROUND", (0, i), (-1, i), INACTIVE_BG) for i in grey_rows]
    if not data.rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    table.setStyle(_grid_style(style))
    story: list[Flowable] = [heading, Spacer(1, 3 * mm), summary, Spacer(1, 4 * mm), table]
    doc.build(
        story,
        canvasmaker=_numbered_canvas(
            _footer(
                page,
                margin,
                t,
                data.printed_by,
                data.printed_at,
                f"{data.site_name}　{title}　{data.day.isoformat()}",
            )
        ),
    )
    return out.getvalue()


# -- 2. appointment register (in duplicate) -----------------------------------------------


def _at_least(content: Paragraph, width: float, height: float) -> list[Flowable]:
    """A cell's content with room below it to write by hand: at least ``height`` tall."""
    needed = content.wrap(width, 10_000)[1]
    return [content, Spacer(1, max(0.0, height - needed))]


def _register_copy(
    data: RegisterData, t: dict[str, str], copy: str, width: float
) -> list[Flowable]:
    s = _Styles(9)
    tag = _Table(
        [[Paragraph(escape(copy), ParagraphStyle("tag", parent=s.h2, alignment=1))]],
        colWidths=[44 * mm],
    )
    tag.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 1, INK), ("BACKGROUND", (0, 0), (-1, -1), HEAD_BG)])
    )
    top = _Table(
        [
            [
                [_p(data.site_name, s.muted), _p(data.site_phone, s.muted)],
                Paragraph(
                    escape(t["register_title"]), ParagraphStyle("tt", parent=s.title, alignment=1)
                ),
                tag,
            ],
            [
                "",
                "",
                Paragraph(
                    f"{escape(t['no'])}　{escape(data.serial)}",
                    ParagraphStyle(
                        "no", parent=s.h2, alignment=2, textColor=colors.HexColor("#b71c1c")
                    ),
                ),
            ],
        ],
        colWidths=[width * 0.32, width * 0.36, width * 0.32],
    )
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    start = data.start
    when = t["appt_when"].format(
        month=start.month,
        day=start.day,
        hour=f"{start.hour:02d}",
        minute=f"{start.minute:02d}",
        end=f"{data.end:%H:%M}",
    )
    mileage = t["km"].format(km=f"{data.mileage_km:,}") if data.mileage_km is not None else ""
    work_lines = [
        f"{i}. {w.name}"
        + (t["code_fmt"].format(code=w.code) if w.code else "")
        + f"　{hours_text(Decimal(w.minutes) / 60)} h"
        for i, w in enumerate(data.work, start=1)
    ]
    work = "<br/>".join(_text(x) for x in work_lines)
    if data.fault:
        work += ("<br/>" if work else "") + _text(t["fault"].format(text=data.fault))
    part_no = f"<font color='#6b7785'>{escape(t['part_no'])}</font>"
    parts = (
        "<br/>".join(
            f"{i}. {_text(p.name)}　{part_no}{escape(p.number) if p.number else '______________'}"
            for i, p in enumerate(data.parts, start=1)
        )
        if data.parts
        else escape(t["no_parts"])
    )
    calls = [_text(data.phone_record)] if data.phone_record else []
    calls += [
        _text(
            f"{c.called_at:%m-%d %H:%M}　{c.outcome}"
            + (t["note_fmt"].format(note=c.note) if c.note else "")
            + (t["by_fmt"].format(by=c.by) if c.by else "")
        )
        for c in data.calls
    ]
    bay_tech = " / ".join(x for x in (data.bay, data.technician) if x)
    lw = 32 * mm
    vw = width / 2 - lw
    wide = width - lw - 8  # a value cell spanning three columns, less its padding

    def label(key: str) -> Paragraph:
        return _p(t[key], s.label)

    def value(text: str) -> Paragraph:
        return _p(text, s.cell)

    rows: list[list[Any]] = [
        [label("name"), value(data.customer_name), label("phone"), value(data.phone)],
        [label("model"), value(data.model), label("plate"), value(data.plate)],
        [
            label("mileage"),
            value(mileage),
            label("last_visit"),
            value(data.last_visit.isoformat() if data.last_visit else ""),
        ],
        [label("appt_status"), value(data.status), label("transport"), value(data.transport)],
        [label("appt_time"), value(when), "", ""],
        [label("work"), _at_least(Paragraph(work, s.cell), wide, 15 * mm), "", ""],
        [label("estimate"), value(money(data.estimate)), label("bay_tech"), value(bay_tech)],
        [label("parts"), _at_least(Paragraph(parts, s.cell), wide, 14 * mm), "", ""],
        [label("calls"), _at_least(Paragraph("<br/>".join(calls), s.cell), wide, 10 * mm), "", ""],
        [label("remarks"), _at_least(value(data.remarks), wide, 8 * mm), "", ""],
        [
            label("reception"),
            value(data.advisor),
            label("booked_at"),
            value(_when(data.booked_at)),
        ],
    ]
    grid = _Table(rows, colWidths=[lw, vw, lw, vw])
    grid.setStyle(
        _grid_style(
            [
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                *[("BACKGROUND", (2, i), (2, i)) + (HEAD_BG,) for i in (0, 1, 2, 3, 6, 10)],
                *[("SPAN", (1, i), (-1, i)) for i in (4, 5, 7, 8, 9)],
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                ("BOX", (0, 0), (-1, -1), 1, INK),
            ]
        )
    )
    footer = Paragraph(
        escape(_printed(t, data.printed_at, data.printed_by)),
        ParagraphStyle("foot", parent=s.muted, alignment=2),
    )
    return [top, Spacer(1, 1 * mm), grid, Spacer(1, 1.5 * mm), footer]


def render_register(data: RegisterData, lang: str = "zh_CN") -> bytes:
    """One appointment, twice on one A4 page: front-desk copy on top, customer-care copy below,
    a dashed cut line between. A long register is shrunk to fit its half, never split."""
    lang = _language(lang)
    t = LABELS[lang]
    width, height = A4
    side, top_margin, gap = 14 * mm, 10 * mm, 8 * mm
    half = height / 2
    frame_w = width - 2 * side
    frame_h = half - top_margin - gap
    out = io.BytesIO()
    font = cjk_font()

    def cut_line(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(MUTED)
        canvas.setDash(4, 3)
        canvas.setLineWidth(0.6)
        label = t["cut"]
        canvas.setFont(font, 7)
        text_w = canvas.stringWidth(label, font, 7) + 8
        canvas.line(side * 0.5, half, width / 2 - text_w / 2, half)
        canvas.line(width / 2 + text_w / 2, half, width - side * 0.5, half)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(width / 2, half - 2.3, label)
        canvas.restoreState()

    frames = [
        Frame(
            side,
            half + gap,
            frame_w,
            frame_h,
            id="front",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        ),
        Frame(
            side,
            gap,
            frame_w,
            frame_h,
            id="care",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        ),
    ]
    doc = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=side,
        rightMargin=side,
        topMargin=top_margin,
        bottomMargin=gap,
        title=f"{t['register_title']} {data.serial}",
        author=data.site_name,
        initialFontName=cjk_font(),
    )
    doc.addPageTemplates([PageTemplate(id="duplicate", frames=frames, onPage=cut_line)])
    story: list[Flowable] = [
        KeepInFrame(
            frame_w, frame_h, _register_copy(data, t, t["front_copy"], frame_w), mode="shrink"
        ),
        FrameBreak(),
        KeepInFrame(
            frame_w, frame_h, _register_copy(data, t, t["care_copy"], frame_w), mode="shrink"
        ),
    ]
    doc.build(story)
    return out.getvalue()


# -- 3. check-in sheet --------------------------------------------------------------------


def _fuel_gauge(eighths: int, font: str, width: float = 58 * mm, height: float = 7 * mm) -> Drawing:
    d = Drawing(width, height + 9, initialFontName=font)
    label_w = 8
    seg_w = (width - 2 * label_w) / 8
    for i in range(8):
        filled = i < eighths
        d.add(
            Rect(
                label_w + i * seg_w + 0.8,
                8,
                seg_w - 1.6,
                height,
                fillColor=INK if filled else colors.white,
                strokeColor=INK,
                strokeWidth=0.7,
            )
        )
    for text, x in (("E", label_w / 2), ("F", width - label_w / 2)):
        d.add(
            String(
                x,
                8 + height / 2 - 3,
                text,
                fontName=font,
                fontSize=8,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    for i, text in ((0, "0"), (4, "1/2"), (8, "1")):
        d.add(
            String(
                label_w + i * seg_w,
                0.5,
                text,
                fontName=font,
                fontSize=6,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    return d


def _section(title: str, s: _Styles) -> Paragraph:
    return Paragraph(
        escape(title),
        ParagraphStyle("sec", parent=s.h2, spaceBefore=3, spaceAfter=1.5, textColor=INK),
    )


def render_checkin_sheet(data: CheckinSheetData, lang: str = "zh_CN") -> bytes:
    """The reception record the customer signs: vehicle, condition with the damage diagram,
    concerns, agreed work and estimate, promised time, statement and signature boxes."""
    lang = _language(lang)
    t = LABELS[lang]
    s = _Styles(8.5)
    font = s.font
    margin = 13 * mm
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=10 * mm,
        bottomMargin=11 * mm,
        title=f"{t['checkin_title']} {data.repair_order_number or data.serial}",
        author=data.site_name,
        initialFontName=cjk_font(),
    )
    usable = A4[0] - 2 * margin
    contact = "　".join(x for x in (data.site_address, data.site_phone) if x)
    ref_style = ParagraphStyle("ref", parent=s.cell, alignment=2)
    heading = _Table(
        [
            [
                [
                    _p(data.site_name, ParagraphStyle("site", parent=s.h2)),
                    _p(contact, s.muted),
                    Paragraph(escape(t["checkin_title"]), s.title),
                ],
                [
                    Paragraph(
                        f"{escape(t['ro'])}　{escape(data.repair_order_number or '—')}", ref_style
                    ),
                    Paragraph(f"{escape(t['serial'])}　{escape(data.serial)}", ref_style),
                    Paragraph(
                        f"{escape(t['checked_in_at'])}　{_when(data.checked_in_at)}", ref_style
                    ),
                ],
            ]
        ],
        colWidths=[usable * 0.62, usable * 0.38],
    )
    heading.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, INK),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    lw = 24 * mm
    vw = usable / 2 - lw
    info = _Table(
        [
            [
                _p(t["name"], s.label),
                _p(data.customer_name, s.cell),
                _p(t["phone"], s.label),
                _p(data.phone, s.cell),
            ],
            [
                _p(t["plate"], s.label),
                _p(data.plate, s.cell),
                _p(t["model"], s.label),
                _p(data.model, s.cell),
            ],
            [
                _p(t["vin"], s.label),
                _p(data.vin or "", s.cell),
                _p(t["mileage_in"], s.label),
                _p(t["km"].format(km=f"{data.mileage_km:,}"), s.cell),
            ],
            [
                _p(t["advisor"], s.label),
                _p(data.advisor, s.cell),
                _p(t["technician"], s.label),
                _p(data.technician, s.cell),
            ],
        ],
        colWidths=[lw, vw, lw, vw],
    )
    info.setStyle(
        _grid_style(
            [("BACKGROUND", (0, 0), (0, -1), HEAD_BG), ("BACKGROUND", (2, 0), (2, -1), HEAD_BG)]
        )
    )

    # condition: diagram on the left, gauges and checks on the right
    diagram_h = 94 * mm
    diagram = car_diagram(
        diagram_h,
        [Mark(m.number, m.x, m.y, m.kind) for m in data.damage],
        DiagramLabels(t["front"], t["rear"], t["left"], t["right"]),
        font,
    )
    right_w = usable - diagram.width - 6 * mm
    half_w = (right_w - lw) / 2
    # three columns when every label fits (at 8.5 pt, else 7.5 pt), otherwise two
    room = (right_w - lw - 6) / 3 - 14
    light_style = s.cell
    for size in (s.cell.fontSize, s.cell.fontSize - 1):
        if all(stringWidth(w.label, font, size) <= room for w in data.warning_lights):
            light_style = ParagraphStyle("light", parent=s.cell, fontSize=size, leading=size * 1.3)
            lights_cols = 3
            break
    else:
        lights_cols = 2
    light_w = (right_w - lw - 6) / lights_cols
    light_cells: list[Any] = [
        _choice(w.lit, w.label, s, light_w - 2, light_style) for w in data.warning_lights
    ]
    while len(light_cells) % lights_cols:
        light_cells.append("")
    lights = _Table(
        [light_cells[i : i + lights_cols] for i in range(0, len(light_cells), lights_cols)],
        colWidths=[light_w] * lights_cols,
    )
    lights.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    checks = _Table(
        [
            [
                _p(t["fuel"], s.label),
                _fuel_gauge(data.fuel_eighths, font, width=right_w - lw - 30),
                _p(t["fuel_level"].format(n=data.fuel_eighths), s.h2),
            ],
        ],
        colWidths=[lw, right_w - lw - 24, 24],
    )
    checks.setStyle(_grid_style([("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))
    facts = _Table(
        [
            [_p(t["lights"], s.label), lights, ""],
            [_p(t["valuables"], s.label), _p(data.valuables or t["valuables_none"], s.cell), ""],
            [
                _p(t["covers"], s.label),
                _choice(data.covers_on, t["covers_on"], s, half_w - 6),
                _choice(not data.covers_on, t["covers_off"], s, half_w - 6),
            ],
            [
                _p(t["walkaround"], s.label),
                _choice(not data.walkaround_deferred, t["walk_done"], s, half_w - 6),
                _choice(data.walkaround_deferred, t["walk_deferred"], s, half_w - 6),
            ],
        ],
        colWidths=[lw, half_w, half_w],
    )
    facts.setStyle(
        _grid_style(
            [
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("SPAN", (1, 0), (2, 0)),
                ("SPAN", (1, 1), (2, 1)),
            ]
        )
    )
    legend_rows: list[list[Any]] = [
        [_p(t["mark_no"], s.label), _p(t["mark_kind"], s.label), _p(t["mark_note"], s.label)]
    ]
    for m in data.damage:
        symbol = _Table(
            [[damage_symbol(m.kind, m.number, 11, font), _p(str(m.number), s.cell)]],
            colWidths=[14, 16],
        )
        symbol.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        legend_rows.append([symbol, _p(m.kind_label, s.cell), _p(m.note, s.cell)])
    if not data.damage:
        legend_rows.append([_p(t["damage_none"], s.grey), "", ""])
    legend = _Table(legend_rows, colWidths=[lw, 24 * mm, right_w - lw - 24 * mm], repeatRows=1)
    legend.setStyle(
        _grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 1.2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
            ]
            + ([("SPAN", (0, 1), (-1, 1))] if not data.damage else [])
        )
    )
    right = [
        checks,
        Spacer(1, 2 * mm),
        facts,
        Spacer(1, 1.5 * mm),
        _p(t["damage"], s.h2),
        Spacer(1, 0.5 * mm),
        legend,
    ]
    condition = _Table([[diagram, right]], colWidths=[diagram.width + 6 * mm, right_w])
    condition.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("BOX", (0, 0), (0, 0), 0.4, GRID),
            ]
        )
    )

    work = _Table(
        [
            [_p(t["concerns"], s.label), _p(data.concerns or "—", s.cell)],
            [_p(t["agreed"], s.label), _p(data.agreed_work or "—", s.cell)],
        ],
        colWidths=[lw + 8 * mm, usable - lw - 8 * mm],
    )
    work.setStyle(_grid_style([("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))

    est_head = [
        t["kind"],
        t["code"],
        t["item"],
        t["hours"] + " / " + t["qty"],
        t["rate"],
        t["amount"],
    ]
    fixed = [14 * mm, 18 * mm, 0, 26 * mm, 26 * mm, 28 * mm]
    est_widths = [w or usable - sum(fixed) for w in fixed]
    est_rows: list[list[Any]] = [[_p(h, s.label) for h in est_head]]
    # parts still to be quoted share one row (their names only), so the sheet stays one page
    to_quote = [x for x in data.lines if x.kind != "labour" and x.amount is None]
    listed = [x for x in data.lines if x not in to_quote]
    for line in listed:
        labour = line.kind == "labour"
        est_rows.append(
            [
                _p(t["labour"] if labour else t["part"], s.cell),
                _p(line.code, s.cell),
                _p(line.description, s.cell),
                _p(
                    hours_text(line.quantity) if labour else f"{line.quantity.normalize():f}",
                    s.right,
                ),
                _p(
                    money(line.unit_price) if line.unit_price is not None else t["to_quote"],
                    s.right,
                ),
                _p(money(line.amount) if line.amount is not None else "—", s.right),
            ]
        )
    if to_quote:
        est_rows.append(
            [
                _p(t["part"], s.cell),
                _p("", s.cell),
                _p(t["list_sep"].join(x.description for x in to_quote), s.cell),
                _p(str(len(to_quote)), s.right),
                _p(t["to_quote"], s.right),
                _p("—", s.right),
            ]
        )
    first_total = len(est_rows)
    has_parts = any(x.kind != "labour" for x in data.lines)
    unpriced = any(x.amount is None for x in data.lines)
    totals: list[tuple[str, str]] = [(t["labour_total"], money(data.labour_total))]
    if has_parts:
        priced_parts = any(x.kind != "labour" and x.amount is not None for x in data.lines)
        parts = money(data.parts_total) if priced_parts else ""
        if unpriced:
            parts = f"{parts} + {t['to_quote']}" if parts else t["to_quote"]
        totals.append((t["parts_total"], parts))
    totals.append((t["total_excl"] if unpriced else t["total"], money(data.total)))
    for label, amount in totals:
        est_rows.append([_p(label, s.right), "", "", "", "", _p(amount, s.right)])
    estimate = _Table(est_rows, colWidths=est_widths, repeatRows=1)
    estimate.setStyle(
        _grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                *[("SPAN", (0, i), (4, i)) for i in range(first_total, len(est_rows))],
                ("LINEABOVE", (0, first_total), (-1, first_total), 0.9, INK),
                ("BACKGROUND", (0, len(est_rows) - 1), (-1, len(est_rows) - 1), HEAD_BG),
            ]
        )
    )
    promise = _Table(
        [
            [
                _p(t["agreed_estimate"], s.label),
                _p(money(data.estimate), s.h2),
                _p(t["promised"], s.label),
                _p(_when(data.promised_at) or "—", s.h2),
            ]
        ],
        colWidths=[lw + 8 * mm, usable / 2 - lw - 8 * mm, lw + 8 * mm, usable / 2 - lw - 8 * mm],
    )
    promise.setStyle(
        _grid_style(
            [("BACKGROUND", (0, 0), (0, 0), HEAD_BG), ("BACKGROUND", (2, 0), (2, 0), HEAD_BG)]
        )
    )

    statement = Paragraph(escape(t["statement"]), ParagraphStyle("st", parent=s.cell, leading=12))
    box_w = (usable - 6 * mm) / 2

    def sign_box(label: str) -> Table:
        box = _Table(
            [[_p(label, s.label)], [""], [_p(t["date_line"], s.label)]],
            colWidths=[box_w],
            rowHeights=[6 * mm, 15 * mm, 6.5 * mm],
        )
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, INK),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 1), (0, 1), 0.4, GRID),
                ]
            )
        )
        return box

    signatures = _Table(
        [[sign_box(t["customer_sign"]), "", sign_box(t["advisor_sign"])]],
        colWidths=[box_w, 6 * mm, box_w],
    )
    signatures.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    )

    story: list[Flowable] = [
        heading,
        Spacer(1, 3 * mm),
        info,
        _section(t["condition"], s),
        condition,
        Spacer(1, 2 * mm),
        work,
        _section(t["estimate_title"], s),
        estimate,
        Spacer(1, 2 * mm),
        promise,
        Spacer(1, 3 * mm),
        KeepTogether([statement, Spacer(1, 3 * mm), signatures]),
    ]
    doc.build(
        story,
        canvasmaker=_numbered_canvas(
            _footer(
                A4,
                12 * mm,
                t,
                data.printed_by,
                data.printed_at,
                f"{data.site_name}　{t['checkin_title']}　"
                f"{data.repair_order_number or data.serial}",
            )
        ),
    )
    return out.getvalue()
