"""Every rule carries examples, and every example behaves as the rule says."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from composer.rules import CheckContext, Checker, EarlierMessage

_MARKET = {"common": "US", "en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT"}
_checker = Checker()
RULES = _checker.all_rules()


def _reason(rule) -> str:
    if rule.example_reason:
        return rule.example_reason
    if rule.reasons:
        return rule.reasons[0]
    if rule.belongs_to == "customer-inquiry":
        return "order-fulfillment-issue"
    return "customer-inquiry"


def _context(raw: dict) -> CheckContext:
    kwargs = {}
    for key, value in raw.items():
        if key.endswith("_date") or key == "today":
            kwargs[key] = date.fromisoformat(value)
        elif key == "earlier":
            kwargs[key] = tuple(EarlierMessage(r, datetime.fromisoformat(t)) for r, t in value)
        elif key == "words":
            kwargs[key] = frozenset(value)
        else:
            kwargs[key] = value
    return CheckContext(**kwargs)


def _ids(rule, text, passing=False):
    raw = rule.example_context
    if passing and rule.example_pass_context is not None:
        raw = rule.example_pass_context
    field = "subject" if rule.fields == ("subject",) else "text"
    kwargs = {"subject": text, "text": rule.example_subject or "Hello"} if field == "subject" \
        else {"subject": rule.example_subject, "text": text}
    diags = _checker.check(kwargs.pop("text"), reason=_reason(rule),
                           marketplace=_MARKET[rule.lang], context=_context(raw), **kwargs)
    return {d.rule for d in diags if d.field == field}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples_and_description(rule):
    assert rule.examples_fail, f"{rule.id} has no failing example"
    assert rule.examples_pass, f"{rule.id} has no passing example"
    assert rule.message and rule.source and rule.since


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_fail_examples_are_flagged(rule):
    for text in rule.examples_fail:
        assert rule.id in _ids(rule, text), f"{rule.id} missed: {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_pass_examples_are_not_flagged(rule):
    for text in rule.examples_pass:
        assert rule.id not in _ids(rule, text, passing=True), f"{rule.id} flagged: {text!r}"


def test_rule_ids_are_unique_across_languages():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
