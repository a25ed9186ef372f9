"""Keeping published ClaimReviews' dateModified true. A ClaimReview shows more than the
verification: the statement, its appearances (quotations and their sources, with publishers),
the speaker and the rating's label. Those records live in apps below this one, which do not
know about verdicts; so this app listens to their saves and deletions, whoever makes them (the
admin, the API, a command), and `services.claimreviews_refresh` bumps each published verdict
whose ClaimReview now shows something else. Fixture loads (`raw`) are left alone."""

from django.db.models.signals import post_delete, post_save, pre_save

from apps.claims.models import Quotation, Statement
from apps.sources.models import Publisher, Source
from apps.speakers.models import Speaker

from . import services
from .models import Rating

# model → the statements whose ClaimReview shows a record of it
AFFECTED_STATEMENTS = {
    Statement: lambda record: Statement.objects.filter(pk=record.pk),
    Speaker: lambda record: Statement.objects.filter(speaker=record.pk),
    Source: lambda record: Statement.objects.filter(quotations__source=record.pk),
    Publisher: lambda record: Statement.objects.filter(quotations__source__publisher=record.pk),
    # A rating's label, and its scale's best and worst values, are in every review on the scale.
    Rating: lambda record: Statement.objects.filter(verification__rating__scale=record.scale_id),
}


def refresh_after_save(sender, instance, raw=False, **kwargs):
    if not raw:
        services.claimreviews_refresh(statements=AFFECTED_STATEMENTS[sender](instance))


def remember_quotation_statement(sender, instance, raw=False, **kwargs):
    """A quotation moved to another statement leaves the first one's ClaimReview too."""
    if not raw and instance.pk is not None:
        instance._statement_before = (
            Quotation._base_manager.filter(pk=instance.pk).values_list("statement_id", flat=True).first()
        )


def refresh_after_quotation_change(sender, instance, raw=False, **kwargs):
    if not raw:
        ids = {instance.statement_id, getattr(instance, "_statement_before", None)} - {None}
        services.claimreviews_refresh(statements=Statement.objects.filter(pk__in=ids))


def connect() -> None:
    for model in AFFECTED_STATEMENTS:
        post_save.connect(refresh_after_save, sender=model, dispatch_uid=f"claimreview-{model.__name__}-saved")
    post_delete.connect(refresh_after_save, sender=Rating, dispatch_uid="claimreview-rating-deleted")
    pre_save.connect(remember_quotation_statement, sender=Quotation, dispatch_uid="claimreview-quotation-before")
    post_save.connect(refresh_after_quotation_change, sender=Quotation, dispatch_uid="claimreview-quotation-saved")
    post_delete.connect(refresh_after_quotation_change, sender=Quotation, dispatch_uid="claimreview-quotation-deleted")
