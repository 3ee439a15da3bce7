"""The quote (报价单 / 购车费用明细表) on A4 that the consultant hands to the customer: store
header with the quote number, its version and a QR code, customer and vehicle, every line of
the purchase cost with what it is and how it is worked out, the selling-price subtotal shown
apart (it is not added again), the on-road price (落地价), up to three finance plans side by
side, the manager's approval of an extra discount, footnotes and the signature lines.

Plain data in, PDF bytes out: the services fill the dataclasses below with every label already
in the document's language; nothing here reads the database. The same data always gives the
same bytes (ReportLab's invariant mode, no clock read here). The small building blocks at the
top are shared with :mod:`desktop_app.printing.contracts`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .delivery import RecordQr  # also teaches ReportLab's CJK wrapping about ，；：？！
from .fonts import cjk_font
from .layout import GRID, HEAD_BG, INK, MUTED, CjkTable, numbered_canvas
from .layout import markup as text

SUBTOTAL_BG = colors.HexColor("#f3f5f8")
TOTAL_BG = colors.HexColor("#e3eaf3")
NOTE_BG = colors.HexColor("#fff8e1")
NOTE_INK = colors.HexColor("#7a5300")
CHOSEN_BG = colors.HexColor("#e7f3ea")
ACCENT = colors.HexColor("#1d4f91")

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "购车费用明细表（报价单）",
        "number": "报价单号",
        "version": "第 {n} 版",
        "page": "第 {n} 页 共 {total} 页",
        "licence": "统一社会信用代码：{no}",
        "none": "—",
        "customer": "客户姓名",
        "phone": "联系电话",
        "model": "车型",
        "colour": "车身颜色",
        "vin": "车架号 (VIN)",
        "vin_open": "未指定车辆（按库存分配）",
        "consultant": "销售顾问",
        "quoted_on": "报价日期",
        "valid_until": "有效期至",
        "costs": "一、购车费用明细",
        "item": "项目",
        "name": "名称",
        "how": "说明",
        "amount": "金额（元）",
        "subtotal_note": "小计，不重复计入",
        "total": "落地价（合计）",
        "total_note": "以上各项之和",
        "plans": "二、金融方案（等额本息）",
        "plan": "方案{n}",
        "chosen": "（已选）",
        "lender": "贷款机构",
        "down_payment": "首付款",
        "loan": "贷款金额",
        "term": "贷款期限",
        "months": "{n} 期",
        "rate": "年利率",
        "monthly": "月供",
        "final": "末期月供",
        "interest": "总利息",
        "fee": "金融服务费",
        "due": "购车时需支付",
        "total_cost": "总费用",
        "note_plans": (
            "贷款方案以贷款机构审批为准。购车时需支付 = 首付款 + 购置税、保险、精品等车价以外的费用"
            " + 金融服务费；总费用 = 落地价 + 总利息 + 金融服务费。"
        ),
        "approval": ("额外优惠 ¥{amount} 已由经理 {name} 于 {when} 批准。"),
        "approval_note": "批准备注：{note}",
        "notes": "说明",
        "note_valid": "本报价有效期至 {date}；逾期请重新报价，价格以届时价格表为准。",
        "note_tax": (
            "车辆购置税 = 成交价 ÷ 1.13（扣除 13% 增值税）× 10%；新能源车按购车日期适用国家"
            "减免政策，减免金额见上表。"
        ),
        "note_tax_relief": "本车适用新能源车购置税减免，已减免 ¥{amount}。",
        "note_insurance": (
            "商业险为首年保费估算，以保险公司实际出具的保单为准；交强险按国家规定费率收取。"
        ),
        "note_binding": "本报价单仅供参考，不构成合同；成交条件以双方签订的购车合同为准。",
        "customer_sign": "客户签字",
        "consultant_sign": "销售顾问签字",
        "date_line": "日期：________ 年 ____ 月 ____ 日",
    },
    "en": {
        "title": "Quote: purchase cost breakdown",
        "number": "Quote no.",
        "version": "Version {n}",
        "page": "Page {n} of {total}",
        "licence": "Business licence no. {no}",
        "none": "—",
        "customer": "Customer",
        "phone": "Phone",
        "model": "Model",
        "colour": "Colour",
        "vin": "VIN",
        "vin_open": "No specific car yet (allocated from stock)",
        "consultant": "Sales consultant",
        "quoted_on": "Date",
        "valid_until": "Valid until",
        "costs": "1. Purchase cost breakdown",
        "item": "Item",
        "name": "Name",
        "how": "How it is worked out",
        "amount": "Amount (¥)",
        "subtotal_note": "Subtotal, not added again",
        "total": "Total on-road price",
        "total_note": "The sum of the lines above",
        "plans": "2. Finance plans (equal monthly instalments)",
        "plan": "Plan {n}",
        "chosen": " (chosen)",
        "lender": "Lender",
        "down_payment": "Down payment",
        "loan": "Loan",
        "term": "Term",
        "months": "{n} months",
        "rate": "Annual rate",
        "monthly": "Monthly payment",
        "final": "Last instalment",
        "interest": "Total interest",
        "fee": "Finance service fee",
        "due": "Due at purchase",
        "total_cost": "Total cost",
        "note_plans": (
            "Loans are subject to the lender's approval. Due at purchase = down payment + the "
            "costs besides the car (tax, insurance, accessories …) + finance fee; total cost = "
            "on-road price + total interest + finance fee."
        ),
        "approval": (
            "The additional discount of ¥{amount} was approved by manager {name} on {when}."
        ),
        "approval_note": "Approval note: {note}",
        "notes": "Notes",
        "note_valid": (
            "This quote is valid until {date}; after that date ask for a new quote at the prices "
            "of the day."
        ),
        "note_tax": (
            "Vehicle purchase tax = selling price ÷ 1.13 (removing the 13 % VAT) × 10 %; new-"
            "energy vehicles get the national relief that applies on the purchase date, shown "
            "in the table."
        ),
        "note_tax_relief": "This car qualifies for the new-energy relief: ¥{amount} less tax.",
        "note_insurance": (
            "Commercial insurance is an estimate of the first year's premium; the insurer's "
            "policy is binding. The compulsory insurance is charged at the statutory rate."
        ),
        "note_binding": (
            "This quote is for information and is not a contract; the purchase contract signed "
            "by both parties is binding."
        ),
        "customer_sign": "Customer's signature",
        "consultant_sign": "Sales consultant's signature",
        "date_line": "Date: ____________________",
    },
}


# -- the data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PriceLine:
    """One printed line of the purchase cost; ``subtotal`` lines (the selling price) are shown
    but not added to the total."""

    label: str
    amount: Decimal
    name: str = ""
    explanation: str = ""
    detail: str = ""
    subtotal: bool = False


@dataclass(frozen=True)
class PlanColumn:
    lender: str
    down_payment: Decimal
    loan: Decimal
    months: int
    annual_rate: Decimal  # a fraction: 0.0399
    monthly: Decimal
    interest: Decimal
    fee: Decimal
    due_at_purchase: Decimal | None = None
    total_cost: Decimal | None = None
    chosen: bool = False
    final: Decimal | None = None  # the last instalment, when it differs by the fen rounding


@dataclass
class QuoteData:
    site_name: str
    number: str
    version: int
    quoted_on: dt.date
    valid_until: dt.date
    customer_name: str
    model: str
    lines: Sequence[PriceLine]
    total: Decimal
    site_address: str = ""
    site_phone: str = ""
    licence_no: str = ""
    phone: str = ""
    colour: str = ""
    vin: str = ""
    consultant: str = ""
    plans: Sequence[PlanColumn] = ()
    approved_by: str = ""
    approved_at: dt.datetime | None = None
    approved_discount: Decimal | None = None
    approval_note: str = ""
    tax_relief: Decimal = Decimal(0)
    qr_value: str = ""

    @property
    def added_up(self) -> Decimal:
        """The sum of the printed lines that count (what the total must equal)."""
        return sum((ln.amount for ln in self.lines if not ln.subtotal), Decimal(0))


# -- small building blocks (shared with contracts.py) -------------------------------------


class Styles:
    def __init__(self, lang: str, size: float = 8.5) -> None:
        font = cjk_font()
        self.font = font
        self.size = size
        self.base = ParagraphStyle(
            "base",
            fontName=font,
            fontSize=size,
            leading=size * 1.3,
            # Chinese lines break between any characters but never before ，。；、）
            wordWrap="CJK" if lang == "zh_CN" else None,
        )
        self.cell = ParagraphStyle("cell", parent=self.base, textColor=INK)
        self.label = ParagraphStyle("label", parent=self.base, textColor=MUTED)
        self.small = ParagraphStyle(
            "small", parent=self.base, fontSize=size - 1.2, leading=(size - 1.2) * 1.28
        )
        self.muted = ParagraphStyle("muted", parent=self.small, textColor=MUTED)
        self.title = ParagraphStyle("title", parent=self.base, fontSize=17, leading=22)
        self.h2 = ParagraphStyle(
            "h2", parent=self.base, fontSize=size + 2.5, leading=(size + 2.5) * 1.3
        )
        self.section = ParagraphStyle(
            "section", parent=self.h2, spaceBefore=5, spaceAfter=2.5, textColor=INK
        )
        self.right = ParagraphStyle("right", parent=self.cell, alignment=2)
        self.right_muted = ParagraphStyle("rightm", parent=self.muted, alignment=2)
        self.center = ParagraphStyle("center", parent=self.cell, alignment=1)
        self.big = ParagraphStyle(
            "big", parent=self.cell, fontSize=size + 4.5, leading=(size + 4.5) * 1.25
        )
        self.big_right = ParagraphStyle("bigr", parent=self.big, alignment=2)
        self.note = ParagraphStyle("note", parent=self.cell, textColor=NOTE_INK)
        self.body = ParagraphStyle(
            "body", parent=self.cell, fontSize=size + 0.5, leading=(size + 0.5) * 1.5
        )


def para(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text(value), style)


class Cell(Flowable):
    """Plain text in a table cell, styled like a Paragraph: drawn as one line when it fits
    (cheap: no line breaking), else as a wrapping Paragraph. Most cells are one short line."""

    def __init__(self, value: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.value = value.strip()
        self.style = style
        self._para: Paragraph | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        style = self.style
        if "\n" not in self.value and (
            stringWidth(self.value, style.fontName, style.fontSize) <= availWidth
        ):
            self._para = None
            self.width, self.height = availWidth, style.leading
            return self.width, self.height
        self._para = para(self.value, style)
        self.width, self.height = self._para.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        if self._para is not None:
            self._para.drawOn(self.canv, 0, 0)
            return
        style = self.style
        canvas = self.canv
        # where Paragraph puts the first baseline
        if rl_config.paraFontSizeHeightOffset:
            y = self.height - style.fontSize
        else:
            y = self.height - getAscentDescent(style.fontName, style.fontSize)[0]
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        if style.alignment == 2:
            canvas.drawRightString(self.width, y, self.value)
        elif style.alignment == 1:
            canvas.drawCentredString(self.width / 2, y, self.value)
        else:
            canvas.drawString(0, y, self.value)


def money(value: Decimal, sign: bool = True) -> str:
    """¥123,456.70; a negative amount with a real minus sign: −¥3,000.00."""
    amount = Decimal(value)
    body = f"¥{abs(amount):,.2f}" if sign else f"{abs(amount):,.2f}"
    return ("−" if amount < 0 else "") + body


def percent(rate: Decimal) -> str:
    """0.0399 → 3.99 %; 0 → 0 %."""
    value = (Decimal(rate) * 100).quantize(Decimal("0.01"))
    shown = f"{value:f}".rstrip("0").rstrip(".") if value else "0"
    return f"{shown} %"


def language(lang: str) -> str:
    """zh_CN or en; anything else prints in Chinese, the stores' language."""
    return lang if lang in ("zh_CN", "en") else "zh_CN"


