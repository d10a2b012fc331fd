"""German, French, Spanish and Italian policy packs: violations caught, real messages left clean.

The messages live in tests/rules/data/intl_messages.toml (one realistic message per entry,
each under the contact reason a seller would pick).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from composer.rules import Checker, Diagnostic

MARKET = {"de": "DE", "fr": "FR", "es": "ES", "it": "IT"}
OWNED = {"promotion", "review-manipulation", "prohibited-content", "off-reason", "language"}
DATA = tomllib.loads(
    (Path(__file__).parent / "data" / "intl_messages.toml").read_text(encoding="utf-8"))


def _id(entry: dict) -> str:
    first = entry["text"].split("\n\n")[1] if "\n\n" in entry["text"] else entry["text"]
    return f"{entry['lang']}-{entry['reason']}-{first[:40]}"


def _errors(checker: Checker, entry: dict) -> list[Diagnostic]:
    diags = checker.check(entry["text"], reason=entry["reason"],
                          marketplace=MARKET[entry["lang"]], subject=entry.get("subject"))
    return [d for d in diags if d.severity == "error"]


@pytest.mark.parametrize("entry", DATA["violation"], ids=_id)
def test_violation_is_blocked(checker, entry):
    errors = _errors(checker, entry)
    hits = [d for d in errors if d.category == entry["expect"]]
    assert hits, [d.rule for d in errors]
    assert all(d.end > d.start for d in hits), "a blocking error must underline something"


@pytest.mark.parametrize("entry", DATA["clean"], ids=_id)
def test_clean_message_gets_no_policy_error(checker, entry):
    errors = [d for d in _errors(checker, entry) if d.category in OWNED]
    assert not errors, [(d.rule, entry["text"][d.start:d.end]) for d in errors]


def test_off_reason_message_names_the_reason_the_sentence_belongs_to(checker):
    text = ("Guten Tag,\n\nanbei finden Sie Ihre Rechnung. Würden Sie den Wasserkocher bitte "
            "auch bewerten?\n\nMit freundlichen Grüßen\nBuchhaltung")
    off = [d for d in checker.check(text, reason="invoice", marketplace="DE")
           if d.category == "off-reason"]
    assert off and "Request a product review" in off[0].message
    assert text[off[0].start:off[0].end].startswith("Würden Sie den Wasserkocher")


def test_review_request_is_fine_under_its_own_reason(checker):
    text = ("Bonjour,\n\nnous serions ravis de lire votre avis sur Amazon.\n\n"
            "Cordialement,\nLe service client")
    assert not [d for d in checker.check(text, reason="review-request", marketplace="FR")
                if d.category in OWNED and d.severity == "error"]
    assert "off-reason" in {d.category for d in checker.check(
        text, reason="invoice", marketplace="FR")}


def test_urgent_subject_is_flagged_in_the_subject_only(checker):
    body = "Buongiorno,\n\nil supporto è compatibile con tutti i monitor da 27 pollici.\n\nSaluti"
    diags = checker.check(body, reason="customer-inquiry", marketplace="IT",
                          subject="[Urgente] La sua domanda")
    flagged = [d for d in diags if d.category == "prohibited-content"]
    assert flagged and all(d.field == "subject" for d in flagged)
    assert (flagged[0].start, flagged[0].end) == (0, len("[Urgente]"))


def test_seller_cancelling_is_not_asking_the_buyer_to_cancel(checker):
    for lang, text in {
        "de": "Wir müssen Ihre Bestellung leider stornieren, der Artikel ist ausverkauft.",
        "fr": "Nous devons malheureusement annuler votre commande, l'article est épuisé.",
        "es": "Lamentablemente tenemos que cancelar su pedido, el artículo está agotado.",
        "it": "Purtroppo dobbiamo annullare il suo ordine, l'articolo è esaurito.",
    }.items():
        diags = checker.check(text, reason="order-fulfillment-issue", marketplace=MARKET[lang])
        assert "prohibited-content" not in {d.category for d in diags}, lang
