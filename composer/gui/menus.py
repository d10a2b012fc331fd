"""The window's menu bar. Every entry is also a window action, so its shortcut works anywhere
in the window; the Templates menu reuses the template panel's own actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from composer.gui.template_model import placeholder_menu

if TYPE_CHECKING:
    from composer.gui.main_window import MainWindow


def add_action(window: MainWindow, menu: QMenu, text: str, key: str | QKeySequence,
               slot: Callable[[], object], name: str = "") -> QAction:
    action = QAction(text, window)
    if name:
        action.setObjectName(name)
    action.setShortcut(key)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.addAction(action)
    return action


def build_menus(w: MainWindow) -> None:
    _file_menu(w)
    _templates_menu(w)
    _insert_menu(w)
    check = w.menuBar().addMenu("&Check")
    w.next_action = add_action(w, check, "&Next problem", "F8", w.next_problem)
    w.prev_action = add_action(w, check, "&Previous problem", "Shift+F8", w.previous_problem)
    check.addSeparator()
    check.addAction(w.problems.explain_action)
    help_menu = w.menuBar().addMenu("&Help")
    add_action(w, help_menu, "&Messaging rules…", "F1", w.show_rules, "rulesAction")
    add_action(w, help_menu, "&About Seller Composer", "", w.show_about)


def _file_menu(w: MainWindow) -> None:
    menu = w.menuBar().addMenu("&File")
    add_action(w, menu, "&New message", "Ctrl+N", w.new_message, "newMessageAction")
    add_action(w, menu, "&Import order report…", "Ctrl+O", w.choose_order_report)
    add_action(w, menu, "&Send (copy and record)", "Ctrl+Return", w.send)
    menu.addSeparator()
    add_action(w, menu, "Sent &messages…", "Ctrl+H", w.show_sent_messages,
               "sentMessagesAction")
    add_action(w, menu, "Se&ttings…", QKeySequence(QKeySequence.StandardKey.Preferences),
               w.open_settings, "settingsAction")
    menu.addSeparator()
    add_action(w, menu, "&Quit", "Ctrl+Q", w.close)


def _templates_menu(w: MainWindow) -> None:
    panel = w.templates.panel
    menu = w.menuBar().addMenu("&Templates")
    menu.setObjectName("templatesMenu")
    apply = add_action(w, menu, "&Apply the selected template", "Ctrl+T",
                       w.templates.apply_selected, "applyTemplateAction")
    panel.apply_button.setToolTip(
        f"Apply ({apply.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
    add_action(w, menu, "&Save draft as template…", "", panel.ask_save_draft,
               "saveTemplateAction")
    menu.addSeparator()
    menu.addActions(panel.menu.actions())
    menu.addSeparator()
    menu.addAction(w.templates.toggleViewAction())


def _insert_menu(w: MainWindow) -> None:
    """Placeholders typed where the cursor is, and filling them from the selected order."""
    menu = placeholder_menu(w, lambda token: w.focused_editor().insertPlainText(token))
    menu.setTitle("&Insert")
    w.menuBar().addMenu(menu)
    menu.addSeparator()
    add_action(w, menu, "Fill fields from the &order", "Ctrl+Shift+F", w.fill_placeholders)
