from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import reverse

from apps.claims.models import Quotation
from apps.claims.services import source_anchor_quotations, source_quotations_check
from apps.core.selectors import count_per_row
from apps.desk.base import LanguageListFilter, RankedSearchAdmin, TimestampedAdmin, year_list_filter
from apps.desk.forms import CuratedModelForm
from apps.desk.quoting import LinkedErrorsMixin, error_summary, quote_panel
from apps.sources.models import Correction, Publisher, Source
from apps.sources.selectors import publishers_matching, sources_matching

from .claims import QuotationInline


def _looks_like_an_address(value: str) -> bool:
    """A pasted URL or path is looked up in the addresses, by Django's own search."""
    return "/" in value or "://" in value


@admin.register(Publisher)
class PublisherAdmin(RankedSearchAdmin, TimestampedAdmin):
    # The count annotation makes a GROUP BY, which drops Meta.ordering (autocomplete results too).
    ordering = Publisher._meta.ordering
    list_display = ("name", "domain", "url", "source_count")
    search_fields = ("name", "domain", "url")  # an address; words: ranked_search

    def ranked_search(self, queryset, value):
        """The API's search: its syntax and case folding on every database."""
        return None if _looks_like_an_address(value) else publishers_matching(queryset, value)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(source_count=Count("sources"))

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, obj):
        return obj.source_count


class CorrectionInline(admin.StackedInline):
    model = Correction
    form = CuratedModelForm  # writes only what was changed, onto the row as stored
    extra = 0
    fields = ("number", "corrected_on", "text", "corrected_text")


class SourceQuotationInline(QuotationInline):
    """The quotations a source prints, edited where they appear."""

    fk_name = "source"
    other_side = "statement"


class SourceForm(LinkedErrorsMixin, CuratedModelForm):
    """A source's new archived text must hold every quotation of the source, verbatim. A URL
    that is another source's page is refused with a link to that source."""

    def _post_clean(self):
        super()._post_clean()  # the record's own rules; the text's line breaks made LF
        # A new source has no quotations yet.
        if self.instance.pk and "archived_text" in self.changed_data and "archived_text" not in self.errors:
            try:
                source_quotations_check(source=self.instance, archived_text=self.instance.archived_text)
            except ValidationError as error:
                self._update_errors(error)


@admin.register(Source)
class SourceAdmin(RankedSearchAdmin, TimestampedAdmin):
    form = SourceForm
    change_form_template = "admin/sources/source/change_form.html"
    list_display = (
        "title",
        "kind",
        "publisher",
        "published_on_display",
        "language",
        "quotation_count",
        "has_archived_text",
    )
    list_filter = (
        "kind",
        "publisher",
        LanguageListFilter,
        year_list_filter("published_on", title="year published", years_of=(Source, "published_on")),
        "published_on_precision",
        "published_on",
    )
    list_select_related = ("publisher",)
    search_fields = ("title", "url", "publisher__name")  # an address; words: ranked_search
    autocomplete_fields = ("publisher", "authors")

    def ranked_search(self, queryset, value):
        """The API's search (title matches before the publisher's name), in the list and the
        source pickers alike."""
        return None if _looks_like_an_address(value) else sources_matching(queryset, value)

    inlines = (SourceQuotationInline, CorrectionInline)
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "kind",
                    "title",
                    "slug",
                    "url",
                    "publisher",
                    "authors",
                    ("published_on", "published_on_precision"),
                    "language",
                )
            },
        ),
        ("Archived text", {"fields": ("archived_text",), "classes": ("collapse",)}),
        ("Notes", {"fields": ("notes", "created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        # A correlated count, not a GROUP BY join: the page stays an index scan at a million rows.
        return (
            super()
            .get_queryset(request)
            .annotate(quotation_count=count_per_row(Quotation.objects.all(), field="source"))
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The archived text as stored, to select a quotation's words in ("Quote this" opens the
        # quotation form with them: apps/desk/quoting.py, static/desk/quote.js).
        if obj is not None and obj.archived_text and request.user.has_perm("claims.add_quotation"):
            add_url = f"{reverse('admin:claims_quotation_add')}?source={obj.pk}"
            context["quote_panel"] = quote_panel(obj, add_url=add_url)
        context["error_summary"] = error_summary(context)
        return super().render_change_form(request, context, add, change, form_url, obj)

    class Media:
        css = {"all": ("desk/quote.css",)}
        js = ("desk/quote.js",)

    @admin.display(description="date", ordering="published_on")
    def published_on_display(self, obj):
        return obj.published_on_display

    @admin.display(description="quotations", ordering="quotation_count")
    def quotation_count(self, obj):
        return obj.quotation_count

    @admin.display(description="archived text", boolean=True)
    def has_archived_text(self, obj):
        return bool(obj.archived_text)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if "archived_text" in form.changed_data:
            source_anchor_quotations(source=form.instance)


@admin.register(Correction)
class CorrectionAdmin(TimestampedAdmin):
    list_display = ("__str__", "source", "corrected_on")
    list_select_related = ("source",)
    search_fields = ("text", "corrected_text", "source__title")
    date_hierarchy = "corrected_on"
    autocomplete_fields = ("source",)
