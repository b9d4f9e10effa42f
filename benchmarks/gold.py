"""Gold "fact groups" for merge evaluation, and the pairwise score against them.

A gold file (benchmarks/gold/*.yaml) lists facts; each fact lists the passages stating
it as [article, anchor], where the anchor is a short verbatim snippet inside the
passage. Anchors keep the gold valid when extraction changes its spans: a citation
belongs to every fact whose anchor it overlaps. A sentence that no fact lists states a
fact of its own, so linking it to anything else is an error.

Articles are named by file (the sample story) or by index in a corpus cluster. A
passage's third item `every` marks every place its anchor stands (a page printing its
opening twice): else an anchor found twice is an error.

Gold of fresh stories (`benchmarks/gva_more.py`) names its batch as `corpus: gva-more-N`.
Its texts stay outside the repository, as the corpora do: the batch is read from
`$SITEGEN_FRESH/gva-more-N/gva-dev.jsonl` (write it there with `gva_more --out`), and a
story whose batch is not there is skipped (`missing_gold`).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import yaml

from benchmarks.corpus import CORPORA, Cluster, load_clusters, write_project
from sitegen.factbase.model import FactBase
from sitegen.ingest import Article

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "benchmarks" / "gold"
FRESH_PREFIX = "gva-more-"  # a fresh batch's corpus name: gva-more-2


class Tally:
    """Counters of one story that add up over a corpus (every int field is a count)."""

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)


@dataclass
class GoldFact:
    id: str
    passages: list[tuple[str, str]]  # (article file name, anchor)
    conflicts_with: list[str] = field(default_factory=list)
    every: set[tuple[str, str]] = field(default_factory=set)  # anchors marked at each place


@dataclass
class GoldStory:
    name: str
    facts: list[GoldFact]
    seeds: Path | None = None  # a seeds folder in the repository
    corpus: str | None = None  # or a corpus file and cluster id
    cluster: str | None = None
    files: dict[str, str] = field(default_factory=dict)  # article index -> file name


@dataclass
class Score:
    story: str
    claims: int = 0
    multi_source: int = 0
    pairs_linked: int = 0  # citation pairs placed in one claim
    pairs_gold: int = 0  # citation pairs that state one fact according to the gold
    pairs_correct: int = 0
    anchors: int = 0
    anchors_cited: int = 0  # gold passages some citation covers (extraction coverage)
    conflicts_gold: int = 0
    conflicts_found: int = 0
    disputed: int = 0

    @property
    def precision(self) -> float:
        return self.pairs_correct / self.pairs_linked if self.pairs_linked else 1.0

    @property
    def recall(self) -> float:
        return self.pairs_correct / self.pairs_gold if self.pairs_gold else 1.0

    def add(self, other: Score) -> None:
        for name in (
            "claims",
            "multi_source",
            "pairs_linked",
            "pairs_gold",
            "pairs_correct",
            "anchors",
            "anchors_cited",
            "conflicts_gold",
            "conflicts_found",
            "disputed",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def load_gold(path: Path) -> GoldStory:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    story = GoldStory(
        name=data["story"],
        facts=[
            GoldFact(
                f["id"],
                [(str(a), s) for a, s, *_ in f["passages"]],
                list(f.get("conflicts_with", [])),
                {(str(a), s) for a, s, *mark in f["passages"] if mark == ["every"]},
            )
            for f in data["facts"]
        ],
        seeds=REPO / data["seeds"] if "seeds" in data else None,
        corpus=data.get("corpus"),
        cluster=data.get("cluster"),
    )
    if story.cluster:
        cluster = story_cluster(story)
        story.files = {
            str(i): f"{i:02d}-{a.get('source', 'src')}.md" for i, a in enumerate(cluster.articles)
        }
    return story


def all_gold() -> list[GoldStory]:
    """Every gold story whose articles are here (`missing_gold` names the others)."""
    return [load_gold(path) for path in sorted(GOLD.glob("*.yaml")) if path not in _missing()]


def missing_gold() -> list[str]:
    """The gold files of fresh batches not written under $SITEGEN_FRESH, with the batch
    each wants: skipped, and said so, rather than failing every run without them."""
    return [f"{path.name} ({_corpus_of(path)})" for path in _missing()]


def _missing() -> list[Path]:
    return [path for path in sorted(GOLD.glob("*.yaml")) if not corpus_path(_corpus_of(path))]


def _corpus_of(path: Path) -> str:
    return str(yaml.safe_load(path.read_text(encoding="utf-8")).get("corpus") or "")


def corpus_path(corpus: str) -> Path | None:
    """Where a gold story's corpus file is: a fresh batch under $SITEGEN_FRESH (None when
    it is not written there), any other corpus among the shared corpora."""
    if not corpus.startswith(FRESH_PREFIX):
        return CORPORA / (corpus or "basil-dev.jsonl")
    folder = os.environ.get("SITEGEN_FRESH")
    path = Path(folder) / corpus / "gva-dev.jsonl" if folder else None
    return path if path and path.is_file() else None


def fresh(story: GoldStory) -> bool:
    """A story of a fresh batch, reported apart from the corpora's parts."""
    return (story.corpus or "").startswith(FRESH_PREFIX)


