"""The index behind the statements' default order (newest first, undated last, then id). On
PostgreSQL it must say NULLS LAST to match the ORDER BY; SQLite sorts NULLs last in descending
order anyway and refuses NULLS LAST in an index, so the index is created here rather than in
the model's Meta."""

from django.db import migrations, models

INDEX = "statement_newest_first"


def create_index(apps, schema_editor):
    nulls_last = " NULLS LAST" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX {INDEX} ON claims_statement (said_on DESC{nulls_last}, id DESC)")


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_version"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
        migrations.AlterModelOptions(
            name="statement",
            options={"ordering": [models.OrderBy(models.F("said_on"), descending=True, nulls_last=True), "-id"]},
        ),
    ]
