"""Spelling in the buyer's language, judged against the words `Lexicon` knows.

Data tokens (ids, codes, prices, URLs...) are masked first, and shapes that are names or
product terms rather than words are left alone, short quotations („Sound Go Mini“) included.
On US/CA and UK, the other English variety's spellings are flagged with the expected form.
The word lists and word formation live in composer/rules/lexicon.py, right-click suggestions
in composer/rules/suggest.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from composer.rules.checks.language import foreign_language
from composer.rules.diagnostic import Severity
from composer.rules.engine import Hit, Job, code_check
from composer.rules.lexicon import LANGS, Lexicon, lexicon, word_set
from composer.rules.rulepack import Rule
from composer.rules.suggest import ALPHABET, LETTERS, distance, edits1, match_case
from composer.rules.text import Field
from composer.rules.tokens import mask

__all__ = ["check_spelling"]

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_BRACKETED = re.compile(r"<[^<>\n]{1,40}>|\[[^\[\]\n]{1,40}\]|%[A-Za-z_]{1,30}%")
# A short quotation is a product or model name („Sound Go Mini“, « Lina », "Easy Fit"): at
# most five words, so a quoted sentence is still checked. ASCII quotes must open a word.
_QUOTED = re.compile(  # German, English, French, single and guillemet quotes, and ASCII
    r"(?:\u201e|\u201c|\u00ab\s?|\u00bb|\u201a|\u2039|(?<!\w)\")"
    r"(?P<name>[^\s\"\u201c\u201d\u201e\u00ab\u00bb\u201a\u2018\u2039\u203a.!?;:,]+"
    r"(?:[ \u00a0][^\s\"\u201c\u201d\u201e\u00ab\u00bb\u201a\u2018\u2039\u203a.!?;:,]+){0,4})"
    r"(?:\u201c|\u201d|\s?\u00bb|\u00ab|\u2018|\u203a|\"(?!\w))")

# A capitalised word after these is a name (German checks capitalised nouns otherwise).
_NAME_AFTER = word_set(
    "mr mrs ms miss dr herr frau hr fr monsieur madame mademoiselle m mme mlle señor señora "
    "señorita sr sra srta don doña signor signora signorina sig dott dottoressa "
    "dear hello hi hey hallo liebe lieber bonjour cher chère hola estimado estimada querido "
    "querida ciao buongiorno gentile caro cara")
# A line of one to four capitalised words, no punctuation: a signature or a team name.
_NAME_LINE = re.compile(r"[\w' \t-]+(?:\.[\w' \t-]+)*")
_CALENDAR = word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december")
_SENTENCE_END = frozenset(".!?:;\n¡¿")
_SKIP_BACK = frozenset(" \t\"'([{-*•")


def _is_name_or_term(word: str) -> bool:
    """All-caps acronyms (USB, VAT) and inner capitals (iPhone, PayPal) are not dictionary words."""
    return word.isupper() or not word[1:].islower()


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _SKIP_BACK:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _previous_word(text: str, pos: int) -> str:
    m = re.search(r"([^\W\d_]+)\.?\s+$", text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _on_name_line(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:] if end < 0 else text[start:end]
    words = line.split()
    return (0 < len(words) <= 4 and _NAME_LINE.fullmatch(line) is not None
            and all(w[0].isupper() for w in words))


def _glued(text: str, start: int, end: int) -> bool:
    """Part of a domain, file name, path or handle (maplecraft.com, manual.pdf, @shop)."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before in "@#/\\_" and before:
        return True
    if after in "/\\_@" and after:
        return True
    nxt = text[end + 1] if end + 1 < len(text) else ""
    prev = text[start - 2] if start > 1 else ""
    return (after == "." and nxt.isalnum()) or (before == "." and prev.isalnum())


def _near_calendar_word(word: str) -> bool:
    """Wensday, Febuary: English day and month names are capitalised, so their typos would
    pass as names; a word two edits from one (and not a longer name built on it: Augusta)
    is a typo."""
    low = word.lower()
    return len(low) >= 6 and any(
        low != c and not low.startswith(c) and abs(len(low) - len(c)) <= 2
        and distance(low, c) <= 2 for c in _CALENDAR)


