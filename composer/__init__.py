"""Seller Composer: compose Amazon buyer messages that pass the messaging rules."""

from __future__ import annotations

__version__ = "0.1.0"
