"""The English policy packs: what a seller writing in English sees flagged, and what not.

Each case is a realistic draft; the assertions are about the categories (and for some, the exact
spans) a seller would see highlighted, so a rule that stops firing or starts crying wolf fails.
"""

from __future__ import annotations

import pytest

from composer.rules import CheckContext, Checker, Diagnostic, is_sendable
from composer.rules.checks.structure import emoji_spans

POLICY = ("promotion", "review-manipulation", "prohibited-content", "placeholder", "off-reason")


def _letter(body: str) -> str:
    return f"Hello,\n\n{body}\n\nKind regards,\nCustomer Care"


def _errors(checker: Checker, text: str, reason: str = "customer-inquiry",
            subject: str | None = None, context: CheckContext | None = None,
            marketplace: str = "US") -> list[Diagnostic]:
    diags = checker.check(text, reason=reason, marketplace=marketplace, subject=subject,
                          context=context, categories=POLICY)
    return [d for d in diags if d.severity == "error"]


def _cats(checker: Checker, text: str, reason: str = "customer-inquiry", **kw) -> set[str]:
    return {d.category for d in _errors(checker, text, reason, **kw)}


# --- what must be flagged ------------------------------------------------------------------

FLAGGED = [
    # promotion
    ("customer-inquiry", "Yes, it is dishwasher safe. Use code SAVE10 for 10% off your next order.",
     "promotion"),
    ("customer-inquiry", "Yes, it is in stock. Don't miss our summer sale, it is on sale now!",
     "promotion"),
    ("order-fulfillment-issue", "The replacement is on its way. Black Friday deals start tomorrow.",
     "promotion"),
    ("customer-inquiry", "Yes, it fits. Buy one, get one free on all lids this week.", "promotion"),
    ("customer-inquiry", "Yes, it fits. This offer is for a limited time only.", "promotion"),
    ("customer-inquiry", "Yes, it fits. Subscribe to our newsletter for tips.", "promotion"),
    ("customer-inquiry", "Yes, it fits. Our new collection of lids just launched.", "promotion"),
    ("customer-inquiry", "Yes, it fits. Check out our other products on Amazon!", "promotion"),
    ("customer-inquiry", "Yes, it fits. Visit our Amazon storefront for matching pans.",
     "promotion"),
    ("customer-inquiry", "Yes, it fits. You might also like our glass lids.", "promotion"),
    ("customer-inquiry", "Yes, it fits. Follow us on Instagram for recipes.", "promotion"),
    ("customer-inquiry", "Yes, it fits. We have an exclusive offer for returning customers.",
     "promotion"),
    # review manipulation
    ("review-request", "Leave a review and we will send you a $10 gift card!",
     "review-manipulation"),
    ("review-request", "Write a review and get a free bottle of our shampoo.",
     "review-manipulation"),
    ("review-request", "Please leave us a 5-star review.", "review-manipulation"),
    ("review-request", "We would love some great feedback on Amazon.", "review-manipulation"),
    ("review-request", "If you are happy with the kettle, please leave a review.",
     "review-manipulation"),
    ("review-request", "Please leave a review. If not satisfied, contact us first.",
     "review-manipulation"),
    ("review-request", "Please only leave a review if you love it.", "review-manipulation"),
    ("review-request", "Before leaving negative feedback, please give us a chance to fix it.",
     "review-manipulation"),
    ("customer-inquiry", "We have sent the replacement. Could you update your review now?",
     "review-manipulation"),
    ("order-fulfillment-issue", "Now that you have your refund, would you remove the feedback?",
     "review-manipulation"),
    ("review-request", "We need your review to survive.", "review-manipulation"),
    ("review-request", "Our small business depends on reviews like yours.", "review-manipulation"),
    ("review-request", "Please mention our fast shipping in your review.", "review-manipulation"),
    # prohibited content
    ("order-fulfillment-issue", "Just letting you know that your package was dispatched today.",
     "prohibited-content"),
    ("additional-information", "We have shipped your order with DHL.", "prohibited-content"),
    ("review-request", "Your order has been delivered. We'd appreciate a review.",
     "prohibited-content"),
    ("order-fulfillment-issue", "We cannot ship to your address. Please cancel your order.",
     "prohibited-content"),
    ("order-fulfillment-issue", "Could you request a cancellation from your account?",
     "prohibited-content"),
    ("review-request", "We'd appreciate a review. Reply STOP to opt out.", "prohibited-content"),
    ("customer-inquiry", "Yes, it comes in blue <b>and</b> green.", "prohibited-content"),
    ("customer-inquiry", "Yes, it comes in blue and green 💙", "prohibited-content"),
    # placeholders
    ("customer-inquiry", "Hi [Buyer Name], the lamp is 30 cm tall.", "placeholder"),
    ("customer-inquiry", "Hi {buyer_name}, the lamp is 30 cm tall.", "placeholder"),
    ("customer-inquiry", "Hi <first name>, the lamp is 30 cm tall.", "placeholder"),
    ("order-fulfillment-issue", "Your new tracking number is [insert tracking number].",
     "placeholder"),
    ("order-fulfillment-issue", "Your new tracking number is XXXXXXXX.", "placeholder"),
    # off-reason
    ("invoice", "Your invoice is attached. Could you also leave a review of the kettle?",
     "off-reason"),
    ("delivery-scheduling", "Before we print your canvas, please approve the attached proof.",
     "off-reason"),
    ("invoice", "Your invoice is attached. Please choose a delivery slot for the wardrobe.",
     "off-reason"),
    ("review-request", "We'd appreciate a review. Your invoice is attached as well.", "off-reason"),
    ("order-fulfillment-issue", "A new lid ships today. Please leave us a review once it arrives.",
     "off-reason"),
    ("return", "We have received your return. Your invoice for the new lamp is attached.",
     "off-reason"),
    ("review-request", "Just a quick update: your order will arrive tomorrow.",
     "prohibited-content"),
    ("review-request", "Happy customers leave reviews! If you're happy, please leave one.",
     "review-manipulation"),
    # the reward or the dictation in the sentence after the request
    ("review-request", "Please leave a review of the lamp. Once it's posted, send us a screenshot "
     "and we'll send you a $10 gift card.", "review-manipulation"),
    ("review-request", "Could you write a review? We'll then refund your delivery charge as a "
     "thank-you.", "review-manipulation"),
    ("review-request", "Could you leave a quick review? It would be great if you could mention "
     "how soft the fabric is.", "review-manipulation"),
    ("review-request", "Happy with your purchase? Please leave a review! Not happy? Please "
     "contact us.", "review-manipulation"),
    ("review-request", "If anything is less than perfect, message us before reviewing.",
     "review-manipulation"),
    ("review-request", "Reviews are what keep a small shop like ours going.",
     "review-manipulation"),
    ("customer-inquiry", "If you leave a bad review, we will report you to Amazon.",
     "review-manipulation"),
    ("review-request", "Just a friendly reminder: we asked last week for a review and haven't "
     "seen one yet.", "prohibited-content"),
    # message types in other words
    ("order-fulfillment-issue", "Just checking in to make sure everything arrived OK. We're "
     "always here if you need anything!", "prohibited-content"),
    ("order-fulfillment-issue", "According to UPS, your package was delivered today at 2:14 PM.",
     "prohibited-content"),
    ("order-fulfillment-issue", "Just a heads-up: your parcel has been handed to DPD.",
     "prohibited-content"),
    ("custom-design", "We've received your order and will start on it right away.",
     "prohibited-content"),
    ("review-request", "Good news! Your new rug will be with you by Friday.",
     "prohibited-content"),
    ("order-fulfillment-issue", "The only way to fix this is for you to cancel the order through "
     "Amazon.", "prohibited-content"),
    ("review-request", "We'd appreciate a review. If you'd rather not hear from us again, just "
     "reply 'no thanks'.", "prohibited-content"),
    ("order-fulfillment-issue", "The damn courier lost your package again.",
     "prohibited-content"),
    # promotion in other words
    ("customer-inquiry", "We don't make it in rose gold here, but you can visit us on Etsy.",
     "promotion"),
    ("customer-inquiry", "Yes, it fits. Enter our monthly giveaway for a chance to win!",
     "promotion"),
    ("delivery-scheduling", "Which day suits you? Also, stock up on our shelving now before "
     "prices go up!", "promotion"),
    ("order-fulfillment-issue", "Sorry for the delay. Use THANKYOU10 on your next Amazon order.",
     "promotion"),
    ("customer-inquiry", "The basic model has two speeds. Upgrade to our Pro model for just $20 "
     "more!", "promotion"),
    # off-reason in other words
    ("review-request", "Please find attached the invoice for your order.", "off-reason"),
    ("home-services", "After the visit, we'd appreciate it if you left a review of our service.",
     "off-reason"),
    ("custom-design", "Please approve the proof. Also, which day next week would you like the "
     "canvas delivered?", "off-reason"),
    ("custom-design", "The proof is attached, along with your invoice.", "off-reason"),
    ("delivery-scheduling", "Please pick a slot. We'd also love to hear your thoughts on Amazon "
     "once it's set up.", "off-reason"),
    # a notice and courtesy only is a shipping or order confirmation
    ("order-fulfillment-issue", "Your tracking number is 1Z999AA10123456784. Your package will "
     "arrive Thursday.", "prohibited-content"),
    ("order-fulfillment-issue", "Thank you for your order! We have received it and are preparing "
     "it for shipment.", "prohibited-content"),
    ("delivery-scheduling", "Your treadmill has shipped! You can track it on your Amazon order "
     "page.", "prohibited-content"),
    ("order-fulfillment-issue", "Your order is confirmed and will be packed today.",
     "prohibited-content"),
    ("review-request", "We sent you a review request last week but have not heard back.",
     "prohibited-content"),
    ("customer-inquiry", "We just wanted to say we're here if you need anything. Don't hesitate "
     "to reach out if there is a problem with your order.", "prohibited-content"),
    ("return", "Your refund was issued today.\n\n\n\n\nThe returns team", "prohibited-content"),
    ("order-fulfillment-issue", "The colour you chose is sold out, so please go to Your Orders "
     "and cancel it.", "prohibited-content"),
    # multi-buy offers and cross-sells in other words
    ("delivery-scheduling", "Want the matching armchair too? Add it now and we'll deliver both "
     "together.", "promotion"),
    ("return", "We have received your return. Next time, buy two and get the third one free!",
     "promotion"),
    ("custom-design", "The proof is attached. Order 3 or more mugs and get free "
     "personalization!", "promotion"),
    ("customer-inquiry", "It is made of oak. Take a look at our other oak furniture on Amazon.",
     "promotion"),
    # review manipulation in other words
    ("review-request", "Without good reviews we may have to close our shop.",
     "review-manipulation"),
    ("review-request", "Reviews matter to us. We'd be really hurt if you didn't leave one.",
     "review-manipulation"),
    ("review-request", "We'd love a review! Something like \"Great quality\" would be perfect.",
     "review-manipulation"),
    ("review-request", "If our product met your expectations, please leave a review. If it "
     "didn't, let us fix it first.", "review-manipulation"),
    ("review-request", "Honest reviews are great, but a positive one would really help us.",
     "review-manipulation"),
    ("customer-inquiry", "Now that the refund has gone through, would you consider taking down "
     "your 2-star review?", "review-manipulation"),
    # off-reason and placeholders in other words
    ("review-request", "We still need the engraving text for your cutting board before we can "
     "ship it.", "off-reason"),
    ("return", "We've processed your return. Would you mind rating your experience with us?",
     "off-reason"),
    ("custom-design", "The proof is attached. Please confirm the text: \"Lorem ipsum dolor\".",
     "placeholder"),
    ("customer-inquiry", "Dear Customer Name, yes it fits.", "placeholder"),
    # a reply that only announces the delivery and wishes joy is an unprompted notice
    ("customer-inquiry", "Our records show your package was delivered today. We hope you enjoy it!",
     "prohibited-content"),
    ("order-fulfillment-issue", "Thank you for your order! This is to confirm that we have "
     "received order 114-2233445-5667788 and it is being prepared.", "prohibited-content"),
    ("customer-inquiry", "We just wanted to check in. If there is any problem with your order, "
     "we are here to help.", "prohibited-content"),
    ("order-fulfillment-issue", "The item is out of stock. We'd be grateful if you could cancel "
     "the order.", "prohibited-content"),
    ("invoice", "Your invoice is attached. We have also included a coupon for your next purchase.",
     "promotion"),
    ("customer-inquiry", "The pump is sold separately. You can find it in our Amazon store.",
     "promotion"),
    ("review-request", "Please leave a review, and we will send you a free phone case.",
     "review-manipulation"),
    ("review-request", "It would be great if your review mentioned the fast delivery.",
     "review-manipulation"),
    ("review-request", "Please, let us know which day suits you for the installation.",
     "off-reason"),
    # a busy small seller's wording (en_messages_4)
    ("review-request", "We are a tiny family business and every review decides whether we can "
     "keep going. Please don't forget to review us.", "review-manipulation"),
    ("review-request", "Honest reviews are great, but 5 star ones help us most!",
     "review-manipulation"),
    ("customer-inquiry", "We noticed your 3-star review. If you bump it up to 5 stars we will "
     "send a gift.", "review-manipulation"),
    ("customer-inquiry", "This is to confirm we have received your order for the oak bookcase "
     "and it is being processed.", "prohibited-content"),
    ("order-fulfillment-issue", "The item is unavailable. Would you mind cancelling the order?",
     "prohibited-content"),
    ("return", "Before we engrave your new cutting board, please pick a font from the attached "
     "proof.", "off-reason"),
    ("delivery-scheduling", "Your table can be delivered on INSERT DATE between 8 and 12.",
     "placeholder"),
    ("return", "Your refund is done. Next time you order from us, mention this message for a "
     "discount.", "promotion"),
    ("customer-inquiry", "The collar is nylon. Take a look at our matching leashes too!",
     "promotion"),
]


