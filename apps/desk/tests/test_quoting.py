"""Entering quotations at the desk: "Quote this" from a source's archived text, a new statement
made with its first quotation, numbered occurrences, refusals that link to what they name, the
summary of errors at the top, duplicate sources and similar statements caught before saving."""

import re

import pytest

from apps.claims.models import Quotation, Statement
from apps.sources.models import Source
from tests.admin import admin_url, form_data
from tests.factories import make_quotation, make_source, make_speaker, make_statement

pytestmark = pytest.mark.django_db

ARCHIVED = (
    "Путин заявил: «Казахи никогда не имели государственности» — так он сказал 🙂 в 2014 году.\n"
    "Позже он повторил, что «Казахи никогда не имели государственности». Ещё одна фраза."
)
WORDS = "Казахи никогда не имели государственности"


def quotation_post(**fields) -> dict:
    return {"mode": "direct", "occurrence": "", "context": "", "selected_start": "", "selected_end": "", **fields}


def test_a_source_with_archived_text_offers_its_text_to_quote_from(editor_client):
    source = make_source(archived_text=ARCHIVED)
    html = editor_client.get(admin_url(Source, "change", source.pk)).content.decode()
    assert 'class="quote-panel"' in html
    assert f'data-add-url="{admin_url(Quotation, "add")}?source={source.pk}"' in html
    assert "desk/quote.js" in html and "<script>" not in html.split("</head>")[1]  # no inline script (CSP)
    # The text as stored, the first line break after <textarea> being the HTML parser's.
    assert f'data-source="{source.pk}">\n{ARCHIVED[:20]}' in html


def test_a_source_without_archived_text_shows_no_panel(editor_client):
    html = editor_client.get(admin_url(Source, "change", make_source().pk)).content.decode()
    assert 'class="quote-panel"' not in html


def test_the_quotation_form_opens_with_what_was_selected(editor_client):
    source = make_source(archived_text=ARCHIVED)
    start = ARCHIVED.index(WORDS)
    url = admin_url(Quotation, "add")
    response = editor_client.get(
        url, {"source": source.pk, "text": WORDS, "selected_start": start, "selected_end": start + len(WORDS)}
    )
    data = form_data(response, "quotation_form")
    assert data["text"] == [WORDS] and data["source"] == [str(source.pk)]
    assert data["selected_start"] == [str(start)] and data["selected_end"] == [str(start + len(WORDS))]
    assert data["occurrence"] == [""]


def test_a_quotation_with_a_new_statement_is_saved_with_its_selection(editor_client):
    source, speaker = make_source(archived_text=ARCHIVED), make_speaker(name="Vladimir Putin")
    start = ARCHIVED.index(WORDS, ARCHIVED.index(WORDS) + 1)  # the second place, after the 🙂
    response = editor_client.post(
        admin_url(Quotation, "add"),
        quotation_post(
            source=source.pk,
            new_statement_speaker=speaker.pk,
            text=WORDS,
            selected_start=start,
            selected_end=start + len(WORDS),
        ),
    )
    assert response.status_code == 302, response.context["errors"]
    quotation = Quotation.objects.get()
    assert (quotation.char_start, quotation.char_end, quotation.occurrence) == (start, start + len(WORDS), 1)
    assert quotation.context == "Позже он повторил, что «Казахи никогда не имели государственности»."
    assert (quotation.statement.speaker, quotation.statement.text) == (speaker, WORDS)


def test_a_second_place_in_the_same_source_is_numbered_and_the_same_place_is_refused_with_a_link(editor_client):
    source = make_source(archived_text=ARCHIVED)
    first = make_quotation(source=source, text=WORDS, context="")
    second_start = ARCHIVED.index(WORDS, first.char_end)
    post = quotation_post(statement=first.statement.pk, source=source.pk, text=WORDS)

    again = editor_client.post(admin_url(Quotation, "add"), post)
    html = again.content.decode()
    assert "This passage is already quoted for this statement in this source" in html
    assert f'<a href="{admin_url(Quotation, "change", first.pk)}">quotation #{first.pk}</a>' in html
    assert "duplicate data" not in html
    # At the top of the form, linking to the field.
    assert html.index('id="error-summary"') < html.index('id="id_statement"')
    assert re.search(r'<a href="#id_text">Words as printed</a>: This passage is already quoted', html)

    elsewhere = post | {"selected_start": second_start, "selected_end": second_start + len(WORDS)}
    added = editor_client.post(admin_url(Quotation, "add"), elsewhere, follow=True)
    assert added.status_code == 200
    second = Quotation.objects.order_by("pk").last()
    assert second.occurrence == 2
    # The editor is told that the source already reported it, and which number this one got.
    said = [str(message) for message in added.context["messages"]]
    assert (
        "This source already reported this statement "
        f'(<a href="{admin_url(Quotation, "change", first.pk)}">quotation #{first.pk}, occurrence 1</a>), so this '
        "quotation is occurrence 2 of it in the source."
    ) in said


