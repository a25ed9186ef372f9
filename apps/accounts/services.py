"""Creating the desk's users."""

import secrets
import string

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from .roles import EDITORS, FACT_CHECKERS

# Letters and digits only: easy to copy from a terminal, 16 of them give ~95 bits.
PASSWORD_ALPHABET = string.ascii_letters + string.digits
# username -> (group, is_superuser)
DEMO_USERS = {
    "editor": (EDITORS, False),
    "factchecker": (FACT_CHECKERS, False),
    "admin": (None, True),
}


@transaction.atomic
def demo_user_create(*, username: str, reset: bool = False) -> str | None:
    """Create one demo login with a fresh random password and return it; when the user exists,
    keep it and return None, unless `reset` asks for a new password."""
    group_name, is_superuser = DEMO_USERS[username]
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"is_staff": True, "is_superuser": is_superuser, "email": f"{username}@example.org"}
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    if not (created or reset):
        return None
    password = "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(16))
    user.set_password(password)
    user.save(update_fields=["password"])
    return password
