"""The desk's notes thread on a verification's page (admin/desk/notes.html)."""

from django import template

from apps.desk.board import note_draft_key, notes_of
from apps.verification.models import VerificationNote
from apps.verification.querysets import sees_work

register = template.Library()


@register.simple_tag(takes_context=True)
def verification_notes(context, verification):
    """The notes of `verification`, oldest first; None when there is no thread to show (a page
    without a verification, or a user who may not read verification work)."""
    if verification is None or verification.pk is None or not sees_work(context["request"].user):
        return None
    return notes_of(verification)


@register.simple_tag(takes_context=True)
def note_draft(context, verification) -> str:
    """The text of a note just refused on this page, so that it is corrected, not typed again."""
    session = getattr(context["request"], "session", None)
    return session.pop(note_draft_key(verification), "") if session is not None else ""


@register.simple_tag
def note_max_length() -> int:
    return VerificationNote.MAX_LENGTH
