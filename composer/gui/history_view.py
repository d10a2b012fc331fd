"""Sent messages, filterable by order and exportable as CSV: evidence for an appeal to Amazon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from composer.domain.history import History, SentMessage, to_csv
from composer.domain.storage import atomic_write_bytes
from composer.gui.table_model import ListTableModel

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Sent", "Order", "Reason", "Subject", "Message")
NO_ORDER = "(no order)"  # a reply sent without an order selected


def first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


class HistoryModel(ListTableModel):
    """One row per sent message, oldest first as History returns them."""

    COLUMNS = COLUMNS

    def items(self) -> list:
        return self.messages

    def __init__(self, reason_titles: dict[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.reason_titles = reason_titles or {}
        self.messages: list[SentMessage] = []

    def set_messages(self, messages: list[SentMessage]) -> None:
        self.beginResetModel()
        self.messages = list(messages)
        self.endResetModel()




    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m = self.messages[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (m.sent_at.astimezone().strftime("%Y-%m-%d %H:%M"), m.order_id or NO_ORDER,
                    self.reason_titles.get(m.reason, m.reason), m.subject,
                    first_line(m.text))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (m.sent_at.isoformat(), m.order_id or NO_ORDER, m.reason, m.subject,
                    m.text[:600])[index.column()]
        return None


class HistoryView(QWidget):
    """The table, an order filter, the selected message in full, and Export CSV…."""

    def __init__(self, history: History, *, reason_titles: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName("Sent messages")
        self.history = history
        self.model = HistoryModel(reason_titles, self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.filter_edit = QLineEdit(self, objectName="historyFilter", clearButtonEnabled=True,
                                     accessibleName="Filter by order id",
                                     placeholderText="Filter by order id…")
        self.filter_edit.textChanged.connect(lambda _t: self.refresh())
        self.export_button = QPushButton("&Export CSV…", self, objectName="historyExportButton",
                                         accessibleName="Export the shown messages as CSV")
        self.export_button.clicked.connect(self.ask_export)
        self.table = QTableView(self, objectName="historyTable", accessibleName="Sent messages")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.detail = QPlainTextEdit(self, objectName="historyDetail", readOnly=True,
                                     accessibleName="The selected message in full")
        self.count_label = QLabel(self, objectName="historyCount", accessibleName="Shown")
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.export_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    def refresh(self) -> None:
        """Read the history again (after Send) and apply the order filter."""
        wanted = self.filter_edit.text().strip().casefold()
        messages = [m for m in self.history.all() if wanted in m.order_id.casefold()]
        self.model.set_messages(messages)
        if len(messages) <= 500:
            self.table.resizeColumnsToContents()
        total = len(self.history)
        self.count_label.setText(f"{len(messages)} of {total} messages" if wanted
                                 else f"{total} messages")
        self.export_button.setEnabled(bool(messages))
        self.detail.clear()

    def set_order_filter(self, order_id: str) -> None:
        self.filter_edit.setText(order_id)

    @property
    def shown(self) -> list[SentMessage]:
        return list(self.model.messages)

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.detail.clear()
            return
        m = self.model.messages[rows[0].row()]
        order = f"order {m.order_id}" if m.order_id else NO_ORDER
        head = f"Sent {m.sent_at.isoformat()} · {order} · {m.reason}"
        subject = f"Subject: {m.subject}\n\n" if m.subject else ""
        self.detail.setPlainText(f"{head}\n\n{subject}{m.text}")

    def export_csv(self, path: str | Path) -> int:
        """Write the shown messages (all, or the filtered order's) as CSV Excel opens."""
        messages = self.shown
        atomic_write_bytes(Path(path), to_csv(messages).encode("utf-8-sig"))
        return len(messages)

    def ask_export(self) -> None:
        wanted = self.filter_edit.text().strip()
        name = f"messages-{wanted}.csv" if wanted else "messages.csv"
        path, _ = QFileDialog.getSaveFileName(self, "Export sent messages", name,
                                              "CSV (*.csv)")
        if not path:
            return
        try:
            n = self.export_csv(path)
        except OSError as exc:
            QMessageBox.warning(self, "Export sent messages", f"Could not export: {exc}")
            return
        self.count_label.setText(f"Exported {n} messages to {Path(path).name}")


def history_dialog(history: History, *, reason_titles: dict[str, str] | None = None,
                   parent: QWidget | None = None) -> QDialog:
    """A window around a HistoryView (not modal, so the seller can keep writing)."""
    dialog = QDialog(parent, objectName="historyDialog", windowTitle="Sent messages")
    view = HistoryView(history, reason_titles=reason_titles, parent=dialog)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(view)
    dialog.view = view  # type: ignore[attr-defined]
    dialog.resize(900, 560)
    return dialog
