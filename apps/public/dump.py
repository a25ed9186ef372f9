"""The bulk download of every published fact-check: a schema.org DataFeed of ClaimReviews
(JSON-LD, built by apps.verification.claimreview.claimreview, so the same data as the pages and
the API) and a CSV of one row per fact-check.

Written to files, never built per request: at a million statements the dump takes minutes and
hundreds of megabytes, which no request may cost. Rows are read in chunks and written as they
come (never all in memory), to temporary files in CLAIMTRACK_PUBLIC_DUMP_DIR that replace the
served ones only once complete (an atomic rename): a reader gets the previous dump or the new
one, never half of one.

When they are written: after a publication, reopening or anything else a published ClaimReview
shows is committed (`connect()`; CLAIMTRACK_PUBLIC_DUMP_REFRESH says how: in a background
thread, at once, or not), and by `manage.py export_fact_checks`. A regeneration that fails
(disk full, the database gone) is logged and leaves the previous dump in place; the publication
it followed is committed already and stays. The dump records what it was built from (its
fingerprint: how many verdicts are published, the latest change among them), so the next change,
the next request for the dump, or the command (`--if-changed`, from cron) sees that it is behind
and writes it again."""

import csv
import datetime
import hashlib
import json
import logging
import os
import tempfile
import threading
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.db import connection as default_connection
from django.db import transaction
from django.db.models import Count, Max, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.signals import post_delete, post_save
from django.http import FileResponse, HttpResponse
from django.urls import reverse
from django.utils import timezone

from apps.claims.models import Quotation, Statement
from apps.sources.models import Publisher, Source
from apps.speakers.models import Speaker
from apps.verification.choices import VerificationStatus
from apps.verification.claimreview import claimreview, iso_date, iso_datetime, organisation
from apps.verification.models import Rating, RatingScale, Verification
from apps.verification.querysets import public_q

from .caching import once_after_commit
from .sitemaps import path_maker

logger = logging.getLogger(__name__)

JSON_NAME = "fact-checks.jsonld"
CSV_NAME = "fact-checks.csv"
META_NAME = "fact-checks.meta.json"
LOCK_NAME = ".fact-checks.lock"
# Rows read per query (and their quotations, topics and ratings per prefetch query).
CHUNK_SIZE = 1000
# Bump when the files' layout changes: a dump in the old layout is then out of date.
FORMAT_VERSION = 1

CSV_COLUMNS = [
    "url",
    "claimreview_url",
    "statement_id",
    "claim",
    "speaker",
    "speaker_wikidata",
    "said_on",
    "language",
    "verdict_label",
    "verdict_value",
    "verdict_worst",
    "verdict_best",
    "verdict_bucket",
    "summary",
    "published_at",
    "modified_at",
    "corrected",
    "reopened_at",
    "first_appearance_url",
    "first_appearance_title",
    "first_appearance_publisher",
    "first_appearance_date",
]


# --- What is dumped -------------------------------------------------------------------------------


def fact_checks_for_machines():
    """Statements with a published verdict, with what claimreview() reads (as
    apps.verification.selectors.statement_list loads it; tests compare the two) and
    `reopened_at`: when the verdict was last reopened after its first publication (None if
    never), i.e. when the published verdict was corrected. Oldest first, a stable order. The
    scale of each verdict comes from `with_scales`, and the quotations from `in_chunks`."""
    return (
        Statement.objects.filter(public_q("verification__", verdict=True))
        .select_related("speaker", "verification__rating")
        .annotate(reopened_at=reopened_at())
        .order_by("pk")
    )


def in_chunks(queryset, size: int | None = None):
    """The statements of `queryset` (ordered by id), CHUNK_SIZE at a time (keyset pages, each
    an index range), with their quotations, sources and publishers, and each verdict's scale
    with its ratings loaded once for all: memory stays flat however many there are."""
    size = size or CHUNK_SIZE
    scales = {scale.pk: scale for scale in RatingScale.objects.prefetch_related("ratings")}
    quotations = Quotation.objects.select_related("source__publisher").order_by(*Quotation.STATEMENT_ORDER)
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:size])
        if not chunk:
            return
        prefetch_related_objects(chunk, Prefetch("quotations", queryset=quotations))
        for statement in chunk:
            rating = statement.verification.rating
            rating.scale = scales[rating.scale_id]
        yield from chunk
        last = chunk[-1].pk