def grid_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
            ("TOPPADDING", (0, 0), (-1, -1), 1.3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.0),
            *extra,
        ]
    )


def bare_style(extra: Sequence[tuple[Any, ...]] = ()) -> TableStyle:
    return TableStyle(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *extra,
        ]
    )


def _figure_cells(
    start: tuple[int, int], stop: tuple[int, int], s: Styles
) -> list[tuple[Any, ...]]:
    """Style for cells holding plain strings (amounts): right-aligned, the text size and ink."""
    return [
        ("FONTSIZE", start, stop, s.size),
        ("LEADING", start, stop, s.size * 1.3),
        ("TEXTCOLOR", start, stop, INK),
        ("ALIGN", start, stop, "RIGHT"),
    ]


def pairs_table(
    rows: Sequence[Sequence[tuple[str, str]]],
    s: Styles,
    usable: float,
    label_w: float,
    none: str = "—",
) -> Table:
    """Label/value pairs, two to a row (a row of one pair spans the width)."""
    value_w = usable / 2 - label_w
    cells: list[list[Any]] = []
    extra: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        line: list[Any] = []
        for lbl, value in row:
            line += [Cell(lbl, s.label), Cell(value or none, s.cell)]
        if len(row) == 1:
            line += ["", ""]
            extra.append(("SPAN", (1, r), (3, r)))
        cells.append(line)
    table = CjkTable(cells, colWidths=[label_w, value_w, label_w, value_w])
    table.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                *extra,
            ]
        )
    )
    return table


