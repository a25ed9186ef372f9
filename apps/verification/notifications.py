"""E-mail to the desk about its work: a statement assigned to you by someone else, your work sent
back or reopened (with the reason), a verdict you worked on published. Only to users who turned
it on (apps.accounts.models.DeskPreferences; off by default), never to whoever made the move.

Who is told what is decided inside the move's transaction (the writers of a verdict are cleared
when it is published); the mail goes out only once the move is committed, so a refused or rolled
back move sends nothing, and a mail server that fails never undoes a move: the failure is logged."""

import logging
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse

from .choices import Transition

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    """One e-mail, ready to send."""

    to: str
    subject: str
    body: str


def move_notify(*, verification, transition: Transition, user, reason: str = "") -> None:
    """After `user` made `transition` on `verification` (inside its transaction, before a
    publication clears its writers): queue the e-mails it calls for, sent once it commits."""
    writers = list(verification.writers.all()) if transition == Transition.PUBLISH else []
    recipients = _recipients(verification, transition, user, writers)
    if not recipients:
        return
    opted_in = (
        get_user_model()
        .objects.filter(
            pk__in=[person.pk for person in recipients],
            is_active=True,
            desk_preferences__email_notifications=True,
        )
        .exclude(email="")
    )
    notices = [_notice(verification, transition, user, reason, person) for person in opted_in]
    if notices:
        transaction.on_commit(lambda: notices_send(notices))


def _recipients(verification, transition: Transition, user, writers) -> list:
    fact_checker = verification.fact_checker
    if transition == Transition.ASSIGN:
        people = [fact_checker]
    elif transition in (Transition.RETURN, Transition.REOPEN):
        people = [fact_checker]
    elif transition == Transition.PUBLISH:
        people = [fact_checker, *writers]
    else:  # sent to review: the reviewers see it on their board
        people = []
    return [person for person in people if person is not None and person.pk != user.pk]


def _notice(verification, transition: Transition, user, reason: str, person) -> Notice:
    statement = verification.statement
    # One line: a subject is a header, and a line break in it would refuse the whole message.
    words = " ".join(statement.text.split())
    words = words if len(words) <= 80 else words[:79].rstrip() + "…"
    who = user.get_full_name() or user.get_username()
    speaker = statement.speaker.name if statement.speaker_id else "unknown speaker"
    page = urljoin(
        settings.CLAIMTRACK_DESK_URL, reverse("admin:verification_verification_change", args=[verification.pk])
    )
    if transition == Transition.ASSIGN:
        subject, what = f"Assigned to you: {words}", f"{who} assigned this statement to you."
    elif transition == Transition.RETURN:
        subject, what = f"Sent back to you: {words}", f"{who} sent your work back from review.\n\nWhy: {reason}"
    elif transition == Transition.REOPEN:
        subject, what = f"Reopened: {words}", f"{who} reopened the published verdict.\n\nWhy: {reason}"
    else:
        verdict = verification.rating.label if verification.rating_id else "no verdict"
        subject, what = f"Published: {words}", f"{who} published the verdict you worked on: {verdict}."
    body = (
        f"{what}\n\n“{statement.text}”\n— {speaker}\n\nOpen it: {page}\n\n"
        "You receive this because you turned on e-mail about your work (“My notifications” on the desk)."
    )
    return Notice(to=person.email, subject=f"[ClaimTrack] {subject}", body=body)


def notices_send(notices: list[Notice]) -> int:
    """Send `notices`, each on its own: one that fails is logged and the others still go.
    Returns how many were sent."""
    sent = 0
    try:
        connection = get_connection()
        for notice in notices:
            message = EmailMessage(notice.subject, notice.body, to=[notice.to], connection=connection)
            try:
                sent += message.send()
            except Exception:  # a mail server's failure must never undo or hide the move
                logger.exception("Could not e-mail %s about “%s”", notice.to, notice.subject)
    except Exception:
        logger.exception("Could not open a connection to the mail server")
    return sent
