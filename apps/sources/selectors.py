"""Reads of publishers and sources, with what the API shows about each."""

from django.db.models import (
    BooleanField,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from apps.claims.models import Quotation
from apps.speakers.models import Speaker

from .models import Publisher, Source


def publisher_list() -> QuerySet[Publisher]:
    counted = Source.objects.filter(publisher=OuterRef("pk")).order_by().values("publisher")
    return Publisher.objects.annotate(
        source_count=Coalesce(Subquery(counted.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)
    )


def source_list() -> QuerySet[Source]:
    """Sources with publisher, authors, corrections and the number of quotations they report.
    The archived text stays in the database: it is the publisher's copyright, not ours to serve."""
    counted = Quotation.objects.filter(source=OuterRef("pk")).order_by().values("source")
    return (
        Source.objects.defer("archived_text")
        .select_related("publisher")
        .prefetch_related(Prefetch("authors", queryset=Speaker.objects.order_by("name")), "corrections")
        .annotate(
            has_archived_text=ExpressionWrapper(~Q(archived_text=""), output_field=BooleanField()),
            quotation_count=Coalesce(
                Subquery(counted.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0
            ),
        )
    )
