"""Normalised views of a draft that keep offsets into the text the seller typed.

Rules match on the normalised text (NFKC, format characters such as zero-width spaces
removed, typographic quotes made plain), so "ｉｎｆｏ＠ｓｈｏｐ．ｃｏｍ" and "in\u200bfo@shop.com"
are caught like "info@shop.com"; every span is mapped back before it leaves the engine.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

_PLAIN = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
}


def _normal_char(ch: str) -> str:
    if unicodedata.category(ch) == "Cf":
        return ""
    if ch in _PLAIN:
        return _PLAIN[ch]
    out = unicodedata.normalize("NFKC", ch)
    return "".join(_PLAIN.get(c, c) for c in out if unicodedata.category(c) != "Cf")


@dataclass(frozen=True, slots=True)
class Normalised:
    original: str
    text: str
    starts: tuple[int, ...] | None  # None: identical to the original
    ends: tuple[int, ...] | None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to code points of the original."""
        if self.starts is None:
            return start, end
        n = len(self.text)
        if start >= n:
            return len(self.original), len(self.original)
        o_start = self.starts[start]
        o_end = self.ends[end - 1] if end > start else o_start
        return o_start, max(o_start, o_end)


_cache: dict[str, str] = {}


def normalise(text: str) -> Normalised:
    if text.isascii():
        return Normalised(text, text, None, None)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            starts.append(i)
            ends.append(i + 1)
            continue
        rep = _cache.get(ch)
        if rep is None:
            rep = _cache.setdefault(ch, _normal_char(ch))
        for c in rep:
            out.append(c)
            starts.append(i)
            ends.append(i + 1)
    return Normalised(text, "".join(out), tuple(starts), tuple(ends))


# A sentence ends at . ! ? followed by space and a capital/digit/quote, or at a line break.
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?]+(?=\s+[^\sa-z])|[.!?]+(?=\s*$)|(?=\n)|$)", re.S)


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences (and lines) of `text`, stripped of surrounding space."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        base = line.start()
        for m in _SENTENCE.finditer(line.group()):
            s, e = m.span()
            chunk = m.group()
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk) - len(chunk.rstrip())
            if e - trail > s + lead:
                spans.append((base + s + lead, base + e - trail))
    return spans


@dataclass
class Field:
    """One field of the draft (`text` or `subject`) as the rules see it."""

    name: str
    norm: Normalised

    @property
    def text(self) -> str:
        return self.norm.text

    @cached_property
    def lowered(self) -> str:
        return self.norm.text.lower()

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentences(self.norm.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0:
            s, e = self.sentences[i]
            if pos < e:
                return s, e
        return pos, pos
