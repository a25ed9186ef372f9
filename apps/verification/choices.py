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
VERDICT_REQUIRED_STATES = (VerificationStatus.PUBLISHED,)
