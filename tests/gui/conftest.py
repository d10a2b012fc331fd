"""Fixtures for the composer window: a real window on a temporary data folder."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QTextCharFormat

from composer.app import make_window

TODAY = date(2026, 11, 20)


def wait_checked(qtbot, window, timeout: int = 5000) -> None:
    """Wait until the verdict for the draft as it is now has been applied."""
    qtbot.waitUntil(lambda: window.result is not None
                    and window.result.request.revision == window.revision, timeout=timeout)


def underlines(editor) -> list[tuple[int, int, object]]:
    """(start, end, format) of every underline Qt will paint, in document positions."""
    out = []
    block = editor.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() != r.format.UnderlineStyle.NoUnderline and r.length:
                out.append((block.position() + r.start, block.position() + r.start + r.length,
                            QTextCharFormat(r.format)))
        block = block.next()
    return out


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


@pytest.fixture
def composer_window(qtbot, tmp_path, checker):
    window = make_window(tmp_path, checker=checker, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_checked(qtbot, window)
    yield window
    window.close()
    window.session.close()
