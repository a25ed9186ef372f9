"""Search on PostgreSQL (full text and trigrams), and what other databases get instead.

On PostgreSQL:
- Statements and quotations carry a stored `search_document` (a tsvector column that the
  database computes on every write, COPY included) with a GIN index; `search=` takes the
  `websearch_to_tsquery` syntax: words, "quoted phrases", OR, -exclusion.
- Speakers carry a stored `search_text` (name, aliases and role) with a trigram GIN index, so a
  misspelt name ("Medvedv") still finds its speaker.
- `similar/` compares statement texts by trigrams (pg_trgm's similarity), among candidates
  the full-text index finds (apps/claims/selectors.py: statements_similar_to).

Elsewhere (SQLite, the embedded database for trying ClaimTrack out) those columns hold NULL and
search falls back to case-insensitive substrings, every word required.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Exists, FloatField, Func, TextField

# English stemming and stop words: most of what a desk stores is in English (quotations of
# Russian or Kazakh speech are translated), and words in other scripts pass through unstemmed.
TEXT_SEARCH_CONFIG = "english"


def fulltext_search_available() -> bool:
    return connection.vendor == "postgresql"


def fulltext_query(value: str) -> SearchQuery:
    """A `search=` value as PostgreSQL reads a web search box: words (all required), "a phrase",
    OR, -excluded."""
    return SearchQuery(value, search_type="websearch", config=TEXT_SEARCH_CONFIG)


def prefix_query(value: str) -> SearchQuery:
    """Every word of the value as the start of a word: "kaz bord" finds "Kazakhstan border"
    (for the admin's search box and autocompletes, where people type parts of words)."""
    words = re.findall(r"[^\W_]+", value)
    return SearchQuery(" & ".join(f"{word}:*" for word in words), search_type="raw", config=TEXT_SEARCH_CONFIG)


class _PostgresOnly(Func):
    """An expression for a generated column: computed by PostgreSQL, NULL elsewhere."""

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def _joined(self, compiler, connection):
        """coalesce(a, '') || ' ' || coalesce(b, '')…: immutable, as a generated column requires
        (concat() is not)."""
        parts, params = [], []
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            parts.append(f"coalesce(({sql})::text, '')")
            params.extend(expression_params)
        return " || ' ' || ".join(parts), params


# Typographic quotes and dashes, read as spaces: with a database in the C locale PostgreSQL's
# parser would otherwise take them for letters (“Russia” → 'russia”').
TYPOGRAPHIC_PUNCTUATION = "“”„‟«»‘’‚‛‹›—–…"
SPACES = " " * len(TYPOGRAPHIC_PUNCTUATION)


class SearchDocument(_PostgresOnly):
    """The full-text document of some text columns, for `GeneratedField(db_persist=True)`. The
    configuration is written into the migration, so queries and column always agree on it."""

    output_field = SearchVectorField()

    def __init__(self, *expressions, config: str):
        super().__init__(*expressions, config=config)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = self._joined(compiler, connection)
        sql = f"translate({sql}, '{TYPOGRAPHIC_PUNCTUATION}', '{SPACES}')"
        config = self.extra["config"]
        if config != TEXT_SEARCH_CONFIG:
            raise ValueError(
                f"Search documents use {TEXT_SEARCH_CONFIG!r}, the queries' configuration, not {config!r}."
            )
        return f"to_tsvector('{config}'::regconfig, {sql})", params


class SearchText(_PostgresOnly):
    """Some columns joined into one text, for a trigram index."""

    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self._joined(compiler, connection)


class WordSimilar(Func):
    """`word <% text`: some stretch of the text is trigram-similar to the word (pg_trgm, above
    `pg_trgm.word_similarity_threshold`, 0.6 by default). Served by a gin_trgm_ops index."""

    template = "%(expressions)s"
    arg_joiner = " <%% "
    output_field = BooleanField()


class WordSimilarity(Func):
    """How closely the word matches the closest whole word(s) of the text, from 0 to 1
    (pg_trgm's strict_word_similarity: "Medvedv" is closer to Medvedev than to Medvedchuk)."""

    function = "strict_word_similarity"
    output_field = FloatField()


class ILike(Func):
    """`text ILIKE pattern`, which a gin_trgm_ops index serves (Django's icontains compares
    UPPER() of both sides, which it does not)."""

    template = "%(expressions)s"
    arg_joiner = " ILIKE "
    output_field = BooleanField()


class ExistsRowByRow(Exists):
    """EXISTS tested for each row as it is read (PostgreSQL). Without the OFFSET 0, PostgreSQL
    may turn an EXISTS inside an OR into a hash of every matching row: for a common word, tens
    of thousands of quotations read before the first statement of a page. The OFFSET keeps it
    a probe per row, through the index, that stops with the page."""

    template = "EXISTS(%(subquery)s OFFSET 0)"


def like_pattern(word: str) -> str:
    """%word%, with LIKE's own wildcards in the word taken literally."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def postgresql_only(sql: str, reverse_sql: str):
    """A migration step for PostgreSQL-only schema (search indexes); nothing elsewhere."""
    from django.db import migrations

    def run(statements):
        def apply(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                schema_editor.execute(statements)

        return apply

    return migrations.RunPython(run(sql), run(reverse_sql))


def trigrams(text: str) -> set[str]:
    """The trigrams of a text as pg_trgm takes them: each word (letters and digits) lower-cased,
    with two spaces before and one after."""
    found = set()
    for word in re.findall(r"[^\W_]+", text.lower()):
        padded = f"  {word} "
        found.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return found


def trigram_similarity(a: str, b: str) -> float:
    """pg_trgm's similarity(a, b): shared trigrams over all trigrams of either text."""
    first, second = trigrams(a), trigrams(b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0
