"""The site's URL layout, and relative links between its pages.

Every page lives at a "site path": its folder relative to the site root, ending in
"/" ("" for the home page, "claims/<id>/" for a claim), written as `<path>index.html`.
Links are always relative to the page that contains them, so the built site works
under any base path (`/`, `/project-name/`, a file share).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from sitegen.factbase.model import Claim, Page, Person, Source

HOME = ""
PEOPLE = "people/"
CLAIMS = "claims/"
SOURCES = "sources/"
PAGES = "pages/"
STATIC = "static/"
SEARCH = "search/"
PAGEFIND = "pagefind/"
CORRECTIONS = "corrections/"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"


_SLUG = re.compile(r"[a-z0-9-]+")  # what content ids are: quoting leaves them as they are


def _segment(object_id: str) -> str:
    """The id as one URL path segment; a slug as it is, without quote()'s ~1 µs (pages
    link to tens of objects each)."""
    return object_id if _SLUG.fullmatch(object_id) else quote(object_id, safe="")


def person_path(person_id: str) -> str:
    return f"{PEOPLE}{_segment(person_id)}/"


def claim_path(claim_id: str) -> str:
    return f"{CLAIMS}{_segment(claim_id)}/"


def source_path(source_id: str) -> str:
    return f"{SOURCES}{_segment(source_id)}/"


def page_path(slug: str) -> str:
    return f"{PAGES}{_segment(slug)}/"


def passage_anchor(start: int, end: int) -> str:
    """The id of a highlighted passage: derived from the span alone, so it is stable.
    One string for every view naming it (the passage, the claims citing it, their
    citations: hundreds of thousands of them in a 10,000-article story)."""
    return sys.intern(f"p-{start}-{end}")


def is_safe_id(object_id: str) -> bool:
    """Whether an id can name one folder of the site (no traversal, no nesting)."""
    return (
        bool(object_id)
        and object_id not in (".", "..")
        and not any(ch in object_id for ch in "/\\\0")
    )


def site_path(target: object) -> str:
    """The site path of a model object, or a site path given as a string."""
    match target:
        case str():
            return target.lstrip("/")
        case Person(id=person_id):
            return person_path(person_id)
        case Claim(id=claim_id):
            return claim_path(claim_id)
        case Source(id=source_id):
            return source_path(source_id)
        case Page(slug=slug):
            return page_path(slug)
    raise TypeError(f"no page for {type(target).__name__} objects")


def relative_url(from_page: str, to_path: str) -> str:
    """A link from the page at site path `from_page` to the site path `to_path`.

    `from_page` is a page folder ("claims/x/") or a file path ("claims/x/index.html");
    either way the link climbs to the site root, then descends to `to_path`.
    """
    return "../" * from_page.count("/") + to_path.lstrip("/") or "./"


def is_web_url(value: object) -> bool:
    """Only http(s) addresses become links: a `javascript:` URL in YAML must not run."""
    return isinstance(value, str) and urlsplit(value).scheme.lower() in ("http", "https")


def absolute_url(base_url: str, to_path: str) -> str:
    """The absolute URL of a site path under `base_url` (normalised, non-empty)."""
    return base_url + to_path.lstrip("/")


def base_path(base_url: str) -> str:
    """The path part of `base_url` ("/project-name/"), "/" when it has none."""
    return urlsplit(base_url).path or "/"


@dataclass(frozen=True)
class Linker:
    """Links written on one page.

    Between pages, links are relative. `absolute` is for what leaves the site (feed,
    sitemap, canonical and JSON-LD URLs): absolute under `base_url` when one is set.
    `root` is for a page served at any URL (404.html): its links start from the
    site's base path instead, since a relative link would resolve against the URL
    that was not found.
    """

    page: str  # site path of the page's folder, or of a file ("feed.xml")
    base_url: str = ""  # normalised: "" or ending in "/"
    root: str | None = None

    def url(self, target: object, anchor: str | None = None) -> str:
        """A link from this page to a model object or a site path."""
        path = site_path(target)
        link = self.root + path if self.root is not None else relative_url(self.page, path)
        return f"{link}#{anchor}" if anchor else link

    def absolute(self, target: object) -> str:
        """The full URL of a page when `base_url` is known, else a link from this page."""
        if self.base_url:
            return absolute_url(self.base_url, site_path(target))
        return self.url(target)
