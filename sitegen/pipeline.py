"""The build's stages, in the order they run.

    1. read_sources    seeds/            -> Article list       (sitegen.ingest)
    2. extract_facts   Article list      -> ArticleFacts list  (sitegen.extract, spaCy; cached;
                                                              local processes or Dask)
    3. merge_facts     facts             -> Extraction         (sitegen.merge: the machine's view)
    4. read_content    content/          -> ContentRead        (sitegen.factbase: as people left it)
    5. reconcile_edits Extraction + read -> Outcome            (sitegen.factbase: hand edits win)
    6. write_content   Outcome           -> Committed          (sitegen.factbase: journal, snapshot)
    7. load_factbase   content/          -> FactBase           (sitegen.factbase: validated)
    8. render_site     FactBase          -> site/              (sitegen.render: staged, swapped)

`sitegen.build` runs them (and skips what has not changed); the dev server and the
benchmarks call the same functions. Stages 1-6 are `extract`, 7-8 are `render`: only
stage 2 imports spaCy, so a site renders from content/ alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitegen.config import Config
from sitegen.errors import InputError, Location
from sitegen.extract.params import DEFAULT as DEFAULT_EXTRACT
from sitegen.extract.params import ExtractParams
from sitegen.factbase.journal import Committed, commit, load_snapshot
from sitegen.factbase.schema import KINDS
from sitegen.filecache import FileCache
from sitegen.freshness import file_digest
from sitegen.reporter import Reporter

if TYPE_CHECKING:
    from sitegen.extract.records import ArticleFacts
    from sitegen.factbase.files import ContentFiles
    from sitegen.factbase.model import FactBase
    from sitegen.factbase.reconcile import Outcome
    from sitegen.factbase.records import Records
    from sitegen.ingest import Article
    from sitegen.merge.params import MergeParams


@dataclass
class Extraction:
    """The machine's view of the story as the records of its files (the model objects
    it was made of are let go: the records share their values), and the article texts
    it was read from."""

    records: Records
    texts: dict[str, str]


@dataclass
class ContentRead:
    """content/ as the build is about to merge into it. `expected` holds each file's
    sha256 taken *before* it was parsed: a file saved after that no longer matches, so
    a write never replaces an edit it did not merge."""

    files: ContentFiles
    expected: dict[str, str | None]


# -- 1. read ----------------------------------------------------------------------------


def read_sources(config: Config, reporter: Reporter, known_ids: dict[str, str]) -> list[Article]:
    """Every article of seeds/. An article keeps the source id it has in `known_ids`
    (file -> id); a new one gets a free id."""
    from sitegen.ingest import read_articles  # not loaded by a build with nothing to do

    articles = read_articles(config.seeds, config.root, config.extract_limit, known_ids)
    if not articles:
        raise InputError(
            f"no articles (.txt or .md) found in {config.seeds_dir}/", Location(config.seeds)
        )
    for article in articles:
        for warning in article.warnings:
            reporter.warning(warning, Location(article.file))
    return articles


# -- 2. extract -------------------------------------------------------------------------


def extract_facts(
    config: Config,
    articles: list[Article],
    reporter: Reporter,
    params: ExtractParams = DEFAULT_EXTRACT,
) -> list[ArticleFacts]:
    """Each article's facts, from the cache or from spaCy (only the uncached ones), under
    the extraction `params` (a build runs the defaults; the evaluations sweep them)."""
    from sitegen.extract.cache import ExtractionCache, interned
    from sitegen.extract.parallel import worker_count

    cache = ExtractionCache(config.cache, config.model, params)
    cached = {a.id: facts for a in articles if (facts := cache.get(a)) is not None}
    todo = [a for a in articles if a.id not in cached]
    if todo:
        workers = worker_count(todo, config.jobs)
        where = f" in {workers} processes" if workers else ""
        if config.executor != "local":
            where = f" on the Dask cluster at {config.executor}"
        reporter.info(
            f"extracting facts from {len(todo)} of {len(articles)} articles with "
            f"{config.model}{where}"
        )
        with reporter.progress("extracting", len(todo), "articles") as progress:
            for article, facts in zip(todo, _extract_with_spacy(todo, config, params), strict=True):
                if facts.failure is not None:  # not cached: the next build tries again
                    reporter.warning(
                        f"{facts.failure}; this article's facts are left out",
                        Location(article.file, facts.failure_line),
                    )
                else:
                    cache.put(article, facts)  # as results arrive: an interrupted run keeps them
                cached[article.id] = interned(facts)
                progress.advance()
    return [cached[a.id] for a in articles]


def _extract_with_spacy(
    articles: list[Article], config: Config, params: ExtractParams
) -> Iterator[ArticleFacts]:
    if config.executor != "local":
        from sitegen.extract.on_dask import extract_on_dask

        return extract_on_dask(articles, config.model, config.executor, params)
    from sitegen.extract.parallel import extract_facts  # spaCy is loaded there, only there

    return extract_facts(articles, config.model, config.jobs, params)


# -- 3. merge ---------------------------------------------------------------------------


def merge_facts(
    articles: list[Article], facts: list[ArticleFacts], params: MergeParams
) -> Extraction:
    """One claim per fact told by several outlets, one person per name's spellings;
    every threshold the merge reads is a field of `params`."""
    from sitegen.factbase.records import records
    from sitegen.merge import merge

    return Extraction(records(merge(articles, facts, params)), {a.id: a.text for a in articles})


# -- 4. read content/ -------------------------------------------------------------------


def read_content(config: Config, reporter: Reporter, cache: FileCache | None) -> ContentRead:
    """content/ as people left it; a file that does not parse stops the build here."""
    from sitegen.factbase.store import read_for_update  # what a skipped phase does not load

    expected: dict[str, str | None] = {}
    for kind in KINDS:
        folder = config.content / kind
        for path in folder.glob("*.yaml") if folder.is_dir() else []:
            expected[f"{kind}/{path.name}"] = file_digest(path)
    return ContentRead(read_for_update(config, reporter, cache), expected)


def source_ids(config: Config, read: ContentRead) -> dict[str, str]:
    """Article file -> the id of the source that has it: a source keeps its id and its
    file, so a new article whose name slugs alike can never take an existing source over."""
    ids: dict[str, str] = {}
    for record in (load_snapshot(config.content) or {}).get("sources", {}).values():
        if isinstance(record.get("file"), str) and isinstance(record.get("id"), str):
            ids[record["file"]] = record["id"]
    for doc in read.files.documents["sources"]:
        if isinstance(doc.data.get("file"), str):
            ids[doc.data["file"]] = doc.data["id"]
    return ids


# -- 5. reconcile -----------------------------------------------------------------------


def reconcile_edits(config: Config, extraction: Extraction, read: ContentRead) -> Outcome:
    """The machine's new view merged with content/ as people left it."""
    from sitegen.factbase.reconcile import reconcile

    current = {
        kind: {doc.data["id"]: doc.data for doc in read.files.documents[kind]} for kind in KINDS
    }
    snapshot = load_snapshot(config.content)
    # with no snapshot yet, the files there are taken as the previous build's output
    return reconcile(  # which copies what it changes: a second attempt gets the same
        extraction.records,
        current,
        current if snapshot is None else snapshot,
        extraction.texts,
    )


# -- 6. write content/ ------------------------------------------------------------------


def planned_writes(config: Config, read: ContentRead, outcome: Outcome) -> dict[str, str | None]:
    """File changes that turn content/ into the outcome: hand-written files are updated
    in place (comments and order kept), new ones dumped, vanished ones deleted."""
    from sitegen.factbase.store import planned_writes as plan

    return plan(config.content, read.files, outcome.records)


def edited_meanwhile(config: Config, read: ContentRead, writes: dict[str, str | None]) -> bool:
    """True when a file about to be written was saved since it was read."""
    return any(file_digest(config.content / name) != read.expected.get(name) for name in writes)


def write_content(
    config: Config, read: ContentRead, writes: dict[str, str | None], outcome: Outcome
) -> Committed:
    """Apply the writes and the new snapshot through the journal; a file saved since it
    was read is left as the person saved it."""
    return commit(config.content, writes, outcome.snapshot, read.expected)


# -- 7, 8. load and render --------------------------------------------------------------


def load_factbase(config: Config, reporter: Reporter, cache: FileCache | None) -> FactBase:
    """content/, validated: every problem goes to `reporter`; errors stop the render."""
    from sitegen.factbase.store import load_factbase as load

    return load(config, reporter, cache)
