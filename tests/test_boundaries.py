"""The engine and the domain never import Qt; the chosen Python/PySide6 pair cannot crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_engine_and_domain_run_without_qt():
    code = textwrap.dedent("""
        import sys, pkgutil, importlib
        import composer.rules, composer.domain
        for pkg in (composer.rules, composer.domain):
            for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
                importlib.import_module(m.name)
        from composer.rules import Checker
        Checker().check("Hello, the lamp is blue.", reason="customer-inquiry", marketplace="US")
        bad = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
        print(bad)
        sys.exit(1 if bad else 0)
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_many_void_qt_calls_do_not_abort_the_interpreter():
    # PySide6 6.12.0 on CPython 3.11 dies with "none_dealloc" after ~3,700 such calls.
    code = textwrap.dedent("""
        import os
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication, QPushButton
        app = QApplication([])
        b = QPushButton("Send")
        for i in range(20000):
            b.setEnabled(i % 2 == 0)
        print("survived")
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "survived" in proc.stdout
