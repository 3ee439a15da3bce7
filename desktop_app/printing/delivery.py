"""The delivery record (交车确认单) on A4 that the customer signs when taking the car: store
header with the record number as text and QR code, customer and vehicle, the PDI result with
every checklist line (template code and version as inspected, so old records print as they
were), the documents and items handed over, the handover explanation, the customer's statement
and the signature boxes.

Plain data in, PDF bytes out: the services fill the dataclasses below with every label already
in the document's language; nothing here reads the database.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import paragraph as _rl_paragraph

from .fonts import cjk_font
from .layout import GRID, HEAD_BG, INK, MUTED, checkbox, numbered_canvas
from .layout import CjkTable as _Table
from .layout import markup as _text

FAIL_BG = colors.HexColor("#fde8e8")
FAIL_INK = colors.HexColor("#b3261e")
OPEN_INK = colors.HexColor("#8a5a00")
WARN_BG = colors.HexColor("#fff4d6")
SECTION_BG = colors.HexColor("#f6f8fa")

MIN_EXPLANATION_MINUTES = 30

# ReportLab's CJK wrapping keeps 。、） off the start of a line but not the full-width comma,
# semicolon, colon, question and exclamation marks: add them (idempotent, import-time).
# Both the paragraph module (several fragments) and textsplit (one fragment) keep a copy.
_NO_LINE_START = "，；：？！"
for _module in (_rl_paragraph, _rl_textsplit):
    _module.ALL_CANNOT_START += "".join(
        c for c in _NO_LINE_START if c not in _module.ALL_CANNOT_START
    )

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "交车确认单",
        "number": "交车单号",
        "status": "状态",
        "page": "第 {n} / {total} 页",
        "printed": "打印：{when}　{who}",
        "printed_at": "打印：{when}",
        "none": "—",
        "customer": "客户姓名",
        "phone": "联系电话",
        "plate": "车牌号",
        "model": "车型",
        "vin": "车架号 (VIN)",
        "engine": "发动机号",
        "sales": "销售顾问",
        "specialist": "交车专员",
        "planned": "计划交车时间",
        "delivered": "实际交车时间",
        "not_delivered": "尚未交车",
        "remarks": "备注",
        "pdi": "一、PDI 售前检查结果",
        "summary": "合格 {passed}　不适用 {na}　不合格 {failed}　未检查 {open}",
        "template": "检查表 {code}　第 {version} 版",
        "signed": "技师签字确认：{name}　{when}",
        "not_signed": "技师尚未签字确认",
        "code": "代码",
        "item": "检查项目",
        "result": "结果",
        "reinspected": "（复检）",
        "note_fmt": "备注：{note}",
        "documents": "二、随车文件与物品",
        "doc": "文件 / 物品",
        "state": "交付情况",
        "count": "数量",
        "note": "备注",
        "keys_fmt": "{n} 把",
        "explanation": "三、用车讲解",
        "topics": "讲解内容",
        "duration": "讲解时长",
        "minutes": "{n} 分钟",
        "minutes_span": "{n} 分钟（{start}–{end}）",
        "not_timed": "未计时",
        "short": "讲解时长不足 {min} 分钟。",
        "accepted": "经理已接受原因：{reason}",
        "not_accepted": "经理尚未接受较短的讲解。",
        "statement": (
            "本人已与交车专员共同检查车辆，确认车辆外观、内饰及各项功能完好，车架号与发票、"
            "合格证一致；已收到上列随车文件与物品，并已听取上述用车讲解。本人确认收到该车辆。"
        ),
        "customer_sign": "客户签字",
        "specialist_sign": "交车专员签字",
        "date_line": "日期：________ 年 ____ 月 ____ 日",
    },
    "en": {
        "title": "Vehicle delivery record",
        "number": "Record no.",
        "status": "Status",
        "page": "Page {n} of {total}",
        "printed": "Printed {when} by {who}",
        "printed_at": "Printed {when}",
        "none": "—",
        "customer": "Customer",
        "phone": "Phone",
        "plate": "Plate",
        "model": "Model",
        "vin": "VIN",
        "engine": "Engine no.",
        "sales": "Sales consultant",
        "specialist": "Delivery specialist",
        "planned": "Planned delivery",
        "delivered": "Delivered",
        "not_delivered": "Not delivered yet",
        "remarks": "Remarks",
        "pdi": "1. Pre-delivery inspection (PDI)",
        "summary": "{passed} pass · {na} n/a · {failed} fail · {open} open",
        "template": "Checklist {code} version {version}",
        "signed": "Signed off by technician {name} at {when}",
        "not_signed": "Not signed off by the technician yet",
        "code": "Code",
        "item": "Item",
        "result": "Result",
        "reinspected": " (re-inspected)",
        "note_fmt": "Note: {note}",
        "documents": "2. Documents and items handed over",
        "doc": "Document / item",
        "state": "State",
        "count": "Count",
        "note": "Note",
        "keys_fmt": "{n}",
        "explanation": "3. Handover explanation",
        "topics": "Topics",
        "duration": "Duration",
        "minutes": "{n} min",
        "minutes_span": "{n} min ({start}–{end})",
        "not_timed": "Not timed",
        "short": "The explanation took less than {min} minutes.",
        "accepted": "Reason accepted by the manager: {reason}",
        "not_accepted": "A manager has not accepted the shorter explanation.",
        "statement": (
            "I have inspected the vehicle together with the delivery specialist and confirm "
            "that its exterior, interior and functions are in good order and that the VIN "
            "matches the invoice and certificate; I have received the documents and items "
            "listed above and the handover explanation described above. I confirm receipt of "
            "the vehicle."
        ),
        "customer_sign": "Customer's signature",
        "specialist_sign": "Delivery specialist's signature",
        "date_line": "Date: ____________________",
    },
}


@dataclass(frozen=True)
class PdiLine:
    code: str
    text: str
    result: str  # "pass", "fail", "na" or "open" (ItemResult values)
    result_label: str
    note: str = ""
    reinspected: bool = False


@dataclass(frozen=True)
class PdiSection:
    title: str
    lines: Sequence[PdiLine]


@dataclass(frozen=True)
class HandoverLine:
    text: str
    state: str  # "open", "handed_over", "held_by_lender", "na" (Handover values)
    state_label: str
    count: int | None = None  # keys
    note: str = ""


@dataclass(frozen=True)
class TopicLine:
    text: str
    done: bool


@dataclass
class DeliveryRecordData:
    site_name: str
    number: str
    status_label: str
    customer_name: str
    phone: str
    plate: str
    vin: str
    engine_no: str
    model: str
    sales_consultant: str
    delivery_specialist: str
    planned_at: dt.datetime
    template_code: str
    template_version: int
    site_address: str = ""
    site_phone: str = ""
    delivered_at: dt.datetime | None = None
    remarks: str = ""
    sections: Sequence[PdiSection] = ()
    technician: str = ""
    pdi_signed_at: dt.datetime | None = None
    documents: Sequence[HandoverLine] = ()
    topics: Sequence[TopicLine] = ()
    explanation_start: dt.datetime | None = None
    explanation_end: dt.datetime | None = None
    short_reason: str = ""
    printed_by: str = ""
    printed_at: dt.datetime = field(default_factory=dt.datetime.now)

    @property
    def explanation_minutes(self) -> int | None:
        if self.explanation_start is None or self.explanation_end is None:
            return None
        return int((self.explanation_end - self.explanation_start).total_seconds() // 60)

    def counts(self) -> dict[str, int]:
        out = {"pass": 0, "na": 0, "fail": 0, "open": 0}
        for section in self.sections:
            for line in section.lines:
                out[line.result if line.result in out else "open"] += 1
        return out


# -- small building blocks ----------------------------------------------------------------


class _Styles:
    def __init__(self, lang: str, size: float = 8.3) -> None:
        font = cjk_font()
        self.font = font
        self.base = ParagraphStyle(
            "base",
            fontName=font,
            fontSize=size,
            leading=size * 1.28,
            # Chinese lines break between any characters but never before ，。；、）
            wordWrap="CJK" if lang == "zh_CN" else None,
        )
        self.cell = ParagraphStyle("cell", parent=self.base, textColor=INK)
        self.label = ParagraphStyle("label", parent=self.base, textColor=MUTED)
        self.small = ParagraphStyle(
            "small", parent=self.base, fontSize=size - 1, leading=(size - 1) * 1.25
        )
        self.muted = ParagraphStyle("muted", parent=self.small, textColor=MUTED)
        self.note = ParagraphStyle("note", parent=self.small, textColor=FAIL_INK)
        self.title = ParagraphStyle("title", parent=self.base, fontSize=18, leading=22)
        self.h2 = ParagraphStyle(
            "h2", parent=self.base, fontSize=size + 2.2, leading=(size + 2.2) * 1.3
        )
        self.section = ParagraphStyle(
            "section", parent=self.h2, spaceBefore=3.5, spaceAfter=1.5, textColor=INK
        )
        self.right = ParagraphStyle("right", parent=self.cell, alignment=2)
        self.center = ParagraphStyle("center", parent=self.cell, alignment=1)
        self.warn = ParagraphStyle("warn", parent=self.cell, textColor=FAIL_INK)


def _p(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_text(value), style)


def _when(moment: dt.datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def _language(lang: str) -> str:
    """zh_CN or en; anything else prints in Chinese, the stores' language."""
    return lang if lang in LABELS else "zh_CN"


