"""The build phases: extract (seeds -> fact base), write content/, render (content/ -> site/).

Each phase reads everything it needs into memory first, then writes. Extraction imports
spaCy only inside `extract`, so rendering a site from content/ never loads it.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen import collector, stamps
from sitegen.config import Config
from sitegen.errors import InputError, Location
from sitegen.filecache import FileCache
from sitegen.fsutil import atomic_write, restore_tree
from sitegen.ingest import read_articles
from sitegen.model import FactBase
from sitegen.reporter import Reporter

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sitegen.extract.records import ArticleFacts
    from sitegen.reconcile import Outcome
    from sitegen.render.incremental import Incremental
from sitegen.state import (
    CORRECTIONS,
    SNAPSHOT,
    STATE_DIR,
    commit,
    corrections_text,
    load_snapshot,
    recover,
)
from sitegen.textio import read_article
from sitegen.theme import theme_dir


@dataclass
class BuildStats:
    sources: int = 0
    people: int = 0
    claims: int = 0
    multi_source_claims: int = 0
    pages: int = 0
    seconds: float = 0.0
    written: list[Path] = field(default_factory=list)  # content/ files this build changed


@dataclass
class Extraction:
    """The machine's view of the story, and the article texts it was read from."""

    base: FactBase
    texts: dict[str, str]


def extract(config: Config, reporter: Reporter) -> Extraction:
    """Read every article, extract (or take from the cache) and merge facts."""
    from sitegen.cache import ExtractionCache, interned
    from sitegen.extract.parallel import worker_count
    from sitegen.merge import merge

    articles = read_articles(config.seeds, config.root, config.extract_limit)
    if not articles:
        raise InputError(
            f"no articles (.txt or .md) found in {config.seeds_dir}/", Location(config.seeds)
        )
    for article in articles:
        for warning in article.warnings:
            reporter.warning(warning, Location(article.file))
    cache = ExtractionCache(config.cache, config.model)
    cached = {a.id: facts for a in articles if (facts := cache.get(a)) is not None}
    todo = [a for a in articles if a.id not in cached]
    if todo:
        workers = worker_count(todo, config.jobs)
        reporter.info(
            f"extracting facts from {len(todo)} of {len(articles)} articles with "
            f"{config.model}" + (f" in {workers} processes" if workers else "")
        )
        with reporter.progress("extracting", len(todo), "articles") as progress:
            for article, facts in zip(todo, _extract_with_spacy(todo, config), strict=True):
                cache.put(article, facts)  # as results arrive: an interrupted run keeps them
                cached[article.id] = interned(facts)
                progress.advance()
    extracted = [cached[a.id] for a in articles]
    return Extraction(merge(articles, extracted), {a.id: a.text for a in articles})


def _extract_with_spacy(articles: list, config: Config) -> Iterator[ArticleFacts]:
    from sitegen.extract.parallel import extract_facts  # spaCy is loaded there, only there

    return extract_facts(articles, config.model, config.jobs)


def extract_to_content(
    config: Config, reporter: Reporter, cache: FileCache | None = None, skip_unchanged: bool = False
) -> BuildStats:
    """Extract, then merge the result into content/ keeping every hand edit. With
    `skip_unchanged` (build, serve), nothing is done but the same report when nothing
    it reads has changed since it last ran: the run would write nothing."""
    started = time.perf_counter()
    if recover(config.content):
        reporter.warning(
            "finished writing content/ from an interrupted build", Location(config.content_dir)
        )
    inputs = stamps.read_inputs(config)
    previous = stamps.load(config) if skip_unchanged else None
    if previous is not None and previous.digest == stamps.digest(config, inputs):
        return _unchanged(config, reporter, previous, started)
    from sitegen.check import read_for_update  # what a skipped phase does not load
    from sitegen.content import KINDS

    reported = len(reporter.messages)
    files = read_for_update(config, reporter, cache)  # a broken file: nothing is written
    current = {kind: {doc.data["id"]: doc.data for doc in files.documents[kind]} for kind in KINDS}
    outcome = _reconciled(config, reporter, current)
    existing = {
        doc.path.relative_to(config.content).as_posix(): doc
        for kind in KINDS
        for doc in files.documents[kind]
    }
    writes = _planned_writes(config, existing, outcome.records)
    _note_corrections(config, outcome, writes)
    snapshot_sha = commit(config.content, writes, outcome.snapshot)
    for claim_id in outcome.emptied_hand_claims:
        reporter.warning(
            "hand-edited claim has no citation left; kept (see sitegen check)",
            Location(f"{config.content_dir}/claims/{claim_id}.yaml"),
        )
    counts = {kind: len(outcome.records[kind]) for kind in KINDS}
    multi = sum(
        1
        for r in outcome.records["claims"].values()
        if len({c.get("source") for c in r.get("citations") or []}) > 1
    )
    reporter.info(
        f"content: {counts['sources']} sources, {counts['people']} people, "
        f"{counts['claims']} claims ({multi} from several sources); "
        f"{len(outcome.kept_edits)} hand edits kept; {len(writes)} files changed"
    )
    stamps.save(
        config,
        stamps.Stamp(
            stamps.digest(
                config,
                stamps.after_writes(
                    inputs, config.content, writes, {f"{STATE_DIR}/{SNAPSHOT}": snapshot_sha}
                ),
            ),
            {**counts, "multi_source_claims": multi},
            stamps.stamp_messages(reporter.messages[reported:]),
        ),
    )
    return BuildStats(
        sources=counts["sources"],
        people=counts["people"],
        claims=counts["claims"],
        multi_source_claims=multi,
        seconds=time.perf_counter() - started,
        written=[config.content / relative for relative in writes],
    )


