"""The workflow in the admin: the moves as changelist actions (bulk) and as buttons on a
verification's page (single), both through apps/verification/services.py, reporting per
statement what was done and what was refused and why.

Every move carries the version of each verification that the page showed the user, as the
API's If-Match does: when a verification changed since, nothing moves and the page says what
changed, by whom and when. So every move passes through a page that shows what it acts on: a
bulk action's confirmation page, or the verification's own page (its buttons post the form,
saving what was typed first). Publishing always has its own confirmation page, showing exactly
what will go public: verdict, attribution, summary, explanation, evidence and the ClaimReview."""

import copy
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from apps.claims.models import Statement
from apps.core.models import refuse_invisible_characters
from apps.core.services import EditConflict
from apps.desk.badges import status_of
from apps.verification import services
from apps.verification.choices import TRANSITIONS, Transition, VerificationStatus
from apps.verification.claimreview import claimreview
from apps.verification.models import Verification
from apps.verification.selectors import QUEUES, fact_checker_candidates, statement_list, verification_queue

# The hidden field of a move's page that carries the version shown of a statement's verification
# ("none": the statement had no verification yet).
VERSION_FIELD = "version-{}"
NO_VERIFICATION = "none"


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=1000,
        validators=[refuse_invisible_characters],
        help_text="Kept in the history of each statement.",
    )


class AssignForm(forms.Form):
    fact_checker = forms.ModelChoiceField(queryset=None, help_text="Who does the fact-checking.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fact_checker"].queryset = fact_checker_candidates()


# move → (label of the action, permission it needs, form asking for more, or None)
MOVES = {
    "assign_to_me": (Transition.ASSIGN, "Assign to me", "change", None),
    "assign_to": (Transition.ASSIGN, "Assign to a fact-checker…", "assign", AssignForm),
    "submit": (Transition.SUBMIT, "Send to review", "change", None),
    "return": (Transition.RETURN, "Send back to the fact-checker…", "publish", ReasonForm),
    "publish": (Transition.PUBLISH, "Publish…", "publish", None),
    "reopen": (Transition.REOPEN, "Reopen…", "publish", ReasonForm),
}
# Moves made from a verification's page at once; the others open their own page first.
IMMEDIATE_MOVES = ("assign_to_me", "submit")
# How each move's button looks: moving the work on (primary), handing it to someone (secondary),
# undoing work done (danger).
MOVE_KINDS = {
    "assign_to_me": "primary",
    "assign_to": "secondary",
    "submit": "primary",
    "return": "danger",
    "publish": "primary",
    "reopen": "danger",
}


def move_allowed(user, name: str) -> bool:
    """Whether `user`'s permissions offer the move `name` (the services still check everything)."""
    return user.has_perm(f"verification.{MOVES[name][2]}_verification")


def move_label(name: str) -> str:
    return MOVES[name][1].rstrip("…")


def apply_move(request, statements, name: str, cleaned: dict, versions: dict) -> None:
    """Make the move on each statement, from the version of its verification in `versions`
    (statement id → version, None for none yet; a statement missing from it is refused), and
    say, per statement, what happened."""
    try:  # a user who may not make the move is told so first
        services.verification_move_permitted(user=request.user, transition=MOVES[name][0])
    except PermissionDenied as denied:
        for statement in statements:
            messages.warning(request, format_html("“{}” was not changed: {}", str(statement), str(denied)))
        return
    missing = [statement for statement in statements if statement.pk not in versions]
    done, refused = services.statements_move(
        statements=[statement for statement in statements if statement.pk in versions],
        user=request.user,
        move=MOVES[name][0],
        versions=versions,
        reason=cleaned.get("reason", ""),
        fact_checker=cleaned.get("fact_checker"),
    )
    refused += [
        (statement, "The page did not say which version you saw: reload it and try again.") for statement in missing
    ]
    if done:
        messages.success(
            request,
            format_html(
                "{} — done for {}: {}",
                move_label(name),
                _statements(len(done)),
                format_html_join(", ", "“{}”", ((str(statement),) for statement in done)),
            ),
        )
    for statement, why in refused:
        messages.warning(request, format_html("“{}” was not changed: {}", str(statement), why))


def _statements(count: int) -> str:
    return "1 statement" if count == 1 else f"{count} statements"


