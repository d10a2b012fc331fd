"""What the window needs besides widgets: the stores, the user's words, hover texts.

Kept out of main_window.py so the window only lays out and wires; everything here is passed
in explicitly (no singletons), and none of it runs a rule.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from composer.domain.history import History, order_context
from composer.domain.order_store import OrderStore
from composer.domain.orders import Order
from composer.domain.reasons import MARKETPLACES
from composer.domain.settings import Settings, SettingsStore
from composer.rules import CheckContext, Checker, Diagnostic


@dataclass
class Session:
    """The data folder's stores and the state of the draft being written."""

    data_dir: Path
    checker: Checker
    today: Callable[[], date] = date.today
    orders: OrderStore = field(init=False)
    history: History = field(init=False)
    settings: Settings = field(init=False)
    notices: list[str] = field(default_factory=list)  # damaged files moved aside at start
    ignored: set[str] = field(default_factory=set)  # "Ignore": this draft only
    _rules: dict | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.orders = OrderStore.in_dir(self.data_dir)
        self.history = History.in_dir(self.data_dir)
        self._settings_store = SettingsStore(self.data_dir)
        self.settings, notice = self._settings_store.load()
        self.notices = [str(n) for n in (self.orders.recovered, self.history.recovered, notice)
                        if n is not None]

    @property
    def seller_name(self) -> str:
        return self.settings.seller_name

    def add_word(self, word: str) -> None:
        """Add to the user dictionary, kept in settings.json across restarts."""
        self.settings = self.settings.with_word(word)
        self._settings_store.save(self.settings)

    def apply_settings(self, settings: Settings) -> None:
        """Settings the dialog has already written: use them from the next check on."""
        self.settings = settings

    def close(self) -> None:
        self.orders.close()
        self.history.close()

    def context(self, order: Order | None) -> CheckContext:
        known = set(self.settings.user_words) | self.ignored
        if order is None:
            return CheckContext(seller_name=self.seller_name, words=frozenset(known),
                                today=self.today())
        ctx = order_context(order, self.history, known, self.seller_name, self.today())
        return replace(ctx, words=ctx.words | frozenset(self.ignored))

    def sent_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for m in self.history.all():
            counts[m.order_id] = counts.get(m.order_id, 0) + 1
        return counts

    def rules(self) -> dict:
        """Rules of every language pack by id (for hover texts), built on first use.

        A pack that fails to load is left out here; the check itself reports the failure.
        """
        if self._rules is None:
            found = {}
            for lang in sorted(set(MARKETPLACES.values())):
                try:
                    found.update({r.id: r for r in self.checker.rules(lang)})
                except Exception:
                    continue
            self._rules = found
        return self._rules

    def ruleset_version(self) -> str:
        return self.checker.version


def tooltip_html(diag: Diagnostic, rules: dict) -> str:
    """Message, why and instead from the rule's description, and the policy source."""
    rule = rules.get(diag.rule)
    parts = [f"<b>{html.escape(diag.message)}</b>"]
    if rule is not None and rule.why:
        parts.append(f"<i>Why:</i> {html.escape(rule.why)}")
    if rule is not None and rule.instead:
        parts.append(f"<i>Instead:</i> {html.escape(rule.instead)}")
    if diag.suggestions:
        fixes = " / ".join(s or "remove it" for s in diag.suggestions)  # "": delete the text
        parts.append("<i>Fix:</i> " + html.escape(fixes))
    if diag.source:
        parts.append(f"<small>Source: {html.escape(diag.source)} · {diag.rule}</small>")
    return "<p>" + "<br>".join(parts) + "</p>"


def spelling_suggestions(checker: Checker, word: str, marketplace: str) -> list[str]:
    """Corrections for a flagged word, computed only when the seller asks (right-click)."""
    from composer.rules.suggest import suggest

    return suggest(checker, word, marketplace)[:6]
