"""Every model's admin, by domain app. Django's admin autodiscovery imports this module."""

from . import claims, sources, speakers, verification  # noqa: F401  (registers the admins)
