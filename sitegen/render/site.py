"""Render the whole site into a staging folder, then swap it in.

A render that fails (a template error, a full disk, a kill) leaves the previous site
untouched: pages are written beside it and replace it in one step at the end.

The dev server renders incrementally instead (`sitegen.render.incremental`): after an
edit only the pages showing a changed object are rendered again, each written in place
atomically.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import cache, partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sitegen import collector
from sitegen.config import Config
from sitegen.errors import ConfigError
from sitegen.factbase import check
from sitegen.factbase.model import FactBase
from sitegen.fsutil import (
    NotOurs,
    joined_blocks,
    output_folder,
    replace_tree,
    staging_dir,
    write_if_changed,
)
from sitegen.jobs import job_count
from sitegen.render import feed, links, views
from sitegen.render.corrections import Correction
from sitegen.render.feed import build_feed, page_dates
from sitegen.render.figures import figures_table, stated_by
from sitegen.render.incremental import Fragments, Incremental, draw, shows
from sitegen.render.markdown import inline_markdown, plain_text
from sitegen.render.opendata import FOLDER as DATA_FOLDER
from sitegen.render.opendata import copy_schemas, data_files
from sitegen.render.origins import picture
from sitegen.render.pagefind import SIZED_WHILE_DRAWN, index_site, page_size
from sitegen.render.pager import Pager, pagers
from sitegen.render.quoting import quoted_by
from sitegen.render.story import coverage, disputes, first_report, key_people, lead, timeline
from sitegen.render.structured import (
    Deferred,
    claim_review_data,
    person_data,
    source_data,
    website_data,
)
from sitegen.render.templates import Later, Templates
from sitegen.render.views import (
    ClaimView,
    PersonView,
    SiteViews,
    SourceView,
    build_views,
)
from sitegen.render.wording import comparisons
from sitegen.render.workers import draw_all
from sitegen.reporter import Reporter
from sitegen.textio import read_article


@dataclass
class RenderResult:
    pages: int  # HTML pages written, 404.html included
    site_dir: Path
    static_files: int = 0  # assets copied to static/
    drawn: list[str] = field(default_factory=list)  # files the dev server drew again


@dataclass
class PageSpec:
    """One file to write: where it goes, which template draws it, and with what."""

    path: str  # site path of the folder it goes in, "" for the site root
    template: str
    section: str  # the navigation entry the page belongs to
    context: dict[str, Any] | Callable[[], dict[str, Any]]  # a function: made when drawn
    file: str = "index.html"
    root: str | None = None  # links start here, not relative to the page (404.html)
    # what it shows, keys ("claims/x"), worked out when the dev server asks (a
    # 10,000-article build would hold them all for nothing); None: everything
    depends: Callable[[], frozenset[str]] | None = None

    @property
    def output(self) -> str:
        return f"{unquote(self.path)}{self.file}"

    def shown(self) -> frozenset[str] | None:
        return None if self.depends is None else self.depends()

    def linker(self, base_url: str) -> links.Linker:
        return links.Linker(self.path, base_url, self.root)


def render_site(
    config: Config,
    base: FactBase,
    reporter: Reporter,
    incremental: Incremental | None = None,
    read: Callable[[Path], tuple[str, str]] = read_article,
) -> RenderResult:
    """`read` gives an article's (text, sha256); the dev server passes its file cache."""
    return draw_site(config, base, reporter, incremental, read).finish(reporter)


def draw_site(
    config: Config,
    base: FactBase,
    reporter: Reporter,
    incremental: Incremental | None = None,
    read: Callable[[Path], tuple[str, str]] = read_article,
    templates: Templates | None = None,
) -> Drawn:
    """The site's pages drawn, not yet indexed for search nor in place (`Drawn.finish`
    does both): a caller that lets go of `base` in between leaves Pagefind more of the
    machine's memory (at 10,000 articles the fact base is ~0.9 GB). `templates`: those
    of `templates_apart`, compiling since before `base` was read."""
    with collector.paused():
        views = build_views(config, base, reporter, read)
    if incremental is None:  # before workers fork: what only a next edit would reuse
        _forget_caches()
        if _peak_memory() > GIVE_BACK_ABOVE:
            collector.trim()
    with collector.frozen():
        return _render(config, views, reporter, incremental, templates)


