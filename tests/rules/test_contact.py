"""Contact details and links: what the seller sees underlined, and what stays clean."""

from __future__ import annotations

import pytest

from composer.rules import Checker, is_sendable
from composer.rules.diagnostic import Diagnostic, Severity
from composer.rules.tokens import protected_spans


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


def contact(checker: Checker, text: str, marketplace: str = "US",
            reason: str = "customer-inquiry", subject: str | None = None) -> list[Diagnostic]:
    diags = checker.check(text, reason=reason, marketplace=marketplace, subject=subject,
                          categories=["contact-info"])
    return [d for d in diags if d.category == "contact-info"]


def flagged(checker: Checker, text: str, marketplace: str = "US") -> list[str]:
    """The exact original substrings underlined as contact details."""
    return [text[d.start:d.end] for d in contact(checker, text, marketplace)]


# ---------------------------------------------------------------- each kind, exact spans

@pytest.mark.parametrize(("marketplace", "text", "expected"), [
    ("US", "You can also reach us at help@maplecraftgoods.com.", "help@maplecraftgoods.com"),
    ("US", "Write to 7h2kx9@marketplace.amazon.com if you prefer.",
     "7h2kx9@marketplace.amazon.com"),
    ("US", "Call us at (555) 014-2398 today.", "(555) 014-2398"),
    ("US", "Call us at 555.201.7788 today.", "555.201.7788"),
    ("US", "Please call us at 212-555-0147 so we can fix this.", "212-555-0147"),
    ("US", "Call 212-555-0147 in the morning.", "212-555-0147"),
    ("US", 'Our number is "212-555-0147".', "212-555-0147"),
    ("US", "Tel: +1 (212) 555-0147", "+1 (212) 555-0147"),
    ("US", "Please call 2125550147.", "2125550147"),
    ("US", "Text +44 20 7946 0958 to book.", "+44 20 7946 0958"),
    ("UK", "Ring 020 7946 0958 to book.", "020 7946 0958"),
    ("UK", "Ring 07700 900123 to book.", "07700 900123"),
    ("CA", "Call (416) 555-0199 to book.", "(416) 555-0199"),
    ("DE", "Rufen Sie uns unter 030 12345678 an.", "030 12345678"),
    ("DE", "Oder mobil: 0151 23456789.", "0151 23456789"),
    ("FR", "Appelez-nous au 01.23.45.67.89 svp.", "01.23.45.67.89"),
    ("ES", "Llámenos al 612 34 56 78.", "612 34 56 78"),
    ("IT", "Chiami lo 347 123 4567.", "347 123 4567"),
    ("US", "Our German office: call 030 12345678.", "030 12345678"),
    ("US", "Our Berlin office: call (030) 1234 5678.", "(030) 1234 5678"),
    ("US", "The video is on https://maplecraftgoods.com/videos/desk.",
     "https://maplecraftgoods.com/videos/desk"),
    ("US", "More designs on maplecraftgoods.com!", "maplecraftgoods.com"),
    ("US", "See brand.shop for more.", "brand.shop"),
    ("DE", "Mehr auf www.x.de, danke.", "www.x.de"),
    ("US", "Tag us @maplecraft in your photos.", "@maplecraft"),
    ("US", "Follow us on Instagram for tips.", "Follow us on Instagram"),
    ("US", "Find us on Facebook.", "Find us on Facebook"),
    ("US", "Like our Facebook page to see new designs first!", "our Facebook page"),
    ("US", "Message us on WhatsApp if it is urgent.", "WhatsApp"),
    ("US", "Subscribe to our YouTube channel.", "our YouTube channel"),
    ("DE", "Folgen Sie uns auf Instagram!", "Folgen Sie uns auf Instagram"),
    ("FR", "Suivez-nous sur Instagram !", "Suivez-nous sur Instagram"),
    ("ES", "Síganos en Instagram.", "Síganos en Instagram"),
    ("IT", "Seguici su Instagram!", "Seguici su Instagram"),
    ("US", "The manual is on our website.", "our website"),
    ("US", "It is also available on our Etsy shop.", "on our Etsy"),
    ("DE", "Sie finden es auch bei eBay.", "bei eBay"),
    ("FR", "La notice est sur notre site web.", "notre site web"),
    ("US", "Send the photos to returns at maplecraft dot com today.",
     "returns at maplecraft dot com"),
    ("US", "Write to name at gmail dot com please.", "name at gmail dot com"),
    ("US", "Write to info (at) shop (dot) de please.", "info (at) shop (dot) de"),
    ("US", "My address is name[at]gmail.com.", "name[at]gmail.com"),
    ("DE", "Schreiben Sie an info at holzwerk punkt de.", "info at holzwerk punkt de"),
    ("FR", "Écrivez à contact arobase atelier point fr.", "contact arobase atelier point fr"),
    ("ES", "Escriba a info arroba taller punto es.", "info arroba taller punto es"),
    ("IT", "Scriva a info chiocciola bottega punto it.", "info chiocciola bottega punto it"),
])
def test_contact_detail_is_an_error_with_an_exact_span(checker, marketplace, text, expected):
    diags = contact(checker, text, marketplace)
    assert [text[d.start:d.end] for d in diags] == [expected]
    assert diags[0].severity == Severity.ERROR
    assert not is_sendable(diags)


