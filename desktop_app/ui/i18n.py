"""Language: install the Qt translator and translate texts that come from below the UI."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..domain.errors import DomainError

SUPPORTED = ("zh_CN", "en")


def resolve_language(setting: str | None) -> str:
    """``zh_CN`` or ``en`` from a saved setting, else from the system locale."""
    if setting in SUPPORTED:
        return setting
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


_installed: list[QTranslator] = []  # the application-wide translator Qt holds, if any


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the compiled translation from the Qt resources, replacing the previous one.

    English is the source language and needs none.
    """
    from . import resources_rc  # noqa: F401  (registers :/translations)

    while _installed:
        app.removeTranslator(_installed.pop())
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return None
    translator = QTranslator(app)
    if not translator.load(f":/translations/dealerdesk_{language}.qm"):
        return None
    # Qt's own texts (Save, Cancel, the date picker) come with PySide6
    qt_texts = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_texts.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_texts)
        _installed.append(qt_texts)
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    return translator


def tr_label(text: str) -> str:
    """A label marked in the domain with QT_TRANSLATE_NOOP("Labels", …)."""
    return QCoreApplication.translate("Labels", text)


def tr_message(text: str, **params: Any) -> str:
    return QCoreApplication.translate("Messages", text).format(**params)


def tr_error(error: DomainError | Any) -> str:
    """The message of a DomainError or StorageEnvironmentError in the user's language."""
    template = QCoreApplication.translate("Messages", error.template)
    labels = getattr(error, "label_params", ())
    if not labels:
        return str(error.render(template))
    params = {k: tr_label(v) if k in labels else v for k, v in error.params.items()}
    return str(error.render(template, params))
