"""/api/v1/publishers/ and /api/v1/sources/: what they show, how they filter, who may write,
what a write may not store and what a page costs."""

import datetime

import pytest

from apps.claims.models import Quotation
from apps.sources.models import Publisher, Source
from tests.api import assert_invalid, count_queries, ids
from tests.factories import (
    make_correction,
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
)

pytestmark = pytest.mark.django_db

PUBLISHERS = "/api/v1/publishers/"
SOURCES = "/api/v1/sources/"

ARTICLE = "Putin told listeners, “Kazakhs never had a state of their own.” Coming amid Ukraine’s forced fracture."


def publisher_url(publisher_or_pk) -> str:
    return f"{PUBLISHERS}{getattr(publisher_or_pk, 'pk', publisher_or_pk)}/"


def source_url(source_or_pk) -> str:
    return f"{SOURCES}{getattr(source_or_pk, 'pk', source_or_pk)}/"


def day(text: str) -> dict:
    return {"published_on": datetime.date.fromisoformat(text), "published_on_precision": "day"}


@pytest.fixture
def foreign_policy(db):
    return make_publisher(name="Foreign Policy", slug="foreign-policy", url="https://foreignpolicy.com/")


@pytest.fixture
def article(foreign_policy):
    """A source with everything a source can have."""
    source = make_source(
        title="Kazakhstan’s Border With Russia",
        slug="kazakhstan-border",
        url="https://foreignpolicy.com/2022/01/07/kazakhstan/",
        publisher=foreign_policy,
        authors=[make_speaker(name="Zebulon Writer"), make_speaker(name="Anna Writer")],
        kind="analysis",
        language="en",
        notes="Paywalled.",
        archived_text=ARTICLE,
        **day("2022-01-07"),
    )
    make_correction(source=source, number=1, text="An earlier version misdated the speech.")
    make_quotation(source=source, text="Kazakhs never had a state of their own.", context=ARTICLE[:70])
    return source


# Publishers: reading


def test_the_publisher_list_shows_each_publisher_with_its_number_of_sources(anonymous, foreign_policy):
    make_source(publisher=foreign_policy)
    make_source(publisher=foreign_policy)
    empty = make_publisher(name="Akorda Press")

    response = anonymous.get(PUBLISHERS)

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["id"] for row in rows] == [empty.pk, foreign_policy.pk]  # by name
    assert rows[1] == {
        **rows[1],
        "name": "Foreign Policy",
        "slug": "foreign-policy",
        "url": "https://foreignpolicy.com/",
        "domain": "foreignpolicy.com",
        "source_count": 2,
        "api_url": f"http://testserver{publisher_url(foreign_policy)}",
    }
    assert rows[0]["source_count"] == 0


def test_the_publisher_detail_shows_one_publisher(anonymous, foreign_policy):
    body = anonymous.get(publisher_url(foreign_policy)).json()

    assert body["id"] == foreign_policy.pk
    assert body["domain"] == "foreignpolicy.com"
    assert {"source_count", "created_at", "updated_at"} <= set(body)


def test_a_missing_publisher_is_a_json_404(anonymous):
    response = anonymous.get(publisher_url(987654))

    assert response.status_code == 404
    assert response.json() == {"detail": "No Publisher matches the given query.", "code": "not_found"}


# Publishers: filters


def test_domain_filter_finds_the_publisher_however_the_domain_is_written(anonymous, foreign_policy):
    make_publisher(name="The Diplomat", url="https://thediplomat.com/")

    assert ids(anonymous.get(PUBLISHERS, {"domain": "foreignpolicy.com"})) == [foreign_policy.pk]
    assert ids(anonymous.get(PUBLISHERS, {"domain": "WWW.ForeignPolicy.com"})) == [foreign_policy.pk]
    assert ids(anonymous.get(PUBLISHERS, {"domain": "policy.com"})) == []  # exact, not a substring


