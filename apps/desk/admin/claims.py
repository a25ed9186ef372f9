from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from apps.claims.matching import same_remark_candidates
from apps.claims.models import Quotation, Statement, Topic
from apps.claims.selectors import SIMILAR_MIN_SIMILARITY, quotations_matching, statements_matching
from apps.claims.services import statement_match_permitted, statement_match_reject
from apps.core.services import ActionRefused
from apps.desk.badges import cut, days_since, sent_back_line, status_badge, verdict_badge
from apps.desk.base import (
    AutocompleteInline,
    LanguageListFilter,
    RankedSearchAdmin,
    TimestampedAdmin,
    admin_link,
    history_table,
    year_list_filter,
)
from apps.desk.forms import VersionedModelForm
from apps.desk.quoting import QuotationDeskMixin, QuotationFormSet, QuotationInlineForm, check_not_a_known_statement
from apps.desk.workflow import WorkflowActionsMixin, moves_for, statement_move_view
from apps.sources.models import Source
from apps.verification.choices import VerificationStatus
from apps.verification.history import statement_history
from apps.verification.models import Verification
from apps.verification.services import (
    error_message,
    statement_claim_check,
    statement_delete,
    statement_match_confirm,
)


def _has_published_verdict(statement: Statement | None) -> bool:
    verification = getattr(statement, "verification", None) if statement is not None else None
    return getattr(verification, "status", None) == VerificationStatus.PUBLISHED


def _published_refusal(statements: list[Statement], *, selected: bool) -> str:
    named = "; ".join(f"#{statement.pk} “{Truncator(statement.text).chars(60)}”" for statement in statements[:5])
    if len(statements) > 5:
        named += f"; and {len(statements) - 5} more"
    if not selected:
        which = "this statement has"
    elif len(statements) == 1:
        which = "1 of the selected statements has"
    else:
        which = f"{len(statements)} of the selected statements have"
    return (
        f"Nothing was deleted: {which} a published verdict ({named}). Readers and ClaimReview consumers rely "
        "on a published verdict, so it is reopened first, with a reason (“Reopen…”); the statement can be "
        "deleted after that." + (" To delete the others now, select only them." if selected else "")
    )


@admin.action(description=delete_selected.short_description, permissions=["delete"])
def delete_selected_unless_published(modeladmin, request, queryset):
    """Django's "Delete selected" for statements: when a selected statement's verdict is
    published, nothing is deleted and the message names those statements (Django would answer
    a bare "permission denied")."""
    published = list(queryset.filter(verification__status=VerificationStatus.PUBLISHED).order_by("pk"))
    if published:
        modeladmin.message_user(request, _published_refusal(published, selected=True), messages.ERROR)
        return None
    return delete_selected(modeladmin, request, queryset)


@admin.register(Topic)
class TopicAdmin(TimestampedAdmin):
    # The count annotation makes a GROUP BY, which drops Meta.ordering (autocomplete results too).
    ordering = Topic._meta.ordering
    list_display = ("name", "slug", "statement_count")
    search_fields = ("name",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count


class VerificationStatusFilter(admin.SimpleListFilter):
    """Workflow status, counting a statement with no verification record as unchecked."""

    title = "verification status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return VerificationStatus.choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == VerificationStatus.UNCHECKED:
            return queryset.filter(Q(verification__isnull=True) | Q(verification__status=value))
        if value:
            return queryset.filter(verification__status=value)
        return queryset


class QuotationInline(AutocompleteInline, admin.StackedInline):
    """Quotations edited on the page of their statement or of their source: `fk_name` is the page's
    side, `other_side` the relation picked with an autocomplete in each row."""

    model = Quotation
    form = QuotationInlineForm  # the occurrence numbered when left empty (apps/desk/quoting.py)
    formset = QuotationFormSet
    extra = 0
    show_change_link = True
    other_side = "source"
    readonly_fields = ("char_start", "char_end")

    def get_autocomplete_fields(self, request):
        return (self.other_side, "reported_via")

    def get_fields(self, request, obj=None):
        return (
            (self.other_side, "occurrence", "mode", "is_first_appearance"),
            "text",
            "context",
            ("reported_via", "reported_via_note"),
            ("char_start", "char_end"),
            "base_version",
        )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "statement__speaker", "reported_via")


