"""Contact details and links: email addresses, phone numbers, web addresses.

POLICY.md §3: no email addresses, phone numbers (except a carrier's, a manufacturer's or a
warranty service's where needed), or links other than https links needed for the order or
links to Amazon. The social-media and obfuscation phrases are data (contact.toml); these
three need code: phone numbers need libphonenumber, links need their host classified.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from phonenumbers import Leniency, PhoneNumber, PhoneNumberMatcher

from composer.rules.diagnostic import Severity
from composer.rules.engine import Hit, Job, code_check
from composer.rules.lexicon import lexicon
from composer.rules.rulepack import Rule
from composer.rules.text import Field
from composer.rules.tokens import DOMAIN, mask

REGION = {"US": "US", "CA": "CA", "UK": "GB", "DE": "DE", "FR": "FR", "ES": "ES", "IT": "IT"}

# Data tokens that can hold digit runs a phone matcher would take for a number.
_MASKED = frozenset({"order-id", "url", "email", "asin", "tracking", "code", "price", "date",
                     "time", "placeholder"})

# The fix for a contact detail is to delete it: an empty suggestion is the GUI's "Remove it"
# (composer/gui/fixes.py); the rule's message says why and what to do instead.
REMOVE = ("",)


@dataclass(frozen=True)
class _Options:
    """A rule's `options`, compiled once per rule."""

    exceptions: re.Pattern | None  # names a carrier / manufacturer / warranty service
    refers: re.Pattern | None  # "they", "their hotline": points back to the last sentence
    own: re.Pattern | None  # "we", "our": the seller's own number
    cues: re.Pattern | None  # words that announce a phone number ("call", "Telefon")
    id_label: re.Pattern | None  # labels before an id ("invoice no.", "Bestellnummer")
    exception_message: str
    carrier_domains: tuple[str, ...]


def _any(patterns: list[str], suffix: str = "", flags: int = re.I) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")" + suffix, flags)


def _options(rule: Rule, job: Job) -> _Options:
    def build() -> _Options:
        o = rule.options
        return _Options(
            exceptions=_any(o.get("exceptions", [])),
            refers=_any(o.get("refers_back", []), flags=0),
            own=_any(o.get("own", [])),
            cues=_any(o.get("cues", [])),
            id_label=_any(o.get("id_labels", []), r"\s*(?:[:#.,]\s*)?$"),
            exception_message=o.get("exception_message", rule.message),
            carrier_domains=tuple(d.lower() for d in o.get("carrier_domains", [])),
        )

    return job.checker.service(f"contact-options:{rule.id}", build)  # type: ignore[return-value]


# ---------------------------------------------------------------- email

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]*\w@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
_AMAZON_ALIAS = re.compile(r"@(?:[\w-]+\.)*marketplace\.amazon\.[a-z.]+$", re.I)


