"""People the build kept apart whose names read like one name spelled two ways.

Outlets misspell names ("Ana Garza" / "Anna Garza", "Eliot Isaac" / "Elliot Isaac").
The merge joins the variants it can decide on (a typist's swap or doubled letter, seen
in different articles); a pair it kept apart that differs by a letter or two in one
part of the name, or by one part of a double surname ("Julie Roberts" / "Julie
Roberts-Cole"), is for a person to decide, so `sitegen check` names both in a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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
    pairs = []
    for bucket in _agreeing(people).values():
        for a, b in _candidates(bucket, params.max_edits):
            if _one_part_misspelt(a[1], b[1], params):
                pairs.append((a[0], b[0]) if a[2] < b[2] else (b[0], a[0]))
    return sorted(set(pairs))


Named = tuple[str, list[str], int]
FEW = 8  # a bucket of at most this many people: every pair compared  # id, folded words, place in the input


def _agreeing(people: Iterable[tuple[str, str]]) -> dict[tuple, list[tuple[Named, str]]]:
    """People whose names agree on every word but one, by those words and where the
    other one is; each with that other word. A person is in one bucket per word."""
    buckets: dict[tuple, list[tuple[Named, str]]] = {}
    for place, (person_id, name) in enumerate(people):
        parts = [fold(w.strip(".,")) for w in name.split()]
        if len(parts) < 2:
            continue
        named = (person_id, parts, place)
        for at, word in enumerate(parts):
            key = (len(parts), at, *parts[:at], *parts[at + 1 :])
            buckets.setdefault(key, []).append((named, word))
    return buckets


def _candidates(bucket: list[tuple[Named, str]], max_edits: int) -> Iterator[tuple[Named, Named]]:
    """The pairs of a bucket whose differing words could be `max_edits` apart or one a
    part of the other's hyphenated word: those sharing a form with up to `max_edits`
    letters deleted, or a hyphenated part (a bucket of 50 namesakes' first names would
    be 1,225 pairs to compare letter by letter; most share no such form)."""
    if len(bucket) <= FEW:
        yield from ((a, b) for (a, _), (b, _) in combinations(bucket, 2))
        return
    forms: dict[str, list[int]] = {}
    for index, (_, word) in enumerate(bucket):
        keys = _deletions(word, max_edits) | {"-" + part for part in word.split("-")}
        for key in keys:
            forms.setdefault(key, []).append(index)
    seen: set[tuple[int, int]] = set()
    for indexes in forms.values():
        for i, j in combinations(indexes, 2):
            if (i, j) not in seen:
                seen.add((i, j))
                yield bucket[i][0], bucket[j][0]


def _deletions(word: str, count: int) -> set[str]:
    """`word` with up to `count` letters deleted, in every way."""
    forms = {word}
    for _ in range(count):
        forms |= {form[:at] + form[at + 1 :] for form in forms for at in range(len(form))}
    return forms


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