def reopened_at() -> Subquery:
    """For a statement: when its verdict was last reopened after its first publication (the
    history of a published verdict goes back to "in progress" only by reopening), or None."""
    history = Verification.history.model
    return Subquery(
        history.objects.filter(
            id=OuterRef("verification__pk"),
            status=VerificationStatus.IN_PROGRESS,
            history_date__gt=OuterRef("verification__published_at"),
        )
        .order_by("-history_date")
        .values("history_date")[:1]
    )


def dump_fingerprint() -> str:
    """What the dump shows, summed up cheaply (two aggregate queries): every publication,
    reopening and change of a published ClaimReview moves the count of published verdicts or the
    latest dateModified among them (a reopening lowers the count; anything else that changes a
    ClaimReview moves its dateModified, apps.verification.services.claimreviews_refresh); a
    rating's bucket, shown in the CSV only, moves the ratings' latest change."""
    verdicts = Verification.objects.filter(public_q(verdict=True)).aggregate(
        count=Count("pk"), latest=Max("review_modified_at")
    )
    ratings = Rating.objects.aggregate(latest=Max("updated_at"))["latest"]
    basis = [
        FORMAT_VERSION,
        verdicts["count"],
        iso_datetime(verdicts["latest"]),
        iso_datetime(ratings),
        site_url(),
        settings.CLAIMTRACK_ORGANISATION_NAME,
        settings.CLAIMTRACK_ORGANISATION_URL,
        settings.CLAIMTRACK_REVIEW_URL_TEMPLATE,
        settings.CLAIMTRACK_REVIEW_LANGUAGE,
    ]
    return hashlib.sha256(json.dumps(basis).encode()).hexdigest()[:32]


def site_url() -> str:
    """This site's address, for the absolute links of a file built outside any request."""
    return settings.CLAIMTRACK_DESK_URL


def absolute(url: str) -> str:
    return urljoin(site_url(), url)


def fact_check_url(statement, *, path=None) -> str:
    path = path or path_maker("public:fact-check")
    return absolute(path(pk=statement.pk, slug=statement.slug))


def dump_item(statement) -> dict:
    """One ClaimReview of the DataFeed: claimreview(), its URL made absolute, its @context
    given once at the top of the feed."""
    review = claimreview(statement)
    review.pop("@context")
    review["url"] = absolute(review["url"])
    return review


def csv_row(statement, review: dict, *, path=None) -> list:
    verification = statement.verification
    rating = verification.rating
    first = next((q.source for q in statement.quotations.all() if q.is_first_appearance), None)
    rating_data = review["reviewRating"]
    return [
        fact_check_url(statement, path=path),
        review["url"],
        statement.pk,
        statement.text,
        statement.speaker.name,
        statement.speaker.wikidata_url or "",
        iso_date(statement.said_on, statement.said_on_precision) or "",
        statement.language,
        rating.label,
        rating.value if rating.value is not None else "",
        rating_data.get("worstRating", ""),
        rating_data.get("bestRating", ""),
        rating.bucket,
        verification.summary,
        iso_datetime(verification.published_at) or "",
        iso_datetime(verification.review_modified_at) or "",
        "yes" if statement.reopened_at else "no",
        iso_datetime(statement.reopened_at) or "",
        first.url if first else "",
        first.title if first else "",
        first.publisher.name if first and first.publisher else "",
        iso_date(first.published_on, first.published_on_precision) or "" if first else "",
    ]


# Spreadsheets run a cell that starts with these as a formula ("=HYPERLINK(…)" in a claim): such a
# cell gets a leading apostrophe, which spreadsheets hide. A minus followed by a digit ("-5% in
# a year") is left alone: it is a number, not a formula.
FORMULA_STARTS = ("=", "+", "@", "\t", "\r", "-")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        if not (value.startswith("-") and value[1:2].isdigit()):
            return "'" + value
    return value


# --- Writing ------------------------------------------------------------------------------------


def dump_directory() -> Path:
    return Path(settings.CLAIMTRACK_PUBLIC_DUMP_DIR)


