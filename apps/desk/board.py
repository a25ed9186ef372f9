"""The desk's own pages inside the admin: the board (/admin/desk/), "My notifications"
(/admin/desk/notifications/), and the note form of a verification's page. They are added to
the admin site's URLs (`register`), so they have its look, its login and its staff check."""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from apps.accounts.models import DeskPreferences
from apps.verification import services
from apps.verification.board import AGEING_DAYS, desk_board
from apps.verification.choices import VerificationStatus
from apps.verification.models import Verification, VerificationNote
from apps.verification.querysets import sees_work

# Rows shown per section of the board; each section links to the full list.
BOARD_ROWS = 10


def _changelist(name: str, **params) -> str:
    url = reverse(f"admin:{name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def board_view(request):
    """One person's desk: their work, what was sent back to them and why, what waits for their
    review, what nobody has taken, and the team's load and ageing. Each count links to its list."""
    if not sees_work(request.user):
        raise PermissionDenied("The board shows verification work: your account may not view verifications.")
    board = desk_board(user=request.user, limit=BOARD_ROWS)
    verifications = "verification_verification"
    status_links = {
        VerificationStatus.UNCHECKED: _changelist("claims_statement", status="unchecked"),
        VerificationStatus.IN_PROGRESS: _changelist(verifications, status__exact=VerificationStatus.IN_PROGRESS),
        VerificationStatus.IN_REVIEW: _changelist(verifications, status__exact=VerificationStatus.IN_REVIEW),
        VerificationStatus.PUBLISHED: _changelist(verifications, status__exact=VerificationStatus.PUBLISHED),
    }
    for row in board.statuses:
        row["label"] = VerificationStatus(row["status"]).label
        row["url"] = status_links[row["status"]]
        row["over"] = [
            {
                "days": days,
                "count": count,
                "url": _changelist(verifications, status__exact=row["status"], queue=f"over-{days}-days"),
            }
            for days, count in row["over"]
        ]
    for person in board.team:
        for status in ("in_progress", "in_review"):
            who = (
                {"fact_checker__id__exact": person["user_id"]}
                if person["user_id"] is not None
                else {"fact_checker__isnull": "True"}
            )
            person[f"{status}_url"] = _changelist(verifications, status__exact=status, **who)
    context = {
        **admin.site.each_context(request),
        "title": "The desk",
        "board": board,
        "ageing_days": AGEING_DAYS,
        "links": {
            "mine": _changelist(verifications, queue="mine"),
            "sent_back": _changelist(verifications, queue="sent-back"),
            "to_review": _changelist(verifications, queue="to-publish"),
            "written_by_me": _changelist(verifications, queue="written-by-me"),
            "unassigned": status_links[VerificationStatus.UNCHECKED],
        },
    }
    return TemplateResponse(request, "admin/desk/board.html", context)


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = DeskPreferences
        fields = ("email_notifications",)


def notifications_view(request):
    """A member of the desk turns e-mail about their own work on or off."""
    preferences = DeskPreferences.objects.filter(user=request.user).first() or DeskPreferences(user=request.user)
    form = PreferencesForm(request.POST if request.method == "POST" else None, instance=preferences)
    if request.method == "POST" and form.is_valid():
        form.save()
        state = "on" if preferences.email_notifications else "off"
        messages.success(request, f"E-mail about your work is {state}.")
        return HttpResponseRedirect(request.path)
    context = {
        **admin.site.each_context(request),
        "title": "My notifications",
        "form": form,
        "email": request.user.email,
        "user_change_url": reverse("admin:password_change"),
    }
    return TemplateResponse(request, "admin/desk/notifications.html", context)


def note_add_view(request, verification_id):
    """The note form of a verification's page: adds the note, then back to the page."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    verification = get_object_or_404(Verification.objects.visible_to(request.user), pk=verification_id)
    back = reverse("admin:verification_verification_change", args=[verification.pk]) + "#notes"
    try:
        services.verification_note_add(verification=verification, user=request.user, text=request.POST.get("text", ""))
    except ValidationError as error:
        messages.error(request, "The note was not added: " + " ".join(error.messages))
        request.session[note_draft_key(verification)] = request.POST.get("text", "")[: 2 * VerificationNote.MAX_LENGTH]
    else:
        messages.success(request, "Your note was added to the thread.")
    return HttpResponseRedirect(back)


def note_draft_key(verification) -> str:
    """Where a refused note waits in the session, to be shown again in the form, once."""
    return f"desk-note-draft-{verification.pk}"


def notes_of(verification) -> list[VerificationNote]:
    """The thread of a verification's page, oldest first."""
    return list(verification.notes.select_related("author").order_by("created_at", "pk"))


def register(site: admin.AdminSite) -> None:
    """Put the desk's pages before the admin's own URLs (/admin/desk/ is no model's app page)."""
    admin_urls = site.get_urls

    def get_urls():
        return [
            path("desk/", site.admin_view(board_view), name="desk_board"),
            path("desk/notifications/", site.admin_view(notifications_view), name="desk_notifications"),
            path(
                "desk/verification/<int:verification_id>/notes/",
                site.admin_view(note_add_view),
                name="desk_verification_note_add",
            ),
            *admin_urls(),
        ]

    site.get_urls = get_urls
