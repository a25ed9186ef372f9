"""Query pieces shared by every app's selectors."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce


def count_per_row(related: QuerySet, *, field: str) -> Coalesce:
    """How many rows of `related` point (through `field`) at each row of the outer query, as a
    correlated subquery: cheap for one page however large `related` is, and never multiplied
    by other joins of the outer query. 0 when there are none."""
    counted = related.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
