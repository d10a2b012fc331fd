"""Orders in the window: import reports, pick an order, correct its delivery date."""

from __future__ import annotations

import re
import sqlite3
import warnings
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import TODAY, wait_checked
from PySide6.QtCore import QDate, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from composer.gui.order_model import COLUMNS

ORDERS = Path("/work/shared/orders")
REPORTS = sorted(ORDERS.glob("*.tsv"))
US_REPORT = ORDERS / "order-report-mfn-us.tsv"
REVIEW = "Hello, if you have a moment, please consider sharing your experience in a review."


def order_ids_in(path: Path) -> set[str]:
    lines = path.read_bytes().decode("latin-1").splitlines()[1:]
    return {line.split("\t")[0] for line in lines
            if re.fullmatch(r"\d{3}-\d{7}-\d{7}", line.split("\t")[0])}


def table_column(window, name: str) -> list[str]:
    model = window.findChild(object, "orderTable").model()
    col = COLUMNS.index(name)
    return [model.index(r, col).data() for r in range(model.rowCount())]


def select_order(qtbot, window, order_id: str) -> None:
    assert window.orders_panel.select_order(order_id)
    assert window.order is not None and window.order.order_id == order_id
    wait_checked(qtbot, window)


@pytest.mark.skipif(not REPORTS, reason="no sample reports")
@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_importing_a_report_fills_the_table(composer_window, report):
    w = composer_window
    result = w.import_orders(report)
    assert result is not None
    assert set(table_column(w, "Order")) == order_ids_in(report)
    assert report.name in w.orders_panel.import_status.text()


def test_table_shows_buyer_days_and_filters(qtbot, composer_window):
    w = composer_window
    w.import_orders(US_REPORT)
    row = table_column(w, "Order").index("113-1068679-3444044")  # bought 2026-11-01
    assert table_column(w, "Buyer")[row] == "Sarah Miller"
    assert table_column(w, "Days since purchase")[row] == "19"
    qtbot.keyClicks(w.findChild(object, "orderFilter"), "sarah")
    assert set(table_column(w, "Buyer")) == {"Sarah Miller"}
    assert len(table_column(w, "Order")) == 2
    w.findChild(object, "orderFilter").setText("1068679")
    assert table_column(w, "Order") == ["113-1068679-3444044"]


def test_cp1252_report_keeps_umlauts_and_selects_its_marketplace(qtbot, composer_window):
    w = composer_window
    w.import_orders(ORDERS / "order-report-mfn-de-cp1252.tsv")
    assert "Jürgen Müller" in table_column(w, "Buyer")
    select_order(qtbot, w, "114-6689424-8067846")
    assert w.marketplace == "DE"


def test_a_broken_file_is_named_in_the_message(composer_window, tmp_path):
    w = composer_window
    bad = tmp_path / "not-a-report.txt"
    bad.write_text("hello\tworld\n", encoding="utf-8")
    assert w.import_orders(bad) is None
    assert "not-a-report.txt" in w.orders_panel.import_status.text()
    damaged = tmp_path / "damaged.tsv"
    damaged.write_text("order-id\tpurchase-date\n5.80293E+13\t2026-11-01T10:00:00+00:00\n",
                       encoding="utf-8")
    w.import_orders(damaged)
    assert "damaged.tsv:2:" in w.orders_panel.import_status.text()


def test_dropping_a_report_on_the_window_imports_it(qtbot, composer_window):
    w = composer_window
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(US_REPORT))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    with warnings.catch_warnings():  # Qt 6 has only this (deprecated-marked) constructor
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(20, 20), *args)
    QApplication.sendEvent(w, enter)
    assert enter.isAccepted()  # the window takes local files
    QApplication.sendEvent(w, QDropEvent(QPointF(20, 20), *args))
    assert set(table_column(w, "Order")) == order_ids_in(US_REPORT)


