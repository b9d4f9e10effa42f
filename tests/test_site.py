"""The published site: crawled under a subpath, its files for machines, JSON-LD, escaping."""

from __future__ import annotations

import io
import json
import re
import shutil
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import html5lib
import pytest

from sitegen.config import Config, normalize_base_url
from sitegen.factbase.model import Citation, Claim, FactBase, Person, Source
from sitegen.factbase.store import read_factbase
from sitegen.render import render_site
from sitegen.reporter import Reporter
from sitegen.theme import theme_dir
from tests.conftest import PUBLISHED_BASE_URL, run_sitegen
from tests.pages_server import Served

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# Attributes holding a URL: links, resources, forms, and the search page's index.
LINKING = ("href", "src", "action", "data-pagefind")
# Elements whose URL the browser loads by itself, as opposed to links a reader follows.
RESOURCES = {
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
}


def parse_html(data: bytes) -> ET.Element:
    parser = html5lib.HTMLParser(
        strict=True, tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False
    )
    return parser.parse(data)


@dataclass
class Crawl:
    pages: dict[str, ET.Element] = field(default_factory=dict)  # URL -> parsed HTML
    fetched: dict[str, int] = field(default_factory=dict)  # URL -> HTTP status
    broken: list[str] = field(default_factory=list)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def crawl(served: Served, *starts: str) -> Crawl:
    """Follow every link and load every resource that stays on the site."""
    done = Crawl()
    queue = deque((start, "start") for start in starts)
    fragments: list[tuple[str, str, str]] = []
    while queue:
        url, referrer = queue.popleft()
        if url in done.fetched:
            continue
        status, kind, body = fetch(url)
        done.fetched[url] = status
        if status != 200 and url not in starts:
            done.broken.append(f"{referrer} -> {url} ({status})")
            continue
        if kind != "text/html":
            continue
        tree = parse_html(body)
        done.pages[url] = tree
        for element in tree.iter():
            for attr in LINKING:
                value = element.get(attr)
                if value is None:
                    continue
                target, fragment = urldefrag(urljoin(url, value))
                parts = urlsplit(target)
                if (element.tag, attr) in RESOURCES and element.get("rel") != "canonical":
                    assert target.startswith(served.url), f"{url} loads {value} from elsewhere"
                if parts.scheme not in ("http", "https") or not target.startswith(served.url):
                    continue  # the original articles, mailto:, canonical URLs
                queue.append((target, url))
                if fragment:
                    fragments.append((url, target, fragment))
    for page, target, fragment in fragments:
        tree = done.pages.get(target)
        if tree is not None and not any(el.get("id") == fragment for el in tree.iter()):
            done.broken.append(f"{page} -> {target}#{fragment} (no such id)")
    return done


def test_crawl_under_a_subpath_finds_nothing_broken(
    served_site: Served, published_site: Path
) -> None:
    missing = served_site.url + "no/such/page/"
    result = crawl(served_site, served_site.url, missing)
    assert result.broken == []
    assert result.fetched[missing] == 404  # the host's 404.html, whose links still work
    assert result.fetched[served_site.url + "static/style.css"] == 200
    pages = {p.relative_to(published_site).as_posix() for p in published_site.rglob("*.html")}
    crawled = {url.removeprefix(served_site.url) or "index.html" for url in result.pages}
    crawled = {path + "index.html" if path.endswith("/") else path for path in crawled}
    assert pages - {"404.html"} <= crawled  # every page is reachable by links


def test_every_page_parses_strictly(published_site: Path) -> None:
    for path in published_site.rglob("*.html"):
        tree = parse_html(path.read_bytes())  # raises on the first parse error
        ids = [el.get("id") for el in tree.iter() if el.get("id")]
        assert len(ids) == len(set(ids)), path
        assert tree.find("body/header") is not None and tree.find("body/footer") is not None


def test_no_request_leaves_the_site(published_site: Path) -> None:
    for path in [
        *published_site.rglob("*.html"),
        *published_site.rglob("*.css"),
        *published_site.rglob("*.js"),
    ]:
        text = path.read_text(encoding="utf-8")
        assert "@import" not in text and "//fonts." not in text, path
        if path.suffix == ".html":
            for element in parse_html(text.encode()).iter():
                for tag, attr in RESOURCES:
                    value = element.get(attr) if element.tag == tag else None
                    if value and element.get("rel") != "canonical":
                        assert not urlsplit(value).netloc, f"{path}: {value}"


def test_sitemap_lists_every_page_with_absolute_urls(published_site: Path) -> None:
    root = ET.parse(published_site / "sitemap.xml").getroot()
    locs = [loc.text or "" for loc in root.iter(f"{SITEMAP}loc")]
    assert len(locs) == len(set(locs))
    assert all(loc.startswith(PUBLISHED_BASE_URL) for loc in locs)
    listed = {loc.removeprefix(PUBLISHED_BASE_URL) + "index.html" for loc in locs}
    pages = {p.relative_to(published_site).as_posix() for p in published_site.rglob("*.html")}
    assert listed == pages - {"404.html"}
    robots = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PUBLISHED_BASE_URL}sitemap.xml" in robots.splitlines()


