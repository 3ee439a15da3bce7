"""The purchase contract (购车合同) and the two papers prepared with it: the insurance
confirmation (保险确认单) and the purchase-tax application (购置税申请表, laid out like the
车辆购置税纳税申报表). ``render_contract_set`` puts all three in one PDF, each with its own
page numbers.

The contract prints every page with "第 n 页 共 m 页", the parties (the buyer with the full ID
number: the contract legally names the buyer by it), the vehicle, the price table, deposit and
balance (with the amount in Chinese capitals), payment and finance, delivery, the documents
handed over, the numbered clauses, remarks and the signature boxes with the dealer's seal. A
void contract carries a VOID/作废 watermark and the reason; a draft a DRAFT/草稿 mark.

Plain data in, PDF bytes out, byte for byte the same for the same data: the signed contract's
PDF hash is stored and checked again later.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .delivery import RecordQr
from .fonts import cjk_font
from .layout import GRID, HEAD_BG, INK, MUTED, CjkTable, checkbox, numbered_canvas
from .quotes import (
    ACCENT,
    NOTE_BG,
    TOTAL_BG,
    Cell,
    PlanColumn,
    PriceLine,
    Styles,
    bare_style,
    document,
    grid_style,
    language,
    money,
    pairs_table,
    para,
    plan_table,
    price_table,
    sign_boxes,
    site_block,
)
from .quotes import LABELS as QUOTE_LABELS

VOID_INK = colors.HexColor("#b3261e")
DRAFT_INK = colors.HexColor("#8a5a00")

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        **QUOTE_LABELS["zh_CN"],
        "title": "购车合同",
        "number": "合同编号",
        "amends": "本合同为 {number} 第 {version} 版的变更",
        "from_quote": "依据报价单 {number} 第 {version} 版",
        "page_of": "{doc}　第 {n} 页 共 {total} 页",
        "void_mark": "作废",
        "void_sub": "VOID",
        "draft_mark": "草稿",
        "draft_sub": "DRAFT",
        "void_note": "本合同已作废，不具效力。作废原因：{reason}",
        "void_by": "作废时间：{when}　经办人：{who}",
        "draft_note": "草稿：签署前请双方核对全部内容；签署后内容即锁定，不可修改。",
        "preamble": (
            "出卖人（甲方）与买受人（乙方）根据《中华人民共和国民法典》《中华人民共和国消费者"
            "权益保护法》等有关法律法规，在平等、自愿、协商一致的基础上，就乙方向甲方购买下列车辆"
            "事宜订立本合同，共同遵守。"
        ),
        "parties": "合同双方",
        "seller": "出卖人（甲方）",
        "buyer": "买受人（乙方）",
        "licence_no": "统一社会信用代码",
        "id_number": "身份证号码",
        "address": "地址",
        "article": "第{n}条　{title}",
        "vehicle": "车辆",
        "brand": "品牌",
        "series": "车系",
        "trim": "车型配置",
        "fuel": "能源类型",
        "nev": "新能源汽车",
        "ice": "燃油 / 混合动力汽车",
        "engine": "发动机号",
        "to_allocate": "待分配（交车前由甲方书面确认）",
        "warranty": "三包及保修",
        "warranty_text": "包修期 {months} 个月或 {km} 公里（以先到者为准）",
        "price": "价款",
        "price_text": "车辆价款及代办费用如下表，合同总价即落地价：",
        "contract_total": "合同总价（落地价）",
        "capital": "人民币（大写）：{words}",
        "payment": "定金与付款",
        "deposit": "定金",
        "balance": "余款",
        "balance_note": "合同总价 − 定金，提车前付清",
        "method": "付款方式",
        "plan_text": "乙方以汽车贷款方式支付部分车款，贷款方案如下（以贷款机构审批为准）：",
        "delivery": "交付",
        "delivery_date": "交付日期",
        "delivery_place": "交付地点",
        "delivery_method": "交付方式",
        "documents": "随车文件",
        "documents_text": "甲方交付车辆时，同时向乙方交付下列文件及物品：",
        "no_documents": "无",
        "remarks": "其他约定",
        "no_remarks": "无",
        "colon": "：",
        "seller_sign": "出卖人（盖章）",
        "seller_rep": "授权代表签字",
        "buyer_sign": "买受人签字",
        "seal": "（公章）",
        "sign_date": "签订日期：________ 年 ____ 月 ____ 日",
        "insurance_title": "保险确认单",
        "insurance_intro": (
            "乙方委托甲方代为办理下列车辆保险。保费为首年估算，以保险公司实际出具的保单为准。"
        ),
        "insured": "被保险人",
        "cover": "险种",
        "premium": "保费（元）",
        "total_premium": "保费合计",
        "insurer": "承保保险公司",
        "insurer_blank": "",
        "no_covers": "未选择保险",
        "insurance_statement": (
            "本人已阅读并知悉上列险种、保险责任及保费；同意按上列险种投保，保险期限自保单载明之日"
            "起一年。"
        ),
        "customer_confirm": "投保人（客户）确认签字",
        "handler": "经办人",
        "tax_title": "车辆购置税申请表",
        "tax_subtitle": "（车辆购置税纳税申报信息，供办理申报使用）",
        "taxpayer": "纳税人信息",
        "taxpayer_name": "纳税人名称",
        "id_type": "证件名称",
        "id_card": "居民身份证",
        "id_no": "证件号码",
        "contact": "联系电话",
        "vehicle_info": "车辆信息",
        "model_no": "厂牌型号",
        "vin_code": "车辆识别代号（车架号）",
        "engine_no": "发动机号",
        "tax_info": "计税信息",
        "invoice_price": "机动车销售统一发票价格（含增值税）",
        "tax_base": "计税价格（发票价格 ÷ 1.13）",
        "tax_rate": "税率",
        "tax_due": "应纳税额（计税价格 × 10%）",
        "relief": "减免税额",
        "relief_nev": "新能源汽车减免",
        "relief_none": "无",
        "payable": "实际应纳税额",
        "tax_statement": ("本人声明：此表所填内容真实、可靠、完整，如有不实，愿承担相应法律责任。"),
        "taxpayer_sign": "纳税人签名",
        "agent_sign": "代理人（经办人）签名",
    },
    "en": {
        **QUOTE_LABELS["en"],
        "title": "Vehicle purchase contract",
        "number": "Contract no.",
        "amends": "This contract amends {number} version {version}",
        "from_quote": "Based on quote {number} version {version}",
        "page_of": "{doc} · Page {n} of {total}",
        "void_mark": "VOID",
        "void_sub": "作废",
        "draft_mark": "DRAFT",
        "draft_sub": "草稿",
        "void_note": "This contract is void and has no effect. Reason: {reason}",
        "void_by": "Voided {when} by {who}",
        "draft_note": (
            "Draft: both parties check every term before signing; once signed the content is "
            "locked and cannot be changed."
        ),
        "preamble": (
            "The seller (Party A) and the buyer (Party B) make this contract for the purchase "
            "of the vehicle below under the Civil Code of the People's Republic of China, the "
            "Consumer Rights Protection Law and other laws and regulations, on the basis of "
            "equality, free will and agreement, and both abide by it."
        ),
        "parties": "The parties",
        "seller": "Seller (Party A)",
        "buyer": "Buyer (Party B)",
        "licence_no": "Business licence no.",
        "id_number": "ID card number",
        "address": "Address",
        "article": "Article {n}. {title}",
        "vehicle": "The vehicle",
        "brand": "Brand",
        "series": "Series",
        "trim": "Trim",
        "fuel": "Energy type",
        "nev": "New-energy vehicle",
        "ice": "Petrol / hybrid vehicle",
        "engine": "Engine no.",
        "to_allocate": "To be allocated (confirmed in writing by the seller before delivery)",
        "warranty": "Warranty (三包)",
        "warranty_text": "{months} months or {km} km, whichever comes first",
        "price": "Price",
        "price_text": (
            "The price of the vehicle and the costs paid through the seller are as follows; the "
            "contract total is the on-road price:"
        ),
        "contract_total": "Contract total (on-road price)",
        "capital": "In words (RMB): {words}",
        "payment": "Deposit and payment",
        "deposit": "Deposit (定金)",
        "balance": "Balance",
        "balance_note": "Contract total − deposit, paid before the car is taken",
        "method": "Payment method",
        "plan_text": (
            "The buyer pays part of the price with a car loan on the following plan (subject to "
            "the lender's approval):"
        ),
        "delivery": "Delivery",
        "delivery_date": "Delivery date",
        "delivery_place": "Place",
        "delivery_method": "Method",
        "documents": "Documents handed over",
        "documents_text": (
            "With the vehicle the seller hands over the following documents and items:"
        ),
        "no_documents": "None",
        "remarks": "Other agreements",
        "no_remarks": "None",
        "colon": ": ",
        "seller_sign": "Seller (company seal)",
        "seller_rep": "Authorised representative",
        "buyer_sign": "Buyer's signature",
        "seal": "(seal)",
        "sign_date": "Date signed: ____________________",
        "insurance_title": "Insurance confirmation",
        "insurance_intro": (
            "The buyer asks the seller to arrange the following insurance for the vehicle. The "
            "premiums are estimates for the first year; the insurer's policy is binding."
        ),
        "insured": "Insured",
        "cover": "Cover",
        "premium": "Premium (¥)",
        "total_premium": "Total premium",
        "insurer": "Insurer",
        "insurer_blank": "",
        "no_covers": "No insurance chosen",
        "insurance_statement": (
            "I have read and understood the covers, what they insure and their premiums above, "
            "and agree to insure the vehicle with them for one year from the date on the policy."
        ),
        "customer_confirm": "Policyholder's (customer's) signature",
        "handler": "Handled by",
        "tax_title": "Vehicle purchase tax application",
        "tax_subtitle": "(the details of the vehicle purchase tax return, for filing)",
        "taxpayer": "Taxpayer",
        "taxpayer_name": "Taxpayer's name",
        "id_type": "Identity document",
        "id_card": "Resident identity card",
        "id_no": "Document number",
        "contact": "Phone",
        "vehicle_info": "Vehicle",
        "model_no": "Make and model",
        "vin_code": "Vehicle identification number",
        "engine_no": "Engine no.",
        "tax_info": "Tax",
        "invoice_price": "Price on the motor-vehicle sales invoice (VAT included)",
        "tax_base": "Taxable price (invoice price ÷ 1.13)",
        "tax_rate": "Rate",
        "tax_due": "Tax (taxable price × 10 %)",
        "relief": "Relief",
        "relief_nev": "New-energy vehicle relief",
        "relief_none": "None",
        "payable": "Tax payable",
        "tax_statement": (
            "I declare that what this form states is true, reliable and complete, and accept "
            "the legal responsibility if it is not."
        ),
        "taxpayer_sign": "Taxpayer's signature",
        "agent_sign": "Agent's signature",
    },
}

# articles the contract prints itself before the dealer's clauses
_ZH_NUMERALS = "零一二三四五六七八九十"


@dataclass(frozen=True)
class ClauseText:
    title: str
    text: str


@dataclass
class ContractData:
    """What one contract states (from its stored content) with labels in the document's
    language; ``mark`` is "" (signed), "draft" or "void"."""

    number: str
    version: int
    dealer_name: str
    buyer_name: str
    buyer_id_number: str
    model_name: str
    lines: Sequence[PriceLine]
    total: Decimal
    deposit: Decimal
    balance: Decimal
    payment_label: str
    delivery_date: dt.date
    delivery_place: str
    delivery_method_label: str
    amends: tuple[str, int] | None = None
    quote: tuple[str, int] | None = None
    dealer_licence: str = ""
    dealer_address: str = ""
    dealer_phone: str = ""
    buyer_phone: str = ""
    buyer_address: str = ""
    brand: str = ""
    series: str = ""
    trim: str = ""
    nev: bool = False
    colour: str = ""
    vin: str = ""
    engine_no: str = ""
    warranty_months: int = 0
    warranty_km: int = 0
    plan: PlanColumn | None = None
    documents: Sequence[str] = ()
    clauses: Sequence[ClauseText] = ()
    remarks: str = ""
    consultant: str = ""
    mark: str = ""
    void_reason: str = ""
    voided_at: dt.datetime | None = None
    voided_by: str = ""
    # the insurance confirmation: (cover, premium), compulsory first
    covers: Sequence[tuple[str, Decimal]] = ()
    # the purchase-tax application
    selling_price: Decimal = Decimal(0)
    purchase_tax: Decimal = Decimal(0)

    @property
    def added_up(self) -> Decimal:
        return sum((ln.amount for ln in self.lines if not ln.subtotal), Decimal(0))


# -- numbers in words -------------------------------------------------------------------------

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def _four(n: int) -> str:
    """0 < n < 10000 in capitals, with 零 for inner gaps (1005 → 壹仟零伍)."""
    out = ""
    zero = False
    for power in range(3, -1, -1):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _SMALL_UNITS[power]
    return out


def rmb_capital(amount: Decimal) -> str:
    """An amount as written on Chinese contracts and cheques: 225449.47 → 贰拾贰万伍仟肆佰
    肆拾玖元肆角柒分; whole yuan end in 整; negatives start with 负."""
    value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    sign = "负" if value < 0 else ""
    value = abs(value)
    yuan = int(value)
    fen_total = int((value - yuan) * 100)
    jiao, fen = divmod(fen_total, 10)
    if yuan == 0:
        whole = ""
    else:
        groups: list[int] = []
        rest = yuan
        while rest:
            groups.append(rest % 10000)
            rest //= 10000
        whole = ""
        pending_zero = False
        for index in range(len(groups) - 1, -1, -1):
            group = groups[index]
            if group == 0:
                pending_zero = bool(whole)
                continue
            if whole and (pending_zero or group < 1000):
                whole += "零"
            whole += _four(group) + _BIG_UNITS[index]
            pending_zero = False
        whole += "元"
    if jiao == 0 and fen == 0:
        return sign + (whole or "零元") + "整"
    tail = ""
    if jiao:
        tail += _DIGITS[jiao] + "角"
    elif whole:
        tail += "零"
    if fen:
        tail += _DIGITS[fen] + "分"
    return sign + whole + tail


# -- page furniture ---------------------------------------------------------------------------


class PartStart(Flowable):
    """Marks where a document of the set starts, so each prints its own page numbers."""

    def __init__(self, title: str, starts: list[tuple[int, str]]) -> None:
        super().__init__()
        self.title = title
        self.starts = starts
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.starts.append((self.canv.getPageNumber(), self.title))


def _mark_drawer(data: ContractData, t: dict[str, str]) -> Callable[[Any], None]:
    """The watermark of a void or draft contract, across the middle of every page."""
    width, height = A4
    font = cjk_font()
    if data.mark == "void":
        words, sub, ink, alpha = t["void_mark"], t["void_sub"], VOID_INK, 0.16
    elif data.mark == "draft":
        words, sub, ink, alpha = t["draft_mark"], t["draft_sub"], DRAFT_INK, 0.10
    else:
        return lambda canvas: None

    def draw(canvas: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(ink)
        canvas.setFillAlpha(alpha)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        size = 110 if len(words) <= 2 else 96
        canvas.setFont(font, size)
        canvas.drawCentredString(0, -size * 0.3, words)
        canvas.setFont(font, size * 0.4)
        canvas.drawCentredString(0, -size * 0.3 - size * 0.55, sub)
        canvas.restoreState()

    return draw


def _footer(
    data: ContractData, t: dict[str, str], margin: float, starts: list[tuple[int, str]]
) -> Callable[[Any, int, int], None]:
    width, height = A4
    font = cjk_font()
    mark = _mark_drawer(data, t)
    right = f"{data.number}　{t['version'].format(n=data.version)}"

    def part_of(page: int, total: int) -> tuple[str, int, int]:
        ordered = sorted(starts) or [(1, t["title"])]
        first, title = ordered[0]
        end = total
        for k, (start, name) in enumerate(ordered):
            if start <= page:
                first, title = start, name
                end = ordered[k + 1][0] - 1 if k + 1 < len(ordered) else total
        return title, page - first + 1, end - first + 1

    def draw(canvas: Any, number: int, total: int) -> None:
        mark(canvas)
        title, n, count = part_of(number, total)
        canvas.saveState()
        canvas.setFont(font, 7.5)
        canvas.setFillColor(MUTED)
        y = 6.5 * mm
        canvas.drawString(margin, y, data.dealer_name)
        canvas.drawCentredString(width / 2, y, t["page_of"].format(doc=title, n=n, total=count))
        canvas.drawRightString(width - margin, y, right)
        if n > 1:
            canvas.drawString(margin, height - 7 * mm, f"{title}　{data.number}　{data.buyer_name}")
        canvas.restoreState()

    return draw


# -- the contract ---------------------------------------------------------------------------


def _is_en(t: dict[str, str]) -> bool:
    return t is LABELS["en"]


def _heading(data: ContractData, t: dict[str, str], s: Styles, usable: float, title: str) -> Table:
    qr_size = 20 * mm
    ref_label = ParagraphStyle("refl", parent=s.label, alignment=2)
    ref_big = ParagraphStyle("refbig", parent=s.h2, alignment=2)
    left = site_block(data.dealer_name, data.dealer_address, data.dealer_phone, "", title, t, s)
    right: list[Flowable] = [
        Paragraph(escape(t["number"]), ref_label),
        Paragraph(escape(data.number), ref_big),
        Paragraph(escape(t["version"].format(n=data.version)), s.right),
    ]
    ref_w = 56 * mm
    heading = CjkTable(
        [[left, right, RecordQr(f"{data.number} V{data.version}", qr_size)]],
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


def _notice(
    lines: Sequence[str], ink: colors.Color, bg: colors.Color, s: Styles, usable: float
) -> Table:
    style = ParagraphStyle("notice", parent=s.cell, textColor=ink)
    box = CjkTable([[[Cell(line, style) for line in lines]]], colWidths=[usable])
    box.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), bg),
                ("GRID", (0, 0), (-1, -1), 0.8, ink),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return box


def _status_notice(
    data: ContractData, t: dict[str, str], s: Styles, usable: float
) -> list[Flowable]:
    if data.mark == "void":
        lines = [t["void_note"].format(reason=data.void_reason or t["none"])]
        if data.voided_at is not None or data.voided_by:
            when = data.voided_at.strftime("%Y-%m-%d %H:%M") if data.voided_at else t["none"]
            lines.append(t["void_by"].format(when=when, who=data.voided_by or t["none"]))
        return [Spacer(1, 2 * mm), _notice(lines, VOID_INK, colors.HexColor("#fde8e8"), s, usable)]
    if data.mark == "draft":
        return [Spacer(1, 2 * mm), _notice([t["draft_note"]], DRAFT_INK, NOTE_BG, s, usable)]
    return []


def _references(data: ContractData, t: dict[str, str], s: Styles) -> list[Flowable]:
    refs: list[str] = []
    if data.amends is not None:
        refs.append(t["amends"].format(number=data.amends[0], version=data.amends[1]))
    if data.quote is not None:
        refs.append(t["from_quote"].format(number=data.quote[0], version=data.quote[1]))
    if not refs:
        return []
    return [Spacer(1, 1.5 * mm), para("　　".join(refs), s.muted)]


def _parties(data: ContractData, t: dict[str, str], s: Styles, usable: float) -> Table:
    lw = (34 if _is_en(t) else 30) * mm
    rows: list[list[tuple[str, str]]] = [
        [(t["seller"], data.dealer_name), (t["licence_no"], data.dealer_licence)],
        [(t["address"], data.dealer_address), (t["phone"], data.dealer_phone)],
        [(t["buyer"], data.buyer_name), (t["id_number"], data.buyer_id_number)],
        [(t["address"], data.buyer_address), (t["phone"], data.buyer_phone)],
    ]
    table = pairs_table(rows, s, usable, lw, t["none"])
    table.setStyle(TableStyle([("LINEABOVE", (0, 2), (-1, 2), 1.0, INK)]))
    return table


def _vehicle(data: ContractData, t: dict[str, str], s: Styles, usable: float) -> Table:
    lw = (30 if _is_en(t) else 26) * mm
    warranty = t["none"]
    if data.warranty_months:
        warranty = t["warranty_text"].format(
            months=data.warranty_months, km=f"{data.warranty_km:,}"
        )
    rows: list[list[tuple[str, str]]] = [
        [(t["brand"], data.brand), (t["series"], data.series)],
        [(t["trim"], data.trim or data.model_name), (t["colour"], data.colour)],
        [
            (t["vin"], data.vin or t["to_allocate"]),
            (t["engine"], data.engine_no or t["to_allocate"]),
        ],
        [(t["fuel"], t["nev"] if data.nev else t["ice"]), (t["warranty"], warranty)],
    ]
    return pairs_table(rows, s, usable, lw, t["none"])


def _money_table(data: ContractData, t: dict[str, str], s: Styles, usable: float) -> Table:
    lw = (38 if _is_en(t) else 30) * mm
    amount_w = 34 * mm
    right = ParagraphStyle("mr", parent=s.cell, alignment=2)
    rows = [
        [Cell(t["deposit"], s.label), "", Cell(money(data.deposit), right)],
        [
            Cell(t["balance"], s.label),
            Cell(t["balance_note"], s.muted),
            Cell(money(data.balance), right),
        ],
        [Cell(t["method"], s.label), Cell(data.payment_label, s.cell), ""],
    ]
    table = CjkTable(rows, colWidths=[lw, usable - lw - amount_w, amount_w])
    table.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("SPAN", (1, 2), (2, 2)),
            ]
        )
    )
    return table


def _documents(data: ContractData, t: dict[str, str], s: Styles, usable: float) -> Table:
    if not data.documents:
        return CjkTable([[Cell(t["no_documents"], s.cell)]], colWidths=[usable])
    col_w = usable / 2
    cells: list[Any] = []
    for name in data.documents:
        box = CjkTable(
            [[checkbox(True, INK, 8), Cell(name, s.cell)]], colWidths=[13, col_w - 13 - 8]
        )
        box.setStyle(bare_style([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        cells.append(box)
    if len(cells) % 2:
        cells.append("")
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    table = CjkTable(rows, colWidths=[col_w, col_w])
    table.setStyle(
        bare_style(
            [("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]
        )
    )
    return table


def _article(n: int, title: str, t: dict[str, str]) -> str:
    if _is_en(t):
        return t["article"].format(n=n, title=title)
    return t["article"].format(n=_zh_number(n), title=title)


def _zh_number(n: int) -> str:
    """1..99 in Chinese numerals (第十二条)."""
    if n <= 10:
        return _ZH_NUMERALS[n]
    tens, units = divmod(n, 10)
    return (_ZH_NUMERALS[tens] if tens > 1 else "") + "十" + (_ZH_NUMERALS[units] if units else "")


def _seal_box(t: dict[str, str], s: Styles, width: float) -> Table:
    """The seller's box: company name, a dashed square for the seal, representative, date."""
    seal_style = ParagraphStyle("seal", parent=s.label, alignment=1)
    seal = CjkTable([[Cell(t["seal"], seal_style)]], colWidths=[26 * mm], rowHeights=[26 * mm])
    seal.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, GRID, None, (2, 2)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return seal


