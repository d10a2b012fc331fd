"""The body and subject editors: plain text, underlined by a DiagnosticHighlighter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QContextMenuEvent, QFontMetrics, QKeyEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QMenu, QPlainTextEdit, QSizePolicy, QToolTip, QWidget

from composer.gui.highlighter import DiagnosticHighlighter, Mark
from composer.rules import Diagnostic

TooltipBuilder = Callable[[Diagnostic], str]
MenuBuilder = Callable[[QMenu, Mark, "CheckedEditor"], None]


class CheckedEditor(QPlainTextEdit):
    """A plain-text editor whose diagnostics show as underlines, tooltips and menu entries."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.highlighter = DiagnosticHighlighter(self.document())
        self.tooltip_builder: TooltipBuilder | None = None
        self.menu_builder: MenuBuilder | None = None

    def select_span(self, start: int, end: int) -> None:
        """Select document positions `start`..`end` (UTF-16) and show them."""
        cursor = self.textCursor()
        size = self.document().characterCount() - 1
        cursor.setPosition(min(start, size))
        cursor.setPosition(min(end, size), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def mark_at_point(self, point) -> Mark | None:
        pos = self.cursorForPosition(point).position()
        marks = self.highlighter.marks_at(pos)
        return marks[0] if marks else None

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ToolTip and self.tooltip_builder is not None:
            point = self.viewport().mapFrom(self, ev.pos())
            mark = self.mark_at_point(point)
            if mark is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(ev.globalPos(), self.tooltip_builder(mark.diagnostic), self)
            return True
        return super().event(ev)

    def contextMenuEvent(self, ev: QContextMenuEvent) -> None:
        menu = self.build_context_menu(ev.pos())
        menu.exec(ev.globalPos())
        menu.deleteLater()

    def build_context_menu(self, point) -> QMenu:
        """The standard menu, with fixes for the flagged text under `point` on top."""
        menu = self.createStandardContextMenu(point)
        mark = self.mark_at_point(point)
        if mark is not None and self.menu_builder is not None:
            first = menu.actions()[0] if menu.actions() else None
            extra = QMenu(self)
            self.menu_builder(extra, mark, self)
            for action in extra.actions():
                action.setParent(menu)
                menu.insertAction(first, action)
            if extra.actions() and first is not None:
                menu.insertSeparator(first)
        return menu

    def replace_span(self, start: int, end: int, text: str) -> None:
        """Replace document positions `start`..`end` as one undoable edit."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)

    def span_text(self, start: int, end: int) -> str:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()


class BodyEditor(CheckedEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("text", parent)
        self.setObjectName("bodyEditor")
        self.setAccessibleName("Message body")
        self.setPlaceholderText("Write the message to the buyer…")
        self.setTabChangesFocus(True)


class SubjectEdit(CheckedEditor):
    """A one-line editor (QLineEdit has no document to underline in)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("subject", parent)
        self.setObjectName("subjectEdit")
        self.setAccessibleName("Subject")
        self.setPlaceholderText("Subject")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setWordWrapMode(QTextOption.WrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(3)
        line = QFontMetrics(self.font()).lineSpacing()
        self.setFixedHeight(line + 2 * 3 + 2 * self.frameWidth() + 4)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(" ".join(text.splitlines()))

    def keyPressEvent(self, ev: QKeyEvent) -> None:
        if ev.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(ev)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.insertPlainText(" ".join(source.text().splitlines()))
