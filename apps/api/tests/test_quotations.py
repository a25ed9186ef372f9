"""/api/v1/quotations/ and /api/v1/topics/: what they show, how they filter, who may write and
what a page costs."""

import pytest

from apps.claims.models import Quotation, Topic
from tests.api import assert_invalid, count_queries, ids
from tests.factories import (
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_topic,
)

pytestmark = pytest.mark.django_db

QUOTATIONS = "/api/v1/quotations/"
TOPICS = "/api/v1/topics/"

CONTEXT = "Putin told listeners, “Kazakhs never had a state of their own.” Coming amid Ukraine’s fracture."
WORDS = "Kazakhs never had a state of their own."


def quotation_url(quotation_or_pk) -> str:
    return f"{QUOTATIONS}{getattr(quotation_or_pk, 'pk', quotation_or_pk)}/"


def topic_url(topic_or_pk) -> str:
    return f"{TOPICS}{getattr(topic_or_pk, 'pk', topic_or_pk)}/"


@pytest.fixture
def putin(db):
    return make_speaker(name="Vladimir Putin", slug="vladimir-putin", wikidata_id="Q7747")


@pytest.fixture
def statement(putin):
    return make_statement(speaker=putin, slug="putin-2014-kazakhs", text="Kazakhs never had a state.")


@pytest.fixture
def source(db):
    return make_source(
        title="Kazakhstan’s Border With Russia",
        slug="kazakhstan-border",
        url="https://foreignpolicy.com/2022/01/07/kazakhstan/",
        publisher=make_publisher(name="Foreign Policy"),
    )


@pytest.fixture
def quotation(statement, source):
    return make_quotation(statement=statement, source=source, text=WORDS, context=CONTEXT, is_first_appearance=True)


# Quotations: reading


def test_the_quotation_list_embeds_statement_speaker_and_source(anonymous, quotation, statement, source, putin):
    via = make_source(title="Eurasianet", slug="eurasianet", publisher=make_publisher(name="Eurasianet"))
    quotation.reported_via = via
    quotation.reported_via_note = "(Eurasianet, 2014)"
    quotation.save()

    response = anonymous.get(QUOTATIONS)

    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["id"] == quotation.pk
    assert row["api_url"] == f"http://testserver{quotation_url(quotation)}"
    assert row["text"] == WORDS
    assert row["context"] == CONTEXT
    assert row["mode"] == "direct"
    assert row["occurrence"] == 1
    assert row["is_first_appearance"] is True
    assert row["reported_via_note"] == "(Eurasianet, 2014)"
    assert (row["char_start"], row["char_end"]) == (None, None)  # the source has no archived text
    assert row["statement"]["id"] == statement.pk
    assert row["statement"]["slug"] == "putin-2014-kazakhs"
    assert row["statement"]["speaker"]["id"] == putin.pk
    assert row["statement"]["speaker"]["name"] == "Vladimir Putin"
    assert row["statement"]["speaker"]["wikidata_id"] == "Q7747"
    assert row["source"]["id"] == source.pk
    assert row["source"]["title"] == "Kazakhstan’s Border With Russia"
    assert row["source"]["publisher"] == "Foreign Policy"
    assert row["reported_via"]["id"] == via.pk
    assert row["reported_via"]["publisher"] == "Eurasianet"
    assert not {"statement_id", "source_id", "reported_via_id"} & set(row)  # write-only


def test_the_quotation_detail_shows_one_quotation(anonymous, quotation):
    response = anonymous.get(quotation_url(quotation))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == quotation.pk
    assert body["reported_via"] is None
    assert body["statement"]["speaker"]["slug"] == "vladimir-putin"


def test_an_anchored_quotation_shows_its_offsets(anonymous, statement):
    archived = "Intro. " + CONTEXT
    source = make_source(archived_text=archived)
    quotation = make_quotation(statement=statement, source=source, text=WORDS, context=CONTEXT)

    body = anonymous.get(quotation_url(quotation)).json()

    assert body["char_start"] == archived.index(WORDS)
    assert body["char_end"] == archived.index(WORDS) + len(WORDS)


def test_a_missing_quotation_is_a_json_404(anonymous):
    response = anonymous.get(quotation_url(987654))

    assert response.status_code == 404
    assert response.json() == {"detail": "No Quotation matches the given query.", "code": "not_found"}


# Quotations: filters


def test_mode_filter(anonymous, quotation):
    paraphrase = make_quotation(mode="paraphrase")

    assert ids(anonymous.get(QUOTATIONS, {"mode": "paraphrase"})) == [paraphrase.pk]
    assert ids(anonymous.get(QUOTATIONS, {"mode": "partial"})) == []


