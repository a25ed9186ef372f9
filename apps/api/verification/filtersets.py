import django_filters

from apps.api.claims.filtersets import speaker_filters
from apps.api.common.filters import FilterSet
from apps.claims.models import Statement
from apps.verification.choices import RatingBucket


class ClaimReviewFilterSet(FilterSet):
    """Filters of /api/v1/claimreviews/, whose rows are statements with a published verdict."""

    speaker_id, speaker = speaker_filters("speaker")
    bucket = django_filters.MultipleChoiceFilter(
        field_name="verification__rating__bucket", choices=RatingBucket.choices
    )
    language = django_filters.CharFilter(field_name="language", lookup_expr="iexact", help_text="BCP 47, e.g. ru.")
    modified_since = django_filters.IsoDateTimeFilter(
        field_name="verification__review_modified_at",
        lookup_expr="gte",
        help_text="Reviews published or changed at or after this time (ISO 8601), to poll for updates.",
    )

    class Meta:
        model = Statement
        fields = []
