"""Settings for the test suite: SQLite in memory, or the PostgreSQL that DATABASE_URL names
(`make test` starts a throwaway cluster and sets it)."""

from pathlib import Path

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = get_random_secret_key()
# What the suite writes to disk (the demo logins `seed_demo` prints, the public downloads) goes to
# test-output/, never to the checkout's var/: the logins `make run` printed are those of the app
# it serves, not of the suite's database.
VAR_DIR = BASE_DIR / "test-output" / "var"  # noqa: F405
CLAIMTRACK_PUBLIC_DUMP_DIR = Path(env_str("CLAIMTRACK_PUBLIC_DUMP_DIR") or VAR_DIR / "public")
DATABASES = {"default": database_from_url(env_str("DATABASE_URL", "sqlite://:memory:"))}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins in tests
CLAIMTRACK_DEMO_LOGINS_ALLOWED = True
# Static files are not collected for the tests: WhiteNoise looks them up per request instead of
# warning that STATIC_ROOT does not exist.
WHITENOISE_AUTOREFRESH = True
# No rate limits for the suite's thousands of requests (tests/test_production.py sets them).
CLAIMTRACK_API_RATE_ANONYMOUS = None
CLAIMTRACK_API_RATE_USER = None
# The public downloads are written by the tests that ask for them (apps/public/tests/test_dump.py),
# not by a background thread after every publication in the suite.
CLAIMTRACK_PUBLIC_DUMP_REFRESH = "off"
