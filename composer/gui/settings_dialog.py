"""Settings: default marketplace, the seller's name, the user dictionary, the data folder.

Everything but the data folder is written to `settings.json` through `SettingsStore`. The data
folder cannot live inside itself: a new one is remembered in the config folder and used from
the next start on.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.paths import ENV_VAR
from composer.domain.reasons import MARKETPLACES
from composer.domain.settings import Settings, SettingsStore, remember_data_dir

_Index = QModelIndex | QPersistentModelIndex
MARKET_SITES = {"US": "amazon.com", "CA": "amazon.ca", "UK": "amazon.co.uk", "DE": "amazon.de",
                "FR": "amazon.fr", "ES": "amazon.es", "IT": "amazon.it"}
RESTART_NOTE = ("The app keeps using the current folder until you restart it. Files are not "
                "moved: copy orders, templates and history there yourself to keep them.")


def marketplace_combo(current: str, object_name: str, parent: QWidget | None = None
                      ) -> QComboBox:
    """A marketplace picker showing `US — amazon.com`; `currentData()` is the code."""
    combo = QComboBox(parent, objectName=object_name, accessibleName="Marketplace")
    for code in MARKETPLACES:
        combo.addItem(f"{code} — {MARKET_SITES.get(code, code)}", code)
    combo.setCurrentIndex(max(0, combo.findData(current.upper())))
    return combo


class WordListModel(QAbstractListModel):
    """The user dictionary, sorted as Settings keeps it."""

    def __init__(self, words: tuple[str, ...] = (), parent=None) -> None:
        super().__init__(parent)
        self.words = list(words)

    def set_words(self, words: tuple[str, ...]) -> None:
        self.beginResetModel()
        self.words = list(words)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.words)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole,
                                        Qt.ItemDataRole.AccessibleTextRole):
            return self.words[index.row()]
        return None


class SettingsDialog(QDialog):
    """Emits `settingsSaved(Settings)` when OK wrote the settings."""

    settingsSaved = Signal(object)

    def __init__(self, store: SettingsStore, data_dir: Path, *, config_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.setMinimumWidth(460)
        self.store = store
        self.config_dir = config_dir
        self.data_dir = Path(data_dir)
        self.next_data_dir: Path | None = self.data_dir  # None: the platform's default folder
        self.settings, notice = store.load()
        self.words_model = WordListModel(self.settings.user_words, self)
        self._build()
        if notice is not None:
            self.data_note.setText(f"{notice}. {self.data_note.text()}")

    def _build(self) -> None:
        self.market_combo = marketplace_combo(self.settings.default_marketplace,
                                              "settingsMarketplace", self)
        self.name_edit = QLineEdit(self.settings.seller_name, self, objectName="settingsSellerName",
                                   accessibleName="Seller or store name",
                                   placeholderText="As buyers see it on Amazon")
        general = QFormLayout()
        general.addRow("Default &marketplace:", self.market_combo)
        general.addRow("Seller / &store name:", self.name_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(general)
        layout.addWidget(self._words_box(), 1)
        layout.addWidget(self._folder_box())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _words_box(self) -> QGroupBox:
        box = QGroupBox("&Dictionary: words the spelling check accepts", self)
        self.words_view = QListView(box, objectName="settingsWords", accessibleName="Your words")
        self.words_view.setModel(self.words_model)
        self.words_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.word_edit = QLineEdit(box, objectName="settingsNewWord", accessibleName="New word",
                                   placeholderText="A brand, product or place name")
        self.word_edit.returnPressed.connect(lambda: self.add_word(self.word_edit.text()))
        add = QPushButton("&Add", box, objectName="settingsAddWord")
        add.clicked.connect(lambda: self.add_word(self.word_edit.text()))
        remove = QPushButton("&Remove", box, objectName="settingsRemoveWord",
                             accessibleName="Remove the selected words")
        remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.word_edit, 1)
        row.addWidget(add)
        row.addWidget(remove)
        col = QVBoxLayout(box)
        col.addWidget(self.words_view, 1)
        col.addLayout(row)
        return box

    def _folder_box(self) -> QGroupBox:
        box = QGroupBox("Data &folder", self)
        self.data_label = QLabel(str(self.data_dir), box, objectName="settingsDataDir",
                                 accessibleName="Data folder", wordWrap=True)
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton("&Change…", box, objectName="settingsChangeDataDir")
        change.clicked.connect(self.ask_data_dir)
        default = QPushButton("Use the &default", box, objectName="settingsDefaultDataDir")
        default.clicked.connect(lambda: self.choose_data_dir(None))
        note = RESTART_NOTE
        if os.environ.get(ENV_VAR):
            note += f" {ENV_VAR} is set and wins over the folder chosen here."
        self.data_note = QLabel(note, box, objectName="settingsDataDirNote", wordWrap=True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(change)
        row.addWidget(default)
        col = QVBoxLayout(box)
        col.addWidget(self.data_label)
        col.addLayout(row)
        col.addWidget(self.data_note)
        return box

    # ----- editing (callable from tests) -----
    def add_word(self, text: str) -> list[str]:
        """Add each word typed (several may be separated by spaces or commas)."""
        added = [w for w in text.replace(",", " ").split() if w not in self.settings.user_words]
        for word in added:
            self.settings = self.settings.with_word(word)
        self.words_model.set_words(self.settings.user_words)
        self.word_edit.clear()
        return added

    def remove_words(self, words: list[str]) -> None:
        for word in words:
            self.settings = self.settings.without_word(word)
        self.words_model.set_words(self.settings.user_words)

    def remove_selected(self) -> None:
        rows = self.words_view.selectionModel().selectedRows()
        self.remove_words([self.words_model.words[i.row()] for i in rows])

    def choose_data_dir(self, folder: Path | None) -> None:
        """Use `folder` (None: the platform's default) from the next start on."""
        self.next_data_dir = Path(folder) if folder is not None else None
        if self.next_data_dir == self.data_dir:
            self.data_label.setText(str(self.data_dir))
            return
        shown = str(self.next_data_dir) if self.next_data_dir else "the default folder"
        self.data_label.setText(f"{self.data_dir}\nAfter a restart: {shown}")

    def ask_data_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Data folder", str(self.data_dir))
        if folder:
            self.choose_data_dir(Path(folder))

    def current_settings(self) -> Settings:
        return replace(self.settings, default_marketplace=self.market_combo.currentData(),
                       seller_name=" ".join(self.name_edit.text().split()))

    def save(self) -> Settings:
        """Write settings.json and remember a new data folder; raises OSError if it cannot."""
        settings = self.current_settings()
        self.store.save(settings)
        if self.next_data_dir != self.data_dir:
            remember_data_dir(self.next_data_dir, self.config_dir)
        self.settings = settings
        self.settingsSaved.emit(settings)
        return settings

    def accept(self) -> None:
        try:
            self.save()
        except OSError as exc:
            QMessageBox.warning(self, "Settings", f"The settings could not be saved: {exc}")
            return
        super().accept()
