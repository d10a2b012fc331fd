"""The draft being written, kept in `draft.json` so a crash or a restart loses nothing.

The draft names its order by id; the buyer's name is written as `{buyer_name}` and filled
again from the orders store when the draft is restored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from composer.domain.placeholders import PERSONAL, fill, unfill
from composer.domain.storage import (
    CorruptFile,
    atomic_write_bytes,
    read_json_store,
    sweep_temp_files,
)

FILE_NAME = "draft.json"
VERSION = 1


@dataclass(frozen=True)
class Draft:
    reason: str = "customer-inquiry"
    marketplace: str = "US"
    order_id: str = ""
    subject: str = ""
    body: str = ""
    template_id: str = ""  # the template it started from, if any

    def without_personal(self, personal: Mapping[str, str]) -> Draft:
        """The buyer's name, recipient name and email replaced by placeholders."""
        return replace(self, subject=unfill(self.subject, personal, PERSONAL),
                       body=unfill(self.body, personal, PERSONAL))

    def with_personal(self, personal: Mapping[str, str]) -> Draft:
        """The inverse of `without_personal`, given the order's values again."""
        only = {k: v for k, v in personal.items() if k in PERSONAL}
        return replace(self, subject=fill(self.subject, only)[0], body=fill(self.body, only)[0])


def _parse(raw: Any) -> Draft:
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        raise ValueError("not a draft file of a known version")
    data = raw.get("draft")
    if not isinstance(data, dict):
        raise ValueError("no draft in it")
    values = {}
    for f in fields(Draft):
        if f.name in data:
            if not isinstance(data[f.name], str):
                raise ValueError(f"{f.name} is not text")
            values[f.name] = data[f.name]
    return Draft(**values)


class DraftStore:
    """Where the current draft lives. `save` is cheap when nothing changed."""

    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / FILE_NAME
        self._last: bytes | None = None

    def load(self) -> tuple[Draft | None, CorruptFile | None]:
        """The saved draft (None if there is none) and a notice if the file was damaged."""
        draft, notice = read_json_store(self.path, _parse)
        return draft, notice

    def save(self, draft: Draft, personal: Mapping[str, str] | None = None) -> None:
        """Write `draft` atomically; pass the order's `personal_values` to keep them out."""
        if personal:
            draft = draft.without_personal(personal)
        data = json.dumps({"version": VERSION, "draft": asdict(draft)}, ensure_ascii=False,
                          indent=2, sort_keys=True).encode("utf-8") + b"\n"
        if data == self._last and self.path.exists():
            return
        atomic_write_bytes(self.path, data)
        self._last = data

    def clear(self) -> None:
        """Forget the draft (after it was sent or discarded)."""
        self.path.unlink(missing_ok=True)
        sweep_temp_files(self.path, older_than=0)
        self._last = None
