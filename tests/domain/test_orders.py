"""Reading Seller Central reports into orders, and keeping them across restarts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from composer.domain.order_store import OrderStore
from composer.domain.orders import ReportError, parse_report, read_report
from composer.domain.storage import CorruptFile

SHARED = Path("/work/shared/orders")
if not SHARED.is_dir():  # a checkout elsewhere: look next to the repository
    SHARED = Path(__file__).resolve().parents[3] / "shared" / "orders"
ALL_ORDERS = SHARED / "all-orders-us.tsv"
MFN_US = SHARED / "order-report-mfn-us.tsv"
MFN_DE = SHARED / "order-report-mfn-de-cp1252.tsv"
needs_shared = pytest.mark.skipif(not ALL_ORDERS.exists(), reason="shared reports not found")

SHIPMENTS_HEADER = (
    "amazon-order-id\tmerchant-order-id\tshipment-id\tshipment-item-id\tamazon-order-item-id\t"
    "merchant-order-item-id\tpurchase-date\tpayments-date\tshipment-date\treporting-date\t"
    "buyer-email\tbuyer-name\tbuyer-phone-number\tsku\tproduct-name\tquantity-shipped\t"
    "currency\titem-price\trecipient-name\tship-city\tcarrier\ttracking-number\t"
    "estimated-arrival-date\tfulfillment-center-id\tfulfillment-channel\tsales-channel"
)


def shipment_row(order_id: str, item_id: str, qty: int, shipped: str, arrives: str,
                 name: str = "Ana García", product: str = "Kettle 1.7 L") -> str:
    return "\t".join([
        order_id, "", "DkVzVb7Nx", "D1nb2w8", item_id, "", "2026-11-01T09:00:00+01:00",
        "2026-11-01T09:05:00+01:00", shipped, shipped, "abc123@marketplace.amazon.es", name,
        "", "KT-17-SS", product, str(qty), "EUR", "39.00", name, "Madrid", "SEUR",
        "1Z999AA10123456784", arrives, "MAD4", "Amazon", "Amazon.es"])


@needs_shared
def test_all_orders_report_groups_item_rows_into_orders():
    result = read_report(ALL_ORDERS)
    assert (len(result.orders), result.rows, result.problems) == (40, 48, [])
    order = next(o for o in result.orders if o.order_id == "113-3530829-7624039")
    assert [(i.product_name, i.asin, i.sku) for i in order.items] == [
        ('Oak Shelf 31.5" x 11.8" Wall Shelf, Natural | 2 Pack', "B0C7K2LQ9D", "OS-3112-N"),
        ("Bamboo Cutting Board Set (3 pcs), Juice Groove", "B0B1X4TTZ2", "BB-SET3"),
    ]
    assert order.buyer_name is None  # All Orders has no buyer names
    assert order.status == "Shipped" and order.marketplace == "US"
    assert order.purchase_date == datetime(2026, 10, 1, 0, 10, 21, tzinfo=UTC)
    assert sum(len(o.items) == 2 for o in result.orders) == 8


@needs_shared
def test_order_report_keeps_names_and_the_email_alias_out_of_sight():
    result = read_report(MFN_US)
    assert (len(result.orders), result.rows, result.problems) == (12, 12, [])
    order = result.orders[0]
    assert order.order_id == "113-1068679-3444044"
    assert (order.buyer_name, order.recipient_name) == ("Sarah Miller", "Sarah Miller")
    assert order.buyer_email == "08xui6d39zzzzg4@marketplace.amazon.com"
    assert order.items[0].order_item_id == "66356990143755"  # a string, not a number
    assert order.purchase_date.utcoffset() == timedelta(hours=-8)
    assert "marketplace.amazon" not in repr(order)
    assert "marketplace.amazon" not in str(order.to_dict())


@needs_shared
def test_windows_1252_report_gives_umlauts_and_accents():
    result = read_report(MFN_DE)
    assert result.encoding == "cp1252"
    assert [o.buyer_name for o in result.orders] == [
        "Jürgen Müller", "Chloé Bérénger", "Maria Lopez", "John Carter"]
    assert {o.marketplace for o in result.orders} == {"DE"}


def test_shift_jis_report_is_read_as_japanese(tmp_path):
    text = ("order-id\tbuyer-name\tpurchase-date\tproduct-name\tsales-channel\r\n"
            "250-1234567-1234567\t山田 太郎\t2026-11-01T10:00:00+09:00\t"
            "ステンレス電気ケトル 1.7L\tAmazon.co.jp\r\n")
    path = tmp_path / "jp.txt"
    path.write_bytes(text.encode("cp932"))
    result = read_report(path)
    assert result.encoding == "cp932"
    assert result.orders[0].buyer_name == "山田 太郎"
    assert result.orders[0].items[0].product_name == "ステンレス電気ケトル 1.7L"


def test_latin_text_that_also_decodes_as_shift_jis_stays_windows_1252():
    data = "order-id\tbuyer-name\n111-1111111-1111111\tBérénger\n".encode("cp1252")
    data.decode("cp932")  # the trap: this does not fail
    result = parse_report(data, "fr.txt")
    assert result.encoding == "cp1252" and result.orders[0].buyer_name == "Bérénger"


def test_excel_unicode_text_export_is_read(tmp_path):
    text = "order-id\tbuyer-name\r\n111-1111111-1111111\tŁukasz Żółć\r\n"
    path = tmp_path / "excel-unicode.txt"
    path.write_bytes(text.encode("utf-16"))  # with a BOM, as Excel writes it
    result = read_report(path)
    assert (result.encoding, result.orders[0].buyer_name) == ("utf-16", "Łukasz Żółć")


def test_columns_are_found_by_name_with_bom_case_extra_columns_and_lf(tmp_path):
    text = ("\ufeffSKU\tNew-Column\tProduct-Name\tAmazon-Order-Id\tPurchase-Date\tASIN\tURL\n"
            "OS-1\tx\tShelf | 2 \"Pack\"\t111-2222222-3333333\t2026-11-02T10:50:49-08:00\t"
            "B0C7K2LQ9D\t\n")  # the empty last column is just a trailing tab
    path = tmp_path / "bom.tsv"
    path.write_bytes(text.encode("utf-8"))
    result = read_report(path)
    assert result.problems == []
    item = result.orders[0].items[0]
    assert (item.product_name, item.sku, item.asin) == ('Shelf | 2 "Pack"', "OS-1", "B0C7K2LQ9D")


@needs_shared
def test_damaged_ids_and_malformed_rows_are_reported_by_line_and_the_rest_imports(tmp_path):
    lines = ALL_ORDERS.read_bytes().decode("utf-8").split("\r\n")
    lines[3] = lines[3].replace("111-2215279-9990608", "1.13353E+17", 1)  # line 4
    lines[5] = lines[5].replace("112-1629072-2441955", "112-162907", 1)  # line 6
    lines[7] = lines[7].replace("Grey Linen", "Grey\tLinen")  # line 8: a stray tab
    lines[9] = lines[9].replace("2026-10-07T06:10:21+00:00", "10/8/2026 7:10", 1)  # line 10
    path = tmp_path / "damaged.tsv"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    result = read_report(path)
    where = {p.line: str(p) for p in result.problems}
    assert sorted(where) == [4, 6, 8, 10]
    assert where[4].startswith(f"{path}:4: order id '1.13353E+17'") and "Excel" in where[4]
    assert "malformed order id '112-162907'" in where[6]
    assert "33 columns where the header has 32" in where[8]
    assert "'10/8/2026 7:10' is not an ISO 8601 date" in where[10]
    assert result.rows == 44
    ids = {o.order_id for o in result.orders}
    assert "111-2215279-9990608" not in ids and "1.13353E+17" not in ids
    assert "113-3530829-7624039" in ids


@needs_shared
def test_excel_damaged_item_id_is_reported_but_the_order_still_imports(tmp_path):
    lines = MFN_US.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace("62950994231324", "6.29510E+13")
    path = tmp_path / "excel.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_report(path)
    assert [p.line for p in result.problems] == [3]
    assert "6.29510E+13" in result.problems[0].message
    order = next(o for o in result.orders if o.order_id == "111-4197897-2129905")
    assert order.items[0].order_item_id is None and order.buyer_name == "David Chen"


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "empty"),
    (b"\r\n\r\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"),
    (b"Dear buyer,\nthanks for your order.\n", "no Seller Central header"),
])
def test_unreadable_files_get_a_clear_error_naming_the_file(tmp_path, content, expected):
    path = tmp_path / "orders.tsv"
    path.write_bytes(content)
    with pytest.raises(ReportError, match=expected) as info:
        read_report(path)
    assert str(path) in str(info.value)


def test_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(ReportError, match="no such file"):
        read_report(tmp_path / "nope.tsv")


def test_fulfilled_shipments_give_ship_and_delivery_dates(tmp_path):
    rows = [shipment_row("402-1111111-2222222", "11111111111111", 1,
                         "2026-11-02T08:00:00+01:00", "2026-11-04T20:00:00+01:00"),
            shipment_row("402-1111111-2222222", "11111111111111", 2,
                         "2026-11-03T08:00:00+01:00", "2026-11-05T20:00:00+01:00")]
    path = tmp_path / "shipments.txt"
    path.write_text("\n".join([SHIPMENTS_HEADER, *rows]) + "\n", encoding="utf-8")
    result = read_report(path)
    assert result.problems == [] and len(result.orders) == 1
    order = result.orders[0]
    assert order.items[0].quantity == 3  # one item shipped in two parcels
    assert order.ship_date == datetime(2026, 11, 3, 8, tzinfo=timezone(timedelta(hours=1)))
    assert order.delivered_on() == date(2026, 11, 5)
    assert order.marketplace == "ES" and order.buyer_name == "Ana García"
    assert order.days_since_delivery(date(2026, 11, 12)) == 7
    assert order.days_since_purchase(date(2026, 11, 12)) == 11


@needs_shared
def test_reimport_updates_instead_of_duplicating(tmp_path):
    with OrderStore.in_dir(tmp_path) as store:
        assert store.save(read_report(ALL_ORDERS).orders) == (40, 0)
        assert store.save(read_report(ALL_ORDERS).orders) == (0, 40)
        assert len(store) == 40
        assert len(store.get("113-3530829-7624039").items) == 2


def test_a_second_report_fills_in_what_the_first_lacked(tmp_path):
    all_orders = ("amazon-order-id\tpurchase-date\torder-status\tproduct-name\tsku\tasin\n"
                  "111-2222222-3333333\t2026-11-02T10:50:49-08:00\tPending\tKettle\tKT-1\t"
                  "B09Q8HJ2MX\n")
    report = ("order-id\torder-item-id\tpurchase-date\tbuyer-name\tsku\tproduct-name\n"
              "111-2222222-3333333\t12345678901234\t2026-11-02T10:50:49-08:00\tZoë Ng\t"
              "KT-1\tKettle\n")
    with OrderStore.in_dir(tmp_path) as store:
        store.save(parse_report(all_orders.encode(), "a.tsv").orders)
        store.save(parse_report(report.encode(), "b.tsv").orders)
        order = store.get("111-2222222-3333333")
    assert (order.status, order.buyer_name) == ("Pending", "Zoë Ng")
    assert len(order.items) == 1
    assert (order.items[0].asin, order.items[0].order_item_id) == ("B09Q8HJ2MX",
                                                                  "12345678901234")


@needs_shared
def test_orders_and_entered_delivery_dates_survive_a_restart_and_a_reimport(tmp_path):
    with OrderStore.in_dir(tmp_path) as store:
        store.save(read_report(MFN_DE).orders)
        store.set_delivery_date("114-6689424-8067846", date(2026, 11, 6))
    with OrderStore.in_dir(tmp_path) as store:
        store.save(read_report(MFN_DE).orders)
        order = store.get("114-6689424-8067846")
        assert store.recovered is None and len(store) == 4
    assert order.buyer_name == "Jürgen Müller"
    assert order.buyer_email == "mwufxbv932byv7s@marketplace.amazon.com"
    assert order.purchase_date == datetime.fromisoformat("2026-11-01T10:50:49-08:00")
    assert order.delivered_on() == date(2026, 11, 6)
    assert order.days_since_delivery(date(2026, 11, 20)) == 14


def test_setting_a_delivery_date_for_an_unknown_order_fails(tmp_path):
    with OrderStore.in_dir(tmp_path) as store, pytest.raises(KeyError):
        store.set_delivery_date("111-0000000-0000000", date(2026, 11, 6))


def test_corrupt_store_is_moved_aside_and_an_empty_one_opened(tmp_path):
    path = tmp_path / "orders.sqlite3"
    path.write_bytes(b"this is not a database, it is junk" * 200)
    with OrderStore.in_dir(tmp_path) as store:
        assert isinstance(store.recovered, CorruptFile)
        assert len(store) == 0
        moved = store.recovered.moved_to
    assert moved.read_bytes().startswith(b"this is not a database")
    assert "orders.sqlite3 was damaged" in str(store.recovered)
    with OrderStore.in_dir(tmp_path) as store:
        assert store.recovered is None
