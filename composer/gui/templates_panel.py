"""The template panel: find a template, apply it to the order, keep the library tidy.

Every change goes through `TemplateLibrary`, which writes `templates.json` at once; the
compliance mark comes from the engine (`check_template`), never from the panel, and is
computed in a worker (`TemplateVerdicts`) so the window never waits for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.compliance import TemplateVerdict
from composer.domain.drafts import Draft
from composer.domain.reasons import MARKETPLACES
from composer.domain.template_io import (
    Clash,
    ImportReport,
    TemplateFileError,
    export_csv,
    export_json,
    export_txt,
    format_from_name,
    import_templates,
    read_csv_entries,
    read_json_entries,
)
from composer.domain.templates import Template, TemplateLibrary, fill_template
from composer.gui.template_model import (
    TemplateModel,
    TemplateVerdicts,
    ask_clash_policy,
    import_summary,
    placeholder_menu,
)
from composer.rules import Checker

__all__ = ["TemplatePanel", "import_summary", "placeholder_menu"]
EXPORTERS = {"json": export_json, "csv": export_csv, "txt": export_txt}


class TemplatePanel(QWidget):
    """Emits `templateApplied(subject, body, reason, marketplace)` and `libraryChanged()`."""

    templateApplied = Signal(str, str, str, str)
    libraryChanged = Signal()

    def __init__(self, library: TemplateLibrary, checker: Checker, *,
                 current_draft: Callable[[], Draft | None] | None = None, seller_name: str = "",
                 words: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatePanel")
        self.setAccessibleName("Templates")
        self.library = library
        self.checker = checker
        self.current_draft = current_draft
        self.order_values: dict[str, str] = {}
        self.verdicts = TemplateVerdicts(checker, seller_name=seller_name, words=words,
                                         parent=self)
        self.model = TemplateModel({r.id: r.title for r in checker.reasons.values()},
                                   self.verdicts.known, self)
        self.verdicts.verdictReady.connect(self.model.show_verdict)
        self._build()
        self.refresh()

    # ----- building -----
    def _build(self) -> None:
        self.search_edit = QLineEdit(self, objectName="templateSearch", clearButtonEnabled=True,
                                     placeholderText="Search templates…",
                                     accessibleName="Search templates")
        self.reason_filter = QComboBox(self, objectName="templateReasonFilter",
                                       accessibleName="Show templates for reason")
        self.market_filter = QComboBox(self, objectName="templateMarketFilter",
                                       accessibleName="Show templates for marketplace")
        for combo, items in ((self.reason_filter, [("All reasons", "")] + [
                (r.title, r.id) for r in self.checker.reasons.values()]),
                (self.market_filter, [("All", ""), *((c, c) for c in MARKETPLACES)])):
            for text, data in items:
                combo.addItem(text, data)
        for signal in (self.search_edit.textChanged, self.reason_filter.currentIndexChanged,
                       self.market_filter.currentIndexChanged):
            signal.connect(lambda *_: self.refresh())

        self._build_table()

        self.apply_button = QPushButton("&Apply", self, objectName="templateApplyButton",
                                        accessibleName="Apply template to the message")
        self.apply_button.clicked.connect(self.apply_selected)
        self.save_button = QPushButton("Save draft as template…", self,
                                       objectName="templateSaveButton")
        self.save_button.clicked.connect(self.ask_save_draft)
        self.menu = self._build_menu()
        more = QToolButton(self, objectName="templateMoreButton", text="More",
                           accessibleName="More template actions")
        more.setMenu(self.menu)
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status = QLabel(self, objectName="templateStatus", wordWrap=True,
                             accessibleName="Template status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QHBoxLayout()
        filters.addWidget(self.reason_filter, 1)
        filters.addWidget(self.market_filter)
        buttons = QHBoxLayout()
        for w in (self.apply_button, self.save_button, more):
            buttons.addWidget(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _build_table(self) -> None:
        self.table = QTableView(self, objectName="templateList", accessibleName="Templates")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Interactive,
                                       QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(2, 10 * self.fontMetrics().horizontalAdvance("M"))
        self.table.doubleClicked.connect(lambda _i: self.apply_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.menu.exec(self.table.viewport().mapToGlobal(pos)))

    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("templateMenu")
        entries = (("&Rename…", "templateRenameAction", self.ask_rename),
                   ("D&uplicate", "templateDuplicateAction", self.duplicate_selected),
                   ("&Delete…", "templateDeleteAction", self.delete_selected), None,
                   ("&Export…", "templateExportAction", self.ask_export),
                   ("&Import…", "templateImportAction", self.ask_import), None,
                   ("Restore &starter templates", "templateRestoreAction", self.restore_starters))
        self.actions_by_name = {}
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            text, name, slot = entry
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            self.actions_by_name[name] = action
        return menu

    # ----- state -----
    def set_order_values(self, values: Mapping[str, str]) -> None:
        """The selected order's placeholder values (`values_from_order`); {} for no order."""
        self.order_values = dict(values)

    def set_check_context(self, *, seller_name: str | None = None,
                          words: Iterable[str] | None = None) -> None:
        """The seller's name and dictionary changed: check every template again."""
        self.verdicts.set_context(
            seller_name=self.seller_name if seller_name is None else seller_name,
            words=self.words if words is None else words)
        self.refresh()

    @property
    def seller_name(self) -> str:
        return self.verdicts.seller_name

    @property
    def words(self) -> frozenset[str]:
        return self.verdicts.words

    def set_filters(self, reason: str = "", marketplace: str = "") -> None:
        """Show only templates for `reason` and `marketplace` ("" for all)."""
        self.reason_filter.setCurrentIndex(max(0, self.reason_filter.findData(reason)))
        self.market_filter.setCurrentIndex(max(0, self.market_filter.findData(marketplace)))

    def verdict(self, template: Template) -> TemplateVerdict:
        """The verdict now, checked on the spot if the worker has not delivered it yet."""
        return self.verdicts.verdict(template)

    def wait_for_verdicts(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every verdict asked for has arrived; False on timeout."""
        return self.verdicts.wait(timeout_ms)

    def refresh(self) -> None:
        """Show the templates matching the search and filters, keeping the selection."""
        keep = self.selected()
        shown = self.library.search(self.search_edit.text(),
                                    reason=self.reason_filter.currentData() or None,
                                    marketplace=self.market_filter.currentData() or None)
        self.verdicts.retain(self.library.templates)
        self.model.set_rows(shown)
        self.verdicts.request(shown)
        if keep is not None:
            self.select(keep.id)
        self._update_buttons()

    def shown_names(self) -> list[str]:
        return [t.name for t in self.model.rows]

    def selected(self) -> Template | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.template_at(rows[0].row()) if rows else None

    def select(self, template_id: str) -> bool:
        row = self.model.row_of(template_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        return row >= 0

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.apply_button.setEnabled(has)
        for name in ("templateRenameAction", "templateDuplicateAction", "templateDeleteAction"):
            self.actions_by_name[name].setEnabled(has)

    def _changed(self, message: str, select_id: str | None = None) -> None:
        self.refresh()
        if select_id:
            self.select(select_id)
        self.status.setText(message)
        self.libraryChanged.emit()

    def _attempt(self, action: Callable[[], Template | None]) -> Template | None:
        """Run a library change; a refused name or an unwritable file is said, not raised."""
        try:
            return action()
        except (ValueError, OSError) as exc:
            self.status.setText(f"Not saved: {exc}")
            return None

    # ----- changing the library (callable from tests without dialogs) -----
    def save_draft_as(self, name: str, draft: Draft,
                      order_values: Mapping[str, str] | None = None) -> Template | None:
        """Keep `draft` as a template; the order's values become placeholders again."""
        values = {"seller_name": self.seller_name,
                  **(self.order_values if order_values is None else order_values)}
        t = self._attempt(lambda: self.library.add_from_draft(draft, name, values))
        if t is not None:
            self._changed(f"Saved template “{t.name}”.", t.id)
        return t

    def rename_selected(self, name: str) -> Template | None:
        old = self.selected()
        if old is None:
            return None
        t = self._attempt(lambda: self.library.rename(old.id, name))
        if t is not None:
            self._changed(f"Renamed “{old.name}” to “{t.name}”.", t.id)
        return t

    def duplicate_selected(self) -> Template | None:
        old = self.selected()
        if old is None:
            return None
        t = self._attempt(lambda: self.library.duplicate(old.id))
        if t is not None:
            self._changed(f"Duplicated as “{t.name}”.", t.id)
        return t

    def delete_selected(self, confirm: bool = True) -> bool:
        t = self.selected()
        if t is None:
            return False
        if confirm and QMessageBox.question(
                self, "Delete template", f"Delete the template “{t.name}”?") \
                != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.library.delete(t.id)
        except (KeyError, OSError) as exc:
            self.status.setText(f"Not deleted: {exc}")
            return False
        self._changed(f"Deleted “{t.name}”.")
        return True

    def restore_starters(self) -> list[Template]:
        try:
            back = self.library.restore_starters()
        except OSError as exc:
            self.status.setText(f"Not restored: {exc}")
            return []
        self._changed(f"Restored {len(back)} starter templates." if back
                      else "Every starter template is already there.")
        return back

    def apply_selected(self) -> list[str] | None:
        """Emit the selected template filled from the order; returns the names left unfilled."""
        t = self.selected()
        if t is None:
            return None
        values = {"seller_name": self.seller_name, **self.order_values}
        subject, body, left = fill_template(t, values)
        self.templateApplied.emit(subject, body, t.reason, t.marketplace)
        note = f"Applied “{t.name}”."
        if left:
            note += (" Still to fill: " + ", ".join("{" + n + "}" for n in left)
                     + " (Send stays blocked until they are replaced).")
        self.status.setText(note)
        return left

    # ----- files (callable from tests; raise TemplateFileError or OSError) -----
    def export_to(self, path: str | Path, fmt: str | None = None) -> int:
        """Write every template to a JSON or CSV file, or a folder of text files (`txt`)."""
        fmt = fmt or format_from_name(Path(path), ("json", "csv", "txt"))
        templates = self.library.templates
        EXPORTERS[fmt](templates, Path(path))
        self.status.setText(f"Exported {len(templates)} templates to {path}.")
        return len(templates)

    def import_from(self, path: str | Path, policy: Clash = "skip") -> ImportReport:
        """Merge a JSON or CSV file; the summary names what was added, skipped, not compliant."""
        report = import_templates(self.library, Path(path), on_clash=policy,
                                  checker=self.checker, words=self.words)
        self._changed(import_summary(report))
        return report

    def clashing_names(self, path: str | Path) -> list[str]:
        """Names in the file that the library already has (so the seller can choose)."""
        fmt = format_from_name(Path(path), ("json", "csv"))
        entries = read_json_entries(Path(path)) if fmt == "json" else read_csv_entries(Path(path))
        names = (e.get("name") for _w, e in entries if isinstance(e, dict))
        return [n for n in names if isinstance(n, str) and self.library.find_name(n)]

    # ----- the dialog paths -----
    def ask_save_draft(self) -> None:
        draft = self.current_draft() if self.current_draft else None
        if draft is None or not draft.body.strip():
            self.status.setText("Write a message first, then save it as a template.")
            return
        reason = self.checker.reasons.get(draft.reason)
        suggestion = self.library.unique_name(
            f"{reason.title if reason else 'Template'} ({draft.marketplace})")
        name, ok = QInputDialog.getText(self, "Save as template", "Template name:",
                                        text=suggestion)
        if ok and name.strip():
            self.save_draft_as(name, draft)

    def ask_rename(self) -> None:
        t = self.selected()
        if t is None:
            return
        name, ok = QInputDialog.getText(self, "Rename template", "New name:", text=t.name)
        if ok and name.strip() and name != t.name:
            self.rename_selected(name)

    def ask_export(self) -> None:
        filters = {"Templates (*.json)": "json", "Spreadsheet (*.csv)": "csv",
                   "A folder of text files, one per template": "txt"}
        path, chosen = QFileDialog.getSaveFileName(self, "Export templates", "templates.json",
                                                   ";;".join(filters))
        if not path:
            return
        fmt = filters.get(chosen) or format_from_name(Path(path), ("json", "csv", "txt"))
        if fmt == "txt" and Path(path).suffix:
            path = str(Path(path).with_suffix(""))
        try:
            self.export_to(path, fmt)
        except (TemplateFileError, OSError) as exc:
            QMessageBox.warning(self, "Export templates", f"Could not export: {exc}")

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import templates", "",
                                              "Templates (*.json *.csv);;All files (*)")
        if not path:
            return
        try:
            policy = ask_clash_policy(self, self.clashing_names(path))
            if policy is None:
                return
            report = self.import_from(path, policy)
        except (TemplateFileError, OSError) as exc:
            QMessageBox.warning(self, "Import templates", f"Could not import: {exc}")
            return
        box = QMessageBox.warning if report.invalid or report.noncompliant else \
            QMessageBox.information
        box(self, "Import templates", import_summary(report))
