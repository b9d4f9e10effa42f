"""Whole-build scale (issue 8): `sitegen build` on generated stories of growing size.

Each size gets a fresh project from `benchmarks/generate.py` (so nothing is cached from
an earlier run) and one `sitegen build` in a subprocess, timed from outside. Printed per
size: wall time, articles/s, peak memory of the build's process tree (the sum over the
build, its extraction and render workers and Pagefind, sampled every 0.2 s, each
process's proportional share (PSS), so pages a forked worker shares with its parent
count once; and the largest single process from the kernel's own account), and the build's summary lines; then the ratio of the
last size to the first (targets for 1,000 -> 10,000: time <= 11x, peak <= 2 GB).

    .venv/bin/python -m benchmarks.build_scale                    # 1,000 and 10,000 articles
    .venv/bin/python -m benchmarks.build_scale 100 1000 --jobs 1  # any sizes, any jobs
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import write_corpus
from sitegen.render.site import TRASH

SAMPLE_SECONDS = 0.2
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Run:
    articles: int
    seconds: float
    tree_peak_mb: float  # sampled sum over the process tree
    largest_mb: float  # the largest single process, from getrusage
    summary: list[str]


def tree_memory(root: int) -> int:
    """Bytes of memory of `root` and all its descendants, from /proc: each process's
    proportional set size (shared pages split between their sharers), else its RSS."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            children.setdefault(int(stat[stat.rindex(")") + 2 :].split()[1]), []).append(
                int(entry.name)
            )
        except (OSError, ValueError, IndexError):
            continue  # the process ended meanwhile
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _memory(pid)
        todo += children.get(pid, [])
    return total


def _memory(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat[stat.rindex(")") + 2 :].split()[21]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0  # the process ended meanwhile


def build(articles: int, jobs: int, folder: Path) -> Run:
    """One fresh project of `articles` under `folder`, built once. Projects are removed
    together at the end: a disk may slow every file made in the minutes after a large
    deletion (ext4 without a journal skips recently freed inodes one by one), which
    would charge the next size for the previous one's removal."""
    root = write_corpus(folder / f"{articles}", articles)
    command = [
        sys.executable,
        "-m",
        "sitegen",
        "build",
        "--project",
        str(root),
        "--jobs",
        str(jobs),
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(SAMPLE_SECONDS):
            peak[0] = max(peak[0], tree_memory(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"sitegen build failed ({process.returncode}):\n{errors[-3000:]}")
    _wait_for_trash(root)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    summary = [line for line in errors.splitlines() if _summary(line)]
    return Run(articles, seconds, peak[0] / 2**20, largest / 2**20, summary)


def _wait_for_trash(root: Path) -> None:
    """Wait, untimed, until what the build left to remove after it ended (the render's
    trash: Pagefind's folders of links) is gone, so that the next size is not charged
    for this one's removal."""
    trash = root / ".sitegen-cache" / TRASH
    while trash.is_dir() and any(trash.iterdir()):
        time.sleep(0.5)


def _summary(line: str) -> bool:
    """The build's own figures: what it extracted, wrote and rendered, not every
    progress line."""
    if line.startswith("extracting:"):
        return "(100%)" in line
    return line.startswith(("extracting facts", "content:", "site:", "built"))


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("sizes", type=int, nargs="*", default=[1000, 10000])
    options.add_argument("--jobs", type=int, default=2, help="sitegen build --jobs")
    args = options.parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory(prefix="sitegen-scale-") as folder:
        for size in args.sizes:
            print(f"building {size} articles with --jobs {args.jobs} ...", flush=True)
            run = build(size, args.jobs, Path(folder))
            runs.append(run)
            for line in run.summary:
                print(f"    {line}")
            print(
                f"  {size:6} articles: {run.seconds:8.1f} s  {size / run.seconds:6.1f} "
                f"articles/s  peak {run.tree_peak_mb:6.0f} MB (tree), {run.largest_mb:6.0f} "
                "MB (largest process so far)",
                flush=True,
            )
    if len(runs) > 1:
        first, last = runs[0], runs[-1]
        print(
            f"\n{last.articles} / {first.articles} articles: time "
            f"{last.seconds / first.seconds:.1f}x for {last.articles / first.articles:.0f}x "
            f"the articles (target <= 11x for 10x (issue 21)); peak {last.tree_peak_mb:.0f} MB "
            f"(target <= 2048 MB)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