def dump_meta(directory: Path | None = None) -> dict | None:
    """What the current dump was built from ({fingerprint, generated_at, count}), or None when
    there is none (or it cannot be read: then it is written again)."""
    path = (directory or dump_directory()) / META_NAME
    try:
        meta = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or not {"fingerprint", "generated_at", "count"} <= meta.keys():
        return None
    return meta


_READ = object()


def dump_is_current(meta=_READ) -> bool:
    """Is the dump (whose `meta` was read already, or else is read now) up to date?"""
    meta = dump_meta() if meta is _READ else meta
    return meta is not None and meta["fingerprint"] == dump_fingerprint()


def dump_write(directory: Path | None = None, *, if_changed: bool = False) -> dict | None:
    """Write the DataFeed and the CSV of every published fact-check, atomically, and return the
    new meta (None when `if_changed` and another writer brought it up to date meanwhile).
    Raises on failure, leaving the previous dump as it was."""
    directory = directory or dump_directory()
    directory.mkdir(parents=True, exist_ok=True)
    with _exclusive(directory):
        if if_changed and dump_is_current(dump_meta(directory)):
            return None
        # What a writer killed mid-way (a recycled worker) left behind.
        for leftover in directory.glob(".fact-checks.*.tmp"):
            with suppress(OSError):
                leftover.unlink()
        # Read in one transaction, the fingerprint first: on PostgreSQL a repeatable snapshot, so
        # that the fingerprint, every chunk and its prefetched rows show the same moment; a
        # change committed meanwhile leaves the fingerprint behind, so the dump is written again.
        with transaction.atomic():
            _snapshot()
            fingerprint = dump_fingerprint()
            generated_at = timezone.now()
            with _replacing(directory / JSON_NAME) as json_file, _replacing(directory / CSV_NAME) as csv_file:
                count = _write_files(json_file, csv_file, generated_at)
        meta = {"fingerprint": fingerprint, "generated_at": iso_datetime(generated_at), "count": count}
        with _replacing(directory / META_NAME) as meta_file:
            meta_file.write(json.dumps(meta))
    return meta


def _snapshot() -> None:
    """Make the transaction just opened a read-only repeatable snapshot (PostgreSQL; SQLite's
    transactions are already). Not inside an outer transaction, which has read already."""
    if default_connection.vendor == "postgresql" and len(default_connection.atomic_blocks) == 1:
        with default_connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def _write_files(json_file, csv_file, generated_at: datetime.datetime) -> int:
    head = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{settings.CLAIMTRACK_ORGANISATION_NAME}: published fact-checks",
        "url": absolute(reverse("public:datafeed-json")),
        "dateModified": iso_datetime(generated_at),
        "creator": organisation(),
        "inLanguage": settings.CLAIMTRACK_REVIEW_LANGUAGE,
    }
    opening = json.dumps(head, ensure_ascii=False, indent=1)
    json_file.write(opening[: opening.rindex("}")].rstrip() + ',\n "dataFeedElement": [')
    writer = csv.writer(csv_file)
    writer.writerow(CSV_COLUMNS)
    count, path = 0, path_maker("public:fact-check")
    for statement in in_chunks(fact_checks_for_machines()):
        review = dump_item(statement)
        json_file.write(("\n  " if count == 0 else ",\n  ") + json.dumps(review, ensure_ascii=False))
        writer.writerow([spreadsheet_safe(value) for value in csv_row(statement, review, path=path)])
        count += 1
    json_file.write("\n ]\n}\n")
    return count


