"""The public pages: what readers see, and that unpublished work never reaches them."""

import datetime
import re

import pytest
from django.urls import reverse, set_script_prefix

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from apps.verification import services
from apps.verification.models import Verification
from tests.factories import (
    default_rating,
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_topic,
    make_user,
    make_verification,
)
from tests.workflow import published, worked_on

pytestmark = pytest.mark.django_db


def page_url(statement) -> str:
    return reverse("public:fact-check", kwargs={"pk": statement.pk, "slug": statement.slug})


def speaker_url(speaker) -> str:
    return reverse("public:speaker", kwargs={"pk": speaker.pk, "slug": speaker.slug})


@pytest.fixture
def desk(db):
    return make_user("pages-editor", group=EDITORS), make_user("pages-checker", group=FACT_CHECKERS)


def draft_in(state: str, *, speaker, topic, desk) -> tuple:
    """A statement about borders whose verification is in `state`, with its own draft verdict,
    summary, explanation, evidence and note; returns it and the secret words its work holds."""
    editor, checker = desk
    secret = f"SECRET-{state}"
    statement = make_statement(speaker=speaker, text=f"The border claim number {state}.", topics=[topic])
    if state == "no-verification":
        return statement, secret
    if state == "unchecked":
        Verification.objects.create(statement=statement, summary=f"{secret} summary")
        return statement, secret
    if state == "reopened":
        verification = published(statement, checker, editor)
        verification = services.verification_reopen(verification=verification, user=editor, reason=f"{secret} reason")
    else:
        verification = worked_on(statement, checker)
    verification = services.verification_update(
        verification=verification,
        user=checker,
        fields={
            "rating": default_rating("mostly-true"),
            "summary": f"{secret} summary",
            "explanation": f"{secret} explanation",
        },
        evidence=[{"url": f"https://example.org/{secret}", "note": f"{secret} evidence"}],
    )
    services.verification_note_add(verification=verification, user=editor, text=f"{secret} note")
    if state == "in_review":
        services.verification_submit(verification=verification, user=checker)
    return statement, secret


DRAFT_STATES = ["no-verification", "unchecked", "in_progress", "in_review", "reopened"]


@pytest.fixture
def drafts(desk):
    """A speaker and a topic with one published fact-check and a draft in every workflow state."""
    editor, checker = desk
    speaker = make_speaker(name="Dana Borderline")
    topic = make_topic(name="Borders", slug="borders")
    public = make_statement(speaker=speaker, text="The published border claim.", topics=[topic])
    published(public, checker, editor)
    return (
        speaker,
        topic,
        public,
        {state: draft_in(state, speaker=speaker, topic=topic, desk=desk) for state in DRAFT_STATES},
    )


@pytest.mark.parametrize("state", DRAFT_STATES)
def test_a_statement_without_a_published_verdict_has_no_fact_check_page(client, drafts, state):
    statement, _ = drafts[3][state]
    assert client.get(page_url(statement)).status_code == 404


def test_a_staff_member_sees_no_draft_on_the_public_site_either(client, drafts, desk):
    client.force_login(desk[0])
    statement, _ = drafts[3]["in_review"]
    assert client.get(page_url(statement)).status_code == 404


@pytest.mark.parametrize("page", ["home", "speaker", "topic", "search", "topics"])
def test_no_page_shows_a_draft_verdict_summary_explanation_note_or_evidence(client, drafts, page):
    speaker, topic, public, by_state = drafts
    url = {
        "home": reverse("public:home"),
        "speaker": speaker_url(speaker),
        "topic": reverse("public:topic", kwargs={"slug": topic.slug}),
        "search": reverse("public:search") + "?q=border",
        "topics": reverse("public:topics"),
    }[page]
    html = client.get(url).content.decode()
    if page != "topics":
        assert page_url(public) in html  # the page does list what is published
    else:
        assert "/topics/borders/" in html  # the topic with a published fact-check is listed
    for statement, secret in by_state.values():
        assert "SECRET" not in html, f"{page} shows draft work: {secret}"
        assert page_url(statement) not in html
        assert statement.text not in html
    assert "Mostly true" not in html  # the drafts' verdict


def test_the_speaker_scorecard_counts_published_verdicts_only(client, drafts):
    speaker = drafts[0]
    html = client.get(speaker_url(speaker)).content.decode()
    assert "Checked <strong>1</strong> of 6 recorded statements" in html
    assert "True: 0; Mixed: 0; False: 1; Other: 0" in html  # the chart's description
    assert "noindex" not in html


