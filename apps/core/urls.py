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


# Host prefixes under which a site serves the same page to phones or as AMP: m.example.org and
# amp.example.org are example.org's pages. Only these few are dropped; another subdomain
# (news.example.org, en.example.org) can be another site.
SAME_SITE_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
# Query parameters that ask for the AMP rendering of the same page.
AMP_PARAMETERS = {("amp", None), ("outputtype", "amp"), ("output", "amp")}


def url_identity(url: str) -> str:
    """The key under which two links to the same page are equal, for finding duplicates: the
    host without www., m., mobile. or amp. and without its scheme (http and https) or default
    port; the path without a trailing slash or an /amp ending; the query without tracking or AMP
    parameters, sorted; no fragment. 'dw.com/en/…/a-70981234' for http://www.dw.com/en/…/a-70981234/
    and https://m.dw.com/en/…/a-70981234?utm_source=x#top alike. Returns '' for an empty value.

    The URL as entered is what a person reads; this key is only compared."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"//{url}")
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    while host.count(".") >= 2 and host.startswith(SAME_SITE_HOST_PREFIXES):
        host = host.split(".", 1)[1]
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and str(port) not in DEFAULT_PORTS.values():
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    while path.lower().endswith("/amp"):
        path = path[: -len("/amp")].rstrip("/")
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not key.lower().startswith("utm_")
        and key.lower() not in TRACKING_PARAMETERS
        and (key.lower(), None) not in AMP_PARAMETERS
        and (key.lower(), value.lower()) not in AMP_PARAMETERS
    )
    key = f"{host}{path}"
    if query:
        key += "?" + urlencode(query)
    # Schemes other than the web's (ftp:, a file share) stay part of the key.
    return key if scheme in ("", "http", "https") else f"{scheme}://{key}"
