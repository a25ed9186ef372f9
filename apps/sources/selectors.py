"""Reads of publishers. Sources with their number of quotations are read in
apps.claims.selectors (`source_list`), which knows both."""

from django.db.models import QuerySet

from apps.core.selectors import count_per_row

from .models import Publisher, Source


def publisher_list() -> QuerySet[Publisher]:
    return Publisher.objects.annotate(source_count=count_per_row(Source.objects.all(), field="publisher"))
