"""The build phases: extract (seeds -> fact base), write content/, render (content/ -> site/).

Each phase reads everything it needs into memory first, then writes. Extraction imports
spaCy only inside `extract`, so rendering a site from content/ never loads it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sitegen.check import load_factbase
from sitegen.config import Config
from sitegen.content import write_factbase
from sitegen.errors import InputError, Location
from sitegen.ingest import read_articles
from sitegen.model import FactBase
from sitegen.reporter import Reporter


@dataclass
class BuildStats:
    sources: int = 0
    people: int = 0
    claims: int = 0
    multi_source_claims: int = 0
    pages: int = 0
    seconds: float = 0.0


def extract(config: Config, reporter: Reporter) -> FactBase:
    """Read every article, extract and merge facts: the machine's view of the story."""
    from sitegen.extract import extract_articles  # spaCy is imported here and only here
    from sitegen.merge import merge
    from sitegen.nlp import load_model

    articles = read_articles(config.seeds, config.root)
    if not articles:
        raise InputError(f"no articles (.txt or .md) found in {config.seeds_dir}/",
                         Location(config.seeds))
    for article in articles:
        for warning in article.warnings:
            reporter.warning(warning, Location(article.file))
    reporter.info(f"extracting facts from {len(articles)} articles with {config.model}")
    nlp = load_model(config.model)
    extracted = list(extract_articles(articles, nlp))
    return merge(articles, extracted)


def extract_to_content(config: Config, reporter: Reporter) -> BuildStats:
    started = time.perf_counter()
    base = extract(config, reporter)
    changed = write_factbase(base, config.content)
    stats = _stats(base, started)
    reporter.info(
        f"content: {stats.sources} sources, {stats.people} people, {stats.claims} claims "
        f"({stats.multi_source_claims} from several sources); {len(changed)} files changed"
    )
    return stats


def render(config: Config, reporter: Reporter) -> BuildStats:
    from sitegen.render import render_site

    started = time.perf_counter()
    base = load_factbase(config, reporter)
    result = render_site(config, base, reporter)
    stats = _stats(base, started)
    stats.pages = result.pages
    reporter.info(f"site: {result.pages} pages written to {config.site_dir}/ "
                  f"in {stats.seconds:.2f}s")
    return stats


def build(config: Config, reporter: Reporter) -> BuildStats:
    started = time.perf_counter()
    extract_to_content(config, reporter)
    stats = render(config, reporter)
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
