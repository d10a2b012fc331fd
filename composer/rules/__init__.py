"""The policy engine: pure Python, no Qt."""

from __future__ import annotations

from composer.rules.diagnostic import CATEGORIES, Diagnostic, Severity, is_sendable
from composer.rules.engine import CheckContext, Checker, EarlierMessage

__all__ = [
    "CATEGORIES",
    "CheckContext",
    "Checker",
    "Diagnostic",
    "EarlierMessage",
    "Severity",
    "is_sendable",
]
