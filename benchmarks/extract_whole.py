"""`sitegen extract` as a whole against raw `nlp.pipe`, both timed from outside (issue 21).

One project holds every article of the first `--basil` basil-dev clusters and the first
`--gva` gva-dev clusters (file order; default 10 + 8 clusters, 57 articles), read from
../shared/corpora through `benchmarks.corpus` into a temporary folder (never into the
repository). Each round runs, as separate processes and in alternating order:

- `sitegen extract --jobs 1 -q` on a fresh copy of the project (no extraction cache, no
  content/): start-up, model load, parse, extraction rules, merge, content/ writes;
- a process that loads the same model (`sitegen.nlp.load_model`) and runs raw
  `nlp.pipe` over exactly the texts extraction parses (each article's prose blocks and
  a headline that writes a number, `extract.parsed_blocks`; same batch size);
- for reference, the same over each whole article.

Before the first round sitegen's modules (of this checkout and of `--baseline`) are
compiled to bytecode once, as installing a package does: a shell that sets
PYTHONDONTWRITEBYTECODE would otherwise make every run compile them from source again
(~0.3 s of CPU), a cost an installed sitegen never pays; both sides read the same
bytecode (the raw process imports `sitegen.nlp`). Wall time and CPU time (of the process
and its children, from `os.wait4`) are taken from outside; medians over `--rounds` rounds, and the ratio raw / sitegen (target
>= 0.85x). Then `--stage-runs` more runs of the same command in a process that wraps
the build's stage functions with timers (`--stages`, below) say where sitegen's time
goes: start-up and imports, model load, parse (time inside `Language.pipe`), the
extraction rules, the extraction cache's writes, the merge, reading content/, the
reconcile, planning the writes (YAML dumps), the journal commit and the rest.

    .venv/bin/python -m benchmarks.extract_whole                 # 57 articles, 5 rounds
    .venv/bin/python -m benchmarks.extract_whole --rounds 3 --basil 4 --gva 4
    git worktree add /tmp/before COMMIT   # then, before and after in one run:
    .venv/bin/python -m benchmarks.extract_whole --baseline /tmp/before
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpus import Cluster, front_matter, load_clusters

REPO = Path(__file__).resolve().parent.parent

# The raw process: what any spaCy user would run over the same texts, with our model.
RAW = """
import json, sys, time
started = time.perf_counter()
from sitegen.nlp import load_model
texts = json.load(open(sys.argv[1], encoding="utf-8"))[sys.argv[2]]
nlp = load_model()
loaded, cpu = time.perf_counter(), time.process_time()
for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
print(json.dumps({
    "load": loaded - started, "load cpu": cpu,
    "pipe": time.perf_counter() - loaded, "pipe cpu": time.process_time() - cpu,
}))
"""


def chosen(basil: int, gva: int) -> list[Cluster]:
    return load_clusters("basil-dev.jsonl")[:basil] + load_clusters("gva-dev.jsonl")[:gva]


def write_project(clusters: list[Cluster], root: Path) -> Path:
    """One project, one seed per article, named after its cluster."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    for cluster in clusters:
        for number, article in enumerate(cluster.articles):
            name = f"{cluster.cluster_id}-{number:02d}-{article.get('source', 'src')}.md"
            (seeds / name).write_text(front_matter(article), encoding="utf-8")
    (root / "sitegen.yaml").write_text("title: extract_whole benchmark\n", encoding="utf-8")
    return root


def write_texts(project: Path, out: Path) -> dict[str, int]:
    """The blocks extraction parses and the whole articles, as JSON for the raw
    process; returns their word counts."""
    from sitegen.extract import parsed_blocks
    from sitegen.ingest import read_articles

    articles = read_articles(project / "seeds", project)
    texts = {
        "blocks": [a.text[b.start : b.end] for a in articles for b in parsed_blocks(a)],
        "whole": [a.text for a in articles],
    }
    out.write_text(json.dumps(texts), encoding="utf-8")
    return {
        "articles": len(articles),
        **{kind: sum(len(t.split()) for t in found) for kind, found in texts.items()},
    }


def run(command: list[str], cwd: Path = REPO) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (user + system, with its children) and stdout."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # read before waiting: a full pipe would block the child
    out, err = child.stdout.read(), child.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{err.decode()}")
    return wall, usage.ru_utime + usage.ru_stime, out.decode()


def compiled(checkout: Path) -> None:
    """Write the bytecode of `checkout`'s sitegen, as `pip install` does: every timed
    process then reads it instead of compiling the source (the same for both sides)."""
    if not compileall.compile_dir(checkout / "sitegen", quiet=1):
        raise SystemExit(f"cannot compile {checkout / 'sitegen'}")


def fresh(template: Path, work: Path) -> Path:
    """A copy of the project with no content/ and no cache, in a folder of its own: the
    copies are deleted with `work`, after the timings. Writing a thousand files right
    after deleting a thousand (the previous run's) made ext4 scan its recently deleted
    inodes on every create: ~0.3 s more of the kernel's CPU for sitegen's commit, a cost
    of the benchmark's clean-up, not of a build."""
    target = work / f"project-{len(list(work.glob('project-*')))}"
    shutil.copytree(template, target)
    return target


