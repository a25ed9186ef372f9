"""Settings for `make run` on a developer's machine: SQLite unless DATABASE_URL says otherwise."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_str

DEBUG = True


def _local_secret_key() -> str:
    """A key generated once per checkout and kept in var/, so sessions survive restarts and
    no secret is ever committed."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(get_random_secret_key())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("DJANGO_SECRET_KEY") or _local_secret_key()
CLAIMTRACK_DEMO_LOGINS_ALLOWED = True
