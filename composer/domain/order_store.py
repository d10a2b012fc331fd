"""Imported orders kept across restarts in `orders.sqlite3` in the data folder.

SQLite rather than one JSON file: an import of thousands of orders and a single typed-in
delivery date are each one small transaction instead of a rewrite of the whole file, a killed
process leaves the last committed state (WAL journal), and the GUI can look one order up by id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from composer.domain.orders import Order, OrderItem
from composer.domain.storage import open_database

FILENAME = "orders.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS orders (
    order_id TEXT PRIMARY KEY,
    purchase_date TEXT,
    status TEXT,
    buyer_name TEXT,
    recipient_name TEXT,
    buyer_email TEXT,
    sales_channel TEXT,
    ship_date TEXT,
    delivery_date TEXT,
    delivery_date_entered TEXT,
    items TEXT NOT NULL
);
"""
_FIELDS = ("order_id", "purchase_date", "status", "buyer_name", "recipient_name",
           "buyer_email", "sales_channel", "ship_date", "delivery_date",
           "delivery_date_entered", "items")


class OrderStore:
    """The orders the seller imported, keyed by order id; re-imports update in place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn, self.recovered = open_database(path, _SCHEMA, 1)

    @classmethod
    def in_dir(cls, folder: Path) -> OrderStore:
        return cls(Path(folder) / FILENAME)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> OrderStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._conn.execute("SELECT count(*) FROM orders").fetchone()[0]

    def save(self, orders: Iterable[Order]) -> tuple[int, int]:
        """Add or update orders in one transaction; returns (added, updated)."""
        incoming: dict[str, Order] = {}
        for order in orders:
            old = incoming.get(order.order_id)
            incoming[order.order_id] = order if old is None else old.merged_with(order)
        existing = self._get_many(list(incoming))
        rows = []
        for order_id, order in incoming.items():
            old = existing.get(order_id)
            rows.append(_to_row(order if old is None else old.merged_with(order)))
        with self._conn:
            self._conn.executemany(
                f"INSERT OR REPLACE INTO orders ({', '.join(_FIELDS)}) "
                f"VALUES ({', '.join('?' * len(_FIELDS))})", rows)
        return len(incoming) - len(existing), len(existing)

    def get(self, order_id: str) -> Order | None:
        return self._get_many([order_id]).get(order_id)

    def all(self) -> list[Order]:
        """Newest purchase first."""
        cur = self._conn.execute(f"SELECT {', '.join(_FIELDS)} FROM orders ORDER BY order_id")
        orders = [_from_row(row) for row in cur]
        # offsets differ between marketplaces, so compare datetimes, not the stored text
        orders.sort(key=lambda o: o.purchase_date.timestamp() if o.purchase_date else 0,
                    reverse=True)
        return orders

    def __iter__(self) -> Iterator[Order]:
        return iter(self.all())

    def set_delivery_date(self, order_id: str, day: date | None) -> Order:
        """Record the day the buyer got the order (the report often has no date); None clears it."""
        with self._conn:
            cur = self._conn.execute(
                "UPDATE orders SET delivery_date_entered = ? WHERE order_id = ?",
                (day.isoformat() if day else None, order_id))
        if cur.rowcount == 0:
            raise KeyError(order_id)
        order = self.get(order_id)
        assert order is not None
        return order

    def _get_many(self, ids: list[str]) -> dict[str, Order]:
        found: dict[str, Order] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            cur = self._conn.execute(
                f"SELECT {', '.join(_FIELDS)} FROM orders "
                f"WHERE order_id IN ({', '.join('?' * len(chunk))})", chunk)
            for row in cur:
                found[row[0]] = _from_row(row)
        return found


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _to_row(order: Order) -> tuple:
    items = [[i.product_name, i.asin, i.sku, i.quantity, i.order_item_id] for i in order.items]
    return (order.order_id, _iso(order.purchase_date), order.status, order.buyer_name,
            order.recipient_name, order.buyer_email, order.sales_channel,
            _iso(order.ship_date), _iso(order.delivery_date),
            _iso(order.delivery_date_entered), json.dumps(items, ensure_ascii=False))


def _from_row(row: tuple) -> Order:
    def when(value: str | None) -> datetime | None:
        return datetime.fromisoformat(value) if value else None

    return Order(
        order_id=row[0], purchase_date=when(row[1]), status=row[2], buyer_name=row[3],
        recipient_name=row[4], buyer_email=row[5], sales_channel=row[6],
        ship_date=when(row[7]), delivery_date=when(row[8]),
        delivery_date_entered=date.fromisoformat(row[9]) if row[9] else None,
        items=tuple(OrderItem(*item) for item in json.loads(row[10])),
    )