def _not_a_word(text: str, m: re.Match, lang: str) -> bool:
    """Data, names and product terms: shapes a dictionary should not judge."""
    word = m.group()
    if _is_name_or_term(word) or _glued(text, m.start(), m.end()):
        return True
    if word[0].isupper() and lang == "en" and _near_calendar_word(word):
        return False
    if word[0].isupper():
        if _previous_word(text, m.start()) in _NAME_AFTER or _on_name_line(text, m.start()):
            return True
        # A capitalised word mid-sentence is a name, except in German where nouns are.
        return lang != "de" and not _sentence_start(text, m.start())
    return False


def _looks_like_name(word: str, lex: Lexicon) -> bool:
    """An unknown short capitalised word one typo away from no word is a name.

    Where case cannot tell (German nouns, the first word of a sentence), a misspelt word is
    usually one edit from the dictionary (Bestelung, Recieved) and a name is usually not
    (Schwabing, Siobhan). Long words are compounds, where a typo may sit far from any listed
    word: those are always checked.
    """
    if not word[0].isupper() or len(word) > 10 or (lex.lang == "en" and _near_calendar_word(word)):
        return False
    low = word.lower()
    return not any(lex.plain(e) for e in edits1(low, ALPHABET + LETTERS.get(lex.lang, "")))


def _masked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with data tokens, bracketed placeholders and quoted names blanked, offsets kept."""
    text = _BRACKETED.sub(lambda m: " " * len(m.group()), mask(text, spans))
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


@code_check("spelling")
def check_spelling(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    if foreign_language(fld, job):
        return  # the whole message is in another language: the language check says so
    lang = job.context.language if job.context.language in LANGS else job.lang
    lex = lexicon(job.checker, lang, job.marketplace)
    frequent = lex.frequent
    both = frozenset(rule.options.get("both_varieties", ()))
    known: set[str] | None = None
    text = _masked(fld.text, job.protected(fld.name))
    for m in _WORD.finditer(text):
        word = m.group().lower()
        other = lex.variant_of(word)
        if (word in frequent and not other) or len(word) < 2 or _not_a_word(text, m, lang):
            continue
        if known is None:
            known = job.known_words
        if word in known or word.replace("'", "") in known:
            continue
        if other:
            if word in both or word in lex.extra():
                continue
            fix = match_case(m.group(), other)
            # POLICY.md §3: American spellings on US/CA, British on UK. Only the regular
            # patterns are errors; odd pairs from the generated list stay warnings.
            yield Hit(m.start(), m.end(), suggestions=(fix,),
                      severity=None if _regular_variant(word, other) else Severity.WARNING,
                      message=(
                f"Buyers on this marketplace expect {lex.variant_name} spelling: "
                f"write \u201c{fix}\u201d."))
        elif lex.knows(word) or _looks_like_name(m.group(), lex):
            continue
        elif lex.other_variety(word):
            yield Hit(m.start(), m.end(), severity=Severity.WARNING, message=(
                f"This is not {lex.variant_name} spelling, which buyers on this marketplace "
                "expect: right-click for suggestions."))
        else:
            yield Hit(m.start(), m.end())


_VARIANT_PATTERNS = (
    (re.compile(r"our(s|ed|ing|ite|ites|able|ably|less|ful)?$"), r"or\1"),  # colour
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),  # analyse
    (re.compile(r"(?<=[bct])re(s|d)?$"), r"er\1"),  # centre, fibre, litre
    (re.compile(r"ogue(s)?$"), r"og\1"),  # catalogue
    (re.compile(r"ence(s)?$"), r"ense\1"),  # licence, defence
    (re.compile(r"(?<=[aeiou])ll(ed|ing|er|ers)$"), r"l\1"),  # travelled, cancelled
    (re.compile(r"ellery$"), r"elry"),  # jewellery
    (re.compile(r"inium$"), r"inum"),  # aluminium
)


def _regular_variant(word: str, other: str) -> bool:
    """Whether two spellings differ by one of the regular British/American patterns."""
    if len(word) < 5 or len(other) < 4:
        return False
    for pat, rep in _VARIANT_PATTERNS:
        for a, b in ((word, other), (other, word)):
            if pat.search(a) and pat.sub(rep, a) == b:
                return True
    return False
