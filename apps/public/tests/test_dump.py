"""The bulk download of published fact-checks: the same ClaimReviews as the pages, drafts never
in it, written whole or not at all, following publications and corrections after they commit
without ever undoing or delaying one, and caught up by the command."""

import csv
import io
import json
import logging
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.public import dump
from apps.verification import services
from apps.verification.claimreview import claimreview
from apps.verification.models import Verification
from apps.verification.selectors import statement_list
from tests.factories import make_quotation, make_source, make_statement
from tests.workflow import in_review, published, worked_on

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dump_dir(settings, tmp_path):
    settings.CLAIMTRACK_PUBLIC_DUMP_DIR = tmp_path / "public"
    settings.CLAIMTRACK_DESK_URL = "https://claims.example.org/"
    return settings.CLAIMTRACK_PUBLIC_DUMP_DIR


@pytest.fixture
def desk(fact_checker, editor):
    """One statement in every state of the workflow, one reopened, two published."""
    statements = {
        state: make_statement(text=f"The {state} claim.")
        for state in ("unchecked", "in_progress", "in_review", "reopened", "published", "published_too")
    }
    make_quotation(statement=statements["unchecked"])
    worked_on(statements["in_progress"], fact_checker)
    in_review(statements["in_review"], fact_checker)
    reopened = published(statements["reopened"], fact_checker, editor)
    services.verification_reopen(verification=reopened, user=editor, reason="Wrong figure.")
    source = make_source(url="https://news.example.org/a", title="The interview")
    make_quotation(statement=statements["published"], source=source, is_first_appearance=True)
    published(statements["published"], fact_checker, editor)
    published(statements["published_too"], fact_checker, editor)
    return statements


def read_json(directory) -> dict:
    return json.loads((directory / dump.JSON_NAME).read_text())


def read_csv(directory) -> list[dict]:
    return list(csv.DictReader(io.StringIO((directory / dump.CSV_NAME).read_text(), newline="")))


def test_the_datafeed_holds_the_claimreview_of_every_published_verdict_and_nothing_else(dump_dir, desk):
    meta = dump.dump_write()
    feed = read_json(dump_dir)
    assert feed["@context"] == "https://schema.org" and feed["@type"] == "DataFeed"
    assert feed["url"] == "https://claims.example.org" + reverse("public:datafeed-json")
    expected = []
    for statement in statement_list(user=None).filter(pk__in=[desk["published"].pk, desk["published_too"].pk]):
        review = claimreview(statement)
        del review["@context"]
        review["url"] = "https://claims.example.org" + review["url"]
        expected.append(review)
    assert feed["dataFeedElement"] == sorted(expected, key=lambda review: review["claimReviewed"])
    assert meta["count"] == 2


def test_the_csv_has_one_row_per_published_fact_check(dump_dir, desk):
    dump.dump_write()
    rows = read_csv(dump_dir)
    assert [row["claim"] for row in rows] == ["The published claim.", "The published_too claim."]
    row = rows[0]
    statement = desk["published"]
    verification = Verification.objects.get(statement=statement)
    assert row["url"] == "https://claims.example.org" + reverse(
        "public:fact-check", args=[statement.pk, statement.slug]
    )
    assert row["speaker"] == statement.speaker.name
    assert (row["verdict_label"], row["verdict_bucket"]) == (verification.rating.label, verification.rating.bucket)
    assert row["verdict_value"] == str(verification.rating.value)
    assert row["first_appearance_url"] == "https://news.example.org/a"
    assert row["first_appearance_title"] == "The interview"
    assert row["corrected"] == "no" and row["reopened_at"] == ""
    assert row["published_at"].startswith(verification.published_at.strftime("%Y-%m-%dT%H:%M"))


def test_a_corrected_verdict_says_so_in_the_csv(dump_dir, desk, fact_checker, editor):
    statement = desk["reopened"]
    services.verification_submit(verification=statement.verification, user=fact_checker)
    services.verification_publish(verification=statement.verification, user=editor)
    dump.dump_write()
    (row,) = [row for row in read_csv(dump_dir) if row["claim"] == "The reopened claim."]
    assert row["corrected"] == "yes" and row["reopened_at"]


