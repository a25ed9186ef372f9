"""The public site's addresses, mounted at the site's root (see claimtrack/urls.py).

A fact-check's and a speaker's address carry the record's id (what finds it) and its slug
(what a reader sees in a link); an old or mistyped slug redirects to the current one."""

from django.urls import path

from . import views

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("fact-checks/<int:pk>-<slug:slug>/", views.fact_check, name="fact-check"),
    path("speakers/<int:pk>-<slug:slug>/", views.speaker, name="speaker"),
    # A slug in other letters (an address retyped from a page in another script), or none at
    # all: found by the id, and redirected to the address with the current slug.
    path("fact-checks/<int:pk>-<str:slug>/", views.fact_check, name="fact-check-any-slug"),
    path("fact-checks/<int:pk>/", views.fact_check, {"slug": ""}, name="fact-check-no-slug"),
    path("speakers/<int:pk>-<str:slug>/", views.speaker, name="speaker-any-slug"),
    path("speakers/<int:pk>/", views.speaker, {"slug": ""}, name="speaker-no-slug"),
    path("topics/", views.topic_index, name="topics"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("search/", views.search, name="search"),
]

# --- For machines (feeds, sitemap, robots.txt, the bulk downloads): apps/public/feeds.py,
# sitemaps.py, dump.py; each answers conditional GETs and says how long caches may keep it.
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

# Every page for readers answers conditional GETs too (apps/public/caching.py): wrapped here, by
# name, so that the views stay plain.
CACHED_PAGES = (
    *("home", "fact-check", "speaker", "topics", "topic", "search"),
    *("fact-check-any-slug", "fact-check-no-slug", "speaker-any-slug", "speaker-no-slug"),
)
for _pattern in urlpatterns:
    if _pattern.name in CACHED_PAGES:
        _pattern.callback = public_cache(_pattern.callback)
