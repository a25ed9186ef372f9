import pytest
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token

from tests.factories import make_user

pytestmark = pytest.mark.django_db


def test_drf_create_token_gives_a_user_an_api_token_that_authenticates(api_client, capsys):
    user = make_user("partner-newsroom")
    call_command("drf_create_token", "partner-newsroom")
    token = Token.objects.get(user=user)
    assert token.key in capsys.readouterr().out
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api_client.get("/api/v1/speakers/").status_code == 200


def test_drf_create_token_refuses_an_unknown_user():
    with pytest.raises(CommandError, match="does not exist"):
        call_command("drf_create_token", "nobody")
