from django.db import models


class VerificationStatus(models.TextChoices):
    """Where the fact-checking work stands; says nothing about the verdict itself."""

    UNCHECKED = "unchecked", "Unchecked"
    IN_PROGRESS = "in_progress", "In progress"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"


class RatingBucket(models.TextChoices):
    """The normalised meaning of a rating, comparable across rating scales."""

    TRUE = "true", "True"
    MIXED = "mixed", "Mixed"
    FALSE = "false", "False"
    OTHER = "other", "Other"


class AttributionStatus(models.TextChoices):
    """Did this speaker really say it? Kept apart from whether what was said is true."""

    UNCONFIRMED = "unconfirmed", "Unconfirmed"
    CONFIRMED = "confirmed", "Confirmed"
    PARAPHRASE = "paraphrase", "Confirmed as a paraphrase"
    DISPUTED = "disputed", "Disputed"
    MISATTRIBUTED = "misattributed", "Misattributed"


# States in which the verdict and summary must be complete.
VERDICT_REQUIRED_STATES = (VerificationStatus.IN_REVIEW, VerificationStatus.PUBLISHED)
# States in which the words, speaker and date of the statement are fixed (what was reviewed).
REVIEWED_CLAIM_STATES = (VerificationStatus.IN_REVIEW, VerificationStatus.PUBLISHED)
# States in which the verdict, summary, explanation, attribution and evidence may be edited.
# A published verdict changes only by reopening it, with a reason.
EDITABLE_STATES = (VerificationStatus.IN_PROGRESS, VerificationStatus.IN_REVIEW)


class Transition(models.TextChoices):
    """The moves of the workflow; each is a service in apps/verification/services.py, an admin
    action and an API endpoint (`POST /api/v1/statements/{id}/verification/<move>/`)."""

    ASSIGN = "assign", "Assign"
    SUBMIT = "submit", "Send to review"
    RETURN = "return", "Send back to the fact-checker"
    PUBLISH = "publish", "Publish"
    REOPEN = "reopen", "Reopen"


# transition -> (states it starts from, state it leads to)
TRANSITIONS = {
    Transition.ASSIGN: ((VerificationStatus.UNCHECKED, VerificationStatus.IN_PROGRESS), VerificationStatus.IN_PROGRESS),
    Transition.SUBMIT: ((VerificationStatus.IN_PROGRESS,), VerificationStatus.IN_REVIEW),
    Transition.RETURN: ((VerificationStatus.IN_REVIEW,), VerificationStatus.IN_PROGRESS),
    Transition.PUBLISH: ((VerificationStatus.IN_REVIEW,), VerificationStatus.PUBLISHED),
    Transition.REOPEN: ((VerificationStatus.PUBLISHED,), VerificationStatus.IN_PROGRESS),
}
