"""The CSV export of statements: one row per statement, columns in a fixed order (new columns
are only ever added at the end), verification columns empty unless the client may see them."""

from django.urls import reverse

STATEMENT_CSV_COLUMNS = [
    "id",
    "slug",
    "speaker_id",
    "speaker",
    "speaker_kind",
    "text",
    "said_on",
    "said_on_precision",
    "occasion",
    "language",
    "topics",
    "quotation_count",
    "sources",
    "status",
    "verdict",
    "verdict_value",
    "verdict_bucket",
    "attribution",
    "summary",
    "published_at",
    "api_url",
]


def statement_csv_row(statement, *, sees_work: bool, request) -> dict:
    """`statement` as loaded by `statement_list` (no further query)."""
    verification = getattr(statement, "verification", None)
    if not (verification is not None and verification.is_visible_to(sees_work=sees_work)):
        verification = None
    rating = verification.rating if verification else None
    quotations = list(statement.quotations.all())
    return {
        "id": statement.pk,
        "slug": statement.slug,
        "speaker_id": statement.speaker_id,
        "speaker": statement.speaker.name,
        "speaker_kind": statement.speaker.kind,
        "text": statement.text,
        "said_on": statement.said_on.isoformat() if statement.said_on else "",
        "said_on_precision": statement.said_on_precision,
        "occasion": statement.occasion,
        "language": statement.language,
        "topics": ";".join(topic.slug for topic in statement.topics.all()),
        "quotation_count": len(quotations),
        "sources": ";".join(dict.fromkeys(quotation.source.slug for quotation in quotations)),
        "status": verification.status if verification else "unchecked",
        "verdict": rating.label if rating else "",
        "verdict_value": rating.value if rating else "",
        "verdict_bucket": rating.bucket if rating else "",
        "attribution": verification.attribution if verification else "unconfirmed",
        "summary": verification.summary if verification else "",
        "published_at": verification.published_at.isoformat() if verification and verification.published_at else "",
        "api_url": request.build_absolute_uri(reverse("api:statement-detail", args=[statement.pk])),
    }