def test_an_unknown_mode_is_refused_with_400(anonymous):
    assert_invalid(anonymous.get(QUOTATIONS, {"mode": "verbatim"}), "mode")


def test_source_filter_by_slug_and_by_id(anonymous, quotation, source):
    make_quotation()  # in another source

    assert ids(anonymous.get(QUOTATIONS, {"source": "kazakhstan-border"})) == [quotation.pk]
    assert ids(anonymous.get(QUOTATIONS, {"source_id": source.pk})) == [quotation.pk]
    assert ids(anonymous.get(QUOTATIONS, {"source_id": make_source().pk})) == []


def test_an_unknown_source_is_refused_with_400(anonymous, quotation):
    assert "no-such-source" in assert_invalid(anonymous.get(QUOTATIONS, {"source": "no-such-source"}), "source")[0]
    assert_invalid(anonymous.get(QUOTATIONS, {"source_id": 987654}), "source_id")


def test_statement_filter_by_slug_and_by_id(anonymous, quotation, statement):
    make_quotation()  # of another statement

    assert ids(anonymous.get(QUOTATIONS, {"statement": "putin-2014-kazakhs"})) == [quotation.pk]
    assert ids(anonymous.get(QUOTATIONS, {"statement_id": statement.pk})) == [quotation.pk]
    assert ids(anonymous.get(QUOTATIONS, {"statement_id": make_statement().pk})) == []


def test_an_unknown_statement_is_refused_with_400(anonymous):
    assert_invalid(anonymous.get(QUOTATIONS, {"statement": "no-such-statement"}), "statement")
    assert_invalid(anonymous.get(QUOTATIONS, {"statement_id": 987654}), "statement_id")


def test_speaker_filter_by_slug_and_by_id(anonymous, quotation, putin):
    other = make_quotation()  # said by someone else

    assert ids(anonymous.get(QUOTATIONS, {"speaker": "vladimir-putin"})) == [quotation.pk]
    assert ids(anonymous.get(QUOTATIONS, {"speaker_id": putin.pk})) == [quotation.pk]
    both = anonymous.get(QUOTATIONS, {"speaker_id": [putin.pk, other.statement.speaker_id]})
    assert sorted(ids(both)) == sorted([quotation.pk, other.pk])
    assert ids(anonymous.get(QUOTATIONS, {"speaker_id": make_speaker().pk})) == []


def test_an_unknown_speaker_slug_is_refused_with_400(anonymous):
    messages = assert_invalid(anonymous.get(QUOTATIONS, {"speaker": "no-such-speaker"}), "speaker")

    assert "no-such-speaker" in messages[0]


def test_is_first_appearance_filter(anonymous, quotation):
    later = make_quotation(is_first_appearance=False)

    assert ids(anonymous.get(QUOTATIONS, {"is_first_appearance": "true"})) == [quotation.pk]
    assert ids(anonymous.get(QUOTATIONS, {"is_first_appearance": "false"})) == [later.pk]


@pytest.mark.parametrize("value", ["yes", "1", "2", "maybe"])
def test_an_unreadable_is_first_appearance_is_refused_rather_than_ignored(anonymous, quotation, value):
    make_quotation(is_first_appearance=False)

    assert_invalid(anonymous.get(QUOTATIONS, {"is_first_appearance": value}), "is_first_appearance")


def test_search_finds_words_in_the_quoted_text_or_the_speakers_name(anonymous, quotation):
    other = make_quotation(
        statement=make_statement(speaker=make_speaker(name="Vyacheslav Nikonov")),
        text="a gift from Russia",
        context="The territory was “a gift from Russia”, he said.",
    )

    assert ids(anonymous.get(QUOTATIONS, {"search": "kazakhs"})) == [quotation.pk]  # text, any case
    assert ids(anonymous.get(QUOTATIONS, {"search": "nikonov"})) == [other.pk]  # speaker
    assert ids(anonymous.get(QUOTATIONS, {"search": "putin state"})) == [quotation.pk]  # every word
    assert ids(anonymous.get(QUOTATIONS, {"search": "putin gift"})) == []


def test_search_finds_words_that_are_only_in_the_context(anonymous, quotation):
    make_quotation()

    assert ids(anonymous.get(QUOTATIONS, {"search": "fracture"})) == [quotation.pk]


def test_an_unknown_quotation_parameter_is_refused(anonymous):
    assert_invalid(anonymous.get(QUOTATIONS, {"topic": "borders"}), "topic")


# Quotations: writes


def new_quotation(statement, source, **fields) -> dict:
    return {"statement_id": statement.pk, "source_id": source.pk, "text": WORDS, "context": CONTEXT, **fields}


def test_an_anonymous_client_cannot_create_a_quotation(anonymous, statement, source):
    response = anonymous.post(QUOTATIONS, new_quotation(statement, source), format="json")

    assert response.status_code == 401
    assert not Quotation.objects.exists()


