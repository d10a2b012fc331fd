"""The engine's contract: one Diagnostic type, one verdict, spans into the original text."""

from __future__ import annotations

import pytest

from composer.rules import Checker, Diagnostic, Severity, is_sendable
from composer.rules.text import normalise, sentences


def test_spans_point_into_the_original_text_after_emoji_and_hidden_characters(checker):
    text = "Hi 😀 there,\n\nUse c\u200bode SAVE10 for 10％ off."
    diags = [d for d in checker.check(text, reason="customer-inquiry", marketplace="US")
             if d.category == "promotion"]
    found = {text[d.start:d.end] for d in diags}
    assert "c\u200bode SAVE10" in found or "Use c\u200bode SAVE10" in found
    assert "10％ off" in found


def test_normalise_maps_fullwidth_and_zero_width_back():
    original = "mail ｉｎｆｏ＠ｓｈｏｐ．ｃｏｍ or in\u200bfo"
    n = normalise(original)
    assert "info@shop.com" in n.text
    i = n.text.index("info@shop.com")
    s, e = n.to_original(i, i + len("info@shop.com"))
    assert original[s:e] == "ｉｎｆｏ＠ｓｈｏｐ．ｃｏｍ"
    j = n.text.rindex("info")
    assert n.original[slice(*n.to_original(j, j + 4))] == "in\u200bfo"


def test_sentences_keep_abbreviations_together():
    text = "Hello,\n\nIt ships at 9 a.m. tomorrow. Is that fine? Yes!"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Hello,", "It ships at 9 a.m. tomorrow.", "Is that fine?", "Yes!"]


def test_only_errors_block_sending():
    warn = Diagnostic("x.y", "contact-info", Severity.WARNING, 0, 1, "m")
    err = Diagnostic("x.z", "promotion", Severity.ERROR, 0, 1, "m")
    assert is_sendable([]) and is_sendable([warn])
    assert not is_sendable([warn, err])


def test_diagnostic_refuses_unknown_categories_and_bad_spans():
    with pytest.raises(ValueError):
        Diagnostic("x", "style", Severity.ERROR, 0, 1, "m")
    with pytest.raises(ValueError):
        Diagnostic("x", "promotion", Severity.ERROR, 3, 1, "m")


def test_unknown_reason_or_marketplace_is_refused(checker):
    with pytest.raises(ValueError):
        checker.check("Hi", reason="nope", marketplace="US")
    with pytest.raises(ValueError):
        checker.check("Hi", reason="invoice", marketplace="JP")


def test_results_are_sorted_and_stable(checker):
    text = "Hello,\n\nUse code SAVE10 for 10% off. We found an problem."
    a = checker.check(text, reason="customer-inquiry", marketplace="US")
    assert a == checker.check(text, reason="customer-inquiry", marketplace="US")
    assert [d.start for d in a] == sorted(d.start for d in a)


def test_a_fresh_checker_loads_every_pack(tmp_path):
    rules = Checker().all_rules()
    assert {r.lang for r in rules} >= {"common", "en", "de", "fr", "es", "it"}


def test_rule_set_version_names_the_packs_as_shipped(tmp_path):
    import shutil

    from composer.locate import resources_dir

    shipped = Checker()
    assert shipped.version == Checker().version
    assert shipped.version.startswith("0.") and "+rules." in shipped.version
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy, ignore=shutil.ignore_patterns("dictionaries"))
    assert Checker(copy).version == shipped.version
    pack = copy / "rules" / "en" / "promotion.toml"
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert Checker(copy).version != shipped.version