def test_publisher_search_finds_words_in_the_name_or_domain(anonymous, foreign_policy):
    diplomat = make_publisher(name="The Diplomat", url="https://thediplomat.com/")

    assert ids(anonymous.get(PUBLISHERS, {"search": "foreign"})) == [foreign_policy.pk]
    assert ids(anonymous.get(PUBLISHERS, {"search": "thediplomat.com"})) == [diplomat.pk]
    assert ids(anonymous.get(PUBLISHERS, {"search": "foreign diplomat"})) == []  # every word must match


def test_publisher_ordering_by_name_descending(anonymous, foreign_policy):
    akorda = make_publisher(name="Akorda Press")

    assert ids(anonymous.get(PUBLISHERS, {"ordering": "-name"})) == [foreign_policy.pk, akorda.pk]


def test_an_unknown_publisher_parameter_is_refused(anonymous):
    assert_invalid(anonymous.get(PUBLISHERS, {"name": "Foreign Policy"}), "name")


# Publishers: writes


def test_an_anonymous_client_cannot_create_a_publisher(anonymous):
    response = anonymous.post(PUBLISHERS, {"name": "Foreign Policy"}, format="json")

    assert response.status_code == 401
    assert not Publisher.objects.exists()


@pytest.mark.parametrize("api", ["fact_checker_api", "plain_api"])
def test_a_user_without_the_add_permission_cannot_create_a_publisher(request, api):
    response = request.getfixturevalue(api).post(PUBLISHERS, {"name": "Foreign Policy"}, format="json")

    assert response.status_code == 403
    assert not Publisher.objects.exists()


def test_an_editor_creates_a_publisher_with_slug_and_domain_filled_in(editor_api):
    response = editor_api.post(
        PUBLISHERS, {"name": "Foreign Policy", "url": "HTTPS://www.ForeignPolicy.com"}, format="json"
    )

    assert response.status_code == 201, response.content
    publisher = Publisher.objects.get()
    assert publisher.slug == "foreign-policy"
    assert publisher.url == "https://www.foreignpolicy.com/"
    assert publisher.domain == "foreignpolicy.com"
    assert response.json()["domain"] == "foreignpolicy.com"
    assert response.json()["source_count"] == 0


def test_a_publisher_name_already_taken_is_refused_and_nothing_is_stored(editor_api, foreign_policy):
    response = editor_api.post(PUBLISHERS, {"name": "Foreign Policy"}, format="json")

    assert_invalid(response, "name")
    assert Publisher.objects.count() == 1


def test_a_publisher_without_permission_cannot_be_changed_or_deleted(fact_checker_api, foreign_policy):
    assert fact_checker_api.patch(publisher_url(foreign_policy), {"name": "FP"}, format="json").status_code == 403
    assert fact_checker_api.delete(publisher_url(foreign_policy)).status_code == 403

    foreign_policy.refresh_from_db()
    assert foreign_policy.name == "Foreign Policy"


def test_deleting_a_publisher_with_sources_is_refused_with_409(editor_api, foreign_policy):
    source = make_source(publisher=foreign_policy, title="Kazakhstan’s Border With Russia")

    response = editor_api.delete(publisher_url(foreign_policy))

    assert response.status_code == 409
    assert "Kazakhstan’s Border With Russia" in response.json()["detail"]
    assert Publisher.objects.filter(pk=foreign_policy.pk).exists()
    assert Source.objects.filter(pk=source.pk).exists()


def test_an_editor_deletes_a_publisher_without_sources(editor_api, foreign_policy):
    assert editor_api.delete(publisher_url(foreign_policy)).status_code == 204

    assert not Publisher.objects.exists()


# Sources: reading