def templates_apart(config: Config) -> Templates | None:
    """For a one-shot render in several processes, the project's templates, compiled
    in a child while this process reads content/ and builds the views (the cores
    are otherwise idle until the pages are drawn); None for one process, which
    compiles each template as its first page is drawn."""
    if job_count(config.jobs) < 2:
        return None
    templates = Templates.for_project(config)
    templates.compile_apart(PAGE_TEMPLATES)
    return templates


@dataclass
class Drawn:
    """A render whose pages are written: into `staging`, to be indexed and swapped in
    for `folder`, or (`staging` None) in place by the dev server, done."""

    result: RenderResult
    staging: Path | None = None
    folder: Path | None = None
    trash: Path | None = None
    incremental: Incremental | None = None
    depends: dict[str, frozenset[str] | None] = field(default_factory=dict)
    html: int | None = None  # bytes of the HTML files in `staging`, or more
    sizes: dict[str, int] | None = None  # the pages' `page_size`, for a large site
    # the files that are not pages (data, feed, sitemap), still to write: Pagefind reads
    # only the pages and runs on one core, so they are written beside it (`_beside`)
    later: Callable[[], None] | None = None

    def finish(self, reporter: Reporter) -> RenderResult:
        """Index the staged site and put it in place of the old one."""
        if self.staging is None or self.folder is None:
            return self.result
        try:
            if self.incremental is None and self.later is None:  # every file is written
                _let_go()
            index_site(
                self.staging,
                reporter,
                html_size=self.html,
                sizes=self.sizes,
                trash=self.trash,
                meanwhile=None if self.later is None else self._beside,
            )
            self.sizes = None
            if self.incremental is not None:  # the dev server's last index, of the site
                self.incremental.indexer.wait()  # replaced here, must not land in the new one
            replace_tree(self.staging, self.folder, self.trash)
        except BaseException:
            shutil.rmtree(self.staging, ignore_errors=True)
            raise
        if self.incremental is not None:
            self.incremental.depends = self.depends
        return self.result

    def _beside(self) -> None:
        """Write the files left for the time Pagefind indexes the pages, then let go."""
        later, self.later = self.later, None
        if later is not None:
            with collector.frozen():  # the views, as while the pages were drawn
                later()
        _let_go()


# A process that never held more than this has little to give back before Pagefind,
# and giving it back costs a small render ~0.1 s (a full collection, the C library
# looked up by a subprocess, the trim): 2,000 claims peak at ~45 MB, 40,000 at ~270 MB.
GIVE_BACK_ABOVE = 200 * 2**20  # bytes of peak resident memory


def _let_go() -> None:
    """Give back what the drawing freed before Pagefind runs beside this process: the
    caches kept for the dev server's next edit (statements' markup, feed ids, the
    names found in every article, counted when a page first shows a person's sources;
    the close names went before drawing), then the memory itself
    (`collector.give_back`) when there was much of it. At 160,000 claims: 890 MB at
    its peak, 399 MB beside Pagefind."""
    inline_markdown.cache_clear()
    plain_text.cache_clear()
    feed.forget()
    views.forget()
    if _peak_memory() > GIVE_BACK_ABOVE:
        collector.give_back()


def _forget_caches() -> None:
    """What the views and the check keep for the dev server's next edit (every
    article's text with the names found in it, the close names): no page uses it."""
    views.forget()
    check.forget()


def _peak_memory() -> float:
    """This process's peak resident memory in bytes (infinite where unknown)."""
    try:
        import resource
    except ImportError:  # Windows
        return float("inf")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, else KB


def site_specs(views: SiteViews) -> Iterator[PageSpec]:
    """Every file of the site, made as it is written: a 10,000-article story has
    220,000 of them."""
    yield from site_pages(views)
    yield from site_documents(views)


