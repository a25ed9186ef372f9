import django_filters

from apps.api.common.filters import FilterSet, IdsFilter, SlugsFilter, search_terms
from apps.speakers.choices import SpeakerKind
from apps.speakers.models import Speaker, country_code_validator, wikidata_id_validator
from apps.speakers.selectors import speakers_matching


class SpeakerFilterSet(FilterSet):
    kind = django_filters.MultipleChoiceFilter(choices=SpeakerKind.choices, help_text="Person, organisation…")
    country = django_filters.CharFilter(
        validators=[country_code_validator], help_text="ISO 3166-1 alpha-2 code in capitals, e.g. KZ."
    )
    wikidata_id = django_filters.CharFilter(validators=[wikidata_id_validator], help_text="E.g. Q7747.")
    affiliation_id = IdsFilter(
        field_name="affiliation", queryset=Speaker.objects.all(), help_text="Members of this organisation (id)."
    )
    affiliation = SlugsFilter(
        field_name="affiliation__slug",
        queryset=Speaker.objects.all(),
        help_text="Members of this organisation (slug).",
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text="Words in the name, aliases or role, every one required (“a phrase”, OR, -excluded; any case). "
        "A misspelt name still matches (“Medvedv”). Matches in the name come first, then in an alias, then in "
        "the role, unless `ordering` is given.",
    )
    ordering = django_filters.OrderingFilter(
        fields=(("name", "name"), ("created_at", "created_at"), ("updated_at", "updated_at"), ("id", "id")),
    )

    class Meta:
        model = Speaker
        fields = []

    def filter_search(self, queryset, name, value):
        search_terms(value)  # refuses an overlong value
        return speakers_matching(queryset, value, rank=True)