def test_the_source_list_embeds_publisher_authors_and_corrections(anonymous, article, foreign_policy):
    response = anonymous.get(SOURCES)

    assert response.status_code == 200
    [row] = [row for row in response.json()["results"] if row["id"] == article.pk]
    assert row["api_url"] == f"http://testserver{source_url(article)}"
    assert row["title"] == "Kazakhstan’s Border With Russia"
    assert row["slug"] == "kazakhstan-border"
    assert row["kind"] == "analysis"
    assert row["url"] == "https://foreignpolicy.com/2022/01/07/kazakhstan/"
    assert row["published_on"] == "2022-01-07"
    assert row["published_on_precision"] == "day"
    assert row["language"] == "en"
    assert row["notes"] == "Paywalled."
    assert row["publisher"] == {
        "id": foreign_policy.pk,
        "api_url": f"http://testserver{publisher_url(foreign_policy)}",
        "name": "Foreign Policy",
        "slug": "foreign-policy",
        "domain": "foreignpolicy.com",
    }
    assert [author["name"] for author in row["authors"]] == ["Anna Writer", "Zebulon Writer"]  # by name
    assert row["corrections"] == [
        {"number": 1, "corrected_on": None, "text": "An earlier version misdated the speech.", "corrected_text": ""}
    ]
    assert row["quotation_count"] == 1
    assert row["has_archived_text"] is True
    assert "archived_text" not in row  # the publisher's text is never served
    assert "publisher_id" not in row and "author_ids" not in row  # write-only


def test_the_source_detail_never_serves_the_archived_text(anonymous, article):
    response = anonymous.get(source_url(article))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == article.pk
    assert body["has_archived_text"] is True
    assert "archived_text" not in body
    assert "Kazakhs never had a state" not in response.content.decode()


def test_a_source_without_archived_text_says_so(anonymous):
    source = make_source()

    body = anonymous.get(source_url(source)).json()

    assert body["has_archived_text"] is False
    assert body["publisher"] is None
    assert body["authors"] == [] and body["corrections"] == []
    assert body["quotation_count"] == 0


def test_a_missing_source_is_a_json_404(anonymous):
    response = anonymous.get(source_url(987654))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "No Source matches the given query.", "code": "not_found"}


def test_the_newest_sources_come_first_and_undated_ones_last(anonymous):
    undated = make_source(title="Undated")
    old = make_source(title="Old", **day("2014-08-29"))
    new = make_source(title="New", **day("2022-01-07"))

    assert ids(anonymous.get(SOURCES)) == [new.pk, old.pk, undated.pk]


# Sources: filters


def test_publisher_filter_by_slug_and_by_id(anonymous, foreign_policy):
    reported = make_source(publisher=foreign_policy)
    diplomat = make_publisher(name="The Diplomat", slug="the-diplomat")
    other = make_source(publisher=diplomat)
    make_source()  # no publisher

    assert ids(anonymous.get(SOURCES, {"publisher": "foreign-policy"})) == [reported.pk]
    assert ids(anonymous.get(SOURCES, {"publisher_id": foreign_policy.pk})) == [reported.pk]
    both = anonymous.get(SOURCES, {"publisher_id": [foreign_policy.pk, diplomat.pk]})
    assert sorted(ids(both)) == sorted([reported.pk, other.pk])


def test_an_unknown_publisher_slug_is_refused_with_400(anonymous, foreign_policy):
    messages = assert_invalid(anonymous.get(SOURCES, {"publisher": "the-times"}), "publisher")

    assert "the-times" in messages[0]


def test_an_unknown_publisher_id_is_refused_with_400(anonymous):
    assert_invalid(anonymous.get(SOURCES, {"publisher_id": 987654}), "publisher_id")


def test_kind_filter(anonymous):
    speech = make_source(kind="speech")
    make_source(kind="news_article")

    assert ids(anonymous.get(SOURCES, {"kind": "speech"})) == [speech.pk]
    assert ids(anonymous.get(SOURCES, {"kind": "book"})) == []


def test_an_unknown_kind_is_refused_with_400(anonymous):
    assert_invalid(anonymous.get(SOURCES, {"kind": "tweet"}), "kind")


def test_author_filter_by_slug_and_by_id_lists_each_source_once(anonymous):
    anna = make_speaker(slug="anna-writer")
    boris = make_speaker(slug="boris-writer")
    together = make_source(authors=[anna, boris])
    alone = make_source(authors=[boris])
    make_source(authors=[make_speaker()])

    assert ids(anonymous.get(SOURCES, {"author": "anna-writer"})) == [together.pk]
    assert ids(anonymous.get(SOURCES, {"author_id": anna.pk})) == [together.pk]
    # A source by both authors is listed once, not once per author.
    assert sorted(ids(anonymous.get(SOURCES, {"author_id": [anna.pk, boris.pk]}))) == sorted([together.pk, alone.pk])
    assert anonymous.get(SOURCES, {"author": ["anna-writer", "boris-writer"]}).json()["count"] == 2


