"""Reads of statements and quotations, with every relation the API shows selected up front, so
that a page costs the same number of queries whatever its length."""

import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramSimilarity
from django.db.models import Case, Exists, F, FloatField, OuterRef, Prefetch, Q, QuerySet, Value, When

from apps.core.search import (
    TEXT_SEARCH_CONFIG,
    fulltext_query,
    fulltext_search_available,
    prefix_query,
    trigram_similarity,
)
from apps.speakers.models import Speaker
from apps.speakers.selectors import speakers_matching
from apps.verification.choices import VerificationStatus
from apps.verification.models import Evidence
from apps.verification.selectors import verification_work_visible

from .models import Quotation, Statement, Topic


def quotation_list() -> QuerySet[Quotation]:
    return Quotation.objects.select_related("statement__speaker", "source__publisher", "reported_via__publisher")


def statement_list(*, user) -> QuerySet[Statement]:
    """Statements with speaker, topics, quotations (with their sources) and verification (with
    verdict, scale and evidence). Evidence of unpublished work is fetched only for users who may
    see it."""
    evidence = Evidence.objects.select_related("source__publisher").order_by("number")
    if not verification_work_visible(user=user):
        evidence = evidence.filter(verification__status=VerificationStatus.PUBLISHED)
    quotations = Quotation.objects.select_related("source__publisher", "reported_via__publisher").order_by(
        "source__published_on", "source_id", "char_start", "occurrence", "pk"
    )
    return Statement.objects.select_related(
        "speaker", "verification__rating__scale", "verification__fact_checker", "verification__reviewer"
    ).prefetch_related(
        Prefetch("topics", queryset=Topic.objects.order_by("name")),
        Prefetch("quotations", queryset=quotations),
        Prefetch("verification__evidence", queryset=evidence),
        "verification__rating__scale__ratings",
    )


def statements_matching(queryset: QuerySet[Statement], value: str, *, prefixes: bool = False) -> QuerySet[Statement]:
    """Statements matching a search box's value.

    PostgreSQL: full-text search (web search syntax: words, "a phrase", OR, -excluded) in the
    statement's text or in one of its quotations, or the speaker's name (misspellings
    tolerated); best matches of the statement's own text first. Each branch is an index scan,
    and their union is joined to the statements, so a search never reads the whole table.

    `prefixes` (the admin) takes each word as the start of a word instead: "kaz bord".

    Elsewhere: every word appears, in the text, the speaker's name or a quotation."""
    words = value.split()
    if not words:
        return queryset
    if not fulltext_search_available():
        for word in words:
            in_quotations = Quotation.objects.filter(statement=OuterRef("pk"), text__icontains=word)
            queryset = queryset.filter(
                Q(text__icontains=word) | Q(speaker__name__icontains=word) | Q(Exists(in_quotations))
            )
        return queryset
    query = prefix_query(value) if prefixes else fulltext_query(value)
    matches = (
        Statement.objects.filter(search_document=query)
        .values("pk")
        .union(
            Quotation.objects.filter(search_document=query).values("statement_id"),
            Statement.objects.filter(speaker__in=speakers_matching(Speaker.objects.all(), words)).values("pk"),
        )
    )
    return _best_matches_first(queryset.filter(pk__in=matches), query)


def quotations_matching(queryset: QuerySet[Quotation], value: str, *, prefixes: bool = False) -> QuerySet[Quotation]:
    """Quotations matching a search box's value: on PostgreSQL, full-text search in the words as
    printed and their context, or the speaker's name (misspellings tolerated), best matches
    first (`prefixes`: as in statements_matching); elsewhere, every word in one of those."""
    words = value.split()
    if not words:
        return queryset
    if not fulltext_search_available():
        for word in words:
            queryset = queryset.filter(
                Q(text__icontains=word) | Q(context__icontains=word) | Q(statement__speaker__name__icontains=word)
            )
        return queryset
    query = prefix_query(value) if prefixes else fulltext_query(value)
    matches = (
        Quotation.objects.filter(search_document=query)
        .values("pk")
        .union(
            Quotation.objects.filter(statement__speaker__in=speakers_matching(Speaker.objects.all(), words)).values(
                "pk"
            )
        )
    )
    return _best_matches_first(queryset.filter(pk__in=matches), query)


def _best_matches_first(queryset: QuerySet, query: SearchQuery) -> QuerySet:
    """Ranked by how well each row's own search document matches, then in the model's order."""
    return queryset.annotate(search_rank=SearchRank(F("search_document"), query)).order_by(
        "-search_rank", *queryset.model._meta.ordering
    )


SIMILAR_MIN_SIMILARITY = 0.3  # pg_trgm's default threshold
SIMILAR_CANDIDATES = 2_000  # statements compared with the text, at most
SIMILAR_KEY_WORDS = 3


def statements_similar_to(
    queryset: QuerySet[Statement], statement: Statement, *, min_similarity: float = SIMILAR_MIN_SIMILARITY
) -> QuerySet[Statement]:
    """Other statements worded like this one, most similar first, each with its `similarity`
    (0 to 1: the share of trigrams the two texts have in common, as pg_trgm counts them). The
    same claim reported by several outlets, or repeated by its speaker, shows up here.

    Comparing the text with a million others is too slow, even with a trigram index (common
    trigrams are in every row), so the candidates are the statements that share one of the
    text's longest words (the rarest, as a rule), at most SIMILAR_CANDIDATES of them: found by
    the full-text index on PostgreSQL and compared there with pg_trgm; found by substring and
    compared in Python elsewhere."""
    words = sorted(set(re.findall(r"[^\W_]{4,}", statement.text.lower())), key=len, reverse=True)
    words = words[:SIMILAR_KEY_WORDS]
    others = queryset.exclude(pk=statement.pk)
    if not words:
        return others.none().annotate(similarity=Value(0.0, output_field=FloatField()))
    if fulltext_search_available():
        any_word = SearchQuery(" | ".join(words), search_type="raw", config=TEXT_SEARCH_CONFIG)
        candidates = Statement.objects.filter(search_document=any_word).exclude(pk=statement.pk)
        return (
            others.filter(pk__in=candidates.values("pk")[:SIMILAR_CANDIDATES])
            .annotate(similarity=TrigramSimilarity("text", Value(statement.text)))
            .filter(similarity__gte=min_similarity)
            .order_by("-similarity", "-pk")
        )
    candidates = Statement.objects.exclude(pk=statement.pk)
    candidates = candidates.filter(reduce(operator.or_, (Q(text__icontains=word) for word in words)))
    scores = {
        pk: score
        for pk, text in candidates.values_list("pk", "text")[:SIMILAR_CANDIDATES]
        if (score := trigram_similarity(statement.text, text)) >= min_similarity
    }
    ranked = Case(*(When(pk=pk, then=Value(score)) for pk, score in scores.items()), output_field=FloatField())
    return others.filter(pk__in=scores).annotate(similarity=ranked).order_by("-similarity", "-pk")
