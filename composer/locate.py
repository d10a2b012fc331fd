"""Locate the shipped data folder in a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "reasons.toml").is_file():
        return checkout
    from importlib.resources import files

    return Path(str(files("composer.resources")))
