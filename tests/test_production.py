"""Production settings: what they refuse, the deploy check, the Content Security Policy every
page carries, and static files served by WhiteNoise."""

import os
import re
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from tests.factories import make_statement

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "claimtrack.settings.production",
    "DJANGO_SECRET_KEY": "a-production-like-secret-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "claims.example.org",
    "DATABASE_URL": "postgresql://claimtrack@localhost/claimtrack",
    "CLAIMTRACK_DESK_URL": "https://claims.example.org/",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120
    )


def test_the_production_settings_pass_the_deploy_check_without_a_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_refuses_a_site_address_left_at_its_local_default():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "CLAIMTRACK_DESK_URL"}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "claimtrack.W001" in result.stderr and "Set CLAIMTRACK_DESK_URL" in result.stderr


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_the_production_settings_refuse_to_start_without_their_secrets_hosts_and_database(missing):
    result = manage("check", env={key: value for key, value in PRODUCTION_ENV.items() if key != missing})
    assert result.returncode != 0
    assert missing in result.stderr  # the message names what to set


@pytest.mark.django_db
def test_every_page_carries_a_content_security_policy_without_inline_scripts(client, anonymous):
    for response in (anonymous.get("/api/v1/statements/"), client.get("/admin/login/")):
        policy = response["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
        assert directives["script-src"] == "'self'"
        assert directives["frame-ancestors"] == "'none'"
        assert directives["default-src"] == "'self'"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)


@pytest.mark.django_db
def test_no_page_we_serve_needs_an_inline_script(editor_client):
    """The policy refuses inline scripts; a page that had one would break in the browser."""
    statement = make_statement()
    pages = [
        "/admin/",
        "/admin/claims/statement/",
        "/admin/claims/statement/add/",
        f"/admin/claims/statement/{statement.pk}/change/",
        "/admin/verification/verification/",
        "/api/docs/",
        "/api/redoc/",
        "/api/v1/statements/?format=api",
    ]
    for url in pages:
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert not INLINE_SCRIPT.findall(response.content.decode()), url


def test_whitenoise_serves_collected_static_files_with_long_caching(tmp_path):
    from whitenoise.middleware import WhiteNoiseMiddleware

    with override_settings(STATIC_ROOT=tmp_path, WHITENOISE_AUTOREFRESH=False):
        call_command("collectstatic", interactive=False, verbosity=0)
        middleware = WhiteNoiseMiddleware(get_response=lambda request: HttpResponse(status=404))
        response = middleware(RequestFactory().get("/static/admin/css/base.css"))
    assert response.status_code == 200
    assert "max-age" in response["Cache-Control"]


# Password guessing


def admin_login(client, username: str, password: str):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


@pytest.mark.django_db
def test_the_admin_login_locks_a_user_name_out_after_five_failures_even_with_the_right_password(client, editor):
    for _ in range(4):
        assert admin_login(client, editor.username, "wrong").status_code == 200  # the form, with its error
    assert admin_login(client, editor.username, "wrong").status_code == 429  # the fifth failure locks
    locked = admin_login(client, editor.username, "pw-for-tests-only")
    assert locked.status_code == 429
    assert "too many login attempts" in locked.content.decode()
    assert not client.session.get("_auth_user_id")


@pytest.mark.django_db
def test_a_lockout_is_of_one_user_name_and_lifts_with_axes_reset(client, editor, fact_checker):
    for _ in range(5):
        admin_login(client, editor.username, "wrong")
    assert admin_login(client, fact_checker.username, "pw-for-tests-only").status_code == 302  # logged in
    call_command("axes_reset", verbosity=0)
    client.logout()
    assert admin_login(client, editor.username, "pw-for-tests-only").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_resets_the_count_of_failures(client, editor):
    for _ in range(4):
        admin_login(client, editor.username, "wrong")
    assert admin_login(client, editor.username, "pw-for-tests-only").status_code == 302
    client.logout()
    for _ in range(4):
        admin_login(client, editor.username, "wrong")
    assert admin_login(client, editor.username, "pw-for-tests-only").status_code == 302


# API rate limits


@pytest.mark.django_db
def test_an_anonymous_client_over_its_rate_gets_429_with_retry_after(anonymous, settings):
    from django.core.cache import cache

    cache.clear()
    settings.CLAIMTRACK_API_RATE_ANONYMOUS = "3/minute"
    assert [anonymous.get("/api/v1/topics/").status_code for _ in range(3)] == [200, 200, 200]
    refused = anonymous.get("/api/v1/topics/")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["code"] == "throttled"
    assert "Expected available in" in refused.json()["detail"]