def sign_boxes(
    left: tuple[str, str], right: tuple[str, str], date_line: str, s: Styles, usable: float
) -> Table:
    """Two signature boxes side by side: (label, printed name) each, a line to sign on, the
    date line."""
    box_w = (usable - 8 * mm) / 2

    def box(label: str, name: str) -> Table:
        head = f"{label}　{name}" if name else label
        inner = CjkTable(
            [[Cell(head, s.label)], [""], [Cell(date_line, s.label)]],
            colWidths=[box_w],
            rowHeights=[5 * mm, 8.5 * mm, 5.5 * mm],
        )
        inner.setStyle(
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
        return inner

    table = CjkTable([[box(*left), "", box(*right)]], colWidths=[box_w, 8 * mm, box_w])
    table.setStyle(bare_style())
    return table


def page_footer(
    page_label: str,
    left: str,
    right: str,
    running: str,
    margin: float,
) -> Callable[[Any, int, int], None]:
    """The footer of every page (site, 第 n 页 共 m 页, number) and, from page 2, a running
    header naming the document."""
    width, height = A4
    font = cjk_font()

    def draw(canvas: Any, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(MUTED)
        y = 6.5 * mm
        canvas.drawString(margin, y, left)
        canvas.drawCentredString(width / 2, y, page_label.format(n=number, total=total))
        canvas.drawRightString(width - margin, y, right)
        if number > 1:
            canvas.drawString(margin, height - 7 * mm, running)
        canvas.restoreState()

    return draw


def document(out: io.BytesIO, title: str, author: str, subject: str) -> SimpleDocTemplate:
    """An A4 document whose bytes depend only on what is drawn (invariant: no creation date,
    fixed document id)."""
    margin = 13 * mm
    return SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=11 * mm,
        bottomMargin=13 * mm,
        title=title,
        author=author,
        subject=subject,
        creator="DealerDesk",
        producer="DealerDesk",
        invariant=1,
        initialFontName=cjk_font(),
    )


def site_block(
    name: str, address: str, phone: str, licence: str, title: str, t: dict[str, str], s: Styles
) -> list[Flowable]:
    contact = "　".join(x for x in (address, phone) if x)
    out: list[Flowable] = [para(name, s.h2)]
    if contact:
        out.append(para(contact, s.muted))
    if licence:
        out.append(para(t["licence"].format(no=licence), s.muted))
    out += [Spacer(1, 1.8 * mm), Paragraph(escape(title), s.title)]
    return out


# -- the parts of the quote -----------------------------------------------------------------


def _heading(data: QuoteData, t: dict[str, str], s: Styles, usable: float) -> Table:
    qr_size = 22 * mm
    ref_label = ParagraphStyle("refl", parent=s.label, alignment=2)
    ref_big = ParagraphStyle("refbig", parent=s.h2, alignment=2)
    left = site_block(
        data.site_name,
        data.site_address,
        data.site_phone,
        data.licence_no,
        t["title"],
        t,
        s,
    )
    right = [
        Paragraph(escape(t["number"]), ref_label),
        Paragraph(escape(data.number), ref_big),
        Paragraph(escape(t["version"].format(n=data.version)), s.right),
        Paragraph(
            escape(f"{t['quoted_on']} {data.quoted_on.isoformat()}"),
            ParagraphStyle("d1", parent=s.right, textColor=MUTED),
        ),
        Paragraph(
            escape(f"{t['valid_until']} {data.valid_until.isoformat()}"),
            ParagraphStyle("d2", parent=s.right, textColor=INK),
        ),
    ]
    ref_w = 52 * mm
    heading = CjkTable(
        [[left, right, RecordQr(data.qr_value or data.number, qr_size)]],
        colWidths=[usable - ref_w - qr_size - 3 * mm, ref_w, qr_size + 3 * mm],
    )
    heading.setStyle(
        bare_style(
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


def _info(data: QuoteData, t: dict[str, str], s: Styles, usable: float) -> Table:
    en = t is LABELS["en"]
    rows: list[list[tuple[str, str]]] = [
        [(t["customer"], data.customer_name), (t["phone"], data.phone)],
        [(t["model"], data.model), (t["colour"], data.colour)],
        [(t["vin"], data.vin or t["vin_open"]), (t["consultant"], data.consultant)],
    ]
    return pairs_table(rows, s, usable, (27 if en else 22) * mm, t["none"])


def price_table(
    lines: Sequence[PriceLine],
    total: Decimal,
    t: dict[str, str],
    s: Styles,
    usable: float,
    with_explanations: bool = True,
) -> Table:
    """The itemised lines, the selling-price subtotal shaded and marked as not added, and the
    total on-road price in large type (the quote and the contract print the same table)."""
    en = t is LABELS["en"]
    label_w = (45 if en else 30) * mm
    amount_w = (27 if with_explanations else 36) * mm
    if with_explanations:
        name_w = (40 if en else 46) * mm
        how_w = usable - label_w - name_w - amount_w
        widths = [label_w, name_w, how_w, amount_w]
    else:
        name_w = usable - label_w - amount_w
        widths = [label_w, name_w, amount_w]
    header = [Cell(t["item"], s.label), Cell(t["name"], s.label)]
    if with_explanations:
        header.append(Cell(t["how"], s.label))
    header.append(Paragraph(escape(t["amount"]), ParagraphStyle("ah", s.label, alignment=2)))
    rows: list[list[Any]] = [header]
    style: list[tuple[Any, ...]] = [
        *_figure_cells((-1, 1), (-1, -1), s),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
    ]
    last = len(widths) - 1
    for line in lines:
        r = len(rows)
        how = " · ".join(x for x in (line.explanation, line.detail) if x)
        name: Any = Cell(line.name, s.cell) if line.name else ""
        if line.subtotal:
            name = Cell(t["subtotal_note"], s.muted)
            style += [
                ("BACKGROUND", (0, r), (-1, r), SUBTOTAL_BG),
                ("LINEABOVE", (0, r), (-1, r), 0.9, INK),
                ("LINEBELOW", (0, r), (-1, r), 0.9, INK),
            ]
        cells: list[Any] = [Cell(line.label, s.cell), name]
        if with_explanations:
            cells.append(Cell(how, s.muted) if how else "")
        cells.append(money(line.amount))  # a plain string: drawn without a Paragraph
        rows.append(cells)
    r = len(rows)
    total_label = ParagraphStyle("tl", parent=s.big, textColor=ACCENT)
    # the total in large type spans the explanation column too when there is one
    amount_col = last - 1 if with_explanations else last
    rows.append(
        [
            [Paragraph(escape(t["total"]), total_label), para(t["total_note"], s.muted)],
            *([""] * (amount_col - 1)),
            Paragraph(escape(money(total)), ParagraphStyle("tr", s.big_right, textColor=ACCENT)),
            *([""] * (last - amount_col)),
        ]
    )
    style += [
        # the last lines stay on the page of the total (never a total alone on a page)
        ("NOSPLIT", (0, max(1, r - 3)), (-1, r)),
        ("SPAN", (0, r), (amount_col - 1, r)),
        ("SPAN", (amount_col, r), (last, r)),
        ("LINEBEFORE", (amount_col, r), (amount_col, r), 0.6, TOTAL_BG),
        ("BACKGROUND", (0, r), (-1, r), TOTAL_BG),
        ("LINEABOVE", (0, r), (-1, r), 1.4, INK),
        ("TOPPADDING", (0, r), (-1, r), 4),
        ("BOTTOMPADDING", (0, r), (-1, r), 5),
    ]
    table = CjkTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(style))
    return table


def plan_table(plans: Sequence[PlanColumn], t: dict[str, str], s: Styles, usable: float) -> Table:
    """Up to three plans side by side, one column each; the chosen one shaded."""
    en = t is LABELS["en"]
    label_w = (38 if en else 30) * mm
    col_w = (usable - label_w) / 3  # the same width for one plan or three
    head_right = ParagraphStyle("ph", parent=s.cell, alignment=2)
    header: list[Any] = [""]
    for n, plan in enumerate(plans, start=1):
        title = t["plan"].format(n=n) + (t["chosen"] if plan.chosen else "")
        header.append(Paragraph(escape(title), head_right))

    def row(label: str, values: Sequence[str], wrap: bool = False) -> list[Any]:
        # figures as plain strings (one line, drawn without a Paragraph); the lender may wrap
        return [Cell(label, s.label), *(Cell(v, s.right) if wrap else v for v in values)]

    def opt(value: Decimal | None) -> str:
        return t["none"] if value is None else money(value)

    rows = [
        header,
        row(t["lender"], [p.lender or t["none"] for p in plans], wrap=True),
        row(t["down_payment"], [money(p.down_payment) for p in plans]),
        row(t["loan"], [money(p.loan) for p in plans]),
        row(t["term"], [t["months"].format(n=p.months) for p in plans]),
        row(t["rate"], [percent(p.annual_rate) for p in plans]),
        row(t["monthly"], [money(p.monthly) for p in plans]),
    ]
    if any(p.final is not None and p.final != p.monthly for p in plans):
        rows.append(row(t["final"], [opt(p.final) for p in plans]))
    rows += [
        row(t["interest"], [money(p.interest) for p in plans]),
        row(t["fee"], [money(p.fee) for p in plans]),
    ]
    monthly_row = 6
    if any(p.due_at_purchase is not None for p in plans):
        rows.append(row(t["due"], [opt(p.due_at_purchase) for p in plans]))
    if any(p.total_cost is not None for p in plans):
        rows.append(row(t["total_cost"], [opt(p.total_cost) for p in plans]))
    style: list[tuple[Any, ...]] = [
        *_figure_cells((1, 1), (-1, -1), s),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("BACKGROUND", (0, 1), (0, -1), HEAD_BG),
        ("LINEABOVE", (0, monthly_row), (-1, monthly_row), 0.9, INK),
        ("LINEBELOW", (0, monthly_row), (-1, monthly_row), 0.9, INK),
    ]
    for c, plan in enumerate(plans, start=1):
        if plan.chosen:
            style.append(("BACKGROUND", (c, 0), (c, -1), CHOSEN_BG))
    table = CjkTable(rows, colWidths=[label_w] + [col_w] * len(plans), hAlign="LEFT")
    table.setStyle(grid_style(style))
    return table


def _approval(data: QuoteData, t: dict[str, str], s: Styles, usable: float) -> Table | None:
    if not data.approved_by:
        return None
    when = data.approved_at.strftime("%Y-%m-%d %H:%M") if data.approved_at else t["none"]
    amount = money(data.approved_discount or Decimal(0), sign=False)
    words = t["approval"].format(amount=amount, name=data.approved_by, when=when)
    if data.approval_note.strip():
        words += "　" + t["approval_note"].format(note=" ".join(data.approval_note.split()))
    box = CjkTable([[para(words, s.note)]], colWidths=[usable])
    box.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), NOTE_BG),
                ("GRID", (0, 0), (-1, -1), 0.6, NOTE_INK),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return box


