"""The "Possibly the same remark" panel of a statement's page in the admin, and its buttons."""

import re

import pytest

from apps.claims.models import Statement, StatementMatchRejection
from apps.verification.choices import VerificationStatus
from tests.factories import default_rating, make_quotation, make_source, make_statement, make_verification

pytestmark = pytest.mark.django_db


def page(client, statement):
    response = client.get(f"/admin/claims/statement/{statement.pk}/change/")
    assert response.status_code == 200
    return response.content.decode()


def panel(html: str) -> str:
    found = re.search(r'<h2 id="same-remark-title">.*?</section>', html, re.S)
    assert found, "no same-remark panel on the page"
    return found.group(0)


@pytest.fixture
def pair(db):
    return (
        make_statement(text="Kazakhs never had any statehood before the Soviet Union."),
        make_statement(text="The Kazakhs never had statehood before the Soviet Union, he said."),
    )


def test_the_panel_lists_the_same_remark_with_its_score_and_buttons(editor_client, pair):
    original, close = pair
    unrelated = make_statement(text="Grain exports doubled last year.")

    shown = panel(page(editor_client, original))

    assert f'data-statement="{close.pk}"' in shown and f'data-statement="{unrelated.pk}"' not in shown
    assert re.search(r'class="same-remark-score">\d+%<', shown)
    assert 'name="csrfmiddlewaretoken"' in shown
    assert 'value="same"' in shown and 'value="different"' in shown


def test_a_fact_checker_sees_the_panel_without_the_buttons_and_cannot_post(client, fact_checker, pair):
    original, close = pair
    client.force_login(fact_checker)

    shown = panel(page(client, original))

    assert f'data-statement="{close.pk}"' in shown and 'value="different"' not in shown
    url = f"/admin/claims/statement/{original.pk}/same-remark/"
    assert client.post(url, {"other": close.pk, "decision": "different"}).status_code == 403
    assert not StatementMatchRejection.objects.exists()


def test_different_records_the_pair_and_the_panel_no_longer_offers_it(editor_client, pair):
    original, close = pair

    response = editor_client.post(
        f"/admin/claims/statement/{original.pk}/same-remark/", {"other": close.pk, "decision": "different"}, follow=True
    )

    assert "will not be suggested again" in response.content.decode()
    assert f'data-statement="{close.pk}"' not in panel(page(editor_client, original))
    assert "No statement on file looks like the same remark" in panel(page(editor_client, close))


def test_same_merges_and_lands_on_the_statement_kept(editor_client, pair):
    original, close = pair
    quotation = make_quotation(statement=close, source=make_source())

    response = editor_client.post(
        f"/admin/claims/statement/{close.pk}/same-remark/", {"other": original.pk, "decision": "same"}, follow=True
    )

    assert response.redirect_chain[-1][0] == f"/admin/claims/statement/{original.pk}/change/"
    assert f"statement {close.pk} was the same remark" in response.content.decode()
    quotation.refresh_from_db()
    assert quotation.statement_id == original.pk and not Statement.objects.filter(pk=close.pk).exists()


def test_a_refused_merge_says_why_and_changes_nothing(editor_client, pair):
    original, close = pair
    make_verification(
        statement=close, status=VerificationStatus.PUBLISHED, rating=default_rating("false"), summary="No."
    )

    response = editor_client.post(
        f"/admin/claims/statement/{original.pk}/same-remark/", {"other": close.pk, "decision": "same"}, follow=True
    )

    assert "Reopen the verdict first" in response.content.decode()
    assert Statement.objects.filter(pk=close.pk).exists()


def test_a_forged_or_empty_form_is_refused_with_a_message(editor_client, pair):
    original, close = pair
    url = f"/admin/claims/statement/{original.pk}/same-remark/"
    for data in ({}, {"other": "abc", "decision": "same"}, {"other": close.pk, "decision": "maybe"}):
        response = editor_client.post(url, data, follow=True)
        assert "Nothing was recorded" in response.content.decode(), data
    assert editor_client.get(url).status_code == 405
    assert not StatementMatchRejection.objects.exists() and Statement.objects.count() == 2
