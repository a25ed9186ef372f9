"""Who may see which verification work. The public (anonymous clients, and users without the
`verification.view_verification` permission) sees a verification only once it is published:
until then the statement looks unchecked to them. Staff with the permission see everything."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q

from .choices import VerificationStatus
from .models import Verification


def verification_work_visible(*, user) -> bool:
    return bool(user is not None and user.is_authenticated and user.has_perm("verification.view_verification"))


def verification_visible(*, verification: Verification | None, user=None, sees_work: bool | None = None) -> bool:
    if verification is None:
        return False
    if sees_work is None:
        sees_work = verification_work_visible(user=user)
    return sees_work or verification.status == VerificationStatus.PUBLISHED


def verdict_published(verification: Verification | None) -> bool:
    """A verdict the public may read: published, with a rating."""
    return bool(verification and verification.status == VerificationStatus.PUBLISHED and verification.rating_id)


def published_verdict_q(prefix: str = "verification__") -> Q:
    """Statements (or, with another prefix, related rows) with a published verdict."""
    return Q(**{f"{prefix}status": VerificationStatus.PUBLISHED, f"{prefix}rating__isnull": False})


def has_published_verification() -> Exists:
    return Exists(Verification.objects.filter(statement=OuterRef("pk"), status=VerificationStatus.PUBLISHED))


def fact_checker_candidates():
    """Users a statement can be assigned to: active staff who may work on verifications."""
    return _staff_with_permission("change_verification")


def publish_candidates():
    """Users who may publish verdicts: active staff with the publish permission."""
    return _staff_with_permission("publish_verification")


def _staff_with_permission(codename: str):
    granted = Permission.objects.filter(codename=codename, content_type__app_label="verification")
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(is_superuser=True) | Q(user_permissions__in=granted) | Q(groups__permissions__in=granted))
        .distinct()
        .order_by("username")
    )


# The desk's queues: (label, which verifications) by the name used in the admin's `?queue=`.
QUEUES = {
    "mine": ("My queue", lambda user: Q(fact_checker=user, status=VerificationStatus.IN_PROGRESS)),
    "review": ("Waiting for review", lambda user: Q(status=VerificationStatus.IN_REVIEW)),
    "my-reviews": (
        "Waiting for my review",
        lambda user: Q(status=VerificationStatus.IN_REVIEW) & ~Q(fact_checker=user),
    ),
}


def verification_queue(queryset, *, name: str, user):
    """The verifications of queue `name` (see QUEUES) as `user` sees it."""
    return queryset.filter(QUEUES[name][1](user))
