"""The desk's notes on verifications, and each member's notification preferences. Notes are
written on a verification's page (admin/desk/notes.html, apps.desk.board.note_add_view) and only
read here: the thread is append-only."""

from django.contrib import admin

from apps.accounts.models import DeskPreferences
from apps.desk.base import TimestampedAdmin
from apps.verification.models import VerificationNote


@admin.register(VerificationNote)
class VerificationNoteAdmin(TimestampedAdmin):
    """Every note of the desk, to search them across verifications."""

    list_display = ("created_at", "author", "verification", "text_start")
    list_select_related = ("author", "verification__statement__speaker")
    list_filter = (("author", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("text", "verification__statement__text")
    date_hierarchy = "created_at"
    fields = ("verification", "author", "text", "created_at")
    readonly_fields = fields

    @admin.display(description="note")
    def text_start(self, obj):
        return obj.text if len(obj.text) <= 120 else obj.text[:119] + "…"

    def has_add_permission(self, request):
        return False  # added on the verification's page, through the service

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.has_perm("verification.view_verification")

    def has_module_permission(self, request):
        return self.has_view_permission(request)


@admin.register(DeskPreferences)
class DeskPreferencesAdmin(TimestampedAdmin):
    """Administrators set anyone's preferences; each member sets their own on "My notifications"."""

    list_display = ("user", "email_notifications", "updated_at")
    list_filter = ("email_notifications",)
    list_select_related = ("user",)
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)
    fields = ("user", "email_notifications", "created_at", "updated_at")
