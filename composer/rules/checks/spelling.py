"""Spelling in the buyer's language: pyspellchecker first, Hunspell-derived word lists second.

pyspellchecker answers most words in microseconds but misses inflected forms, compounds and
British spellings; the supplementary lists in resources/dictionaries/ (expanded from Debian's
Hunspell dictionaries by build.py there) are read only when a word is still unknown, so a
clean English message never pays for them. Data tokens (ids, codes, prices, URLs...) are
masked first, and shapes that are names or product terms rather than words are left alone,
short quotations („Sound Go Mini“) included. Word formation no list can hold (German
compounds, separable verbs, Romance prefixes and derivations) is recognised by `Lexicon`;
resources/dictionaries/README.md says how far each rule goes and what it costs in missed typos.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from composer.rules.diagnostic import Severity
from composer.rules.engine import Hit, Job, code_check
from composer.rules.rulepack import Rule
from composer.rules.text import Field
from composer.rules.tokens import mask

# Per language variety: (word list, map of the other variety's forms, name, other variety).
_EN_US = ("en_US", "en_GB.variants", "American", "en_GB")
_EN_GB = ("en_GB", "en_US.variants", "British", "en_US")
_DICTS = {"de": ("de_DE", None, "", None), "fr": ("fr", None, "", None),
          "es": ("es_ES", None, "", None), "it": ("it_IT", None, "", None)}
_LANGS = frozenset(("en", *_DICTS))
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_BRACKETED = re.compile(r"<[^<>\n]{1,40}>|\[[^\[\]\n]{1,40}\]|%[A-Za-z_]{1,30}%")
# A short quotation is a product or model name („Sound Go Mini“, « Lina », "Easy Fit"): at
# most five words, so a quoted sentence is still checked. ASCII quotes must open a word.
_QUOTED = re.compile(  # German, English, French, single and guillemet quotes, and ASCII
    r"(?:\u201e|\u201c|\u00ab\s?|\u00bb|\u201a|\u2039|(?<!\w)\")"
    r"(?P<name>[^\s\"\u201c\u201d\u201e\u00ab\u00bb\u201a\u2018\u2039\u203a.!?;:,]+"
    r"(?:[ \u00a0][^\s\"\u201c\u201d\u201e\u00ab\u00bb\u201a\u2018\u2039\u203a.!?;:,]+){0,4})"
    r"(?:\u201c|\u201d|\s?\u00bb|\u00ab|\u2018|\u203a|\"(?!\w))")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A capitalised word after these is a name (German checks capitalised nouns otherwise).
_NAME_AFTER = _set(
    "mr mrs ms miss dr herr frau hr fr monsieur madame mademoiselle m mme mlle señor señora "
    "señorita sr sra srta don doña signor signora signorina sig dott dottoressa "
    "dear hello hi hey hallo liebe lieber bonjour cher chère hola estimado estimada querido "
    "querida ciao buongiorno gentile caro cara")
# A line of one to four capitalised words, no punctuation: a signature or a team name.
_NAME_LINE = re.compile(r"[\w' \t-]+(?:\.[\w' \t-]+)*")
_ELISIONS = {
    "fr": _set("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu"),
    "it": _set("l d un all dell dall nell sull coll m t s c n v quest quell bell sant buon "
               "nessun qual tutt"),
}
_ENCLITICS = {
    "it": _set("mi ti ci vi si ne lo la li le gli") | {
        a + b for a in _set("me te ce ve se glie") for b in _set("lo la li le ne")},
    "es": _set("me te se nos os le les lo la los las") | {
        a + b for a in _set("me te se nos os") for b in _set("lo la los las le les")},
}
_UNACCENT = str.maketrans("áéíóú", "aeiou")
_EN_CLITICS = frozenset(("s", "d", "ll", "re", "ve", "m", "t"))
_LOAN_WORD_COUNT = 100
_LOAN_PART_COUNT = 1000
_VOWELS = frozenset("aeiouàâäéèêëíìîïóòôöúùûü")
_FUGEN = ("", "s", "n", "en", "es", "e", "er")
_DE_AGENT = ("ers", "er", "ungen", "ung")  # nouns of verbs: Rasierer, Entkalkung
# Separable verb prefixes: they take -zu- inside (auszuspülen) and stand before any verb.
_DE_SEPARABLE = tuple(sorted(_set(
    "ab an auf aus bei durch ein fest fort her hin los mit nach vor weg zu zurück zusammen "
    "weiter wieder um über unter heraus herein herunter hinaus hinein hinunter voran vorbei "
    "zurecht entgegen nachher bereit frei hoch"), key=len, reverse=True))
_DE_VERB_PREFIXES = (*_DE_SEPARABLE, "ent", "zer", "ver")  # ent+spiegeln: no -zu-
# Short nouns that often start or end a compound (Boxspringbett, Maßanfertigung, Olivenöl);
# any three-letter word would let typos through (an+nderen, bes+geht).
_DE_SHORT = _set(
    "box maß tee eis ski zug bau tür hut ohr bad bus gas rad tag ton arm fuß see hof öl kuh "
    "zoo set kit led usb mix log bio öko eck tal tor hub")
_ROMANCE_COMMON = ("auto", "anti", "multi", "super", "mini", "micro", "semi", "extra", "ultra",
                   "inter", "mono", "maxi", "bio", "eco", "video", "audio", "foto",
                   "tele", "termo", "mega", "retro")
_PREFIXES = {
    "it": ("ri", "re", "pre", "dis", "iper", "sotto", "sovra", "contro", "post",
           *_ROMANCE_COMMON),
    "es": ("re", "pre", "des", "hiper", "sobre", "contra", "sub", "post",
           *_ROMANCE_COMMON),
    "fr": ("re", "ré", "pré", "dé", "hyper", "sur", "contre", "sous", "post", "non",
           *_ROMANCE_COMMON),
}
# -abile / -able adjectives from a verb (regolabile) or a loan noun (dimmerabile).
_ABLE = {
    "it": [(e, ("are", "ire", "ere")) for e in ("abile", "abili", "ibile", "ibili")],
    "es": [(e, ("ar", "er", "ir")) for e in ("able", "ables", "ible", "ibles")],
    "fr": [(e, ("er", "ir", "re")) for e in ("able", "ables", "ible", "ibles")],
}
# Agent nouns of verbs and Spanish diminutives: (ending, what replaces it in the base word).
_DERIVED = {
    "es": [(e, ("r",)) for e in ("dor", "dora", "dores", "doras")]
    + [("cito", ("",)), ("cita", ("",)), ("citos", ("s",)), ("citas", ("s",)),
       ("ito", ("o",)), ("ita", ("a",)), ("itos", ("os",)), ("itas", ("as",))],
    "it": [(e, ("re",)) for e in ("tore", "trice", "tori", "trici")],
    "fr": [(e, ("er",)) for e in ("eur", "euse", "eurs", "euses")],
}
# (last letter of the verb form, letters to cut, infinitive ending): copri -> coprire.
_VERB_HEADS = {
    "it": [("a", "", "re"), ("i", "", "re"), ("i", "i", "ere"), ("e", "e", "ere")],
    "es": [("a", "", "r"), ("e", "e", "er"), ("e", "e", "ir")],
}
_CALENDAR = _set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december")
_SENTENCE_END = frozenset(".!?:;\n¡¿")
_SKIP_BACK = frozenset(" \t\"'([{-*•")


@dataclass
class Lexicon:
    """Everything known about one language variant; the big lists load on first need."""

    lang: str
    frequent: dict[str, int]  # pyspellchecker's words and counts
    _extra: Callable[[], frozenset[str]]
    _variants: Callable[[], dict[str, str]]
    variant_name: str = ""
    _english: Callable[[], dict[str, int]] | None = None  # loan words (Headset, gaming)
    _other: Callable[[], frozenset[str]] | None = None  # the other English variety's words
    _cache: dict[str, bool] = field(default_factory=dict)

    def extra(self) -> frozenset[str]:
        return self._extra()

    def variant_of(self, word: str) -> str | None:
        """The spelling this market expects when `word` is the other variety's."""
        return self._variants().get(word)

    def other_variety(self, word: str) -> bool:
        """Whether `word` is correct in the other English variety (jewellery on .com)."""
        return self._other is not None and word in self._other()

    def knows(self, word: str, remember: bool = True) -> bool:
        """Whether `word` (lower case) is a correct word, alone or as a compound or clitic."""
        hit = self._cache.get(word)
        if hit is None:
            hit = self._knows(word)
            if remember:  # words of the draft; not the thousand candidates of a suggestion
                self._cache[word] = hit
        return hit

    def plain(self, word: str) -> bool:
        """In a word list as it stands: no compound, clitic or loan-word reasoning."""
        return word in self.frequent or word in self.extra()

    def _knows(self, word: str) -> bool:
        if self.plain(word):
            return True
        if "'" in word:
            return self._clitic(word)
        if self.lang == "de" and self._german(word):
            return True
        if any(self.plain(b) for b in enclitic_bases(word, self.lang)):
            return True
        if self.loan(word) or self._loan_compound(word):
            return True
        return self.lang in _PREFIXES and self._romance(word)

    def loan(self, word: str) -> bool:
        """An English word of some currency (Headset, gaming) used in another language.

        Only words of some currency: half of pyspellchecker's English list is seen <= 50
        times and holds foreign words and typos (retrad).
        """
        return (self._english is not None and len(word) >= 4
                and self._english().get(word, 0) >= _LOAN_WORD_COUNT)

    def _loan_compound(self, word: str) -> bool:
        """Closed English compounds of two common words (screenshot, powerbank)."""
        if self._english is None or len(word) < 8:
            return False
        english = self._english()
        return any(english.get(word[:i], 0) >= _LOAN_PART_COUNT
                   and english.get(word[i:], 0) >= _LOAN_PART_COUNT
                   for i in range(4, len(word) - 3))

    def _clitic(self, word: str) -> bool:
        head, _, tail = word.partition("'")
        if head in _ELISIONS.get(self.lang, ()):
            return self.knows(tail)
        if self.lang == "en":
            base, _, suffix = word.rpartition("'")
            return suffix in _EN_CLITICS and self.knows(base)
        return all(self.plain(p) for p in word.split("'") if len(p) > 1)

    # ------------------------------------------------------------ German word formation

    def _german(self, word: str) -> bool:
        # zu-infinitives of separable verbs: aus|zu|spülen is ausspülen
        for p in _DE_SEPARABLE:
            if (word.startswith(p) and word.startswith("zu", len(p))
                    and len(word) - len(p) >= 6 and self._de_word(p + word[len(p) + 2:])):
                return True
        return self._de_word(word)

    def _de_word(self, word: str) -> bool:
        return (self._de_part(word) or self._prefixed(word, _DE_VERB_PREFIXES)
                or self._compound(word, 3))

    def _de_part(self, word: str) -> bool:
        """A word that may stand in a compound: listed, an English loan, or an agent noun."""
        if len(word) < 4:
            return word in _DE_SHORT
        return (self.plain(word) or (len(word) >= 5 and self.loan(word))
                or self._agent_noun(word))

    def _agent_noun(self, word: str) -> bool:
        """Nouns from verbs: -er (Rasierer, Aufschäumer), -ung (Entkalkung)."""
        for end in _DE_AGENT:  # a stem of five letters: kund+er, soll+er are typos
            if word.endswith(end) and len(word) - len(end) >= 5:
                stem = word[: len(word) - len(end)]
                return self._de_verb(stem + "en") or (stem[-1] in "lr" and self.plain(stem + "n"))
        return False

    def _de_verb(self, verb: str) -> bool:
        return self.plain(verb) or self._prefixed(verb, _DE_VERB_PREFIXES)

    def _compound(self, word: str, depth: int, inner: bool = False) -> bool:
        # German joins nouns freely (Rechnungs+adresse, Box+spring+bett): accept a split
        # into known parts, the head with a linking element. Short parts (Box, Öl) may only
        # begin or end the word: liefe+rad+dresse is a typo of Lieferadresse.
        for i in range(len(word) - (4 if inner else 2), 2, -1):
            tail = word[i:]
            if not self._de_part(tail):
                continue
            head = word[:i]
            for link in _FUGEN:
                if link and not head.endswith(link):
                    continue
                stem = head[: len(head) - len(link)]
                if len(stem) >= 3 and (
                        self._de_part(stem) or (len(stem) >= 4 and self.plain(stem + "e"))
                        or (depth > 1 and self._compound(stem, depth - 1, True))):
                    return True
        return False

    def _prefixed(self, word: str, prefixes: tuple[str, ...]) -> bool:
        """A listed word behind a productive prefix (einölen, reprogramar, ricaricare)."""
        romance = self.lang != "de"
        for p in prefixes:
            if word.startswith(p) and len(word) - len(p) >= 4:
                rest = word[len(p):]
                # re+aire, ri+imborso, re+trad are typos: a short prefix needs a longer
                # word starting with a consonant
                if romance and len(p) <= 3 and (rest[0] in _VOWELS or len(rest) < 5):
                    continue
                if romance and rest.startswith("rr"):  # anti+rreflejos: r doubles in Spanish
                    rest = rest[1:]
                if self.plain(rest) or any(self.plain(b) for b in enclitic_bases(rest, self.lang)):
                    return True
        return False

    # ------------------------------------------------------------ Romance word formation

    def _romance(self, word: str) -> bool:
        if self._prefixed(word, _PREFIXES[self.lang]):
            return True
        for end, bases in _DERIVED[self.lang]:  # desbroza+dora, mouss+eur, coche+cito
            if word.endswith(end) and len(word) - len(end) >= 4:
                stem = word[: len(word) - len(end)]
                if any(self.plain(stem + b) for b in bases):
                    return True
        for end, infinitives in _ABLE.get(self.lang, ()):
            if word.endswith(end) and len(word) - len(end) >= 4:
                stem = word[: len(word) - len(end)]
                if any(self.plain(stem + i) for i in infinitives) or self.loan(stem):
                    return True
        return self._verb_noun(word)

    def _verb_noun(self, word: str) -> bool:
        """Italian and Spanish compounds of a verb and its object: copri+piumino, abre+latas."""
        verbs = _VERB_HEADS.get(self.lang)
        if not verbs:
            return False
        for i in range(4, len(word) - 3):
            head, tail = word[:i], word[i:]
            # the object is a common word (pyspellchecker's list): frulla+more is a typo
            if head[-1] not in "aei" or tail not in self.frequent:
                continue
            if any(self.plain(head[: len(head) - len(cut)] + add)
                   for vowel, cut, add in verbs if head.endswith(vowel)):
                return True
        return False