@pytest.mark.django_db
def test_signed_in_clients_are_counted_per_user_at_their_own_rate(token_client, editor, fact_checker, settings):
    from django.core.cache import cache

    cache.clear()
    settings.CLAIMTRACK_API_RATE_ANONYMOUS = "1/minute"
    settings.CLAIMTRACK_API_RATE_USER = "2/minute"
    editor_client, checker_client = token_client(editor), token_client(fact_checker)
    assert [editor_client.get("/api/v1/topics/").status_code for _ in range(3)] == [200, 200, 429]
    assert checker_client.get("/api/v1/topics/").status_code == 200  # a count of its own


@pytest.mark.parametrize("value", ["120", "120/fortnight", "many/minute"])
def test_a_malformed_rate_is_refused_at_startup_with_the_expected_form(value, monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from claimtrack.settings.env import env_rate

    monkeypatch.setenv("CLAIMTRACK_API_RATE_USER", value)
    with pytest.raises(ImproperlyConfigured, match="e.g. 120/minute, or off"):
        env_rate("CLAIMTRACK_API_RATE_USER", "1/minute")
    monkeypatch.setenv("CLAIMTRACK_API_RATE_USER", "off")
    assert env_rate("CLAIMTRACK_API_RATE_USER", "1/minute") is None


@pytest.mark.parametrize("value", ["-1", "one", "1.5", "true", "²"])
def test_a_number_of_trusted_proxies_that_is_not_a_whole_number_is_refused_at_startup(value, monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from claimtrack.settings.env import env_count

    monkeypatch.setenv("CLAIMTRACK_TRUSTED_PROXIES", value)
    with pytest.raises(ImproperlyConfigured, match="CLAIMTRACK_TRUSTED_PROXIES=.* 0 or more: write the number"):
        env_count("CLAIMTRACK_TRUSTED_PROXIES", 0, what="the number of proxies")
    monkeypatch.setenv("CLAIMTRACK_TRUSTED_PROXIES", " 2 ")
    assert env_count("CLAIMTRACK_TRUSTED_PROXIES", 0, what="the number of proxies") == 2


def test_the_production_settings_refuse_to_start_with_a_malformed_number_of_trusted_proxies():
    result = manage("check", env=PRODUCTION_ENV | {"CLAIMTRACK_TRUSTED_PROXIES": "nginx"})
    assert result.returncode != 0
    assert "CLAIMTRACK_TRUSTED_PROXIES='nginx' is not a whole number" in result.stderr
    assert "CLAIMTRACK_TRUSTED_PROXIES=1 behind one nginx" in result.stderr  # what to write


# Who the client is (CLAIMTRACK_TRUSTED_PROXIES): the rate limits and the lockouts count the
# address a trusted proxy saw, never one the client wrote into X-Forwarded-For.

PROXY_SAW_A, PROXY_SAW_B = "192.0.2.10", "192.0.2.20"


def forwarded(*addresses: str) -> dict:
    return {"X-Forwarded-For": ", ".join(addresses)}


def spoofs(count: int) -> list[str]:
    """Addresses a client makes up, a different one for each request."""
    return [f"203.0.113.{n % 250}" if n < 250 else f"198.51.100.{n % 250}" for n in range(count)]


@pytest.fixture
def throttle_counts():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
@pytest.mark.parametrize("rate_setting", ["CLAIMTRACK_API_RATE_ANONYMOUS", "CLAIMTRACK_API_RATE_USER"])
def test_without_trusted_proxies_a_client_cannot_escape_its_rate_by_varying_x_forwarded_for(
    anonymous, settings, throttle_counts, rate_setting
):
    """Both throttles in use count anonymous clients (the per-user one by address, too)."""
    settings.CLAIMTRACK_TRUSTED_PROXIES = 0
    settings.CLAIMTRACK_API_RATE_ANONYMOUS = settings.CLAIMTRACK_API_RATE_USER = None
    setattr(settings, rate_setting, "120/minute")
    statuses = [anonymous.get("/api/v1/topics/", headers=forwarded(spoof)).status_code for spoof in spoofs(130)]
    assert statuses == [200] * 120 + [429] * 10


@pytest.mark.django_db
def test_behind_one_proxy_clients_are_counted_by_the_address_the_proxy_saw_whatever_they_prepend(
    anonymous, settings, throttle_counts
):
    settings.CLAIMTRACK_TRUSTED_PROXIES = 1
    settings.CLAIMTRACK_API_RATE_ANONYMOUS = "3/minute"
    # The proxy appends the address it saw; anything to its left is the client's own writing.
    statuses = [
        anonymous.get("/api/v1/topics/", headers=forwarded(spoof, PROXY_SAW_A)).status_code for spoof in spoofs(4)
    ]
    assert statuses == [200, 200, 200, 429]
    assert anonymous.get("/api/v1/topics/", headers=forwarded(PROXY_SAW_A)).status_code == 429
    # Another client behind the same proxy (the same REMOTE_ADDR) has a count of its own.
    assert anonymous.get("/api/v1/topics/", headers=forwarded(PROXY_SAW_B)).status_code == 200


def test_every_throttle_in_use_counts_clients_by_the_address_the_lockouts_use():
    """A throttle class left to DRF's own get_ident would trust the whole X-Forwarded-For header."""
    from django.urls import URLPattern, URLResolver, get_resolver

    from apps.api.common.throttling import ClientAddressMixin

    def views(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from views(pattern.url_patterns)
            elif isinstance(pattern, URLPattern) and hasattr(pattern.callback, "cls"):
                yield pattern.callback.cls

    throttles = {throttle for view in views(get_resolver().url_patterns) for throttle in view.throttle_classes}
    assert throttles  # the walk found the API's views
    assert {throttle for throttle in throttles if not issubclass(throttle, ClientAddressMixin)} == set()


@pytest.mark.django_db
def test_without_trusted_proxies_a_lockout_holds_whatever_x_forwarded_for_the_guesser_sends(client, editor, settings):
    settings.CLAIMTRACK_TRUSTED_PROXIES = 0
    for spoof in spoofs(5):
        client.post("/admin/login/", {"username": editor.username, "password": "wrong"}, headers=forwarded(spoof))
    locked = client.post(
        "/admin/login/", {"username": editor.username, "password": "pw-for-tests-only"}, headers=forwarded("10.9.8.7")
    )
    assert locked.status_code == 429


@pytest.mark.django_db
def test_behind_one_proxy_a_lockout_is_of_the_address_the_proxy_saw_whatever_the_guesser_prepends(
    client, editor, settings
):
    settings.CLAIMTRACK_TRUSTED_PROXIES = 1
    for spoof in spoofs(5):
        client.post(
            "/admin/login/", {"username": editor.username, "password": "wrong"}, headers=forwarded(spoof, PROXY_SAW_A)
        )
    locked = client.post(
        "/admin/login/",
        {"username": editor.username, "password": "pw-for-tests-only"},
        headers=forwarded("10.9.8.7", PROXY_SAW_A),
    )
    assert locked.status_code == 429
    # The editor, from another address behind the same proxy, is not locked out by the guesser.
    elsewhere = client.post(
        "/admin/login/", {"username": editor.username, "password": "pw-for-tests-only"}, headers=forwarded(PROXY_SAW_B)
    )
    assert elsewhere.status_code == 302


@pytest.mark.django_db
def test_the_production_cache_keeps_a_clients_count_while_many_other_clients_come_and_go(anonymous, settings):
    """Django's database cache drops a third of its entries, in key order, once it holds more
    than MAX_ENTRIES: with its default of 300, a client whose address sorts first would be
    forgiven its count as soon as 300 others had asked."""
    from django.core.cache import cache

    from claimtrack.settings.base import RATE_LIMIT_CACHE

    settings.CACHES = {"default": RATE_LIMIT_CACHE}
    call_command("createcachetable", verbosity=0)
    cache.clear()
    settings.CLAIMTRACK_API_RATE_ANONYMOUS = "3/minute"
    first = {"REMOTE_ADDR": "10.0.0.1"}  # its count's key sorts before every other
    assert [anonymous.get("/api/v1/topics/", **first).status_code for _ in range(3)] == [200, 200, 200]

    for n in range(400):
        anonymous.get("/api/v1/topics/", REMOTE_ADDR=f"10.1.{n // 250}.{n % 250}")

    assert anonymous.get("/api/v1/topics/", **first).status_code == 429
    cache.clear()
