"""The in-app rule reference ("Messaging rules") and the About text.

The dialog shows what the engine enforces, in the rule packs' own words (What / Why / Instead,
examples, source, since), so a seller can see why a sentence is blocked without leaving the app.
"""

from __future__ import annotations

import platform
from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    qVersion,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from composer import __version__
from composer.rules import Checker
from composer.rules.rulepack import Rule

RuleRole = Qt.ItemDataRole.UserRole + 1
LANGUAGE_NAMES = {"common": "all languages", "en": "English", "de": "German", "fr": "French",
                  "es": "Spanish", "it": "Italian"}


def _haystack(rule: Rule) -> str:
    parts = (rule.id, rule.category, str(rule.severity), rule.message, rule.what, rule.why,
             rule.instead, rule.source, rule.lang, LANGUAGE_NAMES.get(rule.lang, ""))
    return " ".join(parts).casefold()


def rule_html(rule: Rule) -> str:
    """One rule as the detail pane shows it; every string from the pack is escaped."""

    def section(title: str, body: str) -> str:
        return f"<h3>{escape(title)}</h3><p>{escape(body)}</p>" if body else ""

    def examples(title: str, items: Iterable[str], colour: str) -> str:
        items = list(items)
        if not items:
            return ""
        rows = "".join(f"<li>{escape(x)}</li>" for x in items)
        return f'<h3 style="color:{colour}">{escape(title)}</h3><ul>{rows}</ul>'

    lang = LANGUAGE_NAMES.get(rule.lang, rule.lang)
    return "".join((
        f"<h2>{escape(rule.id)}</h2>",
        f"<p><i>{escape(rule.category)} · {escape(str(rule.severity))} · {escape(lang)}</i></p>",
        f"<p><b>{escape(rule.message)}</b></p>",
        section("What", rule.what),
        section("Why", rule.why),
        section("Instead", rule.instead),
        examples("Fails", rule.examples_fail, "#b3261e"),
        examples("Passes", rule.examples_pass, "#1b6e3a"),
        f"<p><b>Source:</b> {escape(rule.source)}<br><b>Since:</b> {escape(rule.since)}</p>",
    ))


class RuleListModel(QAbstractListModel):
    """The rules, sorted by id (which groups them by category)."""

    def __init__(self, rules: Iterable[Rule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rules = sorted(rules, key=lambda r: r.id)
        self._text = [_haystack(r) for r in self._rules]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rules)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0):
        if not index.isValid() or not 0 <= index.row() < len(self._rules):
            return None
        rule = self._rules[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return rule.id
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return rule.message
        if role == RuleRole:
            return rule
        return None

    def rule_at(self, row: int) -> Rule:
        return self._rules[row]

    def matches(self, row: int, terms: list[str]) -> bool:
        return all(t in self._text[row] for t in terms)

    def row_of(self, rule_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rules) if r.id == rule_id), None)


