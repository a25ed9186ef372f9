"""How the desk shows where a statement stands, the same on every page: a status badge, a verdict
badge in the rating's own colour, the words cut short with the whole on hover."""

from django.utils import dateformat, timezone
from django.utils.html import format_html

from apps.core.colours import text_colour_on
from apps.verification.choices import VerificationStatus

DASH = "—"


def verdict_badge(rating) -> str:
    """The verdict as a badge in its rating's colour, or a dash when there is none yet."""
    if rating is None:
        return DASH
    return format_html(
        '<span class="desk-badge verdict-badge" style="background-color:{};color:{}" title="{}">{}</span>',
        rating.colour,
        text_colour_on(rating.colour),
        f"Verdict: {rating.label}",
        rating.label,
    )


def status_of(verification) -> str:
    """The workflow status (a statement with no verification is unchecked)."""
    return verification.status if verification is not None else VerificationStatus.UNCHECKED


def sent_back_word(verification) -> str:
    """ "Reopened" for a published verdict taken back into work, "Sent back" for work returned from
    review; empty for work that is neither."""
    if verification is None or not verification.is_sent_back:
        return ""
    return "Reopened" if verification.was_reopened else "Sent back"


def status_badge(verification) -> str:
    status = status_of(verification)
    label, extra = VerificationStatus(status).label, ""
    word = sent_back_word(verification)
    if word:
        label, extra = word, " is-sent-back"
    return format_html('<span class="desk-badge status-badge status-{}{}">{}</span>', status, extra, label)


def cut(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, the whole of it on hover. It is cut after a word where
    one ends in the last fifth of the limit (never mid-word when it can be helped), and ends with
    one ellipsis, never two (a text that already ends with "…" or "..." gets no second one)."""
    if len(text) <= limit:
        return text
    shown = text[: limit - 1]
    space = shown.rfind(" ")
    if space >= limit * 4 // 5:
        shown = shown[:space]
    shown = shown.rstrip().rstrip("….").rstrip()
    return format_html('<span title="{}">{}…</span>', text, shown)


def days_since(moment) -> str:
    """How long ago `moment` was, in whole days ("under a day", "1 day", "12 days")."""
    if moment is None:
        return DASH
    days = (timezone.now() - moment).days
    return "under a day" if days < 1 else f"{days} day{'s' if days != 1 else ''}"


def sent_back_line(verification) -> str:
    """ "Sent back by X on D: reason" for work returned from review, "Reopened by X on D: reason"
    for a published verdict taken back into work; empty otherwise."""
    word = sent_back_word(verification)
    if not word:
        return ""
    who = verification.sent_back_by.get_username() if verification.sent_back_by else "(no account)"
    when = (
        dateformat.format(timezone.localtime(verification.sent_back_at), "j M Y") if verification.sent_back_at else ""
    )
    return f"{word} by {who}{f' on {when}' if when else ''}: {verification.sent_back_reason}"
