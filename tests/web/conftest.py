"""Browser tests of the web page: a real uvicorn server (create_app + the web router over the
session's real index) on a free loopback port, driven by Playwright in Debian's Chromium.

Without /usr/bin/chromium the tests are skipped locally, but fail in CI (CI=true installs it).
Screenshots go to test-artifacts/web/ (gitignored).
"""

from __future__ import annotations

import dataclasses
import os
import re
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "web"
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 30_000

pytestmark = pytest.mark.browser


def _unavailable(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI installs Chromium first; check .ci/run)")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _has_path(app, path: str) -> bool:
    paths = app.openapi().get("paths", {})
    app.openapi_schema = None  # routes may still be added; let FastAPI rebuild it later
    return path in paths


def build_app(services):
    """create_app plus the web router (and the referral API when it exists but app.py does not
    include it yet), without including anything twice."""
    from assistant import web
    from assistant.api.app import create_app

    app = create_app(services=services)
    if not _has_path(app, "/feedback"):
        app.include_router(web.router)
    try:
        from assistant.api import routes_referrals
    except ImportError:
        routes_referrals = None
    if routes_referrals is not None and not _has_path(app, "/v1/referrals/draft"):
        app.include_router(routes_referrals.router)
    return app


@pytest.fixture(scope="session")
def web_services(services, tmp_path_factory):
    """The session's services with their own SQLite file (feedback, referral drafts)."""
    from assistant.settings import StorageSettings

    db = tmp_path_factory.mktemp("web-db") / "cme-assist.sqlite3"
    settings = services.settings.model_copy(update={"storage": StorageSettings(db_path=db)})
    return dataclasses.replace(services, settings=settings)


@pytest.fixture(scope="session")
def live_server(web_services):
    import uvicorn

    app = build_app(web_services)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class PageProblems:
    """JavaScript errors, CSP violations and failed requests seen by a page."""

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        page.on("console", self._console)
        page.on("response", self._response)

    def _console(self, msg) -> None:
        if msg.type == "error" and not re.search(r"status of 4\d\d", msg.text):
            self.errors.append(f"console: {msg.text}")

    def _response(self, response) -> None:
        if response.status >= 500 or (response.status == 404 and "/static/" in response.url):
            self.errors.append(f"HTTP {response.status} {response.url}")


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900},
                                  accept_downloads=True, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    pg = context.new_page()
    problems = PageProblems(pg)
    pg.problems = problems
    yield pg
    context.close()
    if not getattr(request.node, "allow_page_errors", False):
        assert not problems.errors, "\n".join(problems.errors)


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


_AXE_SOURCE: str | None = None


def axe_violations(page, *, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1/2.2 A and AA rules and best practices) on the page as it is now."""
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        _AXE_SOURCE = AXE_JS.read_text(encoding="utf-8")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_AXE_SOURCE)
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
            resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || ''))}));
    }""")
    return [v for v in result if v["impact"] in impacts]


def assert_accessible(page, what: str) -> None:
    bad = axe_violations(page)
    assert not bad, f"axe-core found serious/critical problems on {what}:\n" + "\n".join(
        f"- {v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in bad)
