"""Extraction throughput (issue 8): our extraction against raw `nlp.pipe`, and `--jobs`.

1. Throughput, on the first `--sample` articles of a generated story: raw `nlp.pipe`
   over the very texts extraction parses (the articles' prose blocks; same model, same
   components, same batch size) against `extract_articles` (the same parse plus our own
   work). Words/s over those texts, and the ratio (target: ours >= 0.8x raw). Raw
   `nlp.pipe` over each article's whole text is printed too, for reference. Rounds
   alternate the three so load on a shared machine falls on each; the best round counts.
2. Jobs, on the whole `--articles` story: `extract_facts` (what `sitegen build` runs)
   with 1 job against `--jobs` jobs, each from a cold start (1 job: loading the model;
   N jobs: starting workers, each importing spaCy and loading it), and a check that
   both give the same facts (target: >= 1.7x with 2 jobs on 2 cores).

No extraction cache is involved: every figure is a real parse.

    .venv/bin/python -m benchmarks.extraction_speed                     # 200 / 1,000 articles
    .venv/bin/python -m benchmarks.extraction_speed --articles 200 --sample 50  # quick
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import write_corpus
from sitegen.config import DEFAULT_MODEL
from sitegen.extract import BATCH_SIZE, extract_articles, parsed_blocks
from sitegen.extract.parallel import extract_facts
from sitegen.ingest import Article, read_articles
from sitegen.nlp import load_model, unload_models


def prose_texts(articles: list[Article]) -> list[str]:
    """The texts extraction hands to spaCy: every prose block of every article, and the
    headlines that write a number."""
    return [a.text[b.start : b.end] for a in articles for b in parsed_blocks(a)]


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of `run` (CPU time is what load from others disturbs least)."""
    cpu, started = _cpu_seconds(), time.perf_counter()
    run()
    return time.perf_counter() - started, _cpu_seconds() - cpu


def throughput(articles: list[Article], rounds: int) -> None:
    nlp = load_model(DEFAULT_MODEL)
    blocks = prose_texts(articles)
    whole = [a.text for a in articles]
    words = sum(len(text.split()) for text in blocks)
    runs: dict[str, Callable[[], object]] = {
        "raw nlp.pipe, prose blocks": lambda: list(nlp.pipe(blocks, batch_size=BATCH_SIZE)),
        "sitegen extract_articles": lambda: list(extract_articles(articles, nlp)),
        "raw nlp.pipe, whole articles": lambda: list(nlp.pipe(whole, batch_size=BATCH_SIZE)),
    }
    list(nlp.pipe(blocks[:50], batch_size=BATCH_SIZE))  # warm up before the first timing
    wall = dict.fromkeys(runs, float("inf"))
    cpu = dict.fromkeys(runs, float("inf"))
    for round_number in range(rounds):
        for name, run in runs.items():
            seconds, cpu_seconds = timed(run)
            wall[name], cpu[name] = min(wall[name], seconds), min(cpu[name], cpu_seconds)
            print(
                f"  round {round_number + 1}: {name:30} {seconds:7.1f} s  "
                f"(CPU {cpu_seconds:.1f} s)",
                flush=True,
            )
    print(
        f"\nthroughput: {len(articles)} articles, {words:,} words of prose, "
        f"components {', '.join(nlp.pipe_names)}, batch {BATCH_SIZE}; best round"
    )
    for name in runs:
        print(
            f"  {name:30} {words / wall[name]:8,.0f} words/s  ({wall[name]:.1f} s; "
            f"by CPU time {words / cpu[name]:,.0f} words/s)"
        )
    raw, ours = "raw nlp.pipe, prose blocks", "sitegen extract_articles"
    print(
        f"  ratio ours / raw (same texts)  {wall[raw] / wall[ours]:8.2f}x   "
        f"(by CPU time {cpu[raw] / cpu[ours]:.2f}x; target >= 0.8x)"
    )


def jobs(articles: list[Article], jobs: int) -> None:
    words = sum(len(text.split()) for text in prose_texts(articles))
    unload_models()  # the single-process run pays for loading the model too
    results: dict[int, list] = {}
    seconds: dict[int, float] = {}
    for count in (1, jobs):
        cpu, started = _cpu_seconds(), time.perf_counter()
        results[count] = list(extract_facts(articles, DEFAULT_MODEL, count))
        seconds[count] = time.perf_counter() - started
        print(
            f"  {count} job(s): {seconds[count]:7.1f} s  {words / seconds[count]:8,.0f} words/s"
            f"  (CPU time of all processes {_cpu_seconds() - cpu:.1f} s)",
            flush=True,
        )
    same = results[1] == results[jobs]
    print(f"\njobs: {len(articles)} articles, {words:,} words of prose")
    print(
        f"  speed-up {jobs} jobs / 1 job     {seconds[1] / seconds[jobs]:8.2f}x   "
        f"(target >= 1.7x for 2 jobs on 2 cores); same facts: {'yes' if same else 'NO'}"
    )


def _cpu_seconds() -> float:
    """User + system time of this process and of its finished workers: on a shared
    machine it shows whether a slow run was slow or starved of CPU."""
    return sum(
        r.ru_utime + r.ru_stime
        for r in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--articles", type=int, default=1000, help="story size for jobs")
    options.add_argument("--sample", type=int, default=200, help="articles for throughput")
    options.add_argument("--rounds", type=int, default=2, help="throughput rounds")
    options.add_argument("--jobs", type=int, default=2, help="jobs to compare with 1")
    options.add_argument("--skip-jobs", action="store_true", help="throughput only")
    args = options.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        root = write_corpus(Path(folder), max(args.articles, args.sample))
        articles = read_articles(root / "seeds", root)
    print(f"generated story: {len(articles)} articles", flush=True)
    throughput(articles[: args.sample], args.rounds)
    if not args.skip_jobs:
        print(flush=True)
        jobs(articles[: args.articles], args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
