"""Reads of speakers, with what the API and the admin show about each."""

from django.db.models import F, Q, QuerySet, Value

from apps.claims.models import Statement
from apps.core.search import ILike, WordSimilar, WordSimilarity, fulltext_search_available, like_pattern
from apps.core.selectors import count_per_row
from apps.verification.choices import RatingBucket, VerificationStatus

from .models import Speaker


def speaker_list() -> QuerySet[Speaker]:
    """Speakers with their affiliation, their number of statements and their published
    verdicts per normalised bucket (`verdicts_true`, `verdicts_mixed`…): a record at a glance."""
    published = Statement.objects.filter(verification__status=VerificationStatus.PUBLISHED)
    return Speaker.objects.select_related("affiliation").annotate(
        statement_count=count_per_row(Statement.objects.all(), field="speaker"),
        **{
            f"verdicts_{bucket}": count_per_row(published.filter(verification__rating__bucket=bucket), field="speaker")
            for bucket in RatingBucket.values
        },
    )


def speakers_matching(queryset: QuerySet[Speaker], words: list[str], *, rank: bool = False) -> QuerySet[Speaker]:
    """Speakers whose name, aliases or role contain every word. On PostgreSQL a word also
    matches a misspelling of itself ("Medvedv" finds Medvedev: trigram word similarity), and
    `rank` puts the closest matches first."""
    if not fulltext_search_available():
        for word in words:
            queryset = queryset.filter(
                Q(name__icontains=word) | Q(aliases__icontains=word) | Q(description__icontains=word)
            )
        return queryset
    for word in words:
        queryset = queryset.filter(
            Q(ILike(F("search_text"), Value(like_pattern(word)))) | Q(WordSimilar(Value(word), F("search_text")))
        )
    if rank and words:
        closeness = sum(
            (WordSimilarity(Value(word), F("search_text")) for word in words[1:]),
            WordSimilarity(Value(words[0]), F("search_text")),
        )
        queryset = queryset.annotate(search_rank=closeness).order_by("-search_rank", "name", "pk")
    return queryset
