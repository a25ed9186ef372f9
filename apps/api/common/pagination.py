"""Every list endpoint pages its results in one of two ways:

- by page number, for browsing: `?page=2&page_size=50` (at most 100 a page); the answer has
  `count`, `next`, `previous` and `results`;
- by cursor, for exporting a whole list: `?pagination=cursor&page_size=1000` (at most 1,000 a
  page), ordered by id and stable while rows are added; follow `next` until it is null. A cursor
  is `a` or `b` and an id: the page after (`a42`) or before (`b42`) that id.

A list ranked by a score and capped (similar statements) pages by number only
(RankedPagePagination): a cursor needs an order by id.

A page size or page out of range is refused with a 400 that says what is allowed, never
silently capped."""

import re

from django.core.paginator import InvalidPage, Paginator
from rest_framework import exceptions
from rest_framework.pagination import BasePagination, Cursor, CursorPagination, PageNumberPagination
from rest_framework.utils.urls import replace_query_param

from apps.core.paginator import EstimatedCountPaginator

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_CURSOR_PAGE_SIZE = 1000
MODES = ("page", "cursor")
# After (a) or before (b) an id. Eighteen digits: every id a database holds (at most 2**63 - 1)
# for centuries of growth, and never a number the database cannot compare with an id.
CURSOR_PATTERN = r"^[ab][0-9]{1,18}$"
PAGE_PATTERN = r"^(last|0*[1-9][0-9]{0,17})$"  # a page number (from 1), or `last`


def _invalid(parameter: str, message: str) -> exceptions.ValidationError:
    return exceptions.ValidationError({parameter: [message]})


