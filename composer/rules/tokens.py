"""Things in a message that are data, not words: ids, codes, numbers, addresses.

Spelling must not flag them and the phone finder must not read them as phone numbers, so
both mask these spans first.
"""

from __future__ import annotations

import re

_P = {
    "order-id": r"\b\d{3}-\d{7}-\d{7}\b",
    "url": r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]",
    "email": r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    "asin": r"\b(?:B0[0-9A-Z]{8}|\d{9}[\dX])\b",
    "tracking": r"\b(?:1Z[0-9A-Z]{16}|TBA\d{9,15}|[A-Z]{2}\d{9}[A-Z]{2}|\d{12,34})\b",
    # part numbers and SKUs: letters and digits mixed, or upper-case groups joined by - _ /
    "code": r"\b(?=[\w/-]*\d)(?=[\w/-]*[A-Za-z])[A-Za-z0-9]+(?:[-_/][A-Za-z0-9]+)*\b"
    r"|\b[A-Z]{2,}(?:[-_/][A-Z0-9]+)+\b",
    "price": r"(?:[$€£¥]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:[$€£¥]|USD|EUR|GBP|CAD)\b)",
    "date": r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b",
    "time": r"\b\d{1,2}(?::\d{2})?\s?(?:[ap]\.?m\.?)(?=\W|$)|\b\d{1,2}:\d{2}\b",
    "number": r"\b\d+(?:[.,]\d+)*(?:\s?(?:%|\"|''|')|(?:st|nd|rd|th)\b)?",
    "placeholder": r"\{\{[^{}\n]{1,40}\}\}|\$\{[^{}\n]{1,40}\}|\{[^{}\n]{1,40}\}"
    r"|\[\[[^\[\]\n]{1,40}\]\]|%%[^%\n]{1,40}%%",
}
_ALL = re.compile("|".join(f"(?P<{k.replace('-', '_')}>{v})" for k, v in _P.items()))


def protected_spans(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind) spans of data tokens, in text order."""
    return [(m.start(), m.end(), m.lastgroup.replace("_", "-")) for m in _ALL.finditer(text)]


def mask(text: str, spans: list[tuple[int, int, str]], kinds: set[str] | None = None,
         fill: str = " ") -> str:
    """`text` with the given spans blanked out, offsets unchanged."""
    parts = []
    last = 0
    for s, e, kind in spans:
        if kinds is not None and kind not in kinds:
            continue
        parts.append(text[last:s])
        parts.append(fill * (e - s))
        last = e
    parts.append(text[last:])
    return "".join(parts)
