"""Who may write: Django's model permissions (reads are open to everyone), with a refusal that
names the permission the account lacks."""

from rest_framework import permissions

# What each method does to a record, in the words of the model permission it needs.
VERBS = {"POST": "add", "PUT": "change", "PATCH": "change", "DELETE": "delete"}


class ModelPermissionsOrAnonReadOnly(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """DRF's DjangoModelPermissionsOrAnonReadOnly, whose refusal said only "You do not have
    permission to perform this action.": it now says what may not be done and which permission
    the account lacks ("You may not add speakers: your account lacks the permission
    “speakers.add_speaker”."), as the workflow's refusals do."""

    def has_permission(self, request, view):
        allowed = super().has_permission(request, view)
        if not allowed and request.user and request.user.is_authenticated and request.method in VERBS:
            model = self._queryset(view).model
            missing = [
                permission
                for permission in self.get_required_permissions(request.method, model)
                if not request.user.has_perm(permission)
            ]
            if missing:
                self.message = (
                    f"You may not {VERBS[request.method]} {model._meta.verbose_name_plural}: your account lacks "
                    f"the permission “{missing[0]}”."
                )
        return allowed
