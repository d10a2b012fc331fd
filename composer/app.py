"""Start-up and wiring: one checker, one session on the data folder, one window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from composer.domain.settings import resolve_data_dir
from composer.rules import Checker

SMOKE_TIMEOUT_MS = 30_000
DESKTOP_ID = "io.github.sellercomposer.SellerComposer"  # packaging/linux/<id>.desktop
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon():
    """The window icon in every shipped size, so no platform scales a blurry one."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from composer.locate import resources_dir

    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"seller-composer-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def make_window(data_dir: str | Path | None, *, checker: Checker | None = None,
                today: Callable[[], date] = date.today):
    """Build the main window on `data_dir` without showing it or any dialog."""
    from composer.gui.main_window import MainWindow
    from composer.gui.session import Session

    session = Session(resolve_data_dir(data_dir), checker or Checker(), today=today)
    window = MainWindow(session)
    window.setWindowIcon(app_icon())
    window.resize(1400, 800)
    return window


def _follow_system_look(app) -> None:
    """Dark mode: Qt follows the system scheme itself except with the Windows Vista style."""
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    if sys.platform == "win32" and hints.colorScheme() == Qt.ColorScheme.Dark:
        app.setStyle("Fusion")


def no_display_reason(env: dict[str, str] | None = None) -> str | None:
    """Why a window cannot open here (a Linux box without a desktop session), or None.

    Without this Qt aborts with a message about platform plugins that tells a seller nothing.
    """
    import os

    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("no display: the window needs a desktop session (DISPLAY or WAYLAND_DISPLAY is "
            "not set). The command line works without one: seller-composer check --help")


def run_app(data_dir: str | None, *, smoke_test: bool = False) -> int:
    """Create the QApplication, show the window and run until it closes.

    On a data folder without settings the first-run dialog comes first (never in
    `make_window`, so tests that build windows see no modal dialog).
    `smoke_test`: no first-run dialog; quit once the window is shown and its first check is
    painted; exit 0 if the engine ran, 1 if it failed or did not answer (packaged builds, CI).
    """
    reason = no_display_reason()
    if reason:
        print(f"seller-composer: {reason}", file=sys.stderr)
        return 2
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from composer.domain.templates import load_starters
    from composer.gui.first_run import run_first_run

    app = QApplication.instance()
    if app is None:  # fractional scaling as the system sets it (125 %, 150 %), not rounded
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Seller Composer")
    app.setOrganizationName("seller-composer")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    _follow_system_look(app)
    folder = resolve_data_dir(data_dir)  # the folder chosen in Settings counts too
    if not smoke_test:
        run_first_run(folder, template_count=len(load_starters()))
    window = make_window(folder)
    window.show()
    outcome = {"code": 1}
    if smoke_test:
        def checked(result) -> None:
            outcome["code"] = 1 if result.error else 0
            if result.error:
                print(f"seller-composer: smoke test: {result.error}", file=sys.stderr)
            window.close()

        window.runner.checked.connect(checked)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, window.close)
    code = app.exec()
    window.session.close()
    return outcome["code"] if smoke_test else code
