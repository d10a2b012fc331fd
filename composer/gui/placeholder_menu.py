"""Placeholders in the window: fill `{buyer_name}` and friends from the selected order."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from composer.domain.orders import Order
from composer.domain.placeholders import fill, placeholders_in, values_from_order


def fill_editors(editors: list[QPlainTextEdit], order: Order, *, seller_name: str,
                 marketplace: str) -> tuple[int, list[str]]:
    """Fill every placeholder the order knows, as one undoable edit per editor.

    Returns how many placeholders were filled and the names still left empty.
    """
    values = values_from_order(order, seller_name=seller_name, marketplace=marketplace)
    filled, left = 0, []
    for editor in editors:
        text = editor.toPlainText()
        before = len(placeholders_in(text))
        if not before:
            continue
        new, unfilled = fill(text, values)
        left += [n for n in unfilled if n not in left]
        if new == text:
            continue
        filled += before - len(unfilled)
        cursor = QTextCursor(editor.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(new)
    return filled, left


def fill_message(subject: str, body: str) -> bool:
    """Whether there is anything to fill."""
    return bool(placeholders_in(subject) or placeholders_in(body))
