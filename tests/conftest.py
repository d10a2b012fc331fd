"""Shared fixtures. Qt must be offscreen before any QApplication exists."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from composer.rules import Checker


@pytest.fixture(scope="session")
def checker() -> Checker:
    return Checker()
