"""Render pages/s as a story grows, and with more processes: no spaCy needed.

Issue 21's targets: render pages/s at 10,000 articles >= 0.9x that at 1,000, and
`--jobs 2` >= 1.7x `--jobs 1` on the same site. Each size is a generated fact base
(benchmarks.factbase) shaped like a real build of that many articles: about 16 claims,
5 people and 1 source per 16 claims (build_scale gave 16,061 claims / 5,041 people /
1,000 sources at 1,000 articles, 158,702 / 50,924 / 10,000 at 10,000). Every run is a
fresh `sitegen render --jobs N` process timed from outside: start-up, reading and
checking content/ (from the parse cache the first render wrote), the views, every page,
the search index and the swap that replaces the previous site. Runs alternate between
sizes and job counts, round by round; medians are compared.

The projects go on disk (a new folder in the system's temp folder, or in `--dir`), not
tmpfs: users render to disk, and folder sizes matter there. `--work DIR` keeps them in
DIR and reuses the ones it finds there (generating 160,000 claims takes minutes). The
first render of each (untimed in the medians) writes the parse cache; every timed run
re-renders with it into a project with no site, as a build's render does: the previous
site is moved aside, and all of them are removed at the end. On this machine's disk (ext4
without a journal) the kernel skips inodes freed in the last minute or more, one by one,
when it makes a file, so a render following the removal of another's site (or of a
larger size's) made its folders several times slower, and repeated renders of one
project slowed down round after round. `--replace` keeps the previous site in place
instead: each run replaces it, as a user's next render does, and the removal that
follows (a process of its own) is waited for and printed apart.

    .venv/bin/python -m benchmarks.render_scale [--claims 16000 160000] [--jobs 1 2]
        [--runs 3] [--dir DIR | --work DIR] [--replace]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.factbase import generate
from sitegen.fsutil import remove_tree
from sitegen.render.site import TRASH

TARGET_SCALE = 0.9  # pages/s of the largest size over the smallest's
TARGET_JOBS = 1.7  # pages/s with the most jobs over one job's


def shape(claims: int) -> tuple[int, int]:
    """People and sources for `claims`, in a real build's proportions."""
    return max(1, claims * 5 // 16), max(1, claims // 16)


def render(project: Path, jobs: int, aside: Path | None = None) -> tuple[float, int, float]:
    """Wall seconds of one `sitegen render` process, the HTML pages it wrote, and the
    seconds its previous site took to go after the command ended (waited for, so that
    no run shares the disk with the removal of the one before). Given `aside`, the
    previous site is moved there first, and there is nothing to remove."""
    if aside is not None and (project / "site").is_dir():
        os.replace(project / "site", tempfile.mkdtemp(prefix="site.", dir=aside))
    command = [sys.executable, "-m", "sitegen", "render", "--jobs", str(jobs)]
    started = time.perf_counter()
    result = subprocess.run(command, cwd=project, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {project}:\n{result.stderr}")
    trash = project / ".sitegen-cache" / TRASH
    while trash.is_dir() and any(trash.iterdir()):
        time.sleep(0.5)
    return elapsed, html_pages(project), time.perf_counter() - started - elapsed


def html_pages(project: Path) -> int:
    return sum(1 for _ in (project / "site").rglob("*.html"))


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[16000, 160000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument(
        "--work", type=Path, help="keep the projects in this folder, and reuse those found there"
    )
    parser.add_argument(
        "--replace", action="store_true", help="each run replaces the previous site (see above)"
    )
    args = parser.parse_args()
    folder = args.work or Path(tempfile.mkdtemp(prefix="sitegen-render-scale-", dir=args.dir))
    aside = None if args.replace else Path(tempfile.mkdtemp(prefix="old-sites.", dir=folder))
    try:
        projects: dict[int, Path] = {}
        pages: dict[int, int] = {}
        for claims in args.claims:
            people, sources = shape(claims)
            project = projects[claims] = folder / f"claims-{claims}"
            if (project / "site" / "index.html").is_file():  # rendered by an earlier run
                made, pages[claims] = "reused", html_pages(project)
            else:
                started = time.perf_counter()
                if not (project / "content").is_dir():
                    generate(project, claims=claims, people=people, sources=sources)
                made = f"generated in {time.perf_counter() - started:.0f} s"
                first, pages[claims], _ = render(project, max(args.jobs))
                made += f", first render {first:.1f} s"
            print(
                f"{claims} claims, {people} people, {sources} sources ({made}): "
                f"{pages[claims]} HTML pages  (load {load()})",
                flush=True,
            )
        times: dict[tuple[int, int], list[float]] = {}
        for round_number in range(args.runs):
            for claims in args.claims:
                for jobs in args.jobs:
                    elapsed, _, removal = render(projects[claims], jobs, aside)
                    times.setdefault((claims, jobs), []).append(elapsed)
                    print(
                        f"round {round_number + 1}: {claims} claims --jobs {jobs}: "
                        f"{elapsed:.1f} s, {pages[claims] / elapsed:.0f} pages/s"
                        + (f"; previous site removed {removal:.1f} s after" if args.replace else "")
                        + f"  (load {load()})",
                        flush=True,
                    )
        rate = {key: pages[key[0]] / statistics.median(runs) for key, runs in times.items()}
        for (claims, jobs), runs in times.items():
            print(
                f"{claims:7d} claims --jobs {jobs}: median {statistics.median(runs):7.1f} s "
                f"{rate[claims, jobs]:6.0f} pages/s  (runs: {', '.join(f'{t:.1f}' for t in runs)})"
            )
        small, large = min(args.claims), max(args.claims)
        for jobs in args.jobs:
            ratio = rate[large, jobs] / rate[small, jobs]
            print(
                f"--jobs {jobs}: pages/s at {large} claims / at {small}: {ratio:.2f}x "
                f"(target >= {TARGET_SCALE}x)"
            )
        fewest, most = min(args.jobs), max(args.jobs)
        if fewest != most:
            for claims in args.claims:
                ratio = rate[claims, most] / rate[claims, fewest]
                print(
                    f"{claims} claims: --jobs {most} / --jobs {fewest}: {ratio:.2f}x "
                    f"(target >= {TARGET_JOBS}x for 2 / 1)"
                )
    finally:
        if aside is not None:
            for thread in remove_tree(aside):
                thread.join()
        if args.work:
            print(f"projects kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