def _render(
    config: Config,
    views: SiteViews,
    reporter: Reporter,
    incremental: Incremental | None,
    given: Templates | None = None,
) -> Drawn:
    fragments = None
    if incremental is None:
        templates = given or Templates.for_project(config)
    else:
        site = tuple(vars(views.site).values())
        if site != incremental.site:  # a new title (from a headline) is on every page
            incremental.site, incremental.changed = site, None  # and in every piece
        fragments = incremental.fragments
        if incremental.templates is None:  # new templates: every piece drawn afresh
            incremental.templates = Templates.for_project(config)
            fragments.forget(None)
        else:
            fragments.forget(incremental.changed)
        templates = incremental.templates
    if not views.site.base_url and incremental is None:
        reporter.info(
            "no base_url set: sitemap.xml is left out, and feed.xml links are "
            "relative (set base_url in sitegen.yaml or pass --base-url)"
        )
    if incremental is not None and incremental.depends and (config.site / "index.html").exists():
        return Drawn(
            _render_in_place(
                config, views, templates, list(site_specs(views)), incremental, reporter
            )
        )
    try:
        folder = output_folder(config.site)
    except NotOurs as exc:
        raise ConfigError(str(exc), config.set_at.get("site")) from None
    staging = staging_dir(folder)
    depends: dict[str, frozenset[str] | None] = {}  # the dev server's, page by page
    # a large site's pages are sized for the search index as they are drawn
    sizing = incremental is None and _pages_about(views) > SIZED_WHILE_DRAWN
    # a small one-shot render writes what is not a page while Pagefind indexes the
    # pages; a large one lets go of its views first (Pagefind's memory beside them)
    beside = incremental is None and not sizing
    sized: list[tuple[str, int]] = []  # (page, its page_size), from every process

    root = str(staging)  # pages' paths as strings: ~10 us a page less than paths

    def draw(spec: PageSpec) -> tuple[int, int]:
        """Pages written (0 or 1) and their bytes."""
        page = spec.file.endswith(".html")
        target = os.path.join(root, spec.output)
        if page:
            # a page is joined whole (Jinja's join is quicker than writing its thousands
            # of pieces) and written encoded
            html = templates.render(spec.template, page_context(views, spec, fragments))
            encoded = html.encode("utf-8")
            if sizing:
                sized.append((str(Path(spec.output)), page_size(encoded)))
            size = _write(target, encoded)
        else:  # a document (the sitemap of a large site, the feed) is streamed
            size = _write(
                target, templates.stream(spec.template, page_context(views, spec, fragments))
            )
        if incremental is not None:
            depends[spec.output] = spec.shown()
        return (1, size) if page else (0, 0)

    try:
        staging.chmod(0o755)  # a temp folder is private; a web server must read the site
        static_files = copy_static(templates.static_dirs, staging / links.STATIC)
        # the dev server (threads, and `depends` kept here) draws in its own process
        processes = 1 if incremental is not None else job_count(config.jobs)
        if processes > 1:
            templates.compile_ahead(PAGE_TEMPLATES)
        specs, meanwhile, later = _shares(views, staging, draw, beside)
        pages, html = draw_all(specs, draw, processes, meanwhile, sized)
        html += sum(path.stat().st_size for path in (staging / links.STATIC).rglob("*.html"))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    result = RenderResult(pages=pages, site_dir=config.site, static_files=static_files)
    sizes = dict(sized) if sizing else None
    return Drawn(
        result,
        staging,
        folder,
        config.cache / TRASH,
        incremental,
        depends,
        html,
        sizes,
        later,
    )


def _shares(
    views: SiteViews, staging: Path, draw: Callable[[PageSpec], tuple[int, int]], beside: bool
) -> tuple[Callable[[], Iterable[PageSpec]], Callable[[], None], Callable[[], None] | None]:
    """What the drawing processes draw, what this one writes first while the others
    draw, and (`beside`) what is left to write while Pagefind indexes the pages."""
    not_pages = partial(_not_pages, staging, views)
    if not beside:
        return partial(site_specs, views), not_pages, None
    return partial(site_pages, views), _nothing, partial(_after_pages, not_pages, views, draw)


