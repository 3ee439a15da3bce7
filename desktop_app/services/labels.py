"""Label texts in the document's language, for documents rendered without Qt.

The translation file (``resources/translations/dealerdesk_<lang>.ts``) is the one source of
the Chinese for the domain's labels (context "Labels"); screens get it through Qt, documents
through :func:`label`, so a status reads the same on screen and on paper.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import cache
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent.parent / "resources" / "translations"


@cache
def labels(lang: str) -> Mapping[str, str]:
    """English label → translated label, finished translations of context "Labels" only."""
    path = TRANSLATIONS / f"dealerdesk_{lang}.ts"
    if lang == "en" or not path.exists():
        return {}
    out: dict[str, str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        if context.findtext("name") != "Labels":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                continue
            source, text = message.findtext("source") or "", translation.text or ""
            if source and text:
                out[source] = text
    return out


def label(text: str, lang: str) -> str:
    """``text`` (an English label of the domain) in ``lang``; itself when untranslated."""
    return labels(lang).get(text, text)
