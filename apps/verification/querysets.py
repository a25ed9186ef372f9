"""Who may read which verification work: the one rule, used by every list, filter, count,
export and page. The public (anonymous clients, and users without the permission
`verification.view_verification`) reads a verification once it is published: until then the
statement looks unchecked to them. Staff with the permission read everything."""

from django.db.models import Q, QuerySet

from .choices import VerificationStatus

# A verification the public may read; a verdict it may read also has its rating.
PUBLIC = {"status": VerificationStatus.PUBLISHED}
PUBLIC_VERDICT = {**PUBLIC, "rating__isnull": False}


def sees_work(user) -> bool:
    """May `user` read verification work that is not published yet?"""
    return bool(user is not None and user.is_authenticated and user.has_perm("verification.view_verification"))


def public_q(prefix: str = "", *, verdict: bool = False) -> Q:
    """Rows whose verification (found at `prefix`: "verification__" from a statement) the public
    may read; with `verdict`, whose verdict it may read."""
    return Q(**{f"{prefix}{name}": value for name, value in (PUBLIC_VERDICT if verdict else PUBLIC).items()})


class VerificationQuerySet(QuerySet):
    def public(self) -> "VerificationQuerySet":
        return self.filter(public_q())

    def visible_to(self, user) -> "VerificationQuerySet":
        return self.all() if sees_work(user) else self.public()
