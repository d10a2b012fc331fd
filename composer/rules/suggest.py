"""Corrections for a flagged word, and the edit-distance helpers the spelling check shares.

Suggestions are computed when the right-click menu opens, never per keystroke: ranking every
word one or two edits away against the word lists is too slow for that.
"""

from __future__ import annotations

from composer.rules.lexicon import LANGS, lexicon

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
LETTERS = {"de": "äöüß", "fr": "àâæçéèêëîïôœùûÿ", "es": "áéíñóúü", "it": "àèéìíòóù"}


def edits1(word: str, letters: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away (Norvig)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in letters),
        *(a + c + b for a, b in splits for c in letters),
    }


def distance(a: str, b: str) -> int:
    """Levenshtein distance (short words only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def match_case(original: str, word: str) -> str:
    """`word` in the case the seller typed the flagged word in (Recieved: Received, USB)."""
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def suggest(checker, word: str, marketplace: str, limit: int = 5,
            language: str | None = None) -> list[str]:
    """Corrections for a flagged word, best first; for the right-click menu, never per keystroke.

    `language` is the buyer's language when it is not the marketplace's (CheckContext.language).
    """
    from composer.domain.reasons import MARKETPLACES

    market = marketplace.upper()
    lang = language if language in LANGS else MARKETPLACES[market]
    lex = lexicon(checker, lang, market)
    low = word.lower()
    out: list[str] = []
    other = lex.variant_of(low)
    if other:
        out.append(other)
    letters = ALPHABET + LETTERS.get(lang, "")
    edits = edits1(low, letters)
    ranked = sorted((w for w in edits if w in lex.frequent), key=lambda w: (-lex.frequent[w], w))
    out += ranked + sorted(w for w in edits if w not in lex.frequent and lex.knows(w, False))
    if not out and len(low) <= 8:  # distance 2: 60-100 ms at 8 letters, growing fast
        second = {e2 for e1 in edits for e2 in edits1(e1, letters)}
        out += sorted((w for w in second if w in lex.frequent), key=lambda w: (-lex.frequent[w], w))
    seen: list[str] = []
    for w in out:
        if w != low and w not in seen:
            seen.append(w)
    return [match_case(word, w) for w in seen[:limit]]
