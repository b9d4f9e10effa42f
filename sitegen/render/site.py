"""Render the whole site into a staging folder, then swap it in.

A render that fails (a template error, a full disk, a kill) leaves the previous site
untouched: pages are written beside it and replace it in one step at the end.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sitegen.config import Config
from sitegen.fsutil import replace_tree, staging_dir
from sitegen.model import FactBase
from sitegen.render import links
from sitegen.render.templates import Templates
from sitegen.render.views import SiteViews, build_views
from sitegen.reporter import Reporter


@dataclass
class RenderResult:
    pages: int  # HTML pages written
    site_dir: Path
    static_files: int = 0  # assets copied to static/


@dataclass
class PageSpec:
    """One page to write: where it goes, which template draws it, and with what."""

    path: str  # site path of the page folder, "" for the home page
    template: str
    section: str  # the navigation entry the page belongs to
    context: dict[str, Any]


def render_site(config: Config, base: FactBase, reporter: Reporter) -> RenderResult:
    views = build_views(config, base, reporter)
    templates = Templates.for_project(config)
    staging = staging_dir(config.site)
    try:
        pages = 0
        for spec in site_pages(views):
            html = templates.render(spec.template, page_context(views, spec))
            target = staging / unquote(spec.path) / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8", newline="")
            pages += 1
        static_files = copy_static(templates.static_dirs, staging / links.STATIC)
        replace_tree(staging, config.site)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return RenderResult(pages=pages, site_dir=config.site, static_files=static_files)


def site_pages(views: SiteViews) -> Iterator[PageSpec]:
    """Every page of the site, in a fixed order."""
    yield PageSpec(links.HOME, "index.html", "home", {
        "claims": views.claims, "people": views.people, "sources": views.sources})
    yield PageSpec(links.CLAIMS, "claims.html", "claims", {"claims": views.claims})
    for claim in views.claims:
        yield PageSpec(links.claim_path(claim.claim.id), "claim.html", "claims",
                       _fields(claim))
    yield PageSpec(links.PEOPLE, "people.html", "people", {"people": views.people})
    for person in views.people:
        yield PageSpec(links.person_path(person.person.id), "person.html", "people",
                       _fields(person))
    yield PageSpec(links.SOURCES, "sources.html", "sources", {"sources": views.sources})
    for source in views.sources:
        yield PageSpec(links.source_path(source.source.id), "source.html", "sources",
                       _fields(source))
    for page in views.pages:
        yield PageSpec(links.page_path(page.slug), "page.html", f"page:{page.slug}",
                       {"page": page})


def _fields(view: Any) -> dict[str, Any]:
    """A view's fields as template variables: `claim`, `citations`, ... not `view.claim`."""
    return {f.name: getattr(view, f.name) for f in fields(view)}


def page_context(views: SiteViews, spec: PageSpec) -> dict[str, Any]:
    """What every template sees, plus the page's own variables."""
    return {
        "site": views.site,
        "pages": views.pages,
        "page_path": spec.path,
        "section": spec.section,
        "url": _url_maker(spec.path),
        **spec.context,
    }


def _url_maker(page: str) -> Callable[..., str]:
    def url(target: object, anchor: str | None = None) -> str:
        """Relative link from this page to a model object or a site path."""
        link = links.relative_url(page, links.site_path(target))
        return f"{link}#{anchor}" if anchor else link

    return url


def copy_static(folders: list[Path], target: Path) -> int:
    """Copy each folder's files into `target`; a later folder's file replaces an earlier."""
    copied: dict[Path, Path] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                copied[path.relative_to(folder)] = path
    for relative, path in sorted(copied.items()):
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target / relative)
    return len(copied)
