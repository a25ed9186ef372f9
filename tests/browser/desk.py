"""Steps of the desk's work in the admin, one function each, for the browser tests to chain: each
fills the add form as an editor would, saves, checks the admin's confirmation and the row the
database now holds, and returns that row."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.text import slugify

from apps.claims.models import Quotation, Statement
from apps.sources.models import Source
from apps.speakers.models import Speaker

from .admin_ui import expect, expect_added_message, field, open_collapsed_fieldset, pick_autocomplete, save, screenshot


def _fill_leaving_slug_blank(page, name: str, text: str) -> None:
    """Fill in the field the slug is made from and leave the slug blank, as its help text
    offers: the server makes it on save, the way the API does."""
    field(page, name).fill(text)
    expect(field(page, "slug")).to_have_value("")
    expect(page.locator("#id_slug_helptext")).to_contain_text("Leave blank")


def _expect_links_to(href: str, obj) -> None:
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
    assert href == url, f"the message links to {href}, not to {url}"


def add_source(
    page,
    *,
    title: str,
    url: str,
    archived_text: str,
    kind: str = "News article",
    published_on: datetime.date | None = None,
    precision: str = "Day",
    language: str = "en",
) -> Source:
    page.goto("/admin/sources/source/add/")
    expect(page.locator("#content h1")).to_have_text("Add source")
    field(page, "kind").select_option(label=kind)
    _fill_leaving_slug_blank(page, "title", title)
    field(page, "url").fill(url)
    if published_on:
        field(page, "published_on").fill(published_on.isoformat())
        field(page, "published_on_precision").select_option(label=precision)
    field(page, "language").fill(language)
    open_collapsed_fieldset(page, "Archived text")
    field(page, "archived_text").fill(archived_text)
    screenshot(page, "source form filled in")
    save(page)

    href = expect_added_message(page, "source", title)
    source = Source.objects.get(title=title)
    _expect_links_to(href, source)
    assert source.slug == slugify(title)
    assert source.title == title
    assert source.get_kind_display() == kind
    assert source.url == url
    assert source.published_on == published_on
    assert source.get_published_on_precision_display() == (precision if published_on else "Unknown")
    assert source.language == language
    # Browsers send the textarea's line breaks as CRLF; the source stores LF.
    assert source.archived_text == archived_text
    return source


def add_speaker(page, *, name: str, kind: str = "Person", description: str = "", country: str = "") -> Speaker:
    page.goto("/admin/speakers/speaker/add/")
    expect(page.locator("#content h1")).to_have_text("Add speaker")
    field(page, "kind").select_option(label=kind)
    _fill_leaving_slug_blank(page, "name", name)
    field(page, "description").fill(description)
    field(page, "country").fill(country)
    save(page)

    href = expect_added_message(page, "speaker", name)
    speaker = Speaker.objects.get(name=name)
    _expect_links_to(href, speaker)
    assert speaker.slug == slugify(name)
    assert (speaker.name, speaker.get_kind_display(), speaker.description, speaker.country) == (
        name,
        kind,
        description,
        country,
    )
    return speaker


def add_statement(
    page,
    *,
    speaker: Speaker,
    text: str,
    said_on: datetime.date | None = None,
    precision: str = "Day",
    occasion: str = "",
    language: str = "en",
) -> Statement:
    page.goto("/admin/claims/statement/add/")
    expect(page.locator("#content h1")).to_have_text("Add statement")
    pick_autocomplete(page, "speaker", speaker.name)
    _fill_leaving_slug_blank(page, "text", text)
    if said_on:
        field(page, "said_on").fill(said_on.isoformat())
        field(page, "said_on_precision").select_option(label=precision)
    field(page, "occasion").fill(occasion)
    field(page, "language").fill(language)
    screenshot(page, "statement form filled in")
    save(page)

    statement = Statement.objects.get(text=text)
    href = expect_added_message(page, "statement", str(statement))
    _expect_links_to(href, statement)
    year = said_on.year if said_on else ""
    assert statement.slug == slugify(f"{speaker.slug} {year} {' '.join(text.split()[:6])}")
    assert statement.speaker == speaker
    assert statement.text == text
    assert statement.said_on == said_on
    assert statement.get_said_on_precision_display() == (precision if said_on else "Unknown")
    assert (statement.occasion, statement.language) == (occasion, language)
    return statement


def add_quotation(
    page,
    *,
    statement: Statement,
    source: Source,
    text: str,
    context: str,
    mode: str = "Direct quote",
    first_appearance: bool = False,
) -> Quotation:
    page.goto("/admin/claims/quotation/add/")
    expect(page.locator("#content h1")).to_have_text("Add quotation")
    # The statement's autocomplete searches its text and speaker; its results read "Speaker: text".
    pick_autocomplete(page, "statement", statement.speaker.name, choice=str(statement))
    pick_autocomplete(page, "source", source.title)
    field(page, "mode").select_option(label=mode)
    field(page, "text").fill(text)
    field(page, "context").fill(context)
    field(page, "is_first_appearance").set_checked(first_appearance)
    screenshot(page, "quotation form filled in")
    save(page)

    quotation = Quotation.objects.select_related("statement", "source").get(statement=statement, source=source)
    href = expect_added_message(page, "quotation", str(quotation))
    _expect_links_to(href, quotation)
    assert (quotation.text, quotation.context, quotation.get_mode_display()) == (text, context, mode)
    assert quotation.is_first_appearance is first_appearance
    assert quotation.occurrence == 1
    # Anchored in the source's archived text.
    assert source.archived_text[quotation.char_start : quotation.char_end] == text
    return quotation


def api_get(page, path: str, **params) -> dict:
    """GET an API endpoint with `page`'s cookies (none, for a page that never logged in)."""
    response = page.request.get(path, params=params)
    assert response.status == 200, f"GET {response.url}: {response.status} {response.text()[:500]}"
    return response.json()


# The scenario's material: a made-up council debate, so the archived text is ours to store.
SPEAKER_NAME = "Daniyar Seitkali"
STATEMENT_TEXT = "The river has marked the border since 1920, and no map says otherwise."
QUOTED_WORDS = "the river has marked the border since 1920, and no map says otherwise"
CONTEXT = f"Councillor Daniyar Seitkali told the chamber that “{QUOTED_WORDS}”."
ARCHIVED_TEXT = (
    "The regional council met on Tuesday to discuss the river border.\n"
    "\n"
    f"{CONTEXT} Officials did not respond to a request for comment.\n"
    "\n"
    "The debate continues next month."
)


@dataclass
class ReportedStatement:
    source: Source
    speaker: Speaker
    statement: Statement
    quotation: Quotation


def editor_records_a_reported_statement(page) -> ReportedStatement:
    """The first half of the desk's work, by a logged-in editor: the article with its archived
    text, the speaker, what they said, and where the article quotes it."""
    source = add_source(
        page,
        title="Council debates the river border",
        url="https://news.example.org/2024/03/council-debates-the-river-border",
        published_on=datetime.date(2024, 3, 5),
        archived_text=ARCHIVED_TEXT,
    )
    speaker = add_speaker(page, name=SPEAKER_NAME, description="Regional councillor", country="KZ")
    statement = add_statement(
        page,
        speaker=speaker,
        text=STATEMENT_TEXT,
        said_on=datetime.date(2024, 3, 5),
        occasion="Regional council debate",
    )
    quotation = add_quotation(
        page, statement=statement, source=source, text=QUOTED_WORDS, context=CONTEXT, first_appearance=True
    )
    return ReportedStatement(source=source, speaker=speaker, statement=statement, quotation=quotation)
