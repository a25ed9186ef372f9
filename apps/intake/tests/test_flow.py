"""Intake end to end, through the services, the admin, the API and the command: an article in,
its quotations suggested, each accepted (creating what it needs, anchored, with history) or
rejected (and remembered)."""

import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from apps.claims.models import Quotation, Statement
from apps.claims.services import source_set_archived_text
from apps.core.services import ActionRefused
from apps.intake import services
from apps.intake.models import Decision, Intake
from apps.intake.types import IntakeError
from apps.sources.models import Source
from apps.speakers.models import Speaker
from tests.factories import make_source, make_speaker, make_statement

pytestmark = pytest.mark.django_db

# Written for these tests (an invented story): two attributed direct quotations and a partial one.
ARTICLE = """Harbour town votes to rebuild its old sea wall

The council of Kellby voted on Tuesday to rebuild the sea wall that failed in last winter's storms.

“We cannot ask people to live behind a wall we know will fail,” said Maria Lindqvist, the council's leader. “The work starts in spring.”

The opposition leader, Tomas Berg, called the plan “a blank cheque for the builders” and said he would ask for an audit.
"""

HTML_PAGE = """<!doctype html><html lang="en"><head><title>Harbour town votes to rebuild its old sea wall</title>
<link rel="canonical" href="https://news.example.org/kellby-sea-wall">
<meta name="author" content="Anna Holm"><meta property="article:published_time" content="2026-03-04">
<meta property="og:site_name" content="Example News"></head><body><article><h1>Harbour town votes to rebuild its old sea wall</h1>
<p>The council of Kellby voted on Tuesday to rebuild the sea wall that failed in last winter's storms, after a debate of six hours in the town hall.</p>
<p>“We cannot ask people to live behind a wall we know will fail,” said Maria Lindqvist, the council's leader. “The work starts in spring.”</p>
<p>The opposition leader, Tomas Berg, called the plan “a blank cheque for the builders” and said he would ask for an audit of the costs.</p>
</article></body></html>"""


def _by_words(intake: Intake, start: str):
    return next(suggestion for suggestion in intake.suggestions.all() if suggestion.text.startswith(start))


def test_bringing_an_article_in_suggests_its_quotations_and_stores_nothing_else(editor):
    intake = services.intake_create(user=editor, text=ARTICLE)

    words = [suggestion.text for suggestion in intake.suggestions.all()]
    assert "We cannot ask people to live behind a wall we know will fail," in words
    assert "a blank cheque for the builders" in words
    for suggestion in intake.suggestions.all():
        assert intake.text[suggestion.char_start : suggestion.char_end] == suggestion.text
    assert intake.title == "Harbour town votes to rebuild its old sea wall"
    assert intake.language == "en"
    assert not Source.objects.exists() and not Quotation.objects.exists() and not Statement.objects.exists()


def test_accepting_creates_source_speaker_statement_and_quotation_anchored_with_history(editor):
    intake = services.intake_create(user=editor, text=ARTICLE)
    suggestion = _by_words(intake, "We cannot ask")
    assert suggestion.speaker_name == "Maria Lindqvist"

    quotation = services.suggestion_accept(suggestion=suggestion, user=editor)

    source = Source.objects.get()
    assert source.title == intake.title and source.archived_text == intake.text
    assert (quotation.char_start, quotation.char_end) == (suggestion.char_start, suggestion.char_end)
    assert quotation.statement.speaker.name == "Maria Lindqvist"
    assert quotation.statement.text == suggestion.text
    assert quotation.history.get().history_change_reason == f"From intake #{intake.pk}"
    assert quotation.history.get().history_user == editor
    suggestion.refresh_from_db()
    assert (suggestion.decision, suggestion.quotation, suggestion.decided_by) == (Decision.ACCEPTED, quotation, editor)

    second = services.suggestion_accept(suggestion=_by_words(intake, "a blank cheque"), user=editor)
    assert second.source == source  # one source for the article, however many quotations


