"""Entering quotations at the desk: quoting from a source's archived text ("Quote this"), a new
statement made with its first quotation, the occurrence numbered, refusals that link to the
record they name, a summary of the errors at the top of the form, and similar statements of
the same speaker offered before a new one is saved.

The rules themselves are the model's (Quotation.clean, Source.clean: the API applies the same);
this module only presents them and gathers what the editor picked in the text."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.forms.formsets import DELETION_FIELD_NAME
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import conditional_escape, format_html, format_html_join, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst

from apps.claims.matching import same_remark_candidates
from apps.claims.models import CONTEXT_MAX_LENGTH, Quotation, Statement
from apps.claims.selectors import SIMILAR_MIN_SIMILARITY
from apps.core.services import slug_fill
from apps.sources.models import Source
from apps.verification.services import statement_save

from .base import KnownChoicesFormSet
from .forms import VersionedModelForm

# Similar statements offered, at most.
SIMILAR_SHOWN = 5
CONFIRM_NEW_STATEMENT = "save_as_new_statement"


# ---------------------------------------------------------------------------------------------
# Refusals that name another record link to it


def _change_url(model, pk) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk])


# code → (model, the words of the message that become the link, given the params)
LINKED_ERRORS = {
    "occurrence_taken": (Quotation, lambda params: f"quotation #{params['id']}"),
    "passage_already_quoted": (Quotation, lambda params: f"quotation #{params['id']}"),
    "same_page": (Source, lambda params: f"“{params['title']}”"),
}


def link_errors(form: forms.BaseForm) -> None:
    """Give each error of `form` that names another record (LINKED_ERRORS) a link to that
    record's page in the admin, in place of its plain name."""
    for errors in form._errors.values():
        for index, error in enumerate(errors.data):
            if not isinstance(error, ValidationError) or error.code not in LINKED_ERRORS or not error.params:
                continue
            model, named = LINKED_ERRORS[error.code]
            text = str(conditional_escape(error.message % error.params))
            words = str(conditional_escape(named(error.params)))
            link = format_html('<a href="{}">{}</a>', _change_url(model, error.params["id"]), named(error.params))
            errors.data[index] = ValidationError(mark_safe(text.replace(words, link, 1)), code=error.code)


class LinkedErrorsMixin:
    """A form whose refusals naming another record link to it."""

    def _post_clean(self):
        super()._post_clean()
        link_errors(self)


# ---------------------------------------------------------------------------------------------
# Similar statements of the same speaker


def similar_statements(statement: Statement) -> list[Statement]:
    """Statements of the same speaker that may be the same remark as `statement` (unsaved), the
    likeliest first, each with its `similarity`: what the API's /similar/ finds (the same-remark
    ranking, apps.claims.matching, in any language when the model is installed), among this
    speaker's statements."""
    if not statement.speaker_id or not statement.text.strip():
        return []
    same_speaker = Statement.objects.filter(speaker_id=statement.speaker_id)
    candidates = same_remark_candidates(
        statement.text, among=same_speaker, min_score=SIMILAR_MIN_SIMILARITY, limit=SIMILAR_SHOWN
    )
    found = same_speaker.select_related("speaker").in_bulk([candidate.statement_id for candidate in candidates])
    similar = []
    for candidate in candidates:
        if candidate.statement_id in found:
            other = found[candidate.statement_id]
            other.similarity = candidate.score
            similar.append(other)
    return similar


def similar_statements_error(similar: list[Statement]) -> ValidationError:
    """The warning shown instead of saving, with a link to each statement and the box that saves
    anyway (a field of the form, rendered inside the message so that it appears with it)."""
    items = format_html_join(
        "",
        '<li><a href="{}">#{} “{}”</a> ({}, {} alike)</li>',
        (
            (
                _change_url(Statement, other.pk),
                other.pk,
                other.text[:160],
                other.said_on_display or "date unknown",
                f"{other.similarity:.0%}",
            )
            for other in similar
        ),
    )
    return ValidationError(
        format_html(
            "This speaker already has {} worded like this one. If it is the same remark, add your "
            "quotation to it instead (open it and add the quotation there, or pick it as the statement): "
            '<ul class="similar-statements">{}</ul>'
            '<label class="confirm-new-statement"><input type="checkbox" name="{}" value="1"> '
            "Save as a new statement anyway: it is a different remark</label>",
            "a statement" if len(similar) == 1 else f"{len(similar)} statements",
            items,
            CONFIRM_NEW_STATEMENT,
        ),
        code="similar_statements",
    )


def check_not_a_known_statement(form: forms.BaseForm, statement: Statement, *, field: str) -> None:
    """On a new statement: refuse (an error on `field`) while the speaker has similar statements
    and the editor has not ticked "Save as a new statement anyway"."""
    if form.data.get(CONFIRM_NEW_STATEMENT):
        return
    similar = similar_statements(statement)
    if similar:
        form.add_error(field, similar_statements_error(similar))


# ---------------------------------------------------------------------------------------------
# The quotation form


class SelectionInput(forms.HiddenInput):
    pass


