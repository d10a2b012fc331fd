"""The prefilter may skip a regex only when the regex cannot match."""

from __future__ import annotations

import re

import pytest

from composer.rules import Checker
from composer.rules.prefilter import needed_words
from composer.rules.text import normalise

RULES = Checker().all_rules()
TEXTS = [normalise(t).text for r in RULES for t in (*r.examples_fail, *r.examples_pass)]


@pytest.mark.parametrize(("pattern", "words"), [
    (r"\bcould\s+of\b", {"could"}),
    (r"\b(?:summer|winter)\s+sale\b", {"summer", "winter"}),
    (r"\b(?:is|are)\s+on\s+sale\b", {"sale"}),
    (r"(?:a|b)\d+", None),
])
def test_needed_words_are_what_every_match_contains(pattern, words):
    got = needed_words(re.compile(pattern, re.IGNORECASE))
    assert (set(got) if got is not None else None) == words


def test_no_rule_example_matches_without_its_needed_words():
    checked = 0
    for rule in RULES:
        for pattern, need in zip(rule.patterns, rule.needs, strict=True):
            if need is None:
                continue
            for text in TEXTS:
                if pattern.search(text):
                    checked += 1
                    assert any(w in text.lower() for w in need), (rule.id, pattern.pattern, text)
    assert checked > 100
