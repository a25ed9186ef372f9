"""`claims:search`, shaped like Google's Fact Check Tools API
(https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search):
published verdicts only, most recently reviewed first."""

import datetime
import re

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from apps.claims.selectors import statements_matching
from apps.core.choices import DatePrecision
from apps.verification.claimreview import iso_datetime, organisation_site, review_url
from apps.verification.querysets import public_q
from apps.verification.selectors import statement_list

# A search pages through its first 10,000 results (offset or page token), as search engines do:
# further pages cost the database more with every page, and a search this broad is narrowed
# (languageCode, maxAgeDays) rather than read to its end.
MAX_OFFSET = 10_000
# `o` and the offset; digits enough for any number a client may try, never one the database
# cannot take (the limit above is checked after).
PAGE_TOKEN_PATTERN = r"^o[0-9]{1,18}$"


def encode_page_token(offset: int) -> str:
    return f"o{offset}"


def decode_page_token(token: str) -> int:
    """The offset in a token made by `encode_page_token`; ValueError for anything else."""
    if not re.fullmatch(PAGE_TOKEN_PATTERN, token):
        raise ValueError(token)
    return int(token[1:])


def _claim_date(statement) -> str | None:
    """A timestamp, so only for a date known to the day: "August 2014" is not 1 August."""
    if statement.said_on is None or statement.said_on_precision != DatePrecision.DAY:
        return None
    midnight = datetime.datetime.combine(statement.said_on, datetime.time(), tzinfo=datetime.timezone.utc)
    return iso_datetime(midnight)


def _language_q(code: str) -> Q:
    """`en-US` and `en` both match claims in `en`, `en-US` or `en-GB`: the primary language
    decides, as a reader of English reads all of them."""
    primary = code.strip().split("-")[0].split("_")[0]
    return Q(language__iexact=primary) | Q(language__istartswith=f"{primary}-")


def _claim(statement, *, request) -> dict:
    verification = statement.verification
    claim = {"text": statement.text, "claimant": statement.speaker.name}
    claim_date = _claim_date(statement)
    if claim_date:
        claim["claimDate"] = claim_date
    review = {
        "publisher": {"name": settings.CLAIMTRACK_ORGANISATION_NAME, "site": organisation_site(request=request)},
        "url": review_url(statement, request=request),
        "title": verification.summary,
        "reviewDate": iso_datetime(verification.published_at),
        "textualRating": verification.rating.label,
        "languageCode": settings.CLAIMTRACK_REVIEW_LANGUAGE,
    }
    claim["claimReview"] = [{key: value for key, value in review.items() if value is not None}]
    return claim


def claims_search(
    *,
    request,
    query: str = "",
    languageCode: str = "",
    reviewPublisherSiteFilter: str = "",
    maxAgeDays: int | None = None,
    pageSize: int = 10,
    offset: int = 0,
) -> dict:
    statements = statement_list(user=None).filter(public_q("verification__", verdict=True))
    site = reviewPublisherSiteFilter.strip().lower().removeprefix("www.")
    if site and site != organisation_site(request=request):
        statements = statements.none()  # every review here is ours
    if query:
        statements = statements_matching(statements, query)
    if languageCode:
        statements = statements.filter(_language_q(languageCode))
    if maxAgeDays:
        statements = statements.filter(
            verification__published_at__gte=timezone.now() - datetime.timedelta(days=maxAgeDays)
        )
    page = list(statements.order_by("-verification__published_at", "-pk")[offset : offset + pageSize + 1])
    answer = {"claims": [_claim(statement, request=request) for statement in page[:pageSize]]}
    if len(page) > pageSize and offset + pageSize <= MAX_OFFSET:
        answer["nextPageToken"] = encode_page_token(offset + pageSize)
    return answer