def _signatures(data: ContractData, t: dict[str, str], s: Styles, usable: float) -> Table:
    gap = 8 * mm
    box_w = (usable - gap) / 2
    seal_w = 30 * mm

    def lines(rows: list[str], w: float) -> Table:
        inner = CjkTable([[Cell(r, s.label)] for r in rows], colWidths=[w])
        inner.setStyle(
            bare_style(
                [
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        return inner

    seller_lines = lines(
        [
            t["seller_sign"] + t["colon"],
            data.dealer_name,
            t["seller_rep"] + t["colon"],
            "",
            t["sign_date"],
        ],
        box_w - seal_w - 8,
    )
    seller = CjkTable([[seller_lines, _seal_box(t, s, seal_w)]], colWidths=[box_w - seal_w, seal_w])
    seller.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (1, 0), (1, 0), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    buyer_inner = lines(
        [
            t["buyer_sign"] + t["colon"],
            data.buyer_name,
            t["id_number"] + t["colon"] + data.buyer_id_number,
            "",
            t["sign_date"],
        ],
        box_w - 10,
    )
    buyer = CjkTable([[buyer_inner]], colWidths=[box_w])
    buyer.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    table = CjkTable([[seller, "", buyer]], colWidths=[box_w, gap, box_w])
    table.setStyle(bare_style([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _contract_story(
    data: ContractData, t: dict[str, str], s: Styles, usable: float, starts: list[tuple[int, str]]
) -> list[Flowable]:
    section = s.section
    body = s.body
    story: list[Flowable] = [
        PartStart(t["title"], starts),
        _heading(data, t, s, usable, t["title"]),
        *_status_notice(data, t, s, usable),
        *_references(data, t, s),
        Spacer(1, 2.5 * mm),
        Paragraph(escape(t["parties"]), section),
        _parties(data, t, s, usable),
        Spacer(1, 2.5 * mm),
        para(t["preamble"], body),
    ]
    n = 0

    def article(title: str, *flowables: Flowable) -> None:
        nonlocal n
        n += 1
        story.append(
            KeepTogether([Paragraph(escape(_article(n, title, t)), section), *flowables[:1]])
        )
        story.extend(flowables[1:])

    article(t["vehicle"], _vehicle(data, t, s, usable))
    article(
        t["price"],
        para(t["price_text"], body),
        Spacer(1, 1.5 * mm),
        price_table(data.lines, data.total, {**t, "total": t["contract_total"]}, s, usable, False),
        Spacer(1, 1 * mm),
        para(t["capital"].format(words=rmb_capital(data.total)), s.cell),
    )
    payment: list[Flowable] = [_money_table(data, t, s, usable)]
    if data.plan is not None:
        payment += [
            Spacer(1, 2 * mm),
            KeepTogether(
                [
                    para(t["plan_text"], body),
                    Spacer(1, 1 * mm),
                    plan_table([data.plan], t, s, usable),
                ]
            ),
        ]
    article(t["payment"], *payment)
    lw = (30 if _is_en(t) else 26) * mm
    delivery = CjkTable(
        [
            [Cell(t["delivery_date"], s.label), Cell(data.delivery_date.isoformat(), s.cell)],
            [Cell(t["delivery_place"], s.label), Cell(data.delivery_place, s.cell)],
            [Cell(t["delivery_method"], s.label), Cell(data.delivery_method_label, s.cell)],
        ],
        colWidths=[lw, usable - lw],
    )
    delivery.setStyle(grid_style([("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]))
    article(t["delivery"], delivery)
    article(
        t["documents"],
        para(t["documents_text"], body),
        _documents(data, t, s, usable),
    )
    for clause in data.clauses:
        article(clause.title, para(clause.text, body))
    article(t["remarks"], para(data.remarks.strip() or t["no_remarks"], body))
    story += [Spacer(1, 5 * mm), KeepTogether(_signatures(data, t, s, usable))]
    return story


# -- the insurance confirmation and the purchase-tax application ------------------------------


def _small_heading(
    data: ContractData, t: dict[str, str], s: Styles, usable: float, title: str
) -> Table:
    return _heading(data, t, s, usable, title)


def _insurance_story(
    data: ContractData, t: dict[str, str], s: Styles, usable: float, starts: list[tuple[int, str]]
) -> list[Flowable]:
    lw = (30 if _is_en(t) else 26) * mm
    info = pairs_table(
        [
            [(t["insured"], data.buyer_name), (t["id_number"], data.buyer_id_number)],
            [(t["phone"], data.buyer_phone), (t["address"], data.buyer_address)],
            [(t["model"], data.model_name), (t["colour"], data.colour)],
            [
                (t["vin"], data.vin or t["to_allocate"]),
                (t["engine"], data.engine_no or t["to_allocate"]),
            ],
        ],
        s,
        usable,
        lw,
        t["none"],
    )
    amount_w = 36 * mm
    right = ParagraphStyle("ir", parent=s.cell, alignment=2)
    rows: list[list[Any]] = [
        [
            Cell(t["cover"], s.label),
            Paragraph(escape(t["premium"]), ParagraphStyle("ih", s.label, alignment=2)),
        ]
    ]
    for cover, premium in data.covers:
        rows.append([Cell(cover, s.cell), Cell(money(premium), right)])
    if not data.covers:
        rows.append([Cell(t["no_covers"], s.muted), ""])
    total = sum((p for _, p in data.covers), Decimal(0))
    rows.append(
        [
            Paragraph(escape(t["total_premium"]), ParagraphStyle("it", s.big, textColor=ACCENT)),
            Paragraph(escape(money(total)), ParagraphStyle("itr", s.big_right, textColor=ACCENT)),
        ]
    )
    rows.append([Cell(t["insurer"], s.label), ""])
    covers = CjkTable(rows, colWidths=[usable - amount_w, amount_w])
    covers.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("BACKGROUND", (0, -2), (-1, -2), TOTAL_BG),
                ("LINEABOVE", (0, -2), (-1, -2), 1.4, INK),
                ("BACKGROUND", (0, -1), (0, -1), HEAD_BG),
                ("TOPPADDING", (0, -1), (-1, -1), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ]
        )
    )
    # the insurer row: label left, blank to fill in by hand
    covers.setStyle(TableStyle([("SPAN", (0, -1), (0, -1))]))
    return [
        PageBreak(),
        PartStart(t["insurance_title"], starts),
        _small_heading(data, t, s, usable, t["insurance_title"]),
        Spacer(1, 3 * mm),
        para(t["insurance_intro"], s.body),
        Spacer(1, 2.5 * mm),
        info,
        Spacer(1, 4 * mm),
        covers,
        Spacer(1, 5 * mm),
        para(t["insurance_statement"], s.body),
        Spacer(1, 4 * mm),
        sign_boxes(
            (t["customer_confirm"], ""),
            (t["handler"], data.consultant),
            t["date_line"],
            s,
            usable,
        ),
    ]


def tax_figures(selling: Decimal, payable: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """(taxable price, tax at 10 %, relief) from the invoice price and the tax the price table
    charges; each rounded half-up to the fen, relief = tax − payable."""
    fen = Decimal("0.01")
    base = (max(selling, Decimal(0)) / Decimal("1.13")).quantize(fen, rounding=ROUND_HALF_UP)
    tax = (max(selling, Decimal(0)) / Decimal("1.13") * Decimal("0.10")).quantize(
        fen, rounding=ROUND_HALF_UP
    )
    return base, tax, max(tax - payable, Decimal(0))


def _tax_story(
    data: ContractData, t: dict[str, str], s: Styles, usable: float, starts: list[tuple[int, str]]
) -> list[Flowable]:
    base, tax, relief = tax_figures(data.selling_price, data.purchase_tax)
    lw = (62 if _is_en(t) else 58) * mm
    right = ParagraphStyle("tr", parent=s.cell, alignment=2)

    def block(title: str, rows: Sequence[tuple[str, str, bool]]) -> Table:
        cells: list[list[Any]] = [[Cell(title, s.cell), ""]]
        for label, value, numeric in rows:
            cells.append([Cell(label, s.label), Cell(value, right if numeric else s.cell)])
        table = CjkTable(cells, colWidths=[lw, usable - lw])
        table.setStyle(
            grid_style(
                [
                    ("SPAN", (0, 0), (-1, 0)),
                    ("BACKGROUND", (0, 0), (-1, 0), TOTAL_BG),
                    ("BACKGROUND", (0, 1), (0, -1), HEAD_BG),
                ]
            )
        )
        return table

    relief_text = f"{t['relief_nev']}　{money(relief)}" if relief > 0 else t["relief_none"]
    taxpayer = block(
        t["taxpayer"],
        [
            (t["taxpayer_name"], data.buyer_name, False),
            (t["id_type"], t["id_card"], False),
            (t["id_no"], data.buyer_id_number, False),
            (t["address"], data.buyer_address, False),
            (t["contact"], data.buyer_phone, False),
        ],
    )
    vehicle = block(
        t["vehicle_info"],
        [
            (t["model_no"], data.model_name, False),
            (t["vin_code"], data.vin or t["to_allocate"], False),
            (t["engine_no"], data.engine_no or t["to_allocate"], False),
        ],
    )
    figures = block(
        t["tax_info"],
        [
            (t["invoice_price"], money(data.selling_price), True),
            (t["tax_base"], money(base), True),
            (t["tax_rate"], "10%", True),
            (t["tax_due"], money(tax), True),
            (t["relief"], relief_text, True),
        ],
    )
    payable = CjkTable(
        [
            [
                Paragraph(escape(t["payable"]), ParagraphStyle("pl", s.big, textColor=ACCENT)),
                Paragraph(
                    escape(money(data.purchase_tax)),
                    ParagraphStyle("pa", s.big_right, textColor=ACCENT),
                ),
            ],
            [para(t["capital"].format(words=rmb_capital(data.purchase_tax)), s.cell), ""],
        ],
        colWidths=[lw, usable - lw],
    )
    payable.setStyle(
        grid_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), TOTAL_BG),
                ("LINEABOVE", (0, 0), (-1, 0), 1.4, INK),
                ("SPAN", (0, 1), (-1, 1)),
                ("TOPPADDING", (0, 0), (-1, 0), 4),
                ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
            ]
        )
    )
    subtitle = ParagraphStyle("sub", parent=s.muted)
    return [
        PageBreak(),
        PartStart(t["tax_title"], starts),
        _small_heading(data, t, s, usable, t["tax_title"]),
        Spacer(1, 1.5 * mm),
        para(t["tax_subtitle"], subtitle),
        Spacer(1, 3 * mm),
        taxpayer,
        Spacer(1, 3 * mm),
        vehicle,
        Spacer(1, 3 * mm),
        figures,
        payable,
        Spacer(1, 5 * mm),
        para(t["tax_statement"], s.body),
        Spacer(1, 4 * mm),
        sign_boxes(
            (t["taxpayer_sign"], ""),
            (t["agent_sign"], data.consultant),
            t["date_line"],
            s,
            usable,
        ),
    ]


# -- rendering --------------------------------------------------------------------------------


def _render(data: ContractData, lang: str, with_set: bool) -> bytes:
    lang = language(lang)
    t = LABELS[lang]
    s = Styles(lang)
    out = io.BytesIO()
    doc = document(
        out,
        f"{t['title']} {data.number} v{data.version}",
        data.dealer_name,
        data.buyer_name,
    )
    doc.keywords = f"DealerDesk contract {lang}"
    usable = doc.width - 12
    starts: list[tuple[int, str]] = []
    story = _contract_story(data, t, s, usable, starts)
    if with_set:
        story += _insurance_story(data, t, s, usable, starts)
        story += _tax_story(data, t, s, usable, starts)
    doc.build(story, canvasmaker=numbered_canvas(_footer(data, t, doc.leftMargin, starts)))
    return out.getvalue()


def render_contract(data: ContractData, lang: str = "zh_CN") -> bytes:
    """The purchase contract alone: the document the buyer signs and whose hash is stored."""
    return _render(data, lang, False)


def render_contract_set(data: ContractData, lang: str = "zh_CN") -> bytes:
    """The contract, the insurance confirmation and the purchase-tax application in one PDF,
    each with its own page numbers."""
    return _render(data, lang, True)


def contract_language(pdf: bytes) -> str | None:
    """The language a contract PDF from :func:`render_contract` was printed in, if marked."""
    for lang in ("zh_CN", "en"):
        if f"DealerDesk contract {lang}".encode() in pdf:
            return lang
    return None


__all__ = [
    "LABELS",
    "ClauseText",
    "ContractData",
    "contract_language",
    "render_contract",
    "render_contract_set",
    "rmb_capital",
    "tax_figures",
]