def _note_corrections(config: Config, outcome: Outcome, writes: dict[str, str | None]) -> None:
    """Record the kept hand edits, dated by the build that first kept each, with the
    other writes (so through the journal); nothing when they are as recorded."""
    path = config.content / STATE_DIR / CORRECTIONS
    if not outcome.corrections and not path.exists():
        return  # no edit yet: no file
    text = corrections_text(config.content, outcome.corrections, build_date())
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        writes[f"{STATE_DIR}/{CORRECTIONS}"] = text


def build_date() -> str:
    """Today (UTC), or the day of `SOURCE_DATE_EPOCH` for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.date().isoformat()


def _reconciled(config: Config, reporter: Reporter, current: dict) -> Outcome:
    """The machine's new view merged with content/ as people left it. The extraction
    is dropped on return, before the files are written: at 10,000 articles it is
    half a gigabyte."""
    from sitegen.content import records
    from sitegen.reconcile import reconcile

    extraction = extract(config, reporter)
    snapshot = load_snapshot(config.content)
    # with no snapshot yet, the files there are taken as the previous build's output
    return reconcile(
        records(extraction.base),
        current,
        current if snapshot is None else snapshot,
        extraction.texts,
    )


def _unchanged(
    config: Config, reporter: Reporter, stamp: stamps.Stamp, started: float
) -> BuildStats:
    """The result of an extract phase whose inputs are as it left them: its report."""
    for message in stamp.replay():
        getattr(reporter, message.level)(message.text, message.location)
    counts = stamp.counts
    reporter.info(
        f"content: {counts['sources']} sources, {counts['people']} people, "
        f"{counts['claims']} claims ({counts['multi_source_claims']} from several "
        f"sources); up to date (seeds/ and content/ unchanged since the last build)"
    )
    return BuildStats(
        sources=counts["sources"],
        people=counts["people"],
        claims=counts["claims"],
        multi_source_claims=counts["multi_source_claims"],
        seconds=time.perf_counter() - started,
    )


def _planned_writes(config: Config, existing: dict, final: dict) -> dict[str, str | None]:
    """File changes that turn content/ into `final`: hand-written files are updated in
    place (comments and order kept), new ones dumped, vanished ones deleted."""
    from sitegen.content import KINDS
    from sitegen.yamledit import update_text
    from sitegen.yamlio import dump_yaml

    writes: dict[str, str | None] = {}
    for kind in KINDS:
        for object_id, record in sorted(final[kind].items()):
            relative = f"{kind}/{object_id}.yaml"
            doc = existing.get(relative)
            if doc is None:
                writes[relative] = dump_yaml(record)
            elif doc.data != record:
                writes[relative] = update_text(doc.path.read_text(encoding="utf-8-sig"), record)
    for relative in existing:
        kind, name = relative.split("/", 1)
        if name.removesuffix(".yaml") not in final[kind]:
            writes[relative] = None
    return writes


def render(
    config: Config,
    reporter: Reporter,
    force: bool = False,
    cache: FileCache | None = None,
    incremental: Incremental | None = None,
) -> BuildStats:
    """content/ -> site/; skipped when nothing the site is made from has changed. The
    dev server passes its file `cache` and what changed (`incremental`)."""
    started = time.perf_counter()
    restore_tree(config.site)  # a build killed mid-swap left the old site aside
    stamp = config.cache / "site.stamp"
    inputs = "" if force else render_inputs(config)
    if not force and (config.site / "index.html").is_file() and _read(stamp) == inputs:
        reporter.info(f"site: {config.site_dir}/ is up to date")
        return BuildStats(seconds=time.perf_counter() - started)
    from sitegen.check import load_factbase
    from sitegen.render import render_site  # Jinja2 and the theme: only when rendering

    with collector.paused():
        base = load_factbase(config, reporter, cache)
    result = render_site(
        config, base, reporter, incremental, read_article if cache is None else cache.article
    )
    atomic_write(stamp, inputs)
    stats = _stats(base, started)
    stats.pages = result.pages
    reporter.info(
        f"site: {result.pages} pages written to {config.site_dir}/ in {stats.seconds:.2f}s"
    )
    return stats


def render_inputs(config: Config) -> str:
    """A fingerprint of everything a render reads: settings, content/, templates (the
    project's and the theme), the articles, and sitegen's own code."""
    digest = hashlib.sha256(repr(sorted(vars(config).items())).encode())
    digest.update(stamps.code_version().encode())
    for folder in (config.content, config.templates, theme_dir(), config.seeds):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and not path.name.startswith("."):
                stat = path.stat()
                digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def build(config: Config, reporter: Reporter) -> BuildStats:
    started = time.perf_counter()
    cache = FileCache()  # render re-reads only the content/ files the merge rewrote
    stats = extract_to_content(config, reporter, cache, skip_unchanged=True)
    collector.give_back()  # what the merge freed, before the render takes its own
    stats.pages = render(config, reporter, cache=cache.drain()).pages
    stats.seconds = time.perf_counter() - started
    reporter.info(f"built in {stats.seconds:.2f}s")
    return stats


def _stats(base: FactBase, started: float) -> BuildStats:
    return BuildStats(
        sources=len(base.sources),
        people=len(base.people),
        claims=len(base.claims),
        multi_source_claims=sum(1 for c in base.claims.values() if len(c.source_ids) > 1),
        seconds=time.perf_counter() - started,
    )
