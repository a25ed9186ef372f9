"""Full-text search on PostgreSQL: stored tsvectors of statements and quotations with GIN
indexes. Other databases get the columns (NULL) and no indexes: see apps/core/search.py."""

import django.contrib.postgres.search
from django.db import migrations, models

import apps.core.search
from apps.core.search import postgresql_only


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0004_statement_newest_first"),
        ("speakers", "0002_search"),  # creates pg_trgm, which similar/ uses
    ]

    operations = [
        migrations.AddField(
            model_name="quotation",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=apps.core.search.SearchDocument("context", config="english"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=apps.core.search.SearchDocument("text", config="english"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        postgresql_only(
            "CREATE INDEX statement_search ON claims_statement USING gin (search_document);"
            "CREATE INDEX quotation_search ON claims_quotation USING gin (search_document);",
            "DROP INDEX statement_search; DROP INDEX quotation_search;",
        ),
    ]
