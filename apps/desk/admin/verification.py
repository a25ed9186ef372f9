from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from apps.core.models import refuse_invisible_characters
from apps.desk.badges import cut, days_since, sent_back_line, status_badge, verdict_badge
from apps.desk.base import URL_FIELD_OVERRIDES, AutocompleteInline, TimestampedAdmin
from apps.desk.forms import CuratedModelForm, VersionedModelForm
from apps.desk.workflow import (
    IMMEDIATE_MOVES,
    MOVES,
    VERSION_FIELD,
    QueueFilter,
    WorkflowActionsMixin,
    apply_move,
    move_page,
    moves_for,
    publish_refused_as_changed,
    versions_sent,
)
from apps.verification import services
from apps.verification.choices import EDITABLE_STATES
from apps.verification.models import Evidence, Rating, RatingScale, Verification


class RatingInline(admin.TabularInline):
    model = Rating
    form = CuratedModelForm  # writes only what was changed, onto the row as stored
    extra = 0
    fields = ("label", "slug", "value", "bucket", "colour", "description")
    prepopulated_fields = {"slug": ("label",)}


@admin.register(RatingScale)
class RatingScaleAdmin(TimestampedAdmin):
    list_display = ("name", "is_default", "description")
    search_fields = ("name",)
    inlines = (RatingInline,)


@admin.register(Rating)
class RatingAdmin(TimestampedAdmin):
    list_display = ("label", "scale", "value", "bucket", "colour")
    list_filter = ("scale", "bucket")
    list_select_related = ("scale",)
    search_fields = ("label", "scale__name")
    autocomplete_fields = ("scale",)
    prepopulated_fields = {"slug": ("label",)}


