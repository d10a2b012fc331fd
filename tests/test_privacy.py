"""Nothing in the app talks to the network: a whole session runs with sockets forbidden."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "shared" / "orders" / "order-report-mfn-us.tsv"


def test_check_import_and_window_work_with_the_network_forbidden(tmp_path):
    code = textwrap.dedent(f"""
        import os, socket, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

        def refuse(*args, **kwargs):
            raise AssertionError("network use: socket(" + repr(args) + ")")
        socket.socket = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse

        from composer.cli import main
        assert main(["check", "-", "--reason", "customer-inquiry", "--marketplace", "DE"]) in (0, 1)
        if os.path.exists({str(REPORT)!r}):
            assert main(["orders", "import", {str(REPORT)!r}, "--data-dir", {str(tmp_path)!r}]) == 0
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from composer.app import make_window
        w = make_window({str(tmp_path)!r})
        w.show()
        app.processEvents()
        print("offline ok")
    """)
    proc = subprocess.run([sys.executable, "-c", code], input="Hallo, die Lampe ist blau.",
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "offline ok" in proc.stdout
