"""Atom feeds of published fact-checks: the whole site's, one per speaker and one per topic.
Newest change first: a verdict enters a feed when it is published and comes back to the top,
marked as a correction, when it is republished after being reopened; a reopened verdict leaves
the feeds until it is published again. Each entry links to the fact-check's page; its `updated`
is the verdict's last public change (its ClaimReview's dateModified), its `published` the first
publication. Two queries per feed (three with its speaker or topic), whatever its length."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.text import Truncator

from apps.claims.models import Statement, Topic
from apps.speakers.models import Speaker
from apps.verification.models import Verification
from apps.verification.querysets import public_q

from .dump import reopened_at

# Entries per feed: readers poll a feed for what is new, the dump has everything.
FEED_LENGTH = 50
TITLE_WORDS = 24


def feed_fact_checks(queryset=None):
    """Published fact-checks for a feed, most recently changed first (an index walk:
    verification_review_modified), with what an entry shows and nothing else."""
    queryset = queryset if queryset is not None else Statement.objects.all()
    return (
        queryset.filter(public_q("verification__", verdict=True))
        .select_related("speaker", "verification__rating")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by(*Topic._meta.ordering)))
        .annotate(reopened_at=reopened_at())
        .order_by("-verification__review_modified_at", "-verification__statement")
    )


class FactCheckFeed(Feed):
    """Every published fact-check."""

    feed_type = Atom1Feed

    def title(self, obj=None):
        return f"{settings.CLAIMTRACK_ORGANISATION_NAME}: fact-checks"

    def subtitle(self, obj=None):
        return "Published and corrected verdicts, newest change first."

    def link(self, obj=None):
        return reverse("public:home")

    def feed_url(self, obj=None):
        return reverse("public:feed")

    def author_name(self, obj=None):
        return settings.CLAIMTRACK_ORGANISATION_NAME

    def author_link(self, obj=None):
        return settings.CLAIMTRACK_ORGANISATION_URL

    def fact_checks(self, obj):
        return feed_fact_checks()

    def items(self, obj=None):
        return self.fact_checks(obj)[:FEED_LENGTH]

    def item_title(self, statement):
        claim = Truncator(statement.text).words(TITLE_WORDS, truncate="…")
        correction = "Corrected: " if statement.reopened_at else ""
        return f"{correction}{statement.speaker.name}: “{claim}” — {statement.verification.rating.label}"

    def item_description(self, statement):
        verification: Verification = statement.verification
        verdict = format_html("<p><strong>{}</strong>: {}</p>", verification.rating.label, verification.summary)
        if statement.reopened_at:
            verdict = format_html(
                "<p><strong>Correction</strong>: this verdict was reopened on {} and published again as it stands "
                "here.</p>{}",
                statement.reopened_at.date().isoformat(),
                verdict,
            )
        return format_html("{}<blockquote>{}</blockquote><p>— {}</p>", verdict, statement.text, statement.speaker.name)

    def item_link(self, statement):
        return reverse("public:fact-check", args=[statement.pk, statement.slug])

    def item_pubdate(self, statement):
        return statement.verification.published_at

    def item_updateddate(self, statement):
        return statement.verification.review_modified_at

    def item_author_name(self, statement):
        return settings.CLAIMTRACK_ORGANISATION_NAME

    def item_categories(self, statement):
        return [statement.verification.rating.label, *(topic.name for topic in statement.topics.all())]


class SpeakerFeed(FactCheckFeed):
    """The published fact-checks of one speaker's statements."""

    def get_object(self, request, pk):
        return get_object_or_404(Speaker, pk=pk)

    def title(self, speaker):
        return f"{settings.CLAIMTRACK_ORGANISATION_NAME}: fact-checks of {speaker.name}"

    def link(self, speaker):
        return reverse("public:speaker", args=[speaker.pk, speaker.slug])

    def feed_url(self, speaker):
        return reverse("public:speaker-feed", args=[speaker.pk])

    def fact_checks(self, speaker):
        return feed_fact_checks(Statement.objects.filter(speaker=speaker))


class TopicFeed(FactCheckFeed):
    """The published fact-checks of statements on one topic."""

    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return f"{settings.CLAIMTRACK_ORGANISATION_NAME}: fact-checks on {topic.name}"

    def link(self, topic):
        return reverse("public:topic", args=[topic.slug])

    def feed_url(self, topic):
        return reverse("public:topic-feed", args=[topic.slug])

    def fact_checks(self, topic):
        return feed_fact_checks(Statement.objects.filter(topics=topic))
