"""The customer-care monthly report (客户关怀月度报表) on A4, due on the 1st: dealer header and
the month, the seven KPIs in a table (this month, the month before, the change, the 12-month
average and the counts each figure is made of), a 12-month trend chart per KPI drawn with
``reportlab.graphics``, footnotes defining every KPI, page numbers.

Plain data in, PDF bytes out: :mod:`desktop_app.services.care_documents` fills
:class:`KpiReportData` with the KPI names already in the document's language and the figures
exactly as the screen shows them; nothing here reads the database or computes a KPI.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from .fonts import cjk_font
from .layout import GRID, HEAD_BG, INK, MUTED, CjkTable, numbered_canvas
from .quotes import (
    ACCENT,
    Cell,
    Styles,
    bare_style,
    document,
    grid_style,
    language,
    page_footer,
    para,
    site_block,
)

BAR = colors.HexColor("#9db7d9")
BETTER = colors.HexColor("#1e7b34")
WORSE = colors.HexColor("#b00020")
TARGET_INK = colors.HexColor("#c77700")
PROGRESS_BG = colors.HexColor("#fff8e1")
PROGRESS_INK = colors.HexColor("#7a5300")

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "title": "客户关怀月度报表",
        "page": "第 {n} 页 共 {total} 页",
        "licence": "统一社会信用代码：{no}",
        "none": "—",
        "report_month": "报表月份",
        "month": "{year}年{month}月",
        "month_short": "{month}月",
        "printed_on": "生成日期 {date}",
        "in_progress": "{month}尚未结束：数据截至 {date}，月底前仍会变化。",
        "figures": "一、本月指标",
        "kpi": "指标",
        "this_month": "本月",
        "previous": "上月",
        "change": "变化",
        "average": "近 12 月平均",
        "basis": "计算依据",
        "percent": "{value} %",
        "minutes": "{value} 分钟",
        "change_points": "{value} 个百分点",
        "change_minutes": "{value} 分钟",
        "trends": "二、近 12 个月趋势",
        "chart_now": "本月 {value}",
        "chart_target": "标准 ≥ {minutes} 分钟",
        "axis_percent": "%",
        "axis_minutes": "分钟",
        "notes": "三、指标说明",
        "basis_first_maintenance_return": "应首保 {whole} 台，回厂 {part} 台",
        "basis_regular_maintenance_return": "应定保 {whole} 台，回厂 {part} 台",
        "basis_appointment_rate": "进厂 {whole} 台次，其中预约 {part} 台次",
        "basis_show_rate": "预约 {whole} 个，到店 {part} 个",
        "basis_lost_rate": "保有客户 {whole} 位，流失 {part} 位",
        "basis_callbacks_on_time": "应回访 {whole} 次，按时完成 {part} 次",
        "basis_explanation_minutes": "计时交车 {whole} 台，合计 {part} 分钟",
        "basis_none": "本月无数据",
        "def_first_maintenance_return": (
            "{name} = 本月到期的首保提醒中车辆已回厂的数量 ÷ 本月到期的首保提醒数量。"
            "首保窗口为交车后 2 至 3 个月；自窗口开启前 30 天至到期后 30 天内开具维修工单即算回厂。"
        ),
        "def_regular_maintenance_return": (
            "{name} = 本月到期的定保提醒中车辆已回厂的数量 ÷ 本月到期的定保提醒数量"
            "（按时间或里程先到者为准；回厂的计算方法同首保）。"
        ),
        "def_appointment_rate": (
            "{name} = 本月开具的维修工单中来自预约的数量 ÷ 本月开具的维修工单总数（进厂台次）。"
        ),
        "def_show_rate": (
            "{name} = 本月预约中客户按约到店的数量 ÷ 本月的预约数量"
            "（已取消或已改约的不计；爽约计为未到店）。"
        ),
        "def_lost_rate": (
            "{name} = 月底时最后一次进厂距今 90 至 360 天的保有客户数 ÷ 月初已购车的保有客户数。"
            "此项越低越好。"
        ),
        "def_callbacks_on_time": (
            "{name} = 本月到期的交车回访（次日、第 3、7、30、90 天）中在到期日当天或之前"
            "完成（或三次未接通后已发短信）的数量 ÷ 本月到期的交车回访数量（已取消的不计）。"
        ),
        "def_explanation_minutes": (
            "{name} = 本月交车中已计时的用车讲解平均分钟数；标准为不少于 {minutes} 分钟，"
            "过短或过长都会影响客户满意度。"
        ),
        "def_general": (
            "比率保留一位小数（四舍五入）；“变化”为本月减上月（比率以百分点计，讲解时长以分钟计）；"
            "“近 12 个月平均”为截至本月的 12 个月中有数据月份的简单平均；“—”表示该月无数据"
            "（分母为零）。回厂率在到期后 30 天内仍可能上升。"
        ),
    },
    "en": {
        "title": "Customer care monthly report",
        "page": "Page {n} of {total}",
        "licence": "Business licence no. {no}",
        "none": "—",
        "report_month": "Month",
        "month": "{name} {year}",
        "month_short": "{name}",
        "printed_on": "Prepared {date}",
        "in_progress": (
            "{month} is not over yet: figures as of {date}; they will change until the month ends."
        ),
        "figures": "1. This month's figures",
        "kpi": "KPI",
        "this_month": "This month",
        "previous": "Last month",
        "change": "Change",
        "average": "12-month average",
        "basis": "Counts behind the figure",
        "percent": "{value} %",
        "minutes": "{value} min",
        "change_points": "{value} pp",
        "change_minutes": "{value} min",
        "trends": "2. The last 12 months",
        "chart_now": "this month {value}",
        "chart_target": "standard ≥ {minutes} min",
        "axis_percent": "%",
        "axis_minutes": "min",
        "notes": "3. What each KPI means",
        "basis_first_maintenance_return": "{part} of {whole} cars due came back",
        "basis_regular_maintenance_return": "{part} of {whole} cars due came back",
        "basis_appointment_rate": "{part} of {whole} visits were booked",
        "basis_show_rate": "{part} of {whole} appointments came",
        "basis_lost_rate": "{part} of {whole} owners lost",
        "basis_callbacks_on_time": "{part} of {whole} callbacks on time",
        "basis_explanation_minutes": "{whole} timed handovers, {part} minutes in all",
        "basis_none": "no data this month",
        "def_first_maintenance_return": (
            "{name} = first-maintenance reminders due in the month whose "
            "car came back ÷ first-maintenance reminders due in the month. The first service is "
            "due 2 to 3 months after delivery; a repair order opened from 30 days before the "
            "window opens until 30 days after the due date counts as a return."
        ),
        "def_regular_maintenance_return": (
            "{name} = regular-maintenance reminders due in the month "
            "whose car came back ÷ regular-maintenance reminders due in the month (by months or "
            "km, whichever comes first; returns counted as for the first maintenance)."
        ),
        "def_appointment_rate": (
            "{name} = repair orders opened in the month that came from an appointment "
            "÷ all repair orders opened in the month (visits)."
        ),
        "def_show_rate": (
            "{name} = appointments in the month where the customer came ÷ appointments in the "
            "month (cancelled and rescheduled ones not counted; a no-show counts as not come)."
        ),
        "def_lost_rate": (
            "{name} = owners whose last visit was 90 to 360 days before the end of the month "
            "÷ owners who had bought their car before the month began. Lower is better."
        ),
        "def_callbacks_on_time": (
            "{name} = post-delivery callbacks (next day, day 3, 7, 30 and 90) due "
            "in the month that were done (or, unreachable after three attempts, messaged) by the "
            "due date ÷ post-delivery callbacks due in the month (cancelled ones not counted)."
        ),
        "def_explanation_minutes": (
            "{name} = the average length in minutes of the timed handover "
            "explanations of the month's deliveries; the standard is at least {minutes} minutes "
            "(too short and too long both hurt satisfaction)."
        ),
        "def_general": (
            "Rates to one decimal, rounded half up; change = this month − last month (rates in "
            "percentage points, the explanation in minutes); 12-month average = the plain "
            "average of the months with data among the 12 months ending with this month; “—” = "
            "no data (nothing to divide by). Return rates may still rise for 30 days after the "
            "due date."
        ),
    },
}


# -- the data -------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiRow:
    """One KPI as printed: its name in the document's language, this month's figure and the
    month before, the 12-month average, the counts behind this month's figure (``part`` of
    ``whole``; for the explanation: minutes in all of timed handovers), and the 12 monthly
    values of the trend, oldest first (None: no data that month)."""

    key: str
    name: str
    value: Decimal | None
    previous: Decimal | None
    average: Decimal | None
    part: int
    whole: int
    trend: Sequence[Decimal | None]
    minutes: bool = False  # a length in minutes, not a rate in %
    lower_is_better: bool = False
    neutral: bool = False  # no better or worse (too short and too long both hurt)

    @property
    def change(self) -> Decimal | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class KpiReportData:
    site_name: str
    month: str  # YYYY-MM
    months: Sequence[str]  # the 12 months of the trend, YYYY-MM, oldest first
    rows: Sequence[KpiRow]
    site_address: str = ""
    site_phone: str = ""
    licence_no: str = ""
    printed_on: dt.date | None = None
    target_minutes: int = 30  # the handover explanation's standard


# -- text ------------------------------------------------------------------------------------


def month_text(month: str, t: dict[str, str]) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return t["month"].format(year=year, month=number, name=MONTH_NAMES_EN[number - 1])


def figure(value: Decimal | None, minutes: bool, t: dict[str, str]) -> str:
    """56.7 % / 36.0 分钟; — for no data."""
    if value is None:
        return t["none"]
    return t["minutes" if minutes else "percent"].format(value=f"{value:.1f}")


def signed(value: Decimal) -> str:
    """+4.6, −1.0 (a real minus sign), 0.0."""
    if value > 0:
        return f"+{value:.1f}"
    if value < 0:
        return f"−{-value:.1f}"
    return f"{Decimal(0):.1f}"


def change_text(row: KpiRow, t: dict[str, str]) -> str:
    change = row.change
    if change is None:
        return t["none"]
    return t["change_minutes" if row.minutes else "change_points"].format(value=signed(change))


def basis_text(row: KpiRow, t: dict[str, str]) -> str:
    if row.whole <= 0:
        return t["basis_none"]
    return t[f"basis_{row.key}"].format(part=row.part, whole=row.whole)


def _change_colour(row: KpiRow) -> colors.Color:
    change = row.change
    if change is None or change == 0 or row.neutral:
        return INK
    better = change < 0 if row.lower_is_better else change > 0
    return BETTER if better else WORSE


# -- the chart -------------------------------------------------------------------------------


def bar_label(value: Decimal) -> str:
    """A bar's value as the chart shows it: one decimal, a full 100 % as “100” (it fits over
    a narrow bar). The screen's chart follows the same rule."""
    return "100" if value == 100 else f"{value:.1f}"


