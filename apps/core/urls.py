"""Canonical URLs, so that the same article is recognised however its link was pasted."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track where a click came from; they never change the document.
TRACKING_PARAMETERS = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga"}
DEFAULT_PORTS = {"http": "80", "https": "443"}


def normalise_url(url: str) -> str:
    """Lower-case the scheme and host, drop default ports, fragments and tracking parameters,
    and give an empty path a slash. Returns '' for an empty value."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    if port is not None and str(port) != DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith("utm_") and key.lower() not in TRACKING_PARAMETERS
        ]
    )
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def url_domain(url: str) -> str:
    """The host of a URL without a leading 'www.'."""
    host = (urlsplit((url or "").strip()).hostname or "").lower()
    return host.removeprefix("www.")
