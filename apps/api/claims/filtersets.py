import django_filters
from django.db.models import Exists, OuterRef, Q

from apps.api.common.filters import BooleanFilter, FilterSet, IdsFilter, SlugsFilter, search_terms
from apps.claims.choices import QuotationMode
from apps.claims.models import Quotation, Statement, Topic
from apps.claims.selectors import quotations_matching, statements_matching
from apps.sources.models import Publisher, Source
from apps.speakers.choices import SpeakerKind
from apps.speakers.models import Speaker
from apps.verification.choices import AttributionStatus, RatingBucket, VerificationStatus
from apps.verification.models import Rating, Verification
from apps.verification.querysets import public_q, sees_work


def speaker_filters(field_name: str):
    return (
        IdsFilter(field_name=field_name, queryset=Speaker.objects.all(), help_text="Speaker id (repeat for several)."),
        SlugsFilter(
            field_name=f"{field_name}__slug",
            queryset=Speaker.objects.all(),
            help_text="Speaker slug.",
        ),
    )


class StatementFilterSet(FilterSet):
    """Verification filters (status, verdict, bucket, attribution) see what the client may see:
    for the public, a statement whose verification is not published is simply unchecked."""

    speaker_id, speaker = speaker_filters("speaker")
    speaker_kind = django_filters.MultipleChoiceFilter(field_name="speaker__kind", choices=SpeakerKind.choices)
    source_id = IdsFilter(
        queryset=Source.objects.all(), method="filter_source_id", help_text="Reported by this source (id)."
    )
    source = SlugsFilter(queryset=Source.objects.all(), method="filter_source", help_text="Source slug.")
    publisher_id = IdsFilter(
        queryset=Publisher.objects.all(), method="filter_publisher_id", help_text="Reported by this publisher (id)."
    )
    publisher = SlugsFilter(queryset=Publisher.objects.all(), method="filter_publisher", help_text="Slug.")
    topic_id = IdsFilter(field_name="topics", queryset=Topic.objects.all())
    topic = SlugsFilter(field_name="topics__slug", queryset=Topic.objects.all(), help_text="Topic slug.")
    status = django_filters.MultipleChoiceFilter(
        choices=VerificationStatus.choices, method="filter_status", help_text="Workflow status (repeat for several)."
    )
    verdict = SlugsFilter(
        queryset=Rating.objects.all(),
        method="filter_verdict",
        help_text="Rating slug, e.g. false (repeat for several).",
    )
    bucket = django_filters.MultipleChoiceFilter(
        choices=RatingBucket.choices, method="filter_bucket", help_text="Normalised verdict: true, mixed, false, other."
    )
    attribution = django_filters.MultipleChoiceFilter(
        choices=AttributionStatus.choices, method="filter_attribution", help_text="Did the speaker really say it?"
    )
    has_verdict = BooleanFilter(method="filter_has_verdict", help_text="Has a published verdict.")
    said_from = django_filters.DateFilter(field_name="said_on", lookup_expr="gte", help_text="Said on or after.")
    said_to = django_filters.DateFilter(field_name="said_on", lookup_expr="lte", help_text="Said on or before.")
    language = django_filters.CharFilter(field_name="language", lookup_expr="iexact", help_text="BCP 47, e.g. ru.")
    search = django_filters.CharFilter(
        method="filter_search",
        help_text="Words in the statement, its quotations or the speaker's name, in web search syntax (words, "
        "\"a phrase\", OR, -word), each of the statement's text, a quotation or the speaker's name matched on its "
        "own; statements with the words in their own text first unless `ordering` is given. PostgreSQL: full-text "
        "search with English stemming; elsewhere: any-case substrings, simple plurals found too.",
    )
    ordering = django_filters.OrderingFilter(
        fields=(
            ("said_on", "said_on"),
            ("speaker__name", "speaker"),
            ("created_at", "created_at"),
            ("updated_at", "updated_at"),
            ("id", "id"),
        )
    )
    date_ranges = (("said_from", "said_to"),)

    class Meta:
        model = Statement
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sees_work = sees_work(getattr(self.request, "user", None))

    def _visible(self) -> Q:
        return Q() if self.sees_work else public_q("verification__")

    # The `value` hints say what the client sends (for the OpenAPI document); the filter
    # has already turned the ids or slugs into the objects they name.
    def filter_source_id(self, queryset, name, value: int):
        return self._quoted_in(queryset, "source__in", value)

    def filter_source(self, queryset, name, value: str):
        return self._quoted_in(queryset, "source__in", value)

    def filter_publisher_id(self, queryset, name, value: int):
        return self._quoted_in(queryset, "source__publisher__in", value)

    def filter_publisher(self, queryset, name, value: str):
        return self._quoted_in(queryset, "source__publisher__in", value)

    def _quoted_in(self, queryset, lookup: str, values):
        """Statements with a quotation matching `lookup` (a subquery: no duplicate rows)."""
        if not values:
            return queryset
        return queryset.filter(Exists(Quotation.objects.filter(statement=OuterRef("pk"), **{lookup: values})))

    def filter_status(self, queryset, name, statuses):
        if not statuses:
            return queryset
        if self.sees_work:
            matches = Q(verification__status__in=statuses)
            if VerificationStatus.UNCHECKED in statuses:
                matches |= Q(verification__isnull=True)
            return queryset.filter(matches)
        matches = Q(pk__in=[])
        if VerificationStatus.PUBLISHED in statuses:
            matches |= Q(self._public_verification())
        if VerificationStatus.UNCHECKED in statuses:
            matches |= ~Q(self._public_verification())
        return queryset.filter(matches)

    @staticmethod
    def _public_verification() -> Exists:
        return Exists(Verification.objects.public().filter(statement=OuterRef("pk")))

    def filter_verdict(self, queryset, name, value: str):
        return queryset.filter(self._visible(), verification__rating__in=value) if value else queryset

    def filter_bucket(self, queryset, name, buckets):
        return queryset.filter(self._visible(), verification__rating__bucket__in=buckets) if buckets else queryset

    def filter_attribution(self, queryset, name, values):
        if not values:
            return queryset
        matches = Q(self._visible(), verification__attribution__in=values)
        if AttributionStatus.UNCONFIRMED in values:
            # Nothing known (or nothing published) about who said it counts as unconfirmed.
            matches |= Q(verification__isnull=True) if self.sees_work else ~Q(self._public_verification())
        return queryset.filter(matches)

    def filter_has_verdict(self, queryset, name, value: bool):
        if value is None:
            return queryset
        return (
            queryset.filter(public_q("verification__", verdict=True))
            if value
            else queryset.exclude(public_q("verification__", verdict=True))
        )

    def filter_search(self, queryset, name, value):
        search_terms(value)  # refuses an overlong value
        return statements_matching(queryset, value)


