"""Why work is back in progress: the reason given when it was sent back from review or reopened,
kept on the verification until it goes to review again; and since when it is in its status (the
desk's ageing). Both are filled from the history for existing work (`fill_from_history`, which
apps.ops.dataset runs again after importing a file exported before these fields existed)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


IN_PROGRESS = "in_progress"
SENT_BACK_FROM = ("in_review", "published")


def fill_from_history(apps, schema_editor):
    """Since when each verification is in its status, and for work back in progress the reason it
    was sent back with (where not yet known), as the history shows them: running it again changes
    nothing."""
    Verification = apps.get_model("verification", "Verification")
    HistoricalVerification = apps.get_model("verification", "HistoricalVerification")
    for verification in Verification.objects.iterator():
        records = HistoricalVerification.objects.filter(id=verification.pk).order_by("history_date", "history_id")
        since, sent_back, sent_back_from, before = None, None, None, None
        for record in records:
            if record.status != before:
                since = record.history_date
                sent_back = record if record.status == IN_PROGRESS and before in SENT_BACK_FROM else None
                sent_back_from = before
            before = record.status
        changed = {}
        if since is not None and since != verification.status_changed_at:
            changed["status_changed_at"] = since
        if sent_back is not None and verification.sent_back_at is None and verification.status == IN_PROGRESS:
            changed["sent_back_reason"] = sent_back.history_change_reason or ""
            changed["sent_back_by_id"] = sent_back.history_user_id
            changed["sent_back_at"] = sent_back.history_date
            changed["sent_back_move"] = "reopen" if sent_back_from == "published" else "return"
        if changed:  # an update, not save(): the version, updated_at and the signals stay as they are
            Verification.objects.filter(pk=verification.pk).update(**changed)


class Migration(migrations.Migration):
    dependencies = [
        ("verification", "0007_writers_from_history"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="verification",
            name="sent_back_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="verification",
            name="sent_back_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="verification",
            name="sent_back_reason",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="verification",
            name="sent_back_move",
            field=models.CharField(blank=True, editable=False, max_length=20),
        ),
        migrations.AddField(
            model_name="verification",
            name="status_changed_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                help_text="When the workflow last moved it (its creation, for work not yet moved): the desk's ageing.",
                verbose_name="in this status since",
            ),
        ),
        migrations.RunPython(fill_from_history, migrations.RunPython.noop),
    ]