def test_a_claim_that_looks_like_a_formula_cannot_run_in_a_spreadsheet(dump_dir, fact_checker, editor):
    for text in ('=HYPERLINK("http://evil")', "-5% in a year, he said", "+1 for the plan", "@SUM(A1)"):
        published(make_statement(text=text), fact_checker, editor)
    dump.dump_write()
    claims = [row["claim"] for row in read_csv(dump_dir)]
    assert claims == ['\'=HYPERLINK("http://evil")', "-5% in a year, he said", "'+1 for the plan", "'@SUM(A1)"]
    # The JSON keeps the words as they are.
    assert read_json(dump_dir)["dataFeedElement"][0]["claimReviewed"] == '=HYPERLINK("http://evil")'


def test_a_failed_write_leaves_the_previous_dump_whole(dump_dir, desk, monkeypatch):
    dump.dump_write()
    before = {name: (dump_dir / name).read_bytes() for name in (dump.JSON_NAME, dump.CSV_NAME, dump.META_NAME)}
    calls = []

    def failing(statement, review, path=None):
        calls.append(statement)
        if len(calls) == 2:
            raise OSError("No space left on device")
        return ["x"] * len(dump.CSV_COLUMNS)

    monkeypatch.setattr(dump, "csv_row", failing)
    with pytest.raises(OSError):
        dump.dump_write()
    assert {name: (dump_dir / name).read_bytes() for name in before} == before
    assert sorted(path.name for path in dump_dir.iterdir()) == sorted([*before, dump.LOCK_NAME])


def test_rows_are_read_in_chunks_not_all_at_once(dump_dir, fact_checker, editor, monkeypatch):
    for _ in range(5):
        published(make_statement(), fact_checker, editor)

    def queries_with_chunks_of(size):
        monkeypatch.setattr(dump, "CHUNK_SIZE", size)
        with CaptureQueriesContext(connection) as queries:
            dump.dump_write()
        assert len(read_json(dump_dir)["dataFeedElement"]) == 5
        return len(queries)

    # Each chunk is a query, and its quotations another: three chunks of two (and the empty
    # fourth that ends the walk) cost four queries more than one chunk of five.
    one_chunk, three_chunks = queries_with_chunks_of(1000), queries_with_chunks_of(2)
    assert three_chunks - one_chunk == 4


def test_changes_while_a_rewrite_runs_make_it_run_once_more_not_once_each(settings, monkeypatch):
    settings.CLAIMTRACK_PUBLIC_DUMP_REFRESH = "thread"
    started, release, runs = threading.Event(), threading.Event(), []

    def slow_refresh():
        runs.append(1)
        started.set()
        release.wait(5)

    monkeypatch.setattr(dump, "_refresh_logged", slow_refresh)
    dump.dump_refresh_soon()
    assert started.wait(5)
    worker = dump._worker
    for _ in range(3):
        dump.dump_refresh_soon()
    release.set()
    worker.join(5)
    assert not worker.is_alive() and dump._worker is None
    assert runs == [1, 1]


@pytest.mark.parametrize("move", ["publish", "reopen"])
def test_a_publication_or_correction_rewrites_the_dump_once_committed(
    dump_dir, settings, fact_checker, editor, django_capture_on_commit_callbacks, move
):
    settings.CLAIMTRACK_PUBLIC_DUMP_REFRESH = "sync"
    statement = make_statement(text="Wages doubled.")
    verification = in_review(statement, fact_checker)
    if move == "reopen":
        with django_capture_on_commit_callbacks(execute=True):
            services.verification_publish(verification=verification, user=editor)
        assert [row["claim"] for row in read_csv(dump_dir)] == ["Wages doubled."]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        if move == "publish":
            services.verification_publish(verification=verification, user=editor)
        else:
            services.verification_reopen(verification=verification, user=editor, reason="A wrong figure.")
    # Nothing written before the commit.
    assert (dump_dir / dump.CSV_NAME).exists() == (move == "reopen")
    for callback in callbacks:
        callback()
    assert [row["claim"] for row in read_csv(dump_dir)] == (["Wages doubled."] if move == "publish" else [])


