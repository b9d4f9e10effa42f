"""Where a build's parent holds its memory, stage by stage (issue 21: <= 2 GB at
10,000 articles).

Runs `sitegen build` in this process on a project (one `benchmarks/generate.py` made,
say) with each stage of `sitegen.pipeline` and the render's steps wrapped, and prints
after each: the process's RSS, its peak RSS so far, and with `--trace` the Python
memory live and at its peak since the last stage (tracemalloc; several times slower),
with the lines that hold most of it. `--again` first removes content/, site/ and the
stamps, keeping the extraction cache: the build merges, writes and renders again
without running spaCy, so the stages after extraction can be measured on a large
project in minutes.

    .venv/bin/python -m benchmarks.generate /tmp/p 1000
    .venv/bin/python -m sitegen build --project /tmp/p --jobs 2      # fills the cache
    .venv/bin/python -m benchmarks.build_stages /tmp/p --again --trace
"""

from __future__ import annotations

import argparse
import functools
import shutil
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

MB = 2**20


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field):
            return int(line.split()[1]) * 1024
    return 0


class Probe:
    """Prints the memory after each wrapped call."""

    def __init__(self, trace: int) -> None:
        self.trace = trace
        self.started = time.perf_counter()
        self.last = self.started

    def report(self, stage: str) -> None:
        now = time.perf_counter()
        line = (
            f"{now - self.started:7.1f}s (+{now - self.last:6.1f}) {stage:28} "
            f"rss {_status('VmRSS:') / MB:6.0f} MB  peak {_status('VmHWM:') / MB:6.0f} MB"
        )
        self.last = now
        if tracemalloc.is_tracing():
            current, peak = tracemalloc.get_traced_memory()
            line += f"  python live {current / MB:6.0f} MB, peak {peak / MB:6.0f} MB"
            snapshot = tracemalloc.take_snapshot()
            tracemalloc.reset_peak()
        print(line, file=sys.stderr, flush=True)
        if tracemalloc.is_tracing():
            for stat in snapshot.statistics("lineno")[: self.trace]:
                frame = stat.traceback[0]
                print(
                    f"      {stat.size / MB:7.1f} MB {stat.count:9} "
                    f"{frame.filename.rsplit('/sitegen/', 1)[-1]}:{frame.lineno}",
                    file=sys.stderr,
                )
            self.last = time.perf_counter()  # the snapshot's time is not the stage's

    def wrap(self, owner: Any, name: str, stage: str | None = None) -> None:
        function: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(function)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            result = function(*args, **kwargs)
            self.report(stage or name)
            return result

        setattr(owner, name, wrapped)


def start_again(root: Path) -> None:
    """The project as before its first build, but for the extraction cache."""
    for folder in ("content", "site"):
        shutil.rmtree(root / folder, ignore_errors=True)
    cache = root / ".sitegen-cache"
    for name in ("content.stamp", "site.stamp", "content.jsonl"):
        (cache / name).unlink(missing_ok=True)


def rekey(root: Path, made_by: Path) -> int:
    """Link each article's cached extraction, keyed under the code of the sitegen
    package at `made_by`, under this code's key too (the cache is keyed by sitegen's
    whole source, so a change anywhere would extract everything again). Returns the
    number linked. Only for measuring: the extraction code must be the same."""
    from sitegen import freshness, pipeline
    from sitegen.config import load_config
    from sitegen.extract.cache import ExtractionCache
    from sitegen.reporter import Reporter

    config = load_config(root)
    now = ExtractionCache(config.cache, config.model)
    package, freshness._PACKAGE = freshness._PACKAGE, made_by.resolve()
    freshness.code_version.cache_clear()
    try:
        then = ExtractionCache(config.cache, config.model)
    finally:
        freshness._PACKAGE = package
        freshness.code_version.cache_clear()
    linked = 0
    for article in pipeline.read_sources(config, Reporter(quiet=True), {}):
        old, new = then._path(article), now._path(article)
        if old.exists() and not new.exists():
            new.hardlink_to(old)
            linked += 1
    return linked


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("project", type=Path)
    options.add_argument("--jobs", type=int, default=2)
    options.add_argument("--again", action="store_true", help="remove content/, site/, stamps")
    options.add_argument(
        "--trace", type=int, nargs="?", const=8, default=0, help="tracemalloc, top N lines"
    )
    options.add_argument("--merge", action="store_true", help="also the merge's steps")
    options.add_argument("--until", choices=["content"], help="stop once content/ is written")
    options.add_argument(
        "--cache-made-by", type=Path, help="the sitegen package whose code filled the cache"
    )
    args = options.parse_args(argv)
    if args.again:
        start_again(args.project)
    if args.cache_made_by:
        print(f"{rekey(args.project, args.cache_made_by)} cached extractions linked", flush=True)
    from sitegen import build, collector, pipeline
    from sitegen.config import load_config
    from sitegen.render import site
    from sitegen.reporter import Reporter

    probe = Probe(args.trace)
    for name in (
        "read_content",
        "read_sources",
        "extract_facts",
        "merge_facts",
        "reconcile_edits",
        "planned_writes",
        "write_content",
        "load_factbase",
    ):
        probe.wrap(pipeline, name)
    if args.merge:  # the merge's steps (imported by `merge_claims` when it runs)
        from sitegen.merge import claims, conflicts, credited, features, people, provenance

        for module, names in (
            (people, ["build_people"]),
            (features, ["passages"]),
            (claims, ["cluster", "join_split_sentences", "build_claims"]),
            (provenance, ["derived_sources"]),
            (credited, ["source_origins", "citation_origins", "independent_counts"]),
            (conflicts, ["mark_conflicts"]),
        ):
            for name in names:
                probe.wrap(module, name, f"  merge: {name}")
    probe.wrap(build, "extract_to_content")
    probe.wrap(collector, "give_back")
    probe.wrap(site, "draw_site")
    probe.wrap(site, "build_views")
    probe.wrap(site.Drawn, "finish")
    config = load_config(args.project)
    config.jobs = args.jobs
    if args.trace:
        tracemalloc.start()
    probe.report("start")
    reporter = Reporter(stream=sys.stderr)
    if args.until == "content":  # in this process, as the dev server runs it
        build.extract_to_content(config, reporter, skip_unchanged=True)
    else:
        build.build(config, reporter)
    probe.report("end")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
