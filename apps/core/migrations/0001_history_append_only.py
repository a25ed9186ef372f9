"""History is append-only in the database too, on PostgreSQL (the production database): a
trigger on every history table refuses UPDATE and DELETE. The one update let through is
Django clearing `history_user_id` when a user account is deleted (ON DELETE SET NULL).
SQLite, the local development database, relies on apps.core.models.AppendOnlyHistory: its test
flush empties tables with DELETE, which a trigger there would refuse."""

from django.db import migrations

from apps.core.history_triggers import create_append_only_trigger, drop_append_only_trigger

HISTORY_APPS = ("claims", "sources", "speakers", "verification")

FUNCTION = """
CREATE OR REPLACE FUNCTION claimtrack_history_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (to_jsonb(NEW) - 'history_user_id') = (to_jsonb(OLD) - 'history_user_id')
       AND (to_jsonb(NEW) ->> 'history_user_id') IS NULL THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'History is append-only: rows of % are never changed or deleted.', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$ LANGUAGE plpgsql;
"""


def history_tables(apps) -> list[str]:
    return sorted(
        model._meta.db_table
        for model in apps.get_models()
        if model._meta.app_label in HISTORY_APPS and model.__name__.startswith("Historical")
    )


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in history_tables(apps):
        create_append_only_trigger(schema_editor, table)


def remove_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in history_tables(apps):
        drop_append_only_trigger(schema_editor, table)
    schema_editor.execute("DROP FUNCTION IF EXISTS claimtrack_history_append_only()")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_version"),
        ("sources", "0002_order_undated_last"),
        ("speakers", "0001_initial"),
        ("verification", "0004_workflow"),
    ]

    operations = [migrations.RunPython(add_triggers, remove_triggers)]
