from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The REST API (an interface: no models): every resource's serializers, views, filtersets
    and routes, over the domain apps, under /api/v1/."""

    name = "apps.api"
