from django.contrib import admin

from apps.core.admin import URL_FIELD_OVERRIDES, AutocompleteInline, TimestampedAdmin

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
    prepopulated_fields = {"slug": ("name",)}
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
    """The verification of a statement, on the statement's page."""

    model = Verification
    extra = 0
    max_num = 1
    autocomplete_fields = ("rating", "fact_checker")
    fields = (("status", "attribution"), "rating", "summary", "explanation", ("fact_checker", "published_at"))
    show_change_link = True  # evidence is edited on the verification's own page


class EvidenceInline(AutocompleteInline, admin.StackedInline):
    model = Evidence
    extra = 0
    formfield_overrides = URL_FIELD_OVERRIDES
    autocomplete_fields = ("source",)
    fields = (("number", "url", "source"), "note")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")


@admin.register(Verification)
class VerificationAdmin(TimestampedAdmin):
    list_display = ("statement", "status", "rating", "attribution", "fact_checker", "published_at")
    list_filter = ("status", ("rating", admin.RelatedOnlyFieldListFilter), "rating__bucket", "attribution", "published_at")
    list_select_related = ("statement__speaker", "rating__scale", "fact_checker")
    search_fields = ("statement__text", "statement__speaker__name", "summary")
    date_hierarchy = "published_at"
    autocomplete_fields = ("statement", "rating", "fact_checker")
    inlines = (EvidenceInline,)
    fields = ("statement", ("status", "attribution"), "rating", "summary", "explanation", ("fact_checker", "published_at"), "created_at", "updated_at")


@admin.register(Evidence)
class EvidenceAdmin(TimestampedAdmin):
    list_display = ("__str__", "verification", "url", "source")
    list_select_related = ("verification__statement__speaker", "source")
    search_fields = ("note", "url", "source__title", "verification__statement__text")
    autocomplete_fields = ("verification", "source")
