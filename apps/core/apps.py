from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    verbose_name = "ClaimTrack core"
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.core"

    def ready(self):
        from .search import register_fold_function

        connection_created.connect(register_fold_function, dispatch_uid="claimtrack_fold")