def _footnotes(data: QuoteData, t: dict[str, str], s: Styles, usable: float) -> Table:
    notes = [t["note_valid"].format(date=data.valid_until.isoformat()), t["note_tax"]]
    if data.tax_relief > 0:
        notes.append(t["note_tax_relief"].format(amount=money(data.tax_relief, sign=False)))
    notes.append(t["note_insurance"])
    if data.plans:
        notes.append(t["note_plans"])
    notes.append(t["note_binding"])
    rows = [[para(f"{n}.", s.muted), para(note, s.muted)] for n, note in enumerate(notes, 1)]
    table = CjkTable(rows, colWidths=[5 * mm, usable - 5 * mm])
    table.setStyle(
        bare_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    )
    return table


def render_quote(data: QuoteData, lang: str = "zh_CN") -> bytes:
    """The quote the customer takes home, usually one A4 page."""
    lang = language(lang)
    t = LABELS[lang]
    s = Styles(lang, 8.3)
    out = io.BytesIO()
    doc = document(
        out, f"{t['title']} {data.number} v{data.version}", data.site_name, data.customer_name
    )
    usable = doc.width - 12  # the frame's own padding, 6 pt each side
    story: list[Flowable] = [
        _heading(data, t, s, usable),
        Spacer(1, 3 * mm),
        _info(data, t, s, usable),
        Paragraph(escape(t["costs"]), s.section),
        price_table(data.lines, data.total, t, s, usable),
    ]
    approval = _approval(data, t, s, usable)
    if approval is not None:
        story += [Spacer(1, 2.5 * mm), approval]
    if data.plans:
        story.append(
            KeepTogether(
                [Paragraph(escape(t["plans"]), s.section), plan_table(data.plans, t, s, usable)]
            )
        )
    story += [
        KeepTogether(
            [
                Paragraph(escape(t["notes"]), s.section),
                _footnotes(data, t, s, usable),
                Spacer(1, 3 * mm),
                sign_boxes(
                    (t["customer_sign"], ""),
                    (t["consultant_sign"], data.consultant),
                    t["date_line"],
                    s,
                    usable,
                ),
            ]
        )
    ]
    margin = doc.leftMargin
    version = t["version"].format(n=data.version)
    footer = page_footer(
        t["page"],
        data.site_name,
        f"{data.number}　{version}",
        f"{data.site_name}　{t['title']}　{data.number}　{data.customer_name}",
        margin,
    )
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return out.getvalue()


__all__ = [
    "LABELS",
    "PlanColumn",
    "PriceLine",
    "QuoteData",
    "render_quote",
]
