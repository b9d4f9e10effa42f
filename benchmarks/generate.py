"""Large corpora from the real ones: each story replicated many times, each copy a
different story.

A replica keeps the words that nearly every story uses ("said", "that", "people") and
replaces every other word (names, places, topic words) by a made-up word of its own,
and scales its figures: two replicas share what two unrelated stories share, the
generic words, and no name, quotation or figure. A corpus of 10,000 articles then has
the spread of many distinct stories, not of 35 stories repeated. Within a replica the
replacement is the same in every article, so its outlets still tell one story, with
the same overlaps between them as the real articles have. The same replacement is
offered for article text (to build projects, e.g. for build benchmarks) and for
extraction records (to benchmark merging without running spaCy on every copy).

    .venv/bin/python -m benchmarks.generate OUT_DIR N_ARTICLES   # a project of N articles
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from benchmarks.corpus import Cluster, front_matter, load_clusters
from sitegen.extract.records import ArticleFacts, FactCandidate, NameMention, Speaker
from sitegen.factbase.model import Figure

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+")
_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"


COMMON_SHARE = 0.85  # a word used by this share of the stories is never replaced


@dataclass
class Variation:
    """How replica `replica` of a story rewrites its words and figures."""

    replica: int
    common: frozenset[str]  # lower-case words nearly every story uses: never replaced

    @property
    def factor(self) -> float:
        return 1 + 0.01 * (1 + self.replica % 97)

    def word(self, word: str) -> str:
        lower = word.lower()
        if self.replica == 0 or lower in self.common:
            return word
        made_up = _made_up(lower, self.replica)
        if word.isupper() and len(word) > 1:
            return made_up.upper()
        return made_up.capitalize() if word[:1].isupper() else made_up

    def text(self, text: str) -> str:
        text = _WORD.sub(lambda m: self.word(m.group(0)), text)
        if self.replica == 0:
            return text
        return _NUMBER.sub(lambda m: str(round(int(m.group(0)) * self.factor)), text)

    def figure(self, figure: Figure) -> Figure:
        return replace(
            figure, value=round(figure.value * self.factor, 6), text=self.text(figure.text)
        )


def _made_up(word: str, replica: int) -> str:
    digest = hashlib.blake2b(f"{replica}:{word}".encode(), digest_size=8).digest()
    syllables = max(2, min(4, (len(word) + 1) // 2))
    return "".join(
        _CONSONANTS[digest[2 * i] % len(_CONSONANTS)] + _VOWELS[digest[2 * i + 1] % len(_VOWELS)]
        for i in range(syllables)
    )


def common_words(clusters: list[Cluster]) -> frozenset[str]:
    """The lower-case words nearly every cluster uses."""
    spread = Counter(
        w
        for c in clusters
        for w in {w.lower() for a in c.articles for w in _WORD.findall(a["text"])}
    )
    return frozenset(w for w, n in spread.items() if n >= COMMON_SHARE * len(clusters))


def replicas(clusters: list[Cluster], articles: int) -> Iterator[tuple[Cluster, Variation]]:
    """Stories, round-robin over the clusters, until `articles` articles are reached;
    the last story may be cut short."""
    common = common_words(clusters)
    total, number = 0, 0
    while total < articles:
        cluster = clusters[number % len(clusters)]
        yield cluster, Variation(number // len(clusters), common)
        total += len(cluster.articles)
        number += 1


def write_corpus(root: Path, articles: int, clusters: list[Cluster] | None = None) -> Path:
    """A project folder with `articles` seed articles (front-matter .md files)."""
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    written = 0
    for story, (cluster, variation) in enumerate(replicas(clusters or load_clusters(), articles)):
        for number, article in enumerate(cluster.articles):
            if written == articles:
                return root
            varied = {
                **article,
                "title": variation.text(article.get("title") or ""),
                "text": variation.text(article["text"]),
            }
            name = f"{story:05d}-{number:02d}-{article.get('source', 'src')}.md"
            (seeds / name).write_text(front_matter(varied), encoding="utf-8")
            written += 1
    return root


def vary_facts(facts: ArticleFacts, source: str, variation: Variation) -> ArticleFacts:
    """Extraction records of an article as its replica would give them."""
    return ArticleFacts(
        source=source,
        mentions=[_vary_mention(m, variation) for m in facts.mentions],
        facts=[_vary_fact(f, source, variation) for f in facts.facts],
    )


def _vary_mention(mention: NameMention, v: Variation) -> NameMention:
    return replace(mention, name=v.text(mention.name), roles=[v.text(r) for r in mention.roles])


def _vary_fact(fact: FactCandidate, source: str, v: Variation) -> FactCandidate:
    return replace(
        fact,
        source=source,
        text=v.text(fact.text),
        quote=v.text(fact.quote) if fact.quote else fact.quote,
        speaker=Speaker(v.text(fact.speaker.text), fact.speaker.is_person)
        if fact.speaker
        else None,
        names=[v.text(n) for n in fact.names],
        figures=[v.figure(f) for f in fact.figures],
        entities=[v.text(e) for e in fact.entities],
        lemmas=[v.text(lemma) for lemma in fact.lemmas],
        frames=[v.text(frame) for frame in fact.frames],
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1])
        return 2
    root = write_corpus(Path(argv[0]), int(argv[1]))
    print(f"wrote {argv[1]} articles to {root / 'seeds'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
