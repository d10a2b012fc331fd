"""Paints the diagnostics the engine already computed; it never runs a rule itself.

Marks are kept in UTF-16 document positions and moved along with every edit, so underlines stay
on their words between a keystroke and the next check result (Sonnet's highlighter, Qt for
Python's syntaxhighlighter example).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

from composer.gui.utf16 import Utf16Map
from composer.rules import Diagnostic

# Underline colours are the only colours the app sets itself; they read on light and dark.
CATEGORY_COLOURS = {
    "spelling": "#e0242b",
    "grammar": "#2f7de1",
    "contact-info": "#d6336c",
    "promotion": "#e8590c",
    "review-manipulation": "#c2255c",
    "prohibited-content": "#c92a2a",
    "placeholder": "#7950f2",
    "off-reason": "#1c9c8c",
    "length": "#a87400",
    "timing": "#a87400",
    "language": "#2f7de1",
}
REPAINT_CHUNK = 40  # blocks re-highlighted per event-loop turn
_SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Mark:
    """A diagnostic and where it currently is in the document, in UTF-16 units."""

    start: int
    end: int
    diagnostic: Diagnostic


def char_format(diag: Diagnostic) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineColor(QColor(CATEGORY_COLOURS.get(diag.category, "#e0242b")))
    if diag.category == "spelling":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    elif diag.severity == "error":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    elif diag.severity == "warning":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setProperty(QTextCharFormat.Property.UserProperty, diag.rule)
    return fmt


def marks_for(diagnostics: list[Diagnostic], text: str) -> list[Mark]:
    """Place code-point diagnostics of `text` at their UTF-16 positions."""
    conv = Utf16Map(text)
    marks = [Mark(*conv.span_to_utf16(d.start, d.end), d) for d in diagnostics]
    marks.sort(key=lambda m: (m.start, _SEVERITY_RANK.get(str(m.diagnostic.severity), 0)))
    return marks


def _key(m: Mark) -> tuple:
    d = m.diagnostic
    return m.start, m.end, d.rule, d.category, str(d.severity)


def _move(p: int, pos: int, removed: int, added: int, is_end: bool) -> int:
    if p < pos or (is_end and p == pos):
        return p
    if p >= pos + removed:
        return p + added - removed
    return pos + added if is_end else pos


class DiagnosticHighlighter(QSyntaxHighlighter):
    """Underlines the marks of one document."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(None)
        self.setParent(document)
        self._marks: list[Mark] = []
        self._starts: list[int] = []
        self._longest = 0
        self._formats: dict[tuple[str, str, str], QTextCharFormat] = {}
        self._queue: list[QTextBlock] = []  # blocks still to re-highlight
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)
        # connected before setDocument, so marks move before Qt re-highlights the edited block
        document.contentsChange.connect(self._on_contents_change)
        self.setDocument(document)

    @property
    def marks(self) -> list[Mark]:
        return self._marks

    def set_diagnostics(self, diagnostics: list[Diagnostic], text: str) -> None:
        """Show `diagnostics`, computed for `text` (which is the document's current text)."""
        old = self._marks
        self._set_marks(marks_for(diagnostics, text))
        same = {_key(m) for m in old} & {_key(m) for m in self._marks}
        self._repaint([m for m in old + self._marks if _key(m) not in same])

    def replace_local(self, start: int, end: int, diagnostics: list[Diagnostic], text: str,
                      offset: int, local: Callable[[str], bool]) -> None:
        """Swap the marks of local rules inside `start`..`end` for fresh ones.

        `diagnostics` were computed for `text`, which sits at document position `offset`.
        """
        keep = [m for m in self._marks
                if not (start <= m.start and m.end <= end and local(m.diagnostic.rule))]
        fresh = marks_for(diagnostics, text)
        for m in fresh:
            m.start += offset
            m.end += offset
        old = self._marks
        self._set_marks(sorted(keep + fresh, key=lambda m: m.start))
        same = {_key(m) for m in old} & {_key(m) for m in self._marks}
        self._repaint([m for m in old + self._marks if _key(m) not in same])

    def marks_at(self, pos: int) -> list[Mark]:
        """Marks covering document position `pos` (UTF-16), most severe first."""
        found = [m for m in self._overlapping(pos, pos + 1) if m.start <= pos < m.end]
        found.sort(key=lambda m: -_SEVERITY_RANK.get(str(m.diagnostic.severity), 0))
        return found

    def highlightBlock(self, text: str) -> None:
        if not self._marks:
            return
        base = self.currentBlock().position()
        length = len(text.encode("utf-16-le")) // 2 if not text.isascii() else len(text)
        for m in self._overlapping(base, base + length):
            start = max(m.start, base) - base
            end = min(m.end, base + length) - base
            if end > start:
                self.setFormat(start, end - start, self._format(m.diagnostic))

    def _format(self, diag: Diagnostic) -> QTextCharFormat:
        key = (diag.category, str(diag.severity), diag.rule)
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = char_format(diag)
        return fmt

    def _overlapping(self, start: int, end: int) -> list[Mark]:
        i = bisect_left(self._starts, start - self._longest)
        out = []
        for m in self._marks[i:]:
            if m.start >= end:
                break
            if m.end > start:
                out.append(m)
        return out

    def _set_marks(self, marks: list[Mark]) -> None:
        self._marks = marks
        self._starts = [m.start for m in marks]
        self._longest = max((m.end - m.start for m in marks), default=0)

    def _on_contents_change(self, pos: int, removed: int, added: int) -> None:
        if not self._marks or removed == added == 0:
            return
        kept = []
        for m in self._marks:
            if removed and pos <= m.start and m.end <= pos + removed:
                continue  # its text was deleted or replaced: the next check decides
            if m.end >= pos:
                m.start = _move(m.start, pos, removed, added, False)
                m.end = max(m.start, _move(m.end, pos, removed, added, True))
            kept.append(m)
        self._set_marks(sorted(kept, key=lambda m: m.start))

    def _repaint(self, marks: list[Mark]) -> None:
        """Re-highlight only the blocks whose underlines may have changed.

        Many blocks (a long paste) are done a chunk per event-loop turn so typing and
        scrolling never wait for all of them.
        """
        doc = self.document()
        seen = {b.blockNumber() for b in self._queue}
        for m in marks:
            block = doc.findBlock(m.start)
            while block.isValid() and block.position() <= m.end:
                if block.blockNumber() not in seen:
                    seen.add(block.blockNumber())
                    self._queue.append(block)
                block = block.next()
        self._flush()

    def _flush(self) -> None:
        chunk, self._queue = self._queue[:REPAINT_CHUNK], self._queue[REPAINT_CHUNK:]
        for block in chunk:
            if block.isValid():
                self.rehighlightBlock(block)
        if self._queue:
            self._flush_timer.start()
