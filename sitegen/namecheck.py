"""People the build kept apart whose names read like one name spelled two ways.

Outlets misspell names ("Ana Garza" / "Anna Garza", "Eliot Isaac" / "Elliot Isaac").
The merge joins the variants it can decide on (a typist's swap or doubled letter, seen
in different articles); a pair it kept apart that differs by a letter or two in one
part of the name, or by one part of a double surname ("Julie Roberts" / "Julie
Roberts-Cole"), is for a person to decide, so `sitegen check` names both in a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from sitegen.spelling import fold


@dataclass(frozen=True)
class Misspellings:
    """What `sitegen check` calls one name spelled two ways (the merge's own numbers are
    `sitegen.merge.params.MergeParams`; this is the check's)."""

    max_edits: int = 2  # letters inserted, deleted or changed in the one differing part
    min_letters: int = 3  # of that part: "Al" and "Ed" are different names, not misspellings


TUNED = Misspellings()


def close_pairs(
    people: Iterable[tuple[str, str]], params: Misspellings = TUNED
) -> list[tuple[str, str]]:
    """(id, id) pairs of `people` ((id, name) each) whose names have the same number of
    words, agree on all but one, and differ in that one by at most `max_edits` letters."""
    by_size: dict[int, list[tuple[str, list[str]]]] = {}
    for person_id, name in people:
        parts = [fold(w.strip(".,")) for w in name.split()]
        if len(parts) >= 2:
            by_size.setdefault(len(parts), []).append((person_id, parts))
    pairs = []
    for group in by_size.values():
        by_last = _bucket(group)
        for bucket in by_last.values():
            for (a, pa), (b, pb) in combinations(bucket, 2):
                if _one_part_misspelt(pa, pb, params):
                    pairs.append((a, b))
    return sorted(set(pairs))


def _bucket(group: list[tuple[str, list[str]]]) -> dict[str, list[tuple[str, list[str]]]]:
    """Candidates share their first or their last word (each person in two buckets)."""
    buckets: dict[str, list[tuple[str, list[str]]]] = {}
    for item in group:
        parts = item[1]
        buckets.setdefault("first:" + parts[0], []).append(item)
        buckets.setdefault("last:" + parts[-1], []).append(item)
    return buckets


def _one_part_misspelt(a: list[str], b: list[str], params: Misspellings) -> bool:
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    if x in y.split("-") or y in x.split("-"):
        return True  # "Roberts" and "Roberts-Cole": a married name, or a relative
    return min(len(x), len(y)) >= params.min_letters and edits(x, y) <= params.max_edits


def edits(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