@contextmanager
def _replacing(path: Path):
    """A text file written beside `path` that replaces it once complete and on disk; removed,
    leaving `path` as it was, when writing fails."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with open(handle, "w", encoding="utf-8", newline="") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


@contextmanager
def _exclusive(directory: Path):
    """One writer at a time across processes (the web workers, a cron job): the others wait."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: the renames still keep each file whole
        yield
        return
    with open(directory / LOCK_NAME, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def dump_refresh(*, force: bool = False) -> dict | None:
    """Write the dump unless it is current already (or `force`); returns the new meta, or None
    when nothing needed writing."""
    if not force and dump_is_current():
        return None
    return dump_write(if_changed=not force)


# --- Following the desk's changes ----------------------------------------------------------------


_worker_lock = threading.Lock()
_wanted = threading.Event()
_worker: threading.Thread | None = None


def dump_refresh_soon() -> None:
    """Bring the dump up to date as CLAIMTRACK_PUBLIC_DUMP_REFRESH says, never raising: "thread"
    in a background thread (one per process; a request while it runs makes it check once more),
    "sync" at once, "off" not at all (the command does it)."""
    global _worker
    mode = settings.CLAIMTRACK_PUBLIC_DUMP_REFRESH
    if mode == "off":
        return
    if mode == "sync":
        _refresh_logged()
        return
    with _worker_lock:
        _wanted.set()
        if _worker is None:
            _worker = threading.Thread(target=_work, name="fact-checks-dump", daemon=True)
            _worker.start()


def _work() -> None:
    global _worker
    try:
        while True:
            with _worker_lock:
                if not _wanted.is_set():
                    _worker = None
                    return
                _wanted.clear()
            _refresh_logged()
    finally:
        default_connection.close()  # this thread's own connection


def _refresh_logged() -> None:
    try:
        dump_refresh()
    except Exception:
        # The change that asked for it is committed; the dump stays as it was, behind, until
        # the next change, request for it or `manage.py export_fact_checks`.
        logger.exception("Writing the fact-check dump failed; the previous one is still served.")


def _changed(sender, raw=False, **kwargs):
    if not raw:
        once_after_commit("public-dump", dump_refresh_soon)


# Saves that can change what a published ClaimReview shows (apps/verification/receivers.py).
SHOWN_IN_DUMP = (Verification, Statement, Quotation, Speaker, Source, Publisher, Rating, RatingScale)


def connect() -> None:
    for model in SHOWN_IN_DUMP:
        post_save.connect(_changed, sender=model, dispatch_uid=f"public-dump-{model.__name__}-saved")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"public-dump-{model.__name__}-deleted")


# --- Serving ------------------------------------------------------------------------------------


DOWNLOADS = {
    "json": (JSON_NAME, "application/ld+json; charset=utf-8"),
    "csv": (CSV_NAME, "text/csv; charset=utf-8"),
}
# Seconds a client is asked to wait while the first dump is being written.
RETRY_AFTER = 60


def dump_version(request, *args, **kwargs) -> tuple[str, float | None]:
    """The validators of a download: what the files on disk were built from. A dump behind the
    verdicts (a rewrite failed, or is under way) is written again first (CLAIMTRACK_PUBLIC_DUMP_
    REFRESH "sync") or in the background ("thread"). Read before the files are opened, so a dump
    replaced in between is labelled older, never newer, than it is."""
    meta = dump_meta()
    current = meta is not None and dump_is_current(meta)
    if not current:
        dump_refresh_soon()
        meta = dump_meta()
        current = meta is not None and dump_is_current(meta)
    request.fact_checks_dump = (meta, current)
    if meta is None:
        return "none", None
    generated = datetime.datetime.fromisoformat(meta["generated_at"].replace("Z", "+00:00"))
    return f"{meta['fingerprint']}-{meta['generated_at']}", generated.timestamp()


def download(request, kind: str):
    """The dump as a file, streamed from disk whatever its size (behind public_cache with
    dump_version, which finds it). One behind the verdicts is served while it is rewritten,
    marked for no cache to keep; when there is none yet, 503 with Retry-After."""
    name, content_type = DOWNLOADS[kind]
    meta, current = getattr(request, "fact_checks_dump", None) or (dump_meta(), True)
    try:
        file = open(dump_directory() / name, "rb")  # noqa: SIM115 (FileResponse closes it)
    except FileNotFoundError:
        file = None
    if meta is None or file is None:
        if file is not None:
            file.close()
        how = (
            "It is being written now"
            if settings.CLAIMTRACK_PUBLIC_DUMP_REFRESH != "off"
            else "The site's administrators write it with `manage.py export_fact_checks`"
        )
        response = HttpResponse(
            f"The download of published fact-checks is not ready yet. {how}: try again in a minute.\n",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    response = FileResponse(file, content_type=content_type, as_attachment=kind == "csv", filename=name)
    response["X-Fact-Checks-Count"] = str(meta["count"])
    if not current:
        # The dump on disk is behind the verdicts: not to be kept by any cache.
        response["Cache-Control"] = "no-cache"
    return response
