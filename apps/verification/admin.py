from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from apps.core.admin import URL_FIELD_OVERRIDES, AutocompleteInline, TimestampedAdmin, admin_link
from apps.core.forms import VersionedModelForm

from . import services
from .admin_workflow import MOVES, QueueFilter, WorkflowActionsMixin, move_allowed, move_page
from .choices import EDITABLE_STATES, TRANSITIONS
from .models import Evidence, Rating, RatingScale, Verification


class RatingInline(admin.TabularInline):
    model = Rating
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


class VerificationInline(admin.StackedInline):
    """Where the statement's fact-check stands, on the statement's page. It is edited, and
    moved through the workflow, on the verification's own page."""

    model = Verification
    extra = 0
    max_num = 0
    can_delete = False
    fields = (("status", "attribution"), "rating", "summary", ("fact_checker", "reviewer", "published_at"), "open_link")
    readonly_fields = (
        "status",
        "attribution",
        "rating",
        "summary",
        "fact_checker",
        "reviewer",
        "published_at",
        "open_link",
    )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="")
    def open_link(self, obj):
        return admin_link(obj, "Open the verification to edit it, add evidence or move it through the workflow →")


class EvidenceInline(AutocompleteInline, admin.StackedInline):
    model = Evidence
    extra = 0
    formfield_overrides = URL_FIELD_OVERRIDES
    autocomplete_fields = ("source",)
    fields = (("number", "url", "source"), "note")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")

    # Evidence changes only while the work is in progress or in review.
    def has_add_permission(self, request, obj=None):
        return _editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return _editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return _editable(obj) and super().has_delete_permission(request, obj)


def _editable(verification) -> bool:
    return verification is None or verification.status in EDITABLE_STATES


class VerificationForm(VersionedModelForm):
    change_reason = forms.CharField(
        label="Reason for this change",
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"size": 80}),
        help_text="Optional; kept in the history.",
    )


@admin.register(Verification)
class VerificationAdmin(WorkflowActionsMixin, TimestampedAdmin):
    """A fact-checker's working page: verdict, summary, evidence, and the workflow buttons."""

    form = VerificationForm
    change_form_template = "admin/verification/verification/change_form.html"
    list_display = ("statement", "status", "rating", "attribution", "fact_checker", "reviewer", "published_at")
    list_filter = (
        QueueFilter,
        "status",
        ("rating", admin.RelatedOnlyFieldListFilter),
        "rating__bucket",
        "attribution",
        ("fact_checker", admin.RelatedOnlyFieldListFilter),
        "published_at",
    )
    list_select_related = ("statement__speaker", "rating__scale", "fact_checker", "reviewer")
    search_fields = ("statement__text", "statement__speaker__name", "summary")
    date_hierarchy = "published_at"
    autocomplete_fields = ("rating",)
    inlines = (EvidenceInline,)
    workflow_fields = ("statement", "status", "fact_checker", "reviewer", "published_at")
    fieldsets = (
        (None, {"fields": ("statement", ("status", "fact_checker"), ("reviewer", "published_at"))}),
        ("Verdict", {"fields": ("rating", "attribution", "summary", "explanation", "change_reason", "base_version")}),
        ("Record", {"fields": ("version", "created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def statement_of(self, obj):
        return obj.statement

    def has_add_permission(self, request):
        return False  # a verification starts when a statement is assigned

    def get_readonly_fields(self, request, obj=None):
        return (*self.workflow_fields, "version", *TimestampedAdmin.readonly_fields)

    def has_change_permission(self, request, obj=None):
        # Unchecked or published: the page is read-only; only the workflow buttons act.
        return _editable(obj) and super().has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not _editable(obj):
            verdict = [name for name in fieldsets[1][1]["fields"] if name not in ("change_reason", "base_version")]
            fieldsets = (fieldsets[0], ("Verdict", {"fields": verdict}), fieldsets[2])
        return fieldsets

    def save_model(self, request, obj, form, change):
        services.verification_update(
            verification=obj,
            user=request.user,
            fields={name: getattr(obj, name) for name in services.EDITABLE_FIELDS},
            expected_version=form.cleaned_data.get("base_version"),
            reason=form.cleaned_data.get("change_reason", ""),
        )

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
        """The page behind a workflow button: asks for what the move needs, or confirms it."""
        if name not in MOVES:
            raise Http404(f"There is no workflow move “{name}”.")
        verification = get_object_or_404(Verification.objects.select_related("statement__speaker"), pk=object_id)
        if not self.has_view_or_change_permission(request, verification):
            raise PermissionDenied
        response = move_page(request, self, [verification.statement], name)
        return response or HttpResponseRedirect(
            reverse("admin:verification_verification_change", args=[verification.pk])
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        verification = self.get_object(request, object_id)
        extra_context = {**(extra_context or {}), "moves": self._moves_for(request, verification)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _moves_for(self, request, verification) -> list[dict]:
        """The buttons this user sees on this verification: the moves its status allows and
        their permission grants (the services still check everything)."""
        if verification is None:
            return []
        buttons = []
        for name, (move, label, _, form_class) in MOVES.items():
            sources, _ = TRANSITIONS[move]
            if name == "assign_to_me" and verification.fact_checker_id is not None:
                continue  # taken: "Assign to a fact-checker…" reassigns
            if verification.status in sources and move_allowed(request.user, name):
                url = reverse("admin:verification_verification_move", args=[verification.pk, name])
                buttons.append({"name": name, "label": label, "url": url, "asks": form_class is not None})
        return buttons


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