def scale(values: Sequence[Decimal | None], minutes: bool, target: int) -> tuple[int, int]:
    """(top of the axis, step between grid lines): rates always 0–100 % in steps of 25 (an
    honest picture of a rate); minutes from 0 to a round ten above the largest value and the
    standard, in steps of 10 (20 beyond 60)."""
    if not minutes:
        return 100, 25
    highest = max([float(v) for v in values if v is not None] + [float(target)])
    top = max(40, int(math.ceil((highest + 1) / 10.0)) * 10)
    return top, 10 if top <= 60 else 20


def trend_chart(
    row: KpiRow,
    months: Sequence[str],
    width: float,
    height: float,
    t: dict[str, str],
    target: int,
) -> Drawing:
    """Twelve monthly bars with their values above them, the month under each bar (the year
    under the first and under January), grid lines with the axis figures, the report's month
    in the accent colour, a gap marked “—” for a month without data, and for the explanation
    the dashed line of the standard over the bars."""
    font = cjk_font()
    chart = Drawing(width, height, initialFontName=font)

    def text(
        x: float, y: float, value: str, size: float, ink: Color, anchor: str = "middle"
    ) -> None:
        chart.add(
            String(x, y, value, fontName=font, fontSize=size, fillColor=ink, textAnchor=anchor)
        )

    left, bottom, top_pad, right_pad = 20.0, 19.0, 9.0, 3.0
    plot_w, plot_h = width - left - right_pad, height - bottom - top_pad
    top, step = scale(row.trend, row.minutes, target)

    def y_of(value: float) -> float:
        return bottom + plot_h * min(value, top) / top

    for tick in range(0, top + 1, step):
        y = y_of(tick)
        ink, weight = (INK, 0.7) if tick == 0 else (GRID, 0.25)
        chart.add(Line(left, y, left + plot_w, y, strokeColor=ink, strokeWidth=weight))
        text(left - 2.5, y - 2, str(tick), 6, MUTED, "end")
    unit = t["axis_minutes" if row.minutes else "axis_percent"]
    text(left - 2.5, bottom + plot_h + 3, unit, 5.5, MUTED, "end")
    slot = plot_w / max(len(row.trend), 1)
    bar_w = slot * 0.62
    last = len(row.trend) - 1
    for i, value in enumerate(row.trend):
        centre = left + slot * i + slot / 2
        if value is None:
            text(centre, bottom + 2, t["none"], 6, MUTED)
        else:
            h = y_of(float(value)) - bottom
            fill = ACCENT if i == last else BAR
            chart.add(Rect(centre - bar_w / 2, bottom, bar_w, h, strokeColor=None, fillColor=fill))
            text(centre, bottom + h + 1.8, bar_label(value), 5.6, INK)
        if i < len(months):
            year, number = int(months[i][:4]), int(months[i][5:7])
            shown = t["month_short"].format(month=number, name=MONTHS_EN[number - 1])
            text(centre, bottom - 8, shown, 6, INK if i == last else MUTED)
            if i == 0 or number == 1:
                text(centre, bottom - 15.5, str(year), 5.5, MUTED)
    if row.minutes:
        y = y_of(target)
        chart.add(
            Line(
                left,
                y,
                left + plot_w,
                y,
                strokeColor=TARGET_INK,
                strokeWidth=0.8,
                strokeDashArray=[2.5, 1.5],
            )
        )
    return chart


