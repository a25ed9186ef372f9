"""What the desk's pages show at a glance: the lists' status and verdict badges, who has the work
and for how long, why work was sent back; a statement's page that starts with where it stands
and the moves this user may make from it; a speaker's page with their published verdicts. And
the lists' query counts stay the same whatever the rows hold."""

import datetime
import re

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from apps.accounts.roles import EDITORS, FACT_CHECKERS
from apps.claims.models import Quotation, Statement
from apps.core.colours import luminance as _luminance
from apps.core.colours import text_colour_on
from apps.speakers.models import Speaker
from apps.verification import services
from apps.verification.choices import VerificationStatus
from apps.verification.models import Rating, Verification
from tests.admin import admin_url, client_of, form_data, messages_of
from tests.factories import default_rating, make_quotation, make_source, make_statement, make_user
from tests.shared_rows import module_rows
from tests.workflow import SUMMARY, in_review, published, worked_on

pytestmark = pytest.mark.django_db

REASON = "The census figure needs its source: link the 1992 table."


def sent_back(statement, fact_checker, editor) -> Verification:
    return services.verification_return(verification=in_review(statement, fact_checker), user=editor, reason=REASON)


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize(
    "colour", ["#000000", "#ffffff", "#757575", "#777777", "#2e7d32", "#f9a825", "#c62828", "#0000ff"]
)
def test_a_verdict_badge_stays_readable_whatever_colour_the_desk_chose(colour):
    assert contrast(colour, text_colour_on(colour)) >= 4.5


def test_every_rating_of_the_seed_scales_gets_a_readable_badge():
    ratings = list(Rating.objects.all())
    assert ratings
    for rating in ratings:
        assert contrast(rating.colour, text_colour_on(rating.colour)) >= 4.5, rating


def test_the_statements_list_shows_status_verdict_badge_and_fact_checker(editor_client, fact_checker, editor):
    done = make_statement(text="The river has marked the border since 1920.")
    published(done, fact_checker, editor)
    make_statement(text="Nobody has looked at this yet.")
    html = editor_client.get(admin_url(Statement, "changelist")).content.decode()
    rating = default_rating("false")
    assert re.search(
        rf'<span class="desk-badge verdict-badge" style="background-color:{rating.colour};color:#[0-9a-f]{{6}}"'
        rf' title="Verdict: {rating.label}">{rating.label}</span>',
        html,
    )
    assert '<span class="desk-badge status-badge status-published">Published</span>' in html
    assert '<span class="desk-badge status-badge status-unchecked">Unchecked</span>' in html
    assert f'<td class="field-assignee">{fact_checker.username}</td>' in html


def test_long_words_are_cut_in_the_lists_with_the_whole_on_hover(editor_client, fact_checker):
    words = ", ".join(["The river has marked the border since 1920"] * 8) + "."
    make_quotation(statement=make_statement(text=words), text="the border", context="marked “the border” since")
    for model in (Statement, Verification, Quotation):
        if model is Verification:
            services.verification_assign(statement=Statement.objects.get(), user=fact_checker)
        html = editor_client.get(admin_url(model, "changelist")).content.decode()
        if model is Quotation:
            continue  # the quotation's words are short; its statement's are not shown
        assert f'title="{words}"' in html, model
        assert words not in strip_tags(html).replace(f'title="{words}"', ""), model


def test_work_sent_back_shows_who_when_and_why_in_the_list_and_on_its_pages(editor_client, fact_checker, editor):
    statement = make_statement()
    verification = sent_back(statement, fact_checker, editor)
    when = timezone.localtime(verification.sent_back_at)
    line = f"Sent back by {editor.username} on {when.day} {when:%b %Y}: {REASON}"
    checker = client_of(fact_checker)
    queue = checker.get(admin_url(Verification, "changelist") + "?queue=mine").content.decode()
    assert line in queue and "is-sent-back" in queue
    for url in (admin_url(Verification, "change", verification.pk), admin_url(Statement, "change", statement.pk)):
        page = checker.get(url).content.decode()
        assert f'<div class="sent-back-banner" role="status"><strong>{line}</strong></div>' in page, url
    # Sent to review again: the reason is no longer shown as the one to act on.
    services.verification_submit(verification=verification, user=fact_checker)
    page = checker.get(admin_url(Statement, "change", statement.pk)).content.decode()
    assert "sent-back-banner" not in page


