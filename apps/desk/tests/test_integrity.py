"""Editorial integrity in the admin: a move acts on the version its page showed, a publication
is confirmed on a page that shows exactly what goes public, nobody publishes what they wrote, a
workflow button never drops what was typed, a form opened before someone else's save never
puts back what they changed, and the words of a statement under review stay as reviewed."""

import pytest

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from apps.claims.models import Statement
from apps.sources.models import Source
from apps.speakers.models import Speaker
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification
from tests.admin import (
    admin_url,
    change_form,
    client_of,
    confirm,
    form_data,
    form_errors,
    messages_of,
    move_url,
    run_action,
)
from tests.factories import default_rating, make_correction, make_source, make_speaker, make_statement, make_user
from tests.workflow import SUMMARY, in_review, published, worked_on

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_person_desk(settings):
    settings.CLAIMTRACK_SELF_PUBLISH_ALLOWED = False


def make_reviewer():
    return make_user("reviewing-editor", group=EDITORS)


def make_checker():
    return make_user("colleague-checker", group=FACT_CHECKERS)


def verification_page(client, verification):
    return client.get(admin_url(Verification, "change", verification.pk))


def press(client, page, verification, move: str, **typed):
    """Press a workflow button of a verification's page, with `typed` changes to its form."""
    data = form_data(page, "verification_form") | {name: [value] for name, value in typed.items()}
    return client.post(admin_url(Verification, "change", verification.pk), data | {"_workflow": [move]})


# --- A publication is confirmed on a page that shows what goes public --------------------------------


def test_the_publish_page_shows_exactly_what_will_go_public(editor_client, fact_checker):
    statement = make_statement(text="The border was never agreed.")
    verification = in_review(statement, fact_checker)
    services.verification_return(verification=verification, user=make_reviewer(), reason="Explain it.")
    services.verification_update(verification=verification, user=fact_checker, fields={"explanation": "Map of 1936."})
    services.verification_submit(verification=verification, user=fact_checker)

    page = editor_client.get(f"{move_url(verification, 'publish')}?version={verification.version}")

    html = page.content.decode()
    assert page.status_code == 200
    for shown in (default_rating("false").label, SUMMARY, "Map of 1936.", "https://example.org/treaty"):
        assert shown in html
    assert "Article 2 fixes the border." in html
    assert "&quot;claimReviewed&quot;: &quot;The border was never agreed.&quot;" in html  # the ClaimReview's JSON
    assert f'name="version-{statement.pk}" value="{verification.version}"' in html
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW  # nothing published by looking


def test_the_publish_button_of_a_verification_page_opens_the_confirmation_page(editor_client, fact_checker):
    verification = in_review(make_statement(), fact_checker)

    response = press(editor_client, verification_page(editor_client, verification), verification, "publish")

    assert response.status_code == 302
    assert response.url == f"{move_url(verification, 'publish')}?version={verification.version}"
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW


def test_a_verdict_changed_while_the_confirmation_page_was_open_is_not_published(editor_client, editor, fact_checker):
    statement = make_statement()
    verification = in_review(statement, fact_checker)
    page = editor_client.get(f"{move_url(verification, 'publish')}?version={verification.version}")
    # Meanwhile the fact-checker changes the verdict (through the API, say).
    services.verification_update(
        verification=verification,
        user=fact_checker,
        fields={"rating": default_rating("true"), "summary": "True after all."},
    )

    response = confirm(editor_client, page)

    verification.refresh_from_db()
    assert (verification.status, verification.rating.slug) == (VerificationStatus.IN_REVIEW, "true")
    [(level, text)] = messages_of(response)
    assert level == "warning" and "changed by someone else after you opened it" in text
    assert f"saved by {fact_checker.username}" in text and "“True after all.”" in text
    # Back to the confirmation page, which says what changed and shows the verdict as it is now.
    assert response.status_code == 302
    again = editor_client.get(response.url)
    html = again.content.decode()
    assert "This verification changed after you opened it" in html and "True after all." in html
    assert f'name="version-{statement.pk}" value="{verification.version}"' in html

    confirm(editor_client, again)
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.PUBLISHED
    assert verification.summary == "True after all."


