"""The window's secondary windows: messaging rules, sent messages and settings.

Each is created on first use, so a second request raises the open one instead of stacking
copies. Rules and sent messages are not modal: the seller keeps writing next to them. Settings
is window-modal (a word added from the editor meanwhile would be lost on OK), opened with
`open()` so nothing waits in a nested event loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from composer.domain.settings import SettingsStore
from composer.gui.history_view import history_dialog
from composer.gui.rules_help import RulesHelpDialog
from composer.gui.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from composer.gui.main_window import MainWindow


def _bring_up(dialog: QDialog) -> None:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


class WindowDialogs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.rules: RulesHelpDialog | None = None
        self.history: QDialog | None = None
        self.settings: SettingsDialog | None = None

    def show_rules(self, rule_id: str | None = None) -> RulesHelpDialog:
        """Help → Messaging rules, at `rule_id` when given (Explain)."""
        if self.rules is None:
            self.rules = RulesHelpDialog.for_checker(self.main_window.checker,
                                                     self.main_window)
        if rule_id:
            self.rules.show_rule(rule_id)
        _bring_up(self.rules)
        return self.rules

    def show_history(self, order_id: str | None = None) -> QDialog:
        """File → Sent messages; with `order_id`, only that order's messages."""
        w = self.main_window
        if self.history is None:
            titles = {r.id: r.title for r in w.checker.reasons.values()}
            self.history = history_dialog(w.session.history, reason_titles=titles, parent=w)
        view = self.history.view  # type: ignore[attr-defined]
        if order_id is not None and view.filter_edit.text() != order_id:
            view.set_order_filter(order_id)  # refreshes
        else:
            view.refresh()
        _bring_up(self.history)
        return self.history

    def history_changed(self) -> None:
        """A message was sent: an open history window shows it at once."""
        if self.history is not None and self.history.isVisible():
            self.history.view.refresh()  # type: ignore[attr-defined]

    def show_settings(self) -> SettingsDialog:
        """File → Settings; OK writes settings.json and the window applies them."""
        w = self.main_window
        if self.settings is not None and self.settings.isVisible():
            _bring_up(self.settings)
            return self.settings
        if self.settings is not None:
            self.settings.deleteLater()
        self.settings = SettingsDialog(SettingsStore(w.session.data_dir), w.session.data_dir,
                                       parent=w)
        self.settings.settingsSaved.connect(w.apply_settings)
        self.settings.open()  # window-modal: one settings editor, but nothing blocks
        return self.settings
