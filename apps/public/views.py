"""The public site's pages: server-rendered HTML for readers, readable without any script.

Only published verdicts are shown (apps/public/selectors.py). Lists are paged by reading one row
more than a page shows: no count of a large table, and the same queries for every page."""

import dataclasses
import json

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe

from apps.claims.models import Topic
from apps.speakers.models import Speaker
from apps.verification.choices import AttributionStatus
from apps.verification.claimreview import claimreview, review_url
from apps.verification.history import published_history

from . import selectors

PAGE_SIZE = 20
# How deep a list may be paged: each page reads past every row before it (page 50 of the
# latest fact-checks at a million statements: about 0.1 s of PostgreSQL's time, page 500 a
# second). The latest 1,000 are a reader's; beyond them the speakers, topics, search and the API
# (with its cursors) serve better.
MAX_PAGES = 50
# What each attribution status tells a reader, beside its label.
ATTRIBUTION_MEANINGS = {
    AttributionStatus.UNCONFIRMED: "We have not yet confirmed these words from a recording or a transcript.",
    AttributionStatus.CONFIRMED: "We confirmed the words from a recording, a transcript or the speaker's own text.",
    AttributionStatus.PARAPHRASE: "The speaker said this in other words; the sources below give their wording.",
    AttributionStatus.DISPUTED: "Whether the speaker said this is disputed.",
    AttributionStatus.MISATTRIBUTED: "The speaker did not say this: the words are attributed to them wrongly.",
}
# The longest search a reader may type (the API's search refuses far longer ones anyway).
SEARCH_MAX_LENGTH = 200


class ListPage:
    """One page of a list: its rows, and whether there are newer (previous) or older (next) ones."""

    def __init__(self, queryset, request, *, size: int = PAGE_SIZE):
        raw = request.GET.get("page", "1")
        try:
            self.number = int(raw)
        except (TypeError, ValueError):
            raise Http404("No such page: pages are numbered from 1.") from None
        if not 1 <= self.number <= MAX_PAGES:
            raise Http404(f"No such page: pages are numbered from 1 to {MAX_PAGES}.")
        start = (self.number - 1) * size
        rows = list(queryset[start : start + size + 1])
        if not rows and self.number > 1:
            raise Http404("No such page: the list is shorter.")
        self.rows = rows[:size]
        self.has_next = len(rows) > size and self.number < MAX_PAGES
        self.has_previous = self.number > 1
        query = request.GET.copy()
        query.pop("page", None)
        self._query = query

    def _url(self, number: int) -> str:
        query = self._query.copy()
        if number > 1:
            query["page"] = str(number)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "."

    @property
    def next_url(self) -> str:
        return self._url(self.number + 1)

    @property
    def previous_url(self) -> str:
        return self._url(self.number - 1)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)


def home(request):
    page = ListPage(selectors.fact_check_list(), request)
    context = {"page": page}
    if page.number == 1:
        context.update(speakers=selectors.recently_checked_speakers(), topics=selectors.topics_with_fact_checks())
    return render(request, "public/home.html", context)


def fact_check(request, pk: int, slug: str):
    statement = selectors.fact_check_detail(pk)
    if statement is None:
        raise Http404("No published fact-check has this address.")
    if statement.slug != slug:
        return redirect("public:fact-check", pk=statement.pk, slug=statement.slug, permanent=True)
    verification = statement.verification
    publications = _dated(published_history(statement), verification)
    url = review_url(statement, request=request)
    data = claimreview(statement, request=request)
    # A stable identifier of the claim itself, for whoever links several reviews of it.
    data["itemReviewed"] = {"@id": f"{url}#claim", **data["itemReviewed"]}
    return render(
        request,
        "public/fact_check.html",
        {
            "statement": statement,
            "verification": verification,
            "rating": verification.rating,
            "attribution_meaning": ATTRIBUTION_MEANINGS.get(verification.attribution, ""),
            "scale_ratings": list(verification.rating.scale.ratings.all()),
            "quotations": list(statement.quotations.all()),
            "evidence": list(verification.evidence.all()),
            "corrections": _corrections(publications),
            "publications": publications,
            "canonical_url": url,
            "json_ld": _json_for_script(data),
        },
    )


def _dated(publications, verification) -> list:
    """The first publication dated as the verification says (`published_at`, which an import or
    the seed data sets), rather than when its history record was written."""
    if publications and publications[-1].event == "published" and verification.published_at:
        publications[-1] = dataclasses.replace(publications[-1], date=verification.published_at)
    return publications


def _corrections(publications) -> list[dict]:
    """Each republication after a reopening, oldest first: when, why, and the verdict before and
    after (the same when only the summary, explanation or evidence changed)."""
    ordered = publications[::-1]
    corrections = []
    for index, publication in enumerate(ordered):
        if publication.event != "republished":
            continue
        reopened = next((p for p in reversed(ordered[:index]) if p.event == "reopened"), None)
        before = next((p for p in reversed(ordered[:index]) if p.event != "reopened"), None)
        corrections.append(
            {
                "date": publication.date,
                "reason": reopened.reason if reopened else "",
                "before": before.rating if before else None,
                "after": publication.rating,
            }
        )
    return corrections


def _json_for_script(data) -> str:
    """JSON for a <script type="application/ld+json"> element: <, > and & escaped (as Django's
    json_script does), so that no text in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 (escaped above)


def speaker(request, pk: int, slug: str):
    speaker = get_object_or_404(Speaker.objects.select_related("affiliation"), pk=pk)
    if speaker.slug != slug:
        return redirect("public:speaker", pk=speaker.pk, slug=speaker.slug, permanent=True)
    page = ListPage(selectors.speaker_fact_checks(speaker), request)
    return render(
        request,
        "public/speaker.html",
        {"speaker": speaker, "scorecard": selectors.speaker_scorecard(speaker), "page": page},
    )


def topic_index(request):
    return render(request, "public/topics.html", {"topics": selectors.topics_with_fact_checks()})


def topic(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    page = ListPage(selectors.topic_fact_checks(topic), request)
    return render(request, "public/topic.html", {"topic": topic, "page": page})


def search(request):
    query = " ".join(request.GET.get("q", "").split())
    error = ""
    page = None
    if len(query) > SEARCH_MAX_LENGTH:
        error = f"That search is {len(query)} characters long; shorten it to at most {SEARCH_MAX_LENGTH}."
    elif query:
        page = ListPage(selectors.search_fact_checks(query), request)
    return render(
        request,
        "public/search.html",
        {"query": query, "page": page, "error": error, "max_length": SEARCH_MAX_LENGTH},
        status=400 if error else 200,
    )
