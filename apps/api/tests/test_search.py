"""Search: full text and trigrams on PostgreSQL, the substring fallback elsewhere, and `similar/`.

The behaviour both databases share is tested in each app's API tests; this file holds what
differs, each test saying which database it describes."""

import pytest
from django.db import connection

from apps.core.paginator import forget_plan_estimates
from apps.core.search import trigram_similarity
from tests.factories import make_quotation, make_speaker, make_statement

pytestmark = pytest.mark.django_db
STATEMENTS = "/api/v1/statements/"
QUOTATIONS = "/api/v1/quotations/"
SPEAKERS = "/api/v1/speakers/"

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL search (make test runs it)")
on_sqlite = pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback for other databases")


def ordered_ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def border_statements(db):
    return {
        "treaty": make_statement(text="The border treaty was signed in 2005 and ratified by both parliaments."),
        "border": make_statement(text="Nobody has questioned the border since independence."),
        "states": make_statement(text="Both states guard their borders; borders are long and borders are open."),
        "grain": make_statement(text="Grain exports to Russia doubled last year."),
    }


# Both databases: the search box's syntax (full-text search on PostgreSQL, the fallback elsewhere)


def test_search_takes_web_search_syntax_phrases_or_and_exclusion(anonymous, border_statements):
    s = border_statements
    search = lambda value: set(ordered_ids(anonymous.get(STATEMENTS, {"search": value})))  # noqa: E731

    assert search("border treaty") == {s["treaty"].pk}  # every word
    assert search('"treaty was signed"') == {s["treaty"].pk}  # a phrase, stop words and all
    assert search('"signed treaty"') == set()  # the words, but not as a phrase
    assert search("treaty OR grain") == {s["treaty"].pk, s["grain"].pk}
    assert search("border -treaty") == {s["border"].pk, s["states"].pk}
    assert search("borders") == {s["treaty"].pk, s["border"].pk, s["states"].pk}  # English stems


@on_postgresql
def test_search_results_come_best_match_first_unless_an_ordering_is_asked_for(anonymous, border_statements):
    s = border_statements

    ranked = ordered_ids(anonymous.get(STATEMENTS, {"search": "border"}))
    assert ranked[0] == s["states"].pk  # “borders” three times
    assert set(ranked) == {s["treaty"].pk, s["border"].pk, s["states"].pk}
    by_id = ordered_ids(anonymous.get(STATEMENTS, {"search": "border", "ordering": "id"}))
    assert by_id == sorted(ranked)


def test_search_matches_a_quotation_or_the_speakers_name_each_on_its_own(anonymous):
    reported = make_statement(text="A paraphrase of the remark.")
    make_quotation(statement=reported, text="a gift from Russia", context="It was “a gift from Russia”, he said.")
    medvedev = make_statement(speaker=make_speaker(name="Dmitry Medvedev"), text="Kazakhstan is a partner.")
    search = lambda value: set(ordered_ids(anonymous.get(STATEMENTS, {"search": value})))  # noqa: E731

    assert search('"gift from Russia"') == {reported.pk}
    assert search("medvedev") == {medvedev.pk}
    assert search("medvedv") == {medvedev.pk}  # a misspelt name
    assert search("medvedev partner") == set()  # name and text are separate fields


@on_postgresql
def test_a_search_of_stop_words_or_punctuation_alone_finds_nothing_rather_than_failing(anonymous, border_statements):
    assert ordered_ids(anonymous.get(STATEMENTS, {"search": "the and"})) == []
    assert ordered_ids(anonymous.get(STATEMENTS, {"search": '" - OR ('})) == []


@on_postgresql
def test_quotation_search_is_full_text_too(anonymous):
    signed = make_quotation(text="the treaty was signed", context="He said “the treaty was signed” in 2005.")
    make_quotation(text="a gift from Russia", context="It was “a gift from Russia”, he said.")

    assert ordered_ids(anonymous.get(QUOTATIONS, {"search": "signing treaties"})) == [signed.pk]
    assert ordered_ids(anonymous.get(QUOTATIONS, {"search": "treaty -signed"})) == []


@on_postgresql
def test_speaker_search_tolerates_misspellings_and_puts_the_closest_first(anonymous):
    medvedev = make_speaker(name="Dmitry Medvedev")
    medvedchuk = make_speaker(name="Viktor Medvedchuk")
    tokayev = make_speaker(name="Kassym-Jomart Tokayev")

    assert ordered_ids(anonymous.get(SPEAKERS, {"search": "Medvedv"})) == [medvedev.pk, medvedchuk.pk]
    assert ordered_ids(anonymous.get(SPEAKERS, {"search": "Medvedchk"})) == [medvedchuk.pk, medvedev.pk]
    assert ordered_ids(anonymous.get(SPEAKERS, {"search": "Tokayv"})) == [tokayev.pk]
    assert ordered_ids(anonymous.get(SPEAKERS, {"search": "Medvedv", "ordering": "-name"})) == [
        medvedchuk.pk,
        medvedev.pk,
    ]
    assert ordered_ids(anonymous.get(SPEAKERS, {"search": "Lukashenko"})) == []


