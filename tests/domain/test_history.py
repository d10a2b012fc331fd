"""The sent-message history: kept, queried per order, exported for Excel, fed to the engine."""

from __future__ import annotations

import csv
import signal
import subprocess
import sys
import textwrap
import time
from datetime import UTC, date, datetime, timedelta, timezone

from composer.domain.history import History, earlier_messages, order_context
from composer.domain.orders import Order, OrderItem
from composer.domain.storage import CorruptFile
from composer.rules import CheckContext, EarlierMessage

TRICKY = 'Hallo Herr Müller,\nIhre Rechnung, "Nr. 7", liegt bei;\r\ndanke \u2013 注文 👍'
ORDER = Order(
    order_id="114-6689424-8067846",
    purchase_date=datetime.fromisoformat("2026-11-01T10:50:49-08:00"),
    buyer_name="Jürgen Müller", recipient_name="Anna Schmidt",
    sales_channel="Amazon.de",
    items=(OrderItem("Oak Shelf, Natural | 2 Pack", "B0C7K2LQ9D", "OS-3112-N", 1),
           OrderItem("Bamboo Cutting Board Set", "B0B1X4TTZ2", "BB-SET3", 1)),
    delivery_date=datetime.fromisoformat("2026-11-05T18:00:00+01:00"),
)


def test_record_and_query_per_order_survive_a_restart(tmp_path):
    t0 = datetime(2026, 11, 6, 9, 30, tzinfo=UTC)
    with History.in_dir(tmp_path) as history:
        history.record("111-1111111-1111111", "invoice", "us", "Your invoice", "Attached.",
                       "2026.11", sent_at=t0)
        history.record(ORDER.order_id, "review-request", "DE", "", TRICKY, "2026.11",
                       sent_at=t0 + timedelta(days=1))
        history.record("111-1111111-1111111", "return", "US", "Return", "Label attached.",
                       "2026.12", sent_at=t0 + timedelta(days=2))
    with History.in_dir(tmp_path) as history:
        assert history.recovered is None
        mine = history.for_order("111-1111111-1111111")
        assert [(m.reason, m.marketplace, m.ruleset_version) for m in mine] == [
            ("invoice", "US", "2026.11"), ("return", "US", "2026.12")]
        assert mine[0].sent_at == t0 and mine[0].sent_at.tzinfo is not None
        assert [m.text for m in history.for_order(ORDER.order_id)] == [TRICKY]
        assert len(history.all()) == 3
        assert history.for_order("999-0000000-0000000") == []
        assert history.counts() == {"111-1111111-1111111": 2, ORDER.order_id: 1}


def test_default_send_time_is_now_and_timezone_aware(tmp_path):
    with History.in_dir(tmp_path) as history:
        before = datetime.now(UTC)
        sent = history.record(ORDER.order_id, "invoice", "DE", "Rechnung", "Anbei.", "1")
        assert before <= sent.sent_at <= datetime.now(UTC)
        assert history.all()[0].sent_at == sent.sent_at


def test_export_csv_round_trips_commas_quotes_newlines_and_non_ascii(tmp_path):
    subject = 'Re: "Bestellung", Nr. 1'
    with History.in_dir(tmp_path) as history:
        history.record(ORDER.order_id, "invoice", "DE", subject, TRICKY, "2026.11",
                       sent_at=datetime(2026, 11, 6, 10, tzinfo=timezone(timedelta(hours=1))))
        history.record("111-1111111-1111111", "return", "US", "", "Plain.", "2026.11")
        out = tmp_path / "export" / "history.csv"
        assert history.export_csv(out) == 2
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2
    assert rows[0]["subject"] == subject
    assert rows[0]["text"] == TRICKY
    assert rows[0]["order_id"] == ORDER.order_id
    assert rows[0]["sent_at"] == "2026-11-06T10:00:00+01:00"
    assert rows[1]["reason"] == "return" and rows[1]["ruleset_version"] == "2026.11"


def test_export_of_one_order_only(tmp_path):
    with History.in_dir(tmp_path) as history:
        history.record(ORDER.order_id, "invoice", "DE", "", "Anbei.", "1")
        history.record("111-1111111-1111111", "return", "US", "", "Plain.", "1")
        assert history.export_csv(tmp_path / "one.csv", ORDER.order_id) == 1
    assert "111-1111111-1111111" not in (tmp_path / "one.csv").read_text(encoding="utf-8-sig")


def test_history_becomes_the_engines_earlier_messages(tmp_path):
    sent = datetime(2026, 11, 8, 12, tzinfo=UTC)
    with History.in_dir(tmp_path) as history:
        history.record(ORDER.order_id, "review-request", "DE", "", "Bitte bewerten.", "1",
                       sent_at=sent)
        history.record("111-1111111-1111111", "invoice", "US", "", "Attached.", "1")
        assert earlier_messages(history.for_order(ORDER.order_id)) == (
            EarlierMessage("review-request", sent),)
        ctx = order_context(ORDER, history, {"Spülmaschinenfest"}, "Holzwerk GmbH",
                            date(2026, 11, 20))
    assert isinstance(ctx, CheckContext)
    assert ctx.earlier == (EarlierMessage("review-request", sent),)
    assert ctx.buyer_name == "Jürgen Müller" and ctx.seller_name == "Holzwerk GmbH"
    assert "Bamboo Cutting Board Set" in ctx.product_name and "Oak Shelf" in ctx.product_name
    assert ctx.purchase_date == date(2026, 11, 1)
    assert ctx.delivery_date == date(2026, 11, 5) and ctx.today == date(2026, 11, 20)
    assert {"spülmaschinenfest", "anna", "schmidt"} <= ctx.known_words()


def test_context_for_an_order_without_names_or_dates():
    bare = Order(order_id="111-2222222-3333333")
    ctx = order_context(bare, [], (), "Shop", date(2026, 11, 20))
    assert (ctx.buyer_name, ctx.purchase_date, ctx.delivery_date, ctx.earlier) == (
        "", None, None, ())


def test_corrupt_history_is_moved_aside_and_the_user_told(tmp_path):
    (tmp_path / "history.sqlite3").write_bytes(b"\x00garbage" * 1000)
    with History.in_dir(tmp_path) as history:
        assert isinstance(history.recovered, CorruptFile)
        assert "history.sqlite3 was damaged" in str(history.recovered)
        assert history.all() == []
        history.record(ORDER.order_id, "invoice", "DE", "", "Anbei.", "1")
    assert history.recovered.moved_to.exists()
    with History.in_dir(tmp_path) as history:
        assert history.recovered is None and len(history) == 1


def test_a_killed_writer_leaves_a_readable_history(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from composer.domain.history import History
        h = History.in_dir(Path({str(tmp_path)!r}))
        for i in range(1_000_000):
            h.record("111-1111111-1111111", "invoice", "US", "s", "x" * 2000, str(i))
            if i == 4:
                print("ready", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == b"ready"
    time.sleep(0.2)  # killed somewhere in the middle of a write
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with History.in_dir(tmp_path) as history:
        assert history.recovered is None
        messages = history.all()
    assert len(messages) >= 5
    assert [m.ruleset_version for m in messages] == [str(i) for i in range(len(messages))]
    assert all(m.text == "x" * 2000 for m in messages)
