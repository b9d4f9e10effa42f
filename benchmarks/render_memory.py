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
  Pagefind parts' peaks, and the wall time with the load average.

    .venv/bin/python -m benchmarks.render_memory [--claims 40000] [--jobs 1 2]
        [--work DIR] [--phases]
"""

from __future__ import annotations

import argparse
import os
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

    def sample(self, root: int, started: float) -> None:
        total, parent, forked = 0, {"rss": 0, "pss": 0}, False
        tree = descendants(root)
        indexing = any(name == PAGEFIND for _, name in tree)
        for pid, name in tree:
            try:
                now = memory(pid)
            except (OSError, KeyError, ValueError):
                continue
            total += now["pss"]
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
        if total > self.tree:
            self.tree, self.tree_at = total, time.perf_counter() - started


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


def render(project: Path, jobs: int, interval: float) -> None:
    command = [sys.executable, "-m", "sitegen", "render", "--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, stderr=subprocess.PIPE, text=True)
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
    args = parser.parse_args()
    for claims in args.claims:
        project = project_for(args.work, claims)
        people, sources = shape(claims)
        print(f"{claims} claims, {people} people, {sources} sources  (load {load()})", flush=True)
        if args.phases:
            phases(project)
            continue
        if not (project / ".sitegen-cache").is_dir():
            render(project, max(args.jobs), args.interval)  # writes the parse cache
        for jobs in args.jobs:
            render(project, jobs, args.interval)
    return 0


if __name__ == "__main__":
    sys.exit(main())