def sitegen_command(project: Path) -> list[str]:
    return [sys.executable, "-m", "sitegen", "extract", "--project", str(project), "-j", "1", "-q"]


OURS, RAW_BLOCKS, BASELINE = (
    "sitegen extract --jobs 1",
    "raw nlp.pipe, prose blocks",
    "baseline sitegen extract",
)


def race(
    template: Path, texts: Path, work: Path, rounds: int, baseline: Path | None
) -> dict[str, list[float]]:
    """Every runner once per round, the order turned each round."""
    from sitegen.extract import BATCH_SIZE  # not at the top: `--stages` times its imports

    runners: dict[str, Callable[[], tuple[float, float, str]]] = {
        OURS: lambda: run(sitegen_command(fresh(template, work))),
        "raw nlp.pipe, prose blocks": lambda: run(
            [sys.executable, "-c", RAW, str(texts), "blocks", str(BATCH_SIZE)]
        ),
        "raw nlp.pipe, whole articles": lambda: run(
            [sys.executable, "-c", RAW, str(texts), "whole", str(BATCH_SIZE)]
        ),
    }
    if baseline is not None:  # another checkout's sitegen (run from there), same project
        runners[BASELINE] = lambda: run(sitegen_command(fresh(template, work)), baseline)
    times: dict[str, list[float]] = {}
    for number in range(rounds):
        names = list(runners)
        for name in names if number % 2 == 0 else names[::-1]:
            wall, cpu, out = runners[name]()
            inside = json.loads(out) if out.strip().startswith("{") else {}
            times.setdefault(f"{name} wall", []).append(wall)
            times.setdefault(f"{name} cpu", []).append(cpu)
            for part, seconds in inside.items():
                times.setdefault(f"{name} {part}", []).append(seconds)
            extra = "  ".join(f"{k} {v:.2f}" for k, v in inside.items())
            print(
                f"  round {number + 1}: {name:30} {wall:6.2f} s  (CPU {cpu:.2f} s)  {extra}",
                flush=True,
            )
        for name in (OURS, BASELINE) if baseline is not None else (OURS,):
            for kind in ("wall", "cpu"):
                ratio = times[f"{RAW_BLOCKS} {kind}"][-1] / times[f"{name} {kind}"][-1]
                times.setdefault(f"{name} ratio {kind}", []).append(ratio)
    return times


# -- where sitegen's time goes: the same command, its stages timed --------------------


def _now() -> tuple[float, float]:
    """(wall, CPU of this process so far, its start-up included)."""
    return time.perf_counter(), time.process_time()


