"""High-precision grammar checks: only patterns that are nearly never right."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from composer.rules.engine import Field, Hit, Job, code_check
from composer.rules.rulepack import Rule

_WORD = re.compile(r"(?<![\w'@./-])([^\W\d_]+)(?=[\s,;:]+([^\W\d_]+)(?![\w'@/-]))")


def _masked(fld: Field, job: Job) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in job.protected(fld.name)]


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `pos` falls in one of `spans` (sorted, not overlapping)."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


@code_check("repeated-word")
def repeated_word(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    allowed = {w.lower() for w in rule.options.get("allowed", ())}
    allowed_after = {k.lower(): {w.lower() for w in v}
                     for k, v in rule.options.get("allowed_after", {}).items()}
    text = fld.text
    for m in re.finditer(r"\b([^\W\d_]+)(\s+)(\1)\b", text, re.IGNORECASE):
        first, second = m.group(1), m.group(3)
        if first.lower() in allowed or first.lower() != second.lower():
            continue
        after = allowed_after.get(first.lower())
        before = text[max(0, m.start() - 30):m.start()].lower()
        if after is not None and after & set(re.findall(r"[a-z]+", before)):
            continue
        if "\n\n" in m.group(2):
            continue
        yield Hit(m.start(), m.end(), message=f"“{first}” is written twice.",
                  suggestions=(first,))


# --- sentence case -------------------------------------------------------------------

_SALUTATION_EN = re.compile(
    r"^\s*(hi|hello|hey|dear|good (morning|afternoon|evening)|greetings)\b[^.!?\n]{0,40},\s*$",
    re.IGNORECASE)


def _line_starts(text: str) -> Iterator[tuple[int, str]]:
    """(offset, previous non-blank line) for each non-blank line."""
    prev = ""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos + (len(line) - len(line.lstrip())), prev
            prev = line
        pos += len(line) + 1


_FIRST = re.compile(r"[\"'(]*([^\W\d_][\w'-]*)")


def _lower_start(text: str, pos: int) -> re.Match | None:
    m = _FIRST.match(text, pos)
    if not m:
        return None
    word = m.group(1)
    # iPhone, eBay, mL: lower-case brands and units are written that way on purpose.
    if not word[0].islower() or any(c.isupper() for c in word[1:]):
        return None
    if len(word) == 1 and word != "i":  # list markers: a) b)
        return None
    return m


@code_check("sentence-case")
def sentence_case(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    text = fld.text
    lower_after_salutation = bool(rule.options.get("lower_after_salutation", False))
    abbreviations = {a.lower() for a in rule.options.get("abbreviations", ())}
    masked = _masked(fld, job)
    starts: list[int] = []
    for pos, prev in _line_starts(text):
        prev = prev.rstrip()
        if prev.endswith((",", ";", ":", "-", "(")) and (
                lower_after_salutation or not _SALUTATION_EN.match(prev)):
            continue
        starts.append(pos)
    for m in re.finditer(r"(?<=[^\s.][.!?])\s+(?=\S)", text):
        before = text[:m.start()].rsplit(None, 1)
        last = before[-1].lower() if before else ""
        if last.rstrip(".!?") in abbreviations or last in abbreviations:
            continue
        if "\n" in m.group():
            continue
        if re.search(r"\.\w+\.$", last) or len(last.rstrip(".!?")) <= 1:
            continue  # e.g., a.m., initials
        starts.append(m.end())
    for pos in starts:
        if _inside(pos, masked):
            continue
        hit = _lower_start(text, pos)
        if hit:
            word = hit.group(1)
            yield Hit(hit.start(1), hit.end(1), suggestions=(word[0].upper() + word[1:],))


# --- English only ----------------------------------------------------------------------

@code_check("lone-i")
def lone_i(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    for m in re.finditer(r"(?<![\w'.(-])i(?=(?:'[a-z]+)?(?![\w.)-]))", fld.text):
        yield Hit(m.start(), m.end(), suggestions=("I",))


_AN_OK = re.compile(r"^(hour|honest|honou?r|heir|herb|homage|x-)", re.IGNORECASE)
_A_OK = re.compile(
    r"^(uni(?!nt|mp|ns)|use|usu|usa|uti|ute|ura|ure|uro|eu|ewe|one(?!r|st)|once|ubiq|ufo|uk\b)",
    re.IGNORECASE)
_VOWEL = re.compile(r"^[aeiou]", re.IGNORECASE)


# "an unique", "an user": a vowel letter read as "you" or "won" takes "a" (only words that
# are read that way in every variety; "unidentified" and "unusual" are left alone).
_YOU_ONE = re.compile(
    r"^(uniq|unit|union|univers|uniform|unicorn|unisex|unilateral|usable|use|user|usual"
    r"|utensil|utilit|euro|eulog|ewe|one$|once$|ubiquit|ukulele)", re.IGNORECASE)
# "a hour": a silent h takes "an" ("a herb" is British, so herb is left alone).
_SILENT_H = re.compile(r"^(hours?|hourly|honest\w*|honou?r\w*|heirs?)$", re.IGNORECASE)
# Acronyms are read letter by letter or as a word; only the first letters whose sound is the
# same either way are judged: "an USB", "a AC adapter" (never "a EU plug": E-U reads "you").
_ACRONYM = re.compile(r"(?<![\w'-])(a|an|A|An)\s+([A-Z][A-Z0-9]{1,5})(?![\w'-])")
_AN_CONSONANT = set("BCDGJKPQTVWYZ")
_A_VOWEL = set("AIO")


def _acronym_fix(article: str, word: str) -> bool:
    first = word[0]
    if article.lower() == "an":
        return first in _AN_CONSONANT or (first == "U" and not word.startswith("UR"))
    if word.startswith(("ONE", "ONCE")):
        return False  # emphasis: "a ONE-off", "a ONCE a year check"
    return first in _A_VOWEL or (first == "E" and not word.startswith("EU"))


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?:\n"


@code_check("a-an")
def a_an(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    text = fld.text
    masked = _masked(fld, job)
    for m in re.finditer(r"(?<![\w'-])(a|an|A|An)\s+([a-z][a-z]*)(?![\w'-]*\d)", text):
        article, word = m.group(1), m.group(2)
        if _inside(m.start(2), masked) or len(word) < 2:
            continue
        vowel = bool(_VOWEL.match(word))
        if article.lower() == "a":
            wrong = (vowel and not _A_OK.match(word)) or bool(_SILENT_H.match(word))
            fix = "An" if article[0].isupper() else "an"
        else:
            wrong = (not vowel and not _AN_OK.match(word)) or bool(_YOU_ONE.match(word))
            fix = "A" if article[0].isupper() else "a"
        if not wrong:
            continue
        yield Hit(m.start(1), m.end(1), message=f"Use “{fix}” before “{word}”.",
                  suggestions=(fix,))
    if text.isupper():  # a subject or a line in capitals: no way to tell acronyms apart
        return
    for m in _ACRONYM.finditer(text):
        article, word = m.group(1), m.group(2)
        if _inside(m.start(2), masked) or not _acronym_fix(article, word):
            continue
        if article[0].isupper() and not _sentence_start(text, m.start(1)):
            continue  # "grade A ABS plastic", "plan A OR B"
        if article.lower() == "an":
            fix = "A" if article[0].isupper() else "a"
        else:
            fix = "An" if article[0].isupper() else "an"
        yield Hit(m.start(1), m.end(1), message=f"Use “{fix}” before “{word}”.",
                  suggestions=(fix,))
