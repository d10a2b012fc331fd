"""The first start: choose the marketplace and the store name; the starter templates are ready.

It is shown while the data folder has no settings file, and writes one however it is closed,
so it appears only once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from composer.domain.settings import FILE_NAME, Settings, SettingsStore
from composer.gui.settings_dialog import marketplace_combo


def needs_first_run(folder: str | Path) -> bool:
    """True while `folder` has no settings file yet."""
    return not (Path(folder) / FILE_NAME).exists()


class FirstRunDialog(QDialog):
    """OK saves the choices; Skip (or closing the window) saves the defaults."""

    def __init__(self, folder: str | Path, *, template_count: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.setWindowTitle("Welcome to Seller Composer")
        self.setMinimumWidth(440)
        self.store = SettingsStore(Path(folder))
        self.saved: Settings | None = None
        intro = QLabel(
            "Seller Composer checks each message to a buyer against Amazon's messaging rules "
            "while you write it, and keeps Send disabled until it complies.", self,
            objectName="firstRunIntro", wordWrap=True)
        self.market_combo = marketplace_combo("US", "firstRunMarketplace", self)
        self.name_edit = QLineEdit(self, objectName="firstRunSellerName",
                                   accessibleName="Seller or store name",
                                   placeholderText="As buyers see it on Amazon")
        form = QFormLayout()
        form.addRow("Where do you &sell?", self.market_combo)
        form.addRow("Seller / s&tore name:", self.name_edit)
        count = f"{template_count} starter templates" if template_count else \
            "Starter templates"
        self.templates_note = QLabel(
            f"{count} are ready, one for each contact reason in English and German: pick "
            "one in the Templates panel, or start with a blank message. You can change these "
            "choices later in Settings.", self, objectName="firstRunTemplatesNote",
            wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Start")
        skip = buttons.addButton("S&kip", QDialogButtonBox.ButtonRole.RejectRole)
        skip.setObjectName("firstRunSkip")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.templates_note)
        layout.addWidget(buttons)

    def choices(self) -> Settings:
        return Settings(default_marketplace=self.market_combo.currentData(),
                        seller_name=" ".join(self.name_edit.text().split()))

    def save(self, settings: Settings | None = None) -> Settings:
        """Write settings.json (the choices, or `settings`); raises OSError if it cannot."""
        settings = settings or self.choices()
        self.store.save(settings)
        self.saved = settings
        return settings

    def done(self, result: int) -> None:
        if self.saved is None:
            accepted = result == QDialog.DialogCode.Accepted
            try:
                self.save(None if accepted else Settings())
            except OSError as exc:
                QMessageBox.warning(self, "Seller Composer",
                                    f"The settings could not be saved: {exc}")
        super().done(result)


def run_first_run(folder: str | Path, *, template_count: int = 0,
                  parent: QWidget | None = None) -> Settings | None:
    """Show the dialog (modal) when `folder` needs it; the settings saved, or None."""
    if not needs_first_run(folder):
        return None
    dialog = FirstRunDialog(folder, template_count=template_count, parent=parent)
    dialog.exec()
    return dialog.saved
