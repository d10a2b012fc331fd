"""Run every rule of a language pack over a draft and return Diagnostics."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from composer import __version__
from composer.domain.reasons import MARKETPLACES, Reason, load_reasons
from composer.locate import resources_dir
from composer.rules.diagnostic import Diagnostic, Severity
from composer.rules.rulepack import Rule, load_pack
from composer.rules.text import Field, normalise
from composer.rules.tokens import protected_spans

COMMON = "common"  # resources/rules/common: rules that do not depend on the language


@dataclass(frozen=True)
class EarlierMessage:
    """A message already sent for the same order."""

    reason: str
    sent_at: datetime


@dataclass(frozen=True)
class CheckContext:
    """What the engine may know besides the text: the order, the seller, the history."""

    buyer_name: str = ""
    product_name: str = ""
    seller_name: str = ""
    words: frozenset[str] = frozenset()  # the user dictionary
    language: str | None = None  # the buyer's preferred language, if not the marketplace's
    purchase_date: date | None = None
    delivery_date: date | None = None
    completion_date: date | None = None  # defaults to the delivery date
    today: date | None = None
    earlier: tuple[EarlierMessage, ...] = ()
    allow_placeholders: bool = False  # templates may keep placeholders

    def known_words(self) -> set[str]:
        words = {w.lower() for w in self.words}
        for text in (self.buyer_name, self.product_name, self.seller_name):
            words.update(t.lower() for t in _word_re.findall(text))
        return words


_word_re = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class Hit:
    """A span found by a code check, in normalised coordinates."""

    start: int
    end: int
    message: str | None = None
    suggestions: tuple[str, ...] = ()
    severity: Severity | None = None


@dataclass
class Job:
    """One check run: the draft's fields and everything the rules may consult."""

    reason: Reason
    reasons: dict[str, Reason]
    marketplace: str
    lang: str
    context: CheckContext
    checker: Checker
    fields: dict[str, Field] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)  # results checks share in one run
    _protected: dict[str, list] = field(default_factory=dict)

    @cached_property
    def known_words(self) -> set[str]:
        """Names and dictionary words of the context, lower-cased: computed once per run."""
        return self.context.known_words()

    def protected(self, name: str) -> list[tuple[int, int, str]]:
        if name not in self._protected:
            self._protected[name] = protected_spans(self.fields[name].text)
        return self._protected[name]


CodeCheck = Callable[[Field, Rule, Job], Iterable[Hit]]
_CODE_CHECKS: dict[str, CodeCheck] = {}


def code_check(name: str) -> Callable[[CodeCheck], CodeCheck]:
    """Register a check written in Python under the name a rule's `check` uses."""

    def wrap(fn: CodeCheck) -> CodeCheck:
        _CODE_CHECKS[name] = fn
        return fn

    return wrap


def pattern_hits(fld: Field, rule: Rule) -> Iterator[Hit]:
    """Hits of an existence or substitution rule, honouring with/without/scope."""
    text, lowered = fld.text, fld.lowered
    seen: set[tuple[int, int]] = set()
    for pat, need in zip(rule.patterns, rule.needs, strict=True):
        if need is not None and not any(h in lowered for h in need):
            continue
        for m in pat.finditer(text):
            if m.end() == m.start():
                continue
            s_start, s_end = fld.sentence_at(m.start())
            if s_end <= s_start:
                s_start, s_end = m.start(), m.end()
            sentence = text[s_start:s_end]
            if rule.with_ and not any(p.search(sentence) for p in rule.with_):
                continue
            if rule.without and any(p.search(sentence) for p in rule.without):
                continue
            span = (s_start, s_end) if rule.scope == "sentence" else m.span()
            if span in seen:
                continue
            seen.add(span)
            suggestions = ()
            if rule.replace is not None:
                suggestions = (m.expand(rule.replace),)
            yield Hit(span[0], span[1], suggestions=suggestions)