def _grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
            *extra,
        ]
    )


def _bare_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ]
    )


def _checkbox(checked: bool, size: float = 7.5) -> Drawing:
    return checkbox(checked, INK, size)


class RecordQr(Flowable):
    """The record number as a QR code (error correction M), ``size`` square, drawn as one
    filled path of horizontal runs (the graphics widget draws a shape per run: slower)."""

    def __init__(self, value: str, size: float = 21 * mm) -> None:
        super().__init__()
        self.value = value
        self.width = self.height = size
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(value)
        qr.make()
        self.modules: list[list[bool]] = [[bool(m) for m in row] for row in qr.modules]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        count = len(self.modules)
        box = self.width / count
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        path = canvas.beginPath()
        for r, row in enumerate(self.modules):
            c = 0
            for dark, run in itertools.groupby(row):
                n = len(list(run))
                if dark:
                    path.rect(c * box, self.height - (r + 1) * box, n * box, box)
                c += n
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()


_numbered_canvas = numbered_canvas


def _footer(
    t: dict[str, str], data: DeliveryRecordData, margin: float
) -> Callable[[Any, int, int], None]:
    width, height = A4
    font = cjk_font()
    printed = t["printed" if data.printed_by else "printed_at"].format(
        when=_when(data.printed_at), who=data.printed_by
    )
    running = f"{data.site_name}　{t['title']}　{data.number}　{data.customer_name}"

    def draw(canvas: Any, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(MUTED)
        y = 6.5 * mm
        canvas.drawString(margin, y, printed)
        canvas.drawCentredString(width / 2, y, t["page"].format(n=number, total=total))
        canvas.drawRightString(width - margin, y, data.number)
        if number > 1:
            canvas.drawString(margin, height - 7 * mm, running)
        canvas.restoreState()

    return draw


# -- the parts of the record --------------------------------------------------------------


def _heading(data: DeliveryRecordData, t: dict[str, str], s: _Styles, usable: float) -> Table:
    contact = "　".join(x for x in (data.site_address, data.site_phone) if x)
    qr_size = 21 * mm
    ref = ParagraphStyle("ref", parent=s.cell, alignment=2)
    ref_big = ParagraphStyle("refbig", parent=s.h2, alignment=2)
    left = [
        _p(data.site_name, s.h2),
        _p(contact, s.muted),
        Spacer(1, 1.5 * mm),
        Paragraph(escape(t["title"]), s.title),
    ]
    right = [
        Paragraph(escape(t["number"]), ParagraphStyle("refl", parent=s.label, alignment=2)),
        Paragraph(escape(data.number), ref_big),
        Spacer(1, 1 * mm),
        Paragraph(f"{escape(t['status'])}　{escape(data.status_label)}", ref),
    ]
    heading = _Table(
        [[left, right, RecordQr(data.number, qr_size)]],
        colWidths=[usable - 48 * mm - qr_size - 3 * mm, 48 * mm, qr_size + 3 * mm],
    )
    heading.setStyle(
        _bare_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                ("RIGHTPADDING", (1, 0), (1, 0), 2 * mm),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, INK),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return heading


def _info(data: DeliveryRecordData, t: dict[str, str], s: _Styles, usable: float) -> Table:
    lw = (29 if _is_en(t) else 24) * mm
    vw = usable / 2 - lw
    none = t["none"]

    def pair(label: str, value: str) -> list[Paragraph]:
        return [_p(label, s.label), _p(value or none, s.cell)]

    rows: list[list[Any]] = [
        pair(t["customer"], data.customer_name) + pair(t["phone"], data.phone),
        pair(t["plate"], data.plate) + pair(t["model"], data.model),
        pair(t["vin"], data.vin) + pair(t["engine"], data.engine_no),
        pair(t["sales"], data.sales_consultant) + pair(t["specialist"], data.delivery_specialist),
        pair(t["planned"], _when(data.planned_at))
        + pair(t["delivered"], _when(data.delivered_at) or t["not_delivered"]),
    ]
    extra: list[tuple[Any, ...]] = []
    if data.remarks.strip():
        rows.append([_p(t["remarks"], s.label), _p(data.remarks, s.cell), "", ""])
        extra.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
    info = _Table(rows, colWidths=[lw, vw, lw, vw])
    info.setStyle(
        _grid_style(
            [
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                *extra,
            ]
        )
    )
    return info


def _pdi_summary(data: DeliveryRecordData, t: dict[str, str], s: _Styles, usable: float) -> Table:
    """Counts by result, the template code and version, the technician's sign-off."""
    counts = data.counts()
    summary_style = ParagraphStyle("summary", parent=s.cell)
    summary = escape(
        t["summary"].format(
            passed=counts["pass"], na=counts["na"], failed=counts["fail"], open=counts["open"]
        )
    )
    if counts["fail"]:
        summary = f'<font color="#{FAIL_INK.hexval()[2:]}">{summary}</font>'
    signed = (
        t["signed"].format(name=data.technician or t["none"], when=_when(data.pdi_signed_at))
        if data.pdi_signed_at
        else t["not_signed"]
    )
    head = _Table(
        [
            [
                Paragraph(summary, summary_style),
                _p(
                    t["template"].format(code=data.template_code, version=data.template_version),
                    s.cell,
                ),
                _p(signed, ParagraphStyle("signed", parent=s.cell, alignment=2)),
            ]
        ],
        colWidths=[usable * 0.3, usable * 0.26, usable * 0.44],
    )
    head.setStyle(
        _grid_style(
            [("BACKGROUND", (0, 0), (-1, -1), HEAD_BG), ("GRID", (0, 0), (-1, -1), 0, HEAD_BG)]
        )
    )
    return head


def _pdi_columns(
    data: DeliveryRecordData,
    t: dict[str, str],
    s: _Styles,
    usable: float,
    rooms: tuple[float, float],
) -> list[Flowable]:
    """The checklist in two balanced columns. ``rooms``: the height left on this page and a
    whole page's height; blocks of two columns are cut to fit them, so a long checklist
    continues on the next page."""

    gap = 4 * mm
    col_w = (usable - gap) / 2
    codes = [line.code for section in data.sections for line in section.lines]
    code_w = max([10.5 * mm, *(stringWidth(c, s.font, s.cell.fontSize) + 7 for c in codes)])
    result_w = 20 * mm if _is_en(t) else 15 * mm
    text_w = col_w - code_w - result_w
    room = text_w - 6  # the cell's padding
    section_style = ParagraphStyle("sect", parent=s.cell)
    result_styles = {
        "fail": ParagraphStyle("rf", parent=s.cell, textColor=FAIL_INK),
        "open": ParagraphStyle("ro", parent=s.cell, textColor=OPEN_INK),
        "na": ParagraphStyle("rn", parent=s.cell, textColor=MUTED),
    }
    line_h = s.cell.leading

    def tall(flowables: Sequence[Flowable]) -> float:
        return float(sum(f.wrap(room, 10_000)[1] for f in flowables))

    rows: list[_PdiRow] = []
    for section in data.sections:
        rows.append(_PdiRow([_p(section.title, section_style), "", ""], "section", line_h))
        for line in section.lines:
            text: list[Flowable] = [_p(line.text, s.cell)]
            if line.note.strip():
                note = t["note_fmt"].format(note=line.note)
                text.append(_p(note, s.note if line.result == "fail" else s.muted))
            height = tall(text)
            label = line.result_label + (t["reinspected"] if line.reinspected else "")
            cells = [_p(line.code, s.cell), text, _p(label, result_styles.get(line.result, s.cell))]
            rows.append(_PdiRow(cells, "fail" if line.result == "fail" else "item", height))
    header = [_p(t["code"], s.label), _p(t["item"], s.label), _p(t["result"], s.label)]

    def block(left: Sequence[_PdiRow], right: Sequence[_PdiRow]) -> Table:
        """One table: the left rows in columns 0-2, a gap, the right rows in columns 4-6,
        paired by line (a flat table wraps each cell once; nested tables wrap them again)."""
        blank = ["", "", ""]
        cells = [[*header, "", *(header if right else blank)]]
        style: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (2, len(left)), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1.1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
            ("BACKGROUND", (0, 0), (2, 0), HEAD_BG),
        ]
        if right:
            style += [
                ("GRID", (4, 0), (6, len(right)), 0.4, GRID),
                ("BACKGROUND", (4, 0), (6, 0), HEAD_BG),
            ]
        for r in range(1, max(len(left), len(right)) + 1):
            pair = (
                left[r - 1] if r <= len(left) else None,
                right[r - 1] if r <= len(right) else None,
            )
            cells.append(
                [
                    *(pair[0].cells if pair[0] else blank),
                    "",
                    *(pair[1].cells if pair[1] else blank),
                ]
            )
            for first_col, row in zip((0, 4), pair, strict=True):
                if row is None:
                    continue
                last_col = first_col + 2
                if row.kind == "section":
                    style += [
                        ("SPAN", (first_col, r), (last_col, r)),
                        ("BACKGROUND", (first_col, r), (last_col, r), SECTION_BG),
                    ]
                elif row.kind == "fail":
                    style.append(("BACKGROUND", (first_col, r), (last_col, r), FAIL_BG))
        widths = [code_w, text_w, result_w]
        table = _Table(cells, colWidths=[*widths, gap, *widths])
        table.setStyle(TableStyle(style))
        return table

    # Two columns side by side in blocks that fit the page: a long checklist continues on the
    # next page. (ReportLab's BalancedColumns balances too, but deep-copies the table for
    # every trial split: five times slower for a 60-item list.)
    blocks: list[Flowable] = [Spacer(1, 1.5 * mm)]
    room = rooms[0] - 1.5 * mm
    first = 0
    while first < len(rows):
        end = _block_end(rows, first, room - line_h - _ROW_PADDING)
        if end == first:  # not even one row fits what is left of this page
            blocks.append(PageBreak())
            room = rooms[1]
            continue
        chunk = rows[first:end]
        if first > 0:  # the block before filled its page: never let a block split
            blocks.append(PageBreak())
        first, room = end, rooms[1]
        split = _split(chunk)
        blocks.append(block(chunk[:split], chunk[split:]))
    return blocks


