"""Spelling: real misspellings are underlined exactly; data, names and variants are not."""

from __future__ import annotations

import shutil

import pytest

from composer.rules import CheckContext, Checker, is_sendable
from composer.rules.suggest import suggest

REASON = "customer-inquiry"


def spelling(checker, text: str, marketplace: str = "US", **kwargs) -> list:
    return [d for d in checker.check(text, reason=REASON, marketplace=marketplace, **kwargs)
            if d.category == "spelling"]


def flagged(checker, text: str, marketplace: str = "US", **kwargs) -> list[str]:
    """The words the seller would see underlined as spelling errors."""
    return [text[d.start:d.end] for d in spelling(checker, text, marketplace, **kwargs)
            if d.severity == "error"]


def test_misspellings_are_flagged_with_exact_spans(checker):
    text = "Hello,\n\nThe chair is availabel in black and grey. We recomend the grey one."
    diags = spelling(checker, text)
    assert [(d.start, d.end) for d in diags] == [
        (text.index("availabel"), text.index("availabel") + 9),
        (text.index("recomend"), text.index("recomend") + 8),
    ]
    assert {d.rule for d in diags} == {"spelling.unknown-word"}
    assert not diags[0].suggestions  # suggestions are computed on demand only
    assert not is_sendable(checker.check(text, reason=REASON, marketplace="US"))


def test_spans_are_code_points_after_emoji_and_curly_apostrophes(checker):
    text = "Hi 😀 we don\u2019t recomend the “deluxe” model, it\u2019s availabel later."
    diags = spelling(checker, text)
    assert [text[d.start:d.end] for d in diags] == ["recomend", "availabel"]
    assert diags[0].start == text.index("recomend")


def test_subject_is_checked_too(checker):
    diags = spelling(checker, "Hello", subject="Your recieved parcel")
    assert [(d.field, d.start, d.end) for d in diags] == [("subject", 5, 13)]


@pytest.mark.parametrize("text", [
    "Your order 112-4839201-5567123 has shipped.",
    "The ASIN is B08N5WRWNW, the ISBN 0306406152.",
    "Part FX-2040 and SKU ab-77-xl are in stock.",
    "Tracking: 1Z999AA10123456784 and TBA123456789012.",
    "It has a 48-ounce jar, fits 27-inch monitors and 5mm screws.",
    "It costs $12.99 or 11,50 € and ships on 03/14/2026 at 9 a.m. or 14:30.",
    "The USB-C cable, VAT invoice, PDF manual, FBA stock, ASIN, SKU, HDMI and LED lamp.",
    "PLEASE NOTE: THE NEW MODELL SHIPS LATER.",
    "We don't know, we'd like the seller's box back; it\u2019s the buyers\u2019 choice and "
    "we\u2019ll see.",
    "Hello {{buyer_nmae}}, your [Product Nmae] and <frist name> are filled in later.",
    "See https://www.amazon.com/gp/hlep/customer or write to ordrs@marketplace.amazon.com.",
    "I spoke with Krzysztof and Mr Wojciechowski yesterday about the iPhone case.",
    "Hello Michael, Oliver, Amelia and Sophie.",
    "Visit maplecraftgoods.com/help or read the manual.pdf file from @maplecraftgoods.",
    "We can pre-order the dimmable lamp; add it to your wishlist.",
])
def test_data_and_names_are_never_flagged(checker, text):
    assert flagged(checker, text) == []


@pytest.mark.parametrize(("marketplace", "text"), [
    ("US", "It is approx. 45 cm by 30 cm, 2 kg, 12 oz, 3 lbs, 10,000 mAh, 15 mins, incl. "
           "batteries, e.g. AA, etc."),
    ("UK", "It is approx. 45 cm by 30 cm, 2 kg, 500 ml, 15 mins, incl. VAT, etc."),
    ("DE", "Die Maße sind ca. 45 x 30 cm, 2 kg, inkl. MwSt., z.B. das große Modell, usw."),
    ("FR", "Les dimensions sont env. 45 x 30 cm, 2 kg, 500 ml, p. ex. le grand modèle, etc."),
    ("ES", "Las medidas son aprox. 45 x 30 cm, 2 kg, 500 ml; Ud. puede devolverlo, etc."),
    ("IT", "Le misure sono ca. 45 x 30 cm, 2 kg, 500 ml, 3 pz., IVA incl., ecc."),
])
def test_units_and_abbreviations_pass(checker, marketplace, text):
    assert spelling(checker, text, marketplace) == []


