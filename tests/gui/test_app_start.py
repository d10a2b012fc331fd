"""Start-up: run_app on a data folder, a big paste that must not freeze, Qt's None bug."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from conftest import wait_checked
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from composer.app import DESKTOP_ID, run_app
from composer.gui.main_window import MainWindow


def _close_main_windows(shown: list) -> None:
    windows = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, MainWindow) and w.isVisible()]
    shown.extend(windows)
    for w in windows:
        w.close()


def test_first_start_asks_for_marketplace_and_name_then_shows_the_window(qtbot, tmp_path):
    seen: list[str] = []
    shown: list[MainWindow] = []

    tries = iter(range(100))

    def answer_first_run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if next(tries, None) is None:  # never came: let run_app return, and fail below
                _close_main_windows(shown)
            else:
                QTimer.singleShot(50, answer_first_run)
            return
        window_up = any(isinstance(w, MainWindow) and w.isVisible()
                        for w in QApplication.topLevelWidgets())
        seen.append(f"{dialog.objectName()} window_up={window_up}")
        dialog.market_combo.setCurrentIndex(dialog.market_combo.findData("DE"))
        qtbot.keyClicks(dialog.name_edit, "Lampenladen")
        dialog.accept()
        QTimer.singleShot(300, lambda: _close_main_windows(shown))

    QTimer.singleShot(0, answer_first_run)
    assert run_app(str(tmp_path)) == 0
    assert seen == ["firstRunDialog window_up=False"]  # the dialog comes first
    assert shown and shown[0].windowTitle() == "Seller Composer"
    assert shown[0].marketplace == "DE"  # the choice applies at once
    assert shown[0].session.seller_name == "Lampenladen"
    assert (tmp_path / "settings.json").exists()
    assert (tmp_path / "history.sqlite3").exists()


def test_run_app_shows_the_window_and_returns_when_it_closes(qtbot, tmp_path):
    (tmp_path / "settings.json").write_text('{"version": 1, "seller_name": "Acme"}',
                                            encoding="utf-8")
    shown: list[MainWindow] = []
    QTimer.singleShot(300, lambda: _close_main_windows(shown))
    assert run_app(str(tmp_path)) == 0  # no first-run dialog: it would block here
    assert shown and shown[0].windowTitle() == "Seller Composer"
    assert QGuiApplication.desktopFileName() == DESKTOP_ID
    sizes = {s.width() for s in shown[0].windowIcon().availableSizes()}
    assert sizes >= {16, 32, 48, 64, 128, 256, 512}
    assert not QApplication.windowIcon().isNull()


def test_a_100kb_paste_is_checked_off_the_ui_thread(qtbot, composer_window):
    w = composer_window
    text = ("Hello, the shelf ships today. Use code SAVE10 for 10% off.\n" * 1700)[:100_000]
    t0 = time.perf_counter()
    w.body_editor.insertPlainText(text)
    QApplication.processEvents()
    blocked = time.perf_counter() - t0
    assert w.runner.in_worker() or w.runner.is_busy()  # too big to check on the UI thread
    assert blocked < 0.5
    wait_checked(qtbot, w, timeout=20000)
    assert not w.send_button.isEnabled()
    assert w.problem_count() > 100


def test_smoke_test_shows_the_window_checks_once_and_quits(qtbot, tmp_path):
    assert run_app(str(tmp_path), smoke_test=True) == 0


def test_without_a_display_the_app_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "composer", "--data-dir", str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("seller-composer: no display")
    assert len(proc.stderr.strip().splitlines()) == 1
