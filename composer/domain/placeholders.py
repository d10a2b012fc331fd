"""Placeholders such as `{buyer_name}`: what an order can fill in, and filling them.

A placeholder with no value stays in the text as it is, so the checker flags it and the
seller cannot send a message that still says `{delivery_date}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class PlaceholderField:
    name: str
    label: str  # what the Insert menu shows

    @property
    def token(self) -> str:
        return "{" + self.name + "}"


FIELDS: tuple[PlaceholderField, ...] = (
    PlaceholderField("buyer_name", "Buyer name"),
    PlaceholderField("buyer_first_name", "Buyer first name"),
    PlaceholderField("buyer_last_name", "Buyer last name"),
    PlaceholderField("order_id", "Order ID"),
    PlaceholderField("product_name", "Product name"),
    PlaceholderField("asin", "ASIN"),
    PlaceholderField("sku", "SKU"),
    PlaceholderField("purchase_date", "Purchase date"),
    PlaceholderField("delivery_date", "Delivery date"),
    PlaceholderField("seller_name", "Seller / store name"),
    PlaceholderField("recipient_name", "Recipient name"),
)
FIELD_NAMES = frozenset(f.name for f in FIELDS)
# Values that identify the buyer: never written to a draft or a template file.
PERSONAL = ("buyer_name", "buyer_first_name", "buyer_last_name", "recipient_name",
            "buyer_email")

# `{name}` but not `{{name}}`: doubled braces are left to whoever wrote them.
_TOKEN = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]{0,39})\}(?!\})")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names in `text`, first occurrence first, each once."""
    return list(dict.fromkeys(m.group(1) for m in _TOKEN.finditer(text)))


def fill(text: str, values: Mapping[str, str]) -> tuple[str, list[str]]:
    """Replace every placeholder that has a non-blank value; return the text and the rest.

    One pass: a value that itself contains `{order_id}` is not expanded again.
    """
    unfilled: dict[str, None] = {}

    def sub(m: re.Match[str]) -> str:
        value = values.get(m.group(1))
        if value is None or not str(value).strip():
            unfilled[m.group(1)] = None
            return m.group(0)
        return str(value)

    return _TOKEN.sub(sub, text), list(unfilled)


def unfill(text: str, values: Mapping[str, str], names: Iterable[str] | None = None) -> str:
    """Turn the given values back into placeholders: the inverse of `fill`.

    Used before a draft or a template is written, so files outside the orders store and the
    history never hold a buyer's name. One pass, longest value first, whole words only,
    case as in the order (so `fill` restores the text exactly).
    """
    wanted = set(values) if names is None else set(names)
    by_value: dict[str, str] = {}
    for name, value in values.items():
        value = str(value or "").strip()
        if name in wanted and len(value) >= 2:
            by_value.setdefault(value, name)
    if not by_value:
        return text
    alternatives = "|".join(re.escape(v) for v in sorted(by_value, key=len, reverse=True))
    pattern = re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")
    return pattern.sub(lambda m: "{" + by_value[m.group(0)] + "}", text)


_DATE_FORMATS = {"US": "%m/%d/%Y", "CA": "%Y-%m-%d", "UK": "%d/%m/%Y", "DE": "%d.%m.%Y",
                 "FR": "%d/%m/%Y", "ES": "%d/%m/%Y", "IT": "%d/%m/%Y"}


def format_date(value: object, marketplace: str | None = None) -> str:
    """A date as buyers on `marketplace` write it; ISO 8601 when the marketplace is unknown."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        fmt = _DATE_FORMATS.get((marketplace or "").upper(), "%Y-%m-%d")
        return value.strftime(fmt)
    if isinstance(value, str) and value.strip():
        try:
            return format_date(datetime.fromisoformat(value.strip()), marketplace)
        except ValueError:
            return value.strip()
    return ""


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def name_parts(full: str) -> tuple[str, str]:
    """(first, last) of a buyer name; initials such as `E.` count as neither."""
    words = [w for w in full.split() if not w.endswith(".")]
    if len(words) < 2:
        return "", ""
    return words[0], words[-1]


def values_from_order(order: object, *, seller_name: str = "",
                      marketplace: str | None = None) -> dict[str, str]:
    """The placeholder values an order object provides, read with getattr.

    Works with any object that has some of `order_id`, `buyer_name`, `recipient_name`,
    `purchase_date`, `delivered_on()` or `delivery_date`, `marketplace` (dates are written
    the marketplace's way), and either `items` (each with `product_name`, `asin`, `sku`) or
    those three directly. The first item fills the product fields. Blanks are left out.
    """
    items = getattr(order, "items", None) or ()
    item = items[0] if items else order
    delivered_on = getattr(order, "delivered_on", None)
    delivery = delivered_on() if callable(delivered_on) else None
    delivery = delivery or next((getattr(order, a, None) for a in
                                 ("delivery_date", "estimated_arrival_date")
                                 if getattr(order, a, None)), None)
    market = getattr(order, "marketplace", None)
    marketplace = marketplace or (market if isinstance(market, str) else None)
    names = personal_values(order)
    names.pop("buyer_email", None)  # no placeholder: an email may not be in a message
    raw = {
        "order_id": _text(getattr(order, "order_id", None)),
        **names,
        "product_name": _text(getattr(item, "product_name", None)),
        "asin": _text(getattr(item, "asin", None)),
        "sku": _text(getattr(item, "sku", None)),
        "purchase_date": format_date(getattr(order, "purchase_date", None), marketplace),
        "delivery_date": format_date(delivery, marketplace),
        "seller_name": seller_name.strip(),
    }
    return {k: v for k, v in raw.items() if v}


def personal_values(order: object) -> dict[str, str]:
    """The values that identify the buyer, for `unfill` before anything is written."""
    buyer = _text(getattr(order, "buyer_name", None))
    first, last = name_parts(buyer)
    raw = {"buyer_name": buyer, "buyer_first_name": first, "buyer_last_name": last,
           "recipient_name": _text(getattr(order, "recipient_name", None)),
           "buyer_email": _text(getattr(order, "buyer_email", None))}
    return {k: v for k, v in raw.items() if v}
