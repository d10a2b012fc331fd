"""Checks on the shape of a message that a phrase list cannot express.

- `only-courtesy`: the message, once greeting, sign-off and signature are set aside, only
  thanks the buyer or offers help (Amazon forbids such messages). The vocabulary is data:
  the rule's `options` give the greeting, closing and courtesy regexes for its language.
- `only-notice`: the message only announces that the order shipped, is on its way or arrived
  (tracking number, arrival day), apart from courtesy: a shipping or delivery confirmation.
  `options.require`, if given, must also be found in the body (used for replies, where a bare
  status answer is fine but a status line plus 'we hope you enjoy it' is an unprompted notice).
  The rule's `patterns` say what a notice sentence looks like and its `without` what makes the
  message more than a notice (a problem, a question, a choice); greeting, sign-off and courtesy
  come from the rule named in `options.courtesy_rule`, short openers from `options.filler`.
- `emoji`: pictographs in the text (spans in code points of what the seller typed, so a
  flag or a family emoji is underlined whole).
- `placeholder`: template fields left unfilled; the rule's `patterns` say what one looks like.
  A template may keep them, so under `allow_placeholders` they are reported as info only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from composer.rules.diagnostic import Severity
from composer.rules.engine import Hit, Job, code_check
from composer.rules.prefilter import needed_words
from composer.rules.rulepack import Rule
from composer.rules.text import Field, sentences

# --- only thanks / only help ---------------------------------------------------------------


@lru_cache(maxsize=32)
def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def _any(patterns: tuple[str, ...]) -> re.Pattern | None:
    return _compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


_MACRO = re.compile(r"<<(\w+)>>")


_OPTIONS: dict[tuple[str, str], tuple[Rule, re.Pattern | None]] = {}


@lru_cache(maxsize=32)
def _needed(pattern: re.Pattern) -> frozenset[str] | None:
    return needed_words(pattern)


def _option(rule: Rule, key: str) -> re.Pattern | None:
    """The rule's option `key` (a regex or a list of them) with `<<name>>` macros expanded."""
    cached = _OPTIONS.get((rule.id, key))
    if cached is not None and cached[0] is rule:
        return cached[1]
    pattern = _build_option(rule, key)
    _OPTIONS[(rule.id, key)] = (rule, pattern)
    return pattern


def _build_option(rule: Rule, key: str) -> re.Pattern | None:
    value = rule.options.get(key, ())
    items = (value,) if isinstance(value, str) else tuple(value)
    macros = rule.options.get("define", {})

    def expand(p: str) -> str:
        for _ in range(5):  # macros may use macros, a few levels deep
            p = _MACRO.sub(lambda m: f"(?:{macros.get(m.group(1), m.group(0))})", p)
        return p

    return _any(tuple(expand(p) for p in items))


_SIGN_WORDS = {"&", "and", "of", "the", "-", "\u2013", "\u2014", "|"}


def _is_signature(line: str) -> bool:
    """A name, a team or a shop: one to five capitalised words, no sentence punctuation."""
    words = line.strip(" -~\u2013\u2014").split()
    return 0 < len(words) <= 5 and not line.rstrip().endswith((".", "!", "?", ",", ":")) and all(
        w[0].isupper() or w.lower() in _SIGN_WORDS for w in words)


_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def _body(text: str, greeting: re.Pattern | None, closing: re.Pattern | None) -> tuple[int, int]:
    """The span of the message between the greeting and the sign-off (or bare signature)."""
    lines = [(m.start(), m.start() + len(m.group().rstrip()))
             for m in re.finditer(r"\S[^\n]*", text)]
    if not lines:
        return 0, 0
    start = lines[0][0]
    m = greeting.match(text, *lines[0]) if greeting is not None else None
    if m and m.end() == lines[0][1]:
        lines = lines[1:]
        if not lines:
            return 0, 0
        start = lines[0][0]
    elif m:
        start = m.end()
    end = lines[-1][1]
    for i, (s, e) in enumerate(lines[1:], 1):
        if closing is not None and closing.fullmatch(text, s, e):
            if any(len(text[ps:pe].split()) > 5 for ps, pe in lines[i + 1:]):
                return start, lines[-1][1]  # a P.S. or more text after the sign-off
            return start, max(start, lines[i - 1][1])
    while len(lines) > 1 and _is_signature(text[lines[-1][0]:lines[-1][1]]):
        lines = lines[:-1]  # a signature of one or more lines with no sign-off before it
        end = lines[-1][1]
    return start, max(start, end)


