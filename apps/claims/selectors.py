"""Reads of statements and quotations, with every relation the API shows selected up front, so
that a page costs the same number of queries whatever its length."""

import functools

from django.db import connection
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.db.models.expressions import RawSQL

from apps.core.paginator import planned_row_count, with_list_total
from apps.core.search import (
    ExistsRowByRow,
    ParsedSearch,
    QueriesByLanguage,
    TextSearchMatch,
    TextSearchRank,
    fulltext_query,
    fulltext_search_available,
    in_languages_on_file,
    matching_terms,
    parse_search,
    prefix_query,
    terms_found_in,
)
from apps.core.selectors import count_per_row
from apps.sources.models import Source
from apps.speakers.models import Speaker
from apps.speakers.selectors import speakers_matching

from .models import Quotation, Statement


def quotation_list() -> QuerySet[Quotation]:
    """Quotations, the latest recorded first (the model's own order, by source, sorts the whole
    table through a join: seconds at a million rows)."""
    return Quotation.objects.select_related(
        "statement__speaker", "source__publisher", "reported_via__publisher"
    ).order_by("-pk")


def statements_matching(queryset: QuerySet[Statement], value: str, *, prefixes: bool = False) -> QuerySet[Statement]:
    """Statements matching a search box's value.

    PostgreSQL: full-text search (web search syntax: words, "a phrase", OR, -excluded) in the
    statement's text or in one of its quotations, each read in its own language (Russian
    stemming for a Russian text: "граница" finds "границы"; apps.core.search), or the speaker's
    name (misspellings tolerated). Up to RANKED_SEARCH_MAX_MATCHES matches, best matches of the statement's own
    text come first: each branch is an index scan, and their union is joined to the
    statements. Beyond that, the list keeps its own order (newest first), read along its index
    and each row tested, which stops after a page: ranking a common word's tens of thousands
    of matches would take a second. Either way a search never reads the whole table.

    `prefixes` (the admin) takes each word as the start of a word instead: "kaz bord".

    Elsewhere (apps.core.search's fallback): the same syntax, each term a case-folded substring
    (a word's simple plurals and forms found too), all of them in the statement's text, or in
    one of its quotations, or in the speaker's name or aliases (a misspelt name found too);
    statements holding more of the terms in their own text come first. Every table is read:
    see the README for what that costs."""
    words = value.split()
    if not words:
        return queryset
    if not fulltext_search_available():
        parsed = parse_search(value)
        # Uncorrelated subqueries, each read once rather than probed for every statement (half
        # the time of a correlated EXISTS at 100,000 statements).
        quoted = Quotation.objects.filter(matching_terms(parsed, ("text",))).values("statement_id")
        speakers = speakers_matching(Speaker.objects.all(), value, names_only=True)
        found = Q(matching_terms(parsed, ("text",))) | Q(pk__in=quoted) | Q(speaker__in=speakers)
        return _ranked_fallback(queryset, queryset.filter(found), parsed)
    statement, quotation = _table(Statement), _table(Quotation)
    query = prefix_query(value) if prefixes else fulltext_query(value)
    in_statements, in_quotations = in_languages_on_file(query, statement, quotation)
    statements_sql, statements_params = in_statements.rows_sql(statement)
    quotations_sql, quotations_params = in_quotations.rows_sql(quotation, "statement_id")
    speakers_sql, speakers_params = _speakers_named_sql(value)
    matches = RawSQL(
        f"{statements_sql} UNION {quotations_sql} "
        f"UNION SELECT m.id FROM {statement} m WHERE m.speaker_id IN ({speakers_sql})",
        (*statements_params, *quotations_params, *speakers_params),
    )

    quoted = Quotation.objects.filter(TextSearchMatch(in_quotations), statement=OuterRef("pk"))
    walked = (
        Q(TextSearchMatch(in_statements))
        | ExistsRowByRow(quoted)
        | Q(speaker__in=RawSQL(speakers_sql, speakers_params))
    )
    return _ranked_or_walked(queryset, matches=matches, walked=walked, queries=in_statements)