def versions_sent(data, statements) -> dict:
    """statement id → the version its move page showed (None: no verification yet), from the
    page's hidden fields; statements whose field is missing or garbled are left out."""
    versions = {}
    for statement in statements:
        value = data.get(VERSION_FIELD.format(statement.pk), "")
        if value == NO_VERIFICATION:
            versions[statement.pk] = None
        elif value.isdigit():
            versions[statement.pk] = int(value)
    return versions


def move_page(request, model_admin, statements, name: str, *, objects=None, shown_version: int | None = None):
    """The page every move passes through: it shows what the move acts on (for a publication,
    everything that will go public), asks for what the move needs (a reason, a fact-checker),
    and carries the version of each verification it shows. The move is made once the page is
    sent back (`apply`); returns None then.

    `shown_version`: for a verification's own page, the version that page showed; when the
    verification has changed since, this page says what changed before anything moves."""
    _, label, _, form_class = MOVES[name]
    sent = request.method == "POST" and "apply" in request.POST
    form = form_class(request.POST if sent else None) if form_class else None
    if sent and (form is None or form.is_valid()):
        apply_move(
            request, statements, name, form.cleaned_data if form else {}, versions_sent(request.POST, statements)
        )
        return None
    ids = [statement.pk for statement in statements]
    shown = {statement.pk: statement for statement in statement_list(user=request.user).filter(pk__in=ids)}
    rows = [_row(request, shown[statement.pk], name) for statement in statements if statement.pk in shown]
    changed_since = None
    if shown_version is not None and len(rows) == 1 and rows[0]["verification"] is not None:
        verification = rows[0]["verification"]
        if verification.version != shown_version:
            changed_since = EditConflict(
                instance=verification, expected_version=shown_version, current_version=verification.version
            ).entries
    context = {
        **model_admin.admin_site.each_context(request),
        "title": move_label(name),
        "move": name,
        "form": form,
        "rows": rows,
        "changed_since": changed_since,
        "objects": objects if objects is not None else statements,
        "opts": model_admin.model._meta,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "is_bulk": "action" in request.POST,
        "cancel_url": _cancel_url(model_admin, rows),
        # Nothing the page could move: it says why at once, and offers no button to press.
        "nothing_to_move": bool(rows) and all(row.get("refusal") for row in rows),
    }
    return TemplateResponse(request, "admin/verification/move.html", context)


def _row(request, statement, name: str) -> dict:
    """What a move's page shows of one statement, with the version of its verification."""
    verification = getattr(statement, "verification", None)
    row = {
        "statement": statement,
        "verification": verification,
        "version_field": VERSION_FIELD.format(statement.pk),
        "version": verification.version if verification else NO_VERIFICATION,
        "status": verification.get_status_display() if verification else VerificationStatus.UNCHECKED.label,
    }
    if name != "publish" or verification is None:
        row["refusal"] = services.verification_move_refusal(
            verification=verification,
            user=request.user,
            transition=MOVES[name][0],
            for_someone_else=name == "assign_to",
        )
    else:
        row["writers"] = [writer.get_username() for writer in verification.writers.order_by("username")]
        try:
            row["self_published"] = services.verification_publish_check(verification=verification, user=request.user)
        except (services.TransitionRefused, PermissionDenied) as refusal:
            row["refusal"] = str(refusal)
        else:
            row["claimreview"] = json.dumps(
                claimreview_preview(statement, request=request), indent=2, ensure_ascii=False
            )
    return row


def claimreview_preview(statement, *, request=None) -> dict:
    """The ClaimReview that publishing `statement`'s verdict now would serve."""
    preview = copy.copy(statement)
    verification = copy.copy(statement.verification)
    now = timezone.now()
    verification.status = VerificationStatus.PUBLISHED
    verification.published_at = verification.published_at or now
    verification.review_modified_at = now
    preview.verification = verification
    return claimreview(preview, request=request)


def _cancel_url(model_admin, rows) -> str:
    if len(rows) == 1 and rows[0]["verification"] is not None and model_admin.model is Verification:
        return reverse("admin:verification_verification_change", args=[rows[0]["verification"].pk])
    if len(rows) == 1 and model_admin.model is Statement:
        return reverse("admin:claims_statement_change", args=[rows[0]["statement"].pk])
    opts = model_admin.model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


