"""The template panel docked beside the composer, and applying a template to the draft."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QMessageBox, QPlainTextEdit

from composer.domain.orders import Order
from composer.domain.placeholders import values_from_order
from composer.domain.templates import TemplateLibrary
from composer.gui.templates_panel import TemplatePanel

if TYPE_CHECKING:
    from composer.gui.main_window import MainWindow


class TemplateDock(QDockWidget):
    """Holds the TemplatePanel on the window's library; `notice` says if the file was damaged."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__("Templates", window)
        self.setObjectName("templatesDock")
        self.main_window = window
        session = window.session
        library, notice = TemplateLibrary.open(session.data_dir)
        self.notice = str(notice) if notice is not None else None
        self.panel = TemplatePanel(library, window.checker, current_draft=window.drafts.current,
                                   seller_name=session.seller_name,
                                   words=session.settings.user_words, parent=self)
        self.setWidget(self.panel)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.toggleViewAction().setText("Show the templates &panel")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)

    def apply_selected(self) -> None:
        if self.panel.apply_selected() is None:
            self.main_window.statusBar().showMessage("Select a template to apply first.")

    def set_order(self, order: Order | None) -> None:
        """The selected order's values fill the placeholders of the next template applied."""
        w = self.main_window
        self.panel.set_order_values(values_from_order(
            order, seller_name=w.session.seller_name, marketplace=w.marketplace)
            if order is not None else {})

    def update_context(self) -> None:
        """The seller's name or dictionary changed: the compliance marks are checked again."""
        settings = self.main_window.session.settings
        self.set_order(self.main_window.order)  # its values carry the seller's name too
        self.panel.set_check_context(seller_name=settings.seller_name,
                                     words=settings.user_words)

    def follow_reason(self, reason: str) -> None:
        """Show the templates for the reason picked; the marketplace filter stays as set."""
        self.panel.set_filters(reason, self.panel.market_filter.currentData() or "")


def replace_text(editor: QPlainTextEdit, text: str) -> None:
    """Replace the whole text as one edit, so Ctrl+Z brings the seller's text back."""
    if editor.toPlainText() == text:
        return
    cursor = QTextCursor(editor.document())
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)


def confirm_replace(window: MainWindow) -> bool:
    """Ask before a template replaces what the seller has written."""
    answer = QMessageBox.question(
        window, "Apply template",
        "Replace the subject and message you have written with the template?\n"
        "Ctrl+Z in the message brings your text back.")
    return answer == QMessageBox.StandardButton.Yes


def apply_template(window: MainWindow, subject: str, body: str, reason: str,
                   marketplace: str) -> bool:
    """Put a template in the draft: reason and marketplace first, then subject and body."""
    w = window
    written = w.subject_edit.text().strip() or w.body_editor.toPlainText().strip()
    if written and w.ask_before_replacing and not confirm_replace(w):
        return False
    if reason in w.checker.reasons:
        w.set_reason(reason)
    if marketplace:
        w.set_marketplace(marketplace)
    replace_text(w.subject_edit, " ".join(subject.splitlines()))
    replace_text(w.body_editor, body)
    w.send_status.clear()
    w.body_editor.setFocus()
    return True