def _not_pages(staging: Path, views: SiteViews) -> None:
    """The data files and what GitHub Pages needs."""
    _write(staging / ".nojekyll", "")  # GitHub Pages: serve the files as they are
    for data_path, pieces in data_files(views):
        _write(staging / data_path, pieces)
    copy_schemas(staging / DATA_FOLDER / "schema")


def _after_pages(
    not_pages: Callable[[], None], views: SiteViews, draw: Callable[[PageSpec], tuple[int, int]]
) -> None:
    """Every file that is not a page (none of them is indexed for search)."""
    not_pages()
    for spec in site_documents(views):
        draw(spec)


def _nothing() -> None:
    pass


def _pages_about(views: SiteViews) -> int:
    """About how many pages the site has: one a claim, person and source."""
    return len(views.claims) + len(views.people) + len(views.sources)


def _render_in_place(
    config: Config,
    views: SiteViews,
    templates: Templates,
    specs: list[PageSpec],
    incremental: Incremental,
    reporter: Reporter,
) -> RenderResult:
    """Render the pages an edit can have changed; delete the pages that are gone."""
    changed = incremental.changed
    before = incremental.depends
    written = 0
    drawn = []
    now = {spec.output: spec.shown() for spec in specs}
    for spec in specs:
        if changed is not None and spec.output in before:
            old, new = before[spec.output], now[spec.output]
            if (
                new is not None
                and old is not None
                and changed.isdisjoint(new)
                and changed.isdisjoint(old)
            ):
                continue
        text = templates.render(spec.template, page_context(views, spec, incremental.fragments))
        written += write_if_changed(config.site / spec.output, text, durable=False)
        drawn.append(spec.output)
    for stale in sorted(set(before) - set(now)):
        page = config.site / stale
        page.unlink(missing_ok=True)
        if page.name == "index.html" and page.parent != config.site:
            shutil.rmtree(page.parent, ignore_errors=True)
    incremental.depends = now
    for data_path, pieces in data_files(views, incremental.fragments):
        write_if_changed(config.site / data_path, "".join(pieces), durable=False)
    incremental.indexer.start(config.site, reporter)
    return RenderResult(pages=written, site_dir=config.site, drawn=drawn)


TRASH = "trash"  # in the cache folder: replaced sites, removed after the command ends


def _write(target: str | Path, text: str | bytes | Iterable[str]) -> int:
    """Write a file given whole (encoded or not) or in pieces; its size in bytes. Jinja
    streams a page as thousands of small strings; they are joined into blocks, since a
    write per piece costs more than drawing the page."""
    folder = os.path.dirname(target)
    try:  # most pages are the first file of their folder, whose parent is there
        os.mkdir(folder)
    except FileExistsError:
        pass
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    if isinstance(text, bytes):
        with open(target, "wb") as binary:
            return binary.write(text)
    with open(target, "w", encoding="utf-8", newline="") as handle:
        for block in joined_blocks(text):
            handle.write(block)
        return handle.tell()


# the templates `site_specs` draws with, compiled before render processes fork
PAGE_TEMPLATES = (
    *("index.html", "search.html", "claims.html", "claim.html", "people.html"),
    *("person.html", "sources.html", "source.html", "corrections.html", "page.html"),
    *("404.html", "feed.xml", "sitemap.xml", "robots.txt"),
)


