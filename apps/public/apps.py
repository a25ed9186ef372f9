from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public site: fact-check pages for readers, feeds and dumps for machines."""

    verbose_name = "Public site"
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.public"
