"""The extraction rules alone, on parses made once: where `extract_whole`'s gap is.

`extract_whole` races all of `sitegen extract` against raw `nlp.pipe`; beyond the parse
most of sitegen's time is its rules, and a whole run's CPU moves by more between rounds
than a change to them saves. This parses the same project (`extract_whole`'s 57
articles by default) once, keeps the parses in a `DocBin`, and times only
`extract_article` over them, `--reps` times in one process (the minimum counts): the
model is loaded for its vocabulary, nothing is parsed again. A digest of the facts shows
that the stored parses give what a direct run gives, and that two checkouts agree.

    .venv/bin/python -m benchmarks.extract_rules                       # 57 articles
    .venv/bin/python -m benchmarks.extract_rules --baseline /tmp/before --rounds 3
    .venv/bin/python -m benchmarks.extract_rules --profile 30          # top functions
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.extract_whole import chosen, write_project

REPO = Path(__file__).resolve().parent.parent


def facts_digest(facts: list[Any]) -> str:
    from sitegen.extract.cache import _fields_of

    text = json.dumps(facts, default=_fields_of, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse(project: Path, out: Path) -> str:
    """Parse every prose block into `out` (a DocBin); the digest of the facts of the
    parses as made (not stored and read back)."""
    from spacy.tokens import DocBin

    from sitegen.extract import BATCH_SIZE, parsed_blocks
    from sitegen.ingest import read_articles
    from sitegen.nlp import load_model

    articles = read_articles(project / "seeds", project)
    texts = [a.text[b.start : b.end] for a in articles for b in parsed_blocks(a)]
    parsed = list(load_model().pipe(texts, batch_size=BATCH_SIZE))
    DocBin(docs=parsed, store_user_data=True).to_disk(out)
    return facts_digest(_extracted(articles, parsed))


def _extracted(articles: list[Any], parsed: list[Any]) -> list[Any]:
    from sitegen.extract import parsed_blocks
    from sitegen.extract.article import extract_article
    from sitegen.extract.params import DEFAULT, using

    blocks, facts = iter(parsed), []
    for article in articles:
        with using(DEFAULT):
            facts.append(extract_article(article, [next(blocks) for _ in parsed_blocks(article)]))
    return facts


def rules(project: Path, docs: Path, reps: int, profile: int) -> dict[str, Any]:
    """CPU seconds of the rules over the stored parses, `reps` times."""
    from spacy.tokens import DocBin

    from sitegen.ingest import read_articles
    from sitegen.nlp import load_model

    articles = read_articles(project / "seeds", project)
    parsed = list(DocBin().from_disk(docs).get_docs(load_model().vocab))
    times, digests = [], set()
    for _ in range(reps):
        started = time.process_time()
        facts = _extracted(articles, parsed)
        times.append(time.process_time() - started)
        digests.add(facts_digest(facts))
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(_extracted, articles, parsed)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(profile)
    return {"times": times, "digests": sorted(digests)}


def timed(checkout: Path, project: Path, docs: Path, reps: int, profile: int) -> dict[str, Any]:
    """`rules` in a process of its own, with `checkout`'s sitegen."""
    done = subprocess.run(
        [
            *(sys.executable, "-m", "benchmarks.extract_rules"),
            *("--rules", str(project), str(docs), "--reps", str(reps), "--profile", str(profile)),
        ],
        cwd=checkout,
        env={**os.environ, "PYTHONPATH": str(checkout)},
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(done.stdout)


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--basil", type=int, default=10, help="basil-dev clusters")
    options.add_argument("--gva", type=int, default=8, help="gva-dev clusters")
    options.add_argument("--reps", type=int, default=5, help="runs of the rules per process")
    options.add_argument("--rounds", type=int, default=1, help="processes per checkout")
    options.add_argument("--profile", type=int, default=0, help="print the top N functions")
    options.add_argument("--baseline", type=Path, help="also time this checkout's rules")
    options.add_argument("--rules", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = options.parse_args(argv)
    if args.rules:
        project, docs = args.rules
        print(json.dumps(rules(project, docs, args.reps, args.profile)))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        project = write_project(chosen(args.basil, args.gva), Path(folder) / "project")
        docs = Path(folder) / "parses.spacy"
        direct = parse(project, docs)
        checkouts = {
            "this checkout": REPO,
            **({"baseline": args.baseline} if args.baseline else {}),
        }
        found: dict[str, list[float]] = {name: [] for name in checkouts}
        for number in range(args.rounds):
            names = list(checkouts) if number % 2 == 0 else list(checkouts)[::-1]
            for name in names:
                result = timed(checkouts[name], project, docs, args.reps, args.profile)
                found[name].append(min(result["times"]))
                same = result["digests"] == [direct]
                print(
                    f"  round {number + 1}: {name:14} rules CPU min {min(result['times']):.3f} s"
                    f" (runs {', '.join(f'{t:.3f}' for t in result['times'])}); facts "
                    f"{'as a direct run' if same else 'DIFFER: ' + ', '.join(result['digests'])}",
                    flush=True,
                )
        for name, values in found.items():
            print(f"{name:14} rules CPU {statistics.median(values):.3f} s (median of the minima)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
