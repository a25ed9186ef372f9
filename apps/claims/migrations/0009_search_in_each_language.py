"""Full-text search in each statement's and quotation's language (apps/core/search.py): a
quotation gets the language of its source, and both search documents are computed in the
configuration of their row's language. PostgreSQL cannot alter a generated column's expression,
so the documents are dropped (their GIN indexes with them) and added again, then indexed."""

import django.contrib.postgres.search
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

import apps.core.search
from apps.core.search import postgresql_only


def quotations_take_their_sources_language(apps, schema_editor):
    Quotation = apps.get_model("claims", "Quotation")
    Source = apps.get_model("sources", "Source")
    Quotation.objects.update(language=Subquery(Source.objects.filter(pk=OuterRef("source_id")).values("language")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0008_quotation_context_may_be_filled"),
        ("sources", "0005_source_url_key"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalquotation",
            name="language",
            field=models.CharField(blank=True, editable=False, max_length=35),
        ),
        migrations.AddField(
            model_name="quotation",
            name="language",
            field=models.CharField(blank=True, editable=False, max_length=35),
        ),
        migrations.RunPython(quotations_take_their_sources_language, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historicalstatement",
            name="language",
            field=models.CharField(
                blank=True,
                help_text="BCP 47 code of the language it was said in (en, ru, kk…). Left empty, it is detected from "
                "the text when the text is long enough to tell.",
                max_length=35,
            ),
        ),
        migrations.AlterField(
            model_name="statement",
            name="language",
            field=models.CharField(
                blank=True,
                help_text="BCP 47 code of the language it was said in (en, ru, kk…). Left empty, it is detected from "
                "the text when the text is long enough to tell.",
                max_length=35,
            ),
        ),
        # Undone: the English documents' indexes, on the columns put back by the steps below.
        postgresql_only(
            "SELECT 1",
            "CREATE INDEX statement_search ON claims_statement USING gin (search_document);"
            "CREATE INDEX quotation_search ON claims_quotation USING gin (search_document);",
        ),
        migrations.RemoveField(model_name="quotation", name="search_document"),
        migrations.RemoveField(model_name="statement", name="search_document"),
        migrations.AddField(
            model_name="quotation",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=apps.core.search.SearchDocument("context", language="language"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddField(
            model_name="statement",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=apps.core.search.SearchDocument("text", language="language"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        postgresql_only(
            "CREATE INDEX statement_search ON claims_statement USING gin (search_document);"
            "CREATE INDEX quotation_search ON claims_quotation USING gin (search_document);",
            "DROP INDEX statement_search; DROP INDEX quotation_search;",
        ),
    ]
