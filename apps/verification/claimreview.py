"""schema.org ClaimReview (https://schema.org/ClaimReview) for a statement with a published
verdict, the markup search engines and fact-check aggregators read. Built from a statement
loaded by `apps.claims.selectors.statement_list`, so it costs no further query."""

import datetime

from django.conf import settings
from django.urls import reverse

from apps.core.choices import DatePrecision
from apps.core.urls import url_domain
from apps.speakers.choices import SpeakerKind

ORGANISATION_KINDS = (SpeakerKind.ORGANISATION, SpeakerKind.GROUP)


def iso_date(value: datetime.date | None, precision: str) -> str | None:
    """ISO 8601 with only what is known: 2014-08-29, 2014-08 or 2014."""
    if value is None or precision == DatePrecision.UNKNOWN:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def iso_datetime(value: datetime.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(datetime.timezone.utc).isoformat().replace("+00:00", "Z")


def organisation_url(*, request=None) -> str:
    """The fact-checking organisation's home page: CLAIMTRACK_ORGANISATION_URL, or else the site
    that serves this request (its public home page), or else CLAIMTRACK_DESK_URL."""
    if settings.CLAIMTRACK_ORGANISATION_URL:
        return settings.CLAIMTRACK_ORGANISATION_URL
    if request is not None:
        return request.build_absolute_uri("/")
    return settings.CLAIMTRACK_DESK_URL


def organisation(*, request=None) -> dict:
    return {
        "@type": "Organization",
        "name": settings.CLAIMTRACK_ORGANISATION_NAME,
        "url": organisation_url(request=request),
    }


def organisation_site(*, request=None) -> str:
    return url_domain(organisation_url(request=request))


def claimreview_api_url(statement, *, request=None) -> str:
    url = reverse("api:statement-claimreview", args=[statement.pk])
    return request.build_absolute_uri(url) if request else url


def review_url(statement, *, request=None) -> str:
    """Where readers find the fact-check: CLAIMTRACK_REVIEW_URL_TEMPLATE filled in, or else its
    page on this site's public pages (apps/public), absolute when there is a request."""
    template = settings.CLAIMTRACK_REVIEW_URL_TEMPLATE
    if template:
        return template.format(id=statement.pk, slug=statement.slug)
    # By name: the public site sits above this app, which must not import it.
    url = reverse("public:fact-check", kwargs={"pk": statement.pk, "slug": statement.slug})
    return request.build_absolute_uri(url) if request else url


def _without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def claim_author(speaker) -> dict:
    """The speaker as a schema.org Person or Organization; unnamed speakers stay unnamed
    ("an unnamed Duma deputy") rather than being dropped."""
    return _without_empty(
        {
            "@type": "Organization" if speaker.kind in ORGANISATION_KINDS else "Person",
            "name": speaker.name,
            "description": speaker.description,
            "sameAs": speaker.wikidata_url,
        }
    )


def creative_work(source) -> dict:
    return _without_empty(
        {
            "@type": "CreativeWork",
            "url": source.url,
            "headline": source.title,
            "datePublished": iso_date(source.published_on, source.published_on_precision),
            "inLanguage": source.language,
            "publisher": {"@type": "Organization", "name": source.publisher.name} if source.publisher else None,
        }
    )


def claimreview(statement, *, request=None) -> dict:
    """The ClaimReview of `statement`. Raises ValueError when it has no published verdict."""
    verification = getattr(statement, "verification", None)
    if verification is None or not verification.has_public_verdict:
        raise ValueError(f"Statement {statement.pk} has no published verdict.")
    rating = verification.rating
    review_rating = {"@type": "Rating", "alternateName": rating.label, "ratingExplanation": verification.summary}
    if rating.value is not None:
        worst, best = rating.scale.value_range()
        review_rating.update(ratingValue=rating.value, bestRating=best, worstRating=worst)

    quotations = list(statement.quotations.all())
    first = next((quotation.source for quotation in quotations if quotation.is_first_appearance), None)
    appearances, seen = [], {first.pk} if first else set()
    for quotation in quotations:
        if quotation.source_id not in seen:
            seen.add(quotation.source_id)
            appearances.append(creative_work(quotation.source))

    claim = _without_empty(
        {
            "@type": "Claim",
            "author": claim_author(statement.speaker),
            "datePublished": iso_date(statement.said_on, statement.said_on_precision),
            "inLanguage": statement.language,
            "firstAppearance": creative_work(first) if first else None,
            "appearance": appearances,
        }
    )
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(statement, request=request),
        "claimReviewed": statement.text,
        "datePublished": iso_datetime(verification.published_at),
        "dateModified": iso_datetime(verification.review_modified_at),
        "inLanguage": settings.CLAIMTRACK_REVIEW_LANGUAGE,
        "author": organisation(request=request),
        "reviewRating": review_rating,
        "itemReviewed": claim,
    }


def _object(properties: dict, required: list[str]) -> dict:
    return {"type": "object", "properties": properties, "required": required}


_STRING = {"type": "string"}
_CREATIVE_WORK = _object(
    {
        "@type": {"const": "CreativeWork"},
        "url": {"type": "string", "format": "uri"},
        "headline": _STRING,
        "datePublished": {**_STRING, "description": "ISO 8601, as precise as known: 2022-01-07, 2022-01 or 2022."},
        "inLanguage": _STRING,
        "publisher": _object({"@type": {"const": "Organization"}, "name": _STRING}, ["@type", "name"]),
    },
    ["@type", "headline"],
)

# The OpenAPI description of `claimreview()`'s result (keys starting with @ rule out a serializer).
CLAIMREVIEW_SCHEMA = _object(
    {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "url": {"type": "string", "description": "Where readers find the fact-check."},
        "claimReviewed": _STRING,
        "datePublished": {"type": ["string", "null"], "format": "date-time"},
        "dateModified": {"type": "string", "format": "date-time"},
        "inLanguage": _STRING,
        "author": _object(
            {"@type": {"const": "Organization"}, "name": _STRING, "url": _STRING}, ["@type", "name", "url"]
        ),
        "reviewRating": _object(
            {
                "@type": {"const": "Rating"},
                "ratingValue": {"type": "integer", "minimum": 1},
                "bestRating": {"type": "integer", "minimum": 1},
                "worstRating": {"type": "integer", "minimum": 1},
                "alternateName": _STRING,
                "ratingExplanation": _STRING,
            },
            ["@type", "alternateName", "ratingExplanation"],
        ),
        "itemReviewed": _object(
            {
                "@type": {"const": "Claim"},
                "author": _object(
                    {
                        "@type": {"enum": ["Person", "Organization"]},
                        "name": _STRING,
                        "description": _STRING,
                        "sameAs": {"type": "string", "format": "uri"},
                    },
                    ["@type", "name"],
                ),
                "datePublished": _STRING,
                "inLanguage": _STRING,
                "firstAppearance": _CREATIVE_WORK,
                "appearance": {"type": "array", "items": _CREATIVE_WORK},
            },
            ["@type", "author"],
        ),
    },
    [
        "@context",
        "@type",
        "url",
        "claimReviewed",
        "datePublished",
        "dateModified",
        "author",
        "reviewRating",
        "itemReviewed",
    ],
)