def test_the_fact_check_page_shows_the_claim_verdict_evidence_and_every_appearance(client, desk):
    editor, checker = desk
    speaker = make_speaker(name="Ayan Karimov", description="Deputy minister", wikidata_id="Q42")
    statement = make_statement(
        speaker=speaker,
        text="The river has marked the border since 1920.",
        said_on=datetime.date(2024, 3, 5),
        said_on_precision="day",
    )
    paper = make_source(
        title="Council debates the river",
        url="https://news.example.org/river",
        publisher=make_publisher(name="The River Times"),
        published_on=datetime.date(2024, 3, 6),
        published_on_precision="day",
    )
    make_quotation(
        statement=statement,
        source=paper,
        text="marked the border since 1920",
        context="He said the river has marked the border since 1920 and sat down.",
        is_first_appearance=True,
    )
    published(statement, checker, editor)

    response = client.get(page_url(statement))

    html = response.content.decode()
    assert response.status_code == 200
    assert "“The river has marked the border since 1920.”" in html
    assert 'class="verdict verdict-large" style="background-color:#c62828;color:#ffffff">False<' in html
    assert "The statement is not accurate." in html  # what the verdict means on its scale
    assert "Not so: the treaty says otherwise." in html  # the summary
    assert "Article 2 fixes the border." in html and 'href="https://example.org/treaty"' in html
    assert "He said the river has <mark>marked the border since 1920</mark> and sat down." in html
    assert 'href="https://news.example.org/river"' in html and "The River Times, 6 March 2024" in html
    assert "First known appearance" in html and "Direct quote" in html
    assert f'<link rel="canonical" href="http://testserver{page_url(statement)}">' in html
    assert f'<meta property="og:url" content="http://testserver{page_url(statement)}">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert "Correction" not in html  # never reopened


def test_a_corrected_verdict_shows_the_correction_with_its_date_reason_and_history(client, desk):
    editor, checker = desk
    statement = make_statement(text="Exports doubled last year.")
    verification = published(statement, checker, editor)
    verification = services.verification_reopen(
        verification=verification, user=editor, reason="The customs figures were revised in May."
    )
    verification = services.verification_update(
        verification=verification, user=checker, fields={"rating": default_rating("mostly-false")}
    )
    verification = services.verification_submit(verification=verification, user=checker)
    services.verification_publish(verification=verification, user=editor)

    html = client.get(page_url(statement)).content.decode()

    assert "We changed our verdict from <strong>False</strong> to <strong>Mostly false</strong>." in html
    assert "Reason: The customs figures were revised in May." in html
    history = html[html.index('id="history-heading"') :]
    assert history.index("Republished") < history.index("Reopened for correction") < history.index("Published:")


def test_a_fact_check_address_with_an_old_slug_redirects_to_the_current_one(client, desk):
    statement = make_statement(text="Old words.")
    published(statement, *reversed(desk))
    response = client.get(f"/fact-checks/{statement.pk}-some-old-slug/")
    assert response.status_code == 301 and response["Location"] == page_url(statement)


@pytest.mark.parametrize("tail", ["-%D0%BF%D1%83%D1%82%D0%B8%D0%BD/", "/", "-x/"])
def test_a_fact_check_or_speaker_address_with_any_slug_or_none_redirects(client, desk, tail):
    statement = make_statement(text="Old words.")
    published(statement, *reversed(desk))
    response = client.get(f"/fact-checks/{statement.pk}{tail}")
    assert response.status_code == 301 and response["Location"] == page_url(statement)
    response = client.get(f"/speakers/{statement.speaker_id}{tail}")
    assert response.status_code == 301 and response["Location"] == speaker_url(statement.speaker)


def test_a_search_that_matches_nothing_says_so(client, desk):
    published(make_statement(text="The border was settled in 2005."), *reversed(desk))
    html = client.get("/search/", {"q": "zzzzqq"}).content.decode()
    assert "No fact-check matches “zzzzqq”" in html
    assert "Try fewer words, or another spelling." in html


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_writing_to_a_public_page_is_a_405_not_a_csrf_refusal(method, desk):
    from django.test import Client

    statement = make_statement(text="Words.")
    published(statement, *reversed(desk))
    client = Client(enforce_csrf_checks=True)
    for url in ("/", page_url(statement), "/search/?q=x", reverse("public:feed"), reverse("public:datafeed-csv")):
        response = getattr(client, method)(url)
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD"


def test_a_speaker_without_published_verdicts_has_a_page_with_an_empty_scorecard(client):
    speaker = make_speaker(name="Quiet Person")
    make_statement(speaker=speaker)
    html = client.get(speaker_url(speaker)).content.decode()
    assert "Checked <strong>0</strong> of 1 recorded statement<" in html
    assert "No verdict on Quiet Person has been published yet." in html
    assert '<meta name="robots" content="noindex">' in html  # no fact-check for a search engine to show


