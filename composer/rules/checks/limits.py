"""Length and timing: checks on the message as a whole and on the order's dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from composer.rules.engine import Field, Hit, Job, code_check
from composer.rules.rulepack import Rule


@code_check("length")
def too_long(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    limit = job.reason.limit
    original = fld.norm.original
    if len(original) <= limit:
        return
    over = len(original) - limit
    # The span is in normalised coordinates: find where the limit falls in them.
    cut = _normalised_index(fld, limit)
    yield Hit(cut, len(fld.text), message=(
        f"The message is {len(original):,} characters; «{job.reason.title}» allows "
        f"{limit:,}. Shorten it by {over:,}."))


def _normalised_index(fld: Field, original_index: int) -> int:
    starts = fld.norm.starts
    if starts is None:
        return original_index
    for i, o in enumerate(starts):
        if o >= original_index:
            return i
    return len(fld.text)


def _today(job: Job) -> date:
    return job.context.today or date.today()


@code_check("proactive-window")
def proactive_window(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    ctx, reason = job.context, job.reason
    done = ctx.completion_date or ctx.delivery_date
    if not reason.proactive or reason.window_days is None or done is None:
        return
    days = (_today(job) - done).days
    if days > reason.window_days:
        yield Hit(0, 0, message=(
            f"The order was completed {days} days ago; proactive messages may be sent only "
            f"within {reason.window_days} days of completion."))


@code_check("review-window")
def review_window(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    window, delivered = job.reason.review_window, job.context.delivery_date
    if window is None or delivered is None:
        return
    days = (_today(job) - delivered).days
    first, last = window
    if days < first:
        yield Hit(0, 0, message=(
            f"Delivered {days} day{'s' if days != 1 else ''} ago: review requests may be sent "
            f"from day {first} to day {last} after delivery. Wait {first - days} more "
            f"day{'s' if first - days != 1 else ''}."))
    elif days > last:
        yield Hit(0, 0, message=(
            f"Delivered {days} days ago: review requests may be sent only {first} to {last} "
            "days after delivery. It is too late to ask for this order."))


@code_check("second-review-request")
def second_review_request(fld: Field, rule: Rule, job: Job) -> Iterator[Hit]:
    if job.reason.review_window is None:
        return
    earlier = [m for m in job.context.earlier if m.reason == job.reason.id]
    if earlier:
        when = max(m.sent_at for m in earlier).date().isoformat()
        yield Hit(0, 0, message=(
            f"A review request was already sent for this order on {when}; Amazon allows one "
            "per order (its Request a Review button counts too)."))
