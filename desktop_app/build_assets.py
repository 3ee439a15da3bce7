"""The one build step: compile Designer forms, translations and Qt resources.

``python -m desktop_app.build_assets`` — called by ``make run``, ``make test`` and the installer.

- ``forms/*.ui``  → ``desktop_app/ui/forms/ui_*.py`` (pyside6-uic)
- ``resources/translations/*.ts`` → ``*.qm`` (pyside6-lrelease)
- icons and ``.qm`` files → ``desktop_app/ui/resources_rc.py`` (pyside6-rcc)

``--update-translations`` first runs pyside6-lupdate to collect new source texts into the
``.ts`` files (a developer step; translators then fill them in Qt Linguist).
Each output is rebuilt only when older than its inputs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
RESOURCES = ROOT / "resources"
TRANSLATIONS = RESOURCES / "translations"
PACKAGE = ROOT / "desktop_app"
GENERATED_FORMS = PACKAGE / "ui" / "forms"
RESOURCES_PY = PACKAGE / "ui" / "resources_rc.py"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """The PySide6 tool next to this interpreter (the venv), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def stale(target: Path, sources: list[Path]) -> bool:
    return not target.exists() or any(s.stat().st_mtime > target.stat().st_mtime for s in sources)


def python_sources() -> list[Path]:
    return sorted(
        p for p in PACKAGE.rglob("*.py") if GENERATED_FORMS not in p.parents and p != RESOURCES_PY
    )


def update_translations() -> None:
    sources = [str(p.relative_to(ROOT)) for p in python_sources()]
    sources += [str(p.relative_to(ROOT)) for p in sorted(FORMS.glob("*.ui"))]
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"dealerdesk_{lang}.ts"
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                *sources,
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            check=True,
            cwd=ROOT,
        )


def build_forms() -> None:
    GENERATED_FORMS.mkdir(parents=True, exist_ok=True)
    for ui in sorted(FORMS.glob("*.ui")):
        out = GENERATED_FORMS / f"ui_{ui.stem}.py"
        if stale(out, [ui]):
            subprocess.run([tool("pyside6-uic"), str(ui), "-o", str(out)], check=True)


def build_translations() -> list[Path]:
    built = []
    for ts in sorted(TRANSLATIONS.glob("dealerdesk_*.ts")):
        qm = ts.with_suffix(".qm")
        if stale(qm, [ts]):
            subprocess.run(
                [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
            )
        built.append(qm)
    return built


def build_resources(qms: list[Path]) -> None:
    template = (RESOURCES / "dealerdesk.qrc.in").read_text(encoding="utf-8")
    lines = "\n".join(f"    <file>translations/{qm.name}</file>" for qm in qms)
    qrc = RESOURCES / "dealerdesk.qrc"
    text = template.replace("@TRANSLATIONS@", lines)
    if not qrc.exists() or qrc.read_text(encoding="utf-8") != text:
        qrc.write_text(text, encoding="utf-8")
    inputs = [qrc, *qms, *sorted((RESOURCES / "icons").glob("*.svg"))]
    if stale(RESOURCES_PY, inputs):
        subprocess.run([tool("pyside6-rcc"), str(qrc), "-o", str(RESOURCES_PY)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update-translations", action="store_true")
    args = parser.parse_args(argv)
    if args.update_translations:
        update_translations()
    build_forms()
    build_resources(build_translations())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