def test_context_names_and_user_words_are_accepted(checker):
    text = "Zyxwoodhomes thanks you.\nBrynjolfsdottir, your grindle ships today."
    assert flagged(checker, text) == ["Zyxwoodhomes", "Brynjolfsdottir", "grindle"]
    ctx = CheckContext(buyer_name="Brynjolfa Brynjolfsdottir", product_name="Grindle Pro",
                       seller_name="Zyxwoodhomes", words=frozenset({"grindle"}))
    assert flagged(checker, text, context=ctx) == []
    german = "Das Paket für Brynjolfsdottir ist unterwegs."  # German checks capitalised words
    assert flagged(checker, german, "DE") == ["Brynjolfsdottir"]
    assert flagged(checker, german, "DE", context=ctx) == []


def test_british_spelling_passes_on_uk(checker):
    text = ("Please check the colours, organise the parts and measure in centimetres; "
            "a screenshot helps. We apologise and will refund the cheque.")
    assert spelling(checker, text, "UK") == []


def test_american_spelling_passes_on_us_and_ca(checker):
    text = "Please check the color and organize the parts; a screenshot helps. The center is gray."
    assert spelling(checker, text, "US") == []
    assert spelling(checker, text, "CA") == []


def test_other_variety_is_an_error_with_the_local_form_as_fix(checker):
    # POLICY.md §3: American spellings on US/CA, British on UK.
    us = spelling(checker, "Please check the colour.", "US")
    assert [(d.severity, d.suggestions) for d in us] == [("error", ("color",))]
    uk = spelling(checker, "Please check the color.", "UK")
    assert [(d.severity, d.suggestions) for d in uk] == [("error", ("colour",))]
    assert [d.severity for d in spelling(checker, "We will organise the centre.", "US")] == [
        "error", "error"]
    assert not is_sendable(uk)
    uk = spelling(checker, "The order was canceled; the aluminum lid is traveling.", "UK")
    assert [d.suggestions for d in uk] == [("cancelled",), ("aluminium",), ("travelling",)]
    # Forms American buyers write too are accepted on US.
    assert spelling(checker, "Your order was cancelled and the parcel travelled far.", "US") == []
    # British words with no one-pattern American twin are warnings, not errors.
    assert [d.severity for d in spelling(checker, "The jewellery box.", "US")] == ["warning"]


def test_uk_misspelling_is_an_error(checker):
    assert flagged(checker, "We have recieved the parcel.", "UK") == ["recieved"]


@pytest.mark.parametrize(("marketplace", "text"), [
    ("US", "Hi Rachel,\n\nThe flashlight runs for about six hours on high. It takes two AA "
           "batteries, which are included. Order 111-2223334-4455566 ships Monday.\n\n"
           "Best regards,\nCustomer Support"),
    ("UK", "Hello Oliver,\n\nYour fridge freezer is ready for dispatch. As it is a two-person "
           "delivery, could you tell us which day suits you? We've checked the colour.\n\n"
           "Kind regards,\nDelivery Team"),
    ("DE", "Guten Tag Herr Schneider,\n\nanbei erhalten Sie die Rechnung zu Ihrer Bestellung. "
           "Bitte prüfen Sie die Rechnungsadresse. Die Pfanne ist spülmaschinenfest; über eine "
           "Kundenbewertung würden wir uns freuen.\n\nMit freundlichen Grüßen\nBuchhaltung"),
    ("FR", "Bonjour Monsieur Dubois,\n\nVotre armoire est prête à être livrée. Pourriez-vous "
           "nous indiquer le jour qui vous convient ? L'équipe s'en occupe dès aujourd'hui.\n\n"
           "Cordialement,\nLe service livraison"),
    ("ES", "Hola Carmen:\n\nSentimos que el pedido llegara dañado. Podemos enviarle un "
           "reemplazo mañana; responda a este mensaje para confirmarlo.\n\n"
           "Un saludo,\nAtención al cliente"),
    ("IT", "Buongiorno Giulia,\n\nin allegato trovi la fattura. Per l'indirizzo di "
           "fatturazione provvederemo a inviartela di nuovo, se necessario.\n\n"
           "Cordiali saluti,\nAmministrazione"),
])
def test_clean_message_per_language_passes(checker, marketplace, text):
    assert spelling(checker, text, marketplace) == []


