"""HTTP caching of the public site: validators from the site-wide stamp of the last public
change, 304 while they hold, a full answer as soon as anything public changed (a verdict
withdrawn above all), headers a CDN can act on, and nothing shared that was built for one
client."""

import time

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from apps.public import caching
from apps.verification import services
from tests.factories import make_speaker, make_statement, make_topic
from tests.workflow import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def fact_check(fact_checker, editor, django_capture_on_commit_callbacks):
    statement = make_statement(text="The border was never drawn.", topics=[make_topic()])
    with django_capture_on_commit_callbacks(execute=True):
        published(statement, fact_checker, editor)
    return statement


def public_urls(statement) -> list[str]:
    return [
        reverse("public:home"),
        reverse("public:fact-check", args=[statement.pk, statement.slug]),
        reverse("public:speaker", args=[statement.speaker_id, statement.speaker.slug]),
        reverse("public:topic", args=[statement.topics.get().slug]),
        reverse("public:topics"),
        reverse("public:search") + "?q=border",
        reverse("public:feed"),
        reverse("public:speaker-feed", args=[statement.speaker_id]),
        reverse("public:topic-feed", args=[statement.topics.get().slug]),
        reverse("public:sitemap"),
        reverse("public:robots"),
    ]


def test_every_public_page_and_feed_answers_a_conditional_get_with_304(client, fact_check):
    for url in public_urls(fact_check):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["ETag"].startswith('W/"'), url
        control = response["Cache-Control"]
        assert "public" in control and "max-age=60" in control and "stale-while-revalidate=30" in control, url
        again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304, url
        assert again["ETag"] == response["ETag"] and "public" in again["Cache-Control"]
        assert again.content == b""
        assert client.head(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url


def test_urls_differ_in_their_etags(client, fact_check):
    tags = {client.get(url)["ETag"] for url in public_urls(fact_check)}
    assert len(tags) == len(public_urls(fact_check))


def test_a_withdrawn_verdict_is_never_confirmed_as_current(
    client, fact_check, editor, django_capture_on_commit_callbacks
):
    """Publish, GET, reopen: the same conditional GET gets the page without the verdict."""
    feed, page = reverse("public:feed"), reverse("public:fact-check", args=[fact_check.pk, fact_check.slug])
    before = {url: client.get(url) for url in (feed, page)}
    assert fact_check.text.encode() in before[feed].content
    with django_capture_on_commit_callbacks(execute=True):
        services.verification_reopen(verification=fact_check.verification, user=editor, reason="Wrong figure.")
    after = client.get(feed, HTTP_IF_NONE_MATCH=before[feed]["ETag"])
    assert after.status_code == 200
    assert fact_check.text.encode() not in after.content
    assert after["ETag"] != before[feed]["ETag"]
    assert client.get(page, HTTP_IF_NONE_MATCH=before[page]["ETag"]).status_code != 304


def test_any_public_change_moves_the_validators(client, fact_check, django_capture_on_commit_callbacks):
    url = reverse("public:feed")
    tag = client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        speaker = fact_check.speaker
        speaker.name = "Ada Renamed"
        speaker.save()
    response = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 200 and b"Ada Renamed" in response.content


def test_a_stale_or_foreign_etag_gets_the_full_answer(client, fact_check):
    url = reverse("public:feed")
    current = client.get(url)["ETag"]
    for tag in ['W/"0123456789abcdef"', '"not-ours"', "garbage", '*, "x"', current.replace('W/"', 'W/"0'), " "]:
        assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 200, tag
    # "*": any current version (there is one).
    assert client.get(url, HTTP_IF_NONE_MATCH="*").status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH=f'W/"x", {current}').status_code == 304


