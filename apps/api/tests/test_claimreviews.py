import datetime
import re

import pytest
from django.utils import timezone

from apps.api.verification import claims_search
from apps.api.verification.claims_search import MAX_OFFSET, decode_page_token, encode_page_token
from apps.claims.models import Statement
from apps.ops.seed import seed_load
from apps.verification.models import Verification
from tests.api import count_queries
from tests.factories import default_rating, make_quotation, make_source, make_speaker, make_statement, make_verification
from tests.openapi import openapi_document

pytestmark = pytest.mark.django_db
PUBLISHED_AT = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.timezone.utc)


def publish(statement, rating="false", **fields):
    fields.setdefault("summary", "Not so.")
    fields.setdefault("published_at", PUBLISHED_AT)
    return make_verification(statement=statement, status="published", rating=default_rating(rating), **fields)


# ClaimReview


@pytest.fixture
def medvedev_published(db, settings):
    """Seed statement: Medvedev's deleted post calling Kazakhstan an "artificial state" (in
    progress in the seed data), given a published verdict here."""
    settings.CLAIMTRACK_ORGANISATION_NAME = "Kazakh Fact Desk"
    settings.CLAIMTRACK_ORGANISATION_URL = "https://factdesk.example.kz/"
    settings.CLAIMTRACK_REVIEW_URL_TEMPLATE = "https://factdesk.example.kz/checks/{slug}/"
    seed_load()
    statement = Statement.objects.get(slug="medvedev-2022-kazakhstan-artificial-state")
    Verification.objects.filter(statement=statement).update(
        status="published",
        rating=default_rating("false"),
        summary="False: Kazakhstan is a sovereign state recognised by the UN since 1992.",
        published_at=PUBLISHED_AT,
        review_modified_at=PUBLISHED_AT,
    )
    return statement


def test_claimreview_of_a_seed_statement_field_by_field(api_client, medvedev_published):
    response = api_client.get(f"/api/v1/statements/{medvedev_published.pk}/claimreview/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    review = response.json()
    verification = Verification.objects.get(statement=medvedev_published)
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Kazakhstan is an “artificial state”."
    assert review["url"] == "https://factdesk.example.kz/checks/medvedev-2022-kazakhstan-artificial-state/"
    assert review["datePublished"] == "2026-03-01T12:00:00Z"
    assert review["dateModified"] == verification.review_modified_at.isoformat().replace("+00:00", "Z")
    assert review["author"] == {
        "@type": "Organization",
        "name": "Kazakh Fact Desk",
        "url": "https://factdesk.example.kz/",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
        "ratingExplanation": "False: Kazakhstan is a sovereign state recognised by the UN since 1992.",
    }
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["author"] == {
        "@type": "Person",
        "name": "Dmitry Medvedev",
        "description": "Former Russian president (2008–2012); in 2022 deputy chairman of Russia's Security Council",
        "sameAs": "https://www.wikidata.org/wiki/Q23530",
    }
    assert claim["datePublished"] == "2022-08"  # known to the month only
    assert "firstAppearance" not in claim  # no quotation is marked as the first appearance
    assert [work["headline"] for work in claim["appearance"]] == [
        "The War in Ukraine Has Revealed an Independent Kazakhstan"
    ]
    assert claim["appearance"][0]["@type"] == "CreativeWork"


def test_claimreview_names_the_first_appearance_apart_from_later_ones(api_client):
    statement = make_statement(speaker=make_speaker(kind="organisation", name="Kazakh Foreign Ministry"))
    first = make_source(title="First report", url="https://example.org/first")
    later = make_source(title="Later report")
    make_quotation(statement=statement, source=first, is_first_appearance=True)
    make_quotation(statement=statement, source=later)
    make_quotation(statement=statement, source=later, occurrence=2, text="a state", context="no “a state” then")
    publish(statement, rating="unverifiable")

    claim = api_client.get(f"/api/v1/statements/{statement.pk}/claimreview/").json()

    assert claim["itemReviewed"]["author"]["@type"] == "Organization"
    assert claim["itemReviewed"]["firstAppearance"]["url"] == "https://example.org/first"
    assert [work["headline"] for work in claim["itemReviewed"]["appearance"]] == ["Later report"]
    # A label off the numeric scale carries no numbers.
    assert claim["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable", "ratingExplanation": "Not so."}


@pytest.mark.parametrize("status", ["unchecked", "in_progress", "in_review"])
def test_there_is_no_claimreview_before_publication(api_client, status):
    statement = make_statement()
    make_verification(statement=statement, status=status, rating=default_rating("false"), summary="Draft.")
    response = api_client.get(f"/api/v1/statements/{statement.pk}/claimreview/")
    assert response.status_code == 404
    assert "no published verdict" in response.json()["detail"]


def test_claimreviews_lists_published_verdicts_only_most_recently_changed_first(api_client):
    older, newer = make_statement(), make_statement()
    publish(older)
    publish(newer)
    Verification.objects.filter(statement=older).update(review_modified_at=timezone.now() - datetime.timedelta(days=2))
    make_verification(statement=make_statement(), status="in_review", rating=default_rating(), summary="Draft")

    data = api_client.get("/api/v1/claimreviews/").json()

    assert data["count"] == 2
    assert [review["claimReviewed"] for review in data["results"]] == [newer.text, older.text]


def test_claimreviews_can_be_polled_for_changes(api_client):
    old, fresh = make_statement(), make_statement()
    publish(old)
    publish(fresh)
    Verification.objects.filter(statement=old).update(
        review_modified_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
    )
    data = api_client.get("/api/v1/claimreviews/", {"modified_since": "2025-01-01T00:00:00Z"}).json()
    assert [review["claimReviewed"] for review in data["results"]] == [fresh.text]


# claims:search


SEARCH = "/api/v1/claims:search"


def test_claims_search_answers_in_the_fact_check_tools_shape(api_client, settings):
    settings.CLAIMTRACK_ORGANISATION_NAME = "Kazakh Fact Desk"
    settings.CLAIMTRACK_ORGANISATION_URL = "https://www.factdesk.example.kz/"
    statement = make_statement(
        speaker=make_speaker(name="Vladimir Putin"),
        text="The Kazakhs never had any statehood.",
        said_on=datetime.date(2014, 8, 29),
        said_on_precision="day",
        language="ru",
    )
    publish(statement, summary="False: the Kazakh Khanate was a state.")

    response = api_client.get(SEARCH, {"query": "statehood", "key": "a-google-api-key"})

    assert response.status_code == 200
    assert response.json() == {
        "claims": [
            {
                "text": "The Kazakhs never had any statehood.",
                "claimant": "Vladimir Putin",
                "claimDate": "2014-08-29T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": "Kazakh Fact Desk", "site": "factdesk.example.kz"},
                        "url": f"http://testserver/fact-checks/{statement.pk}-{statement.slug}/",
                        "title": "False: the Kazakh Khanate was a state.",
                        "reviewDate": "2026-03-01T12:00:00Z",
                        "textualRating": "False",
                        "languageCode": "en",
                    }
                ],
            }
        ]
    }