@pytest.mark.parametrize(("reason", "body", "category"), FLAGGED,
                         ids=[f"{c}:{b[:40]}" for _, b, c in FLAGGED])
def test_breaches_are_flagged_and_block_send(checker, reason, body, category):
    text = _letter(body)
    assert category in _cats(checker, text, reason)
    assert not is_sendable(checker.check(text, reason=reason, marketplace="US"))


# --- what must not be flagged --------------------------------------------------------------

CLEAN = [
    ("order-fulfillment-issue", "We are sorry the lid cracked. A free replacement lid will ship "
     "tomorrow, free of charge."),
    ("order-fulfillment-issue", "One chair was damaged in packing. We can ship the undamaged chair "
     "now and the second one on Monday."),
    ("order-fulfillment-issue", "The chair has a scratch. We can refund 20% of the price if you "
     "keep it, or send a new one."),
    ("order-fulfillment-issue", "We have cancelled your order because we cannot deliver to your "
     "address, and refunded you in full."),
    ("customer-inquiry", "The date of sale is printed on your invoice."),
    ("customer-inquiry", "The code on the box is the batch number, not a serial number."),
    ("customer-inquiry", "This model is no longer for sale, but the lid still fits the new one."),
    ("customer-inquiry", "The item was on sale at the time of your order, which is why it cost "
     "less then."),
    ("delivery-scheduling", "Your fridge freezer is ready for dispatch. As it is a two-person "
     "delivery, which day next week will you be at home?"),
    ("review-request", "We hope the towels arrived in good condition. If you have a moment, please "
     "consider sharing your experience in a product review on Amazon."),
    ("review-request", "We'd appreciate a review on Amazon. It helps other customers choose."),
    ("review-request", "Please consider leaving an honest review, good or bad."),
    ("customer-inquiry", "Thank you for your positive feedback! We are glad the lamp works well."),
    ("customer-inquiry", "Thanks for your question! Yes, the bowl is dishwasher safe."),
    ("customer-inquiry", "The battery lasts five hours. Let us know if you have any other "
     "questions."),
    ("customer-inquiry", "You asked where it is: your order was shipped on Monday with UPS."),
    ("custom-design", "Attached is the artwork for your mug. Please check the colours, then reply "
     "to approve it or to request changes."),
    ("custom-design", "We made two new designs from your notes; please take a look at the new "
     "designs and tell us which you prefer."),
    ("return", "We received the parcel. Which day will you be at home so the courier can collect "
     "the second box?"),
    ("invoice", "Your invoice is attached. Please check the billing address."),
    ("customer-inquiry", "MapleCraft® lamps use a standard E27 bulb."),
    ("customer-inquiry", "The XXL size runs large; we recommend one size down."),
    ("customer-inquiry", "The lamp is 30 cm < 40 cm, so it fits the shelf."),
    ("customer-inquiry", "Yes, you can cancel the order yourself from Your Orders as it has not "
     "shipped yet."),
    ("order-fulfillment-issue", "The tracking shows your parcel was delivered to a neighbour at "
     "number 12. Could you check with them?"),
    ("delivery-scheduling", "Your order has been dispatched to our local depot. Which day suits "
     "you for delivery?"),
    ("customer-inquiry", "This model has very good reviews, and the lid is sold separately."),
    ("return", "Thanks for your feedback about the zip. We have refunded you in full."),
    ("return", "We reviewed the photos you sent and will refund the full $79.99 today."),
    ("review-request", "Your refund was processed last week. If you have a moment, please share "
     "your experience in a review."),
    ("review-request", "We hope you're enjoying the 100% cotton sheets. We'd appreciate an honest "
     "review on Amazon."),
    ("review-request", "Would you take a moment to review your purchase? Honest feedback, whether "
     "it's 1 star or 5, helps other shoppers."),
    ("review-request", "Whether you loved the yoga mat or not, your honest review helps others."),
    ("review-request", "We're a small family business, and we'd be grateful if you could share "
     "your honest opinion in a review."),
    ("review-request", "Your headphones were delivered on 3 November. Could you leave feedback "
     "about your experience with us as a seller?"),
    ("customer-inquiry", "The lower price you saw was an Amazon Lightning Deal, which ended on "
     "Nov 24, so we can't apply it now."),
    ("customer-inquiry", "We usually stock up on the 6-pack before the holidays, so it should be "
     "back by December 5."),
    ("customer-inquiry", "We asked the manufacturer last week, and they confirmed the blades are "
     "stainless steel."),
    ("customer-inquiry", "The assembly is idiot-proof, and the dumbbell rack is sold separately."),
    ("order-fulfillment-issue", "UPS shows the package as delivered, but you told us it never "
     "arrived, so we are sending a replacement today."),
    ("order-fulfillment-issue", "We were unable to ship your order because the address failed "
     "validation. Please confirm your street address."),
    ("custom-design", "Please confirm the wording on the proof. We'll make and ship the banner "
     "within 3 days of your approval."),
    ("home-services", "A quick reminder for Saturday's assembly: does 9:00 to 11:00 still suit "
     "you?"),
    ("customer-inquiry", "Just checking in on your question: the initials can be gold or silver."),
    # a notice that solves a problem, and a thank-you with an answer, are real messages
    ("order-fulfillment-issue", "Your order will arrive on Thursday instead of Tuesday because "
     "the courier had a breakdown. We are sorry for the wait."),
    ("order-fulfillment-issue", "The lamp shade was missing from your parcel. It has been shipped "
     "separately and should arrive tomorrow."),
    ("order-fulfillment-issue", "We have sent you a replacement kettle. Your tracking number is "
     "1Z999AA10123456784."),
    ("order-fulfillment-issue", "Thank you for letting us know the remote was missing from the "
     "box. We've sent a new remote by USPS today, and it should arrive by Wednesday."),
    ("order-fulfillment-issue", "Your order has been delayed, and it will ship on Monday. We "
     "apologise."),
    ("customer-inquiry", "Thanks for your question, the bowl is dishwasher safe."),
    ("customer-inquiry", "Thank you for getting in touch, the jacket runs small, so we suggest "
     "one size up."),
    ("customer-inquiry", "If you want to cancel the order, just let us know and we will do it for "
     "you."),
    ("customer-inquiry", "If you want to cancel, you can do it from Your Orders before it ships."),
    ("customer-inquiry", "The matching lid is included in the box."),
    ("customer-inquiry", "Please see our other message for the tracking number."),
    ("customer-inquiry", "The set includes 2 pans and 1 pot; the 241 model is the larger one."),
    ("customer-inquiry", "We recommend the 2 m cable instead, as the 1 m one may be too short for "
     "your desk."),
    ("review-request", "You received your rug about two weeks ago. If you have a moment, please "
     "share your experience in a review."),
    ("review-request", "We're a small team of three, and every review helps other shoppers "
     "decide. Would you share yours?"),
    ("delivery-scheduling", "Your wardrobe has been dispatched to our local depot. Which day next "
     "week suits you?"),
    ("home-services", "The installer will arrive between 1 and 3 p.m. Please make sure the old "
     "unit is disconnected."),
    ("custom-design", "The proof is attached. It looks great with the gold foil; let us know if "
     "it looks correct to you."),
    ("invoice", "Attached is the invoice for order 114-3344556-7788990, which was delivered on 3 "
     "November."),
    ("review-request", "Your order of garden gloves was delivered last week. We would be grateful "
     "if you could leave seller feedback about your experience with us."),
    ("customer-inquiry", "Thanks for your question. Your order was shipped on Monday with UPS."),
    ("customer-inquiry", "The review you mentioned was about the older model; the new one has a "
     "metal hinge."),
    ("order-fulfillment-issue", "Cancel the order? No need, we found one more in stock and it "
     "ships today."),
    ("customer-inquiry", "Yes, we also have it in blue, if you're interested."),
]