def fullwidth(ascii_text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) for c in ascii_text)


def test_fullwidth_email_span_covers_the_original_characters(checker):
    address = fullwidth("help@shop.com")  # what a seller pastes to dodge filters
    text = f"Write to {address} today."
    (d,) = contact(checker, text)
    assert (d.start, d.end) == (9, 22)
    assert text[d.start:d.end] == address


def test_fullwidth_digits_and_no_break_spaces_do_not_hide_a_phone_number(checker):
    number = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in "212-555-0147")
    text = f"Call {number} or 212\u00a0555\u00a00148 now."
    assert flagged(checker, text) == [number, "212\u00a0555\u00a00148"]


def test_zero_width_space_inside_an_email_does_not_hide_it(checker):
    text = "Write to help\u200b@shop.com today."
    (d,) = contact(checker, text)
    assert (d.start, d.end) == (9, 23)
    assert text[d.start:d.end] == "help\u200b@shop.com"


def test_spans_are_code_points_after_an_emoji(checker):
    text = "Thanks 😀🎉 call 212-555-0147 or mail a@b.com"
    spans = [(d.start, d.end) for d in contact(checker, text)]
    assert spans == [(15, 27), (36, 43)]
    assert [text[s:e] for s, e in spans] == ["212-555-0147", "a@b.com"]


def test_contact_details_in_the_subject_are_caught_there(checker):
    (d,) = contact(checker, "Hello", subject="Call 212-555-0147")
    assert d.field == "subject"
    assert (d.start, d.end) == (5, 17)


def test_email_phone_and_link_offer_removal_and_say_why(checker):
    text = "Mail help@shop.com, call 212-555-0147 or see shop.com."
    diags = contact(checker, text)
    assert [text[d.start:d.end] for d in diags] == ["help@shop.com", "212-555-0147", "shop.com"]
    assert all(d.suggestions == ("",) for d in diags)  # the GUI's "Remove it"
    assert all(d.message.startswith("Remove the") and "Amazon" in d.message for d in diags)


def test_amazon_alias_gets_its_own_message(checker):
    (d,) = contact(checker, "Write to 7h2kx9@marketplace.amazon.de.", "DE")
    assert "alias" in d.message


# ---------------------------------------------------------------- exceptions and warnings

@pytest.mark.parametrize(("marketplace", "text"), [
    ("US", "For a replacement call UPS at 1-800-742-5877."),
    ("US", "The manufacturer's hotline is 1-800-555-0199."),
    ("US", "For warranty repairs call 212-555-0147."),
    ("UK", "Royal Mail can be reached on 0345 774 0740."),
    ("DE", "Der Kundendienst des Herstellers ist unter 0800 1234567 erreichbar."),
    ("FR", "Appelez le transporteur Colissimo au 09 69 39 99 98."),
    ("ES", "Llame a Correos al 902 197 197."),
    ("IT", "Chiami il corriere BRT allo 011 397 5111."),
])
def test_carrier_or_manufacturer_number_is_only_a_warning(checker, marketplace, text):
    (d,) = contact(checker, text, marketplace)
    assert d.severity == Severity.WARNING
    assert "carrier" in d.message and "manufacturer" in d.message
    assert is_sendable([d])


@pytest.mark.parametrize(("marketplace", "text"), [
    ("ES", "El repartidor de SEUR no pudo entregar su paquete. Si necesita reprogramar la "
           "entrega directamente con la empresa de transporte, su teléfono de atención es el "
           "963 228 700."),
    ("DE", "Bei Fragen zur Zustellung wenden Sie sich an das Transportunternehmen unter "
           "0221 12345678."),
    ("FR", "Pour fixer un rendez-vous, contactez la société de transport au 01 23 45 67 89."),
    ("IT", "Per fissare la consegna può chiamare lo spedizioniere al numero 02 1234 5678."),
    # the carrier is named in the sentence before, and this one says "they"
    ("US", "Your gun safe ships by freight with Estes. They will call you from 1-866-378-3748 "
           "to book a window."),
    ("ES", "Su pedido lo entrega Nacex. Si lo prefiere, llame a su servicio de atención al "
           "963 228 700."),
])
def test_carrier_numbers_named_by_their_trade_or_the_sentence_before_are_warnings(
        checker, marketplace, text):
    (d,) = contact(checker, text, marketplace)
    assert d.severity == Severity.WARNING


