"""The published site in headless Chromium, served under /project-name/.

Needs Chromium (Debian: `apt-get install chromium`); CI's .ci/run installs it. Without
it these tests fail, saying so. Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Request,
    Response,
    Route,
    sync_playwright,
)

from sitegen.content import read_content, to_factbase
from sitegen.model import FactBase
from sitegen.render.markdown import plain_text
from tests.conftest import REPO
from tests.pages_server import Served

CHROMIUM = Path(os.environ.get("SITEGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: the browser tests need it. Install it "
            "with `apt-get install chromium` (Debian), or set SITEGEN_CHROMIUM to its "
            "path. Playwright's own download is not used.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def fact_base(published_site: Path) -> FactBase:
    return to_factbase(read_content(published_site.parent / "content"))


@dataclass
class Watch:
    """Everything that goes wrong in a tab: console errors, failed or refused requests."""

    origin: str  # requests elsewhere are refused: no request may leave the site
    problems: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on(
            "console",
            lambda m: (
                m.type == "error"
                and self.problems.append(f"console: {m.text} ({m.location.get('url')})")
            ),
        )
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.route("**/*", self._only_local)

    def _failed(self, request: Request) -> None:
        # ERR_ABORTED: the page was left (a click) while the request ran, as a browser
        # does; a missing file shows as an HTTP status, a refused one in _only_local
        if "ERR_ABORTED" not in (request.failure or ""):
            self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response: Response) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _only_local(self, route: Route, request: Request) -> None:
        if request.url.startswith(self.origin):
            route.continue_()
        else:
            self.problems.append(f"request leaving the site: {request.url}")
            route.abort()


@dataclass
class Tab:
    page: Page
    watch: Watch
    served: Served

    def visit(self, path: str) -> Page:
        """Open `path` of the served site; `watch.problems` then holds only its problems."""
        self.watch.problems.clear()
        self.page.goto(self.served.url + path)
        return self.page


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    """One browser context for the module: a new one per test costs more than the test."""
    created = browser.new_context(viewport=VIEWPORTS["desktop"])
    yield created
    created.close()


@pytest.fixture
def tab(context: BrowserContext, served_site: Served) -> Iterator[Tab]:
    page = context.new_page()
    watch = Watch("{0.scheme}://{0.netloc}/".format(urlsplit(served_site.url)))
    watch.attach(page)
    yield Tab(page, watch, served_site)
    page.close()


def strongest_claim(base: FactBase) -> str:
    """The claim the site lists first: most independent origins, then most sources."""
    return min(
        base.claims.values(),
        key=lambda c: (-(c.independent_sources or len(c.source_ids)), -len(c.source_ids), c.id),
    ).id


def sample_pages(base: FactBase) -> dict[str, str]:
    person = max(
        base.people.values(),
        key=lambda p: (sum(p.id in c.people for c in base.claims.values()), p.id),
    )
    return {
        "home": "",
        "claim": f"claims/{strongest_claim(base)}/",
        "person": f"people/{person.id}/",
        "source": f"sources/{min(base.sources)}/",
    }


@pytest.mark.parametrize("width", VIEWPORTS)
def test_pages_load_cleanly_and_are_captured(tab: Tab, fact_base: FactBase, width: str) -> None:
    """Home, claim, person and source pages: no console error, no failed request, no
    sideways scrolling; a full-page screenshot of each."""
    tab.page.set_viewport_size(VIEWPORTS[width])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in sample_pages(fact_base).items():
        page = tab.visit(path)
        assert page.evaluate("document.styleSheets[0].cssRules.length") > 0
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        assert tab.watch.problems == [], f"{name} page at {width} width"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} page scrolls sideways at {width} width"


def test_search_finds_a_claim_by_a_word_of_its_statement(tab: Tab, fact_base: FactBase) -> None:
    claim = fact_base.claims[strongest_claim(fact_base)]
    word = max(re.findall(r"[^\W\d_]{4,}", plain_text(claim.statement)), key=len)
    page = tab.visit("")
    page.fill("#site-search", word.lower())
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"/project-name/search/\?q="))
    hit = page.locator(f'#search-results a[href$="/project-name/claims/{claim.id}/"]')
    hit.wait_for()
    assert page.locator("#search-status").inner_text().split()[0].isdigit()
    hit.click()
    page.wait_for_url(f"{tab.served.url}claims/{claim.id}/")
    assert tab.watch.problems == []


def test_coverage_matrix_shows_one_row_per_claim(tab: Tab, fact_base: FactBase) -> None:
    page = tab.visit("")
    rows = page.locator("table.matrix tbody tr")
    assert rows.count() == len(fact_base.claims)
    assert rows.first.is_visible() and rows.last.is_visible()
    assert page.locator("table.matrix thead th").count() == len(fact_base.sources) + 1
    strongest = fact_base.claims[strongest_claim(fact_base)]
    assert rows.first.locator("td.hit a").count() == len(strongest.source_ids)
    assert tab.watch.problems == []


def test_a_citation_leads_to_its_highlighted_passage(tab: Tab, fact_base: FactBase) -> None:
    page = tab.visit(f"claims/{strongest_claim(fact_base)}/")
    page.get_by_role("link", name="read in context").first.click()
    page.wait_for_url(re.compile(r"/sources/[^/]+/#p-\d+-\d+$"))
    target = page.locator(":target")
    assert target.count() == 1
    assert target.evaluate("el => el.tagName") == "MARK"
    assert target.is_visible()
    assert tab.watch.problems == []


def test_not_found_page_works_at_any_depth(tab: Tab) -> None:
    page = tab.visit("no/such/page/")
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.evaluate("document.styleSheets[0].cssRules.length") > 0
    page.get_by_role("link", name="All claims").click()
    page.wait_for_url(f"{tab.served.url}claims/")
    # Only the missing page itself may report its 404; everything it loads must work.
    assert [p for p in tab.watch.problems if "no/such/page/" not in p] == []
