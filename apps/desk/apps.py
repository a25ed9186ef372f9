from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The editors' and fact-checkers' desk in the Django admin (an interface: no models): every
    model's admin, the workflow's pages and buttons, the desk's templates."""

    name = "apps.desk"