@pytest.mark.parametrize(("marketplace", "text", "wrong"), [
    ("DE", "Bitte prüfen Sie die Rechnungsadrese.", ["Rechnungsadrese"]),
    ("DE", "Ihre Bestelung ist unterwegs. Vielen Dnak.", ["Bestelung", "Dnak"]),
    ("FR", "Nous vous remercions de votre pateince.", ["pateince"]),
    ("FR", "Nous sommes désolés pour le retrad.", ["retrad"]),  # rare English: not a loan
    ("ES", "Gracias por su pacienca.", ["pacienca"]),
    ("IT", "Ci scusiamo per il ritardo nella spedizzione.", ["spedizzione"]),
])
def test_misspellings_are_flagged_in_every_language(checker, marketplace, text, wrong):
    assert flagged(checker, text, marketplace) == wrong


def test_german_place_and_family_names_pass(checker):
    text = ("Wir versenden aus Leipzig mit Hermes. Die Filiale liegt in München-Schwabing, "
            "Frau Kowalczyk und Herr Dr. Nguyen melden sich aus Bad Hersfeld.")
    assert flagged(checker, text, "DE") == []


def test_german_messages_may_use_english_product_words(checker):
    text = "Das Headset und die Gaming-Maus liegen bei; das Smartphone-Case ist separat."
    assert flagged(checker, text, "DE") == []


def test_buyer_language_selects_the_dictionary(checker):
    text = "We'd say it's fine, isn't it?"
    assert flagged(checker, text, "DE", context=CheckContext(language="en")) == []
    assert flagged(checker, "Wir sagen, es ist gut, nicht?", "DE") == []


def test_a_message_in_another_language_gets_one_language_error_not_a_typo_per_word(checker):
    text = ("Hello Mr Weber,\n\nThank you for your message. The lamp is on its way and "
            "should arrive on Friday. Please let us know if the shade is the right size.\n\n"
            "Best regards,\nLamp Team")
    diags = checker.check(text, reason="customer-inquiry", marketplace="DE")
    assert {d.category for d in diags if d.severity == "error"} == {"language"}
    text_de = text.replace("Thank", "Thnak")
    assert flagged(checker, text_de, "DE", context=CheckContext(language="en")) == ["Thnak"]


@pytest.mark.parametrize(("word", "marketplace", "best"), [
    ("recieved", "UK", "received"),
    ("availabel", "US", "available"),
    ("Recomend", "US", "Recommend"),
    ("colour", "US", "color"),
    ("Rechnungsadrese", "DE", "Rechnungsadresse"),
])
def test_suggest_puts_the_right_correction_first(checker, word, marketplace, best):
    assert suggest(checker, word, marketplace)[0] == best


def test_sentence_initial_name_passes_but_sentence_initial_typo_does_not(checker):
    text = "Siobhan here. Recieved your note and Teh parcel."
    assert flagged(checker, text) == ["Recieved"]  # "Teh" mid-sentence reads as a name
    assert flagged(checker, "Teh parcel is here.") == ["Teh"]


def test_signature_and_salutation_names_pass_but_closings_are_checked(checker):
    text = "Hi,\n\nYour order ships today.\n\nBest,\nSiobhan Ní Bhriain"
    assert flagged(checker, text) == []
    german = "Hallo Ximena,\n\nIhr Paket ist unterwegs.\n\nViele Grüße\nAnna Wieczorek"
    assert flagged(checker, german, "DE") == []
    assert flagged(checker, "Hello,\n\nThe lamp is fine.\n\nThnaks,\nSupport") == ["Thnaks"]


def test_word_lists_come_from_the_app_resources(checker, tmp_path):
    shutil.copytree(checker.resources, tmp_path / "res",
                    ignore=shutil.ignore_patterns("dictionaries"))
    bare = Checker(resources=tmp_path / "res")
    text = "Please check the colours."
    assert flagged(bare, text, "UK") == ["colours"]  # pyspellchecker alone misses it
    assert flagged(checker, text, "UK") == []


