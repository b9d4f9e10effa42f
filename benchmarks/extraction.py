"""Running extraction for benchmarks, once per distinct article text.

Merge benchmarks measure merging, not spaCy: extraction results are cached on disk,
keyed by the article's text, the extraction code itself and the extraction parameters, so
a change to sitegen/extract/ or a `--set` invalidates the cache and nothing stale is ever measured.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from pathlib import Path

from sitegen.extract.params import DEFAULT, ExtractParams
from sitegen.extract.records import ArticleFacts
from sitegen.freshness import extraction_version
from sitegen.ingest import Article

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(
    os.environ.get("SITEGEN_BENCH_CACHE", Path.home() / ".cache" / "sitegen-bench" / "extraction")
)


def _key(article: Article, version: str) -> str:
    suffix = article.path.suffix.lower()  # .md and .txt are read differently
    return hashlib.sha256(f"{version}\0{suffix}\0{article.text}".encode()).hexdigest()


def extract_cached(
    articles: list[Article], model: str = "en_core_web_sm", params: ExtractParams = DEFAULT
) -> list[ArticleFacts]:
    """Extraction results for `articles`, from the cache where the same text was seen.

    Cached results are re-labelled with each article's id, so one cached extraction
    serves every replicated copy of a text.
    """
    version = extraction_version(params)
    CACHE.mkdir(parents=True, exist_ok=True)
    results: dict[int, ArticleFacts] = {}
    missing: list[int] = []
    for i, article in enumerate(articles):
        path = CACHE / f"{_key(article, version)}.pickle"
        if path.is_file():
            results[i] = _relabel(pickle.loads(path.read_bytes()), article.id)
        else:
            missing.append(i)
    if missing:
        from sitegen.extract import extract_articles
        from sitegen.nlp import load_model

        todo = [articles[i] for i in missing]
        for i, facts in zip(
            missing, extract_articles(todo, load_model(model), params), strict=True
        ):
            path = CACHE / f"{_key(articles[i], version)}.pickle"
            path.write_bytes(pickle.dumps(facts))
            results[i] = facts
    return [results[i] for i in range(len(articles))]


def _relabel(facts: ArticleFacts, source: str) -> ArticleFacts:
    if facts.source == source:
        return facts
    return ArticleFacts(
        source=source,
        mentions=facts.mentions,
        facts=[replace(fact, source=source) for fact in facts.facts],
    )