def test_a_rolled_back_change_moves_nothing_and_a_transaction_bumps_once(
    db, django_capture_on_commit_callbacks, monkeypatch
):
    stamp = caching.public_stamp()
    try:
        with transaction.atomic():
            make_speaker()
            raise RuntimeError("rolled back")
    except RuntimeError:
        pass
    assert caching.public_stamp() == stamp
    bumps = []
    monkeypatch.setattr(caching, "public_stamp_bump", lambda: bumps.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            for _ in range(3):
                make_statement()
    assert bumps == [1]


def test_the_desks_private_notes_move_nothing(db, fact_check, editor, django_capture_on_commit_callbacks):
    stamp = caching.public_stamp()
    with django_capture_on_commit_callbacks(execute=True):
        services.verification_note_add(verification=fact_check.verification, user=editor, text="Check the map.")
    assert caching.public_stamp() == stamp


def test_a_lost_stamp_starts_afresh_and_never_goes_back(db, client, fact_check):
    url = reverse("public:feed")
    tag = client.get(url)["ETag"]
    caching.cache.delete(caching.STAMP_KEY)
    assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 200


def test_last_modified_is_given_once_its_second_is_over(client, fact_check, monkeypatch):
    url = reverse("public:feed")
    stamp = caching.public_stamp_bump()
    made = caching.stamp_time(stamp)
    monkeypatch.setattr(caching.time, "time", lambda: made + 0.0001 if int(made + 0.0001) == int(made) else made)
    assert not client.get(url).has_header("Last-Modified")
    monkeypatch.setattr(caching.time, "time", lambda: made + 2)
    response = client.get(url)
    since = response["Last-Modified"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    # A change a second later: the date moves, so If-Modified-Since alone is not fooled.
    monkeypatch.setattr(caching.time, "time_ns", lambda: int((made + 3) * 1e9))
    caching.public_stamp_bump()
    monkeypatch.setattr(caching.time, "time", lambda: made + 5)
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=since).status_code == 200


def test_an_answer_built_for_one_client_is_never_public(db):
    def with_session(request):
        request.session["seen"] = True
        return HttpResponse("hello")

    request = RequestFactory().get("/")
    request.session = type("Session", (dict,), {"accessed": True})()
    response = caching.public_cache(with_session)(request)
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_errors_and_writes_are_not_cached(client, db):
    response = client.get("/feeds/topics/no-such-topic.atom")
    assert response.status_code == 404 and "public" not in response.get("Cache-Control", "")
    assert not response.has_header("ETag")
    for url in (reverse("public:feed"), reverse("public:home"), reverse("public:datafeed-csv")):
        assert client.post(url).status_code == 405
        assert client.put(url).status_code == 405


def test_the_stamp_is_one_cache_read(db, django_assert_num_queries):
    caching.public_stamp()
    with django_assert_num_queries(0):
        assert caching.public_stamp() == caching.public_stamp()


def test_a_stamp_tells_its_time(db):
    before = time.time()
    stamp = caching.public_stamp_bump()
    assert before - 1 <= caching.stamp_time(stamp) <= time.time() + 1


def test_a_cache_that_refuses_the_new_stamp_loses_no_write_and_drops_the_old_stamp(
    db, client, fact_check, django_capture_on_commit_callbacks, monkeypatch
):
    url = reverse("public:feed")
    tag = client.get(url)["ETag"]

    def refuse(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(caching.cache, "set", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        speaker = make_speaker(name="Stored Anyway")  # no error reaches the writer
    monkeypatch.undo()

    assert type(speaker).objects.filter(name="Stored Anyway").exists()
    assert client.get(url, HTTP_IF_NONE_MATCH=tag).status_code == 200  # the old validator is gone


def test_a_migrations_models_do_not_touch_the_stamp():
    from django.db.migrations.state import ModelState, ProjectState

    from apps.claims.models import Statement

    state = ProjectState()
    state.add_model(ModelState.from_model(Statement, exclude_rels=True))
    historical = state.apps.get_model("claims", "Statement")

    assert caching.shows_in_public(Statement)
    assert not caching.shows_in_public(historical)