def test_pages_link_the_feeds_and_the_downloads_of_every_fact_check(client):
    speaker, topic = make_speaker(name="Linked Person"), make_topic(name="Borders")

    home = client.get(reverse("public:home")).content.decode()
    speaker_page = client.get(speaker_url(speaker)).content.decode()
    topic_page = client.get(reverse("public:topic", kwargs={"slug": topic.slug})).content.decode()

    for url in (reverse("public:feed"), reverse("public:datafeed-json"), reverse("public:datafeed-csv")):
        assert f'href="{url}"' in home
    feed = reverse("public:speaker-feed", kwargs={"pk": speaker.pk})
    assert (
        f'rel="alternate" type="application/atom+xml" title="Fact-checks of Linked Person" href="{feed}"'
        in speaker_page
    )
    assert f'href="{reverse("public:topic-feed", kwargs={"slug": topic.slug})}"' in topic_page


def test_lists_are_paged_twenty_at_a_time(client):
    for n in range(21):
        make_verification(
            statement=make_statement(text=f"Claim {n:02d}."),
            status="published",
            rating=default_rating(),
            summary="No.",
            published_at=datetime.datetime(2026, 1, 1 + n, tzinfo=datetime.timezone.utc),
        )
    first = client.get("/").content.decode()
    assert "Claim 20." in first and "Claim 01." in first and "Claim 00." not in first
    assert 'href="?page=2"' in first
    second = client.get("/?page=2").content.decode()
    assert "Claim 00." in second and "Claim 01." not in second and 'href="."' in second
    assert client.get("/?page=3").status_code == 404
    assert client.get("/?page=x").status_code == 404
    assert client.get("/?page=51").status_code == 404  # deeper than a reader pages


def test_a_search_too_long_is_refused_saying_how_long_it_may_be(client):
    response = client.get("/search/", {"q": "word " * 60})
    assert response.status_code == 400
    assert "shorten it to at most 200" in response.content.decode()


def test_the_admin_view_site_link_and_the_root_lead_to_the_public_home(admin_client):
    assert admin_client.get("/").status_code == 200
    assert '<a href="/">View site</a>' in admin_client.get("/admin/").content.decode()


def test_no_public_page_has_a_script_the_browser_would_run(client, desk):
    """The CSP refuses inline scripts (and none is needed): the only script element is the
    ClaimReview's data, which browsers never execute, so it needs no nonce."""
    statement = make_statement(text="A border claim.", topics=[make_topic(slug="borders")])
    published(statement, *reversed(desk))
    script = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
    for url in [
        "/",
        page_url(statement),
        speaker_url(statement.speaker),
        "/topics/",
        "/topics/borders/",
        "/search/?q=border",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "script-src 'self'" in response["Content-Security-Policy"]
        attributes = script.findall(response.content.decode())
        assert all(found.strip() == 'type="application/ld+json"' for found in attributes), (url, attributes)
    assert len(script.findall(client.get(page_url(statement)).content.decode())) == 1


def test_a_topic_with_drafts_only_is_not_listed(client, desk):
    editor, checker = desk
    in_review_only = make_topic(name="Drafted only", slug="drafted-only")
    from tests.workflow import in_review

    in_review(make_statement(text="A drafted claim.", topics=[in_review_only]), checker)
    published(
        make_statement(text="A published claim.", topics=[make_topic(name="Checked", slug="checked")]), checker, editor
    )
    html = client.get("/topics/").content.decode()
    assert "/topics/checked/" in html and "drafted-only" not in html


def test_an_unknown_address_answers_a_404_page_of_the_site(client):
    response = client.get("/fact-checks/999999-nothing-here/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode() and 'href="/search/"' in response.content.decode()


def test_list_links_follow_the_sites_path_prefix_and_a_renamed_slug(client, desk):
    """Links are remembered once built (apps/public/templatetags/public.py): a site served under a
    path gets its prefix in every link, and a statement given a new slug is linked at its new
    address at once."""
    topic = make_topic(name="Prefixed")
    statement = make_statement(text="The first words of a claim.", topics=[topic])
    published(statement, *reversed(desk))
    assert page_url(statement) in client.get("/").content.decode()
    set_script_prefix("/factcheck/")  # as Django's WSGI handler does for SCRIPT_NAME=/factcheck
    try:
        under_path = client.get("/").content.decode()
    finally:
        set_script_prefix("/")
    assert f'href="/factcheck{page_url(statement)}"' in under_path
    assert f'href="/factcheck{speaker_url(statement.speaker)}"' in under_path
    assert f'href="/factcheck{reverse("public:topic", kwargs={"slug": topic.slug})}"' in under_path
    old_url = page_url(statement)
    statement.slug = "entirely-other-words"
    statement.save()
    home = client.get("/").content.decode()
    assert page_url(statement) in home and old_url not in home