def test_claims_search_finds_published_verdicts_only(api_client):
    publish(make_statement(text="Published about borders."))
    make_verification(
        statement=make_statement(text="Draft about borders."), status="in_review", rating=default_rating(), summary="x"
    )
    make_statement(text="Unchecked about borders.")
    claims = api_client.get(SEARCH, {"query": "borders"}).json()["claims"]
    assert [claim["text"] for claim in claims] == ["Published about borders."]


def test_claims_search_filters_by_language_site_and_age(api_client, settings):
    settings.CLAIMTRACK_ORGANISATION_URL = "https://factdesk.example.kz/"
    russian = make_statement(text="Border claim in Russian.", language="ru")
    english = make_statement(text="Border claim in English.", language="en-GB")
    publish(russian, published_at=timezone.now() - datetime.timedelta(days=40))
    publish(english, published_at=timezone.now() - datetime.timedelta(days=2))

    def texts(**query):
        response = api_client.get(SEARCH, {"query": "border", **query})
        assert response.status_code == 200, response.content
        return {claim["text"] for claim in response.json()["claims"]}

    assert texts(languageCode="en-US") == {english.text}
    assert texts(languageCode="ru") == {russian.text}
    assert texts(maxAgeDays=7) == {english.text}
    assert texts(reviewPublisherSiteFilter="factdesk.example.kz") == {english.text, russian.text}
    assert texts(reviewPublisherSiteFilter="politifact.com") == set()
    assert {
        c["text"] for c in api_client.get(SEARCH, {"reviewPublisherSiteFilter": "factdesk.example.kz"}).json()["claims"]
    } == {
        english.text,
        russian.text,
    }


def test_claims_search_pages_with_next_page_token_and_offset(api_client):
    for n in range(5):
        publish(make_statement(text=f"Border claim {n}."), published_at=PUBLISHED_AT + datetime.timedelta(hours=n))

    first = api_client.get(SEARCH, {"query": "border", "pageSize": 2}).json()
    second = api_client.get(SEARCH, {"query": "border", "pageSize": 2, "pageToken": first["nextPageToken"]}).json()
    last = api_client.get(SEARCH, {"query": "border", "pageSize": 2, "pageToken": second["nextPageToken"]}).json()
    by_offset = api_client.get(SEARCH, {"query": "border", "pageSize": 2, "offset": 2}).json()

    assert [c["text"] for c in first["claims"]] == ["Border claim 4.", "Border claim 3."]
    assert [c["text"] for c in second["claims"]] == ["Border claim 2.", "Border claim 1."]
    assert [c["text"] for c in last["claims"]] == ["Border claim 0."]
    assert "nextPageToken" not in last
    assert by_offset["claims"] == second["claims"]