def _positive_int(request, parameter: str, *, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(parameter)
    if raw is None or raw == "":
        return default
    if not re.fullmatch(r"-?[0-9]+", raw):  # int() would read " 5", "1_0" and any script's digits
        raise _invalid(parameter, f"“{raw}” is not a whole number.")
    value = int(raw)
    if value < 1:
        raise _invalid(parameter, "Must be at least 1.")
    if maximum is not None and value > maximum:
        raise _invalid(parameter, f"Must be at most {maximum}; use ?pagination=cursor to export longer lists.")
    return value


class _Pages(PageNumberPagination):
    django_paginator_class = EstimatedCountPaginator

    def get_page_size(self, request):
        return self.page_size  # validated by PagePagination

    def paginate_queryset(self, queryset, request, view=None):
        last = request.query_params.get(self.page_query_param) == "last"
        number = None if last else _positive_int(request, self.page_query_param, default=1)
        self.request = request
        # The last page must be found exactly: an estimate could point past the end.
        paginator_class = Paginator if last else self.django_paginator_class
        paginator = paginator_class(queryset, self.page_size)
        number = paginator.num_pages if last else number
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            raise exceptions.NotFound(
                f"Page {number} does not exist: there are {paginator.num_pages} page(s) of {self.page_size}."
            ) from None
        self.display_page_controls = paginator.num_pages > 1 and self.template is not None
        self.count_is_estimate = getattr(paginator, "count_is_estimate", False)
        return list(self.page)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        if self.count_is_estimate:
            response.data = {"count": response.data["count"], "count_is_estimate": True, **response.data}
        return response


class _Cursor(CursorPagination):
    """DRF's cursor pagination over the id, with cursors a person can read and a pattern the
    OpenAPI document gives: `a42` (the page after id 42) or `b42` (the page before it). DRF's
    own cursors (base64 of `o=…&r=…&p=…`) carry an offset for orderings with ties, which an
    order by id never has, and took any text as a position, which reached the database."""

    ordering = "pk"
    invalid_cursor_message = (
        "“{cursor}” is not a cursor: a cursor is a or b and an id (a42: the page after id 42, b42: the page "
        "before it), as in the next and previous links."
    )

    def get_page_size(self, request):
        return self.page_size  # validated by PagePagination

    def _get_position_from_instance(self, instance, ordering):
        if isinstance(instance, dict) and ordering[0].lstrip("-") == "pk":  # a page of JSON documents
            return str(instance["id"])
        return super()._get_position_from_instance(instance, ordering)

    def decode_cursor(self, request):
        given = request.query_params.get(self.cursor_query_param)
        if not given:
            return None
        if not re.fullmatch(CURSOR_PATTERN, given):
            raise _invalid(self.cursor_query_param, self.invalid_cursor_message.format(cursor=given))
        return Cursor(offset=0, reverse=given[0] == "b", position=given[1:])

    def encode_cursor(self, cursor):
        token = f"{'b' if cursor.reverse else 'a'}{cursor.position}"
        return replace_query_param(self.base_url, self.cursor_query_param, token)

    # An id is unique, so the next page starts after the last row shown and the previous one
    # ends before the first (DRF counts offsets past rows that share a position).
    def get_next_link(self):
        if not self.has_next:
            return None
        position = self._position(self.page[-1]) if self.page else self.next_position
        return self.encode_cursor(Cursor(offset=0, reverse=False, position=position))

    def get_previous_link(self):
        if not self.has_previous:
            return None
        position = self._position(self.page[0]) if self.page else self.previous_position
        return self.encode_cursor(Cursor(offset=0, reverse=True, position=position))

    def _position(self, row) -> str:
        return self._get_position_from_instance(row, self.ordering)


class PagePagination(BasePagination):
    page_query_param = "page"
    page_size_query_param = "page_size"
    mode_query_param = "pagination"
    cursor_query_param = "cursor"
    cursors = True

    def paginate_queryset(self, queryset, request, view=None):
        mode = request.query_params.get(self.mode_query_param) or "page"
        if mode not in MODES:
            raise _invalid(self.mode_query_param, f"“{mode}” is not a pagination mode; use “page” or “cursor”.")
        if not self.cursors and (mode == "cursor" or self.cursor_query_param in request.query_params):
            raise _invalid(
                self.mode_query_param if mode == "cursor" else self.cursor_query_param,
                "This list is ranked by score, not ordered by id, so it has no cursors; page through it with ?page=.",
            )
        if mode == "cursor":
            if self.page_query_param in request.query_params:
                raise _invalid(self.page_query_param, "Page numbers cannot be combined with ?pagination=cursor.")
            if "ordering" in request.query_params:
                raise _invalid("ordering", "Cursor pagination is always ordered by id; leave out ?ordering=.")
            self.delegate = _Cursor()
            maximum = MAX_CURSOR_PAGE_SIZE
        else:
            if self.cursor_query_param in request.query_params:
                raise _invalid(self.cursor_query_param, "A cursor needs ?pagination=cursor.")
            self.delegate = _Pages()
            maximum = MAX_PAGE_SIZE
        self.delegate.page_size = _positive_int(request, self.page_size_query_param, default=PAGE_SIZE, maximum=maximum)
        return self.delegate.paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return self.delegate.get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": "How many results in all (page-number pagination only).",
                },
                "count_is_estimate": {
                    "type": "boolean",
                    "description": "Present (true) when `count` is the database's estimate: unfiltered lists "
                    "of very large tables are not counted row by row.",
                },
                "next": {**link, "description": "The next page, or null on the last one."},
                "previous": {**link, "description": "The previous page, or null on the first one."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        def query(name, description, schema):
            return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}

        if not self.cursors:
            return [
                query(self.page_query_param, "Page number, or `last`.", {"type": "string", "pattern": PAGE_PATTERN}),
                query(
                    self.page_size_query_param,
                    f"Results per page: default {PAGE_SIZE}, at most {MAX_PAGE_SIZE}.",
                    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                ),
            ]
        return [
            query(
                self.page_query_param,
                "Page number (page-number pagination), or `last`.",
                {"type": "string", "pattern": PAGE_PATTERN},
            ),
            query(
                self.page_size_query_param,
                f"Results per page: default {PAGE_SIZE}, at most {MAX_PAGE_SIZE} "
                f"({MAX_CURSOR_PAGE_SIZE} with pagination=cursor).",
                {"type": "integer", "minimum": 1, "maximum": MAX_CURSOR_PAGE_SIZE},
            ),
            query(
                self.mode_query_param,
                "`cursor` to export a whole list page by page (ordered by id), `page` (default) to browse.",
                {"type": "string", "enum": list(MODES)},
            ),
            query(
                self.cursor_query_param,
                "From the `next` or `previous` link (with pagination=cursor): `a` or `b` and an id, the page "
                "after or before that id.",
                {"type": "string", "pattern": CURSOR_PATTERN},
            ),
        ]

    @property
    def display_page_controls(self) -> bool:
        delegate = getattr(self, "delegate", None)
        return bool(delegate and delegate.display_page_controls)

    def to_html(self):
        return self.delegate.to_html()

    def get_results(self, data):
        return data["results"]


class RankedPagePagination(PagePagination):
    """Page numbers only, for a list ranked by a score and capped (similar statements): a cursor
    pages by id, which would lose the ranking."""

    cursors = False