def test_a_speaker_and_statement_on_file_are_matched_and_reused(editor):
    lindqvist = make_speaker(name="Maria Lindqvist")
    statement = make_statement(speaker=lindqvist, text="We cannot ask people to live behind a wall we know will fail.")

    intake = services.intake_create(user=editor, text=ARTICLE)
    suggestion = _by_words(intake, "We cannot ask")
    assert suggestion.speaker == lindqvist
    assert suggestion.statement == statement

    quotation = services.suggestion_accept(suggestion=suggestion, user=editor)
    assert quotation.statement == statement
    assert Speaker.objects.filter(name="Maria Lindqvist").count() == 1


RUSSIAN_ARTICLE = """Песков прокомментировал переговоры с Астаной

Пресс-секретарь Кремля Дмитрий Песков заявил в среду, что переговоры с Казахстаном идут «в конструктивном ключе». «Мы рассчитываем на скорое соглашение по транзиту», — сказал Песков журналистам.

По словам политолога Андрея Суздальцева, стороны «близки к компромиссу».
"""


def test_a_russian_article_is_read_in_russian_and_its_speakers_matched_across_scripts(editor):
    peskov = make_speaker(name="Dmitry Peskov")
    intake = services.intake_create(user=editor, text=RUSSIAN_ARTICLE)
    assert intake.language == "ru"
    assert intake.names == ["Дмитрий Песков", "Андрей Суздальцев"]
    said = _by_words(intake, "Мы рассчитываем на скорое соглашение по транзиту")
    assert said.speaker == peskov  # the speaker on file, spelt in Latin letters
    quotation = services.suggestion_accept(suggestion=_by_words(intake, "близки к компромиссу"), user=editor)
    # a new speaker is filed in the nominative, as the desk files names
    assert quotation.statement.speaker.name == "Андрей Суздальцев"
    assert Speaker.objects.filter(name="Dmitry Peskov").count() == 1


def test_edited_words_must_be_printed_in_the_article_and_nothing_is_half_written(editor):
    intake = services.intake_create(user=editor, text=ARTICLE)
    suggestion = _by_words(intake, "We cannot ask")
    choice = services.suggested_choice(suggestion)
    choice.words = "We cannot ask people to live behind a wall that will fail"

    with pytest.raises(ValidationError) as refused:
        services.suggestion_accept(suggestion=suggestion, user=editor, choice=choice)
    assert "words" in refused.value.message_dict
    assert "as printed" in " ".join(refused.value.message_dict["words"])
    assert not Source.objects.exists() and not Speaker.objects.exists() and not Statement.objects.exists()
    suggestion.refresh_from_db()
    assert suggestion.decision == Decision.PENDING


def test_edited_words_not_printed_are_compared_with_the_suggestions_own_passage(editor):
    filler = "The harbour master gave the figures for the last ten winters, one storm at a time. " * 6
    article = ARTICLE.replace("The opposition leader", f"{filler}\n\nThe opposition leader")
    intake = services.intake_create(user=editor, text=article)
    suggestion = _by_words(intake, "a blank cheque")
    choice = services.suggested_choice(suggestion)
    # Words added in front that also open another quotation, far above this one.
    choice.words = "We cannot sign a blank cheque for the builders"

    with pytest.raises(ValidationError) as refused:
        services.suggestion_accept(suggestion=suggestion, user=editor, choice=choice)

    message = " ".join(refused.value.message_dict["words"])
    assert "ask people" not in message  # the other quotation's words are not the comparison
    assert "where the article's text has «lled the plan “a blank c»" in message


def test_a_statement_by_someone_else_is_refused(editor):
    other = make_statement(speaker=make_speaker(name="Someone Else"), text="A wall will fail.")
    intake = services.intake_create(user=editor, text=ARTICLE)
    choice = services.suggested_choice(_by_words(intake, "We cannot ask"))
    choice.statement = other

    with pytest.raises(ValidationError, match="is by Someone Else"):
        services.suggestion_accept(suggestion=_by_words(intake, "We cannot ask"), user=editor, choice=choice)


def test_a_decided_suggestion_cannot_be_decided_again(editor, second_editor):
    intake = services.intake_create(user=editor, text=ARTICLE)
    suggestion = _by_words(intake, "We cannot ask")
    services.suggestion_reject(suggestion=suggestion, user=editor)

    with pytest.raises(ActionRefused, match="already rejected by editor-in-test"):
        services.suggestion_accept(suggestion=suggestion, user=second_editor)
    assert not Quotation.objects.exists()