@dataclass(frozen=True)
class _PdiRow:
    cells: list[Any]
    kind: str  # "section", "item" or "fail"
    height: float  # estimated, for cutting blocks to the page


_ROW_PADDING = 2.7  # top and bottom padding of a checklist row
_SAFETY = 1.02  # the grid lines


def _split(rows: Sequence[_PdiRow]) -> int:
    """Where the right column starts: half-way (the left one takes the odd row), moved on
    past a section title so a title never ends the left column."""
    split = (len(rows) + 1) // 2
    while 0 < split < len(rows) and rows[split - 1].kind == "section":
        split += 1
    return split


def _paired_height(rows: Sequence[_PdiRow]) -> float:
    split = _split(rows)
    left, right = rows[:split], rows[split:]
    return sum(
        max(
            left[i].height if i < len(left) else 0.0,
            right[i].height if i < len(right) else 0.0,
        )
        + _ROW_PADDING
        for i in range(max(len(left), len(right)))
    )


def _block_end(rows: Sequence[_PdiRow], first: int, room: float) -> int:
    """The end of the longest block from ``first`` whose paired columns fit ``room``."""
    end = first
    while end < len(rows) and _paired_height(rows[first : end + 1]) * _SAFETY <= room:
        end += 1
    return end


def _is_en(t: dict[str, str]) -> bool:
    return t is LABELS["en"]


