"""Counting rows without reading them all. A page of a list needs the number of rows; for a
large table, or a filter or search that matches a large share of one, `COUNT(*)` reads every
matching row (hundreds of milliseconds at a million statements, on every page). On
PostgreSQL such lists report the planner's estimate instead:

- a whole table: pg_class.reltuples, kept current by autovacuum and ANALYZE;
- a filtered list: the row estimate of the query's plan (`EXPLAIN`, no execution).

Below CLAIMTRACK_ESTIMATED_COUNT_FROM rows, and on other databases, the count is exact. A page
is read first, with one row more than it shows: when that row is missing the page shows where
the list ends, and the count is known exactly without any further query (no EXPLAIN, no COUNT:
most searches and filtered lists fit on a page). Only a page with rows after it needs a count,
and an estimate is still corrected to the exact figure as soon as a page shows the end, so a
short result never reports a made-up total."""

import json
import time

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connections
from django.db.models import Count, Window
from django.utils.functional import cached_property

# A list that counts itself: its page's query carries the number of rows in the whole list, a
# window count (`count(*) OVER ()`). A ranked search gets it for nothing (it sorts every match to
# rank them anyway), and its page then needs no count query at all.
LIST_TOTAL = "list_total"


def with_list_total(queryset):
    """`queryset`, each row annotated with the number of rows of the whole list (LIST_TOTAL)."""
    return queryset.annotate(**{LIST_TOTAL: Window(Count("pk"))})


def _list_total(page_queryset, rows) -> int | None:
    """The whole list's length as the page's own query counted it (with_list_total), if it did."""
    total = getattr(page_queryset, LIST_TOTAL, None)  # set by a custom iterable (the statements' JSON)
    if total is None and rows and not isinstance(rows[0], dict | tuple):
        total = getattr(rows[0], LIST_TOTAL, None)
    return total


def _table_estimate(connection, queryset) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [queryset.model._meta.db_table]
        )
        row = cursor.fetchone()
    return row[0] if row else -1


# The planner's estimates, by query, kept for PLAN_ESTIMATE_SECONDS in this process: a search
# asks how many rows it matches (to rank them or not) and the page's count may ask again about
# the same query, and the same searches and filters come back page after page. An estimate
# decides only how a list is ordered beyond RANKED_SEARCH_MAX_MATCHES and whether a count of
# CLAIMTRACK_ESTIMATED_COUNT_FROM rows or more is estimated, never which rows a list holds, so
# an estimate a minute old is as good as a fresh one (ANALYZE itself refreshes them less often).
PLAN_ESTIMATE_SECONDS = 60.0
_plan_estimates: dict[tuple, tuple[float, int]] = {}
PLAN_ESTIMATES_KEPT = 1_000


def forget_plan_estimates() -> None:
    """Every estimate kept (for tests that change what the planner knows)."""
    _plan_estimates.clear()


def planned_row_count(queryset) -> int:
    """The planner's estimate of the rows `queryset` returns (PostgreSQL; one EXPLAIN, nothing
    executed, and none when the same query was estimated in the last PLAN_ESTIMATE_SECONDS)."""
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that can match nothing (`pk__in=[]`)
        return 0
    key, now = (queryset.db, sql, repr(params)), time.monotonic()
    kept = _plan_estimates.get(key)
    if kept and kept[0] > now:
        return kept[1]
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):  # psycopg returns json already decoded; be safe with other adapters
        plan = json.loads(plan)
    rows = int(plan[0]["Plan"]["Plan Rows"])
    if len(_plan_estimates) >= PLAN_ESTIMATES_KEPT:
        _plan_estimates.clear()  # simpler than an LRU, and as cheap: they are estimates
    _plan_estimates[key] = (now + PLAN_ESTIMATE_SECONDS, rows)
    return rows


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
        """The page, read first, one row beyond it: a page that shows where the list ends (most
        searches and filtered lists fit on one) gives the exact count without asking the
        database; only a page with more rows after it needs the count (an estimate for a large
        list, see the module)."""
        number = self._page_number(number)
        bottom = (number - 1) * self.per_page
        page_queryset = self.object_list[bottom : bottom + self.per_page + 1]
        rows = list(page_queryset)
        total = _list_total(page_queryset, rows) if rows else None
        if total is not None:
            self._settle(total)
            return self._get_page(rows[: self.per_page], number, self)
        if len(rows) <= self.per_page and (rows or number == 1):
            self._settle(bottom + len(rows))
            return self._get_page(rows, number, self)
        if not rows:  # past the end: how far it is, exactly
            self._settle(self._exact_count())
            raise EmptyPage(f"That page contains no results: there are {self.num_pages} page(s).")
        if self.count <= bottom + self.per_page:  # an estimate below the rows just read
            self._settle(self._exact_count())
        return self._get_page(rows[: self.per_page], number, self)

    def _page_number(self, number) -> int:
        """Django's validate_number without the count: a whole number from 1."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def _exact_count(self) -> int:
        return Paginator(self.object_list, self.per_page).count

    def _settle(self, exact: int) -> None:
        self.__dict__["count"] = exact
        self.__dict__.pop("num_pages", None)
        self.count_is_estimate = False