@pytest.mark.parametrize(("marketplace", "text"), [
    # the carrier is in another sentence and this one is about the seller
    ("US", "Your order ships with UPS. If anything is wrong, call us at 212-555-0147."),
    ("DE", "Wir versenden mit DHL. Rufen Sie uns unter 030 12345678 an."),
    ("ES", "Enviamos con SEUR. Para cualquier duda, llame a nuestro teléfono 963 228 700."),
    # the carrier is in another paragraph
    ("US", "Your order ships with UPS.\n\nThey can call 212-555-0147 with questions."),
    # the seller's own delivery department is not a carrier
    ("FR", "Notre service livraison est joignable au 01 23 45 67 89."),
])
def test_own_number_next_to_a_carrier_name_is_still_an_error(checker, marketplace, text):
    (d,) = contact(checker, text, marketplace)
    assert d.severity == Severity.ERROR


def test_https_amazon_links_and_amazon_as_a_name_pass(checker):
    assert flagged(checker, "See https://www.amazon.com/gp/css/order-history for it.") == []
    assert flagged(checker, "Thank you for shopping on Amazon.com and Amazon.de.") == []
    assert flagged(checker, "Siehe https://www.amazon.de/dp/B0ABCDEFGH.", "DE") == []


def test_http_amazon_link_is_an_error_with_the_https_fix(checker):
    (d,) = contact(checker, "Open http://www.amazon.com/gp/your-account please.")
    assert d.severity == Severity.ERROR
    assert "https" in d.message
    assert d.suggestions == ("https://www.amazon.com/gp/your-account",)


def test_lookalike_amazon_host_is_not_amazon(checker):
    assert flagged(checker, "Go to https://amazon.com.deals.example.net now.") == [
        "https://amazon.com.deals.example.net"]


def test_carrier_tracking_link_is_a_warning_and_short_links_are_warned(checker):
    (d,) = contact(checker, "Track it at https://www.ups.com/track?tracknum=1Z999AA10123456784.")
    assert d.severity == Severity.WARNING
    (d,) = contact(checker, "Here it is: https://amzn.to/3abcXYZ")
    assert d.severity == Severity.WARNING


# ---------------------------------------------------------------- never flagged

@pytest.mark.parametrize(("marketplace", "text"), [
    ("US", "I looked up order 112-4839201-5567123 for you."),
    ("US", "It ships on 2026-11-02, arrives 11/02/2026 at 9:30 am."),
    ("DE", "Die Lieferung kommt am 02.11.2026 um 10.30 Uhr."),
    ("US", "The price is $34.99, and shipping is free."),
    ("US", "The desk is 31.5\" x 11.8\" and comes with a 48-ounce jar."),
    ("US", "The rug is 2 x 3 m; the box is 1200 x 800 x 600 mm."),
    ("US", "The box is 150 x 200 x 300 mm (5.9 x 7.9 x 11.8 in)."),
    ("US", "Ship to ZIP 90210 or 90210-1234."),
    ("DE", "Die Adresse ist 10115 Berlin."),
    ("US", "It goes to 12 Example Rd, Memphis, TN 38117-3311."),
    ("DE", "Sie geht an 12 Example Rd, Austin 78701-1234."),
    ("US", "The ASIN is B0ABCDEFGH."),
    ("US", "The tracking number is 1Z999AA10123456784."),
    ("US", "Tracking 1Z 999 AA1 01 2345 6784 is live."),
    ("DE", "Ihre Sendungsnummer lautet 0034 0434 1612 3456 78."),
    ("US", "Delivery takes 3-5 business days; since 2019 we make Model 2040-B."),
    ("US", "Invoice no. 4839201 is attached."),
    ("US", "Your return authorization 4839201 is ready."),
    ("US", "Order #1234567 is on the way."),
    ("US", "The article number is 100-2003-4005."),
    ("US", "We have sold 1,299,000 units."),
    ("US", "Please look at the photos at home."),
    ("US", "The polka dot dress is lovely."),
    ("US", "Two for $5 (2 @ $2.50 each)."),
    ("US", "The invoice.pdf and manual.docx are attached."),
    ("US", "It fits, e.g. a laptop, i.e. 15 inches, approx. 2 kg."),
    ("DE", "Passt z.B. für Laptops, ca. 2 kg."),
    ("US", "The bag has a strong signal-blocking lining."),
    ("US", "We chat with many customers; our threads are cotton."),
    ("US", "Please message us here on Amazon."),
    ("DE", "Punkt 3 der Anleitung erklärt die Montage."),
    ("ES", "Llegará a las cinco en punto; el punto es que falta una pieza."),
    ("FR", "Nous faisons le point demain sur la livraison."),
    ("US", "The text on the box says 12345678."),
    ("US", "Version 2.3.4.5678 fixed the bug; the hub is at 192.168.100.100."),
    ("US", "The desk is 31.5\" x 11.8\" and 48\" wide."),
    ("US", "Your ticket 20261102-0042 is open; the ISBN 978-3-16-148410-0 is on the back."),
    ("US", "Your cabinet's serial number, 2026114556, tells us it's the 2026 model."),
])
def test_ordinary_data_and_words_are_not_contact_details(checker, marketplace, text):
    assert flagged(checker, text, marketplace) == []


