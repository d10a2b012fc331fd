"""Where the app keeps its data: --data-dir, SELLER_COMPOSER_DATA_DIR, or the platform folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "SELLER_COMPOSER_DATA_DIR"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The data folder, created if missing. An explicit folder wins over the environment."""
    chosen = explicit or os.environ.get(ENV_VAR)
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir("seller-composer", False))
    path.mkdir(parents=True, exist_ok=True)
    return path
