"""The site's URL layout, and relative links between its pages.

Every page lives at a "site path": its folder relative to the site root, ending in
"/" ("" for the home page, "claims/<id>/" for a claim), written as `<path>index.html`.
Links are always relative to the page that contains them, so the built site works
under any base path (`/`, `/project-name/`, a file share).
"""

from __future__ import annotations

from urllib.parse import quote

from sitegen.model import Claim, Page, Person, Source

HOME = ""
PEOPLE = "people/"
CLAIMS = "claims/"
SOURCES = "sources/"
PAGES = "pages/"
STATIC = "static/"


def _segment(object_id: str) -> str:
    return quote(object_id, safe="")


def person_path(person_id: str) -> str:
    return f"{PEOPLE}{_segment(person_id)}/"


def claim_path(claim_id: str) -> str:
    return f"{CLAIMS}{_segment(claim_id)}/"


def source_path(source_id: str) -> str:
    return f"{SOURCES}{_segment(source_id)}/"


def page_path(slug: str) -> str:
    return f"{PAGES}{_segment(slug)}/"


def passage_anchor(start: int, end: int) -> str:
    """The id of a highlighted passage: derived from the span alone, so it is stable."""
    return f"p-{start}-{end}"


def is_safe_id(object_id: str) -> bool:
    """Whether an id can name one folder of the site (no traversal, no nesting)."""
    return bool(object_id) and object_id not in (".", "..") and not any(
        ch in object_id for ch in "/\\\0"
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
