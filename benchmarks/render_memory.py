"""Where `sitegen render`'s memory goes, and its peak per process: no spaCy needed.

Issue 21 keeps peak memory <= 2 GB at 10,000 articles. The render is the peak there:
its parent loads content/ and builds the views, then forks its workers (`--jobs`),
which share the parent's pages only until they touch them (every Python object read
has its reference count written). Two measurements on a generated fact base
(benchmarks.factbase, shaped as render_scale shapes it):

- `--phases`: in this process, the memory after each step the render takes before its
  first page (read content/ through the parse cache, check it, make the model objects,
  build the views, make every page spec), as each step's growth of this process's
  private memory (USS);
- otherwise, one `sitegen render --jobs N` process per run, its process tree sampled
  from /proc: the peak of the tree's PSS (shared pages split between their sharers),
  each process's peak PSS and RSS, the parent's RSS when its first worker appears
  (everything loaded, nothing drawn), the parent's PSS while Pagefind indexes, the
  Pagefind parts' peaks, and the wall time with the load average;
- `--as-build`: the render as `sitegen build` runs it after its merge (no site and no
  parse cache yet: every YAML file parsed, the freshness digest made first), with
  the tree's PSS by process (parent, render workers, other children, Pagefind) at the
  tree's peak within each stage of the render (content/ read, views, drawing, letting
  go, Pagefind).

    .venv/bin/python -m benchmarks.render_memory [--claims 40000] [--jobs 1 2]
        [--work DIR] [--phases] [--as-build] [--project DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.factbase import generate
from benchmarks.render_scale import shape

MB = 2**20
PAGEFIND = "pagefind"  # the name of Pagefind's processes (one per part of the index)


def memory(pid: int | str = "self") -> dict[str, int]:
    """Bytes of `pid`'s Pss, Rss and USS (private pages), from smaps_rollup."""
    found: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        found[name] = int(value.split()[0]) * 1024
    return {
        "pss": found["Pss"],
        "rss": found["Rss"],
        "uss": found["Private_Clean"] + found["Private_Dirty"],
    }


def descendants(root: int) -> list[tuple[int, str]]:
    """`root` and every process under it, with their names, `root` first."""
    children: dict[int, list[tuple[int, str]]] = {}
    names: dict[int, str] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        pid = int(entry.name)
        names[pid] = stat[stat.index("(") + 1 : stat.rindex(")")]
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(parent, []).append((pid, names[pid]))
    found, todo = [(root, names.get(root, "?"))], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child[0])
    return found


@dataclass
class Peaks:
    tree: int = 0  # the tree's PSS at its peak
    tree_at: float = 0.0
    processes: dict[tuple[int, str], dict[str, int]] = field(default_factory=dict)
    before_fork: int | None = None  # the parent's RSS when its first worker appears
    beside_pagefind: int = 0  # the parent's peak PSS while a Pagefind part runs
    # (wall clock, tree PSS, {role: PSS}) of every sample, for the stages' peaks
    timeline: list[tuple[float, int, dict[str, int]]] = field(default_factory=list)

    def sample(self, root: int, started: float) -> None:
        total, parent, forked = 0, {"rss": 0, "pss": 0}, False
        roles: dict[str, int] = {}
        tree = descendants(root)
        indexing = any(name == PAGEFIND for _, name in tree)
        for pid, name in tree:
            try:
                now = memory(pid)
            except (OSError, KeyError, ValueError):
                continue
            total += now["pss"]
            role = _role(pid, name, root, tree[0][1], now["rss"], parent["rss"])
            roles[role] = roles.get(role, 0) + now["pss"]
            peak = self.processes.setdefault((pid, name), dict.fromkeys(now, 0))
            for key, value in now.items():
                peak[key] = max(peak[key], value)
            if pid == root:
                parent = now
            elif name == tree[0][1] and now["rss"] * 2 > parent["rss"]:
                forked = True  # a worker: a copy of the parent (not a fresh interpreter)
        if indexing:
            self.beside_pagefind = max(self.beside_pagefind, parent["pss"])
        if self.before_fork is None and forked:
            self.before_fork = parent["rss"]  # its PSS is already shared with the copy
        self.timeline.append((time.time(), total, roles))
        if total > self.tree:
            self.tree, self.tree_at = total, time.perf_counter() - started


