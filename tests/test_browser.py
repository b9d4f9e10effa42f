"""The published site in headless Chromium, served under /project-name/.

Needs Chromium (Debian: `apt-get install chromium`) and axe-core (npm, installed into
.ci/node_modules/ by scripts/test, or AXE_CORE naming axe.min.js); without them these tests fail,
saying so. Screenshots of every page type go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
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

from sitegen.factbase.model import FactBase
from sitegen.factbase.store import read_factbase
from sitegen.render import pagefind
from sitegen.render.markdown import plain_text
from sitegen.reporter import Reporter
from tests.conftest import PUBLISHED_BASE_URL, REPO, run_sitegen
from tests.pages_server import Served, serve

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
AXE = Path(os.environ.get("AXE_CORE", REPO / ".ci" / "node_modules" / "axe-core" / "axe.min.js"))
FAILING_IMPACTS = ("serious", "critical")  # over WCAG 2.2 AA rules (target size too)


@pytest.fixture(scope="session")
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
    return read_factbase(published_site.parent / "content")


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


def test_search_merges_the_parts_of_a_large_sites_index(
    context: BrowserContext,
    published_site: Path,
    fact_base: FactBase,
    tmp_path: Path,
) -> None:
    """A site indexed in parts (as a large one is) finds a page outside the first part:
    parts hold a few pages' text in path order, so the last claim's page is in a later
    one."""
    site = tmp_path / "site"
    shutil.copytree(published_site, site)
    shutil.rmtree(site / pagefind.FOLDER)
    reporter = Reporter(stream=io.StringIO())
    assert pagefind.index_site(site, reporter, text_per_index=20_000)
    parts = json.loads((site / pagefind.FOLDER / pagefind.PARTS).read_text())
    claim = next(
        c
        for c in sorted(fact_base.claims.values(), key=lambda c: c.id, reverse=True)
        if re.search(r"[^\W\d_]{4,}", plain_text(c.statement))
    )
    word = max(re.findall(r"[^\W\d_]{4,}", plain_text(claim.statement)), key=len)
    assert len(fact_base.claims) > 10 and len(parts) >= 2
    with serve(site, "/project-name/") as served:
        page = context.new_page()
        watch = Watch("{0.scheme}://{0.netloc}/".format(urlsplit(served.url)))
        watch.attach(page)
        page.goto(f"{served.url}search/?q={word.lower()}")
        page.locator(f'#search-results a[href$="/project-name/claims/{claim.id}/"]').wait_for()
        page.close()
    assert watch.problems == []


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


# -- every page type, as readers see it: axe-core at both widths and colour schemes ----

OUTLETS = ("Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E")


@pytest.fixture(scope="module")
def edited_site(sample_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The sample as an editor leaves it: outlets and dates filled in by hand, one
    source marked as an interview, a verdict on the strongest claim; then built, so
    the corrections are recorded, and served under /project-name/."""
    project = tmp_path_factory.mktemp("edited") / "project"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    sources = sorted((project / "content" / "sources").glob("*.yaml"))
    for number, path in enumerate(sources):
        extra = f"publisher: {OUTLETS[number % len(OUTLETS)]}\n"
        extra += f"date: '2022-03-0{number % 3 + 1}'\n" if "date:" not in path.read_text() else ""
        extra += "kind: interview\n" if number == len(sources) - 1 else ""
        path.write_text(path.read_text() + extra, encoding="utf-8")
    base = read_factbase(project / "content")
    claim = project / "content" / "claims" / f"{strongest_claim(base)}.yaml"
    claim.write_text(
        claim.read_text()
        + "review: {rating: Accurate, by: Sample Desk, date: '2022-04-01', note: Checked.}\n",
        encoding="utf-8",
    )
    result = run_sitegen("build", "--project", str(project), "--base-url", PUBLISHED_BASE_URL)
    assert result.returncode == 0, result.stderr
    with serve(project / "site", "/project-name/") as served:
        yield served


