"""sitemap.xml and robots.txt: where search engines find every public page, and what they leave
alone. The sitemap lists the home page, every published fact-check, every speaker and topic with
statements, each with its last change. Up to 50,000 addresses it is one file; beyond, it is a
sitemap index of pages of 50,000 (the limit of the sitemap protocol), each page two queries."""

from xml.sax.saxutils import escape

from django.contrib.sitemaps import Sitemap
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Exists, Max, OuterRef, Subquery
from django.http import Http404, HttpResponse
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


def path_maker(name: str):
    """A fast reverse() of a URL with an id and/or a slug: reversed once with stand-ins, then
    filled in (reverse() costs more than the rest of a sitemap's line, 50,000 times a page)."""
    pk, slug = "918273645", "stand-in-918273645"
    for kwargs in ({"pk": pk, "slug": slug}, {"slug": slug}, {"pk": pk}):
        try:
            template = reverse(name, kwargs=kwargs).replace(slug, "{slug}").replace(pk, "{pk}")
        except NoReverseMatch:
            continue
        return lambda pk=None, slug=None: template.format(pk=pk, slug=slug)
    raise NoReverseMatch(f"{name} takes neither an id nor a slug.")


class CountedOnce(Sitemap):
    """A section of the sitemap. Django's makes a new paginator (and counts the rows again) each
    time it is asked for one: one per section and request is enough."""

    limit = URLS_PER_FILE

    def page_rows(self, rows: list) -> list:
        """A page's rows with whatever their lastmod needs besides (a section may add a query)."""
        return rows

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

    def items(self):
        return (
            Statement.objects.filter(public_q("verification__", verdict=True))
            .order_by("pk")
            .values_list("pk", "slug", "verification__review_modified_at")
        )

    def location(self, row):
        return self.path(pk=row[0], slug=row[1])

    def lastmod(self, row):
        return row[2]

    @cached_property
    def path(self):
        return path_maker("public:fact-check")

    def get_latest_lastmod(self):
        return Verification.objects.filter(public_q(verdict=True)).aggregate(latest=Max("review_modified_at"))["latest"]


def _latest_verdict(statements) -> Subquery:
    """The latest change of a published verdict among `statements` (walking the index of
    dateModified, newest first, to the first that is theirs)."""
    return Subquery(
        statements.filter(public_q("verification__"))
        .order_by("-verification__review_modified_at")
        .values_list("verification__review_modified_at", flat=True)[:1]
    )


class SpeakerSitemap(CountedOnce):
    """Speakers with a published fact-check (a page without one holds no fact-check for a search
    engine to send readers to). Last change: the speaker's record, their latest statement, their
    latest verdict."""

    def items(self):
        checked = Statement.objects.filter(public_q("verification__", verdict=True), speaker=OuterRef("pk"))
        return Speaker.objects.filter(Exists(checked)).order_by("pk").values_list("pk", "slug", "updated_at")

    def page_rows(self, rows: list) -> list:
        """The page's rows with their statements' and verdicts' latest change: one grouped
        query over the page's range of ids (a subquery per speaker costs 50,000 index walks)."""
        if not rows:
            return rows
        latest = {
            speaker: (statements, verdicts)
            for speaker, statements, verdicts in Statement.objects.filter(
                speaker_id__gte=rows[0][0], speaker_id__lte=rows[-1][0]
            )
            .order_by()
            .values("speaker")
            .annotate(
                statements=Max("updated_at"),
                verdicts=Max("verification__review_modified_at", filter=public_q("verification__")),
            )
            .values_list("speaker", "statements", "verdicts")
        }
        return [(*row, *latest.get(row[0], (None, None))) for row in rows]

    def location(self, row):
        return self.path(pk=row[0], slug=row[1])

    def lastmod(self, row):
        return _latest(row[2:])

    @cached_property
    def path(self):
        return path_maker("public:speaker")

    def get_latest_lastmod(self):
        return _latest(
            [
                Speaker.objects.filter(statements__isnull=False).aggregate(latest=Max("updated_at"))["latest"],
                Statement.objects.aggregate(latest=Max("updated_at"))["latest"],
                Verification.objects.filter(public_q()).aggregate(latest=Max("review_modified_at"))["latest"],
            ]
        )


