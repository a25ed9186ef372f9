"""/api/v1/speakers/: what it shows, how it filters, who may write and what a page costs."""

import pytest
from rest_framework.test import APIClient

from apps.speakers.choices import SpeakerKind
from apps.speakers.models import Speaker
from tests.api import api_client_for, assert_invalid, count_queries, ids
from tests.factories import (
    default_rating,
    make_source,
    make_speaker,
    make_statement,
    make_verification,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/speakers/"


def detail(speaker_or_pk) -> str:
    return f"{LIST}{getattr(speaker_or_pk, 'pk', speaker_or_pk)}/"


@pytest.fixture
def duma(db):
    return make_speaker(kind=SpeakerKind.ORGANISATION, name="State Duma", slug="state-duma", country="RU")


# Reading


def test_the_list_shows_each_speaker_with_an_embedded_affiliation(anonymous, duma):
    nikonov = make_speaker(
        name="Vyacheslav Nikonov",
        slug="vyacheslav-nikonov",
        aliases=["Вячеслав Никонов"],
        description="Russian Duma deputy",
        affiliation=duma,
        country="RU",
        wikidata_id="Q4395537",
    )

    response = anonymous.get(LIST)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [row["name"] for row in body["results"]] == ["State Duma", "Vyacheslav Nikonov"]  # by name
    row = body["results"][1]
    assert row["id"] == nikonov.pk
    assert row["api_url"] == f"http://testserver{detail(nikonov)}"
    assert row["kind"] == "person"
    assert row["slug"] == "vyacheslav-nikonov"
    assert row["aliases"] == ["Вячеслав Никонов"]
    assert row["description"] == "Russian Duma deputy"
    assert row["country"] == "RU"
    assert row["wikidata_id"] == "Q4395537"
    assert row["wikidata_url"] == "https://www.wikidata.org/wiki/Q4395537"
    assert row["affiliation"]["id"] == duma.pk
    assert row["affiliation"]["name"] == "State Duma"
    assert row["affiliation"]["kind"] == "organisation"
    assert row["affiliation"]["api_url"] == f"http://testserver{detail(duma)}"
    assert "affiliation_id" not in row  # write-only
    assert row["statement_count"] == 0
    assert row["published_verdicts"] == {"true": 0, "mixed": 0, "false": 0, "other": 0}


def test_the_detail_shows_one_speaker(anonymous, duma):
    response = anonymous.get(detail(duma))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == duma.pk
    assert body["name"] == "State Duma"
    assert body["kind"] == "organisation"
    assert body["affiliation"] is None
    assert body["wikidata_url"] == ""
    assert {"statement_count", "published_verdicts", "created_at", "updated_at"} <= set(body)


def test_a_missing_speaker_is_a_json_404(anonymous):
    response = anonymous.get(detail(987654))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "No Speaker matches the given query.", "code": "not_found"}


