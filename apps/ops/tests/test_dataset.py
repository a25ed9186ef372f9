"""export_dataset / import_dataset: the whole database round-trips, history included, and the API
answers byte for byte the same afterwards; an import never goes over a database in use, and a
damaged file writes nothing."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from apps.claims.models import Statement
from apps.ops.seed import seed_load
from apps.speakers.models import Speaker
from apps.verification.models import Verification
from tests.api import api_client_for
from tests.factories import make_statement
from tests.workflow import published, worked_on

pytestmark = pytest.mark.django_db


def empty_the_database() -> None:
    """manage.py flush, inside the test's transaction (rolled back afterwards). PostgreSQL
    refuses to TRUNCATE tables with foreign-key checks still deferred: run them first."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


def api_answers(clients, statement_ids) -> dict:
    urls = [
        "/api/v1/statements/?page_size=100",
        "/api/v1/quotations/?page_size=100",
        "/api/v1/speakers/?page_size=100",
        "/api/v1/sources/?page_size=100",
        "/api/v1/claimreviews/",
        "/api/v1/rating-scales/",
    ]
    for pk in statement_ids:
        urls += [f"/api/v1/statements/{pk}/", f"/api/v1/statements/{pk}/history/"]
    answers = {}
    for who, client in clients.items():
        for url in urls:
            response = client.get(url)
            answers[who, url] = (response.status_code, response.get("ETag"), response.content)
    return answers


def test_the_api_answers_the_same_after_an_export_and_an_import_into_an_emptied_database(
    tmp_path, anonymous, editor, fact_checker
):
    seed_load()
    done, draft = make_statement(text="Published and public."), make_statement(text="Still being checked.")
    published(done, fact_checker, editor)
    worked_on(draft, fact_checker)
    clients = {"anonymous": anonymous, "editor": api_client_for(editor)}  # the token is in the dataset too
    before = api_answers(clients, [done.pk, draft.pk])

    path = tmp_path / "claimtrack.json.gz"
    call_command("export_dataset", str(path), stdout=open("/dev/null", "w"))
    empty_the_database()
    assert not Statement.objects.exists()
    call_command("import_dataset", str(path), stdout=open("/dev/null", "w"))

    after = api_answers(clients, [done.pk, draft.pk])
    assert after.keys() == before.keys()
    for key in before:
        assert after[key] == before[key], key  # status, ETag and body, byte for byte
    assert before["editor", f"/api/v1/statements/{done.pk}/history/"][2].count(b'"user"') >= 3  # history came back


def test_an_import_never_goes_over_a_database_in_use(tmp_path):
    seed_load()
    path = tmp_path / "claimtrack.json"
    call_command("export_dataset", str(path), stdout=open("/dev/null", "w"))
    speakers = Speaker.objects.count()
    with pytest.raises(CommandError, match=r"already holds records \(.*Speaker.*\).*freshly migrated, empty"):
        call_command("import_dataset", str(path))
    assert Speaker.objects.count() == speakers


def test_a_damaged_file_writes_nothing_and_says_so(tmp_path):
    good = tmp_path / "good.json"
    seed_load()
    call_command("export_dataset", str(good), stdout=open("/dev/null", "w"))
    empty_the_database()
    damaged = tmp_path / "damaged.json"
    damaged.write_text(good.read_text()[: len(good.read_text()) // 2])
    with pytest.raises(CommandError, match="could not be loaded, and nothing was written"):
        call_command("import_dataset", str(damaged))
    assert not Speaker.objects.exists()
    with pytest.raises(CommandError, match="There is no file at"):
        call_command("import_dataset", str(tmp_path / "missing.json"))


def test_a_file_exported_before_writers_and_date_modified_were_kept_gets_them_from_its_history(
    tmp_path, editor, fact_checker
):
    done, draft = make_statement(text="Published and public."), make_statement(text="Still being checked.")
    published(done, fact_checker, editor)
    worked_on(draft, fact_checker)
    path = tmp_path / "claimtrack.json"
    call_command("export_dataset", str(path), stdout=open("/dev/null", "w"))
    records = json.loads(path.read_text())
    for record in records:  # as an older ClaimTrack wrote it
        if record["model"] == "verification.verification":
            for name in ("writers", "review_modified_at", "review_digest"):
                record["fields"].pop(name)
    path.write_text(json.dumps(records))
    empty_the_database()

    call_command("import_dataset", str(path), stdout=open("/dev/null", "w"))

    assert list(Verification.objects.get(statement=draft.pk).writers.all()) == [fact_checker]
    published_verification = Verification.objects.get(statement=done.pk)
    assert published_verification.review_modified_at == published_verification.updated_at
    assert not published_verification.writers.exists()
