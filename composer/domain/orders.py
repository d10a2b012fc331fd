"""Orders from Seller Central flat-file reports (POLICY.md §5), mapped by header name."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path

from composer.domain.storage import read_input

ORDER_ID_RE = re.compile(r"\d{3}-\d{7}-\d{7}")
ASIN_RE = re.compile(r"B0[A-Z0-9]{8}|\d{9}[\dX]")  # books use their ISBN-10
_EXCEL_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?E\+?\d+", re.IGNORECASE)

# Sales channel (or the buyer-email alias domain) -> marketplace code.
CHANNELS = {
    "amazon.com": "US", "amazon.ca": "CA", "amazon.co.uk": "UK", "amazon.de": "DE",
    "amazon.fr": "FR", "amazon.es": "ES", "amazon.it": "IT", "amazon.co.jp": "JP",
    "amazon.com.mx": "MX", "amazon.nl": "NL", "amazon.se": "SE", "amazon.pl": "PL",
    "amazon.com.be": "BE", "amazon.com.au": "AU",
}

# Our field -> the header names Seller Central has used for it (first present wins).
COLUMNS: dict[str, tuple[str, ...]] = {
    "order_id": ("amazon-order-id", "order-id"),
    "order_item_id": ("order-item-id", "amazon-order-item-id"),
    "purchase_date": ("purchase-date",),
    "status": ("order-status",),
    "buyer_name": ("buyer-name",),
    "buyer_email": ("buyer-email",),
    "recipient_name": ("recipient-name",),
    "sales_channel": ("sales-channel",),
    "product_name": ("product-name",),
    "asin": ("asin",),
    "sku": ("sku", "seller-sku"),
    "quantity": ("quantity", "quantity-purchased", "quantity-shipped"),
    "ship_date": ("shipment-date",),
    "delivery_date": ("estimated-arrival-date", "delivery-start-date"),
}


@dataclass(frozen=True, slots=True)
class OrderItem:
    product_name: str
    asin: str | None = None
    sku: str | None = None
    quantity: int | None = None
    order_item_id: str | None = None

    def same_item(self, other: OrderItem) -> bool:
        """Two reports describe one item if an id they both carry matches."""
        for a, b in ((self.order_item_id, other.order_item_id), (self.sku, other.sku),
                     (self.asin, other.asin)):
            if a and b:
                return a == b
        return self.product_name == other.product_name

    def merged_with(self, newer: OrderItem) -> OrderItem:
        return OrderItem(*(n if n not in (None, "") else o for o, n in zip(
            _item_values(self), _item_values(newer), strict=True)))


def _item_values(item: OrderItem) -> tuple:
    return (item.product_name, item.asin, item.sku, item.quantity, item.order_item_id)


@dataclass(frozen=True, slots=True)
class Order:
    order_id: str
    purchase_date: datetime | None = None
    status: str | None = None
    buyer_name: str | None = None
    recipient_name: str | None = None
    buyer_email: str | None = field(default=None, repr=False)  # never logged or printed
    sales_channel: str | None = None
    items: tuple[OrderItem, ...] = ()
    ship_date: datetime | None = None
    delivery_date: datetime | None = None  # from the report (estimate or scheduled)
    delivery_date_entered: date | None = None  # typed in by the seller; wins over the report

    @property
    def marketplace(self) -> str | None:
        """US, DE... from the sales channel, else from the buyer's email alias domain."""
        if self.sales_channel:
            code = CHANNELS.get(self.sales_channel.strip().lower())
            if code:
                return code
        if self.buyer_email and "@marketplace." in self.buyer_email:
            return CHANNELS.get(self.buyer_email.rsplit("@marketplace.", 1)[1].lower())
        return None

    def delivered_on(self) -> date | None:
        if self.delivery_date_entered is not None:
            return self.delivery_date_entered
        return self.delivery_date.date() if self.delivery_date else None

    def days_since_purchase(self, today: date) -> int | None:
        return (today - self.purchase_date.date()).days if self.purchase_date else None

    def days_since_delivery(self, today: date) -> int | None:
        day = self.delivered_on()
        return (today - day).days if day else None

    def merged_with(self, newer: Order) -> Order:
        """This order updated by a later import: known values win over blanks."""
        values = {}
        for name in ("purchase_date", "status", "buyer_name", "recipient_name", "buyer_email",
                     "sales_channel", "ship_date", "delivery_date"):
            new = getattr(newer, name)
            values[name] = new if new not in (None, "") else getattr(self, name)
        items = list(self.items)
        for item in newer.items:
            i = next((i for i, old in enumerate(items) if old.same_item(item)), None)
            if i is None:
                items.append(item)
            else:
                items[i] = items[i].merged_with(item)
        return replace(self, items=tuple(items), **values)

    def to_dict(self) -> dict:
        """A JSON-ready view for lists and exports; the buyer's email is left out."""
        def iso(value: date | None) -> str | None:
            return value.isoformat() if value else None

        return {
            "order_id": self.order_id, "purchase_date": iso(self.purchase_date),
            "status": self.status, "buyer_name": self.buyer_name,
            "recipient_name": self.recipient_name, "sales_channel": self.sales_channel,
            "marketplace": self.marketplace, "ship_date": iso(self.ship_date),
            "delivery_date": iso(self.delivered_on()),
            "items": [{"product_name": i.product_name, "asin": i.asin, "sku": i.sku,
                       "quantity": i.quantity} for i in self.items],
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one line of a report; the rest of the file still counts."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class ImportResult:
    file: str
    encoding: str
    orders: list[Order]
    rows: int  # item rows taken from the file
    problems: list[Problem]


class ReportError(Exception):
    """The file cannot be read as a Seller Central report at all."""


def read_report(path: str | Path) -> ImportResult:
    return parse_report(read_input(path, ReportError), str(path))


def parse_report(data: bytes, name: str) -> ImportResult:
    text, encoding = decode_report(data, name)
    lines = text.split("\n")
    header = _find_header(lines, name)
    builder = _Builder(name, header)
    for n in range(header.line + 1, len(lines)):
        line = lines[n].rstrip("\r")
        if line.strip():
            builder.add(line, n + 1)
    return ImportResult(name, encoding, builder.orders(), builder.rows, builder.problems)


_KANA_RE = re.compile(r"[\u3041-\u30fa\u30fc]")
_CJK_RUN_RE = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff]{2,}")
_HIGH_PAIR_RE = re.compile(rb"[\x80-\xff]{2}")


