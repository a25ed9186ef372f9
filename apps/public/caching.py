"""HTTP caching of the public site: every public page, feed, sitemap and dump answers with an
`ETag`, a `Last-Modified` and a `Cache-Control` a CDN can act on, and a conditional GET (or HEAD)
whose validator is still current gets a 304 without the page being built.

The validators come from one site-wide stamp, "the last public change": a token kept in the
default cache (shared by every worker in production: the database cache) and replaced, once the
transaction commits, whenever anything the public site shows is saved or deleted (a verdict
published, reopened or republished; a statement, speaker, source, topic, rating edited…;
`connect()` wires the signals). A stamp missing from the cache (first start, cache cleared or
culled) is started afresh, never rebuilt from the database: no value read from the tables (the
latest change date, say) moves when a verdict is reopened or a row deleted, and a stamp that went
back to an earlier value would answer 304 to a client still holding what was withdrawn. A fresh
stamp costs each client one full answer, never a stale one.

Use `public_cache(view)` on a view, or around it in urls.py."""

import datetime
import functools
import hashlib
import logging
import secrets
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponseNotAllowed
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

logger = logging.getLogger(__name__)

STAMP_KEY = "claimtrack:public:last-change"
# The apps whose records the public site shows (statements, quotations, topics, speakers,
# sources, publishers, corrections, verdicts, ratings, evidence).
PUBLIC_APPS = frozenset({"claims", "speakers", "sources", "verification"})
# Saves of these change nothing the public sees: the desk's internal notes, and the record of
# two statements judged not to be the same remark.
PRIVATE_MODELS = frozenset({"verificationnote", "statementmatchrejection"})


# --- The stamp ---------------------------------------------------------------------------------


def _new_stamp() -> str:
    # The time (for Last-Modified) and a random part (two workers bumping in the same nanosecond).
    return f"{time.time_ns()}-{secrets.token_hex(4)}"


def public_stamp() -> str:
    """The current stamp of the last public change (one cache read)."""
    stamp = cache.get(STAMP_KEY)
    if stamp is None:
        fresh = _new_stamp()
        # add(): when two workers miss at once, both answer with the one that was stored first.
        cache.add(STAMP_KEY, fresh, timeout=None)
        stamp = cache.get(STAMP_KEY) or fresh
    return stamp


def stamp_time(stamp: str) -> float:
    """When the stamp was made, in seconds since the epoch."""
    return int(stamp.split("-", 1)[0]) / 1e9


def public_stamp_bump() -> str:
    """Record that something the public sees has changed: every validator handed out so far
    stops matching. Returns the new stamp."""
    stamp = _new_stamp()
    cache.set(STAMP_KEY, stamp, timeout=None)
    return stamp


def _bump_after_commit() -> None:
    """The bump as a committed change runs it: the change is stored and acknowledged whatever
    happens to the cache. When the cache refuses the new stamp, the old one is dropped instead (a
    fresh one is then started), so that no validator handed out before the change still matches;
    when it refuses even that, the failure is logged for the operator."""
    try:
        public_stamp_bump()
    except Exception:
        logger.exception("The public site's stamp could not be replaced after a change; dropping it")
        try:
            cache.delete(STAMP_KEY)
        except Exception:
            logger.exception(
                "The public site's stamp could not be dropped either: pages may answer 304 to "
                "clients holding what was just changed, until the cache works again"
            )


def once_after_commit(name: str, func) -> None:
    """Run `func` once the current transaction commits (at once outside one), once however many
    times a transaction asks (a fixture load saves thousands of rows); a rolled-back change runs
    nothing. Each request adds a callback, but all those of one transaction share a marker, and
    only the first to run calls `func`."""
    connection = transaction.get_connection()
    markers = connection.__dict__.setdefault("claimtrack_after_commit", {})
    marker = markers.get(name)
    if marker is None or marker["done"]:
        marker = markers[name] = {"done": False}

    def run():
        if not marker["done"]:
            marker["done"] = True
            func()

    transaction.on_commit(run)


def _bump_on_commit() -> None:
    once_after_commit("public-stamp", _bump_after_commit)


def shows_in_public(model) -> bool:
    meta = model._meta
    return (
        # A migration's models are other classes than the registered ones, and a migration
        # (before `createcachetable` on a new database) must not need the cache.
        _registered(model)
        and meta.app_label in PUBLIC_APPS
        and meta.model_name not in PRIVATE_MODELS
        and not meta.model_name.startswith("historical")
    )


def _registered(model) -> bool:
    try:
        return apps.get_model(model._meta.app_label, model._meta.model_name) is model
    except LookupError:
        return False