@pytest.mark.parametrize("api", ["fact_checker_api", "plain_api"])
def test_a_user_without_the_add_permission_cannot_create_a_quotation(request, api, statement, source):
    response = request.getfixturevalue(api).post(QUOTATIONS, new_quotation(statement, source), format="json")

    assert response.status_code == 403
    assert not Quotation.objects.exists()


def test_an_editor_creates_a_quotation(editor_api, statement, source):
    response = editor_api.post(
        QUOTATIONS, new_quotation(statement, source, mode="partial", is_first_appearance=True), format="json"
    )

    assert response.status_code == 201, response.content
    quotation = Quotation.objects.get()
    assert (quotation.statement, quotation.source, quotation.text) == (statement, source, WORDS)
    assert quotation.mode == "partial"
    body = response.json()
    assert body["statement"]["speaker"]["name"] == "Vladimir Putin"
    assert body["source"]["publisher"] == "Foreign Policy"


def test_a_new_quotation_is_anchored_in_the_sources_archived_text(editor_api, statement):
    archived = "Intro. " + CONTEXT
    source = make_source(archived_text=archived)

    response = editor_api.post(QUOTATIONS, new_quotation(statement, source), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["char_start"] == archived.index(WORDS)
    assert Quotation.objects.get().char_start == archived.index(WORDS)


def test_words_not_verbatim_in_the_context_are_refused_saying_where_they_differ(editor_api, statement, source):
    response = editor_api.post(
        QUOTATIONS,
        new_quotation(statement, source, text='Kazakhs never had a state of their "own."'),
        format="json",
    )

    messages = assert_invalid(response, "text")
    assert "not found verbatim in the context excerpt" in messages[0]
    assert "It differs after 35 matching characters" in messages[0]
    assert 'the quotation has «"own."» where the context excerpt has «own.”' in messages[0]
    assert not Quotation.objects.exists()


def test_words_not_in_the_archived_text_are_refused(editor_api, statement):
    source = make_source(archived_text="An archived article with other words.")

    response = editor_api.post(QUOTATIONS, new_quotation(statement, source), format="json")

    messages = assert_invalid(response, "text")
    assert "archived text" in messages[0]
    assert not Quotation.objects.exists()


def test_the_same_passage_quoted_again_is_refused_naming_the_quotation(editor_api, quotation, statement, source):
    response = editor_api.post(QUOTATIONS, new_quotation(statement, source, occurrence=2), format="json")

    messages = assert_invalid(response, "text")
    assert messages == [
        f"This passage is already quoted for this statement in this source: quotation #{quotation.pk} "
        f"(occurrence 1, “{WORDS}”). Edit that quotation instead of adding it again. "
        f"(http://testserver/api/v1/quotations/{quotation.pk}/)"
    ]
    assert "duplicate" not in response.content.decode()
    assert Quotation.objects.count() == 1


ELSEWHERE = {"text": "a state of their own", "context": "He denied they ever had “a state of their own” before 1991."}


def test_a_second_place_in_the_same_source_is_numbered_or_refused_saying_which_number_is_free(
    editor_api, quotation, statement, source
):
    taken = editor_api.post(QUOTATIONS, new_quotation(statement, source, occurrence=1, **ELSEWHERE), format="json")

    messages = assert_invalid(taken, "occurrence")
    assert f"already reports this statement as occurrence 1: quotation #{quotation.pk}" in messages[0]
    assert "give 2, or leave the occurrence empty" in messages[0]
    assert messages[0].endswith(f"(http://testserver/api/v1/quotations/{quotation.pk}/)")

    numbered = editor_api.post(QUOTATIONS, new_quotation(statement, source, **ELSEWHERE), format="json")
    assert numbered.status_code == 201, numbered.content
    assert numbered.json()["occurrence"] == 2


def test_an_empty_context_is_taken_from_the_archived_text(editor_api, statement):
    source = make_source(archived_text=f"Intro. {CONTEXT} More.")
    response = editor_api.post(QUOTATIONS, new_quotation(statement, source, context=""), format="json")

    assert response.status_code == 201, response.content
    assert response.json()["context"] == "Putin told listeners, “Kazakhs never had a state of their own.”"


def test_an_empty_context_without_archived_text_is_one_error(editor_api, statement, source):
    messages = assert_invalid(
        editor_api.post(QUOTATIONS, new_quotation(statement, source, context=""), format="json"), "context"
    )

    assert len(messages) == 1 and "cannot be empty" in messages[0]


def test_a_source_cannot_report_a_quotation_through_itself(editor_api, statement, source):
    response = editor_api.post(QUOTATIONS, new_quotation(statement, source, reported_via_id=source.pk), format="json")

    messages = assert_invalid(response, "reported_via_id")
    assert "through itself" in messages[0]
    assert not Quotation.objects.exists()


def test_a_statement_id_that_does_not_exist_is_refused(editor_api, source, statement):
    response = editor_api.post(QUOTATIONS, {**new_quotation(statement, source), "statement_id": 987654}, format="json")

    messages = assert_invalid(response, "statement_id")
    assert messages == ["There is no statement with id 987654; see /api/v1/statements/ for the ids."]
    assert not Quotation.objects.exists()


def test_only_an_editor_may_change_or_delete_a_quotation(anonymous, fact_checker_api, editor_api, quotation):
    url = quotation_url(quotation)
    assert anonymous.patch(url, {"mode": "partial"}, format="json").status_code == 401
    assert fact_checker_api.patch(url, {"mode": "partial"}, format="json").status_code == 403
    assert fact_checker_api.delete(url).status_code == 403
    quotation.refresh_from_db()
    assert quotation.mode == "direct"

    assert editor_api.patch(url, {"mode": "partial"}, format="json").status_code == 200
    quotation.refresh_from_db()
    assert quotation.mode == "partial"
    assert editor_api.delete(url).status_code == 204
    assert not Quotation.objects.exists()


# Query counts


@pytest.mark.parametrize("rows", [1, 50])
def test_the_quotation_list_costs_the_same_number_of_queries_for_1_and_50_rows(
    anonymous, django_assert_num_queries, rows
):
    for _ in range(rows):
        make_quotation(
            statement=make_statement(speaker=make_speaker()),
            source=make_source(publisher=make_publisher()),
            reported_via=make_source(publisher=make_publisher()),
        )

    with django_assert_num_queries(1 + count_queries()):
        # count_queries(): the count of the quotations, then
        # 2. the page of quotations joined to statement → speaker, source → publisher and
        #    reported_via → publisher
        response = anonymous.get(QUOTATIONS, {"page_size": 50})

    results = response.json()["results"]
    assert len(results) == rows
    assert all(row["statement"]["speaker"] and row["source"]["publisher"] for row in results)
    assert all(row["reported_via"]["publisher"] for row in results)


@pytest.mark.parametrize("rows", [1, 50])
def test_the_topic_list_costs_the_same_number_of_queries_for_1_and_50_rows(anonymous, django_assert_num_queries, rows):
    for _ in range(rows):
        make_statement(topics=[make_topic()])

    with django_assert_num_queries(1 + count_queries()):
        # count_queries(): the count of the topics, then
        # 2. the page of topics
        response = anonymous.get(TOPICS, {"page_size": 50})

    assert len(response.json()["results"]) == rows


# Topics


def test_the_topic_list_and_detail(anonymous):
    borders = make_topic(name="Borders", slug="borders")
    make_topic(name="Ethnic Russians", slug="ethnic-russians")

    rows = anonymous.get(TOPICS).json()["results"]
    assert [row["name"] for row in rows] == ["Borders", "Ethnic Russians"]
    assert rows[0] == {
        "id": borders.pk,
        "api_url": f"http://testserver{topic_url(borders)}",
        "name": "Borders",
        "slug": "borders",
    }
    assert anonymous.get(topic_url(borders)).json() == rows[0]


def test_a_missing_topic_is_a_json_404(anonymous):
    response = anonymous.get(topic_url(987654))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_topic_search_finds_part_of_the_name(anonymous):
    ethnic = make_topic(name="Ethnic Russians")
    make_topic(name="Borders")

    assert ids(anonymous.get(TOPICS, {"search": "russian"})) == [ethnic.pk]
    assert ids(anonymous.get(TOPICS, {"search": "language"})) == []


def test_an_unknown_topic_parameter_is_refused(anonymous):
    assert_invalid(anonymous.get(TOPICS, {"name": "Borders"}), "name")


def test_only_an_editor_may_create_a_topic(anonymous, fact_checker_api, editor_api):
    assert anonymous.post(TOPICS, {"name": "Borders"}, format="json").status_code == 401
    assert fact_checker_api.post(TOPICS, {"name": "Borders"}, format="json").status_code == 403
    assert not Topic.objects.exists()

    response = editor_api.post(TOPICS, {"name": "Ethnic Russians"}, format="json")

    assert response.status_code == 201
    assert response.json()["slug"] == "ethnic-russians"
    assert Topic.objects.get().name == "Ethnic Russians"


def test_a_topic_name_already_taken_is_refused_and_nothing_is_stored(editor_api):
    make_topic(name="Borders")

    response = editor_api.post(TOPICS, {"name": "Borders"}, format="json")

    assert_invalid(response, "name")
    assert Topic.objects.count() == 1
