"""Settings shared by every environment. Secrets, hosts and the database come from the
environment (claimtrack/settings/env.py reads it; .env.example lists every variable)."""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_count, env_list, env_rate, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Local, untracked state: the SQLite database, the local secret key, the demo logins.
VAR_DIR = Path(env_str("CLAIMTRACK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    # First, so that its templates (admin/index.html…) take precedence over the admin's own.
    "apps.desk",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "apps.core",
    "apps.accounts",
    "apps.speakers",
    "apps.sources",
    "apps.claims",
    "apps.verification",
    "apps.intake",
    "apps.api",
    "apps.public",
    "apps.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files (the admin's, the API docs') straight from gunicorn, compressed and cached.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # A control character in a query string is a 400 before any view (or the database) sees it.
    "apps.api.middleware.ControlCharactersInQueryMiddleware",
    "apps.api.middleware.EmptyApiParametersAbsentMiddleware",  # ?cursor= is no cursor
    # A form too large to read is a 413 that says what to do, not the CSRF check's bare 400.
    "apps.api.middleware.FormTooLargeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history tables.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Refuses a login form after repeated failures (django-axes; last, as it asks).
    "axes.middleware.AxesMiddleware",
]

# Password guessing: after AXES_FAILURE_LIMIT failed logins for one user name from one address,
# that pair is refused (429, "Account locked: too many login attempts") for AXES_COOLOFF_TIME,
# even with the right password. A success resets the count. By name *and* address, so that
# nobody can lock a colleague out from elsewhere. `manage.py axes_reset` lifts every lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The address is the one the API's rate limits count by too (apps/core/clients.py).
AXES_CLIENT_IP_CALLABLE = "apps.core.clients.client_address"

# Who the client is, for the lockouts above and the API's rate limits: how many proxies in front of
# the application append the address they saw to X-Forwarded-For. 0: the header is ignored and the
# peer is the client; more than there are lets a client choose the address it is counted as.
CLAIMTRACK_TRUSTED_PROXIES = env_count(
    "CLAIMTRACK_TRUSTED_PROXIES",
    0,
    what="the number of proxies in front of ClaimTrack that append the client's address to X-Forwarded-For "
    "(e.g. CLAIMTRACK_TRUSTED_PROXIES=1 behind one nginx; 0 when clients reach gunicorn directly)",
)

# Content Security Policy (django-csp): scripts, fonts, images and connections from this site
# only, no framing, forms posted only here. Styles may be inline: the admin's templates and
# ReDoc's generated styles use style attributes; inline *scripts* are refused everywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "worker-src": [SELF, "blob:"],  # ReDoc renders in a worker
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

ROOT_URLCONF = "claimtrack.urls"
WSGI_APPLICATION = "claimtrack.wsgi.application"
ASGI_APPLICATION = "claimtrack.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "claimtrack" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite is the embedded default; production sets DATABASE_URL to a PostgreSQL database.


def database_from_url(url: str, **kwargs) -> dict:
    """A DATABASES entry from a URL (dj-database-url), with this application's options."""
    database = dj_database_url.parse(url, **kwargs)
    if database["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compilation: it pays off for long analytic queries, and costs this application's
        # short ones tens of milliseconds whenever a plan's cost estimate crosses its threshold.
        # No parallel workers either, for the same reason: starting them cost the public site's
        # search of a common word 20-30 ms at a million statements (58 -> 27 ms, 'drought OR
        # flood'), and every page reads a few rows; a web server's other requests use the cores.
        database.setdefault("OPTIONS", {})["options"] = "-c jit=off -c max_parallel_workers_per_gather=0"
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        # Several writers at once (two editors on `make run`'s database): a transaction takes
        # the write lock as it begins (IMMEDIATE), and waits up to `timeout` seconds for it.
        # SQLite's default, a transaction that reads first and writes later, could not wait
        # when another wrote meanwhile: "database is locked" at once, which the API answered
        # as a database outage (503). Write-ahead logging lets the pages read while one writes.
        options = database.setdefault("OPTIONS", {})
        options.setdefault("transaction_mode", "IMMEDIATE")
        options.setdefault("timeout", 20)
        options.setdefault("init_command", "PRAGMA journal_mode=WAL;")
    return database


DATABASES = {
    "default": database_from_url(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'claimtrack.sqlite3'}"),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# dumpdata/loaddata (and export_dataset) keep timestamps to the microsecond (apps/core/serialization.py).
SERIALIZATION_MODULES = {"json": "apps.core.serialization"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Dates read "29 Nov 2026 20:12" on every admin page (claimtrack/formats/en/formats.py), as on
# the desk's own pages: with localisation always on, Django takes display formats from a format
# module, not from DATE_FORMAT / DATETIME_FORMAT settings.
FORMAT_MODULE_PATH = ["claimtrack.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "staticfiles")))

REST_FRAMEWORK = {
    # Token first: an anonymous write then gets 401 with `WWW-Authenticate: Token`, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Reads are open to everyone; writes need the matching model permission (add/change/delete).
    "DEFAULT_PERMISSION_CLASSES": ["apps.api.common.permissions.ModelPermissionsOrAnonReadOnly"],
    # Request bodies are JSON (nested 32 levels at most); anything else is refused with 415.
    "DEFAULT_PARSER_CLASSES": ["apps.api.common.parsers.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "apps.api.common.negotiation.ContentNegotiation",
    "DEFAULT_RENDERER_CLASSES": [
        "apps.api.common.renderers.JSONRenderer",
        "apps.api.common.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "apps.api.common.throttling.AnonymousClientThrottle",
        "apps.api.common.throttling.SignedInClientThrottle",
    ],
    "DEFAULT_FILTER_BACKENDS": ["apps.api.common.filters.StrictFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "apps.api.common.pagination.PagePagination",
    "PAGE_SIZE": 20,
    "EXCEPTION_HANDLER": "apps.api.common.exceptions.api_exception_handler",
    "DEFAULT_SCHEMA_CLASS": "apps.api.common.schema.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "URL_FORMAT_OVERRIDE": "format",
    "COERCE_DECIMAL_TO_STRING": False,
}

# API rate limits (apps/api/common/throttling.py): "N/second|minute|hour|day", or "off".
CLAIMTRACK_API_RATE_ANONYMOUS = env_rate("CLAIMTRACK_API_RATE_ANONYMOUS", "120/minute")
CLAIMTRACK_API_RATE_USER = env_rate("CLAIMTRACK_API_RATE_USER", "1200/minute")
# Where production keeps the counts, shared by every gunicorn worker (`make serve` creates the
# table: manage.py createcachetable). Room for the counts of 20,000 clients at once: past
# Django's default of 300 entries, a third of them (counts of clients still within their
# window among them) would be dropped, and with them the limits of whoever brings 300 addresses.
RATE_LIMIT_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "claimtrack_cache",
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}

SPECTACULAR_SETTINGS = {
    "TITLE": "ClaimTrack API",
    "DESCRIPTION": (
        "Who said what, where it was reported, and whether it holds up. Reads are open to everyone; "
        "writes need a token (`Authorization: Token <key>`) of a user with the matching permission. "
        "Verification work is shown to anonymous clients only once its verdict is published."
    ),
    "VERSION": "1",
    # OpenAPI 3.1 schemas are JSON Schema, so responses can be checked against them as they are.
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Swagger UI and ReDoc from local static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "VerificationStatusEnum": "apps.verification.choices.VerificationStatus",
        "AttributionStatusEnum": "apps.verification.choices.AttributionStatus",
        "RatingBucketEnum": "apps.verification.choices.RatingBucket",
        "DatePrecisionEnum": "apps.core.choices.DatePrecision",
        "SpeakerKindEnum": "apps.speakers.choices.SpeakerKind",
        "SourceKindEnum": "apps.sources.choices.SourceKind",
        "QuotationModeEnum": "apps.claims.choices.QuotationMode",
        "SameRemarkDecisionEnum": "apps.claims.choices.SameRemarkDecision",
    },
}

# The fact-checking organisation that publishes verdicts (ClaimReview "author"). Its URL, when
# empty: the home page of the site serving the request (the public site), else CLAIMTRACK_DESK_URL.
CLAIMTRACK_ORGANISATION_NAME = env_str("CLAIMTRACK_ORGANISATION_NAME", "ClaimTrack")
CLAIMTRACK_ORGANISATION_URL = env_str("CLAIMTRACK_ORGANISATION_URL", "")
# Where readers find a published fact-check, with {id} and {slug} of the statement. Empty: its
# page on this site's public pages (/fact-checks/{id}-{slug}/).
CLAIMTRACK_REVIEW_URL_TEMPLATE = env_str("CLAIMTRACK_REVIEW_URL_TEMPLATE", "")
# The language the desk writes its verdicts in (BCP 47), for ClaimReview and claims:search.
CLAIMTRACK_REVIEW_LANGUAGE = env_str("CLAIMTRACK_REVIEW_LANGUAGE", "en")

# The public site's HTTP caching (apps/public/caching.py): how long a browser or CDN may reuse a
# page, feed or dump without asking (seconds), and how long after that it may still serve it while
# it asks. A reopened verdict can be shown from a cache for at most their sum; 0 and 0 make every
# reuse ask first (a 304 when nothing changed).
CLAIMTRACK_PUBLIC_MAX_AGE = env_count(
    "CLAIMTRACK_PUBLIC_MAX_AGE", 60, what="a number of seconds a cache may reuse a public page, e.g. 60"
)
CLAIMTRACK_PUBLIC_STALE_WHILE_REVALIDATE = env_count(
    "CLAIMTRACK_PUBLIC_STALE_WHILE_REVALIDATE",
    30,
    what="a number of seconds a cache may serve a public page while it revalidates it, e.g. 30",
)
# Where the bulk downloads of published fact-checks are written (apps/public/dump.py;
# manage.py export_fact_checks). Every web worker must see the same directory.
CLAIMTRACK_PUBLIC_DUMP_DIR = Path(env_str("CLAIMTRACK_PUBLIC_DUMP_DIR") or VAR_DIR / "public")
# How the downloads follow a publication or correction: "thread" (in the background, after the
# transaction commits), "sync" (at once after the commit, for tests and one-off scripts) or
# "off" (only `manage.py export_fact_checks`, e.g. from cron).
CLAIMTRACK_PUBLIC_DUMP_REFRESH = env_str("CLAIMTRACK_PUBLIC_DUMP_REFRESH") or "thread"
if CLAIMTRACK_PUBLIC_DUMP_REFRESH not in ("thread", "sync", "off"):
    raise ImproperlyConfigured(
        f"CLAIMTRACK_PUBLIC_DUMP_REFRESH={CLAIMTRACK_PUBLIC_DUMP_REFRESH!r}: write thread, sync or off."
    )

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# The five seed articles, when this checkout sits beside ../shared/seeds: `seed_demo` archives
# their text in the local database so that quotations are anchored. Never committed.
CLAIMTRACK_SEEDS_DIR = env_str("CLAIMTRACK_SEEDS_DIR", str(BASE_DIR.parent / "shared" / "seeds"))
# Demo logins with generated passwords (`manage.py create_demo_users`) are for local use only.
CLAIMTRACK_DEMO_LOGINS_ALLOWED = False

# One-person desks: let the fact-checker who did the work publish it too (default: someone else must).
CLAIMTRACK_SELF_PUBLISH_ALLOWED = env_bool("CLAIMTRACK_SELF_PUBLISH_ALLOWED", False)
# Simple-history's "revert to this version" would change records, status included, outside the workflow.
SIMPLE_HISTORY_REVERT_DISABLED = True
# Lists of at least this many rows (the planner's estimate: whole tables, filters, searches) report an
# estimated count instead of running COUNT(*) over every matching row (PostgreSQL only).
CLAIMTRACK_ESTIMATED_COUNT_FROM = 1_000

# E-mail to the desk about its work (apps/verification/notifications.py), for users who turned it
# on. Locally printed on the console; production sends through SMTP (claimtrack/settings/production.py).
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "ClaimTrack <claimtrack@localhost>")
# A mail server that does not answer must not hold up the move that sends the mail for long.
EMAIL_TIMEOUT = 10
# Where the desk's pages are, for the links in those e-mails.
CLAIMTRACK_DESK_URL = env_str("CLAIMTRACK_DESK_URL", "http://127.0.0.1:8000/")

# Intake: fetching an article's page from a URL (apps/intake/fetching.py). Pages on private,
# loopback and link-local addresses (this machine, the office network, a cloud's metadata service)
# are refused unless this is on: a URL typed by an editor must not reach what only the server can.
CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES = env_bool("CLAIMTRACK_INTAKE_ALLOW_PRIVATE_ADDRESSES", False)
# Seconds for the whole fetch (every redirect, the connection and the last byte of the page).
CLAIMTRACK_INTAKE_FETCH_TIMEOUT = env_count(
    "CLAIMTRACK_INTAKE_FETCH_TIMEOUT", 15, what="the number of seconds a fetch may take, e.g. 15"
)
# The largest page (or uploaded file) read, in bytes: reading stops past it and the page is refused.
CLAIMTRACK_INTAKE_MAX_BYTES = env_count(
    "CLAIMTRACK_INTAKE_MAX_BYTES", 5_000_000, what="a size in bytes, e.g. 5000000 for 5 MB"
)
CLAIMTRACK_INTAKE_MAX_REDIRECTS = env_count(
    "CLAIMTRACK_INTAKE_MAX_REDIRECTS", 5, what="how many redirects a fetch may follow, e.g. 5"
)
# Intake reads speakers with a spaCy parse as well as its rules when spaCy and its model are
# installed (the runtime set has them, apps/intake/parsing.py); off: the rules alone.
CLAIMTRACK_INTAKE_PARSER = env_bool("CLAIMTRACK_INTAKE_PARSER", True)