# -- the parts of the report ---------------------------------------------------------------


def _heading(data: KpiReportData, t: dict[str, str], s: Styles, usable: float) -> Table:
    right_label = ParagraphStyle("rl", parent=s.label, alignment=2)
    right_big = ParagraphStyle("rb", parent=s.title, alignment=2, textColor=ACCENT)
    left = site_block(
        data.site_name, data.site_address, data.site_phone, data.licence_no, t["title"], t, s
    )
    right: list[Flowable] = [
        Paragraph(escape(t["report_month"]), right_label),
        Paragraph(escape(month_text(data.month, t)), right_big),
    ]
    if data.printed_on is not None:
        right.append(
            Paragraph(
                escape(t["printed_on"].format(date=data.printed_on.isoformat())),
                ParagraphStyle("po", parent=s.right, textColor=MUTED),
            )
        )
    ref_w = 55 * mm
    table = CjkTable([[left, right]], colWidths=[usable - ref_w, ref_w])
    table.setStyle(
        bare_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, 0), (-1, -1), 1.2, INK),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _in_progress(data: KpiReportData, t: dict[str, str], s: Styles, usable: float) -> Table | None:
    """A note when the month is not over on the day the report is made."""
    if data.printed_on is None or data.printed_on >= _month_end(data.month):
        return None
    note = t["in_progress"].format(
        month=month_text(data.month, t), date=data.printed_on.isoformat()
    )
    table = CjkTable(
        [[para(note, ParagraphStyle("ip", parent=s.cell, textColor=PROGRESS_INK))]],
        colWidths=[usable],
    )
    table.setStyle(
        bare_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), PROGRESS_BG),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _month_end(month: str) -> dt.date:
    """The first day after ``month``."""
    year, number = int(month[:4]), int(month[5:7])
    return dt.date(year + number // 12, number % 12 + 1, 1)


def kpi_table(data: KpiReportData, t: dict[str, str], s: Styles, usable: float) -> Table:
    en = t is LABELS["en"]
    name_w = (50 if en else 40) * mm
    this_w, prev_w, change_w, avg_w = 21 * mm, 21 * mm, (21 if en else 25) * mm, 22 * mm
    basis_w = usable - name_w - this_w - prev_w - change_w - avg_w
    right_label = ParagraphStyle("hr", parent=s.label, alignment=2)
    big = ParagraphStyle("kv", parent=s.cell, fontSize=s.size + 2, leading=(s.size + 2) * 1.25)
    rows: list[list[object]] = [
        [
            Cell(t["kpi"], s.label),
            Paragraph(escape(t["this_month"]), right_label),
            Paragraph(escape(t["previous"]), right_label),
            Paragraph(escape(t["change"]), right_label),
            Paragraph(escape(t["average"]), right_label),
            Cell(t["basis"], s.label),
        ]
    ]
    style: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("TOPPADDING", (0, 1), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 3.5),
    ]
    for n, row in enumerate(data.rows, start=1):
        change_style = ParagraphStyle(f"ch{n}", parent=s.right, textColor=_change_colour(row))
        rows.append(
            [
                para(f"{n}. {row.name}", s.cell),
                Cell(figure(row.value, row.minutes, t), ParagraphStyle(f"v{n}", big, alignment=2)),
                Cell(figure(row.previous, row.minutes, t), s.right),
                Cell(change_text(row, t), change_style),
                Cell(figure(row.average, row.minutes, t), s.right),
                para(basis_text(row, t), s.muted),
            ]
        )
    table = CjkTable(
        rows, colWidths=[name_w, this_w, prev_w, change_w, avg_w, basis_w], repeatRows=1
    )
    table.setStyle(grid_style(style))
    return table


