"""sitemap.xml and robots.txt: every public page with its last change, drafts never listed, one
file up to 50,000 addresses and an index of pages beyond, a constant number of queries per page."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from apps.public import sitemaps
from apps.verification import services
from tests.factories import make_quotation, make_speaker, make_statement, make_topic
from tests.workflow import in_review, published, worked_on

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def parse(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(b"".join(response) if response.streaming else response.content)


def urls(response) -> dict[str, str | None]:
    root = parse(response)
    assert root.tag == f"{NS}urlset"
    return {
        url.find(f"{NS}loc").text: getattr(url.find(f"{NS}lastmod"), "text", None) for url in root.findall(f"{NS}url")
    }


def absolute(path: str) -> str:
    return "http://testserver" + path


@pytest.fixture
def desk(fact_checker, editor):
    topic, quiet_topic = make_topic(name="Borders"), make_topic(name="Nothing yet")
    speaker, silent = make_speaker(name="Ada"), make_speaker(name="Never quoted")
    statements = {
        state: make_statement(speaker=speaker, topics=[topic], text=f"The {state} claim.")
        for state in ("unchecked", "in_progress", "in_review", "reopened", "published")
    }
    make_quotation(statement=statements["unchecked"])
    worked_on(statements["in_progress"], fact_checker)
    in_review(statements["in_review"], fact_checker)
    reopened = published(statements["reopened"], fact_checker, editor)
    services.verification_reopen(verification=reopened, user=editor, reason="Wrong figure.")
    published(statements["published"], fact_checker, editor)
    # Statements on file, none of them checked: no fact-check for a search engine to send readers to.
    unchecked_speaker, unchecked_topic = make_speaker(name="Only drafts"), make_topic(name="Drafts only")
    worked_on(make_statement(speaker=unchecked_speaker, topics=[unchecked_topic], text="A draft."), fact_checker)
    return {**statements, "topic": topic, "quiet_topic": quiet_topic, "speaker": speaker, "silent": silent}


def test_the_sitemap_lists_every_public_page_and_no_draft(client, desk):
    listed = urls(client.get("/sitemap.xml"))
    fact_check = desk["published"]
    assert set(listed) == {
        absolute(reverse("public:home")),
        absolute(reverse("public:fact-check", args=[fact_check.pk, fact_check.slug])),
        absolute(reverse("public:speaker", args=[desk["speaker"].pk, desk["speaker"].slug])),
        absolute(reverse("public:topic", args=[desk["topic"].slug])),
    }
    page = absolute(reverse("public:fact-check", args=[fact_check.pk, fact_check.slug]))
    assert listed[page] == fact_check.verification.review_modified_at.date().isoformat()
    assert all(listed.values())


def test_every_listed_page_exists(client, desk):
    for url in urls(client.get("/sitemap.xml")):
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url


def test_beyond_the_limit_the_sitemap_is_an_index_of_pages(client, desk, fact_checker, editor, monkeypatch):
    for _ in range(2):
        published(make_statement(), fact_checker, editor)
    monkeypatch.setattr(sitemaps, "URLS_PER_FILE", 2)
    for section in sitemaps.SITEMAPS.values():
        monkeypatch.setattr(section, "limit", 2, raising=False)
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{NS}sitemapindex"
    pages = [entry.find(f"{NS}loc").text for entry in root.findall(f"{NS}sitemap")]
    fact_check_pages = [page for page in pages if "sitemap-fact-checks.xml" in page]
    assert fact_check_pages == [absolute("/sitemap-fact-checks.xml"), absolute("/sitemap-fact-checks.xml?p=2")]
    listed = {}
    for page in pages:
        listed.update(urls(client.get(page.removeprefix("http://testserver"))))
    assert len([url for url in listed if "/fact-checks/" in url]) == 3
    assert client.get("/sitemap-fact-checks.xml?p=3").status_code == 404


@pytest.mark.parametrize("url", ["/sitemap-nothing.xml", "/sitemap-fact-checks.xml?p=0", "/sitemap.xml?p=abc"])
def test_unknown_sections_and_pages_are_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_head_and_conditional_get(client, desk):
    response = client.get("/sitemap.xml")
    assert client.head("/sitemap.xml").status_code == 200
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_sitemap_page_costs_the_same_queries_for_few_or_many_pages(
    client, fact_checker, editor, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            speaker, topic = make_speaker(), make_topic()
            published(make_statement(speaker=speaker, topics=[topic]), fact_checker, editor)

    add(1)
    # sitemap.xml: the number of rows of each of the three record sections (to choose between one
    # file and an index), then the rows of each (the home page costs none).
    # A section's page: its number of rows, then its rows; the speakers' latest changes besides.
    expected = {"/sitemap.xml": 7, "/sitemap-fact-checks.xml": 2, "/sitemap-speakers.xml": 3, "/sitemap-topics.xml": 2}
    counts = {}
    for url, queries in expected.items():
        with django_assert_num_queries(queries):
            counts[url] = len(urls(client.get(url)))
    add(4)
    for url, queries in expected.items():
        with django_assert_num_queries(queries):
            assert len(urls(client.get(url))) > counts[url]


def test_robots_allows_the_public_pages_and_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for private in ("/admin/", "/api-auth/", "/api/v1/intake/", reverse("public:search")):
        assert f"Disallow: {private}" in lines
    assert "Allow: /" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert response["ETag"] and "public" in response["Cache-Control"]