def enclitic_bases(word: str, lang: str, depth: int = 2) -> list[str]:
    """Italian and Spanish attach pronouns to verbs (inviarglielo, enviarle): the bare verbs.

    The word lists leave such forms out (Italian alone has millions); build.py uses this same
    function to decide what to leave out, so the two cannot disagree.
    """
    clitics = _ENCLITICS.get(lang)
    if not clitics:
        return []
    out: list[str] = []
    for k in range(2, 7):
        if len(word) - k < 3 or word[-k:] not in clitics:
            continue
        base = word[:-k]
        out += (base, base + "e") if lang == "it" else (base, base.translate(_UNACCENT))
        if depth > 1:
            out += enclitic_bases(base, lang, depth - 1)
    return out


def _load_words(path: Path, *curated: Path) -> frozenset[str]:
    """A generated list (gzip, a word a line) plus hand-kept ones (text, '#' comments).

    A hand-kept `!word` takes a rare dictionary word back out: one that in a seller's
    message is nearly always a typo of a common one (Italian disaggio for disagio).
    """
    words: set[str] = set()
    if path.is_file():
        with gzip.open(path, "rt", encoding="utf-8") as f:
            words.update(f.read().split("\n"))
    drop: set[str] = set()
    for extra in curated:
        if extra.is_file():
            for line in extra.read_text(encoding="utf-8").splitlines():
                word = line.split("#", 1)[0].strip().lower()
                if word.startswith("!"):
                    drop.add(word[1:])
                elif word:
                    words.add(word)
    return frozenset(words - drop)


