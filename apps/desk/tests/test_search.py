"""The admin's search boxes and autocompletes: the best match first, on either database, and
sorting by a column still possible."""

import pytest
from django.urls import reverse

from apps.claims.models import Quotation, Statement
from apps.speakers.models import Speaker
from tests.admin import admin_url
from tests.factories import make_quotation, make_speaker, make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def putins(db):
    """Speakers whose role mentions Putin, created first and sorting first by name."""
    return {
        "allies": make_speaker(name="Allies in the Kremlin (unnamed)", description="People close to Vladimir Putin"),
        "questioner": make_speaker(name="An unnamed questioner", description="Asked Putin at a press conference"),
        "putin": make_speaker(name="Vladimir Putin", aliases=["Путин"]),
    }


def names(response) -> list[str]:
    return [str(obj) for obj in response.context["cl"].result_list]


def test_the_speakers_changelist_lists_the_named_speaker_before_mentions(editor_client, putins):
    found = names(editor_client.get(admin_url(Speaker, "changelist"), {"q": "Putin"}))

    assert found[0] == "Vladimir Putin"
    assert set(found) == {"Vladimir Putin", "Allies in the Kremlin (unnamed)", "An unnamed questioner"}


def test_a_searched_changelist_still_sorts_by_the_column_asked_for(editor_client, putins):
    url = admin_url(Speaker, "changelist")
    by_name = editor_client.get(url).context["cl"].list_display.index("name")
    found = names(editor_client.get(url, {"q": "Putin", "o": str(by_name)}))

    assert found == sorted(found)


def test_the_speaker_picker_offers_the_named_speaker_first(editor_client, putins):
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "claims", "model_name": "statement", "field_name": "speaker", "term": "putin"},
    )

    assert response.status_code == 200, response.content
    assert [row["text"] for row in response.json()["results"]][0] == "Vladimir Putin"


def test_the_speaker_picker_finds_a_misspelt_name_and_a_name_in_cyrillic(editor_client, putins):
    medvedev = make_speaker(name="Dmitry Medvedev", aliases=["Дмитрий Медведев"])
    picker = lambda term: [  # noqa: E731
        row["id"]
        for row in editor_client.get(
            reverse("admin:autocomplete"),
            {"app_label": "claims", "model_name": "statement", "field_name": "speaker", "term": term},
        ).json()["results"]
    ]

    assert picker("Medvedv") == [str(medvedev.pk)]
    assert picker("медведев") == [str(medvedev.pk)]
    assert picker("путин") == [str(putins["putin"].pk)]


def test_the_statements_changelist_lists_words_in_the_text_before_a_speakers_name(editor_client, putins):
    by_putin = make_statement(speaker=putins["putin"], text="Kazakhs never had any statehood.")
    about_putin = make_statement(text="Historians answered Putin's remark.")
    quoted = make_statement(text="A paraphrase of the remark.")
    make_quotation(statement=quoted, text="as Putin put it", context="It was, as Putin put it, a gift.")

    found = list(editor_client.get(admin_url(Statement, "changelist"), {"q": "putin"}).context["cl"].result_list)

    assert found[0] == about_putin
    assert set(found) == {by_putin, about_putin, quoted}


def test_the_quotations_changelist_takes_a_quoted_phrase(editor_client):
    gift = make_quotation(text="a gift from Russia", context="It was “a gift from Russia”, he said.")
    make_quotation(text="Russia sent a gift", context="Russia sent a gift from its reserves.")

    found = list(
        editor_client.get(admin_url(Quotation, "changelist"), {"q": '"gift from Russia"'}).context["cl"].result_list
    )

    assert found == [gift]
    excluded = editor_client.get(admin_url(Quotation, "changelist"), {"q": "gift -reserv"}).context["cl"]
    assert list(excluded.result_list) == [gift]


def test_the_source_picker_and_list_search_as_the_api_does_title_first_and_an_address_as_given(editor_client):
    from apps.sources.models import Source
    from tests.factories import make_publisher, make_source

    by_publisher = make_source(title="Annual report", publisher=make_publisher(name="Borders Weekly"))
    by_title = make_source(title="ГРАНИЦЫ и Borders of the steppe", url="https://example.org/steppe-borders")

    picker = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "claims", "model_name": "quotation", "field_name": "source", "term": "borders"},
    )
    assert picker.status_code == 200, picker.content
    assert [int(row["id"]) for row in picker.json()["results"]] == [by_title.pk, by_publisher.pk]
    # Case folding beyond ASCII, on every database.
    assert names(editor_client.get(admin_url(Source, "changelist"), {"q": "границы"})) == [str(by_title)]
    # A pasted address is looked up in the addresses.
    assert names(editor_client.get(admin_url(Source, "changelist"), {"q": "example.org/steppe"})) == [str(by_title)]
