"""Factories for tests: each makes a valid, saved object (validated with full_clean), with
keyword arguments to override any field. One place for every app's tests."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from apps.claims.models import Quotation, Statement, Topic
from apps.sources.models import Correction, Publisher, Source
from apps.speakers.models import Speaker
from apps.verification.choices import VerificationStatus
from apps.verification.models import Evidence, Rating, Verification

_sequence = itertools.count(1)


def _saved(obj):
    obj.full_clean()
    obj.save()
    return obj


def make_publisher(**fields) -> Publisher:
    n = next(_sequence)
    fields.setdefault("name", f"Publisher {n}")
    fields.setdefault("slug", f"publisher-{n}")
    return _saved(Publisher(**fields))


def make_speaker(**fields) -> Speaker:
    n = next(_sequence)
    fields.setdefault("name", f"Speaker {n}")
    fields.setdefault("slug", f"speaker-{n}")
    return _saved(Speaker(**fields))


def make_source(*, authors=(), **fields) -> Source:
    n = next(_sequence)
    fields.setdefault("title", f"Source {n}")
    fields.setdefault("slug", f"source-{n}")
    source = _saved(Source(**fields))
    source.authors.set(authors)
    return source


def make_topic(**fields) -> Topic:
    n = next(_sequence)
    fields.setdefault("name", f"Topic {n}")
    fields.setdefault("slug", f"topic-{n}")
    return _saved(Topic(**fields))


def make_statement(*, topics=(), **fields) -> Statement:
    n = next(_sequence)
    if "speaker" not in fields:
        fields["speaker"] = make_speaker()
    fields.setdefault("text", f"Statement number {n} about the border.")
    fields.setdefault("slug", f"statement-{n}")
    statement = _saved(Statement(**fields))
    statement.topics.set(topics)
    return statement


def make_quotation(**fields) -> Quotation:
    if "statement" not in fields:
        fields["statement"] = make_statement()
    if "source" not in fields:
        fields["source"] = make_source()
    fields.setdefault("text", "never had a state")
    fields.setdefault("context", f"He said they “{fields['text']}” of their own.")
    return _saved(Quotation(**fields))


def make_correction(**fields) -> Correction:
    if "source" not in fields:
        fields["source"] = make_source()
    fields.setdefault("text", "An earlier version of this article misstated a figure.")
    return _saved(Correction(**fields))


def default_rating(slug: str = "false") -> Rating:
    return Rating.objects.get(scale__slug="claimtrack-five-step", slug=slug)


def make_verification(**fields) -> Verification:
    if "statement" not in fields:
        fields["statement"] = make_statement()
    if fields.get("status") == VerificationStatus.PUBLISHED:
        # What verification_publish stamps: the ClaimReview's dateModified.
        fields.setdefault("review_modified_at", timezone.now())
    return _saved(Verification(**fields))


def make_evidence(**fields) -> Evidence:
    if "verification" not in fields:
        fields["verification"] = make_verification()
    fields.setdefault("url", "https://example.org/evidence")
    fields.setdefault("note", "Shows the opposite.")
    return _saved(Evidence(**fields))


def make_user(username: str, *, group: str | None = None, **fields):
    user = get_user_model().objects.create_user(
        username=username, password="pw-for-tests-only", is_staff=True, **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user