def _load_variants(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return dict(line.split("\t", 1) for line in f.read().split("\n") if "\t" in line)


def _dict_plan(lang: str, marketplace: str) -> tuple[str, str | None, str, str | None]:
    if lang == "en":
        return _EN_US if marketplace in ("US", "CA") else _EN_GB
    return _DICTS[lang]


def lexicon(checker, lang: str, marketplace: str) -> Lexicon:
    """The cached Lexicon for a language as written on a marketplace (en: US or UK spelling)."""
    plan = _dict_plan(lang, marketplace)
    return checker.service(f"spelling:lexicon:{plan[0]}", lambda: _build(checker, lang, *plan))


def _speller(checker, lang: str):
    def make():
        from spellchecker import SpellChecker

        return SpellChecker(language=lang, distance=1)

    return checker.service(f"spelling:pyspellchecker:{lang}", make)


def _words(checker, lang: str, name: str) -> frozenset[str]:
    folder = Path(checker.resources) / "dictionaries"
    return checker.service(
        f"spelling:words:{name}",
        lambda: _load_words(folder / f"{name}.words.gz", folder / f"{lang}.extra.txt",
                            folder / "common.extra.txt"))


def _build(checker, lang: str, name: str, variants: str | None, variant_name: str,
           other: str | None) -> Lexicon:
    folder = Path(checker.resources) / "dictionaries"
    speller = _speller(checker, lang)
    extra = lambda: _words(checker, lang, name)  # noqa: E731
    var = lambda: checker.service(  # noqa: E731
        f"spelling:variants:{variants}",
        lambda: _load_variants(folder / f"{variants}.gz") if variants else {})
    english = None
    if lang != "en":
        english = lambda: _speller(checker, "en").word_frequency.dictionary  # noqa: E731
    other_words = (lambda: _words(checker, lang, other)) if other else None
    return Lexicon(lang, speller.word_frequency.dictionary, extra, var, variant_name, english,
                   other_words)


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
        and _distance(low, c) <= 2 for c in _CALENDAR)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short words only)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


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
    return not any(lex.plain(e) for e in _edits1(low, _ALPHABET + _LETTERS.get(lex.lang, "")))


