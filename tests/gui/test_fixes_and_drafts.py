"""Right-click fixes, the user dictionary, hover texts and the draft kept across restarts."""

from __future__ import annotations

import json

from conftest import TODAY, underlines, wait_checked
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from composer.app import make_window


def point_of(editor, pos: int) -> QPoint:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(pos)
    return editor.cursorRect(cursor).center()


def menu_for(editor, text: str, which: int = 0):
    """The right-click menu over the `which`-th occurrence of `text`."""
    plain = editor.toPlainText()
    pos = plain.index(text)
    for _ in range(which):
        pos = plain.index(text, pos + 1)
    return editor.build_context_menu(point_of(editor, pos + 1))


def action_named(menu, start: str):
    return next((a for a in menu.actions() if a.text().startswith(start)), None)


def test_a_rule_fix_replaces_the_flagged_text(qtbot, composer_window):
    w = composer_window
    w.body_editor.setPlainText("The shelf works great great for books.")
    wait_checked(qtbot, w)
    assert any(d.suggestions for d in w.result.diagnostics)  # the repeated-word fix
    d = next(d for d in w.result.diagnostics if d.suggestions)
    flagged = w.body_editor.toPlainText()[d.start:d.end]
    menu = menu_for(w.body_editor, flagged)
    fix = action_named(menu, "Replace with")
    assert fix is not None, [a.text() for a in menu.actions()]
    fix.trigger()
    wait_checked(qtbot, w)
    assert w.body_editor.toPlainText() == "The shelf works great for books."
    assert not any(x.rule == d.rule for x in w.result.diagnostics)


def _misspelled(qtbot, w, text: str) -> str:
    w.body_editor.setPlainText(text)
    wait_checked(qtbot, w)
    spelling = [d for d in w.result.diagnostics if d.category == "spelling"]
    assert spelling, text
    return text[spelling[0].start:spelling[0].end]


def test_spelling_menu_offers_suggestions_and_remembers_added_words(qtbot, composer_window,
                                                                    tmp_path, checker):
    w = composer_window
    word = _misspelled(qtbot, w, "Your shelf was shipped and is recieved soon.")
    assert word == "recieved"
    start = w.body_editor.toPlainText().index(word)
    spell = [(s, e, f) for s, e, f in underlines(w.body_editor) if s == start]
    assert spell and spell[0][1] == start + len(word)
    assert spell[0][2].underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    menu = menu_for(w.body_editor, word)
    assert action_named(menu, "Replace with “received”") is not None
    add = action_named(menu, "Add “")
    assert add is not None and action_named(menu, "Ignore “") is not None
    add.trigger()
    wait_checked(qtbot, w)
    assert word not in [w.body_editor.toPlainText()[d.start:d.end]
                        for d in w.result.diagnostics if d.category == "spelling"]
    settings = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert word in settings["user_words"]
    w.close()
    again = make_window(tmp_path, checker=checker, today=lambda: TODAY)
    qtbot.addWidget(again)
    again.body_editor.setPlainText(f"The {word} shelf.")
    wait_checked(qtbot, again)
    assert not [d for d in again.result.diagnostics if d.category == "spelling"]
    again.close()
    again.session.close()


def test_ignore_lasts_for_this_message_only(qtbot, composer_window):
    w = composer_window
    word = _misspelled(qtbot, w, "The zorblat shelf was shipped today.")
    action_named(menu_for(w.body_editor, word), "Ignore “").trigger()
    wait_checked(qtbot, w)
    assert not [d for d in w.result.diagnostics if d.category == "spelling"]
    w.new_message()
    w.body_editor.setPlainText("The zorblat shelf was shipped today.")
    wait_checked(qtbot, w)
    assert [d for d in w.result.diagnostics if d.category == "spelling"]


def test_hovering_flagged_text_explains_the_rule(qtbot, composer_window):
    w = composer_window
    w.body_editor.setPlainText("Use code SAVE10 for 10% off your next order.")
    wait_checked(qtbot, w)
    editor = w.body_editor
    local = point_of(editor, 5)
    at = editor.viewport().mapTo(editor, local)
    QApplication.sendEvent(editor, QHelpEvent(QEvent.Type.ToolTip, at, editor.mapToGlobal(at)))
    tip = QToolTip.text()
    d = next(d for d in w.result.diagnostics if d.category == "promotion")
    assert d.message.split(":")[0] in tip
    assert "Why:" in tip and "Source:" in tip


def test_the_draft_survives_a_restart_without_the_buyer_name(qtbot, composer_window, tmp_path,
                                                             checker):
    w = composer_window
    w.import_orders("/work/shared/orders/order-report-mfn-us.tsv")
    assert w.orders_panel.select_order("113-1068679-3444044")
    w.set_reason("order-fulfillment-issue")
    w.subject_edit.setText("Your shelf order")
    w.body_editor.setPlainText("Hello Sarah Miller, the shelf is delayed by two days.")
    w.close()
    saved = (tmp_path / "draft.json").read_text(encoding="utf-8")
    assert "Sarah" not in saved
    again = make_window(tmp_path, checker=checker, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.body_editor.toPlainText() == (
        "Hello Sarah Miller, the shelf is delayed by two days.")
    assert again.subject_edit.text() == "Your shelf order"
    assert again.reason == "order-fulfillment-issue"
    assert again.order is not None and again.order.order_id == "113-1068679-3444044"
    again.close()
    again.session.close()


def test_send_tooltip_says_why_it_is_disabled(qtbot, composer_window):
    w = composer_window
    assert not w.send_button.isEnabled()
    assert "Write the message first" in w.send_button.toolTip()


def test_f1_opens_the_rule_of_the_selected_problem(qtbot, composer_window):
    w = composer_window
    w.body_editor.setPlainText("Use code SAVE10 for 10% off your next order.")
    wait_checked(qtbot, w)
    w.next_problem()
    rule = w.problems.problem_model.problems[w.problems.currentIndex().row()].mark.diagnostic.rule
    w.show_rules()
    from composer.gui.rules_help import RulesHelpDialog

    dialog = w.findChild(RulesHelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.current_rule().id == rule
    dialog.close()


def test_tab_walks_reason_order_subject_body_problems_send(qtbot, composer_window):
    w = composer_window
    names = []
    widget = w.reason_picker
    for _ in range(9):
        names.append(widget.objectName())
        widget = widget.nextInFocusChain()
        while (not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
               or not widget.objectName() or widget.objectName().startswith("qt_")):
            widget = widget.nextInFocusChain()
    assert names == ["reasonPicker", "marketplacePicker", "orderFilter", "orderTable",
                     "deliveryDateEdit", "subjectEdit", "bodyEditor", "problemsList",
                     "sendButton"]


def test_remove_it_deletes_a_phone_number(qtbot, composer_window):
    w = composer_window
    w.body_editor.setPlainText("The shelf ships today. Call 555-123-4567 with questions.")
    wait_checked(qtbot, w)
    phone = [d for d in w.result.diagnostics if d.category == "contact-info"]
    assert phone and not w.send_button.isEnabled()
    assert phone[0].suggestions == ("",)  # the fix is "remove it"
    action_named(menu_for(w.body_editor, "555-123-4567"), "Remove it").trigger()
    wait_checked(qtbot, w)
    assert "555" not in w.body_editor.toPlainText()
    assert not [d for d in w.result.diagnostics if d.category == "contact-info"]
