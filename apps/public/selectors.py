"""Reads for the public site: only what readers may see, with every relation a page shows
selected up front, so that a page costs the same number of queries however long it is.

What the public may read is decided once, in apps.verification.querysets (`public_q`): a
statement appears here only with a published verdict, and a page never reads a draft's
verdict, summary, evidence or the desk's notes."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from apps.claims.models import Statement, Topic
from apps.claims.selectors import statements_matching
from apps.speakers.models import Speaker
from apps.verification.choices import RatingBucket
from apps.verification.querysets import public_q
from apps.verification.selectors import statement_list


def published_fact_checks() -> QuerySet[Statement]:
    """Statements with a public verdict (published, including verdicts corrected and
    republished), the latest published first, with the speaker and the verdict selected."""
    return (
        # published_at IS NOT NULL is implied by a publication; said here, it lets PostgreSQL read
        # the newest along the published_at index without first passing every unpublished row
        # (NULLs sort first in a descending order).
        Statement.objects.filter(public_q("verification__", verdict=True), verification__published_at__isnull=False)
        .select_related("speaker", "verification__rating__scale")
        .order_by("-verification__published_at", "-pk")
    )


def fact_check_list() -> QuerySet[Statement]:
    """Published fact-checks as the public lists show them: speaker (with affiliation), verdict,
    and the topics, one query for the page and one for its topics."""
    return (
        published_fact_checks()
        .select_related("speaker__affiliation")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by(*Topic._meta.ordering)))
    )


def fact_check_detail(pk: int) -> Statement | None:
    """The statement `pk` with everything its fact-check page and ClaimReview show (quotations
    with their sources, public evidence, the verdict's scale), or None when it has no public
    verdict."""
    return (
        statement_list(user=None)
        .filter(public_q("verification__", verdict=True))
        .select_related("speaker__affiliation")
        .filter(pk=pk)
        .first()
    )


def speaker_fact_checks(speaker: Speaker) -> QuerySet[Statement]:
    return fact_check_list().filter(speaker=speaker)


def topic_fact_checks(topic: Topic) -> QuerySet[Statement]:
    return fact_check_list().filter(topics=topic)


def search_fact_checks(query: str) -> QuerySet[Statement]:
    """Published fact-checks matching a search box's value: the API's statement search
    (`statements_matching`: full text on PostgreSQL, in the statement's words, its quotations or
    the speaker's name), best matches first."""
    return statements_matching(fact_check_list(), query)


@dataclass(frozen=True)
class Scorecard:
    """A speaker's published verdicts by bucket, and how many of their statements were checked."""

    recorded: int
    checked: int
    buckets: list[tuple[str, str, int]]  # (bucket, label, count)

    @property
    def largest(self) -> int:
        return max((count for _, _, count in self.buckets), default=0)


def speaker_scorecard(speaker: Speaker) -> Scorecard:
    """One query: the speaker's statements, those with a public verdict, and those per bucket."""
    public = public_q("verification__", verdict=True)
    counts = Statement.objects.filter(speaker=speaker).aggregate(
        recorded=Count("pk"),
        checked=Count("pk", filter=public),
        **{
            bucket: Count("pk", filter=public & Q(verification__rating__bucket=bucket))
            for bucket in RatingBucket.values
        },
    )
    return Scorecard(
        recorded=counts["recorded"],
        checked=counts["checked"],
        buckets=[(bucket.value, bucket.label, counts[bucket.value]) for bucket in RatingBucket],
    )


def recently_checked_speakers(*, limit: int = 12) -> list[Speaker]:
    """The speakers of the latest published fact-checks, each once, latest first: two queries
    along the publication index, whatever the size of the tables."""
    ids = []
    for speaker_id in published_fact_checks().values_list("speaker_id", flat=True)[: limit * 5]:
        if speaker_id not in ids:
            ids.append(speaker_id)
    speakers = Speaker.objects.in_bulk(ids[:limit])
    return [speakers[pk] for pk in ids[:limit] if pk in speakers]


def topics_with_fact_checks() -> QuerySet[Topic]:
    """Topics with at least one published fact-check, in name order. Whether one exists, not how
    many: a count would read every published statement of every topic (hundreds of thousands of
    rows at a million statements); each EXISTS stops at the first."""
    published = Statement.topics.through.objects.filter(
        public_q("statement__verification__", verdict=True), topic=OuterRef("pk")
    )
    return Topic.objects.filter(Exists(published)).order_by("name")
