"""Reads for the desk's board: one person's work, what waits for them, what nobody has taken,
and the team's load and ageing. Every list is bounded (`limit`) and comes with its full count;
the number of queries does not grow with the data. Only for users who may read verification
work (querysets.sees_work): the board shows nothing else."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils import timezone

from apps.claims.models import Statement

from .choices import VerificationStatus
from .models import Verification
from .querysets import sees_work

# Ageing buckets of the board, in days in the same status (each a queue of selectors.QUEUES).
AGEING_DAYS = (7, 30)
# Statuses in which work waits for someone (unchecked statements are counted apart: most have
# no verification record yet).
WORK_STATES = (VerificationStatus.IN_PROGRESS, VerificationStatus.IN_REVIEW, VerificationStatus.PUBLISHED)
SENT_BACK = Q(status=VerificationStatus.IN_PROGRESS) & ~Q(sent_back_reason="")


@dataclass
class Section:
    """A bounded list: its first `limit` rows and how many there are in all."""

    rows: list
    count: int


@dataclass
class Board:
    mine: Section
    sent_back: Section
    to_review: Section | None  # None: the user may not publish
    written_by_me: Section | None
    unassigned: Section
    team: list[dict]
    statuses: list[dict]
    now: datetime.datetime = field(default_factory=timezone.now)


def _verifications():
    return Verification.objects.select_related("statement__speaker", "rating", "fact_checker", "sent_back_by")


def _section(queryset, count: int, limit: int) -> Section:
    return Section(rows=list(queryset[:limit]) if count else [], count=count)


def desk_board(*, user, limit: int = 10) -> Board:
    """The board of `user`. At most nine queries, whatever the size of the desk."""
    if not sees_work(user):
        raise PermissionError("The board shows verification work: it needs the permission to view verifications.")
    may_publish = user.has_perm("verification.publish_verification")
    wrote = Exists(Verification.writers.through.objects.filter(verification=OuterRef("pk"), user=user.pk))
    in_review = Q(status=VerificationStatus.IN_REVIEW)
    # 1. Every count of the user's own sections, in one pass.
    counts = (
        Verification.objects.filter(status__in=(VerificationStatus.IN_PROGRESS, VerificationStatus.IN_REVIEW))
        .annotate(wrote=wrote)
        .aggregate(
            mine=Count("pk", filter=Q(fact_checker=user.pk, status=VerificationStatus.IN_PROGRESS)),
            sent_back=Count("pk", filter=Q(fact_checker=user.pk) & SENT_BACK),
            to_review=Count("pk", filter=in_review & Q(wrote=False)),
            written_by_me=Count("pk", filter=in_review & Q(wrote=True)),
        )
    )
    mine_q = Q(fact_checker=user.pk, status=VerificationStatus.IN_PROGRESS)
    # 2, 3. My work in progress, newest move first (the sent back among it marked); what was sent
    # back to me, with the reason, most recently first.
    mine = _section(
        _verifications().filter(mine_q).order_by("-status_changed_at", "-pk"),
        counts["mine"],
        limit,
    )
    sent_back = _section(
        _verifications().filter(mine_q & SENT_BACK).order_by("-sent_back_at", "-pk"), counts["sent_back"], limit
    )
    to_review = written_by_me = None
    if may_publish:
        # 4, 5. In review, oldest first: what I may publish, and what I wrote (someone else must).
        reviewing = _verifications().filter(in_review).annotate(wrote=wrote).order_by("status_changed_at", "pk")
        to_review = _section(reviewing.filter(wrote=False), counts["to_review"], limit)
        written_by_me = _section(reviewing.filter(wrote=True), counts["written_by_me"], limit)
    # 6, 7. Statements nobody has taken: no verification, or an unchecked one; oldest first.
    unchecked = Statement.objects.exclude(verification__status__in=WORK_STATES)
    unassigned = _section(unchecked.select_related("speaker").order_by("created_at", "pk"), unchecked.count(), limit)
    return Board(
        mine=mine,
        sent_back=sent_back,
        to_review=to_review,
        written_by_me=written_by_me,
        unassigned=unassigned,
        team=team_load(),
        statuses=status_ageing(
            unchecked_count=unassigned.count,
            unchecked_oldest=unassigned.rows[0].created_at if unassigned.rows else None,
        ),
    )


def _older_than(days: int, *, now) -> Q:
    return Q(status_changed_at__lt=now - datetime.timedelta(days=days))


NOBODY = "Nobody (not assigned, or the account was deleted)"


def team_load() -> list[dict]:
    """Per fact-checker with work in progress or in review: how many of each, how many sent
    back, and since when the oldest has waited; the longest waiting first. Work in progress with
    nobody assigned (an account deleted since) has a row of its own, so that no work is left out
    of the load. One query."""
    rows = (
        Verification.objects.filter(status__in=(VerificationStatus.IN_PROGRESS, VerificationStatus.IN_REVIEW))
        .values("fact_checker", "fact_checker__username", "fact_checker__first_name", "fact_checker__last_name")
        .annotate(
            in_progress=Count("pk", filter=Q(status=VerificationStatus.IN_PROGRESS)),
            in_review=Count("pk", filter=Q(status=VerificationStatus.IN_REVIEW)),
            sent_back=Count("pk", filter=SENT_BACK),
            oldest=Min("status_changed_at"),
        )
        .order_by("oldest", "fact_checker__username")
    )
    return [
        {
            "user_id": row["fact_checker"],
            "name": " ".join(filter(None, [row["fact_checker__first_name"], row["fact_checker__last_name"]]))
            or row["fact_checker__username"]
            or NOBODY,
            "username": row["fact_checker__username"],
            "in_progress": row["in_progress"],
            "in_review": row["in_review"],
            "sent_back": row["sent_back"],
            "oldest": row["oldest"],
        }
        for row in rows
    ]


def status_ageing(*, unchecked_count: int, unchecked_oldest=None) -> list[dict]:
    """Per status: how many, and for work in progress or in review how many have waited more
    than each of AGEING_DAYS and since when the oldest has. The unchecked statements (not all
    have a verification record) are counted by the caller. One query."""
    now = timezone.now()
    waiting = (VerificationStatus.IN_PROGRESS, VerificationStatus.IN_REVIEW)
    aggregates = {}
    for status in waiting:
        in_status = Q(status=status)
        aggregates[f"{status}_count"] = Count("pk", filter=in_status)
        aggregates[f"{status}_oldest"] = Min("status_changed_at", filter=in_status)
        for days in AGEING_DAYS:
            aggregates[f"{status}_over_{days}"] = Count("pk", filter=in_status & _older_than(days, now=now))
    aggregates["published_count"] = Count("pk", filter=Q(status=VerificationStatus.PUBLISHED))
    values = Verification.objects.aggregate(**aggregates)
    rows = [{"status": VerificationStatus.UNCHECKED, "count": unchecked_count, "oldest": unchecked_oldest, "over": []}]
    for status in waiting:
        rows.append(
            {
                "status": status,
                "count": values[f"{status}_count"],
                "oldest": values[f"{status}_oldest"],
                "over": [(days, values[f"{status}_over_{days}"]) for days in AGEING_DAYS],
            }
        )
    rows.append(
        {"status": VerificationStatus.PUBLISHED, "count": values["published_count"], "oldest": None, "over": []}
    )
    return rows
