import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("create_demo_users", *args, stdout=out)
    return out.getvalue()


def printed_passwords(output: str) -> dict[str, str]:
    rows = [line.split() for line in output.splitlines() if line.startswith("  ")]
    return {row[0]: row[1] for row in rows}


def test_demo_logins_are_generated_printed_and_work(var_dir):
    passwords = printed_passwords(run())
    assert set(passwords) == {"editor", "factchecker", "admin"}
    assert len(set(passwords.values())) == 3
    for username, password in passwords.items():
        login = RequestFactory().post("/admin/login/")  # the login form's request (django-axes needs it)
        assert authenticate(login, username=username, password=password) is not None
    assert (var_dir / "demo-logins.txt").stat().st_mode & 0o777 == 0o600


def test_running_again_keeps_the_passwords(var_dir):
    first = printed_passwords(run())
    assert printed_passwords(run()) == first


def test_reset_gives_new_passwords(var_dir):
    first = printed_passwords(run())
    second = printed_passwords(run("--reset"))
    assert all(first[user] != second[user] for user in first)


def test_demo_users_have_their_roles(var_dir):
    from django.contrib.auth import get_user_model

    run()
    users = {user.username: user for user in get_user_model().objects.prefetch_related("groups")}
    assert [group.name for group in users["editor"].groups.all()] == ["Editors"]
    assert [group.name for group in users["factchecker"].groups.all()] == ["Fact-checkers"]
    assert users["admin"].is_superuser and not users["editor"].is_superuser


def test_demo_logins_are_refused_outside_local_settings(var_dir, settings):
    settings.CLAIMTRACK_DEMO_LOGINS_ALLOWED = False
    with pytest.raises(CommandError, match="local use only"):
        run()
