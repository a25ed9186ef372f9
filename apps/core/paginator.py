"""Counting rows without reading them all. A page of a list needs the number of rows; for a
large table, or a filter or search that matches a large share of one, `COUNT(*)` reads every
matching row (hundreds of milliseconds at a million statements, on every page). On
PostgreSQL such lists report the planner's estimate instead:

- a whole table: pg_class.reltuples, kept current by autovacuum and ANALYZE;
- a filtered list: the row estimate of the query's plan (`EXPLAIN`, no execution).

Below CLAIMTRACK_ESTIMATED_COUNT_FROM rows, and on other databases, the count is exact. An
estimate is corrected to the exact figure as soon as a page shows where the list ends (a page
with fewer rows than the page size), so a short result never reports a made-up total."""

import json

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, Paginator
from django.db import connections
from django.utils.functional import cached_property


def _table_estimate(connection, queryset) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    return row[0] if row else -1


def planned_row_count(queryset) -> int:
    """The planner's estimate of the rows `queryset` returns (PostgreSQL; one EXPLAIN, nothing
    executed)."""
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (`pk__in=[]`)
        return 0
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):  # psycopg returns json already decoded; be safe with other adapters
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def estimated_row_count(queryset) -> int | None:
    """The planner's estimate of the rows `queryset` returns when it is large, on PostgreSQL;
    otherwise None (count exactly)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    whole_table = not queryset.query.where and not queryset.query.distinct and not queryset.query.combinator
    estimate = _table_estimate(connection, queryset) if whole_table else planned_row_count(queryset)
    return estimate if estimate >= settings.CLAIMTRACK_ESTIMATED_COUNT_FROM else None


class EstimatedCountPaginator(Paginator):
    """A paginator whose count is the planner's estimate for large lists (see the module)."""

    count_is_estimate = False

    @cached_property
    def count(self) -> int:
        estimate = estimated_row_count(self.object_list) if hasattr(self.object_list, "query") else None
        self.count_is_estimate = estimate is not None
        return estimate if estimate is not None else super().count

    def page(self, number):
        try:
            page = super().page(number)
        except EmptyPage:
            if not self.count_is_estimate:
                raise
            self._settle(self._exact_count())  # the estimate may have been too low: ask exactly
            return super().page(number)
        if not self.count_is_estimate:
            return page
        page.object_list = list(page.object_list)
        if len(page.object_list) < self.per_page:
            # This page shows where the list ends: the exact count is known, or (an empty page
            # past the real end) cheap to find, since the estimate was too high.
            number = self.validate_number(number)
            shown = len(page.object_list)
            exact = (number - 1) * self.per_page + shown if shown or number == 1 else self._exact_count()
            self._settle(exact)
            if not shown and number > 1:
                raise EmptyPage(f"That page contains no results: there are {self.num_pages} page(s).")
        return page

    def _exact_count(self) -> int:
        return Paginator(self.object_list, self.per_page).count

    def _settle(self, exact: int) -> None:
        self.__dict__["count"] = exact
        self.__dict__.pop("num_pages", None)
        self.count_is_estimate = False
