"""Each public page costs the same queries whatever its length: a list of 1 or 20 fact-checks,
a fact-check with 1 or 20 appearances and pieces of evidence (no query per row)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.core.paginator import forget_plan_estimates
from tests.factories import (
    default_rating,
    make_evidence,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_topic,
    make_verification,
)

pytestmark = pytest.mark.django_db


def fact_checks(count: int, *, speaker, topic) -> list:
    statements = []
    for n in range(count):
        statement = make_statement(speaker=speaker, text=f"Border claim {n}.", topics=[topic, make_topic()])
        make_quotation(statement=statement, source=make_source())
        verification = make_verification(
            statement=statement,
            status="published",
            rating=default_rating(),
            summary="Not so.",
            published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc),
        )
        make_evidence(verification=verification, number=1)
        statements.append(statement)
    return statements


def queries(client, url: str) -> list[str]:
    """The queries of `url` asked for the first time (no planner's estimate kept from before)."""
    forget_plan_estimates()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


# Queries of each page (anonymous reader, so no session):
# home: the page of fact-checks, their topics; the speakers of the latest ones, those speakers;
#       the topics with their counts
# speaker: the speaker (with affiliation), the scorecard's counts, the page, its topics
# topic: the topic, the page, its topics
# search: the statement search's own queries (apps.claims.selectors.statements_matching: e.g. which
#       words name a speaker), the page of matches, its topics; not counted exactly here, as that
#       search has its own tests, but the same for 1 and for 20 rows
LIST_PAGES = {"home": 5, "speaker": 4, "topic": 3, "search": None}


@pytest.mark.parametrize("page", LIST_PAGES)
def test_each_list_page_costs_the_same_queries_for_1_and_20_fact_checks(client, page):
    speaker = make_speaker(name="Dana Borderline")
    topic = make_topic(name="Borders", slug="borders")
    url = {
        "home": reverse("public:home"),
        "speaker": reverse("public:speaker", kwargs={"pk": speaker.pk, "slug": speaker.slug}),
        "topic": reverse("public:topic", kwargs={"slug": "borders"}),
        "search": reverse("public:search") + "?q=border",
    }[page]
    fact_checks(1, speaker=speaker, topic=topic)
    one = queries(client, url)
    fact_checks(19, speaker=speaker, topic=topic)
    twenty = queries(client, url)
    assert client.get(url).content.decode().count('class="card"') == 20
    assert len(one) == len(twenty), "\n".join(twenty)
    if LIST_PAGES[page] is not None:
        assert len(twenty) == LIST_PAGES[page], "\n".join(twenty)


@pytest.mark.parametrize("rows", [1, 20])
def test_a_fact_check_page_costs_the_same_queries_for_1_and_20_appearances_and_evidence(client, rows):
    statement = make_statement(text="The border claim.")
    verification = make_verification(
        statement=statement, status="published", rating=default_rating(), summary="Not so.", published_at=None
    )
    for n in range(rows):
        make_quotation(statement=statement, source=make_source())
        make_evidence(verification=verification, number=n + 1)
    # The statement with speaker, verdict and scale; its topics, quotations (with sources and
    # publishers), evidence, the scale's ratings; the verdict's history records and their ratings.
    made = queries(client, reverse("public:fact-check", kwargs={"pk": statement.pk, "slug": statement.slug}))
    assert len(made) == 7, "\n".join(made)
