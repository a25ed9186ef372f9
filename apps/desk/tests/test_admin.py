"""The editors' admin: every model's pages answer for an editor, and their query counts do not
grow with the number of rows."""

import re

import pytest
from django.contrib import admin
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import strip_tags

from apps.accounts.roles import EDITORS
from apps.claims.models import Quotation, Statement, Topic
from apps.core.services import history_note
from apps.sources.models import Correction, Publisher, Source
from apps.speakers.choices import SpeakerKind
from apps.speakers.models import Speaker
from apps.verification.choices import AttributionStatus, VerificationStatus
from apps.verification.models import Evidence, Rating, RatingScale, Verification
from tests.admin import admin_url, change_form
from tests.factories import (
    default_rating,
    make_correction,
    make_evidence,
    make_publisher,
    make_quotation,
    make_source,
    make_speaker,
    make_statement,
    make_topic,
    make_user,
    make_verification,
)
from tests.shared_rows import module_rows

pytestmark = pytest.mark.django_db

CURATED = [
    Publisher,
    Source,
    Correction,
    Speaker,
    Topic,
    Statement,
    Quotation,
    Verification,
    Evidence,
    RatingScale,
    Rating,
]
CHANGE_FORMS = [Publisher, Speaker, Statement, Verification]


def populate(rows: int) -> None:
    """`rows` of everything, linked the way real data is."""
    for _ in range(rows):
        publisher = make_publisher()
        organisation = make_speaker(kind=SpeakerKind.ORGANISATION)
        author = make_speaker(affiliation=organisation)
        source = make_source(publisher=publisher, authors=[author])
        make_correction(source=source)
        statement = make_statement(speaker=make_speaker(affiliation=organisation), topics=[make_topic()])
        make_quotation(statement=statement, source=source)
        make_quotation(statement=statement, source=make_source(publisher=publisher), reported_via=source)
        verification = make_verification(
            statement=statement,
            status=VerificationStatus.PUBLISHED,
            rating=default_rating("mostly-false"),
            summary="Not so.",
            attribution=AttributionStatus.CONFIRMED,
        )
        make_evidence(verification=verification, source=source)


def count_queries(client, url: str) -> int:
    """The queries of a page as if asked for the first time (apps.core.paginator keeps the
    planner's estimates for a minute)."""
    from apps.core.paginator import forget_plan_estimates

    forget_plan_estimates()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_every_curated_model_is_in_the_admin():
    assert all(admin.site.is_registered(model) for model in CURATED)


@pytest.fixture(scope="class")
def two_rows(django_db_setup, django_db_blocker):
    """Two rows of everything, made once for TestEveryPage, which it is scoped to
    (tests/shared_rows.py: each test runs in its own savepoint, rolled back after it)."""
    with module_rows(django_db_blocker):
        populate(2)
        yield


@pytest.mark.usefixtures("two_rows")
class TestEveryPage:
    @pytest.mark.parametrize("model", CURATED, ids=lambda model: model.__name__)
    def test_an_editor_can_open_every_page_of_every_model(self, editor_client, model):
        obj = model.objects.first()
        pages = [
            admin_url(model, "changelist"),
            admin_url(model, "changelist") + "?q=a",
            admin_url(model, "change", obj.pk),
            admin_url(model, "history", obj.pk),
        ]
        # Editors read the rating scales (admins change them); a verification starts when its
        # statement is assigned, and evidence is added on the verification's page.
        if model not in (RatingScale, Rating, Verification, Evidence):
            pages.append(admin_url(model, "add"))
        for url in pages:
            assert editor_client.get(url).status_code == 200, url


@pytest.fixture(scope="class")
def shared(django_db_setup, django_db_blocker):
    """For TestQueriesDoNotGrowWithRows, which it is scoped to."""
    with module_rows(django_db_blocker):
        editor = make_user("editor-in-test", group=EDITORS)
        client = Client()
        client.force_login(editor)
        populate(1)
        changelists = {
            model: (
                count_queries(client, admin_url(model, "changelist")),
                count_queries(client, admin_url(model, "changelist") + "?q=e"),
            )
            for model in CURATED
        }
        # Two rows: a statement's page then already lists another as possibly the same remark
        # (a page with no candidate at all makes fewer queries; one with many, no more than with one).
        populate(1)
        change_forms = {}
        for model in CHANGE_FORMS:
            obj = model.objects.first()
            client.get(admin_url(model, "change", obj.pk))  # process-wide caches (content types) filled
            change_forms[model] = (obj.pk, count_queries(client, admin_url(model, "change", obj.pk)))
        populate(29)  # 31 rows of everything for the change lists, 2 + 29 around the change forms
        yield {"editor": editor, "changelists": changelists, "change_forms": change_forms}


