"""Runs the engine for the window: synchronously when it is fast, else debounced in a worker.

Every request carries the revision of the draft it was made for; results for an older revision
are dropped, so a slow check of a big paste can never paint over what the seller typed since
(novelWriter `editor/runnables.py`, `_textCheckResults`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from composer.domain.reasons import MARKETPLACES
from composer.rules import CheckContext, Checker, Diagnostic

DEBOUNCE_MS = 150
# What the engine can judge from one paragraph alone: pattern rules (their context is the
# sentence, and sentences never cross a line) and these code checks. Everything else
# (length, language, timing, whole-message shape) waits for the full check.
LOCAL_CATEGORIES = ("spelling", "grammar", "contact-info", "promotion", "review-manipulation",
                    "prohibited-content", "placeholder")
LOCAL_CHECKS = frozenset(("spelling", "email", "phone", "url", "emoji", "placeholder",
                          "repeated-word", "a-an", "lone-i"))
LOCAL_MAX_CHARS = 2000
SYNC_BUDGET_S = 0.010  # check on the UI thread only when expected to take less than this
_SAMPLES = 15  # recent checks the per-character cost is the median of


@dataclass(frozen=True)
class CheckRequest:
    """Everything one check needs, frozen so the worker never sees the draft change."""

    revision: int
    text: str
    subject: str
    reason: str
    marketplace: str
    context: CheckContext


@dataclass(frozen=True)
class CheckResult:
    request: CheckRequest
    diagnostics: list[Diagnostic]
    seconds: float
    error: str = ""


def run_check(checker: Checker, req: CheckRequest) -> CheckResult:
    """The engine call itself; an engine failure becomes a result, not a dead window."""
    t0 = time.perf_counter()
    try:
        diags = checker.check(req.text, reason=req.reason, marketplace=req.marketplace,
                              subject=req.subject or None, context=req.context)
        error = ""
    except Exception as exc:  # a broken rule pack must not take the editor down
        diags, error = [], f"{type(exc).__name__}: {exc}"
    return CheckResult(req, diags, time.perf_counter() - t0, error)


def is_local(rule) -> bool:
    """Whether `rule` gives the same answer on a paragraph as on the whole message."""
    return rule is not None and (rule.kind != "code" or rule.check in LOCAL_CHECKS)


class _Relay(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(self, checker: Checker, req: CheckRequest, relay: _Relay) -> None:
        super().__init__()
        self.checker, self.req, self.relay = checker, req, relay

    def run(self) -> None:
        self.relay.done.emit(run_check(self.checker, self.req))


class LintRunner(QObject):
    """Schedules checks; emits `checked` only with the result for the current revision."""

    checked = Signal(object)  # CheckResult

    def __init__(self, checker: Checker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.revision = 0
        self.longest_sync_s = 0.0
        self._costs: list[float] = [2e-6]  # seconds per character of recent checks
        self._fixed_s = 0.0005
        self._warm = False
        self._pending: CheckRequest | None = None
        self._rules: dict[str, dict] = {}
        self.sync_budget_s = SYNC_BUDGET_S
        self._in_flight = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one check at a time: the engine caches lazily
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_worker_done)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def request(self, req: CheckRequest, typing: bool = True) -> None:
        """Ask for `req` to be checked; replaces any request not yet started.

        Typing waits for a pause when the check is slow; any other change is checked at once.
        """
        self.revision = req.revision
        self._pending = req
        self._timer.start(DEBOUNCE_MS if typing and not self._fast(req) else 0)

    def expected_seconds(self, req: CheckRequest) -> float:
        per_char = sorted(self._costs)[len(self._costs) // 2]
        return self._fixed_s + per_char * (len(req.text) + len(req.subject))

    def is_busy(self) -> bool:
        return self._pending is not None or self._in_flight

    def will_wait(self, req: CheckRequest) -> bool:
        """The verdict for `req` comes from the worker, after the debounce."""
        return not self._fast(req)

    def check_paragraph(self, text: str, req: CheckRequest) -> list[Diagnostic] | None:
        """An instant check of one paragraph while the full check waits (never while it runs,
        since the engine builds its caches lazily); only rules that are local are kept."""
        if self._in_flight or not self._warm or len(text) > LOCAL_MAX_CHARS:
            return None
        try:
            diags = self.checker.check(text, reason=req.reason, marketplace=req.marketplace,
                                       context=req.context, categories=LOCAL_CATEGORIES)
            rules = self.rule_index(req.marketplace)
        except Exception:  # the full check will report it
            return None
        return [d for d in diags if is_local(rules.get(d.rule))]

    def rule_index(self, marketplace: str) -> dict:
        lang = MARKETPLACES[marketplace.upper()]
        if lang not in self._rules:
            self._rules[lang] = {r.id: r for r in self.checker.rules(lang)}
        return self._rules[lang]

    def in_worker(self) -> bool:
        """A check is running on the worker thread."""
        return self._in_flight

    def shutdown(self) -> None:
        self._timer.stop()
        self._pending = None
        self._pool.clear()
        self._pool.waitForDone()

    def _fast(self, req: CheckRequest) -> bool:
        return self._warm and self.expected_seconds(req) <= self.sync_budget_s

    def _fire(self) -> None:
        req = self._pending
        if req is None or self._in_flight:
            return  # a running job picks the pending request up when it ends
        self._pending = None
        if self._fast(req):
            result = run_check(self.checker, req)
            self.longest_sync_s = max(self.longest_sync_s, result.seconds)
            self._learn(result)
            self._deliver(result)
        else:
            self._in_flight = True
            self._pool.start(_Job(self.checker, req, self._relay))

    def _on_worker_done(self, result: CheckResult) -> None:
        self._in_flight = False
        self._learn(result)
        self._warm = True
        self._deliver(result)
        if self._pending is not None and not self._timer.isActive():
            self._timer.start(0 if self._fast(self._pending) else DEBOUNCE_MS)

    def _learn(self, result: CheckResult) -> None:
        n = len(result.request.text) + len(result.request.subject)
        if not self._warm or n < 200:
            return  # the first check loads packs and dictionaries; tiny texts say nothing
        self._costs = [*self._costs[-(_SAMPLES - 1):], result.seconds / n]

    def _deliver(self, result: CheckResult) -> None:
        if result.request.revision != self.revision:
            return  # the draft changed while this ran
        self.checked.emit(result)