def test_a_failed_rewrite_never_undoes_the_publication_and_the_command_catches_up(
    dump_dir, settings, fact_checker, editor, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    settings.CLAIMTRACK_PUBLIC_DUMP_REFRESH = "sync"
    statement = make_statement(text="Wages doubled.")
    verification = in_review(statement, fact_checker)

    def broken(directory=None):
        raise OSError("No space left on device")

    real_write = dump.dump_write
    monkeypatch.setattr(dump, "dump_write", broken)
    with caplog.at_level(logging.ERROR, logger="apps.public.dump"):
        with django_capture_on_commit_callbacks(execute=True):
            services.verification_publish(verification=verification, user=editor)
    assert Verification.objects.get(pk=verification.pk).status == "published"
    assert "Writing the fact-check dump failed" in caplog.text
    assert not dump.dump_is_current()

    monkeypatch.setattr(dump, "dump_write", real_write)
    out = io.StringIO()
    call_command("export_fact_checks", "--if-changed", stdout=out)
    assert "Wrote 1 fact-checks" in out.getvalue()
    assert [row["claim"] for row in read_csv(dump_dir)] == ["Wages doubled."]
    out = io.StringIO()
    call_command("export_fact_checks", "--if-changed", stdout=out)
    assert out.getvalue().startswith("Up to date: 1 fact-checks")


def test_the_command_says_what_is_wrong_with_an_unwritable_directory(dump_dir, tmp_path, db):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(CommandError, match="Could not write the fact-check downloads"):
        call_command("export_fact_checks", "--directory", str(blocker / "public"))


def test_the_downloads_are_served_with_validators(client, dump_dir, desk):
    dump.dump_write()
    for name, url, kind in [
        (dump.JSON_NAME, reverse("public:datafeed-json"), "application/ld+json"),
        (dump.CSV_NAME, reverse("public:datafeed-csv"), "text/csv"),
    ]:
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith(kind)
        assert b"".join(response.streaming_content) == (dump_dir / name).read_bytes()
        assert response["X-Fact-Checks-Count"] == "2"
        assert "public" in response["Cache-Control"]
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
        assert client.head(url).status_code == 200
    assert "attachment" in client.get(reverse("public:datafeed-csv"))["Content-Disposition"]


def test_a_dump_behind_the_verdicts_is_rewritten_when_asked_for(client, settings, dump_dir, desk, editor):
    settings.CLAIMTRACK_PUBLIC_DUMP_REFRESH = "sync"
    dump.dump_write()
    tag = client.get(reverse("public:datafeed-csv"))["ETag"]
    # A withdrawal whose rewrite never ran (the on-commit callbacks of this test never do).
    services.verification_reopen(verification=desk["published"].verification, user=editor, reason="Wrong.")
    response = client.get(reverse("public:datafeed-csv"), HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 200
    assert b"The published claim." not in b"".join(response.streaming_content)


def test_no_dump_yet_is_a_503_that_says_when_to_come_back(client, db, dump_dir):
    response = client.get(reverse("public:datafeed-json"))
    assert response.status_code == 503 and response["Retry-After"]
    assert b"export_fact_checks" in response.content
    assert "public" not in response.get("Cache-Control", "")


def test_a_damaged_meta_file_means_no_dump_until_it_is_written_again(db, dump_dir, desk):
    dump.dump_write()
    (dump_dir / dump.META_NAME).write_text("{not json")
    assert dump.dump_meta() is None and not dump.dump_is_current()
    request = RequestFactory().get(reverse("public:datafeed-json"))
    assert dump.download(request, "json").status_code == 503


def test_a_writer_killed_mid_way_leaves_nothing_that_lasts(dump_dir, desk):
    dump_dir.mkdir(parents=True)
    leftover = dump_dir / ".fact-checks.jsonld.abc123.tmp"
    leftover.write_text('{"@type": "DataFeed", "dataFeedElement": [')
    dump.dump_write()
    assert not leftover.exists()
    assert read_json(dump_dir)["dataFeedElement"]


def test_a_second_writer_finding_the_dump_current_writes_nothing(dump_dir, desk):
    meta = dump.dump_write()
    assert dump.dump_refresh() is None
    assert dump.dump_write(if_changed=True) is None
    assert dump.dump_meta() == meta
    assert dump.dump_refresh(force=True)["generated_at"] >= meta["generated_at"]