def test_a_bulk_publish_publishes_only_what_its_page_showed(editor_client, fact_checker):
    unchanged, changed = make_statement(text="Left alone."), make_statement(text="Changed meanwhile.")
    in_review(unchanged, fact_checker)
    changed_verification = in_review(changed, fact_checker)
    page = run_action(editor_client, Statement, "move_publish", [unchanged, changed])
    assert page.status_code == 200 and SUMMARY in page.content.decode()
    services.verification_update(verification=changed_verification, user=fact_checker, fields={"summary": "New."})

    response = confirm(editor_client, page, url=admin_url(Statement, "changelist"))

    assert Verification.objects.get(statement=unchanged).status == VerificationStatus.PUBLISHED
    assert Verification.objects.get(statement=changed).status == VerificationStatus.IN_REVIEW
    warnings = [text for level, text in messages_of(response) if level == "warning"]
    assert len(warnings) == 1 and "Changed meanwhile." in warnings[0] and "changed by someone else" in warnings[0]


def test_a_move_posted_without_the_version_its_page_showed_is_refused(editor_client, fact_checker):
    statement = make_statement()
    in_review(statement, fact_checker)

    response = run_action(editor_client, Statement, "move_publish", [statement], apply="yes")

    assert Verification.objects.get(statement=statement).status == VerificationStatus.IN_REVIEW
    assert "did not say which version you saw" in messages_of(response)[0][1]


def test_a_stale_verification_page_moves_nothing_and_says_what_changed(editor_client, fact_checker):
    verification = in_review(make_statement(), fact_checker)
    page = verification_page(editor_client, verification)
    services.verification_update(verification=verification, user=fact_checker, fields={"summary": "Rewritten."})

    response = press(editor_client, page, verification, "publish")

    errors = form_errors(response)
    assert "changed by someone else" in errors and "“Rewritten.”" in errors
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW


