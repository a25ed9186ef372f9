"""The notes thread on a verification's page in the admin: shown oldest first, with a form to add
one; never editable; staff who may not read verification work get nothing."""

import pytest
from django.urls import reverse

from apps.verification import services
from apps.verification.models import VerificationNote
from tests.admin import client_of, messages_of
from tests.factories import make_statement, make_user
from tests.workflow import published, worked_on

pytestmark = pytest.mark.django_db


def page(verification) -> str:
    return reverse("admin:verification_verification_change", args=[verification.pk])


def add(verification) -> str:
    return reverse("admin:desk_verification_note_add", args=[verification.pk])


def test_the_verification_page_shows_the_thread_oldest_first_with_a_form(editor, fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    services.verification_note_add(verification=verification, user=editor, text="Which edition of the map?")
    services.verification_note_add(verification=verification, user=fact_checker, text="The <b>1920</b> one.")

    html = client_of(fact_checker).get(page(verification)).content.decode()

    assert 'id="notes"' in html
    assert html.index("Which edition of the map?") < html.index("The &lt;b&gt;1920&lt;/b&gt; one.")  # escaped
    assert f'action="{add(verification)}"' in html


def test_the_form_adds_a_note_and_comes_back_to_the_thread(fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    client = client_of(fact_checker)

    response = client.post(add(verification), {"text": "Called the ministry; waiting."}, follow=True)

    assert response.redirect_chain[-1][0] == page(verification) + "#notes"
    assert list(VerificationNote.objects.values_list("text", "author")) == [
        ("Called the ministry; waiting.", fact_checker.pk)
    ]
    assert "Called the ministry; waiting." in response.content.decode()


def test_a_published_verdicts_read_only_page_still_takes_notes(editor, fact_checker):
    verification = published(make_statement(), fact_checker, editor)
    client = client_of(fact_checker)

    assert 'id="notes"' in client.get(page(verification)).content.decode()
    client.post(add(verification), {"text": "A reader disputes the date."})

    assert verification.notes.count() == 1


def test_an_empty_note_is_refused_with_the_reason_and_nothing_is_stored(fact_checker):
    verification = worked_on(make_statement(), fact_checker)

    response = client_of(fact_checker).post(add(verification), {"text": "   "}, follow=True)

    assert any("empty" in text for _, text in messages_of(response))
    assert not VerificationNote.objects.exists()


def test_a_refused_note_comes_back_in_the_form_to_be_corrected_once(fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    client = client_of(fact_checker)
    typed = "A long note about the 1920 map \u202e with a hidden override."

    response = client.post(add(verification), {"text": typed}, follow=True)

    assert any("U+202E" in text for _, text in messages_of(response))
    assert not VerificationNote.objects.exists()
    html = response.content.decode()
    assert f">{typed}</textarea>" in html
    # Once: a later visit shows an empty form again.
    assert "></textarea>" in client.get(page(verification)).content.decode()


def test_staff_who_may_not_read_the_work_cannot_add_notes(fact_checker):
    verification = worked_on(make_statement(), fact_checker)

    response = client_of(make_user("plain-staff")).post(add(verification), {"text": "Hello"})

    assert response.status_code == 404  # unpublished work does not exist for them
    assert not VerificationNote.objects.exists()


def test_notes_cannot_be_added_changed_or_deleted_in_the_notes_list(editor, fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    note = services.verification_note_add(verification=verification, user=fact_checker, text="Mine.")
    client = client_of(editor)

    assert client.get(reverse("admin:verification_verificationnote_changelist")).status_code == 200
    assert client.get(reverse("admin:verification_verificationnote_add")).status_code == 403
    assert (
        client.post(reverse("admin:verification_verificationnote_delete", args=[note.pk]), {"post": "yes"}).status_code
        == 403
    )
    client.post(reverse("admin:verification_verificationnote_change", args=[note.pk]), {"text": "Changed."})
    note.refresh_from_db()
    assert note.text == "Mine."


def test_my_notifications_turns_e_mail_on_and_off_for_myself_only(fact_checker, other_checker):
    from apps.accounts.models import DeskPreferences

    client = client_of(fact_checker)
    url = reverse("admin:desk_notifications")

    assert 'name="email_notifications"' in client.get(url).content.decode()
    client.post(url, {"email_notifications": "on", "user": other_checker.pk})

    assert list(DeskPreferences.objects.values_list("user", "email_notifications")) == [(fact_checker.pk, True)]
    client.post(url, {})
    assert DeskPreferences.objects.get(user=fact_checker).email_notifications is False
