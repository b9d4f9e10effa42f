"""Quality gates: extraction and merging scored against hand-made gold must stay at or
above the floors in benchmarks/floors.py (run with `pytest -m gold`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

import benchmarks.extraction
from benchmarks import extract_eval, floors, merge_eval
from benchmarks.corpus import CORPORA

pytestmark = [pytest.mark.gold, pytest.mark.slow]

Evaluate = Callable[[], dict[str, float]]
GATES: dict[str, tuple[Evaluate, dict[str, float]]] = {
    "extract-sample": (extract_eval.evaluate_sample, floors.EXTRACT["sample"]),
    "extract-corpus": (extract_eval.evaluate_corpus, floors.EXTRACT["corpus"]),
    "merge-sample": (merge_eval.evaluate_sample, floors.MERGE["sample"]),
    "merge-corpus": (merge_eval.evaluate_corpus, floors.MERGE["corpus"]),
    "merge-gva": (merge_eval.evaluate_gva, floors.MERGE["gva"]),
}


@pytest.fixture(scope="module", autouse=True)
def fresh_extraction_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """merge_eval caches extraction results on disk; a gate measures today's code only."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(benchmarks.extraction, "CACHE", tmp_path_factory.mktemp("extraction"))
        yield


@pytest.mark.parametrize("gate", GATES)
def test_figures_stay_above_their_floors(gate: str) -> None:
    corpus = "gva-dev.jsonl" if gate.endswith("gva") else "basil-dev.jsonl"
    if not gate.endswith("sample") and not (CORPORA / corpus).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"the gold corpus is missing in CI: {CORPORA}")
        pytest.skip(f"corpus not found: {CORPORA} (set SITEGEN_CORPORA)")
    evaluate, wanted = GATES[gate]
    got = evaluate()
    below = {
        name: f"{got[name]:.3f} < {floor}" if name in got else "not measured"
        for name, floor in wanted.items()
        if got.get(name, -1.0) < floor
    }
    figures = ", ".join(f"{name} {value:.3f}" for name, value in sorted(got.items()))
    assert not below, f"{gate} below its floors: {below} (all figures: {figures})"
