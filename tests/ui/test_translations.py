"""zh_CN is complete: every source text is in the .ts and translated; Qt loads it."""

from __future__ import annotations

import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop_app.build_assets import FORMS, ROOT, python_sources
from desktop_app.ui.i18n import install_translator

TS = ROOT / "resources" / "translations" / "dealerdesk_zh_CN.ts"


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    out = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def test_every_source_text_is_translated(tmp_path: Path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    sources = [str(p) for p in python_sources()] + [str(p) for p in sorted(FORMS.glob("*.ui"))]
    shutil.copy(TS, fresh)
    subprocess.run(
        [str(lupdate), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    collected = messages(fresh)
    committed = messages(TS)
    missing = sorted(set(collected) - set(committed))
    assert not missing, f"run `make translations` and translate: {missing[:10]}"
    untranslated = [
        key
        for key, m in committed.items()
        if key in collected
        and (
            m.find("translation") is None
            or m.find("translation").get("type") == "unfinished"
            or not (m.findtext("translation") or "").strip()
        )
    ]
    assert not untranslated, f"untranslated zh_CN texts: {untranslated[:10]}"


def test_placeholders_survive_translation():
    for (context, source), m in messages(TS).items():
        text = m.findtext("translation") or ""
        if text:  # str.format field names, so escaped braces such as {{{name}}} are understood
            assert fields(source) == fields(text), (context, source, text)


def test_chinese_is_loaded_from_resources(qapp):
    try:
        assert install_translator(qapp, "zh_CN") is not None
        assert QCoreApplication.translate("MainWindow", "Customers") == "客户"
    finally:
        install_translator(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "Customers") == "Customers"
