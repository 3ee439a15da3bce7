"""The car diagram of the check-in sheet (接车检查单): a top view with the damage marks on it.

Coordinates are those of ``DamageMark``: ``x`` and ``y`` in 0..1 of the drawing's width and
height, measured from its top-left corner. The car points up: the front bumper is near
``y = 0``, the rear near ``y = 1``, the driver's left on the left (``x < 0.5``). The box is
``ASPECT`` times as wide as it is tall; a check-in screen that draws the same box lets marks
land where they were put. ``BODY`` is the part of the box the car's body covers.

Each damage kind has its own symbol (circle, square, triangle, diamond, hexagon) and colour, as
on the check-in screen, with the mark's number inside, so a mark is still readable on a
black-and-white laser print.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

ASPECT = 0.625  # width / height of the diagram box
BODY = (0.24, 0.07, 0.76, 0.93)  # x0, y0, x1, y1 of the body in the box (y down)

# The check-in screen (ui/appointments/car_diagram.py) paints the same outline and colours.
INK = colors.HexColor("#56616c")
BODY_FILL = colors.HexColor("#f4f7fa")
GLASS = colors.HexColor("#b7d0e6")
ROOF = colors.HexColor("#dde4eb")
TYRE = colors.HexColor("#33383d")
LABEL = colors.HexColor("#66727e")
KIND_COLOURS = {
    "scratch": colors.HexColor("#d32f2f"),
    "dent": colors.HexColor("#1565c0"),
    "crack": colors.HexColor("#6a1b9a"),
    "chip": colors.HexColor("#e65100"),
    "other": colors.HexColor("#37474f"),
}


@dataclass(frozen=True)
class Mark:
    """A numbered damage mark to draw: position in 0..1 (y down), kind code as in DAMAGE_KINDS."""

    number: int
    x: float
    y: float
    kind: str


@dataclass(frozen=True)
class DiagramLabels:
    front: str
    rear: str
    left: str
    right: str


def car_diagram(
    height: float, marks: Sequence[Mark], labels: DiagramLabels, font: str, mark_size: float = 13
) -> Drawing:
    """A Drawing ``ASPECT × height`` by ``height`` points: outline, glass, wheels, lamps,
    Front/Rear/Left/Right, then the marks on top."""
    width = height * ASPECT
    d = Drawing(width, height, initialFontName=font)  # no Helvetica reference

    def px(x: float) -> float:
        return x * width

    def py(y: float) -> float:  # the box's y runs down, ReportLab's up
        return height - y * height

    def rect(
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        fill: object = None,
        stroke: object = INK,
        radius: float = 0,
        width_: float = 0.8,
    ) -> Rect:
        return Rect(
            px(x0),
            py(y1),
            px(x1) - px(x0),
            py(y0) - py(y1),
            rx=radius,
            ry=radius,
            fillColor=fill,
            strokeColor=stroke,
            strokeWidth=width_,
        )

    def poly(points: Sequence[tuple[float, float]], fill: object, stroke: object = INK) -> Polygon:
        flat: list[float] = []
        for x, y in points:
            flat += [px(x), py(y)]
        return Polygon(flat, fillColor=fill, strokeColor=stroke, strokeWidth=0.7)

    # wheels first: the body covers their inner half
    for x0, x1 in ((0.195, 0.265), (0.735, 0.805)):
        for y0, y1 in ((0.165, 0.295), (0.695, 0.825)):
            d.add(rect(x0, y0, x1, y1, fill=TYRE, stroke=TYRE, radius=2.5))
    # mirrors
    d.add(poly([(0.245, 0.345), (0.185, 0.36), (0.19, 0.39), (0.245, 0.385)], colors.white))
    d.add(poly([(0.755, 0.345), (0.815, 0.36), (0.81, 0.39), (0.755, 0.385)], colors.white))
    # body
    x0, y0, x1, y1 = BODY
    d.add(rect(x0, y0, x1, y1, fill=BODY_FILL, radius=px(0.1), width_=1.3))
    # bonnet creases, windscreen, roof, rear window, boot line
    d.add(Line(px(0.37), py(0.1), px(0.35), py(0.32), strokeColor=INK, strokeWidth=0.4))
    d.add(Line(px(0.63), py(0.1), px(0.65), py(0.32), strokeColor=INK, strokeWidth=0.4))
    d.add(poly([(0.29, 0.33), (0.71, 0.33), (0.67, 0.425), (0.33, 0.425)], GLASS))
    d.add(rect(0.33, 0.425, 0.67, 0.695, fill=ROOF, radius=px(0.02), width_=0.7))
    d.add(poly([(0.33, 0.695), (0.67, 0.695), (0.7, 0.775), (0.3, 0.775)], GLASS))
    d.add(Line(px(0.3), py(0.8), px(0.7), py(0.8), strokeColor=INK, strokeWidth=0.4))
    # side windows
    d.add(poly([(0.265, 0.36), (0.31, 0.43), (0.31, 0.69), (0.265, 0.75)], GLASS))
    d.add(poly([(0.735, 0.36), (0.69, 0.43), (0.69, 0.69), (0.735, 0.75)], GLASS))
    for y in (0.55,):  # B-pillar / door gap
        d.add(Line(px(0.24), py(y), px(0.31), py(y), strokeColor=INK, strokeWidth=0.6))
        d.add(Line(px(0.69), py(y), px(0.76), py(y), strokeColor=INK, strokeWidth=0.6))
    # head and tail lamps
    amber = colors.HexColor("#f2c14e")
    red = colors.HexColor("#e57373")
    d.add(poly([(0.27, 0.095), (0.37, 0.085), (0.37, 0.11), (0.28, 0.125)], amber))
    d.add(poly([(0.73, 0.095), (0.63, 0.085), (0.63, 0.11), (0.72, 0.125)], amber))
    d.add(poly([(0.27, 0.9), (0.36, 0.905), (0.36, 0.92), (0.28, 0.915)], red))
    d.add(poly([(0.73, 0.9), (0.64, 0.905), (0.64, 0.92), (0.72, 0.915)], red))
    # direction labels
    size = max(7.0, height / 38)
    for text, x, y in (
        (labels.front, 0.5, 0.035),
        (labels.rear, 0.5, 0.985),
        (labels.left, 0.09, 0.5),
        (labels.right, 0.91, 0.5),
    ):
        d.add(
            String(
                px(x),
                py(y) - size / 3,
                text,
                fontName=font,
                fontSize=size,
                fillColor=LABEL,
                textAnchor="middle",
            )
        )
    for mark in marks:
        for shape in damage_symbol_shapes(
            mark.kind, mark.number, px(mark.x), py(mark.y), mark_size, font
        ):
            d.add(shape)
    return d


def damage_symbol(kind: str, number: int, size: float, font: str) -> Drawing:
    """The symbol alone (for the legend), ``size`` points square."""
    d = Drawing(size, size, initialFontName=font)
    for shape in damage_symbol_shapes(kind, number, size / 2, size / 2, size, font):
        d.add(shape)
    return d


def damage_symbol_shapes(
    kind: str, number: int, cx: float, cy: float, size: float, font: str
) -> list[object]:
    """A filled symbol centred on (cx, cy) in ReportLab units, with the number in white."""
    r = size / 2
    sides = {"scratch": 0, "dent": 4, "crack": 3, "chip": -4, "other": 6}.get(kind, 6)
    fill = KIND_COLOURS.get(kind, KIND_COLOURS["other"])
    style = {"fillColor": fill, "strokeColor": colors.white, "strokeWidth": 0.8}
    shapes: list[object] = []
    if sides == 0:
        shapes.append(Circle(cx, cy, r, **style))
        text_y = cy - r * 0.36
    elif sides == 4:
        shapes.append(Rect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8, **style))
        text_y = cy - r * 0.36
    else:
        n = abs(sides)
        turn = math.pi / 2 if sides in (3, -4) else 0.0
        grow = 1.25 if n == 3 else 1.1
        points: list[float] = []
        for i in range(n):
            angle = turn + 2 * math.pi * i / n
            points += [cx + r * grow * math.cos(angle), cy + r * grow * math.sin(angle)]
        shapes.append(Polygon(points, **style))
        text_y = cy - r * (0.55 if n == 3 else 0.36)
    text = str(number)
    shapes.append(
        String(
            cx,
            text_y,
            text,
            fontName=font,
            fontSize=r * (1.05 if len(text) == 1 else 0.85),
            fillColor=colors.white,
            textAnchor="middle",
        )
    )
    return shapes
