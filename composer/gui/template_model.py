"""The template list's model, the worker that checks templates, and the texts around them.

Kept apart from the panel so the panel only lays out and wires. Templates are checked in a
worker thread, as the lint runner checks the draft: checking all starters loads every
language's rule pack and speller, which must not hold the window back at start-up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from composer.domain.compliance import TemplateVerdict, check_template
from composer.domain.placeholders import FIELDS
from composer.domain.template_io import Clash, ImportReport
from composer.domain.templates import Template
from composer.gui.lint_runner import _Relay
from composer.gui.table_model import ListTableModel
from composer.rules import Checker

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Check", "Name", "Reason", "Market")
HEADER_TIPS = ("✓ compliant, ⚠ not compliant (hover for why), … still being checked",
               "Template name", "Contact reason", "Marketplace")
OK_MARK, WARN_MARK, PENDING_MARK = "✓", "⚠", "…"


def problem_text(verdict: TemplateVerdict) -> str:
    """Why a template is not fit to send, in the engine's own words."""
    if verdict.compliant:
        return ""
    if verdict.problem:
        return verdict.problem
    messages = list(dict.fromkeys(d.message for d in verdict.errors()))
    more = f" (+{len(messages) - 3} more)" if len(messages) > 3 else ""
    return "; ".join(messages[:3]) + more


def mark_data(verdict: TemplateVerdict | None, role: int) -> str:
    """The Check column: its mark, its tooltip and what a screen reader says."""
    if verdict is None:
        return {Qt.ItemDataRole.DisplayRole: PENDING_MARK,
                Qt.ItemDataRole.AccessibleTextRole: "Checking…"}.get(
            role, "Checking against Amazon's rules…")
    if role == Qt.ItemDataRole.DisplayRole:
        return OK_MARK if verdict.compliant else WARN_MARK
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return "Compliant" if verdict.compliant else "Not compliant"
    return (problem_text(verdict) if not verdict.compliant else
            "Compliant; placeholders are filled from the order when applied")


def import_summary(report: ImportReport) -> str:
    """What an import did, one line per kind of outcome."""
    lines = [f"Imported {report.imported} template{'s' if report.imported != 1 else ''}."]
    if report.added:
        lines.append("Added: " + ", ".join(report.added))
    if report.replaced:
        lines.append("Replaced: " + ", ".join(report.replaced))
    if report.renamed:
        lines.append("Kept both, renamed: " + ", ".join(f"{a} → {b}" for a, b in report.renamed))
    if report.skipped:
        lines.append("Skipped (a template of that name exists): " + ", ".join(report.skipped))
    if report.invalid:
        lines.append("Not taken: " + "; ".join(f"{w}: {p}" for w, p in report.invalid))
    if report.noncompliant:
        lines.append(f"{WARN_MARK} Not compliant, fix before use: "
                     + ", ".join(v.template.name for v in report.noncompliant))
    return "\n".join(lines)


def ask_clash_policy(parent: QWidget, clashes: list[str]) -> Clash | None:
    """Ask what to do with imported templates whose names exist; None if cancelled."""
    if not clashes:
        return "skip"
    box = QMessageBox(QMessageBox.Icon.Question, "Import templates",
                      "These templates exist already:\n" + "\n".join(clashes[:10]), parent=parent)
    choices: dict[object, Clash] = {
        box.addButton("Skip them", QMessageBox.ButtonRole.AcceptRole): "skip",
        box.addButton("Replace mine", QMessageBox.ButtonRole.DestructiveRole): "replace",
        box.addButton("Keep both", QMessageBox.ButtonRole.AcceptRole): "keep-both"}
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return choices.get(box.clickedButton())


def placeholder_menu(parent: QWidget, on_insert: Callable[[str], None]) -> QMenu:
    """An "Insert placeholder" menu; choosing an entry calls `on_insert("{buyer_name}")`."""
    menu = QMenu("Insert &placeholder", parent)
    menu.setObjectName("placeholderMenu")
    for f in FIELDS:
        action = menu.addAction(f.label)
        action.setObjectName(f"placeholder_{f.name}")
        action.setData(f.token)
        action.setToolTip(f.token)
        action.triggered.connect(lambda _checked=False, token=f.token: on_insert(token))
    return menu


@dataclass(frozen=True)
class VerdictRequest:
    """One template to check, with the check context (`revision`) it was asked for in."""

    revision: int
    template: Template
    seller_name: str
    words: frozenset[str]


@dataclass(frozen=True)
class VerdictResult:
    request: VerdictRequest
    verdict: TemplateVerdict


def run_verdict(checker: Checker, req: VerdictRequest) -> TemplateVerdict:
    """`check_template` itself; an engine failure marks the template, not the window."""
    try:
        return check_template(req.template, checker, seller_name=req.seller_name,
                              words=req.words)
    except Exception as exc:  # a broken rule pack must not take the panel down
        return TemplateVerdict(req.template, (), False,
                               f"Could not be checked: {type(exc).__name__}: {exc}")


