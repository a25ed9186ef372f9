"""A serializer's JSON built by PostgreSQL (apps/api/common/sql_json.py): every field of the
statement's serializer is built by a rule or a declared twin, on every database; a field that is
neither stops the fast path at once; the SQL twins of Python formatting agree with it."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import DateField, Value
from django.db.models.functions import Cast
from django.db.models.sql import Query
from rest_framework import serializers

from apps.api.claims.serializers import StatementSerializer
from apps.api.common.sql_json import json_expression
from apps.claims.models import Statement
from apps.core.choices import DatePrecision
from apps.core.dates import DateWithPrecision, format_date_with_precision


@pytest.mark.parametrize("sees_work", [False, True])
def test_every_field_of_the_statement_json_is_built_in_sql(sees_work):
    context = {"sees_verification_work": sees_work}
    expression = json_expression(StatementSerializer(context=context), context)
    keys = [value.value for value in expression.get_source_expressions()[::2]]

    assert keys == [name for name, field in StatementSerializer().fields.items() if not field.write_only]


def test_a_field_without_a_rule_or_a_declared_sql_twin_is_refused_at_once():
    class WithAComputedField(serializers.ModelSerializer):
        shouted = serializers.SerializerMethodField()

        class Meta:
            model = Statement
            fields = ["id", "shouted"]

        def get_shouted(self, statement):
            return statement.text.upper()

    with pytest.raises(ImproperlyConfigured, match=r"WithAComputedField.shouted cannot be built in SQL.*sql_shouted"):
        json_expression(WithAComputedField(), {})


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the SQL twins are PostgreSQL's")
def test_the_sql_date_display_is_the_pythons_for_every_month_and_precision():
    dates = [datetime.date(2022, month, 1) for month in range(1, 13)] + [datetime.date(1991, 12, 16), None]
    for value in dates:
        for precision in DatePrecision.values:
            expression = DateWithPrecision(Cast(Value(value), DateField()), Value(precision))
            assert _sql_value(expression) == format_date_with_precision(value, precision), (value, precision)


def _sql_value(expression):
    """SELECT the expression alone."""
    query = Query(None)
    sql, params = expression.resolve_expression(query).as_sql(query.get_compiler(connection=connection), connection)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}", params)
        return cursor.fetchone()[0]