@pytest.mark.parametrize(
    "query,parameter",
    [
        ({}, "query"),
        ({"query": "x", "pageSize": 101}, "pageSize"),
        ({"query": "x", "pageSize": 0}, "pageSize"),
        ({"query": "x", "offset": -1}, "offset"),
        ({"query": "x", "maxAgeDays": "week"}, "maxAgeDays"),
        ({"query": "x", "pageToken": "not-a-token"}, "pageToken"),
        ({"query": "x", "pageToken": "o20 "}, "pageToken"),
        ({"query": "x", "pageToken": "b2Zmc2V0OjkyMjMzNzIwMzY4NTQ3NzU4MDg"}, "pageToken"),  # offset:9223372036854775808
        ({"query": "x", "lang": "en"}, "lang"),
    ],
)
def test_claims_search_refuses_bad_parameters_with_400(api_client, query, parameter):
    response = api_client.get(SEARCH, query)
    assert response.status_code == 400
    assert parameter in response.json()["errors"]


def test_a_page_token_that_is_not_one_is_refused_saying_so(api_client):
    response = api_client.get(SEARCH, {"query": "x", "pageToken": "b2Zmc2V0OjQw"})
    assert response.json()["errors"]["pageToken"] == [
        "“b2Zmc2V0OjQw” is not a page token; pass the nextPageToken of the last answer as it is."
    ]


def test_page_tokens_round_trip_and_reject_forgeries():
    assert decode_page_token(encode_page_token(40)) == 40
    for forged in ("", "b2Zmc2V0Oi0x", "%%%", "o", "o-1", "o1x", "40"):
        with pytest.raises(ValueError):
            decode_page_token(forged)


@pytest.mark.parametrize(
    "query,parameter",
    [
        ({"offset": "9223372036854775808"}, "offset"),  # past a bigint: a 500 on PostgreSQL
        ({"offset": str(MAX_OFFSET + 1)}, "offset"),
        ({"pageToken": f"o{MAX_OFFSET + 1}"}, "pageToken"),
        ({"pageToken": "o" + "9" * 18}, "pageToken"),
    ],
)
def test_an_offset_past_the_documented_maximum_is_a_400_that_says_the_limit(api_client, query, parameter):
    response = api_client.get(SEARCH, {"query": "kazakh", **query})
    assert response.status_code == 400, response.content
    [message] = response.json()["errors"][parameter]
    assert f"the first {MAX_OFFSET:,} results" in message


def test_the_last_offset_allowed_is_searched(api_client):
    publish(make_statement(text="Border claim."))
    for query in ({"offset": MAX_OFFSET}, {"pageToken": encode_page_token(MAX_OFFSET)}):
        response = api_client.get(SEARCH, {"query": "border", **query})
        assert response.status_code == 200, response.content
        assert response.json() == {"claims": []}


def test_no_page_token_leads_past_the_last_offset_allowed(api_client, monkeypatch):
    monkeypatch.setattr(claims_search, "MAX_OFFSET", 2)
    for n in range(4):
        publish(make_statement(text=f"Border claim {n}."))
    assert "nextPageToken" in api_client.get(SEARCH, {"query": "border", "offset": 1, "pageSize": 1}).json()
    assert "nextPageToken" not in api_client.get(SEARCH, {"query": "border", "offset": 2, "pageSize": 1}).json()


def test_the_openapi_document_gives_the_page_token_pattern_and_the_offset_maximum(api_client):
    parameters = {
        parameter["name"]: parameter["schema"]
        for parameter in openapi_document()["paths"]["/api/v1/claims:search"]["get"]["parameters"]
    }
    assert parameters["offset"]["maximum"] == MAX_OFFSET
    assert re.fullmatch(parameters["pageToken"]["pattern"].strip("^$"), encode_page_token(120))


# Rating scales


def test_rating_scales_list_their_ratings_with_values_and_buckets(api_client):
    data = api_client.get("/api/v1/rating-scales/").json()
    [scale] = data["results"]
    assert scale["slug"] == "claimtrack-five-step"
    assert scale["is_default"] is True
    assert [(r["slug"], r["value"], r["bucket"]) for r in scale["ratings"]][:2] == [
        ("true", 5, "true"),
        ("mostly-true", 4, "true"),
    ]
    detail = api_client.get(f"/api/v1/rating-scales/{scale['id']}/").json()
    assert len(detail["ratings"]) == 7


@pytest.mark.parametrize("rows", [1, 20])
def test_claimreviews_cost_the_same_queries_for_1_and_20_rows(api_client, django_assert_num_queries, rows):
    for _ in range(rows):
        statement = make_statement()
        make_quotation(statement=statement)
        publish(statement)
    # count, then statements with speaker and verdict, topics, quotations, evidence, ratings
    with django_assert_num_queries(count_queries() + 5):
        response = api_client.get("/api/v1/claimreviews/", {"page_size": 20})
    assert len(response.json()["results"]) == rows
