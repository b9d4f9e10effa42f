"""Search at scale: Pagefind's index size and the time to the first result.

For each story size (articles), a synthetic fact base of the same shape as real
builds (benchmarks.factbase; claims and people per article as in merge_scale's
10,000-article run: ~17.5 claims and ~3 people per article) is rendered with
`sitegen render`; then Chromium opens the search page on a local server and types
a word that occurs in one claim. Reported: the pages indexed, the index's size on
disk, the bytes the browser fetched from pagefind/ for the query, and the time from
opening the page to the first result shown (cold: a new browser context, no cache).

    .venv/bin/python -m benchmarks.search_scale [ARTICLES ...] [--dir DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Response, sync_playwright

from benchmarks.factbase import generate
from sitegen.build import render
from sitegen.config import load_config
from sitegen.reporter import Reporter
from tests.pages_server import serve

CLAIMS_PER_ARTICLE = 17.5
PEOPLE_PER_ARTICLE = 3
CHROMIUM = "/usr/bin/chromium"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def first_result(site: Path, query: str) -> tuple[float, int]:
    """Seconds from opening search/?q=… to the first result, and pagefind/ bytes fetched."""
    fetched: list[int] = []

    def count(response: Response) -> None:
        if "/pagefind/" in response.url:
            fetched.append(len(response.body()))

    with serve(site, "/story/") as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_context().new_page()
        page.on("response", count)
        started = time.perf_counter()
        page.goto(f"{served.url}search/?q={query}")
        page.locator("#search-results li").first.wait_for(timeout=120_000)
        seconds = time.perf_counter() - started
        browser.close()
    return seconds, sum(fetched)


def run(articles: int, root: Path) -> None:
    project = root / f"search-{articles}"
    shutil.rmtree(project, ignore_errors=True)
    claims = int(articles * CLAIMS_PER_ARTICLE)
    base = generate(project, claims=claims, people=articles * PEOPLE_PER_ARTICLE, sources=articles)
    config = load_config(project)
    started = time.perf_counter()
    render(config, Reporter(quiet=True), force=True)
    rendered = time.perf_counter() - started
    index = config.site / "pagefind"
    statement = next(iter(base.claims.values())).statement
    query = max(re.findall(r"[^\W\d_]{5,}", statement), key=len)  # its longest word
    seconds, fetched = first_result(config.site, query)
    print(
        f"{articles:>6} articles | {len(base.claims):>7} claims | render + index {rendered:7.1f} s"
        f" | index {folder_size(index) / 1e6:7.1f} MB on disk"
        f" | query '{query}': {fetched / 1e3:7.1f} kB fetched, first result {seconds:5.2f} s",
        flush=True,
    )
    shutil.rmtree(project, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()))
    args = parser.parse_args()
    for articles in args.articles:
        run(articles, args.dir)


if __name__ == "__main__":
    sys.exit(main())
