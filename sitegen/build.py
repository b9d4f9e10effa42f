"""The build: the stages of `sitegen.pipeline` in order, skipping what has not changed.

`extract_to_content` runs stages 1-6 (seeds/ -> content/), `render` stages 7-8
(content/ -> site/), `build` both. Each phase reads everything it needs into memory
first, then writes.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sitegen import collector, freshness, pipeline
from sitegen.config import Config
from sitegen.errors import Location
from sitegen.factbase.journal import SNAPSHOT, STATE_DIR, Committed, record_corrections, recover
from sitegen.factbase.schema import KINDS
from sitegen.filecache import FileCache, StoredCache
from sitegen.fsutil import atomic_write, restore_tree
from sitegen.reporter import Reporter

if TYPE_CHECKING:
    from sitegen.factbase.model import FactBase
    from sitegen.factbase.reconcile import Outcome
    from sitegen.merge.params import MergeParams
    from sitegen.render.incremental import Incremental

# how often a build merges again when content/ is saved while it extracts; after that
# a file saved meanwhile is left as saved, with a warning
MERGE_ATTEMPTS = 3

PARSED_CONTENT = "content.jsonl"  # in the cache folder: content/ as the last render parsed it
TUNED_MERGE = "sitegen.merge.params.TUNED"  # the stamp's name for the shipped parameters


@dataclass
class BuildStats:
    sources: int = 0
    people: int = 0
    claims: int = 0
    multi_source_claims: int = 0
    pages: int = 0
    seconds: float = 0.0
    written: list[Path] = field(default_factory=list)  # content/ files this build changed
    merged: bool = True  # False: the phase was skipped, nothing read or freed


def extract_to_content(
    config: Config,
    reporter: Reporter,
    cache: FileCache | None = None,
    skip_unchanged: bool = False,
    params: MergeParams | None = None,
    apart: bool = False,
) -> BuildStats:
    """Extract, then merge the result into content/ keeping every hand edit. With
    `skip_unchanged` (build, serve), nothing is done but the same report when nothing
    it reads has changed since it last ran: the run would write nothing. `params`:
    the merge's, as tuned when None (they count in what "unchanged" means). `apart`
    (a one-shot build): the work runs in a child process (`sitegen.apart`), which
    takes its memory with it; what it parsed is not kept in `cache` then."""
    # the tuned parameters follow from sitegen's code, which every digest holds: named,
    # not imported (the merge's modules), by a build that may have nothing to do
    identity: object = params if params is not None else TUNED_MERGE
    started = time.perf_counter()
    recovered = recover(config.content)
    if recovered is not None:
        reporter.warning(
            "finished writing content/ from an interrupted build", Location(config.content_dir)
        )
        _warn_kept(config, reporter, recovered)
    inputs = freshness.read_inputs(config)
    previous = freshness.load(config) if skip_unchanged else None
    if previous is not None and previous.digest == freshness.digest(config, inputs, identity):
        return _unchanged(config, reporter, previous, started)
    if apart:
        from sitegen.apart import run_apart

        return run_apart(
            lambda: _merged(config, reporter, None, params, inputs, identity, started, False),
            reporter,
        )
    return _merged(config, reporter, cache, params, inputs, identity, started, True)


def _merged(
    config: Config,
    reporter: Reporter,
    cache: FileCache | None,
    params: MergeParams | None,
    inputs: freshness.Files,
    identity: object,
    started: float,
    name_writes: bool,
) -> BuildStats:
    """`extract_to_content` past its check: extract, merge, write content/ and the
    stamp. `name_writes`: list the files written in the result (the dev server
    watches for them; a build in a child sends back no 220,000 paths)."""
    if params is None:
        from sitegen.merge.params import TUNED  # not loaded by a render alone

        params = TUNED
    reported = len(reporter.messages)
    read, writes, outcome = _reconciled(config, reporter, cache, params)
    committed = pipeline.write_content(config, read, writes, outcome)
    corrections = record_corrections(config.content, outcome.corrections, build_date())
    _warn_kept(config, reporter, committed)
    for claim_id in outcome.emptied_hand_claims:
        reporter.warning(
            "hand-edited claim has no citation left; kept (see sitegen check)",
            Location(f"{config.content_dir}/claims/{claim_id}.yaml"),
        )
    counts = {kind: len(outcome.records[kind]) for kind in KINDS}
    multi = _multi_source(outcome)
    reporter.info(
        f"content: {counts['sources']} sources, {counts['people']} people, "
        f"{counts['claims']} claims ({multi} from several sources); "
        f"{len(outcome.kept_edits)} hand edits kept; {len(writes)} files changed"
    )
    if committed.kept:  # content/ is not what this run made: the next one must merge
        freshness.forget(config)
    else:
        written = {f"{STATE_DIR}/{SNAPSHOT}": committed.snapshot_sha256, **corrections}
        stamp_inputs = freshness.after_writes(inputs, config.content, writes, written)
        _save_stamp(
            config,
            reporter,
            freshness.digest(config, stamp_inputs, identity),
            counts,
            multi,
            reported,
        )
    return BuildStats(
        sources=counts["sources"],
        people=counts["people"],
        claims=counts["claims"],
        multi_source_claims=multi,
        seconds=time.perf_counter() - started,
        written=[config.content / name for name in writes if name not in committed.kept]
        if name_writes
        else [],
    )


def _reconciled(
    config: Config, reporter: Reporter, cache: FileCache | None, params: MergeParams
) -> tuple[pipeline.ContentRead, dict[str, str | None], Outcome]:
    """Stages 1-5 and the writes they plan: (content/ as read, the writes, the outcome).
    When content/ is saved while the build runs, the edits are read and merged again
    (the extraction is kept), up to MERGE_ATTEMPTS times."""
    extraction: pipeline.Extraction | None = None
    for _attempt in range(MERGE_ATTEMPTS):
        read = pipeline.read_content(config, reporter, cache)
        if extraction is None:  # once: a re-read after an edit merges the same extraction
            articles = pipeline.read_sources(config, reporter, pipeline.source_ids(config, read))
            facts = pipeline.extract_facts(config, articles, reporter)
            extraction = pipeline.merge_facts(articles, facts, params)
            del articles, facts
        outcome = pipeline.reconcile_edits(config, extraction, read)
        writes = pipeline.planned_writes(config, read, outcome)
        if not pipeline.edited_meanwhile(config, read, writes):
            break
        reporter.info("content/ was edited during the build; merging the edits again")
    return read, writes, outcome  # the extraction (half a gigabyte at 10,000 articles) goes


def _multi_source(outcome: Outcome) -> int:
    """Claims citing several sources."""
    return sum(
        1
        for r in outcome.records["claims"].values()
        if len({c.get("source") for c in r.get("citations") or []}) > 1
    )


def _warn_kept(config: Config, reporter: Reporter, committed: Committed) -> None:
    for relative in committed.kept:
        reporter.warning(
            "saved while the build ran: your version is kept as it is; build again to "
            "merge it with the new extraction",
            Location(f"{config.content_dir}/{relative}"),
        )


def _save_stamp(
    config: Config,
    reporter: Reporter,
    digest: str,  # of what this run read, updated with what it wrote
    counts: dict[str, int],
    multi: int,
    reported: int,
) -> None:
    """Remember what this run read and wrote, so an unchanged next run can skip."""
    freshness.save(
        config,
        freshness.Stamp(
            digest,
            {**counts, "multi_source_claims": multi},
            freshness.stamp_messages(reporter.messages[reported:]),
        ),
    )


def build_date() -> str:
    """Today (UTC), or the day of `SOURCE_DATE_EPOCH` for reproducible builds: the date
    the corrections page gives a hand edit this build keeps first."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return moment.date().isoformat()