@code_check("only-courtesy")
def only_courtesy(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    """Flag a message whose every sentence is a thank-you, a well-wish or a help offer."""
    courtesy = _option(rule, "courtesy")
    if courtesy is None:
        return
    text = fld.text
    start, end = _body(text, _option(rule, "greeting"), _option(rule, "closing"))
    body = text[start:end]
    for s, e in emoji_spans(body):  # "We hope you like it 😊 Let us know..." is two sentences
        body = body[:s] + "." * (e - s) + body[e:]
    spans = [(start + s, start + e) for s, e in sentences(body)]
    spans = [(s, e) for s, e in spans if _EDGES.sub("", text[s:e])]
    if not spans:
        return
    for s, e in spans:
        if not _courteous(courtesy, text[s:e]):
            return
    yield Hit(spans[0][0], spans[-1][1])


def _sibling(job: Job, rule_id: str) -> Rule | None:
    return next((r for r in job.checker.rules(job.lang) if r.id == rule_id), None)


@code_check("only-notice")
def only_notice(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    """Flag a message whose every sentence is a shipping/delivery notice or a courtesy phrase."""
    lowered = fld.lowered
    required = _option(rule, "require")
    if required is not None:
        words = _needed(required)
        if (words is not None and not any(w in lowered for w in words)) or not required.search(
                lowered):
            return  # e.g. in a reply: only a notice that also wishes the buyer joy is unprompted
    if not any(p.search(lowered) for p in rule.patterns):
        return
    source = _sibling(job, rule.options.get("courtesy_rule", "")) or rule
    courtesy = _option(source, "courtesy")
    filler = _option(rule, "filler")
    text = fld.text
    start, end = _body(text, _option(source, "greeting"), _option(source, "closing"))
    body = text[start:end]
    if any(p.search(body) for p in rule.without):
        return  # a problem, a question, a choice: more than a notice
    for s, e in emoji_spans(body):
        body = body[:s] + "." * (e - s) + body[e:]
    spans = [(start + s, start + e) for s, e in sentences(body)]
    spans = [(s, e) for s, e in spans if _EDGES.sub("", text[s:e])]
    notices = 0
    for s, e in spans:
        if any(p.search(text, s, e) for p in rule.patterns):
            notices += 1
        elif not (filler is not None and filler.fullmatch(_EDGES.sub("", text[s:e]))) and (
                courtesy is None or not _courteous(courtesy, text[s:e])):
            return
    if notices:
        yield Hit(spans[0][0], spans[-1][1])


# "It means the world to us, and we hope they bring joy": courtesy clauses joined together.
_CLAUSE = re.compile(r"\s*(?:[,;]\s*(?:and|so|but)\s+|;\s*|,\s+(?=(?:we|i)\b)"
                     r"|,\s+(?=(?:it|this|that)\s+(?:really\s+|truly\s+)?means\b)"
                     r"|\s+and\s+(?:that\s+)?(?=(?:we're|we\s+are|we'll|we\s+will|i'm|i\s+am)\b))",
                     re.IGNORECASE)


def _courteous(courtesy: re.Pattern, sentence: str) -> bool:
    """Whether the sentence, or each of its clauses, is a courtesy phrase."""
    if courtesy.fullmatch(_EDGES.sub("", sentence)):
        return True
    parts = [_EDGES.sub("", p) for p in _CLAUSE.split(sentence)]
    parts = [p for p in parts if p]
    return len(parts) > 1 and all(courtesy.fullmatch(p) for p in parts)


# --- emoji ---------------------------------------------------------------------------------

# Extended_Pictographic (Unicode emoji-data) from U+2300 up; the typographic symbols below it
# (© ® ™ ‼ arrows) are text by default and count only when followed by U+FE0F.
_PICTO = (
    (0x231A, 0x231B), (0x2328, 0x2328), (0x2388, 0x2388), (0x23CF, 0x23CF),
    (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25B6, 0x25B6),
    (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2605), (0x2607, 0x2612),
    (0x2614, 0x2685), (0x2690, 0x2705), (0x2708, 0x2712), (0x2714, 0x2714),
    (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721), (0x2728, 0x2728),
    (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2763, 0x2767),
    (0x2795, 0x2797), (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
    (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
    (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3297),
    (0x3299, 0x3299), (0x1F000, 0x1F0FF), (0x1F10D, 0x1F10F), (0x1F12F, 0x1F12F),
    (0x1F16C, 0x1F171), (0x1F17E, 0x1F17F), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A),
    (0x1F1AD, 0x1F1FF), (0x1F201, 0x1F20F), (0x1F21A, 0x1F21A), (0x1F22F, 0x1F22F),
    (0x1F232, 0x1F23A), (0x1F23C, 0x1F23F), (0x1F249, 0x1F3FA), (0x1F400, 0x1F53D),
    (0x1F546, 0x1F64F), (0x1F680, 0x1F6FF), (0x1F774, 0x1F77F), (0x1F7D5, 0x1F7FF),
    (0x1F80C, 0x1F80F), (0x1F848, 0x1F84F), (0x1F85A, 0x1F85F), (0x1F888, 0x1F88F),
    (0x1F8AE, 0x1F8FF), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1FAFF),
    (0x1FC00, 0x1FFFD),
)
_TEXT_DEFAULT = (
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049),
    (0x2122, 0x2122), (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA),
    (0x25AA, 0x25AB),
)
_STARTS = [a for a, _ in _PICTO]
_VS16, _KEYCAP, _ZWJ = 0xFE0F, 0x20E3, 0x200D


def _in(cp: int, table: tuple[tuple[int, int], ...], starts: list[int] | None = None) -> bool:
    if starts is None:
        return any(a <= cp <= b for a, b in table)
    i = bisect_left(starts, cp + 1) - 1
    return i >= 0 and cp <= table[i][1]


def _joiner(cp: int) -> bool:
    """Parts of an emoji sequence that never stand alone: VS16, modifiers, ZWJ, tags."""
    return cp in (_VS16, _KEYCAP, _ZWJ) or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F


def emoji_spans(text: str) -> list[tuple[int, int]]:
    """Code-point spans of emoji (with their modifiers and joiners) in `text`."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        cp = ord(text[i])
        nxt = ord(text[i + 1]) if i + 1 < n else 0
        is_emoji = _in(cp, _PICTO, _STARTS) or (
            nxt == _VS16 and _in(cp, _TEXT_DEFAULT)) or (
            nxt in (_VS16, _KEYCAP) and text[i] in "0123456789#*" and (
                nxt == _KEYCAP or (i + 2 < n and ord(text[i + 2]) == _KEYCAP)))
        if not is_emoji:
            i += 1
            continue
        j = i + 1
        while j < n:
            c = ord(text[j])
            if _joiner(c) or (ord(text[j - 1]) == _ZWJ and _in(c, _PICTO, _STARTS)):
                j += 1
            else:
                break
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], j)
        else:
            out.append((i, j))
        i = j
    return out


def _to_normalised(fld: Field, start: int, end: int) -> tuple[int, int]:
    starts = fld.norm.starts
    if starts is None:
        return start, end
    return bisect_left(starts, start), bisect_left(starts, end)


@code_check("emoji")
def emoji(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    """Each run of emoji, measured on the original text so the span covers it whole."""
    original = fld.norm.original
    if original.isascii():
        return
    for s, e in emoji_spans(original):
        ns, ne = _to_normalised(fld, s, e)
        if ne > ns:
            yield Hit(ns, ne)


# --- placeholders --------------------------------------------------------------------------


@code_check("placeholder")
def placeholder(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    """Unfilled template fields; info only when the draft is a template that may keep them."""
    severity = Severity.INFO if job.context.allow_placeholders else None
    taken: list[tuple[int, int]] = []
    for pat in rule.patterns:
        for m in pat.finditer(fld.text):
            s, e = m.span()
            if e > s and not any(s < b and a < e for a, b in taken):
                taken.append((s, e))
    for s, e in sorted(taken):
        yield Hit(s, e, suggestions=(), severity=severity)
