import django_filters

from apps.api.common.filters import FilterSet, IdsFilter, SlugsFilter, search_terms
from apps.core.urls import normalise_url
from apps.sources.choices import SourceKind
from apps.sources.models import Publisher, Source
from apps.sources.selectors import publishers_matching, sources_matching
from apps.speakers.models import Speaker

SEARCH_HELP = (
    "Words in {fields}, every one required, any case; simple plurals found too (“borders”: border), "
    "“a phrase”, OR, -excluded."
)


class PublisherFilterSet(FilterSet):
    domain = django_filters.CharFilter(method="filter_domain", help_text="E.g. foreignpolicy.com (no www.).")
    search = django_filters.CharFilter(
        method="filter_search", help_text=SEARCH_HELP.format(fields="the name or domain")
    )
    ordering = django_filters.OrderingFilter(fields=(("name", "name"), ("created_at", "created_at"), ("id", "id")))

    class Meta:
        model = Publisher
        fields = []

    def filter_domain(self, queryset, name, value):
        return queryset.filter(domain=value.strip().lower().removeprefix("www."))

    def filter_search(self, queryset, name, value):
        search_terms(value)  # refuses an overlong value
        return publishers_matching(queryset, value)


class SourceFilterSet(FilterSet):
    publisher_id = IdsFilter(
        field_name="publisher", queryset=Publisher.objects.all(), help_text="Publisher id (repeat for several)."
    )
    publisher = SlugsFilter(
        field_name="publisher__slug",
        queryset=Publisher.objects.all(),
        help_text="Publisher slug.",
    )
    kind = django_filters.MultipleChoiceFilter(choices=SourceKind.choices)
    author_id = IdsFilter(field_name="authors", queryset=Speaker.objects.all(), help_text="Author (a speaker) id.")
    author = SlugsFilter(field_name="authors__slug", queryset=Speaker.objects.all(), help_text="Author slug.")
    published_from = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", help_text="Published on or after (YYYY-MM-DD)."
    )
    published_to = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", help_text="Published on or before (YYYY-MM-DD)."
    )
    url = django_filters.CharFilter(
        method="filter_url", help_text="The source at this URL, however it was pasted (tracking parameters ignored)."
    )
    language = django_filters.CharFilter(field_name="language", lookup_expr="iexact", help_text="BCP 47, e.g. en.")
    search = django_filters.CharFilter(
        method="filter_search",
        help_text=SEARCH_HELP.format(fields="the title or the publisher's name") + " Matches in the title first.",
    )
    ordering = django_filters.OrderingFilter(
        fields=(
            ("published_on", "published_on"),
            ("title", "title"),
            ("created_at", "created_at"),
            ("updated_at", "updated_at"),
            ("id", "id"),
        )
    )
    date_ranges = (("published_from", "published_to"),)

    class Meta:
        model = Source
        fields = []

    def filter_url(self, queryset, name, value):
        return queryset.filter(url=normalise_url(value))

    def filter_search(self, queryset, name, value):
        search_terms(value)  # refuses an overlong value
        return sources_matching(queryset, value)
