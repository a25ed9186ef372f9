"""Production settings: refuse to start without the secrets, hosts and database they need."""

from .base import *  # noqa: F403
from .env import env_bool, env_list, env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", required=True)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
DATABASES = {
    "default": database_from_url(  # noqa: F405
        env_str("DATABASE_URL", required=True),
        conn_max_age=int(env_str("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env_str("DJANGO_SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # Preloading (hstspreload.org) binds the domain and its subdomains to HTTPS in browsers for
    # months, beyond this application: the desk's decision, made with DJANGO_SECURE_HSTS_PRELOAD.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Static files: collected (`make serve` runs collectstatic), compressed, with hashed names that
# browsers may cache for a year. A name missing from the manifest falls back to the plain one.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MANIFEST_STRICT = False

# The API's rate-limit counts, shared by every gunicorn worker (base.RATE_LIMIT_CACHE).
CACHES = {"default": RATE_LIMIT_CACHE}  # noqa: F405

# E-mail to the desk (opt-in per user): SMTP, from the environment (.env.example lists them).
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
