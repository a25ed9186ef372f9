from django.db import models


class QuotationMode(models.TextChoices):
    DIRECT = "direct", "Direct quote"
    PARTIAL = "partial", "Partial quote"
    PARAPHRASE = "paraphrase", "Paraphrase"


class SameRemarkDecision(models.TextChoices):
    """What a person says of two statements the matcher suggested as one remark."""

    SAME = "same", "same"
    DIFFERENT = "different", "different"
