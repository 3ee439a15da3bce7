"""A TrueType CJK font embedded in every PDF (the built-in STSong-Light is never embedded).

Looked up in order: ``DEALERDESK_PDF_FONT``, ``resources/fonts``, WenQuanYi Micro Hei (Debian
``fonts-wqy-microhei``), then Windows' Microsoft YaHei / SimHei. Noto CJK ``.ttc`` files have
CFF outlines, which ReportLab cannot embed, so they are not on the list.
"""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME = "DealerDeskCJK"
_ROOT = Path(__file__).resolve().parent.parent.parent
CANDIDATES = [
    _ROOT / "resources" / "fonts" / "wqy-microhei.ttc",
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("C:/Windows/Fonts/msyh.ttc"),
    Path("C:/Windows/Fonts/simhei.ttf"),
]


class FontMissing(RuntimeError):
    pass


def cjk_font() -> str:
    """Register the CJK font once and return its ReportLab name."""
    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    override = os.environ.get("DEALERDESK_PDF_FONT")
    paths = ([Path(override)] if override else []) + CANDIDATES
    for path in paths:
        if path.exists():
            index = 0 if path.suffix.lower() == ".ttc" else None
            font = TTFont(FONT_NAME, str(path), subfontIndex=index or 0)
            pdfmetrics.registerFont(font)
            return FONT_NAME
    raise FontMissing(
        "No Chinese TrueType font found for PDFs: install fonts-wqy-microhei or set "
        "DEALERDESK_PDF_FONT to a .ttf/.ttc file."
    )