def site_pages(views: SiteViews) -> Iterator[PageSpec]:
    """Every HTML page of the site, in a fixed order."""
    base_url = views.site.base_url
    claim_views = cache(partial(_claim_views, views))  # made when the dev server asks
    # the overview shows every claim, person and source: any edit redraws it
    yield PageSpec(links.HOME, "index.html", "home", partial(_home_context, views))
    yield PageSpec(links.SEARCH, "search.html", "search", {}, depends=frozenset)
    yield from _listing(views, links.CLAIMS, "claims", views.claims, partial(_claims_shown, views))
    for claim in views.claims:
        path = links.claim_path(claim.claim.id)
        yield PageSpec(
            path,
            "claim.html",
            "claims",
            partial(_claim_context, claim, path, base_url),
            depends=partial(_claim_shown, claim),
        )
    yield from _listing(views, links.PEOPLE, "people", views.people, partial(_people_shown, views))
    for person in views.people:
        path = links.person_path(person.person.id)
        yield PageSpec(
            path,
            "person.html",
            "people",
            partial(_person_context, person, path, base_url),
            depends=partial(_person_shown, person),
        )
    yield from _listing(
        views, links.SOURCES, "sources", views.sources, partial(_sources_shown, views)
    )
    for source in views.sources:
        path = links.source_path(source.source.id)
        yield PageSpec(
            path,
            "source.html",
            "sources",
            partial(_source_context, source, path, base_url),
            depends=partial(_source_shown, source, claim_views),
        )
    yield PageSpec(
        links.CORRECTIONS,
        "corrections.html",
        "corrections",
        partial(_corrections_context, views.corrections),
        depends=partial(_corrections_shown, views.corrections),
    )
    for page in views.pages:
        yield PageSpec(links.page_path(page.slug), "page.html", f"page:{page.slug}", {"page": page})
    # Served for any missing URL, at any depth: links must not depend on where it shows.
    not_found_root = links.base_path(base_url) if base_url else None
    yield PageSpec(links.HOME, "404.html", "404", {}, "404.html", not_found_root, depends=frozenset)


def _listing(
    views: SiteViews, base: str, name: str, items: list, depends: Callable[[], frozenset[str]]
) -> Iterator[PageSpec]:
    """The pages of the list of claims, people or sources (template `<name>.html`).
    Each depends on the whole list (an edit can move an item to another page), worked
    out once for all of them."""
    depends = cache(depends)
    for pager in pagers(base, len(items), views.site.per_page):
        yield PageSpec(
            pager.path,
            f"{name}.html",
            name,
            partial(_list_context, name, items, pager),
            depends=depends,
        )


def _list_context(name: str, items: list, pager: Pager) -> dict[str, Any]:
    context = {name: pager.items(items), "pager": pager}
    if name == "sources" and pager.number == 1:  # the origins of the whole story, once
        context["origins"] = picture(items)
    return context


def site_documents(views: SiteViews) -> Iterator[PageSpec]:
    """The files for machines at the site root: feed, sitemap, robots.txt."""
    yield PageSpec(
        links.HOME,
        "feed.xml",
        "feed",
        partial(_feed_context, views),
        links.FEED,
        depends=partial(_feed_shown, views),
    )
    if views.site.base_url:  # a sitemap lists absolute URLs only
        yield PageSpec(
            links.HOME, "sitemap.xml", "sitemap", partial(_sitemap_context, views), links.SITEMAP
        )
    yield PageSpec(links.HOME, "robots.txt", "robots", {}, "robots.txt", depends=frozenset)


# What each page shows, as keys ("claims/x"): worked out only when the dev server asks.


def _claim_views(views: SiteViews) -> dict[str, ClaimView]:
    return {view.claim.id: view for view in views.claims}


def _claims_shown(views: SiteViews) -> frozenset[str]:
    return frozenset(
        [
            *(f"claims/{view.claim.id}" for view in views.claims),
            *(
                f"sources/{source_id}"
                for view in views.claims
                for source_id in view.claim.source_ids
            ),
        ]
    )


def _claim_shown(claim: ClaimView) -> frozenset[str]:
    return shows([claim, *claim.conflicts])


def _people_shown(views: SiteViews) -> frozenset[str]:
    return frozenset(
        [
            *(f"people/{view.person.id}" for view in views.people),
            *(
                f"claims/{claim.claim.id}"
                for view in views.people
                for claim in view.quotes + view.claims
            ),
        ]
    )


def _person_shown(person: PersonView) -> frozenset[str]:
    return shows(
        person.quotes + person.claims,
        [f"people/{person.person.id}"] + [f"sources/{s.source.id}" for s in person.sources],
    )


