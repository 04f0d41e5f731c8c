"""Browser tests: Playwright (Debian's Chromium) against pytest-django's live server, plus axe-core.

Fixtures (see tests/browser/test_harness.py for working examples):

``browser_page``
    A fresh Playwright ``Page`` per test (new browser context: locale fr-FR,
    ``base_url=live_server.url`` so ``browser_page.goto("/")`` works, viewport
    1280x900). Every request that does not go to the live server is aborted and
    recorded in ``browser_page.external_requests``: the test fails at teardown if
    that list is not empty, which proves that no CDN or remote resource is needed.
    A test that *expects* an external request asserts on the list then clears it.
    Uncaught JavaScript errors are recorded in ``browser_page.js_errors``
    (recorded only; assert on it where it matters).

``axe``
    ``axe(page, context=None, options=None) -> list[dict]`` injects
    node_modules/axe-core/axe.min.js, switches axe to French when the locale file
    exists, runs it restricted to WCAG 2.0/2.1 A and AA rules and returns the
    violations. ``axe.assert_no_violations(page, context=None)`` fails with a
    readable summary (rule id, impact, help, first node targets and HTML).

``browser``
    The session-wide Playwright ``Browser`` (rarely needed directly).

``live_site`` / ``live_accounts``
    What a browser test of the portal starts from: DEBUG off, as in production, and either
    the site skeleton (``tests.conftest.build_site_skeleton``: accounts, home, sections,
    the restricted toolbox) or only the demo accounts, for a test that builds its own
    pages. Both return the home page. The cache is already empty (``_fresh_cache`` in
    tests/conftest.py) and every live-server test is transactional with
    ``serialized_rollback`` (tests/conftest.py forces it): neither needs saying again.

Every test under tests/browser/ is marked ``browser`` automatically
(``pytest -m "not browser"`` skips them; the marker is registered in
pyproject.toml). Database access: any test using ``browser_page`` uses ``live_server``, and pytest-django's autouse
``_live_server_helper`` then requests ``transactional_db`` for it, so data the
test creates is committed and visible to the server thread; no
``django_db`` marker is needed.

Static files: pytest-django's ``LiveServer`` (pytest_django/live_server_helper.py)
passes ``static_handler=StaticFilesHandler`` to Django's ``LiveServerThread`` when
``django.contrib.staticfiles`` is in INSTALLED_APPS. That handler serves
``STATIC_URL`` through the staticfiles finders with ``insecure=True``, so static
files are served even with DEBUG=False and without collectstatic. MEDIA_URL is
*not* served by it (only by the project's own URLconf, if at all).

When Chromium (``$PLAYWRIGHT_CHROMIUM``, default /usr/bin/chromium) or
node_modules/axe-core is missing, the tests are skipped locally but FAIL when
``CI`` is true: a green CI must never hide a skipped browser suite. No browser is
ever downloaded: install Debian's ``chromium`` and run ``npm ci`` (.ci/run does).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Playwright's sync API drives an asyncio event loop in this (main) thread, so
# Django sees a "running event loop" and raises SynchronousOnlyOperation
# ("You cannot call this from an async context") on ORM access from the test
# itself or from test-database setup. The usual workaround for pytest-django +
# Playwright: the tests are synchronous, Django's check is a false positive here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_DIR = REPO_ROOT / "node_modules" / "axe-core"
AXE_SCRIPT = AXE_DIR / "axe.min.js"
AXE_LOCALE_FR = AXE_DIR / "locales" / "fr.json"
BROWSER_DIR = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# URL schemes that never leave the machine and are not routed anyway.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}
FAILURE_SCREENSHOT_DIR = Path(os.environ.get("BROWSER_ARTIFACTS_DIR", REPO_ROOT / "test-results" / "browser"))


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def _unavailable(reason: str) -> None:
    """Skip locally; fail in CI, where a skipped browser suite would hide a gap."""
    if _in_ci():
        pytest.fail(f"{reason} (CI is set: browser tests must run, not be skipped)", pytrace=False)
    pytest.skip(reason)


# --------------------------------------------------------------------------- hooks


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # This hook sees every collected item, not only ours: mark only tests/browser/.
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"_browser_report_{report.when}", report)


# ------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session (never downloaded)."""
    executable = os.environ.get("PLAYWRIGHT_CHROMIUM", "/usr/bin/chromium")
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        _unavailable(
            f"Chromium not found at {executable} (apt-get install chromium, or set PLAYWRIGHT_CHROMIUM)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - dev dependency missing
        _unavailable(f"playwright is not installed: {exc}")

    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
    except Exception:
        playwright.stop()
        raise
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def live_site(settings):
    from demo.builders.common import get_home_page
    from tests.conftest import build_site_skeleton

    settings.DEBUG = False
    build_site_skeleton()
    return get_home_page()


@pytest.fixture
def live_accounts(settings):
    from demo.builders.accounts import build as build_accounts
    from demo.builders.common import get_home_page

    settings.DEBUG = False
    build_accounts()
    return get_home_page()


@pytest.fixture
def browser_page(browser, live_server, request):
    """A new page in a new French context, confined to the live server."""
    origin = urlsplit(live_server.url)
    external_requests: list[str] = []
    js_errors: list[str] = []

    def route_handler(route):
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES or (parts.scheme == origin.scheme and parts.netloc == origin.netloc):
            route.continue_()
        else:
            external_requests.append(url)
            route.abort("blockedbyclient")

    context = browser.new_context(
        locale="fr-FR",
        timezone_id="Europe/Paris",
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
    )
    context.route("**/*", route_handler)
    page = context.new_page()
    page.on("pageerror", lambda error: js_errors.append(str(error)))
    page.external_requests = external_requests
    page.js_errors = js_errors
    try:
        yield page
        call_report = getattr(request.node, "_browser_report_call", None)
        if call_report is not None and call_report.failed and not page.is_closed():
            FAILURE_SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)[-150:]
            # A screenshot must never mask the real failure.
            with contextlib.suppress(Exception):
                page.screenshot(path=str(FAILURE_SCREENSHOT_DIR / f"{name}.png"), full_page=True)
    finally:
        context.close()
    if external_requests:
        pytest.fail(
            "The page tried to load resources from outside the live server "
            f"({live_server.url}); everything must be served locally:\n  "
            + "\n  ".join(dict.fromkeys(external_requests)),
            pytrace=False,
        )