def test_a_speaker_id_that_is_not_a_number_is_a_json_404(anonymous):
    response = anonymous.get(f"{LIST}vladimir-putin/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


# Filters


def test_kind_filter_lists_only_speakers_of_those_kinds(anonymous, duma):
    person = make_speaker()
    group = make_speaker(kind=SpeakerKind.GROUP)

    assert ids(anonymous.get(LIST, {"kind": "person"})) == [person.pk]
    assert sorted(ids(anonymous.get(LIST, {"kind": ["organisation", "group"]}))) == sorted([duma.pk, group.pk])
    assert ids(anonymous.get(LIST, {"kind": "anonymous"})) == []


def test_an_unknown_kind_is_refused_with_400(anonymous):
    messages = assert_invalid(anonymous.get(LIST, {"kind": "robot"}), "kind")

    assert "robot is not one of the available choices" in messages[0]


def test_country_filter_lists_only_speakers_of_that_country(anonymous, duma):
    kazakh = make_speaker(country="KZ")

    assert ids(anonymous.get(LIST, {"country": "KZ"})) == [kazakh.pk]
    assert ids(anonymous.get(LIST, {"country": "DE"})) == []


def test_a_country_that_is_not_a_capitalised_iso_code_is_refused_with_400(anonymous):
    messages = assert_invalid(anonymous.get(LIST, {"country": "kz"}), "country")

    assert "two-letter ISO 3166-1 code" in messages[0]


def test_wikidata_id_filter_finds_the_speaker_with_that_id(anonymous):
    putin = make_speaker(name="Vladimir Putin", wikidata_id="Q7747")
    make_speaker(name="Nursultan Nazarbayev", wikidata_id="Q8080")

    assert ids(anonymous.get(LIST, {"wikidata_id": "Q7747"})) == [putin.pk]
    assert ids(anonymous.get(LIST, {"wikidata_id": "Q1"})) == []


@pytest.mark.parametrize("bad_id", ["7747", "q7747", "https://www.wikidata.org/wiki/Q7747"])
def test_a_malformed_wikidata_id_filter_is_refused_with_400(anonymous, bad_id):
    messages = assert_invalid(anonymous.get(LIST, {"wikidata_id": bad_id}), "wikidata_id")

    assert "capital Q followed by digits" in messages[0]


def test_affiliation_filter_by_slug_lists_the_members(anonymous, duma):
    member = make_speaker(affiliation=duma)
    make_speaker()  # no affiliation
    other_org = make_speaker(kind=SpeakerKind.ORGANISATION, slug="akorda")
    make_speaker(affiliation=other_org)

    assert ids(anonymous.get(LIST, {"affiliation": "state-duma"})) == [member.pk]


def test_affiliation_filter_by_id_lists_the_members(anonymous, duma):
    member = make_speaker(affiliation=duma)
    other_org = make_speaker(kind=SpeakerKind.ORGANISATION)
    other_member = make_speaker(affiliation=other_org)

    assert ids(anonymous.get(LIST, {"affiliation_id": duma.pk})) == [member.pk]
    assert sorted(ids(anonymous.get(LIST, {"affiliation_id": [duma.pk, other_org.pk]}))) == sorted(
        [member.pk, other_member.pk]
    )


def test_an_unknown_affiliation_slug_is_refused_with_400(anonymous, duma):
    messages = assert_invalid(anonymous.get(LIST, {"affiliation": "no-such-org"}), "affiliation")

    assert "no-such-org" in messages[0]


def test_an_unknown_affiliation_id_is_refused_with_400(anonymous):
    assert_invalid(anonymous.get(LIST, {"affiliation_id": 987654}), "affiliation_id")


def test_search_finds_words_in_the_name_aliases_or_role(anonymous):
    putin = make_speaker(name="Vladimir Putin", aliases=["Vladimir Vladimirovich Putin", "Путин"])
    nikonov = make_speaker(name="Vyacheslav Nikonov", description="Russian Duma deputy")
    make_speaker(name="Kassym-Jomart Tokayev")

    assert ids(anonymous.get(LIST, {"search": "putin"})) == [putin.pk]  # name, any case
    assert ids(anonymous.get(LIST, {"search": "Vladimirovich"})) == [putin.pk]  # alias only
    assert ids(anonymous.get(LIST, {"search": "Путин"})) == [putin.pk]  # alias in its own script
    assert ids(anonymous.get(LIST, {"search": "duma"})) == [nikonov.pk]  # role
    assert ids(anonymous.get(LIST, {"search": "Lukashenko"})) == []


def test_search_lists_a_name_before_an_alias_before_a_mention_in_the_role(anonymous):
    # Created first and sorting first by name, so that neither order hides the ranking.
    allies = make_speaker(name="Allies in the Kremlin (unnamed)", description="People close to Vladimir Putin")
    questioner = make_speaker(name="An unnamed questioner", description="Asked Putin at a press conference")
    nickname = make_speaker(name="Big Boss (a nickname)", aliases=["Putin's nickname"])
    putin = make_speaker(name="Vladimir Putin", aliases=["Путин"])

    ranked = ids(anonymous.get(LIST, {"search": "Putin"}))

    assert ranked[:2] == [putin.pk, nickname.pk]
    assert set(ranked[2:]) == {allies.pk, questioner.pk}


def test_search_lists_the_exact_name_then_names_starting_with_it_then_names_holding_it(anonymous):
    holding = make_speaker(name="Friends of Putin")
    starting = make_speaker(name="Putin Foundation")
    exact = make_speaker(name="Putin")

    assert ids(anonymous.get(LIST, {"search": "putin"})) == [exact.pk, starting.pk, holding.pk]


def test_search_finds_a_name_in_another_script_whatever_its_case(anonymous):
    putin = make_speaker(name="Владимир Путин")
    make_speaker(name="Дмитрий Медведев")

    assert ids(anonymous.get(LIST, {"search": "путин"})) == [putin.pk]
    assert ids(anonymous.get(LIST, {"search": "ВЛАДИМИР"})) == [putin.pk]


def test_search_finds_a_name_with_one_letter_wrong_closest_first(anonymous):
    medvedchuk = make_speaker(name="Viktor Medvedchuk")
    medvedev = make_speaker(name="Dmitry Medvedev")
    make_speaker(name="Vladimir Putin")

    assert ids(anonymous.get(LIST, {"search": "Medvedv"}))[0] == medvedev.pk
    assert ids(anonymous.get(LIST, {"search": "Medvedev"})) == [medvedev.pk]
    assert ids(anonymous.get(LIST, {"search": "Medvedchuk"})) == [medvedchuk.pk]
    assert ids(anonymous.get(LIST, {"search": "Zelensky"})) == []


def test_search_takes_a_quoted_phrase_and_excluded_words(anonymous):
    nikonov = make_speaker(name="Vyacheslav Nikonov", description="Russian Duma deputy")
    press_office = make_speaker(name="Duma press office", description="Russian parliament")
    make_speaker(name="A deputy of the Duma", description="Unnamed")  # the words, not the phrase

    assert ids(anonymous.get(LIST, {"search": '"Duma deputy"'})) == [nikonov.pk]
    assert ids(anonymous.get(LIST, {"search": "duma -deputy"})) == [press_office.pk]


def test_search_needs_every_word_to_match(anonymous):
    nikonov = make_speaker(name="Vyacheslav Nikonov", description="Russian Duma deputy")
    make_speaker(name="Vyacheslav Volodin", description="Chairman of the State Duma")

    assert ids(anonymous.get(LIST, {"search": "vyacheslav deputy"})) == [nikonov.pk]
    assert ids(anonymous.get(LIST, {"search": "volodin deputy"})) == []


def test_ordering_sorts_by_name_either_way_and_by_id(anonymous):
    b = make_speaker(name="Boris")
    a = make_speaker(name="Anna")
    c = make_speaker(name="Chingiz")

    assert ids(anonymous.get(LIST)) == [a.pk, b.pk, c.pk]
    assert ids(anonymous.get(LIST, {"ordering": "-name"})) == [c.pk, b.pk, a.pk]
    assert ids(anonymous.get(LIST, {"ordering": "id"})) == [b.pk, a.pk, c.pk]


def test_ordering_by_an_unknown_field_is_refused_with_400(anonymous):
    assert_invalid(anonymous.get(LIST, {"ordering": "wikidata_id"}), "ordering")


def test_an_unknown_query_parameter_is_refused_naming_it(anonymous):
    messages = assert_invalid(anonymous.get(LIST, {"speakr": "putin"}), "speakr")

    assert "search" in messages[0]  # the message lists the parameters that exist


# Statement and verdict counts


def publish(statement, rating_slug: str):
    return make_verification(
        statement=statement, status="published", rating=default_rating(rating_slug), summary="Checked."
    )


def test_counts_show_statements_and_published_verdicts_per_bucket(anonymous):
    putin = make_speaker(name="Vladimir Putin")
    for rating in ["true", "mostly-true", "half-true", "false", "mostly-false", "false", "unverifiable"]:
        publish(make_statement(speaker=putin), rating)
    make_statement(speaker=putin)  # unchecked
    other = make_speaker(name="Someone else")
    publish(make_statement(speaker=other), "true")

    body = anonymous.get(detail(putin)).json()

    assert body["statement_count"] == 8
    assert body["published_verdicts"] == {"true": 2, "mixed": 1, "false": 3, "other": 1}
    listed = {row["id"]: row for row in anonymous.get(LIST).json()["results"]}
    assert listed[putin.pk]["published_verdicts"] == {"true": 2, "mixed": 1, "false": 3, "other": 1}
    assert listed[other.pk]["statement_count"] == 1
    assert listed[other.pk]["published_verdicts"] == {"true": 1, "mixed": 0, "false": 0, "other": 0}


@pytest.mark.parametrize("status", ["unchecked", "in_progress", "in_review"])
def test_unpublished_verdicts_are_not_counted(anonymous, editor, status):
    putin = make_speaker()
    make_verification(
        statement=make_statement(speaker=putin), status=status, rating=default_rating("false"), summary="Not so."
    )
    publish(make_statement(speaker=putin), "true")

    # Not even for an editor, who may see the work in progress.
    for client in (anonymous, api_client_for(editor)):
        body = client.get(detail(putin)).json()
        assert body["statement_count"] == 2
        assert body["published_verdicts"] == {"true": 1, "mixed": 0, "false": 0, "other": 0}


# Query counts


@pytest.mark.parametrize("rows", [1, 50])
def test_the_list_costs_the_same_number_of_queries_for_1_and_50_speakers(anonymous, django_assert_num_queries, rows):
    for _ in range(rows):
        organisation = make_speaker(kind=SpeakerKind.ORGANISATION)
        speaker = make_speaker(affiliation=organisation)
        publish(make_statement(speaker=speaker), "false")
        make_statement(speaker=speaker)

    with django_assert_num_queries(count_queries() + 1):
        # 1. count of the filtered speakers (for `count` and the page links)
        # 2. the page: speakers joined to their affiliation, with statement_count and the four
        #    verdict counts as subqueries
        response = anonymous.get(LIST, {"kind": "person", "page_size": 50})

    results = response.json()["results"]
    assert len(results) == rows
    assert all(row["affiliation"] and row["statement_count"] == 2 for row in results)
    assert all(row["published_verdicts"]["false"] == 1 for row in results)


# Writes: permissions


def test_an_anonymous_client_cannot_create_a_speaker(anonymous):
    response = anonymous.post(LIST, {"name": "Vladimir Putin"}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Token"
    assert not Speaker.objects.exists()


@pytest.mark.parametrize("api", ["fact_checker_api", "plain_api"])
def test_a_user_without_the_add_permission_cannot_create_a_speaker(request, api):
    response = request.getfixturevalue(api).post(LIST, {"name": "Vladimir Putin"}, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    # It says what the account lacks, as the workflow's refusals do (it said "You do not have
    # permission to perform this action.").
    assert response.json()["detail"] == (
        "You may not add speakers: your account lacks the permission “speakers.add_speaker”."
    )
    assert not Speaker.objects.exists()


def test_a_refused_change_or_deletion_names_the_permission_too(fact_checker_api, duma):
    response = fact_checker_api.patch(detail(duma), {"name": "The Duma"}, format="json")
    assert response.status_code == 403
    assert response.json()["detail"] == (
        "You may not change speakers: your account lacks the permission “speakers.change_speaker”."
    )
    response = fact_checker_api.delete(detail(duma))
    assert response.status_code == 403
    assert "“speakers.delete_speaker”" in response.json()["detail"]


def test_an_invalid_token_is_refused_with_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = client.post(LIST, {"name": "Vladimir Putin"}, format="json")

    assert response.status_code == 401
    assert not Speaker.objects.exists()


def test_an_editor_creates_a_speaker_and_gets_it_back_as_a_get_shows_it(editor_api, duma):
    response = editor_api.post(
        LIST,
        {
            "name": "Vyacheslav Nikonov",
            "aliases": [" Вячеслав Никонов "],
            "description": "Russian Duma deputy",
            "affiliation_id": duma.pk,
            "country": "RU",
            "wikidata_id": "Q4395537",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    speaker = Speaker.objects.get(pk=body["id"])
    assert speaker.name == "Vyacheslav Nikonov"
    assert speaker.slug == "vyacheslav-nikonov"  # made from the name
    assert speaker.aliases == ["Вячеслав Никонов"]  # trimmed
    assert speaker.affiliation == duma
    assert body["affiliation"]["slug"] == "state-duma"
    assert body["statement_count"] == 0
    assert body["published_verdicts"] == {"true": 0, "mixed": 0, "false": 0, "other": 0}
    assert body["wikidata_url"] == "https://www.wikidata.org/wiki/Q4395537"


def test_an_editor_can_also_write_with_a_session(editor_client):
    response = editor_client.post(LIST, {"name": "Vladimir Putin"}, content_type="application/json")

    assert response.status_code == 201
    assert Speaker.objects.filter(name="Vladimir Putin").exists()


def test_a_generated_slug_does_not_collide_with_an_existing_one(editor_api):
    make_speaker(name="Vladimir Putin", slug="vladimir-putin")

    response = editor_api.post(LIST, {"name": "Vladimir Putin"}, format="json")

    assert response.status_code == 201
    assert response.json()["slug"] == "vladimir-putin-2"


def test_a_form_encoded_body_is_refused_with_415(editor_api):
    response = editor_api.post(LIST, "name=Vladimir+Putin", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"
    assert not Speaker.objects.exists()


# Writes: validation leaves nothing stored


def test_an_invalid_wikidata_id_is_refused_and_nothing_is_stored(editor_api):
    response = editor_api.post(LIST, {"name": "Vladimir Putin", "wikidata_id": "q7747"}, format="json")

    messages = assert_invalid(response, "wikidata_id")
    assert "capital Q followed by digits" in messages[0]
    assert not Speaker.objects.exists()


def test_a_wikidata_id_another_speaker_has_is_refused_and_nothing_is_stored(editor_api):
    make_speaker(name="Vladimir Putin", wikidata_id="Q7747")

    response = editor_api.post(LIST, {"name": "V. Putin", "wikidata_id": "Q7747"}, format="json")

    assert_invalid(response, "wikidata_id")
    assert Speaker.objects.count() == 1


def test_an_anonymous_speaker_with_a_wikidata_id_is_refused(editor_api):
    response = editor_api.post(
        LIST, {"name": "An unnamed Duma deputy", "kind": "anonymous", "wikidata_id": "Q1"}, format="json"
    )

    messages = assert_invalid(response, "wikidata_id")
    assert "anonymous" in messages[0]
    assert not Speaker.objects.exists()


def test_a_blank_alias_is_refused_and_nothing_is_stored(editor_api):
    response = editor_api.post(LIST, {"name": "Vladimir Putin", "aliases": ["Путин", " "]}, format="json")

    assert response.status_code == 400
    assert "aliases" in response.json()["errors"]
    assert not Speaker.objects.exists()


def test_a_blank_alias_is_reported_as_a_list_of_messages_under_aliases(editor_api):
    response = editor_api.post(LIST, {"name": "Vladimir Putin", "aliases": ["Путин", " "]}, format="json")

    messages = response.json()["errors"]["aliases"]
    assert isinstance(messages, list)
    assert all(isinstance(message, str) for message in messages)


def test_an_affiliation_with_a_person_is_refused_on_affiliation_id(editor_api):
    person = make_speaker(name="Vladimir Putin")

    response = editor_api.post(LIST, {"name": "Dmitry Peskov", "affiliation_id": person.pk}, format="json")

    messages = assert_invalid(response, "affiliation_id")
    assert "only be affiliated with an organisation or a group" in messages[0]
    assert Speaker.objects.count() == 1


def test_an_affiliation_id_that_does_not_exist_is_refused_saying_where_to_look(editor_api):
    response = editor_api.post(LIST, {"name": "Dmitry Peskov", "affiliation_id": 987654}, format="json")

    messages = assert_invalid(response, "affiliation_id")
    assert messages == ["There is no speaker with id 987654; see /api/v1/speakers/ for the ids."]
    assert not Speaker.objects.exists()


def test_a_speaker_cannot_be_affiliated_with_itself(editor_api, duma):
    response = editor_api.patch(detail(duma), {"affiliation_id": duma.pk}, format="json")

    messages = assert_invalid(response, "affiliation_id")
    assert "affiliated with itself" in messages[0]
    duma.refresh_from_db()
    assert duma.affiliation is None


# Writes: PATCH, PUT, DELETE


def test_an_anonymous_client_cannot_change_or_delete_a_speaker(anonymous, duma):
    assert anonymous.patch(detail(duma), {"name": "Duma"}, format="json").status_code == 401
    assert anonymous.put(detail(duma), {"name": "Duma"}, format="json").status_code == 401
    assert anonymous.delete(detail(duma)).status_code == 401

    duma.refresh_from_db()
    assert duma.name == "State Duma"


@pytest.mark.parametrize("api", ["fact_checker_api", "plain_api"])
def test_a_user_without_permission_cannot_change_or_delete_a_speaker(request, api, duma):
    client = request.getfixturevalue(api)

    assert client.patch(detail(duma), {"name": "Duma"}, format="json").status_code == 403
    assert client.put(detail(duma), {"name": "Duma"}, format="json").status_code == 403
    assert client.delete(detail(duma)).status_code == 403

    duma.refresh_from_db()
    assert duma.name == "State Duma"


def test_an_editor_patches_one_field_and_keeps_the_others(editor_api, duma):
    response = editor_api.patch(detail(duma), {"description": "Lower house of parliament"}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["description"] == "Lower house of parliament"
    duma.refresh_from_db()
    assert duma.description == "Lower house of parliament"
    assert (duma.name, duma.slug, duma.country) == ("State Duma", "state-duma", "RU")


def test_an_editor_replaces_a_speaker_with_put(editor_api, duma):
    response = editor_api.put(
        detail(duma), {"name": "State Duma of Russia", "kind": "organisation", "country": "RU"}, format="json"
    )

    assert response.status_code == 200, response.content
    duma.refresh_from_db()
    assert duma.name == "State Duma of Russia"
    assert duma.slug == "state-duma"  # a slug is not regenerated when the name changes
    assert response.json()["name"] == "State Duma of Russia"


def test_a_put_without_the_name_is_refused_and_changes_nothing(editor_api, duma):
    response = editor_api.put(detail(duma), {"kind": "group"}, format="json")

    assert_invalid(response, "name")
    duma.refresh_from_db()
    assert duma.kind == "organisation"


def test_an_editor_deletes_a_speaker_without_statements(editor_api, duma):
    response = editor_api.delete(detail(duma))

    assert response.status_code == 204
    assert not Speaker.objects.filter(pk=duma.pk).exists()


def test_deleting_a_speaker_with_statements_is_refused_with_409(editor_api):
    putin = make_speaker(name="Vladimir Putin")
    statement = make_statement(speaker=putin, text="Kazakhs never had a state.")

    response = editor_api.delete(detail(putin))

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "conflict"
    assert f"(id {statement.pk})" in body["detail"]
    assert "Delete or reassign them first" in body["detail"]
    assert Speaker.objects.filter(pk=putin.pk).exists()


def test_deleting_an_author_keeps_their_sources(editor_api):
    author = make_speaker()
    source = make_source(authors=[author])

    assert editor_api.delete(detail(author)).status_code == 204

    assert list(source.authors.all()) == []


def test_deleting_an_organisation_leaves_its_members_unaffiliated(editor_api, duma):
    member = make_speaker(affiliation=duma)

    assert editor_api.delete(detail(duma)).status_code == 204

    member.refresh_from_db()
    assert member.affiliation is None
