from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Tooling (no models): the seed data set, demo data at scale, the dataset's export and
    import, the benchmark. It may import anything; nothing imports it."""

    name = "apps.ops"
