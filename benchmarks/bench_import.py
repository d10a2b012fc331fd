"""Time importing a generated 10,000-row All Orders report; prints JSON.

    .venv/bin/python benchmarks/bench_import.py [--rows 10000] [--repeat 5]

Figures: parse (bytes -> orders), store (first save into an empty orders.sqlite3), import
(parse + first save, what `orders import` does), reimport (parse + update of every order).
Target: import <= 1,000 ms for 10,000 rows.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from composer.domain.order_store import OrderStore
from composer.domain.orders import parse_report, read_report

HEADER = ("amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\t"
          "fulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\t"
          "product-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\t"
          "shipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\t"
          "item-promotion-discount\tship-promotion-discount\tship-city\tship-state\t"
          "ship-postal-code\tship-country\tpromotion-ids\tis-business-order\t"
          "purchase-order-number\tprice-designation")
PRODUCTS = [('Oak Shelf 31.5" x 11.8" Wall Shelf, Natural | 2 Pack', "OS-3112-N", "B0C7K2LQ9D"),
            ("Bamboo Cutting Board Set (3 pcs), Juice Groove", "BB-SET3", "B0B1X4TTZ2"),
            ("Stainless Steel Electric Kettle 1.7 L", "KT-17-SS", "B09Q8HJ2MX"),
            ("Merino Wool Hiking Socks, Men's L, 3 Pairs", "MW-SOCK-L3", "B0D2M9PQ1R")]


def generate(rows: int, seed: int = 7) -> bytes:
    """An All Orders report, CRLF, 1-3 item rows per order, trailing empty columns."""
    rnd = random.Random(seed)
    lines = [HEADER]
    while len(lines) <= rows:
        order_id = f"{rnd.randint(111, 114)}-{rnd.randint(0, 9999999):07d}-" \
                   f"{rnd.randint(0, 9999999):07d}"
        day = rnd.randint(1, 28)
        for n in range(rnd.choice((1, 1, 2, 3))):
            name, sku, asin = PRODUCTS[rnd.randrange(len(PRODUCTS))]
            lines.append("\t".join([
                order_id, order_id, f"2026-10-{day:02d}T0{n}:10:21-07:00",
                "2026-10-30T17:23:22-07:00", "Shipped", "Merchant", "Amazon.com", "", "",
                "Standard", name, sku, asin, "Shipped", "1", "USD", "34.99", "2.14",
                "", "", "", "", "", "", "Memphis", "TN", "38117-3311", "US", "", "false", "",
                ""]))
    return ("\r\n".join(lines[:rows + 1]) + "\r\n").encode("utf-8")


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    data = generate(args.rows)
    times: dict[str, list[float]] = {"parse": [], "store": [], "import": [], "reimport": []}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "all-orders.tsv"
        report.write_bytes(data)
        for i in range(args.repeat):
            folder = Path(tmp) / f"data{i}"
            t0 = time.perf_counter()
            result = read_report(report)
            t1 = time.perf_counter()
            with OrderStore.in_dir(folder) as store:
                store.save(result.orders)
            t2 = time.perf_counter()
            with OrderStore.in_dir(folder) as store:
                store.save(parse_report(report.read_bytes(), str(report)).orders)
            t3 = time.perf_counter()
            times["parse"].append(t1 - t0)
            times["store"].append(t2 - t1)
            times["import"].append(t2 - t0)
            times["reimport"].append(t3 - t2)
    print(json.dumps({
        "rows": args.rows, "orders": len(result.orders), "bytes": len(data),
        "problems": len(result.problems), "repeat": args.repeat,
        "median_ms": {k: ms(statistics.median(v)) for k, v in times.items()},
        "max_ms": {k: ms(max(v)) for k, v in times.items()},
        "target_import_ms": 1000,
        "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
    }, indent=2))
    return 0 if statistics.median(times["import"]) <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
