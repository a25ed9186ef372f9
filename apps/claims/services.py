"""Changes to statements that have rules beyond a single record's validation."""

from django.db import transaction

from apps.core.services import ActionRefused, model_delete
from apps.verification.choices import VerificationStatus

from .models import Statement


def statement_delete(*, statement: Statement, user=None, expected_version: int | None = None) -> None:
    """Delete a statement, its quotations and its verification; refused while its verdict is
    published, because readers and ClaimReview consumers rely on it. Reopening the verdict
    (with a reason, kept in the history) makes it deletable."""
    with transaction.atomic():
        if Statement.objects.filter(pk=statement.pk, verification__status=VerificationStatus.PUBLISHED).exists():
            raise ActionRefused(
                f"Statement {statement.pk} has a published verdict and cannot be deleted. Reopen the verdict first, "
                "saying why; its publication stays in the history."
            )
        model_delete(instance=statement, expected_version=expected_version, user=user)