class TopicSitemap(CountedOnce):
    """Topics with a published fact-check (their page lists those only). Last change: the topic's
    record or its latest verdict (a topic's statements are thousands: finding the latest change
    among them would read them all)."""

    def items(self):
        statements = Statement.objects.filter(topics=OuterRef("pk")).order_by()
        return (
            Topic.objects.filter(Exists(statements.filter(public_q("verification__", verdict=True))))
            .annotate(verdicts_changed=_latest_verdict(statements))
            .order_by("pk")
            .values_list("pk", "slug", "updated_at", "verdicts_changed")
        )

    def location(self, row):
        return self.path(slug=row[1])

    def lastmod(self, row):
        return _latest(row[2:])

    @cached_property
    def path(self):
        return path_maker("public:topic")

    def get_latest_lastmod(self):
        return _latest(
            [
                Topic.objects.filter(statements__isnull=False).aggregate(latest=Max("updated_at"))["latest"],
                Verification.objects.filter(public_q()).aggregate(latest=Max("review_modified_at"))["latest"],
            ]
        )


SITEMAPS = {
    "pages": PagesSitemap,
    "fact-checks": FactCheckSitemap,
    "speakers": SpeakerSitemap,
    "topics": TopicSitemap,
}

XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _page_number(request) -> int:
    value = request.GET.get("p", "1")
    if not (value.isascii() and value.isdigit()) or len(value) > 9 or int(value) < 1:
        raise Http404(f"No sitemap page {value!r}: pages are numbered from 1.")
    return int(value)


def _xml_response(body: str) -> HttpResponse:
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def _urlset(request, sections, page: int) -> HttpResponse:
    """The addresses of page `page` of each of `sections`, with their last change (a day)."""
    base = request.build_absolute_uri("/")[:-1]
    lines = [XML_HEAD, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for section in sections:
        try:
            rows = section.page_rows(list(section.paginator.page(page).object_list))
        except InvalidPage:
            if len(sections) == 1 or page > 1:
                raise Http404(f"The sitemap has no page {page}.") from None
            continue
        for row in rows:
            lastmod = section.lastmod(row)
            day = f"<lastmod>{lastmod.date().isoformat()}</lastmod>" if lastmod else ""
            lines.append(f"<url><loc>{escape(base + section.location(row))}</loc>{day}</url>\n")
    lines.append("</urlset>\n")
    return _xml_response("".join(lines))


def _index(request, sections: dict) -> HttpResponse:
    """A sitemap index: every page of every section, with the section's last change."""
    lines = [XML_HEAD, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n']
    for name, section in sections.items():
        url = request.build_absolute_uri(reverse("public:sitemap-section", args=[name]))
        latest = section.get_latest_lastmod()
        lastmod = f"<lastmod>{latest.isoformat()}</lastmod>" if latest else ""
        for page in range(1, section.paginator.num_pages + 1):
            location = url if page == 1 else f"{url}?p={page}"
            lines.append(f"<sitemap><loc>{escape(location)}</loc>{lastmod}</sitemap>\n")
    lines.append("</sitemapindex>\n")
    return _xml_response("".join(lines))


def sitemap(request):
    """The sitemap: one file while the site has at most URLS_PER_FILE addresses, else an index of
    the sections' pages (sitemap_section)."""
    sections = {name: section() for name, section in SITEMAPS.items()}
    if sum(section.paginator.count for section in sections.values()) > URLS_PER_FILE:
        return _index(request, sections)
    return _urlset(request, list(sections.values()), _page_number(request))


def sitemap_section(request, section):
    """One section of the sitemap, a page (?p=) of URLS_PER_FILE addresses at a time; 404 for an
    unknown section or page."""
    if section not in SITEMAPS:
        raise Http404(f"The sitemap has no section {section!r}: {', '.join(SITEMAPS)}.")
    return _urlset(request, [SITEMAPS[section]()], _page_number(request))


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
