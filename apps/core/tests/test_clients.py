"""Who the client is (apps/core/clients.py): with N trusted proxies, the Nth address from the right
of X-Forwarded-For, never one further left; the peer (REMOTE_ADDR) when the header cannot be read
as the proxies' word."""

import pytest
from django.test import RequestFactory

from apps.core.clients import client_address

PEER = "10.0.0.1"  # REMOTE_ADDR: the innermost proxy, or the client itself without one


def address(settings, trusted: int, header: str | None) -> str:
    settings.CLAIMTRACK_TRUSTED_PROXIES = trusted
    extra = {"REMOTE_ADDR": PEER} | ({"HTTP_X_FORWARDED_FOR": header} if header is not None else {})
    return client_address(RequestFactory().get("/", **extra))


@pytest.mark.parametrize("header", [None, "203.0.113.7", "198.51.100.1, 203.0.113.7"])
def test_without_trusted_proxies_the_header_is_ignored_and_the_peer_is_the_client(settings, header):
    assert address(settings, 0, header) == PEER


@pytest.mark.parametrize(
    ("trusted", "header", "client"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # what the client prepends is not read
        (1, "not an address, 203.0.113.7", "203.0.113.7"),
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.2", "203.0.113.7"),  # a load balancer, then nginx
        (2, "203.0.113.7,10.0.0.2", "203.0.113.7"),
        (1, " 2001:DB8::1 ", "2001:db8::1"),  # one spelling per address, one count
        (1, "203.0.113.7:51234", "203.0.113.7"),  # proxies that add the client's port
        (1, "[2001:db8::1]:443", "2001:db8::1"),
    ],
)
def test_with_trusted_proxies_the_client_is_the_address_the_outermost_one_saw(settings, trusted, header, client):
    assert address(settings, trusted, header) == client


@pytest.mark.parametrize(
    ("trusted", "header"),
    [
        (1, None),  # a request that did not come through the proxy
        (1, ""),
        (2, "203.0.113.7"),  # shorter than the chain of proxies: its one entry may be the client's own
        (1, "not an address"),
        (1, "198.51.100.1, "),  # an empty last entry; the client's entry left of it is never read
        (2, "198.51.100.1, 203.0.113.7, unknown"),  # one of the proxies' entries is not an address
        (1, "fe80::1%eth0"),  # a scoped address, which the lockouts' address column refuses
        (1, "203.0.113.7:port"),
        (1, "300.1.2.3"),
    ],
)
def test_a_short_or_malformed_header_gives_the_peer_never_an_address_further_left(settings, trusted, header):
    assert address(settings, trusted, header) == PEER
