"""generate_demo_data: the shape of what it writes, reproducibility, and its refusal to mix
with a desk's real records."""

import threading
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from apps.claims.models import Quotation, Statement
from apps.ops import demo_data
from apps.ops.demo_data import GENERATED_PREFIX, demo_data_generate
from apps.sources.models import Source
from apps.speakers.models import Speaker
from apps.verification.models import Verification
from tests.factories import make_statement

pytestmark = pytest.mark.django_db


def test_it_writes_the_planned_shape_of_data():
    counts = demo_data_generate(statements=2000, seed=7)
    assert Statement.objects.count() == counts["claims_statement"] == 2000
    assert Speaker.objects.count() == 200
    assert Source.objects.count() == 400
    assert 1.3 < Quotation.objects.count() / 2000 < 1.7
    statuses = set(Verification.objects.values_list("status", flat=True))
    assert statuses == {"in_progress", "in_review", "published"}
    assert not Verification.objects.filter(status="published", rating__isnull=True).exists()
    assert all(slug.startswith(GENERATED_PREFIX) for slug in Statement.objects.values_list("slug", flat=True))


def test_generated_records_pass_the_models_own_validation():
    demo_data_generate(statements=300, seed=3)
    for model in (Speaker, Source, Statement, Quotation, Verification):
        for obj in model.objects.all()[:50]:
            obj.full_clean()


def test_the_same_seed_gives_the_same_data():
    demo_data_generate(statements=200, seed=5)
    first = list(Statement.objects.order_by("pk").values_list("text", "speaker_id", "said_on"))
    Statement.objects.all().delete()
    demo_data_generate(statements=200, seed=5)
    again = list(Statement.objects.order_by("pk").values_list("text", "speaker_id", "said_on"))
    assert [row[0] for row in again] == [row[0] for row in first]


def test_the_api_serves_generated_data_and_new_records_get_fresh_ids(editor_api):
    demo_data_generate(statements=50)
    assert editor_api.get("/api/v1/statements/", {"page_size": 50}).json()["count"] == 50
    created = make_statement()  # sequences were moved past the generated ids
    assert created.pk > Statement.objects.exclude(pk=created.pk).order_by("-pk").first().pk


def test_the_command_refuses_a_database_with_real_records():
    make_statement(slug="a-real-statement")
    with pytest.raises(CommandError, match="holds records that were not generated .*1 statements"):
        call_command("generate_demo_data", statements=10, stdout=StringIO(), stderr=StringIO())
    assert Statement.objects.count() == 1
    out = StringIO()
    call_command("generate_demo_data", statements=10, allow_real_data=True, stdout=out, stderr=StringIO())
    assert "Wrote" in out.getvalue()
    assert Statement.objects.count() == 11


def test_batches_made_ahead_of_the_load_are_written_in_order_and_reproducibly(monkeypatch):
    monkeypatch.setattr(demo_data, "BATCH_SIZE", 25)  # four batches, each made while the one before loads
    demo_data_generate(statements=100, seed=5)
    in_batches = _texts_in_order()
    Statement.objects.all().delete()
    monkeypatch.setattr(demo_data, "BATCH_SIZE", 10_000)  # one batch
    demo_data_generate(statements=100, seed=5)
    assert _texts_in_order() == in_batches
    assert len(in_batches[0]) == 100


def _texts_in_order():
    return (
        list(Statement.objects.order_by("pk").values_list("text", flat=True)),
        list(Quotation.objects.order_by("pk").values_list("text", flat=True)),
    )


def test_an_error_while_making_a_batch_reaches_the_caller_and_nothing_is_kept(monkeypatch):
    made = []

    def add_then_fail(self, pk, *args):
        made.append(pk)
        if len(made) == 60:
            raise RuntimeError("out of words")
        original_add(self, pk, *args)

    original_add = demo_data._StatementBatch.add
    monkeypatch.setattr(demo_data, "BATCH_SIZE", 25)
    monkeypatch.setattr(demo_data._StatementBatch, "add", add_then_fail)
    with pytest.raises(RuntimeError, match="out of words"):
        demo_data_generate(statements=200, seed=2)
    assert Statement.objects.count() == 0 and Speaker.objects.count() == 0


def test_made_ahead_stops_its_thread_when_the_caller_stops_early():
    produced = []

    def items():
        for n in range(1000):
            produced.append(n)
            yield n

    ahead = demo_data._made_ahead(items(), ahead=2)
    assert [next(ahead), next(ahead)] == [0, 1]
    ahead.close()  # the caller stops (as on an error of its own)
    assert len(produced) < 10
    assert not any(thread.name == "demo-data-batches" for thread in threading.enumerate())
