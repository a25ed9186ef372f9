"""Every model's admin, by domain app. Django's admin autodiscovery imports this module."""

from django.contrib import admin

from apps.desk import board

from . import claims, intake, notes, sources, speakers, verification  # noqa: F401  (registers the admins)

admin.site.site_header = "ClaimTrack"
admin.site.site_title = "ClaimTrack"
admin.site.index_title = "Sources, speakers, statements and their verification"
# The admin's left-hand menu takes 300 px of a 1366 px screen from every list and page; the
# desk's links are in the header and the breadcrumbs, and the front page lists every model.
admin.site.enable_nav_sidebar = False
# An empty value reads "—" everywhere, as in the desk's own columns and pages (Django's is "-").
admin.site.empty_value_display = "—"
board.register(admin.site)  # the desk's board, notifications and notes pages