def test_an_unknown_author_slug_is_refused_with_400(anonymous):
    assert_invalid(anonymous.get(SOURCES, {"author": "nobody"}), "author")


def test_published_from_and_to_include_their_days(anonymous):
    before = make_source(**day("2021-12-31"))
    first = make_source(**day("2022-01-01"))
    last = make_source(**day("2022-01-31"))
    after = make_source(**day("2022-02-01"))
    make_source()  # undated: never in a date range

    from_january = anonymous.get(SOURCES, {"published_from": "2022-01-01"})
    assert sorted(ids(from_january)) == sorted([first.pk, last.pk, after.pk])
    to_january = anonymous.get(SOURCES, {"published_to": "2022-01-31"})
    assert sorted(ids(to_january)) == sorted([before.pk, first.pk, last.pk])
    in_january = anonymous.get(SOURCES, {"published_from": "2022-01-01", "published_to": "2022-01-31"})
    assert sorted(ids(in_january)) == sorted([first.pk, last.pk])


def test_a_date_range_that_ends_before_it_starts_is_refused(anonymous):
    make_source(**day("2022-01-07"))

    messages = assert_invalid(
        anonymous.get(SOURCES, {"published_from": "2022-02-01", "published_to": "2022-01-01"}), "published_from"
    )
    assert "is after published_to" in messages[0]


@pytest.mark.parametrize("parameter", ["published_from", "published_to"])
def test_a_date_that_is_not_a_date_is_refused(anonymous, parameter):
    assert_invalid(anonymous.get(SOURCES, {parameter: "07.01.2022"}), parameter)


def test_url_filter_finds_the_source_however_the_link_was_pasted(anonymous, article):
    make_source(url="https://foreignpolicy.com/2022/01/08/other/")
    pasted = "HTTPS://ForeignPolicy.com/2022/01/07/kazakhstan/?utm_source=twitter&fbclid=abc#comments"

    assert ids(anonymous.get(SOURCES, {"url": pasted})) == [article.pk]
    assert ids(anonymous.get(SOURCES, {"url": "https://foreignpolicy.com/2022/01/07/kazakhstan/?page=2"})) == []


def test_language_filter_ignores_case(anonymous):
    russian = make_source(language="ru")
    make_source(language="en")

    assert ids(anonymous.get(SOURCES, {"language": "RU"})) == [russian.pk]
    assert ids(anonymous.get(SOURCES, {"language": "kk"})) == []


def test_source_search_finds_words_in_the_title_or_publisher_name(anonymous, foreign_policy):
    by_title = make_source(title="Kazakhstan’s Border With Russia")
    by_publisher = make_source(title="Putin at Seliger", publisher=foreign_policy)
    make_source(title="Something else")

    assert ids(anonymous.get(SOURCES, {"search": "border"})) == [by_title.pk]
    assert ids(anonymous.get(SOURCES, {"search": "foreign"})) == [by_publisher.pk]
    assert ids(anonymous.get(SOURCES, {"search": "putin foreign"})) == [by_publisher.pk]
    assert ids(anonymous.get(SOURCES, {"search": "putin border"})) == []


def test_source_ordering_by_title_and_date(anonymous):
    b = make_source(title="B", **day("2020-01-01"))
    a = make_source(title="A", **day("2022-01-01"))
    c = make_source(title="C", **day("2021-01-01"))

    assert ids(anonymous.get(SOURCES, {"ordering": "title"})) == [a.pk, b.pk, c.pk]
    assert ids(anonymous.get(SOURCES, {"ordering": "-title"})) == [c.pk, b.pk, a.pk]
    assert ids(anonymous.get(SOURCES, {"ordering": "published_on"})) == [b.pk, c.pk, a.pk]


def test_ordering_sources_by_an_unknown_field_is_refused(anonymous):
    assert_invalid(anonymous.get(SOURCES, {"ordering": "url"}), "ordering")


# Query counts