def _role(pid: int, name: str, root: int, root_name: str, rss: int, parent_rss: int) -> str:
    """What a process of the render's tree is: the parent, a render worker (a fork
    of the parent holding most of its pages), Pagefind, or another child (a fresh
    interpreter)."""
    if pid == root:
        return "parent"
    if name == PAGEFIND:
        return "pagefind"
    if name == root_name and rss * 2 > parent_rss:
        return "workers"
    return "other"


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def project_for(work: Path, claims: int) -> Path:
    project = work / f"claims-{claims}"
    if not (project / "content").is_dir():
        people, sources = shape(claims)
        started = time.perf_counter()
        generate(project, claims=claims, people=people, sources=sources)
        print(f"generated {claims} claims in {time.perf_counter() - started:.0f} s", flush=True)
    return project


def render(project: Path, jobs: int, interval: float, as_build: bool = False) -> None:
    command = [sys.executable, "-m", "sitegen", "render", "--jobs", str(jobs)]
    marks = project / ".render-memory-marks"
    marks.unlink(missing_ok=True)
    environment = dict(os.environ)
    if as_build:  # a build's first render: no site, no parse cache
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".sitegen-cache", ignore_errors=True)
        command = [sys.executable, "-m", "benchmarks.render_memory", "--build-render"]
        command += [str(project), "--jobs", str(jobs)]
        environment["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=project, stderr=subprocess.PIPE, text=True, env=environment
    )
    peaks = Peaks()
    done = threading.Event()

    def watch() -> None:
        while not done.wait(interval):
            peaks.sample(process.pid, started)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, errors = process.communicate()
    done.set()
    watcher.join()
    elapsed = time.perf_counter() - started
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{errors[-2000:]}")
    print(
        f"--jobs {jobs}: {elapsed:.1f} s, peak tree PSS {peaks.tree / MB:.0f} MB at "
        f"{peaks.tree_at:.0f} s; parent's RSS before its first worker "
        f"{f'{peaks.before_fork / MB:.0f} MB' if peaks.before_fork else '-'}  (load {load()})"
    )
    parts = [peak["pss"] for (_, name), peak in peaks.processes.items() if name == PAGEFIND]
    if parts:
        print(
            f"    Pagefind: {len(parts)} parts, peak PSS {min(parts) / MB:.0f}-"
            f"{max(parts) / MB:.0f} MB; the parent beside them: peak PSS "
            f"{peaks.beside_pagefind / MB:.0f} MB"
        )
    for (pid, name), peak in peaks.processes.items():
        if peak["rss"] > 50 * MB and name != PAGEFIND:
            print(
                f"    {name:>10} {pid}: peak PSS {peak['pss'] / MB:6.0f} MB, "
                f"RSS {peak['rss'] / MB:6.0f} MB, USS {peak['uss'] / MB:6.0f} MB"
            )
    if marks.exists():
        by_stage(peaks.timeline, marks.read_text().splitlines())


def by_stage(timeline: list[tuple[float, int, dict[str, int]]], marks: list[str]) -> None:
    """The tree's peak within each stage the render marked, and whose it was."""
    stages = [(float(at), name) for at, name in (line.split(" ", 1) for line in marks)]
    for (start, name), (end, _) in zip(stages, [*stages[1:], (float("inf"), "")], strict=True):
        inside = [sample for sample in timeline if start <= sample[0] < end]
        if not inside:
            continue
        _, total, roles = max(inside, key=lambda sample: sample[1])
        shares = ", ".join(f"{role} {pss / MB:.0f}" for role, pss in sorted(roles.items()))
        took = min(end, inside[-1][0]) - start
        print(f"    {name:>14} ({took:6.1f} s): peak tree PSS {total / MB:6.0f} MB ({shares})")


