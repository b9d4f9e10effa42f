"""Real multi-outlet news clusters from ../shared/corpora, turned into sitegen projects.

The corpus stays outside the repository: this module reads it from its shared location
(or $SITEGEN_CORPORA) and writes projects into folders the caller chooses.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("SITEGEN_CORPORA", REPO.parent / "shared" / "corpora"))


@dataclass
class Cluster:
    cluster_id: str
    summary: str
    articles: list[dict]
    gold: dict = field(default_factory=dict)

    @property
    def part(self) -> str:
        """`tune` or `held-out`: the one split of every corpus, by a hash of the cluster id.

        Rules are tuned on `tune` clusters only; figures on `held-out` clusters are reported
        as first-run figures, taken before any change made after reading them.
        """
        digest = hashlib.sha256(self.cluster_id.encode("utf-8")).digest()
        return "tune" if digest[0] % 2 == 0 else "held-out"


def load_clusters(name: str = "basil-dev.jsonl", folder: Path = CORPORA) -> list[Cluster]:
    path = folder / name
    if not path.is_file():
        raise SystemExit(f"corpus not found: {path} (set SITEGEN_CORPORA)")
    with path.open(encoding="utf-8") as handle:
        return [
            Cluster(d["cluster_id"], d["summary"], d["articles"], d.get("gold") or {})
            for d in map(json.loads, handle)
        ]


def front_matter(article: dict) -> str:
    """An article as the .md seed file a user would write: YAML front matter, then text."""
    meta = {
        "title": article.get("title"),
        "url": article.get("url"),
        "date": article.get("date"),
        "publisher": article.get("source"),
    }
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items() if v]
    return "\n".join([*lines, "---", "", article["text"].strip(), ""])


def write_project(cluster: Cluster, root: Path) -> Path:
    """A project folder with one seeds/NN-source.md per article of the cluster."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for number, article in enumerate(cluster.articles):
        name = f"{number:02d}-{article.get('source', 'src')}.md"
        (seeds / name).write_text(front_matter(article), encoding="utf-8")
    return root


def iter_articles(clusters: list[Cluster]) -> Iterator[tuple[Cluster, int, dict]]:
    for cluster in clusters:
        for number, article in enumerate(cluster.articles):
            yield cluster, number, article
