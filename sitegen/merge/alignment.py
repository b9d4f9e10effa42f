"""Order evidence: two accounts of one event tend to tell their facts in the same order.

The claims two sources already share, taken in an order both sources agree on (a
longest increasing run), anchor an alignment of the two articles. Between two
consecutive anchors, a passage of one source and a passage of the other that are each
other's best match, with a modest score, are taken to state the same fact: a rewrite
that swapped every word for a synonym still says the same thing in the same place.
Sources that tell the story in their own order share few anchors in order, and their
gaps stay unaligned. So do sources that share only a few claims in order among many
passages (independent outlets covering one event): their gaps are long and hold
different facts, and a mutual best there is a shared topic word, not a shared place.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations, pairwise

from sitegen.merge.params import MergeParams


@dataclass(frozen=True)
class GapMatch:
    left: int
    right: int
    sole: bool  # the only passage on each side of its gap: placed by order alone


def gap_links(
    sources: dict[str, list[int]],
    cluster_of: dict[int, int],
    scores: dict[int, dict[int, float]],
    params: MergeParams,
) -> list[GapMatch]:
    """Passages matched between anchors, each the other's best match in its gap.
    `sources` lists each source's passages in text order, `cluster_of` gives each
    passage's current cluster."""
    clusters_of_source: dict[str, dict[int, int]] = {}
    for source, items in sources.items():
        first: dict[int, int] = {}
        for position, i in enumerate(items):
            first.setdefault(cluster_of[i], position)
        clusters_of_source[source] = first
    together: dict[tuple[str, str], int] = defaultdict(int)
    members: dict[int, set[str]] = defaultdict(set)
    for source, first in clusters_of_source.items():
        for number in first:
            members[number].add(source)
    for cited in members.values():
        if len(cited) <= params.anchor_sources:
            for pair in combinations(sorted(cited), 2):
                together[pair] += 1
    links: list[GapMatch] = []
    for (a, b), count in sorted(together.items()):
        if count >= params.min_anchors:
            links.extend(
                _align(
                    sources[a],
                    sources[b],
                    clusters_of_source[a],
                    clusters_of_source[b],
                    scores,
                    params,
                )
            )
    return links


def _align(
    left: list[int],
    right: list[int],
    left_first: dict[int, int],
    right_first: dict[int, int],
    scores: dict[int, dict[int, float]],
    params: MergeParams,
) -> list[GapMatch]:
    shared = sorted((left_first[c], right_first[c]) for c in left_first if c in right_first)
    anchors = _increasing([r for _, r in shared], shared)
    if len(anchors) < max(params.min_anchors, params.density * min(len(left), len(right))):
        return []
    bounds = [(-1, -1), *anchors, (len(left), len(right))]
    links: list[GapMatch] = []
    for (l0, r0), (l1, r1) in pairwise(bounds):
        gap_left, gap_right = left[l0 + 1 : l1], right[r0 + 1 : r1]
        if gap_left and gap_right:
            sole = len(gap_left) == len(gap_right) == 1
            links.extend(
                GapMatch(i, j, sole)
                for i, j in _mutual_best(gap_left, gap_right, scores, params.least_score)
            )
    return links


def _increasing(values: list[int], pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` whose second members increase (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for k, value in enumerate(values):
        at = bisect.bisect_left(tails, value)
        if at:
            previous[k] = tail_index[at - 1]
        tails[at : at + 1] = [value]
        tail_index[at : at + 1] = [k]
    run, k = [], tail_index[-1] if tail_index else -1
    while k >= 0:
        run.append(pairs[k])
        k = previous[k]
    return run[::-1]


def _mutual_best(
    left: list[int], right: list[int], scores: dict[int, dict[int, float]], least: float
) -> list[tuple[int, int]]:
    """Pairs each the other's best match across a gap, scoring `least` or more."""
    right_set = set(right)
    best_of_left = {}
    for i in left:
        row = [(s, -j, j) for j, s in scores.get(i, {}).items() if j in right_set]
        if row:
            best_of_left[i] = max(row)[2]
    links = []
    left_set = set(left)
    for i, j in best_of_left.items():
        back = [(s, -k, k) for k, s in scores.get(j, {}).items() if k in left_set]
        if max(back)[2] == i and scores[i][j] >= least:
            links.append((i, j))
    return links
