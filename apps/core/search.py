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

import difflib
import operator
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Case, Exists, F, FloatField, Func, Q, TextField, Value, When
from django.db.models.lookups import Contains, IContains

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
    (for the admin's search box and autocompletes, where people type parts of words). The
    rest of the web search syntax holds: "a phrase" (its words in a row), OR, -excluded."""
    parts, joining = [], False
    for minus, phrase, word in SEARCH_TOKEN.findall(value):
        if word == "OR" and not minus:
            joining = bool(parts)
            continue
        words = re.findall(r"[^\W_]+", phrase or word)
        if not words:
            continue
        term = " <-> ".join(f"{word}:*" for word in words)
        term = f"!({term})" if minus else f"({term})" if len(words) > 1 else term
        if joining:
            parts[-1] = f"({parts[-1]} | {term})"
        else:
            parts.append(term)
        joining = False
    return SearchQuery(" & ".join(parts), search_type="raw", config=TEXT_SEARCH_CONFIG)


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


# The fallback for databases without full-text search (SQLite): the same search box syntax,
# read in Python, matched by case-folded substrings.

FOLD_FUNCTION = "claimtrack_fold"
QUOTES = '"“”„«»'


def search_fold(text: str | None) -> str | None:
    """Text as the fallback compares it: case-folded in every script (SQLite's own LIKE and
    LOWER() fold ASCII only, so “путин” would not find “Путин”)."""
    return None if text is None else str(text).casefold()


def register_fold_function(sender, connection, **kwargs):
    """Gives each new SQLite connection `claimtrack_fold()` (a `connection_created` receiver)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(FOLD_FUNCTION, 1, search_fold, deterministic=True)


class Folded(Func):
    """A text column case-folded for search: `claimtrack_fold()` on SQLite (registered on every
    connection, see register_fold_function), lower() on PostgreSQL, which folds every script in
    a UTF-8 database with a non-C collation. JSON columns (aliases) are read as their text."""

    function = FOLD_FUNCTION
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="lower((%(expressions)s)::text)", **extra_context)


# (suffix, what replaces it, the shortest word it is cut from)
STEM_RULES = (
    ("sses", "ss", 6),
    ("ches", "ch", 6),
    ("shes", "sh", 6),
    ("xes", "x", 5),
    ("ies", "", 5),
    ("ing", "", 6),
    ("ed", "", 5),
)


def stem(word: str) -> str:
    """A folded word cut to a stem that, as a substring, finds its other simple English forms:
    "borders" → "border", "policies" → "polic" (policy), "signed" → "sign", "boxes" → "box".
    Crude next to PostgreSQL's Snowball stemmer, and only for the fallback."""
    for suffix, replacement, shortest in STEM_RULES:
        if word.endswith(suffix) and len(word) >= shortest:
            return word[: -len(suffix)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) >= 4:
        return word[:-1]
    return word


@dataclass(frozen=True)
class ParsedSearch:
    """A search box's value as the fallback reads it. Each entry of `required` is a list of
    alternatives (joined by OR), each a folded substring to find: a word's stem or a "quoted
    phrase" as written; `excluded` are -words and -"phrases"; `words` are the plain words as
    folded (for names: the misspelling tolerance and the ranking)."""

    required: list[list[str]]
    excluded: list[str]
    words: list[str]


SEARCH_TOKEN = re.compile(rf"(-?)(?:[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]?|([^\s{QUOTES}]+))")


def parse_search(value: str) -> ParsedSearch:
    """Words (all required, simple plurals and -ed/-ing forms found too), "a quoted phrase"
    (found as written, any case), OR between two terms, -excluded: web search syntax, as
    PostgreSQL's websearch_to_tsquery reads it."""
    required, excluded, words = [], [], []
    joining = False
    for minus, phrase, word in SEARCH_TOKEN.findall(value):
        if word == "OR" and not minus:
            joining = bool(required)
            continue
        term = " ".join(search_fold(phrase).split()) if phrase else search_fold(word).strip(",;:!?()[]{}'’")
        if not re.search(r"[^\W_]", term):
            continue  # punctuation alone (a lone "-"), as websearch_to_tsquery ignores it
        if not phrase:
            if not minus:
                words.append(term)
            term = stem(term)
        if minus:
            excluded.append(term)
        elif joining:
            required[-1].append(term)
        else:
            required.append([term])
        joining = False
    return ParsedSearch(required=required, excluded=excluded, words=words)


def folded_contains(expression, term: str) -> Contains | IContains:
    """`term` (folded) is a substring of the folded `expression`: LIKE '%term%', with LIKE's
    own wildcards in the term taken literally. An ASCII term is compared by the database's own
    case-insensitive LIKE (SQLite's folds ASCII, which is all such a term needs), which saves
    calling claimtrack_fold() from C into Python on every row; other terms through Folded."""
    if term.isascii():
        return IContains(F(expression) if isinstance(expression, str) else expression, term)
    return Contains(Folded(expression), term)


def any_contains(expressions, term: str) -> Q:
    return reduce(operator.or_, (Q(folded_contains(expression, term)) for expression in expressions), Q())


def matching_terms(parsed: ParsedSearch, expressions, *, extra=None) -> Q:
    """Every required term (one of its alternatives) in one of `expressions`, no excluded term
    in any. `extra(term)` adds another way for a term to match (a quotation, a speaker)."""
    condition = Q()
    for alternatives in parsed.required:
        either = Q()
        for term in alternatives:
            either |= any_contains(expressions, term) | (extra(term) if extra else Q())
        condition &= either
    for term in parsed.excluded:
        condition &= ~(any_contains(expressions, term) | (extra(term) if extra else Q()))
    return condition


def terms_found_in(parsed: ParsedSearch, expression) -> Func:
    """How many of the required terms the expression holds (the fallback's rank: "words in the
    text before mentions elsewhere")."""
    found = [
        Case(When(reduce(operator.or_, (Q(folded_contains(expression, t)) for t in alternatives)), then=1), default=0)
        for alternatives in parsed.required
    ]
    return reduce(operator.add, found) if found else Value(0)


# A misspelt name (the fallback): a word of a search that no name or alias holds is compared
# (difflib) with the words of the names and aliases sharing three letters in a row with it, of
# a length within two letters of its own. The names are read in one query, at most this many.
FUZZY_NAME_SCAN_MAX = 50_000
FUZZY_MIN_WORD = 4
FUZZY_MIN_RATIO = 0.8


def close_name_matches(words: list[str], names) -> dict[str, set]:
    """word → the keys of `names` (key → its texts: name and aliases) holding a word close to
    it (one letter missing, extra or wrong: "medvedv" ~ "medvedev"), for words of four letters
    or more that no name holds as they are."""
    wanted = [word for word in dict.fromkeys(words) if len(word) >= FUZZY_MIN_WORD]
    found = {word: set() for word in wanted}
    if not wanted:
        return found
    by_name_word = defaultdict(set)
    for key, texts in names:
        for text in texts:
            for name_word in re.findall(r"[^\W_]+", search_fold(text or "")):
                by_name_word[name_word].add(key)
    for word in wanted:
        if any(word in name_word for name_word in by_name_word):
            continue  # found as it is; no need to guess
        matcher = difflib.SequenceMatcher(b=word, autojunk=False)
        for name_word, keys in by_name_word.items():
            if abs(len(name_word) - len(word)) > 2:
                continue
            matcher.set_seq1(name_word)
            if matcher.real_quick_ratio() >= FUZZY_MIN_RATIO and matcher.ratio() >= FUZZY_MIN_RATIO:
                found[word] |= keys
    return found
