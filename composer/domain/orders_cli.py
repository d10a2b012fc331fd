"""`seller-composer orders import|list` and `seller-composer history list|export`."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from composer.domain.history import History, to_csv
from composer.domain.order_store import OrderStore
from composer.domain.orders import Order, ReportError, read_report
from composer.domain.paths import data_dir
from composer.domain.storage import CorruptFile

EXIT_OK, EXIT_USAGE = 0, 2


def _usage_error(message: str) -> Exception:
    from composer.cli import UsageError  # late: cli imports this module

    return UsageError(message)


def register(subparsers: argparse._SubParsersAction) -> None:
    orders = subparsers.add_parser("orders", help="import and list Seller Central orders")
    osub = orders.add_subparsers(dest="orders_command", metavar="{import,list}", required=True)
    imp = osub.add_parser("import", help="import an order report (tab-separated .txt/.tsv)")
    imp.add_argument("file", help="All Orders, Order Report or Fulfilled Shipments file")
    _data_dir_option(imp)
    imp.set_defaults(func=cmd_orders_import)
    lst = osub.add_parser("list", help="list the imported orders")
    lst.add_argument("--format", choices=("text", "json"), default="text")
    _data_dir_option(lst)
    lst.set_defaults(func=cmd_orders_list)

    history = subparsers.add_parser("history", help="messages sent so far")
    hsub = history.add_subparsers(dest="history_command", metavar="{list,export}",
                                  required=True)
    hl = hsub.add_parser("list", help="list sent messages")
    hl.add_argument("--order", metavar="ID", help="only the messages for this order")
    hl.add_argument("--format", choices=("text", "json", "csv"), default="text")
    _data_dir_option(hl)
    hl.set_defaults(func=cmd_history_list)
    he = hsub.add_parser("export", help="write the history as CSV for Excel")
    he.add_argument("file", metavar="FILE.csv")
    he.add_argument("--order", metavar="ID", help="only the messages for this order")
    _data_dir_option(he)
    he.set_defaults(func=cmd_history_export)


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: when absent here, the global `--data-dir` before the command still counts
    parser.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="folder for orders and history")


def _folder(args: argparse.Namespace) -> Path:
    try:
        return data_dir(getattr(args, "data_dir", None))
    except OSError as exc:
        where = exc.filename or getattr(args, "data_dir", None) or "the data folder"
        raise _usage_error(f"{where}: cannot be used as the data folder "
                           f"({exc.strerror or exc})") from None


def _open[S: (OrderStore, History)](kind: type[S], args: argparse.Namespace) -> S:
    """The store in the data folder; a damaged one is replaced and the user warned."""
    folder = _folder(args)
    try:
        store = kind.in_dir(folder)
    except (sqlite3.Error, RuntimeError) as exc:  # locked, unreadable, or from a newer version
        raise _usage_error(f"cannot open the data in {folder}: {exc}") from None
    recovered: CorruptFile | None = store.recovered
    if recovered is not None:
        print(f"seller-composer: warning: {recovered}; starting with an empty one",
              file=sys.stderr)
    return store


def cmd_orders_import(args: argparse.Namespace) -> int:
    try:
        result = read_report(args.file)
    except ReportError as exc:
        raise _usage_error(str(exc)) from None
    with _open(OrderStore, args) as store:
        try:
            added, updated = store.save(result.orders)
        except sqlite3.Error as exc:
            raise _usage_error(f"could not save the orders: {exc}") from None
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print(f"{args.file}: imported {_count(len(result.orders), 'order')} "
          f"({_count(result.rows, 'item row')}; {added} new, {updated} updated), "
          f"{_count(len(result.problems), 'problem')} [{result.encoding}]")
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def cmd_orders_list(args: argparse.Namespace) -> int:
    with _open(OrderStore, args) as store:
        orders = store.all()
    if args.format == "json":
        print(json.dumps([o.to_dict() for o in orders], ensure_ascii=False, indent=2))
        return EXIT_OK
    for order in orders:
        print(_order_line(order))
    if not orders:
        print("no orders yet; import a report with `seller-composer orders import FILE`",
              file=sys.stderr)
    return EXIT_OK


def _order_line(order: Order) -> str:
    when = order.purchase_date.date().isoformat() if order.purchase_date else "?"
    names = " + ".join(i.product_name for i in order.items) or "(no items)"
    return "  ".join([order.order_id, when, order.status or "-",
                      order.marketplace or order.sales_channel or "-",
                      order.buyer_name or "-", names])


def cmd_history_list(args: argparse.Namespace) -> int:
    with _open(History, args) as history:
        messages = history.for_order(args.order) if args.order else history.all()
    if args.format == "json":
        print(json.dumps([m.to_dict() for m in messages], ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(to_csv(messages, lineterminator="\n"))  # stdout adds \r on Windows
    else:
        for m in messages:
            print("  ".join([m.sent_at.isoformat(timespec="minutes"), m.order_id, m.reason,
                             m.marketplace, m.subject or "(no subject)"]))
    return EXIT_OK


def cmd_history_export(args: argparse.Namespace) -> int:
    with _open(History, args) as history:
        try:
            count = history.export_csv(Path(args.file), args.order)
        except OSError as exc:
            raise _usage_error(f"{args.file}: {exc.strerror or exc}") from None
    print(f"{args.file}: exported {count} messages")
    return EXIT_OK