def test_rejected_and_accepted_quotations_are_not_suggested_again_for_the_same_page(editor):
    first = services.intake_create(user=editor, data=HTML_PAGE.encode(), filename="kellby.html")
    assert first.url == "https://news.example.org/kellby-sea-wall"
    services.suggestion_reject(suggestion=_by_words(first, "a blank cheque"), user=editor)
    services.suggestion_accept(suggestion=_by_words(first, "We cannot ask"), user=editor)

    again = services.intake_create(user=editor, data=HTML_PAGE.encode(), filename="kellby.html")

    assert again.source == Source.objects.get() and again.source_was_on_file
    words = [suggestion.text for suggestion in again.suggestions.all()]
    assert "a blank cheque for the builders" not in words
    assert "We cannot ask people to live behind a wall we know will fail," not in words
    assert "The work starts in spring." in words


def test_the_source_is_made_from_the_pages_metadata(editor):
    intake = services.intake_create(user=editor, data=HTML_PAGE.encode(), filename="kellby.html")
    services.suggestion_accept(suggestion=_by_words(intake, "We cannot ask"), user=editor)

    source = Source.objects.select_related("publisher").get()
    assert source.url == "https://news.example.org/kellby-sea-wall"
    assert str(source.published_on) == "2026-03-04"
    assert source.publisher.name == "Example News"
    assert [author.name for author in source.authors.all()] == ["Anna Holm"]


def test_a_page_already_on_file_is_recognised_and_its_archived_text_used(editor):
    on_file = make_source(title="Kellby wall", url="https://news.example.org/kellby-sea-wall", archived_text=ARTICLE)

    intake = services.intake_create(user=editor, data=HTML_PAGE.encode(), filename="kellby.html")

    assert intake.source == on_file and intake.source_was_on_file
    assert intake.text == ARTICLE  # offsets index the text the quotations are anchored in
    quotation = services.suggestion_accept(suggestion=_by_words(intake, "We cannot ask"), user=editor)
    assert quotation.source == on_file and Source.objects.count() == 1


def test_a_page_brought_in_twice_before_it_changed_is_quoted_where_the_sources_text_prints_the_words(editor):
    # Two intakes of the same page, read before and after it was updated; the first to accept
    # made the source with its text. Every suggestion of the second was refused ("The words do
    # not match the selection in the archived text"): its offsets index its own text.
    before = services.intake_create(user=editor, data=HTML_PAGE.encode(), filename="kellby.html")
    updated = HTML_PAGE.replace("after a debate of six hours", "after a long and bitter debate of six hours")
    after = services.intake_create(user=editor, data=updated.encode(), filename="kellby.html")
    services.suggestion_accept(suggestion=_by_words(before, "We cannot ask"), user=editor)

    quotation = services.suggestion_accept(suggestion=_by_words(after, "a blank cheque"), user=editor)

    source = Source.objects.get()
    assert quotation.source == source and source.archived_text == before.text != after.text
    assert source.archived_text[quotation.char_start : quotation.char_end] == "a blank cheque for the builders"
    suggestion = _by_words(after, "a blank cheque")  # its place stays the one in the text it was read in
    assert after.text[suggestion.char_start : suggestion.char_end] == "a blank cheque for the builders"


def test_a_sources_archived_text_edited_after_the_intake_is_where_the_quotation_is_anchored(editor):
    first = services.intake_create(user=editor, data=HTML_PAGE.encode(), filename="kellby.html")
    services.suggestion_accept(suggestion=_by_words(first, "We cannot ask"), user=editor)
    again = services.intake_create(user=editor, data=HTML_PAGE.encode(), filename="kellby.html")
    source = Source.objects.get()
    source_set_archived_text(source=source, archived_text="Updated on 5 March.\n\n" + source.archived_text)

    quotation = services.suggestion_accept(suggestion=_by_words(again, "a blank cheque"), user=editor)

    source.refresh_from_db()
    assert source.archived_text[quotation.char_start : quotation.char_end] == "a blank cheque for the builders"


