from django.apps import AppConfig


class IntakeConfig(AppConfig):
    verbose_name = "Intake"
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.intake"
