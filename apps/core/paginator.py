"""Counting rows without reading them all. A page of a list needs the number of rows; for a
whole large table, `COUNT(*)` reads every row (seconds at millions). On PostgreSQL, an
unfiltered list of a large table takes the planner's estimate instead (pg_class.reltuples,
kept current by autovacuum and ANALYZE). Filtered lists, small tables and other databases get
the exact count."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property


def estimated_row_count(queryset) -> int | None:
    """The planner's estimate of the rows `queryset` returns, when it is a whole large table on
    PostgreSQL; otherwise None (count exactly)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql" or queryset.query.where or queryset.query.distinct:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    estimate = row[0] if row else -1
    return estimate if estimate >= settings.CLAIMTRACK_ESTIMATED_COUNT_FROM else None


class EstimatedCountPaginator(Paginator):
    """A paginator whose count is the planner's estimate for a whole large table."""

    @cached_property
    def count(self) -> int:
        estimate = estimated_row_count(self.object_list) if hasattr(self.object_list, "query") else None
        self.count_is_estimate = estimate is not None
        return estimate if estimate is not None else super().count

    count_is_estimate = False
