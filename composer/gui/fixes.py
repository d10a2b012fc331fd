"""The right-click menu on flagged text: the rule's fix, spelling suggestions, dictionary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMenu

from composer.gui.editor import CheckedEditor
from composer.gui.highlighter import Mark


@dataclass(frozen=True)
class FixActions:
    suggest: Callable[[str], list[str]]  # spelling suggestions, computed when the menu opens
    add_word: Callable[[str], None]
    ignore_word: Callable[[str], None]


def fill_fix_menu(menu: QMenu, mark: Mark, editor: CheckedEditor, actions: FixActions) -> None:
    """Add what can be done about `mark` to `menu`: replacements first, then the dictionary."""
    diag = mark.diagnostic
    word = editor.span_text(mark.start, mark.end)
    fixes = list(diag.suggestions)
    if diag.category == "spelling":
        fixes += [s for s in actions.suggest(word) if s not in fixes]
    for fix in fixes[:8]:
        action = menu.addAction(f"Replace with “{fix}”" if fix else "Remove it")
        action.setObjectName("fixAction")
        action.triggered.connect(
            lambda _c=False, f=fix: editor.replace_span(mark.start, mark.end, f))
    if diag.category == "spelling" and word.strip():
        add = menu.addAction(f"Add “{word}” to dictionary")
        add.setObjectName("addWordAction")
        add.triggered.connect(lambda _c=False: actions.add_word(word))
        ignore = menu.addAction(f"Ignore “{word}” in this message")
        ignore.setObjectName("ignoreWordAction")
        ignore.triggered.connect(lambda _c=False: actions.ignore_word(word))
    if not menu.actions():
        menu.addAction(diag.message).setEnabled(False)