class QuotationFilterSet(FilterSet):
    mode = django_filters.MultipleChoiceFilter(choices=QuotationMode.choices)
    source_id = IdsFilter(field_name="source", queryset=Source.objects.all())
    source = SlugsFilter(field_name="source__slug", queryset=Source.objects.all(), help_text="Source slug.")
    statement_id = IdsFilter(field_name="statement", queryset=Statement.objects.all())
    statement = SlugsFilter(
        field_name="statement__slug",
        queryset=Statement.objects.all(),
        help_text="Statement slug.",
    )
    speaker_id, speaker = speaker_filters("statement__speaker")
    is_first_appearance = BooleanFilter(help_text="The earliest known appearance of the statement.")
    search = django_filters.CharFilter(
        method="filter_search",
        help_text="Words in the quoted text, its context or the speaker's name, in web search syntax (words, "
        '"a phrase", OR, -word), best matches first unless `ordering` is given. PostgreSQL: full-text search with '
        "English stemming; elsewhere: any-case substrings, simple plurals found too.",
    )
    ordering = django_filters.OrderingFilter(
        fields=(
            ("source__published_on", "published_on"),
            ("created_at", "created_at"),
            ("updated_at", "updated_at"),
            ("id", "id"),
        )
    )

    class Meta:
        model = Quotation
        fields = []

    def filter_search(self, queryset, name, value):
        search_terms(value)  # refuses an overlong value
        return quotations_matching(queryset, value)


class TopicFilterSet(FilterSet):
    search = django_filters.CharFilter(field_name="name", lookup_expr="icontains")
    ordering = django_filters.OrderingFilter(fields=(("name", "name"), ("id", "id")))

    class Meta:
        model = Topic
        fields = []