def _documents(data: DeliveryRecordData, t: dict[str, str], s: _Styles, usable: float) -> Table:
    state_w, count_w = (28 * mm if _is_en(t) else 24 * mm), 13 * mm
    doc_w = 62 * mm
    note_w = usable - 7 * mm - doc_w - state_w - count_w
    rows: list[list[Any]] = [
        [
            _p("#", s.label),
            _p(t["doc"], s.label),
            _p(t["state"], s.label),
            _p(t["count"], s.label),
            _p(t["note"], s.label),
        ]
    ]
    style: list[tuple[Any, ...]] = [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)]
    for n, line in enumerate(data.documents, start=1):
        state_style = s.cell
        if line.state == "open":
            state_style = ParagraphStyle("so", parent=s.cell, textColor=OPEN_INK)
        elif line.state == "na":
            state_style = ParagraphStyle("sn", parent=s.cell, textColor=MUTED)
        rows.append(
            [
                _p(str(n), s.label),
                _p(line.text, s.cell),
                _p(line.state_label, state_style),
                _p(t["keys_fmt"].format(n=line.count) if line.count is not None else "", s.center),
                _p(line.note, s.cell),
            ]
        )
    table = _Table(rows, colWidths=[7 * mm, doc_w, state_w, count_w, note_w], repeatRows=1)
    table.setStyle(_grid_style(style))
    return table


