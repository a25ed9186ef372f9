"""Browser tests: Playwright drives Debian's chromium (/usr/bin/chromium) against pytest-django's
live server, which also serves the admin's static files (select2, the autocomplete JS).

- `browser`: one headless chromium for the whole session. Without chromium or the playwright
  package the tests are skipped, saying how to install them; with CI=true they fail instead.
- `page`: a page in a fresh browser context (no cookies) whose base URL is the live server;
  `new_page()` opens more, e.g. one per user (`new_page(viewport=..., bypass_csp=True)` for a
  phone's screen, or to inject axe-core, tests/browser/accessibility.py).
- On failure every page the test still has open is saved as a full-page screenshot in
  test-output/browser/<test>-<n>.png, with the key steps it recorded with `screenshot()`.
- Every test here is marked `browser` (`-m "not browser"` leaves them out).
"""

import os
import re
from pathlib import Path

import pytest
from django.db import connections

# The step modules assert too: let pytest explain their failures as it does a test's.
pytest.register_assert_rewrite(
    "tests.browser.accessibility", "tests.browser.admin_ui", "tests.browser.desk", "tests.browser.verdict"
)

from tests.database import remember_migrated_rows, reset_to_migrated_rows  # noqa: E402

from .admin_ui import KEY_SCREENSHOTS  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
# --disable-background-networking and friends: chromium otherwise keeps calling Google services,
# which is slow (and noisy) on a machine without internet.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000  # per action and per expect(); the live server answers in milliseconds
SCREENSHOT_DIR = Path("test-output") / "browser"
HERE = Path(__file__).parent

_contexts_key = pytest.StashKey[list]()
_problems_key = pytest.StashKey[list]()
_failed_key = pytest.StashKey[bool]()
_db_blocker_key = pytest.StashKey[object]()
# The test that the last browser test's teardown emptied the database for (to the migrated rows):
# that test starts from them already, without emptying it again.
_reset_for: list[str] = []


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _unavailable(reason: str):
    if _in_ci():
        pytest.fail(f"{reason} CI=true: browser tests must run in CI, not be skipped.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        _unavailable("The playwright package is not installed: run `make install`.")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        _unavailable(
            f"Chromium is not installed at {CHROMIUM}: `sudo apt-get install chromium` (never `playwright install`)."
        )
    expect.set_options(timeout=TIMEOUT_MS)
    # Playwright's sync API keeps an asyncio loop running in this thread while it is open, and
    # Django refuses database calls from a thread with a running loop. The tests' queries are
    # plain synchronous code, so that check is off from the first browser test to the end of
    # the session.
    remember_migrated_rows()  # before the loop runs (see tests/database.py)
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
            browser.close()
        finally:
            # The connections this thread opened while the loop ran (the browser tests', and those
            # of every test the worker ran after them) are not the ones Django set the test
            # database up with, and it cannot see them once the loop stops: closed here, or the
            # test database cannot be dropped at the end of the session ('is being accessed by
            # other users', after a 5 s wait).
            connections.close_all()


@pytest.fixture
def new_page(request, browser, live_server, django_db_serialized_rollback, django_db_blocker):
    """`new_page()`: a page in a new browser context (its own cookies, so its own login). The
    test starts from the rows the migrations created and nothing else (see tests/database.py)."""
    if _reset_for != [request.node.nodeid]:  # else the test before it left them so
        reset_to_migrated_rows()
    _reset_for.clear()
    request.node.stash[_db_blocker_key] = django_db_blocker
    contexts = request.node.stash.setdefault(_contexts_key, [])
    problems = request.node.stash.setdefault(_problems_key, [])

    def watch(page):
        def static_response(response):
            if response.status >= 400 and "/static/" in response.url:
                problems.append(f"{response.status} for the static file {response.url}")

        def static_failure(failed):
            # ERR_ABORTED: the test moved on to another page before this one finished loading.
            if "/static/" in failed.url and "ERR_ABORTED" not in (failed.failure or ""):
                problems.append(f"the static file {failed.url} did not load: {failed.failure}")

        page.on("pageerror", lambda error: problems.append(f"JavaScript error on {page.url}: {error}"))
        page.on("response", static_response)
        page.on("requestfailed", static_failure)

    def open_page(**options):
        """`options`: Playwright's browser context options (viewport, bypass_csp…)."""
        options = {"viewport": {"width": 1280, "height": 900}, **options}
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.on("page", watch)  # pop-ups too (the admin's "add another" windows)
        contexts.append(context)
        return context.new_page()

    yield open_page

    for context in contexts:
        context.close()
    if problems and not request.node.stash.get(_failed_key, False):
        pytest.fail("The browser saw problems:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture(autouse=True)
def _fresh_screenshots(request):
    """Forget the previous test's key steps, and this test's screenshots from an earlier run."""
    KEY_SCREENSHOTS.clear()
    for stale in (request.config.rootpath / SCREENSHOT_DIR).glob(f"{_safe_name(request.node.name)}-*.png"):
        stale.unlink()
    yield
    KEY_SCREENSHOTS.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and report.when in ("setup", "call"):
        item.stash[_failed_key] = True
        lines = _save_screenshots(item)
        if lines:
            report.sections.append(("browser screenshots", "\n".join(lines)))
    elif report.when == "call" and os.environ.get("CLAIMTRACK_KEEP_SCREENSHOTS"):
        _save_screenshots(item)  # to look at what a person sees, when asked
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield  # the fixtures' teardown, Django's flush included
    blocker = item.stash.get(_db_blocker_key, None)
    if blocker is not None and nextitem is not None:
        with blocker.unblock():
            reset_to_migrated_rows()
        _reset_for[:] = [nextitem.nodeid]
    return result


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "_", text).strip("_")


def _save_screenshots(item) -> list[str]:
    """Write the key steps recorded with screenshot() and a full-page screenshot of every page
    still open; return one line per file (or per page that could not be taken)."""
    pages = [page for context in item.stash.get(_contexts_key, []) for page in context.pages]
    if not pages and not KEY_SCREENSHOTS:
        return []
    directory = item.config.rootpath / SCREENSHOT_DIR
    directory.mkdir(parents=True, exist_ok=True)
    name = _safe_name(item.name)
    lines = []
    for number, (label, png) in enumerate(KEY_SCREENSHOTS, start=1):
        path = directory / f"{name}-step{number:02d}-{_safe_name(label)}.png"
        path.write_bytes(png)
        lines.append(f"{path}  (step: {label})")
    for number, page in enumerate(pages, start=1):
        path = directory / f"{name}-{number}.png"
        try:
            page.screenshot(path=path, full_page=True, timeout=5_000)
        except Exception as error:  # a crashed page must not hide the test's own failure
            lines.append(f"no screenshot of {page.url}: {error}")
        else:
            lines.append(f"{path}  (at failure: {page.url})")
    return lines
