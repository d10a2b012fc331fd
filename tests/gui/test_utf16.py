"""The code-point ↔ UTF-16 adapter, against Python's own UTF-16 encoder."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from composer.gui.utf16 import Utf16Map, utf16_len

CHARS = ["a", " ", "é", "\n", "😀", "\U0001f3fd", "\U0001d49c", "中", "\u200b"]
TEXT = st.text(alphabet=st.sampled_from(CHARS), max_size=60)


def units(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@given(TEXT, st.data())
def test_offsets_agree_with_the_utf16_encoding(text, data):
    conv = Utf16Map(text)
    cp = data.draw(st.integers(0, len(text)))
    assert conv.to_utf16(cp) == units(text[:cp])
    assert conv.to_codepoint(conv.to_utf16(cp)) == cp
    assert utf16_len(text) == units(text)


def test_a_position_inside_a_surrogate_pair_maps_to_the_pair():
    conv = Utf16Map("a😀b")
    assert [conv.to_codepoint(u) for u in range(5)] == [0, 1, 1, 2, 3]