class WorkflowActionsMixin:
    """Changelist actions for the moves. `statement_of(obj)` names the statement of a row."""

    def statement_of(self, obj):
        raise NotImplementedError

    def get_actions(self, request):
        actions = super().get_actions(request)
        for name, (_, label, _, _) in MOVES.items():
            if move_allowed(request.user, name):
                actions[f"move_{name}"] = (self._action(name), f"move_{name}", label)
        return actions

    def _action(self, name):
        def run(model_admin, request, queryset):
            objects = list(queryset)
            return move_page(request, model_admin, [self.statement_of(obj) for obj in objects], name, objects=objects)

        run.__name__ = f"move_{name}"
        return run


class QueueFilter(admin.SimpleListFilter):
    """The desk's queues: a fact-checker's own work, and what waits for review."""

    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [(name, label) for name, (label, _) in QUEUES.items()]

    def queryset(self, request, queryset):
        if self.value() in QUEUES:
            return verification_queue(queryset, name=self.value(), user=request.user)
        return queryset


def moves_for(user, statement_id: int, verification, *, url_of) -> list[dict]:
    """The buttons `user` sees for a statement (by id) and its verification (None: not started): the
    moves its status allows and `user`'s permissions grant (the services still check
    everything). `url_of(name)`: where the button posts, or opens the move's page. Each carries
    the version the page shows (`version`, in `version_field` for a move's page)."""
    status = status_of(verification)
    version = verification.version if verification is not None else None
    buttons = []
    for name, (move, label, _, _) in MOVES.items():
        sources, _ = TRANSITIONS[move]
        if name == "assign_to_me" and verification is not None and verification.fact_checker_id is not None:
            continue  # taken: "Assign to a fact-checker…" reassigns
        if (
            name == "submit"
            and verification is not None
            and not services.may_work_on(verification=verification, user=user)
        ):
            continue  # someone else's work (or nobody's: "Assign to me" first)
        if status in sources and move_allowed(user, name):
            url = url_of(name)
            buttons.append(
                {
                    "name": name,
                    "label": label,
                    "kind": MOVE_KINDS[name],
                    "url": url,
                    "page_url": f"{url}?version={version}" if version is not None else url,
                    "immediate": name in IMMEDIATE_MOVES,
                    "version": version if version is not None else NO_VERIFICATION,
                    "version_field": VERSION_FIELD.format(statement_id),
                }
            )
    return buttons


def statement_move_view(request, model_admin, object_id, name):
    """A move started from a statement's page: an immediate one (Assign to me, Send to review)
    is made at once from the version the page showed (its hidden `version-<id>`); the others
    open their page (a reason, a fact-checker, the publication's confirmation), which carries
    the version it shows and says what changed since the statement's page (`?version=`)."""
    if name not in MOVES:
        raise Http404(f"There is no workflow move “{name}”.")
    statement = get_object_or_404(Statement.objects.select_related("speaker"), pk=object_id)
    if not model_admin.has_view_or_change_permission(request, statement):
        raise PermissionDenied
    back = reverse("admin:claims_statement_change", args=[statement.pk])
    if request.method == "POST" and name in IMMEDIATE_MOVES and "apply" not in request.POST:
        apply_move(request, [statement], name, {}, versions_sent(request.POST, [statement]))
        return HttpResponseRedirect(back)
    shown = request.GET.get("version", "")
    response = move_page(request, model_admin, [statement], name, shown_version=int(shown) if shown.isdigit() else None)
    if response is not None:
        return response
    if publish_refused_as_changed(
        request, name, statement.pk, Verification.objects.filter(statement=statement).first()
    ):
        # The confirmation page again, saying what changed.
        return HttpResponseRedirect(f"{request.path}?version={request.POST[VERSION_FIELD.format(statement.pk)]}")
    return HttpResponseRedirect(back)


def publish_refused_as_changed(request, name: str, statement_id: int, verification) -> bool:
    """Whether a publication just sent was refused because the verification changed after its
    confirmation page showed it (still in review, at another version): that page is shown again."""
    sent = request.POST.get(VERSION_FIELD.format(statement_id), "")
    return (
        name == "publish"
        and verification is not None
        and verification.status == VerificationStatus.IN_REVIEW
        and sent.isdigit()
        and int(sent) != verification.version
    )