class QuotationForm(LinkedErrorsMixin, VersionedModelForm):
    """A quotation, with what "Quote this" picked in the archived text (the offsets, in
    characters, checked by Quotation.clean) and, on a new quotation, a new statement made with it."""

    selected_start = forms.IntegerField(required=False, min_value=0, widget=SelectionInput)
    selected_end = forms.IntegerField(required=False, min_value=0, widget=SelectionInput)
    new_statement_speaker = forms.ModelChoiceField(
        queryset=Statement._meta.get_field("speaker").related_model.objects.all(),
        required=False,
        label="or a new statement by",
        help_text="When the words report a statement not recorded yet: its speaker. Leave the statement above empty.",
        widget=AutocompleteSelect(Statement._meta.get_field("speaker"), admin.site),
    )
    new_statement_text = forms.CharField(
        required=False,
        label="the new statement's text",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What was said (the fullest known wording). Left empty, the words as printed.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_statement: Statement | None = None
        if "occurrence" in self.fields:
            self.fields["occurrence"].required = False
            if self.instance.pk is None:
                self.fields["occurrence"].initial = None
            self.fields["occurrence"].help_text = (
                "1, or 2 and so on when the same source reports the statement again. Leave it empty: the next "
                "free number is given."
            )
        if "context" in self.fields:
            self.fields["context"].required = False
        if "statement" in self.fields and self.instance.pk is None:
            self.fields["statement"].required = False

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None or "statement" not in self.fields:
            return cleaned_data
        statement, speaker = cleaned_data.get("statement"), cleaned_data.get("new_statement_speaker")
        if statement and speaker:
            self.add_error("new_statement_speaker", "Either pick the statement or make a new one, not both.")
        elif not statement and not speaker and "statement" not in self.errors:
            self.add_error(
                "statement",
                "Pick the statement these words report, or, when it is not recorded yet, give the new "
                "statement's speaker below.",
            )
        elif speaker:
            text = (cleaned_data.get("new_statement_text") or cleaned_data.get("text") or "").strip()
            if not text and "text" in self.errors:
                return cleaned_data  # the words are missing, said once (the new statement would take them)
            draft = Statement(speaker=speaker, text=text)
            slug_fill(draft)
            try:
                draft.full_clean()
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    self.add_error("new_statement_text", [_statement_field(name) + message for message in messages])
            else:
                check_not_a_known_statement(self, draft, field="new_statement_text")
                self.new_statement = draft
        return cleaned_data

    def _post_clean(self):
        # What "Quote this" selected, for Quotation.clean to check (a new quotation only: an
        # edited one is re-anchored by its words, prefix and suffix).
        if self.instance.pk is None:
            self.instance.selected_start = self.cleaned_data.get("selected_start")
            self.instance.selected_end = self.cleaned_data.get("selected_end")
        super()._post_clean()


def _statement_field(name: str) -> str:
    """How an error of the new statement's field `name` starts: its text's errors are the field's own."""
    if name in ("text", NON_FIELD_ERRORS):
        return ""
    return f"{capfirst(Statement._meta.get_field(name).verbose_name)}: "


class QuotationInlineForm(LinkedErrorsMixin, VersionedModelForm):
    """A quotation in the inline of its statement or source: the occurrence may be left empty
    (numbered), the excerpt too when the source has an archived text."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "occurrence" in self.fields:
            self.fields["occurrence"].required = False
            self.fields["occurrence"].help_text = "Leave empty: the next free number is given."
            if self.instance.pk is None:
                self.fields["occurrence"].initial = None
        if "context" in self.fields:
            self.fields["context"].required = False


class QuotationFormSet(KnownChoicesFormSet):
    """Rows of quotations: two new rows of the same statement in the same source, both left
    unnumbered, are numbered one after the other (each was given the next free number alone)."""

    def clean(self):
        super().clean()
        taken: dict[tuple, set[int]] = {}
        numbered = []
        for form in self.forms:
            instance = form.instance
            if not form.is_valid() or form.cleaned_data.get(DELETION_FIELD_NAME) or instance.occurrence is None:
                continue
            pair = (instance.source_id, instance.statement_id)
            if instance.occurrence_numbered:
                numbered.append((pair, instance))
            else:
                taken.setdefault(pair, set()).add(instance.occurrence)
        for pair, instance in numbered:
            used = taken.setdefault(pair, set())
            while instance.occurrence in used:
                instance.occurrence += 1
            used.add(instance.occurrence)

    def get_unique_error_message(self, unique_check):
        return (
            "Two rows quote the same statement in the same source with the same occurrence number. Leave the "
            "occurrence empty in the new rows to have them numbered, or give each its own number."
        )


# ---------------------------------------------------------------------------------------------
# The archived text to quote from, and the summary of errors


def quote_panel(source: Source | None, *, add_url: str = "", text_url: str = "") -> str:
    """The archived text shown for selecting words, with the "Quote this" button (quote.js).
    `add_url`: the quotation form to open with the words (on the source's page); without it the
    words fill the form the panel is in. `text_url`: where the form fetches a source's text when
    one is picked (with 0 for its id)."""
    text = source.archived_text if source is not None else ""
    return format_html(
        '<section class="quote-panel" data-add-url="{}" data-text-url="{}" data-context-max="{}"{}>'
        '<h2 class="quote-panel-title">Pick the words from the archived text</h2>'
        '<p class="quote-help">Select the words in the text, then press “Quote this” (with the keyboard: Tab '
        "into the text, move with the arrows, select with Shift+arrows, then Tab to the button). The words, "
        "the sentence around them and their place in the text are filled in.</p>"
        # A textarea: selectable with the mouse, a finger and Shift+arrows alike, and its selection
        # stays when the focus moves to the button. Not `readonly`: Chromium then ignores the arrow
        # keys; quote.js refuses every edit instead, and inputmode="none" keeps a phone's keyboard
        # shut. It has no name: nothing of it is sent. The line break after the opening tag is
        # eaten by the HTML parser (as in Django's Textarea), so a text's own first one is kept.
        '<label class="quote-text-label" for="quote-text">Archived text</label>'
        '<textarea id="quote-text" class="quote-text" aria-readonly="true" inputmode="none" rows="14" '
        'spellcheck="false" data-source="{}">'
        "\n{}</textarea>"
        '<div class="quote-bar"><button type="button" class="button quote-this">Quote this</button>'
        '<span class="quote-status" role="status" aria-live="polite">{}</span></div>'
        "</section>",
        add_url,
        text_url,
        CONTEXT_MAX_LENGTH,
        "" if text else mark_safe(" hidden"),
        source.pk if source is not None else "",
        text,
        "Select words in the text." if text else "",
    )


def error_summary(context) -> list[tuple[str, str, str]]:
    """(label, id of the field, first message) of each field with an error, the page's inline
    rows included: shown at the top of the form, each linking to its field."""
    summary = []
    adminform = context.get("adminform")
    forms_shown = [("", adminform.form)] if adminform else []
    for inline in context.get("inline_admin_formsets", []):
        for index, form in enumerate(inline.formset.forms):
            forms_shown.append((f"{inline.opts.verbose_name} {index + 1}: ", form))
    for prefix, form in forms_shown:
        for name, errors in form.errors.items():
            if name == "__all__" or not errors:
                continue
            field = form.fields.get(name)
            label = field.label if field and field.label else name.replace("_", " ")
            # Plain text: the message in full, with its links (and any box to tick), is by the field.
            message = Truncator(strip_tags(next(iter(errors)))).chars(240)
            summary.append((f"{prefix}{label}", form[name].auto_id if field else "", message))
    return summary


class QuotationDeskMixin:
    """The quotation's admin: the form above, the archived text to quote from, the error
    summary, and a new statement saved with its first quotation."""

    form = QuotationForm
    change_form_template = "admin/claims/quotation/change_form.html"
    add_fields = ("new_statement_speaker", "new_statement_text", "selected_start", "selected_end")

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None:
            name, options = fieldsets[0]
            fields = list(options["fields"])
            fields.insert(fields.index("statement") + 1, ("new_statement_speaker", "new_statement_text"))
            fields += ["selected_start", "selected_end"]
            fieldsets[0] = (name, {**options, "fields": tuple(fields)})
        return fieldsets

    def get_urls(self):
        view = self.admin_site.admin_view(self.source_text_view)
        return [path("source-text/<int:source_id>/", view, name="claims_quotation_source_text"), *super().get_urls()]

    def source_text_view(self, request, source_id: int):
        """A source's archived text, for the panel of the quotation form (when a source is picked)."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        source = get_object_or_404(Source, pk=source_id)
        return JsonResponse({"id": source.pk, "title": source.title, "text": source.archived_text})

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        source = obj.source if obj is not None else None
        if source is None:
            source_id = form["source"].value() if "source" in form.fields else None
            source = Source.objects.filter(pk=source_id).first() if str(source_id or "").isdigit() else None
        text_url = reverse("admin:claims_quotation_source_text", args=[0])
        context["quote_panel"] = quote_panel(source, text_url=text_url)
        context["error_summary"] = error_summary(context)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        new_statement = getattr(form, "new_statement", None)
        if new_statement is not None and not change:
            obj.statement = statement_save(instance=new_statement, user=request.user)
            if obj.occurrence is None:
                obj.occurrence = 1
        super().save_model(request, obj, form, change)
        if not change and obj.occurrence_numbered and obj.occurrence > 1:
            self.message_user(request, another_occurrence_message(obj), messages.INFO)

    class Media:
        css = {"all": ("desk/quote.css",)}
        js = ("desk/quote.js",)


def another_occurrence_message(quotation: Quotation) -> str:
    """Said when a new quotation was numbered after others of its statement in its source."""
    others = (
        Quotation.objects.filter(source_id=quotation.source_id, statement_id=quotation.statement_id)
        .exclude(pk=quotation.pk)
        .order_by("occurrence")
    )
    return format_html(
        "This source already reported this statement ({}), so this quotation is occurrence {} of it in the source.",
        format_html_join(
            ", ",
            '<a href="{}">quotation #{}, occurrence {}</a>',
            ((_change_url(Quotation, other.pk), other.pk, other.occurrence) for other in others),
        ),
        quotation.occurrence,
    )
