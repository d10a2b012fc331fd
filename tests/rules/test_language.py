"""The language check: a message must be in the buyer's language, and short or mixed text is
left alone rather than guessed at."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from composer.locate import resources_dir
from composer.rules import CheckContext, Checker
from composer.rules.checks.language import detect, load_profiles

SAMPLES = {
    "en": "Hello Rachel,\n\nThank you for your question. The flashlight runs for about six hours "
          "on high and twenty hours on low. It takes two AA batteries, which are included.\n\n"
          "Best regards,\nCustomer Support",
    "de": "Hallo Frau Weber,\n\nleider wurde einer der beiden Stühle beim Verpacken beschädigt. "
          "Wir können den zweiten am Montag versenden oder Ihnen den Preis erstatten. Bitte teilen "
          "Sie uns mit, was Ihnen lieber ist.\n\nMit freundlichen Grüßen\nKundenservice",
    "fr": "Bonjour Monsieur Dubois,\n\nVotre armoire est prête à être livrée. Pourriez-vous nous "
          "indiquer le jour qui vous convient la semaine prochaine ?\n\nCordialement,\n"
          "Le service livraison",
    "es": "Hola, Carmen:\n\nLo sentimos: una de las dos sillas se dañó durante el embalaje. "
          "Podemos enviarle ahora la silla en buen estado y la segunda el lunes. Díganos qué "
          "prefiere.\n\nSaludos cordiales,\nAtención al cliente",
    "it": "Gentile signora Rossi,\n\nci dispiace: una delle due sedie si è danneggiata durante "
          "l'imballaggio. Possiamo spedirle subito la sedia integra e la seconda lunedì. Ci faccia "
          "sapere cosa preferisce.\n\nCordiali saluti,\nIl servizio clienti",
}
MARKET = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT"}
NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian"}


def _language(checker: Checker, text: str, marketplace: str, **ctx):
    diags = checker.check(text, reason="customer-inquiry", marketplace=marketplace,
                          context=CheckContext(**ctx), categories=["language"])
    return [d for d in diags if d.category == "language"]


@pytest.fixture(scope="module")
def profiles():
    return load_profiles(resources_dir() / "languages" / "function-words.toml")


@pytest.mark.parametrize("written", sorted(SAMPLES))
@pytest.mark.parametrize("market_lang", sorted(MARKET))
def test_message_in_another_language_is_an_error(checker, written, market_lang):
    found = _language(checker, SAMPLES[written], MARKET[market_lang])
    if written == market_lang:
        assert found == []
        return
    assert len(found) == 1
    d = found[0]
    assert d.severity == "error"
    assert f"looks {NAMES[written]}" in d.message and NAMES[market_lang] in d.message
    body = SAMPLES[written]
    assert (d.start, d.end) == (0, len(body.rstrip()))


def test_message_names_the_marketplace(checker):
    (d,) = _language(checker, SAMPLES["en"], "DE")
    assert d.message == ("This message looks English, but buyers on Amazon.de get German "
                         "unless they chose another language.")


def test_buyer_preferred_language_is_honoured(checker):
    assert _language(checker, SAMPLES["en"], "DE", language="en") == []
    (d,) = _language(checker, SAMPLES["de"], "DE", language="en")
    assert "looks German" in d.message and "preferred language is English" in d.message
    assert _language(checker, SAMPLES["fr"], "US", language="fr-CA") == []


def test_unknown_preferred_language_is_not_guessed_at(checker):
    assert _language(checker, SAMPLES["en"], "DE", language="nl") == []


@pytest.mark.parametrize("text", [
    "Hello, thank you!",
    "Danke, Gruß Anna",
    "Merci beaucoup, à bientôt.",
    "OK, we will check.",
    "Vielen Dank!\n\nBest regards\nTom",
])
def test_short_messages_are_not_flagged(checker, text):
    for market in ("US", "DE", "FR", "ES", "IT"):
        assert _language(checker, text, market) == []


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndas Anker PowerCore 10000 Power Bank with USB-C for iPhone and Android ist ab "
    "morgen wieder verfügbar. Die Bluetooth Smart Home Bridge ist im Paket enthalten.\n\n"
    "Viele Grüße\nCustomer Service Team",
    "Guten Tag,\n\nder Stick \"The North Face Base Camp Duffel - Large\" ist wasserdicht und "
    "hat einen Schultergurt. Sie können ihn mit dem Code auf der Rechnung registrieren.\n\n"
    "Best regards\nSupport",
])
def test_english_product_names_in_a_german_message_are_fine(checker, text):
    assert _language(checker, text, "DE") == []


def test_quoted_product_name_is_not_evidence(checker):
    text = ("Hallo,\n\n\"The Best of You and Me: All the Things We Love to Do at Home with "
            "Our Kids\" ist da.\n\nGruß")
    assert _language(checker, text, "DE") == []


def test_product_name_from_the_order_is_not_evidence(checker):
    name = "Kids Are The Best: What To Do When You Want To Have Fun With Your Family All Day"
    text = (f"Hallo,\n\nja, das Buch \"{name}\" ist auf Lager und wird heute versandt.\n\n"
            "Viele Grüße")
    assert _language(checker, text, "DE", product_name=name) == []


def test_links_and_codes_are_not_words(checker):
    text = ("Guten Tag,\n\ndie Anleitung finden Sie unter https://www.amazon.de/the-best-guide-"
            "for-you-and-your-family-and-all-of-your-friends-at-home bei Artikel B0C1234567.\n\n"
            "Viele Grüße")
    assert _language(checker, text, "DE") == []


def test_spanish_and_italian_are_told_apart(profiles):
    assert detect(SAMPLES["es"], "it", profiles) == "es"
    assert detect(SAMPLES["it"], "es", profiles) == "it"
    assert detect(SAMPLES["fr"], "it", profiles) == "fr"


def test_messages_of_the_intl_corpus_are_in_their_language(checker):
    data = tomllib.loads((Path(__file__).parent / "data" / "intl_messages.toml")
                         .read_text(encoding="utf-8"))
    for entry in data["clean"] + data["violation"]:
        if entry.get("expect") == "language":
            continue
        assert _language(checker, entry["text"], MARKET[entry["lang"]]) == [], entry["text"]
        other = "US" if entry["lang"] != "en" else "DE"
        if len(entry["text"].split()) >= 20:
            assert _language(checker, entry["text"], other), entry["text"]


@pytest.mark.parametrize(("market", "text", "found"), [
    ("ES", "Hi Carlos,\n\nThe lamp uses a standard E27 bulb.\n\nThanks,\nSupport", "English"),
    ("IT", "Hello,\n\nThanks for your order, we ship it today.\n\nBest,\nTeam", "English"),
    ("US", "Hallo,\n\ndas Ersatzteil kommt morgen mit der Post.\n\nGruß\nTeam", "German"),
])
def test_short_message_in_another_language_is_caught_by_its_words(checker, market, text, found):
    diags = _language(checker, text, market)
    assert len(diags) == 1 and f"looks {found}" in diags[0].message


@pytest.mark.parametrize(("market", "text"), [
    ("ES", "Hola Carlos,\n\nla lámpara usa una bombilla estándar E27.\n\nGracias,\nSoporte"),
    ("DE", "Hallo,\n\ndie Kaffeemühle und der Wasserkocher kommen morgen.\n\nGruß"),
    ("IT", "Salve,\n\nil copripiumino e il macinacaffè arrivano domani.\n\nSaluti"),
])
def test_short_message_in_the_right_language_passes(checker, market, text):
    assert _language(checker, text, market) == []
