"""Where a render's time goes, stage by stage, in one process: no spaCy needed.

For a project made by `benchmarks.render_scale` / `benchmarks.factbase` (rendered once,
so its parse cache exists), the steps `sitegen render` takes, each timed in wall and
CPU seconds: the parse cache read, content/ read and checked, the model objects, the
views, then every `--every`-th page of each template drawn (context and Jinja) and
written into a scratch folder beside the project (on the same disk), per template.
Issue 21: which stage makes pages/s fall from 16,000 to 160,000 claims.

    .venv/bin/python -m benchmarks.render_stages PROJECT [PROJECT ...] [--every 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path


class Clock:
    """Wall and CPU seconds of a step, printed as it ends."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def lap(self, name: str) -> tuple[float, float]:
        wall, cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
        print(f"  {name:>32}: {wall:7.2f} s wall {cpu:7.2f} s CPU", flush=True)
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return wall, cpu


def stages(project: Path, every: int) -> None:
    from sitegen import collector
    from sitegen.build import PARSED_CONTENT
    from sitegen.config import load_config
    from sitegen.factbase.check import read_and_check
    from sitegen.factbase.store import to_factbase
    from sitegen.filecache import StoredCache
    from sitegen.render.site import _write, page_context, site_specs
    from sitegen.render.templates import Templates
    from sitegen.render.views import build_views
    from sitegen.reporter import Reporter

    config = load_config(project)
    reporter = Reporter(quiet=True)
    print(f"{project}  (load {' '.join(f'{x:.1f}' for x in os.getloadavg())})", flush=True)
    clock = Clock()
    with collector.paused():
        cache = StoredCache(config.cache / PARSED_CONTENT)
        clock.lap("parse cache opened")
        files, _ = read_and_check(config, cache)
        clock.lap("content/ read and checked")
        base = to_factbase(files)
        del files
        clock.lap("model objects")
        views = build_views(config, base, reporter, cache.article)
        clock.lap("views")
    with collector.frozen():
        templates = Templates.for_project(config)
        specs = list(site_specs(views))
        clock.lap(f"{len(specs)} page specs")
        scratch = Path(tempfile.mkdtemp(prefix=".stages-", dir=project))
        try:
            seen: dict[str, int] = defaultdict(int)
            # wall draw, wall write, pages, CPU draw, CPU write
            drawn: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0, 0.0, 0.0])
            for spec in specs:
                seen[spec.template] += 1
                if (seen[spec.template] - 1) % every:
                    continue
                started, cpu = time.perf_counter(), time.process_time()
                made = templates.render if spec.file.endswith(".html") else templates.stream
                text = made(spec.template, page_context(views, spec))
                if not isinstance(text, str):
                    text = "".join(text)
                between, cpu_between = time.perf_counter(), time.process_time()
                _write(scratch / spec.path.strip("/") / spec.file, text)
                totals = drawn[spec.template]
                totals[0] += between - started
                totals[1] += time.perf_counter() - between
                totals[2] += 1
                totals[3] += cpu_between - cpu
                totals[4] += time.process_time() - cpu_between
            estimate = 0.0
            for template, (draw, write, count, cpu_draw, cpu_write) in sorted(drawn.items()):
                whole = (cpu_draw + cpu_write) / count * seen[template]
                estimate += whole
                print(
                    f"  {template:>17}: {seen[template]:6d} pages; a page: draw {draw / count * 1e3:6.2f}"
                    f" ms ({cpu_draw / count * 1e3:6.2f} CPU), write {write / count * 1e3:5.2f} ms"
                    f" ({cpu_write / count * 1e3:5.2f} CPU); {count} drawn, all ~{whole:5.1f} s CPU",
                    flush=True,
                )
            clock.lap(f"pages sampled (all ~{estimate:.0f} s CPU)")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("projects", type=Path, nargs="+")
    parser.add_argument("--every", type=int, default=20, help="draw one page in this many")
    args = parser.parse_args()
    for project in args.projects:
        stages(project, args.every)
    return 0


if __name__ == "__main__":
    sys.exit(main())
