"""Settings of this PC: the interface language for now."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from .forms.ui_settings_dialog import Ui_SettingsDialog


class SettingsDialog(QDialog):
    def __init__(self, language_setting: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        combo = self.ui.languageCombo
        combo.addItem(self.tr("Same as Windows / the system"), "system")
        combo.addItem("中文（简体）", "zh_CN")
        combo.addItem("English", "en")
        combo.setCurrentIndex(max(combo.findData(language_setting or "system"), 0))
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def language(self) -> str:
        return str(self.ui.languageCombo.currentData())