@on_postgresql
@pytest.mark.parametrize(
    "url",
    [
        f"{STATEMENTS}?search=border+treaty",
        f"{STATEMENTS}?search=medvedv",
        f"{QUOTATIONS}?search=treaty",
        f"{SPEAKERS}?search=medvedv",
    ],
)
def test_every_search_can_be_answered_from_indexes_without_reading_a_whole_table(anonymous, url):
    """With sequential scans priced out, the plan of every query a search page runs must do
    without them: a search over a million rows never reads them all."""
    from django.test.utils import CaptureQueriesContext

    make_statement(text="The border treaty.", speaker=make_speaker(name="Dmitry Medvedev"))
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    try:
        with CaptureQueriesContext(connection) as queries:
            assert anonymous.get(url).status_code == 200
        searched = [
            query["sql"]
            for query in queries
            if ("@@" in query["sql"] or "<%" in query["sql"]) and not query["sql"].startswith("EXPLAIN")
        ]
        assert searched, "no search query ran"
        with connection.cursor() as cursor:
            for sql in searched:
                cursor.execute("EXPLAIN " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                for table in ("claims_statement", "claims_quotation", "speakers_speaker"):
                    assert f"Seq Scan on {table}" not in plan, plan
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET enable_seqscan")


@on_postgresql
def test_a_search_with_many_matches_keeps_the_lists_order_and_finds_the_same_rows(anonymous, monkeypatch):
    """Beyond RANKED_SEARCH_MAX_MATCHES matches the rows are not ranked but walked newest first;
    the matches are the same, through the text, a quotation or the speaker's name."""
    import datetime

    from apps.claims import selectors

    def said(year, **fields):
        return make_statement(said_on=datetime.date(year, 1, 1), said_on_precision="day", **fields)

    in_text = said(2001, text="The border is open.")
    in_quotation = said(2003, text="A paraphrase.")
    make_quotation(statement=in_quotation, text="the border", context="He spoke of “the border” again.")
    by_name = said(2002, text="Grain.", speaker=make_speaker(name="Ivan Border"))
    said(2004, text="Nothing to see.")

    ranked = set(ordered_ids(anonymous.get(STATEMENTS, {"search": "border"})))
    monkeypatch.setattr(selectors, "RANKED_SEARCH_MAX_MATCHES", 0)  # the planner estimates 1 row at least
    walked = ordered_ids(anonymous.get(STATEMENTS, {"search": "border"}))
    assert walked == [in_quotation.pk, by_name.pk, in_text.pk]  # newest first, unranked
    assert set(walked) == ranked
    quotations = ordered_ids(anonymous.get(QUOTATIONS, {"search": "border"}))
    assert len(quotations) == 1


@on_postgresql
def test_a_search_with_many_matches_probes_quotations_row_by_row_instead_of_hashing_them_all(anonymous, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    from apps.claims import selectors

    monkeypatch.setattr(selectors, "RANKED_SEARCH_MAX_MATCHES", 0)
    make_quotation(text="the border", context="He spoke of “the border”.")
    with CaptureQueriesContext(connection) as queries:
        anonymous.get(STATEMENTS, {"search": "border"})
    page = next(q["sql"] for q in queries if "LIMIT" in q["sql"] and "@@" in q["sql"] and "EXPLAIN" not in q["sql"])
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + page)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    filter_line = next(line for line in plan.splitlines() if "Filter:" in line and "@@" in line)
    assert "(SubPlan " in filter_line, plan  # "(hashed SubPlan n)" would read every matching quotation first


@on_postgresql
def test_the_search_document_follows_every_change_of_the_text(anonymous):
    statement = make_statement(text="Grain exports doubled.")
    statement.text = "Oil exports halved."
    statement.save()

    assert ordered_ids(anonymous.get(STATEMENTS, {"search": "grain"})) == []
    assert ordered_ids(anonymous.get(STATEMENTS, {"search": "oil"})) == [statement.pk]


# Other databases: the fallback


def test_a_quoted_phrase_is_found_as_written_and_only_so(anonymous):
    doctrine = make_statement(text="He spoke of the “Russian world” as a doctrine.")
    make_statement(text="The world watched as Russian troops crossed.")
    make_statement(text="World leaders met Russian diplomats.")

    ids = ordered_ids(anonymous.get(STATEMENTS, {"search": '"Russian world"'}))

    assert ids == [doctrine.pk]


def test_plurals_and_other_forms_of_a_word_find_each_other(anonymous):
    border = make_statement(text="Nobody has questioned the border since independence.")
    statements = make_statement(text="Two statements were issued.")
    signed = make_statement(text="The treaty was signed in 2005.")
    make_statement(text="Grain exports doubled.")
    search = lambda value: set(ordered_ids(anonymous.get(STATEMENTS, {"search": value})))  # noqa: E731

    assert search("borders") == {border.pk}
    assert search("statement") == {statements.pk}
    assert search("signing") == {signed.pk}


def test_search_ignores_case_in_every_script(anonymous):
    cyrillic = make_statement(text="Путин сказал, что Казахстан — это искусственное государство.")
    kazakh = make_statement(text="ҚАЗАҚСТАН РЕСПУБЛИКАСЫ туралы.")
    search = lambda value: set(ordered_ids(anonymous.get(STATEMENTS, {"search": value})))  # noqa: E731

    assert search("путин") == {cyrillic.pk}
    assert search("КАЗАХСТАН") == {cyrillic.pk}
    assert search("қазақстан") == {kazakh.pk}


def test_a_statement_with_the_words_in_its_text_comes_before_one_matched_elsewhere(anonymous):
    putin = make_speaker(name="Vladimir Putin")
    by_putin = make_statement(speaker=putin, text="Kazakhs never had any statehood.")
    quoting = make_statement(text="A paraphrase.")
    make_quotation(statement=quoting, text="as Putin said", context="It was, as Putin said, a gift.")
    about_putin = make_statement(text="Putin's remark angered Kazakh historians.")
    make_statement(text="Grain exports doubled.")

    ranked = ordered_ids(anonymous.get(STATEMENTS, {"search": "Putin"}))

    assert ranked[0] == about_putin.pk
    assert set(ranked) == {by_putin.pk, quoting.pk, about_putin.pk}


def test_a_misspelt_speaker_name_still_finds_their_statements(anonymous):
    medvedev = make_statement(speaker=make_speaker(name="Dmitry Medvedev"), text="Kazakhstan is a partner.")
    make_statement(speaker=make_speaker(name="Viktor Medvedchuk"), text="Something else entirely.")
    grain = make_statement(text="Grain exports doubled.")

    found = ordered_ids(anonymous.get(STATEMENTS, {"search": "Medvedv"}))
    assert medvedev.pk in found
    assert grain.pk not in found
    assert ordered_ids(anonymous.get(STATEMENTS, {"search": "Medvedev"})) == [medvedev.pk]


def test_the_same_search_again_finds_the_speakers_on_file_now(anonymous):
    # What a search compiles once per value (the speakers' SQL, apps.claims.selectors) holds no answer.
    assert ordered_ids(anonymous.get(STATEMENTS, {"search": "Tokayev"})) == []
    tokayev = make_statement(speaker=make_speaker(name="Kassym-Jomart Tokayev"), text="The harvest was good.")
    quoted = make_quotation(statement=tokayev, text="The harvest was good.")
    assert ordered_ids(anonymous.get(STATEMENTS, {"search": "Tokayev"})) == [tokayev.pk]
    assert ordered_ids(anonymous.get(QUOTATIONS, {"search": "Tokayev"})) == [quoted.pk]


@on_sqlite
def test_without_postgresql_each_word_is_a_substring_and_words_are_all_required(anonymous, border_statements):
    s = border_statements
    search = lambda value: set(ordered_ids(anonymous.get(STATEMENTS, {"search": value})))  # noqa: E731

    assert search("border treaty") == {s["treaty"].pk}
    assert search("bord") == {s["treaty"].pk, s["border"].pk, s["states"].pk}
    assert search("100%") == set()  # LIKE's wildcards are characters to find
    assert search('"') == {row.pk for row in s.values()}  # an empty phrase is no term


# Similar wording, on either database


def test_similar_lists_statements_worded_alike_most_similar_first(anonymous):
    original = make_statement(text="Kazakhs never had any statehood before the Soviet Union.")
    close = make_statement(text="The Kazakhs never had statehood before the Soviet Union!")
    farther = make_statement(text="Kazakhs never had statehood, he claimed.")
    make_statement(text="Grain exports to Russia doubled last year.")

    response = anonymous.get(f"{STATEMENTS}{original.pk}/similar/")

    assert ordered_ids(response) == [close.pk, farther.pk]
    rows = response.json()["results"]
    scores = [row["similarity"] for row in rows]
    assert scores[0] > scores[1] >= 0.3
    # The wording's part is pg_trgm's similarity (the same count in Python elsewhere).
    assert rows[0]["lexical"] == pytest.approx(trigram_similarity(original.text, close.text), abs=0.01)


def test_similar_takes_a_stricter_threshold_and_refuses_a_meaningless_one(anonymous):
    original = make_statement(text="Kazakhs never had any statehood before the Soviet Union.")
    close = make_statement(text="The Kazakhs never had statehood before the Soviet Union!")
    farther = make_statement(text="Kazakhs never had statehood, he claimed.")
    url = f"{STATEMENTS}{original.pk}/similar/"
    rows = anonymous.get(url).json()["results"]
    assert [row["id"] for row in rows] == [close.pk, farther.pk]
    between = (rows[0]["similarity"] + rows[1]["similarity"]) / 2

    assert ordered_ids(anonymous.get(url, {"min_similarity": f"{between:.4f}"})) == [close.pk]
    for value in ("0.1", "2", "high"):
        response = anonymous.get(url, {"min_similarity": value})
        assert response.status_code == 400 and "min_similarity" in response.json()["errors"], value
    response = anonymous.get(url, {"min_similarty": "0.5"})
    assert response.status_code == 400 and "min_similarty" in response.json()["errors"]


def test_similar_pages_by_number_and_refuses_a_cursor_saying_why(anonymous):
    # Found by fuzzing: ?pagination=cursor was a 500 (a cursor pages a queryset by id; this list
    # is ranked by similarity and paged in memory).
    original = make_statement(text="Kazakhs never had any statehood before the Soviet Union.")
    close = make_statement(text="The Kazakhs never had statehood before the Soviet Union!")
    farther = make_statement(text="Kazakhs never had statehood, he claimed.")
    url = f"{STATEMENTS}{original.pk}/similar/"

    assert ordered_ids(anonymous.get(url, {"page_size": 1, "page": 2})) == [farther.pk]
    assert ordered_ids(anonymous.get(url, {"page_size": 1})) == [close.pk]
    for query in ({"pagination": "cursor"}, {"cursor": "a1"}):
        response = anonymous.get(url, query)
        assert response.status_code == 400, query
        [(parameter, [message])] = response.json()["errors"].items()
        assert parameter == next(iter(query)) and "page through it with ?page=" in message


def test_similar_of_an_unknown_statement_is_a_404(anonymous):
    assert anonymous.get(f"{STATEMENTS}999999/similar/").status_code == 404


def test_python_trigram_similarity_counts_as_pg_trgm_does():
    assert trigram_similarity("word", "word") == 1
    assert trigram_similarity("word", "") == 0
    # pg_trgm: similarity('word', 'words') = 0.5714286 (4 shared of 7 trigrams)
    assert trigram_similarity("word", "words") == pytest.approx(4 / 7)
    assert trigram_similarity("Word!", "WORD") == 1  # case and punctuation aside


@pytest.mark.parametrize("url", [STATEMENTS, SPEAKERS, QUOTATIONS])
def test_a_search_costs_the_same_queries_for_1_and_30_speakers_misspelt_or_not(anonymous, url):
    from django.test.utils import CaptureQueriesContext

    def queries(value) -> int:
        forget_plan_estimates()  # each search as if for the first time (apps.core.paginator keeps them)
        with CaptureQueriesContext(connection) as captured:
            # Both lists fit on the page, which then gives their count (apps.core.paginator).
            assert anonymous.get(url, {"search": value, "page_size": 50}).status_code == 200
        return len(captured)

    def add(count):
        for number in range(count):
            statement = make_statement(speaker=make_speaker(name=f"Dmitry Medvedev {number}"))
            make_quotation(statement=statement)

    add(1)
    few = {value: queries(value) for value in ("Medvedev", "Medvedv", '"Dmitry Medvedev" -zz')}
    add(29)
    assert {value: queries(value) for value in few} == few


def test_a_statement_search_matches_the_speakers_name_not_their_role(anonymous):
    allies = make_speaker(name="Allies in the Kremlin (unnamed)", description="People close to Vladimir Putin")
    by_allies = make_statement(speaker=allies, text="The referendum was legal.")
    by_putin = make_statement(speaker=make_speaker(name="Vladimir Putin"), text="The referendum was legal.")

    assert ordered_ids(anonymous.get(STATEMENTS, {"search": "Putin"})) == [by_putin.pk]
    assert ordered_ids(anonymous.get(QUOTATIONS, {"search": "Putin"})) == []
    assert by_allies.pk in ordered_ids(anonymous.get(STATEMENTS, {"search": "Kremlin"}))