def test_no_words_with_a_new_statement_is_one_error_not_two(editor_client):
    response = editor_client.post(
        admin_url(Quotation, "add"),
        quotation_post(source=make_source(archived_text=ARCHIVED).pk, new_statement_speaker=make_speaker().pk, text=""),
    )
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["text"] and errors["text"] == ["This field is required."]


def test_an_empty_excerpt_without_archived_text_is_one_error(editor_client):
    response = editor_client.post(
        admin_url(Quotation, "add"),
        quotation_post(statement=make_statement().pk, source=make_source().pk, text="never had a state"),
    )
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["context"] and len(errors["context"]) == 1


@pytest.mark.parametrize("said_on", ["2024-03", "31.03.2024", "2024-02-30"])
def test_a_date_the_form_cannot_read_is_one_error_not_two(editor_client, said_on):
    # Not followed by the date-and-precision check's "Enter a date, or set its precision to
    # “Unknown”…", which read the date as empty: one was typed.
    data = statement_add_data(editor_client, speaker=make_speaker().pk, text="Borders are fixed.")
    response = editor_client.post(
        admin_url(Statement, "add"), data | {"said_on": [said_on], "said_on_precision": ["month"]}
    )
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["said_on"] and errors["said_on"] == ["Enter a valid date."]

    source = make_source()
    data = form_data(editor_client.get(admin_url(Source, "change", source.pk)), "source_form")
    response = editor_client.post(
        admin_url(Source, "change", source.pk), data | {"published_on": [said_on], "published_on_precision": ["day"]}
    )
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["published_on"] and errors["published_on"] == ["Enter a valid date."]


def test_a_quotation_needs_a_statement_or_a_new_statements_speaker(editor_client):
    response = editor_client.post(
        admin_url(Quotation, "add"),
        quotation_post(source=make_source().pk, text="a state", context="had “a state” then"),
    )
    assert "Pick the statement these words report" in response.context["adminform"].form.errors["statement"][0]


def unnumbered_row(index, source, context):
    """The fields of the statement page's quotation row `index`, the occurrence left empty."""
    return {
        f"quotations-{index}-source": [str(source.pk)],
        f"quotations-{index}-occurrence": [""],
        f"quotations-{index}-mode": ["direct"],
        f"quotations-{index}-text": [WORDS],
        f"quotations-{index}-context": [context],
    }


def test_two_new_rows_of_one_source_on_a_statements_page_are_numbered_one_after_the_other(editor_client):
    statement, source = make_statement(), make_source(archived_text=ARCHIVED)
    page = editor_client.get(admin_url(Statement, "change", statement.pk))
    data = form_data(page, "statement_form")
    rows = {"quotations-TOTAL_FORMS": ["2"]}
    for index, occurrence_of_words in enumerate((0, 1)):
        start = ARCHIVED.index(WORDS) if occurrence_of_words == 0 else ARCHIVED.rindex(WORDS)
        end = start + len(WORDS)
        context = (
            "Путин заявил: «Казахи никогда не имели государственности»" if index == 0 else ARCHIVED[start - 5 : end]
        )
        rows |= unnumbered_row(index, source, context)
    response = editor_client.post(admin_url(Statement, "change", statement.pk), data | rows)
    assert response.status_code == 302, response.context["errors"]
    assert sorted(statement.quotations.values_list("occurrence", flat=True)) == [1, 2]


def test_rows_left_unnumbered_on_a_new_statements_or_sources_page_are_numbered(editor_client):
    # The page's own record has no id while its rows are checked: they are numbered on saving.
    first, second = make_source(archived_text=ARCHIVED), make_source()
    rows = {"quotations-TOTAL_FORMS": ["3"]}
    for index, (source, context) in enumerate(
        [(first, ARCHIVED[: ARCHIVED.index("»") + 1]), (first, ARCHIVED.split("\n")[1]), (second, f"«{WORDS}»")]
    ):
        rows |= unnumbered_row(index, source, context)
    data = statement_add_data(editor_client, speaker=make_speaker().pk, text=WORDS, said_on_precision="unknown")
    response = editor_client.post(admin_url(Statement, "add"), data | rows)  # was a server error (NOT NULL)
    assert response.status_code == 302, response.context["errors"]
    statement = Statement.objects.get()
    assert sorted(statement.quotations.values_list("source_id", "occurrence")) == [
        (first.pk, 1),
        (first.pk, 2),
        (second.pk, 1),
    ]

    data = form_data(editor_client.get(admin_url(Source, "add")), "source_form") | {
        "title": ["Another report"],
        "language": ["ru"],
        "quotations-TOTAL_FORMS": ["1"],
        "quotations-0-statement": [str(statement.pk)],
        "quotations-0-occurrence": [""],
        "quotations-0-mode": ["direct"],
        "quotations-0-text": [WORDS],
        "quotations-0-context": [f"«{WORDS}»"],
    }
    response = editor_client.post(admin_url(Source, "add"), data)
    assert response.status_code == 302, response.context["errors"]
    assert Quotation.objects.get(source__title="Another report").occurrence == 1