def test_a_move_from_a_read_only_page_carries_its_version(editor_client, editor, fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    services.verification_submit(verification=verification, user=fact_checker)
    services.verification_return(verification=verification, user=editor, reason="Look again.")
    # An unassigned-to-me page is still editable for an editor; a colleague fact-checker's is not.
    colleague = client_of(make_checker())
    html = verification_page(colleague, verification).content.decode()
    assert 'name="summary"' not in html  # read-only for them

    stale = verification.version
    services.verification_update(verification=verification, user=fact_checker, fields={"summary": "Newer."})
    response = client_of(fact_checker).post(move_url(verification, "submit"), {"base_version": str(stale)})

    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_PROGRESS
    assert "changed by someone else" in messages_of(response)[0][1]


# --- Nobody publishes what they wrote ------------------------------------------------------------------


def test_one_editor_cannot_reopen_correct_send_to_review_and_publish_alone(editor_client, editor, fact_checker):
    verification = published(make_statement(), fact_checker, make_reviewer())
    reopen_page = editor_client.get(f"{move_url(verification, 'reopen')}?version={verification.version}")
    confirm(editor_client, reopen_page, reason="The verdict was too harsh.")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_PROGRESS

    page = verification_page(editor_client, verification)
    saved = editor_client.post(
        admin_url(Verification, "change", verification.pk),
        form_data(page, "verification_form") | {"rating": [str(default_rating("mostly-false").pk)], "_continue": ["1"]},
    )
    assert saved.status_code == 302
    press(editor_client, verification_page(editor_client, verification), verification, "submit")
    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW

    publish_page = editor_client.get(f"{move_url(verification, 'publish')}?version={verification.version}")
    assert "You wrote this verdict since it was last published" in publish_page.content.decode()
    response = confirm(editor_client, publish_page)

    verification.refresh_from_db()
    assert verification.status == VerificationStatus.IN_REVIEW
    assert "You wrote this verdict" in messages_of(response)[0][1]


def test_a_fact_checkers_colleague_sees_their_verification_read_only_and_cannot_post_to_it(fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    colleague = client_of(make_checker())
    data = change_form(client_of(fact_checker), verification) | {"summary": ["The colleague's verdict."]}

    assert 'name="summary"' not in verification_page(colleague, verification).content.decode()
    response = colleague.post(admin_url(Verification, "change", verification.pk), data)

    assert response.status_code == 403
    verification.refresh_from_db()
    assert verification.summary == SUMMARY


# --- A workflow button never drops what was typed ----------------------------------------------------


def test_send_to_review_saves_the_typed_explanation_first(fact_checker):
    client = client_of(fact_checker)
    verification = worked_on(make_statement(), fact_checker)

    response = press(client, verification_page(client, verification), verification, "submit", explanation="Typed.")

    assert response.status_code == 302
    verification.refresh_from_db()
    assert (verification.status, verification.explanation) == (VerificationStatus.IN_REVIEW, "Typed.")
    assert verification.history.filter(explanation="Typed.", status=VerificationStatus.IN_PROGRESS).exists()
    assert [text for _, text in messages_of(response)] == [
        f"What you typed was saved first (version {verification.version - 1}).",
        f"Send to review — done for 1 statement: “{verification.statement}”",
    ]


def test_a_refused_move_still_keeps_what_was_typed_and_says_why(fact_checker):
    client = client_of(fact_checker)
    verification = worked_on(make_statement(), fact_checker, evidence=False)

    response = press(client, verification_page(client, verification), verification, "submit", explanation="Typed.")

    verification.refresh_from_db()
    assert (verification.status, verification.explanation) == (VerificationStatus.IN_PROGRESS, "Typed.")
    assert "needs at least one piece of evidence" in messages_of(response)[-1][1]


def test_evidence_added_on_the_page_is_saved_through_the_service_and_counts_as_writing(editor, fact_checker):
    client = client_of(editor)
    verification = worked_on(make_statement(), fact_checker)
    page = verification_page(client, verification)
    data = form_data(page, "verification_form") | {
        "evidence-TOTAL_FORMS": ["2"],
        "evidence-1-number": ["2"],
        "evidence-1-url": ["https://example.org/second"],
        "evidence-1-note": ["A second source."],
        "_continue": ["1"],
    }

    response = client.post(admin_url(Verification, "change", verification.pk), data)

    assert response.status_code == 302, form_errors(response)
    verification.refresh_from_db()
    assert [e.url for e in verification.evidence.order_by("number")] == [
        "https://example.org/treaty",
        "https://example.org/second",
    ]
    assert editor in verification.writers.all()
    assert verification.history.latest().history_user == editor  # one new version, by the editor


@pytest.mark.parametrize(
    "url,errors",
    [
        ("javascript:alert(1)", ["Enter a valid URL."]),  # not also "Give the evidence a URL…"
        ("", ["Give the evidence a URL or pick a source from the database (or both)."]),
    ],
)
def test_evidence_without_a_usable_url_says_what_is_wrong_once(editor, fact_checker, url, errors):
    client = client_of(editor)
    verification = worked_on(make_statement(), fact_checker)
    data = form_data(verification_page(client, verification), "verification_form") | {
        "evidence-TOTAL_FORMS": ["2"],
        "evidence-1-number": ["2"],
        "evidence-1-url": [url],
        "evidence-1-note": ["A second source."],
    }

    response = client.post(admin_url(Verification, "change", verification.pk), data)

    assert response.status_code == 200
    inline = response.context["inline_admin_formsets"][0].formset.forms[1]
    assert [str(message) for messages in inline.errors.values() for message in messages] == errors
    assert verification.evidence.count() == 1


# --- A form opened before someone else's save never puts back what they changed ----------------------


def test_two_editors_changing_different_fields_of_a_speaker_both_keep_their_change(editor_client, second_editor):
    speaker = make_speaker(name="Nursultan Nazarbayev", description="President")
    theirs_client = client_of(second_editor)
    mine = change_form(editor_client, speaker)
    theirs = change_form(theirs_client, speaker)

    assert (
        theirs_client.post(
            admin_url(Speaker, "change", speaker.pk), theirs | {"name": ["Nursultan Nazarbaev"]}
        ).status_code
        == 302
    )
    response = editor_client.post(admin_url(Speaker, "change", speaker.pk), mine | {"description": ["First president"]})

    assert response.status_code == 302
    speaker.refresh_from_db()
    assert (speaker.name, speaker.description) == ("Nursultan Nazarbaev", "First president")
    latest = speaker.history.latest()
    assert (latest.name, latest.description) == ("Nursultan Nazarbaev", "First president")


def test_of_two_editors_changing_the_same_field_the_later_wins_and_the_history_says_so(editor_client, second_editor):
    speaker = make_speaker(name="K. Tokayev")
    mine = change_form(editor_client, speaker)
    theirs_client = client_of(second_editor)
    theirs_client.post(
        admin_url(Speaker, "change", speaker.pk), change_form(theirs_client, speaker) | {"name": ["Kassym Tokayev"]}
    )

    editor_client.post(admin_url(Speaker, "change", speaker.pk), mine | {"name": ["Kassym-Jomart Tokayev"]})

    speaker.refresh_from_db()
    assert speaker.name == "Kassym-Jomart Tokayev"
    names = list(speaker.history.order_by("history_date", "history_id").values_list("name", "history_user__username"))
    assert names[-2:] == [("Kassym Tokayev", second_editor.username), ("Kassym-Jomart Tokayev", "editor-in-test")]


def test_a_correction_edited_on_a_source_page_opened_before_a_title_change_keeps_the_new_title(
    editor_client, second_editor
):
    source = make_source(title="Old title")
    correction = make_correction(source=source, text="A date was wrong.")
    mine = change_form(editor_client, source)
    theirs_client = client_of(second_editor)
    theirs_client.post(
        admin_url(Source, "change", source.pk), change_form(theirs_client, source) | {"title": ["New title"]}
    )
    number = [name for name, value in mine.items() if name.endswith("-id") and value == [str(correction.pk)]][0]
    prefix = number[: -len("-id")]

    response = editor_client.post(
        admin_url(Source, "change", source.pk), mine | {f"{prefix}-text": ["Two dates were wrong."]}
    )

    assert response.status_code == 302, form_errors(response)
    source.refresh_from_db()
    correction.refresh_from_db()
    assert (source.title, correction.text) == ("New title", "Two dates were wrong.")


def test_saving_an_unchanged_page_writes_no_new_version(editor_client):
    statement = make_statement()
    version, rows = statement.version, statement.history.count()

    editor_client.post(admin_url(Statement, "change", statement.pk), change_form(editor_client, statement))

    statement.refresh_from_db()
    assert (statement.version, statement.history.count()) == (version, rows)


# --- The words of a statement under review or published stay as reviewed --------------------------------


@pytest.mark.parametrize("stage", ["in_review", "published"])
def test_the_words_of_a_statement_under_a_verdict_cannot_change_in_the_admin(editor_client, fact_checker, stage):
    statement = make_statement(text="Kazakhs never had a state.")
    if stage == "in_review":
        in_review(statement, fact_checker)
    else:
        published(statement, fact_checker, make_reviewer())

    response = editor_client.post(
        admin_url(Statement, "change", statement.pk),
        change_form(editor_client, statement) | {"text": ["Kazakhs always had a state."]},
    )

    errors = form_errors(response)
    assert "cannot change while its verdict is" in errors
    assert ("reopen the verdict first" if stage == "published" else "send it back to the fact-checker") in errors
    statement.refresh_from_db()
    assert statement.text == "Kazakhs never had a state."


def test_other_details_of_a_published_statement_may_change_in_the_admin(editor_client, fact_checker):
    statement = make_statement(text="Kazakhs never had a state.")
    published(statement, fact_checker, make_reviewer())

    response = editor_client.post(
        admin_url(Statement, "change", statement.pk),
        change_form(editor_client, statement) | {"occasion": ["Lake Seliger youth forum"]},
    )

    assert response.status_code == 302, form_errors(response)
    statement.refresh_from_db()
    assert statement.occasion == "Lake Seliger youth forum"


@pytest.mark.parametrize(
    "typed, message",
    [
        ({"said_on": ["2024-03"]}, "Enter a valid date."),
        ({"speaker": [""]}, "This field is required."),
        ({"text": [""]}, "This field is required."),
    ],
)
@pytest.mark.parametrize("stage", ["new", "unchecked", "in_review"])
def test_an_invalid_word_speaker_or_date_of_a_statement_is_a_form_error(
    editor_client, fact_checker, typed, message, stage
):
    if stage == "new":
        url = admin_url(Statement, "add")
        data = {
            "speaker": [str(make_speaker().pk)],
            "text": ["Kazakhstan's border question remains painful."],
            "said_on_precision": ["month"],
            "quotations-TOTAL_FORMS": ["0"],
            "quotations-INITIAL_FORMS": ["0"],
        }
    else:
        statement = make_statement(text="Kazakhs never had a state.")
        if stage == "in_review":
            in_review(statement, fact_checker)
        url, data = admin_url(Statement, "change", statement.pk), change_form(editor_client, statement)

    response = editor_client.post(url, data | typed)  # was a KeyError: a server error instead of the form

    assert response.status_code == 200
    assert message in form_errors(response)