@pytest.mark.parametrize("rows", [1, 50])
def test_the_publisher_list_costs_the_same_number_of_queries_for_1_and_50_rows(
    anonymous, django_assert_num_queries, rows
):
    for _ in range(rows):
        make_source(publisher=make_publisher())

    with django_assert_num_queries(1 + count_queries()):
        # count_queries(): the count of the publishers, then
        # 2. the page of publishers, with source_count as a subquery
        response = anonymous.get(PUBLISHERS, {"page_size": 50})

    assert [row["source_count"] for row in response.json()["results"]] == [1] * rows


@pytest.mark.parametrize("rows", [1, 50])
def test_the_source_list_costs_the_same_number_of_queries_for_1_and_50_rows(anonymous, django_assert_num_queries, rows):
    for n in range(rows):
        source = make_source(
            publisher=make_publisher(),
            authors=[make_speaker(), make_speaker()],
            archived_text=f"Report {n}. He said they “never had a state” of their own.",
        )
        make_correction(source=source)
        make_quotation(source=source)

    with django_assert_num_queries(3 + count_queries()):
        # count_queries(): the count of the sources, then
        # 2. the page of sources joined to their publisher, with has_archived_text and
        #    quotation_count (a subquery); the archived text itself is not read
        # 3. prefetch of the authors of the page
        # 4. prefetch of the corrections of the page
        response = anonymous.get(SOURCES, {"page_size": 50})

    results = response.json()["results"]
    assert len(results) == rows
    assert all(row["publisher"] and len(row["authors"]) == 2 and len(row["corrections"]) == 1 for row in results)
    assert all(row["quotation_count"] == 1 and row["has_archived_text"] for row in results)


# Sources: writes and permissions


def test_an_anonymous_client_cannot_create_a_source(anonymous):
    response = anonymous.post(SOURCES, {"title": "Kazakhstan’s Border With Russia"}, format="json")

    assert response.status_code == 401
    assert not Source.objects.exists()


@pytest.mark.parametrize("api", ["fact_checker_api", "plain_api"])
def test_a_user_without_the_add_permission_cannot_create_a_source(request, api):
    response = request.getfixturevalue(api).post(SOURCES, {"title": "Kazakhstan’s Border"}, format="json")

    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not Source.objects.exists()


