"""Page furniture shared by the printed documents."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib import colors
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from .fonts import cjk_font

# The palette every printed document shares: header cells, grid lines, text, quiet text.
HEAD_BG = colors.HexColor("#eef2f7")
GRID = colors.HexColor("#9aa5b1")
INK = colors.HexColor("#1f2d3d")
MUTED = colors.HexColor("#6b7785")


def numbered_canvas(footer: Callable[[Any, int, int], None]) -> type[Canvas]:
    """A canvas that knows the page count when it draws each page's footer (第 n / m 页)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                footer(self, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def checkbox(checked: bool, ink: Color, size: float = 7.5) -> Drawing:
    """A printed tick box (☑/☐) that renders the same in every PDF viewer."""
    d = Drawing(size, size, initialFontName=cjk_font())
    d.add(Rect(0.4, 0.4, size - 0.8, size - 0.8, fillColor=None, strokeColor=ink, strokeWidth=0.7))
    if checked:
        for x1, y1, x2, y2 in ((0.2, 0.5, 0.42, 0.22), (0.42, 0.22, 0.85, 0.85)):
            d.add(
                Line(size * x1, size * y1, size * x2, size * y2, strokeColor=ink, strokeWidth=1.3)
            )
    return d


class CjkTable(Table):
    """A Table whose cells use the CJK font, so Helvetica is never referenced unembedded."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), cjk_font())]))


def markup(value: str) -> str:
    """User text as Paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())
