from django.contrib import admin
from django.utils.html import format_html, format_html_join

from apps.claims.models import Statement
from apps.core.selectors import count_per_row
from apps.desk.badges import cut, status_badge, verdict_badge
from apps.desk.base import RankedSearchAdmin, TimestampedAdmin, admin_changelist_link, admin_link, html_list
from apps.desk.forms import CuratedModelForm, LinesField
from apps.speakers.models import Speaker, wikidata_id_validator
from apps.speakers.selectors import speakers_matching
from apps.verification.choices import RatingBucket
from apps.verification.selectors import speaker_list


def wikidata_like(term: str) -> bool:
    return wikidata_id_validator.regex.fullmatch(term.strip().upper()) is not None


# How many statements a speaker's page lists before linking to the full, filterable list.
STATEMENTS_SHOWN = 25


class CountryListFilter(admin.SimpleListFilter):
    """The speakers' countries; speakers with none are listed as "(not given)" (Django's own
    filter shows them as an empty link, which screen readers cannot name)."""

    title = "country"
    parameter_name = "country"
    NOT_GIVEN = "-"

    def lookups(self, request, model_admin):
        countries = Speaker.objects.order_by("country").values_list("country", flat=True).distinct()
        return [(country or self.NOT_GIVEN, country or "(not given)") for country in countries]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        return queryset.filter(country="" if value == self.NOT_GIVEN else value)


class SpeakerForm(CuratedModelForm):
    aliases = LinesField(required=False, help_text=Speaker._meta.get_field("aliases").help_text)

    class Meta:
        model = Speaker
        fields = "__all__"


@admin.register(Speaker)
class SpeakerAdmin(RankedSearchAdmin, TimestampedAdmin):
    form = SpeakerForm
    list_display = ("name", "kind", "description", "affiliation", "country", "wikidata_id", "statement_count")
    list_filter = ("kind", CountryListFilter)
    list_select_related = ("affiliation",)
    search_fields = ("name", "aliases", "description", "wikidata_id")
    autocomplete_fields = ("affiliation",)

    def ranked_search(self, queryset, value):
        """The API's search: name before alias before role, misspellings tolerated ("Medvedv");
        a Wikidata id (Q7747) is looked up as usual."""
        return None if wikidata_like(value) else speakers_matching(queryset, value, rank=True)

    readonly_fields = ("scorecard", "statements_said", *TimestampedAdmin.readonly_fields)
    fieldsets = (
        (None, {"fields": ("kind", "name", "slug", "aliases", "description", "affiliation", "country", "wikidata_id")}),
        ("Statements", {"fields": ("scorecard", "statements_said")}),
        ("Record", {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        # A correlated count, not a GROUP BY join: the page stays an index scan at a million rows.
        return (
            super()
            .get_queryset(request)
            .annotate(statement_count=count_per_row(Statement.objects.all(), field="speaker"))
        )

    @admin.display(description="statements", ordering="statement_count")
    def statement_count(self, obj):
        return obj.statement_count

    @admin.display(description="Published verdicts")
    def scorecard(self, obj):
        """How many of their statements have a published verdict, per normalised verdict (the
        API's speaker record: apps.verification.selectors.speaker_list)."""
        if not obj.pk:
            return "—"
        counts = speaker_list().filter(pk=obj.pk).values(*(f"verdicts_{bucket}" for bucket in RatingBucket.values))[0]
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td class="scorecard-{}">{}</td></tr>',
            ((bucket.label, bucket.value, counts[f"verdicts_{bucket.value}"]) for bucket in RatingBucket),
        )
        return format_html('<table class="scorecard"><tbody>{}</tbody></table>', rows)

    @admin.display(description="Statements by this speaker")
    def statements_said(self, obj):
        if not obj.pk:
            return "—"
        statements = list(
            obj.statements.select_related("verification__rating").order_by("-said_on", "pk")[: STATEMENTS_SHOWN + 1]
        )
        items = [
            format_html(
                "{} {} {}",
                status_badge(getattr(statement, "verification", None)),
                verdict_badge(getattr(getattr(statement, "verification", None), "rating", None)),
                admin_link(statement, format_html("{}: {}", statement.said_on_display, cut(statement.text, 160))),
            )
            for statement in statements[:STATEMENTS_SHOWN]
        ]
        if len(statements) > STATEMENTS_SHOWN:
            items.append(
                admin_changelist_link(Statement, f"All {obj.statement_count} statements…", speaker__id__exact=obj.pk)
            )
        return html_list(items)