def test_feed_of_a_small_story_has_every_claim(published_site: Path) -> None:
    base = read_factbase(published_site.parent / "content")
    feed = ET.parse(published_site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(base.claims)
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(f"{PUBLISHED_BASE_URL}claims/")
        assert (published_site / link.removeprefix(PUBLISHED_BASE_URL) / "index.html").is_file()
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry.findtext(f"{ATOM}updated"))
        assert entry.findtext(f"{ATOM}title").strip()
    self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == f"{PUBLISHED_BASE_URL}feed.xml"


def test_feed_carries_the_most_recently_reported_claims(
    sample_project: Path, tmp_path: Path
) -> None:
    """`feed_limit` keeps the newest entries; 0 keeps every claim, newest first."""
    project = tmp_path / "project"
    shutil.copytree(sample_project, project, ignore=shutil.ignore_patterns("site"))
    for day, path in enumerate(sorted((project / "content" / "sources").glob("*.yaml")), 1):
        kept = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith("date:")
        ]
        path.write_text("\n".join([*kept, f"date: '2022-03-{day:02d}'", ""]), encoding="utf-8")
    feeds = {}
    for limit in (0, 5):
        (project / "sitegen.yaml").write_text(f"feed_limit: {limit}\n", encoding="utf-8")
        result = run_sitegen("render", "--project", str(project))
        assert result.returncode == 0, result.stderr
        feed = ET.parse(project / "site" / "feed.xml").getroot()
        feeds[limit] = [
            (e.findtext(f"{ATOM}updated"), e.findtext(f"{ATOM}id"))
            for e in feed.findall(f"{ATOM}entry")
        ]
    every = feeds[0]
    assert len(every) == len(read_factbase(project / "content").claims)
    dates = [updated for updated, _ in every]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1
    assert feeds[5] == every[:5]


def test_github_pages_files(published_site: Path) -> None:
    assert (published_site / ".nojekyll").is_file()
    assert (published_site / "static" / "favicon.svg").is_file()
    home = parse_html((published_site / "index.html").read_bytes())
    rels = {link.get("rel"): link.get("href") for link in home.iter("link")}
    assert rels["icon"] == "static/favicon.svg"
    assert rels["canonical"] == PUBLISHED_BASE_URL
    assert rels["alternate"] == "feed.xml"
    claim = next(published_site.glob("claims/*/index.html"))
    canonical = next(
        link.get("href")
        for link in parse_html(claim.read_bytes()).iter("link")
        if link.get("rel") == "canonical"
    )
    assert canonical == f"{PUBLISHED_BASE_URL}claims/{claim.parent.name}/"
    # 404.html is served at any depth: its links start from the base path.
    missing = parse_html((published_site / "404.html").read_bytes())
    assert {link.get("href") for link in missing.iter("link")} >= {
        "/project-name/static/style.css",
        "/project-name/static/favicon.svg",
    }


