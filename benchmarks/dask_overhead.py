"""The Dask executor's overhead: a local 2-worker Dask cluster against `--jobs 2`.

On one generated story (benchmarks.generate, real articles rewritten into distinct
stories), rounds alternate the two, each a real parse of every article (no cache):

- `--jobs 2`: `extract_facts(..., jobs=2)`, sitegen's own pool (starting two workers
  that each load the model is part of every run);
- Dask: `extract_on_dask` on a `LocalCluster` of 2 worker processes, one thread each,
  started once before the rounds (a cluster is long-lived: its workers keep the model
  loaded by the worker plugin after the first run, which is not timed).

Both must give the same records. Printed: the medians, the overhead (target: Dask at
most 15% slower), the per-core rate (articles/s per Dask worker), and from it an
estimate for 100,000 articles on 8 machines of 16 cores (128 workers), extraction only.

    .venv/bin/python -m benchmarks.dask_overhead [--articles 120] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import write_corpus
from sitegen.config import DEFAULT_MODEL
from sitegen.extract.on_dask import extract_on_dask
from sitegen.extract.parallel import extract_facts
from sitegen.ingest import read_articles

TARGET = 1.15
NEWSROOM = 100_000  # articles: a year of one beat
WORKERS = 8 * 16  # 8 machines of 16 cores, one single-threaded worker per core


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from distributed import LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        root = write_corpus(Path(tmp) / "project", args.articles)
        articles = read_articles(root / "seeds", root)
        words = sum(len(a.text[b.start : b.end].split()) for a in articles for b in a.prose)
        print(f"{len(articles)} articles, {words:,} words of prose", flush=True)
        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            executor = cluster.scheduler_address.replace("tcp://", "dask://")
            reference = list(extract_on_dask(articles, DEFAULT_MODEL, executor))  # warm-up
            local, remote = [], []
            for _ in range(args.rounds):
                started = time.perf_counter()
                ours = list(extract_facts(articles, DEFAULT_MODEL, 2))
                local.append(time.perf_counter() - started)
                started = time.perf_counter()
                theirs = list(extract_on_dask(articles, DEFAULT_MODEL, executor))
                remote.append(time.perf_counter() - started)
                if ours != reference or theirs != reference:
                    print("the two executors gave different records", file=sys.stderr)
                    return 1
    for name, runs in (("--jobs 2", local), ("dask, 2 workers", remote)):
        print(
            f"{name:16} median {statistics.median(runs):6.2f} s "
            f"{len(articles) / statistics.median(runs):5.2f} articles/s "
            f"(runs: {', '.join(f'{t:.2f}' for t in runs)})"
        )
    ratio = statistics.median(remote) / statistics.median(local)
    verdict = "meets" if ratio <= TARGET else "misses"
    print(f"dask / --jobs 2 time: {ratio:.2f}x (target <= {TARGET}x: {verdict})")
    per_core = len(articles) / statistics.median(remote) / 2
    hours = NEWSROOM / (per_core * WORKERS) / 3600
    print(
        f"per worker: {per_core:.2f} articles/s; {NEWSROOM:,} articles on {WORKERS} workers: "
        f"{hours * 60:.0f} min of extraction (at this machine's per-core rate)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
