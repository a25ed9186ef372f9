"""History is recorded for every curated model and is append-only: nobody changes or deletes
it, through the ORM on every database, and in the database itself on PostgreSQL."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import DatabaseError, connection, transaction

from apps.accounts.roles import ROLE_PERMISSIONS
from apps.core.models import HistoryIsAppendOnly
from tests.factories import make_evidence, make_quotation, make_statement, make_user

pytestmark = pytest.mark.django_db


def history_models():
    return [model for model in apps.get_models() if model.__name__.startswith("Historical")]


@pytest.fixture
def some_history(db):
    statement = make_statement(topics=[])
    make_quotation(statement=statement)
    make_evidence()
    statement.text = "Changed once."
    statement.save()
    return statement


def test_history_rows_cannot_be_changed_or_deleted_through_the_orm(some_history):
    record = some_history.history.latest()
    record.history_change_reason = "rewritten"
    with pytest.raises(HistoryIsAppendOnly):
        record.save()
    with pytest.raises(HistoryIsAppendOnly):
        record.delete()
    with pytest.raises(HistoryIsAppendOnly):
        some_history.history.all().update(history_change_reason="rewritten")
    with pytest.raises(HistoryIsAppendOnly):
        some_history.history.all().delete()
    for model in history_models():
        with pytest.raises(HistoryIsAppendOnly):
            model.objects.all().update()
        with pytest.raises(HistoryIsAppendOnly):
            model.objects.all().delete()
    assert some_history.history.filter(history_change_reason="rewritten").count() == 0


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger is PostgreSQL's")
def test_postgresql_refuses_to_change_or_delete_history_rows_even_in_raw_sql(some_history):
    tried = 0
    for model in history_models():
        if not model.objects.exists():
            continue
        table, pk = connection.ops.quote_name(model._meta.db_table), connection.ops.quote_name(model._meta.pk.column)
        for sql in (f"UPDATE {table} SET {pk} = {pk} + 1000000", f"DELETE FROM {table}"):
            with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(sql)
            tried += 1
    assert tried >= 8  # statements, quotations, evidence, verifications… had rows to try
    assert some_history.history.count() >= 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger is PostgreSQL's")
def test_every_history_table_has_the_append_only_trigger():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT event_object_table FROM information_schema.triggers WHERE trigger_name LIKE '%append_only'"
        )
        guarded = {row[0] for row in cursor.fetchall()}
    assert {model._meta.db_table for model in history_models()} <= guarded


def test_deleting_a_user_keeps_their_history_without_the_name(some_history):
    user = make_user("leaving-editor")
    some_history._history_user = user
    some_history.text = "Changed by someone who leaves."
    some_history.save()
    user.delete()
    record = some_history.history.latest()
    assert record.text == "Changed by someone who leaves."
    assert record.history_user_id is None


def test_the_groups_in_the_database_match_the_roles_in_the_code():
    for group_name, models in ROLE_PERMISSIONS.items():
        expected = {
            (model.split(".")[0], f"{action}_{model.split('.')[1]}")
            for model, actions in models.items()
            for action in actions
        }
        granted = set(
            Permission.objects.filter(group__name=group_name).values_list("content_type__app_label", "codename")
        )
        assert granted == expected, group_name
    assert set(Group.objects.values_list("name", flat=True)) >= set(ROLE_PERMISSIONS)
