"""Engine speed, in process and warm, against proselint on the same texts.

Usage: python benchmarks/run.py [--corpus PATH] [--repeat N]
Prints one JSON object. Needs the `bench` extra (proselint) for the comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from composer.rules import Checker  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "messages.jsonl"
PARAGRAPH = (
    "Hello Anna,\n\nThank you for your question about order 112-4839201-5567123. The oak shelf "
    "(ASIN B0C7K2LQ9D, part FX-2040) is 31.5 inches wide and holds up to 40 pounds. We checked "
    "the warehouse this morning: the replacement bracket will ship on Monday by 9 a.m. and the "
    "tracking number will appear in your Amazon account. If the bracket does not fit, reply "
    "here and we will find another solution together.\n\n"
)


def _ms_per_call(fn, items, repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for it in items:
            fn(it)
        timings.append((time.perf_counter() - t0) * 1000 / len(items))
    return round(min(timings), 3)


def message_of(n: int) -> str:
    return (PARAGRAPH * (n // len(PARAGRAPH) + 1))[:n]


def bench_engine(records: list[dict], repeat: int) -> dict:
    checker = Checker()
    for r in records:  # warm: dictionaries and rule packs load once
        checker.check(r["text"], reason=r["reason"], marketplace=r["marketplace"],
                      subject=r.get("subject"))

    def one(r: dict) -> None:
        checker.check(r["text"], reason=r["reason"], marketplace=r["marketplace"],
                      subject=r.get("subject"))

    out = {"engine_ms_per_message": _ms_per_call(one, records, repeat)}
    for n in (2_000, 20_000):
        rec = {"text": message_of(n), "reason": "customer-inquiry", "marketplace": "US"}
        out[f"engine_ms_{n}_chars"] = _ms_per_call(one, [rec], max(repeat, 5))
    tracemalloc.start()
    one({"text": message_of(20_000), "reason": "customer-inquiry", "marketplace": "US"})
    out["engine_peak_kib_20000_chars"] = tracemalloc.get_traced_memory()[1] // 1024
    tracemalloc.stop()
    return out


def bench_proselint(records: list[dict], repeat: int) -> dict:
    try:
        import proselint.checks
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return {"proselint_ms_per_message": None, "proselint": "not installed"}
    registry = CheckRegistry()
    if not registry.checks:  # proselint reports nothing unless its checks are registered
        registry.register_many(proselint.checks.__register__)
    texts = [r["text"] for r in records]

    def one(text: str) -> None:
        LintFile("<bench>", text).lint()

    one(texts[0])
    return {"proselint_ms_per_message": _ms_per_call(one, texts, repeat),
            "proselint_checks": len(registry.checks)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    records = [json.loads(x) for x in a.corpus.read_text(encoding="utf-8").splitlines() if x]
    result = {"messages": len(records), **bench_engine(records, a.repeat),
              **bench_proselint(records, a.repeat)}
    if result.get("proselint_ms_per_message"):
        result["speedup_vs_proselint"] = round(
            result["proselint_ms_per_message"] / result["engine_ms_per_message"], 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