def test_words_the_sources_archived_text_no_longer_prints_are_refused_naming_it(editor):
    before = services.intake_create(user=editor, data=HTML_PAGE.encode(), filename="kellby.html")
    updated = HTML_PAGE.replace("a blank cheque for the builders", "a gift to the builders")
    after = services.intake_create(user=editor, data=updated.encode(), filename="kellby.html")
    services.suggestion_accept(suggestion=_by_words(after, "We cannot ask"), user=editor)

    with pytest.raises(ValidationError, match="archived text of the source"):
        services.suggestion_accept(suggestion=_by_words(before, "a blank cheque"), user=editor)
    assert Quotation.objects.count() == 1 and _by_words(before, "a blank cheque").decision == Decision.PENDING


def test_accept_all_accepts_what_names_a_speaker(editor):
    intake = services.intake_create(user=editor, text=ARTICLE)

    result = services.intake_accept_all(intake=intake, user=editor)

    left = result.without_speaker + result.to_check
    assert len(result.accepted) + len(left) == intake.suggestions.count()
    assert Quotation.objects.count() == len(result.accepted) >= 2
    assert not intake.suggestions.filter(decision=Decision.PENDING).exclude(pk__in=[s.pk for s in left])


# Written for this test: a named person the sentence reads plainly, and an unnamed speaker.
CHECKED_ARTICLE = """Ferry fares rise again

“Fares will rise by six per cent in April,” said Elena Marsh, the ferry company's chief executive.

“Nobody asked us,” one passenger said as she waited for the evening boat.
"""


def test_a_speaker_marked_for_a_check_is_shown_and_left_out_of_accept_all(editor, client):
    intake = services.intake_create(user=editor, text=CHECKED_ARTICLE)
    named, unnamed = _by_words(intake, "Fares will rise"), _by_words(intake, "Nobody asked us")
    assert named.speaker_name == "Elena Marsh" and not named.speaker_check
    assert unnamed.speaker_check.startswith("an unnamed speaker")

    client.force_login(editor)
    page = client.get(reverse("admin:intake_intake_change", args=[intake.pk])).content.decode()
    assert "Check the speaker:</strong> an unnamed speaker" in page
    assert "Accept the 1 sure one as suggested" in page
    # whoever it was, the speaker field offers the names the article gives
    assert 'list="intake-speakers"' in page and '<option value="Elena Marsh">' in page

    result = services.intake_accept_all(intake=intake, user=editor)
    assert [s.number for s in result.accepted] == [named.number]
    assert [s.number for s in result.to_check] == [unnamed.number]
    unnamed.refresh_from_db()
    assert unnamed.decision == Decision.PENDING and Quotation.objects.count() == 1


def test_only_those_who_may_add_quotations_bring_articles_in(fact_checker, editor):
    with pytest.raises(PermissionDenied, match="claims.add_quotation"):
        services.intake_create(user=fact_checker, text=ARTICLE)
    intake = services.intake_create(user=editor, text=ARTICLE)
    with pytest.raises(PermissionDenied):
        services.suggestion_accept(suggestion=intake.suggestions.first(), user=fact_checker)


@pytest.mark.parametrize(
    "given, message",
    [
        ({}, "Give the article one way"),
        ({"url": "https://example.org/a", "text": ARTICLE}, "one way only"),
        ({"data": b"", "filename": "empty.html"}, "empty"),
        ({"data": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "filename": "a.pdf"}, "PDF"),
        ({"url": "http://127.0.0.1:9/article"}, "private"),
        ({"url": "ftp://example.org/article"}, "http"),
    ],
)
def test_bad_input_says_what_is_wrong_and_stores_nothing(editor, given, message):
    with pytest.raises(IntakeError) as refused:
        services.intake_create(user=editor, **given)
    assert message.lower() in str(refused.value).lower()
    assert not Intake.objects.exists()


# --- The admin -------------------------------------------------------------------------------------