class TestQueriesDoNotGrowWithRows:
    """The pages' queries counted with few rows of everything, then again once the tables hold
    many more. The rows, and the counts with few, are made once for the class
    (tests/shared_rows.py), not once per model: each test runs in its own savepoint inside."""

    @pytest.fixture
    def editor(self, shared):
        return shared["editor"]

    @pytest.mark.parametrize("model", CURATED, ids=lambda model: model.__name__)
    def test_changelist_and_search_queries_do_not_grow_with_rows(self, shared, editor_client, model):
        few, few_search = shared["changelists"][model]
        assert count_queries(editor_client, admin_url(model, "changelist")) == few
        assert count_queries(editor_client, admin_url(model, "changelist") + "?q=e") == few_search

    @pytest.mark.parametrize("model", CHANGE_FORMS, ids=lambda model: model.__name__)
    def test_change_form_queries_do_not_grow_with_the_rest_of_the_table(self, shared, editor_client, model):
        pk, few = shared["change_forms"][model]
        assert count_queries(editor_client, admin_url(model, "change", pk)) == few


def test_changelist_filters_answer(editor_client):
    populate(2)
    url = admin_url(Statement, "changelist")
    for query in [
        "status=unchecked",
        "status=published",
        "verification__attribution__exact=confirmed",
        "speaker__kind__exact=person",
        "verification__rating__bucket__exact=false",
    ]:
        assert editor_client.get(f"{url}?{query}").status_code == 200, query
    response = editor_client.get(f"{url}?status=published")
    assert response.context["cl"].result_count == 2


def test_unchecked_counts_statements_without_a_verification(editor_client):
    populate(1)
    unchecked = make_statement(text="Nobody has looked at this yet.")
    response = editor_client.get(admin_url(Statement, "changelist") + "?status=unchecked")
    assert list(response.context["cl"].result_list) == [unchecked]


def test_searching_speakers_finds_aliases(editor_client):
    make_speaker(name="Vladimir Putin", aliases=["Путин", "V. V. Putin"])
    make_speaker(name="Boris Yeltsin")
    response = editor_client.get(admin_url(Speaker, "changelist") + "?q=V.+V.")
    assert [speaker.name for speaker in response.context["cl"].result_list] == ["Vladimir Putin"]


def test_searching_statements_finds_quotation_words(editor_client):
    statement = make_statement(text="Kazakhstan was an artificial country.")
    make_quotation(statement=statement, text="never had any statehood", context="“never had any statehood”")
    make_statement(text="Something else.")
    response = editor_client.get(admin_url(Statement, "changelist") + "?q=statehood")
    assert list(response.context["cl"].result_list) == [statement]


def test_the_source_page_shows_its_quotations(editor_client):
    quotation = make_quotation(text="uninhabited", context="was effectively “uninhabited” until")
    response = editor_client.get(admin_url(Source, "change", quotation.source.pk))
    assert "uninhabited" in response.content.decode()


def test_the_speaker_page_shows_their_statements(editor_client):
    statement = make_statement(text="Kazakhs never had a state of their own.")
    response = editor_client.get(admin_url(Speaker, "change", statement.speaker.pk))
    assert "Kazakhs never had a state of their own." in response.content.decode()


def test_the_statement_page_shows_every_source_that_reported_it(editor_client):
    statement = make_statement()
    first = make_quotation(statement=statement, source=make_source(title="Foreign Policy piece"))
    make_quotation(
        statement=statement, source=make_source(title="STEAR analysis"), text="a state", context="had “a state” then"
    )
    response = editor_client.get(admin_url(Statement, "change", statement.pk))
    html = response.content.decode()
    assert "Foreign Policy piece" in html and "STEAR analysis" in html
    assert admin_url(Source, "change", first.source.pk) in html


def test_a_non_verbatim_quotation_is_refused_in_the_admin_with_the_difference(editor_client):
    statement, source = make_statement(), make_source()
    response = editor_client.post(
        admin_url(Quotation, "add"),
        {
            "statement": statement.pk,
            "source": source.pk,
            "occurrence": 1,
            "mode": "direct",
            "text": "Kazakhs never had a state of there own.",
            "context": "Putin told listeners, “Kazakhs never had a state of their own.”",
        },
    )
    assert response.status_code == 200
    assert "not found verbatim in the context excerpt" in response.content.decode()
    assert not Quotation.objects.exists()


