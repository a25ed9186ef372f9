"""Reads of publishers. Sources with their number of quotations are read in
apps.claims.selectors (`source_list`), which knows both."""

from django.db.models import QuerySet

from apps.core.search import matching_terms, parse_search, terms_found_in
from apps.core.selectors import count_per_row

from .models import Publisher, Source


def publisher_list() -> QuerySet[Publisher]:
    return Publisher.objects.annotate(source_count=count_per_row(Source.objects.all(), field="publisher"))


def publishers_matching(queryset: QuerySet[Publisher], value: str) -> QuerySet[Publisher]:
    """Publishers whose name or domain holds every term of a search box's value (the search
    syntax of apps.core.search's fallback, on every database: the table is small)."""
    parsed = parse_search(value)
    return queryset.filter(matching_terms(parsed, ("name", "domain")))


def sources_matching(queryset: QuerySet[Source], value: str) -> QuerySet[Source]:
    """Sources whose title or publisher's name holds every term (as publishers_matching), the
    ones with more of the terms in their title first (`search_rank`), then the list's order."""
    parsed = parse_search(value)
    order = queryset.query.order_by or Source._meta.ordering
    return (
        queryset.filter(matching_terms(parsed, ("title", "publisher__name")))
        .annotate(search_rank=terms_found_in(parsed, "title"))
        .order_by("-search_rank", *order)
    )
