"""The ClaimReview JSON-LD in a fact-check page, checked against what Google's fact-check
rich results require and recommend (developers.google.com/search/docs/appearance/structured-data/
factcheck): claimReviewed, reviewRating with alternateName, url, author; itemReviewed a Claim with
its author, datePublished and appearance/firstAppearance."""

import datetime
import json
import re

import pytest
from django.urls import reverse

from tests.factories import (
    default_rating,
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_verification,
)

pytestmark = pytest.mark.django_db
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def page(statement) -> str:
    return reverse("public:fact-check", kwargs={"pk": statement.pk, "slug": statement.slug})


@pytest.fixture
def fact_check(db):
    statement = make_statement(
        speaker=make_speaker(name="Ayan Karimov", wikidata_id="Q42"),
        text="Wages rose by half </script><script>alert(1)</script> in a year.",
        said_on=datetime.date(2024, 3, 5),
        said_on_precision="day",
    )
    first = make_source(
        title="Minister on wages",
        url="https://news.example.org/wages",
        publisher=make_publisher(name="The Daily"),
        published_on=datetime.date(2024, 3, 6),
        published_on_precision="day",
    )
    later = make_source(title="Wages, again", url="https://other.example.org/wages-again")
    offline = make_source(title="A printed leaflet", url="")
    make_quotation(statement=statement, source=first, text="Wages rose by half", is_first_appearance=True)
    make_quotation(statement=statement, source=later, text="Wages rose by half")
    make_quotation(statement=statement, source=offline, text="Wages rose by half")
    make_verification(
        statement=statement,
        status="published",
        rating=default_rating("mostly-false"),
        summary="Wages rose by a tenth.",
        published_at=datetime.datetime(2026, 3, 1, 12, tzinfo=datetime.timezone.utc),
    )
    return statement


def markup(client, statement) -> dict:
    html = client.get(page(statement)).content.decode()
    scripts = JSON_LD.findall(html)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_the_page_carries_every_field_google_requires_and_recommends(client, fact_check):
    data = markup(client, fact_check)

    url = f"http://testserver{page(fact_check)}"
    assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
    assert data["url"] == url  # this page, not the API
    assert data["claimReviewed"] == fact_check.text
    assert data["datePublished"] == "2026-03-01T12:00:00Z"
    assert data["reviewRating"]["@type"] == "Rating"
    assert data["reviewRating"]["alternateName"] == "Mostly false"
    assert (data["reviewRating"]["worstRating"], data["reviewRating"]["ratingValue"]) == (1, 2)
    assert data["reviewRating"]["bestRating"] == 5
    assert data["author"]["@type"] == "Organization" and data["author"]["name"]
    claim = data["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert claim["@id"] == f"{url}#claim"
    assert claim["author"] == {"@type": "Person", "name": "Ayan Karimov", "sameAs": "https://www.wikidata.org/wiki/Q42"}
    assert claim["datePublished"] == "2024-03-05"
    assert claim["firstAppearance"]["url"] == "https://news.example.org/wages"
    assert claim["firstAppearance"]["publisher"] == {"@type": "Organization", "name": "The Daily"}
    # Each other appearance, with its URL where one is known.
    assert [work.get("url") for work in claim["appearance"]] == ["https://other.example.org/wages-again", None]
    assert claim["appearance"][1]["headline"] == "A printed leaflet"


def test_the_claims_words_cannot_close_the_script_element(client, fact_check):
    html = client.get(page(fact_check)).content.decode()
    head = html[: html.index("</head>")]
    assert "<script>alert(1)" not in head
    assert head.count("</script>") == 1


def test_the_author_is_this_site_unless_the_desk_names_its_own(client, fact_check, settings):
    settings.CLAIMTRACK_ORGANISATION_URL = ""
    settings.CLAIMTRACK_ORGANISATION_NAME = "Kazakh Fact Desk"
    assert markup(client, fact_check)["author"] == {
        "@type": "Organization",
        "name": "Kazakh Fact Desk",
        "url": "http://testserver/",
    }
    settings.CLAIMTRACK_ORGANISATION_URL = "https://factdesk.example.kz/"
    assert markup(client, fact_check)["author"]["url"] == "https://factdesk.example.kz/"


def test_a_desk_publishing_elsewhere_names_that_page_as_url_and_canonical(client, fact_check, settings):
    settings.CLAIMTRACK_REVIEW_URL_TEMPLATE = "https://factdesk.example.kz/checks/{id}/{slug}"
    expected = f"https://factdesk.example.kz/checks/{fact_check.pk}/{fact_check.slug}"
    assert markup(client, fact_check)["url"] == expected
    assert f'<link rel="canonical" href="{expected}">' in client.get(page(fact_check)).content.decode()


def test_the_api_claimreview_points_readers_at_the_page(client, fact_check):
    data = client.get(f"/api/v1/statements/{fact_check.pk}/claimreview/", HTTP_ACCEPT="application/json").json()
    assert data["url"] == f"http://testserver{page(fact_check)}"