def test_an_editor_creates_a_source_with_publisher_and_authors(editor_api, foreign_policy):
    anna = make_speaker(name="Anna Writer")
    boris = make_speaker(name="Boris Writer")

    response = editor_api.post(
        SOURCES,
        {
            "title": "Kazakhstan’s Border With Russia",
            "kind": "analysis",
            "url": "HTTPS://ForeignPolicy.com/2022/01/07/kazakhstan/?utm_source=tw#top",
            "publisher_id": foreign_policy.pk,
            "author_ids": [boris.pk, anna.pk],
            "published_on": "2022-01-07",
            "published_on_precision": "day",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    source = Source.objects.get()
    assert source.slug == "kazakhstans-border-with-russia"  # made from the title
    assert source.url == "https://foreignpolicy.com/2022/01/07/kazakhstan/"  # normalised
    assert source.publisher == foreign_policy
    assert set(source.authors.all()) == {anna, boris}
    body = response.json()
    assert body["publisher"]["name"] == "Foreign Policy"
    assert [author["name"] for author in body["authors"]] == ["Anna Writer", "Boris Writer"]
    assert body["has_archived_text"] is False
    assert body["quotation_count"] == 0


def test_a_url_another_source_has_is_refused_naming_that_source(editor_api, article):
    response = editor_api.post(
        SOURCES,
        {"title": "The same article", "url": "https://FOREIGNPOLICY.com/2022/01/07/kazakhstan/?utm_campaign=x"},
        format="json",
    )

    messages = assert_invalid(response, "url")
    assert f"“Kazakhstan’s Border With Russia” (id {article.pk}, Foreign Policy)" in messages[0]
    assert Source.objects.count() == 1


@pytest.mark.parametrize(
    "same_page",
    [
        "http://foreignpolicy.com/2022/01/07/kazakhstan",
        "https://www.foreignpolicy.com/2022/01/07/kazakhstan/amp/",
        "https://m.foreignpolicy.com/2022/01/07/kazakhstan/?outputType=amp#top",
    ],
)
def test_the_same_page_under_another_url_is_refused_with_the_sources_id_and_url(editor_api, article, same_page):
    response = editor_api.post(SOURCES, {"title": "The same article", "url": same_page}, format="json")

    (message,) = assert_invalid(response, "url")
    assert f"(id {article.pk}, Foreign Policy): {article.url} is the same page" in message
    assert message.endswith(f"(http://testserver/api/v1/sources/{article.pk}/)")
    assert Source.objects.count() == 1


def test_the_very_same_url_is_refused_naming_the_existing_source(editor_api, article):
    response = editor_api.post(SOURCES, {"title": "The same article", "url": article.url}, format="json")

    messages = assert_invalid(response, "url")
    assert f"(id {article.pk}" in messages[0]


def test_a_date_that_disagrees_with_its_precision_is_refused_and_nothing_is_stored(editor_api):
    response = editor_api.post(
        SOURCES,
        {"title": "A book", "published_on": "2018-03-15", "published_on_precision": "year"},
        format="json",
    )

    messages = assert_invalid(response, "published_on")
    assert "2018-01-01" in messages[0]
    assert not Source.objects.exists()


def test_an_author_id_that_does_not_exist_is_refused_and_nothing_is_stored(editor_api):
    response = editor_api.post(SOURCES, {"title": "A book", "author_ids": [987654]}, format="json")

    messages = assert_invalid(response, "author_ids")
    assert "There is no speaker with id 987654" in messages[0]
    assert not Source.objects.exists()


def test_an_anonymous_client_cannot_change_or_delete_a_source(anonymous, article):
    assert anonymous.patch(source_url(article), {"title": "Changed"}, format="json").status_code == 401
    assert anonymous.put(source_url(article), {"title": "Changed"}, format="json").status_code == 401
    assert anonymous.delete(source_url(article)).status_code == 401

    article.refresh_from_db()
    assert article.title == "Kazakhstan’s Border With Russia"


@pytest.mark.parametrize("api", ["fact_checker_api", "plain_api"])
def test_a_user_without_permission_cannot_change_or_delete_a_source(request, api):
    source = make_source(title="Original")
    client = request.getfixturevalue(api)

    assert client.patch(source_url(source), {"title": "Changed"}, format="json").status_code == 403
    assert client.put(source_url(source), {"title": "Changed"}, format="json").status_code == 403
    assert client.delete(source_url(source)).status_code == 403

    source.refresh_from_db()
    assert source.title == "Original"


def test_an_editor_patches_the_authors_of_a_source(editor_api, article):
    new_author = make_speaker(name="Carla Writer")

    response = editor_api.patch(source_url(article), {"author_ids": [new_author.pk]}, format="json")

    assert response.status_code == 200, response.content
    assert list(article.authors.all()) == [new_author]
    assert [author["name"] for author in response.json()["authors"]] == ["Carla Writer"]
    article.refresh_from_db()
    assert article.title == "Kazakhstan’s Border With Russia"  # untouched
    assert article.archived_text == ARTICLE  # untouched, although not read for the answer


def test_an_editor_replaces_a_source_with_put(editor_api):
    source = make_source(title="Original", kind="news_article")

    response = editor_api.put(
        source_url(source), {"title": "Replaced", "kind": "interview", "language": "ru"}, format="json"
    )

    assert response.status_code == 200, response.content
    source.refresh_from_db()
    assert (source.title, source.kind, source.language) == ("Replaced", "interview", "ru")
    assert response.json()["title"] == "Replaced"


def test_a_patch_to_a_url_another_source_has_is_refused_and_changes_nothing(editor_api, article):
    other = make_source(url="https://example.org/other/")

    response = editor_api.patch(source_url(other), {"url": article.url + "?utm_medium=email"}, format="json")

    assert_invalid(response, "url")
    other.refresh_from_db()
    assert other.url == "https://example.org/other/"


def test_an_editor_deletes_a_source_without_quotations(editor_api):
    source = make_source()
    make_correction(source=source)

    assert editor_api.delete(source_url(source)).status_code == 204

    assert not Source.objects.exists()


def test_deleting_a_source_with_quotations_is_refused_with_409(editor_api, article):
    response = editor_api.delete(source_url(article))

    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert Source.objects.filter(pk=article.pk).exists()


def test_a_form_encoded_source_is_refused_with_415(editor_api):
    response = editor_api.post(SOURCES, "title=Kazakhstan", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415
    assert not Source.objects.exists()


# Sources: the archived text


def test_an_archived_text_is_stored_but_never_served_back(editor_api):
    response = editor_api.post(SOURCES, {"title": "Seliger", "archived_text": ARTICLE}, format="json")

    assert response.status_code == 201, response.content
    body = response.json()
    assert "archived_text" not in body
    assert body["has_archived_text"] is True
    assert Source.objects.get(pk=body["id"]).archived_text == ARTICLE


def test_an_archived_text_without_the_sources_quotations_is_refused_and_nothing_is_stored(editor_api):
    source = make_source()
    quotation = make_quotation(
        source=source, statement=make_statement(), text="never had a state", context="Kazakhs never had a state."
    )

    response = editor_api.patch(
        source_url(source), {"archived_text": "An article about something else.", "notes": "Archived."}, format="json"
    )

    messages = assert_invalid(response, "archived_text")
    assert "not found verbatim" in " ".join(messages)
    assert f"Quotation {quotation.pk}" in " ".join(messages)
    source.refresh_from_db()
    assert source.archived_text == ""
    assert source.notes == ""  # the whole write is refused, not only the text


def test_a_new_archived_text_with_the_quotations_re_anchors_them(editor_api):
    source = make_source(archived_text=ARTICLE)
    quotation = make_quotation(source=source, text="never had a state", context=ARTICLE[:70])
    assert quotation.char_start == ARTICLE.index("never had a state")
    new_text = "Updated. " + ARTICLE

    response = editor_api.patch(source_url(source), {"archived_text": new_text}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["has_archived_text"] is True
    quotation.refresh_from_db()
    assert quotation.char_start == new_text.index("never had a state")
    assert quotation.char_end == quotation.char_start + len("never had a state")


def test_clearing_the_archived_text_clears_the_anchors(editor_api):
    source = make_source(archived_text=ARTICLE)
    quotation = make_quotation(source=source, text="never had a state", context=ARTICLE[:70])

    response = editor_api.patch(source_url(source), {"archived_text": ""}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["has_archived_text"] is False
    quotation.refresh_from_db()
    assert quotation.char_start is None
    assert Quotation.objects.filter(source=source).count() == 1


def test_an_archived_text_missing_a_recorded_quotation_is_a_400_and_nothing_changes(editor_api):
    source = make_source()
    make_quotation(source=source, text="never had a state", context="they “never had a state” of their own")

    response = editor_api.patch(
        f"/api/v1/sources/{source.pk}/", {"archived_text": "A different article altogether."}, format="json"
    )

    messages = assert_invalid(response, "archived_text")
    assert "1 quotation(s) of this source are not found verbatim" in messages[0]
    assert "never had a state" in messages[1]
    source.refresh_from_db()
    assert source.archived_text == ""


def test_source_search_lists_title_matches_first_and_takes_phrases_plurals_and_any_script(anonymous):
    kremlin_press = make_publisher(name="Kremlin press service", domain="kremlin.ru")
    by_publisher = make_source(title="Transcript of a meeting", publisher=kremlin_press)
    by_title = make_source(title="What the Kremlin said about the border")
    cyrillic = make_source(title="Путин о границе")

    assert ids(anonymous.get(SOURCES, {"search": "kremlin"})) == [by_title.pk, by_publisher.pk]
    assert ids(anonymous.get(SOURCES, {"search": "borders"})) == [by_title.pk]
    assert ids(anonymous.get(SOURCES, {"search": '"the border"'})) == [by_title.pk]
    assert ids(anonymous.get(SOURCES, {"search": '"border the"'})) == []
    assert ids(anonymous.get(SOURCES, {"search": "ПУТИН"})) == [cyrillic.pk]
    assert ids(anonymous.get(SOURCES, {"search": "kremlin -border"})) == [by_publisher.pk]
