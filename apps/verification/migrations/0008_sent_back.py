"""Why work is back in progress: the reason given when it was sent back from review or reopened,
kept on the verification until it goes to review again. For work already back in progress, it is
filled from the history (`sent_back_from_history`, which apps.ops.dataset runs again after
importing a file exported before these fields existed)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

IN_PROGRESS = "in_progress"
SENT_BACK_FROM = ("in_review", "published")


def sent_back_from_history(apps, schema_editor):
    Verification = apps.get_model("verification", "Verification")
    HistoricalVerification = apps.get_model("verification", "HistoricalVerification")
    pending = Verification.objects.filter(status=IN_PROGRESS, sent_back_at__isnull=True)
    for verification in pending.iterator():
        records = HistoricalVerification.objects.filter(id=verification.pk).order_by("history_date", "history_id")
        sent_back, before = None, None
        for record in records:
            if record.status == IN_PROGRESS and before in SENT_BACK_FROM:
                sent_back = record
            elif record.status != IN_PROGRESS:
                sent_back = None
            before = record.status
        if sent_back is not None:
            verification.sent_back_reason = sent_back.history_change_reason or ""
            verification.sent_back_by_id = sent_back.history_user_id
            verification.sent_back_at = sent_back.history_date
            verification.save(update_fields=["sent_back_reason", "sent_back_by", "sent_back_at"])


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
        migrations.RunPython(sent_back_from_history, migrations.RunPython.noop),
    ]