@pytest.mark.parametrize(("reason", "body"), CLEAN, ids=[b[:40] for _, b in CLEAN])
def test_compliant_messages_get_no_policy_error(checker, reason, body):
    errors = _errors(checker, _letter(body), reason)
    assert errors == [], [(d.rule, d.message) for d in errors]


# --- only thanks / only help ---------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hello,\n\nThanks so much for your purchase! Let us know if you have any questions.\n\n"
    "Best,\nCustomer Care",
    "Hi Tom, thank you for shopping with us! Don't hesitate to contact us if you need anything. "
    "Best, Anna",
    "Hello,\n\nWe just wanted to say thank you for your order. Have a wonderful day!\n\n"
    "The Maple Team",
    "Hi,\n\nWe hope you enjoy your new kettle 😊 If there is anything else we can do, just let "
    "us know.\n\nCheers,\nShop",
])
def test_a_message_that_only_thanks_or_offers_help_is_flagged(checker, text):
    rules = {d.rule for d in _errors(checker, text)}
    assert "prohibited.only-courtesy" in rules


def test_only_courtesy_underlines_the_body_not_greeting_or_signature(checker):
    text = ("Hello,\n\nThanks so much for your purchase! Let us know if you have any questions."
            "\n\nBest,\nCustomer Care")
    (d,) = [d for d in _errors(checker, text) if d.rule == "prohibited.only-courtesy"]
    assert text[d.start:d.end] == ("Thanks so much for your purchase! Let us know if you have "
                                   "any questions.")


