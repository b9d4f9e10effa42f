"""Render throughput: `sitegen render` against a minimal script, in pages per second.

Issue 8's target: at least 0.7x the pages/s of a minimal loop that renders the same
pages with the same Jinja2 templates and writes them. Both run in this process on the
same generated project (benchmarks.factbase: ~2,000 claims, 500 people, 25 sources),
alternately, and the medians are compared.

- sitegen: `render(config, force=True)`, what `sitegen render` runs: read and check
  content/, resolve the views, render every page into a staging folder, write the
  data files and static files, index the pages with Pagefind, swap the folder in for
  the previous site.
- minimal loop: `yaml.load(..., Loader=CSafeLoader)` of every content/ file, a fresh
  Jinja2 environment over the same templates, then each page rendered with the same
  context and written over the previous output. The contexts (the fact base resolved
  into views: what each page shows) are computed once, before timing: they are the
  loop's input, not its work.

    .venv/bin/python -m benchmarks.render_throughput [--runs 3] [--dir DIR] [--claims N]

The project goes under DIR (default: /dev/shm when it exists, as in
../shared/baselines.md, "output on tmpfs"; else the system's temp folder).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from benchmarks.factbase import generate
from sitegen.build import render
from sitegen.config import Config, load_config
from sitegen.factbase.store import load_factbase
from sitegen.render import feed, views
from sitegen.render.markdown import inline_markdown
from sitegen.render.site import page_context, site_specs
from sitegen.render.templates import Templates
from sitegen.reporter import Reporter

TARGET = 0.7


def page_contexts(config: Config) -> list[tuple[str, str, dict[str, Any]]]:
    """(output path, template, context) of every page sitegen renders."""
    reporter = Reporter(quiet=True)
    site = views.build_views(config, load_factbase(config, reporter), reporter)
    return [(spec.output, spec.template, page_context(site, spec)) for spec in site_specs(site)]


def cold_caches() -> None:
    """What a new process starts without (Markdown rendered once per text, the people's
    mentions, feed ids): cleared before every timed run, of either kind."""
    for cached in (inline_markdown, views._names_pattern, views._mentions, feed._urn):
        cached.cache_clear()


def minimal_loop(config: Config, pages: list[tuple[str, str, dict[str, Any]]], out: Path) -> float:
    cold_caches()
    started = time.perf_counter()
    for path in sorted(config.content.rglob("*.yaml")):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    env = Templates.for_project(config).env
    for output, template, context in pages:
        target = out / output
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.get_template(template).render(context), encoding="utf-8")
    return time.perf_counter() - started


def sitegen_render(config: Config) -> float:
    cold_caches()
    started = time.perf_counter()
    render(config, Reporter(quiet=True), force=True)
    return time.perf_counter() - started


def default_dir() -> Path | None:
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and shm.stat().st_mode & 0o002 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=default_dir())
    parser.add_argument("--claims", type=int, default=2000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sitegen-render-", dir=args.dir))
    try:
        project = folder / "project"
        base = generate(project, claims=args.claims, people=args.claims // 4)
        config = load_config(project)
        pages = page_contexts(config)
        html = sum(output.endswith(".html") for output, _, _ in pages)
        print(
            f"project: {len(base.claims)} claims, {len(base.people)} people, "
            f"{len(base.sources)} sources -> {html} HTML pages, {len(pages)} files "
            f"(in {folder})"
        )
        sitegen_render(config)  # the first render creates site/; every timed one replaces it
        minimal_loop(config, pages, folder / "minimal")
        ours, loop = [], []
        for _ in range(args.runs):
            ours.append(sitegen_render(config))
            loop.append(minimal_loop(config, pages, folder / "minimal"))
        for name, times in (("sitegen render", ours), ("minimal loop", loop)):
            median = statistics.median(times)
            print(
                f"{name:15} median {median:6.2f} s  {len(pages) / median:7.0f} pages/s  "
                f"(runs: {', '.join(f'{t:.2f}' for t in times)})"
            )
        ratio = statistics.median(loop) / statistics.median(ours)
        verdict = "meets" if ratio >= TARGET else "misses"
        print(f"throughput ratio sitegen/minimal: {ratio:.2f}x  (target >= {TARGET}x: {verdict})")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