def charts(data: KpiReportData, t: dict[str, str], s: Styles, usable: float) -> Table:
    """The trend charts two to a row; a row never splits across pages."""
    gap = 6 * mm
    cell_w = (usable - gap) / 2
    chart_h = 46 * mm
    title = ParagraphStyle("ct", parent=s.cell, fontSize=s.size + 0.7, leading=(s.size + 0.7) * 1.3)

    def block(n: int, row: KpiRow) -> list[Flowable]:
        now = t["chart_now"].format(value=figure(row.value, row.minutes, t))
        sub = [now]
        if row.minutes:
            sub.append(t["chart_target"].format(minutes=data.target_minutes))
        return [
            Paragraph(
                f"{escape(f'{n}. {row.name}')}　<font color='#{MUTED.hexval()[2:]}'>"
                f"{escape('　'.join(sub))}</font>",
                title,
            ),
            trend_chart(row, data.months, cell_w, chart_h, t, data.target_minutes),
        ]

    cells = [block(n, row) for n, row in enumerate(data.rows, start=1)]
    grid: list[list[object]] = []
    for i in range(0, len(cells), 2):
        pair: list[object] = list(cells[i : i + 2])
        grid.append(pair + [""] * (2 - len(pair)))
    table = CjkTable(grid, colWidths=[cell_w + gap, cell_w])
    table.setStyle(
        bare_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("RIGHTPADDING", (0, 0), (0, -1), gap),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
            ]
        )
    )
    return table