@pytest.mark.parametrize("text", [
    _letter("Thank you for your order. The blue kettle is out of stock; would you like the green "
            "one? Let us know if you have any questions."),
    _letter("Thanks for your patience. Your parcel was found at the depot and will be redelivered "
            "tomorrow."),
    "Hi,\n\nThanks for your order!\n\nBest,\nAnna\n\nP.S. The lid is packed separately in the "
    "small box.",
])
def test_a_real_message_that_also_thanks_is_not_flagged(checker, text):
    assert "prohibited.only-courtesy" not in {d.rule for d in _errors(checker, text)}


def test_a_signature_without_sign_off_is_not_read_as_content(checker):
    text = "Hi,\n\nThank you for your recent purchase from our store.\n\nSarah\nMaple Goods"
    assert "prohibited.only-courtesy" in {d.rule for d in _errors(checker, text)}


# --- subject, spans, emoji -----------------------------------------------------------------


def test_urgency_marker_is_flagged_in_the_subject_only(checker):
    text = _letter("The stand fits all 27-inch monitors.")
    (d,) = _errors(checker, text, subject="[Important] Your question")
    assert (d.field, d.category, d.start, d.end) == ("subject", "prohibited-content", 0, 11)
    assert _errors(checker, text, subject="Your question about the stand") == []


