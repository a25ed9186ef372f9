"""A serializer's JSON, built by PostgreSQL from the serializer's own declaration.

Building a page of statements with the ORM and nested DRF serializers costs about ten times what
PostgreSQL needs to build the same JSON itself (tens of model instances and nested serializer
calls per row). `json_expression(serializer, context)` turns a serializer into one SQL
expression over rows of its model, field by field, in the serializer's order:

- a model field: its column; a timestamp written as DRF writes it (ISO 8601 in UTC with "Z",
  microseconds only when there are some);
- an ApiUrlField: the record's API URL (`URL_TEMPLATE` markers, filled in for each request);
- a nested serializer: a subquery over the related rows; a list is built with json_agg, in the
  order of the nested serializer's `Meta.order_by` (the order its queryset is prefetched in);
- a SlugRelatedField: the related row's slug;
- any other field (a method, a property): the expression the serializer declares for it as
  `sql_<field name>(context)`, beside its Python twin. A field with neither is refused at once
  (ImproperlyConfigured), so a field added to a serializer is either built here by the same
  rules or stops the fast path from being built at all.

A test compares both on every kind of row (apps/api/tests/test_statement_json.py)."""

from itertools import chain

from django.contrib.postgres.aggregates.mixins import OrderableAggMixin
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.db.models import Aggregate, F, Func, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Cast
from rest_framework import serializers

from .serializers import ApiUrlField

# The JSON column of every expression here: raw JSON, read as text by those who run it.
JSON = models.JSONField()


class JSONBuildObject(Func):
    """json_build_object(key, value, …), keys in the order given (jsonb would sort them)."""

    function = "JSON_BUILD_OBJECT"
    output_field = JSON

    def __init__(self, pairs: dict):
        super().__init__(*chain.from_iterable((Value(key), value) for key, value in pairs.items()))


class JSONAgg(OrderableAggMixin, Aggregate):
    """json_agg(value ORDER BY …): a JSON list of the rows, in the order given."""

    function = "JSON_AGG"
    template = "%(function)s(%(distinct)s%(expressions)s %(order_by)s)"
    output_field = JSON


class DRFTimestamp(Func):
    """A timestamp as DRF's DateTimeField writes it: 2026-11-21T09:12:03.120000Z, or without the
    fraction when it is zero; null stays null."""

    template = (
        "REGEXP_REPLACE(TO_CHAR(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), "
        "'\\.000000$', '') || 'Z'"
    )
    output_field = TextField()


def url_template_marker(view_name: str) -> str:
    """The value standing for `view_name`'s URL pattern in compiled SQL; replaced by the request's
    absolute pattern (apps.api.common.serializers.api_url_template) when the SQL runs."""
    return f"\x1furl-of:{view_name}\x1f"


def api_url_expression(view_name: str, lookup: str = "pk") -> Func:
    """The API URL of the row (its `lookup`) at `view_name`, as ApiUrlField writes it."""
    marker = Value(url_template_marker(view_name))
    return Func(marker, Value("{}"), Cast(F(lookup), TextField()), function="REPLACE", output_field=TextField())


def json_expression(serializer: serializers.Serializer, context: dict) -> Func:
    """The JSON of `serializer` (a ModelSerializer, as its `to_representation` writes it) as an
    expression over rows of its model."""
    model = serializer.Meta.model
    pairs = {}
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        pairs[name] = _field_expression(serializer, model, name, field, context)
    return JSONBuildObject(pairs)


def _field_expression(serializer, model, name: str, field, context: dict):
    declared = getattr(serializer, f"sql_{name}", None)
    if declared is not None:
        return declared(context)
    if isinstance(field, ApiUrlField):
        return api_url_expression(field.view_name, field.lookup_field)
    source = field.source
    if "." in source or source == "*":
        raise _not_built(serializer, name, "its source is not one of its model's fields")
    try:
        model_field = model._meta.get_field(source)
    except FieldDoesNotExist:
        raise _not_built(serializer, name, f"“{source}” is not a field of {model.__name__}") from None
    if isinstance(field, serializers.ListSerializer):
        return related_list_expression(serializer, name, model_field, field.child, context)
    if isinstance(field, serializers.BaseSerializer):
        return related_one_expression(model_field, field, context)
    if isinstance(field, serializers.SlugRelatedField):
        related = model_field.related_model.objects.filter(pk=OuterRef(model_field.attname))
        return Subquery(related.values(field.slug_field)[:1])
    if model_field.is_relation:
        raise _not_built(serializer, name, "a relation needs a nested serializer or a sql_ expression")
    if isinstance(field, serializers.DateTimeField):
        return DRFTimestamp(F(source))
    return F(source)


def related_one_expression(model_field, serializer, context: dict) -> Subquery:
    """The related row (a foreign key) as its serializer shows it, or null."""
    related = model_field.related_model._base_manager.filter(pk=OuterRef(model_field.attname))
    return Subquery(related.values(json=json_expression(serializer, context))[:1], output_field=JSON)


def related_list_expression(serializer, name: str, model_field, child, context: dict) -> Func:
    """The related rows (reverse foreign key, many-to-many) as a JSON list, never null."""
    order_by = getattr(child.Meta, "order_by", None)
    if order_by is None:
        raise _not_built(serializer, name, f"{type(child).__name__}.Meta.order_by does not say the list's order")
    related_model = model_field.related_model
    link = model_field.field.name if isinstance(model_field, models.ManyToOneRel) else model_field.related_query_name()
    rows = (
        related_model._base_manager.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(json=JSONAgg(json_expression(child, context), order_by=[_order(path) for path in order_by]))
        .values("json")
    )
    return Func(Subquery(rows, output_field=JSON), template="COALESCE(%(expressions)s, '[]'::json)", output_field=JSON)


def _order(path: str):
    return F(path[1:]).desc() if path.startswith("-") else F(path).asc()


def _not_built(serializer, name: str, why: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(
        f"{type(serializer).__name__}.{name} cannot be built in SQL: {why}. Declare its expression as "
        f"`sql_{name}(self, context)` beside the field."
    )
