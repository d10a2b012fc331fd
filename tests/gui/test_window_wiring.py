"""The window with its templates dock, settings, sent messages, notices and Explain."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import TODAY, wait_checked
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QToolButton

from composer.app import make_window
from composer.domain.settings import Settings, SettingsStore
from composer.gui.rules_help import RulesHelpDialog
from composer.gui.session import tooltip_html
from composer.gui.settings_dialog import SettingsDialog
from composer.rules import Diagnostic

ORDERS = Path("/work/shared/orders")
US_REPORT = ORDERS / "order-report-mfn-us.tsv"
ORDER = "113-1068679-3444044"  # Sarah Miller, bought 2026-11-01
CLEAN = ("The shelf is 31.5 inches wide and holds up to 40 pounds. "
         "The screws are in the small bag inside the box.")
DISCOUNT = "Use code SAVE10 for 10% off your next order."
SELLER = "Oak and Pine Home"

needs_orders = pytest.mark.skipif(not US_REPORT.exists(), reason="no sample report")


@pytest.fixture
def window(qtbot, tmp_path, checker):
    """A window on a data folder whose settings name the seller (as after the first run)."""
    SettingsStore(tmp_path).save(Settings("US", SELLER))
    w = make_window(tmp_path, checker=checker, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wait_checked(qtbot, w)
    yield w
    w.close()
    w.session.close()


def answer_modal(qtbot, answer, seen: list[str]) -> None:
    """When the next modal dialog is up, note its text and let `answer(dialog)` close it."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog.text() if isinstance(dialog, QMessageBox) else dialog.objectName())
        answer(dialog)

    QTimer.singleShot(0, poll)


def select_order(qtbot, w, order_id: str = ORDER, delivered_days_ago: int | None = None):
    w.import_orders(US_REPORT)
    assert w.orders_panel.select_order(order_id)
    if delivered_days_ago is not None:
        day = (TODAY - timedelta(days=delivered_days_ago)).isoformat()
        w.orders_panel.delivery_edit.setDate(QDate.fromString(day, Qt.DateFormat.ISODate))
    wait_checked(qtbot, w)


def apply_template(qtbot, w, template_id: str) -> None:
    panel = w.templates.panel
    panel.set_filters()
    assert panel.select(template_id), panel.shown_names()
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    wait_checked(qtbot, w)


def history_rows(w) -> list[tuple[str, str]]:
    model = w.dialogs.history.view.model
    return [(model.index(r, 1).data(), model.index(r, 3).data())
            for r in range(model.rowCount())]


# ----- templates -----
def test_the_template_panel_is_docked_with_the_starters(window):
    w = window
    panel = w.findChild(object, "templatePanel")
    assert panel is w.templates.panel and panel.isVisible()
    assert w.findChild(object, "templatesDock").isVisible()
    panel.set_filters()
    assert "Review request (EN)" in panel.shown_names()
    menu = w.findChild(object, "templatesMenu")
    names = {a.objectName() for a in menu.actions()}
    assert {"applyTemplateAction", "templateRenameAction", "templateExportAction",
            "templateImportAction"} <= names


@needs_orders
def test_a_template_applied_to_an_order_is_filled_checked_and_sendable(qtbot, window):
    w = window
    select_order(qtbot, w, delivered_days_ago=10)
    apply_template(qtbot, w, "starter-en-review-request")
    assert w.reason == "review-request"
    assert w.reason_picker.currentText() == w.checker.reasons["review-request"].title
    assert w.subject_edit.text() == f"Review of your order {ORDER}"
    body = w.body_editor.toPlainText()
    assert body.startswith("Hello Sarah Miller,") and body.endswith(SELLER)
    assert "{" not in body
    assert w.send_button.isEnabled(), w.send_button.toolTip()
    qtbot.mouseClick(w.send_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith(f"Review of your order {ORDER}")
    # the same template again for the same order: the second request is refused
    answer_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), [])
    apply_template(qtbot, w, "starter-en-review-request")
    assert w.body_editor.toPlainText() == body
    assert not w.send_button.isEnabled()
    assert "already sent" in w.send_button.toolTip()


def test_a_template_over_a_written_draft_asks_and_undo_restores_it(qtbot, window):
    w = window
    w.body_editor.setFocus()
    qtbot.keyClicks(w.body_editor, "My own words.")
    seen: list[str] = []
    answer_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.No).click(), seen)
    apply_template(qtbot, w, "starter-en-invoice")
    assert len(seen) == 1 and "Replace" in seen[0]
    assert w.body_editor.toPlainText() == "My own words."
    assert w.reason == "customer-inquiry"  # "No" changes nothing at all

    answer_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click(), seen)
    apply_template(qtbot, w, "starter-en-invoice")
    assert len(seen) == 2
    assert w.reason == "invoice"
    assert "Please find attached the invoice" in w.body_editor.toPlainText()
    w.body_editor.undo()
    assert w.body_editor.toPlainText() == "My own words."