def _changed(sender, **kwargs):
    if shows_in_public(sender):
        _bump_on_commit()


def _relation_changed(sender, instance, action, **kwargs):
    # m2m_changed's sender is the through model (statement ↔ topic, source ↔ author).
    if action in ("post_add", "post_remove", "post_clear") and shows_in_public(type(instance)):
        _bump_on_commit()


def connect() -> None:
    """Bump the stamp on every change the public can see (apps.public.apps.PublicConfig.ready)."""
    post_save.connect(_changed, dispatch_uid="public-stamp-saved")
    post_delete.connect(_changed, dispatch_uid="public-stamp-deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="public-stamp-relation")


# --- Conditional GET and Cache-Control ----------------------------------------------------------


def _cache_control() -> dict:
    return {
        "public": True,
        "max_age": settings.CLAIMTRACK_PUBLIC_MAX_AGE,
        "stale_while_revalidate": settings.CLAIMTRACK_PUBLIC_STALE_WHILE_REVALIDATE,
    }


def etag_for(request, version: str) -> str:
    """A weak ETag for `request`'s URL at `version` (the stamp, or a dump's own version)."""
    digest = hashlib.sha256(f"{version}\n{request.get_full_path()}".encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def last_modified_for(version_time: float | None) -> int | None:
    """Last-Modified, in whole seconds, or None when it cannot be trusted yet.

    HTTP dates count whole seconds: a change later in the same second as the one a page was
    built from would carry the same date, and a client revalidating with If-Modified-Since
    alone would be told 304. So the date is given only once that second is over (a later
    change is then in a later second); until then, the ETag alone serves."""
    if version_time is None:
        return None
    second = int(version_time)
    return second if int(time.time()) > second else None


def public_cache(view=None, *, version=None):
    """Conditional GET and CDN caching for a public view.

    `version(request, *args, **kwargs)` names what the answer is built from, as (token, time in
    seconds or None); by default the site-wide stamp. It is read before the view runs, so an
    answer is never labelled with a version newer than the data it shows.

    GET and HEAD only (anything else is 405): 304 when If-None-Match (or, without it, If-Modified-Since) still matches;
    otherwise the view runs and a 200 gets ETag, Last-Modified and Cache-Control (public,
    max-age, stale-while-revalidate: CLAIMTRACK_PUBLIC_MAX_AGE and
    CLAIMTRACK_PUBLIC_STALE_WHILE_REVALIDATE). An answer that depends on who asks (it sets a
    cookie, or varies by one) is marked private instead, and errors are left uncached."""

    def decorator(func):
        @functools.wraps(func)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                # The public site is read only.
                return HttpResponseNotAllowed(["GET", "HEAD"])
            if version is None:
                token = public_stamp()
                made_at = stamp_time(token)
            else:
                token, made_at = version(request, *args, **kwargs)
            etag = etag_for(request, token)
            last_modified = last_modified_for(made_at)
            not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
            if not_modified is not None:
                if not_modified.status_code == 304:
                    _validators(not_modified, etag, last_modified)
                    patch_cache_control(not_modified, **_cache_control())
                return not_modified
            response = func(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            if _built_for_this_client(request, response):
                # A session or a CSRF token was read: no shared cache may keep it.
                patch_cache_control(response, private=True, no_cache=True)
                return response
            _validators(response, etag, last_modified)
            if not response.has_header("Cache-Control"):  # a view's own say (a dump being rewritten) stands
                patch_cache_control(response, **_cache_control())
            # A CDN keeps one copy per encoding it is asked for.
            patch_vary_headers(response, ["Accept-Encoding"])
            return response

        # Read only: every other method is answered 405 above, so there is no form to protect
        # (and no CSRF refusal, a 403, to answer in its place).
        wrapped.csrf_exempt = True
        return wrapped

    return decorator(view) if view is not None else decorator


def _built_for_this_client(request, response) -> bool:
    # The middleware that adds `Vary: Cookie` runs after this decorator: ask what it will see.
    session = getattr(request, "session", None)
    return bool(
        response.cookies
        or "cookie" in response.get("Vary", "").lower()
        or (session is not None and session.accessed)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or request.META.get("CSRF_COOKIE_USED")
    )


def _validators(response, etag: str, last_modified: int | None) -> None:
    # Ours replace any the view set (a feed's latest entry, a sitemap's latest lastmod: dates
    # that go back when a verdict is withdrawn).
    response.headers["ETag"] = etag
    if last_modified is None:
        response.headers.pop("Last-Modified", None)
    else:
        response.headers["Last-Modified"] = http_date(last_modified)


def as_datetime(seconds: float) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc)
