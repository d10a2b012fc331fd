"""Message templates and the library that keeps them in `templates.json`."""

from __future__ import annotations

import re
import tomllib
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from composer.domain.placeholders import fill, unfill
from composer.domain.reasons import MARKETPLACES, load_reasons
from composer.domain.storage import (
    CorruptFile,
    atomic_write_json,
    read_json_store,
)
from composer.locate import resources_dir

FILE_NAME = "templates.json"
VERSION = 1


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    reason: str
    marketplace: str
    subject: str
    body: str
    created: str
    updated: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> Template:
        """Strict: every field present and a string (a damaged file must not half-load)."""
        if not isinstance(raw, Mapping):
            raise TypeError("a template is not a JSON object")
        values = {}
        for f in fields(cls):
            value = raw.get(f.name)
            if not isinstance(value, str):
                raise ValueError(f"template field {f.name!r} is missing or not text")
            values[f.name] = value
        return cls(**values)


def new_id() -> str:
    return uuid.uuid4().hex


def clean_name(name: str) -> str:
    """A name on one line without doubled spaces, as lists and file names need it."""
    return " ".join(name.split())


def make_template(name: str, reason: str, marketplace: str, subject: str, body: str) -> Template:
    stamp = now_iso()
    return Template(new_id(), clean_name(name), reason, marketplace.upper(), subject, body,
                    stamp, stamp)


def fill_template(template: Template, values: Mapping[str, str]) -> tuple[str, str, list[str]]:
    """(subject, body, placeholders left unfilled) for `template` applied to an order's values."""
    subject, left_in_subject = fill(template.subject, values)
    body, left_in_body = fill(template.body, values)
    return subject, body, list(dict.fromkeys(left_in_subject + left_in_body))


def validation_problems(t: Template, reasons: Iterable[str]) -> list[str]:
    """Why `t` cannot go into a library (empty when it can)."""
    problems = []
    if not t.name.strip():
        problems.append("the name is empty")
    if t.reason not in set(reasons):
        problems.append(f"unknown contact reason {t.reason!r}")
    if t.marketplace.upper() not in MARKETPLACES:
        problems.append(f"unknown marketplace {t.marketplace!r}")
    if not t.body.strip():
        problems.append("the message text is empty")
    return problems


def load_starters(path: Path | None = None) -> list[Template]:
    """The starter templates shipped in `resources/templates/starter.toml`."""
    path = path or resources_dir() / "templates" / "starter.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    stamp = data.get("created", "2026-01-01T00:00:00+00:00")
    return [Template(t["id"], t["name"], t["reason"], t["marketplace"], t.get("subject", ""),
                     t["body"].strip("\n"), stamp, stamp) for t in data["template"]]


def _parse_file(raw: Any) -> list[Template]:
    if not isinstance(raw, dict) or not isinstance(raw.get("templates"), list):
        raise ValueError("not a templates file")
    version = raw.get("version")
    if version != VERSION:
        raise ValueError(f"unsupported version {version!r}")
    out = [Template.from_dict(t) for t in raw["templates"]]
    if len({t.id for t in out}) != len(out):
        raise ValueError("two templates share an id")
    return out


def _key(name: str) -> str:
    return clean_name(name).casefold()


