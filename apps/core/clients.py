"""Who the client is: the one answer the API's rate limits (apps/api/common/throttling.py) and the
login lockouts (django-axes, AXES_CLIENT_IP_CALLABLE) count by.

X-Forwarded-For is a list the client starts and each proxy extends: a proxy appends the address
it received the request from. With N trusted proxies in front of the application
(CLAIMTRACK_TRUSTED_PROXIES), only the rightmost N entries are the proxies' word; the Nth from the
right is the address the outermost one saw, the client. Anything further left the client wrote
itself, and is never read. With 0, the header is ignored and the peer (REMOTE_ADDR) is the client.
"""

import ipaddress
import re

from django.conf import settings
from django.http import HttpRequest

# A proxy may add the client's port: "203.0.113.7:51234", "[2001:db8::1]:443".
WITH_PORT = re.compile(r"\[(?P<bracketed>[^\]]+)\](?::[0-9]+)?|(?P<ipv4>[0-9.]+):[0-9]+")


def client_address(request: HttpRequest) -> str:
    """The client's IP address, as the outermost trusted proxy saw it (see the module's docstring).

    A header shorter than N did not come through all N proxies, and one whose rightmost N entries
    are not all IP addresses was not written by them as expected: in both cases no entry is known
    to be a proxy's word, and the peer (REMOTE_ADDR: the innermost proxy) stands for the client.
    That errs towards counting several clients as one, never towards letting a client choose
    whom it is counted as.
    """
    peer = request.META.get("REMOTE_ADDR", "")
    trusted = settings.CLAIMTRACK_TRUSTED_PROXIES
    header = request.META.get("HTTP_X_FORWARDED_FOR")
    if not trusted or not header:
        return peer
    entries = header.split(",")
    if len(entries) < trusted:
        return peer
    proxies_word = [ip_address(entry) for entry in entries[-trusted:]]
    if None in proxies_word:
        return peer
    return proxies_word[0]


def ip_address(text: str) -> str | None:
    """`text` as a canonical IP address ("2001:DB8::1" → "2001:db8::1"), without a port; None
    when it is not one. Scoped IPv6 addresses ("fe80::1%eth0") are refused: the database's
    address columns do not take them."""
    text = text.strip()
    if match := WITH_PORT.fullmatch(text):
        text = match["bracketed"] or match["ipv4"]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if getattr(address, "scope_id", None):
        return None
    return str(address)
