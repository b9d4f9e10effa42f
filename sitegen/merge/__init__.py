"""Merging: per-article extraction results -> one fact base for the story.

People first (names to person ids), then passages are clustered into claims; the
clusters tell which sources copy others (provenance), which joins the halves of a
sentence a copy split in two and picks each claim's wording, each person's description
and each claim's independent source count; disagreeing clusters become disputed claims.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitegen.merge.params import TUNED, MergeParams

if TYPE_CHECKING:  # the merge's modules load when it runs: `sitegen.merge.params` is
    # read by every build's freshness check, which must not pay for them
    from sitegen.extract.records import ArticleFacts
    from sitegen.factbase.model import FactBase
    from sitegen.ingest import Article
    from sitegen.merge.people import PeopleIndex


def merge(
    articles: list[Article], extracted: list[ArticleFacts], params: MergeParams = TUNED
) -> FactBase:
    """The fact base of the story, merged by `params` (`MergeParams()`: as tuned)."""
    from sitegen.collector import paused
    from sitegen.merge.people import build_people

    with paused():
        return merge_claims(articles, extracted, build_people(extracted, params))


def merge_claims(
    articles: list[Article], extracted: list[ArticleFacts], people: PeopleIndex
) -> FactBase:
    """Everything after the people (merged by the people's parameters): claims,
    provenance, conflicts, counts."""
    from sitegen.factbase.model import FactBase, Source
    from sitegen.merge.claims import build_claims, cluster, join_split_sentences
    from sitegen.merge.conflicts import mark_conflicts
    from sitegen.merge.credited import citation_origins, independent_counts, source_origins
    from sitegen.merge.features import passages
    from sitegen.merge.provenance import derived_sources, rewrites

    params = people.params
    facts = [fact for result in extracted for fact in result.facts]
    result = cluster(passages(facts, people, params), params)
    base = FactBase()
    for article in articles:
        base.sources[article.id] = Source(
            id=article.id,
            file=article.file,
            sha256=article.sha256,
            title=article.title,
            publisher=article.publisher,
            url=article.url,
            date=article.date,
            author=article.author,
        )
    texts = {article.id: article.text for article in articles}
    lineage = derived_sources(result, base.sources, texts)
    for source, originals in lineage.derived.items():
        base.sources[source].derived_from = originals
    source_origins(base.sources, extracted, lineage)
    join_split_sentences(result, lineage.reworded_from)
    depth = rewrites(lineage.one_line)
    people.describe(depth)
    names = {pid: person.name for pid, person in people.people.items()}
    claims = build_claims(result, names, depth)
    via = {(f.source, f.start, f.end): f.via for f in facts if f.via}
    citation_origins(claims, base.sources, extracted, texts, via, params)
    independent_counts(claims, base.sources)
    mark_conflicts(result, claims, {s.id: s.date for s in base.sources.values() if s.date})
    base.people = dict(sorted(people.people.items()))
    base.claims = {claim.id: claim for claim in sorted(claims, key=lambda c: c.id)}
    return base
