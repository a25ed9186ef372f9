"""Request bodies are JSON (DEFAULT_PARSER_CLASSES), refused here, for every endpoint, with a
400 that says why, when a view could not take them:

- nested deeper than any body of this API needs (the deepest, a verification's evidence, is
  three levels): Python reads JSON recursively, so a body a thousand levels deep raised
  RecursionError, a 500, wherever a view read it;
- with a number too large for a float (`1e999`): Python reads it as infinity, which no JSON can
  hold (DRF refuses `Infinity` itself), and which was a 500 where an id was expected."""

import math

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_JSON_DEPTH = 32
TOO_DEEP = f"The JSON body is nested too deeply: at most {MAX_JSON_DEPTH} levels of objects and arrays."
OUT_OF_RANGE = "JSON parse error - a number is out of range: at most about 1.8e308 either way."


def _refuse_what_no_view_takes(data) -> None:
    """Walks the body (without recursing): objects and arrays nested more than MAX_JSON_DEPTH
    levels, or an infinite number, are a ParseError."""
    values = [(data, 1)]
    while values:
        value, depth = values.pop()
        if isinstance(value, float) and math.isinf(value):
            raise ParseError(OUT_OF_RANGE)
        if isinstance(value, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                raise ParseError(TOO_DEEP)
            values.extend((item, depth + 1) for item in (value.values() if isinstance(value, dict) else value))


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:  # far deeper than the limit: the parser gave up first
            raise ParseError(TOO_DEEP) from None
        _refuse_what_no_view_takes(data)
        return data
