"""Every message the seller sent, in `history.sqlite3`: the timing rules read it back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from composer.domain.orders import Order
from composer.domain.storage import atomic_write_bytes, open_database
from composer.rules import CheckContext, EarlierMessage

FILENAME = "history.sqlite3"
CSV_COLUMNS = ("sent_at", "order_id", "reason", "marketplace", "subject", "text",
               "ruleset_version")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sent_at TEXT NOT NULL,
    order_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    marketplace TEXT NOT NULL,
    subject TEXT NOT NULL,
    text TEXT NOT NULL,
    ruleset_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_order ON messages (order_id, sent_at);
"""


@dataclass(frozen=True, slots=True)
class SentMessage:
    id: int
    sent_at: datetime  # timezone-aware
    order_id: str
    reason: str
    marketplace: str
    subject: str
    text: str
    ruleset_version: str

    def to_dict(self) -> dict:
        return {"id": self.id, "sent_at": self.sent_at.isoformat(), "order_id": self.order_id,
                "reason": self.reason, "marketplace": self.marketplace,
                "subject": self.subject, "text": self.text,
                "ruleset_version": self.ruleset_version}


class History:
    """Append-only log of sent messages; one committed transaction per message."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn, self.recovered = open_database(path, _SCHEMA, 1)

    @classmethod
    def in_dir(cls, folder: Path) -> History:
        return cls(Path(folder) / FILENAME)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self._conn.execute("SELECT count(*) FROM messages").fetchone()[0]

    def record(self, order_id: str, reason: str, marketplace: str, subject: str, text: str,
               ruleset_version: str, sent_at: datetime | None = None) -> SentMessage:
        when = sent_at or datetime.now(UTC)
        if when.tzinfo is None:
            when = when.astimezone()  # a naive time is the computer's local time
        values = (when.isoformat(), order_id, reason, marketplace.upper(), subject or "",
                  text, ruleset_version)
        with self._conn:
            cur = self._conn.execute(
                "INSERT INTO messages (sent_at, order_id, reason, marketplace, subject, text,"
                " ruleset_version) VALUES (?, ?, ?, ?, ?, ?, ?)", values)
        return SentMessage(cur.lastrowid or 0, when, *values[1:])

    def for_order(self, order_id: str) -> list[SentMessage]:
        return self._select("WHERE order_id = ?", (order_id,))

    def all(self) -> list[SentMessage]:
        return self._select("", ())

    def _select(self, where: str, params: tuple) -> list[SentMessage]:
        cur = self._conn.execute(
            f"SELECT id, sent_at, {', '.join(CSV_COLUMNS[1:])} FROM messages {where} "
            "ORDER BY id", params)
        out = [SentMessage(row[0], datetime.fromisoformat(row[1]), *row[2:]) for row in cur]
        out.sort(key=lambda m: (m.sent_at, m.id))
        return out

    def counts(self) -> dict[str, int]:
        """Messages sent per order id (the orders table shows them)."""
        cur = self._conn.execute("SELECT order_id, count(*) FROM messages GROUP BY order_id")
        return dict(cur.fetchall())

    def export_csv(self, path: Path, order_id: str | None = None) -> int:
        """Write the history as CSV Excel opens directly (UTF-8 with BOM); returns the count."""
        messages = self.for_order(order_id) if order_id else self.all()
        atomic_write_bytes(Path(path), to_csv(messages).encode("utf-8-sig"))
        return len(messages)


def to_csv(messages: Iterable[SentMessage], lineterminator: str = "\r\n") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=lineterminator)
    writer.writerow(CSV_COLUMNS)
    for m in messages:
        writer.writerow([m.sent_at.isoformat(), m.order_id, m.reason, m.marketplace,
                         m.subject, m.text, m.ruleset_version])
    return buf.getvalue()


def earlier_messages(messages: Iterable[SentMessage]) -> tuple[EarlierMessage, ...]:
    """What the engine's timing rules need to know about earlier messages for one order."""
    return tuple(EarlierMessage(reason=m.reason, sent_at=m.sent_at) for m in messages)


def order_context(order: Order, history: History | Iterable[SentMessage],
                  user_words: Iterable[str], seller_name: str, today: date) -> CheckContext:
    """Everything the engine may know about this order when checking a draft for it."""
    sent = history.for_order(order.order_id) if isinstance(history, History) else [
        m for m in history if m.order_id == order.order_id]
    words = set(user_words)
    if order.recipient_name:  # the buyer may address the message to the recipient
        words.update(order.recipient_name.split())
    return CheckContext(
        buyer_name=order.buyer_name or "",
        product_name="; ".join(i.product_name for i in order.items if i.product_name),
        seller_name=seller_name,
        words=frozenset(words),
        purchase_date=order.purchase_date.date() if order.purchase_date else None,
        delivery_date=order.delivered_on(),
        today=today,
        earlier=earlier_messages(sent),
    )
