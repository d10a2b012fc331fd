"""The composer window as a seller uses it: type, see the problem, fix it, send."""

from __future__ import annotations

import sqlite3

from conftest import underlines, utf16_slice, wait_checked
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from composer.gui.main_window import PASTE_HINT

DISCOUNT = "Use code SAVE10 for 10% off your next order."
CLEAN = ("The shelf is 31.5 inches wide and holds up to 40 pounds. "
         "The screws are in the small bag inside the box.")


def type_body(qtbot, window, text: str) -> None:
    window.body_editor.setFocus()
    for n, line in enumerate(text.split("\n")):
        if n:  # QTest can only type printable ASCII
            qtbot.keyClick(window.body_editor, Qt.Key.Key_Return)
        qtbot.keyClicks(window.body_editor, line)
    wait_checked(qtbot, window)


def promotion_spans(window) -> list[tuple[int, int]]:
    return [(d.start, d.end) for d in window.result.diagnostics
            if d.category == "promotion" and d.field == "text"]


def test_typed_discount_code_is_underlined_and_blocks_send(qtbot, composer_window):
    w = composer_window
    type_body(qtbot, w, DISCOUNT)
    text = w.body_editor.toPlainText()
    assert not w.send_button.isEnabled()
    assert "coupon" in w.send_button.toolTip() or "discount" in w.send_button.toolTip()
    marks = underlines(w.body_editor)
    assert marks, "the discount code is not underlined"
    painted = {i for s, e, _f in marks for i in range(s, e)}
    flagged = {i for s, e in promotion_spans(w) for i in range(s, e)}
    assert painted == flagged  # ASCII text: code points and UTF-16 agree
    assert "code SAVE10" in text[min(flagged):max(flagged) + 1]
    assert all(f.underlineStyle() == f.UnderlineStyle.WaveUnderline for _s, _e, f in marks)


def test_underline_stays_exact_after_an_emoji(qtbot, composer_window):
    w = composer_window
    w.body_editor.insertPlainText("😀 " + DISCOUNT)
    wait_checked(qtbot, w)
    text = w.body_editor.toPlainText()
    covered = [utf16_slice(text, s, e) for s, e, _f in underlines(w.body_editor)]
    d = min(promotion_spans(w))
    assert text[d[0]:d[1]].endswith("code SAVE10")
    # Qt counts the emoji as two units: the underline must still start on the word
    assert any(c.startswith(text[d[0]:d[1]]) for c in covered), covered
    assert not any(c.startswith(("\ude00", " ")) for c in covered)


def test_underline_follows_the_text_while_typing_before_it(qtbot, composer_window):
    w = composer_window
    w.body_editor.setPlainText(DISCOUNT)
    wait_checked(qtbot, w)
    cursor = w.body_editor.textCursor()
    cursor.setPosition(0)
    w.body_editor.setTextCursor(cursor)
    w.body_editor.insertPlainText("😀")  # QTest cannot type a surrogate pair
    qtbot.keyClicks(w.body_editor, " Hi. ")
    # before and after the re-check, the underline starts on the same word
    text = w.body_editor.toPlainText()

    def underlined_words() -> list[str]:
        return [utf16_slice(text, s, e).split()[0] for s, e, _f in underlines(w.body_editor)]

    assert underlined_words()[0] == "Use"  # moved with the edit, before any re-check
    wait_checked(qtbot, w)
    assert "Use" in underlined_words()


def test_fixing_the_message_enables_send_and_send_copies_and_records(qtbot, composer_window,
                                                                     tmp_path):
    w = composer_window
    w.subject_edit.setText("Shelf size")
    type_body(qtbot, w, DISCOUNT)
    assert not w.send_button.isEnabled()
    w.body_editor.selectAll()
    qtbot.keyClicks(w.body_editor, CLEAN)
    wait_checked(qtbot, w)
    assert underlines(w.body_editor) == []
    assert w.problems.model().rowCount() == 0
    assert w.send_button.isEnabled(), w.send_button.toolTip()
    qtbot.mouseClick(w.send_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Shelf size\n\n" + CLEAN
    assert PASTE_HINT in w.send_status.text()
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        rows = db.execute("SELECT reason, marketplace, subject, text, ruleset_version"
                          " FROM messages").fetchall()
    assert rows == [("customer-inquiry", "US", "Shelf size", CLEAN, w.session.checker.version)]


def test_send_is_disabled_until_the_check_of_the_latest_text_is_in(qtbot, composer_window):
    w = composer_window
    type_body(qtbot, w, CLEAN)
    assert w.send_button.isEnabled()
    w.body_editor.insertPlainText(" " + DISCOUNT)
    assert not w.send_button.isEnabled()  # no verdict for this revision yet
    wait_checked(qtbot, w)
    assert not w.send_button.isEnabled()


def test_subject_is_underlined_too(qtbot, composer_window):
    w = composer_window
    type_body(qtbot, w, CLEAN)
    w.subject_edit.setFocus()
    qtbot.keyClicks(w.subject_edit, "Use code SAVE10")
    wait_checked(qtbot, w)
    text = w.subject_edit.text()
    marks = underlines(w.subject_edit)
    assert marks and "code SAVE10" in "".join(text[s:e] for s, e, _f in marks)
    assert not w.send_button.isEnabled()
    assert w.problems.problem_model.problems[0].where == "Subject"


def test_clicking_a_problem_selects_its_text(qtbot, composer_window):
    w = composer_window
    type_body(qtbot, w, "Hello.\n" + DISCOUNT)
    view = w.problems
    assert view.model().rowCount() >= 1
    index = view.model().index(0, 2)
    assert "discount" in index.data().lower() or "coupon" in index.data().lower()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())
    problem = view.problem_model.problems[0]
    selected = w.body_editor.textCursor().selectedText()
    d = problem.mark.diagnostic
    assert selected == w.body_editor.toPlainText()[d.start:d.end]
    assert selected


