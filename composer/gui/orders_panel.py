"""Order selector: filter box, orders table and the delivery date the seller may correct."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from composer.domain.orders import ImportResult, Order, ReportError, read_report
from composer.gui.order_model import COLUMNS, OrderModel

if TYPE_CHECKING:
    from composer.gui.session import Session

NO_DATE = QDate(2000, 1, 1)
MAX_SHOWN_PROBLEMS = 5


class OrdersPanel(QWidget):
    """Emits `orderSelected(order or None)`, `deliveryDateEdited(order_id, date or None)`
    and `messagesRequested(order_id)` (the table's "Show sent messages for this order")."""

    orderSelected = Signal(object)
    deliveryDateEdited = Signal(str, object)
    messagesRequested = Signal(str)

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = OrderModel(today, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self._build()
        self._current: Order | None = None

    def _build(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("orderFilter")
        self.filter_edit.setAccessibleName("Filter orders")
        self.filter_edit.setPlaceholderText("Filter orders: id, buyer, product, status…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView(self)
        self.table.setObjectName("orderTable")
        self.table.setAccessibleName("Orders")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._build_table_menu()

        self.delivery_edit = QDateEdit(self)
        self.delivery_edit.setObjectName("deliveryDateEdit")
        self.delivery_edit.setAccessibleName("Delivery date")
        self.delivery_edit.setCalendarPopup(True)
        self.delivery_edit.setMinimumDate(NO_DATE)
        self.delivery_edit.setSpecialValueText("Unknown")
        self.delivery_edit.setDisplayFormat("yyyy-MM-dd")
        self.delivery_edit.setEnabled(False)
        self.delivery_edit.setToolTip("The day the buyer received the order; timing rules use it.")
        self.delivery_edit.dateChanged.connect(self._on_date_edited)

        self.import_status = QLabel(self, objectName="importStatus", wordWrap=True)
        self.import_status.setAccessibleName("Last import")
        self.import_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow("&Delivered on:", self.delivery_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.import_status)

    def _build_table_menu(self) -> None:
        """Right-click on the table: what can be done with the selected order."""
        self.messages_action = QAction("Show &sent messages for this order", self.table,
                                       objectName="orderMessagesAction", enabled=False)
        self.messages_action.triggered.connect(lambda _c=False: self._request_messages())
        self.table.addAction(self.messages_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def import_report(self, path: str | Path, session: Session
                      ) -> tuple[ImportResult | None, str]:
        """Import one report into the session's store; the message names file and line."""
        try:
            result = read_report(path)
        except ReportError as exc:
            self.import_status.setText(str(exc))
            return None, str(exc)
        added, updated = session.orders.save(result.orders)
        self.set_orders(session.orders.all(), session.sent_counts())
        lines = [f"{Path(path).name}: {added} new and {updated} updated orders "
                 f"({result.encoding})."]
        lines += [str(p) for p in result.problems[:MAX_SHOWN_PROBLEMS]]
        if len(result.problems) > MAX_SHOWN_PROBLEMS:
            lines.append(f"…and {len(result.problems) - MAX_SHOWN_PROBLEMS} more problems")
        message = "\n".join(lines)
        self.import_status.setText(message)
        return result, message

    @property
    def current(self) -> Order | None:
        return self._current

    def set_orders(self, orders: list[Order], sent: dict[str, int]) -> None:
        keep = self._current.order_id if self._current else None
        self.model.set_orders(orders, sent)
        if len(orders) <= 500:  # sizing to contents reads every row
            self.table.resizeColumnsToContents()
            product = COLUMNS.index("Product")
            em = self.table.fontMetrics().horizontalAdvance("M")
            self.table.setColumnWidth(product, min(self.table.columnWidth(product), 18 * em))
        if keep:
            self.select_order(keep)

    def select_order(self, order_id: str) -> bool:
        row = self.model.row_of(order_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def update_order(self, order: Order) -> None:
        self.model.replace_order(order)
        if self._current and self._current.order_id == order.order_id:
            self._current = order

    def _on_selection(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        order = None
        if rows:
            order = self.model.orders[self.proxy.mapToSource(rows[0]).row()]
        if order is self._current:
            return
        self._current = order
        self._show_date(order)
        self.orderSelected.emit(order)

    def _show_date(self, order: Order | None) -> None:
        self.delivery_edit.blockSignals(True)
        day = order.delivered_on() if order else None
        self.delivery_edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        self.delivery_edit.setEnabled(order is not None)
        self.messages_action.setEnabled(order is not None)
        self.delivery_edit.blockSignals(False)

    def _request_messages(self) -> None:
        if self._current is not None:
            self.messagesRequested.emit(self._current.order_id)

    def _on_date_edited(self, qdate: QDate) -> None:
        if self._current is None:
            return
        day = None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())
        self.deliveryDateEdited.emit(self._current.order_id, day)