def test_positive_review_offers_the_neutral_wording(checker):
    text = "Hi,\n\nPlease leave us a 5-star review on Amazon.\n\nThanks,\nShop"
    (d,) = [d for d in _errors(checker, text, "review-request") if d.rule == "review.positive"]
    assert text[d.start:d.end] == "5-star review"
    assert d.suggestions == ("review",)
    (d,) = [d for d in _errors(checker, "Could you leave us an excellent review?", "review-request")
            if d.rule == "review.positive-an"]
    assert d.suggestions == ("a review",)


def test_spans_after_an_emoji_are_code_points_of_the_original(checker):
    text = "Hi 👋🏽 [Buyer Name], use code SAVE10 now!"
    diags = {d.rule: d for d in _errors(checker, text)}
    assert text[diags["placeholder.unfilled"].start:diags["placeholder.unfilled"].end] \
        == "[Buyer Name]"
    assert text[diags["promotion.discount"].start:diags["promotion.discount"].end] \
        == "use code SAVE10"
    emoji = diags["prohibited.emoji"]
    assert (emoji.start, emoji.end) == (3, 5)


@pytest.mark.parametrize(("text", "spans"), [
    ("Thanks 👍", [(7, 8)]),
    ("We ❤️ it", [(3, 5)]),
    ("Family 👨\u200d👩\u200d👧 day", [(7, 12)]),
    ("Flag 🇬🇧!", [(5, 7)]),
    ("Key 1\ufe0f\u20e3 here", [(4, 7)]),
    ("Brand® and ©2024 and ™ are text", []),
    ("→ arrows and ✓ ticks are text", []),
])
def test_emoji_spans_cover_whole_sequences(text, spans):
    assert emoji_spans(text) == spans