class _VerdictJob(QRunnable):
    def __init__(self, checker: Checker, req: VerdictRequest, relay: _Relay,
                 dropped: threading.Event) -> None:
        super().__init__()
        self.checker, self.req, self.relay, self.dropped = checker, req, relay, dropped

    def run(self) -> None:
        if self.dropped.is_set():
            return
        verdict = run_verdict(self.checker, self.req)
        if not self.dropped.is_set():
            self.relay.done.emit(VerdictResult(self.req, verdict))


class TemplateVerdicts(QObject):
    """Checks templates in a worker; emits `verdictReady` only for the current context.

    A change of the seller's name or dictionary starts a new revision; verdicts computed for
    an older revision, or for a template version the panel no longer has, are dropped.
    """

    verdictReady = Signal(object)  # TemplateVerdict

    def __init__(self, checker: Checker, *, seller_name: str = "",
                 words: Iterable[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.seller_name = seller_name
        self.words = frozenset(words)
        self.revision = 0
        self._known: dict[Template, TemplateVerdict] = {}
        self._pending: dict[Template, threading.Event] = {}
        self._pool = QThreadPool(self)  # made before the relay, so it is deleted first
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        # Queued checks need not run once the panel is gone (not `self`: this runs mid-delete).
        pending = self._pending
        self.destroyed.connect(lambda *_: [dropped.set() for dropped in pending.values()])

    def known(self, template: Template) -> TemplateVerdict | None:
        """The verdict for `template` in the current context, if it has arrived."""
        return self._known.get(template)

    def request(self, templates: Iterable[Template]) -> None:
        """Check, in the worker, each of `templates` without a verdict or a check under way."""
        for t in templates:
            if t in self._known or t in self._pending:
                continue
            dropped = self._pending[t] = threading.Event()
            req = VerdictRequest(self.revision, t, self.seller_name, self.words)
            self._pool.start(_VerdictJob(self.checker, req, self._relay, dropped))

    def verdict(self, template: Template) -> TemplateVerdict:
        """The verdict right now: checked on this thread if the worker has not delivered it."""
        if template not in self._known:
            req = VerdictRequest(self.revision, template, self.seller_name, self.words)
            self._accept(run_verdict(self.checker, req))
        return self._known[template]

    def set_context(self, *, seller_name: str, words: Iterable[str]) -> None:
        """A new check context: every verdict so far, and every check under way, is stale."""
        self.seller_name, self.words = seller_name, frozenset(words)
        self.revision += 1
        self._drop(list(self._pending))
        self._known.clear()

    def retain(self, templates: Iterable[Template]) -> None:
        """Forget templates no longer in the library (old versions of edited ones too)."""
        keep = set(templates)
        self._drop([t for t in self._pending if t not in keep])
        for t in [t for t in self._known if t not in keep]:
            del self._known[t]

    def is_busy(self) -> bool:
        return bool(self._pending)

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every verdict asked for has arrived; False on timeout."""
        end = time.monotonic() + timeout_ms / 1000
        while self._pending:
            if time.monotonic() > end:
                return False
            QCoreApplication.processEvents()
            time.sleep(0.001)  # let the worker have the GIL
        return True

    def shutdown(self) -> None:
        self._drop(list(self._pending))
        self._pool.clear()
        self._pool.waitForDone()

    def _drop(self, templates: list[Template]) -> None:
        for t in templates:
            self._pending.pop(t).set()

    def _on_done(self, result: VerdictResult) -> None:
        req = result.request
        if req.revision != self.revision or req.template not in self._pending:
            return  # the context changed, or the template did, while this ran
        self._accept(result.verdict)

    def _accept(self, verdict: TemplateVerdict) -> None:
        dropped = self._pending.pop(verdict.template, None)
        if dropped is not None:
            dropped.set()  # a job still queued for it need not run
        self._known[verdict.template] = verdict
        self.verdictReady.emit(verdict)


class TemplateModel(ListTableModel):
    """One row per template shown; the Check column shows its verdict once it has one."""

    COLUMNS = COLUMNS
    HEADER_TIPS = HEADER_TIPS

    def items(self) -> list:
        return self.rows

    def __init__(self, reason_titles: Mapping[str, str],
                 verdict_of: Callable[[Template], TemplateVerdict | None],
                 parent=None) -> None:
        super().__init__(parent)
        self.reason_titles = dict(reason_titles)
        self.verdict_of = verdict_of
        self.rows: list[Template] = []

    def set_rows(self, templates: Iterable[Template]) -> None:
        self.beginResetModel()
        self.rows = list(templates)
        self.endResetModel()

    def show_verdict(self, verdict: TemplateVerdict) -> None:
        """Repaint the mark of the rows showing this very template version, and no other."""
        for row, t in enumerate(self.rows):
            if t == verdict.template:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def template_at(self, row: int) -> Template:
        return self.rows[row]

    def row_of(self, template_id: str) -> int:
        return next((r for r, t in enumerate(self.rows) if t.id == template_id), -1)




    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t, col = self.rows[index.row()], index.column()
        if col == 0 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                 Qt.ItemDataRole.AccessibleTextRole):
            return mark_data(self.verdict_of(t), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return ("", t.name, self.reason_titles.get(t.reason, t.reason), t.marketplace)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (f"{t.subject}\n\n" if t.subject else "") + t.body[:400]
        if role == Qt.ItemDataRole.UserRole:
            return t.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return Qt.AlignmentFlag.AlignCenter
        return None
