"""Contact reasons and marketplaces, read from `resources/reasons.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from composer.locate import resources_dir

MARKETPLACES = {"US": "en", "CA": "en", "UK": "en", "DE": "de", "FR": "fr", "ES": "es", "IT": "it"}
LANGUAGES = ("en", "de", "fr", "es", "it")


@dataclass(frozen=True)
class Reason:
    id: str
    title: str
    description: str
    belongs: str
    limit: int
    proactive: bool
    window_days: int | None  # days after order completion a proactive message may be sent
    review_window: tuple[int, int] | None  # days after delivery (review requests)


def load_reasons(path: Path | None = None) -> dict[str, Reason]:
    path = path or resources_dir() / "reasons.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = {}
    for raw in data["reason"]:
        window = raw.get("review_window")
        out[raw["id"]] = Reason(
            id=raw["id"],
            title=raw["title"],
            description=raw["description"],
            belongs=raw["belongs"],
            limit=int(raw["limit"]),
            proactive=bool(raw["proactive"]),
            window_days=raw.get("window_days"),
            review_window=tuple(window) if window else None,
        )
    return out


def language_of(marketplace: str) -> str:
    return MARKETPLACES[marketplace.upper()]
