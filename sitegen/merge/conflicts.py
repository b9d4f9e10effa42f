"""Disputed claims: claims about one subject whose figures, dates or actors disagree.

Clustering finds the disagreeing passage pairs (similarity.py) and keeps them apart;
here each pair (but those only told on different days) becomes a link between the two
claims that cite them, in both directions, and both claims become `disputed`.
"""

from __future__ import annotations

from sitegen.factbase.model import Claim, status_for
from sitegen.merge.claims import Clustering
from sitegen.merge.similarity import Conflict


def mark_conflicts(result: Clustering, claims: list[Claim], dates: dict[str, str]) -> None:
    """Fill `conflicts` (sorted ids, both directions) and `differs` (what differs from
    each: "figure", "date", "actor"), and set every claim's status. Two passages of
    sources with different dates (`dates`: source id -> date) do not dispute each
    other: the later report revises the earlier one, and the claims name each other
    in `updates` instead."""
    links, revised = _links(result, dates)
    for number, claim in enumerate(claims):
        rivals = links.get(number, {})
        claim.conflicts = sorted(claims[other].id for other in rivals)
        claim.updates = sorted(claims[other].id for other in revised.get(number, ()))
        claim.differs = {
            claims[other].id: ", ".join(sorted(kind.value for kind in kinds))
            for other, kinds in sorted(rivals.items())
        }
        independent = claim.independent_sources or len(claim.source_ids)
        claim.status = status_for(independent, disputed=bool(claim.conflicts))


def _links(
    result: Clustering, dates: dict[str, str]
) -> tuple[dict[int, dict[int, set[Conflict]]], dict[int, set[int]]]:
    """(claim -> rival claim -> what differs, claim -> claims it updates or is updated
    by), by claim number."""
    claim_of = {i: number for number, members in enumerate(result.clusters) for i in members}
    links: dict[int, dict[int, set[Conflict]]] = {}
    revised: dict[int, set[int]] = {}
    for (i, j), kind in result.conflicts.items():
        if kind == Conflict.APART:
            continue
        a, b = claim_of[i], claim_of[j]
        if a == b:
            continue
        when = [dates.get(result.items[k].source) for k in (i, j)]
        if when[0] and when[1] and when[0] != when[1]:
            revised.setdefault(a, set()).add(b)
            revised.setdefault(b, set()).add(a)
            continue
        links.setdefault(a, {}).setdefault(b, set()).add(kind)
        links.setdefault(b, {}).setdefault(a, set()).add(kind)
    return links, revised
