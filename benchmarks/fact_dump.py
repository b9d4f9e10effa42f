"""Every fact of a corpus part, as extraction makes it, to read what a rule changes.

A rule tuned on one story must be checked on all of them: dump every fact (its words,
kind, speaker, bracketed statement and counts) of a part before the change, again
after, and read every difference. Rules have been kept or reverted this way since
session 14.

    .venv/bin/python -m benchmarks.fact_dump PART OUT.json    # tune | held-out
    .venv/bin/python -m benchmarks.fact_dump --compare BEFORE.json AFTER.json

Each corpus under $SITEGEN_CORPORA (basil-dev, gva-dev) is read through ingest and
extracted through the cache (benchmarks/extraction.py), so a second dump of unchanged
code is quick. The dump holds corpus text: keep it outside the project.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.corpus import load_clusters, write_project
from benchmarks.extraction import extract_cached
from sitegen.ingest import read_articles

CORPORA = ("gva-dev.jsonl", "basil-dev.jsonl")


def dump(part: str) -> dict[str, list[Any]]:
    """Facts by "cluster|source|start|end": [text, kind, speaker, standalone, counts]."""
    found: dict[str, list[Any]] = {}
    for corpus in CORPORA:
        for cluster in load_clusters(corpus):
            if cluster.part != part:
                continue
            with tempfile.TemporaryDirectory() as tmp:
                root = write_project(cluster, Path(tmp))
                extracted = extract_cached(read_articles(root / "seeds", root))
            for result in extracted:
                for fact in result.facts:
                    key = f"{cluster.cluster_id}|{fact.source}|{fact.start}|{fact.end}"
                    counts = [
                        [f.value, f.text, f.counts, f.quantity, f.increment] for f in fact.figures
                    ]
                    speaker = fact.speaker.text if fact.speaker else None
                    found[key] = [fact.text, fact.kind, speaker, fact.standalone, counts]
    return found


def compare(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> int:
    """Print every fact that differs (or is only on one side); return how many."""
    changed = 0
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        changed += 1
        print(f"{key.split('|')[0]} | {(old or new or [''])[0][:150]}")
        print(f"    before {old[1:] if old else None}")
        print(f"    after  {new[1:] if new else None}")
    return changed


def main() -> None:
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "--compare":
        before, after = (json.loads(Path(a).read_text(encoding="utf-8")) for a in args[1:])
        print(f"{compare(before, after)} facts differ", file=sys.stderr)
    elif len(args) == 2 and args[0] in ("tune", "held-out"):
        facts = dump(args[0])
        Path(args[1]).write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        print(f"{len(facts)} facts", file=sys.stderr)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