def test_price_token_stops_before_the_comma():
    text = "It costs $34.99, and 34,99 € too."
    kinds = {text[s:e]: k for s, e, k in protected_spans(text)}
    assert kinds["$34.99"] == "price"
    assert kinds["34,99 €"] == "price"


def test_bare_domains_are_protected_for_spelling_but_abbreviations_are_not():
    text = "See maplecraftgoods.com, e.g. z.B. invoice.pdf"
    assert [(text[s:e], k) for s, e, k in protected_spans(text)] == [
        ("maplecraftgoods.com", "url")]


# ---------------------------------------------------------------- the corpus's contact messages

@pytest.mark.parametrize(("marketplace", "reason", "text"), [
    ("US", "customer-inquiry", "Hello,\n\nThe cable is three feet long. You can also reach us "
     "at help@maplecraftgoods.com.\n\nThanks,\nSupport"),
    ("US", "order-fulfillment-issue", "Hi,\n\nSorry for the delay. Please call us at "
     "212-555-0147 so we can fix this.\n\nRegards,\nCustomer Service"),
    ("UK", "delivery-scheduling", "Hello,\n\nPlease text our team on +44 20 7946 0958 to "
     "choose a delivery slot.\n\nRegards,\nDelivery Team"),
    ("US", "customer-inquiry", "Hello,\n\nThe assembly video is on "
     "https://maplecraftgoods.com/videos/desk.\n\nBest,\nSupport"),
    ("US", "review-request", "Hi,\n\nWe hope you like the lamp. Like our Facebook page to "
     "see new designs first!\n\nThanks,\nCustomer Care"),
    ("US", "return", "Hello,\n\nSend the photos to returns at maplecraft dot com and we will "
     "approve your return.\n\nRegards,\nReturns"),
], ids=["email-plain", "phone-us", "phone-intl", "url", "facebook", "obfuscated"])
def test_corpus_contact_messages_are_blocked(checker, marketplace, reason, text):
    diags = contact(checker, text, marketplace, reason)
    assert diags and not is_sendable(diags)


def test_compliant_corpus_message_with_ids_and_measures_is_clean(checker):
    text = ("Hello Daniel,\n\nI looked up order 111-2223334-4455566. The blender ships with the "
            "48-ounce jar and two travel cups, and the warranty lasts one year.\n\n"
            "Best regards,\nSupport")
    assert contact(checker, text) == []


def test_support_line_of_a_manufacturer_named_just_before_is_a_warning(checker):
    text = ("The warranty is handled by the manufacturer. You can reach Philips support at "
            "1-800-555-0100.")
    diags = [d for d in checker.check(text, reason="customer-inquiry", marketplace="US")
             if d.category == "contact-info"]
    assert [(d.severity, text[d.start:d.end]) for d in diags] == [("warning", "1-800-555-0100")]
    ours = text.replace("Philips support", "our support")
    diags = [d for d in checker.check(ours, reason="customer-inquiry", marketplace="US")
             if d.category == "contact-info"]
    assert [d.severity for d in diags] == ["error"]


def test_italian_tracking_number_is_not_a_phone_number(checker):
    diags = checker.check("Il numero di tracciamento è 123456789.", reason="customer-inquiry",
                          marketplace="IT")
    assert [d for d in diags if d.category == "contact-info"] == []
