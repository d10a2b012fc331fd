"""Whatever the seller pastes, the engine answers: no exception, spans inside the text,
the same answer twice."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.domain.reasons import MARKETPLACES
from composer.rules import Checker

_checker = Checker()

_PIECES = st.sampled_from([
    "Hello", "Use code SAVE10", "10% off", "help@shop.com", "(555) 014-2398", "a a", "an problem",
    "{buyer_name}", "[Buyer Name]", "https://x.shop/a", "😀", "\u200b", "ｉｎｆｏ", "don’t",
    "112-4839201-5567123", "B0C7K2LQ9D", "\n\n", ". ", "leave a 5-star review", "Grüße",
    "été", "ß", "<b>", "i", "at", "dot", "com", "\r\n", "\t", "  ",
])
_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map(" ".join),
)


@settings(max_examples=2000, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, subject=st.one_of(st.none(), _TEXT),
       reason=st.sampled_from(sorted(_checker.reasons)),
       marketplace=st.sampled_from(sorted(MARKETPLACES)))
def test_engine_is_total_and_deterministic(text, subject, reason, marketplace):
    first = _checker.check(text, reason=reason, marketplace=marketplace, subject=subject)
    again = _checker.check(text, reason=reason, marketplace=marketplace, subject=subject)
    assert first == again
    for d in first:
        field = text if d.field == "text" else subject
        assert field is not None
        assert 0 <= d.start <= d.end <= len(field)
