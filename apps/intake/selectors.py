"""Reads for intake: the source already on file for an article brought in again; who the review
page offers as a speaker."""

from django.db.models import Q

from apps.core.urls import normalise_url, url_identity
from apps.sources.models import Source

from .models import Decision, Intake, Suggestion
from .types import Article


def find_source_for(article: Article) -> Source | None:
    """The source on file that is this article's page: the same canonical URL, or the same URL
    as where it was read, once http/https, www., mobile and AMP versions and tracking parameters
    are set aside (Source.url_key). The canonical URL is tried first: it is the page's own name."""
    for url in dict.fromkeys(url for url in (article.url, article.fetched_url) if url):
        key = url_identity(url)
        if not key:
            continue
        source = (
            Source.objects.filter(Q(url_key=key) | Q(url=normalise_url(url)))
            .select_related("publisher")
            .order_by("pk")
            .first()
        )
        if source is not None:
            return source
    return None


def rejected_words_for(*, source: Source | None, url: str = "") -> set[str]:
    """The words of every suggestion rejected before for this source (or, before it had a
    source, for an intake of the same page): they are not suggested again."""
    condition = Q(intake__source=source) if source is not None else Q(pk__in=[])
    key = url_identity(url) if url else ""
    if key:
        condition |= Q(intake__source__isnull=True, intake__url=url)
    return set(Suggestion.objects.filter(condition, decision=Decision.REJECTED).values_list("text", flat=True))


def speaker_choices(intake: Intake, suggestions: list[Suggestion]) -> list[str]:
    """The names a reviewer can pick for a speaker: the suggestions' speakers, then every person
    and organisation the article names (a wrong speaker is most often someone else it names),
    found once when it was brought in (Intake.names)."""
    suggested = [s.speaker.name if s.speaker_id else s.speaker_name for s in suggestions]
    return list(dict.fromkeys(name for name in [*suggested, *intake.names] if name))
