"""Search on PostgreSQL (full text and trigrams), and what other databases get instead.

On PostgreSQL:
- Statements and quotations carry a stored `search_document` (a tsvector column that the
  database computes on every write, COPY included) with a GIN index; `search=` takes the
  `websearch_to_tsquery` syntax: words, "quoted phrases", OR, -exclusion.
- Speakers carry a stored `search_text` (name, aliases and role) with a trigram GIN index, so a
  misspelt name ("Medvedv") still finds its speaker.
- `similar/` and every same-remark suggestion rank the candidates the full-text index finds
  (apps/claims/matching.py).

Elsewhere (SQLite, the embedded database for trying ClaimTrack out) those columns hold NULL and
search falls back to case-insensitive substrings, every word required.
"""

import difflib
import operator
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchVectorField
from django.db import NotSupportedError, connection
from django.db.models import BooleanField, Case, Exists, F, FloatField, Func, Q, TextField, Value, When
from django.db.models.lookups import Contains, IContains

from apps.core.selectors import language_codes_sql

# Each statement and quotation is indexed in its own language: the primary subtag of its BCP 47
# code ("ru", "ru-RU", "de_AT"...) picks the PostgreSQL configuration (Snowball stemmer and stop
# words) of that language, so that "граница" finds "границы" and "borders" finds "border". Every
# configuration below ships with PostgreSQL 14 and later (Django 5.2's oldest). Languages without
# one (Kazakh, Ukrainian, Uzbek, Chinese...) are indexed word for word (`simple`), and their words
# are searched as prefixes (see TextSearch): "шекара" finds "шекарасы", most of whose forms in
# such languages are the word with endings added.
SEARCH_CONFIGURATIONS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
NO_STEMMER_CONFIG = "simple"
# A text whose language nobody gave and detection could not tell (a few words): English, as
# every text was indexed before languages were (most of what a desk stores is in English, and
# words in other scripts pass through the English configuration unstemmed, as in `simple`).
TEXT_SEARCH_CONFIG = "english"
# Every configuration a document may be in, each once.
CONFIGS_IN_USE = tuple(sorted({*SEARCH_CONFIGURATIONS.values(), TEXT_SEARCH_CONFIG, NO_STEMMER_CONFIG}))


def language_subtag(language: str | None) -> str:
    """The primary subtag of a BCP 47 code, lower-cased: "ru-RU" → "ru"."""
    return (language or "").strip().replace("_", "-").split("-")[0].lower()


def search_config(language: str | None) -> str:
    """The configuration a text in `language` is indexed with (as search_config_sql reads it)."""
    subtag = language_subtag(language)
    return SEARCH_CONFIGURATIONS.get(subtag, NO_STEMMER_CONFIG) if subtag else TEXT_SEARCH_CONFIG


def search_config_sql(language_sql: str) -> str:
    """The SQL of search_config() over a language column: a CASE of regconfig constants, immutable
    as a generated column requires (a lookup in a table would not be)."""
    subtag = f"lower(split_part(replace(btrim({language_sql}), '_', '-'), '-', 1))"
    whens = " ".join(
        f"WHEN '{code}' THEN '{config}'::regconfig" for code, config in sorted(SEARCH_CONFIGURATIONS.items())
    )
    return (
        f"CASE {subtag} {whens} WHEN '' THEN '{TEXT_SEARCH_CONFIG}'::regconfig "
        f"ELSE '{NO_STEMMER_CONFIG}'::regconfig END"
    )