class EvidenceInline(AutocompleteInline, admin.StackedInline):
    model = Evidence
    form = CuratedModelForm  # writes only what was changed, onto the row as stored
    extra = 0
    formfield_overrides = URL_FIELD_OVERRIDES
    autocomplete_fields = ("source",)
    fields = (("number", "url", "source"), "note")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")

    # Evidence changes only while the work is in progress or in review, by whoever may edit the
    # verdict; it is saved with it (VerificationAdmin.save_related).
    def has_add_permission(self, request, obj=None):
        return _may_edit(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return _may_edit(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _may_edit(request, obj) and super().has_delete_permission(request, obj)


def _editable(verification) -> bool:
    return verification is None or verification.status in EDITABLE_STATES


def _may_edit(request, verification) -> bool:
    """The verdict of work in progress or in review is edited by its fact-checker or an editor."""
    return _editable(verification) and (
        verification is None or services.may_work_on(verification=verification, user=request.user)
    )


class VerificationForm(VersionedModelForm):
    change_reason = forms.CharField(
        label="Reason for this change",
        required=False,
        max_length=1000,
        validators=[refuse_invisible_characters],
        widget=forms.TextInput(attrs={"size": 80}),
        help_text="Optional; kept in the history.",
    )

    # The page's evidence, and the workflow button that sent it, act on the version it showed.
    version_checked_unchanged = True


@admin.register(Verification)
class VerificationAdmin(WorkflowActionsMixin, TimestampedAdmin):
    """A fact-checker's working page: verdict, summary, evidence, and the workflow buttons.
    Saving it goes through services.verification_update (who may edit, the version, the
    writers); its workflow buttons post the form, so what was typed is saved before the move."""

    form = VerificationForm
    change_form_template = "admin/verification/verification/change_form.html"
    list_display = ("statement_words", "state", "verdict", "fact_checker", "in_status_for")
    list_filter = (
        QueueFilter,
        "status",
        ("rating", admin.RelatedOnlyFieldListFilter),
        "rating__bucket",
        "attribution",
        ("fact_checker", admin.RelatedOnlyFieldListFilter),
        "published_at",
    )
    list_select_related = ("statement__speaker", "rating", "fact_checker", "sent_back_by")
    search_fields = ("statement__text", "statement__speaker__name", "summary")
    date_hierarchy = "published_at"
    autocomplete_fields = ("rating",)
    inlines = (EvidenceInline,)
    workflow_fields = ("statement", "status", "fact_checker", "reviewer", "published_at", "written_by")
    fieldsets = (
        (None, {"fields": ("statement", ("status", "fact_checker"), ("reviewer", "published_at"), "written_by")}),
        ("Verdict", {"fields": ("rating", "attribution", "summary", "explanation", "change_reason", "base_version")}),
        ("Record", {"fields": ("version", "created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def statement_of(self, obj):
        return obj.statement

    @admin.display(description="statement", ordering="statement__text")
    def statement_words(self, obj):
        return format_html(
            '{}<span class="statement-speaker desk-muted">{}</span>',
            cut(obj.statement.text, 140),
            obj.statement.speaker,
        )

    @admin.display(description="status", ordering="status")
    def state(self, obj):
        """The status; for work sent back, who sent it back, when and why."""
        line = sent_back_line(obj)
        if not line:
            return status_badge(obj)
        return format_html('{}<span class="sent-back-note">{}</span>', status_badge(obj), cut(line, 160))

    @admin.display(description="verdict", ordering="rating__value")
    def verdict(self, obj):
        return verdict_badge(obj.rating)

    @admin.display(description="in this status for", ordering="status_changed_at")
    def in_status_for(self, obj):
        return days_since(obj.status_changed_at)

    def has_add_permission(self, request):
        return False  # a verification starts when a statement is assigned

    def get_readonly_fields(self, request, obj=None):
        return (*self.workflow_fields, "version", *TimestampedAdmin.readonly_fields)

    def has_change_permission(self, request, obj=None):
        # Unchecked, published, or someone else's work: the page is read-only; only the
        # workflow buttons act.
        return _may_edit(request, obj) and super().has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            verdict = [name for name in fieldsets[1][1]["fields"] if name not in ("change_reason", "base_version")]
            fieldsets = (fieldsets[0], ("Verdict", {"fields": verdict}), fieldsets[2])
        return fieldsets

    @admin.display(description="written by")
    def written_by(self, obj):
        writers = [writer.get_username() for writer in obj.writers.order_by("username")] if obj.pk else []
        if not writers:
            return "nobody since it was last published"
        return f"{', '.join(writers)}: may not publish it (two pairs of eyes)"

    def save_model(self, request, obj, form, change):
        pass  # saved with its evidence in save_related, through the service

    def save_related(self, request, form, formsets, change):
        """The verdict and the evidence, in one call of the service: one new version, its history,
        and the user recorded as a writer, when anything changed."""
        fields = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS if name in form.changed_data}
        evidence = None
        for formset in formsets:
            # Saved here, not by the formset: Django's change message reads what it saved.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            if formset.model is Evidence and formset.has_changed():
                kept = [each for each in formset.forms if each.instance.pk or each.has_changed()]
                kept = [each.instance for each in kept if each not in formset.deleted_forms]
                # In the order of their numbers (new evidence after the old with the same number),
                # numbered 1, 2, 3… by the service.
                kept.sort(key=lambda item: (item.number, item.pk is None, item.pk or 0))
                evidence = [{"url": item.url, "source": item.source, "note": item.note} for item in kept]
        services.verification_update(
            verification=form.instance,
            user=request.user,
            fields=fields,
            evidence=evidence,
            expected_version=form.cleaned_data.get("base_version"),
            reason=form.cleaned_data.get("change_reason", ""),
        )

    def response_change(self, request, obj):
        """A workflow button on the page: what was typed is saved (above), then the move is made
        from the version now stored, or its own page opens (a reason, a fact-checker, the
        publication's confirmation)."""
        name = request.POST.get(WORKFLOW_BUTTON)
        if name is None:
            return super().response_change(request, obj)
        if name not in MOVES:
            raise Http404(f"There is no workflow move “{name}”.")
        if request.POST.get("base_version") != str(obj.version):
            self.message_user(request, f"What you typed was saved first (version {obj.version}).", messages.SUCCESS)
        if name not in IMMEDIATE_MOVES:
            url = reverse("admin:verification_verification_move", args=[obj.pk, name])
            return HttpResponseRedirect(f"{url}?version={obj.version}")
        apply_move(request, [obj.statement], name, {}, {obj.statement_id: obj.version})
        return HttpResponseRedirect(reverse("admin:verification_verification_change", args=[obj.pk]))

    def get_urls(self):
        return [
            path(
                "<path:object_id>/move/<str:name>/",
                self.admin_site.admin_view(self.move_view),
                name="verification_verification_move",
            ),
            *super().get_urls(),
        ]

    def move_view(self, request, object_id, name):
        """The page of a move that asks for more (a reason, a fact-checker) or confirms what it
        will do (a publication), or makes a move from a read-only verification's page. It
        carries the version the verification's page showed (`?version=` or `base_version`)."""
        if name not in MOVES:
            raise Http404(f"There is no workflow move “{name}”.")
        verification = get_object_or_404(Verification.objects.select_related("statement__speaker"), pk=object_id)
        if not self.has_view_or_change_permission(request, verification):
            raise PermissionDenied
        if request.method == "POST" and "base_version" in request.POST and name in IMMEDIATE_MOVES:
            versions = versions_sent(
                {VERSION_FIELD.format(verification.statement_id): request.POST["base_version"]},
                [verification.statement],
            )
            apply_move(request, [verification.statement], name, {}, versions)
            return HttpResponseRedirect(reverse("admin:verification_verification_change", args=[verification.pk]))
        shown = request.GET.get("version", "")
        response = move_page(
            request, self, [verification.statement], name, shown_version=int(shown) if shown.isdigit() else None
        )
        if response is not None:
            return response
        verification.refresh_from_db()
        if publish_refused_as_changed(request, name, verification.statement_id, verification):
            # The confirmation page again, saying what changed (after a publication, its page).
            sent = request.POST[VERSION_FIELD.format(verification.statement_id)]
            return HttpResponseRedirect(f"{request.path}?version={sent}")
        return HttpResponseRedirect(reverse("admin:verification_verification_change", args=[verification.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        verification = self.get_object(request, object_id)
        extra_context = {
            **(extra_context or {}),
            "sent_back": sent_back_line(verification),
            "moves": self._moves_for(request, verification),
            "moves_post_the_form": verification is not None and self.has_change_permission(request, verification),
            "workflow_button": WORKFLOW_BUTTON,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _moves_for(self, request, verification) -> list[dict]:
        """The buttons this user sees on this verification (the services still check everything)."""
        if verification is None:
            return []
        return moves_for(
            request.user,
            verification.statement_id,
            verification,
            url_of=lambda name: reverse("admin:verification_verification_move", args=[verification.pk, name]),
        )


# The name of the workflow buttons of a verification's page (value: the move).
WORKFLOW_BUTTON = "_workflow"


@admin.register(Evidence)
class EvidenceAdmin(TimestampedAdmin):
    """A list to search evidence across verifications. Evidence is edited on its verification's
    page, where the workflow rules apply."""

    list_display = ("__str__", "verification", "url", "source")
    list_select_related = ("verification__statement__speaker", "source")
    search_fields = ("note", "url", "source__title", "verification__statement__text")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