def test_suggest_follows_the_buyer_language(checker):
    assert suggest(checker, "recieved", "DE", language="en")[0] == "received"
    assert suggest(checker, "Rechnungsadrese", "UK", language="de")[0] == "Rechnungsadresse"


@pytest.mark.parametrize(("marketplace", "text"), [
    # German compounds (short parts at the edges, three or four parts), -er agent nouns,
    # zu-infinitives and separable prefixes, English loans inside compounds
    ("DE", "Die Thermoskanne, der Rasierer und der Luftbefeuchter sind unterwegs."),
    ("DE", "Das Boxspringbett ist eine Maßanfertigung; das Olivenöl liegt bei."),
    ("DE", "Der Bohrhammer hat ein Schnellspannbohrfutter."),
    ("DE", "Wir empfehlen, die Kanne auszuspülen und das Brett einzuölen."),
    # Spanish and Italian prefixes, verb+object compounds, -abile, enclitics after a prefix
    ("ES", "Si necesita reprogramar la entrega, el cortacésped llega el lunes."),
    ("ES", "Le recomendamos precalentarla; sirve para videollamadas."),
    ("IT", "Il copripiumino e il macinacaffè sono in arrivo; lo scaldabiberon è a parte."),
    ("IT", "La lampadina è dimmerabile e lo screenshot è utile."),
    ("FR", "L'ampoule est dimmable et se règle depuis l'app."),
    # a short quotation is a product name, whatever its words
    ("DE", "Die Box „Sound Go Mini“ ist wieder lieferbar."),
    ("FR", "Le modèle « Sound Go Mini » est de nouveau disponible."),
    ("IT", "Il modello \"Sound Go Mini\" è di nuovo disponibile."),
    # weekday abbreviations, Amazon's own services, hyphen-split words, product words
    ("DE", "Wir liefern Mo–Fr von 8 bis 18 Uhr, am Do. auch abends. Zahlen Sie mit Amazon Pay."),
    ("FR", "Le colis arrive ce week-end avec la cafetière moka."),
    ("IT", "La caffettiera moka è disponibile."),
    ("DE", "Bitte entkalken Sie das Gerät regelmäßig."),
])
def test_word_formation_and_product_names_pass(checker, marketplace, text):
    assert flagged(checker, text, marketplace) == []


@pytest.mark.parametrize(("marketplace", "text", "wrong"), [
    ("DE", "Ihre Bestelung und die Rechnug sind unterwegs.", ["Bestelung", "Rechnug"]),
    ("DE", "Bitte prüfen Sie die Lieferaddresse.", ["Lieferaddresse"]),  # liefe+rad+dresse
    ("DE", "Der Luftbefeuchtr und die Thermoskane sind da.", ["Luftbefeuchtr", "Thermoskane"]),
    ("DE", "Bitte die Kanne auszuspüllen.", ["auszuspüllen"]),
    ("ES", "Puede reprogramr la entrega del cortacesped.", ["reprogramr", "cortacesped"]),
    ("FR", "Nous sommes désolés pour le retrad.", ["retrad"]),  # re+trad is no word
    ("IT", "Il copripiumimo arriva domani.", ["copripiumimo"]),
    # a rare dictionary word that in a message is a typo of a common one
    ("IT", "Ci scusiamo per il disaggio.", ["disaggio"]),
    ("DE", "Das ist unser Standart-Modell.", ["Standart"]),  # not Stand+Art
    ("ES", "Llegará en tres dias.", ["dias"]),  # días
    ("IT", "È sopratutto robusto.", ["sopratutto"]),  # soprattutto
    # typos inside a quoted sentence are still typos: a name is at most five words
    ("DE", "Sie schrieben: „Die Lampe ist leider kaputt und das Kabel fehtl.“", ["fehtl"]),
])
def test_typos_in_formed_words_are_still_flagged(checker, marketplace, text, wrong):
    assert flagged(checker, text, marketplace) == wrong


def test_removed_dictionary_word_suggests_the_common_one(checker):
    assert suggest(checker, "disaggio", "IT")[0] == "disagio"


def test_misspelt_day_and_month_names_are_not_taken_for_names(checker):
    text = "Can we deliver on Wensday, or Thrusday? Febuary is full."
    assert flagged(checker, text) == ["Wensday", "Thrusday", "Febuary"]
    names = "Augusta, Marcy and Julie will be home on Wednesday in February."
    assert flagged(checker, names) == []