def test_emoji_inside_a_normalised_text_keeps_its_place(checker):
    text = "\uff26\uff55\uff4c\uff4c width then 😀 and <b>bold</b>"  # full-width "Full"
    found = [(d.rule, text[d.start:d.end]) for d in _errors(checker, text)]
    assert found == [("prohibited.emoji", "😀"), ("prohibited.html", "<b>"),
                     ("prohibited.html", "</b>")]


# --- placeholders in templates, and in every language --------------------------------------


def test_placeholders_are_info_only_in_a_template(checker):
    text = "Hi {{buyer_name}}, your lamp ships Monday."
    (d,) = [d for d in checker.check(text, reason="customer-inquiry", marketplace="US",
                                     context=CheckContext(allow_placeholders=True))
            if d.category == "placeholder"]
    assert d.severity == "info"
    assert text[d.start:d.end] == "{{buyer_name}}"
    assert "placeholder" in _cats(checker, text)


@pytest.mark.parametrize("marketplace", ["US", "UK", "DE", "FR", "ES", "IT"])
def test_placeholders_are_caught_in_every_language(checker, marketplace):
    assert "placeholder" in _cats(checker, "Hallo [Kundenname], merci {{name}}.",
                                  marketplace=marketplace)


@pytest.mark.parametrize("text", ["Thanks!<br>The team", "[Important] update", "See [1] below",
                                  "Sizes S-XXL", "Mail <help@shop.example>"])