def page_types(base: FactBase) -> dict[str, str]:
    disputed = sorted(c.id for c in base.claims.values() if c.status == "disputed")
    return {
        **sample_pages(base),
        **({"disputed-claim": f"claims/{disputed[0]}/"} if disputed else {}),
        "claims": "claims/",
        "people": "people/",
        "sources": "sources/",
        "search": "search/?q=embassy",
        "corrections": "corrections/",
        "not-found": "no/such/page/",
    }


def axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"], runOnly:
             {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                                    "best-practice"]}})).violations
             .map(v => ({id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))"""
    )
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {v['nodes']}"
        for v in found
        if v["impact"] in FAILING_IMPACTS
    ]


# the fast tests check one viewport in one scheme; the whole suite checks all four
@pytest.mark.parametrize(
    ("width", "scheme"),
    [
        ("desktop", "light"),
        pytest.param("desktop", "dark", marks=pytest.mark.slow),
        pytest.param("phone", "light", marks=pytest.mark.slow),
        pytest.param("phone", "dark", marks=pytest.mark.slow),
    ],
)
def test_every_page_type_is_accessible_and_captured(
    browser: Browser, edited_site: Served, width: str, scheme: str
) -> None:
    """Every page type: no serious or critical axe-core violation, no console error or
    failed request, no sideways scrolling; a full-page screenshot of each."""
    if not AXE.is_file():
        pytest.fail(
            f"axe-core not found at {AXE}: run `npm ci --prefix .ci` "
            "(scripts/test does), or set AXE_CORE to axe.min.js.",
            pytrace=False,
        )
    base = read_factbase(edited_site.site.parent / "content")
    context = browser.new_context(viewport=VIEWPORTS[width], color_scheme=scheme)
    page = context.new_page()
    watch = Watch("{0.scheme}://{0.netloc}/".format(urlsplit(edited_site.url)))
    watch.attach(page)
    tab = Tab(page, watch, edited_site)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    try:
        for name, path in page_types(base).items():
            tab.visit(path)
            if name == "search":
                page.locator("#search-results li").first.wait_for()
            page.screenshot(path=SCREENSHOTS / f"{name}-{width}-{scheme}.png", full_page=True)
            problems = [p for p in watch.problems if "no/such/page/" not in p]
            failures += [f"{name}: {p}" for p in problems]
            failures += [f"{name}: {v}" for v in axe_violations(page)]
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                failures.append(f"{name}: scrolls sideways by {overflow}px")
    finally:
        context.close()
    assert failures == [], f"{width}, {scheme} scheme"


def test_coverage_matrix_reads_on_a_phone(browser: Browser, edited_site: Served) -> None:
    """At 390 px the matrix is a list: each claim with the outlets reporting it."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    try:
        page.goto(edited_site.url)
        assert not page.locator("table.matrix").is_visible()
        item = page.locator(".matrix-narrow > li").first
        assert item.is_visible()
        outlets = item.locator(".reported-by a")
        assert outlets.count() >= 1
        assert outlets.first.inner_text() in OUTLETS
        box = outlets.first.bounding_box()
        assert box is not None and box["height"] >= 24
    finally:
        context.close()


def test_matrix_skip_link_and_full_claim_on_focus(browser: Browser, edited_site: Served) -> None:
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    try:
        page.goto(edited_site.url)
        heads = page.locator("table.matrix thead th a")
        assert set(heads.all_inner_texts()) <= set(OUTLETS)
        cell = page.locator("table.matrix td.hit a").first
        box = cell.bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24
        assert " reports: " in (cell.get_attribute("aria-label") or "")
        header = page.locator("table.matrix tbody th").first
        cut = header.evaluate("el => el.scrollWidth > el.clientWidth")
        header.locator("a").focus()
        assert cut and header.evaluate("el => el.scrollWidth <= el.clientWidth")
        page.locator(".skip-past").focus()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "after-coverage"
    finally:
        context.close()


def test_axe_reports_a_serious_violation(browser: Browser) -> None:
    """The check above could fail: a link with no name is serious for axe-core."""
    page = browser.new_page()
    try:
        page.set_content('<!doctype html><html lang="en"><title>t</title><a href="x"></a></html>')
        assert any("link-name" in v for v in axe_violations(page))
    finally:
        page.close()
