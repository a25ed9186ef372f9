"""Reads of speakers. Speakers with their statements and verdicts counted are read in
apps.verification.selectors (`speaker_list`), which knows both."""

from django.db.models import F, Q, QuerySet, Value

from apps.core.search import ILike, WordSimilar, WordSimilarity, fulltext_search_available, like_pattern

from .models import Speaker


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