def test_admin_bring_in_then_review_then_accept_and_reject(editor_client):
    add = reverse("admin:intake_intake_add")
    assert editor_client.get(add).status_code == 200
    response = editor_client.post(add, {"text": ARTICLE})
    intake = Intake.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:intake_intake_change", args=[intake.pk]
    )

    page = editor_client.get(response["Location"]).content.decode()
    assert 'class="intake-mark decision-pending"' in page
    assert "Maria Lindqvist" in page

    accept = _by_words(intake, "We cannot ask")
    response = editor_client.post(
        reverse("admin:intake_intake_decide", args=[intake.pk, accept.number, "accept"]),
        {
            "words": accept.text,
            "mode": "direct",
            "speaker_name": "Maria Lindqvist",
            "speaker_kind": "person",
            "statement": "new",
        },
    )
    assert response.status_code == 302
    quotation = Quotation.objects.get()
    assert quotation.statement.speaker.name == "Maria Lindqvist" and quotation.mode == "direct"

    reject = _by_words(intake, "a blank cheque")
    editor_client.post(reverse("admin:intake_intake_decide", args=[intake.pk, reject.number, "reject"]))
    reject.refresh_from_db()
    assert reject.decision == Decision.REJECTED


def test_admin_refusal_comes_back_on_the_card_with_what_was_typed(editor_client, editor):
    intake = services.intake_create(user=editor, text=ARTICLE)
    suggestion = _by_words(intake, "We cannot ask")
    response = editor_client.post(
        reverse("admin:intake_intake_decide", args=[intake.pk, suggestion.number, "accept"]),
        {"words": "words never printed here", "mode": "direct", "speaker_name": "Maria Lindqvist", "statement": "new"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "words never printed here" in page  # what was typed is kept
    assert "as printed" in page
    assert not Quotation.objects.exists()


@pytest.mark.parametrize("statement", ["abc", "1.5", "٣"])
def test_admin_a_statement_that_is_not_an_id_is_refused_on_the_card(editor_client, editor, statement):
    # "abc" was a server error: the database lookup of the id failed.
    intake = services.intake_create(user=editor, text=ARTICLE)
    suggestion = _by_words(intake, "We cannot ask")
    response = editor_client.post(
        reverse("admin:intake_intake_decide", args=[intake.pk, suggestion.number, "accept"]),
        {"words": suggestion.text, "mode": "direct", "speaker_name": "Maria Lindqvist", "statement": statement},
    )
    assert response.status_code == 400
    assert "Choose one of the statements offered" in response.content.decode()
    assert not Quotation.objects.exists() and not Statement.objects.exists()


def test_admin_bad_input_is_shown_on_the_form(editor_client):
    response = editor_client.post(reverse("admin:intake_intake_add"), {"url": "http://10.0.0.1/x"})
    assert response.status_code == 200
    assert "private" in response.content.decode().lower()
    assert not Intake.objects.exists()


def test_fact_checkers_do_not_see_intake(client, fact_checker):
    client.force_login(fact_checker)
    assert client.get(reverse("admin:intake_intake_add")).status_code == 403


# --- The API -----------------------------------------------------------------------------------------


def test_api_intake_then_accept_and_reject(editor_api):
    response = editor_api.post("/api/v1/intake/", {"text": ARTICLE}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body["source"]) == {"title", "authors", "published_on", "publisher", "language", "url", "text"}
    found = {quotation["text"]: quotation for quotation in body["quotations"]}
    direct = found["We cannot ask people to live behind a wall we know will fail,"]
    assert body["source"]["text"][direct["char_start"] : direct["char_end"]] == direct["text"]
    assert direct["speaker"] == {"name": "Maria Lindqvist", "kind": "person", "id": None}
    assert direct["speaker_check"] == ""  # the parse reads her too: nothing to check

    accepted = editor_api.post(f"/api/v1/intake/{body['id']}/quotations/{direct['number']}/accept/", {}, format="json")
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["decision"] == "accepted" and accepted.json()["quotation_id"]

    again = editor_api.post(f"/api/v1/intake/{body['id']}/quotations/{direct['number']}/reject/")
    assert again.status_code == 409 and "already accepted" in again.json()["detail"]


def test_api_bad_input(editor_api, fact_checker_api, anonymous):
    both = editor_api.post("/api/v1/intake/", {"text": ARTICLE, "url": "https://example.org/"}, format="json")
    assert both.status_code == 400 and "exactly one" in json.dumps(both.json())
    private = editor_api.post("/api/v1/intake/", {"url": "http://169.254.169.254/latest"}, format="json")
    assert private.status_code == 400 and "private" in json.dumps(private.json()).lower()
    assert fact_checker_api.post("/api/v1/intake/", {"text": ARTICLE}, format="json").status_code == 403
    assert anonymous.post("/api/v1/intake/", {"text": ARTICLE}, format="json").status_code in (401, 403)
    assert not Intake.objects.exists()


@pytest.mark.parametrize(
    "body,message",
    [
        ({"url": "http://169.254.169.254/latest"}, "private or local networks"),
        ({"url": "file:///etc/passwd"}, "fetches only web pages"),
        ({"text": "Too short"}, "too short to hold a quotation"),
    ],
)
def test_api_intake_refused_names_the_field_it_was_given_in(editor_api, body, message):
    response = editor_api.post("/api/v1/intake/", body, format="json")
    assert response.status_code == 400
    ((field, _),) = body.items()
    assert list(response.json()["errors"]) == [field]  # was "detail", a field the request has not
    assert message in response.json()["errors"][field][0]
    assert response.json()["detail"].startswith(f"{field}: ")


def test_api_accept_with_words_not_printed_is_a_400_naming_the_field(editor_api):
    body = editor_api.post("/api/v1/intake/", {"text": ARTICLE}, format="json").json()
    number = body["quotations"][0]["number"]
    response = editor_api.post(
        f"/api/v1/intake/{body['id']}/quotations/{number}/accept/", {"text": "never printed"}, format="json"
    )
    assert response.status_code == 400 and "text" in response.json()["errors"]


# --- The command -------------------------------------------------------------------------------------


def test_command_prints_the_suggestions_as_json(tmp_path, capsys):
    article = tmp_path / "kellby.html"
    article.write_text(HTML_PAGE, encoding="utf-8")

    call_command("suggest_quotations", str(article), "--format", "json")

    printed = json.loads(capsys.readouterr().out)
    assert printed["source"]["url"] == "https://news.example.org/kellby-sea-wall"
    assert printed["source"]["published_on"] == "2026-03-04"
    for quotation in printed["quotations"]:
        assert printed["source"]["text"][quotation["char_start"] : quotation["char_end"]] == quotation["text"]
        assert set(quotation) == {
            "text",
            "char_start",
            "char_end",
            "mode",
            "speaker",
            "speaker_check",
            "statement_id",
            "score",
        }
    assert not Intake.objects.exists() and not Source.objects.exists()


@pytest.mark.parametrize(
    "content, message",
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image")],
)
def test_command_refuses_bad_files_with_a_message(tmp_path, content, message):
    path = tmp_path / "article.html"
    path.write_bytes(content)
    with pytest.raises(CommandError) as refused:
        call_command("suggest_quotations", str(path))
    assert message in str(refused.value).lower()


def test_command_on_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("suggest_quotations", str(tmp_path / "missing.html"))


def test_command_on_a_database_never_migrated_says_to_migrate(tmp_path, monkeypatch):
    from django.db import OperationalError

    from apps.intake.management.commands import suggest_quotations

    def no_tables(article):
        raise OperationalError("no such table: claims_statement")

    monkeypatch.setattr(suggest_quotations, "suggest", no_tables)
    path = tmp_path / "article.txt"
    path.write_text("Title\n\n“We will win,” said Anna Berg.\n", encoding="utf-8")
    with pytest.raises(CommandError, match="manage.py migrate"):
        call_command("suggest_quotations", str(path))


def test_admin_list_of_intakes_links_to_bring_in_and_counts_what_is_left(editor_client, editor):
    intake = services.intake_create(user=editor, text=ARTICLE)
    services.suggestion_reject(suggestion=intake.suggestions.first(), user=editor)

    page = editor_client.get(reverse("admin:intake_intake_changelist")).content.decode()

    assert "Bring in an article" in page
    assert f'<td class="field-to_review">{intake.suggestions.count() - 1}</td>' in page


def test_a_canonical_link_a_source_could_not_keep_is_left_out(editor):
    page = HTML_PAGE.replace("https://news.example.org/kellby-sea-wall", "javascript:alert(1)")
    intake = services.intake_create(user=editor, data=page.encode(), filename="kellby.html")
    assert intake.url == ""
    services.suggestion_accept(suggestion=_by_words(intake, "We cannot ask"), user=editor)
    assert Source.objects.get().url == ""


def test_a_fact_checker_cannot_open_an_intakes_review_page(client, fact_checker, editor):
    intake = services.intake_create(user=editor, text=ARTICLE)
    client.force_login(fact_checker)
    assert client.get(reverse("admin:intake_intake_change", args=[intake.pk])).status_code == 403


def test_a_paste_larger_than_a_form_takes_is_explained_to_a_browser(editor, settings):
    # A browser sends the form's CSRF token, which Django's CSRF check reads from the body before
    # any view runs: the body too large was a bare "Bad Request (400)" page, the view's
    # explanation never shown (the test client above skips the CSRF check).
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)
    add = reverse("admin:intake_intake_add")
    token = browser.get(add).cookies["csrftoken"].value

    response = browser.post(add, {"csrfmiddlewaretoken": token, "text": ARTICLE * 40})

    assert response.status_code == 413
    assert "save it as a file and upload it" in response.content.decode()
    assert not Intake.objects.exists()


def test_an_accepted_suggestion_shows_what_was_stored_not_what_was_suggested(editor_api):
    body = editor_api.post("/api/v1/intake/", {"text": ARTICLE}, format="json").json()
    number = next(q["number"] for q in body["quotations"] if q["text"].startswith("We cannot ask"))
    accepted = editor_api.post(
        f"/api/v1/intake/{body['id']}/quotations/{number}/accept/",
        {"text": "live behind a wall", "mode": "partial"},
        format="json",
    ).json()
    quotation = Quotation.objects.get()
    assert (accepted["text"], accepted["mode"]) == ("live behind a wall", "partial")
    assert (accepted["char_start"], accepted["char_end"]) == (quotation.char_start, quotation.char_end)
    assert accepted["statement_id"] == quotation.statement_id
    assert accepted["speaker"]["id"] == quotation.statement.speaker_id


def test_an_unknown_field_in_an_acceptance_is_refused_not_ignored(editor_api):
    body = editor_api.post("/api/v1/intake/", {"text": ARTICLE}, format="json").json()
    number = body["quotations"][0]["number"]
    response = editor_api.post(
        f"/api/v1/intake/{body['id']}/quotations/{number}/accept/", {"speaker": "Someone Else"}, format="json"
    )
    assert response.status_code == 400 and "speaker" in response.json()["errors"]
    assert not Quotation.objects.exists()


@pytest.mark.parametrize(
    "body, field",
    [
        ({"text": 12345}, "text"),  # was read as the text "12345" ("too short to hold a quotation")
        ({"html": 1.5}, "html"),
        ({"url": 0}, "url"),
        ({"text": ARTICLE, "title": "My title"}, "title"),  # was ignored: the intake made without it
        ({"txt": ARTICLE}, "txt"),
    ],
)
def test_api_intake_refuses_a_value_of_another_type_and_an_unknown_field(editor_api, body, field):
    response = editor_api.post("/api/v1/intake/", body, format="json")
    assert response.status_code == 400 and field in response.json()["errors"], response.content
    assert not Intake.objects.exists()


ARABIC_INDIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    "body, field",
    [
        (lambda speaker, statement: {"speaker_id": str(speaker.pk).translate(ARABIC_INDIC_DIGITS)}, "speaker_id"),
        (lambda speaker, statement: {"speaker_id": str(speaker.pk)}, "speaker_id"),
        (lambda speaker, statement: {"speaker_id": speaker.pk, "statement_id": str(statement.pk)}, "statement_id"),
        (lambda speaker, statement: {"speaker_name": 7}, "speaker_name"),
    ],
)
def test_api_acceptance_refuses_a_value_of_another_type(editor_api, body, field):
    # Each was accepted: the id written in other digits or as a string read as that id, a number as text.
    speaker = make_speaker(name="Anyone On File")
    statement = make_statement(speaker=speaker, text="We cannot ask people to live behind a wall we know will fail")
    created = editor_api.post("/api/v1/intake/", {"text": ARTICLE}, format="json").json()
    number = created["quotations"][0]["number"]
    response = editor_api.post(
        f"/api/v1/intake/{created['id']}/quotations/{number}/accept/", body(speaker, statement), format="json"
    )
    assert response.status_code == 400 and field in response.json()["errors"], response.content
    assert not Quotation.objects.exists()
