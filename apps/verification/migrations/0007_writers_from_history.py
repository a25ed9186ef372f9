"""Fill the two new fields of existing verifications from what is already stored:
- `writers`: everyone whom the history shows changing the verdict, attribution, summary,
  explanation or evidence since the verdict was last published (none for a published one), so
  that the two-person rule holds for work already under way;
- `review_modified_at`: the ClaimReview's dateModified as it was served until now
  (`updated_at`), for published verdicts.
Only where they are empty: apps.ops.dataset runs it again after importing a file exported
before these fields existed."""

from django.db import migrations
from django.db.models import F

PUBLISHED = "published"
VERDICT_FIELDS = ("rating_id", "attribution", "summary", "explanation")
# A verification created with any of these (attribution has a default) was written by its creator.
CONTENT_FIELDS = ("rating_id", "summary", "explanation")


def writers_from_history(apps, schema_editor):
    Verification = apps.get_model("verification", "Verification")
    HistoricalVerification = apps.get_model("verification", "HistoricalVerification")
    HistoricalEvidence = apps.get_model("verification", "HistoricalEvidence")
    Verification.objects.filter(status=PUBLISHED, review_modified_at__isnull=True).update(
        review_modified_at=F("updated_at")
    )
    for verification in Verification.objects.exclude(status=PUBLISHED).filter(writers__isnull=True).iterator():
        records = list(HistoricalVerification.objects.filter(id=verification.pk).order_by("history_date", "history_id"))
        last_published = max(
            (record.history_date for record in records if record.status == PUBLISHED), default=None
        )
        writers, before = set(), None
        for record in records:
            if before is None:
                changed = any(getattr(record, name) for name in CONTENT_FIELDS)
            else:
                changed = any(getattr(record, name) != getattr(before, name) for name in VERDICT_FIELDS)
            if changed and record.history_user_id and (last_published is None or record.history_date > last_published):
                writers.add(record.history_user_id)
            before = record
        evidence = HistoricalEvidence.objects.filter(verification_id=verification.pk, history_user__isnull=False)
        if last_published is not None:
            evidence = evidence.filter(history_date__gt=last_published)
        writers.update(evidence.values_list("history_user_id", flat=True))
        if writers:
            verification.writers.add(*writers)


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0006_writers_and_claimreview_changes"),
    ]

    operations = [
        migrations.RunPython(writers_from_history, migrations.RunPython.noop),
    ]
