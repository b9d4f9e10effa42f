"""Merge quality against the gold fact groups: pairwise precision and recall.

    .venv/bin/python -m benchmarks.merge_eval [STORY ...]

For every gold story (benchmarks/gold/*.yaml, or the ones named), builds the story's
articles in a temporary project, extracts (cached per article text), merges, and prints
per story and overall: precision and recall of citation pairs placed in one claim,
how many gold passages any citation covers, and the gold conflicts found.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.extraction import extract_cached
from benchmarks.gold import GoldStory, Score, all_gold, score, write_story
from sitegen.ingest import read_articles
from sitegen.merge import merge


def evaluate(story: GoldStory) -> tuple[Score, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_story(story, Path(tmp))
        articles = read_articles(root / "seeds", root)
        extracted = extract_cached(articles)
        started = time.perf_counter()
        base = merge(articles, extracted)
        seconds = time.perf_counter() - started
        return score(story, articles, base), seconds


def figures(result: Score) -> dict[str, float]:
    """A score's ratios by name: what the quality gate (tests/test_gold.py,
    benchmarks/floors.py) reads. A new metric is a new key."""
    ratios = {
        "cited": (result.anchors_cited, result.anchors),
        "conflicts_found": (result.conflicts_found, result.conflicts_gold),
    }
    found = {name: part / whole for name, (part, whole) in ratios.items() if whole}
    return {"precision": result.precision, "recall": result.recall, **found}


def evaluate_sample() -> dict[str, float]:
    """The sample story's figures."""
    return figures(_evaluate_pooled("sample", lambda story: story.name == "sample"))


def evaluate_corpus() -> dict[str, float]:
    """The gold corpus clusters' figures, pooled."""
    return figures(_evaluate_pooled("corpora", lambda story: story.name != "sample"))


def _evaluate_pooled(name: str, wanted: Callable[[GoldStory], bool]) -> Score:
    total = Score(name)
    for story in all_gold():
        if wanted(story):
            total.add(evaluate(story)[0])
    return total


def main(argv: list[str]) -> int:
    stories = [s for s in all_gold() if not argv or s.name in argv]
    header = (
        f"{'story':<22} {'P':>5} {'R':>5} {'links':>6} {'gold':>5} {'claims':>6} "
        f"{'multi':>5} {'cited':>7} {'confl':>5} {'disp':>4} {'ms':>5}"
    )
    print(header)
    total = Score("overall")
    rows = []
    for story in stories:
        result, seconds = evaluate(story)
        total.add(result)
        rows.append(result)
        print(_row(result, f"{seconds * 1000:5.0f}"))
    corpus = Score("corpora (pooled)")
    for result in rows:
        if result.story != "sample":
            corpus.add(result)
    print("-" * len(header))
    if corpus.pairs_gold:
        print(_row(corpus, ""))
    print(_row(total, ""))
    return 0


def _row(s: Score, ms: str) -> str:
    return (
        f"{s.story:<22} {s.precision:5.3f} {s.recall:5.3f} {s.pairs_linked:>6} "
        f"{s.pairs_gold:>5} {s.claims:>6} {s.multi_source:>5} "
        f"{s.anchors_cited:>3}/{s.anchors:<3} {s.conflicts_found:>2}/{s.conflicts_gold:<2} "
        f"{s.disputed:>4} {ms:>5}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
