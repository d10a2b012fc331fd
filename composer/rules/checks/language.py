"""Is the message in the buyer's language? A small, dependency-free detector.

Amazon wants proactive messages in the buyer's language of preference: the marketplace's
unless the buyer chose another (POLICY.md §1). The detector counts function words and
everyday message words of each language (data in resources/languages/) plus letters such as
ß or ñ as weak evidence. It speaks only when the evidence is plentiful and one language
clearly beats the expected one, so short notes and German messages full of English product
names ("USB-C", "Bluetooth") are left alone.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from composer.domain.reasons import LANGUAGES
from composer.rules.engine import Field, Hit, Job, code_check
from composer.rules.foreign import by_dictionary
from composer.rules.rulepack import Rule
from composer.rules.tokens import mask

# Words, with an elided article or pronoun kept as its own token: "l'article" -> "l'", "article".
_TOKEN = re.compile(r"[^\W\d_]+'?")
# Quoted text is usually a product or brand name ("The North Face Base Camp"), not the message.
_QUOTED = re.compile(r'"[^"\n]{1,150}"')
_DOMAINS = {"US": "Amazon.com", "CA": "Amazon.ca", "UK": "Amazon.co.uk", "DE": "Amazon.de",
            "FR": "Amazon.fr", "ES": "Amazon.es", "IT": "Amazon.it"}
DEFAULTS = {"min_evidence": 4.0, "min_ratio": 3.0, "min_margin": 4.0, "min_share": 0.2}


@dataclass(frozen=True)
class Profiles:
    """Evidence weights: word -> {language: weight}, letter -> {language: weight}."""

    names: dict[str, str]
    words: dict[str, dict[str, float]]
    letters: dict[str, dict[str, float]]
    letter_weight: float


def load_profiles(path: Path) -> Profiles:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    owners: dict[str, set[str]] = {}
    letter_owners: dict[str, set[str]] = {}
    names = {}
    for lang in LANGUAGES:
        entry = data[lang]
        names[lang] = entry["name"]
        for word in entry["words"].split():
            owners.setdefault(word.lower(), set()).add(lang)
        for ch in entry.get("letters", ""):
            letter_owners.setdefault(ch, set()).add(lang)

    def split(table: dict[str, set[str]]) -> dict[str, dict[str, float]]:
        return {k: {lang: 1.0 / len(v) for lang in v} for k, v in table.items()}

    return Profiles(names, split(owners), split(letter_owners),
                    float(data.get("letter_weight", 0.4)))


def scores(text: str, profiles: Profiles,
           skip: Collection[str] = ()) -> tuple[dict[str, float], int]:
    """Evidence per language and the number of words looked at."""
    out = dict.fromkeys(LANGUAGES, 0.0)
    count = 0
    for m in _TOKEN.finditer(text):
        word = m.group().lower()
        if word.rstrip("'") in skip:
            continue
        count += 1
        for lang, w in profiles.words.get(word, {}).items():
            out[lang] += w
        if not word.isascii():
            seen = {ch for ch in word if ch in profiles.letters}
            for ch in seen:
                for lang, w in profiles.letters[ch].items():
                    out[lang] += profiles.letter_weight * w / len(seen)
    return out, count


def detect(text: str, expected: str, profiles: Profiles, options: dict | None = None,
           skip: Collection[str] = ()) -> str | None:
    """The language `text` is confidently written in, if it is not `expected`; else None."""
    opt = {**DEFAULTS, **(options or {})}
    evidence, count = scores(_QUOTED.sub(" ", text), profiles, skip)
    best = max(evidence, key=evidence.__getitem__)
    if best == expected or count == 0:
        return None
    top, mine = evidence[best], evidence[expected]
    if top < opt["min_evidence"] or top - mine < opt["min_margin"]:
        return None
    if top < opt["min_ratio"] * max(mine, 1.0) or top / count < opt["min_share"]:
        return None
    return best


_FRAME_WORDS = 8  # a greeting or sign-off line is short


def body_of(text: str) -> str:
    """The text without its greeting line and its sign-off and signature lines.

    Greetings and sign-offs are formulas ("Sehr geehrte Frau Weber," / "Cordiali saluti"):
    a seller who writes the body in English between German formulas still writes English.
    A first line that ends in a comma, colon or exclamation mark (or has no sentence
    punctuation) is the greeting; short trailing lines without a full stop or question mark
    are the sign-off and signature. Spans keep their length (blanked), so offsets stay valid.
    """
    lines = text.split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 3:
        return text
    drop: set[int] = set()
    first = lines[filled[0]].strip()
    if len(first.split()) <= _FRAME_WORDS and not first.endswith((".", "?")):
        drop.add(filled[0])
    for i in reversed(filled[1:]):
        line = lines[i].strip()
        if len(line.split()) > _FRAME_WORDS // 2 + 2 or line.endswith((".", "?")):
            break
        drop.add(i)
    if len(drop) >= len(filled):
        return text
    return "\n".join(" " * len(line) if i in drop else line for i, line in enumerate(lines))


def expected_language(job: Job) -> str | None:
    wanted = (job.context.language or job.lang or "").strip().lower()[:2]
    return wanted if wanted in LANGUAGES else None


def foreign_language(fld: Field, job: Job, options: dict | None = None) -> str | None:
    """The language `fld` is confidently written in when it is not the buyer's; else None.

    Computed once per field and run: the spelling check asks too, since judging English
    words against a German dictionary only buries the one finding that matters.
    """
    key = f"foreign-language:{fld.name}"
    if key in job.memo:
        return job.memo[key]
    expected = expected_language(job)
    found = None
    if expected is not None:
        if options is None:
            options = next((r.options for r in job.checker.rules(job.lang)
                            if r.check == "language"), {})
        resources = job.checker.resources
        profiles = job.checker.service(
            "language-profiles",
            lambda: load_profiles(resources / "languages" / "function-words.toml"))
        text = mask(fld.text, job.protected(fld.name))
        known = job.known_words
        found = detect(text, expected, profiles, options, known)
        if found is None:  # the body in another language between the greeting and sign-off
            found = detect(body_of(text), expected, profiles, options, known)
        if found is None:  # too short for function words: ask the dictionaries
            found = by_dictionary(_QUOTED.sub(" ", text), expected, job.checker, known)
    job.memo[key] = found
    return found


@code_check("language")
def wrong_language(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    found = foreign_language(fld, job, rule.options)
    if found is None:
        return
    expected = expected_language(job)
    start = len(fld.text) - len(fld.text.lstrip())
    end = len(fld.text.rstrip())
    names = job.checker.service("language-profiles", lambda: None).names
    if job.context.language:
        why = f"this buyer's preferred language is {names[expected]}."
    else:
        why = (f"buyers on {_DOMAINS.get(job.marketplace, 'this marketplace')} get "
               f"{names[expected]} unless they chose another language.")
    yield Hit(start, max(start, end),
              message=f"This message looks {names[found]}, but {why}")
