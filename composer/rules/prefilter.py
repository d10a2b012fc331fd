"""Cheap necessary conditions for regexes: literal words every match must contain.

Most phrase rules are alternations of phrases. If none of the words a match needs occurs in
the (lower-cased) text, the regex cannot match and need not run: a substring test in C is far
cheaper than a regex scan. Anything the analysis does not understand means "always run".
"""

from __future__ import annotations

import re

try:  # the parser behind `re`; if it ever moves, every pattern simply always runs
    from re import _constants as C
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    sre_parse = None

MIN_WORD = 3  # shorter literals are too common to filter anything out
_MAX_WORDS = 64

Need = frozenset[str] | None  # one of these strings must occur; None: nothing known


def _best(candidates: list[frozenset[str]]) -> Need:
    good = [c for c in candidates if c and min(map(len, c)) >= MIN_WORD and len(c) <= _MAX_WORDS]
    if not good:
        return None
    return max(good, key=lambda c: (min(map(len, c)), -len(c)))


def _required(items) -> Need:
    """A set of strings one of which every match of the sequence `items` contains."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is C.LITERAL:
            run += chr(arg).lower()
            continue
        if run:
            candidates.append(frozenset({run}))
            run = ""
        sub: Need = None
        if op is C.SUBPATTERN:
            sub = _required(arg[-1])
        elif op is C.BRANCH:
            alternatives = [_required(b) for b in arg[1]]
            if all(a is not None for a in alternatives):
                sub = frozenset().union(*alternatives)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and arg[0] >= 1:
            sub = _required(arg[2])
        if sub is not None:
            candidates.append(sub)
    if run:
        candidates.append(frozenset({run}))
    return _best(candidates)


def needed_words(pattern: re.Pattern) -> Need:
    """Lower-case strings one of which every match contains, or None if unknown."""
    if sre_parse is None:
        return None
    try:
        return _required(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:
        return None
