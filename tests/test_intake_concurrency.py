"""Intake under real concurrency, on PostgreSQL (row locks): two editors accepting the same
suggestion at the same moment make one quotation, and the other is told it was decided; two
editors accepting different quotations of a new article at once share one new source."""

import threading

import pytest
from django.db import connection

from apps.claims.models import Quotation
from apps.core.services import ActionRefused
from apps.intake import services
from apps.sources.models import Source
from tests.database import remember_migrated_rows, reset_to_migrated_rows

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent row locks need PostgreSQL (make test runs it)"
    ),
]
WAIT = 10

ARTICLE = """Harbour town votes to rebuild its old sea wall

“We cannot ask people to live behind a wall we know will fail,” said Maria Lindqvist, the council's leader.

The opposition leader, Tomas Berg, called the plan “a blank cheque for the builders” and asked for an audit.
"""


@pytest.fixture(autouse=True)
def migrated_rows(transactional_db):
    remember_migrated_rows()
    reset_to_migrated_rows()


def _at_once(*calls):
    """Run each call in its own thread (its own database connection), all released together;
    returns what each returned or raised."""
    start, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        try:
            start.wait(WAIT)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test looks at what each raised
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT)
    return results


def test_two_editors_accepting_the_same_suggestion_at_once_make_one_quotation(editor, second_editor):
    intake = services.intake_create(user=editor, text=ARTICLE)
    suggestion = intake.suggestions.get(text__startswith="We cannot ask")

    results = _at_once(
        lambda: services.suggestion_accept(suggestion=suggestion, user=editor),
        lambda: services.suggestion_accept(suggestion=suggestion, user=second_editor),
    )

    assert sum(isinstance(result, Quotation) for result in results) == 1
    refused = [result for result in results if isinstance(result, ActionRefused)]
    assert len(refused) == 1 and "already accepted" in str(refused[0])
    assert Quotation.objects.count() == 1 and Source.objects.count() == 1


def test_two_editors_accepting_two_quotations_of_a_new_article_at_once_share_one_source(editor, second_editor):
    intake = services.intake_create(user=editor, text=ARTICLE)
    first = intake.suggestions.get(text__startswith="We cannot ask")
    second = intake.suggestions.get(text__startswith="a blank cheque")

    results = _at_once(
        lambda: services.suggestion_accept(suggestion=first, user=editor),
        lambda: services.suggestion_accept(suggestion=second, user=second_editor),
    )

    assert all(isinstance(result, Quotation) for result in results), results
    assert Source.objects.count() == 1
    assert {quotation.source_id for quotation in Quotation.objects.all()} == {Source.objects.get().pk}
