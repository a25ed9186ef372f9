"""Typo-tolerant speaker search on PostgreSQL: a stored `search_text` (name, aliases, role) with
a trigram index. Other databases get the column (NULL) and no index: see apps/core/search.py."""

import django.contrib.postgres.operations
from django.db import migrations, models

import apps.core.search
from apps.core.search import postgresql_only


class Migration(migrations.Migration):
    dependencies = [
        ("speakers", "0001_initial"),
    ]

    operations = [
        django.contrib.postgres.operations.TrigramExtension(),
        migrations.AddField(
            model_name="speaker",
            name="search_text",
            field=models.GeneratedField(
                db_persist=True,
                expression=apps.core.search.SearchText("name", "aliases", "description"),
                output_field=models.TextField(),
            ),
        ),
        postgresql_only(
            "CREATE INDEX speaker_search_trigrams ON speakers_speaker USING gin (search_text gin_trgm_ops)",
            "DROP INDEX speaker_search_trigrams",
        ),
    ]