def footnotes(data: KpiReportData, t: dict[str, str], s: Styles, usable: float) -> Table:
    notes = [
        t[f"def_{row.key}"].format(name=row.name, minutes=data.target_minutes) for row in data.rows
    ]
    rows = [[para(f"{n}.", s.muted), para(note, s.muted)] for n, note in enumerate(notes, 1)]
    rows.append([para("*", s.muted), para(t["def_general"], s.muted)])
    table = CjkTable(rows, colWidths=[5 * mm, usable - 5 * mm])
    table.setStyle(
        bare_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    )
    return table


def render_kpi_report(data: KpiReportData, lang: str = "zh_CN") -> bytes:
    """The monthly report, usually two A4 pages."""
    lang = language(lang)
    t = LABELS[lang]
    s = Styles(lang, 8.5)
    out = io.BytesIO()
    shown_month = month_text(data.month, t)
    doc = document(out, f"{t['title']} {shown_month}", data.site_name, shown_month)
    usable = doc.width - 12  # the frame's own padding, 6 pt each side
    story: list[Flowable] = [_heading(data, t, s, usable), Spacer(1, 3 * mm)]
    note = _in_progress(data, t, s, usable)
    if note is not None:
        story += [note, Spacer(1, 2 * mm)]
    story += [
        Paragraph(escape(t["figures"]), s.section),
        kpi_table(data, t, s, usable),
        Paragraph(escape(t["trends"]), s.section),
        charts(data, t, s, usable),
        KeepTogether([Paragraph(escape(t["notes"]), s.section), footnotes(data, t, s, usable)]),
    ]
    footer = page_footer(
        t["page"],
        data.site_name,
        shown_month,
        f"{data.site_name}　{t['title']}　{shown_month}",
        doc.leftMargin,
    )
    doc.build(story, canvasmaker=numbered_canvas(footer))
    return out.getvalue()


__all__ = [
    "LABELS",
    "bar_label",
    "KpiReportData",
    "KpiRow",
    "trend_chart",
    "render_kpi_report",
    "scale",
]
