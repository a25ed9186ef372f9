"""Deploy checks of the public site (`manage.py check --deploy`, which `make serve` runs)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


@checks.register(checks.Tags.urls, deploy=True)
def site_address_is_public(app_configs=None, **kwargs):
    """The downloads of every fact-check, the desk's e-mails and the API's ClaimReview are built
    outside any request, with CLAIMTRACK_DESK_URL as the site's address: left at its local
    default, a production site would publish links to a reader's own machine."""
    url = settings.CLAIMTRACK_DESK_URL or ""
    host = (urlsplit(url).hostname or "").lower()
    if host and host not in LOCAL_HOSTS and not host.endswith(".localhost"):
        return []
    return [
        checks.Warning(
            f"CLAIMTRACK_DESK_URL is {url!r}, which is not this site's public address: the downloads of all "
            "fact-checks, the desk's e-mails and the API's ClaimReview would link there.",
            hint="Set CLAIMTRACK_DESK_URL to the address readers reach this site at, e.g. https://claims.example.org/ "
            "(.env.example).",
            id="claimtrack.W001",
        )
    ]