def test_without_an_order_the_order_placeholders_stay_and_block_send(qtbot, window):
    w = window
    apply_template(qtbot, w, "starter-en-invoice")
    assert "{buyer_name}" in w.body_editor.toPlainText()
    assert SELLER in w.body_editor.toPlainText()
    assert "{buyer_name}" in w.templates.panel.status.text()
    assert not w.send_button.isEnabled()
    assert any(p.mark.diagnostic.category == "placeholder" for p in w.problems.problems)


def test_the_template_list_follows_the_reason_picked(window):
    w = window
    w.set_reason("return")
    panel = w.templates.panel
    assert panel.shown_names() == ["Return question (EN)", "Frage zur Rücksendung (DE)"]
    w.set_reason("invoice")
    assert all(w.checker.reasons["invoice"].title in panel.model.index(r, 2).data()
               for r in range(panel.model.rowCount()))


# ----- settings -----
def test_settings_saved_apply_at_once(qtbot, window, tmp_path):
    w = window
    w.findChild(object, "settingsAction").trigger()
    dialog = w.findChild(SettingsDialog, "settingsDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.name_edit.text() == SELLER
    dialog.name_edit.setText("Lampenladen")
    dialog.market_combo.setCurrentIndex(dialog.market_combo.findData("DE"))
    dialog.add_word("Zorbly")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["seller_name"] == "Lampenladen" and saved["default_marketplace"] == "DE"
    assert w.marketplace == "DE"  # the empty draft takes the new default
    wait_checked(qtbot, w)
    assert w.result.request.context.seller_name == "Lampenladen"
    assert "Zorbly" in w.result.request.context.words
    apply_template(qtbot, w, "starter-de-invoice")
    assert w.body_editor.toPlainText().endswith("Lampenladen")


@needs_orders
def test_a_new_seller_name_reaches_templates_for_the_selected_order(qtbot, window):
    w = window
    select_order(qtbot, w)
    w.open_settings()
    dialog = w.findChild(SettingsDialog, "settingsDialog")
    dialog.name_edit.setText("Lampenladen")
    dialog.accept()
    assert w.marketplace == "US"  # the order's marketplace, not the default
    apply_template(qtbot, w, "starter-en-invoice")
    body = w.body_editor.toPlainText()
    assert body.startswith("Hello Sarah Miller,") and body.endswith("Lampenladen")


@needs_orders
def test_save_draft_as_template_puts_the_placeholders_back(qtbot, window, tmp_path):
    w = window
    select_order(qtbot, w)
    w.body_editor.setPlainText(f"Hello Sarah Miller, your order {ORDER} ships today.\n{SELLER}")
    t = w.templates.panel.save_draft_as("Ships today", w.drafts.current())
    assert t is not None and t.reason == "customer-inquiry" and t.marketplace == "US"
    saved = json.loads((tmp_path / "templates.json").read_text(encoding="utf-8"))
    body = next(x["body"] for x in saved["templates"] if x["name"] == "Ships today")
    assert body == "Hello {buyer_name}, your order {order_id} ships today.\n{seller_name}"


def test_new_message_starts_in_the_default_marketplace(qtbot, window):
    w = window
    w.set_marketplace("UK")
    w.body_editor.setPlainText(CLEAN)
    w.findChild(object, "newMessageAction").trigger()
    assert w.body_editor.toPlainText() == "" and w.marketplace == "US"


# ----- sending without an order, sent messages -----
def test_a_reply_without_an_order_is_recorded_as_no_order(qtbot, window, tmp_path):
    w = window
    assert w.order is None and w.reason == "customer-inquiry"
    w.subject_edit.setText("Shelf size")
    w.body_editor.setPlainText(CLEAN)
    wait_checked(qtbot, w)
    assert w.send_button.isEnabled(), w.send_button.toolTip()
    qtbot.mouseClick(w.send_button, Qt.MouseButton.LeftButton)
    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        assert db.execute("SELECT order_id, subject FROM messages").fetchall() == [
            ("", "Shelf size")]
    w.findChild(object, "sentMessagesAction").trigger()
    assert history_rows(w) == [("(no order)", "Shelf size")]
    w.dialogs.history.view.table.selectRow(0)
    assert "(no order)" in w.dialogs.history.view.detail.toPlainText()


@needs_orders
def test_a_proactive_message_needs_an_order(qtbot, window):
    w = window
    w.set_reason("invoice")
    w.body_editor.setPlainText("Hello, the invoice for your order is attached.")
    wait_checked(qtbot, w)
    assert not w.send_button.isEnabled()
    assert "Select the order" in w.send_button.toolTip()
    select_order(qtbot, w)
    assert w.send_button.isEnabled(), w.send_button.toolTip()


@needs_orders
def test_sent_messages_window_follows_sends_and_filters_by_order(qtbot, window):
    w = window
    select_order(qtbot, w)
    w.subject_edit.setText("Shelf size")
    w.body_editor.setPlainText(CLEAN)
    wait_checked(qtbot, w)
    w.send()
    w.findChild(object, "sentMessagesAction").trigger()
    dialog = w.findChild(object, "historyDialog")
    assert dialog.isVisible() and not dialog.isModal()
    assert history_rows(w) == [(ORDER, "Shelf size")]

    w.orders_panel.table.clearSelection()
    assert w.order is None
    w.new_message()
    w.subject_edit.setText("Screws")
    w.body_editor.setPlainText(CLEAN)
    wait_checked(qtbot, w)
    w.send()
    assert history_rows(w) == [(ORDER, "Shelf size"), ("(no order)", "Screws")]  # while open

    action = w.findChild(object, "orderMessagesAction")
    assert not action.isEnabled()  # no order selected
    assert action in w.orders_panel.table.actions()
    w.orders_panel.select_order(ORDER)
    assert action.isEnabled()
    action.trigger()
    assert w.dialogs.history.view.filter_edit.text() == ORDER
    assert history_rows(w) == [(ORDER, "Shelf size")]
    assert w.findChildren(type(dialog), "historyDialog") == [dialog]  # the same window


# ----- explain -----
def test_explain_opens_the_rules_at_the_selected_problem(qtbot, window):
    w = window
    w.body_editor.setPlainText("Hello.\n" + DISCOUNT + "\nCall me at 555-123-4567.")
    wait_checked(qtbot, w)
    problems = w.problems.problems
    rules = [p.mark.diagnostic.rule for p in problems]
    assert len(set(rules)) >= 2, rules
    assert w.problems.explain_action in w.problems.actions()
    assert w.problems.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    row = next(i for i, r in enumerate(rules) if r != rules[0])
    index = w.problems.model().index(row, 2)
    qtbot.mouseClick(w.problems.viewport(), Qt.MouseButton.LeftButton,
                     pos=w.problems.visualRect(index).center())
    button = w.findChild(QToolButton, "explainButton")
    assert button.isEnabled() and button.text() == "Explain"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = w.findChild(RulesHelpDialog, "rulesHelpDialog")
    assert dialog.isVisible()
    assert dialog.current_rule().id == rules[row]
    assert rules[row] in dialog.findChild(object, "ruleDetails").toPlainText()

    w.problems.setCurrentIndex(w.problems.model().index(0, 0))
    w.findChild(object, "rulesAction").trigger()  # F1
    assert dialog.current_rule().id == rules[0]
    assert w.findChildren(RulesHelpDialog) == [dialog]


def test_explain_is_disabled_without_problems(qtbot, window):
    w = window
    w.body_editor.setPlainText(CLEAN)
    wait_checked(qtbot, w)
    assert not w.problems.problems
    assert not w.findChild(QToolButton, "explainButton").isEnabled()


def test_an_empty_suggestion_reads_remove_it():
    d = Diagnostic("en.test.filler", "grammar", "warning", 0, 5, "Drop the filler word.",
                   suggestions=("", "just"))
    assert "<i>Fix:</i> remove it / just" in tooltip_html(d, {})


# ----- damaged files -----
DAMAGED = {
    "orders.sqlite3": b"this is not a database at all, just some words " * 40,
    "history.sqlite3": b"\x00garbage\xff" * 200,
    "templates.json": b"{ not json",
    "settings.json": b"[1, 2",
    "draft.json": b"\xff\xfe nonsense",
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_a_damaged_file_is_moved_aside_and_the_seller_is_told(qtbot, tmp_path, checker, name):
    (tmp_path / name).write_bytes(DAMAGED[name])
    w = make_window(tmp_path, checker=checker, today=lambda: TODAY)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    wait_checked(qtbot, w)
    bar, text = w.findChild(object, "noticeBar"), w.findChild(object, "noticeText")
    assert bar.isVisible()
    assert name in text.text() and "moved to" in text.text()
    moved = list(tmp_path.glob(f"{name}.corrupt-*"))
    assert len(moved) == 1 and moved[0].name in text.text()
    assert moved[0].read_bytes() == DAMAGED[name]  # kept, not overwritten
    assert name in w.statusBar().currentMessage()
    # the app works: the window checks, and templates are there even if their file was bad
    w.body_editor.setPlainText(DISCOUNT)
    wait_checked(qtbot, w)
    assert w.problems.problems and not w.send_button.isEnabled()
    w.templates.panel.set_filters()
    assert len(w.templates.panel.shown_names()) >= 18
    qtbot.mouseClick(w.findChild(QToolButton, "noticeClose"), Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    w.close()
    w.session.close()


def test_no_notice_on_a_healthy_start(window):
    assert not window.findChild(object, "noticeBar").isVisible()
