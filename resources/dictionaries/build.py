"""Regenerate the supplementary word lists from Hunspell dictionaries (a build step).

pyspellchecker's word lists miss inflected forms, compounds and British spellings that the
standard Hunspell dictionaries accept. Reading a Hunspell dictionary with spylls at run time
costs 0.5-1.5 s per language, so this script expands each dictionary once (every stem with its
affixes) and keeps only the forms pyspellchecker does not know, one lower-case word a line.

    python resources/dictionaries/build.py [/usr/share/hunspell [en_US en_GB de_DE fr es_ES it_IT]]

Needs `spylls` and `pyspellchecker`; the sources are Debian's hunspell-de-de, hunspell-en-gb,
hunspell-en-us, hunspell-es, hunspell-fr and hunspell-it packages (licences in README.md).
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from spellchecker import SpellChecker
from spylls.hunspell import Dictionary

from composer.rules.lexicon import enclitic_bases

HERE = Path(__file__).resolve().parent
SOURCES = {"en_US": "en", "en_GB": "en", "de_DE": "de", "fr": "fr", "es_ES": "es", "it_IT": "it"}
ELISION = ("'", "\u2019")


def _suffixed(aff, stem: str, flags: set[str]) -> Iterator[tuple[str, object]]:
    for flag in flags:
        for sfx in aff.SFX.get(flag, ()):
            if stem.endswith(sfx.strip) and sfx.cond_regexp.search(stem):
                yield stem[: len(stem) - len(sfx.strip)] + sfx.add, sfx


def _prefixed(aff, stem: str, flags: set[str]) -> Iterator[tuple[str, object]]:
    for flag in flags:
        for pfx in aff.PFX.get(flag, ()):
            if any(a in pfx.add for a in ELISION):
                continue  # l', d', qu'... are split off at check time instead
            if stem.startswith(pfx.strip) and pfx.cond_regexp.search(stem):
                yield pfx.add + stem[len(pfx.strip):], pfx


def expand(dic: Dictionary) -> set[str]:
    """Every form a stem takes with its suffixes, prefixes and one level of continuation."""
    aff = dic.aff
    bad = {f for f in (aff.FORBIDDENWORD, aff.ONLYINCOMPOUND) if f}
    need = aff.NEEDAFFIX
    circ = aff.CIRCUMFIX
    out: set[str] = set()

    def ok(*affixes) -> bool:
        if any(bad & a.flags for a in affixes):
            return False
        if circ:
            marked = [circ in a.flags for a in affixes]
            if any(marked) and not (len(affixes) == 2 and all(marked)):
                return False
        return True

    for word in dic.dic.words:
        flags = set(word.flags)
        if bad & flags:
            continue
        stem = word.stem
        if not need or need not in flags:
            out.add(stem)
        for form, sfx in _suffixed(aff, stem, flags):
            if ok(sfx) and (not need or need not in sfx.flags):
                out.add(form)
            for form2, sfx2 in _suffixed(aff, form, set(sfx.flags)):
                if ok(sfx, sfx2):
                    out.add(form2)
            if sfx.crossproduct:
                for form2, pfx in _prefixed(aff, form, flags | set(sfx.flags)):
                    if pfx.crossproduct and ok(sfx, pfx):
                        out.add(form2)
        for form, pfx in _prefixed(aff, stem, flags):
            if ok(pfx) and (not need or need not in pfx.flags):
                out.add(form)
    return {w.lower().rstrip(".") for w in out if w.rstrip(".")}  # etc. -> etc


def _without_enclitics(forms: set[str], lang: str, speller: SpellChecker) -> set[str]:
    """The forms pyspellchecker lacks, less those the checker derives from a shorter one."""
    kept: set[str] = set()
    for w in sorted(forms, key=len):
        if w in speller.word_frequency.dictionary:
            continue
        if not any(b in kept or b in speller.word_frequency.dictionary
                   for b in enclitic_bases(w, lang)):
            kept.add(w)
    return kept


def main(src: Path, only: list[str]) -> None:
    spellers: dict[str, SpellChecker] = {}
    forms: dict[str, set[str]] = {}
    for name, lang in SOURCES.items():
        if only and name not in only:
            continue
        forms[name] = expand(Dictionary.from_files(str(src / name)))
        speller = spellers.setdefault(lang, SpellChecker(language=lang))
        extra = sorted(_without_enclitics(forms[name], lang, speller))
        _write(HERE / f"{name}.words.gz", extra)
        print(f"{name}: {len(forms[name])} forms, {len(extra)} not in pyspellchecker")
    if "en_US" not in forms or "en_GB" not in forms:
        return
    us, gb = forms["en_US"], forms["en_GB"]
    pairs = variant_pairs(us, gb - us)  # (American form, British form)
    to_gb = {a: b for a, b in pairs if a not in gb}
    to_us = {b: a for a, b in pairs}
    _write(HERE / "en_US.variants.gz", [f"{a}\t{b}" for a, b in sorted(to_gb.items())])
    _write(HERE / "en_GB.variants.gz", [f"{a}\t{b}" for a, b in sorted(to_us.items())])
    print(f"American words with a British form: {len(to_gb)}; British with American: {len(to_us)}")


# American -> British spelling patterns (regex, replacement); reversed for the other way.
US_TO_GB = [
    ("or", "our"), ("er$", "re"), ("ers$", "res"), ("ered$", "red"), ("iz", "is"),
    ("yz", "ys"), ("og$", "ogue"), ("ogs$", "ogues"), ("ense", "ence"), ("el(ed|ing|er|ers)$",
    "ell\\1"), ("gray", "grey"), ("dgment", "dgement"), ("fill", "fil"), ("ll(s|ed|ing)?$",
    "l\\1"), ("aluminum", "aluminium"), ("tire", "tyre"), ("^e", "ae"), ("^p(e|ed)", "pae"),
    ("(?<=[^aeiou])e(?=[mst])", "ae"), ("plow", "plough"), ("check(s|ed|ing)?$", "cheque\\1"),
    ("program(s)?$", "programme\\1"), ("mold", "mould"), ("ction", "xion"), ("ment", "ement"),
    ("o(?=[mp])", "oe"),
]


def variant_pairs(american: set[str], british_only: set[str]) -> list[tuple[str, str]]:
    """(a, b) where b, a British-only word, is a by one American-to-British spelling pattern."""
    compiled = [(re.compile(a), b) for a, b in US_TO_GB]
    out: list[tuple[str, str]] = []
    for w in sorted(american):
        for pat, rep in compiled:
            for m in pat.finditer(w):
                cand = w[: m.start()] + m.expand(rep) + w[m.end():]
                if cand in british_only:
                    out.append((w, cand))
    return out


def _write(path: Path, lines: list[str]) -> None:
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write("\n".join(lines).encode("utf-8"))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell"), sys.argv[2:])