def test_a_duplicate_url_is_refused_in_the_admin_naming_the_existing_source(editor_client):
    existing = make_source(title="Kazakhstan protests: Boon or bane for Putin?", url="https://www.dw.com/en/a-60355136")
    response = editor_client.post(
        admin_url(Source, "add"),
        {
            "kind": "news_article",
            "title": "DW again",
            "slug": "dw-again",
            "url": "https://WWW.dw.com/en/a-60355136?utm_source=x",
            "published_on_precision": "unknown",
            "language": "en",
            "quotations-TOTAL_FORMS": 0,
            "quotations-INITIAL_FORMS": 0,
            "corrections-TOTAL_FORMS": 0,
            "corrections-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"(id {existing.pk})" in html and "Boon or bane for Putin?" in html
    assert Source.objects.count() == 1


def test_a_verification_cannot_be_created_published_through_the_admin_form(editor_client):
    statement = make_statement()
    response = editor_client.post(
        admin_url(Verification, "add"),
        {
            "statement": statement.pk,
            "status": "published",
            "attribution": "unconfirmed",
            "summary": "",
            "evidence-TOTAL_FORMS": 0,
            "evidence-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 403  # verifications start by assigning the statement
    assert not Verification.objects.exists()


def test_fact_checkers_cannot_change_sources_or_delete(client, fact_checker):
    source = make_source()
    client.force_login(fact_checker)
    assert client.get(admin_url(Source, "change", source.pk)).status_code == 200  # read-only view
    assert client.post(admin_url(Source, "change", source.pk), {"title": "changed"}).status_code == 403
    assert client.get(admin_url(Source, "delete", source.pk)).status_code == 403
    Source.objects.get(pk=source.pk, title=source.title)


def test_change_forms_with_many_inline_rows_cost_no_query_per_row(editor_client):
    source, statement = make_source(), make_statement()
    verification = make_verification(statement=statement)
    pages = {
        "source": (
            admin_url(Source, "change", source.pk),
            lambda: make_quotation(source=source, reported_via=make_source()),
        ),
        "statement": (admin_url(Statement, "change", statement.pk), lambda: make_quotation(statement=statement)),
        "verification": (
            admin_url(Verification, "change", verification.pk),
            lambda: make_evidence(
                verification=verification, number=verification.evidence.count() + 1, source=make_source()
            ),
        ),
    }
    for name, (url, add_row) in pages.items():
        add_row()
        one_row = count_queries(editor_client, url)
        for _ in range(9):
            add_row()
        assert count_queries(editor_client, url) <= one_row, name


def test_statements_are_filtered_by_year_said_and_by_language_whatever_its_case(editor_client):
    import datetime

    from tests.factories import make_statement

    old = make_statement(
        text="Said in 1994.", said_on=datetime.date(1994, 3, 29), said_on_precision="day", language="ru"
    )
    new = make_statement(
        text="Said in 2022.", said_on=datetime.date(2022, 1, 7), said_on_precision="day", language="en"
    )
    changelist = "/admin/claims/statement/"

    page = editor_client.get(changelist)
    cl = page.context["cl"]
    year_filter = next(spec for spec in cl.filter_specs if spec.title == "year said")
    years = [choice["display"] for choice in year_filter.choices(cl)]
    assert years[1:] == [str(year) for year in range(2022, 1993, -1)]  # after "All", newest first
    assert [s.pk for s in editor_client.get(changelist, {"said_on_year": "1994"}).context["cl"].result_list] == [old.pk]
    assert [s.pk for s in editor_client.get(changelist, {"language": "EN"}).context["cl"].result_list] == [new.pk]
    refused = editor_client.get(changelist, {"said_on_year": "1994abc"})
    assert refused.status_code == 302 and refused.url.endswith("?e=1")  # the admin's "invalid lookup" message
    # The unfiltered list it shows says why (it said nothing: the list looked filtered).
    shown = editor_client.get(refused.url)
    assert [str(message) for message in shown.context["messages"]] == [
        "A filter in this page's address was not understood (“1994abc” is not a year), so the list "
        "below is not filtered: choose the filter again on the right."
    ]


def test_a_filter_value_of_the_wrong_type_in_the_address_is_said_to_be_dropped(editor_client):
    shown = editor_client.get("/admin/claims/statement/", {"said_on__gte": "notadate"}, follow=True)
    (message,) = [str(message) for message in shown.context["messages"]]
    assert message.startswith("A filter in this page's address was not understood")
    assert "the list below is not filtered" in message


def test_the_language_filter_offers_each_code_once(editor_client):
    from apps.claims.models import Statement
    from apps.core.selectors import distinct_languages
    from tests.factories import make_statement

    for language in ("ru", "RU", "kk", ""):
        make_statement(language=language, text="Nyet.")  # too short for its language to be detected
    assert distinct_languages(Statement) == ["", "KK", "RU"]


def test_the_history_page_names_who_changed_what_and_why_without_printing_none(editor_client, editor):
    statement = make_statement(text="The border is 7,644 km long.")  # written with no account, no reason
    history_note(statement, user=editor, reason="Length checked against the treaty.")
    statement.text = "The border is 7,548 km long."
    statement.save()
    response = editor_client.get(admin_url(Statement, "history", statement.pk))
    assert response.status_code == 200
    rows = re.findall(
        r'<td class="history-user">(.*?)</td>\s*<td class="history-reason">(.*?)</td>', response.content.decode(), re.S
    )
    cells = [(" ".join(strip_tags(user).split()), reason) for user, reason in rows]
    assert cells == [  # newest first
        (editor.username, "Length checked against the treaty."),
        ("(no account)", ""),
    ]
    assert "None" not in response.content.decode()


def test_a_slug_left_blank_in_the_admin_is_made_as_the_api_makes_it(editor_client, editor_api):
    name = "Қасым-Жомарт Тоқаев"  # Kazakh Cyrillic: transliterated, not dropped
    by_api = editor_api.post("/api/v1/speakers/", {"name": name}, format="json")
    assert by_api.status_code == 201 and by_api.json()["slug"] == "qasym-zhomart-toqaev"

    page = editor_client.get(admin_url(Speaker, "add"))
    assert "Leave blank to have one made from the name" in page.content.decode()
    response = editor_client.post(admin_url(Speaker, "add"), {"kind": "person", "name": name, "slug": ""})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Speaker.objects.order_by("pk").last().slug == "qasym-zhomart-toqaev-2"  # the API's first is kept

    # A statement's slug: its speaker, year and first words, from either door.
    response = editor_client.post(
        admin_url(Statement, "add"),
        {
            "speaker": by_api.json()["id"],
            "text": "Kazakhstan and Russia share the longest continuous land border in the world.",
            "slug": "",
            "said_on": "2024-11-27",
            "said_on_precision": "day",
            "verification-TOTAL_FORMS": 0,
            "verification-INITIAL_FORMS": 0,
            "quotations-TOTAL_FORMS": 0,
            "quotations-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Statement.objects.get().slug == "qasym-zhomart-toqaev-2024-kazakhstan-and-russia-share-the-longest"


def test_a_slug_typed_in_the_admin_is_kept_and_a_taken_one_refused(editor_client):
    make_speaker(name="Vladimir Putin", slug="vladimir-putin")
    response = editor_client.post(
        admin_url(Speaker, "add"), {"kind": "person", "name": "Vladimir Putin", "slug": "vladimir-putin"}
    )
    assert response.status_code == 200
    assert "Speaker with this Slug already exists." in response.content.decode()
    response = editor_client.post(admin_url(Speaker, "add"), {"kind": "person", "name": "V. Putin", "slug": "vvp"})
    assert response.status_code == 302
    assert Speaker.objects.filter(slug="vvp", name="V. Putin").exists()


def test_a_source_page_refuses_an_archived_text_missing_a_recorded_quotation(editor_client):
    source = make_source()
    make_quotation(source=source, text="never had a state", context="they “never had a state” of their own")
    data = change_form(editor_client, source) | {"archived_text": ["A different article altogether."]}

    response = editor_client.post(admin_url(Source, "change", source.pk), data)

    assert response.status_code == 200
    errors = " ".join(str(error) for error in response.context["errors"])
    assert "1 quotation(s) of this source are not found verbatim" in errors and "never had a state" in errors
    source.refresh_from_db()
    assert source.archived_text == ""


def test_a_new_source_can_be_added_with_its_archived_text(editor_client):
    data = {
        "kind": "news_article",
        "title": "A source added with its text",
        "slug": "",
        "url": "https://example.org/added-with-text",
        "language": "en",
        "published_on_precision": "unknown",
        "archived_text": "The whole article.",
        "notes": "",
        "quotations-TOTAL_FORMS": "0",
        "quotations-INITIAL_FORMS": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
    }

    response = editor_client.post(admin_url(Source, "add"), data)

    assert response.status_code == 302, response.context and response.context.get("errors")
    assert Source.objects.get(slug="a-source-added-with-its-text").archived_text == "The whole article."
