"""The database goes away under a running server: the API answers 503 with a JSON error, never
a traceback, and answers again by itself once the database is back, without a restart.

It stops and restarts the throwaway PostgreSQL of scripts/with-postgres (`make test`), which
hands the test a pg_ctl for it."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.db import connection

CTL = os.environ.get("WITH_POSTGRES_CTL")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not CTL,
        reason="stops and restarts the throwaway PostgreSQL of scripts/with-postgres (make test runs it)",
    ),
    pytest.mark.django_db(transaction=True),
]


def get(url: str) -> tuple[int, dict, dict]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def pg_ctl(*args: str) -> None:
    subprocess.run([CTL, *args], check=True, capture_output=True, timeout=120)


@pytest.fixture
def production_server():
    """gunicorn with the production settings (one worker, so that its connection is kept and
    reused between requests, checked before each: CONN_MAX_AGE and CONN_HEALTH_CHECKS) on the
    test database."""
    database = connection.settings_dict
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "claimtrack.settings.production",
        "DJANGO_SECRET_KEY": "outage-test-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgresql://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "CLAIMTRACK_API_RATE_ANONYMOUS": "off",
        "CLAIMTRACK_API_RATE_USER": "off",
    }
    server = subprocess.Popen(
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "claimtrack.wsgi",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/api/v1/", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_api_answers_503_while_the_database_is_down_and_recovers_by_itself(production_server):
    url = f"{production_server}/api/v1/topics/"
    assert get(url)[0] == 200
    assert get(url)[0] == 200  # the worker's connection is now open, kept for the next request

    pg_ctl("stop", "-m", "fast", "-w")
    try:
        status, headers, body = get(url)
        assert status == 503
        assert body["code"] == "unavailable" and "Traceback" not in json.dumps(body)
        assert headers["Retry-After"] == "5"
    finally:
        pg_ctl("start", "-w")
        connection.close()  # the test's own connection died with the server too

    status, _, body = get(url)
    assert status == 200, body  # answering again, without a restart of the app


def test_a_database_restart_between_requests_goes_unnoticed(production_server):
    """The worker's kept connection died with the restart; it is found dead before use
    (CONN_HEALTH_CHECKS) and replaced, so not even the next request fails."""
    url = f"{production_server}/api/v1/topics/"
    assert get(url)[0] == 200
    pg_ctl("restart", "-m", "fast", "-w")
    connection.close()
    status, _, body = get(url)
    assert status == 200, body
