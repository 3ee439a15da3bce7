"""Table models and texts of the Care area: the worklist (overdue days in red, attempts so
far), a task's call history, and the complaints list with its 30-minute response clock.

All three are row caches over the service's answers; the clock is worked out from the model's
``now`` when painted, so a timer only has to say "the clock column changed".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.care import (
    CARE_KIND_LABELS,
    COMPLAINT_STATUS_LABELS,
    DAYPART_LABELS,
    LOST_CLASS_LABELS,
    RESOLUTION_LABELS,
    UNREACHED_LABELS,
    Attempt,
    CareKind,
    ComplaintStatus,
    LostClass,
    Resolution,
    daypart,
)
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.identifiers import format_plate
from ...services.care import Complaint, WorkItem
from ..i18n import tr_label
from ..table_model import Column, RowTableModel

Index = QModelIndex | QPersistentModelIndex

OVERDUE_BACKGROUND = "#fde2e1"
OVERDUE_TEXT = "#b00020"
TODAY_TEXT = "#8a5a00"
MUTED_TEXT = "#7b8794"
OK_TEXT = "#1b5e20"
SOON_TEXT = "#b26a00"
COMPLAINT_STATUS_COLOURS: dict[ComplaintStatus, tuple[str, str]] = {  # background, text
    ComplaintStatus.OPEN: ("#fde2e1", "#8a1c1c"),
    ComplaintStatus.ESCALATED: ("#ffe08a", "#4a3800"),
    ComplaintStatus.RESOLVED: ("#dbe7f5", "#1c4f8f"),
    ComplaintStatus.CLOSED: ("#e6e6e6", "#555555"),
}

# How a complaint reached us and how serious it is: stored as these words (the demo data and
# the services use them too), shown translated.
CHANNEL_LABELS: dict[str, str] = {
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "visit": QT_TRANSLATE_NOOP("Labels", "In person"),
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "oem_hotline": QT_TRANSLATE_NOOP("Labels", "Manufacturer hotline"),
    "callback": QT_TRANSLATE_NOOP("Labels", "Care call"),
}
SEVERITY_LABELS: dict[str, str] = {
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "high": QT_TRANSLATE_NOOP("Labels", "High"),
    "urgent": QT_TRANSLATE_NOOP("Labels", "Urgent (safety, media, legal threat)"),
}
CHANNEL_RESULTS: dict[str, str] = {
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS sent"),
    "message": QT_TRANSLATE_NOOP("Labels", "Message sent"),
}


def kind_text(kind: CareKind) -> str:
    return tr_label(CARE_KIND_LABELS[kind])


def channel_text(channel: str) -> str:
    return tr_label(CHANNEL_LABELS[channel]) if channel in CHANNEL_LABELS else channel


def severity_text(severity: str) -> str:
    return tr_label(SEVERITY_LABELS[severity]) if severity in SEVERITY_LABELS else severity


def complaint_status_text(status: ComplaintStatus) -> str:
    return tr_label(COMPLAINT_STATUS_LABELS[status])


def resolution_text(value: str) -> str:
    try:
        return tr_label(RESOLUTION_LABELS[Resolution(value)])
    except ValueError:
        return value


def plate_text(plate: str) -> str:
    return format_plate(plate) if plate else ""


def detail_text(item: WorkItem) -> str:
    """What the task's title says, in words: which callback, which class of lost customer,
    the complaint it follows up, the date the reminder is about."""
    title = item.title.strip()
    if item.kind is CareKind.DELIVERY_CALLBACK and title.startswith("D+"):
        return QCoreApplication.translate("CareModels", "Day {n} after delivery").format(
            n=title[2:]
        )
    if item.kind is CareKind.LOST_RECALL and title:
        try:
            return tr_label(LOST_CLASS_LABELS[LostClass(title)])
        except ValueError:
            return title
    if item.kind is CareKind.COMPLAINT_CALLBACK and title:
        number, _, tag = title.partition(" ")
        if tag == "24h":
            return QCoreApplication.translate(
                "CareModels", "{number} · callback within 24 hours"
            ).format(number=number)
        if tag == "7d":
            return QCoreApplication.translate(
                "CareModels", "{number} · callback within 7 days"
            ).format(number=number)
        return title
    if item.kind is CareKind.WARRANTY_EXPIRY and _is_date(title):
        return QCoreApplication.translate("CareModels", "Warranty ends {day}").format(day=title)
    if item.kind is CareKind.INSURANCE_RENEWAL:
        return QCoreApplication.translate("CareModels", "Policy expires {day}").format(
            day=title if _is_date(title) else item.due
        )
    if item.kind is CareKind.ANNUAL_INSPECTION:
        return QCoreApplication.translate("CareModels", "Inspection due {day}").format(
            day=title if _is_date(title) else item.due
        )
    if item.kind is CareKind.SATISFACTION:
        return QCoreApplication.translate("CareModels", "Last day {day}").format(
            day=item.due.isoformat()
        )
    return title


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def overdue_days(item: WorkItem, today: dt.date) -> int:
    return max(0, (today - item.due).days)


def attempt_result_text(attempt: Attempt) -> str:
    """One line of a task's history: reached, why not, the message, the failure record."""
    if attempt.reached:
        return QCoreApplication.translate("CareModels", "Reached")
    if attempt.channel in CHANNEL_RESULTS:
        return tr_label(CHANNEL_RESULTS[attempt.channel])
    reason = tr_label(UNREACHED_LABELS[attempt.reason]) if attempt.reason else ""
    if attempt.channel == "failure":
        return QCoreApplication.translate("CareModels", "Recorded as unreachable: {reason}").format(
            reason=reason
        )
    return (
        QCoreApplication.translate("CareModels", "Not reached: {reason}").format(reason=reason)
        if reason
        else QCoreApplication.translate("CareModels", "Not reached")
    )


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class WorklistModel(RowTableModel[WorkItem]):
    """Type, detail, customer, phone, plate, model, due, overdue, attempts, assigned."""

    TYPE, DETAIL, CUSTOMER, PHONE, PLATE, MODEL, DUE, OVERDUE, ATTEMPTS, ASSIGNED = range(10)

    def __init__(self, parent: Any = None) -> None:
        self.today = dt.date.today()
        self.attempts_allowed = 3
        columns: list[Column[WorkItem]] = [
            Column(lambda: self.tr("Type"), lambda w: kind_text(w.kind)),
            Column(lambda: self.tr("About"), detail_text),
            Column(lambda: self.tr("Customer"), lambda w: w.customer_name),
            Column(lambda: self.tr("Phone"), lambda w: w.phone),
            Column(lambda: self.tr("Plate"), lambda w: plate_text(w.plate)),
            Column(lambda: self.tr("Model"), lambda w: w.model_name),
            Column(lambda: self.tr("Due"), self._due_text),
            Column(lambda: self.tr("Overdue"), self._overdue_text, align_right=True),
            Column(lambda: self.tr("Calls"), self._attempts_text, align_right=True),
            Column(lambda: self.tr("Assigned to"), lambda w: w.assigned_name),
        ]
        super().__init__(columns, parent)
        self._bold = _bold()

    def _due_text(self, w: WorkItem) -> str:
        if w.due == self.today:
            return self.tr("today")
        return w.due.isoformat()

    def _overdue_text(self, w: WorkItem) -> str:
        days = overdue_days(w, self.today)
        return self.tr("{n} d").format(n=days) if days else ""

    def _attempts_text(self, w: WorkItem) -> str:
        if not w.attempts:
            return ""
        return self.tr("{n} of {max}").format(n=w.attempts, max=self.attempts_allowed)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        w = self.row_at(index.row()) if index.isValid() else None
        if w is None:
            return None
        column = index.column()
        late = overdue_days(w, self.today)
        if role == Qt.ItemDataRole.UserRole:
            return w.id
        if column == self.OVERDUE and late:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(OVERDUE_BACKGROUND))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(OVERDUE_TEXT))
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        if column == self.DUE and role == Qt.ItemDataRole.ForegroundRole:
            if late:
                return QBrush(QColor(OVERDUE_TEXT))
            if w.due == self.today:
                return QBrush(QColor(TODAY_TEXT))
        if column == self.ATTEMPTS and role == Qt.ItemDataRole.ForegroundRole and w.attempts:
            spent = w.attempts >= self.attempts_allowed
            return QBrush(QColor(OVERDUE_TEXT if spent else SOON_TEXT))
        if column == self.ASSIGNED and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(MUTED_TEXT))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(w)
        return super().data(index, role)

    def _tooltip(self, w: WorkItem) -> str:
        lines = [f"{kind_text(w.kind)} · {w.customer_name} {w.phone}".strip()]
        detail = detail_text(w)
        if detail:
            lines.append(detail)
        lines.append(
            self.tr("Shows from {opens}, due {due}").format(
                opens=w.opens.isoformat(), due=w.due.isoformat()
            )
        )
        if w.last_attempt:
            lines.append(self.tr("Last attempt {when}").format(when=w.last_attempt))
        lines.append(self.tr("Enter: record the outcome · F8 or Ctrl+N: next task"))
        return "\n".join(lines)

    def row_of(self, task_id: str | None) -> int:
        for i, row in enumerate(self.rows()):
            if task_id is not None and row.id == task_id:
                return i
        return -1


