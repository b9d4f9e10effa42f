"""Extraction: seed articles -> per-article fact candidates and name mentions (spaCy).

Importing this package does not import spaCy (merging and the extraction cache use its
records); `extract_articles` loads the spaCy-based extractor when it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from sitegen.extract.params import DEFAULT, ExtractParams, using

if TYPE_CHECKING:  # `sitegen.extract.params` is read by every build's freshness check
    from spacy.language import Language

    from sitegen.extract.records import ArticleFacts
    from sitegen.ingest import Article, Block

BATCH_SIZE = 16  # larger batches cost memory for no speed (see shared baselines)


def extract_articles(
    articles: list[Article], nlp: Language, params: ExtractParams = DEFAULT
) -> Iterator[ArticleFacts]:
    """Parse every prose block of every article in one `nlp.pipe` stream; extract each
    article's facts under `params`."""
    from sitegen.extract.article import extract_article

    read = [parsed_blocks(a) for a in articles]
    blocks = (
        (a.text[b.start : b.end], (i, j))
        for i, (a, parsed) in enumerate(zip(articles, read, strict=True))
        for j, b in enumerate(parsed)
    )
    docs = nlp.pipe(blocks, as_tuples=True, batch_size=BATCH_SIZE)
    for article, parsed in zip(articles, read, strict=True):
        article_docs = [next(docs)[0] for _ in parsed]
        with using(params):  # set and reset around the rules only, never across a yield
            facts = _guarded(extract_article, article, article_docs)
        yield facts


def parsed_blocks(article: Article) -> list[Block]:
    """The blocks parsed, in order: the prose, the items of lists of people, then the
    headline when it writes a number (a web story's headline is often its only full
    count: "One dead, four hurt in …")."""
    from sitegen.extract.numbers import may_count

    headline = article.headline
    if headline is None or not may_count(article.text[headline.start : headline.end]):
        return [*article.prose, *article.items]
    return [*article.prose, *article.items, headline]


def _guarded(extract: Callable, article: Article, docs: list) -> ArticleFacts:
    """`extract(article, docs)`, or, when it fails unexpectedly, no facts and the reason:
    one article a page mangled must not stop the build (the caller warns)."""
    from sitegen.extract.article import ParagraphError
    from sitegen.extract.records import ArticleFacts

    try:
        return extract(article, docs)
    except Exception as exc:  # a bug met on odd text: reported, never a traceback
        cause = exc.__cause__ if isinstance(exc, ParagraphError) and exc.__cause__ else exc
        start = exc.start if isinstance(exc, ParagraphError) else None
        return ArticleFacts(
            source=article.id,
            failure=f"extraction failed ({type(cause).__name__}: {cause})",
            failure_line=None if start is None else article.text.count("\n", 0, start) + 1,
        )
