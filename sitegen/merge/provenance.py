"""Which sources copy or rewrite another, and how many independent sources a claim has.

Two sources are one line of reporting when most of the facts of the shorter one are
also in the other, told in the same order, with the same quotations in the same order.
Independent outlets covering one event share some facts too, but tell them in their own
order and pick their own quotations. Of such a pair, the copy is the one whose wording
departs more from how the story's other sources word the same facts (a synonym-spun
rewrite uses words nobody else uses); without that evidence, the later or shorter one.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from sitegen.merge.claims import Clustering
from sitegen.model import Claim, Source

SHARED_FACTS = 0.5  # share of the shorter source's claims the other one also states
SAME_ORDER = 0.8  # share of the shared claims told in the same order
MIN_SHARED = 3
MIN_SHARED_QUOTES = 2
MAX_SOURCES = 50  # a claim cited by more sources says nothing about who copied whom


@dataclass
class _Pair:
    shared: list[int]  # clusters both sources cite
    quotes: int  # of which quotations


def derived_sources(result: Clustering, sources: dict[str, Source]) -> dict[str, list[str]]:
    """Source id -> the ids of the sources it copies or rewrites."""
    order = _cluster_order(result)
    pairs: dict[tuple[str, str], _Pair] = defaultdict(lambda: _Pair([], 0))
    for number, members in enumerate(result.clusters):
        cited = sorted({result.items[i].source for i in members})
        if len(cited) > MAX_SOURCES:
            continue
        is_quote = all(result.items[i].fact.kind == "quote" for i in members)
        for a, b in combinations(cited, 2):
            pairs[(a, b)].shared.append(number)
            pairs[(a, b)].quotes += is_quote
    used_by: dict[str, set[str]] = defaultdict(set)  # lemma key -> sources using it
    for item in result.items:
        for key in item.keys:
            if key.startswith("l:"):
                used_by[key].add(item.source)
    derived: dict[str, set[str]] = defaultdict(set)
    for (a, b), pair in sorted(pairs.items()):
        if _one_line(pair, order[a], order[b]):
            copy, original = _copy_of(a, b, pair, result, sources, order, used_by)
            derived[copy].add(original)
    return {source: sorted(originals) for source, originals in sorted(derived.items())}


def _cluster_order(result: Clustering) -> dict[str, dict[int, int]]:
    """Per source, each cluster's position in the source (by first citation)."""
    first: dict[str, dict[int, int]] = defaultdict(dict)
    for number, members in enumerate(result.clusters):
        for i in members:
            fact = result.items[i].fact
            known = first[fact.source].get(number)
            first[fact.source][number] = fact.start if known is None else min(known, fact.start)
    return first


def _one_line(pair: _Pair, left: dict[int, int], right: dict[int, int]) -> bool:
    if len(pair.shared) < MIN_SHARED or pair.quotes < MIN_SHARED_QUOTES:
        return False
    if len(pair.shared) < SHARED_FACTS * min(len(left), len(right)):
        return False
    in_left = sorted(pair.shared, key=lambda c: left[c])
    in_right = [right[c] for c in in_left]
    return _longest_increasing(in_right) >= SAME_ORDER * len(in_right)


def _longest_increasing(values: list[int]) -> int:
    tails: list[int] = []
    for value in values:
        at = bisect.bisect_left(tails, value)
        tails[at : at + 1] = [value]
    return len(tails)


def _copy_of(
    a: str,
    b: str,
    pair: _Pair,
    result: Clustering,
    sources: dict[str, Source],
    order: dict[str, dict[int, int]],
    used_by: dict[str, set[str]],
) -> tuple[str, str]:
    """(copy, original) for two sources found to be one line of reporting: where their
    passages of one claim word it differently, the copy's words are the ones the
    story's other sources use less; failing that, the later, then the shorter source."""
    words: dict[str, set[str]] = {a: set(), b: set()}
    for number in pair.shared:
        for i in result.clusters[number]:
            item = result.items[i]
            if item.source in words:
                words[item.source].update(k for k in item.keys if k.startswith("l:"))
    only = {a: words[a] - words[b], b: words[b] - words[a]}

    def typical(source: str) -> float:
        """Share of its own wording that other sources use too (smoothed: a source
        with no wording of its own is as typical as can be told)."""
        own = only[source]
        return (sum(bool(used_by[w] - {a, b}) for w in own) + 1) / (len(own) + 2)

    dates = [sources[s].date if s in sources else None for s in (a, b)]
    if typical(a) != typical(b):
        copy = a if typical(a) < typical(b) else b
    elif dates[0] and dates[1] and dates[0] != dates[1]:
        copy = a if dates[0] > dates[1] else b
    else:
        copy = a if (len(order[a]), b) < (len(order[b]), a) else b
    return copy, b if copy == a else a


def rewrites(derived: dict[str, list[str]]) -> dict[str, int]:
    """Per copying source, how many rewrites it is away from an original: 1 for a copy
    of an original, 2 for a copy of that copy (the longest chain counts)."""
    depth: dict[str, int] = {}

    def walk(source: str, seen: frozenset[str]) -> int:
        if source not in derived or source in seen:
            return 0
        if source not in depth:
            depth[source] = 1 + max(walk(o, seen | {source}) for o in derived[source])
        return depth[source]

    for source in derived:
        walk(source, frozenset())
    return depth


def source_families(derived: dict[str, list[str]]) -> dict[str, str]:
    """Source id -> one representative of its line of reporting (copies and originals)."""
    parent: dict[str, str] = {}

    def root(source: str) -> str:
        while parent.get(source, source) != source:
            source = parent[source]
        return source

    for copy, originals in sorted(derived.items()):
        for original in originals:
            a, b = sorted((root(copy), root(original)))
            if a != b:
                parent[b] = a
    return {source: root(source) for source in parent}


def independent_count(claim: Claim, families: dict[str, str]) -> int:
    """Distinct sources, counting a copy and what it copies once."""
    return len({families.get(s, s) for s in claim.source_ids})
