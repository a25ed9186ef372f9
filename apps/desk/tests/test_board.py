"""The desk's board page in the admin (/admin/desk/): found from the header and the front page,
every count a link to the list it counts, staff who read verification work only, and a number
of queries that does not grow with the desk."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.verification import services
from apps.verification.models import Verification
from tests.admin import client_of
from tests.factories import make_statement, make_user
from tests.workflow import in_review, published, worked_on

pytestmark = pytest.mark.django_db

BOARD = "/admin/desk/"


def desk(editor, fact_checker, other_checker, *, each: int):
    """A desk with `each` items of every kind of work."""
    for number in range(each):
        worked_on(make_statement(), fact_checker)
        worked_on(make_statement(), other_checker)
        services.verification_return(
            verification=in_review(make_statement(), fact_checker), user=editor, reason=f"Reason {number}"
        )
        in_review(make_statement(), other_checker)
        mine = in_review(make_statement(), fact_checker)
        services.verification_update(verification=mine, user=editor, fields={"summary": f"Edited {number}"})
        published(make_statement(), other_checker, editor)
        make_statement()
    Verification.objects.update(status_changed_at=timezone.now() - timedelta(days=40))


def links(response) -> dict[str, str]:
    """Section id → the link of its count."""
    html = response.content.decode()
    found = {}
    for section in ("desk-mine", "desk-sent-back", "desk-to-review", "desk-unassigned"):
        match = re.search(rf'id="{section}".*?<caption><a class="count" href="([^"]+)"', html, re.S)
        if match:
            found[section] = match.group(1).replace("&amp;", "&")
    return found


def test_the_board_is_at_admin_desk_and_linked_from_the_header_and_the_front_page(editor):
    client = client_of(editor)

    front = client.get(reverse("admin:index")).content.decode()

    assert reverse("admin:desk_board") == BOARD
    assert front.count(f'href="{BOARD}"') == 2  # the header's user tools, the desk's box
    assert client.get(BOARD).status_code == 200


def test_each_count_links_to_the_list_of_exactly_what_it_counts(editor, second_editor, fact_checker, other_checker):
    desk(second_editor, fact_checker, other_checker, each=2)
    services.verification_update(
        verification=in_review(make_statement(), other_checker), user=editor, fields={"summary": "Mine."}
    )
    for user, sections in (
        (fact_checker, {"desk-mine": 4, "desk-sent-back": 2, "desk-unassigned": 2}),
        (editor, {"desk-to-review": 4, "desk-unassigned": 2}),
    ):
        client = client_of(user)
        page = client.get(BOARD)
        found = links(page)
        assert set(found) >= set(sections)
        for section, expected in sections.items():
            assert re.search(rf'id="{section}".*?: {expected}\b', page.content.decode(), re.S), section
            listed = client.get(found[section])
            assert listed.status_code == 200, found[section]
            assert listed.context["cl"].result_count == expected, (section, found[section])


def test_the_ageing_counts_link_to_the_work_waiting_that_long(editor, fact_checker, other_checker):
    desk(editor, fact_checker, other_checker, each=1)  # two in review for 40 days
    in_review(make_statement(), fact_checker)  # and one since now
    client = client_of(editor)
    html = client.get(BOARD).content.decode()
    row = re.search(r'<tr data-status="in_review">(.*?)</tr>', html, re.S).group(1)
    cells = re.findall(r'<a href="([^"]+)"[^>]*>(\d+)</a>', row)

    assert [int(count) for _, count in cells] == [3, 2, 2]  # all, > 7 days, > 30 days
    for url, count in cells:
        assert client.get(url.replace("&amp;", "&")).context["cl"].result_count == int(count)


def test_the_board_takes_the_same_number_of_queries_whatever_the_size_of_the_desk(
    editor, second_editor, fact_checker, other_checker, django_assert_max_num_queries
):
    client = client_of(editor)
    counts = []
    for each in (1, 12):
        desk(second_editor, fact_checker, other_checker, each=each)
        services.verification_update(
            verification=in_review(make_statement(), other_checker), user=editor, fields={"summary": "Mine."}
        )
        # The session and the user (2), the user's and their groups' permissions (2), then the
        # board's: the counts of the user's sections; to review; written by me; the unassigned
        # count and the oldest of them; the team; the statuses (an editor with no work of their
        # own: "my work" and "sent back" are not read when their count is 0).
        with django_assert_max_num_queries(11) as captured:
            page = client.get(BOARD)
        assert page.status_code == 200
        counts.append(len(captured))

    assert counts[0] == counts[1]
    # More than ten waiting for review and unassigned: ten of each shown, with a link to the rest.
    assert page.content.decode().count('class="see-all"') == 2


def test_staff_who_may_not_read_verification_work_are_refused_and_the_public_logs_in(client):
    plain = make_user("plain-staff")

    assert client_of(plain).get(BOARD).status_code == 403
    response = client.get(BOARD)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_board_cuts_statements_as_the_lists_do_and_counts_time_in_their_words(editor, fact_checker):
    ending = "They called it a provocation by the Kyiv regime " * 4 + "…"
    services.verification_return(
        verification=in_review(make_statement(text=ending.strip()), fact_checker), user=editor, reason="Source it."
    )
    worked_on(make_statement(text="Wheat exports doubled last year."), fact_checker)
    html = client_of(fact_checker).get(BOARD).content.decode()
    sent_back = re.search(r'id="desk-sent-back".*?</table>', html, re.S).group(0)
    # The whole text on hover; one ellipsis, never two.
    assert f'title="{ending.strip()}"' in sent_back
    assert "……" not in sent_back and "… …" not in sent_back
    # "under a day", as the lists say it, not Django's "0 minutes".
    assert "under a day" in html
    assert not re.search(r"\b\d+\xa0?minutes?\b", html)


def test_the_nobody_row_links_to_the_work_nobody_is_assigned(editor, fact_checker):
    from apps.verification.models import Verification

    orphan = worked_on(make_statement(), fact_checker)
    Verification.objects.filter(pk=orphan.pk).update(fact_checker=None)
    client = client_of(editor)
    html = client.get(BOARD).content.decode()

    row = re.search(r"<th scope=\"row\">Nobody \(not assigned, or the account was deleted\)</th>.*?</tr>", html, re.S)
    assert row, "no row for unassigned work"
    url = re.search(r'<a href="([^"]+)">1</a>', row.group(0)).group(1).replace("&amp;", "&")
    listed = client.get(url)
    assert listed.status_code == 200 and listed.context["cl"].result_count == 1
