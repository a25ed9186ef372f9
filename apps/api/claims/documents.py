"""Statements as the API shows them, built by PostgreSQL in one query.

A page of statements embeds speakers, topics, quotations with their sources, and verdicts with
their evidence. Built by the ORM and DRF serializers, that is six queries, some 200 model
instances and 150 nested serializer calls: about 35 ms of Python for 20 statements, ten times
what PostgreSQL needs to build the same JSON itself. So on PostgreSQL the statement list and
detail pages fetch their rows' JSON here, and only writes (and other databases) use
`StatementSerializer`.

The two must answer alike, field for field: `tests/test_statement_documents.py` compares them
on the seed data set for every kind of user. A field added to the serializer fails that test
until it is added here too."""

import re

import orjson
from django.contrib.auth import get_user_model
from django.core.exceptions import EmptyResultSet
from django.db import connection, connections
from django.db.models.query import BaseIterable

from apps.api.common.serializers import api_url_template
from apps.core.choices import DatePrecision
from apps.verification.choices import VerificationStatus


def statement_documents_available() -> bool:
    return connection.vendor == "postgresql"


def _url(template: str, column: str) -> str:
    return f"replace(%({template})s, '{{}}', {column}::text)"


def _timestamp(column: str) -> str:
    """As DRF writes a timestamp: ISO 8601 in UTC with “Z”, and microseconds only if any."""
    iso = f"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
    return f"regexp_replace({iso}, '\\.000000$', '') || 'Z'"


def _date_display(date: str, precision: str) -> str:
    """As apps.core.dates.format_date_with_precision: '7 January 2022', 'January 2022', '2022'
    or 'date unknown'."""
    return f"""CASE WHEN {date} IS NULL OR {precision} = '{DatePrecision.UNKNOWN}' THEN 'date unknown'
         WHEN {precision} = '{DatePrecision.YEAR}' THEN to_char({date}, 'FMYYYY')
         WHEN {precision} = '{DatePrecision.MONTH}' THEN to_char({date}, 'FMMonth FMYYYY')
         ELSE to_char({date}, 'FMDD FMMonth FMYYYY') END"""


def _source(alias: str, publisher: str) -> str:
    """A source as SourceSummarySerializer shows it, or null."""
    return f"""CASE WHEN {alias}.id IS NULL THEN NULL ELSE json_build_object(
        'id', {alias}.id, 'api_url', {_url("source_url", f"{alias}.id")}, 'kind', {alias}.kind,
        'title', {alias}.title, 'slug', {alias}.slug, 'url', {alias}.url, 'publisher', {publisher}.name,
        'published_on', {alias}.published_on, 'language', {alias}.language) END"""


USER_TABLE = get_user_model()._meta.db_table

# Each statement's id and JSON; the query adds its WHERE (and the benchmark's raw path, which
# compares the API with one hand-written query, its own WHERE, ORDER BY and LIMIT).
DOCUMENTS_SELECT = f"""
SELECT s.id, json_build_object(
    'id', s.id,
    'api_url', {_url("statement_url", "s.id")},
    'slug', s.slug,
    'speaker', json_build_object(
        'id', sp.id, 'api_url', {_url("speaker_url", "sp.id")}, 'name', sp.name, 'slug', sp.slug,
        'kind', sp.kind, 'description', sp.description, 'wikidata_id', sp.wikidata_id),
    'text', s.text,
    'said_on', s.said_on,
    'said_on_precision', s.said_on_precision,
    'said_on_display', {_date_display("s.said_on", "s.said_on_precision")},
    'occasion', s.occasion,
    'language', s.language,
    'topics', (
        SELECT coalesce(json_agg(json_build_object('id', t.id, 'name', t.name, 'slug', t.slug) ORDER BY t.name), '[]')
          FROM claims_statement_topics st JOIN claims_topic t ON t.id = st.topic_id
         WHERE st.statement_id = s.id),
    'quotations', (
        SELECT coalesce(json_agg(json_build_object(
                   'id', q.id, 'api_url', {_url("quotation_url", "q.id")},
                   'source', {_source("qs", "qsp")}, 'occurrence', q.occurrence, 'text', q.text, 'mode', q.mode,
                   'context', q.context, 'is_first_appearance', q.is_first_appearance,
                   'reported_via', {_source("rv", "rvp")}, 'reported_via_note', q.reported_via_note,
                   'char_start', q.char_start, 'char_end', q.char_end)
                 ORDER BY qs.published_on, q.source_id, q.char_start, q.occurrence, q.id), '[]')
          FROM claims_quotation q
          JOIN sources_source qs ON qs.id = q.source_id
          LEFT JOIN sources_publisher qsp ON qsp.id = qs.publisher_id
          LEFT JOIN sources_source rv ON rv.id = q.reported_via_id
          LEFT JOIN sources_publisher rvp ON rvp.id = rv.publisher_id
         WHERE q.statement_id = s.id),
    'verification', CASE WHEN v.id IS NOT NULL AND (%(sees_work)s OR v.status = %(published)s) THEN json_build_object(
        'status', v.status,
        'verdict', CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object(
            'label', r.label, 'slug', r.slug, 'value', r.value, 'bucket', r.bucket, 'colour', r.colour,
            'scale', sc.slug,
            'worst_value', (SELECT min(x.value) FROM verification_rating x WHERE x.scale_id = r.scale_id),
            'best_value', (SELECT max(x.value) FROM verification_rating x WHERE x.scale_id = r.scale_id)) END,
        'attribution', v.attribution,
        'summary', v.summary,
        'explanation', v.explanation,
        'evidence', (
            SELECT coalesce(json_agg(json_build_object(
                       'number', e.number, 'url', e.url, 'source', {_source("es", "esp")}, 'note', e.note)
                     ORDER BY e.number), '[]')
              FROM verification_evidence e
              LEFT JOIN sources_source es ON es.id = e.source_id
              LEFT JOIN sources_publisher esp ON esp.id = es.publisher_id
             WHERE e.verification_id = v.id),
        'fact_checker', CASE WHEN %(sees_work)s THEN fc.username END,
        'reviewer', CASE WHEN %(sees_work)s THEN rw.username END,
        'published_at', {_timestamp("v.published_at")},
        'version', v.version,
        'created_at', {_timestamp("v.created_at")},
        'updated_at', {_timestamp("v.updated_at")}) END,
    'claimreview_url', CASE WHEN v.status = %(published)s AND v.rating_id IS NOT NULL
                            THEN {_url("claimreview_url", "s.id")} END,
    'version', s.version,
    'created_at', {_timestamp("s.created_at")},
    'updated_at', {_timestamp("s.updated_at")}
)::text
  FROM claims_statement s
  JOIN speakers_speaker sp ON sp.id = s.speaker_id
  LEFT JOIN verification_verification v ON v.statement_id = s.id
  LEFT JOIN verification_rating r ON r.id = v.rating_id
  LEFT JOIN verification_ratingscale sc ON sc.id = r.scale_id
  LEFT JOIN {USER_TABLE} fc ON fc.id = v.fact_checker_id
  LEFT JOIN {USER_TABLE} rw ON rw.id = v.reviewer_id
"""
STATEMENTS_SQL = f"{DOCUMENTS_SELECT} WHERE s.id = ANY(%(ids)s)"

