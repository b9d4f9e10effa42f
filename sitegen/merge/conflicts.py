"""Disputed claims: claims about one subject whose figures, dates or actors disagree.

Clustering finds the disagreeing passage pairs (similarity.py) and keeps them apart;
here each pair (but those only told on different days) becomes a link between the two
claims that cite them, in both directions, and both claims become `disputed`.
"""

from __future__ import annotations

from datetime import date

from sitegen.factbase.model import Claim, status_for
from sitegen.merge.claims import Clustering
from sitegen.merge.features import Passage
from sitegen.merge.similarity import Conflict, age_gap, age_holders


def mark_conflicts(result: Clustering, claims: list[Claim], dates: dict[str, str]) -> None:
    """Fill `conflicts` (sorted ids, both directions) and `differs` (what differs from
    each: "figure", "date", "actor"), and set every claim's status. Two passages of
    sources with different dates (`dates`: source id -> date) do not dispute each
    other: the later report revises the earlier one, and the claims name each other
    in `updates` instead (but for a person's age, below)."""
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
        if when[0] and when[1] and when[0] != when[1] and _revisable(result, i, j, when):
            revised.setdefault(a, set()).add(b)
            revised.setdefault(b, set()).add(a)
            continue
        links.setdefault(a, {}).setdefault(b, set()).add(kind)
        links.setdefault(b, {}).setdefault(a, set()).add(kind)
    return links, revised


def _revisable(result: Clustering, i: int, j: int, when: list[str | None]) -> bool:
    """A later report may revise an earlier one, but not a person's age by more than
    the years between the two reports ("20-year-old Dashwan Smith" in November,
    "22-year-old Dashwan Smith" the next May is a dispute), nor make anyone younger
    (a "six-year-old" on Saturday, a "5-year-old" on Monday)."""
    gap = age_gap(result.items[i], result.items[j])
    if not gap:
        return True
    try:
        days = abs((date.fromisoformat(when[0] or "") - date.fromisoformat(when[1] or "")).days)
    except ValueError:
        return True
    earlier, later = (i, j) if (when[0] or "") < (when[1] or "") else (j, i)
    return gap <= days / 365.25 + 1 and not _younger(result.items[earlier], result.items[later])


def _younger(earlier: Passage, later: Passage) -> bool:
    """The later passage gives someone both give an age to a lower age than the earlier."""
    before, after = age_holders(earlier), age_holders(later)
    return any(max(after[p]) < min(before[p]) for p in before.keys() & after.keys())
