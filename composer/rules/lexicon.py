"""What counts as a word in each language: word lists, loaded lazily, plus word formation.

pyspellchecker's lists answer most words; the supplementary lists in resources/dictionaries/
(expanded from Debian's Hunspell dictionaries by build.py there) are read only when a word is
still unknown, so a clean English message never pays for them. Word formation no list can hold
(German compounds, separable verbs, Romance prefixes and derivations, Italian and Spanish
enclitics, -abile forms) is recognised by `Lexicon`; resources/dictionaries/README.md says how
far each rule goes and what it costs in missed typos. The spelling check (which words of a
message to judge) and suggestions (which corrections to offer) both ask a `Lexicon`.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Per language variety: (word list, map of the other variety's forms, name, other variety).
_EN_US = ("en_US", "en_GB.variants", "American", "en_GB")
_EN_GB = ("en_GB", "en_US.variants", "British", "en_US")
_DICTS = {"de": ("de_DE", None, "", None), "fr": ("fr", None, "", None),
          "es": ("es_ES", None, "", None), "it": ("it_IT", None, "", None)}
LANGS = frozenset(("en", *_DICTS))


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated string: long word lists read best as running text."""
    return frozenset(words.split())


_ELISIONS = {
    "fr": word_set("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu"),
    "it": word_set("l d un all dell dall nell sull coll m t s c n v quest quell bell sant buon "
                   "nessun qual tutt"),
}
_ENCLITICS = {
    "it": word_set("mi ti ci vi si ne lo la li le gli") | {
        a + b for a in word_set("me te ce ve se glie") for b in word_set("lo la li le ne")},
    "es": word_set("me te se nos os le les lo la los las") | {
        a + b for a in word_set("me te se nos os") for b in word_set("lo la los las le les")},
}
_UNACCENT = str.maketrans("áéíóú", "aeiou")
_EN_CLITICS = frozenset(("s", "d", "ll", "re", "ve", "m", "t"))
_LOAN_WORD_COUNT = 100
_LOAN_PART_COUNT = 1000
_VOWELS = frozenset("aeiouàâäéèêëíìîïóòôöúùûü")
_FUGEN = ("", "s", "n", "en", "es", "e", "er")
_DE_AGENT = ("ers", "er", "ungen", "ung")  # nouns of verbs: Rasierer, Entkalkung
# Separable verb prefixes: they take -zu- inside (auszuspülen) and stand before any verb.
_DE_SEPARABLE = tuple(sorted(word_set(
    "ab an auf aus bei durch ein fest fort her hin los mit nach vor weg zu zurück zusammen "
    "weiter wieder um über unter heraus herein herunter hinaus hinein hinunter voran vorbei "
    "zurecht entgegen nachher bereit frei hoch"), key=len, reverse=True))
_DE_VERB_PREFIXES = (*_DE_SEPARABLE, "ent", "zer", "ver")  # ent+spiegeln: no -zu-
# Short nouns that often start or end a compound (Boxspringbett, Maßanfertigung, Olivenöl);
# any three-letter word would let typos through (an+nderen, bes+geht).
_DE_SHORT = word_set(
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
        if "!" + word in self.extra():
            return False
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
    message is nearly always a typo of a common one (Italian disaggio for disagio). The
    `!word` entry itself stays in the set, so word formation cannot rebuild it either
    (German Standart as Stand+Art).
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
                    words.add(word)
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
