"""The workflow in the admin: the moves as changelist actions (bulk) and as buttons on a
verification's page (single), both through apps/verification/services.py, reporting per
statement what was done and what was refused and why. Moves that need more than a click (a
reason, a fact-checker to assign) ask for it on an intermediate page first."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join

from . import services
from .choices import Transition
from .selectors import QUEUES, fact_checker_candidates, verification_queue


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=1000,
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
    "publish": (Transition.PUBLISH, "Publish", "publish", None),
    "reopen": (Transition.REOPEN, "Reopen…", "publish", ReasonForm),
}


def move_allowed(user, name: str) -> bool:
    """Whether `user`'s permissions offer the move `name` (the services still check everything)."""
    return user.has_perm(f"verification.{MOVES[name][2]}_verification")


def apply_move(request, statements, name: str, cleaned: dict) -> None:
    """Make the move on each statement and say, per statement, what happened."""
    move = MOVES[name][0]
    done, refused = services.statements_move(
        statements=statements,
        user=request.user,
        move=move,
        reason=cleaned.get("reason", ""),
        fact_checker=cleaned.get("fact_checker"),
    )
    if done:
        messages.success(
            request,
            format_html(
                "{} — done for {} statement(s): {}",
                MOVES[name][1].rstrip("…"),
                len(done),
                format_html_join(", ", "“{}”", ((str(statement),) for statement in done)),
            ),
        )
    for statement, why in refused:
        messages.warning(request, format_html("“{}” was not changed: {}", str(statement), why))


def move_page(request, model_admin, statements, name: str, *, objects=None):
    """Ask for what the move needs (a reason, a fact-checker) and make it once the form is
    sent: the intermediate page of bulk actions, and the page behind each button."""
    move, label, _, form_class = MOVES[name]
    sent = request.method == "POST" and "apply" in request.POST
    form = form_class(request.POST if sent else None) if form_class else None
    # A bulk action that needs nothing more runs at once; a button posts `apply` itself.
    ready = sent or (form_class is None and request.method == "POST" and "action" in request.POST)
    if ready and (form is None or form.is_valid()):
        apply_move(request, statements, name, form.cleaned_data if form else {})
        return None
    context = {
        **model_admin.admin_site.each_context(request),
        "title": label.rstrip("…"),
        "move": name,
        "form": form,
        "statements": statements,
        "objects": objects if objects is not None else statements,
        "opts": model_admin.model._meta,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "is_bulk": "action" in request.POST,
    }
    return TemplateResponse(request, "admin/verification/move.html", context)


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
