"""Candidate pairs for comparison, without comparing all pairs.

An inverted index maps each key (person, entity, figure, frame, lemma, quoted 3-word
shingle) to the passages that have it. Each passage probes only its PROBE_KEYS rarest
keys, and keys held by more than MAX_POSTING passages are too common to probe at all,
so the work per passage is bounded and the number of pairs grows linearly with the
input. A pair is kept when it shares two probed keys, or one strong key (a person, a
figure, a named thing or quoted words): one shared common word is no reason to compare.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterator

from sitegen.merge.features import Passage, figure_key

MAX_POSTING = 50
PROBE_KEYS = 12
UNBLOCKED_KINDS = ("d:",)  # dates are shared by unrelated statements of one day
STRONG_KINDS = ("p:", "f:", "e:", "q:")


def blocking_keys(item: Passage) -> Iterator[str]:
    yield from (k for k in item.keys if not k.startswith(UNBLOCKED_KINDS))
    yield from (figure_key(f) for f in item.figures)
    yield from ("q:" + s for s in item.shingles)


def candidate_pairs(items: list[Passage]) -> list[tuple[int, int]]:
    keys = [sorted(set(blocking_keys(item))) for item in items]
    postings: dict[str, list[int]] = defaultdict(list)
    for item, item_keys in zip(items, keys, strict=True):
        for key in item_keys:
            postings[key].append(item.index)
    pairs: set[tuple[int, int]] = set()
    for item, item_keys in zip(items, keys, strict=True):
        eligible = [(len(postings[k]), k) for k in item_keys if 1 < len(postings[k]) <= MAX_POSTING]
        shared: Counter[int] = Counter()
        strong: set[int] = set()
        for _, key in heapq.nsmallest(PROBE_KEYS, eligible):
            others = postings[key]
            shared.update(others)
            if key.startswith(STRONG_KINDS):
                strong.update(others)
        i = item.index
        pairs.update(
            (min(i, o), max(i, o)) for o, n in shared.items() if o != i and (n >= 2 or o in strong)
        )
    return sorted(pairs)