def story_cluster(story: GoldStory) -> Cluster:
    """The corpus cluster a gold story annotates."""
    path = corpus_path(story.corpus or "")
    if path is None:
        raise SystemExit(f"{story.name}: {story.corpus} not found (set SITEGEN_FRESH)")
    clusters = {c.cluster_id: c for c in load_clusters(path.name, path.parent)}
    return clusters[story.cluster or ""]


def write_story(story: GoldStory, root: Path) -> Path:
    """A project folder holding the story's articles as seeds/."""
    if story.seeds is not None:
        shutil.copytree(story.seeds, root / "seeds")
        return root
    return write_project(story_cluster(story), root)


def anchor_spans(
    story: GoldStory, articles: list[Article]
) -> dict[str, list[tuple[int, int, str]]]:
    """Per source id, the (start, end, fact id) of every gold anchor; a missing or
    ambiguous anchor is an error in the gold file, reported at once."""
    by_file = {Path(a.file).name: a for a in articles}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for fact in story.facts:
        for key, anchor in fact.passages:
            article = by_file[story.files.get(key, key)]
            places = [m.start() for m in re.finditer(re.escape(anchor), article.text)]
            if not places or (len(places) > 1) != ((key, anchor) in fact.every):
                problem = "not found" if not places else "not unique" if len(places) > 1 else "once"
                raise SystemExit(f"{story.name}: anchor {problem} in {key}: {anchor!r}")
            rows = spans.setdefault(article.id, [])
            rows.extend((at, at + len(anchor), fact.id) for at in places)
    return spans


def score(story: GoldStory, articles: list[Article], base: FactBase) -> Score:
    """Pairwise precision and recall over the citation pairs placed in one claim."""
    spans = anchor_spans(story, articles)
    result = Score(
        story.name,
        claims=len(base.claims),
        multi_source=sum(len(c.source_ids) > 1 for c in base.claims.values()),
        disputed=sum(c.status == "disputed" for c in base.claims.values()),
    )
    groups, claims_of = cited_facts(base, spans)
    linked = {
        tuple(sorted(pair))
        for claim in base.claims.values()
        for pair in combinations({(c.source, c.start, c.end) for c in claim.citations}, 2)
    }
    gold = {
        tuple(sorted(pair)) for pair in combinations(groups, 2) if groups[pair[0]] & groups[pair[1]]
    }
    result.pairs_linked, result.pairs_gold = len(linked), len(gold)
    result.pairs_correct = len(linked & gold)
    cited = {
        (src, s, e)
        for src, rows in spans.items()
        for s, e, _ in rows
        if any(src == k[0] and k[1] < e and s < k[2] for k in groups)
    }
    result.anchors = sum(len(rows) for rows in spans.values())
    result.anchors_cited = len(cited)
    result.conflicts_gold, result.conflicts_found = _conflicts(story, base, claims_of)
    return result


def cited_facts(
    base: FactBase, spans: dict[str, list]
) -> tuple[dict[tuple[str, int, int], frozenset[str]], dict[str, set[str]]]:
    """The gold facts each citation's passage states (a passage stating none is a fact of
    its own), and the claims citing each gold fact."""
    groups: dict[tuple[str, int, int], frozenset[str]] = {}
    claims_of: dict[str, set[str]] = {}  # fact id -> claims citing one of its anchors
    for claim in base.claims.values():
        for c in claim.citations:
            found = frozenset(
                fact
                for start, end, fact in spans.get(c.source, [])
                if start < c.end and c.start < end
            )
            groups[(c.source, c.start, c.end)] = found or frozenset(
                {f"~{c.source}:{c.start}:{c.end}"}
            )
            for fact in found:
                claims_of.setdefault(fact, set()).add(claim.id)
    return groups, claims_of


def _conflicts(story: GoldStory, base: FactBase, claims_of: dict[str, set[str]]) -> tuple[int, int]:
    """Gold conflict pairs, and how many of them a claim of one side lists a claim of
    the other side in its `conflicts`."""
    pairs = {tuple(sorted((f.id, other))) for f in story.facts for other in f.conflicts_with}
    found = 0
    for a, b in pairs:
        found += any(
            other in claims_of.get(b, set())
            for claim in claims_of.get(a, set())
            for other in base.claims[claim].conflicts
        )
    return len(pairs), found
