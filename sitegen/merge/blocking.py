"""Candidate pairs for comparison, without comparing all pairs.

An inverted index maps each key (person, entity, figure, frame, lemma, quoted 3-word
shingle) to the passages that have it. Each passage probes only its `probe_keys` rarest
keys, and keys held by more than `max_posting` passages are too common to probe at all,
so the work per passage is bounded and the number of pairs grows linearly with the
input. A pair is kept when it shares two probed keys, or one strong key (a person, a
figure, a named thing or quoted words): one shared common word is no reason to compare.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterator

from sitegen.merge.features import Passage, figure_key, measured_key
from sitegen.merge.keys import KeyKind
from sitegen.merge.params import MergeParams

# dates are shared by unrelated statements of one day
UNBLOCKED_KINDS = (KeyKind.DATE.prefix,)
# one shared key of these kinds is reason enough to compare
STRONG_KINDS = tuple(
    k.prefix for k in (KeyKind.PERSON, KeyKind.FIGURE, KeyKind.ENTITY, KeyKind.QUOTED)
)


def blocking_keys(item: Passage) -> set[str | int]:
    """The keys a passage is filed under: its keys but dates, its figures, and its runs
    of quoted words (ints: their ranks, `features.rank_shingles`)."""
    keys: set[str | int] = {k for k in item.keys if not k.startswith(UNBLOCKED_KINDS)}
    keys.update(figure_key(f) for f in item.figures)
    keys.update(measured_key(f) for f in item.figures if f.unit and f.counts)
    keys.update(item.shingles)
    return keys


_QUOTED = KeyKind.QUOTED.prefix


def _probe_order(count: int, key: str | int) -> tuple[int, str] | tuple[int, str, int]:
    """How rare a key is, then the key as text ("q:" and its run's text for a run of
    quoted words, which its rank orders like): the rarest keys are probed first, ties
    in the order of their text."""
    return (count, key) if isinstance(key, str) else (count, _QUOTED, key)


def candidate_pairs(items: list[Passage], params: MergeParams) -> Iterator[tuple[int, int]]:
    """The pairs (i < j, by passage index) worth comparing, in order. Each passage's
    keys are worked out again where they are needed, not kept for all at once, and the
    pairs are kept as each passage's list of later partners: a set of every pair
    (558,662 at 3,000 articles) beside every passage's keys was part of the merge's peak."""
    postings: dict[str | int, list[int]] = defaultdict(list)
    for item in items:
        for key in blocking_keys(item):
            postings[key].append(item.index)
    later: dict[int, list[int]] = defaultdict(list)  # i -> partners j > i, repeated
    for item in items:
        eligible = [
            _probe_order(count, k)
            for k in blocking_keys(item)
            if 1 < (count := len(postings[k])) <= params.max_posting
        ]
        shared: Counter[int] = Counter()
        strong: set[int] = set()
        for probe in heapq.nsmallest(params.probe_keys, eligible):
            key = probe[-1]
            others = postings[key]
            shared.update(others)
            if not isinstance(key, str) or key.startswith(STRONG_KINDS):
                strong.update(others)
        i = item.index
        for o, n in shared.items():
            if o != i and (n >= 2 or o in strong):
                later[min(i, o)].append(max(i, o))
    del postings
    for i in sorted(later):
        for j in sorted(set(later.pop(i))):
            yield i, j
