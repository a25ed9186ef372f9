"""Statements as the API shows them, built by PostgreSQL in one query.

A page of statements embeds speakers, topics, quotations with their sources, and verdicts with
their evidence. Built by the ORM and DRF serializers, that is six queries, some 200 model
instances and 150 nested serializer calls: about 35 ms of Python for 20 statements, ten times
what PostgreSQL needs to build the same JSON itself. So on PostgreSQL the statement list and
detail pages fetch their rows' JSON here; writes, and other databases, use StatementSerializer.

The SQL is made from StatementSerializer itself (apps/api/common/sql_json.py): a field added to
the serializer is built here too, or refused at once. It is made once per kind of reader (who
may see verification work, or not) and kept; each request fills in its URLs. A test compares
both paths on every kind of statement (apps/api/tests/test_statement_json.py)."""

import functools
import re

import orjson
from django.core.exceptions import EmptyResultSet
from django.db import connection, connections
from django.db.models.query import BaseIterable

from apps.api.common.serializers import api_url_template
from apps.api.common.sql_json import json_expression
from apps.claims.models import Statement
from apps.core.paginator import LIST_TOTAL

from .serializers import StatementSerializer

MARKER = re.compile("^\x1furl-of:(?P<view>[^\x1f]+)\x1f$")


def statement_json_available() -> bool:
    return connection.vendor == "postgresql"


SELECTED = "SELECT statement_json.id, statement_json.json::text"


@functools.cache
def statement_json_select(*, sees_work: bool) -> tuple[str, dict]:
    """SELECT id, json (the statement's JSON, as text) FROM (…) AS statement_json, with named
    parameters; what `statement_json_params` fills in for a request."""
    context = {"sees_verification_work": sees_work}
    rows = (
        Statement._base_manager.order_by()
        .annotate(json=json_expression(StatementSerializer(context=context), context))
        .values_list("pk", "json")
    )
    sql, params = _named(*rows.query.sql_with_params(), prefix="json")
    return f"{SELECTED} FROM ({sql}) AS statement_json (id, json)", params


def statement_json_params(*, sees_work: bool, request) -> dict:
    """The parameters of `statement_json_select(sees_work=…)`, with the request's URL patterns in
    place of their markers (relative URLs without a request). Kept per kind of reader and site
    the request was made to: they are the same for every request there."""
    origin = request.build_absolute_uri("/").rstrip("/") if request is not None else ""
    return _filled(sees_work, origin)


@functools.lru_cache(maxsize=64)
def _filled(sees_work: bool, origin: str) -> dict:
    _, params = statement_json_select(sees_work=sees_work)
    filled = {}
    for name, value in params.items():
        marker = MARKER.match(value) if isinstance(value, str) else None
        filled[name] = origin + api_url_template(marker["view"], None) if marker else value
    return filled


def statement_json(ids: list[int], *, request, sees_work: bool) -> list[dict]:
    """The statements `ids`, in that order, as StatementSerializer shows them to a user who may
    (`sees_work`) or may not see unpublished verification work."""
    if not ids:
        return []
    select, _ = statement_json_select(sees_work=sees_work)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{select} WHERE statement_json.id = ANY(%(ids)s)",
            {**statement_json_params(sees_work=sees_work, request=request), "ids": list(ids)},
        )
        rows = {pk: orjson.loads(text) for pk, text in cursor.fetchall()}
    return [rows[pk] for pk in ids if pk in rows]


def with_statement_json(queryset, *, request, sees_work: bool):
    """`queryset` (statements), which once evaluated (sliced into a page, say) yields its
    statements' JSON in its order, from one query: its own SQL picks the rows, and the compiled
    SELECT builds them. Counting it, or asking the planner about it, works as before."""
    select, _ = statement_json_select(sees_work=sees_work)
    page = queryset.all()
    params = statement_json_params(sees_work=sees_work, request=request)
    page._iterable_class = type("StatementJSON", (_StatementJSON,), {"select": select, "params": params})
    return page


class _StatementJSON(BaseIterable):
    select: str  # set by with_statement_json
    params: dict

    def __iter__(self):
        # A list that counts itself (apps.core.paginator.with_list_total) passes its count on, as
        # an attribute of the page's queryset.
        counted = LIST_TOTAL in self.queryset.query.annotations
        columns = ("pk", LIST_TOTAL) if counted else ("pk",)
        try:
            page_sql, page_params = self.queryset.values_list(*columns).query.sql_with_params()
        except EmptyResultSet:  # a filter that can match nothing (`pk__in=[]`)
            return
        page_sql, page_params = _named(page_sql, page_params, prefix="page")
        total = "page.total" if counted else "NULL::bigint"
        # row_number() numbers the page's rows in the order its subquery returns them, which the
        # outer ORDER BY keeps (tested).
        sql = (
            f"{self.select.replace(SELECTED, f'{SELECTED}, page.total', 1)} "
            f"JOIN (SELECT page.id, {total} AS total, row_number() OVER () AS position "
            f"FROM ({page_sql}) AS page (id{', total' if counted else ''})) "
            "page ON page.id = statement_json.id ORDER BY page.position"
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, {**self.params, **page_params})
            rows = cursor.fetchall()
        if counted and rows:
            setattr(self.queryset, LIST_TOTAL, rows[0][2])
        for _pk, text, _total in rows:
            yield orjson.loads(text)


def _named(sql: str, params, *, prefix: str) -> tuple[str, dict]:
    """Django's SQL with `%s` placeholders, as SQL with named ones (`%(page_0)s`), so that two
    compiled queries can be joined. A literal percent sign (`%%`) stays as it is."""
    names = [f"{prefix}_{number}" for number in range(len(params))]
    unused = iter(names)
    named = re.sub(r"%%|%s", lambda match: match[0] if match[0] == "%%" else f"%({next(unused)})s", sql)
    return named, dict(zip(names, params, strict=True))