def test_the_verifications_list_says_how_long_work_has_been_in_its_status(editor_client, fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    Verification.objects.filter(pk=verification.pk).update(
        status_changed_at=timezone.now() - datetime.timedelta(days=12, hours=3)
    )
    html = editor_client.get(admin_url(Verification, "changelist")).content.decode()
    assert '<td class="field-in_status_for">12 days</td>' in html


def _state_panel(html: str) -> str:
    match = re.search(r'<section class="state-panel".*?</section>', html, re.S)
    assert match, "no state panel"
    return match.group(0)


def test_the_statement_page_starts_with_where_it_stands_before_the_form(editor_client, fact_checker, editor):
    statement = make_statement()
    published(statement, fact_checker, editor)
    html = editor_client.get(admin_url(Statement, "change", statement.pk)).content.decode()
    panel = _state_panel(html)
    assert html.index(panel) < html.index('id="statement_form"')
    text = " ".join(strip_tags(panel).split())
    assert "Status Published" in text
    assert f"Verdict {default_rating('false').label}" in text
    assert f"Fact-checker {fact_checker.username} · published by {editor.username}" in text
    assert SUMMARY in text
    # An editor may reopen a published verdict, nothing else.
    assert re.findall(r'data-move="(\w+)"', panel) == ["reopen"]


def test_the_statement_page_lists_where_each_source_reports_it_and_where_in_its_text(editor_client):
    statement = make_statement()
    source = make_source(
        title="Council debates the river border", archived_text="He said that the river is the border."
    )
    quotation = make_quotation(
        statement=statement, source=source, text="the river is the border", context="that the river is the border."
    )
    assert quotation.char_start is not None
    panel = _state_panel(editor_client.get(admin_url(Statement, "change", statement.pk)).content.decode())
    assert admin_url(type(source), "change", source.pk) in panel
    assert f"characters {quotation.char_start}–{quotation.char_end}" in panel
    assert "<mark>the river is the border</mark>" in panel


@pytest.mark.parametrize(
    ("who", "status", "moves"),
    [
        ("fact_checker", None, ["assign_to_me"]),
        ("editor", None, ["assign_to_me", "assign_to"]),
        ("fact_checker", VerificationStatus.IN_PROGRESS, ["submit"]),
        ("editor", VerificationStatus.IN_REVIEW, ["return", "publish"]),
        ("fact_checker", VerificationStatus.IN_REVIEW, []),
    ],
)
def test_the_statement_page_offers_the_moves_this_user_may_make_now(request, fact_checker, editor, who, status, moves):
    statement = make_statement()
    if status == VerificationStatus.IN_PROGRESS:
        worked_on(statement, fact_checker)
    elif status == VerificationStatus.IN_REVIEW:
        in_review(statement, fact_checker)
    user = request.getfixturevalue(who)
    panel = _state_panel(client_of(user).get(admin_url(Statement, "change", statement.pk)).content.decode())
    assert re.findall(r'data-move="(\w+)"', panel) == moves


def _statement_move_url(statement, name):
    return reverse("admin:claims_statement_move", args=[statement.pk, name])


def test_assign_to_me_from_the_statement_page_takes_the_work(fact_checker):
    statement = make_statement()
    client = client_of(fact_checker)
    page = client.get(admin_url(Statement, "change", statement.pk))
    panel = _state_panel(page.content.decode())
    assert f'<input type="hidden" name="version-{statement.pk}" value="none">' in panel
    response = client.post(_statement_move_url(statement, "assign_to_me"), {f"version-{statement.pk}": "none"})
    assert response.status_code == 302 and response.url == admin_url(Statement, "change", statement.pk)
    verification = Verification.objects.get(statement=statement)
    assert (verification.status, verification.fact_checker) == (VerificationStatus.IN_PROGRESS, fact_checker)


def test_a_move_from_the_statement_page_acts_on_the_version_it_showed(fact_checker, editor):
    statement = make_statement()
    verification = worked_on(statement, fact_checker)
    shown = verification.version
    services.verification_update(verification=verification, user=editor, fields={"summary": "Changed meanwhile."})
    client = client_of(fact_checker)
    response = client.post(_statement_move_url(statement, "submit"), {f"version-{statement.pk}": str(shown)})
    assert response.status_code == 302
    assert Verification.objects.get(pk=verification.pk).status == VerificationStatus.IN_PROGRESS
    assert any(level == "warning" for level, _ in messages_of(response))
    # Without the version shown, nothing moves either.
    client.post(_statement_move_url(statement, "submit"), {})
    assert Verification.objects.get(pk=verification.pk).status == VerificationStatus.IN_PROGRESS


def test_send_back_from_the_statement_page_asks_for_a_reason_then_shows_it(fact_checker, editor):
    statement = make_statement()
    verification = in_review(statement, fact_checker)
    client = client_of(editor)
    page = client.get(_statement_move_url(statement, "return") + f"?version={verification.version}")
    assert page.status_code == 200
    data = form_data(page, "move_form") | {"reason": [REASON]}
    response = client.post(_statement_move_url(statement, "return"), data)
    assert response.status_code == 302 and response.url == admin_url(Statement, "change", statement.pk)
    verification.refresh_from_db()
    assert (verification.is_sent_back, verification.sent_back_reason) == (True, REASON)
    assert 'href="{}"'.format(admin_url(Statement, "change", statement.pk)) in page.content.decode()  # Cancel


def test_an_unknown_move_on_the_statement_page_is_not_found(editor_client):
    statement = make_statement()
    assert editor_client.get(_statement_move_url(statement, "explode")).status_code == 404


def test_the_speaker_page_shows_status_verdict_and_published_verdict_counts(editor_client, fact_checker, editor):
    first = make_statement(text="The river has marked the border since 1920.")
    published(first, fact_checker, editor)
    second = make_statement(speaker=first.speaker, text="The census counted two million.")
    worked_on(second, fact_checker)
    html = editor_client.get(admin_url(Speaker, "change", first.speaker.pk)).content.decode()
    assert re.search(
        r'status-published">Published</span> <span class="desk-badge verdict-badge"[^>]*>False</span>', html
    )
    assert 'status-in_progress">In progress</span>' in html
    scorecard = re.search(r'<table class="scorecard">.*?</table>', html, re.S).group(0)
    cells = re.findall(r'<th scope="row">(\w+)</th><td class="scorecard-\w+">(\d+)</td>', scorecard)
    assert cells == [
        ("True", "0"),
        ("Mixed", "0"),
        ("False", "1"),
        ("Other", "0"),
    ]  # the one in progress is not counted


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


LISTS = [Statement, Verification, Quotation]


@pytest.fixture(scope="class")
def rows_in_every_state(django_db_setup, django_db_blocker):
    """For TestListsCostTheSameQueriesWhateverStateTheirRowsAreIn, which it is scoped to: every
    state a row can be in (sent back, in review, published, unchecked), each with its
    fact-checker, verdict and the one who sent it back: one row of each, the lists' queries
    counted, then ten more of each. Made once for the class (tests/shared_rows.py)."""
    with module_rows(django_db_blocker):
        editor = make_user("editor-in-test", group=EDITORS)
        fact_checker = make_user("factchecker-in-test", group=FACT_CHECKERS)

        def rows():
            for make in (
                lambda s: sent_back(s, fact_checker, editor),
                lambda s: in_review(s, fact_checker),
                lambda s: published(s, fact_checker, editor),
                lambda s: None,
            ):
                statement = make_statement()
                make_quotation(statement=statement)
                make(statement)

        rows()
        client = Client()
        client.force_login(editor)
        few = {model: _queries(client, admin_url(model, "changelist")) for model in LISTS}
        for _ in range(10):
            rows()
        yield {"editor": editor, "fact_checker": fact_checker, "few": few}


class TestListsCostTheSameQueriesWhateverStateTheirRowsAreIn:
    @pytest.fixture
    def editor(self, rows_in_every_state):
        return rows_in_every_state["editor"]

    @pytest.mark.parametrize("model", LISTS, ids=lambda model: model.__name__)
    def test_the_lists_cost_the_same_queries_whatever_state_their_rows_are_in(
        self, rows_in_every_state, editor_client, model
    ):
        """One row in each state, then eleven (see `rows_in_every_state`)."""
        few = rows_in_every_state["few"][model]
        assert _queries(editor_client, admin_url(model, "changelist")) == few


def test_the_statement_page_costs_the_same_queries_with_more_quotations(editor_client, fact_checker, editor):
    statement = make_statement()
    sent_back(statement, fact_checker, editor)
    make_quotation(statement=statement)
    url = admin_url(Statement, "change", statement.pk)
    editor_client.get(url)
    few = _queries(editor_client, url)
    for _ in range(5):
        make_quotation(statement=statement)
    assert _queries(editor_client, url) == few


def test_view_site_leads_to_the_api_docs_and_the_favicon_is_found(editor_client, client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert '<a href="/api/docs/">API docs</a>' in html
    icon = re.search(r'<link rel="icon" href="/static/([^"]+)"', html).group(1)
    assert finders.find(icon)  # served by WhiteNoise; the browser tests load it
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response.url == f"/static/{icon}"


def test_the_redoc_page_may_show_redoclys_logo_and_nothing_else_from_another_site(client):
    policy = client.get("/api/redoc/")["Content-Security-Policy"]
    img_src = re.search(r"img-src ([^;]+)", policy).group(1).split()
    assert sorted(img_src) == sorted(["'self'", "data:", "https://cdn.redoc.ly"])
    elsewhere = client.get("/api/docs/")["Content-Security-Policy"]
    assert "cdn.redoc.ly" not in elsewhere


def test_publish_from_the_statement_page_shows_what_goes_public_first(fact_checker, editor):
    statement = make_statement()
    verification = in_review(statement, fact_checker)
    client = client_of(editor)
    panel = _state_panel(client.get(admin_url(Statement, "change", statement.pk)).content.decode())
    link = re.search(r'<a href="([^"]+)" class="workflow-move workflow-publish kind-primary"', panel).group(1)
    assert link == _statement_move_url(statement, "publish") + f"?version={verification.version}"
    page = client.get(link)
    assert SUMMARY in page.content.decode() and "ClaimReview" in page.content.decode()
    assert Verification.objects.get(pk=verification.pk).status == VerificationStatus.IN_REVIEW  # not yet
    response = client.post(_statement_move_url(statement, "publish"), form_data(page, "move_form"))
    assert response.status_code == 302 and response.url == admin_url(Statement, "change", statement.pk)
    assert Verification.objects.get(pk=verification.pk).status == VerificationStatus.PUBLISHED


def test_after_publishing_from_a_verification_page_its_page_opens_again_not_the_confirmation(fact_checker, editor):
    verification = in_review(make_statement(), fact_checker)
    client = client_of(editor)
    url = reverse("admin:verification_verification_move", args=[verification.pk, "publish"])
    page = client.get(f"{url}?version={verification.version}")
    response = client.post(url, form_data(page, "move_form"))
    assert Verification.objects.get(pk=verification.pk).status == VerificationStatus.PUBLISHED
    assert response.url == admin_url(Verification, "change", verification.pk)


def test_a_publication_refused_because_the_verdict_changed_shows_its_confirmation_again(fact_checker, editor):
    statement = make_statement()
    verification = in_review(statement, fact_checker)
    client = client_of(editor)
    page = client.get(_statement_move_url(statement, "publish") + f"?version={verification.version}")
    shown = verification.version
    services.verification_update(verification=verification, user=fact_checker, fields={"summary": "Changed."})
    response = client.post(_statement_move_url(statement, "publish"), form_data(page, "move_form"))
    assert Verification.objects.get(pk=verification.pk).status == VerificationStatus.IN_REVIEW
    assert response.url == _statement_move_url(statement, "publish") + f"?version={shown}"
    assert "This verification changed after you opened it" in client.get(response.url).content.decode()


def test_reopened_work_says_reopened_by_whom_when_and_why_not_sent_back(fact_checker, editor):
    statement = make_statement()
    verification = published(statement, fact_checker, editor)
    reason = "The treaty was signed in 2006, not 2005."
    verification = services.verification_reopen(verification=verification, user=editor, reason=reason)
    when = timezone.localtime(verification.sent_back_at)
    line = f"Reopened by {editor.username} on {when.day} {when:%b %Y}: {reason}"
    checker = client_of(fact_checker)
    queue = checker.get(admin_url(Verification, "changelist") + "?queue=mine").content.decode()
    assert line in queue
    assert re.search(r'<span class="desk-badge status-badge status-in_progress is-sent-back">Reopened</span>', queue)
    assert "Sent back" not in strip_tags(queue).replace("Sent back to me", "")
    for url in (admin_url(Verification, "change", verification.pk), admin_url(Statement, "change", statement.pk)):
        page = checker.get(url).content.decode()
        assert f'<div class="sent-back-banner" role="status"><strong>{line}</strong></div>' in page, url
    panel = " ".join(
        strip_tags(_state_panel(checker.get(admin_url(Statement, "change", statement.pk)).content.decode())).split()
    )
    assert "Status Reopened" in panel
    # The verdict is off the public view: it was published, it is not now.
    published_on = timezone.localtime(verification.published_at)
    assert f"· last published by {editor.username} on {published_on.day} {published_on:%b %Y}" in panel
    board = checker.get("/admin/desk/").content.decode()
    assert '<span class="tag">reopened</span>' in board and '<span class="tag">sent back</span>' not in board


def test_work_returned_from_review_still_says_sent_back(fact_checker, editor):
    statement = make_statement()
    sent_back(statement, fact_checker, editor)
    checker = client_of(fact_checker)
    panel = " ".join(
        strip_tags(_state_panel(checker.get(admin_url(Statement, "change", statement.pk)).content.decode())).split()
    )
    assert "Status Sent back" in panel and "Reopened" not in panel
    assert "published by" not in panel  # never published
    assert '<span class="tag">sent back</span>' in checker.get("/admin/desk/").content.decode()


@pytest.mark.parametrize(
    ("text", "limit", "shown"),
    [
        ("short", 10, "short"),
        ("by the Kyiv regime … and more words after it", 22, "by the Kyiv regime…"),
        ("by the Kyiv regime...", 20, "by the Kyiv regime…"),
        ("They will bring to trial every one of them", 20, "They will bring to…"),
        ("x" * 50, 20, "x" * 19 + "…"),
    ],
)
def test_cut_ends_with_one_ellipsis_after_a_whole_word_where_it_can(text, limit, shown):
    from apps.desk.badges import cut

    html = str(cut(text, limit))
    assert strip_tags(html) == shown
    assert strip_tags(html).count("…") <= 1
    if shown != text:
        assert f'title="{text}"' in html
        assert len(shown) <= limit


def test_the_desk_writes_fact_checker_dashes_and_dates_one_way_on_every_page(editor_client, fact_checker):
    verification = worked_on(make_statement(), fact_checker)
    lists = editor_client.get(admin_url(Verification, "changelist")).content.decode()
    statements = editor_client.get(admin_url(Statement, "changelist")).content.decode()
    page = editor_client.get(admin_url(Verification, "change", verification.pk)).content.decode()
    for html in (lists, statements, page):
        assert not re.search(r"fact checker", strip_tags(html), re.I)
    assert re.search(r">\s*Fact-checker\s*<", lists)
    assert re.search(r"<label[^>]*>Fact-checker:</label>", page)
    # Nothing published yet: the reviewer and publication date read "—", as the desk's columns do.
    reviewer = re.search(r'field-reviewer.*?<div class="readonly">(.*?)</div>', page, re.S).group(1)
    published_at = re.search(r'field-published_at.*?<div class="readonly">(.*?)</div>', page, re.S).group(1)
    assert (reviewer, published_at) == ("—", "—")
    # Django's own "Nov. 29, 2026, 8:12 p.m." is the desk's "29 Nov 2026 20:12".
    created = timezone.localtime(verification.created_at)
    assert f"{created.day} {created:%b %Y %H:%M}" in page
    assert not re.search(r"\b(a\.m\.|p\.m\.)", page)


def test_the_speaker_page_cuts_long_statements_after_a_word_with_the_whole_on_hover(editor_client):
    words = "They will bring to trial " * 12
    statement = make_statement(text=words.strip())
    html = editor_client.get(admin_url(Speaker, "change", statement.speaker.pk)).content.decode()
    item = re.search(rf'<a href="{admin_url(Statement, "change", statement.pk)}">(.*?)</a>', html, re.S).group(1)
    assert f'title="{statement.text}"' in item
    shown = strip_tags(item)
    assert shown.endswith("…") and shown[:-1].split()[-1] in {"They", "will", "bring", "to", "trial"}


def test_the_statement_history_dates_read_as_the_rest_of_the_desk(editor_client, fact_checker):
    statement = make_statement()
    worked_on(statement, fact_checker)
    html = editor_client.get(admin_url(Statement, "change", statement.pk)).content.decode()
    table = re.search(r'<table class="history-table">.*?</table>', html, re.S).group(0)
    now = timezone.localtime()
    assert f"<td>{now.day} {now:%b %Y} " in table
    assert not re.search(r"<td>\d{4}-\d\d-\d\d ", table)