def fulltext_search_available() -> bool:
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class TextSearch:
    """A search box's value as PostgreSQL reads it in a configuration: `function` (to_tsquery or
    websearch_to_tsquery) of `value` in every stemming configuration, and the words as prefixes
    (`prefixes`, to_tsquery's syntax) in `simple`. A document matches when it matches the query
    read in its own language's configuration: `in_languages_on_file()` reads the query in the
    configurations the rows on file are in, and TextSearchMatch tests a row with that.

    Why the rows' configurations rather than the query's language: a search box holds a word or
    two, whose language cannot be told. Measured with apps.core.language.detect_language on 30
    typical queries in Russian, English, German, Kazakh and French ("граница", "border treaty",
    "Grenze", "шекара", "frontière"...): 5 detected right, 1 wrong, 24 too short to tell; even
    py3langid's best guess without a threshold was right for 18 of 30 ("граница" read as
    Serbian, "referendum" as Latin)."""

    value: str
    function: str
    prefixes: str

    def query_sql(self, config_sql: str) -> tuple[str, list[str]]:
        """The query read in the configuration `config_sql` (SQL of a regconfig)."""
        return (
            f"(CASE WHEN {config_sql} = '{NO_STEMMER_CONFIG}'::regconfig THEN to_tsquery({config_sql}, %s) "
            f"ELSE {self.function}({config_sql}, %s) END)",
            [self.prefixes, self.value],
        )


@dataclass(frozen=True)
class QueriesByLanguage:
    """A search as the rows of one table read it: each distinct query (a tsquery's text) with the
    configurations of the languages on file that read the search as that query.
    Most configurations read most words alike ("граница" is 'граница' in all but `russian` and
    `simple`), so a desk in three languages searches with two or three queries, each served by
    the search document's GIN index as a plain AND of its words.

    Why not one query in every configuration OR-ed (what the first version did): the index then
    has no word every match must hold, reads the rows of every word's every form, and at a
    million statements took 50 ms where each configuration's own query took 1.5 ms; planning
    its 29 branches took 5 ms more. The configuration of each row's language is indexed (claims
    0012), so the planner knows how many rows each has, and estimates a search's matches right
    (they decide whether the matches are ranked: apps.claims.selectors); the rows of `simple`
    have a GIN index of their own, where their prefixes are looked up."""

    queries: tuple[tuple[str, tuple[str, ...]], ...]
    # The part of each query the index can look up (PostgreSQL's querytree(): the query without
    # its negated words), where it differs from the query: "uranium -russia" is looked up as
    # 'uranium' and each row found tested for the whole query. A negated prefix ('russia':* in
    # `simple`) would make the index gather every row holding any word that starts so: 27 ms
    # instead of 10 at a million quotations.
    looked_up: tuple[tuple[str, str], ...] = ()

    def rows_sql(self, table: str, column: str = "id") -> tuple[str, list[str]]:
        """SELECT `column` of the rows of `table` whose search document matches the search in
        their own language: one index scan per query, their union."""
        if not self.queries:
            return f"SELECT {column} FROM {table} WHERE false", []
        selects, params = [], []
        for condition, condition_params in self._conditions("m.search_document", "m.language"):
            selects.append(f"SELECT m.{column} FROM {table} m WHERE {condition}")
            params.extend(condition_params)
        return " UNION ".join(selects), params

    def match_sql(self, document_sql: str, language_sql: str) -> tuple[str, list[str]]:
        """The row's document matches the search in the row's own language, as a condition."""
        conditions = self._conditions(document_sql, language_sql)
        if not conditions:
            return "false", []
        return "(" + " OR ".join(sql for sql, _ in conditions) + ")", [p for _, params in conditions for p in params]

    def own_query_sql(self, language_sql: str) -> tuple[str, list]:
        """The search's query in the row's own language (for ts_rank): a CASE of constants."""
        if not self.queries:
            return "NULL::tsquery", []
        whens, params = [], []
        for query, configs in self.queries:
            whens.append(f"WHEN {_in_configs_sql(language_sql, configs)} THEN %s::tsquery")
            params.append(query)
        return f"(CASE {' '.join(whens)} END)", params

    def _conditions(self, document_sql: str, language_sql: str) -> list[tuple[str, list]]:
        """`document @@ query` for each query, with `the row's language is one of those reading
        the search as this query` where the table holds others too."""
        conditions, looked_up = [], dict(self.looked_up)
        for query, configs in self.queries:
            sql, params = f"{document_sql} @@ %s::tsquery", [query]
            if query in looked_up:
                # ts_match_vq() is the @@ operator as a function, which no index serves: the
                # index looks up the other condition only.
                sql, params = (
                    f"{document_sql} @@ %s::tsquery AND ts_match_vq({document_sql}, %s::tsquery)",
                    [looked_up[query], query],
                )
            if len(self.queries) > 1:
                sql = f"{sql} AND {_in_configs_sql(language_sql, configs)}"
            conditions.append((f"({sql})", params))
        return conditions


