"""`?format=` names a renderer; an unknown one is invalid input (400, naming the formats this
endpoint has) rather than DRF's bare "Not found." 404."""

from django.http import Http404
from rest_framework import exceptions
from rest_framework.negotiation import DefaultContentNegotiation


class ContentNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except Http404:
            given = format_suffix or request.query_params.get(self.settings.URL_FORMAT_OVERRIDE)
            formats = ", ".join(dict.fromkeys(renderer.format for renderer in renderers))
            raise exceptions.ValidationError(
                {"format": [f"“{given}” is not a format of this endpoint; use one of: {formats}."]}
            ) from None
