"""Request bodies are JSON (DEFAULT_PARSER_CLASSES), and no deeper than any body of this API
needs: the deepest (a verification's evidence) is three levels. Python reads JSON recursively,
so a body a thousand levels deep raised RecursionError, a 500, wherever a view read it; nesting
is refused here, for every endpoint, with a 400 that says the limit."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_JSON_DEPTH = 32
TOO_DEEP = f"The JSON body is nested too deeply: at most {MAX_JSON_DEPTH} levels of objects and arrays."


def _deeper_than_the_limit(data) -> bool:
    """Whether objects and arrays nest more than MAX_JSON_DEPTH levels (without recursing)."""
    containers = [(data, 1)] if isinstance(data, (dict, list)) else []
    while containers:
        container, depth = containers.pop()
        if depth > MAX_JSON_DEPTH:
            return True
        values = container.values() if isinstance(container, dict) else container
        containers.extend((value, depth + 1) for value in values if isinstance(value, (dict, list)))
    return False


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:  # far deeper than the limit: the parser gave up first
            raise ParseError(TOO_DEEP) from None
        if _deeper_than_the_limit(data):
            raise ParseError(TOO_DEEP)
        return data
