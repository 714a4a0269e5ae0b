"""Real-browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety
guard must be relaxed for the ORM calls the tests make (never in the app itself).
Data migrations (roles, divisions, home page) are restored after each test by
serialized_rollback, because the live server needs real transactions.
"""

import os
from pathlib import Path

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "test-artifacts" / "screenshots"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}


def hold_script(page, pattern):
    """Hold back the script whose URL matches ``pattern``, as a slow phone loads it late, so the
    test can act before it runs; returns ``release()``, which lets it load."""
    held = []
    page.route(pattern, lambda route: held.append(route))

    def release():
        for _wait in range(200):
            if held:
                break
            page.wait_for_timeout(50)
        assert held, f"the page never asked for {pattern}"
        held[0].continue_()

    return release


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium fonts-noto-cjk)")
    return {
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):
    """On SQLite, the browser tests' database is a file, as in production.

    pytest-django's default in-memory SQLite is shared with the live server's thread, and
    its shared-cache table locks fail a read at once ("database table is locked") while the
    server writes, ignoring the busy timeout: a test polling what a page saved could fail
    at random. A file database in WAL mode lets the test read while the server writes.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("browser-db") / "test.sqlite3")


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def viewport(request):
    return request.param


@pytest.fixture
def browser_context_args(browser_context_args, viewport):
    return {**browser_context_args, "viewport": viewport, "locale": "zh-CN"}


@pytest.fixture
def screenshot(page, request):
    """Save a named full-page screenshot to test-artifacts/screenshots/ (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str):
        safe = request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
        page.screenshot(path=str(SCREENSHOTS / f"{safe}-{name}.png"), full_page=True)

    return take
