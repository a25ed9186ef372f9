"""Search across the desk's languages: each statement and quotation indexed and searched in the
configuration of its own language (apps.core.search), languages detected when nobody gave one,
and what a search page costs in queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.claims.models import Statement
from apps.claims.selectors import statements_matching
from apps.core.search import (
    CONFIGS_IN_USE,
    fulltext_query,
    in_languages_on_file,
    parse_search,
    search_config,
    search_config_sql,
)
from tests.factories import make_quotation, make_source, make_speaker, make_statement

pytestmark = pytest.mark.django_db
STATEMENTS = "/api/v1/statements/"
QUOTATIONS = "/api/v1/quotations/"

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL search (make test runs it)")
on_sqlite = pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback for other databases")


def found(client, value, url=STATEMENTS) -> set[int]:
    response = client.get(url, {"search": value, "page_size": 100})
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.fixture
def desk(db):
    """A desk that stores statements in several languages, each given."""
    return {
        "ru": make_statement(language="ru", text="Он заявил, что границы Казахстана никогда не были определены."),
        "ru_other": make_statement(language="ru-RU", text="Пенсионный возраст повысят в следующем году."),
        "de": make_statement(language="de", text="Die Grenzen zwischen beiden Staaten wurden neu gezogen."),
        "en": make_statement(language="en", text="Nobody has questioned the border since independence."),
        "kk": make_statement(language="kk", text="Қазақстанның шекарасы ешқашан белгіленбеген деді ол."),
    }


@pytest.mark.parametrize(
    ("language", "config"),
    [
        ("ru", "russian"),
        ("ru-RU", "russian"),
        ("RU_ru", "russian"),
        ("de-AT", "german"),
        ("en-GB", "english"),
        ("fr", "french"),
        ("es-419", "spanish"),
        ("nb", "norwegian"),
        ("kk", "simple"),  # no stemmer in PostgreSQL
        ("uk", "simple"),
        ("zh-Hant", "simple"),
        ("", "english"),  # not known: as every text was indexed before languages were
    ],
)
def test_a_language_code_picks_its_configuration(language, config):
    assert search_config(language) == config


@on_postgresql
def test_the_database_picks_the_same_configuration_and_ships_every_one(db):
    codes = ["ru", "ru-RU", " de_AT ", "EN", "kk", "uk", "", "xx-yy", "pt-BR", "sr-Latn"]
    with connection.cursor() as cursor:
        for code in codes:
            cursor.execute(f"SELECT ({search_config_sql('%s')})::text", [code])
            assert cursor.fetchone()[0] == search_config(code), code
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        shipped = {name for (name,) in cursor.fetchall()}
    assert set(CONFIGS_IN_USE) <= shipped


@on_postgresql
def test_a_russian_word_finds_its_other_forms(anonymous, desk):
    assert found(anonymous, "граница") == {desk["ru"].pk}  # границы
    assert found(anonymous, "границей Казахстан") == {desk["ru"].pk}
    assert found(anonymous, "пенсионного") == {desk["ru_other"].pk}  # ru-RU: Russian too


@on_postgresql
def test_a_german_word_finds_its_inflections(anonymous, desk):
    assert found(anonymous, "Grenze") == {desk["de"].pk}  # Grenzen
    assert found(anonymous, "Staat") == {desk["de"].pk}  # Staaten


@on_postgresql
def test_english_search_is_unchanged(anonymous, desk):
    assert found(anonymous, "borders") == {desk["en"].pk}
    assert found(anonymous, '"questioned the border"') == {desk["en"].pk}
    assert found(anonymous, "border -independence") == set()


@on_postgresql
def test_a_kazakh_word_is_found_in_its_suffixed_forms(anonymous, desk):
    # Kazakh has no stemmer in PostgreSQL: indexed word for word, its words searched as prefixes.
    assert found(anonymous, "шекара") == {desk["kk"].pk}  # шекарасы
    assert found(anonymous, "Қазақстан шекара") == {desk["kk"].pk}
    assert found(anonymous, "шекара -белгіленбеген") == set()


@on_postgresql
def test_one_query_finds_statements_in_several_languages(anonymous, desk):
    assert found(anonymous, "граница OR borders OR Grenze") == {desk["ru"].pk, desk["en"].pk, desk["de"].pk}
    nato = {
        make_statement(language="en", text="NATO troops are not welcome near the border.").pk,
        make_statement(language="ru", text="Войска NATO не приблизятся к границам.").pk,
    }
    assert found(anonymous, "NATO") == nato


@on_postgresql
def test_an_exclusion_is_read_in_each_documents_own_language(anonymous, db):
    # Read word for word (simple), "-walls" would not exclude an English "walls" indexed as "wall".
    walls = make_statement(language="en", text="The border walls were built in 2019.")
    assert found(anonymous, "border -walls") == set()
    assert found(anonymous, "border walls") == {walls.pk}


@on_postgresql
def test_a_quotation_is_searched_in_its_sources_language(anonymous, desk):
    source = make_source(language="ru")
    quotation = make_quotation(
        statement=desk["en"],
        source=source,
        text="границы никто не оспаривал",
        context="Он сказал: «границы никто не оспаривал» с момента независимости.",
    )
    assert quotation.language == "ru"
    assert found(anonymous, "граница", url=QUOTATIONS) == {quotation.pk}
    assert found(anonymous, "граница") == {desk["ru"].pk, desk["en"].pk}  # the statement, through it


@on_postgresql
def test_the_admins_prefix_search_stems_in_each_language(desk):
    def matching(value):
        return set(statements_matching(Statement.objects.all(), value, prefixes=True).values_list("pk", flat=True))

    assert matching("гран") == {desk["ru"].pk}
    assert matching("шек") == {desk["kk"].pk}
    assert matching("Grenz") == {desk["de"].pk}


@on_sqlite
def test_without_postgresql_a_russian_word_finds_its_other_case_endings(anonymous, desk):
    assert parse_search("граница").required == [["границ"]]
    assert found(anonymous, "граница") == {desk["ru"].pk}
    assert found(anonymous, "казахов") == {desk["ru"].pk}  # Казахстана holds "казах"


def test_a_statement_saved_without_a_language_gets_the_detected_one(db):
    russian = make_statement(language="", text="Граница между двумя государствами была определена договором.")
    english = make_statement(language="", text="The border between the two states was settled by a treaty.")
    assert (russian.language, english.language) == ("ru", "en")


def test_a_given_language_is_kept_and_a_short_text_stays_unknown(db):
    given = make_statement(language="kk", text="Граница между двумя государствами была определена договором.")
    short = make_statement(language="", text="Нет.")
    assert (given.language, short.language) == ("kk", "")


def test_the_api_detects_the_language_of_a_new_statement(token_client, editor):
    response = token_client(editor).post(
        STATEMENTS,
        {"speaker_id": make_speaker().pk, "text": "Граница между двумя государствами была определена договором."},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["language"] == "ru"


def test_a_quotation_takes_its_sources_language(db):
    assert make_quotation(source=make_source(language="de")).language == "de"


# What a page costs: lists that fit on a page are counted by the page itself.


def test_a_search_that_fits_on_a_page_costs_no_count_query(anonymous, desk):
    with CaptureQueriesContext(connection) as captured:
        assert found(anonymous, "граница OR borders") == {desk["ru"].pk, desk["en"].pk}
    assert not any(query["sql"].upper().startswith("SELECT COUNT(") for query in captured.captured_queries)


@on_postgresql
@pytest.mark.parametrize("url", [STATEMENTS, QUOTATIONS])
def test_a_ranked_search_page_is_the_plans_estimate_and_the_page_itself(anonymous, db, url):
    # The planner is asked once (rank or walk?); ranking sorts every match, so the page's query
    # counts them too: no COUNT query, and the count is exact.
    for number in range(25):
        make_quotation(
            statement=make_statement(language="en", text=f"Border incident number {number} was reported."),
            text="border incident",
            context=f"A border incident, number {number}, was reported.",
        )
    with CaptureQueriesContext(connection) as captured:
        body = anonymous.get(url, {"search": "border incident"}).json()
    assert (body["count"], len(body["results"]), "count_is_estimate" in body) == (25, 20, False)
    sql = [query["sql"] for query in captured.captured_queries]
    assert len([text for text in sql if text.startswith("EXPLAIN")]) == 1, sql
    assert not any(text.upper().startswith("SELECT COUNT(") for text in sql), sql
    with CaptureQueriesContext(connection) as captured:  # the estimate is kept: the page alone
        second = anonymous.get(url, {"search": "border incident", "page": 2}).json()
    assert (second["count"], len(second["results"])) == (25, 5)
    assert not any(query["sql"].startswith("EXPLAIN") for query in captured.captured_queries)


@on_postgresql
def test_a_statement_is_one_query(anonymous, desk):
    with CaptureQueriesContext(connection) as captured:
        response = anonymous.get(f"{STATEMENTS}{desk['ru'].pk}/")
    assert response.status_code == 200 and response.json()["id"] == desk["ru"].pk
    assert response["ETag"] == f'"statement-{desk["ru"].pk}-v{desk["ru"].version}"'
    assert len(captured.captured_queries) == 1
    assert anonymous.get(f"{STATEMENTS}999999/").status_code == 404


def _queries(value, *models):
    tables = [connection.ops.quote_name(model._meta.db_table) for model in models]
    return in_languages_on_file(fulltext_query(value), *tables)


@on_postgresql
def test_a_search_is_read_once_per_distinct_reading_of_the_languages_on_file(desk):
    # English and German read a Russian word as it is, Russian stems it, and Kazakh (simple)
    # takes it as a prefix: three readings for four configurations (five language codes).
    (statements,) = _queries("границы", Statement)
    readings = {query: set(codes) for query, codes in statements.queries}
    assert readings == {"'границы'": {"german", "english"}, "'границ'": {"russian"}, "'границы':*": {"simple"}}
    # A table holding only one language reads the search once, with no test of the language.
    Statement.objects.exclude(language="en").delete()
    (only_english,) = _queries("границы", Statement)
    assert [configs for _, configs in only_english.queries] == [("english",)]
    assert "regconfig" not in only_english.match_sql("d", "l")[0]


@on_postgresql
def test_a_language_new_to_the_desk_is_searched_as_soon_as_a_row_is_in_it(anonymous, db):
    make_statement(language="en", text="The treaty was signed in Astana.")
    assert found(anonymous, "Vertrag") == set()
    german = make_statement(language="de", text="Der Vertrag wurde in Astana unterzeichnet.")
    assert found(anonymous, "Verträge") == {german.pk}  # German stemming: a language on file now


@on_postgresql
def test_an_empty_desk_and_a_search_of_stop_words_find_nothing(anonymous, db):
    assert found(anonymous, "border") == set()
    assert found(anonymous, "border", url=QUOTATIONS) == set()
    make_statement(language="en", text="The border is where it was.")
    assert found(anonymous, "the") == set()  # a stop word in English: no query at all


@on_postgresql
def test_an_excluded_word_is_not_looked_up_in_the_index_but_still_excludes(anonymous, desk):
    (statements,) = _queries("шекарасы -ешқашан", Statement)
    assert dict(statements.looked_up), "the query without its negated word is what the index reads"
    assert all("!" not in looked_up for _, looked_up in statements.looked_up)
    assert found(anonymous, "шекара") == {desk["kk"].pk}
    assert found(anonymous, "шекара -ешқашан") == set()
    assert found(anonymous, "-ешқашан шекара") == set()