def test_f8_and_shift_f8_walk_the_problems(qtbot, composer_window):
    w = composer_window
    type_body(qtbot, w, DISCOUNT + "\nPlease enter coupon code SPRING at checkout.")
    rows = w.problems.problem_model.problems
    assert len(rows) >= 2
    text = w.body_editor.toPlainText()

    def selected_row() -> int:
        sel = w.body_editor.textCursor()
        span = (sel.selectionStart(), sel.selectionEnd())
        return next(i for i, p in enumerate(rows) if (p.mark.start, p.mark.end) == span)

    w.activateWindow()
    qtbot.keyClick(w.body_editor, Qt.Key.Key_F8)
    assert selected_row() == 0
    qtbot.keyClick(w.body_editor, Qt.Key.Key_F8)
    assert selected_row() == 1
    qtbot.keyClick(w.body_editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert selected_row() == 0
    qtbot.keyClick(w.body_editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert selected_row() == len(rows) - 1  # wraps around
    assert w.body_editor.textCursor().selectedText() in text


def test_length_counter_follows_the_reason_limit(qtbot, composer_window):
    w = composer_window
    type_body(qtbot, w, "x" * 10)
    assert w.length_label.text() == "10 / 2,000 characters"
    w.set_reason("custom-design")
    assert w.length_label.text() == "10 / 800 characters"
    assert "800" in w.reason_info.text()


def test_controls_have_names_for_tests_and_assistive_technology(composer_window):
    w = composer_window
    for name in ("reasonPicker", "marketplacePicker", "orderTable", "orderFilter",
                 "deliveryDateEdit", "subjectEdit", "bodyEditor", "problemsList",
                 "lengthLabel", "sendButton"):
        widget = w.findChild(object, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    picker = w.marketplace_picker
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "US", "CA", "UK", "DE", "FR", "ES", "IT"]
    assert w.reason_picker.count() == len(w.checker.reasons)


def test_while_a_slow_check_waits_the_typed_paragraph_is_underlined_at_once(qtbot,
                                                                           composer_window):
    w = composer_window
    w.runner.sync_budget_s = 0  # as if the engine were slow: full checks go to the worker
    w.body_editor.setPlainText("Hello,\nThe shelf ships today.\nBest regards")
    wait_checked(qtbot, w)
    cursor = w.body_editor.textCursor()
    cursor.setPosition(len("Hello,\nThe shelf ships today."))
    w.body_editor.setTextCursor(cursor)
    qtbot.keyClicks(w.body_editor, " Use code SAVE10 now.")
    assert w.result is None and not w.send_button.isEnabled()  # no verdict yet
    text = w.body_editor.toPlainText()
    now = [text[s:e] for s, e, _f in underlines(w.body_editor)]
    assert any("code SAVE10" in u for u in now), now
    wait_checked(qtbot, w)
    later = [text[s:e] for s, e, _f in underlines(w.body_editor)]
    assert now == later


def test_replacing_the_whole_text_drops_old_underlines_until_the_next_verdict(qtbot,
                                                                            composer_window):
    w = composer_window
    w.runner.sync_budget_s = 0
    w.body_editor.setPlainText(DISCOUNT)
    wait_checked(qtbot, w)
    assert underlines(w.body_editor)
    w.body_editor.setPlainText(CLEAN + "\n" + CLEAN)
    assert underlines(w.body_editor) == []  # nothing stale stretched over the new text
    wait_checked(qtbot, w)
    assert w.send_button.isEnabled()


def test_ctrl_return_sends_from_the_editor_only_when_compliant(qtbot, composer_window,
                                                             tmp_path):
    w = composer_window
    QGuiApplication.clipboard().setText("before")
    type_body(qtbot, w, DISCOUNT)
    w.activateWindow()
    qtbot.keyClick(w.body_editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "before"
    w.body_editor.setPlainText(CLEAN)
    wait_checked(qtbot, w)
    qtbot.keyClick(w.body_editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == CLEAN
    assert w.body_editor.toPlainText() == CLEAN  # no line break typed
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM messages").fetchone() == (1,)


def test_the_subject_stays_one_line(qtbot, composer_window):
    w = composer_window
    QGuiApplication.clipboard().setText("Your order\nand its delivery")
    w.subject_edit.setFocus()
    w.subject_edit.paste()
    qtbot.keyClick(w.subject_edit, Qt.Key.Key_Return)
    assert w.subject_edit.text() == "Your order and its delivery"
    assert w.subject_edit.document().blockCount() == 1
