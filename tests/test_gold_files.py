"""Gold files: anchors a page prints twice, and the gold of fresh batches kept outside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.gold import GoldFact, GoldStory, anchor_spans, corpus_path, missing_gold
from tests.builders import article

REPEATED = "A man was shot. A man was shot. He died."


def test_an_anchor_marked_every_stands_at_each_place() -> None:
    """A page printing its summary above the story: both places state the fact."""
    fact = GoldFact("shot", [("a.txt", "A man was shot.")], every={("a.txt", "A man was shot.")})
    spans = anchor_spans(GoldStory("s", [fact]), [article(REPEATED)])
    assert spans == {"a": [(0, 15, "shot"), (16, 31, "shot")]}


def test_an_unmarked_anchor_found_twice_is_an_error() -> None:
    fact = GoldFact("shot", [("a.txt", "A man was shot.")])
    with pytest.raises(SystemExit, match="not unique"):
        anchor_spans(GoldStory("s", [fact]), [article(REPEATED)])


def test_a_fresh_batch_is_read_from_its_folder_or_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Gold of a fresh batch (`corpus: gva-more-N`) is skipped, and named, until the
    batch is written under $SITEGEN_FRESH."""
    monkeypatch.delenv("SITEGEN_FRESH", raising=False)
    assert corpus_path("gva-more-2") is None
    assert any("(gva-more-2)" in name for name in missing_gold())
    batch = tmp_path / "gva-more-2"
    batch.mkdir()
    (batch / "gva-dev.jsonl").write_text(json.dumps({"cluster_id": "gvx-1"}) + "\n")
    monkeypatch.setenv("SITEGEN_FRESH", str(tmp_path))
    assert corpus_path("gva-more-2") == batch / "gva-dev.jsonl"
    assert not any("(gva-more-2)" in name for name in missing_gold())
