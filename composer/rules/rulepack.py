"""Rules as data: load `resources/rules/<lang>/*.toml` into Rule objects.

Kinds (Vale's vocabulary):
- `existence`: any of `patterns` (regexes, case-insensitive) flags the match; `with` requires
  another pattern in the same sentence, `without` vetoes the sentence; `scope = "sentence"`
  underlines the whole sentence instead of the match.
- `substitution`: like existence, and `replace` gives the fix offered for each match.
- `code`: metadata and examples for a check written in Python (`check` names it).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from composer.rules.diagnostic import CATEGORIES, Severity
from composer.rules.prefilter import needed_words

KINDS = ("existence", "substitution", "code")


class RulePackError(ValueError):
    """A rule file that cannot be used; names the file and the rule."""


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    severity: Severity
    kind: str
    message: str
    what: str
    why: str
    instead: str
    source: str
    since: str
    lang: str
    examples_fail: tuple[str, ...]
    examples_pass: tuple[str, ...]
    patterns: tuple[re.Pattern, ...] = ()
    with_: tuple[re.Pattern, ...] = ()
    without: tuple[re.Pattern, ...] = ()
    scope: str = "match"
    replace: str | None = None
    fields: tuple[str, ...] = ("text", "subject")
    reasons: tuple[str, ...] = ()  # only under these reasons (empty: all)
    not_reasons: tuple[str, ...] = ()  # never under these reasons
    belongs_to: str | None = None  # off-reason: the reason such a sentence belongs to
    check: str | None = None
    options: dict = field(default_factory=dict)
    example_reason: str | None = None
    example_subject: str | None = None
    needs: tuple[frozenset[str] | None, ...] = ()  # per pattern: prefilter.needed_words
    example_context: dict = field(default_factory=dict)  # CheckContext fields for examples
    example_pass_context: dict | None = None  # for the passing ones, if different

    def applies(self, reason: str, field_name: str) -> bool:
        if field_name not in self.fields:
            return False
        if self.reasons and reason not in self.reasons:
            return False
        return reason not in self.not_reasons


def _compile(rule_id: str, items: list[str], flags: int) -> tuple[re.Pattern, ...]:
    out = []
    for p in items:
        try:
            out.append(re.compile(p, flags))
        except re.error as exc:
            raise RulePackError(f"{rule_id}: bad pattern {p!r}: {exc}") from exc
    return tuple(out)


def _rule(raw: dict, lang: str, where: str) -> Rule:
    rid = raw.get("id")
    if not rid:
        raise RulePackError(f"{where}: a rule has no id")
    missing = [k for k in ("category", "message", "source", "since", "kind") if k not in raw]
    if missing:
        raise RulePackError(f"{where}: {rid}: missing {', '.join(missing)}")
    if raw["category"] not in CATEGORIES:
        raise RulePackError(f"{where}: {rid}: unknown category {raw['category']!r}")
    if raw["kind"] not in KINDS:
        raise RulePackError(f"{where}: {rid}: unknown kind {raw['kind']!r}")
    flags = re.IGNORECASE if raw.get("ignore_case", True) else 0
    patterns = _compile(rid, raw.get("patterns", []), flags)
    desc = raw.get("description", {})
    ex = raw.get("examples", {})
    return Rule(
        id=rid,
        category=raw["category"],
        severity=Severity(raw.get("severity", "error")),
        kind=raw["kind"],
        message=raw["message"],
        what=desc.get("what", ""),
        why=desc.get("why", ""),
        instead=desc.get("instead", ""),
        source=raw["source"],
        since=str(raw["since"]),
        lang=lang,
        examples_fail=tuple(ex.get("fail", ())),
        examples_pass=tuple(ex.get("pass", ())),
        patterns=patterns,
        needs=tuple(needed_words(p) for p in patterns),
        with_=_compile(rid, raw.get("with", []), flags),
        without=_compile(rid, raw.get("without", []), flags),
        scope=raw.get("scope", "match"),
        replace=raw.get("replace"),
        fields=tuple(raw.get("fields", ("text", "subject"))),
        reasons=tuple(raw.get("reasons", ())),
        not_reasons=tuple(raw.get("not_reasons", ())),
        belongs_to=raw.get("belongs_to"),
        check=raw.get("check"),
        options=dict(raw.get("options", {})),
        example_reason=ex.get("reason"),
        example_subject=ex.get("subject"),
        example_context=dict(ex.get("context", {})),
        example_pass_context=ex.get("pass_context"),
    )


def load_pack(folder: Path, lang: str) -> list[Rule]:
    rules: list[Rule] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise RulePackError(f"{path}: {exc}") from exc
        rules.extend(_rule(raw, lang, path.name) for raw in data.get("rule", []))
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise RulePackError(f"{folder}: duplicate rule id {r.id}")
        seen.add(r.id)
    return rules
