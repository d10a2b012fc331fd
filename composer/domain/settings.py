"""The seller's settings (`settings.json` in the data folder) and where that folder is."""

from __future__ import annotations

import json
import os
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import platformdirs

from composer.domain.paths import ENV_VAR, data_dir
from composer.domain.reasons import MARKETPLACES
from composer.domain.storage import CorruptFile, atomic_write_json, read_json_store

FILE_NAME = "settings.json"
LOCATION_FILE = "location.json"
VERSION = 1


def _words(items: Any) -> tuple[str, ...]:
    if not isinstance(items, list | tuple):
        return ()
    clean = {w.strip() for w in items if isinstance(w, str) and w.strip()}
    # Ärmel next to Armband, not after Zylinder
    return tuple(sorted(clean, key=lambda w: (unicodedata.normalize("NFKD", w).casefold(), w)))


@dataclass(frozen=True)
class Settings:
    default_marketplace: str = "US"
    seller_name: str = ""
    user_words: tuple[str, ...] = ()  # the user dictionary: words spelling must accept

    def with_word(self, word: str) -> Settings:
        return replace(self, user_words=_words([*self.user_words, word]))

    def without_word(self, word: str) -> Settings:
        return replace(self, user_words=tuple(w for w in self.user_words if w != word))

    def to_dict(self) -> dict[str, Any]:
        return {"version": VERSION, "default_marketplace": self.default_marketplace,
                "seller_name": self.seller_name, "user_words": list(self.user_words)}

    @classmethod
    def from_dict(cls, raw: Any) -> Settings:
        """Lenient per field (a bad value falls back to its default), strict on the shape."""
        if not isinstance(raw, dict):
            raise ValueError("not a settings object")
        if raw.get("version", VERSION) != VERSION:
            raise ValueError(f"unsupported version {raw.get('version')!r}")
        market = raw.get("default_marketplace")
        name = raw.get("seller_name")
        return cls(
            default_marketplace=market.upper() if isinstance(market, str)
            and market.upper() in MARKETPLACES else "US",
            seller_name=name.strip() if isinstance(name, str) else "",
            user_words=_words(raw.get("user_words")),
        )


class SettingsStore:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILE_NAME

    def load(self) -> tuple[Settings, CorruptFile | None]:
        """The settings (defaults when there are none) and a notice if the file was damaged."""
        loaded, notice = read_json_store(self.path, Settings.from_dict)
        return loaded or Settings(), notice

    def save(self, settings: Settings) -> None:
        atomic_write_json(self.path, settings.to_dict())


# The data folder cannot be a setting inside itself: a chosen location is remembered in a
# small file in the platform's config folder instead.
def _location_file(config_dir: Path | None) -> Path:
    base = config_dir or Path(platformdirs.user_config_dir("seller-composer", False))
    return Path(base) / LOCATION_FILE


def remembered_data_dir(config_dir: Path | None = None) -> Path | None:
    try:
        raw = json.loads(_location_file(config_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = raw.get("data_dir") if isinstance(raw, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else None


def remember_data_dir(folder: Path | None, config_dir: Path | None = None) -> None:
    """Use `folder` for data from the next start on (None: back to the platform default)."""
    path = _location_file(config_dir)
    if folder is None:
        path.unlink(missing_ok=True)
        return
    atomic_write_json(path, {"version": VERSION, "data_dir": str(Path(folder).resolve())})


def resolve_data_dir(explicit: str | os.PathLike | None = None,
                     config_dir: Path | None = None) -> Path:
    """--data-dir, then SELLER_COMPOSER_DATA_DIR, then the remembered folder, then the default."""
    if explicit or os.environ.get(ENV_VAR):
        return data_dir(explicit)
    return data_dir(remembered_data_dir(config_dir))