def _in_configs_sql(language_sql: str, configs) -> str:
    """The row's configuration is one of `configs`, written as the indexes of claims 0012 are
    (search_config_sql), so that the planner uses their statistics, and the index of `simple`
    rows for a branch of `simple` alone."""
    if len(configs) == 1:
        return f"{search_config_sql(language_sql)} = '{configs[0]}'::regconfig"
    listed = ", ".join(f"'{config}'::regconfig" for config in configs)
    return f"{search_config_sql(language_sql)} IN ({listed})"


def in_languages_on_file(search: TextSearch, *tables: str) -> list[QueriesByLanguage]:
    """The search read in the configuration of each language each table holds (one query: a skip
    scan of each table's UPPER(language) index, one probe per language code, then the search
    parsed in each of their configurations), as QueriesByLanguage, in the order of `tables`.
    Read at the time of each search, so a row in a language new to the desk is found as soon as
    it is written. Queries that find nothing (only stop words, say) are left out."""
    codes = " UNION ALL ".join(
        f"({language_codes_sql(table)} SELECT {index} AS t, code FROM codes)" for index, table in enumerate(tables)
    )
    query_sql, params = search.query_sql("c.config")
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT c.t, c.config::text, q::text, querytree(q) "
            f"FROM (SELECT t, code, {search_config_sql('code')} AS config FROM ({codes}) x) c, "
            f"LATERAL (SELECT {query_sql} AS q) q ORDER BY 1, 2",
            params,
        )
        rows = cursor.fetchall()
    found = []
    for index in range(len(tables)):
        by_query: dict[str, list[str]] = {}
        looked_up = {}
        for _, config, query, indexed in (row for row in rows if row[0] == index):
            if not query:
                continue
            by_query.setdefault(query, []).append(config)
            if indexed not in (query, "T"):  # T: nothing the index can look up (only negated words)
                looked_up[query] = indexed
        queries = tuple((query, tuple(configs)) for query, configs in sorted(by_query.items()))
        found.append(QueriesByLanguage(queries, tuple(sorted(looked_up.items()))))
    return found


def fulltext_query(value: str) -> TextSearch:
    """A `search=` value as PostgreSQL reads a web search box: words (all required), "a phrase",
    OR, -excluded; in `simple` (languages without a stemmer), each word as a prefix."""
    return TextSearch(value=value, function="websearch_to_tsquery", prefixes=prefix_terms(value))


def prefix_query(value: str) -> TextSearch:
    """Every word of the value as the start of a word: "kaz bord" finds "Kazakhstan border"
    (for the admin's search box and autocompletes, where people type parts of words). The
    rest of the web search syntax holds: "a phrase" (its words in a row), OR, -excluded."""
    terms = prefix_terms(value)
    return TextSearch(value=terms, function="to_tsquery", prefixes=terms)


def prefix_terms(value: str) -> str:
    """The web search syntax in to_tsquery's, every word a prefix: 'kaz:* & (bord:* <-> tre:*)'."""
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
    return " & ".join(parts)


class _InEachRowsLanguage(Func):
    """A function of a row's search document and language, for a search read in the languages of
    its table (QueriesByLanguage; PostgreSQL only)."""

    def __init__(self, queries: QueriesByLanguage, document="search_document", language="language"):
        super().__init__(document, language)
        self.queries = queries

    def as_sql(self, compiler, connection, **extra_context):
        raise NotSupportedError("Full-text search needs PostgreSQL: see apps.core.search.")

    def _columns_sql(self, compiler) -> tuple[str, str]:
        document, language = self.get_source_expressions()
        document_sql, document_params = compiler.compile(document)
        language_sql, language_params = compiler.compile(language)
        if language_params or document_params:
            raise ValueError("The search document and the language must be columns.")
        return document_sql, language_sql


