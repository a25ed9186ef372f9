"""History is append-only in the database too: on PostgreSQL a trigger on every history table
refuses UPDATE and DELETE (the function is created by apps/core/migrations/0001_history_append_only.py).
A migration that creates a history table adds its trigger with `append_only_trigger(table)`."""

from django.db import migrations


def create_append_only_trigger(schema_editor, table: str) -> None:
    name = schema_editor.quote_name(f"{table}_append_only")
    schema_editor.execute(
        f"CREATE TRIGGER {name} BEFORE UPDATE OR DELETE ON {schema_editor.quote_name(table)} "
        "FOR EACH ROW EXECUTE FUNCTION claimtrack_history_append_only()"
    )


def drop_append_only_trigger(schema_editor, table: str) -> None:
    name = schema_editor.quote_name(f"{table}_append_only")
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {schema_editor.quote_name(table)}")


def append_only_trigger(table: str) -> migrations.RunPython:
    """The operation that adds (and on reversal drops) the trigger of one new history table."""

    def add(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            create_append_only_trigger(schema_editor, table)

    def remove(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            drop_append_only_trigger(schema_editor, table)

    return migrations.RunPython(add, remove)
