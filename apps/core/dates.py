"""Dates known to a day, a month, a year, or not at all."""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Func, TextField

from .choices import DatePrecision


def validate_date_precision(
    value: datetime.date | None, precision: str, *, date_field: str, precision_field: str
) -> None:
    """Raise a ValidationError naming the fields when a date and its precision disagree."""
    if value is None:
        if precision != DatePrecision.UNKNOWN:
            raise ValidationError(
                {date_field: "Enter a date, or set its precision to “Unknown” when the date is not known."}
            )
        return
    if precision == DatePrecision.UNKNOWN:
        raise ValidationError(
            {precision_field: "A date is given, so its precision cannot be “unknown”: choose day, month or year."}
        )
    if precision == DatePrecision.MONTH and value.day != 1:
        raise ValidationError(
            {date_field: f"With month precision, enter the first day of the month ({value:%Y-%m}-01)."}
        )
    if precision == DatePrecision.YEAR and (value.month, value.day) != (1, 1):
        raise ValidationError({date_field: f"With year precision, enter 1 January of the year ({value.year}-01-01)."})


def format_date_with_precision(value: datetime.date | None, precision: str) -> str:
    """'7 January 2022', 'January 2022', '2022' or 'date unknown'."""
    if value is None or precision == DatePrecision.UNKNOWN:
        return "date unknown"
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return f"{value:%B} {value.year}"
    return f"{value.day} {value:%B} {value.year}"


class DateWithPrecision(Func):
    """format_date_with_precision in SQL (PostgreSQL): DateWithPrecision("said_on",
    "said_on_precision"). The API's statement pages built by PostgreSQL use it; a test compares
    both on every precision."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        (date, date_params), (precision, precision_params) = (compiler.compile(e) for e in self.source_expressions)
        sql = (
            f"CASE WHEN {date} IS NULL OR {precision} = '{DatePrecision.UNKNOWN}' THEN 'date unknown' "
            f"WHEN {precision} = '{DatePrecision.YEAR}' THEN TO_CHAR({date}, 'FMYYYY') "
            f"WHEN {precision} = '{DatePrecision.MONTH}' THEN TO_CHAR({date}, 'FMMonth FMYYYY') "
            f"ELSE TO_CHAR({date}, 'FMDD FMMonth FMYYYY') END"
        )
        # Each placeholder once per use: the date appears four times, the precision three.
        params = (*date_params, *precision_params, *precision_params, *date_params)
        params += (*precision_params, *date_params, *date_params)
        return sql, params
