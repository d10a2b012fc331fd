"""The problems list: one row per diagnostic, in reading order (subject first)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QTreeView,
    QWidget,
)

from composer.gui.editor import CheckedEditor
from composer.gui.highlighter import Mark

_Index = QModelIndex | QPersistentModelIndex
SEVERITY_LABEL = {"error": "Error", "warning": "Warning", "info": "Note"}


@dataclass
class Problem:
    mark: Mark
    field: str  # "text" or "subject"
    where: str  # "Subject", "Line 3"

    @property
    def message(self) -> str:
        return self.mark.diagnostic.message


def _key(p: Problem) -> tuple:
    d = p.mark.diagnostic
    return d.rule, d.field, d.message, str(d.severity)


class ProblemModel(QAbstractTableModel):
    HEADERS = ("Severity", "Where", "Problem", "Rule")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self._icons: dict[str, QIcon] = {}

    def set_problems(self, problems: list[Problem]) -> None:
        """Replace the rows; when only positions moved, keep the view's selection."""
        if [_key(p) for p in problems] == [_key(p) for p in self.problems]:
            self.problems = problems
            if problems:
                self.dataChanged.emit(self.index(0, 1), self.index(len(problems) - 1, 1))
            return
        self.beginResetModel()
        self.problems = problems
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p = self.problems[index.row()]
        d = p.mark.diagnostic
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (SEVERITY_LABEL.get(str(d.severity), str(d.severity)), p.where,
                    d.message, d.rule)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return d.message
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            return self._icon(str(d.severity))
        return None

    def _icon(self, severity: str) -> QIcon:
        if severity not in self._icons:
            pixmap = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                      "warning": QStyle.StandardPixmap.SP_MessageBoxWarning}.get(
                severity, QStyle.StandardPixmap.SP_MessageBoxInformation)
            self._icons[severity] = QApplication.style().standardIcon(pixmap)
        return self._icons[severity]


class ProblemsView(QTreeView):
    """Lists the problems of the given editors; picking one selects its text there."""

    problemShown = Signal(str)  # its message, for the status bar
    explainRequested = Signal(str)  # the rule id of the selected (or first) problem

    def __init__(self, editors: list[CheckedEditor], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors = {e.field: e for e in editors}
        self.setObjectName("problemsList")
        self.setAccessibleName("Problems")
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_model = ProblemModel(self)
        self.setModel(self.problem_model)
        header = self.header()
        # fixed widths: sizing to contents reads every row of a long list on each check
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((0, 9), (1, 6), (3, 14)):
            header.resizeSection(column, width * em)

        self.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.show_problem(cur.row(), focus=False))
        self.clicked.connect(lambda i: self.show_problem(i.row(), focus=False))
        self.activated.connect(lambda i: self.show_problem(i.row(), focus=True))
        self.explain_action = QAction("&Explain this rule…", self, objectName="explainAction")
        self.explain_action.setIconText("Explain")  # on the button above the list
        self.explain_action.setToolTip("Open the messaging rules at the selected problem's rule")
        self.explain_action.setEnabled(False)
        self.explain_action.triggered.connect(lambda _c=False: self.explain())
        self.addAction(self.explain_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    @property
    def problems(self) -> list[Problem]:
        return self.problem_model.problems

    def refresh(self) -> None:
        """Rebuild the rows from the editors' marks: subject first, then the body by line."""
        rows = []
        for field, editor in self.editors.items():
            doc = editor.document()
            for m in editor.highlighter.marks:
                if m.diagnostic.start == m.diagnostic.end:
                    where = "Message"  # about the message as a whole: timing, length...
                elif field == "subject":
                    where = "Subject"
                else:
                    where = f"Line {doc.findBlock(m.start).blockNumber() + 1}"
                rows.append(Problem(m, field, where))
        rows.sort(key=lambda p: p.field != "subject")
        self.problem_model.set_problems(rows)
        self.explain_action.setEnabled(bool(rows))

    def current_problem(self) -> Problem | None:
        """The selected problem; the first one when none is selected."""
        row = self.currentIndex().row()
        if 0 <= row < len(self.problems):
            return self.problems[row]
        return self.problems[0] if self.problems else None

    def explain(self) -> None:
        problem = self.current_problem()
        if problem is not None:
            self.explainRequested.emit(problem.mark.diagnostic.rule)

    def step(self, step: int) -> bool:
        """F8 / Shift+F8: the next or previous problem, wrapping around."""
        n = len(self.problems)
        if not n:
            return False
        cur = self.currentIndex().row()
        row = (0 if step > 0 else n - 1) if cur < 0 else (cur + step) % n
        self.setCurrentIndex(self.problem_model.index(row, 0))
        self.show_problem(row, focus=True)
        return True

    def show_problem(self, row: int, focus: bool) -> None:
        if not 0 <= row < len(self.problems):
            return
        p = self.problems[row]
        editor = self.editors[p.field]
        editor.select_span(p.mark.start, p.mark.end)
        if focus:
            editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.problemShown.emit(p.message)
