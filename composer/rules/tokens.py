"""Things in a message that are data, not words: ids, codes, numbers, addresses.

Spelling must not flag them and the phone finder must not read them as phone numbers, so
both mask these spans first.
"""

from __future__ import annotations

import re

# Top-level domains a bare "name.tld" may end in, written all lower-case or all capitals
# (so "arrived.It" and "z.B." stay words); file extensions that are also TLDs (.zip, .mov,
# .app) are left out so "photos.zip" is a file name, not a web site.
TLDS = (
    "com|net|org|info|biz|shop|store|online|site|website|web|shopping|boutique|tienda|"
    "io|co|me|tv|xyz|top|club|blog|email|link|page|life|live|tech|design|studio|art|"
    "us|ca|uk|de|fr|es|it|eu|nl|be|at|ch|pl|se|dk|no|fi|ie|pt|cz|au|nz|in|mx|br|jp|cn|"
    "ly|gl|gd|cc|ai"  # link shorteners: bit.ly, goo.gl
)
# name(.name)*.tld with an optional path; not part of an email address or a longer token.
# Second-level forms such as co.uk / com.au are covered by the name(.name)* part.
_LABEL = r"[A-Za-z0-9]++(?:-++[A-Za-z0-9]++)*+"  # possessive: no backtracking inside words
_PATH = r"(?:/[^\s<>\"']*[^\s<>\"'.,;:!?)\]])?"
DOMAIN = (
    r"(?<![\w@.+-])(?=[A-Za-z0-9-]*[A-Za-z])(?:" + _LABEL + r"\.)+"
    r"(?:" + TLDS + "|" + TLDS.upper() + r")(?![\w@-]|\.[A-Za-z0-9])" + _PATH
)

_P = {
    "order-id": r"\b\d{3}-\d{7}-\d{7}\b",
    "url": r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]]"
    r"|" + DOMAIN,
    "email": r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b",
    # ASIN (B0...), ISBN-10 with a check letter, or ten digits labelled as ASIN/ISBN; a bare
    # ten-digit run is more often a phone number than a book.
    "asin": r"\b(?:B0[0-9A-Z]{8}|\d{9}X)\b|(?<=ASIN )\d{9}[\dX]\b|(?<=ISBN )\d{9}[\dX]\b"
    r"|(?<=ASIN: )\d{9}[\dX]\b|(?<=ISBN: )\d{9}[\dX]\b|(?<=ISBN-10 )\d{9}[\dX]\b",
    # also as printed on labels, in groups: "1Z 999 AA1 01 2345 6784", "9400 1111 2222 3333 44"
    "tracking": r"\b(?:1Z(?: ?[0-9A-Z]){16}|TBA\d{9,15}|[A-Z]{2}\d{9}[A-Z]{2})\b"
    r"|(?<!\+)\b\d{12,34}\b|\b\d{4}(?: \d{4}){3,}(?: \d{1,4})?\b",
    # part numbers and SKUs: letters and digits mixed, or upper-case groups joined by - _ /
    "code": r"\b(?=[\w/-]*\d)(?=[\w/-]*[A-Za-z])[A-Za-z0-9]+(?:[-_/][A-Za-z0-9]+)*\b"
    r"|\b[A-Z]{2,}(?:[-_/][A-Z0-9]+)+\b",
    # the amount only: "$34.99, and" leaves the comma alone
    "price": r"[$€£¥]\s?\d+(?:[.,]\d+)*|\b\d+(?:[.,]\d+)*\s?(?:[$€£¥]|(?:USD|EUR|GBP|CAD)\b)",
    # 2026-11-02, 11/02/2026, 02.11.2026; not the first groups of 01.23.45.67.89
    "date": r"(?<![\d./-])\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b(?![./-]\d)",
    # 9:30, 9:30 pm, 9.30 am, 10.30 Uhr, 14 Uhr, 10h30
    "time": r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?)(?=\W|$)|\b\d{1,2}:\d{2}\b"
    r"|\b\d{1,2}(?:[.:]\d{2})?\s?Uhr\b|\b\d{1,2}h\d{2}\b",
    "number": r"\b\d+(?:[.,]\d+)*(?:\s?(?:%|\"|''|')|(?:st|nd|rd|th)\b)?",
    "placeholder": r"\{\{[^{}\n]{1,40}\}\}|\$\{[^{}\n]{1,40}\}|\{[^{}\n]{1,40}\}"
    r"|\[\[[^\[\]\n]{1,40}\]\]|%%[^%\n]{1,40}%%",
}
# Every token starts at the start of a word or at a symbol; the gate lets the scanner skip
# the inside of words without trying each alternative there (3x faster on plain prose).
_GATE = r"(?:(?<!\w)(?=\w)|(?=[$€£¥{%\[]))"
_ALL = re.compile(_GATE + "(?:" + "|".join(
    f"(?P<{k.replace('-', '_')}>{v})" for k, v in _P.items()) + ")")


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
