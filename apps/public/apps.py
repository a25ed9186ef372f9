from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public site: fact-check pages for readers, feeds and dumps for machines."""

    verbose_name = "Public site"
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.public"

    def ready(self):
        from . import caching, checks, dump  # noqa: F401 (checks registers the deploy checks)

        # Every public change moves the pages' validators, and the dump follows the verdicts.
        caching.connect()
        dump.connect()
