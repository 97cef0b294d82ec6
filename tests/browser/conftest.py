"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's
live server.

- No browser is ever downloaded: Chromium comes from the system (`apt-get install chromium`).
  Without it the browser tests are skipped, unless REQUIRE_SERVICES=1 (CI), where that fails.
- `check_axe(page)` runs axe-core (from node_modules, `npm ci`) for WCAG 2.1 A/AA and fails on
  any violation.
- Every page runs under the app's Content-Security-Policy; a `securitypolicyviolation` in any
  page of a test (an inline script or style, a resource from elsewhere) fails that test.
- `screenshot(page, name)` writes a full-page PNG to test-output/screenshots/<name>.png for a
  person to look at.
- Every page a browser test loads (the HTML the server sent for each navigation and form
  post) is kept in test-output/html-browser/ and checked by the W3C Nu HTML Checker once, at
  the end of the session: one error fails the run.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import pytest

from ivp.models import Plan
from tests.vnu import vnu_fouten

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Response

# Playwright's sync API runs an asyncio event loop in this thread; Django would then refuse ORM
# calls from the test itself ("You cannot call this from an async context").
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

PROJECT_DIR = Path(__file__).resolve().parents[2]
AXE_SCRIPT = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = PROJECT_DIR / "test-output" / "screenshots"
# One folder per pytest-xdist worker: each worker empties its own at its start.
HTML_DIR = PROJECT_DIR / "test-output" / "html-browser" / os.environ.get("PYTEST_XDIST_WORKER", "")
# Not our pages: Django's admin.
NIET_GECONTROLEERD = ("/beheer/",)
_SERIALIZED = "_test_serialized_contents"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# How long an action or an `expect` waits for the page: generous, since CI may share the
# machine's two cores with other work and a PDF is rendered in the request there.
WACHTTIJD_MS = 30_000
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]


def _missing(what: str) -> None:
    """Skip on a laptop without the tool; fail where services are required (CI)."""
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{what} (REQUIRE_SERVICES=1)")
    pytest.skip(what)