def _explanation(data: DeliveryRecordData, t: dict[str, str], s: _Styles, usable: float) -> Table:
    lw = 24 * mm
    topic_w = (usable - lw) / 2
    cells: list[Any] = []
    for topic in data.topics:
        box = _Table(
            [[_checkbox(topic.done), _p(topic.text, s.cell)]], colWidths=[11, topic_w - 11 - 6]
        )
        box.setStyle(_bare_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        cells.append(box)
    if len(cells) % 2:
        cells.append("")
    topic_rows = [cells[i : i + 2] for i in range(0, len(cells), 2)] or [
        [_p(t["none"], s.cell), ""]
    ]
    minutes = data.explanation_minutes
    if minutes is None:
        duration = t["not_timed"]
    else:
        duration = t["minutes_span"].format(
            n=minutes,
            start=_when(data.explanation_start)[-5:],
            end=_when(data.explanation_end)[-5:],
        )
    rows: list[list[Any]] = []
    for i, pair in enumerate(topic_rows):
        rows.append([_p(t["topics"], s.label) if i == 0 else "", *pair])
    first_duration = len(rows)
    rows.append([_p(t["duration"], s.label), _p(duration, s.cell), ""])
    style: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
        ("SPAN", (0, 0), (0, first_duration - 1)),
        ("VALIGN", (0, 0), (0, first_duration - 1), "TOP"),
        ("SPAN", (1, first_duration), (2, first_duration)),
        ("INNERGRID", (1, 0), (2, first_duration - 1), 0, colors.white),
        ("LINEBELOW", (1, first_duration - 1), (2, first_duration - 1), 0.4, GRID),
    ]
    if minutes is not None and minutes < MIN_EXPLANATION_MINUTES:
        warning = [_p(t["short"].format(min=MIN_EXPLANATION_MINUTES), s.warn)]
        if data.short_reason.strip():
            warning.append(_p(t["accepted"].format(reason=data.short_reason), s.cell))
        else:
            warning.append(_p(t["not_accepted"], s.warn))
        rows.append(["", warning, ""])
        r = len(rows) - 1
        style += [
            ("SPAN", (1, r), (2, r)),
            ("SPAN", (0, first_duration), (0, r)),
            ("BACKGROUND", (1, r), (2, r), WARN_BG),
        ]
    table = _Table(rows, colWidths=[lw, topic_w, topic_w])
    table.setStyle(_grid_style(style))
    return table