def test_without_base_url_links_stay_relative_and_there_is_no_sitemap(sample_project: Path) -> None:
    site = sample_project / "site"
    assert not (site / "sitemap.xml").exists()
    assert "Sitemap" not in (site / "robots.txt").read_text(encoding="utf-8")
    feed = ET.parse(site / "feed.xml").getroot()
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert links and not any(urlsplit(link).scheme for link in links)
    assert all(
        entry_id.startswith("urn:uuid:")
        for entry_id in (e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry"))
    )
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in home


def test_search_index_covers_claims_people_and_sources(published_site: Path) -> None:
    """Pagefind indexes exactly the claim, person and source pages."""
    base = read_factbase(published_site.parent / "content")
    entry = json.loads((published_site / "pagefind" / "pagefind-entry.json").read_text())
    pages = sum(language["page_count"] for language in entry["languages"].values())
    assert pages == len(base.claims) + len(base.people) + len(base.sources)
    assert not (published_site / "search" / "index.json").exists()


def json_ld(path: Path) -> dict:
    tree = parse_html(path.read_bytes())
    scripts = [s for s in tree.iter("script") if s.get("type") == "application/ld+json"]
    assert len(scripts) == 1, path
    return json.loads(scripts[0].text or "")


def test_claim_and_person_pages_carry_json_ld(published_site: Path) -> None:
    base = read_factbase(published_site.parent / "content")
    for claim in base.claims.values():
        data = json_ld(published_site / "claims" / claim.id / "index.html")
        assert data["@context"] == "https://schema.org" and data["@type"] == "Claim"
        assert data["url"] == f"{PUBLISHED_BASE_URL}claims/{claim.id}/"
        assert len(data["appearance"]) == len(claim.source_ids)
        assert {work["name"] for work in data["appearance"]} == {
            base.sources[sid].title for sid in claim.source_ids
        }
    for person in base.people.values():
        data = json_ld(published_site / "people" / person.id / "index.html")
        assert data["@type"] == "Person" and data["name"] == person.name
        assert data.get("alternateName", []) == person.aliases


HOSTILE = '</script><script>alert("x")</script><!-- & </SCRIPT > <b>'


def test_hostile_text_cannot_break_out_of_json_ld_or_html(tmp_path: Path) -> None:
    text = f"Officials said {HOSTILE} today.\n"
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(text, encoding="utf-8")
    start = text.index(HOSTILE)
    base = FactBase(
        sources={
            "a": Source(
                "a",
                "seeds/a.txt",
                "0" * 64,
                f"Title {HOSTILE}",
                publisher=HOSTILE,
                author=HOSTILE,
                date="2022-03-02",
                url="javascript:alert(1)",
            )
        },
        people={"p": Person("p", f"Name {HOSTILE}", [HOSTILE], HOSTILE)},
        claims={
            "c": Claim(
                id="c",
                statement=f"Statement {HOSTILE}",
                citations=[Citation("a", HOSTILE, start, start + len(HOSTILE))],
                status="single-source",
                people=["p"],
                speaker="p",
                kind="quote",
            )
        },
    )
    config = Config(root=tmp_path, base_url="https://example.org/x/")
    render_site(config, base, Reporter(stream=io.StringIO()))
    for page, expected in (
        ("claims/c/index.html", f"Statement {HOSTILE}"),
        ("people/p/index.html", f"Name {HOSTILE}"),
    ):
        raw = (config.site / page).read_text(encoding="utf-8")
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S)
        assert block is not None
        assert not re.search(r"[<>&]", block.group(1))  # \u003c etc. instead
        data = json.loads(block.group(1))
        assert expected in (data.get("text"), data.get("name"))
        tree = parse_html(raw.encode())
        assert [s.get("type") for s in tree.iter("script")] == ["application/ld+json"]
        assert not list(tree.iter("b"))
    claim = json_ld(config.site / "claims" / "c" / "index.html")
    assert claim["appearance"][0]["url"] == "https://example.org/x/sources/a/"  # not javascript:
    assert claim["author"]["name"] == f"Name {HOSTILE}"
    feed = ET.parse(config.site / "feed.xml").getroot()  # still well-formed XML
    assert HOSTILE in feed.find(f"{ATOM}entry").findtext(f"{ATOM}title")


@pytest.mark.parametrize(
    "base_url", ["example.org/x", "ftp://example.org/", "/project/", "https://example.org/?a=1"]
)
def test_base_url_must_be_absolute_http(base_url: str) -> None:
    with pytest.raises(ValueError, match="absolute http"):
        normalize_base_url(base_url)


def test_base_url_gets_one_trailing_slash() -> None:
    assert normalize_base_url(" https://owner.github.io/repo ") == "https://owner.github.io/repo/"
    assert normalize_base_url("https://example.org//") == "https://example.org/"
    assert normalize_base_url("") == ""


def test_a_bad_base_url_option_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    result = run_sitegen("render", "--project", str(tmp_path), "--base-url", "example.org/x")
    assert result.returncode == 2
    assert "base_url must be an absolute http(s) URL" in result.stderr
    assert not (tmp_path / "site").exists()


def _palette(css: str, start: str) -> dict[str, str]:
    block = css[css.index(start) :]
    block = block[: block.index("}")]
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def _contrast(a: str, b: str) -> float:
    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, bl = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_theme_colours_meet_wcag_contrast_in_light_and_dark() -> None:
    css = (theme_dir() / "static" / "style.css").read_text(encoding="utf-8")
    light = _palette(css, ":root {")
    dark = {**light, **_palette(css, "@media (prefers-color-scheme: dark)")}
    text_pairs = [
        ("fg", "bg"),
        ("muted", "bg"),
        ("link", "bg"),
        ("link-visited", "bg"),
        ("fg", "panel"),
        ("muted", "panel"),
        ("link", "panel"),
        ("fg", "mark"),
        ("fg", "mark-target"),
        ("ok-fg", "ok-bg"),
        ("single-fg", "single-bg"),
        ("dispute-fg", "dispute-bg"),
    ]
    graphics = [("dot-ok", "bg"), ("dot-single", "bg"), ("dot-dispute", "bg")]
    for palette in (light, dark):
        for pair, minimum in [*((p, 4.5) for p in text_pairs), *((p, 3.0) for p in graphics)]:
            assert _contrast(palette[pair[0]], palette[pair[1]]) >= minimum, pair
