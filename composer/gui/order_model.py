"""The orders table: a QAbstractTableModel over a plain list of domain Orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from composer.domain.orders import Order
from composer.gui.table_model import ListTableModel

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Order", "Purchased", "Buyer", "Product", "Status", "Days since purchase",
           "Days since delivery", "Messages sent")
SortKey = str | int


def buyer_of(order: Order) -> str:
    return order.buyer_name or order.recipient_name or ""


def product_of(order: Order) -> str:
    if not order.items:
        return ""
    first = order.items[0].product_name
    more = len(order.items) - 1
    return f"{first} (+{more} more)" if more else first


class OrderModel(ListTableModel):
    """One row per order; `sent` maps an order id to the messages already sent for it."""

    COLUMNS = COLUMNS

    def items(self) -> list:
        return self.orders

    def __init__(self, today: Callable[[], date], parent=None) -> None:
        super().__init__(parent)
        self.today = today
        self.orders: list[Order] = []
        self.sent: dict[str, int] = {}

    def set_orders(self, orders: list[Order], sent: dict[str, int] | None = None) -> None:
        self.beginResetModel()
        self.orders = list(orders)
        if sent is not None:
            self.sent = dict(sent)
        self.endResetModel()

    def replace_order(self, order: Order) -> None:
        for row, old in enumerate(self.orders):
            if old.order_id == order.order_id:
                self.orders[row] = order
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return

    def set_sent(self, order_id: str, count: int) -> None:
        self.sent[order_id] = count
        for row, order in enumerate(self.orders):
            if order.order_id == order_id:
                cell = self.index(row, len(COLUMNS) - 1)
                self.dataChanged.emit(cell, cell)

    def row_of(self, order_id: str) -> int:
        return next((r for r, o in enumerate(self.orders) if o.order_id == order_id), -1)




    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        order = self.orders[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            value = self.cell(order, index.column())
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return self.sort_key(order, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return "\n".join(i.product_name for i in order.items)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def cell(self, order: Order, column: int) -> str | int | None:
        today = self.today()
        if column == 0:
            return order.order_id
        if column == 1:
            return order.purchase_date.date().isoformat() if order.purchase_date else ""
        if column == 2:
            return buyer_of(order)
        if column == 3:
            return product_of(order)
        if column == 4:
            return order.status or ""
        if column == 5:
            return order.days_since_purchase(today)
        if column == 6:
            return order.days_since_delivery(today)
        return self.sent.get(order.order_id, 0)

    def sort_key(self, order: Order, column: int) -> SortKey:
        if column == 1:
            return order.purchase_date.timestamp() if order.purchase_date else 0
        value = self.cell(order, column)
        if value is None:
            return -1
        return value if isinstance(value, int) else str(value).lower()
