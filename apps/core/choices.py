from django.db import models


class DatePrecision(models.TextChoices):
    """How much of a date is known: an article dated "January 2022" is stored as 2022-01-01
    with MONTH precision, so that sorting and filtering still work."""

    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"
