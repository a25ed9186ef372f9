from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    verbose_name = "ClaimTrack core"
    default_auto_field = "django.db.models.BigAutoField"
    name = "apps.core"

    def ready(self):
        from .paginator import forget_plans, remember_plans
        from .search import register_fold_function

        connection_created.connect(register_fold_function, dispatch_uid="claimtrack_fold")
        request_started.connect(remember_plans, dispatch_uid="claimtrack_remember_plans")
        request_finished.connect(forget_plans, dispatch_uid="claimtrack_forget_plans")