def test_markup_and_tags_are_not_placeholders(checker, text):
    assert "placeholder" not in _cats(checker, text)


# --- off-reason names the reason the sentence belongs to ---------------------------------


def test_off_reason_message_names_the_right_reason(checker):
    text = "Hello,\n\nYour invoice is attached. Could you also leave a review of the kettle?"
    (d,) = [d for d in _errors(checker, text, "invoice") if d.category == "off-reason"]
    assert "Request a product review or seller feedback" in d.message
    assert text[d.start:d.end] == "Could you also leave a review of the kettle?"
    assert checker.reasons["review-request"].title in d.message


# --- grammar: high-precision patterns ------------------------------------------------------


@pytest.mark.parametrize("body", [
    "The parts was missing from the returned box.",
    "We has shipped the missing part today.",
    "The casserole dish and it's lid are oven safe.",
    "The large pot is bigger then the medium one.",
    "The lamp charges with an USB cable.",
    "The driver will call you a hour before arriving.",
    "Your necklace will be an unique piece.",
    "Its been a busy week, so your order is late.",
    "Their are two sizes of the planter.",
    "The chair come with all the tools you need for assembly.",
    "The tables comes with a glass top.",
    "The item will arrives on Thursday instead of Tuesday.",
    "Our technician can came on Friday at 3 p.m.",
    "Your parcel will be arrive on Monday.",
    "Could you tell us which day your available for the delivery?",
    "We hope you are enjoying you're new coffee maker.",
    "Please check the proof and let us know if it's look correct.",
    "Thank you for you order, the lid is 20 cm.",
    "The mat is more thicker than the old one.",
    "We have send the parcel yesterday.",
    "Please let we know which size you prefer.",
    "He don't know the answer yet, but he will check.",
    "We spoke to the carrier and their going to deliver your parcel tomorrow.",
    "There is two sizes available.",
    "We will send a new one tomorrow, we are apologize.",
    "I has checked the stock and we have two left.",
    "Please let us know if you needs anything else for the installation.",
    "This brake pads fit the front axle.",
    "The seat covers fits most sedans.",
    "The book was send to the wrong address.",
    "Could you told us your address?",
    "The lid is to small for the large jar.",
    "Each of the candles have a different scent.",
    "Please advice us on the size.",
])
def test_grammar_slips_are_flagged(checker, body):
    diags = checker.check(_letter(body), reason="customer-inquiry", marketplace="US",
                          categories=("grammar",))
    assert any(d.severity == "error" for d in diags), body


