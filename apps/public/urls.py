"""The public site's addresses, mounted at the site's root (see claimtrack/urls.py)."""

app_name = "public"

urlpatterns: list = []

# --- For machines (feeds, sitemap, robots.txt, the bulk downloads): apps/public/feeds.py,
# sitemaps.py, dump.py; each answers conditional GETs and says how long caches may keep it.
from django.urls import path  # noqa: E402

from . import dump, feeds, sitemaps  # noqa: E402
from .caching import public_cache  # noqa: E402

urlpatterns += [
    path("feeds/fact-checks.atom", public_cache(feeds.FactCheckFeed()), name="feed"),
    path("feeds/speakers/<int:pk>.atom", public_cache(feeds.SpeakerFeed()), name="speaker-feed"),
    path("feeds/topics/<slug:slug>.atom", public_cache(feeds.TopicFeed()), name="topic-feed"),
    path("sitemap.xml", public_cache(sitemaps.sitemap), name="sitemap"),
    path("sitemap-<slug:section>.xml", public_cache(sitemaps.sitemap_section), name="sitemap-section"),
    path("robots.txt", public_cache(sitemaps.robots), name="robots"),
    path(
        "downloads/fact-checks.jsonld",
        public_cache(dump.download, version=dump.dump_version),
        {"kind": "json"},
        name="datafeed-json",
    ),
    path(
        "downloads/fact-checks.csv",
        public_cache(dump.download, version=dump.dump_version),
        {"kind": "csv"},
        name="datafeed-csv",
    ),
]
