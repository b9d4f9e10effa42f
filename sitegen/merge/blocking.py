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


def blocking_keys(item: Passage) -> Iterator[str]:
    yield from (k for k in item.keys if not k.startswith(UNBLOCKED_KINDS))
    yield from (figure_key(f) for f in item.figures)
    yield from (measured_key(f) for f in item.figures if f.unit and f.counts)
    yield from (KeyKind.QUOTED.key(s) for s in item.shingles)


def candidate_pairs(items: list[Passage], params: MergeParams) -> list[tuple[int, int]]:
    keys = [sorted(set(blocking_keys(item))) for item in items]
    postings: dict[str, list[int]] = defaultdict(list)
    for item, item_keys in zip(items, keys, strict=True):
        for key in item_keys:
            postings[key].append(item.index)
    pairs: set[tuple[int, int]] = set()
    for item, item_keys in zip(items, keys, strict=True):
        eligible = [
            (len(postings[k]), k) for k in item_keys if 1 < len(postings[k]) <= params.max_posting
        ]
        shared: Counter[int] = Counter()
        strong: set[int] = set()
        for _, key in heapq.nsmallest(params.probe_keys, eligible):
            others = postings[key]
            shared.update(others)
            if key.startswith(STRONG_KINDS):
                strong.update(others)
        i = item.index
        pairs.update(
            (min(i, o), max(i, o)) for o, n in shared.items() if o != i and (n >= 2 or o in strong)
        )
    return sorted(pairs)
