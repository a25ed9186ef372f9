"""How many requests a client may make: anonymous clients per address, signed-in clients
(token or session) per user, each at a rate from the settings (CLAIMTRACK_API_RATE_ANONYMOUS,
CLAIMTRACK_API_RATE_USER: "120/minute"; None: no limit). Beyond it, 429 with `Retry-After`
(seconds) and a JSON error. The counts live in the default cache, shared by every worker in
production (the database cache, `make serve` creates its table)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonymousClientThrottle(AnonRateThrottle):
    def get_rate(self):
        return settings.CLAIMTRACK_API_RATE_ANONYMOUS


class SignedInClientThrottle(UserRateThrottle):
    def get_rate(self):
        return settings.CLAIMTRACK_API_RATE_USER
