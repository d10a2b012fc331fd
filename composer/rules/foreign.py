"""A second opinion on the message's language, for messages too short for function words.

"Hi Carlos, the lamp uses a standard E27 bulb. Thanks" on Amazon.es has too few function
words for the language detector to be sure, yet most of its words are not Spanish and all of
them are English. Dictionaries tell: when most words are unknown in the buyer's language and
nearly all of those are known in one other language, the message is in that language. The
other languages' word lists load only for such messages.
"""

from __future__ import annotations

import re

from composer.rules.lexicon import lexicon

_WORD = re.compile(r"(?<![\w'-])[^\W\d_]{2,}(?![\w'-])")
_MARKET = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT"}
MIN_WORDS = 6  # fewer words say too little ("OK, we will check.")
MIN_UNKNOWN_SHARE = 0.5  # of the words, unknown in the buyer's language
MIN_KNOWN_SHARE = 0.85  # of those, known in the other language


def by_dictionary(text: str, expected: str, checker, skip: set[str]) -> str | None:
    """The language most words of `text` belong to, if it is clearly not `expected`."""
    words = [w.lower() for w in _WORD.findall(text)]
    words = [w for w in words if w not in skip]
    if len(words) < MIN_WORDS:
        return None
    mine = lexicon(checker, expected, _MARKET[expected])
    unknown = [w for w in words if not mine.plain(w)]  # loan words would blur it
    if len(unknown) < 3 or len(unknown) < MIN_UNKNOWN_SHARE * len(words):
        return None
    best, best_share = None, 0.0
    for lang in _MARKET:  # English first: the other lexicons accept English loan words
        if lang == expected:
            continue
        other = lexicon(checker, lang, _MARKET[lang])
        share = sum(other.plain(w) for w in unknown) / len(unknown)
        if share > best_share:
            best, best_share = lang, share
    return best if best_share >= MIN_KNOWN_SHARE else None
