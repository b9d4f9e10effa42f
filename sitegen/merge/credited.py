"""Where each source's and each citation's words come from: the origins written to the
fact base (`origins` on sources, `origin` on citations) and the independent count.

A passage traces to the outlet its sentence credits ("Kurogi told Reuters …"), or to
one credited just before it ("… told The Japan Times:" opening a block quote), else to
its source's origin: an outlet the source credits as a whole (a "(Reuters) -" dateline;
an outlet every one of a group of near copies says it spoke to), else the origin it
shares with its near copies. A passage with none of these is its source's own reporting.
"""

from __future__ import annotations

import re
from collections import defaultdict

from sitegen.extract.records import ArticleFacts, Credit
from sitegen.factbase.model import Citation, Claim, Source
from sitegen.merge.params import MergeParams
from sitegen.merge.provenance import Lineage
from sitegen.origins import SHARED_LABEL, Lines, SourceLinks, outlet_key

_INTRODUCES = re.compile(r"[^.!?]*:[\s“”\"‘’']*")


def source_origins(
    sources: dict[str, Source], extracted: list[ArticleFacts], lineage: Lineage
) -> None:
    """Fill each source's `origins`: its shared origin label, then the outlets it
    credits as a whole."""
    credits = {result.source: result.credits for result in extracted}
    groups: dict[str, list[str]] = defaultdict(list)
    for member, label in lineage.shared.items():
        groups[label].append(member)
    whole: dict[str, list[str]] = defaultdict(list)
    for members in groups.values():
        for outlet in _credited_by_all(members, credits):
            for member in members:
                whole[member].append(outlet)
    for source_id, source in sources.items():
        found = [c.outlet for c in credits.get(source_id, []) if c.kind == "dateline"]
        labels = [lineage.shared[source_id]] if source_id in lineage.shared else []
        source.origins = list(dict.fromkeys([*labels, *found, *whole[source_id]]))


def _credited_by_all(members: list[str], credits: dict[str, list[Credit]]) -> list[str]:
    """Outlets every near copy in a group says someone spoke to: the reporting they
    all reprint is that outlet's (the first spelling seen names it)."""
    spellings: dict[str, str] = {}
    per_member = []
    for source in sorted(members):
        keys = set()
        for credit in credits.get(source, []):
            if credit.kind == "interview":
                key = outlet_key(credit.outlet)
                spellings.setdefault(key, credit.outlet)
                keys.add(key)
        per_member.append(keys)
    common = set.intersection(*per_member) if per_member else set()
    return [spellings[key] for key in sorted(common)]


def citation_origins(
    claims: list[Claim],
    sources: dict[str, Source],
    extracted: list[ArticleFacts],
    texts: dict[str, str],
    via: dict[tuple[str, int, int], str],
    params: MergeParams,
) -> None:
    """Set each citation's `origin` (`via`: the outlet extraction attributed a passage
    to, by (source, start, end))."""
    credits = {result.source: sorted(result.credits, key=lambda c: c.start) for result in extracted}
    for claim in claims:
        for citation in claim.citations:
            source = sources.get(citation.source)
            citation.origin = _origin(citation, source, credits, texts, via, params.around)


def _origin(
    citation: Citation,
    source: Source | None,
    credits: dict[str, list[Credit]],
    texts: dict[str, str],
    via: dict[tuple[str, int, int], str],
    reach: int,
) -> str | None:
    """The outlet the passage credits, or one credited at most `reach` characters
    before it by a phrase ending in ":", or the one extraction found, else its
    source's origin."""
    text = texts.get(citation.source, "")
    around = None
    for credit in credits.get(citation.source, []):
        if credit.kind == "dateline":
            continue
        if credit.start < citation.end and credit.end > citation.start:
            return credit.outlet  # credited in the passage itself
        near = 0 <= citation.start - credit.end <= reach
        if near and _INTRODUCES.fullmatch(text[credit.end : citation.start]):
            around = credit.outlet  # "… told The Japan Times:" opening the passage
    passed = via.get((citation.source, citation.start, citation.end))
    if around or passed:
        return around or passed
    if source is not None and source.origins:
        outlets = [o for o in source.origins if not o.startswith(SHARED_LABEL)]
        return (outlets or source.origins)[0]
    return None


def independent_counts(claims: list[Claim], sources: dict[str, Source]) -> None:
    """Each claim's independent origins, counted as `sitegen check` counts them."""
    lines = Lines.of(
        {
            s.id: SourceLinks(list(s.derived_from), list(s.origins), s.publisher)
            for s in sources.values()
        }
    )
    for claim in claims:
        claim.independent_sources = lines.count((c.source, c.origin) for c in claim.citations)
