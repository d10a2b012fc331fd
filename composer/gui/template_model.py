"""The template list's model and the texts around it: verdict marks, import summaries.

Kept apart from the panel so the panel only lays out and wires.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QMenu, QWidget

from composer.domain.compliance import TemplateVerdict
from composer.domain.placeholders import FIELDS
from composer.domain.template_io import ImportReport
from composer.domain.templates import Template

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Check", "Name", "Reason", "Market")
HEADER_TIPS = ("✓ compliant, ⚠ not compliant (hover for why)", "Template name",
               "Contact reason", "Marketplace")
OK_MARK, WARN_MARK = "✓", "⚠"


def problem_text(verdict: TemplateVerdict) -> str:
    """Why a template is not fit to send, in the engine's own words."""
    if verdict.compliant:
        return ""
    if verdict.problem:
        return verdict.problem
    messages = list(dict.fromkeys(d.message for d in verdict.errors()))
    more = f" (+{len(messages) - 3} more)" if len(messages) > 3 else ""
    return "; ".join(messages[:3]) + more


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


class TemplateModel(QAbstractTableModel):
    """One row per template shown, with the engine's verdict on it."""

    def __init__(self, reason_titles: Mapping[str, str], parent=None) -> None:
        super().__init__(parent)
        self.reason_titles = dict(reason_titles)
        self.rows: list[TemplateVerdict] = []

    def set_rows(self, verdicts: Iterable[TemplateVerdict]) -> None:
        self.beginResetModel()
        self.rows = list(verdicts)
        self.endResetModel()

    def template_at(self, row: int) -> Template:
        return self.rows[row].template

    def row_of(self, template_id: str) -> int:
        return next((r for r, v in enumerate(self.rows) if v.template.id == template_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        verdict = self.rows[index.row()]
        t, col = verdict.template, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (OK_MARK if verdict.compliant else WARN_MARK,
                    t.name, self.reason_titles.get(t.reason, t.reason), t.marketplace)[col]
        if role == Qt.ItemDataRole.AccessibleTextRole and col == 0:
            return "Compliant" if verdict.compliant else "Not compliant"
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return (problem_text(verdict) if not verdict.compliant else
                        "Compliant; placeholders are filled from the order when applied")
            return (f"{t.subject}\n\n" if t.subject else "") + t.body[:400]
        if role == Qt.ItemDataRole.UserRole:
            return t.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return Qt.AlignmentFlag.AlignCenter
        return None