URL_VIEWS = {
    "statement_url": "api:statement-detail",
    "speaker_url": "api:speaker-detail",
    "quotation_url": "api:quotation-detail",
    "source_url": "api:source-detail",
    "claimreview_url": "api:statement-claimreview",
}


def documents_params(request, *, sees_work: bool) -> dict:
    """The parameters of DOCUMENTS_SELECT: URL patterns (absolute with a request) and the reader."""
    params = {name: api_url_template(view, request) for name, view in URL_VIEWS.items()}
    return params | {"sees_work": sees_work, "published": VerificationStatus.PUBLISHED}


# A page picked by the ORM (its SQL: filters, search, ordering, LIMIT), built in the same query.
# row_number() numbers the page's rows in the order its subquery returns them, which the outer
# ORDER BY keeps (tested: tests/test_statement_documents.py).
PAGE_SQL = f"""{DOCUMENTS_SELECT}
  JOIN (SELECT page.id, row_number() OVER () AS position FROM ({{page}}) AS page (id)) page ON page.id = s.id
 ORDER BY page.position"""


def with_documents(queryset, *, request, sees_work: bool):
    """`queryset` (statements), which once evaluated (sliced into a page, say) yields its
    statements' documents in its order, from one query: its own SQL picks the rows, and
    DOCUMENTS_SELECT builds them. Counting it, or asking the planner about it, works as before."""
    documents = queryset.all()
    documents._iterable_class = type(
        "StatementDocuments", (_Documents,), {"params": documents_params(request, sees_work=sees_work)}
    )
    return documents


class _Documents(BaseIterable):
    params: dict  # set by with_documents

    def __iter__(self):
        try:
            page_sql, page_params = self.queryset.values_list("pk").query.sql_with_params()
        except EmptyResultSet:  # a filter that can match nothing (`pk__in=[]`)
            return
        page_sql, page_params = _named(page_sql, page_params)
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(PAGE_SQL.replace("{page}", page_sql), {**self.params, **page_params})
            rows = cursor.fetchall()
        for _pk, text in rows:
            yield orjson.loads(text)


def _named(sql: str, params) -> tuple[str, dict]:
    """Django's SQL with `%s` placeholders, as SQL with named ones (`%(page_0)s`), so that it can
    join DOCUMENTS_SELECT's. A literal percent sign (`%%`) stays as it is."""
    names = [f"page_{number}" for number in range(len(params))]
    unused = iter(names)
    named = re.sub(r"%%|%s", lambda match: match[0] if match[0] == "%%" else f"%({next(unused)})s", sql)
    return named, dict(zip(names, params))


def statement_documents(ids: list[int], *, request, sees_work: bool) -> list[dict]:
    """The statements `ids`, in that order, as StatementSerializer shows them to a user who may
    (`sees_work`) or may not see unpublished verification work."""
    if not ids:
        return []
    with connection.cursor() as cursor:
        cursor.execute(STATEMENTS_SQL, {"ids": list(ids), **documents_params(request, sees_work=sees_work)})
        documents = {pk: orjson.loads(text) for pk, text in cursor.fetchall()}
    return [documents[pk] for pk in ids if pk in documents]
