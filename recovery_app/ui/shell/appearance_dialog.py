"""Appearance: colours (follow the system, light, dark), contrast, and the app's text size.

Each choice applies at once to every window and is remembered; there is nothing
to save. It works while the data is locked too: these settings live outside the
database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recovery_app.core.i18n import translate
from recovery_app.settings import SettingsStore
from recovery_app.ui.common.forms import Form
from recovery_app.ui.common.style import heading, wrapped
from recovery_app.ui.shell.appearance import CONTRASTS, MAX_TEXT, MIN_TEXT, SCHEMES, text_percent

SCHEME_WORDS = {
    "system": translate("ui.shell.appearance_dialog", "&Follow the system"),
    "light": translate("ui.shell.appearance_dialog", "&Light"),
    "dark": translate("ui.shell.appearance_dialog", "&Dark"),
}
CONTRAST_WORDS = {
    "system": translate("ui.shell.appearance_dialog", "Follow the system"),
    "normal": translate("ui.shell.appearance_dialog", "Normal"),
    "high": translate("ui.shell.appearance_dialog", "High contrast"),
}


class AppearanceDialog(QDialog):
    def __init__(self, settings: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(translate("ui.shell.appearance_dialog", "Appearance"))
        self.setAccessibleName(translate("ui.shell.appearance_dialog", "Appearance"))
        values = settings.values
        self.schemes = QButtonGroup(self)
        scheme_row = QHBoxLayout()
        for key in SCHEMES:
            button = QRadioButton(SCHEME_WORDS[key])
            button.setProperty("key", key)
            button.setChecked(key == values.colour_scheme)
            self.schemes.addButton(button)
            scheme_row.addWidget(button)
        scheme_row.addStretch(1)
        if self.schemes.checkedButton() is None:
            self.schemes.buttons()[0].setChecked(True)
        self.contrast = QComboBox()
        self.contrast.setAccessibleName(translate("ui.shell.appearance_dialog", "Contrast"))
        for key in CONTRASTS:
            self.contrast.addItem(CONTRAST_WORDS[key], key)
        self.contrast.setCurrentIndex(max(0, self.contrast.findData(values.contrast)))
        self.text_size = QSpinBox()
        self.text_size.setRange(MIN_TEXT, MAX_TEXT)
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(" %")
        self.text_size.setAccessibleName(
            translate("ui.shell.appearance_dialog", "Text size in percent")
        )
        self.text_size.setValue(text_percent(values))
        # Applied when the person stops typing or steps, not at every digit of "150".
        self.text_size.setKeyboardTracking(False)

        form = Form()
        colours_label = QLabel(translate("ui.shell.appearance_dialog", "Colours"))
        form.addRow(colours_label, scheme_row)
        contrast_label = QLabel(translate("ui.shell.appearance_dialog", "C&ontrast"))
        contrast_label.setBuddy(self.contrast)
        form.addRow(contrast_label, self.contrast)
        size_label = QLabel(translate("ui.shell.appearance_dialog", "&Text size"))
        size_label.setBuddy(self.text_size)
        form.addRow(size_label, self.text_size)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("ui.shell.appearance_dialog", "Appearance"), 1.3))
        layout.addWidget(
            wrapped(
                translate(
                    "ui.shell.appearance_dialog",
                    "Changes apply at once to every page and are remembered. Following the "
                    "system uses your computer's dark mode and high-contrast setting where it "
                    "tells apps about them.",
                )
            )
        )
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.schemes.buttonToggled.connect(self._scheme_toggled)
        self.contrast.currentIndexChanged.connect(
            lambda _i: self.settings.update(contrast=str(self.contrast.currentData()))
        )
        self.text_size.valueChanged.connect(lambda v: self.settings.update(text_size=int(v)))
        if (checked := self.schemes.checkedButton()) is not None:
            checked.setFocus(Qt.FocusReason.OtherFocusReason)

    def _scheme_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.settings.update(colour_scheme=str(button.property("key")))