def quotations_matching(queryset: QuerySet[Quotation], value: str, *, prefixes: bool = False) -> QuerySet[Quotation]:
    """Quotations matching a search box's value: on PostgreSQL, full-text search in the words as
    printed and their context, or the speaker's name (misspellings tolerated), best matches
    first up to RANKED_SEARCH_MAX_MATCHES matches (`prefixes` and the rest: as in
    statements_matching); elsewhere, the fallback as in statements_matching, in those fields."""
    words = value.split()
    if not words:
        return queryset
    if not fulltext_search_available():
        parsed = parse_search(value)
        speakers = speakers_matching(Speaker.objects.all(), value, names_only=True)
        found = Q(matching_terms(parsed, ("text", "context"))) | Q(statement__speaker__in=speakers)
        return _ranked_fallback(queryset, queryset.filter(found), parsed)
    statement, quotation = _table(Statement), _table(Quotation)
    query = prefix_query(value) if prefixes else fulltext_query(value)
    (in_quotations,) = in_languages_on_file(query, quotation)
    quotations_sql, quotations_params = in_quotations.rows_sql(quotation)
    speakers_sql, speakers_params = _speakers_named_sql(value)
    matches = RawSQL(
        f"{quotations_sql} UNION SELECT m.id FROM {quotation} m JOIN {statement} s ON s.id = m.statement_id "
        f"WHERE s.speaker_id IN ({speakers_sql})",
        (*quotations_params, *speakers_params),
    )

    walked = Q(TextSearchMatch(in_quotations)) | Q(statement__speaker__in=RawSQL(speakers_sql, speakers_params))
    return _ranked_or_walked(queryset, matches=matches, walked=walked, queries=in_quotations)


def _ranked_fallback(queryset: QuerySet, matching: QuerySet, parsed: ParsedSearch) -> QuerySet:
    """The fallback's order: the rows holding more of the terms in their own text first
    (`search_rank`), then the list's own order."""
    order = queryset.query.order_by or queryset.model._meta.ordering
    return matching.annotate(search_rank=terms_found_in(parsed, "text")).order_by("-search_rank", *order)


# Ranking reads the search document of every match; beyond this many matches (the planner's
# estimate) a search keeps the list's own order and answers in milliseconds.
RANKED_SEARCH_MAX_MATCHES = 2_000


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _ids_sql(queryset: QuerySet) -> tuple[str, tuple]:
    """The SELECT of the ids of `queryset`, unordered, as SQL and parameters."""
    return queryset.order_by().values("pk").query.sql_with_params()


@functools.lru_cache(maxsize=512)
def _speakers_named_sql(value: str) -> tuple[str, tuple]:
    """The SELECT of the ids of the speakers a search box's value names (speakers_matching, names
    only; PostgreSQL), as SQL: a function of the value alone, compiled once per process for each
    (the same search comes back page after page). Compiling it takes a few milliseconds of
    Python, as long as PostgreSQL takes for a whole search page at 20,000 statements."""
    return _ids_sql(speakers_matching(Speaker.objects.all(), value, names_only=True))


def _ranked_or_walked(queryset: QuerySet, *, matches: RawSQL, walked: Q, queries: QueriesByLanguage) -> QuerySet:
    """Up to RANKED_SEARCH_MAX_MATCHES `matches` (the SQL of a union of index scans, written out:
    the same union made of querysets cost more Python to resolve and compile, twice a search,
    than PostgreSQL takes to run a whole page at 20,000 statements): those rows, ranked by how
    well each row's own search document matches, then in the list's order. Beyond: the rows
    satisfying `walked`, tested one by one as the list is read in its own order."""
    matching = queryset.filter(pk__in=matches)
    if planned_row_count(matching) > RANKED_SEARCH_MAX_MATCHES:
        return queryset.filter(walked)
    order = queryset.query.order_by or queryset.model._meta.ordering
    # Ranking sorts every match, so counting them in the same query costs nothing: the page
    # needs no count query (apps.core.paginator.with_list_total).
    ranked = matching.annotate(search_rank=TextSearchRank(queries)).order_by("-search_rank", *order)
    return with_list_total(ranked)


# The least score of a statement that similar/ lists (and the desk's new-statement check), 0 to
# 1: apps.claims.matching ranks them.
SIMILAR_MIN_SIMILARITY = 0.3


def source_list() -> QuerySet[Source]:
    """Sources with publisher, authors, corrections and the number of quotations they report.
    The archived text stays in the database: it is the publisher's copyright, not ours to serve."""
    return (
        Source.objects.defer("archived_text")
        .select_related("publisher")
        .prefetch_related(Prefetch("authors", queryset=Speaker.objects.order_by("name")), "corrections")
        .annotate(
            has_archived_text=ExpressionWrapper(~Q(archived_text=""), output_field=BooleanField()),
            quotation_count=count_per_row(Quotation.objects.all(), field="source"),
        )
    )
