"""The car diagram of the check-in (接车): a painted top view on which damage is marked.

Coordinates of a :class:`DamageMark` are fractions (0..1) of the *drawing area*, a portrait
box ``ASPECT`` times as wide as it is tall with the car's front at the top: ``x`` 0 is the
car's left side (the driver's side), 1 its right; ``y`` 0 the front, 1 the rear. The printed
check-in sheet draws its diagram in the same box so the marks land on the same panels.

Click to add a mark of the kind chosen above the drawing; right-click a mark to remove it.
No database: the check-in dialog reads :meth:`CarDiagram.marks` when it saves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QWidget,
)

from ...domain.appointments import DAMAGE_KINDS, DamageMark
from ..i18n import tr_label

# The drawing box and the body within it, as on the printed sheet (printing/car_outline.py:
# ASPECT, BODY). Kept equal there and here so a mark lands on the same panel on paper.
ASPECT = 0.625  # width / height
BODY = (0.24, 0.07, 0.76, 0.93)  # x0, y0, x1, y1 of the body in the box
KIND_COLOURS = {
    "scratch": "#d32f2f",
    "dent": "#1565c0",
    "crack": "#6a1b9a",
    "chip": "#e65100",
    "other": "#37474f",
}
KIND_ORDER = ("scratch", "dent", "crack", "chip", "other")

BODY_FILL = "#f4f7fa"
BODY_LINE = "#56616c"
GLASS = "#b7d0e6"
ROOF = "#dde4eb"
TYRE = "#33383d"
LABEL = "#66727e"


def mark_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, KIND_COLOURS["other"]))


def _shape(kind: str, centre: QPointF, r: float) -> QPainterPath:
    """Each kind has its own outline as well as its colour (readable when printed grey)."""
    path = QPainterPath()
    x, y = centre.x(), centre.y()
    if kind == "dent":
        path.addRoundedRect(QRectF(x - r, y - r, 2 * r, 2 * r), r * 0.3, r * 0.3)
    elif kind == "crack":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - r * 1.15),
                    QPointF(x + r * 1.1, y + r * 0.8),
                    QPointF(x - r * 1.1, y + r * 0.8),
                ]
            )
        )
        path.closeSubpath()
    elif kind == "chip":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x, y - r * 1.2),
                    QPointF(x + r * 1.2, y),
                    QPointF(x, y + r * 1.2),
                    QPointF(x - r * 1.2, y),
                ]
            )
        )
        path.closeSubpath()
    elif kind == "other":
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(x - r * 0.55, y - r),
                    QPointF(x + r * 0.55, y - r),
                    QPointF(x + r * 1.1, y),
                    QPointF(x + r * 0.55, y + r),
                    QPointF(x - r * 0.55, y + r),
                    QPointF(x - r * 1.1, y),
                ]
            )
        )
        path.closeSubpath()
    else:  # scratch
        path.addEllipse(centre, r, r)
    return path


def paint_mark(painter: QPainter, kind: str, centre: QPointF, r: float, number: str) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#ffffff"), max(1.5, r * 0.16)))
    painter.setBrush(mark_colour(kind))
    painter.drawPath(_shape(kind, centre, r))
    if number:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(8, int(r * (1.05 if len(number) < 2 else 0.85))))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        box = QRectF(
            centre.x() - r, centre.y() - r + (r * 0.12 if kind == "crack" else 0), 2 * r, 2 * r
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, number)
    painter.restore()


def kind_icon(kind: str, size: int = 18) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_mark(painter, kind, QPointF(size / 2, size / 2), size * 0.4, "")
    painter.end()
    return QIcon(pixmap)


class CarDiagram(QWidget):
    """Top view of a car; damage marks are added by clicking and removed by right-clicking."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: list[DamageMark] = []
        self._read_only = False
        self.setMinimumSize(QSize(240, 380))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        self.kinds = QButtonGroup(self)
        self.kinds.setExclusive(True)
        self._kind_buttons: dict[str, QToolButton] = {}
        for kind in KIND_ORDER:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setIcon(kind_icon(kind))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setProperty("kind", kind)
            self.kinds.addButton(button)
            self._kind_buttons[kind] = button
            bar.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        bar.addStretch(1)
        self._kind_buttons["scratch"].setChecked(True)
        self._bar = bar
        self.retranslate()

    # -- public --------------------------------------------------------------------------

    def retranslate(self) -> None:
        for kind, button in self._kind_buttons.items():
            button.setText(tr_label(DAMAGE_KINDS[kind]))
            button.setToolTip(
                self.tr("Mark {kind}: click on the car where it is").format(
                    kind=tr_label(DAMAGE_KINDS[kind])
                )
            )

    def marks(self) -> list[DamageMark]:
        return list(self._marks)

    def set_marks(self, marks: list[DamageMark]) -> None:
        self._marks = [m for m in marks if 0 <= m.x <= 1 and 0 <= m.y <= 1]
        self.update()
        self.sig_changed.emit()

    def current_kind(self) -> str:
        button = self.kinds.checkedButton()
        return str(button.property("kind")) if button else "scratch"

    def set_kind(self, kind: str) -> None:
        self._kind_buttons.get(kind, self._kind_buttons["other"]).setChecked(True)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for button in self._kind_buttons.values():
            button.setVisible(not read_only)
        self.update()

    def drawing_rect(self) -> QRectF:
        """Where the car is drawn (the frame of the marks' coordinates), in widget pixels."""
        top = 0 if self._read_only else self._bar.sizeHint().height() + 2
        area = QRectF(self.rect()).adjusted(4, top, -4, -4)
        if area.width() <= 0 or area.height() <= 0:
            return QRectF()
        w = min(area.width(), area.height() * ASPECT)
        h = w / ASPECT
        return QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)

    def mark_at(self, pos: QPointF) -> int | None:
        """Index of the mark under ``pos`` (the topmost), if any."""
        rect = self.drawing_rect()
        radius = self._radius(rect) * 1.3
        for index in range(len(self._marks) - 1, -1, -1):
            centre = self._to_widget(rect, self._marks[index])
            if _dist(centre, pos) <= radius:
                return index
        return None

    # -- events --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._read_only:
            super().mousePressEvent(event)
            return
        pos = event.position()
        if event.button() == Qt.MouseButton.RightButton:
            index = self.mark_at(pos)
            if index is not None:
                del self._marks[index]
                self.update()
                self.sig_changed.emit()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        rect = self.drawing_rect()
        if not rect.contains(pos):
            return
        x = round((pos.x() - rect.left()) / rect.width(), 3)
        y = round((pos.y() - rect.top()) / rect.height(), 3)
        self._marks.append(
            DamageMark(min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0), self.current_kind())
        )
        self.update()
        self.sig_changed.emit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.mark_at(QPointF(event.pos()))
            if index is not None:
                mark = self._marks[index]
                text = self.tr("{number}. {kind}").format(
                    number=index + 1, kind=tr_label(DAMAGE_KINDS.get(mark.kind, "Other"))
                )
                if mark.note:
                    text += f" — {mark.note}"
                if not self._read_only:
                    text += "\n" + self.tr("Right-click to remove this mark.")
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.drawing_rect()
        if rect.isEmpty():
            return
        self._paint_car(painter, rect)
        self._paint_labels(painter, rect)
        r = self._radius(rect)
        for number, mark in enumerate(self._marks, start=1):
            paint_mark(painter, mark.kind, self._to_widget(rect, mark), r, str(number))
        painter.end()

    # -- drawing -------------------------------------------------------------------------

    @staticmethod
    def _radius(rect: QRectF) -> float:
        return max(8.0, min(14.0, rect.width() * 0.05))

    @staticmethod
    def _to_widget(rect: QRectF, mark: DamageMark) -> QPointF:
        return QPointF(rect.left() + mark.x * rect.width(), rect.top() + mark.y * rect.height())

    def _paint_labels(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setPen(QColor(LABEL))
        font = QFont(painter.font())
        font.setPixelSize(max(11, int(rect.height() / 34)))
        painter.setFont(font)
        h = rect.height() * 0.05
        for text, x, y in (
            (self.tr("Front"), 0.5, 0.035),
            (self.tr("Rear"), 0.5, 0.97),
            (self.tr("Left"), 0.09, 0.5),
            (self.tr("Right"), 0.91, 0.5),
        ):
            centre = QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())
            box = QRectF(
                centre.x() - rect.width() * 0.09, centre.y() - h / 2, rect.width() * 0.18, h
            )
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def _paint_car(self, painter: QPainter, rect: QRectF) -> None:
        """The same outline as the printed sheet (printing/car_outline.py), in pixels."""

        def p(x: float, y: float) -> QPointF:
            return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

        def box(x0: float, y0: float, x1: float, y1: float) -> QRectF:
            return QRectF(p(x0, y0), p(x1, y1))

        def poly(*points: tuple[float, float]) -> QPolygonF:
            return QPolygonF([p(x, y) for x, y in points])

        w = rect.width()
        painter.save()
        line = QPen(QColor(BODY_LINE), max(1.5, w * 0.008))
        thin = QPen(QColor(BODY_LINE), max(0.8, w * 0.004))

        # wheels first: the body covers their inner half
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TYRE))
        for x0, x1 in ((0.195, 0.265), (0.735, 0.805)):
            for y0, y1 in ((0.165, 0.295), (0.695, 0.825)):
                painter.drawRoundedRect(box(x0, y0, x1, y1), w * 0.015, w * 0.015)
        # mirrors
        painter.setPen(thin)
        painter.setBrush(QColor(BODY_FILL))
        painter.drawPolygon(poly((0.245, 0.345), (0.185, 0.36), (0.19, 0.39), (0.245, 0.385)))
        painter.drawPolygon(poly((0.755, 0.345), (0.815, 0.36), (0.81, 0.39), (0.755, 0.385)))
        # body
        x0, y0, x1, y1 = BODY
        painter.setPen(line)
        painter.drawRoundedRect(box(x0, y0, x1, y1), w * 0.1, w * 0.1)
        # bonnet creases, windscreen, roof, rear window, boot line
        painter.setPen(thin)
        painter.drawLine(p(0.37, 0.10), p(0.35, 0.32))
        painter.drawLine(p(0.63, 0.10), p(0.65, 0.32))
        painter.setBrush(QColor(GLASS))
        painter.drawPolygon(poly((0.29, 0.33), (0.71, 0.33), (0.67, 0.425), (0.33, 0.425)))
        painter.setBrush(QColor(ROOF))
        painter.drawRoundedRect(box(0.33, 0.425, 0.67, 0.695), w * 0.02, w * 0.02)
        painter.setBrush(QColor(GLASS))
        painter.drawPolygon(poly((0.33, 0.695), (0.67, 0.695), (0.70, 0.775), (0.30, 0.775)))
        painter.drawLine(p(0.30, 0.80), p(0.70, 0.80))
        # side windows and the door gap
        painter.drawPolygon(poly((0.265, 0.36), (0.31, 0.43), (0.31, 0.69), (0.265, 0.75)))
        painter.drawPolygon(poly((0.735, 0.36), (0.69, 0.43), (0.69, 0.69), (0.735, 0.75)))
        painter.drawLine(p(0.24, 0.55), p(0.31, 0.55))
        painter.drawLine(p(0.69, 0.55), p(0.76, 0.55))
        # head and tail lamps
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#f2c14e"))
        painter.drawPolygon(poly((0.27, 0.095), (0.37, 0.085), (0.37, 0.11), (0.28, 0.125)))
        painter.drawPolygon(poly((0.73, 0.095), (0.63, 0.085), (0.63, 0.11), (0.72, 0.125)))
        painter.setBrush(QColor("#e57373"))
        painter.drawPolygon(poly((0.27, 0.90), (0.36, 0.905), (0.36, 0.92), (0.28, 0.915)))
        painter.drawPolygon(poly((0.73, 0.90), (0.64, 0.905), (0.64, 0.92), (0.72, 0.915)))
        painter.restore()


def _dist(a: QPointF, b: QPointF) -> float:
    d = a - b
    return float((d.x() ** 2 + d.y() ** 2) ** 0.5)
