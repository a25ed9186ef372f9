import datetime

import pytest
from django.core.exceptions import ValidationError

from apps.core.dates import format_date_with_precision, validate_date_precision


def check(value, precision):
    validate_date_precision(value, precision, date_field="d", precision_field="p")


@pytest.mark.parametrize(
    ("value", "precision", "field", "fragment"),
    [
        (None, "day", "d", "Enter a date"),
        (datetime.date(2022, 1, 7), "unknown", "p", "cannot be “unknown”"),
        (datetime.date(2022, 1, 7), "month", "d", "2022-01-01"),
        (datetime.date(2022, 3, 1), "year", "d", "2022-01-01"),
    ],
)
def test_a_date_that_contradicts_its_precision_is_refused(value, precision, field, fragment):
    with pytest.raises(ValidationError) as error:
        check(value, precision)
    assert fragment in error.value.message_dict[field][0]


@pytest.mark.parametrize(
    ("value", "precision", "shown"),
    [
        (datetime.date(2022, 1, 7), "day", "7 January 2022"),
        (datetime.date(2022, 1, 1), "month", "January 2022"),
        (datetime.date(2022, 1, 1), "year", "2022"),
        (None, "unknown", "date unknown"),
    ],
)
def test_dates_are_shown_as_precisely_as_they_are_known(value, precision, shown):
    check(value, precision)
    assert format_date_with_precision(value, precision) == shown
