"""How the public pages show a verdict, a quotation in its context and a speaker's record."""

import functools

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html, format_html_join

from apps.core.colours import text_colour_on
from apps.verification.choices import RatingBucket

register = template.Library()

# The scorecard's bar colours, one per normalised bucket, each readable with white text.
BUCKET_COLOURS = {
    RatingBucket.TRUE: "#2e7d32",
    RatingBucket.MIXED: "#8a6d00",
    RatingBucket.FALSE: "#c62828",
    RatingBucket.OTHER: "#616161",
}


@register.simple_tag
def site_name() -> str:
    return settings.CLAIMTRACK_ORGANISATION_NAME


@register.simple_tag
def verdict_badge(rating, size: str = "") -> str:
    """The verdict's label on its rating's colour."""
    classes = "verdict" + (f" verdict-{size}" if size else "")
    return format_html(
        '<span class="{}" style="background-color:{};color:{}">{}</span>',
        classes,
        rating.colour,
        text_colour_on(rating.colour),
        rating.label,
    )


@register.filter
def fact_check_url(statement) -> str:
    return _url("public:fact-check", pk=statement.pk, slug=statement.slug)


@register.filter
def speaker_url(speaker) -> str:
    return _url("public:speaker", pk=speaker.pk, slug=speaker.slug)


@register.filter
def topic_url(topic) -> str:
    return _url("public:topic", slug=topic.slug)


def _url(name: str, **kwargs) -> str:
    """reverse(), remembered: a list page links each of its fact-checks, speakers and topics
    (about a hundred addresses on the home page), and reverse() takes some 30 µs each, a tenth
    of the page's Python. The key holds everything the address depends on: the script prefix
    (the site may be served under a path), the name and the arguments."""
    return _reversed(get_script_prefix(), name, tuple(kwargs.items()))


@functools.lru_cache(maxsize=4096)
def _reversed(prefix: str, name: str, kwargs: tuple) -> str:
    return reverse(name, kwargs=dict(kwargs))


@receiver(setting_changed)
def _forget_urls(*, setting, **kwargs) -> None:
    """Tests that swap the URL configuration get addresses from the new one."""
    if setting == "ROOT_URLCONF":
        _reversed.cache_clear()


@register.simple_tag
def quote_in_context(quotation) -> str:
    """The context excerpt with the words as printed marked in it; the words alone when the
    excerpt is empty or does not hold them."""
    context, words = quotation.context, quotation.text
    at = context.find(words) if context and words else -1
    if at < 0:
        return format_html("<mark>{}</mark>", words)
    return format_html("{}<mark>{}</mark>{}", context[:at], words, context[at + len(words) :])


@register.simple_tag
def scorecard_chart(scorecard, chart_id: str = "scorecard") -> str:
    """The published verdicts by bucket as a horizontal bar chart (inline SVG, no script): a
    title and a description for screen readers, and each bar's count written beside it."""
    row, label_width, bar_width = 34, 72, 210
    largest = max(scorecard.largest, 1)
    bars = []
    for index, (bucket, label, count) in enumerate(scorecard.buckets):
        y = index * row
        width = round(bar_width * count / largest) if count else 0
        bars.append(
            (
                y + 22,
                label,
                label_width,
                y + 6,
                max(width, 2),
                BUCKET_COLOURS[bucket],
                label_width + max(width, 2) + 8,
                y + 22,
                count,
            )
        )
    rows = format_html_join(
        "",
        '<text x="0" y="{}" class="chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="22" rx="3" fill="{}"></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text>',
        bars,
    )
    description = "; ".join(f"{label}: {count}" for _, label, count in scorecard.buckets)
    height = row * len(scorecard.buckets)
    return format_html(
        '<svg class="chart" role="img" viewBox="0 0 330 {}" width="330" height="{}" '
        'aria-labelledby="{}-title {}-desc"><title id="{}-title">Published verdicts by rating</title>'
        '<desc id="{}-desc">{}</desc>{}</svg>',
        height,
        height,
        chart_id,
        chart_id,
        chart_id,
        chart_id,
        description,
        rows,
    )
