"""Intake in the admin: "Bring in an article" (a URL, an HTML or text file, or pasted text), then
its review page: the article's text with the suggested quotations marked, and for each one a card
to accept (as suggested, or edited: words, mode, speaker, statement) or reject. The work is done
by apps/intake/services.py; these views only read forms and show what happened."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from apps.claims.choices import QuotationMode
from apps.claims.models import Statement
from apps.core.services import ActionRefused
from apps.intake import services
from apps.intake.models import Decision, Intake, Suggestion
from apps.intake.selectors import speaker_choices
from apps.intake.types import IntakeError
from apps.speakers.choices import SpeakerKind
from apps.speakers.selectors import speaker_named

NEW_STATEMENT = "new"
# Statements on file less alike than this are not offered on a card (they are noise): the
# words share a few common words with them, nothing more.
CANDIDATE_SHOWN_FROM = 0.2


class BringInForm(forms.Form):
    url = forms.CharField(
        label="The article's URL",
        required=False,
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://…", "autofocus": True, "size": 80}),
    )
    file = forms.FileField(
        label="or the page saved from your browser (HTML or text file)",
        required=False,
        help_text="File › Save page as… in your browser: for a page behind a paywall or a login, or built by JavaScript.",
    )
    text = forms.CharField(
        label="or the article's text, pasted",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text="Title on the first line, then the text as printed.",
    )


class SuggestionForm(forms.Form):
    """One card of the review page: what the person decided for one suggestion."""

    words = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), help_text="As printed in the article.")
    mode = forms.ChoiceField(choices=QuotationMode.choices)
    speaker_name = forms.CharField(
        label="Speaker",
        max_length=200,
        required=False,
        # the names the article gives, offered as you type (the page's <datalist>)
        widget=forms.TextInput(attrs={"list": "intake-speakers", "autocomplete": "off"}),
    )
    speaker_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    speaker_kind = forms.ChoiceField(label="Kind, if new", choices=SpeakerKind.choices, required=False)
    statement = forms.CharField(required=False)

    def clean_statement(self):
        # "new", or the id of one of the candidates the card offers: anything else was not sent
        # by the card (and an id that is not a number made the database lookup fail).
        value = self.cleaned_data["statement"]
        if value and value != NEW_STATEMENT and not (value.isascii() and value.isdigit()):
            raise ValidationError("Choose one of the statements offered, or “a new statement”.")
        return value

    def choice(self, suggestion: Suggestion) -> services.Choice:
        """The services' Choice from the card's fields: the speaker whose name was left as
        suggested, or one on file with the typed name (or alias), or a new one; the statement
        picked among the candidates, or a new one."""
        data = self.cleaned_data
        name = " ".join(data["speaker_name"].split())
        speaker = None
        if data["speaker_id"] and suggestion.speaker_id == data["speaker_id"] and suggestion.speaker.name == name:
            speaker = suggestion.speaker
        elif name:
            speaker = speaker_named(name, aliases=True)
        statement = None
        if data["statement"] and data["statement"] != NEW_STATEMENT:
            statement = Statement.objects.select_related("speaker").filter(pk=data["statement"]).first()
            if statement is None:
                raise ValidationError(
                    {"statement": "That statement is no longer on file: choose another, or a new one."}
                )
        return services.Choice(
            words=data["words"],
            mode=data["mode"],
            speaker=speaker,
            new_speaker_name="" if speaker else name,
            new_speaker_kind=data["speaker_kind"] or SpeakerKind.PERSON,
            statement=statement,
        )


@admin.register(Intake)
class IntakeAdmin(admin.ModelAdmin):
    list_display = ["title_link", "origin", "source", "to_review", "accepted", "created_by", "created_at"]
    list_filter = ["origin"]
    search_fields = ["title", "url", "filename"]
    date_hierarchy = "created_at"

    # Intake adds quotations: whoever may add quotations may bring articles in and review them.
    def has_module_permission(self, request):
        return request.user.has_perm(services.INTAKE_PERMISSION)

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(services.INTAKE_PERMISSION)

    def has_add_permission(self, request):
        return request.user.has_perm(services.INTAKE_PERMISSION)

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm(services.INTAKE_PERMISSION)

    def has_delete_permission(self, request, obj=None):
        return request.user.has_perm(services.INTAKE_PERMISSION)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("source", "created_by")
            .annotate(
                pending_count=Count("suggestions", filter=Q(suggestions__decision=Decision.PENDING)),
                accepted_count=Count("suggestions", filter=Q(suggestions__decision=Decision.ACCEPTED)),
            )
        )

    @admin.display(description="Article", ordering="title")
    def title_link(self, intake):
        return format_html('<a href="{}">{}</a>', reverse("admin:intake_intake_change", args=[intake.pk]), intake)

    @admin.display(description="To review", ordering="pending_count")
    def to_review(self, intake):
        return intake.pending_count

    @admin.display(description="Accepted", ordering="accepted_count")
    def accepted(self, intake):
        return intake.accepted_count

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/accept-all/", view(self.accept_all_view), name="intake_intake_accept_all"),
            path(
                "<path:object_id>/suggestion/<int:number>/<str:decision>/",
                view(self.decide_view),
                name="intake_intake_decide",
            ),
            *super().get_urls(),
        ]

    def add_view(self, request, form_url="", extra_context=None):
        """Bring in an article: read it, find its quotations, then show its review page."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        # A paste too large for a form is answered before the view (apps.api.middleware.FormTooLargeMiddleware).
        form = BringInForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                intake = services.intake_create(
                    user=request.user,
                    url=form.cleaned_data["url"],
                    data=upload.read() if upload else None,
                    filename=upload.name if upload else "",
                    text=form.cleaned_data["text"],
                )
            except IntakeError as error:
                form.add_error(None, str(error))
            else:
                found = intake.suggestions.count()
                what_next = (
                    "Accept, correct or reject each one below."
                    if found
                    else "Quote it by hand from the source's page if it has quotations the suggester missed."
                )
                messages.success(
                    request, f"Read “{intake}”: {found} quotation{'s' if found != 1 else ''} found. {what_next}"
                )
                return HttpResponseRedirect(reverse("admin:intake_intake_change", args=[intake.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Bring in an article",
            "form": form,
            "opts": self.model._meta,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/intake/intake/bring_in.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The review page."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        intake = self.get_object(request, unquote(object_id))
        if intake is None:
            raise Http404("No such intake.")
        suggestions = list(
            intake.suggestions.select_related("speaker", "statement__speaker", "quotation", "decided_by")
        )
        context = {
            **self.admin_site.each_context(request),
            "title": f"Review: {intake}",
            "intake": intake,
            "opts": self.model._meta,
            "has_view_permission": True,
            "cards": review_cards(intake, suggestions, errors=getattr(request, "intake_errors", {})),
            "marked_text": marked_text(intake.text, suggestions),
            "speaker_choices": speaker_choices(intake, suggestions),
            "pending": sum(suggestion.decision == Decision.PENDING for suggestion in suggestions),
            # what "Accept the sure ones" accepts
            "sure": sum(
                suggestion.decision == Decision.PENDING and not suggestion.left_for_a_person
                for suggestion in suggestions
            ),
        }
        return TemplateResponse(request, "admin/intake/intake/review.html", context)

    def decide_view(self, request, object_id, number, decision):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        intake = get_object_or_404(Intake, pk=unquote(object_id))
        suggestion = get_object_or_404(Suggestion.objects.select_related("speaker"), intake=intake, number=number)
        back = reverse("admin:intake_intake_change", args=[intake.pk])
        try:
            if decision == "reject":
                services.suggestion_reject(suggestion=suggestion, user=request.user)
                messages.success(
                    request, f"Suggestion {number} rejected: it will not be suggested again for this source."
                )
            elif decision == "accept":
                form = SuggestionForm(request.POST)
                if not form.is_valid():
                    raise ValidationError(_form_problems(form))
                quotation = services.suggestion_accept(
                    suggestion=suggestion, user=request.user, choice=form.choice(suggestion)
                )
                messages.success(
                    request,
                    format_html(
                        'Suggestion {} accepted: <a href="{}">quotation of {}</a> added.',
                        number,
                        reverse("admin:claims_quotation_change", args=[quotation.pk]),
                        quotation.statement.speaker,
                    ),
                )
                return HttpResponseRedirect(f"{back}#suggestion-{_next_pending(intake, number)}")
            else:
                raise Http404(f"There is no decision “{decision}”.")
        except (ValidationError, ActionRefused, PermissionDenied) as error:
            problems = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, f"Suggestion {number}: {problems}")
            if isinstance(error, ValidationError) and decision == "accept":
                request.intake_errors = {number: SuggestionForm(request.POST)}
                response = self.change_view(request, str(intake.pk))
                response.status_code = 400
                return response
        return HttpResponseRedirect(f"{back}#suggestion-{number}")

    def accept_all_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        intake = get_object_or_404(Intake, pk=unquote(object_id))
        try:
            result = services.intake_accept_all(intake=intake, user=request.user)
        except (ValidationError, PermissionDenied, ActionRefused) as error:
            problems = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, problems)
        else:
            text = f"{len(result.accepted)} quotation{'s' if len(result.accepted) != 1 else ''} accepted as suggested."
            if result.to_check:
                numbers = ", ".join(str(suggestion.number) for suggestion in result.to_check)
                text += f" Left for you to check: {numbers} (each card says what to check about the speaker)."
            if result.without_speaker:
                numbers = ", ".join(str(suggestion.number) for suggestion in result.without_speaker)
                text += f" Left for you: {numbers} (no speaker found: choose who said it)."
            messages.success(request, text)
        return HttpResponseRedirect(reverse("admin:intake_intake_change", args=[intake.pk]))


def _form_problems(form) -> str:
    return " ".join(
        f"{form.fields[field].label or field}: {' '.join(errors)}" if field in form.fields else " ".join(errors)
        for field, errors in form.errors.items()
    )


def _next_pending(intake: Intake, number: int) -> int:
    following = intake.suggestions.filter(decision=Decision.PENDING, number__gt=number).order_by("number")
    return following.values_list("number", flat=True).first() or number


def review_cards(intake: Intake, suggestions: list[Suggestion], *, errors: dict) -> list[dict]:
    """Each suggestion with its form (pre-filled as suggested, or as sent back with errors) and
    its candidate statements (two queries for the page, whatever the number of suggestions)."""
    wanted = {pk for suggestion in suggestions for pk, _score in suggestion.candidates}
    statements = Statement.objects.select_related("speaker").in_bulk(wanted)
    cards = []
    for suggestion in suggestions:
        form = errors.get(suggestion.number) or SuggestionForm(
            initial={
                "words": suggestion.text,
                "mode": suggestion.mode,
                "speaker_name": suggestion.speaker.name if suggestion.speaker else suggestion.speaker_name,
                "speaker_id": suggestion.speaker_id,
                "speaker_kind": suggestion.speaker_kind or SpeakerKind.PERSON,
                "statement": suggestion.statement_id or NEW_STATEMENT,
            },
            auto_id=f"id_s{suggestion.number}_%s",
        )
        chosen = str(form["statement"].value() or NEW_STATEMENT)
        candidates = [
            {"statement": statements[pk], "score": score, "checked": str(pk) == chosen}
            for pk, score in suggestion.candidates
            if pk in statements and (score >= CANDIDATE_SHOWN_FROM or str(pk) == chosen)
        ]
        cards.append(
            {"suggestion": suggestion, "form": form, "candidates": candidates, "new_checked": chosen == NEW_STATEMENT}
        )
    return cards


def marked_text(text: str, suggestions: list[Suggestion]) -> list[dict]:
    """The article's text cut into pieces for the template: plain text, and the suggestions'
    words (each with its number and decision), so that the template escapes every piece. Marks
    that overlap an earlier one are left unmarked (the card still lists them)."""
    pieces, position = [], 0
    for suggestion in sorted(suggestions, key=lambda item: (item.char_start, item.number)):
        if suggestion.char_start < position or suggestion.char_end > len(text):
            continue
        pieces.append({"text": text[position : suggestion.char_start]})
        pieces.append({"text": text[suggestion.char_start : suggestion.char_end], "suggestion": suggestion})
        position = suggestion.char_end
    pieces.append({"text": text[position:]})
    return pieces
