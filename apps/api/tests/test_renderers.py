"""The API's JSON is written by orjson (apps/api/common/renderers.py); it must be the same bytes
DRF's own renderer writes."""

import datetime
import decimal
import uuid

from django.utils.translation import gettext_lazy
from rest_framework import renderers
from rest_framework.exceptions import ErrorDetail

from apps.api.common.renderers import JSONRenderer

PAYLOAD = {
    "text": 'Токаев said “no” — «нет» ﺍﻟﻌﺮﺑﻴﺔ e\u0301 \u2028line\u2029paragraph "quoted" \\ </script>',
    "numbers": [0, -1, 2**53, 1.5, 0.1, True, False, None],
    "decimal": decimal.Decimal("12.50"),
    "datetime": datetime.datetime(2026, 11, 21, 9, 30, 5, 123456, tzinfo=datetime.timezone.utc),
    "whole_second": datetime.datetime(2026, 11, 21, 9, 30, 5, tzinfo=datetime.timezone.utc),
    "date": datetime.date(1991, 12, 16),
    "time": datetime.time(12, 0, 1),
    "lazy": gettext_lazy("This field is required."),
    "error": ErrorDetail("Not found.", code="not_found"),
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "tuple": (1, "two"),
    1: "an integer key",
    "nested": {"empty": {}, "list": [[], [{}]]},
}


def test_the_json_is_byte_for_byte_drfs():
    assert JSONRenderer().render(PAYLOAD) == renderers.JSONRenderer().render(PAYLOAD)


def test_line_and_paragraph_separators_are_escaped_as_drf_does():
    content = JSONRenderer().render({"text": "a\u2028b\u2029c"})
    assert content == b'{"text":"a\\u2028b\\u2029c"}'


def test_indented_json_is_left_to_drf():
    assert JSONRenderer().render(PAYLOAD, "application/json; indent=4") == renderers.JSONRenderer().render(
        PAYLOAD, "application/json; indent=4"
    )
    assert b'\n    "text"' in JSONRenderer().render(PAYLOAD, "application/json; indent=4")


def test_nothing_to_render_is_empty():
    assert JSONRenderer().render(None) == b""