def _format_violations(violations: list[dict], max_nodes: int = 3) -> str:
    lines = [f"{len(violations)} axe-core violation(s) (WCAG 2.1 A/AA):"]
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"- [{violation.get('impact') or 'n/a'}] {violation['id']}: "
            f"{violation.get('help', '')} ({len(nodes)} node(s)) {violation.get('helpUrl', '')}"
        )
        for node in nodes[:max_nodes]:
            target = ", ".join(
                " ".join(map(str, part)) if isinstance(part, list) else str(part)
                for part in node.get("target", [])
            )
            html = " ".join(str(node.get("html", "")).split())
            if len(html) > 200:
                html = html[:197] + "..."
            lines.append(f"    at {target}: {html}")
        if len(nodes) > max_nodes:
            lines.append(f"    ... and {len(nodes) - max_nodes} more node(s)")
    return "\n".join(lines)


class AxeChecker:
    """Callable returned by the ``axe`` fixture."""

    def __init__(self) -> None:
        self._source: str | None = None
        self._locale = json.loads(AXE_LOCALE_FR.read_text("utf-8")) if AXE_LOCALE_FR.is_file() else None

    def _inject(self, page) -> None:
        if page.evaluate("typeof window.axe === 'object'"):
            return
        # An inline <script> is refused by a strict Content-Security-Policy
        # (script-src without 'unsafe-inline'); DevTools evaluation is not.
        with contextlib.suppress(Exception):
            page.add_script_tag(path=str(AXE_SCRIPT))
        if not page.evaluate("typeof window.axe === 'object'"):
            if self._source is None:
                self._source = AXE_SCRIPT.read_text("utf-8")
            page.evaluate(self._source + "\n;void 0")
        if self._locale is not None:
            page.evaluate("locale => window.axe.configure({locale})", self._locale)

    def __call__(self, page, context=None, options: dict | None = None) -> list[dict]:
        """Run axe on ``page`` (whole document, or ``context``: selector or axe context)."""
        self._inject(page)
        run_options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}}
        if options:
            run_options.update(options)
        return page.evaluate(
            """async ([context, options]) => {
                const results = await window.axe.run(context ?? document, options);
                return results.violations;
            }""",
            [context, run_options],
        )

    def assert_no_violations(self, page, context=None, options: dict | None = None) -> None:
        violations = self(page, context=context, options=options)
        assert not violations, f"{page.url}\n" + _format_violations(violations)


@pytest.fixture(scope="session")
def axe() -> AxeChecker:
    if not AXE_SCRIPT.is_file():
        _unavailable(f"{AXE_SCRIPT.relative_to(REPO_ROOT)} is missing (run `npm ci`)")
    return AxeChecker()
