"""Merge time for 1,000 and 10,000 articles, and their ratio (near-linear: <= 12x).

    .venv/bin/python -m benchmarks.merge_scale [--per-story-people] [SIZES ...]
                                                        # default sizes: 1000 10000

The articles are the basil-dev stories replicated into many distinct stories
(benchmarks/generate.py). spaCy runs once per real article (cached, see
benchmarks/extraction.py); replicas get the same records, rewritten the way their text
is, so the time measured is merging alone: people, passages, blocking, clustering,
alignment, provenance, conflicts. With --per-story-people, people are resolved story by
story (the replicas are distinct stories by construction), to time claim merging at
sizes where story-wide people resolution is too slow to wait for. Every size but the
largest is timed three times and its median run is used; the largest runs once.
"""

from __future__ import annotations

import gc
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks.corpus import load_clusters, write_project
from benchmarks.extraction import extract_cached
from benchmarks.generate import replicas, vary_facts
from sitegen.collector import paused
from sitegen.extract.records import ArticleFacts
from sitegen.ingest import Article, read_articles
from sitegen.merge import merge_claims
from sitegen.merge.people import PeopleIndex, build_people

SIZES = (1_000, 10_000)
MAX_RATIO = 12.0
SMALL_RUNS = 3  # the smaller sizes take seconds, so host noise is a large share: median


def base_articles() -> dict[str, list[tuple[Article, ArticleFacts]]]:
    """Per cluster id, its articles with their (cached) extraction results."""
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in load_clusters():
            root = write_project(cluster, Path(tmp) / cluster.cluster_id)
            articles = read_articles(root / "seeds", root)
            result[cluster.cluster_id] = list(zip(articles, extract_cached(articles), strict=True))
    return result


def corpus(
    size: int, base: dict[str, list[tuple[Article, ArticleFacts]]]
) -> tuple[list[Article], list[list[ArticleFacts]]]:
    """The articles, and their extraction results story by story."""
    articles, stories = [], []
    for story, (cluster, variation) in enumerate(replicas(load_clusters(), size)):
        stories.append([])
        for article, facts in base[cluster.cluster_id]:
            if len(articles) == size:
                break
            source = f"{story:05d}-{article.id}"
            articles.append(
                replace(
                    article,
                    id=source,
                    file=f"seeds/{source}.md",
                    title=variation.text(article.title),
                )
            )
            stories[-1].append(vary_facts(facts, source, variation))
    return articles, stories


def people_per_story(stories: list[list[ArticleFacts]]) -> PeopleIndex:
    index = PeopleIndex()
    for story in stories:
        part = build_people(story)
        index.people.update(part.people)
        index.by_name.update(part.by_name)
        index.by_source.update(part.by_source)
        index.roles.update(part.roles)
    return index


def main(argv: list[str]) -> int:
    per_story = "--per-story-people" in argv
    sizes = [int(a) for a in argv if a.isdigit()] or list(SIZES)
    started = time.perf_counter()
    base = base_articles()
    print(
        f"extraction of {sum(map(len, base.values()))} real articles (cached): "
        f"{time.perf_counter() - started:.1f}s",
        flush=True,
    )
    times = []
    for size in sizes:
        articles, stories = corpus(size, base)
        extracted = [facts for story in stories for facts in story]
        passages = sum(len(a.facts) for a in extracted)
        runs = []
        for _ in range(SMALL_RUNS if size < max(sizes) else 1):
            gc.collect()
            with paused():  # as merge() runs
                started = time.perf_counter()
                people = people_per_story(stories) if per_story else build_people(extracted)
                middle = time.perf_counter()
                claims = len(merge_claims(articles, extracted, people).claims)
                ended = time.perf_counter()
            runs.append((middle - started, ended - middle))
            del people
        runs.sort(key=sum)
        times.append(runs[len(runs) // 2])
        people_time, claims_time = times[-1]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        scope = "per story" if per_story else "story-wide"
        spread = (
            f"  (median of {len(runs)} runs: {', '.join(f'{sum(r):.2f}' for r in runs)}s)"
            if len(runs) > 1
            else ""
        )
        print(
            f"{size:>6} articles, {passages:>7} passages -> {claims:>7} claims: "
            f"people ({scope}) {people_time:7.2f}s, claims {claims_time:7.2f}s, "
            f"merge {people_time + claims_time:7.2f}s  (peak RSS so far {peak:,.0f} MB)"
            f"{spread}",
            flush=True,
        )
        del articles, stories, extracted
    if len(times) >= 2:
        growth = sizes[-1] / sizes[0]
        limit = MAX_RATIO * growth / 10
        for name, first, last in (
            ("people", times[0][0], times[-1][0]),
            ("claims", times[0][1], times[-1][1]),
            ("merge", sum(times[0]), sum(times[-1])),
        ):
            ratio = last / first
            verdict = "ok" if ratio <= limit else "TOO SLOW"
            print(
                f"{name} ratio {sizes[-1]}/{sizes[0]}: {ratio:.2f}x for {growth:.0f}x the "
                f"articles (limit {limit:.0f}x): {verdict}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
