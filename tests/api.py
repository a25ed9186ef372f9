"""Helpers for API tests."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def api_client_for(user) -> APIClient:
    """An API client authenticated with a fresh token of `user`."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def ids(response) -> list[int]:
    """The ids of a 200 list page, in order."""
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def assert_invalid(response, parameter: str) -> list[str]:
    """A 400 in the API's error shape, with messages for `parameter`; returns them."""
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "invalid"
    assert parameter in body["detail"]
    assert body["errors"][parameter]
    return body["errors"][parameter]


def count_queries() -> int:
    """Queries a page spends on its `count` when the list fits on the page: none, on every
    database (apps.core.paginator reads the page first, one row beyond it, and a page that shows
    the end of the list gives the count)."""
    return 0


def record_ids(client) -> dict[str, int]:
    """An id for each resource of the seed data set (apps.ops.seed): the statement with a
    published verdict for the statements and their ClaimReviews (so that their verification pages
    have one to show), the first of the list for the others."""
    from apps.verification.models import Verification

    published = Verification.objects.filter(status="published").values_list("statement_id", flat=True)[0]
    ids = {"statements": published, "claimreviews": published}
    for resource in ("publishers", "quotations", "rating-scales", "sources", "speakers", "topics"):
        ids[resource] = client.get(f"/api/v1/{resource}/", HTTP_ACCEPT="application/json").json()["results"][0]["id"]
    return ids


def operation_url(path: str, ids: dict[str, int]) -> str:
    """The URL of an OpenAPI path (`/api/v1/statements/{id}/similar/`) for the records in `ids`."""
    return path.replace("{id}", str(ids.get(path.split("/")[3])))