@code_check("email")
def email(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    """Every email address, the buyer's own Amazon alias included."""
    text = fld.text
    if "@" not in text:
        return
    for m in _EMAIL.finditer(text):
        message = None
        if _AMAZON_ALIAS.search(m.group()):
            message = ("Remove the Amazon email alias: replying in Buyer-Seller Messaging "
                       "reaches the buyer without it.")
        yield Hit(m.start(), m.end(), message=message, suggestions=REMOVE)


# ---------------------------------------------------------------- phone

_UNIT_AFTER = re.compile(
    r"\s?(?:%|-?(?:ounce|oz|inch|inches|cm|mm|kg|lbs?|ft|feet|ml|pcs|pieces|units|stück)\b"
    r"|\s?[x\u00d7]\s?\d)", re.I)
_TIMES = re.compile(r"\d\s?[x\u00d7]\s?\d", re.I)
_UNIT_BEFORE = re.compile(r"[x\u00d7]\s?$", re.I)
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:([.,'])\d{3})(?:\1\d{3})*(?:[.,]\d{1,2})?")
_PHONE_SHAPE = re.compile(r"(?<![\w+(])(?:\+|(?=\(?\d))\(?\d[\d ()./-]{5,}\d(?!\w)")


_DIGIT = re.compile(r"\d")


def _digits(s: str) -> int:
    return len(_DIGIT.findall(s))


def _masked_for_phones(fld: Field, job: Job) -> str:
    text = fld.text
    spans = [
        sp for sp in job.protected(fld.name)
        if sp[2] in _MASKED or (sp[2] == "number" and _measure(text[sp[0]:sp[1]]))
    ]
    return mask(text, spans)


def _measure(token: str) -> bool:
    """31.5\" or 12% or 3rd: a number with a unit; `0147"` may end a quoted phone number."""
    if token[-1].isdigit():
        return False
    return token.endswith(("%", "st", "nd", "rd", "th")) or "." in token or "," in token


def _version_or_ip(raw: str) -> bool:
    """2.3.4.5678 (a version) or 192.168.10.20 (an address), not 555.201.7788."""
    groups = raw.split(".")
    if len(groups) < 2 or not all(g.isdigit() for g in groups):
        return False
    return min(map(len, groups)) == 1 or (len(groups) == 4 and max(map(len, groups)) <= 3)


def _not_a_phone(text: str, start: int, end: int, opts: _Options) -> bool:
    raw = text[start:end]
    if _digits(raw) < 7 or _GROUPED_NUMBER.fullmatch(raw) or _version_or_ip(raw):
        return True
    if _UNIT_AFTER.match(text, end) or _UNIT_BEFORE.search(text, max(0, start - 2), start):
        return True
    times = _TIMES.search(raw)  # "5.9 x 7.9 x 11.8" is a size; "212-555-0147 x 12" a phone
    if times and _digits(raw[:times.start()]) < 7:
        return True
    before = text[max(0, start - 40):start]
    if before.rstrip().endswith("#"):
        return True
    return bool(opts.id_label and opts.id_label.search(before))


_ZIP4 = re.compile(r"\d{5}-\d{4}")


def _zip_plus_four(raw: str, marketplace: str) -> bool:
    """38117-3311 is a US ZIP code; only in Europe can 03581-1234 be a dialling code + number."""
    return bool(_ZIP4.fullmatch(raw)) and (marketplace in ("US", "CA") or raw[0] != "0")


def _bad_nanp(number: PhoneNumber) -> bool:
    """North American area codes and local numbers never start with 0 or 1; 555 ones don't."""
    return number.country_code == 1 and str(number.national_number)[0] in "01"


def _carrier_number(fld: Field, start: int, end: int, opts: _Options) -> bool:
    """The number's sentence names a carrier, manufacturer or warranty service, or points
    back ("They will call you") to the sentence before it in the paragraph that names one."""
    if opts.exceptions is None:
        return False
    text = fld.text
    s, e = fld.sentence_at(start)
    e = max(e, end)
    if opts.exceptions.search(text, s, e):
        return True
    if (opts.refers is None or not opts.refers.search(text, s, e)
            or (opts.own is not None and opts.own.search(text, s, e))):
        return False
    gap = len(text[:s].rstrip())
    if gap == 0 or "\n\n" in text[gap:s].replace(" ", "").replace("\t", ""):
        return False
    ps, pe = fld.sentence_at(gap - 1)
    return ps < s and bool(opts.exceptions.search(text, ps, pe))


def _phone_hit(fld: Field, start: int, end: int, opts: _Options) -> Hit:
    if _carrier_number(fld, start, end, opts):
        return Hit(start, end, message=opts.exception_message, severity=Severity.WARNING)
    return Hit(start, end, suggestions=REMOVE)


@code_check("phone")
def phone(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    """Phone numbers in the marketplace's national formats and in international format.

    libphonenumber at POSSIBLE leniency, so fictional numbers (555...) count too, over a copy
    with ids, dates, prices, codes and measurements blanked out.
    """
    if _digits(fld.text) < 7:
        return
    opts = _options(rule, job)
    text = _masked_for_phones(fld, job)
    region = REGION.get(job.marketplace, "US")
    taken: list[tuple[int, int]] = []
    for m in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
        if (_not_a_phone(text, m.start, m.end, opts) or _bad_nanp(m.number)
                or _zip_plus_four(m.raw_string, job.marketplace)):
            continue
        taken.append((m.start, m.end))
        yield _phone_hit(fld, m.start, m.end, opts)
    if opts.cues is None or not opts.cues.search(text):
        return
    # A number written for another country ("030 12345678" on amazon.com) is found only
    # where the sentence says it is a phone number.
    for m in _PHONE_SHAPE.finditer(text):
        start, end = m.span()
        if any(s < end and start < e for s, e in taken) or not 8 <= _digits(m.group()) <= 15:
            continue
        if m.group().isdigit():  # an unformatted run of digits is more likely an id
            continue
        if _not_a_phone(text, start, end, opts):
            continue
        s, e = fld.sentence_at(start)
        if opts.cues.search(text, s, max(e, end)):
            yield _phone_hit(fld, start, end, opts)


# ---------------------------------------------------------------- links

_SCHEME_URL = re.compile(
    r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]}]", re.I)
_BARE = re.compile(DOMAIN)
_HOST = re.compile(r"^(?:[a-z]+://)?([^/?#:\s]+)", re.I)
_AMAZON = re.compile(
    r"(?:^|\.)amazon\.(?:com|ca|co\.uk|de|fr|es|it|nl|se|pl|ie|in|sg|ae|sa|eg|"
    r"com\.(?:be|mx|br|au|tr)|co\.jp)$")
_AMAZON_SHORT = re.compile(r"^(?:amzn\.(?:to|eu|asia)|a\.co)$")
# "name [at] gmail.com": the obfuscation rule reports the whole address.
_AT_MARKER = re.compile(r"(?:[\[({<]\s*(?:at|@|ät|arobase|arroba|chiocciola)\s*[\])}>]|@)\s*$",
                        re.I)


def _link_hit(url: str, start: int, end: int, opts: _Options) -> Hit | None:
    m = _HOST.match(url)
    host = (m.group(1) if m else url).lower().rstrip(".")
    scheme, _, rest = url.partition("://")
    scheme = scheme.lower() if rest else ""
    secure = f"https://{rest}"
    if _AMAZON.search(host):
        if scheme == "http":
            return Hit(start, end, message="Use an https:// link: only secure links to Amazon "
                       "may be sent.", suggestions=(secure,))
        return None
    if _AMAZON_SHORT.match(host):
        return Hit(start, end, severity=Severity.WARNING, message=(
            "Use the full https://www.amazon... link: a short link hides where it leads and "
            "may be removed from the message."))
    if any(host == d or host.endswith("." + d) for d in opts.carrier_domains):
        if scheme == "http":
            return Hit(start, end, message="Use an https:// link: only secure links that are "
                       "needed to complete the order may be sent.", suggestions=(secure,))
        return Hit(start, end, severity=Severity.WARNING, message=(
            "A carrier's link is allowed only where the buyer needs it to complete the order "
            "(tracking, a delivery slot); make sure it is https and needed."))
    return Hit(start, end, suggestions=REMOVE)


# "500 degrees.it has a lid": a sentence run into a short word, not the site degrees.it.
_RUN_ON = re.compile(r"([a-z]{3,})\.(it|in|at|be|is|no|me|us|so|do|to)$")
_NEXT_WORD = re.compile(r" [a-z]")


def _missing_space(text: str, m: re.Match, job: Job) -> bool:
    run_on = _RUN_ON.fullmatch(m.group())
    if not run_on or not _NEXT_WORD.match(text, m.end()):
        return False
    return lexicon(job.checker, job.lang, job.marketplace).plain(run_on.group(1))


@code_check("url")
def url(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    """Links and bare domains; https links to Amazon (and "Amazon.de" as a name) pass."""
    text = fld.text
    if "." not in text:
        return
    opts = _options(rule, job)
    taken: list[tuple[int, int]] = []
    for m in _SCHEME_URL.finditer(text):
        taken.append(m.span())
        hit = _link_hit(m.group(), m.start(), m.end(), opts)
        if hit:
            yield hit
    for m in _BARE.finditer(text):
        start, end = m.span()
        if any(s <= start < e for s, e in taken):
            continue
        if _AT_MARKER.search(text, max(0, start - 16), start):
            continue
        if _missing_space(text, m, job):
            continue
        hit = _link_hit(m.group(), start, end, opts)
        if hit:
            yield hit
