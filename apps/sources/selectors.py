"""Reads of publishers and sources, with what the API shows about each."""

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, Q, QuerySet

from apps.claims.models import Quotation
from apps.core.selectors import count_per_row
from apps.speakers.models import Speaker

from .models import Publisher, Source


def publisher_list() -> QuerySet[Publisher]:
    return Publisher.objects.annotate(source_count=count_per_row(Source.objects.all(), field="publisher"))


def source_list() -> QuerySet[Source]:
    """Sources with publisher, authors, corrections and the number of quotations they report.
    The archived text stays in the database: it is the publisher's copyright, not ours to serve."""
    return (
        Source.objects.defer("archived_text")
        .select_related("publisher")
        .prefetch_related(Prefetch("authors", queryset=Speaker.objects.order_by("name")), "corrections")
        .annotate(
            has_archived_text=ExpressionWrapper(~Q(archived_text=""), output_field=BooleanField()),
            quotation_count=count_per_row(Quotation.objects.all(), field="source"),
        )
    )