class RuleFilterModel(QSortFilterProxyModel):
    """Keeps the rules whose text contains every word typed, in any field, any case."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []

    def set_query(self, query: str) -> None:
        terms = query.casefold().split()
        if terms == self._terms:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange()
        else:
            self._terms = terms
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        source = self.sourceModel()
        return isinstance(source, RuleListModel) and source.matches(row, self._terms)


class RulesHelpDialog(QDialog):
    """Every rule the engine enforces, searchable; `show_rule` jumps to one (Explain)."""

    ruleShown = Signal(str)

    def __init__(self, rules: Iterable[Rule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesHelpDialog")
        self.setWindowTitle("Messaging rules")
        self.resize(860, 560)
        self._model = RuleListModel(rules, self)
        self._proxy = RuleFilterModel(self)
        self._proxy.setSourceModel(self._model)
        self._build()
        self._proxy.rowsInserted.connect(self._update_count)
        self._proxy.rowsRemoved.connect(self._update_count)
        self._proxy.modelReset.connect(self._update_count)
        self._proxy.layoutChanged.connect(self._update_count)
        self._update_count()
        if self._proxy.rowCount():
            self._select_proxy_row(0)

    @classmethod
    def for_checker(cls, checker: Checker, parent: QWidget | None = None) -> RulesHelpDialog:
        return cls(checker.all_rules(), parent)

    def _build(self) -> None:
        self.filter = QLineEdit(self, objectName="rulesFilter")
        self.filter.setPlaceholderText("Filter rules: a word, a category, a rule id…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter rules")
        self.filter.textChanged.connect(self._proxy.set_query)

        self.list = QListView(self, objectName="rulesList")
        self.list.setModel(self._proxy)
        self.list.setAccessibleName("Rules")
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentChanged.connect(self._on_current)

        self.count = QLabel(self, objectName="rulesCount")
        self.details = QTextBrowser(self, objectName="ruleDetails")
        self.details.setOpenLinks(False)  # the app makes no network use, not even here
        self.details.setAccessibleName("Rule details")

        left = QWidget(self)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in (self.filter, self.list, self.count):
            lay.addWidget(w)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.details)
        split.setStretchFactor(1, 2)
        split.setSizes([280, 580])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(split)
        outer.addWidget(buttons)

    def _update_count(self) -> None:
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        self.count.setText(f"{total} rules" if shown == total else f"{shown} of {total} rules")
        if shown == 0:
            self.details.setHtml("<p>No rule matches the filter.</p>")

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rule = current.data(RuleRole) if current.isValid() else None
        if rule is not None:
            self.details.setHtml(rule_html(rule))
            self.ruleShown.emit(rule.id)

    def _select_proxy_row(self, row: int) -> None:
        index = self._proxy.index(row, 0)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Current)
        self.list.selectionModel().setCurrentIndex(index, flags)
        self.list.scrollTo(index)

    def current_rule(self) -> Rule | None:
        index = self.list.currentIndex()
        return index.data(RuleRole) if index.isValid() else None

    def visible_rule_ids(self) -> list[str]:
        return [self._proxy.index(i, 0).data() for i in range(self._proxy.rowCount())]

    def show_rule(self, rule_id: str) -> bool:
        """Select and show one rule, clearing a filter that hides it; False if unknown."""
        row = self._model.row_of(rule_id)
        if row is None:
            return False
        proxy_index = self._proxy.mapFromSource(self._model.index(row, 0))
        if not proxy_index.isValid():
            self.filter.clear()
            proxy_index = self._proxy.mapFromSource(self._model.index(row, 0))
        self._select_proxy_row(proxy_index.row())
        return True


def rule_set_summary(rules: list[Rule]) -> tuple[int, str]:
    """The rule set's version as (number of rules, latest `since` date)."""
    latest = max((r.since for r in rules), default="")
    return len(rules), latest


def about_text(checker: Checker, data_dir: Path | None = None) -> str:
    """Version, rule set, and what the app does with data (nothing leaves the machine)."""
    if data_dir is None:
        from composer.domain.paths import data_dir as default_data_dir

        data_dir = default_data_dir()
    rules = checker.all_rules()
    count, latest = rule_set_summary(rules)
    langs = sorted({r.lang for r in rules} - {"common"})
    return "\n".join((
        f"Seller Composer {__version__}",
        f"Rule set {checker.version}: {count} rules ({', '.join(langs)}), "
        f"last changed {latest or 'unknown'}",
        f"Qt {qVersion()} · Python {platform.python_version()}",
        "",
        "Privacy: Seller Composer makes no network connections. Drafts, orders, templates "
        "and message history are stored only on this computer, in your data folder:",
        str(data_dir),
        "",
        "Checks follow Amazon's Buyer-Seller Messaging Guidelines; passing them does not "
        "guarantee Amazon will deliver a message.",
    ))


def show_about(checker: Checker, data_dir: Path | None = None,
               parent: QWidget | None = None) -> None:
    QMessageBox.about(parent, "About Seller Composer", about_text(checker, data_dir))