def stages(project: Path, out: Path) -> int:
    """Run `sitegen extract -j 1` in this process with the stage functions wrapped;
    writes {stage: [wall, CPU seconds]} to `out`."""
    started = _now()
    from spacy.language import Language

    from sitegen import cli, nlp, pipeline
    from sitegen.extract import cache

    spent: dict[str, list[float]] = {"start-up": [0.0, started[1]]}

    def add(label: str, begun: tuple[float, float]) -> None:
        now = _now()
        total = spent.setdefault(label, [0.0, 0.0])
        total[0] += now[0] - begun[0]
        total[1] += now[1] - begun[1]

    add("imports", started)

    def timed(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            begun = _now()
            try:
                return original(*args, **kwargs)
            finally:
                add(label, begun)

        setattr(owner, name, wrapper)

    original_pipe = Language.pipe
    depth = [0]  # `pipe(as_tuples=True)` calls `pipe` again: count the outer call only

    def pipe(self: Language, *args: Any, **kwargs: Any) -> Any:
        docs = original_pipe(self, *args, **kwargs)
        while True:
            begun = _now()
            depth[0] += 1
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                depth[0] -= 1
                if not depth[0]:
                    add("parse", begun)
            yield doc

    Language.pipe = pipe  # type: ignore[method-assign]
    timed(nlp, "load_model", "model load")
    timed(cache.ExtractionCache, "put", "cache writes")
    for name in (
        "read_sources",
        "extract_facts",
        "merge_facts",
        "read_content",
        "reconcile_edits",
        "planned_writes",
        "write_content",
    ):
        timed(pipeline, name, name)
    code = cli.run(["extract", "--project", str(project), "-j", "1", "-q"])
    add("process", (started[0], 0.0))
    out.write_text(json.dumps(spent), encoding="utf-8")
    return code


PARTS = {  # shown name: stage (or a stage less others)
    "start-up (interpreter, before imports)": ["start-up"],
    "imports (sitegen, spaCy)": ["imports"],
    "model load": ["model load"],
    "parse (inside nlp.pipe)": ["parse"],
    "extraction rules": ["extract_facts", "-model load", "-parse", "-cache writes"],
    "extraction cache writes": ["cache writes"],
    "read seeds/": ["read_sources"],
    "merge": ["merge_facts"],
    "read content/": ["read_content"],
    "reconcile": ["reconcile_edits"],
    "plan writes (YAML dumps)": ["planned_writes"],
    "commit (journal, files, snapshot)": ["write_content"],
}


def stage_report(template: Path, work: Path, runs: int) -> None:
    """Median wall and CPU time of each stage over `runs` instrumented runs."""
    found: dict[str, list[list[float]]] = {}
    outside: list[tuple[float, float]] = []
    for _ in range(runs):
        out = work / "stages.json"
        project = fresh(template, work)
        command = [sys.executable, "-m", "benchmarks.extract_whole", "--stages", str(project)]
        wall, cpu, _ = run([*command, str(out)])
        outside.append((wall, cpu))
        for name, seconds in json.loads(out.read_text(encoding="utf-8")).items():
            found.setdefault(name, []).append(seconds)
    total = [statistics.median(x[i] for x in outside) for i in (0, 1)]
    print(
        f"\nwhere sitegen's time goes (median of {runs} instrumented runs; outside: wall "
        f"{total[0]:.2f} s, CPU {total[1]:.2f} s):"
    )
    print(f"  {'':40} {'wall':>7}  {'CPU':>7}  {'CPU %':>6}")
    shown = [0.0, 0.0]
    for name, terms in PARTS.items():
        seconds = [
            sum(
                (-1 if t[0] == "-" else 1)
                * statistics.median(v[i] for v in found.get(t.lstrip("-"), [[0.0, 0.0]]))
                for t in terms
            )
            for i in (0, 1)
        ]
        shown = [shown[0] + seconds[0], shown[1] + seconds[1]]
        print(
            f"  {name:40} {seconds[0]:6.2f}s  {seconds[1]:6.2f}s  {100 * seconds[1] / total[1]:5.1f}%"
        )
    rest = [total[0] - shown[0], total[1] - shown[1]]
    label = "the rest (stamp, exit; start-up's wall)"
    print(f"  {label:40} {rest[0]:6.2f}s  {rest[1]:6.2f}s  {100 * rest[1] / total[1]:5.1f}%")


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--basil", type=int, default=10, help="basil-dev clusters")
    options.add_argument("--gva", type=int, default=8, help="gva-dev clusters")
    options.add_argument("--rounds", type=int, default=5, help="timed rounds")
    options.add_argument("--stage-runs", type=int, default=3, help="instrumented runs")
    options.add_argument("--keep", type=Path, help="also leave the project's content/ here")
    options.add_argument(
        "--baseline", type=Path, help="also time the sitegen of this checkout (an older commit)"
    )
    options.add_argument("--stages", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = options.parse_args(argv)
    if args.stages:
        return stages(*args.stages)
    clusters = chosen(args.basil, args.gva)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        template = write_project(clusters, work / "template")
        counts = write_texts(template, work / "texts.json")
        print(
            f"{len(clusters)} clusters ({args.basil} basil-dev, {args.gva} gva-dev) in one "
            f"project: {counts['articles']} articles, {counts['blocks']:,} words of prose "
            f"({counts['whole']:,} in whole articles); load average "
            f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}",
            flush=True,
        )
        for checkout in [REPO] + ([args.baseline] if args.baseline else []):
            compiled(checkout)
        times = race(template, work / "texts.json", work, args.rounds, args.baseline)
        m = {name: statistics.median(values) for name, values in times.items()}
        print(f"\nmedians of {args.rounds} rounds (wall, CPU):")
        names = [OURS, RAW_BLOCKS, "raw nlp.pipe, whole articles"]
        for name in names + ([BASELINE] if args.baseline else []):
            print(f"  {name:30} {m[f'{name} wall']:6.2f} s  {m[f'{name} cpu']:6.2f} s")
        for name in (OURS, BASELINE) if args.baseline else (OURS,):
            print(
                f"  ratio raw / {name} (same texts) {m[f'{RAW_BLOCKS} wall'] / m[f'{name} wall']:.2f}x"
                f" (by CPU time {m[f'{RAW_BLOCKS} cpu'] / m[f'{name} cpu']:.2f}x); median of "
                f"each round's ratio {m[f'{name} ratio wall']:.2f}x (CPU "
                f"{m[f'{name} ratio cpu']:.2f}x); target >= 0.85x"
            )
        raw = RAW_BLOCKS
        print(
            f"  raw process: start-up and load {m[f'{raw} load']:.2f} s (CPU "
            f"{m[f'{raw} load cpu']:.2f} s), pipe {m[f'{raw} pipe']:.2f} s (CPU "
            f"{m[f'{raw} pipe cpu']:.2f} s)",
            flush=True,
        )
        if args.stage_runs:
            stage_report(template, work, args.stage_runs)
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            last = max(work.glob("project-*"), key=lambda p: int(p.name.split("-")[1]))
            shutil.copytree(last / "content", args.keep)
        print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