def _unchanged(
    config: Config, reporter: Reporter, stamp: freshness.Stamp, started: float
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
        merged=False,
    )


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
    inputs = "" if force else freshness.render_fingerprint(config)
    if not force and (config.site / "index.html").is_file() and _read(stamp) == inputs:
        reporter.info(f"site: {config.site_dir}/ is up to date")
        return BuildStats(seconds=time.perf_counter() - started)
    # Jinja2 and the theme: only when rendering
    from sitegen.render.site import draw_site, templates_apart

    templates = templates_apart(config) if incremental is None else None
    try:
        stored = None
        if cache is None:  # `sitegen render`: parse only the YAML changed since the last one
            cache = stored = StoredCache(config.cache / PARSED_CONTENT)
        with collector.paused():
            base = pipeline.load_factbase(config, reporter, cache)
        if stored is not None:
            stored.save()
        drawn = draw_site(config, base, reporter, incremental, cache.article, templates)
    finally:
        if templates is not None:  # a content/ error: the compiled templates go unused
            templates.close()
    stats = _stats(base, started)
    del base, cache, stored  # before Pagefind indexes the pages, beside this process
    result = drawn.finish(reporter)
    if _read(stamp) != inputs:  # the dev server's renders leave it as it is (no fsync)
        atomic_write(stamp, inputs)
    stats.seconds = time.perf_counter() - started
    stats.pages = result.pages
    reporter.info(
        f"site: {result.pages} pages written to {config.site_dir}/ in {stats.seconds:.2f}s"
    )
    return stats


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def build(config: Config, reporter: Reporter) -> BuildStats:
    started = time.perf_counter()
    # the merge runs in a child that takes its memory with it (where it can fork; else
    # the render re-reads only the content/ files the merge rewrote, and gets back
    # the memory the merge freed)
    cache = FileCache()
    stats = extract_to_content(config, reporter, cache, skip_unchanged=True, apart=True)
    if stats.merged:
        collector.give_back()
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
