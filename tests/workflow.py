"""Statements brought to a given point of the workflow through the real services, for tests."""

from apps.verification import services
from apps.verification.models import Verification
from tests.factories import default_rating

SUMMARY = "Not so: the treaty says otherwise."


def worked_on(statement, fact_checker, *, evidence=True) -> Verification:
    """A statement taken by `fact_checker`, with verdict, summary and (unless told) evidence."""
    verification = services.verification_assign(statement=statement, user=fact_checker)
    return services.verification_update(
        verification=verification,
        user=fact_checker,
        fields={"rating": default_rating("false"), "summary": SUMMARY},
        evidence=[{"url": "https://example.org/treaty", "note": "Article 2 fixes the border."}] if evidence else None,
    )


def in_review(statement, fact_checker) -> Verification:
    return services.verification_submit(verification=worked_on(statement, fact_checker), user=fact_checker)


def published(statement, fact_checker, editor) -> Verification:
    return services.verification_publish(verification=in_review(statement, fact_checker), user=editor)