def _sources_shown(views: SiteViews) -> frozenset[str]:
    return frozenset(
        [
            *(f"sources/{view.source.id}" for view in views.sources),
            *(f"claims/{ref.claim.id}" for view in views.sources for ref in view.claims),
        ]
    )


def _source_shown(
    source: SourceView, claim_views: Callable[[], dict[str, ClaimView]]
) -> frozenset[str]:
    by_id = claim_views()
    cited = [by_id[ref.claim.id] for ref in source.claims if ref.claim.id in by_id]
    related = [source.source, *source.derived_from, *source.copied_by]
    return shows(cited, [f"sources/{s.id}" for s in related])


def _feed_shown(views: SiteViews) -> frozenset[str]:
    return frozenset(
        [
            *(f"claims/{view.claim.id}" for view in views.claims),
            *(f"sources/{view.source.id}" for view in views.sources),
        ]
    )


def _home_context(views: SiteViews) -> dict[str, Any]:
    return {
        "claims": views.claims,
        "people": views.people,
        "sources": views.sources,
        "key_people": key_people(views),
        "coverage": coverage(views),
        "timeline": timeline(views),
        "lead": lead(views),
        "disputes": disputes(views),
        "structured_data": website_data(views.site, links.Linker(links.HOME, views.site.base_url)),
        "figures": figures_table(views),
    }


def _claim_context(view: ClaimView, path: str, base_url: str) -> dict[str, Any]:
    link = links.Linker(path, base_url)
    report = cache(partial(first_report, view))
    return {
        **_fields(view),
        "structured_data": Deferred(partial(claim_review_data, view, link)),
        "first": Later(lambda: report()[0]),
        "first_day": Later(lambda: report()[1]),
        "comparisons": Later(lambda: comparisons(view, report()[0])),
        "quoted": Later(partial(quoted_by, view)),
        "stated_by": Later(partial(stated_by, view)),
    }


def _source_context(view: SourceView, path: str, base_url: str) -> dict[str, Any]:
    link = links.Linker(path, base_url)
    return {**_fields(view), "structured_data": source_data(view, link)}


def _corrections_context(corrections: list[Correction]) -> dict[str, Any]:
    return {"corrections": corrections}


def _corrections_shown(corrections: list[Correction]) -> frozenset[str]:
    return frozenset(f"{c.kind}/{c.object_id}" for c in corrections)


def _person_context(view: PersonView, path: str, base_url: str) -> dict[str, Any]:
    linker = links.Linker(path, base_url)
    return {
        **_fields(view),
        "sources": Later(lambda: view.sources),  # counted when a template shows them
        "structured_data": Deferred(partial(person_data, view, linker)),
    }


def _feed_context(views: SiteViews) -> dict[str, Any]:
    return {"feed": build_feed(views)}


def _sitemap_context(views: SiteViews) -> dict[str, Any]:
    dates = page_dates(views)
    return {
        "listed": (
            (page.path, dates.get(page.path))
            for page in site_pages(views)
            if page.file == "index.html"
        )
    }


def _fields(view: object) -> dict[str, Any]:
    """A view's fields as template variables: `claim`, `citations`, ... not `view.claim`."""
    return {name: getattr(view, name) for name in _field_names(type(view))}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(kind: type) -> tuple[str, ...]:
    """The public fields of a view class, looked up once, not on each of its pages."""
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(
            f.name for f in fields(kind) if not f.name.startswith("_")
        )
    return names


def page_context(
    views: SiteViews, spec: PageSpec, fragments: Fragments | None = None
) -> dict[str, Any]:
    """What every template sees, plus the page's own variables. `fragment(macro, view,
    ...)` draws a claim's piece of a list, or reuses it from `fragments` (dev server)."""
    link = spec.linker(views.site.base_url)
    return {
        "site": views.site,
        "pages": views.pages,
        "page_path": spec.path,
        "section": spec.section,
        "url": link.url,
        "absolute_url": link.absolute,
        "structured_data": None,
        "fragment": draw if fragments is None else fragments.drawer(spec.output),
        **(spec.context() if callable(spec.context) else spec.context),
    }


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
