from django.apps import AppConfig


class CoreConfig(AppConfig):
    verbose_name = "ClaimTrack core"
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.core"