def _masked(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with data tokens, bracketed placeholders and quoted names blanked, offsets kept."""
    text = _BRACKETED.sub(lambda m: " " * len(m.group()), mask(text, spans))
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


@code_check("spelling")
def check_spelling(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    lang = job.context.language if job.context.language in _LANGS else job.lang
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
            known = job.context.known_words()
        if word in known or word.replace("'", "") in known:
            continue
        if other:
            if word in both or word in lex.extra():
                continue
            fix = _match_case(m.group(), other)
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


def _match_case(original: str, word: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_LETTERS = {"de": "äöüß", "fr": "àâæçéèêëîïôœùûÿ", "es": "áéíñóúü", "it": "àèéìíòóù"}


def _edits1(word: str, letters: str) -> set[str]:
    """Every string one deletion, transposition, replacement or insertion away (Norvig)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in letters),
        *(a + c + b for a, b in splits for c in letters),
    }


def suggest(checker, word: str, marketplace: str, limit: int = 5,
            language: str | None = None) -> list[str]:
    """Corrections for a flagged word, best first; for the right-click menu, never per keystroke.

    `language` is the buyer's language when it is not the marketplace's (CheckContext.language).
    """
    from composer.domain.reasons import MARKETPLACES

    market = marketplace.upper()
    lang = language if language in _LANGS else MARKETPLACES[market]
    lex = lexicon(checker, lang, market)
    low = word.lower()
    out: list[str] = []
    other = lex.variant_of(low)
    if other:
        out.append(other)
    letters = _ALPHABET + _LETTERS.get(lang, "")
    edits = _edits1(low, letters)
    ranked = sorted((w for w in edits if w in lex.frequent), key=lambda w: (-lex.frequent[w], w))
    out += ranked + sorted(w for w in edits if w not in lex.frequent and lex.knows(w, False))
    if not out and len(low) <= 8:  # distance 2: 60-100 ms at 8 letters, growing fast
        second = {e2 for e1 in edits for e2 in _edits1(e1, letters)}
        out += sorted((w for w in second if w in lex.frequent), key=lambda w: -lex.frequent[w])
    seen: list[str] = []
    for w in out:
        if w != low and w not in seen:
            seen.append(w)
    return [_match_case(word, w) for w in seen[:limit]]
