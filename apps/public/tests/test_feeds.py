"""The Atom feeds: what enters them (published verdicts only, whatever state other work is in),
what an entry says (its link, dates, a correction), one feed per speaker and topic, 404 for
unknown ones, and a constant number of queries."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from apps.verification import services
from tests.factories import make_quotation, make_speaker, make_statement, make_topic
from tests.workflow import in_review, published, worked_on

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response) -> list:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def links(response) -> list[str]:
    return [entry.find(f"{ATOM}link").get("href") for entry in entries(response)]


def page_of(statement) -> str:
    return "http://testserver" + reverse("public:fact-check", args=[statement.pk, statement.slug])


@pytest.fixture
def desk(fact_checker, editor):
    """A statement in every state of the workflow, and one reopened after publication."""
    speaker = make_speaker(name="Ada Example")
    topic = make_topic(name="Borders")
    statements = {
        state: make_statement(speaker=speaker, topics=[topic], text=f"The {state} claim about the border.")
        for state in ("unchecked", "in_progress", "in_review", "published", "reopened")
    }
    make_quotation(statement=statements["unchecked"])
    worked_on(statements["in_progress"], fact_checker)
    in_review(statements["in_review"], fact_checker)
    published(statements["published"], fact_checker, editor)
    reopened = published(statements["reopened"], fact_checker, editor)
    services.verification_reopen(verification=reopened, user=editor, reason="The figure was wrong.")
    return statements


@pytest.mark.parametrize("feed", ["site", "speaker", "topic"])
def test_only_published_verdicts_enter_a_feed(client, desk, feed):
    statement = desk["published"]
    url = {
        "site": reverse("public:feed"),
        "speaker": reverse("public:speaker-feed", args=[statement.speaker_id]),
        "topic": reverse("public:topic-feed", args=[statement.topics.get().slug]),
    }[feed]
    assert links(client.get(url)) == [page_of(statement)]


def test_an_entry_links_to_the_page_and_gives_the_verdict_and_its_dates(client, desk):
    statement = desk["published"]
    verification = statement.verification
    (entry,) = entries(client.get(reverse("public:feed")))
    assert entry.find(f"{ATOM}link").get("href") == page_of(statement)
    assert entry.find(f"{ATOM}updated").text.startswith(verification.review_modified_at.strftime("%Y-%m-%dT%H:%M"))
    assert entry.find(f"{ATOM}published").text.startswith(verification.published_at.strftime("%Y-%m-%dT%H:%M"))
    title = entry.find(f"{ATOM}title").text
    assert "Ada Example" in title and verification.rating.label in title and "Corrected" not in title
    assert verification.summary in entry.find(f"{ATOM}summary").text


def test_a_corrected_verdict_comes_back_to_the_top_marked_as_a_correction(client, desk, fact_checker, editor):
    reopened = desk["reopened"]
    verification = services.verification_update(
        verification=reopened.verification,
        user=fact_checker,
        fields={"summary": "Corrected: the treaty was signed in 1992."},
    )
    services.verification_submit(verification=verification, user=fact_checker)
    services.verification_publish(verification=reopened.verification, user=editor)

    first, second = entries(client.get(reverse("public:feed")))
    assert first.find(f"{ATOM}link").get("href") == page_of(reopened)
    assert first.find(f"{ATOM}title").text.startswith("Corrected: ")
    summary = first.find(f"{ATOM}summary").text
    assert "Correction" in summary and "the treaty was signed in 1992" in summary
    assert "Corrected" not in second.find(f"{ATOM}title").text


def test_text_from_the_desk_is_escaped_in_the_entry(client, fact_checker, editor):
    statement = make_statement(text="He said <script>alert(1)</script> & more.")
    published(statement, fact_checker, editor)
    (entry,) = entries(client.get(reverse("public:feed")))
    summary = entry.find(f"{ATOM}summary").text
    assert "<script>" not in summary and "&lt;script&gt;" in summary


def test_a_speakers_feed_holds_only_their_fact_checks(client, fact_checker, editor):
    ada, bob = make_speaker(name="Ada"), make_speaker(name="Bob")
    hers, his = make_statement(speaker=ada), make_statement(speaker=bob)
    published(hers, fact_checker, editor)
    published(his, fact_checker, editor)
    assert links(client.get(reverse("public:speaker-feed", args=[ada.pk]))) == [page_of(hers)]
    topic = make_topic()
    his.topics.add(topic)
    assert links(client.get(reverse("public:topic-feed", args=[topic.slug]))) == [page_of(his)]


def test_a_speaker_or_topic_without_fact_checks_has_an_empty_feed(client):
    speaker, topic = make_speaker(), make_topic()
    assert entries(client.get(reverse("public:speaker-feed", args=[speaker.pk]))) == []
    assert entries(client.get(reverse("public:topic-feed", args=[topic.slug]))) == []


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/speakers/999999.atom",
        "/feeds/speakers/99999999999999999999999999.atom",
        "/feeds/speakers/abc.atom",
        "/feeds/topics/no-such-topic.atom",
        "/feeds/topics/%E2%80%AE.atom",
        "/feeds/everything.atom",
    ],
)
def test_an_unknown_speaker_or_topic_is_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_head_answers_like_get_without_a_body(client, desk):
    response = client.head(reverse("public:feed"))
    assert response.status_code == 200
    assert response["ETag"] and response.content == b""


def test_a_feed_costs_the_same_queries_for_one_entry_or_many(client, fact_checker, editor, django_assert_num_queries):
    speaker, topic = make_speaker(), make_topic()
    published(make_statement(speaker=speaker, topics=[topic]), fact_checker, editor)
    urls = [
        reverse("public:feed"),
        reverse("public:speaker-feed", args=[speaker.pk]),
        reverse("public:topic-feed", args=[topic.slug]),
    ]
    # The stamp (cache) costs no query here; then:
    #   site: the entries (speaker, verdict, correction date joined), their topics
    #   speaker/topic: the speaker or topic, then the same two
    expected = {urls[0]: 2, urls[1]: 3, urls[2]: 3}
    for url in urls:
        with django_assert_num_queries(expected[url]):
            assert len(entries(client.get(url))) == 1
    for _ in range(4):
        published(make_statement(speaker=speaker, topics=[topic, make_topic()]), fact_checker, editor)
    for url in urls:
        with django_assert_num_queries(expected[url]):
            assert len(entries(client.get(url))) == 5
