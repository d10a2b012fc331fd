"""The one place where engine offsets (code points) meet Qt positions (UTF-16 code units).

Only characters outside the Basic Multilingual Plane (most emoji) take two UTF-16 units, so a
code-point offset becomes a UTF-16 offset by adding the number of such characters before it
(novelWriter's `utf16CharMap`, without building a map the size of the text).
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts offsets of one string between code points and UTF-16 units."""

    __slots__ = ("_astral", "_astral16")

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position of each astral character (its high surrogate)
        self._astral16 = [cp + i for i, cp in enumerate(self._astral)]

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code-point offset `cp`."""
        if not self._astral:
            return cp
        return cp + bisect_left(self._astral, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code-point offset of UTF-16 offset `u16` (inside a surrogate pair: the pair's start)."""
        if not self._astral:
            return u16
        before = bisect_left(self._astral16, u16)
        if before and self._astral16[before - 1] == u16 - 1:
            return self._astral[before - 1]  # between the two halves of a pair
        return u16 - before

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units, as Qt counts it."""
    return len(text) + len(_ASTRAL.findall(text)) if not text.isascii() else len(text)