@pytest.fixture(scope="session")
def browser(django_db_setup) -> Iterator[Browser]:
    chromium = shutil.which("chromium")
    if chromium is None:
        _missing("Chromium ontbreekt: installeer het Debian-pakket 'chromium'")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        _missing("Het Python-pakket playwright ontbreekt")
    from django.db import connections

    # Playwright's sync API keeps an event loop running in this thread from here on, and
    # Django's `connections` (an asgiref Local) then hands out new connection objects. Give
    # them the database contents the test setup serialized on the old ones, or serialized
    # rollback (which restores the data loaded by migrations) would silently restore nothing.
    # `_test_serialized_contents` is set by Django's test database creation and is not part of
    # the typed BaseDatabaseWrapper; read and write it as the untyped attribute it is.
    serialized = {
        alias: getattr(connections[alias], _SERIALIZED)
        for alias in connections
        if hasattr(connections[alias], _SERIALIZED)
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            verbinding: Any = connections[alias]
            verbinding._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
            # Close the connections opened inside the event loop, so that the test database
            # can be dropped at the end (PostgreSQL refuses while a connection is open).
            connections.close_all()


# Method and path of each page kept this session → its file.
_bezocht: dict[str, Path] = {}


def _is_pagina(response: Response) -> bool:
    """A navigation or form post of ours (not an htmx fragment: that is no document)."""
    soort = response.headers.get("content-type", "")
    return (
        response.request.resource_type == "document"
        and response.status == 200
        and "html" in soort
        and not urlparse(response.url).path.startswith(NIET_GECONTROLEERD)
    )


def _bewaar_html(page: Page, responses: list[Response]) -> None:
    """Write the HTML the server sent for each page of one test. Playwright calls event
    handlers asynchronously, so the bodies are read here, after the test, in order; a body
    the browser no longer holds (the page navigated on) is fetched again for a GET."""
    page.wait_for_load_state()  # a test may end on a click that navigates
    page.evaluate("1")  # lets the last events arrive
    for response in responses:
        if not _is_pagina(response):
            continue
        methode = response.request.method
        delen = urlparse(response.url)
        sleutel = f"{methode} {delen.path}?{delen.query}"
        if sleutel in _bezocht:
            continue
        try:
            html = response.text()
        except Exception:  # the body is gone from the browser's memory
            if methode != "GET":
                continue
            html = page.context.request.get(response.url).text()
        naam = re.sub(r"[^A-Za-z0-9]+", "_", sleutel)[:120]
        bestand = HTML_DIR / f"{len(_bezocht):04d}_{naam}.html"
        bestand.write_text(html, encoding="utf-8")
        _bezocht[sleutel] = bestand


@pytest.fixture(scope="session")
def html_van_browsertests(browser: Browser) -> Iterator[None]:
    """Check every page the browser tests loaded with the W3C checker, in one run at the end."""
    shutil.rmtree(HTML_DIR, ignore_errors=True)
    HTML_DIR.mkdir(parents=True)
    yield
    fouten = vnu_fouten(_bezocht.values())
    if fouten:
        pytest.fail(
            f"W3C Nu HTML Checker: {len(fouten)} fout(en) op de {len(_bezocht)} pagina's die "
            "de browsertests bezochten (test-output/html-browser/):\n" + "\n".join(fouten),
            pytrace=False,
        )


# Runs in every document before its own scripts (Playwright injects it past the CSP) and
# reports each CSP violation to the test through the exposed binding.
_CSP_LUISTERAAR = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspOvertreding(`${e.effectiveDirective} blokkeerde ${e.blockedURI || "inline"}`
    + ` op ${e.documentURI} (${e.sourceFile || ""}:${e.lineNumber || ""}) ${e.sample || ""}`);
});
"""


@pytest.fixture
def page(
    browser: Browser, live_server, transactional_db, html_van_browsertests: None
) -> Iterator[Page]:
    """A fresh browser context (no cookies) in Dutch, with relative URLs on the live server.

    Like every transactional test it uses serialized rollback (tests/conftest.py), so what
    the migrations loaded (velden, thema's, standard chapters) is there in every test.
    A Content-Security-Policy violation on any page of the test fails it."""
    from playwright.sync_api import expect

    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport={"width": 1280, "height": 800},
    )
    overtredingen: list[str] = []
    context.expose_binding("__cspOvertreding", lambda _bron, tekst: overtredingen.append(tekst))
    context.add_init_script(_CSP_LUISTERAAR)
    page = context.new_page()
    page.set_default_timeout(WACHTTIJD_MS)
    expect.set_options(timeout=WACHTTIJD_MS)
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    try:
        yield page
        _bewaar_html(page, responses)
    finally:
        context.close()
    if overtredingen:
        pytest.fail(
            "Content-Security-Policy overtreden:\n" + "\n".join(overtredingen), pytrace=False
        )


def login_as(page: Page, username: str, password: str) -> None:
    """Log in through the login form, as a person would; a person with an authenticator app
    then types its code (computed here from the app's key, as the app does)."""
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    # The page after the form, loaded: not only the load of whatever page is shown now (a
    # refused form stays on this path, and fails here instead of on the next page).
    page.wait_for_url(lambda url: urlparse(url).path != "/inloggen/")
    if urlparse(page.url).path == "/inloggen/code/":
        page.get_by_label("Code uit de app of herstelcode").fill(totp_code(username))
        page.get_by_role("button", name="Bevestigen").click()
        page.wait_for_url(lambda url: urlparse(url).path != "/inloggen/code/")


def totp_code(username: str) -> str:
    """The code the person's authenticator app shows now. The replay guard is reset first: a
    person logging in twice within 30 seconds waits for the next code, a test does not."""
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    app = TOTPDevice.objects.get(user__username=username, confirmed=True)
    TOTPDevice.objects.filter(pk=app.pk).update(last_t=-1)
    return f"{TOTP(app.bin_key, app.step, app.t0, app.digits, app.drift).token():06d}"


@pytest.fixture
def login() -> Callable[..., None]:
    """`login(page, username, password)`: log in through the login form."""
    return login_as


def run_axe(page: Page) -> None:
    if not AXE_SCRIPT.exists():
        _missing(f"{AXE_SCRIPT.relative_to(PROJECT_DIR)} ontbreekt: voer 'npm ci' uit")
    page.wait_for_load_state()  # a click returns once the next page starts; axe checks all of it
    # Evaluated through the DevTools protocol, which the page's CSP does not govern (a
    # `<script>` tag with axe's text inline would itself be a violation).
    page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = result["violations"]
    if violations:
        lines = [f"axe: {len(violations)} WCAG-overtreding(en) op {page.url}"]
        for violation in violations:
            lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
            lines.append(f"  {violation['helpUrl']}")
            for node in violation["nodes"]:
                lines.append(f"    {' '.join(map(str, node['target']))}")
                if node.get("failureSummary"):
                    summary = node["failureSummary"].replace("\n", "\n      ")
                    lines.append(f"      {summary}")
        pytest.fail("\n".join(lines), pytrace=False)


@pytest.fixture
def check_axe() -> Callable[..., None]:
    """`check_axe(page)`: run axe-core (WCAG 2.1 A and AA) and fail on any violation."""
    return run_axe


def save_screenshot(page: Page, name: str) -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.wait_for_load_state()
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def screenshot() -> Callable[..., Path]:
    """`screenshot(page, name)`: full-page PNG in test-output/screenshots/<name>.png."""
    return save_screenshot


def huidig_plan() -> Plan:
    """Steenwijkerland's current plan in the demo: its years follow the day the demo loads."""
    return Plan.objects.filter(gemeente__naam="Steenwijkerland").latest("periode_start")