class Checker:
    """The engine. Build once, call `check` per draft; packs and dictionaries load lazily."""

    def __init__(self, resources: Path | None = None) -> None:
        self.resources = resources or resources_dir()
        self.reasons = load_reasons(self.resources / "reasons.toml")
        self._packs: dict[str, list[Rule]] = {}
        self._services: dict[str, object] = {}
        self._lock = threading.RLock()
        from composer.rules import checks  # noqa: F401  (registers the code checks)

    def _pack(self, lang: str) -> list[Rule]:
        if lang not in self._packs:
            with self._lock:  # the lint runner and the template verdicts load from workers
                if lang not in self._packs:
                    self._packs[lang] = load_pack(self.resources / "rules" / lang, lang)
        return self._packs[lang]

    def rules(self, lang: str) -> list[Rule]:
        """The rules for messages in `lang`: its own pack plus the language-neutral one."""
        return self._pack(COMMON) + self._pack(lang)

    def all_rules(self) -> list[Rule]:
        langs = sorted({*MARKETPLACES.values()})
        return self._pack(COMMON) + [r for lang in langs for r in self._pack(lang)]

    @cached_property
    def version(self) -> str:
        """The rule set's identity, recorded with every sent message (evidence for an appeal).

        The app version plus a digest of the rule packs and reasons as shipped, so two
        installs that judge alike report the same version and an edited pack a new one.
        """
        digest = hashlib.sha256()
        packs = sorted((self.resources / "rules").rglob("*.toml"))
        for path in [self.resources / "reasons.toml", *packs]:
            digest.update(path.relative_to(self.resources).as_posix().encode())
            digest.update(path.read_bytes())
        return f"{__version__}+rules.{digest.hexdigest()[:10]}"

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules() if r.id == rule_id), None)

    def service(self, key: str, factory: Callable[[], object]) -> object:
        """A lazily built, cached helper (a speller, a phone matcher region...)."""
        with self._lock:  # the GUI checks in a worker thread too: build each one once
            if key not in self._services:
                self._services[key] = factory()
            return self._services[key]

    def check(
        self,
        text: str,
        *,
        reason: str,
        marketplace: str,
        subject: str | None = None,
        context: CheckContext | None = None,
        categories: Iterable[str] | None = None,
    ) -> list[Diagnostic]:
        marketplace = marketplace.upper()
        if marketplace not in MARKETPLACES:
            raise ValueError(f"unknown marketplace {marketplace!r}")
        if reason not in self.reasons:
            raise ValueError(f"unknown contact reason {reason!r}")
        lang = MARKETPLACES[marketplace]
        job = Job(self.reasons[reason], self.reasons, marketplace, lang,
                  context or CheckContext(), self)
        job.fields["text"] = Field("text", normalise(text))
        if subject:
            job.fields["subject"] = Field("subject", normalise(subject))
        wanted = set(categories) if categories is not None else None
        out: list[Diagnostic] = []
        for rule in self.rules(lang):
            if wanted is not None and rule.category not in wanted:
                continue
            for name, fld in job.fields.items():
                if rule.applies(reason, name):
                    out.extend(self._run(rule, fld, job))
        return sorted(set(out), key=lambda d: (d.field != "text", d.start, d.end, d.rule))

    @staticmethod
    def _message(text: str, rule: Rule, job: Job) -> str:
        """Fill `{belongs}` (the reason a sentence belongs to) and `{reason}` (the chosen one)."""
        if "{" not in text:
            return text
        if rule.belongs_to in job.reasons:
            text = text.replace("{belongs}", job.reasons[rule.belongs_to].title)
        return text.replace("{reason}", job.reason.title)

    def _run(self, rule: Rule, fld: Field, job: Job) -> Iterator[Diagnostic]:
        if rule.kind == "code":
            fn = _CODE_CHECKS.get(rule.check or "")
            if fn is None:
                raise LookupError(f"rule {rule.id}: no code check named {rule.check!r}")
            hits: Iterable[Hit] = fn(fld, rule, job)
        else:
            hits = pattern_hits(fld, rule)
        found = []
        for hit in hits:
            start, end = fld.norm.to_original(hit.start, hit.end)
            found.append((start, end, hit))
        # One finding per place: a hit inside another hit of the same rule adds nothing.
        found.sort(key=lambda f: (f[0], -f[1]))
        reach = -1
        for start, end, hit in found:
            if end <= reach and start < end:
                continue
            reach = max(reach, end)
            yield Diagnostic(
                rule=rule.id,
                category=rule.category,
                severity=hit.severity or rule.severity,
                start=start,
                end=end,
                message=self._message(hit.message or rule.message, rule, job),
                field=fld.name,
                suggestions=hit.suggestions,
                source=rule.source,
            )
