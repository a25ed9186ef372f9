from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    verbose_name = "Statements and quotations"
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.claims"