class StatementQuotationInline(QuotationInline):
    """Every place a source reports this statement."""

    fk_name = "statement"
    other_side = "source"


class StatementForm(VersionedModelForm):
    """A statement whose verdict is in review or published keeps its words, speaker and date."""

    def clean(self):
        cleaned_data = super().clean()  # locks the stored row when something changed
        # A field refused by its own validation is not in cleaned_data: its error is shown instead.
        changes = {
            name: cleaned_data[name]
            for name in Statement.REVIEWED_FIELDS
            if name in self.changed_data and name in cleaned_data
        }
        if changes and self.instance.pk is not None:
            statement_claim_check(statement=self.instance, changes=changes)
        if self.instance.pk is None and cleaned_data.get("speaker") and cleaned_data.get("text"):
            # The same remark recorded twice splits its quotations and its verdict: offer the
            # speaker's similar statements first ("Save as a new statement anyway" to go on).
            draft = Statement(speaker=cleaned_data["speaker"], text=cleaned_data["text"].strip())
            check_not_a_known_statement(self, draft, field="text")
        return cleaned_data


@admin.register(Statement)
class StatementAdmin(WorkflowActionsMixin, RankedSearchAdmin, TimestampedAdmin):
    list_display = ("short_text", "speaker", "said_on_display", "status", "verdict", "assignee")
    list_filter = (
        VerificationStatusFilter,
        "verification__rating",
        "verification__rating__bucket",
        "verification__attribution",
        "speaker__kind",
        "topics",
        LanguageListFilter,
        year_list_filter("said_on", title="year said", years_of=(Statement, "said_on")),
        "said_on",
    )
    list_select_related = ("speaker", "verification__rating", "verification__fact_checker")
    search_fields = ("text", "quotations__text", "speaker__name", "speaker__aliases", "occasion")  # ranked_search
    autocomplete_fields = ("speaker", "topics")

    def ranked_search(self, queryset, value):
        """The API's search, each word taken as a prefix on PostgreSQL ("kaz bord")."""
        return statements_matching(queryset, value, prefixes=True)

    readonly_fields = ("change_history", "version", *TimestampedAdmin.readonly_fields)
    form = StatementForm
    # Where the statement stands, its buttons and where it was reported come first, above the
    # form (statement_state below).
    change_form_template = "admin/claims/statement/change_form.html"
    inlines = (StatementQuotationInline,)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "speaker",
                    "text",
                    "slug",
                    ("said_on", "said_on_precision"),
                    "occasion",
                    "language",
                    "topics",
                    "base_version",
                )
            },
        ),
        ("History", {"fields": ("change_history",), "classes": ("collapse",)}),
        ("Record", {"fields": ("version", "created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def statement_of(self, obj):
        return obj

    def has_delete_permission(self, request, obj=None):
        # A published verdict is not deleted; it is reopened, with a reason (claims.services).
        return not _has_published_verdict(obj) and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            _django_action, name, description = actions["delete_selected"]
            actions["delete_selected"] = (delete_selected_unless_published, name, description)
        return actions

    def delete_view(self, request, object_id, extra_context=None):
        """A published statement's delete page sends the editor back to it with the reason,
        rather than answering a bare 403."""
        statement = self.get_object(request, unquote(object_id))
        if _has_published_verdict(statement):
            self.message_user(request, _published_refusal([statement], selected=False), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:claims_statement_change", args=[statement.pk]))
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        statement_delete(statement=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        """Bulk delete: each statement by the same rule (a verdict published since the
        confirmation page keeps its statement, named in a warning)."""
        for statement in queryset:
            try:
                statement_delete(statement=statement, user=request.user)
            except ActionRefused as refused:
                messages.warning(request, str(refused))

    @admin.display(description="Every change to the statement, its quotations, verification and evidence")
    def change_history(self, obj):
        return history_table(statement_history(obj)) if obj.pk else "—"

    @admin.display(description="statement", ordering="text")
    def short_text(self, obj):
        return cut(obj.text, 160)

    @admin.display(description="date said", ordering="said_on")
    def said_on_display(self, obj):
        return obj.said_on_display

    @admin.display(description="status", ordering="verification__status")
    def status(self, obj):
        return status_badge(getattr(obj, "verification", None))

    @admin.display(description="verdict", ordering="verification__rating__value")
    def verdict(self, obj):
        verification = getattr(obj, "verification", None)
        return verdict_badge(verification.rating if verification else None)

    @admin.display(description="fact-checker", ordering="verification__fact_checker__username")
    def assignee(self, obj):
        verification = getattr(obj, "verification", None)
        return verification.fact_checker.get_username() if verification and verification.fact_checker else "—"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/move/<str:name>/",
                self.admin_site.admin_view(self.move_view),
                name="claims_statement_move",
            ),
            path(
                "<path:object_id>/same-remark/",
                self.admin_site.admin_view(self.same_remark_view),
                name="claims_statement_same_remark",
            ),
            *super().get_urls(),
        ]

    def move_view(self, request, object_id, name):
        return statement_move_view(request, self, object_id, name)

    def same_remark_view(self, request, object_id):
        """The buttons of the "Possibly the same remark" panel: `decision=same` merges the two
        (into the older one), `decision=different` records that they are not, so the pair is not
        suggested again. POST only, for editors (who may change statements)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        statement = self.get_object(request, unquote(object_id))
        if statement is None:
            raise Http404(f"There is no statement {object_id}.")
        statement_match_permitted(user=request.user)
        back = reverse("admin:claims_statement_change", args=[statement.pk])
        other_id, decision = request.POST.get("other", ""), request.POST.get("decision", "")
        other = Statement.objects.filter(pk=int(other_id)).first() if other_id.isdigit() else None
        if other is None or decision not in ("same", "different"):
            self.message_user(
                request,
                "Nothing was recorded: the form named no statement on file or no decision (same or different). "
                "Reload the page and press one of the panel's buttons.",
                messages.ERROR,
            )
            return HttpResponseRedirect(back)
        try:
            if decision == "different":
                statement_match_reject(statement=statement, other=other, user=request.user)
            else:
                kept = statement_match_confirm(statement=statement, other=other, user=request.user)
        except (ActionRefused, ValidationError) as refused:
            self.message_user(request, error_message(refused), messages.ERROR)
            return HttpResponseRedirect(back)
        if decision == "different":
            self.message_user(
                request, f"Recorded: statement {other.pk} is a different remark; it will not be suggested again."
            )
            return HttpResponseRedirect(back)
        merged = other.pk if kept.pk == statement.pk else statement.pk
        self.message_user(
            request,
            f"Merged: statement {merged} was the same remark; its quotations are now this statement's and it was "
            "deleted (its history is kept).",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:claims_statement_change", args=[kept.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        statement = self.get_object(request, unquote(object_id))
        if statement is not None:
            extra_context = {**(extra_context or {}), "state": statement_state(request, statement)}
        return super().change_view(request, object_id, form_url, extra_context)


def statement_state(request, statement) -> dict:
    """What the top of a statement's page shows: its status and verdict, whether the speaker
    really said it, who has the work and since when, why it was sent back, the moves this user
    may make now, and every place a source reports it."""
    verification = (
        Verification.objects.select_related("rating__scale", "fact_checker", "reviewer", "sent_back_by")
        .filter(statement=statement)
        .first()
    )
    quotations = statement.quotations.select_related("source__publisher").order_by(*Quotation.STATEMENT_ORDER)
    return {
        "verification": verification,
        "status": status_badge(verification),
        "verdict": verdict_badge(verification.rating if verification else None),
        "in_status_for": days_since(verification.status_changed_at) if verification else "",
        "sent_back": sent_back_line(verification),
        "moves": moves_for(
            request.user,
            statement.pk,
            verification,
            url_of=lambda name: reverse("admin:claims_statement_move", args=[statement.pk, name]),
        ),
        "quotations": [_quotation_place(quotation) for quotation in quotations],
        "same_remark": _same_remark(request, statement),
        "may_decide_same_remark": request.user.has_perm("claims.change_statement"),
    }


SAME_REMARK_SHOWN = 5


def _same_remark(request, statement) -> list[dict]:
    """Statements on file that may be the same remark as this one (apps.claims.matching), with
    their scores, for the panel of the statement's page."""
    candidates = same_remark_candidates(
        statement.text,
        statement_id=statement.pk,
        speaker_id=statement.speaker_id,
        min_score=SIMILAR_MIN_SIMILARITY,
        limit=SAME_REMARK_SHOWN,
    )
    found = Statement.objects.select_related("speaker").in_bulk([candidate.statement_id for candidate in candidates])
    return [
        {
            "statement": found[candidate.statement_id],
            "link": admin_link(found[candidate.statement_id], cut(found[candidate.statement_id].text, 200)),
            "score": f"{candidate.score:.0%}",
            "lexical": f"{candidate.lexical:.0%}",
            "semantic": "—" if candidate.semantic is None else f"{candidate.semantic:.0%}",
        }
        for candidate in candidates
        if candidate.statement_id in found
    ]


def _quotation_place(quotation) -> dict:
    """A quotation on its statement's page: its source, how it quotes, and where its words sit
    in the source's archived text (a few words either side), when they were found there."""
    source = quotation.source
    if quotation.char_start is None:
        place = format_html(
            "<span class='desk-muted'>not found in the source's archived text</span> “{}”", quotation.text
        )
    else:
        place = format_html(
            "characters {}–{}: …{}<mark>{}</mark>{}…",
            quotation.char_start,
            quotation.char_end,
            quotation.prefix[-60:],
            quotation.text,
            quotation.suffix[:60],
        )
    return {
        "quotation": quotation,
        "source": admin_link(source, str(source)),
        "about_source": f"{source.publisher or 'publisher unknown'}, {source.published_on_display}",
        "mode": quotation.get_mode_display().lower(),
        "place": place,
    }


@admin.register(Quotation)
class QuotationAdmin(QuotationDeskMixin, RankedSearchAdmin, TimestampedAdmin):
    list_display = ("short_text", "speaker", "source_display", "mode", "first_appearance", "anchored")
    list_filter = (
        "mode",
        "is_first_appearance",
        "source__kind",
        "source__publisher",
        "statement__speaker__kind",
        year_list_filter("source__published_on", title="year published", years_of=(Source, "published_on")),
        "source__published_on",
    )
    list_select_related = ("statement__speaker", "source")
    ordering = ("-pk",)  # the latest first; the model's order (by source) sorts the whole table through a join
    search_fields = (
        "text",
        "context",
        "statement__text",
        "statement__speaker__name",
        "source__title",
    )  # ranked_search searches them
    autocomplete_fields = ("statement", "source", "reported_via")

    def ranked_search(self, queryset, value):
        """The API's search, each word taken as a prefix on PostgreSQL."""
        return quotations_matching(queryset, value, prefixes=True)

    readonly_fields = ("char_start", "char_end", "prefix", "suffix", "version", *TimestampedAdmin.readonly_fields)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "statement",
                    "source",
                    "occurrence",
                    "mode",
                    "text",
                    "context",
                    "is_first_appearance",
                    "base_version",
                )
            },
        ),
        ("Reported through", {"fields": ("reported_via", "reported_via_note")}),
        ("Anchor in the source's archived text", {"fields": (("char_start", "char_end"), "prefix", "suffix")}),
        ("Record", {"fields": ("version", "created_at", "updated_at"), "classes": ("collapse",)}),
    )

    @admin.display(description="words as printed", ordering="text")
    def short_text(self, obj):
        return cut(obj.text, 160)

    @admin.display(description="source", ordering="source__title")
    def source_display(self, obj):
        return cut(str(obj.source), 90)

    @admin.display(description="speaker", ordering="statement__speaker__name")
    def speaker(self, obj):
        return obj.statement.speaker

    @admin.display(description="first seen", boolean=True, ordering="is_first_appearance")
    def first_appearance(self, obj):
        return obj.is_first_appearance

    @admin.display(description="anchored", boolean=True)
    def anchored(self, obj):
        return obj.char_start is not None