def test_delivery_date_is_stored_and_shown(qtbot, composer_window, tmp_path):
    w = composer_window
    w.import_orders(US_REPORT)
    select_order(qtbot, w, "113-1068679-3444044")
    edit = w.findChild(object, "deliveryDateEdit")
    assert edit.isEnabled()
    edit.setDate(QDate.fromString((TODAY - timedelta(days=7)).isoformat(), Qt.DateFormat.ISODate))
    wait_checked(qtbot, w)
    assert w.result.request.context.delivery_date == TODAY - timedelta(days=7)
    row = table_column(w, "Order").index("113-1068679-3444044")
    assert table_column(w, "Days since delivery")[row] == "7"
    with sqlite3.connect(tmp_path / "orders.sqlite3") as db:
        stored = db.execute("SELECT delivery_date_entered FROM orders WHERE order_id = ?",
                            ("113-1068679-3444044",)).fetchone()
    assert stored == ((TODAY - timedelta(days=7)).isoformat(),)


def test_a_second_review_request_for_one_order_is_blocked(qtbot, composer_window):
    w = composer_window
    w.import_orders(US_REPORT)
    select_order(qtbot, w, "113-1068679-3444044")
    w.findChild(object, "deliveryDateEdit").setDate(
        QDate.fromString((TODAY - timedelta(days=10)).isoformat(), Qt.DateFormat.ISODate))
    w.set_reason("review-request")
    w.body_editor.setPlainText(REVIEW)
    wait_checked(qtbot, w)
    assert w.send_button.isEnabled(), w.send_button.toolTip()
    qtbot.mouseClick(w.send_button, Qt.MouseButton.LeftButton)
    wait_checked(qtbot, w)
    assert not w.send_button.isEnabled()
    assert "already sent" in w.send_button.toolTip()
    timing = [p for p in w.problems.problems if p.mark.diagnostic.category == "timing"]
    assert timing and timing[0].where == "Message"
    row = table_column(w, "Order").index("113-1068679-3444044")
    assert table_column(w, "Messages sent")[row] == "1"


def test_choosing_an_order_fills_the_placeholders(qtbot, composer_window):
    w = composer_window
    w.import_orders(US_REPORT)
    w.body_editor.setPlainText("Hello {buyer_name}, your {product_name} ships today.")
    wait_checked(qtbot, w)
    assert any(d.category == "placeholder" for d in w.result.diagnostics)
    assert not w.send_button.isEnabled()
    select_order(qtbot, w, "113-1068679-3444044")
    assert w.body_editor.toPlainText() == (
        'Hello Sarah Miller, your Oak Shelf 31.5" x 11.8" Wall Shelf, Natural | 2 Pack '
        "ships today.")
    assert not any(d.category == "placeholder" for d in w.result.diagnostics)
    w.body_editor.undo()  # one undo step brings the placeholders back
    assert "{buyer_name}" in w.body_editor.toPlainText()


def test_insert_menu_types_the_placeholder_in_the_focused_field(qtbot, composer_window):
    w = composer_window
    menu = w.findChild(object, "placeholderMenu")
    assert menu.menuAction() in w.menuBar().actions()
    assert menu.title().replace("&", "") == "Insert"
    w.body_editor.setFocus()
    w.findChild(object, "placeholder_order_id").trigger()
    assert w.body_editor.toPlainText() == "{order_id}"
    w.subject_edit.setFocus()
    w.findChild(object, "placeholder_buyer_name").trigger()
    assert w.subject_edit.text() == "{buyer_name}"
    assert w.body_editor.toPlainText() == "{order_id}"


def test_the_selected_buyers_name_is_never_a_typo(qtbot, composer_window, tmp_path):
    w = composer_window
    header = US_REPORT.read_text(encoding="utf-8").splitlines()[0]
    row = US_REPORT.read_text(encoding="utf-8").splitlines()[1].split("\t")
    cols = header.split("\t")
    row[cols.index("order-id")] = "111-0000001-0000001"
    row[cols.index("buyer-name")] = row[cols.index("recipient-name")] = "Maeve Quist"
    report = tmp_path / "one-order.tsv"
    report.write_text(header + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    w.import_orders(report)
    w.body_editor.setPlainText("Maeve, your shelf ships today.")
    wait_checked(qtbot, w)
    assert any(d.category == "spelling" for d in w.result.diagnostics)  # unknown name
    select_order(qtbot, w, "111-0000001-0000001")
    assert not any(d.category == "spelling" for d in w.result.diagnostics)
    assert w.result.request.context.buyer_name == "Maeve Quist"