def test_a_source_for_the_same_page_is_refused_with_a_link_to_it(editor_client):
    existing = make_source(title="DW article", url="https://www.dw.com/en/putin/a-70981234")
    response = editor_client.post(
        admin_url(Source, "add"),
        {
            "kind": "news_article",
            "title": "DW again",
            "url": "http://dw.com/en/putin/a-70981234/",
            "published_on_precision": "unknown",
            "language": "en",
            "quotations-TOTAL_FORMS": 0,
            "quotations-INITIAL_FORMS": 0,
            "corrections-TOTAL_FORMS": 0,
            "corrections-INITIAL_FORMS": 0,
        },
    )
    html = response.content.decode()
    assert f'<a href="{admin_url(Source, "change", existing.pk)}">“DW article”</a>' in html
    assert "is the same page once http/https" in html
    assert Source.objects.count() == 1


STATEMENT_ADD = {"said_on_precision": "unknown", "language": "", "quotations-TOTAL_FORMS": 0}


def statement_add_data(editor_client, **fields) -> dict:
    data = form_data(editor_client.get(admin_url(Statement, "add")), "statement_form")
    return data | {name: [str(value)] for name, value in fields.items()}


def test_a_new_statement_like_one_of_the_speakers_is_held_back_with_links_until_confirmed(editor_client):
    putin = make_speaker(name="Vladimir Putin")
    original = make_statement(speaker=putin, text="Kazakhs never had any statehood before Nazarbayev created it.")
    unrelated = make_statement(speaker=make_speaker(), text="Kazakhs never had any statehood before Nazarbayev.")
    data = statement_add_data(
        editor_client, speaker=putin.pk, text="The Kazakhs never had any statehood before Nazarbayev created one."
    )

    held = editor_client.post(admin_url(Statement, "add"), data)
    html = held.content.decode()
    assert "This speaker already has a statement worded like this one" in html
    assert f'<a href="{admin_url(Statement, "change", original.pk)}">#{original.pk}' in html
    assert f"#{unrelated.pk} " not in html  # another speaker's
    assert 'name="save_as_new_statement"' in html
    assert Statement.objects.count() == 2

    saved = editor_client.post(admin_url(Statement, "add"), data | {"save_as_new_statement": ["1"]})
    assert saved.status_code == 302
    assert Statement.objects.count() == 3


def test_a_new_statement_unlike_the_speakers_others_is_saved_at_once(editor_client):
    putin = make_speaker(name="Vladimir Putin")
    make_statement(speaker=putin, text="Kazakhs never had any statehood before Nazarbayev created it.")
    data = statement_add_data(editor_client, speaker=putin.pk, text="Crimea has always been an inseparable part.")
    assert editor_client.post(admin_url(Statement, "add"), data).status_code == 302


def test_a_new_statement_made_on_the_quotation_form_is_held_back_when_the_speaker_said_the_like(editor_client):
    putin = make_speaker(name="Vladimir Putin")
    original = make_statement(speaker=putin, text="Kazakhs never had any statehood before Nazarbayev created it.")
    post = quotation_post(
        source=make_source().pk,
        new_statement_speaker=putin.pk,
        new_statement_text="The Kazakhs never had any statehood before Nazarbayev created one.",
        text="never had any statehood",
        context="He said the Kazakhs “never had any statehood” before.",
    )
    held = editor_client.post(admin_url(Quotation, "add"), post)
    assert f'<a href="{admin_url(Statement, "change", original.pk)}">#{original.pk}' in held.content.decode()
    assert not Quotation.objects.exists() and Statement.objects.count() == 1

    saved = editor_client.post(admin_url(Quotation, "add"), post | {"save_as_new_statement": "1"})
    assert saved.status_code == 302
    assert Quotation.objects.get().statement.text.startswith("The Kazakhs never had")
