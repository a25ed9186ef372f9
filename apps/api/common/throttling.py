"""How many requests a client may make: anonymous clients per address, signed-in clients
(token or session) per user, each at a rate from the settings (CLAIMTRACK_API_RATE_ANONYMOUS,
CLAIMTRACK_API_RATE_USER: "120/minute"; None: no limit). Beyond it, 429 with `Retry-After`
(seconds) and a JSON error. The counts live in the default cache, shared by every worker in
production (the database cache, `make serve` creates its table).

Every throttle here counts by apps.core.clients.client_address, the address the login lockouts
count by too. DRF's own get_ident, with NUM_PROXIES unset, takes the whole X-Forwarded-For header
as the address, so a client that sends a new one with each request is never throttled."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from apps.core.clients import client_address


class ClientAddressMixin:
    def get_ident(self, request):
        return client_address(request)


class AnonymousClientThrottle(ClientAddressMixin, AnonRateThrottle):
    def get_rate(self):
        return settings.CLAIMTRACK_API_RATE_ANONYMOUS


class SignedInClientThrottle(ClientAddressMixin, UserRateThrottle):
    """Counts a signed-in client by user, and an anonymous one by address (at the user rate)."""

    def get_rate(self):
        return settings.CLAIMTRACK_API_RATE_USER
