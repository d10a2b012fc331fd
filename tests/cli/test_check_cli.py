"""The `seller-composer check` contract: exit codes, output shapes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "messages.jsonl"
PROMO = "Hello,\n\nUse code SAVE10 for 10% off your next order.\n\nRegards,\nSupport\n"
CLEAN = "Hello Anna,\n\nThe lamp is 40 cm tall and takes one E27 bulb.\n\nRegards,\nSupport\n"


def run(*args: str, stdin: str | bytes | None = None) -> subprocess.CompletedProcess:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run([sys.executable, "-m", "composer", *args], input=data,
                          capture_output=True, timeout=60)


def test_compliant_message_exits_0(tmp_path):
    f = tmp_path / "msg.txt"
    f.write_text(CLEAN, encoding="utf-8")
    proc = run("check", str(f), "--reason", "customer-inquiry", "--marketplace", "US")
    assert proc.returncode == 0, proc.stdout.decode()
    assert b"compliant" in proc.stdout


def test_violation_is_reported_like_a_compiler(tmp_path):
    f = tmp_path / "msg.txt"
    f.write_text(PROMO, encoding="utf-8")
    proc = run("check", str(f), "--reason", "customer-inquiry", "--marketplace", "US")
    assert proc.returncode == 1
    first = proc.stdout.decode().splitlines()[0]
    assert first.startswith(f"{f}:3:")
    assert ": error: " in first and first.endswith("]")


def test_json_output_from_stdin():
    proc = run("check", "-", "--reason", "customer-inquiry", "--marketplace", "US",
               "--format", "json", stdin=PROMO)
    assert proc.returncode == 1
    out = json.loads(proc.stdout)
    assert out["compliant"] is False
    d = out["diagnostics"][0]
    assert set(d) >= {"rule", "category", "severity", "field", "start", "end", "message",
                      "suggestions", "source"}
    assert PROMO[d["start"]:d["end"]] in PROMO
    assert any(x["category"] == "promotion" for x in out["diagnostics"])


def test_subject_diagnostics_point_into_the_subject():
    proc = run("check", "-", "--reason", "customer-inquiry", "--marketplace", "US",
               "--subject", "Use code SAVE10 for 10% off", "--format", "json", stdin=CLEAN)
    out = json.loads(proc.stdout)
    subj = [d for d in out["diagnostics"] if d["field"] == "subject"]
    assert subj and all(d["end"] <= len("Use code SAVE10 for 10% off") for d in subj)


@pytest.mark.parametrize(("args", "stdin", "needle"), [
    (["--reason", "bogus", "--marketplace", "US"], CLEAN, b"unknown reason"),
    (["--reason", "invoice", "--marketplace", "JP"], CLEAN, b"unknown marketplace"),
    (["--marketplace", "US"], CLEAN, b"--reason"),
    (["--reason", "invoice", "--marketplace", "US"], b"\x00\x01PNG\x00", b"binary"),
    (["--reason", "invoice", "--marketplace", "US"], "Grüße".encode("cp1252"), b"UTF-8"),
])
def test_bad_usage_or_input_exits_2_with_one_line(args, stdin, needle):
    proc = run("check", "-", *args, stdin=stdin)
    assert proc.returncode == 2
    assert needle in proc.stderr
    assert b"Traceback" not in proc.stderr
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_missing_file_exits_2(tmp_path):
    proc = run("check", str(tmp_path / "nope.txt"), "--reason", "invoice", "--marketplace", "US")
    assert proc.returncode == 2 and b"no such file" in proc.stderr


def test_batch_reports_each_line_and_survives_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": CLEAN, "reason": "customer-inquiry", "marketplace": "US"}),
        "{not json",
        json.dumps({"id": "b", "text": PROMO, "reason": "customer-inquiry", "marketplace": "US",
                    "extra": 1}),
        json.dumps({"id": "c", "text": CLEAN, "reason": "nope", "marketplace": "US"}),
        json.dumps(["a list"]),
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("check", "--batch", str(f))
    out = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "b", None, None]
    assert out[0]["compliant"] is True and out[0]["diagnostics"] == []
    assert out[1] == {"line": 2, "error": out[1]["error"]} and out[1]["error"]
    assert out[2]["compliant"] is False
    assert set(out[2]["diagnostics"][0]) == {"rule", "category", "severity", "field",
                                             "start", "end", "message"}
    assert out[3]["line"] == 4 and "reason" in out[3]["error"]
    assert out[4]["line"] == 5


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_batch_answers_every_corpus_message():
    proc = run("check", "--batch", str(CORPUS))
    ids = [json.loads(x)["id"] for x in proc.stdout.decode().splitlines()]
    want = [json.loads(x)["id"] for x in CORPUS.read_text(encoding="utf-8").splitlines() if x]
    assert ids == want


def test_reasons_lists_every_reason_id():
    proc = run("reasons")
    ids = [line.split()[0] for line in proc.stdout.decode().splitlines()]
    assert ids == ["customer-inquiry", "order-fulfillment-issue", "additional-information",
                   "return", "invoice", "review-request", "delivery-scheduling",
                   "home-services", "custom-design"]


def test_version():
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith(b"seller-composer ")