@pytest.mark.parametrize("body", [
    "One of the legs is shorter by design, and the return window for the boots is 30 days.",
    "The lamp has a UL-listed cord, an ETL mark, an LED bulb and a USB port; a EU plug fits.",
    "It takes an A19 bulb, fits an A4 print, and has a SIM tray and a HEPA filter.",
    "Unplug it for a minute or more, then plug it back in. We'd rather ship it complete than "
    "in two boxes.",
    "Both its lid and its base are glass; its only drawback is the weight.",
    "The glass was cracked, the news is good, and 3 days is the usual time.",
    "It was an unusual fault in an unidentified part.",
    "The two chairs come flat-packed, and the table comes assembled.",
    "Yes, the chair comes with all the tools you need; each set comes with four bowls.",
    "You're right, the cable is not included; we will check with the warehouse.",
    "Your right to return the item lasts 30 days, and our customer service team are here.",
    "The installer will arrive between 1 and 3 p.m., and the sofa will arrive on Saturday.",
    "Does the chair come assembled? Will it come in blue? The staff have checked.",
    "The trash can has a soft-close lid, and the repair work needs two days.",
    "The mat is thicker than the old one, and we have refund options.",
    "For this model, the filter need not be replaced; the couriers said their driver is coming.",
    "There is two-day shipping, there are two sizes, and Section I is attached.",
    "The part we sent you has a 1-year warranty. If you need anything, we ask that you keep "
    "the box.",
    "This week orders ship on Tuesday; this means parcels are late, and this glass fits both lids.",
    "What we did was replace the handle, and all we could do was send a new one.",
    "Sizes go from small to large; each of the chairs comes with felt pads.",
])
def test_correct_grammar_is_not_flagged(checker, body):
    diags = checker.check(_letter(body), reason="customer-inquiry", marketplace="US",
                          categories=("grammar",))
    assert [d for d in diags if d.severity == "error"] == []


# --- timing said in words --------------------------------------------------------------------


@pytest.mark.parametrize(("body", "flagged"), [
    ("You bought the desk lamp from us about two months ago. We'd love a review on Amazon.", True),
    ("Your order only arrived yesterday, but we'd love a review on Amazon straight away.", True),
    ("Your headphones arrived last week. We'd appreciate your honest feedback on Amazon.", False),
    ("Once your rug arrives, we'd appreciate a review.", False),
])
def test_review_request_timing_in_words(checker, body, flagged):
    diags = checker.check(_letter(body), reason="review-request", marketplace="US",
                          categories=("timing",))
    assert any(d.severity == "error" for d in diags) is flagged
