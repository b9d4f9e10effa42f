"""Merging: per-article extraction results -> one fact base for the story."""

from __future__ import annotations

from sitegen.extract.records import ArticleFacts
from sitegen.ingest import Article
from sitegen.merge.claims import merge_claims
from sitegen.merge.people import build_people
from sitegen.model import FactBase, Source


def merge(articles: list[Article], extracted: list[ArticleFacts]) -> FactBase:
    people = build_people(extracted)
    facts = [fact for result in extracted for fact in result.facts]
    claims = merge_claims(facts, people)
    base = FactBase()
    for article in articles:
        base.sources[article.id] = Source(
            id=article.id, file=article.file, sha256=article.sha256, title=article.title,
            publisher=article.publisher, url=article.url, date=article.date,
            author=article.author,
        )
    base.people = dict(sorted(people.people.items()))
    base.claims = {claim.id: claim for claim in claims}
    return base
