"""sitemap.xml and robots.txt: where search engines find every public page, and what they leave
alone. The sitemap lists the home page, every published fact-check, every speaker and topic with
statements, each with its last change. Up to 50,000 addresses it is one file; beyond, it is a
sitemap index of pages of 50,000 (the limit of the sitemap protocol), each page two queries."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property

from apps.claims.models import Statement, Topic
from apps.speakers.models import Speaker
from apps.verification.models import Verification
from apps.verification.querysets import public_q

from .caching import as_datetime, public_stamp, stamp_time

# The sitemap protocol's most addresses per file.
URLS_PER_FILE = 50_000


def _latest(values):
    values = [value for value in values if value is not None]
    return max(values) if values else None


class CountedOnce(Sitemap):
    """Django's sitemap makes a new paginator (and counts the rows again) each time it is asked
    for one: one per section and request is enough."""

    @cached_property
    def paginator(self):
        return Paginator(self._items(), self.limit)


class PagesSitemap(CountedOnce):
    """The pages that are not about one record: the home page."""

    def items(self):
        return ["public:home"]

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return as_datetime(stamp_time(public_stamp()))

    def get_latest_lastmod(self):
        return self.lastmod("public:home")


class FactCheckSitemap(CountedOnce):
    """Every statement with a published verdict; its last change is its ClaimReview's."""

    limit = URLS_PER_FILE

    def items(self):
        return (
            Statement.objects.filter(public_q("verification__", verdict=True))
            .select_related("verification")
            .only("pk", "slug", "verification__review_modified_at")
            .order_by("pk")
        )

    def location(self, statement):
        return reverse("public:fact-check", args=[statement.pk, statement.slug])

    def lastmod(self, statement):
        return statement.verification.review_modified_at

    def get_latest_lastmod(self):
        return Verification.objects.filter(public_q(verdict=True)).aggregate(latest=Max("review_modified_at"))["latest"]


def _with_latest_change(queryset, statements_of):
    """Annotate speakers or topics with their statements' latest change and their published
    verdicts' latest change (`statements_of(OuterRef)` picks a row's statements)."""
    statements = statements_of(OuterRef("pk")).order_by()
    return queryset.annotate(
        statements_changed=Subquery(
            statements.values_list("updated_at", flat=True).order_by("-updated_at")[:1],
        ),
        verdicts_changed=Subquery(
            statements.filter(public_q("verification__"))
            .values_list("verification__review_modified_at", flat=True)
            .order_by("-verification__review_modified_at")[:1],
        ),
    )


class SpeakerSitemap(CountedOnce):
    """Speakers with statements on file: their page lists them and their published verdicts."""

    limit = URLS_PER_FILE

    def items(self):
        queryset = Speaker.objects.filter(Exists(Statement.objects.filter(speaker=OuterRef("pk")))).only(
            "pk", "slug", "updated_at"
        )
        return _with_latest_change(queryset, lambda pk: Statement.objects.filter(speaker=pk)).order_by("pk")

    def location(self, speaker):
        return reverse("public:speaker", args=[speaker.pk, speaker.slug])

    def lastmod(self, speaker):
        return _latest([speaker.updated_at, speaker.statements_changed, speaker.verdicts_changed])

    def get_latest_lastmod(self):
        return _latest(
            [
                Speaker.objects.filter(statements__isnull=False).aggregate(latest=Max("updated_at"))["latest"],
                *_statement_changes(Q()),
            ]
        )


class TopicSitemap(CountedOnce):
    """Topics with statements on file."""

    limit = URLS_PER_FILE

    def items(self):
        queryset = Topic.objects.filter(Exists(Statement.topics.through.objects.filter(topic=OuterRef("pk")))).only(
            "pk", "slug", "updated_at"
        )
        return _with_latest_change(queryset, lambda pk: Statement.objects.filter(topics=pk)).order_by("pk")

    def location(self, topic):
        return reverse("public:topic", args=[topic.slug])

    def lastmod(self, topic):
        return _latest([topic.updated_at, topic.statements_changed, topic.verdicts_changed])

    def get_latest_lastmod(self):
        return _latest(
            [
                Topic.objects.filter(statements__isnull=False).aggregate(latest=Max("updated_at"))["latest"],
                *_statement_changes(Q(topics__isnull=False)),
            ]
        )


def _statement_changes(which: Q) -> list:
    statements = Statement.objects.filter(which)
    return [
        statements.aggregate(latest=Max("updated_at"))["latest"],
        statements.filter(public_q("verification__")).aggregate(latest=Max("verification__review_modified_at"))[
            "latest"
        ],
    ]


SITEMAPS = {
    "pages": PagesSitemap,
    "fact-checks": FactCheckSitemap,
    "speakers": SpeakerSitemap,
    "topics": TopicSitemap,
}


def sitemap(request):
    """The sitemap: one file while the site has at most URLS_PER_FILE addresses, else an index of
    the sections' pages (sitemap_section)."""
    sections = {name: section() for name, section in SITEMAPS.items()}
    if sum(section.paginator.count for section in sections.values()) > URLS_PER_FILE:
        return sitemap_views.index(request, sitemaps=sections, sitemap_url_name="public:sitemap-section")
    return sitemap_views.sitemap(request, sitemaps=sections)


def sitemap_section(request, section):
    """One section of the sitemap, a page (?p=) of URLS_PER_FILE addresses at a time; 404 for an
    unknown section or page."""
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section)


def robots(request):
    """robots.txt: public pages open to crawlers; the desk, logins, intake, the API's endless
    filtered lists and the site's searches closed; where the sitemap is."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api-auth/", "Disallow: /api/v1/intake/"]
    # Every filter and search of the API is another URL for the same records.
    lines.append("Disallow: /api/v1/*?")
    try:
        lines.append(f"Disallow: {reverse('public:search')}")
    except NoReverseMatch:
        pass
    lines += ["Allow: /", "", f"Sitemap: {request.build_absolute_uri(reverse('public:sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