def _signatures(
    data: DeliveryRecordData, t: dict[str, str], s: _Styles, usable: float
) -> list[Flowable]:
    statement = Paragraph(
        escape(t["statement"]), ParagraphStyle("st", parent=s.cell, fontSize=8.8, leading=13)
    )
    box_w = (usable - 8 * mm) / 2

    def sign_box(label: str, name: str) -> Table:
        head = label + (f"（{name}）" if name and not _is_en(t) else f" ({name})" if name else "")
        box = _Table(
            [[_p(head, s.label)], [""], [_p(t["date_line"], s.label)]],
            colWidths=[box_w],
            rowHeights=[6 * mm, 17 * mm, 7 * mm],
        )
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.8, INK),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("LINEBELOW", (0, 1), (0, 1), 0.4, GRID),
                ]
            )
        )
        return box

    signatures = _Table(
        [
            [
                sign_box(t["customer_sign"], ""),
                "",
                sign_box(t["specialist_sign"], data.delivery_specialist),
            ]
        ],
        colWidths=[box_w, 8 * mm, box_w],
    )
    signatures.setStyle(_bare_style())
    return [KeepTogether([statement, Spacer(1, 3.5 * mm), signatures])]


def render_delivery_record(data: DeliveryRecordData, lang: str = "zh_CN") -> bytes:
    """The delivery record the customer signs, one or two A4 pages."""
    lang = _language(lang)
    t = LABELS[lang]
    s = _Styles(lang)
    margin = 13 * mm
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=11 * mm,
        bottomMargin=12 * mm,
        title=f"{t['title']} {data.number}",
        author=data.site_name,
        subject=data.customer_name,
        initialFontName=cjk_font(),
    )
    usable = doc.width - 12  # the frame's own padding, 6 pt each side
    page_room = doc.height - 12 - 2  # the frame's padding, and a little slack
    opening: list[Flowable] = [
        _heading(data, t, s, usable),
        Spacer(1, 3 * mm),
        _info(data, t, s, usable),
        Paragraph(escape(t["pdi"]), s.section),
    ]
    opening.append(_pdi_summary(data, t, s, usable))
    used = sum(
        f.wrap(usable, page_room)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in opening
    )
    story: list[Flowable] = [
        *opening,
        *_pdi_columns(data, t, s, usable, (page_room - used, page_room)),
        # the whole list on one page: it moves to the next page rather than leave a line behind
        KeepTogether(
            [Paragraph(escape(t["documents"]), s.section), _documents(data, t, s, usable)]
        ),
        # a heading never stays behind at the foot of a page without its table
        KeepTogether(
            [Paragraph(escape(t["explanation"]), s.section), _explanation(data, t, s, usable)]
        ),
        Spacer(1, 4 * mm),
        *_signatures(data, t, s, usable),
    ]
    doc.build(story, canvasmaker=_numbered_canvas(_footer(t, data, margin)))
    return out.getvalue()
