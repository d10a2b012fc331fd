"""`seller-composer orders ...` and `history ...` run as the user runs them."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from composer.domain.history import History

SHARED = Path("/work/shared/orders")
if not SHARED.is_dir():
    SHARED = Path(__file__).resolve().parents[3] / "shared" / "orders"
ALL_ORDERS = SHARED / "all-orders-us.tsv"
MFN_DE = SHARED / "order-report-mfn-de-cp1252.tsv"
pytestmark = pytest.mark.skipif(not ALL_ORDERS.exists(), reason="shared reports not found")


def run(*args: str | Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environ = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run([sys.executable, "-m", "composer", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", env=environ,
                          timeout=60)


def test_import_reports_counts_and_list_shows_the_orders_as_json(tmp_path):
    proc = run("--data-dir", tmp_path, "orders", "import", ALL_ORDERS)
    assert proc.returncode == 0, proc.stderr
    assert "imported 40 orders (48 item rows" in proc.stdout
    proc = run("orders", "import", MFN_DE, "--data-dir", tmp_path)  # option after the command
    assert proc.returncode == 0, proc.stderr
    assert "imported 4 orders (4 item rows" in proc.stdout

    proc = run("orders", "list", "--format", "json", "--data-dir", tmp_path)
    assert proc.returncode == 0, proc.stderr
    orders = json.loads(proc.stdout)
    assert len(orders) == 44
    by_id = {o["order_id"]: o for o in orders}
    two = by_id["113-3530829-7624039"]
    assert two["purchase_date"] == "2026-10-01T00:10:21+00:00"
    assert two["status"] == "Shipped" and two["buyer_name"] is None
    assert [(i["product_name"], i["asin"]) for i in two["items"]] == [
        ('Oak Shelf 31.5" x 11.8" Wall Shelf, Natural | 2 Pack', "B0C7K2LQ9D"),
        ("Bamboo Cutting Board Set (3 pcs), Juice Groove", "B0B1X4TTZ2")]
    assert by_id["114-6689424-8067846"]["buyer_name"] == "Jürgen Müller"
    assert "marketplace.amazon" not in proc.stdout  # the email alias is never printed


def test_reimport_does_not_duplicate(tmp_path):
    for _ in range(2):
        assert run("orders", "import", ALL_ORDERS, "--data-dir", tmp_path).returncode == 0
    proc = run("orders", "import", ALL_ORDERS, "--data-dir", tmp_path)
    assert "0 new, 40 updated" in proc.stdout
    assert len(json.loads(run("orders", "list", "--format", "json",
                              "--data-dir", tmp_path).stdout)) == 40


def test_environment_variable_chooses_the_data_folder(tmp_path):
    env = {"SELLER_COMPOSER_DATA_DIR": str(tmp_path / "env")}
    assert run("orders", "import", MFN_DE, env=env).returncode == 0
    assert (tmp_path / "env" / "orders.sqlite3").exists()
    assert "Jürgen Müller" in run("orders", "list", env=env).stdout


def test_problems_are_printed_as_file_line_message_and_the_rest_imports(tmp_path):
    lines = ALL_ORDERS.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace("113-3530829-7624039", "1.13353E+17", 1)
    bad = tmp_path / "excel.tsv"
    bad.write_text("\n".join(lines), encoding="utf-8")
    proc = run("orders", "import", bad, "--data-dir", tmp_path)
    assert proc.returncode == 0
    assert proc.stderr.startswith(f"{bad}:2: order id '1.13353E+17'")
    assert "imported 40 orders (47 item rows" in proc.stdout
    assert "1 problem " in proc.stdout


@pytest.mark.parametrize(("content", "expected"), [
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"", "empty"),
])
def test_unreadable_file_exits_2_with_one_line(tmp_path, content, expected):
    path = tmp_path / "report.tsv"
    path.write_bytes(content)
    proc = run("orders", "import", path, "--data-dir", tmp_path / "data")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert str(path) in proc.stderr and expected in proc.stderr
    assert proc.stdout == ""


def test_missing_file_and_missing_subcommand_exit_2(tmp_path):
    assert run("orders", "import", tmp_path / "nope.tsv",
               "--data-dir", tmp_path).returncode == 2
    assert run("orders", "--data-dir", tmp_path).returncode == 2
    assert run("history", "--data-dir", tmp_path).returncode == 2


def test_corrupt_store_warns_and_starts_empty(tmp_path):
    (tmp_path / "orders.sqlite3").write_bytes(b"not sqlite" * 100)
    proc = run("orders", "list", "--format", "json", "--data-dir", tmp_path)
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == []
    assert "orders.sqlite3 was damaged" in proc.stderr


def test_history_list_and_export(tmp_path):
    text = 'Hello, "Sarah",\nyour invoice is attached. Grüße'
    with History.in_dir(tmp_path) as history:
        history.record("113-1068679-3444044", "invoice", "US", "Invoice, order 1", text, "7",
                       sent_at=datetime(2026, 11, 6, 9, tzinfo=UTC))
        history.record("111-4197897-2129905", "return", "US", "", "Label.", "7",
                       sent_at=datetime(2026, 11, 7, 9, tzinfo=UTC))

    proc = run("history", "list", "--order", "113-1068679-3444044", "--format", "json",
               "--data-dir", tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [(r["reason"], r["text"], r["sent_at"]) for r in rows] == [
        ("invoice", text, "2026-11-06T09:00:00+00:00")]

    proc = run("--data-dir", tmp_path, "history", "list", "--format", "csv")
    parsed = list(csv.DictReader(proc.stdout.splitlines(keepends=True)))
    assert [r["order_id"] for r in parsed] == ["113-1068679-3444044", "111-4197897-2129905"]
    assert parsed[0]["text"] == text

    proc = run("history", "list", "--data-dir", tmp_path)
    assert proc.stdout.splitlines()[1].split()[1:3] == ["111-4197897-2129905", "return"]

    out = tmp_path / "history.csv"
    proc = run("history", "export", out, "--data-dir", tmp_path)
    assert proc.returncode == 0 and "exported 2 messages" in proc.stdout
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.DictReader(fh))["text"] == text