def build_render(project: Path, jobs: int) -> None:
    """In the measured process: `sitegen build`'s render after its merge, each stage
    marked (wall clock and name) in the project's marks file."""
    from sitegen import build, pipeline
    from sitegen.config import load_config
    from sitegen.filecache import FileCache
    from sitegen.render import site
    from sitegen.reporter import Reporter

    marks = (project / ".render-memory-marks").open("a", encoding="utf-8", buffering=1)

    def marked(module: object, attribute: str, name: str) -> None:
        original = getattr(module, attribute)

        def wrapper(*args: object, **kwargs: object) -> object:
            marks.write(f"{time.time()} {name}\n")
            return original(*args, **kwargs)

        setattr(module, attribute, wrapper)

    marked(pipeline, "load_factbase", "content/ read")
    marked(site, "build_views", "views")
    marked(site, "draw_all", "drawing")
    marked(site, "_let_go", "letting go")
    marked(site, "index_site", "Pagefind")
    config = load_config(project)
    config.jobs = jobs
    build.render(config, Reporter(), cache=FileCache().drain())


def high_water() -> int:
    """Bytes of this process's peak RSS so far."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def phases(project: Path) -> None:
    """Each step before the first page, as `sitegen render` takes it: this process's
    private memory after it, and its peak so far (freed memory is reused, not given
    back: the peak of the load is the floor of what the process holds when it forks)."""
    from sitegen import collector
    from sitegen.build import PARSED_CONTENT
    from sitegen.config import load_config
    from sitegen.factbase.check import read_and_check
    from sitegen.factbase.store import to_factbase
    from sitegen.filecache import StoredCache
    from sitegen.render.site import site_specs
    from sitegen.render.views import build_views
    from sitegen.reporter import Reporter

    config = load_config(project)
    reporter = Reporter(quiet=True)

    def step(name: str, started: float) -> None:
        print(
            f"{name:>28}: USS {memory()['uss'] / MB:6.0f} MB, peak RSS "
            f"{high_water() / MB:6.0f} MB  ({time.perf_counter() - started:5.1f} s)",
            flush=True,
        )

    with collector.paused():
        started = time.perf_counter()
        cache = StoredCache(config.cache / PARSED_CONTENT)
        step("parse cache read", started)
        started = time.perf_counter()
        files, _ = read_and_check(config, cache)
        step("content/ read and checked", started)
        started = time.perf_counter()
        base = to_factbase(files)
        del files
        step("model objects", started)
        started = time.perf_counter()
        cache.save()
        step("parse cache saved, dropped", started)
        started = time.perf_counter()
        views = build_views(config, base, reporter, cache.article)
        step("views", started)
        started = time.perf_counter()
        specs = list(site_specs(views))
        step(f"{len(specs)} page specs", started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[40000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--work", type=Path, default=Path("/tmp/sitegen-render-memory"))
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between samples")
    parser.add_argument("--phases", action="store_true", help="memory of each step, in-process")
    parser.add_argument("--as-build", action="store_true", help="render as a build's first")
    parser.add_argument("--project", type=Path, help="render this project (not generated)")
    parser.add_argument("--build-render", type=Path, help=argparse.SUPPRESS)  # the child
    args = parser.parse_args()
    if args.build_render:
        build_render(args.build_render, args.jobs[0])
        return 0
    for claims in args.claims if args.project is None else [0]:
        project = args.project or project_for(args.work, claims)
        if args.project is None:
            people, sources = shape(claims)
            print(f"{claims} claims, {people} people, {sources} sources  (load {load()})")
        if args.phases:
            phases(project)
            continue
        if not args.as_build and not (project / ".sitegen-cache").is_dir():
            render(project, max(args.jobs), args.interval)  # writes the parse cache
        for jobs in args.jobs:
            print(f"{project} (load {load()})", flush=True)
            render(project, jobs, args.interval, args.as_build)
    return 0


if __name__ == "__main__":
    sys.exit(main())