class TemplateLibrary:
    """The seller's templates; every change is written atomically at once."""

    def __init__(self, path: Path, templates: list[Template],
                 reasons: Iterable[str] | None = None) -> None:
        self.path = path
        self._items = list(templates)
        self.reasons = frozenset(reasons if reasons is not None else load_reasons())

    @classmethod
    def open(cls, folder: Path, *, starters: list[Template] | None = None,
             reasons: Iterable[str] | None = None) -> tuple[TemplateLibrary, CorruptFile | None]:
        """Load `folder/templates.json`; a new or damaged library starts from the starters."""
        path = Path(folder) / FILE_NAME
        loaded, notice = read_json_store(path, _parse_file)
        if loaded is None:
            loaded = load_starters() if starters is None else list(starters)
        return cls(path, loaded, reasons), notice

    # reading
    @property
    def templates(self) -> list[Template]:
        return list(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def get(self, template_id: str) -> Template:
        for t in self._items:
            if t.id == template_id:
                return t
        raise KeyError(template_id)

    def find_name(self, name: str) -> Template | None:
        key = _key(name)
        return next((t for t in self._items if _key(t.name) == key), None)

    def search(self, query: str = "", *, reason: str | None = None,
               marketplace: str | None = None) -> list[Template]:
        """Templates whose name, subject or text contain every word of `query`."""
        words = query.casefold().split()
        out = []
        for t in self._items:
            if reason and t.reason != reason:
                continue
            if marketplace and t.marketplace != marketplace.upper():
                continue
            hay = f"{t.name}\n{t.subject}\n{t.body}".casefold()
            if all(w in hay for w in words):
                out.append(t)
        return out

    def unique_name(self, name: str) -> str:
        """`name`, or `name (2)`, `name (3)`... whichever is free."""
        name = clean_name(name)
        base = re.sub(r"\s+\(\d+\)$", "", name) or "Template"
        if self.find_name(name) is None:
            return name
        n = 2
        while self.find_name(f"{base} ({n})") is not None:
            n += 1
        return f"{base} ({n})"

    # changing
    def save(self) -> None:
        atomic_write_json(self.path, {"version": VERSION,
                                      "templates": [t.to_dict() for t in self._items]})

    def _check(self, t: Template, *, ignore_id: str | None = None) -> None:
        problems = validation_problems(t, self.reasons)
        other = self.find_name(t.name)
        if other is not None and other.id != ignore_id:
            problems.append(f"a template named {other.name!r} already exists")
        if problems:
            raise ValueError("; ".join(problems))

    def add(self, name: str, reason: str, marketplace: str, subject: str, body: str) -> Template:
        t = make_template(name, reason, marketplace, subject, body)
        self._check(t)
        self._items.append(t)
        self.save()
        return t

    def add_from_draft(self, draft: object, name: str,
                       order_values: Mapping[str, str] | None = None) -> Template:
        """Save the current draft as a template; the order's values become placeholders again."""
        values = order_values or {}
        return self.add(name, draft.reason, draft.marketplace,  # type: ignore[attr-defined]
                        unfill(draft.subject, values),  # type: ignore[attr-defined]
                        unfill(draft.body, values))  # type: ignore[attr-defined]

    def update(self, template_id: str, **changes: str) -> Template:
        """Change name, reason, marketplace, subject or body."""
        allowed = {"name", "reason", "marketplace", "subject", "body"}
        if set(changes) - allowed:
            raise TypeError(f"cannot change {sorted(set(changes) - allowed)}")
        old = self.get(template_id)
        if "marketplace" in changes:
            changes["marketplace"] = changes["marketplace"].upper()
        if "name" in changes:
            changes["name"] = clean_name(changes["name"])
        new = replace(old, **changes, updated=now_iso())
        self._check(new, ignore_id=template_id)
        self._items[self._items.index(old)] = new
        self.save()
        return new

    def rename(self, template_id: str, name: str) -> Template:
        return self.update(template_id, name=name)

    def duplicate(self, template_id: str) -> Template:
        old = self.get(template_id)
        stamp = now_iso()
        new = replace(old, id=new_id(), name=self.unique_name(old.name),
                      created=stamp, updated=stamp)
        self._items.insert(self._items.index(old) + 1, new)
        self.save()
        return new

    def delete(self, template_id: str, *, save: bool = True) -> None:
        self._items.remove(self.get(template_id))
        if save:
            self.save()

    def restore_starters(self, starters: list[Template] | None = None) -> list[Template]:
        """Add back the starter templates that were deleted (renamed ones count as present)."""
        have = {t.id for t in self._items}
        back = [t for t in (load_starters() if starters is None else starters)
                if t.id not in have and self.find_name(t.name) is None]
        if back:
            self._items.extend(back)
            self.save()
        return back

    def put(self, template: Template, *, save: bool = True) -> None:
        """Insert `template`, or replace the one with its id in place (used by import)."""
        for i, t in enumerate(self._items):
            if t.id == template.id:
                self._items[i] = template
                break
        else:
            self._items.append(template)
        if save:
            self.save()