class TextSearchMatch(_InEachRowsLanguage):
    """The row's search document matches the search in the configuration of the row's language
    (PostgreSQL)."""

    output_field = BooleanField()
    conditional = True

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.queries.match_sql(*self._columns_sql(compiler))


class TextSearchRank(_InEachRowsLanguage):
    """ts_rank of the row's search document for the search in its own language's configuration."""

    output_field = FloatField()

    def as_postgresql(self, compiler, connection, **extra_context):
        document_sql, language_sql = self._columns_sql(compiler)
        own_sql, own_params = self.queries.own_query_sql(language_sql)
        return f"coalesce(ts_rank({document_sql}, {own_sql}), 0)", own_params


class _PostgresOnly(Func):
    """An expression for a generated column: computed by PostgreSQL, NULL elsewhere."""

    def as_sql(self, compiler, connection, **extra_context):
        return "NULL", []

    def _joined(self, compiler, connection, expressions=None):
        """coalesce(a, '') || ' ' || coalesce(b, '')…: immutable, as a generated column requires
        (concat() is not)."""
        parts, params = [], []
        for expression in self.get_source_expressions() if expressions is None else expressions:
            sql, expression_params = compiler.compile(expression)
            parts.append(f"coalesce(({sql})::text, '')")
            params.extend(expression_params)
        return " || ' ' || ".join(parts), params


# Typographic quotes and dashes, read as spaces: with a database in the C locale PostgreSQL's
# parser would otherwise take them for letters (“Russia” → 'russia”').
TYPOGRAPHIC_PUNCTUATION = "“”„‟«»‘’‚‛‹›—–…"
SPACES = " " * len(TYPOGRAPHIC_PUNCTUATION)


class SearchDocument(_PostgresOnly):
    """The full-text document of some text columns, for `GeneratedField(db_persist=True)`: in the
    configuration of the row's `language` column (search_config_sql), or in one fixed `config`
    (the first migrations). Written into the migration, so queries and column always agree."""

    output_field = SearchVectorField()

    def __init__(self, *expressions, config: str | None = None, language: str | None = None):
        if (config is None) == (language is None):
            raise ValueError("Give a search document either a fixed config or a language column.")
        super().__init__(*((language,) if language else ()), *expressions, config=config, language=language)

    def as_postgresql(self, compiler, connection, **extra_context):
        expressions = self.get_source_expressions()
        if self.extra["language"]:
            language_sql, _ = compiler.compile(expressions[0])
            config_sql = search_config_sql(language_sql)
            expressions = expressions[1:]
        else:
            config_sql = f"'{self.extra['config']}'::regconfig"
        sql, params = self._joined(compiler, connection, expressions)
        sql = f"translate({sql}, '{TYPOGRAPHIC_PUNCTUATION}', '{SPACES}')"
        return f"to_tsvector({config_sql}, {sql})", params


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


# Case and number endings of Russian nouns and adjectives (and most of Ukrainian's and
# Belarusian's), longest first: a Cyrillic word loses one, keeping at least CYRILLIC_MIN_STEM letters.
CYRILLIC_ENDINGS = tuple(
    sorted(
        "ами ями ого его ому ему ыми ими ых их ой ей ом ем ах ях ам ям ов ев ую юю ая яя ое ее ые ие ый ий "
        "а я ы и у ю о е ь й".split(),
        key=len,
        reverse=True,
    )
)
CYRILLIC_MIN_STEM = 4


def stem(word: str) -> str:
    """A folded word cut to a stem that, as a substring, finds its other simple forms: in English
    "borders" → "border", "policies" → "polic" (policy), "signed" → "sign", "boxes" → "box"; in
    Cyrillic, one case ending: "граница" → "границ" (границы, границе...), "казахов" → "казах".
    Crude next to PostgreSQL's Snowball stemmers, and only for the
    fallback."""
    if re.search("[а-яё]", word):
        for ending in CYRILLIC_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= CYRILLIC_MIN_STEM:
                return word[: -len(ending)]
        return word
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
    """Words (all required, simple plurals and -ed/-ing forms, Cyrillic case endings found too), "a quoted phrase"
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