class AttemptsModel(RowTableModel[Attempt]):
    """A task's history: when, the part of the day, what happened."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column(lambda: self.tr("When"), lambda a: f"{a.at:%Y-%m-%d %H:%M}"),
                Column(
                    lambda: self.tr("Time of day"),
                    lambda a: (
                        tr_label(DAYPART_LABELS[daypart(a.at)]) if a.channel == "call" else ""
                    ),
                ),
                Column(lambda: self.tr("Result"), attempt_result_text),
            ],
            parent,
        )


class ComplaintModel(RowTableModel[Complaint]):
    """Number, opened, customer, phone, plate, the complaint, severity, status in its colour,
    the response clock (minutes left of the 30, or overdue in red), owner."""

    NUMBER, OPENED, CUSTOMER, PHONE, PLATE, COMPLAINT, SEVERITY, STATUS, CLOCK, OWNER = range(10)

    def __init__(self, parent: Any = None) -> None:
        self.now = dt.datetime.now()
        self.response_minutes = 30
        columns: list[Column[Complaint]] = [
            Column(lambda: self.tr("Number"), lambda c: c.number),
            Column(lambda: self.tr("Opened"), lambda c: f"{c.opened_at:%Y-%m-%d %H:%M}"),
            Column(lambda: self.tr("Customer"), lambda c: c.customer_name),
            Column(lambda: self.tr("Phone"), lambda c: c.phone),
            Column(lambda: self.tr("Plate"), lambda c: plate_text(c.plate)),
            Column(lambda: self.tr("Complaint"), lambda c: " ".join(c.description.split())),
            Column(lambda: self.tr("Severity"), lambda c: severity_text(c.severity)),
            Column(lambda: self.tr("Status"), lambda c: complaint_status_text(c.status)),
            Column(lambda: self.tr("First response"), self.clock_text),
            Column(lambda: self.tr("Owner"), self._owner_text),
        ]
        super().__init__(columns, parent)
        self._bold = _bold()

    def _owner_text(self, c: Complaint) -> str:
        if c.escalated_name:
            return self.tr("{owner} → {manager}").format(
                owner=c.owner_name, manager=c.escalated_name
            )
        return c.owner_name

    def minutes_left(self, c: Complaint) -> int:
        """Minutes left for the first response (negative: overdue)."""
        due = c.opened_at + dt.timedelta(minutes=self.response_minutes)
        left = int((due - self.now).total_seconds() // 60)
        return min(left, self.response_minutes)  # another PC's clock may run ahead

    def clock_text(self, c: Complaint) -> str:
        if c.responded_at is not None:
            taken = max(0, int((c.responded_at - c.opened_at).total_seconds() // 60))
            return self.tr("answered after {n} min").format(n=taken)
        left = self.minutes_left(c)
        if left < 0:
            return self.tr("overdue by {n} min").format(n=-left)
        return self.tr("{n} min left").format(n=left)

    def _clock_colour(self, c: Complaint) -> str:
        if c.responded_at is not None:
            taken = (c.responded_at - c.opened_at).total_seconds() / 60
            return OK_TEXT if taken <= self.response_minutes else MUTED_TEXT
        left = self.minutes_left(c)
        return OVERDUE_TEXT if left < 0 else SOON_TEXT if left < 10 else OK_TEXT

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.row_at(index.row()) if index.isValid() else None
        if c is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return c.id
        if column == self.STATUS:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(COMPLAINT_STATUS_COLOURS[c.status][0]))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(COMPLAINT_STATUS_COLOURS[c.status][1]))
        if column == self.CLOCK:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(self._clock_colour(c)))
            if role == Qt.ItemDataRole.FontRole and c.responded_at is None:
                return self._bold
        if column == self.SEVERITY and role == Qt.ItemDataRole.ForegroundRole:
            if c.severity in ("high", "urgent"):
                return QBrush(QColor(OVERDUE_TEXT))
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.description
        return super().data(index, role)

    def row_of(self, complaint_id: str | None) -> int:
        for i, row in enumerate(self.rows()):
            if complaint_id is not None and row.id == complaint_id:
                return i
        return -1

    def clock_changed(self) -> None:
        """The clock moved on: repaint the response column."""
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, self.CLOCK), self.index(self.rowCount() - 1, self.CLOCK)
            )
