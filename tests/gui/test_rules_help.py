"""The "Messaging rules" reference: every rule listed, filterable, and Explain jumps to one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QTextBrowser

from composer import __version__
from composer.gui.rules_help import RulesHelpDialog, about_text, rule_html


@pytest.fixture
def dialog(qtbot, checker):
    dlg = RulesHelpDialog.for_checker(checker)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _shown_ids(dlg) -> list[str]:
    view = dlg.findChild(QListView, "rulesList")
    model = view.model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def _details(dlg) -> str:
    return dlg.findChild(QTextBrowser, "ruleDetails").toPlainText()


def test_lists_every_rule_once(dialog, checker):
    rules = checker.all_rules()
    assert len(rules) > 5
    assert sorted(_shown_ids(dialog)) == sorted(r.id for r in rules)
    assert dialog.findChild(QLabel, "rulesCount").text() == f"{len(rules)} rules"
    assert dialog.windowTitle() == "Messaging rules"


def test_filter_box_narrows_the_list_to_matching_rules(dialog, qtbot, checker):
    rules = checker.all_rules()
    box = dialog.findChild(QLineEdit, "rulesFilter")
    categories = sorted({r.category for r in rules})
    category = next(c for c in categories if 0 < sum(r.category == c for r in rules) < len(rules))

    qtbot.keyClicks(box, category.upper())
    shown = _shown_ids(dialog)
    assert 0 < len(shown) < len(rules)
    assert {r.id for r in rules if r.category == category} <= set(shown)
    assert dialog.findChild(QLabel, "rulesCount").text() == f"{len(shown)} of {len(rules)} rules"

    # Every word must match, in any field: a second word narrows further.
    target = next(r for r in rules if r.category == category)
    box.setText(f"{category} {target.id}")
    assert target.id in _shown_ids(dialog)
    assert len(_shown_ids(dialog)) <= len(shown)

    box.setText("zzqx-no-such-rule")
    assert _shown_ids(dialog) == []
    assert "No rule matches" in _details(dialog)

    box.clear()
    assert len(_shown_ids(dialog)) == len(rules)


def test_filter_searches_the_explanations_too(dialog, checker):
    rule = next(r for r in checker.all_rules() if len(r.why.split()) > 3)
    word = max(rule.why.split(), key=len).strip(".,;:()\"'")
    dialog.findChild(QLineEdit, "rulesFilter").setText(word)
    assert rule.id in _shown_ids(dialog)


def test_show_rule_selects_and_explains_each_rule(dialog, checker):
    for rule in checker.all_rules():
        assert dialog.show_rule(rule.id)
        assert dialog.current_rule().id == rule.id
        view = dialog.findChild(QListView, "rulesList")
        assert view.currentIndex().data() == rule.id
        assert view.selectionModel().isSelected(view.currentIndex())
        text = _details(dialog)
        assert rule.message in text
        for part in (rule.what, rule.why, rule.instead, rule.since):
            assert part in text
        assert rule.source.split(";")[0].strip() in text


def test_show_rule_clears_a_filter_that_hides_the_rule(dialog, checker):
    rules = checker.all_rules()
    a, b = rules[0], next(r for r in rules if r.category != rules[0].category)
    box = dialog.findChild(QLineEdit, "rulesFilter")
    box.setText(a.id)
    assert b.id not in _shown_ids(dialog)
    assert dialog.show_rule(b.id)
    assert box.text() == ""
    assert dialog.current_rule().id == b.id


def test_unknown_rule_id_keeps_the_current_entry(dialog, checker):
    first = checker.all_rules()[0]
    dialog.show_rule(first.id)
    assert dialog.show_rule("no.such-rule") is False
    assert dialog.current_rule().id == first.id


def test_clicking_an_entry_shows_its_examples(dialog, qtbot, checker):
    rule = next(r for r in checker.all_rules() if r.examples_fail and r.examples_pass)
    view = dialog.findChild(QListView, "rulesList")
    row = _shown_ids(dialog).index(rule.id)
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    text = _details(dialog)
    assert "Fails" in text and "Passes" in text
    assert rule.examples_fail[0] in text
    assert rule.examples_pass[0] in text


def test_rule_text_is_shown_literally_not_as_html(checker):
    rule = checker.all_rules()[0]
    from dataclasses import replace

    evil = replace(rule, what="Use <b>bold</b> & <script>x</script>")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in rule_html(evil)


def test_about_names_version_rule_set_and_data_folder(checker, tmp_path):
    rules = checker.all_rules()
    text = about_text(checker, tmp_path)
    assert f"Seller Composer {__version__}" in text
    assert checker.version in text
    assert f"{len(rules)} rules" in text
    assert max(r.since for r in rules) in text
    assert str(tmp_path) in text
    assert "no network" in text.lower()
