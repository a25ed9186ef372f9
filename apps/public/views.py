"""The public site's pages: server-rendered HTML for readers, with no script."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from apps.claims.models import Statement, Topic
from apps.speakers.models import Speaker

from . import selectors


def home(request):
    return render(request, "public/home.html", {"fact_checks": selectors.published_fact_checks()[:20]})


def fact_check(request, pk: int, slug: str):
    statement = get_object_or_404(selectors.published_fact_checks(), pk=pk)
    if statement.slug != slug:
        return redirect("public:fact-check", pk=statement.pk, slug=statement.slug, permanent=True)
    return render(request, "public/fact_check.html", {"statement": statement})


def speaker(request, pk: int, slug: str):
    speaker = get_object_or_404(Speaker, pk=pk)
    if speaker.slug != slug:
        return redirect("public:speaker", pk=speaker.pk, slug=speaker.slug, permanent=True)
    return render(request, "public/speaker.html", {"speaker": speaker})


def topic_index(request):
    return render(request, "public/topics.html", {"topics": Topic.objects.all()})


def topic(request, slug: str):
    topic = get_object_or_404(Topic, slug=slug)
    return render(request, "public/topic.html", {"topic": topic})


def search(request):
    if not isinstance(request.GET.get("q", ""), str):
        raise Http404
    return render(
        request, "public/search.html", {"query": request.GET.get("q", ""), "statements": Statement.objects.none()}
    )
