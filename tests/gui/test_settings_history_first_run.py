"""Settings dialog, the sent-messages view and the first-run dialog, on real files."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from composer.domain.history import History
from composer.domain.paths import ENV_VAR
from composer.domain.settings import (
    Settings,
    SettingsStore,
    remembered_data_dir,
    resolve_data_dir,
)
from composer.gui.first_run import FirstRunDialog, needs_first_run, run_first_run
from composer.gui.history_view import HistoryView, history_dialog
from composer.gui.settings_dialog import SettingsDialog


# ----- settings -----
@pytest.fixture
def settings_dialog(qtbot, tmp_path) -> SettingsDialog:
    SettingsStore(tmp_path / "data").save(Settings("UK", "Acme Lamps", ("Ärmel", "Zylinder")))
    dialog = SettingsDialog(SettingsStore(tmp_path / "data"), tmp_path / "data",
                            config_dir=tmp_path / "config")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_settings_dialog_shows_what_is_saved(settings_dialog, tmp_path):
    assert settings_dialog.objectName() == "settingsDialog"
    assert settings_dialog.market_combo.currentData() == "UK"
    assert settings_dialog.findChild(QLineEdit, "settingsSellerName").text() == "Acme Lamps"
    assert settings_dialog.words_model.words == ["Ärmel", "Zylinder"]
    assert settings_dialog.data_label.text() == str(tmp_path / "data")


def test_words_added_and_removed_in_the_dialog_survive_a_new_store(settings_dialog, qtbot,
                                                                    tmp_path):
    dialog = settings_dialog
    qtbot.keyClicks(dialog.word_edit, "Lumora, Armband")
    qtbot.mouseClick(dialog.findChild(QPushButton, "settingsAddWord"), Qt.MouseButton.LeftButton)
    assert dialog.words_model.words == ["Armband", "Ärmel", "Lumora", "Zylinder"]
    assert dialog.word_edit.text() == ""
    row = dialog.words_model.words.index("Zylinder")
    dialog.words_view.selectionModel().select(dialog.words_model.index(row),
                                              QItemSelectionModel.SelectionFlag.Select)
    qtbot.mouseClick(dialog.findChild(QPushButton, "settingsRemoveWord"),
                     Qt.MouseButton.LeftButton)
    assert dialog.words_model.words == ["Armband", "Ärmel", "Lumora"]
    dialog.name_edit.setText("  Acme   Lamps GmbH ")
    dialog.market_combo.setCurrentIndex(dialog.market_combo.findData("DE"))
    with qtbot.waitSignal(dialog.settingsSaved) as signal:
        dialog.accept()
    loaded, notice = SettingsStore(tmp_path / "data").load()
    assert notice is None
    assert loaded == Settings("DE", "Acme Lamps GmbH", ("Armband", "Ärmel", "Lumora"))
    assert signal.args == [loaded]
    assert not dialog.isVisible()


def test_cancel_writes_nothing(settings_dialog, tmp_path):
    before = (tmp_path / "data" / "settings.json").read_bytes()
    settings_dialog.add_word("Lumora")
    settings_dialog.reject()
    assert (tmp_path / "data" / "settings.json").read_bytes() == before


def test_a_new_data_folder_is_remembered_for_the_next_start(settings_dialog, tmp_path,
                                                            monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert "restart" in settings_dialog.data_note.text()
    settings_dialog.choose_data_dir(tmp_path / "elsewhere")
    assert f"After a restart: {tmp_path / 'elsewhere'}" in settings_dialog.data_label.text()
    assert remembered_data_dir(tmp_path / "config") is None  # not before OK
    settings_dialog.accept()
    assert remembered_data_dir(tmp_path / "config") == (tmp_path / "elsewhere").resolve()
    assert resolve_data_dir(config_dir=tmp_path / "config") == (tmp_path / "elsewhere").resolve()


# ----- history -----
def record(history: History, order_id: str, subject: str, text: str, hour: int) -> None:
    history.record(order_id, "order-fulfillment-issue", "US", subject, text, "test",
                   sent_at=datetime(2026, 11, 20, hour, 5, tzinfo=UTC))


@pytest.fixture
def history(tmp_path):
    with History.in_dir(tmp_path) as h:
        record(h, "113-0000001-0000001", "Your order", "\nHello Jane,\n\nit ships today.", 9)
        record(h, "113-0000002-0000002", "", "Hello Max,\n\nthe invoice is attached.", 10)
        record(h, "113-0000001-0000001", "Delivery", "Hello Jane,\n\nit arrived?", 11)
        yield h


def cells(view: HistoryView, column: int) -> list[str]:
    return [view.model.index(r, column).data() for r in range(view.model.rowCount())]


def test_history_lists_the_messages_recorded(qtbot, history):
    view = HistoryView(history, reason_titles={"order-fulfillment-issue": "Fulfilment issue"})
    qtbot.addWidget(view)
    assert view.objectName() == "historyView"
    assert cells(view, 1) == ["113-0000001-0000001", "113-0000002-0000002",
                              "113-0000001-0000001"]
    assert cells(view, 2) == ["Fulfilment issue"] * 3
    assert cells(view, 3) == ["Your order", "", "Delivery"]
    assert cells(view, 4) == ["Hello Jane,", "Hello Max,", "Hello Jane,"]
    local = datetime(2026, 11, 20, 9, 5, tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert cells(view, 0)[0] == local
    assert view.count_label.text() == "3 messages"
    view.table.selectRow(1)
    assert "the invoice is attached." in view.detail.toPlainText()

    record(history, "113-0000003-0000003", "New", "Hello Eve,\n\nthanks.", 12)
    view.refresh()
    assert cells(view, 1)[-1] == "113-0000003-0000003"


def test_filter_by_order_and_export_the_shown_messages(qtbot, history, tmp_path):
    view = HistoryView(history)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.filter_edit, "0000001-0000001")
    assert cells(view, 3) == ["Your order", "Delivery"]
    assert view.count_label.text() == "2 of 3 messages"
    assert view.export_csv(tmp_path / "appeal.csv") == 2
    data = (tmp_path / "appeal.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsent_at,order_id,reason")
    rows = list(csv.DictReader(data.decode("utf-8-sig").splitlines(keepends=True)))
    assert [r["subject"] for r in rows] == ["Your order", "Delivery"]
    assert rows[1]["text"] == "Hello Jane,\n\nit arrived?"
    assert rows[0]["sent_at"] == "2026-11-20T09:05:00+00:00"

    view.filter_edit.setText("no such order")
    assert cells(view, 1) == [] and not view.export_button.isEnabled()
    view.filter_edit.clear()
    assert view.export_csv(tmp_path / "all.csv") == 3


def test_history_dialog_holds_the_view(qtbot, history):
    dialog = history_dialog(history)
    qtbot.addWidget(dialog)
    assert dialog.findChild(HistoryView, "historyView").model.rowCount() == 3


# ----- first run -----
def test_first_run_saves_the_choices_and_appears_only_once(qtbot, tmp_path):
    folder = tmp_path / "data"
    assert needs_first_run(folder)
    shown: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        shown.append(dialog.objectName())
        assert "18 starter templates are ready" in dialog.templates_note.text()
        dialog.market_combo.setCurrentIndex(dialog.market_combo.findData("DE"))
        qtbot.keyClicks(dialog.name_edit, "Lampenladen")
        dialog.accept()

    QTimer.singleShot(0, fill_in)
    saved = run_first_run(folder, template_count=18)
    assert shown == ["firstRunDialog"]
    assert saved == Settings("DE", "Lampenladen")
    assert SettingsStore(folder).load() == (Settings("DE", "Lampenladen"), None)
    assert not needs_first_run(folder)
    assert run_first_run(folder) is None  # the second start shows nothing
    assert shown == ["firstRunDialog"]


def test_skipping_the_first_run_still_counts_as_done(qtbot, tmp_path):
    dialog = FirstRunDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("Not wanted")
    dialog.findChild(QPushButton, "firstRunSkip").click()
    assert not needs_first_run(tmp_path)
    assert SettingsStore(Path(tmp_path)).load()[0] == Settings()