def decode_report(data: bytes, name: str) -> tuple[str, str]:
    """UTF-8 if it is valid, else Shift_JIS if it reads as Japanese, else Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # Excel "Unicode text"
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ReportError(f"{name}: damaged UTF-16 text") from None
    if data.startswith(b"PK\x03\x04"):
        raise ReportError(f"{name}: is a zip or Excel workbook; download the report as "
                          "tab-separated text (.txt/.tsv)")
    if b"\x00" in data:
        raise ReportError(f"{name}: looks like a binary file, not a Seller Central report")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        japanese = data.decode("cp932")
    except UnicodeDecodeError:
        japanese = None
    # Shift_JIS puts two high bytes side by side; accented Latin-1 letters rarely touch.
    if japanese is not None and _HIGH_PAIR_RE.search(data) and (
            _KANA_RE.search(japanese) or _CJK_RUN_RE.search(japanese)):
        return japanese, "cp932"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        if japanese is not None:
            return japanese, "cp932"
        raise ReportError(f"{name}: not UTF-8, Windows-1252 or Shift_JIS text "
                          f"(byte {exc.start})") from None


@dataclass(frozen=True, slots=True)
class _Header:
    line: int  # 0-based index of the header line
    columns: dict[str, int]  # our field -> cell index
    width: int  # cells in the header line
    min_width: int  # cells up to the last named column; a header may end in empty names


def _find_header(lines: list[str], name: str) -> _Header:
    """The first line (of the first few) that names an order-id column."""
    for n, line in enumerate(lines[:10]):
        names = [h.strip().lstrip("\ufeff").removeprefix("ï»¿").strip().lower()
                 for h in line.rstrip("\r").split("\t")]
        index = {h: i for i, h in reversed(list(enumerate(names))) if h}
        columns = {}
        for ours, theirs in COLUMNS.items():
            found = next((index[h] for h in theirs if h in index), None)
            if found is not None:
                columns[ours] = found
        if "order_id" in columns:
            last_named = max(i for i, h in enumerate(names) if h)
            return _Header(n, columns, len(names), last_named + 1)
    if not any(line.strip() for line in lines):
        raise ReportError(f"{name}: the file is empty")
    raise ReportError(f"{name}: no Seller Central header found (expected a tab-separated "
                      "first line with an 'amazon-order-id' or 'order-id' column)")


class _RowError(Exception):
    pass


class _Builder:
    """Collects item rows into orders, keeping first-seen order and every problem."""

    def __init__(self, name: str, header: _Header) -> None:
        self.name = name
        self.columns = header.columns
        self.width = header.width
        self.min_width = header.min_width
        self.problems: list[Problem] = []
        self.rows = 0
        self._orders: dict[str, Order] = {}

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.name, line, message))

    def add(self, line: str, number: int) -> None:
        cells = line.split("\t")
        if not self.min_width <= len(cells) <= self.width:
            self.problem(number, f"{len(cells)} columns where the header has {self.width}; "
                                 "row skipped (a tab inside a value?)")
            return
        try:
            order = self._order_from(cells, number)
        except _RowError as exc:
            self.problem(number, f"{exc}; row skipped")
            return
        self.rows += 1
        old = self._orders.get(order.order_id)
        self._orders[order.order_id] = order if old is None else _combine_rows(old, order)

    def orders(self) -> list[Order]:
        return list(self._orders.values())

    def cell(self, cells: list[str], key: str) -> str | None:
        i = self.columns.get(key)
        value = cells[i].strip() if i is not None else ""
        return value or None

    def _order_from(self, cells: list[str], number: int) -> Order:
        order_id = self.cell(cells, "order_id")
        if order_id is None:
            raise _RowError("no order id")
        if not ORDER_ID_RE.fullmatch(order_id):
            raise _RowError(_bad_id_message("order id", order_id, "123-1234567-1234567"))
        purchased = self._date(cells, "purchase_date", number, None, required=True)
        return Order(
            order_id=order_id,
            purchase_date=purchased,
            status=self.cell(cells, "status"),
            buyer_name=self.cell(cells, "buyer_name"),
            recipient_name=self.cell(cells, "recipient_name"),
            buyer_email=self.cell(cells, "buyer_email"),
            sales_channel=self.cell(cells, "sales_channel"),
            items=(self._item(cells, number),),
            ship_date=self._date(cells, "ship_date", number, purchased),
            delivery_date=self._date(cells, "delivery_date", number, purchased),
        )

    def _item(self, cells: list[str], number: int) -> OrderItem:
        item_id = self.cell(cells, "order_item_id")
        if item_id is not None and not item_id.isdigit():
            self.problem(number, _bad_id_message("order item id", item_id, "digits only")
                         + "; imported without it")
            item_id = None
        asin = self.cell(cells, "asin")
        if asin is not None and not ASIN_RE.fullmatch(asin):
            self.problem(number, _bad_id_message("ASIN", asin, "B0 and 8 letters or digits")
                         + "; imported without it")
            asin = None
        raw_qty = self.cell(cells, "quantity")
        quantity = None
        if raw_qty is not None:
            if raw_qty.isdigit():
                quantity = int(raw_qty)
            else:
                self.problem(number, f"quantity {raw_qty!r} is not a whole number")
        return OrderItem(self.cell(cells, "product_name") or "", asin,
                         self.cell(cells, "sku"), quantity, item_id)

    def _date(self, cells: list[str], key: str, number: int, zone_of: datetime | None,
              required: bool = False) -> datetime | None:
        raw = self.cell(cells, key)
        if raw is None:
            return None
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            message = f"{COLUMNS[key][0]} {raw!r} is not an ISO 8601 date"
            if required:
                raise _RowError(message) from None
            self.problem(number, message + "; left empty")
            return None
        if value.tzinfo is None:  # no offset: read it in the marketplace's own offset
            value = value.replace(tzinfo=zone_of.tzinfo if zone_of else UTC)
        return value


def _bad_id_message(what: str, value: str, expected: str) -> str:
    if _EXCEL_NUMBER_RE.fullmatch(value):
        return (f"{what} {value!r} was turned into a number by Excel and its digits are lost; "
                "download the report again and import it without opening it in Excel")
    return f"malformed {what} {value!r} (expected {expected})"


def _combine_rows(order: Order, row: Order) -> Order:
    """Another item row of an order already seen in this file."""
    merged = order.merged_with(replace(row, items=()))
    merged = replace(
        merged,
        purchase_date=min((d for d in (order.purchase_date, row.purchase_date) if d),
                          default=None),
        ship_date=max((d for d in (order.ship_date, row.ship_date) if d), default=None),
        delivery_date=max((d for d in (order.delivery_date, row.delivery_date) if d),
                          default=None))
    item = row.items[0]
    items = list(merged.items)
    for i, old in enumerate(items):
        if item.order_item_id and old.order_item_id == item.order_item_id:
            # the same item again: a split shipment, so the quantities add up
            items[i] = replace(old, quantity=(old.quantity or 0) + (item.quantity or 0))
            return replace(merged, items=tuple(items))
    return replace(merged, items=(*items, item))
